"""Helpers for the tests of ``masthead serve``: a running preview of a small site, and requests."""

from __future__ import annotations

import http.client
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import server_fixture
from decap_helpers import post_action

from masthead.serve.session import Session

PAGE = """\
---
templateKey: about-page
pageTitle: About us
metaDescription: Who we are.
published: true
---
We write briefings.
"""


def seed_post(title: str = "First briefing", body: str = "The opening paragraph.") -> str:
    return f"""\
---
templateKey: blog-post
schemaType: BlogPosting
pageTitle: {title}
metaDescription: A description of {title}.
published: true
date: 2024-12-23T20:53:09.844Z
teaser: A teaser.
featuredImage:
  src: /img/photo.jpg
---
{body}
"""


def write_preview_site(folder: Path) -> Path:
    from conftest import write_site

    return write_site(folder, {"content/blog/first-briefing.md": seed_post(), "content/pages/about.md": PAGE}, images=("/img/photo.jpg",))


@pytest.fixture
def preview_site(tmp_path: Path) -> Path:
    return write_preview_site(tmp_path)


@server_fixture()
def running(preview_site: Path) -> Iterator[Session]:
    session = Session(preview_site, "127.0.0.1", 0, max_body=64 * 1024)
    session.start()
    yield session
    session.stop()


def request(
    session: Session,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    host, port = session.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def api(session: Session, action: str, params: dict[str, Any] | None = None, **extra: Any) -> tuple[int, Any]:
    """POST one local-backend request the way Decap's proxy client builds it, from the admin page
    this server serves (so with its own Origin, as a browser sends it)."""
    host, port = session.server.server_address[:2]
    return post_action(str(host), int(port), action, params, own_origin(session), **extra)


def own_origin(session: Session) -> str:
    host, port = session.server.server_address[:2]
    return f"http://{host!s}:{int(port)}"


def wait_for(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    """Poll until ``condition()`` is truthy; fail the test with a clear message otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"condition not met within {timeout} s")
