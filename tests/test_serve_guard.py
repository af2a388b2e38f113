"""Only the editor's browser: Host, Origin and token rules, malformed requests and timeouts,
against the real server on 127.0.0.1 (raw sockets where http.client would refuse to misbehave)."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import server_fixture
from preview_helpers import api, own_origin, request, write_preview_site

from masthead.serve.session import Session, token_for

INFO = json.dumps({"action": "info"}).encode()


def raw(session: Session, data: bytes, timeout: float = 5.0) -> tuple[bytes, float]:
    """Send ``data`` on a fresh connection; everything received until the server closes it, and
    how long that took. Fails if the server keeps the connection open past ``timeout``."""
    host, port = session.server.server_address[:2]
    start = time.monotonic()
    received = b""
    with socket.create_connection((str(host), int(port)), timeout=timeout) as connection:
        if data:
            connection.sendall(data)
        while True:
            chunk = connection.recv(65536)  # socket.timeout (a test failure) if never closed
            if not chunk:
                return received, time.monotonic() - start
            received += chunk


def status_and_json(reply: bytes) -> tuple[int, object]:
    head, _, body = reply.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@contextmanager
def _session(folder: Path, **options: Any) -> Iterator[Session]:
    session = Session(write_preview_site(folder), "127.0.0.1", 0, **options)
    session.start()
    try:
        yield session
    finally:
        session.stop()


# One preview per module for the tests that only read or are refused: each would otherwise start
# its own build process. A test that changes the site (an accepted write) starts its own.
@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    with _session(tmp_path_factory.mktemp("guard"), max_body=64 * 1024) as session:
        yield session


@pytest.fixture(scope="module")
def quick_timeouts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    with _session(tmp_path_factory.mktemp("timeouts"), max_body=64 * 1024, head_seconds=0.5, body_seconds=0.5) as session:
        yield session


@pytest.fixture(scope="module")
def with_token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    with _session(tmp_path_factory.mktemp("token"), token="s3cret-token") as session:
        yield session


@server_fixture()
def writable(tmp_path: Path) -> Iterator[Session]:
    with _session(tmp_path, max_body=64 * 1024) as session:
        yield session


# ---------------------------------------------------------------- Host


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_loopback_names_are_served(running: Session, host: str) -> None:
    port = running.server.server_address[1]
    status, _, body = request(running, "GET", "/blog/first-briefing/", headers={"Host": f"{host}:{port}"})
    assert status == 200 and b"First briefing" in body


@pytest.mark.parametrize(
    "host",
    ["rebind.evil.example", "evil.localhost", "127.0.0.1.evil.example", "localhost.", ""],
    ids=["rebind", "sub-localhost", "ip-prefix", "trailing-dot", "empty"],
)
def test_other_host_names_are_refused_even_for_get(running: Session, host: str) -> None:
    """DNS rebinding: a page on rebind.evil.example (resolving to 127.0.0.1) reads nothing."""
    port = running.server.server_address[1]
    for path in ("/blog/first-briefing/", "/_masthead/events", "/admin/config.yml"):
        status, _, body = request(running, "GET", path, headers={"Host": f"{host}:{port}" if host else ""})
        assert status == 400 and b"First briefing" not in body
    status, _, _ = request(running, "POST", "/api/v1", INFO, {"Host": f"{host}:{port}", "Origin": f"http://{host}:{port}"})
    assert status == 400


# ---------------------------------------------------------------- Origin


@pytest.mark.parametrize(
    "origin", [None, "http://localhost:3000", "http://evil.localhost:{port}", "https://127.0.0.1:{port}", "http://127.0.0.1:{port}.evil.example", "null"]
)
def test_writes_need_the_servers_own_origin(writable: Session, origin: str | None) -> None:
    running, preview_site = writable, writable.site
    port = running.server.server_address[1]
    body = json.dumps({"action": "deleteFile", "params": {"branch": "main", "path": "content/pages/about.md", "options": {"commitMessage": "m"}}}).encode()
    headers = {"Content-Type": "application/json"}
    if origin is not None:
        headers["Origin"] = origin.format(port=port)
    status, _, data = request(running, "POST", "/api/v1", body, headers)
    assert status == 403 and "expected http://127.0.0.1:" in json.loads(data)["error"]
    assert (preview_site / "content/pages/about.md").exists()
    status, _, _ = request(running, "POST", "/api/v1", body, {**headers, "Origin": own_origin(running)})
    assert status == 200 and not (preview_site / "content/pages/about.md").exists()


def test_the_origin_must_match_the_host_the_page_was_loaded_from(running: Session) -> None:
    port = running.server.server_address[1]
    same = {"Host": f"localhost:{port}", "Origin": f"http://localhost:{port}", "Content-Type": "application/json"}
    assert request(running, "POST", "/api/v1", INFO, same)[0] == 200
    crossed = {**same, "Origin": f"http://127.0.0.1:{port}"}
    assert request(running, "POST", "/api/v1", INFO, crossed)[0] == 403


def test_no_cross_origin_preflight_is_granted(running: Session) -> None:
    status, headers, _ = request(running, "OPTIONS", "/api/v1", headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"})
    assert status == 405 and "access-control-allow-origin" not in headers


# ---------------------------------------------------------------- token


def test_a_token_is_required_when_set(with_token: Session) -> None:
    for path in ("/blog/first-briefing/", "/_masthead/events", "/admin/config.yml", "/?token=wrong"):
        status, _, data = request(with_token, "GET", path)
        assert status == 403 and "token" in json.loads(data)["error"]
    status, headers, body = request(with_token, "GET", "/blog/first-briefing/?token=s3cret-token")
    assert status == 200 and b"First briefing" in body
    cookie = headers["set-cookie"]
    assert cookie.startswith("masthead-token=s3cret-token;") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    status, _, body = request(with_token, "GET", "/blog/first-briefing/", headers={"Cookie": "masthead-token=s3cret-token"})
    assert status == 200 and b"First briefing" in body
    assert request(with_token, "GET", "/", headers={"Authorization": "token s3cret-token"})[0] == 200
    writes = {"Origin": own_origin(with_token), "Content-Type": "application/json"}
    assert request(with_token, "POST", "/api/v1", INFO, writes)[0] == 403
    assert request(with_token, "POST", "/api/v1", INFO, {**writes, "Cookie": "masthead-token=s3cret-token"})[0] == 200


def test_the_printed_url_carries_the_token(with_token: Session) -> None:
    assert with_token.url.endswith("/?token=s3cret-token")


def test_a_token_is_made_for_any_address_beyond_loopback() -> None:
    assert token_for("127.0.0.1") is None and token_for("localhost") is None and token_for("::1") is None
    first, second = token_for("0.0.0.0"), token_for("192.168.1.20")
    assert first and second and first != second and len(first) >= 40


# ---------------------------------------------------------------- malformed requests


def test_a_malformed_content_length_gets_a_json_400(running: Session) -> None:
    reply, _ = raw(running, b"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n{}")
    status, data = status_and_json(reply)
    assert status == 400 and "malformed HTTP request" in data["error"]  # type: ignore[index]
    reply, _ = raw(running, b"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}")
    assert status_and_json(reply)[0] == 400


def test_oversized_headers_are_refused_with_json(running: Session) -> None:
    reply, _ = raw(running, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"x" * 40_000 + b"\r\n\r\n")
    status, data = status_and_json(reply)
    assert status == 431 and "over the limit" in data["error"]  # type: ignore[index]


def test_a_head_growing_past_the_limit_is_cut_off(running: Session) -> None:
    host, port = running.server.server_address[:2]
    with socket.create_connection((str(host), int(port)), timeout=5) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        reply = b""
        try:
            for _ in range(200):  # h11 gives up once 16 KB of head are incomplete
                connection.sendall(b"X-More: " + b"y" * 1000 + b"\r\n")
            while chunk := connection.recv(65536):
                reply += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass  # closed while we were still sending: the 400 may be lost, the point is the close
    assert reply == b"" or status_and_json(reply)[0] == 400


@pytest.mark.parametrize(
    "body",
    [
        b'{"action": "entriesByFolder", "params": {"branch": "main", "folder": "content/blog", "extension": "md", "depth": NaN}}',
        b'{"action": "info", "x": Infinity}',
        b'{"action": "info", "x": 1e400}',
        b"[" * 30_000 + b"]" * 30_000,  # deeper than Python's recursion limit, under the test's 64 KB body limit
        b'{"a":' * 10_000 + b"1" + b"}" * 10_000,
        b"\xff\xfe{}",
        b"",
    ],
    ids=["NaN", "Infinity", "1e400", "deep-array", "deep-object", "not-utf8", "empty"],
)
def test_malformed_json_gets_a_json_400_and_the_server_lives_on(running: Session, body: bytes) -> None:
    status, _, data = request(running, "POST", "/api/v1", body, {"Origin": own_origin(running), "Content-Type": "application/json"})
    assert status == 400 and json.loads(data)["error"].startswith("malformed JSON")
    assert api(running, "info")[0] == 200


def test_a_chunked_body_over_the_limit_is_refused(running: Session) -> None:
    chunk = b"x" * 32 * 1024
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(3)) + b"0\r\n\r\n"
    port = running.server.server_address[1]
    head = (
        f"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
    ).encode()
    reply, _ = raw(running, head + chunks)
    status, data = status_and_json(reply)
    assert status == 413 and "over the limit" in data["error"]  # type: ignore[index]


def test_a_declared_length_over_the_limit_is_refused_before_the_body(running: Session) -> None:
    port = running.server.server_address[1]
    head = (f"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Length: 999999999\r\n\r\n").encode()
    reply, seconds = raw(running, head)
    assert status_and_json(reply)[0] == 413 and seconds < 5


# ---------------------------------------------------------------- timeouts


def test_a_connection_that_sends_nothing_is_closed(quick_timeouts: Session) -> None:
    reply, seconds = raw(quick_timeouts, b"")
    assert reply == b"" and 0.4 < seconds < 4


def test_a_request_head_that_never_ends_is_closed(quick_timeouts: Session) -> None:
    reply, seconds = raw(quick_timeouts, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
    assert reply == b"" and 0.4 < seconds < 4


def test_a_body_that_never_arrives_gets_408(quick_timeouts: Session) -> None:
    port = quick_timeouts.server.server_address[1]
    head = (
        f"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        'Content-Length: 100\r\nContent-Type: application/json\r\n\r\n{"action"'
    ).encode()
    reply, seconds = raw(quick_timeouts, head)
    status, data = status_and_json(reply)
    assert status == 408 and "not received within" in data["error"] and seconds < 4  # type: ignore[index]


def test_an_idle_keep_alive_connection_is_closed(quick_timeouts: Session) -> None:
    reply, seconds = raw(quick_timeouts, b"GET /assets/masthead.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 200") and 0.4 < seconds < 8


def test_no_traceback_reaches_the_client(running: Session) -> None:
    status, _, data = request(
        running,
        "POST",
        "/api/v1",
        b'{"action": "getEntry", "params": {"branch": "main", "path": {"x": 1}}}',
        {"Origin": own_origin(running), "Content-Type": "application/json"},
    )
    assert status == 422 and b"Traceback" not in data


def test_the_allowed_hosts_follow_the_address_given() -> None:
    from masthead.serve.server import allowed_hosts

    assert allowed_hosts("127.0.0.1") == ["localhost", "127.0.0.1", "[::1]"]
    assert allowed_hosts("192.168.1.20") == ["localhost", "127.0.0.1", "[::1]", "192.168.1.20"]
    assert allowed_hosts("fd00::5")[-1] == "[fd00::5]"
    assert "rebind.evil.example" not in allowed_hosts("0.0.0.0")
