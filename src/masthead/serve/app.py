"""The preview's HTTP application (Starlette): pages with the reload script and overlay, the event
stream, Decap's local backend on ``POST /api/v1``, and the admin in use.

Each request reads ``Preview.served`` once: the published generation and its build event belong
together, so the overlay is shown exactly while the build it reports is the latest.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import mimetypes
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from ..cms import localbackend, workflow
from ..cms.admin import ConfigCache, ScopeCache, admin_folder
from ..config import Folders
from . import overlay, pane, reload
from .guard import BodyError, Guard
from .preview import Event, Preview, Served

API_PATH = "/api/v1"
MAX_BODY = 50 * 1024 * 1024  # decap-server's express.json limit
BODY_SECONDS = 30.0  # the whole request body must arrive within this
MAX_JSON_DEPTH = 64  # far deeper than any Decap request
TYPES = {
    ".yml": "text/yaml; charset=utf-8",  # Decap insists on "yaml" for config.yml
    ".yaml": "text/yaml; charset=utf-8",
    ".xml": "application/xml",
    ".json": "application/json",
    ".js": "text/javascript; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}
NO_STORE = {"cache-control": "no-store"}


class MalformedJson(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise MalformedJson(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise MalformedJson(f"{text} is out of range")
    return value


def _depth(text: str) -> int:
    """How deeply ``text``'s arrays and objects nest (strings skipped), without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def parse_json(data: bytes) -> Any:
    """Strict JSON (no NaN or Infinity, at most ``MAX_JSON_DEPTH`` deep), or ``MalformedJson``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedJson(f"body is not UTF-8: {exc.reason} at byte {exc.start}") from exc
    if _depth(text) > MAX_JSON_DEPTH:
        raise MalformedJson(f"nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise MalformedJson(f"{exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    try:  # an escape such as "\ud800" alone: no file, page or reply could hold it
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MalformedJson("a string holds a lone surrogate (such as \\ud800), which is not a character; expected text") from exc
    return value


def _inject(html: bytes, relative: str, event: Event) -> bytes:
    """The page with the reload script, and the error overlay while the build is failing."""
    addition = ((overlay.overlay(event.error) if event.error else "") + reload.script(relative, event)).encode()
    marker = html.rfind(b"</body>")
    return html + addition if marker == -1 else html[:marker] + addition + html[marker:]


def _candidate(base: Path, relative: str, hidden_ok: bool) -> tuple[Path | None, bool]:
    """(file, is a folder wanting "/") for ``relative`` under ``base``, links kept inside it."""
    if not hidden_ok and any(part.startswith(".") for part in relative.split("/")):
        return None, False
    candidate = base / relative
    try:
        if candidate.is_dir():
            return None, True
        if candidate.is_file() and Path(os.path.realpath(candidate)).is_relative_to(os.path.realpath(base)):
            return candidate, False
    except OSError:  # a name the system refuses (longer than 255 bytes, a path over PATH_MAX): no such file
        pass
    return None, False


class PreviewApp:
    """The routes, bound to one running preview."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.site = preview.site
        self.configs = ConfigCache(self.site)
        self.scopes = ScopeCache(self.site, self.configs)
        self._git_top: bool | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        preview.listen(self._on_event)

    # ------------------------------------------------------------ the event stream

    def _on_event(self, _: Event) -> None:
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed: nobody listens
                loop.call_soon_threadsafe(self._notify)

    def _notify(self) -> None:
        if self._wake is not None:
            self._wake.set()
        self._wake = asyncio.Event()

    async def events(self, request: Request) -> Response:
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            self._wake = asyncio.Event()
        return StreamingResponse(self._stream(), headers={**NO_STORE, "content-type": "text/event-stream"})

    async def _stream(self) -> AsyncIterator[bytes]:
        preview = self.preview
        seen = preview.current.number
        current = preview.current.as_data()
        yield b"retry: 500\n\n" + reload.message("state", {"build": current["build"], "error": current["error"]})
        while not preview.closed:
            wake = self._wake
            assert wake is not None
            events = preview.events_after(seen)
            if not events:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), reload.KEEP_ALIVE_SECONDS)
                events = preview.events_after(seen)
            if preview.closed:
                return
            if not events:
                yield b": keep-alive\n\n"
                continue
            yield reload.messages(events, seen)
            seen = events[-1].number

    # ------------------------------------------------------------ the local backend

    async def api(self, request: Request) -> Response:
        try:
            data = await request.body()
        except BodyError as exc:
            return JSONResponse({"error": str(exc)}, exc.status, headers={"connection": "close"})
        try:
            body = parse_json(data)
        except MalformedJson as exc:
            return JSONResponse({"error": f"malformed JSON: {exc}"}, 400)
        scope = self.scopes.get()
        overrides = workflow.ACTIONS if scope.editorial and self._in_git() else None
        status, reply = await anyio.to_thread.run_sync(localbackend.handle, scope, body, overrides)
        return JSONResponse(reply, status, headers=NO_STORE)

    def _in_git(self) -> bool:
        if self._git_top is None:
            self._git_top = workflow.is_repository_top(self.site)
        return self._git_top

    async def unpublished(self, request: Request) -> Response:
        """An entry under review (editorial workflow), rendered from its cms/ branch."""
        collection, slug = request.path_params["collection"], request.path_params["slug"]
        found = await anyio.to_thread.run_sync(workflow.unpublished_file, self.site, collection, slug) if self._in_git() else None
        if found is None:
            return JSONResponse({"error": f"no entry {collection}/{slug} under review"}, 404)
        status, html = await anyio.to_thread.run_sync(self.preview.render_entry, found[0], found[1])
        return Response(html, status, headers=NO_STORE, media_type=TYPES[".html"])

    async def preview_pane(self, request: Request) -> Response:
        """Decap's preview pane: the entry being edited, rendered as masthead renders it."""
        try:
            data = parse_json(await request.body())
        except BodyError as exc:
            return JSONResponse({"error": str(exc)}, exc.status, headers={"connection": "close"})
        except MalformedJson as exc:
            return JSONResponse({"error": f"malformed JSON: {exc}"}, 400)
        fields = data.get("data") if isinstance(data, dict) else None
        given = data.get("path") if isinstance(data, dict) else None
        path: str = given if isinstance(given, str) else ""
        status, html = await anyio.to_thread.run_sync(self.preview.render_pane, path, fields)
        return Response(html, status, headers=NO_STORE, media_type=TYPES[".html"])

    # ------------------------------------------------------------ files

    def _find(self, served: Served, relative: str) -> tuple[Path | None, bool, bool]:
        """(file, folder wanting "/", from the admin) for an output-relative path."""
        config = self.configs.get()
        if relative == "admin" or relative.startswith("admin/"):
            found, folder = _candidate(admin_folder(self.site, config), relative[6:], hidden_ok=False)
            if found or folder:
                return found, folder, True
        if served.folder is not None:
            found, folder = _candidate(served.folder, relative, hidden_ok=True)
            if found or folder:
                return found, folder, False
        static = config.folder("static") if config is not None else self.site / Folders().static
        found, folder = _candidate(static, relative, hidden_ok=False)  # before the first good build
        return found, folder, relative.startswith("admin/")

    async def page(self, request: Request) -> Response:
        path = unquote(request.url.path)
        parts = [part for part in path.split("/") if part]
        if any(part in (".", "..") or "\\" in part or "\0" in part for part in parts):
            return JSONResponse({"error": "no such path"}, 404)
        relative = "/".join(parts)
        if path.endswith("/") or not parts:
            relative = f"{relative}/index.html".lstrip("/")
        served = self.preview.served  # read once: generation and error state together
        file, folder, admin = self._find(served, relative)
        if folder:
            query = request.url.query
            return RedirectResponse(path + "/" + (f"?{query}" if query else ""), 301)
        event = served.event
        if file is None:
            missing = served.folder / "404.html" if served.folder is not None else None
            if event.error and served.folder is None:
                body = overlay.error_page(event.error, reload.script(relative, event)).encode()
            elif missing is not None and missing.is_file():
                body = _inject(missing.read_bytes(), relative, event)
            else:
                body = _inject(b"<!doctype html><title>Not found</title><h1>Not found</h1>", relative, event)
            return Response(body, 404, headers=NO_STORE, media_type=TYPES[".html"])
        if file.suffix == ".html":
            html = file.read_bytes()
            body = html if admin else _inject(html, relative, event)
            if event.error and served.folder is None and not admin:
                body = overlay.error_page(event.error, reload.script(relative, event)).encode()
            return Response(body, headers=NO_STORE, media_type=TYPES[".html"])
        media_type = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return FileResponse(file, headers=NO_STORE, media_type=media_type)


async def _internal_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"error": "internal error; the terminal running masthead serve shows details"}, 500)


def application(preview: Preview, hosts: list[str], token: str | None = None, max_body: int = MAX_BODY, body_seconds: float = BODY_SECONDS) -> Guard:
    """The whole ASGI application: Guard, then Host check, then the routes."""
    routes = PreviewApp(preview)
    app = Starlette(
        routes=[
            Route(reload.EVENTS_PATH, routes.events, methods=["GET"]),
            Route(API_PATH, routes.api, methods=["POST"]),
            Route(pane.PREVIEW_PATH, routes.preview_pane, methods=["POST"]),
            Route(workflow.PREVIEW_PATH + "{collection}/{slug}/", routes.unpublished, methods=["GET"]),
            Route("/{path:path}", routes.page, methods=["GET", "HEAD"]),
        ],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)],
        exception_handlers={Exception: _internal_error},
    )
    return Guard(app, max_body, body_seconds, token, preview.log)
