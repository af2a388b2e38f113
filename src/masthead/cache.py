"""The persistent build cache: one SQLite file in the site's cache folder.

What it remembers, and why each is safe:

- ``sources``: per content file its (mtime, size, content hash) and the parsed entry's facts.
  mtime and size are only a quick pre-check; a changed stat with an unchanged hash reuses the entry.
  Rows are valid only for the same masthead version and config (the ``parse_key``).
- ``bodies``: rendered HTML and links by content hash, read lazily (a 10,000-post rebuild needs few).
- ``outputs``: the manifest of the output folder — the files masthead owns there: each one's hash,
  size and mtime when written, and the key of the inputs that produced it. An output whose key is
  unchanged and whose file is still as written is neither rendered nor written again; only files in
  the manifest are ever replaced or deleted (everything else in the folder is the user's).
- ``journal``: file moves of a committed build not yet applied to the output folder; it is written
  in the same transaction as the new manifest, so an interrupted build is finished by the next one.
- ``meta``: schema and masthead versions, the no-change fingerprint and until when it holds.

A file that is not a SQLite database, has another schema or another masthead's version is deleted
and rebuilt from scratch, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__

SCHEMA_VERSION = "4"
FILE_NAME = "build.sqlite"

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
                                    hash TEXT NOT NULL, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS bodies (hash TEXT PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, job TEXT NOT NULL, hash TEXT NOT NULL,
                                    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, staging TEXT NOT NULL, op TEXT NOT NULL, path TEXT NOT NULL);
"""


class Output(NamedTuple):
    """A manifest row: the job that wrote a file, its hash, and its size and mtime when written."""

    job: str
    hash: str
    size: int
    mtime_ns: int


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# A folder of content-addressed results shared by every site and build (Hugo's HUGO_CACHEDIR):
# encoded images and compiled templates are named by the digest of everything that makes them, so
# sites, clones, builds and processes can share it safely.
SHARED_CACHE = "MASTHEAD_CACHEDIR"


