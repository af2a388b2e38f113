"""The parse stage: an entry for every source, from the build cache where the file is unchanged.

Workers read, hash and parse sources and, with a cache, store the entries and bodies themselves,
so the HTML of the posts never travels back to the main process: memory stays small at 100,000
posts. Cache rows are valid for one masthead and one config (the ``parse_key``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..cache import BuildCache, digest
from ..config import Config
from ..content.discover import SourceFile
from ..content.entries import Entry, ParseResult, parse_entry
from ..errors import Problem
from ..freshness import trusted_stat
from ..parallel import map_ranges
from .inputs import origin_config

ProgressHook = Any  # (stage, done, total) -> None

# Per source a worker returns its hash and either None (content unchanged since the cache row),
# the cache record of its entry (the body already stored by the worker), or, without a cache
# (check) or for a file with errors, the whole ParseResult.
_Outcome = tuple[str, str, Any]


@dataclass(frozen=True)
class Parsed:
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    hashes: Mapping[str, str]  # source -> content hash
    stored: int  # entries parsed and stored in the cache by this build
    removed: tuple[str, ...]  # sources in the cache that are gone
    parse_key: str
    fresh: frozenset[str]  # sources whose text this build parsed (not restored from the cache)


@dataclass(frozen=True)
class _Work:
    """What every parse worker receives (through the pool's initializer)."""

    sources: tuple[tuple[SourceFile, str | None], ...]  # (source, its cached hash)
    config: Config
    store: BuildCache | None
    started_ns: int


def parse_key(config: Config) -> str:
    """What every parsed entry depends on besides its file: masthead, its config, the origin's config."""
    origin = b"".join(source.path.read_bytes() for source in origin_config(config))
    return digest(f"{__version__}\n{config.source_text}\n".encode() + origin)


def _parse_range(work: _Work, start: int, stop: int) -> list[_Outcome]:
    results: list[_Outcome] = []
    rows: list[tuple[str, int, int, str, Any]] = []
    bodies: list[tuple[str, Any]] = []
    for source, cached_hash in work.sources[start:stop]:
        try:
            data = source.path.read_bytes()
        except OSError as exc:  # gone or unreadable since it was found: that file's problem
            problem = Problem(source.relative, None, None, f"cannot be read ({exc.strerror or exc}); expected a readable file")
            results.append((source.relative, "", ParseResult(None, (problem,))))
            continue
        content_hash = digest(data)
        if content_hash == cached_hash:
            results.append((source.relative, content_hash, None))
            continue
        parsed = parse_entry(source.relative, data, work.config)
        if work.store is None or parsed.entry is None:
            results.append((source.relative, content_hash, parsed))
            continue
        problems = [(p.path, p.line, p.field, p.message, p.warning) for p in parsed.problems]
        record = (parsed.entry.to_record(), problems)
        rows.append((source.relative, trusted_stat(source, work.started_ns), source.size, content_hash, record))
        bodies.append((content_hash, parsed.entry.body.body_record()))
        results.append((source.relative, content_hash, record))
    if work.store is not None and rows:
        work.store.put_parsed(rows, bodies)
    return results


def parse(config: Config, sources: list[SourceFile], store: BuildCache | None, jobs: int, progress: ProgressHook | None = None) -> Parsed:
    """Entries for every source: from the cache where the file is unchanged, parsed otherwise."""
    key = parse_key(config)
    cached: dict[str, tuple[int, int, str, Any]] = {}
    if store is not None:
        if store.meta().get("parse_key") == key:
            cached = store.sources()
        else:  # another config or masthead: every entry is parsed again
            store.reset_sources(key)
    entries: list[Entry] = []
    problems: list[Problem] = []
    hashes: dict[str, str] = {}
    fresh: set[str] = set()

    def restore(relative: str, content_hash: str, record: Any) -> None:
        assert store is not None
        entry_record, found = record
        entries.append(Entry.from_record(entry_record, store.body_loader(content_hash)))
        problems.extend(Problem(*problem) for problem in found)
        hashes[relative] = content_hash

    by_path = {source.relative: source for source in sources}
    work: list[tuple[SourceFile, str | None]] = []
    for source in sources:
        row = cached.get(source.relative)
        if row is not None and row[0] == source.stamp_ns and row[1] == source.size:
            restore(source.relative, row[2], row[3])
        else:
            work.append((source, row[2] if row is not None else None))
    context = _Work(tuple(work), config, store, time.time_ns())
    done = stored = 0
    touched: list[tuple[str, int, int, str, Any]] = []
    for batch in map_ranges(_parse_range, context, len(work), jobs):
        done += len(batch)
        if progress:
            progress("parse", done, len(work))
        for relative, content_hash, outcome in batch:
            hashes[relative] = content_hash
            if outcome is None:  # touched but identical: reuse, remember the new stat
                row = cached[relative]
                restore(relative, content_hash, row[3])
                source = by_path[relative]
                touched.append((relative, trusted_stat(source, context.started_ns), source.size, content_hash, row[3]))
            elif isinstance(outcome, ParseResult):  # no cache, or a file with errors
                problems.extend(outcome.problems)
                if outcome.entry is not None:
                    entries.append(outcome.entry)
                    fresh.add(relative)
            else:
                stored += 1
                fresh.add(relative)
                restore(relative, content_hash, outcome)
    if store is not None and touched:
        store.put_parsed(touched, [])
    removed = tuple(path for path in cached if path not in by_path)
    return Parsed(tuple(entries), tuple(problems), hashes, stored, removed, key, frozenset(fresh))
