"""What a post says about itself beyond the article: its notes (corrections, updates, live
entries), its author ids and its length. A field of ``Entry``, so it is cached and fingerprinted
with the entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Note:
    """A dated correction, update or live entry: its Markdown text rendered."""

    date: datetime
    html: str  # the text as HTML (Markdown, escaped like the body)
    text: str  # the same as plain text, for JSON-LD and feed titles
    anchor: str  # its id on the post page: correction-1, update-2, live-20250604T0930Z
    title: str = ""  # a live entry's headline ("" for the others)


@dataclass(frozen=True)
class Story:
    words: int = 0  # words of the body
    body_digest: str = ""  # the body's digest: `check` notices an edit without a note
    author_ids: tuple[str, ...] = ()  # per author of ``placement.authors``: its [authors] id, "" for a guest byline
    corrections: tuple[Note, ...] = ()  # newest first
    updates: tuple[Note, ...] = ()  # newest first
    live: bool = False
    live_updates: tuple[Note, ...] = ()  # newest first
    live_end: datetime | None = None  # when the coverage ends; None: open

    @property
    def notes(self) -> int:
        return len(self.corrections) + len(self.updates) + len(self.live_updates)

    @property
    def latest(self) -> datetime | None:
        """The newest note's date: the post's modification time when it is later than ``updated``."""
        dates = [note.date for note in (*self.corrections, *self.updates, *self.live_updates)]
        return max(dates) if dates else None

    def coverage_open(self, now: datetime) -> bool:
        return self.live and (self.live_end is None or self.live_end > now)


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Minutes to read ``words``, rounded, at least one."""
    return max(1, (words + words_per_minute // 2) // words_per_minute)


def iso_duration(minutes: int) -> str:
    """ISO 8601 duration, as schema.org's ``timeRequired``: PT4M, PT1H5M."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")
