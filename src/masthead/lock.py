"""One build of a site at a time: an exclusive ``fcntl`` lock on a file in the cache folder.

``masthead build``, and every rebuild of ``masthead serve``, hold it from before they read the
build cache until their commit is applied; a second build says it is waiting, then runs. The
kernel releases the lock when the process ends, however it ends, so a killed build never leaves a
stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_NAME = "build.lock"
_held: set[int] = set()  # lock descriptors this process holds


def _forget_in_child() -> None:
    """A forked worker closes its copy of the lock: the lock is the building process's alone, so a
    build killed with SIGKILL never leaves it held by its workers (a flock lives while any copy of
    its descriptor is open)."""
    for handle in _held:
        os.close(handle)
    _held.clear()


os.register_at_fork(after_in_child=_forget_in_child)


def _say(message: str) -> None:
    print(f"masthead: {message}", file=sys.stderr, flush=True)


@contextmanager
def site_lock(cache_folder: Path, waiting: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold the site's build lock; ``waiting`` is told once if another build holds it."""
    cache_folder.mkdir(parents=True, exist_ok=True)
    path = cache_folder / FILE_NAME
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    _held.add(handle)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode("ascii", "replace").strip()
            waiting(f"waiting for another build of this site to finish (process {holder or 'unknown'}, lock {path})")
            fcntl.flock(handle, fcntl.LOCK_EX)
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        _held.discard(handle)
        os.close(handle)  # releases the lock
