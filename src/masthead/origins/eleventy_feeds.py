"""The feeds an Eleventy site writes from its own templates (``feed/feed.njk`` with ``permalink:
feed/feed.xml``), kept at their paths by ``[origin] feeds`` so that readers subscribed to them keep
getting posts.

A template is a feed by what it writes: its permalink names an ``.xml`` or ``.json`` file and its body is
an Atom feed (``<feed xmlns="http://www.w3.org/2005/Atom">``), an RSS channel (``<rss``) or a JSON Feed
(``jsonfeed.org/version``). A feed at one of masthead's own paths (/feed.xml, /atom.xml, /feed.json)
needs nothing: masthead's stands there already.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..content.frontmatter import FrontMatterError, parse, split

_KINDS = (
    ("FEED_ALL_ATOM", ".xml", re.compile(r"<feed\b[^>]*http://www\.w3\.org/2005/Atom")),
    ("FEED_ALL_RSS", ".xml", re.compile(r"<rss\b")),
    ("FEED_ALL_JSON", ".json", re.compile(r"jsonfeed\.org/version")),
)
MASTHEAD_FEEDS = ("feed.xml", "atom.xml", "feed.json")
_TEMPLATES = (".njk", ".liquid", ".md", ".html")
_NOT_PAGES = ("_", ".", "node_modules")  # _includes, _data, the output folder _site, dotfiles


def _templates(content: Path) -> list[Path]:
    """The site's page templates, without walking into node_modules, _includes or the output folder."""
    found: list[Path] = []
    for folder, folders, files in os.walk(content):
        folders[:] = sorted(name for name in folders if not name.startswith(_NOT_PAGES))
        found.extend(Path(folder) / name for name in sorted(files) if name.endswith(_TEMPLATES))
    return found


def eleventy_feeds(content: Path) -> dict[str, str]:
    """``[origin] feeds`` of the site's feed templates, by kind: FEED_ALL_ATOM = "feed/feed.xml"…"""
    feeds: dict[str, str] = {}
    for path in _templates(content):
        try:
            text = path.read_text(encoding="utf-8")
            if not text.startswith("---"):
                continue
            parts = split(text, path.name)
            permalink = parse(parts, path.name).get("permalink")
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        if not isinstance(permalink, str) or "{" in permalink:
            continue
        output = permalink.strip().lstrip("/")
        for name, suffix, body in _KINDS:
            if output.endswith(suffix) and output not in MASTHEAD_FEEDS and name not in feeds and body.search(parts.body):
                feeds[name] = output
                break
    return feeds
