"""Spreading CPU-bound work over processes, when there is enough of it to pay for the start-up.

Work is ``function(context, start, stop)`` over a range. The context is one frozen object handed
to every worker by the pool's initializer; workers are forked, so it is inherited (the loaded site
model and templates), never pickled, and only small results travel back.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, TypeVar

C = TypeVar("C")
T = TypeVar("T")

MIN_ITEMS_PER_WORKER = 150  # below this, fork and pickling cost more than they save
MAX_ITEMS_PER_PIECE = 500  # results come back piece by piece: memory stays bounded at any size

_worker_context: Any = None  # in a worker process only: what the pool's initializer received


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def chunks(count: int, parts: int) -> list[tuple[int, int]]:
    size = -(-count // parts) if parts else count
    return [(start, min(start + size, count)) for start in range(0, count, max(size, 1))]


def die_with_parent(parent: int) -> None:
    """In a worker: end when the build that forked it ends, however it ends (Linux's
    PR_SET_PDEATHSIG), so a build killed with SIGKILL leaves no orphaned workers behind."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)


def _initialise(context: object, parent: int) -> None:
    global _worker_context  # noqa: PLW0603 - the one slot a pool initializer can fill
    die_with_parent(parent)
    _worker_context = context


def _call(function: Callable[[Any, int, int], T], start: int, stop: int) -> T:
    return function(_worker_context, start, stop)


def map_ranges(function: Callable[[C, int, int], T], context: C, count: int, jobs: int) -> Iterator[T]:
    """``function(context, start, stop)`` over ``range(count)`` in pieces, in ``jobs`` forked workers if worthwhile."""
    workers = min(jobs, count // MIN_ITEMS_PER_WORKER)
    pieces = max(-(-count // MAX_ITEMS_PER_PIECE), workers * 4)  # a slow piece must not idle a core at the end
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for start, stop in chunks(count, max(1, -(-count // MAX_ITEMS_PER_PIECE))):
            yield function(context, start, stop)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_initialise, initargs=(context, os.getpid())) as pool:
        starts, stops = zip(*chunks(count, pieces), strict=True)
        yield from pool.map(partial(_call, function), starts, stops)
