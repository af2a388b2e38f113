"""The preview's HTTP server: uvicorn (h11) in a thread, on a socket bound before it starts.

uvicorn's h11 protocol gives the limits (16 KB of request head, keep-alive timeout); on top of it
``TimedProtocol`` closes a connection whose request head has not fully arrived within
``HEAD_SECONDS`` (half-open or slowloris connections), and answers a request h11 cannot parse (a
malformed ``Content-Length``, say) with a JSON 400 instead of plain text. The application
(``app.py``) bounds the body in time and size.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import json
import logging
import secrets
import socket
import threading
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import MAX_BODY, application
from .guard import LOOPBACK_NAMES, MAX_HEAD
from .preview import Preview

HEAD_SECONDS = 10.0  # the request line and headers must arrive within this
KEEP_ALIVE_SECONDS = 5  # an idle keep-alive connection is closed after this


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


def is_wildcard(host: str) -> bool:
    return host.strip("[]") in ("0.0.0.0", "::", "")


def allowed_hosts(host: str) -> list[str]:
    """The ``Host`` names requests may carry: loopback, the address given and, for a wildcard
    address, this machine's names and addresses."""
    names = list(LOOPBACK_NAMES)
    if is_wildcard(host):
        found = {socket.gethostname(), socket.getfqdn()}
        for name in tuple(found):
            try:
                found |= {str(info[4][0]) for info in socket.getaddrinfo(name, None)}
            except OSError:
                continue
        names += sorted(found)
    elif host not in names:
        names.append(host)
    return [f"[{name}]" if ":" in name and not name.startswith("[") else name.lower() for name in names]


class TimedProtocol(H11Protocol):
    """h11 with a deadline for each request head, and JSON for requests it cannot parse."""

    head_seconds = HEAD_SECONDS
    _head_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.head_seconds, self._head_timeout)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timeout(self) -> None:
        self._head_timer = None
        if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # h11 writes a response's head and body separately; without TCP_NODELAY the body waits
        # for the client's delayed ACK (40 ms on Linux) on every request of a kept-alive connection.
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        before = self.cycle
        super().handle_events()
        if self.cycle is not before:  # a request head arrived
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request's head gets the same deadline

    def send_400_response(self, msg: str) -> None:
        body = json.dumps({"error": f"malformed HTTP request: {msg}"}).encode()
        headers = [(b"content-type", b"application/json; charset=utf-8"), (b"connection", b"close")]
        try:
            for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"), h11.Data(data=body), h11.EndOfMessage()):
                self.transport.write(self.conn.send(event) or b"")
        except h11.LocalProtocolError:
            pass  # a response was already under way
        self.transport.close()


def _free_port(host: str, start: int) -> int | None:
    for port in range(start + 1, start + 50):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host.strip("[]"), port))
            except OSError:
                continue
            return port
    return None


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or ``ServeError`` with a suggestion."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(512)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            free = _free_port(host, port)
            hint = f"try `--port {free}`" if free else "stop the other server or choose another --port"
            raise ServeError(f"port {port} on {host} is already in use (another masthead serve?); expected a free port: {hint}") from exc
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; expected an address of this machine, such as 127.0.0.1") from exc
    return sock


class PreviewServer:
    """uvicorn serving the preview application on a socket bound in ``__init__``."""

    def __init__(
        self,
        host: str,
        port: int,
        preview: Preview,
        max_body: int = MAX_BODY,
        token: str | None = None,
        head_seconds: float = HEAD_SECONDS,
        body_seconds: float | None = None,
    ) -> None:
        self.socket = listen(host, port)
        self.server_address: tuple[Any, ...] = self.socket.getsockname()
        self.host = host
        self.token = token
        protocol = type("PreviewProtocol", (TimedProtocol,), {"head_seconds": head_seconds})
        options: dict[str, Any] = {} if body_seconds is None else {"body_seconds": body_seconds}
        app = application(preview, allowed_hosts(host), token, max_body, **options)
        config = uvicorn.Config(
            app,
            http=protocol,
            ws="none",
            lifespan="off",
            log_config=None,
            access_log=False,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            timeout_graceful_shutdown=2,
            h11_max_incomplete_event_size=MAX_HEAD,
        )
        logging.getLogger("uvicorn.error").setLevel(logging.ERROR)
        self.uvicorn = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.uvicorn.run, kwargs={"sockets": [self.socket]}, name="masthead-http", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = "localhost" if is_loopback(str(host)) else (f"[{host}]" if ":" in str(host) else str(host))
        if is_wildcard(self.host):
            shown = socket.gethostname()
        return f"http://{shown}:{port}/" + (f"?token={self.token}" if self.token else "")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.uvicorn.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self.socket.close()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def bind(host: str, port: int, preview: Preview, max_body: int = MAX_BODY, token: str | None = None, **timeouts: float) -> PreviewServer:
    """Listen on ``host:port`` (``ServeError`` with a suggestion if it cannot)."""
    return PreviewServer(host, port, preview, max_body, token, **timeouts)
