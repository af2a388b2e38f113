"""A running preview: the server, the watcher and the rebuild loop, started and stopped together."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..build import StageHook
from .app import MAX_BODY
from .preview import Preview
from .server import PreviewServer, bind, is_loopback, new_token
from .watch import Watcher


def token_for(host: str) -> str | None:
    """The secret a server on ``host`` requires: none on loopback, a fresh one beyond it."""
    return None if is_loopback(host) else new_token()


class Session:
    """``masthead serve``: build, serve, watch, rebuild, reload — until ``stop``.

    Beyond loopback a secret token is required (``token``; the printed ``url`` carries it).
    """

    def __init__(
        self,
        site: Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        log: Callable[[str], None] = lambda _: None,
        max_body: int = MAX_BODY,
        token: str | None = None,
        hook: StageHook | None = None,
        **timeouts: float,
    ) -> None:
        self.site = site
        self.log = log
        self.preview = Preview(site, log=log, hook=hook)
        self.token = token if token is not None else token_for(host)
        self.server: PreviewServer = bind(host, port, self.preview, max_body, self.token, **timeouts)
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._changed: set[str] | None = set()  # files saved since the last rebuild; None: unknown
        self._lock = threading.Lock()
        self.watcher = Watcher(site, self._on_change)
        self._rebuilder = threading.Thread(target=self._rebuild_loop, name="masthead-rebuild", daemon=True)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def loopback(self) -> bool:
        return is_loopback(self.server.host)

    def start(self) -> None:
        """Watch first (edits during the first build are not lost), build once, then serve."""
        self.watcher.start()
        self.preview.update()
        self._rebuilder.start()
        self.server.start()

    def _on_change(self, paths: set[str]) -> None:
        with self._lock:
            if self._changed is not None:
                self._changed |= paths
        self._dirty.set()

    def _rebuild_loop(self) -> None:
        while not self._stop.is_set():
            if self._dirty.wait(0.1):
                self._dirty.clear()
                with self._lock:
                    changed, self._changed = self._changed, set()
                self.preview.update(changed or None)

    def stop(self) -> None:
        self._stop.set()
        self.preview.close()
        self.watcher.stop()
        self.server.stop()
        self._rebuilder.join(timeout=30)
