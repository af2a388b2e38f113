"""The preview's state: the last good output, the current problems, and the events pages follow.

``Preview.update`` rebuilds into the output folder; a good build is published as a new generation
(``generations.py``) and a failed one keeps the previous. What the server shows is one ``Served``
value, the generation and the event together, replaced in one assignment: a page is never read
from a new build with an old error state, or the other way round. Every update becomes an
``Event`` naming the output files whose bytes changed, so a page reloads only when its own file
changed, when a shared asset changed, or when the error state changed.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..build import StageHook
from ..config import Folders, load_config
from ..errors import MastheadError
from . import quick
from .generations import Generations
from .rebuild import rebuild

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


Digests = dict[str, tuple[int, int, bytes]]  # relative path -> (mtime_ns, size, digest)


def digest_tree(folder: Path, previous: Digests) -> Digests:
    """Fingerprint every file under ``folder``; files with unchanged mtime and size keep theirs."""
    found: Digests = {}
    base = len(str(folder)) + 1
    for directory, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path)
            except FileNotFoundError:
                continue
            relative = path[base:].replace(os.sep, "/")
            known = previous.get(relative)
            if known and known[0] == stat.st_mtime_ns and known[1] == stat.st_size:
                found[relative] = known
                continue
            with open(path, "rb") as file:
                digest = hashlib.blake2b(file.read(), digest_size=16).digest()
            found[relative] = (stat.st_mtime_ns, stat.st_size, digest)
    return found


def digest_files(folder: Path, files: list[str], previous: Digests) -> Digests:
    """``previous`` with the given files fingerprinted again (after a quick update wrote them)."""
    found = dict(previous)
    for relative in files:
        path = folder / relative
        stat = path.stat()
        found[relative] = (stat.st_mtime_ns, stat.st_size, hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return found


def changed_files(before: Digests, after: Digests) -> list[str]:
    changed = [path for path, value in after.items() if before.get(path, (0, 0, b""))[2] != value[2]]
    changed += [path for path in before if path not in after]
    return sorted(changed)


class Preview:
    """Rebuilds on request and lets any number of pages wait for the next event."""

    def __init__(
        self,
        site: Path,
        output: Path | None = None,
        log: Callable[[str], None] = lambda _: None,
        hook: StageHook | None = None,
    ) -> None:
        self.site = site
        self.output = output or preview_folder(site)
        self.generations = Generations(self.output.with_name(self.output.name + "-live"))
        self.log = log
        self.hook = hook  # called after each build stage (tests use it to look mid-build)
        self._listeners: list[Callable[[Event], None]] = []
        self._condition = threading.Condition()
        self._events: deque[Event] = deque(maxlen=64)
        self._digests: Digests = {}
        self._builds = 0
        self._posts = 0  # posts in the last good build: large previews keep their search index
        self._warm: quick.Warm | None = None  # the last good site model, for quick updates
        self._last_good: quick.Warm | None = None  # kept through failed builds: the CMS preview pane renders with it
        self._closed = False
        self._current = Event(0, 0, "", (), False, 0.0)
        self._served = Served(None, self._current)

    @property
    def current(self) -> Event:
        return self._current

    @property
    def served(self) -> Served:
        return self._served

    @property
    def last_good(self) -> quick.Warm | None:
        """The site model of the last good build (None before the first)."""
        return self._last_good

    def listen(self, listener: Callable[[Event], None]) -> None:
        """Call ``listener(event)`` after every event (from the rebuild thread)."""
        self._listeners.append(listener)

    @property
    def closed(self) -> bool:
        return self._closed

    def update(self, changed: set[str] | None = None) -> Event:
        """Rebuild now (``changed``: the files saved, when the watcher knows); return the event."""
        start = time.perf_counter()
        quick_files = self._quick(changed) if changed else None
        if quick_files is not None:
            return self._announce(start, "", quick_files, self._served.folder)
        error = ""
        try:
            report = rebuild(self.site, self.output, self._posts, self.hook)
            if report.site is not None:
                self._posts = len(report.site.posts)
                self._warm = self._last_good = quick.Warm.after(report)
        except MastheadError as exc:
            error = exc.report(str(self.site))  # the same lines `masthead check SITE` prints
        except Exception as exc:  # noqa: BLE001 - the preview must outlive a bug in the build
            error = (
                f"masthead: internal error: {exc.__class__.__name__}: {exc}\nThis is a bug in masthead, not in your site; the previous build is still shown."
            )
            self.log(traceback.format_exc())
        files: list[str] = []
        folder = self._served.folder
        if error:
            self._warm = None
        else:
            self._builds += 1
            digests = digest_tree(self.output, self._digests)
            files = changed_files(self._digests, digests)
            self._digests = digests
            folder = self.generations.publish(self.output)
        return self._announce(start, error, files, folder)

    def _quick(self, changed: set[str]) -> list[str] | None:
        """The quick path (serve/quick.py) when the last build was good and the edit allows it."""
        if self._warm is None or self._current.error:
            return None
        try:
            files = quick.update(self._warm, changed, self.output)
        except Exception:  # noqa: BLE001 - any surprise: the full build decides, and reports
            self.log(traceback.format_exc())
            return None
        if files is not None:
            self._builds += 1
            self._digests = digest_files(self.output, files, self._digests)
            if self._served.folder is not None:
                Generations.replace_files(self._served.folder, self.output, files)
        return files

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
        for listener in self._listeners:
            listener(self._current)
