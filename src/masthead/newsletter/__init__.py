"""The newsletter bridge: an emailed issue in, draft posts out; posts in, an email digest out.

emailparse (an .eml, .mbox, saved .html or .mhtml to ``Issue``), stories (an issue's HTML split into
stories), markdown_out (a story's HTML to Markdown in the seed's shape), importer (stories to
draft posts), digest (posts to an HTML + text email), send (SMTP and the record of what was sent).
See docs/newsletter.md.
"""
