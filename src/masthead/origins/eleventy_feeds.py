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
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.datafile import DataFileError, load_data
from ..content.frontmatter import FrontMatterError, parse, split

_KINDS = (
    ("FEED_ALL_ATOM", ".xml", re.compile(r"<feed\b[^>]*http://www\.w3\.org/2005/Atom")),
    ("FEED_ALL_RSS", ".xml", re.compile(r"<rss\b")),
    ("FEED_ALL_JSON", ".json", re.compile(r"jsonfeed\.org/version")),
)
MASTHEAD_FEEDS = ("feed.xml", "atom.xml", "feed.json")
_TEMPLATES = (".njk", ".liquid", ".md", ".html")
_NOT_PAGES = ("_", ".", "node_modules")
_VARIABLE = re.compile(r"{{-?\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\s*-?}}")  # _includes, _data, the output folder _site, dotfiles


def page_templates(content: Path) -> list[Path]:
    """The site's page templates, without walking into node_modules, _includes or the output folder."""
    found: list[Path] = []
    for folder, folders, files in os.walk(content):
        folders[:] = sorted(name for name in folders if not name.startswith(_NOT_PAGES))
        found.extend(Path(folder) / name for name in sorted(files) if name.endswith(_TEMPLATES))
    return found


def _data_value(data_folder: Path, permalink: str) -> str:
    """A permalink that is one variable of the global data, ``{{ metadata.feed.path }}`` (the base blog's
    until its v8), as Eleventy renders it: the string _data/metadata.json holds there; else as written."""
    found = _VARIABLE.fullmatch(permalink.strip())
    if found is None:
        return permalink
    name, *keys = found.group(1).split(".")
    try:
        value: Any = load_data((data_folder / f"{name}.json").read_text(encoding="utf-8"), ".json")
    except (OSError, UnicodeDecodeError, DataFileError):
        return permalink
    for key in keys:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value if isinstance(value, str) and value.strip() else permalink


def eleventy_feeds(content: Path, data_folder: Path | None = None) -> dict[str, str]:
    """``[origin] feeds`` of the site's feed templates, by kind: FEED_ALL_ATOM = "feed/feed.xml"…"""
    feeds: dict[str, str] = {}
    for path in page_templates(content):
        try:
            text = path.read_text(encoding="utf-8")
            if not text.startswith("---"):
                continue
            parts = split(text, path.name)
            permalink = parse(parts, path.name).get("permalink")
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        if isinstance(permalink, str) and data_folder is not None:
            permalink = _data_value(data_folder, permalink)
        if not isinstance(permalink, str) or "{" in permalink:
            continue
        output = permalink.strip().lstrip("/")
        for name, suffix, body in _KINDS:
            if output.endswith(suffix) and output not in MASTHEAD_FEEDS and name not in feeds and body.search(parts.body):
                feeds[name] = output
                break
    return feeds
