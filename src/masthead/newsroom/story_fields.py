"""Reading a post's newsroom front matter: ``corrections``, ``updates``, ``live``, ``liveUpdates``,
``liveEnd`` and the author ids of ``author``/``authors`` (``[authors.<id>]``).

Each problem names the file, the line of the list item (or of the key) and the field, says what
is wrong and what is expected; nothing here raises for bad input.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from ..cache import digest
from ..config import Config
from ..content.markdown import plain_text, render
from ..errors import Problem, did_you_mean
from .story import Note, Story

ToDatetime = Callable[[Any], datetime | None]
NOTE_KEYS = ("date", "text")
LIVE_KEYS = ("date", "text", "title")
_ITEM = re.compile(r"^([ \t]*)-(?:[ \t]|$)")
_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


class Fields(Protocol):
    """What ``content.entries._Fields`` offers: the mapped front matter and a problem sink."""

    path: str
    lines: Mapping[str, int]
    problems: list[Problem]

    def get(self, name: str) -> tuple[str | None, Any]: ...

    def problem(self, key: str, message: str, warning: bool = False) -> None: ...


def item_lines(front_matter: str, key_line: int | None, first_line: int = 2) -> list[int]:
    """The file line of each item of the block list under the key at ``key_line`` (YAML)."""
    if key_line is None:
        return []
    found: list[int] = []
    indent: str | None = None
    for number, text in enumerate(front_matter.splitlines()[key_line - first_line + 1 :], key_line + 1):
        if _TOP_KEY.match(text):
            break
        match = _ITEM.match(text)
        if match and (indent is None or match.group(1) == indent):
            indent = match.group(1)
            found.append(number)
    return found


class _Reader:
    def __init__(self, fields: Fields, config: Config, front_matter: str, to_datetime: ToDatetime) -> None:
        self.fields = fields
        self.config = config
        self.front_matter = front_matter
        self.to_datetime = to_datetime

    def problem(self, key: str, line: int | None, field: str, message: str) -> None:
        """At the line of the list item when known, else of the key."""
        self.fields.problems.append(Problem(self.fields.path, line if line is not None else self.fields.lines.get(key), field, message))

    def moment(self, key: str, line: int | None, field: str, value: Any) -> datetime | None:
        moment = self.to_datetime(value) if not isinstance(value, (list, dict, bool)) else None
        if moment is None:
            shown = repr(value) if not isinstance(value, (list, dict)) else "a " + type(value).__name__
            self.problem(key, line, field, f"{shown} is not a date; expected ISO 8601 such as 2025-06-04T09:30:00Z or 2025-06-04")
        return moment

    def notes(self, name: str, kind: str, allowed: tuple[str, ...]) -> tuple[Note, ...]:
        key, value = self.fields.get(name)
        if key is None or value is None:
            return ()
        example = "- date: 2025-06-04T09:30:00Z, then text: … on the next line"
        if not isinstance(value, list):
            self.problem(key, None, key, f"is {_kind(value)}, expected a list of dated notes, each {example}")
            return ()
        lines = item_lines(self.front_matter, self.fields.lines.get(key))
        read: list[tuple[datetime, int, str, str]] = []
        for number, item in enumerate(value, 1):
            line = lines[number - 1] if number <= len(lines) else self.fields.lines.get(key)
            field = f"{key}[{number}]"
            if not isinstance(item, dict):
                self.problem(key, line, field, f"is {_kind(item)}, expected a mapping with {' and '.join(NOTE_KEYS)}: {example}")
                continue
            for unknown in (str(name) for name in item if name not in allowed):
                self.problem(key, line, f"{field}.{unknown}", f"unknown key{did_you_mean(unknown, allowed)}; expected {', '.join(allowed)}")
            moment = self.moment(key, line, f"{field}.date", item["date"]) if item.get("date") is not None else None
            if "date" not in item or item.get("date") is None:
                self.problem(key, line, f"{field}.date", "missing; expected the time of the note, such as date: 2025-06-04T09:30:00Z")
            text = item.get("text")
            if not isinstance(text, str) or not text.strip():
                self.problem(key, line, f"{field}.text", "missing or empty; expected the note in Markdown, such as text: The minister's name was misspelt.")
                continue
            title = item.get("title", "")
            if not isinstance(title, str):
                self.problem(key, line, f"{field}.title", "expected text: the entry's headline")
                title = ""
            if moment is not None:
                read.append((moment, number, text, " ".join(title.split())))
        return _numbered(read, kind, self.config)

    def flag(self, name: str) -> bool:
        key, value = self.fields.get(name)
        if key is None or value is None:
            return False
        if not isinstance(value, bool):
            self.problem(key, None, key, f"{value!r} is not true or false; expected live: true for live coverage")
            return False
        return value


def _kind(value: Any) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true or false", dict: "a mapping", list: "a list"}
    return names.get(type(value), "a " + type(value).__name__)


def _numbered(read: list[tuple[datetime, int, str, str]], kind: str, config: Config) -> tuple[Note, ...]:
    """Notes newest first; a correction or update is numbered in date order (adding a newer one
    never renumbers the others), a live entry named after its time."""
    notes: list[Note] = []
    seen: set[str] = set()
    for position, (moment, _, text, title) in enumerate(sorted(read, key=lambda item: (item[0], item[1])), 1):
        anchor = f"{kind}-{position}" if kind != "live" else "live-" + moment.astimezone(UTC).strftime("%Y%m%dT%H%MZ")
        while anchor in seen:
            anchor += "-2"
        seen.add(anchor)
        html = render(text.strip(), unsafe_html=config.unsafe_html).html.strip()
        notes.append(Note(moment, html, plain_text(html), anchor, title))
    return tuple(reversed(notes))


def count_words(body_html: str) -> int:
    """Words of an HTML body: runs of letters and digits (with inner apostrophes, dots, hyphens),
    tags read as spaces, so table cells and citation brackets are not words of their own."""
    return len(_WORD.findall(html.unescape(_TAG.sub(" ", body_html))))


def read_story(fields: Fields, config: Config, front_matter: str, body: str, body_html: str, to_datetime: ToDatetime) -> Story:
    """The story facts of one file; problems go to ``fields``."""
    reader = _Reader(fields, config, front_matter, to_datetime)
    corrections = reader.notes("corrections", "correction", NOTE_KEYS)
    updates = reader.notes("updates", "update", NOTE_KEYS)
    live = reader.flag("live")
    live_updates = reader.notes("live_updates", "live", LIVE_KEYS)
    end_key, end_value = fields.get("live_end")
    live_end = reader.moment(end_key, None, end_key, end_value) if end_key is not None and end_value not in (None, "") else None
    if live_updates and not live:
        key = fields.get("live_updates")[0] or "liveUpdates"
        fields.problem(key, "live entries in a post that is not live; expected live: true beside them", warning=True)
    return Story(
        words=count_words(body_html),
        body_digest=digest(body.encode("utf-8", "surrogateescape")),
        corrections=corrections,
        updates=updates,
        live=live,
        live_updates=live_updates,
        live_end=live_end,
    )


def author_ids(fields: Fields, config: Config, authors: tuple[tuple[str, str], ...]) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """With ``[authors]`` in the config, every author written as a plain name is an id: resolved to
    (its name, its page), unknown ids a problem with a did-you-mean. ``{name, url}`` objects stay
    guest bylines. Returns the authors and their ids ("" for a guest)."""
    if not config.authors:
        return authors, tuple("" for _ in authors)
    key = fields.get("author")[0] or "authors"
    by_name = {profile.name: author_id for author_id, profile in config.authors.items()}
    resolved: list[tuple[str, str]] = []
    ids: list[str] = []
    for name, url in authors:
        if url:
            resolved.append((name, url))
            ids.append("")
            continue
        author_id = name if name in config.authors else by_name.get(name)
        if author_id is None:
            known = sorted(config.authors)
            fields.problem(
                key,
                f"{name!r} is not an author id{did_you_mean(name, known)}; expected one of {', '.join(known)} "
                "(declared as [authors.<id>] in masthead.toml), or {name, url} for a guest byline",
            )
            continue
        resolved.append((config.authors[author_id].name, f"/authors/{author_id}/"))
        ids.append(author_id)
    return tuple(resolved), tuple(ids)
