"""Spreading CPU-bound work over processes, when there is enough of it to pay for the start-up.

Workers are forked, so they inherit the parent's loaded site model and templates instead of
receiving them pickled; only small results travel back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")

MIN_ITEMS_PER_WORKER = 150  # below this, fork and pickling cost more than they save
MAX_ITEMS_PER_PIECE = 500  # results come back piece by piece: memory stays bounded at any size


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def chunks(count: int, parts: int) -> list[tuple[int, int]]:
    size = -(-count // parts) if parts else count
    return [(start, min(start + size, count)) for start in range(0, count, max(size, 1))]


def map_ranges(function: Callable[[int, int], T], count: int, jobs: int) -> Iterator[T]:
    """``function(start, stop)`` over ``range(count)`` split in pieces, in ``jobs`` forked workers if worthwhile."""
    workers = min(jobs, count // MIN_ITEMS_PER_WORKER)
    pieces = max(-(-count // MAX_ITEMS_PER_PIECE), workers * 4)  # a slow piece must not idle a core at the end
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for start, stop in chunks(count, max(1, -(-count // MAX_ITEMS_PER_PIECE))):
            yield function(start, stop)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        starts, stops = zip(*chunks(count, pieces), strict=True)
        yield from pool.map(function, starts, stops)
