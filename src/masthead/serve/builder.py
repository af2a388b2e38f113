"""What runs in the preview's build process (``python -m masthead.serve.builder``).

The server's process only serves files; everything that costs CPU in proportion to the site runs
here, in a process of its own, so a rebuild of 10,000 posts never holds the interpreter lock the
server's event loop needs: full rebuilds, the quick path, fingerprinting the output, publishing
each good build as a new generation (hard links) and rendering Decap's preview pane from the last
good site model, which lives only here. The server learns of a good build from the reply naming
the new generation folder, and switches to it in one assignment (``preview.py``).

Requests arrive on one connection (``build_process.py`` describes the messages). Updates run one
at a time on their own thread; pane renders run beside them on a small pool, with the model of the
last good build, as they did in the server.
"""

from __future__ import annotations

import signal
import sys
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from queue import Queue
from typing import Any

from ..build import StageHook
from ..errors import MastheadError
from . import pane, quick
from .build_process import Outcome
from .fingerprints import Digests, changed_files, digest_files, digest_tree
from .generations import Generations
from .rebuild import rebuild

PANE_THREADS = 2


class Builder:
    """The build process's state: the output folder, its fingerprints, the published generations
    and the last good site model."""

    def __init__(self, site: Path, output: Path, after: int, send: Any) -> None:
        self.site = site
        self.output = output
        self.generations = Generations(output.with_name(output.name + "-live"), after)
        self.send = send
        self._digests: Digests = {}
        self._posts = 0  # posts in the last good build: large previews keep their search index
        self._warm: quick.Warm | None = None  # the last good site model, for quick updates
        self._last_good: quick.Warm | None = None  # kept through failed builds: the pane renders with it
        self._served: Path | None = self.generations.folder / str(after) if after else None

    def update(self, changed: list[str] | None, hook: StageHook | None) -> Outcome:
        quick_files = self._quick(set(changed)) if changed else None
        if quick_files is not None:
            return Outcome("", tuple(quick_files), None)
        error = ""
        try:
            report = rebuild(self.site, self.output, self._posts, hook)
            if report.site is not None:
                self._posts = len(report.site.posts)
            warm = quick.Warm.after(report)
            if warm is not None:  # None: nothing had changed, the model in hand is still the site's
                self._warm = self._last_good = warm
        except MastheadError as exc:
            error = exc.report(str(self.site))  # the same lines `masthead check SITE` prints
        except Exception as exc:  # noqa: BLE001 - the preview must outlive a bug in the build
            error = (
                f"masthead: internal error: {exc.__class__.__name__}: {exc}\nThis is a bug in masthead, not in your site; the previous build is still shown."
            )
            self.send(("log", traceback.format_exc()))
        if error:
            self._warm = None
            return Outcome(error, (), None)
        digests = digest_tree(self.output, self._digests)
        files = changed_files(self._digests, digests)
        self._digests = digests
        self._served = self.generations.publish(self.output)
        return Outcome("", tuple(files), str(self._served))

    def _quick(self, changed: set[str]) -> list[str] | None:
        """The quick path (serve/quick.py) when the last build was good and the edit allows it."""
        if self._warm is None:
            return None
        try:
            files = quick.update(self._warm, changed, self.output)
        except Exception:  # noqa: BLE001 - any surprise: the full build decides, and reports
            self.send(("log", traceback.format_exc()))
            return None
        if files is not None:
            self._digests = digest_files(self.output, files, self._digests)
            if self._served is not None:
                Generations.replace_files(self._served, self.output, files)
        return files

    def render_pane(self, source: str, data: Any) -> tuple[int, str]:
        return pane.render(self._last_good, source, data)

    def render_entry(self, shown: str, raw: bytes) -> tuple[int, str]:
        return pane.render_file(self._last_good, shown, raw)


def serve(connection: Connection, site: Path, output: Path, after: int) -> None:
    """Answer requests on ``connection`` until it closes or says stop."""
    lock = threading.Lock()

    def send(message: tuple[Any, ...]) -> None:
        with lock:
            connection.send(message)

    builder = Builder(site, output, after, send)
    go_on = threading.Event()  # the server has looked at the output after a stage
    updates: Queue[tuple[int, list[str] | None, bool] | None] = Queue()

    def run_updates() -> None:
        while (item := updates.get()) is not None:
            number, changed, hooked = item

            def hook(stage: str, seconds: float, number: int = number) -> None:
                go_on.clear()
                send(("stage", number, stage, seconds))
                go_on.wait()

            send(("reply", number, builder.update(changed, hook if hooked else None)))

    def answer(number: int, method: Any, *args: Any) -> None:
        try:
            send(("reply", number, method(*args)))
        except Exception:  # noqa: BLE001 - a pane that cannot render says so; the process stays
            send(("log", traceback.format_exc()))
            send(("reply", number, (500, "masthead: internal error rendering the preview; the terminal running masthead serve shows details")))

    worker = threading.Thread(target=run_updates, name="masthead-build", daemon=True)
    worker.start()
    with ThreadPoolExecutor(PANE_THREADS, thread_name_prefix="masthead-pane") as panes:
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                break  # the server is gone: so is this process's reason to exist
            kind = message[0]
            if kind == "stop":
                break
            if kind == "update":
                updates.put((message[1], message[2], message[3]))
            elif kind == "continue":
                go_on.set()
            elif kind == "pane":
                panes.submit(answer, message[1], builder.render_pane, message[2], message[3])
            elif kind == "entry":
                panes.submit(answer, message[1], builder.render_entry, message[2], message[3])
        updates.put(None)
        go_on.set()
    worker.join()


def main(argv: list[str]) -> None:
    # Ctrl+C in the terminal reaches the whole process group; the server stops this process itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    descriptor, site, output, after = argv
    serve(Connection(int(descriptor)), Path(site), Path(output), int(after))


if __name__ == "__main__":
    main(sys.argv[1:])
