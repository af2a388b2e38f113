"""Noticing edits: content, templates, static files and masthead.toml, with watchfiles.

The content, templates and static folders are watched recursively; the site folder itself only
at its top level, for masthead.toml and for those folders appearing later. Nothing else in the
site folder is watched, so the preview's own output under the cache never wakes the watcher.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

from ..config import CONFIG_FILE, Folders, load_config
from ..errors import MastheadError

WATCHED = ("content", "templates", "static")
STEP_MS = 20  # quiet time before a batch of changes is reported; editors save in bursts
_DEFAULT_FILTER = watchfiles.DefaultFilter()


def watched_folders(site: Path) -> list[Path]:
    try:
        folders = load_config(site).folders
    except MastheadError:
        folders = Folders()
    return [site / getattr(folders, name) for name in WATCHED]


def _editable(_: watchfiles.Change, path: str) -> bool:
    """Ignore editor droppings and our own temporary files (hidden names)."""
    name = Path(path).name
    return _DEFAULT_FILTER(_, path) and not name.startswith((".", "#")) and name != "4913"


class _Either:
    def __init__(self, *events: threading.Event) -> None:
        self.events = events

    def is_set(self) -> bool:
        return any(event.is_set() for event in self.events)


class Watcher:
    """Calls ``on_change(paths)`` after each batch of edits, from two background threads."""

    def __init__(self, site: Path, on_change: Callable[[set[str]], None]) -> None:
        self.site = site
        self.on_change = on_change
        self.stop_event = threading.Event()
        self._restart = threading.Event()
        self._threads = [
            threading.Thread(target=self._folders, name="masthead-watch-folders", daemon=True),
            threading.Thread(target=self._top, name="masthead-watch-site", daemon=True),
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        for thread in self._threads:
            thread.join(timeout=5)

    def _folders(self) -> None:
        while not self.stop_event.is_set():
            self._restart.clear()
            paths = [path for path in watched_folders(self.site) if path.is_dir()]
            if not paths:
                self._restart.wait(0.5)
                continue
            for changes in watchfiles.watch(
                *paths,
                watch_filter=_editable,
                stop_event=_Either(self.stop_event, self._restart),
                step=STEP_MS,
                rust_timeout=100,
                yield_on_timeout=False,
                raise_interrupt=False,
            ):
                self.on_change({path for _, path in changes})

    def _top(self) -> None:
        def relevant(change: watchfiles.Change, path: str) -> bool:
            names = {CONFIG_FILE, *(folder.name for folder in watched_folders(self.site))}
            return Path(path).name in names

        for changes in watchfiles.watch(
            self.site,
            watch_filter=relevant,
            recursive=False,
            stop_event=self.stop_event,
            step=STEP_MS,
            rust_timeout=100,
            yield_on_timeout=False,
            raise_interrupt=False,
        ):
            self._restart.set()  # a watched folder appeared or moved, or the config renamed one
            self.on_change({path for _, path in changes})
