"""Only the editor's browser: the checks every request passes before the preview answers it.

``TrustedHostMiddleware`` (Starlette) refuses a ``Host`` that does not name this server, so a page
on a rebinding domain (``rebind.evil.example`` resolving to 127.0.0.1) reads nothing. ``Guard``,
outside it, turns every failure into a JSON error instead of a traceback; refuses a state-changing
request (POST, PUT, PATCH, DELETE) whose ``Origin`` is not the server's own; bounds the request
body in bytes and in time; and, when the server listens beyond loopback, requires the secret
token of the URL it printed (kept afterwards in an HttpOnly, SameSite=Strict cookie, as Jupyter
does).
"""

from __future__ import annotations

import hmac
import json
import traceback
from collections.abc import Callable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

import anyio
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "masthead-token"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
MAX_HEAD = 16 * 1024  # request line and headers; h11 enforces it only while a head is incomplete


class BodyError(Exception):
    """The request body is too large or too slow: the status and message to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def reply_json(send: Send, status: int, data: Any, close: bool = False, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(data).encode()
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        *(extra or []),
    ]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _token_given(scope: Scope, headers: Headers) -> tuple[str | None, bool]:
    """The token the request carries, and whether it came in the URL (so a cookie is set)."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if "token" in query:
        return query["token"][0], True
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("token "):
        return authorization[6:].strip(), False
    cookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed cookie header is no token
        return None, False
    morsel = cookie.get(TOKEN_COOKIE)
    return (morsel.value if morsel else None), False


class Guard:
    """ASGI middleware wrapping the whole application (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_body: int, body_seconds: float, token: str | None = None, log: Callable[[str], None] = lambda _: None) -> None:
        self.app = app
        self.max_body = max_body
        self.body_seconds = body_seconds
        self.token = token
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._checked(scope, receive, tracked)
        except BodyError as exc:
            if not started:
                await reply_json(send, exc.status, {"error": str(exc)}, close=True)
        except Exception as exc:  # noqa: BLE001 - no request may end in a traceback or a dropped connection
            self.log(f"masthead serve: internal error answering {scope.get('method')} {scope.get('path')}: {exc!r}\n" + traceback.format_exc())
            if not started:
                await reply_json(send, 500, {"error": "internal error; the terminal running masthead serve shows details"})

    async def _checked(self, scope: Scope, receive: Receive, send: Send) -> None:
        head = len(scope.get("raw_path") or b"") + len(scope.get("query_string", b"")) + sum(len(k) + len(v) + 4 for k, v in scope["headers"])
        if head > MAX_HEAD:
            await reply_json(send, 431, {"error": f"request headers of {head} bytes are over the limit of {MAX_HEAD}"}, close=True)
            return
        headers = Headers(scope=scope)
        method = scope["method"]
        if self.token is not None:
            given, in_url = _token_given(scope, headers)
            if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
                await reply_json(send, 403, {"error": "this preview needs its token: open the URL with ?token=… that masthead serve printed"})
                return
            if in_url:
                send = _with_cookie(send, self.token)
        if method not in SAFE_METHODS:
            origin = headers.get("origin")
            own = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"
            if origin != own:
                shown = "no Origin header" if origin is None else f"Origin {origin}"
                await reply_json(send, 403, {"error": f"{method} refused: {shown}; expected {own} (open the admin from this server)"})
                return
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await reply_json(send, 413, {"error": f"request body of {length} bytes is over the limit of {self.max_body}"}, close=True)
            return
        await self.app(scope, self._bounded(receive), send)

    def _bounded(self, receive: Receive) -> Receive:
        """``receive`` with the body limited to ``max_body`` bytes and ``body_seconds`` in all."""
        received = 0
        complete = False
        deadline = anyio.current_time() + self.body_seconds

        async def bounded() -> Message:
            nonlocal received, complete
            if complete:
                return await receive()
            try:
                with anyio.fail_after(max(0.0, deadline - anyio.current_time())):
                    message = await receive()
            except TimeoutError as exc:
                raise BodyError(408, f"request body not received within {self.body_seconds:g} s") from exc
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyError(413, f"request body over the limit of {self.max_body} bytes")
                complete = not message.get("more_body", False)
            return message

        return bounded


def _with_cookie(send: Send, token: str) -> Send:
    cookie = f"{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict".encode()

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
        await send(message)

    return sending
