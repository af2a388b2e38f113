"""The link store: every answer a link gave, with its time, in ``<cache>/links.sqlite``.

One row per URL (the latest answer). WAL mode, so a build can read answers while
``masthead links --resolve`` writes them. An answer younger than ``links.recheck_days`` is used
instead of asking again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..config import Config

STORE_FILE = "links.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    url TEXT PRIMARY KEY,
    outcome TEXT NOT NULL,
    status INTEGER,
    final_url TEXT NOT NULL,
    chain TEXT NOT NULL,
    error TEXT NOT NULL,
    checked_at TEXT NOT NULL
)
"""
# Outcomes that mean the link does not lead to a page: `masthead check --links` fails on them.
# "unchecked" (no answer: DNS, refused connection, timeout, a failing server) is not one: nothing is known of the link.
BROKEN = frozenset({"dead", "loop", "too-many-redirects", "private", "error"})
UNCHECKED = "unchecked"


@dataclass(frozen=True)
class Hop:
    url: str
    status: int


@dataclass(frozen=True)
class Answer:
    """What asking a URL gave: every hop, the last URL, and how it ended."""

    url: str
    outcome: str  # ok, dead, refused, unchecked, loop, too-many-redirects, private, error
    status: int | None  # status of the last hop, None if no answer came
    final_url: str
    chain: tuple[Hop, ...]  # every hop, the last one included
    error: str
    checked_at: datetime

    @property
    def redirected(self) -> bool:
        return self.final_url != self.url

    @property
    def broken(self) -> bool:
        return self.outcome in BROKEN

    @property
    def unchecked(self) -> bool:
        """No answer came (DNS, refused, timeout): nothing is known about the link."""
        return self.outcome in (UNCHECKED, "timeout")  # "timeout": what older stores hold

    def to_json(self) -> dict[str, object]:
        return {
            "url": self.url,
            "outcome": self.outcome,
            "status": self.status,
            "final_url": self.final_url,
            "chain": [{"url": hop.url, "status": hop.status} for hop in self.chain],
            "error": self.error,
            "checked_at": self.checked_at.isoformat(),
        }


def store_path(config: Config) -> Path:
    return config.folder("cache") / STORE_FILE


class LinkStore:
    """A SQLite file of answers; use as a context manager, or ``open_store``."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        if read_only:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            self._db.commit()

    def close(self) -> None:
        self._db.close()

    def get(self, url: str) -> Answer | None:
        row = self._db.execute("SELECT * FROM answers WHERE url = ?", (url,)).fetchone()
        return _answer(row) if row else None

    def answers(self) -> dict[str, Answer]:
        return {row[0]: _answer(row) for row in self._db.execute("SELECT * FROM answers")}

    def fresh(self, url: str, now: datetime, days: int) -> Answer | None:
        """The stored answer for ``url`` if it is younger than ``days``; "unchecked" is never fresh."""
        answer = self.get(url)
        if answer is None or answer.unchecked or now - answer.checked_at >= timedelta(days=days):
            return None
        return answer

    def put(self, answers: Iterable[Answer]) -> None:
        """Store ``answers``; an "unchecked" one never replaces a real answer the store already has."""
        answers = list(answers)
        if any(answer.unchecked for answer in answers):
            known = self.answers()
            answers = [a for a in answers if not (a.unchecked and a.url in known and not known[a.url].unchecked)]
        rows = [
            (
                a.url,
                a.outcome,
                a.status,
                a.final_url,
                json.dumps([[hop.url, hop.status] for hop in a.chain]),
                a.error,
                a.checked_at.isoformat(),
            )
            for a in answers
        ]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def _answer(row: tuple[object, ...]) -> Answer:
    url, outcome, status, final_url, chain, error, checked_at = row
    moment = datetime.fromisoformat(str(checked_at))
    return Answer(
        url=str(url),
        outcome=str(outcome),
        status=int(status) if isinstance(status, int) else None,
        final_url=str(final_url),
        chain=tuple(Hop(str(u), int(s)) for u, s in json.loads(str(chain))),
        error=str(error),
        checked_at=moment if moment.tzinfo else moment.replace(tzinfo=UTC),
    )


@contextmanager
def open_store(config: Config) -> Iterator[LinkStore]:
    store = LinkStore(store_path(config))
    try:
        yield store
    finally:
        store.close()


def stored_answers(config: Config) -> dict[str, Answer]:
    """Every stored answer, read-only; empty when no store exists yet (never creates one)."""
    path = store_path(config)
    if not path.is_file():
        return {}
    store = LinkStore(path, read_only=True)
    try:
        return store.answers()
    except sqlite3.DatabaseError:
        return {}
    finally:
        store.close()