def shared_folder(kind: str, own: Path) -> tuple[Path, bool]:
    """Where results of ``kind`` are kept: ``$MASTHEAD_CACHEDIR/<kind>`` if set, else ``<own>/<kind>``;
    and whether the folder is shared (other mastheads' results in it are not this site's to drop)."""
    shared = os.environ.get(SHARED_CACHE)
    return (Path(shared) / kind, True) if shared else (own / kind, False)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of masthead's own code: a cache written by other code is never trusted, even at
    the same version number (the record formats and job keys are the code's)."""
    package = Path(__file__).resolve().parent
    hasher = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*.py")):
        hasher.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


class BuildCache:
    """Open with ``BuildCache.open(folder)``; every read is a plain value, every write a transaction."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self._pid = os.getpid()
        self._closed = False

    @classmethod
    def open(cls, folder: Path, name: str = "") -> BuildCache:
        """The cache in ``folder``; a ``name`` keeps a separate one (the preview's output)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / (f"{name}.sqlite" if name else FILE_NAME)
        try:
            return cls._open_checked(path)
        except sqlite3.DatabaseError:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return cls._open_checked(path)

    @classmethod
    def _open_checked(cls, path: Path) -> BuildCache:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(_TABLES)
        cache = cls(path, connection)
        meta = cache.meta()
        if meta.get("schema") != SCHEMA_VERSION or meta.get("masthead") != code_digest():
            if meta:  # written by another masthead or schema: start afresh, tables and all
                cache._start_afresh()
            cache.set_meta({"schema": SCHEMA_VERSION, "masthead": code_digest()})
        return cache

    def _start_afresh(self) -> None:
        """Forget everything another masthead wrote except which output files are masthead's:
        those stay owned (with no key or hash), so the next build still deletes its stale files."""
        connection = self._connection
        owned: set[str] = set()
        for query in ("SELECT path FROM outputs", "SELECT path FROM journal"):
            with contextlib.suppress(sqlite3.DatabaseError):  # not there, or another shape: nothing to keep
                owned.update(path for (path,) in connection.execute(query))
        connection.execute("BEGIN")
        for table in ("meta", "sources", "bodies", "outputs", "journal"):
            connection.execute(f"DROP TABLE IF EXISTS {table}")  # noqa: S608 - fixed names
        for statement in _TABLES.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.executemany("INSERT INTO outputs VALUES (?, '', '', -1, -1)", ((path,) for path in sorted(owned) if path))
        connection.execute("COMMIT")

    @property
    def connection(self) -> sqlite3.Connection:
        # Reopened on demand: in a forked worker (SQLite connections must not cross fork), and
        # after close() for entries that still read their bodies (the preview's quick path).
        if os.getpid() != self._pid or self._closed:
            self._closed = False
            # timeout: parse workers store their entries concurrently, one writer at a time
            self._connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=60)
            self._pid = os.getpid()
        return self._connection

    def close(self) -> None:
        self._connection.close()
        self._closed = True

    def meta(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT key, value FROM meta").fetchall())

    def set_meta(self, values: dict[str, str]) -> None:
        self.connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    # Sources -----------------------------------------------------------------------------------

    def sources(self) -> dict[str, tuple[int, int, str, Any]]:
        """path -> (mtime_ns, size, hash, entry record)."""
        rows = self.connection.execute("SELECT path, mtime_ns, size, hash, record FROM sources").fetchall()
        return {path: (mtime, size, hash_, marshal.loads(record)) for path, mtime, size, hash_, record in rows}

    def body(self, content_hash: str) -> tuple[Any, ...]:
        row = self.connection.execute("SELECT record FROM bodies WHERE hash = ?", (content_hash,)).fetchone()
        if row is None:
            raise LookupError(f"build cache has no body for {content_hash}; delete the cache folder")
        return marshal.loads(row[0])  # type: ignore[no-any-return]

    def body_loader(self, content_hash: str) -> Any:
        return lambda: self.body(content_hash)

    # Outputs -----------------------------------------------------------------------------------

    def outputs(self) -> dict[str, Output]:
        """The manifest: output path -> (job key, content hash, size, mtime_ns) as written."""
        rows = self.connection.execute("SELECT path, job, hash, size, mtime_ns FROM outputs")
        return {path: Output(job, hash_, size, mtime) for path, job, hash_, size, mtime in rows}

    def output_count(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM outputs").fetchone()[0])

    # Committing a build ------------------------------------------------------------------------

    def put_parsed(self, sources: Iterable[tuple[str, int, int, str, Any]], bodies: Iterable[tuple[str, Any]]) -> None:
        """Store parsed entries and their bodies: each row names the content it came from, so it
        stays right whatever happens to the build that parsed it."""
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?)", ((p, m, s, h, marshal.dumps(r)) for p, m, s, h, r in sources))
        connection.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?)", ((h, marshal.dumps(r)) for h, r in bodies))
        connection.execute("COMMIT")

    def reset_sources(self, parse_key: str) -> None:
        """Forget every parsed entry (the config or masthead changed what parsing produces)."""
        connection = self.connection
        connection.execute("BEGIN")
        connection.execute("DELETE FROM sources")
        connection.execute("DELETE FROM bodies")
        self.set_meta({"parse_key": ""})
        connection.execute("COMMIT")

    def commit(
        self,
        *,
        parse_key: str,
        removed_sources: Iterable[str],
        outputs: Iterable[tuple[str, str, str, int, int]],
        removed_outputs: Iterable[str],
        journal: tuple[str, list[tuple[str, str]]] | None,
        meta: dict[str, str],
    ) -> None:
        """Record a finished build in one transaction (manifest, entries, pending moves)."""
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany("DELETE FROM sources WHERE path = ?", ((path,) for path in removed_sources))
            connection.executemany("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)", outputs)
            connection.executemany("DELETE FROM outputs WHERE path = ?", ((path,) for path in removed_outputs))
            if journal is not None:
                staging, operations = journal
                connection.executemany("INSERT INTO journal (staging, op, path) VALUES (?, ?, ?)", ((staging, op, path) for op, path in operations))
            self.set_meta({**meta, "parse_key": parse_key})
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def prune_bodies(self) -> None:
        """Drop bodies no source refers to any more."""
        self.connection.execute("DELETE FROM bodies WHERE hash NOT IN (SELECT hash FROM sources)")

    def journal(self) -> tuple[str, list[tuple[str, str]]] | None:
        rows = self.connection.execute("SELECT staging, op, path FROM journal ORDER BY seq").fetchall()
        if not rows:
            return None
        return rows[0][0], [(op, path) for _, op, path in rows]

    def clear_journal(self) -> None:
        self.connection.execute("DELETE FROM journal")

    def distrust(self, also_owned: Iterable[str] = ()) -> None:
        """Give up an interrupted commit: forget the journal and every output's key and hash, but
        not which files are masthead's (``also_owned``: paths the commit was to delete). The next
        build renders everything again and still deletes only its own files."""
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("DELETE FROM journal")
        connection.execute("UPDATE outputs SET job = '', hash = '', size = -1, mtime_ns = -1")
        connection.executemany("INSERT OR IGNORE INTO outputs VALUES (?, '', '', -1, -1)", ((path,) for path in also_owned))
        self.set_meta({"fingerprint": ""})
        connection.execute("COMMIT")
