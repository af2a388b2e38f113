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
from ..content.js_front_matter import literal_calls

_KINDS = (
    ("FEED_ALL_ATOM", ".xml", re.compile(r"<feed\b[^>]*http://www\.w3\.org/2005/Atom")),
    ("FEED_ALL_RSS", ".xml", re.compile(r"<rss\b")),
    ("FEED_ALL_JSON", ".json", re.compile(r"jsonfeed\.org/version")),
)
MASTHEAD_FEEDS = ("feed.xml", "atom.xml", "feed.json")
_VIRTUAL_KINDS = {"atom": "FEED_ALL_ATOM", "rss": "FEED_ALL_RSS", "json": "FEED_ALL_JSON"}
_FEED_PLUGIN = re.compile(r"""(?:import\s*{([^}]*)}\s*from|const\s*{([^}]*)}\s*=\s*require\s*\()\s*["']@11ty/eleventy-plugin-rss["']""")
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


def virtual_feeds(config_text: str) -> dict[str, str]:
    """``[origin] feeds`` of eleventy-plugin-rss v2's virtual templates (the base blog's
    ``addPlugin(feedPlugin, {type: "atom", outputPath: "/feed/feed.xml", …})``), by kind; Eleventy writes
    each at its ``outputPath`` (default ``/feed.xml``) as its ``type`` says (default ``atom``)."""
    names = {"feedPlugin"}
    for imported in _FEED_PLUGIN.finditer(config_text):  # import { feedPlugin as feed } from "@11ty/eleventy-plugin-rss"
        for part in (imported.group(1) or imported.group(2) or "").split(","):
            original, _, local = part.replace(":", " as ").partition(" as ")
            if original.strip() == "feedPlugin":
                names.add((local or original).strip())
    feeds: dict[str, str] = {}
    for plugin, arguments in literal_calls(config_text, "addPlugin"):
        if plugin not in names and not plugin.endswith(".feedPlugin"):
            continue
        options = arguments[1] if len(arguments) > 1 and isinstance(arguments[1], dict) else {}
        kind = _VIRTUAL_KINDS.get(str(options.get("type", "atom")))
        output = options.get("outputPath", "/feed.xml")
        if kind is None or not isinstance(output, str) or "{" in output or not output.strip("/ "):
            continue
        output = output.strip().lstrip("/")
        if output not in MASTHEAD_FEEDS and kind not in feeds:
            feeds[kind] = output
    return feeds
