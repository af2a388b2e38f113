"""A progress bar for long link checks: on a terminal only, never with --quiet or --json."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .store import Answer

Callbacks = tuple[Callable[[int], None] | None, Callable[[Answer], None] | None]


@contextmanager
def progress_bar(console: Console, enabled: bool) -> Iterator[Callbacks]:
    """``(started, done)`` callbacks for ``audit``; both None when the bar is off."""
    if not enabled or not console.is_terminal:
        yield None, None
        return
    with Progress(
        TextColumn("asking links"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("links", total=None)

        def started(total: int) -> None:
            bar.update(task, total=total)

        def done(_: Answer) -> None:
            bar.advance(task)

        yield started, done
