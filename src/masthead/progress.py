"""The build's progress bar: shown on a terminal once a build has taken a second, never in CI.

Stages report (stage, done, total) as worker batches finish; the bar is transient, so a finished
build leaves only its one-line summary on screen.
"""

from __future__ import annotations

import os
import sys
import threading
from types import TracebackType
from typing import Any

DELAY = 1.0  # seconds before a bar appears: quick builds stay quiet


def wanted(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


class BuildProgress:
    """A context manager whose ``update`` is the build's progress hook."""

    def __init__(self, enabled: bool) -> None:
        self._enabled = enabled
        self._progress: Any = None
        if enabled:  # rich is imported only when a bar may be shown: quick builds start faster
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=True
            )
        self._tasks: dict[str, Any] = {}
        self._started = False
        self._timer = threading.Timer(DELAY, self._start)
        self._timer.daemon = True

    def _start(self) -> None:
        self._started = True
        self._progress.start()

    def __enter__(self) -> BuildProgress:
        if self._enabled:
            self._timer.start()
        return self

    def update(self, stage: str, done: int, total: int) -> None:
        if not self._enabled:
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._timer.cancel()
        if self._started:
            self._progress.stop()
