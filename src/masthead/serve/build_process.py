"""The server's handle on the preview's build process (``builder.py``): requests out, replies back.

The process is ``python -m masthead.serve.builder``, started on the first request and again after
it dies (the reply says so, as an error the overlay shows). It talks over one end of a socket pair
with ``multiprocessing.connection`` (pickled tuples):

- to the process: ``("update", n, changed files or None, hooked)``, ``("pane", n, path, fields)``,
  ``("entry", n, shown path, file bytes)``, ``("continue", n)`` and ``("stop",)``;
- from it: ``("reply", n, value)``, ``("log", text)`` and, for a hooked update,
  ``("stage", n, stage, seconds)`` after each build stage, then it waits for ``("continue", n)``:
  the server's stage hook looks at what it serves while the build is stopped there (the swap
  tests do).

Not a ``multiprocessing`` start method: spawn and forkserver import the parent's ``__main__``
again, which for ``masthead`` is the command line itself.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..build import StageHook

STOP_SECONDS = 10.0  # a build still running when the server stops gets this long, then a kill


@dataclass(frozen=True)
class Outcome:
    """One update, as the build process reports it."""

    error: str  # the problem report ("" when the build succeeded), the lines `masthead check` prints
    files: tuple[str, ...]  # output files whose bytes changed
    folder: str | None  # the new generation to serve; None: keep the one served (a quick update or a failure)


class BuildProcessDied(Exception):
    """The build process ended before it answered."""


def _import_path() -> str:
    """PYTHONPATH for the child: this masthead first, so it runs the same code as the server."""
    here = str(Path(__file__).resolve().parents[2])
    inherited = os.environ.get("PYTHONPATH")
    return here + (os.pathsep + inherited if inherited else "")


class BuildProcess:
    """Starts ``builder.py`` in a process of its own and forwards calls to it (thread-safe)."""

    def __init__(self, site: Path, output: Path, log: Callable[[str], None], hook: StageHook | None = None) -> None:
        self.site = site
        self.output = output
        self.log = log
        self.hook = hook
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self._pending: dict[int, Future[Any]] = {}
        self._numbers = itertools.count(1)
        self._closed = False

    @property
    def pid(self) -> int | None:
        """The build process's id while one runs (None before the first request and after it ended)."""
        with self._lock:
            return self._process.pid if self._process is not None and self._connection is not None else None

    def _start(self, after: int) -> Connection:
        ours, theirs = socket.socketpair()
        try:
            command = [sys.executable, "-m", "masthead.serve.builder", str(theirs.fileno()), str(self.site), str(self.output), str(after)]
            self._process = subprocess.Popen(command, pass_fds=[theirs.fileno()], env={**os.environ, "PYTHONPATH": _import_path()})
        finally:
            theirs.close()
        connection = Connection(ours.detach())
        self._connection, self._pending = connection, {}
        reader = threading.Thread(target=self._read, args=(connection, self._process, self._pending), name="masthead-build-replies", daemon=True)
        reader.start()
        return connection

    def _read(self, connection: Connection, process: subprocess.Popen[bytes], pending: dict[int, Future[Any]]) -> None:
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                break
            kind = message[0]
            if kind == "reply":
                with self._lock:
                    future = pending.pop(message[1], None)
                if future is not None:
                    future.set_result(message[2])
            elif kind == "log":
                self.log(message[1])
            elif kind == "stage":
                if self.hook is not None:
                    self.hook(message[2], message[3])
                self._send(connection, ("continue", message[1]))
        code = process.wait()
        with self._lock:
            if self._connection is connection:
                self._connection = None
            orphans = list(pending.values())
            pending.clear()
        for future in orphans:
            future.set_exception(BuildProcessDied(f"the build process ended with exit code {code}"))
        connection.close()

    def _send(self, connection: Connection, message: tuple[Any, ...]) -> None:
        with self._lock, contextlib.suppress(OSError):  # the reader sees the end and fails what is pending
            connection.send(message)

    def call(self, kind: str, *args: Any, after: int = 0) -> Any:
        """Send one request and wait for its reply; ``after``: the generation served, for a process
        that has to be started again. Raises ``BuildProcessDied``."""
        future: Future[Any] = Future()
        with self._lock:
            if self._closed:
                raise BuildProcessDied("the preview is closed")
            connection = self._connection or self._start(after)
            number = next(self._numbers)
            self._pending[number] = future
            with contextlib.suppress(OSError):  # the process died since: the reader fails the future
                connection.send((kind, number, *args))
        return future.result()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connection, process = self._connection, self._process
        if connection is not None:
            self._send(connection, ("stop",))
        if process is not None:
            try:
                process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
