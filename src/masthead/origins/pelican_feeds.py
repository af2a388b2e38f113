"""Pelican's feeds at the paths its settings gave them (``[origin] feeds``, written by ``masthead init``):
``FEED_ALL_ATOM = 'feeds/all.atom.xml'``, ``CATEGORY_FEED_ATOM = 'feeds/{slug}.atom.xml'``, and the
RSS, author, tag and per-language (``TRANSLATION_FEED_ATOM = 'feeds/all-{lang}.atom.xml'``) ones, so that
readers subscribed to them keep getting posts.

Each is made by the site feeds' own code (``render/feeds.py``) from the newest posts of its list: the
site's (its default language's for ``FEED_ATOM``), a category's, an author's or a tag's.
"""

from __future__ import annotations

from ..render import feeds
from ..site import Document, Site
from .terms import listed_in, term_slug


def _lists(site: Site, name: str) -> list[tuple[str, str, str, tuple[Document, ...]]]:
    """(slug, title, page URL, posts) of every list the feed ``name`` is made for; a site feed has one, slug ""."""
    config = site.config
    main = tuple(post for post in site.posts if listed_in(post, config) == "" and not post.noindex)
    if name.startswith("FEED_"):
        return [("", config.title, "/", main)]
    if name.startswith("TRANSLATION_"):  # every language's articles, the default's and the translations (feeds/all-fr.atom.xml)
        languages = config.origin.languages or (config.language,)
        shown = [post for post in site.posts if not post.noindex]
        by_language = {lang: tuple(post for post in shown if (post.entry.placement.lang or languages[0]) == lang) for lang in languages}
        return [(lang, f"{config.title} ({lang})", "/", posts) for lang, posts in by_language.items() if posts]
    if name.startswith("TAG_"):
        kept = {id(post) for post in main}
        return [(term_slug(tag.name, config), tag.name, tag.url, tuple(post for post in tag.posts if id(post) in kept)) for tag in site.tags]
    kind = "category" if name.startswith("CATEGORY_") else "author"
    groups = [group for group in site.groups if getattr(group, "kind", "") == kind and listed_in(group.documents[0], config) == ""]
    return [(term_slug(group.title, config), group.title, group.url, group.documents) for group in groups]


def pelican_feeds(site: Site) -> list[tuple[str, bytes]]:
    """Every feed of ``[origin] feeds``: (path in the output folder, its bytes)."""
    config = site.config
    made: list[tuple[str, bytes]] = []
    for name, pattern in sorted(config.origin.feeds.items()):
        for slug, title, url, posts in _lists(site, name):
            path = pattern.replace("{lang}" if name.startswith("TRANSLATION_") else "{slug}", slug)
            shown = title if not slug or name.startswith("TRANSLATION_") else f"{title} · {config.title}"
            language = slug if name.startswith("TRANSLATION_") else config.language
            about = feeds.Channel(shown, config.description, config.absolute_url(url), "", language, path)
            newest = posts[: config.feed_size]
            write = feeds.rss if name.endswith("_RSS") else feeds.json_feed if name.endswith("_JSON") else feeds.atom
            made.append((path, write(site, about, newest)))
    return made
