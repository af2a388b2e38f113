"""A running preview: the server, the watcher and the rebuild loop, started and stopped together."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from .preview import Preview
from .server import MAX_BODY, PreviewServer, bind, is_loopback
from .watch import Watcher


class Session:
    """``masthead serve``: build, serve, watch, rebuild, reload — until ``stop``."""

    def __init__(
        self,
        site: Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        log: Callable[[str], None] = lambda _: None,
        max_body: int = MAX_BODY,
    ) -> None:
        self.site = site
        self.log = log
        self.preview = Preview(site, log=log)
        self.server: PreviewServer = bind(host, port, self.preview, max_body)
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._changed: set[str] | None = set()  # files saved since the last rebuild; None: unknown
        self._lock = threading.Lock()
        self.watcher = Watcher(site, self._on_change)
        self._threads = [
            threading.Thread(target=self._rebuild_loop, name="masthead-rebuild", daemon=True),
            threading.Thread(
                target=self.server.serve_forever, args=(0.1,), name="masthead-http", daemon=True
            ),
        ]

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def loopback(self) -> bool:
        return is_loopback(str(self.server.server_address[0]))

    def start(self) -> None:
        """Watch first (edits during the first build are not lost), build once, then serve."""
        self.watcher.start()
        self.preview.update()
        for thread in self._threads:
            thread.start()

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
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
