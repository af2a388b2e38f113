"""A local HTTP server that plays tracking services and news sites, for the link tests.

Routes are keyed by "host/path?query" (the Host header without its port, then the path), or by
"*/path" for any host. Every request is recorded, with its method and Cookie header.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Route:
    status: int = 200
    location: str | None = None
    delay: float = 0.0  # seconds before answering
    refuse_head: bool = False  # answer HEAD with 405
    set_cookie: bool = False
    body: bytes | None = None  # what GET answers (default: a small HTML page)
    content_type: str = "text/html"


@dataclass
class Played:
    routes: dict[str, Route]
    default: Route | None = Route()  # for paths not in routes; None answers 404
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, host/path, cookie
    port: int = 0

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"http://{self.address}{path}"


def _handler(played: Played) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the log
            pass

        def _answer(self, with_body: bool) -> None:
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0] if not (self.headers.get("Host") or "").startswith("[") else self.headers.get("Host", "")
            key = f"{host}{self.path}"
            played.requests.append((self.command, key, self.headers.get("Cookie", "")))
            route = played.routes.get(key) or played.routes.get(f"*{self.path}") or played.default
            if route is None:
                route = Route(404)
            if route.delay:
                time.sleep(route.delay)
            if self.command == "HEAD" and route.refuse_head:
                route = Route(405)
            page = route.body if route.body is not None else b"<!doctype html><title>page</title>"
            body = page if with_body else b""
            self.send_response(route.status)
            if route.location is not None:
                self.send_header("Location", route.location)
            if route.set_cookie:
                self.send_header("Set-Cookie", "tracker=abc123; Path=/")
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(body) if with_body else 0))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
            self._answer(with_body=False)

        def do_GET(self) -> None:  # noqa: N802
            self._answer(with_body=True)

    return Handler


@contextmanager
def serve(played: Played) -> Iterator[Played]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(played))
    server.daemon_threads = True
    played.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield played
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


SEED_DESTINATIONS = {
    "/t/d-l-vdhduiy-l-njk/": "https://www.nbcnews.com/news/world/russia-lavrov-north-korea-visit-rcna185300?utm_source=newsletter&utm_medium=email",
    "/t/d-l-vdhduiy-l-nju/": "https://www.washingtontimes.com/news/2024/dec/23/lavrov-praises-north-korea/",
    "/t/d-l-vdhduiy-l-ntl/": "https://apnews.com/article/north-korea-russia-munitions-containers-ukraine-5f0b8a3a1f0e",
    "/t/d-269DB52ECB4B84A62540EF23F30FEDED": "https://www.nbcnews.com/news/world/russia-north-korea-ties-lavrov-rcna185299",
}


def tracking_routes(urls: list[str]) -> dict[str, Route]:
    """Play the tracking services of the example site: each tracking link redirects (via a
    second hop, with tracking parameters) to an article; the seed's to known destinations."""
    from urllib.parse import urlsplit

    routes: dict[str, Route] = {}
    for number, url in enumerate(dict.fromkeys(urls)):
        parts = urlsplit(url)
        key = f"{parts.hostname}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        destination = SEED_DESTINATIONS.get(parts.path) if parts.hostname == "email.cpg-online.de" else None
        if destination is None:
            destination = f"https://news.example/story/{number}?utm_source=newsletter&id={number}&utm_campaign=b"
        routes[key] = Route(302, f"https://hop.example/{number}")
        routes[f"hop.example/{number}"] = Route(301, destination)
    return routes
