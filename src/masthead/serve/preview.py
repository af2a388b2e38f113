"""The preview's state: the last good output, the current problems, and the events pages follow.

``Preview.update`` has the build process (``builder.py``, a process of its own, so a rebuild never
competes with the server for the interpreter lock) rebuild into the output folder; a good build is
published as a new generation (``generations.py``) and a failed one keeps the previous. What the server shows is one ``Served``
value, the generation and the event together, replaced in one assignment: a page is never read
from a new build with an old error state, or the other way round. Every update becomes an
``Event`` naming the output files whose bytes changed, so a page reloads only when its own file
changed, when a shared asset changed, or when the error state changed.
"""

from __future__ import annotations

import hashlib
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..build import StageHook
from ..config import Folders, load_config
from ..errors import MastheadError
from . import overlay
from .build_process import BuildProcess, BuildProcessDied, Outcome

# Output files that no page displays; a change to any other non-HTML file (CSS, images) reloads all.
UNSHOWN_SUFFIXES = (".xml", ".json", ".txt", ".yml", ".yaml")
# Past this many changed pages an event just says "everything", to keep events small.
MOST_FILES_LISTED = 500


@dataclass(frozen=True)
class Event:
    """One finished build, as open pages see it."""

    number: int  # position in the event sequence
    build: int  # successful builds so far
    error: str  # the problem report, "" when the last build succeeded
    files: tuple[str, ...]  # output files (relative, "/"-separated) whose bytes changed
    everything: bool  # every page should reload
    seconds: float

    @property
    def error_id(self) -> str:
        """A short fingerprint of the error state, for pages to compare with their own."""
        return hashlib.blake2b(self.error.encode(), digest_size=6).hexdigest() if self.error else ""

    def as_data(self) -> dict[str, object]:
        return {
            "build": self.build,
            "error": self.error_id,
            "files": list(self.files),
            "all": self.everything,
        }


@dataclass(frozen=True)
class Served:
    """What requests see: the published generation (None before the first good build) and the
    event of the build that produced this state."""

    folder: Path | None
    event: Event


def preview_folder(site: Path) -> Path:
    """Where the preview is built: ``serve`` under the site's cache folder, never the output."""
    try:
        cache = load_config(site).folder("cache")
    except MastheadError:
        cache = site / Folders().cache
    return cache / "serve"


class Preview:
    """Rebuilds on request (in the build process) and lets any number of pages wait for the next event."""

    def __init__(
        self,
        site: Path,
        output: Path | None = None,
        log: Callable[[str], None] = lambda _: None,
        hook: StageHook | None = None,
    ) -> None:
        self.site = site
        self.output = output or preview_folder(site)
        self.log = log
        # ``hook`` is called after each build stage, the build waiting (tests use it to look mid-build)
        self.process = BuildProcess(site, self.output, log, hook)
        self._stop_process = weakref.finalize(self, self.process.close)  # a preview never closed still ends it
        self._listeners: list[Callable[[Event], None]] = []
        self._condition = threading.Condition()
        self._events: deque[Event] = deque(maxlen=64)
        self._builds = 0
        self._closed = False
        self._current = Event(0, 0, "", (), False, 0.0)
        self._served = Served(None, self._current)

    @property
    def current(self) -> Event:
        return self._current

    @property
    def served(self) -> Served:
        return self._served

    def listen(self, listener: Callable[[Event], None]) -> None:
        """Call ``listener(event)`` after every event (from the rebuild thread)."""
        self._listeners.append(listener)

    @property
    def closed(self) -> bool:
        return self._closed

    def _call(self, kind: str, *args: Any) -> Any:
        folder = self._served.folder
        return self.process.call(kind, *args, after=int(folder.name) if folder is not None else 0)

    def update(self, changed: set[str] | None = None) -> Event:
        """Rebuild now (``changed``: the files saved, when the watcher knows); return the event."""
        start = time.perf_counter()
        try:
            outcome: Outcome = self._call("update", sorted(changed) if changed else None, self.process.hook is not None)
        except BuildProcessDied as exc:
            outcome = Outcome(f"masthead: internal error: {exc}\nThis is a bug in masthead, not in your site; the previous build is still shown.", (), None)
        folder = self._served.folder
        if not outcome.error:
            self._builds += 1
            folder = Path(outcome.folder) if outcome.folder is not None else folder
        return self._announce(start, outcome.error, list(outcome.files), folder)

    def render_pane(self, source: str, data: Any) -> tuple[int, str]:
        """Decap's preview pane for an entry being edited (``pane.render``, in the build process)."""
        return self._rendered("pane", source, data)

    def render_entry(self, shown: str, raw: bytes) -> tuple[int, str]:
        """An entry file rendered with the last good site model (``pane.render_file``)."""
        return self._rendered("entry", shown, raw)

    def _rendered(self, kind: str, *args: Any) -> tuple[int, str]:
        try:
            status, html = self._call(kind, *args)
        except BuildProcessDied as exc:
            return 503, overlay.error_page(f"masthead serve cannot render the preview now: {exc}")
        return int(status), str(html)

    def _announce(self, start: float, error: str, files: list[str], folder: Path | None) -> Event:
        # The search index changes with every post but is read only by the search page.
        shown = [path for path in files if not path.startswith("pagefind/")]
        everything = len(shown) > MOST_FILES_LISTED or any(not path.endswith((".html", *UNSHOWN_SUFFIXES)) for path in shown)
        seconds = time.perf_counter() - start
        with self._condition:
            event = Event(
                self._current.number + 1,
                self._builds,
                error,
                tuple(files[:MOST_FILES_LISTED]),
                everything,
                seconds,
            )
            self._current = event
            self._served = Served(folder, event)  # the one switch requests see
            self._events.append(event)
            self._condition.notify_all()
        for listener in self._listeners:
            listener(event)
        self.log(error if error else f"built in {seconds * 1000:.0f} ms; {len(files)} changed file(s)")
        return event

    def wait(self, after: int, timeout: float) -> list[Event]:
        """Events newer than number ``after``; waits up to ``timeout`` seconds for one."""
        with self._condition:
            if self._current.number <= after and not self._closed:
                self._condition.wait(timeout)
            return [event for event in self._events if event.number > after]

    def events_after(self, after: int) -> list[Event]:
        """The kept events newer than number ``after``, without waiting."""
        with self._condition:
            return [event for event in self._events if event.number > after]

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        self._stop_process()
        for listener in self._listeners:
            listener(self._current)
