"""The preview's HTTP side: the built site with reload script and overlay, the event stream, and
Decap CMS's local backend on ``POST /api/v1``.

Standard library only (``ThreadingHTTPServer``): one thread per connection is plenty for one
editor's browser, and it keeps the server easy to start on an ephemeral port in tests.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import json
import mimetypes
import os
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..cms import localbackend
from ..config import Folders, load_config
from ..errors import MastheadError
from . import overlay, reload
from .preview import Preview

API_PATH = "/api/v1"
MAX_BODY = 50 * 1024 * 1024  # decap-server's express.json limit
_TYPES = {
    ".yml": "text/yaml; charset=utf-8",
    ".yaml": "text/yaml; charset=utf-8",
    ".xml": "application/xml",
    ".json": "application/json",
    ".js": "text/javascript; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


class ServeError(Exception):
    """The server cannot start (port taken, unknown address); the message says what to do."""


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def origin_allowed(origin: str, host_header: str) -> bool:
    """Loopback origins, or the page's own origin when it is addressed by IP (no DNS rebinding)."""
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if is_loopback(parts.hostname):
        return True
    try:
        ipaddress.ip_address(parts.hostname)
    except ValueError:
        return False
    return parts.netloc == host_header


def static_folder(site: Path) -> Path:
    try:
        return load_config(site).folder("static")
    except MastheadError:
        return site / Folders().static


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(
        self, address: tuple[str, int], preview: Preview, max_body: int = MAX_BODY
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.preview = preview
        self.site = preview.site
        self.max_body = max_body
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = "localhost" if host in ("127.0.0.1", "::1") else str(host)
        return f"http://{shown}:{port}/"


def _free_port(host: str, start: int) -> int | None:
    for port in range(start + 1, start + 50):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    return None


def bind(host: str, port: int, preview: Preview, max_body: int = MAX_BODY) -> PreviewServer:
    """Listen on ``host:port``, or raise ``ServeError`` with a suggestion."""
    try:
        return PreviewServer((host, port), preview, max_body)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            free = _free_port(host, port)
            hint = (
                f"try `--port {free}`" if free else "stop the other server or choose another --port"
            )
            raise ServeError(
                f"port {port} on {host} is already in use (another masthead serve?); "
                f"expected a free port: {hint}"
            ) from exc
        raise ServeError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
            "expected an address of this machine, such as 127.0.0.1"
        ) from exc


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "masthead-serve"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows builds, not every request

    # ------------------------------------------------------------ routing

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urlsplit(self.path).path
        if path == reload.EVENTS_PATH:
            self._events()
        else:
            self._file(path, body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._file(urlsplit(self.path).path, body=False)

    def do_POST(self) -> None:  # noqa: N802
        if urlsplit(self.path).path != API_PATH:
            self._json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": f"only {API_PATH} accepts POST"})
            return
        origin = self.headers.get("Origin")
        if origin is not None and not origin_allowed(origin, self.headers.get("Host", "")):
            self._json(
                HTTPStatus.FORBIDDEN,
                {"error": f"requests from {origin} are refused; open the admin on this server"},
            )
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._json(
                HTTPStatus.LENGTH_REQUIRED, {"error": "expected a Content-Length header"}, origin
            )
            return
        if int(length) > self.server.max_body:
            self._json(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                {
                    "error": f"request body of {length} bytes is over the limit "
                    f"of {self.server.max_body}"
                },
                origin,
            )
            return
        try:
            body = json.loads(self.rfile.read(int(length)))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self._json(HTTPStatus.BAD_REQUEST, {"error": f"malformed JSON: {exc}"}, origin)
            return
        status, reply = localbackend.handle(self.server.site, body)
        self._json(status, reply, origin)

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight for the local backend
        origin = self.headers.get("Origin", "")
        if urlsplit(self.path).path != API_PATH or not origin_allowed(
            origin, self.headers.get("Host", "")
        ):
            self.send_response(HTTPStatus.FORBIDDEN)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors(origin)
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
        self.send_header(
            "Access-Control-Allow-Headers",
            self.headers.get("Access-Control-Request-Headers") or "Content-Type",
        )
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    # ------------------------------------------------------------ replies

    def _cors(self, origin: str | None) -> None:
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def _json(self, status: int, reply: Any, origin: str | None = None) -> None:
        data = json.dumps(reply).encode("utf-8")
        self.send_response(status)
        self._cors(origin)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page went away
            reload.stream(self.wfile, self.server.preview)

    def _find(self, path: str) -> tuple[Path | None, str, bool]:
        """(file, its path relative to the output, whether it is a folder needing a "/")."""
        parts = [part for part in unquote(path).split("/") if part]
        if any(part in (".", "..") or "\\" in part or "\0" in part for part in parts):
            return None, "", False
        relative = "/".join(parts)
        if path.endswith("/") or not parts:
            relative = f"{relative}/index.html".lstrip("/")
        preview = self.server.preview
        # The static folder answers too, so /admin/ works even before the first good build.
        for base in (preview.output, static_folder(self.server.site)):
            candidate = base / relative
            if candidate.is_dir():
                return None, relative, True
            if candidate.is_file() and Path(os.path.realpath(candidate)).is_relative_to(
                os.path.realpath(base)
            ):
                return candidate, relative, False
        return None, relative, False

    def _file(self, path: str, body: bool) -> None:
        file, relative, folder = self._find(path)
        if folder:
            query = urlsplit(self.path).query
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/" + (f"?{query}" if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if file is None:
            status = HTTPStatus.NOT_FOUND
            missing = self.server.preview.output / "404.html"
            file = missing if missing.is_file() else None
        if file is None:
            data = self._page(
                b"<!doctype html><title>Not found</title><h1>Not found</h1>", relative
            )
            content_type = _TYPES[".html"]
        else:
            data = file.read_bytes()
            content_type = (
                _TYPES.get(file.suffix)
                or mimetypes.guess_type(file.name)[0]
                or "application/octet-stream"
            )
            if file.suffix == ".html" and not relative.startswith("admin/"):
                data = self._page(data, relative)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _page(self, html: bytes, relative: str) -> bytes:
        """The page with the reload script, and the error overlay while the build is failing."""
        event = self.server.preview.current
        addition = (overlay.overlay(event.error) if event.error else "") + reload.script(
            relative, event
        )
        if event.error and not self.server.preview.output.is_dir():
            return overlay.error_page(event.error, reload.script(relative, event)).encode("utf-8")
        marker = html.rfind(b"</body>")
        if marker == -1:
            return html + addition.encode("utf-8")
        return html[:marker] + addition.encode("utf-8") + html[marker:]
