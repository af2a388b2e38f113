"""Parsing content files: discovery, front matter, fields, Markdown."""
