"""Posts whose URL changed: remembered, warned about, and recorded as ``aliases`` on request.

Each build that writes the site remembers every published URL per source file (``urls.json`` in
the cache folder). When a later build finds a source at another URL, and the old one is not among
its aliases, it warns, naming the file and the old URL; ``masthead redirects --record`` adds the
old URL to the post's ``aliases`` by editing only the bytes of its front matter, as
``links --fix`` does, so the redirect page and the ``_redirects`` rule keep old links working.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import MastheadError, Problem

if TYPE_CHECKING:  # the build imports this module before it needs the site model
    from .config import Config
    from .site import Document, Site

FILE_NAME = "urls.json"


@dataclass(frozen=True)
class Moved:
    source: str
    old: str
    new: str
    line: int | None


def _history_path(config: Config) -> Path:
    return config.folder("cache") / FILE_NAME


def history(config: Config) -> dict[str, list[str]]:
    try:
        data = json.loads(_history_path(config).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return {str(key): [str(url) for url in value] for key, value in data.items() if isinstance(value, list)} if isinstance(data, dict) else {}


def _published(site: Site) -> list[Document]:
    return [document for document in (*site.posts, *site.pages) if not document.noindex]


def moved(site: Site, known: dict[str, list[str]]) -> list[Moved]:
    found = []
    for document in _published(site):
        entry = document.entry
        line = entry.key_lines.get("slug") or entry.key_lines.get("date")
        for old in known.get(entry.source, ()):
            if old != document.url and old not in entry.aliases:
                found.append(Moved(entry.source, old, document.url, line))
    return found


def warnings(found: list[Moved]) -> list[Problem]:
    return [
        Problem(
            item.source,
            item.line,
            "url",
            f"moved from {item.old} to {item.new}; links to the old URL will break — run `masthead redirects --record` to add it to this post's aliases",
            warning=True,
        )
        for item in found
    ]


def remember(site: Site, known: dict[str, list[str]]) -> None:
    """Add this build's URLs to the history (old ones stay until they are recorded or forgotten)."""
    updated = {source: list(urls) for source, urls in known.items()}
    for document in _published(site):
        urls = updated.setdefault(document.entry.source, [])
        if document.url not in urls:
            urls.append(document.url)
    if updated != known:
        _write(site.config, updated)


def forget(site: Site) -> None:
    """Keep only today's URLs: the moves warned about are intended, with no redirect wanted."""
    _write(site.config, {document.entry.source: [document.url] for document in _published(site)})


def _write(config: Config, data: dict[str, list[str]]) -> None:
    path = _history_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


# Recording: a byte-exact edit of the front matter ---------------------------------------------

_FENCE = re.compile(rb"^---[ \t]*\r?$", re.MULTILINE)


def add_alias(data: bytes, key: str, alias: str, source: str) -> bytes:
    """``data`` with ``alias`` added to the ``key`` list of its front matter; no other byte changes."""
    newline = b"\r\n" if b"\r\n" in data[:4096] else b"\n"
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    first = _FENCE.match(data, start)
    closing = _FENCE.search(data, first.end()) if first else None
    if first is None or closing is None:
        raise MastheadError([Problem(source, 1, "front matter", "could not find the front matter to add an alias to")])
    value = alias.encode("utf-8")
    block = re.compile(rb"^" + re.escape(key.encode()) + rb"[ \t]*:[ \t]*(.*?)\r?$", re.MULTILINE)
    match = block.search(data, first.end(), closing.start())
    if match is None:  # no list yet: a new key as the front matter's last line
        return data[: closing.start()] + key.encode() + b":" + newline + b"  - " + value + newline + data[closing.start() :]
    inline = match.group(1).strip()
    if inline.startswith(b"[") and inline.endswith(b"]"):  # flow list: [/a/, /b/]
        end = match.start(1) + match.group(1).rindex(b"]")
        separator = b", " if inline[1:-1].strip() else b""
        return data[:end] + separator + value + data[end:]
    if inline and not inline.startswith(b"#"):  # a single string: make it a flow list
        return data[: match.start(1)] + b"[" + match.group(1).rstrip() + b", " + value + b"]" + data[match.start(1) + len(match.group(1).rstrip()) :]
    item = re.compile(rb"\r?\n([ \t]*)-[ \t][^\r\n]*")
    position, indent = match.end(), b"  "
    while (found := item.match(data, position)) and found.end() <= closing.start():
        position, indent = found.end(), found.group(1)
    return data[:position] + newline + indent + b"- " + value + data[position:]


def record(site: Site, found: list[Moved]) -> list[Moved]:
    """Add each old URL to its post's aliases; returns what was recorded."""
    from .content import frontmatter
    from .links.fix import _write_atomically

    key_names = site.config.fields["aliases"]
    by_source: dict[str, list[Moved]] = {}
    for item in found:
        by_source.setdefault(item.source, []).append(item)
    for source, items in sorted(by_source.items()):
        path = site.config.root / source
        data = path.read_bytes()
        text = data.decode("utf-8")
        present = frontmatter.key_lines(frontmatter.split(text, source).yaml_text)
        key = next((name for name in key_names if name in present), key_names[0])
        for item in items:
            data = add_alias(data, key, item.old, source)
        check = frontmatter.parse(frontmatter.split(data.decode("utf-8"), source), source).get(key)
        wanted = [item.old for item in items]
        if not isinstance(check, list) or not all(url in check for url in wanted):
            raise MastheadError(
                [Problem(source, present.get(key), key, f"could not add {', '.join(wanted)} safely; expected {key} as a YAML list — add the old URL by hand")]
            )
        _write_atomically(path, data)
    return found
