"""Posts whose URL changed: remembered, warned about, and recorded as ``aliases`` on request.

Each build that writes the site remembers, per source file, every URL it was published at and
the marks that identify the post (``urls.json`` in the cache folder). When a later build finds a
source at another URL, and the old one is not among its aliases, it warns, naming the file and
the old URL; ``masthead redirects --record`` adds the old URL to the post's ``aliases`` by editing
only the bytes of its front matter, as ``links --fix`` does, so the redirect page and the
``_redirects`` rule keep old links working.

A renamed file is followed by its marks, strongest first: an identity key in its front matter
(``id``, ``uuid``, ``guid``, ``newsletterId``), then its title with its date, then its first
paragraph, then the set of articles it cites. A new source takes over the record of a source that is gone when exactly one of each
shares a mark — so a rename that also changes the URL (Hugo's ``content/blog/old-name.md`` →
``new-name.md``) is warned about like any other move.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .content.entries import IDENTITY_KEYS, alias_urls
from .errors import MastheadError, Problem

if TYPE_CHECKING:  # the build imports this module before it needs the site model
    from .config import Config
    from .site import Document, Site

FILE_NAME = "urls.json"


@dataclass(frozen=True)
class Record:
    """What a build remembers of one source: its URLs, oldest first, and the marks that identify it."""

    urls: tuple[str, ...]
    marks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Moved:
    source: str
    old: str
    new: str
    line: int | None
    renamed_from: str = ""  # the source file the post had when it was at ``old``, if it was renamed


def _history_path(config: Config) -> Path:
    return config.folder("cache") / FILE_NAME


def _record(value: object) -> Record | None:
    if isinstance(value, list):  # the first shape: URLs only
        return Record(tuple(map(str, value)))
    if isinstance(value, dict) and isinstance(value.get("urls"), list):
        return Record(tuple(map(str, value["urls"])), tuple(map(str, value.get("marks") or ())))
    return None


def history(config: Config) -> dict[str, Record]:
    try:
        data = json.loads(_history_path(config).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(source): record for source, value in data.items() if (record := _record(value)) is not None}


def _published(site: Site) -> list[Document]:
    return [document for document in (*site.posts, *site.pages) if not document.noindex]


def _short(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def marks(document: Document) -> tuple[str, ...]:
    """What identifies the post whatever its file is called, strongest first."""
    entry = document.entry
    found = [f"{key}:{entry.extra[key]}" for key in IDENTITY_KEYS if isinstance(entry.extra.get(key), str | int) and str(entry.extra[key]).strip()]
    found.append("title:" + _short(f"{entry.title}\0{entry.date.isoformat()}"))
    if entry.body.summary.strip():
        found.append("summary:" + _short(entry.body.summary.strip()))
    if entry.body.sources:  # the articles a briefing cites: rarely all replaced in one edit
        found.append("sources:" + _short("\0".join(sorted(url for _, url in entry.body.sources))))
    return tuple(found)


def lineage(site: Site, known: Mapping[str, Record]) -> dict[str, tuple[str, Record]]:
    """Each published source's record, and the source it was remembered under: itself, or the
    file it was renamed from (a source that is gone, with a mark that only these two share)."""
    published = _published(site)
    present = {document.entry.source for document in (*site.posts, *site.pages)}
    gone = {source: record for source, record in known.items() if source not in present}
    fresh = [document for document in published if document.entry.source not in known]
    gone_by_mark: dict[str, list[str]] = {}
    for source, record in sorted(gone.items()):
        for mark in record.marks:
            gone_by_mark.setdefault(mark, []).append(source)
    fresh_marks = {document.entry.source: marks(document) for document in fresh}
    fresh_count: dict[str, int] = {}
    for found in fresh_marks.values():
        for mark in found:
            fresh_count[mark] = fresh_count.get(mark, 0) + 1
    taken: set[str] = set()
    result: dict[str, tuple[str, Record]] = {}
    for document in published:
        source = document.entry.source
        if source in known:
            result[source] = (source, known[source])
            continue
        for mark in fresh_marks[source]:
            candidates = gone_by_mark.get(mark, [])
            if len(candidates) == 1 and fresh_count[mark] == 1 and candidates[0] not in taken:
                taken.add(candidates[0])
                result[source] = (candidates[0], gone[candidates[0]])
                break
    return result


def moved(site: Site, known: Mapping[str, Record]) -> list[Moved]:
    found = []
    followed = lineage(site, known)
    current: dict[str, set[str]] = {}  # a source's URLs now: several for an Eleventy list's pages (origins/eleventy_pages.py)
    for document in _published(site):
        current.setdefault(document.entry.source, set()).add(document.url)
    checked: set[str] = set()
    for document in _published(site):
        entry = document.entry
        if entry.source not in followed or entry.source in checked:
            continue  # one check per source
        checked.add(entry.source)
        origin, record = followed[entry.source]
        line = entry.key_lines.get("slug") or entry.key_lines.get("date")
        for old in record.urls:
            if old not in current[entry.source] and old not in alias_urls(entry.aliases, document.url):
                found.append(Moved(entry.source, old, document.url, line, origin if origin != entry.source else ""))
    return found


def warnings(found: list[Moved]) -> list[Problem]:
    return [
        Problem(
            item.source,
            item.line,
            "url",
            f"moved from {item.old} to {item.new}{f' (renamed from {item.renamed_from})' if item.renamed_from else ''}; "
            "links to the old URL will break — run `masthead redirects --record` to add it to this post's aliases",
            warning=True,
        )
        for item in found
    ]


def remember(site: Site, known: Mapping[str, Record]) -> None:
    """Add this build's URLs to the history (old ones stay until they are recorded or forgotten);
    a renamed source's record moves to its new name."""
    updated = dict(known)
    followed = lineage(site, known)
    done: set[str] = set()
    for document in _published(site):
        source = document.entry.source
        origin, record = followed.get(source, (source, Record(())))
        if source in done:  # a source's later pages (an Eleventy list's): its record so far
            origin, record = source, updated[source]
        done.add(source)
        urls = record.urls if document.url in record.urls else (*record.urls, document.url)
        updated.pop(origin, None)
        updated[source] = Record(urls, marks(document))
    if updated != known:
        _write(site.config, updated)


def forget(site: Site) -> None:
    """Keep only today's URLs: the moves warned about are intended, with no redirect wanted."""
    _write(site.config, {document.entry.source: Record((document.url,), marks(document)) for document in _published(site)})


def _write(config: Config, data: Mapping[str, Record]) -> None:
    path = _history_path(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    plain = {source: {"urls": list(record.urls), "marks": list(record.marks)} for source, record in data.items()}
    temporary.write_text(json.dumps(plain, indent=1, sort_keys=True) + "\n", encoding="utf-8")
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
