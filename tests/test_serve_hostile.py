"""Hostile requests to `masthead serve`, on a real server on 127.0.0.1: Decap's local-backend actions with
paths that climb out (`..`, absolute, `%2e%2e`, links leading outside, names too long for the system),
wrong types everywhere, and GETs of the same paths. Every answer is JSON or a page, never the internal
error, and nothing outside the site is read or changed."""

from __future__ import annotations

import http.client
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import server_fixture
from decap_helpers import post_action
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from preview_helpers import write_preview_site

from masthead.cms.localbackend import ALLOWED_ACTIONS
from masthead.serve.session import Session

SECRET = "the outside secret"
PATHS = [
    "../outside/secret.md", "content/blog/escape/secret.md", "content/blog/escape/new.md", "static/img/escape/x.png", "/etc/passwd",
    "%2e%2e/%2e%2e/outside/secret.md", "content/blog/%2e%2e/%2e%2e/x.md", "content/blog/..%2fx.md", "content\\..\\..\\x.md",
    "content/blog/a/../../../../outside/x.md", "content/blog/" + "a" * 300 + ".md", "content/blog/-rf.md", "content/blog/é ü.md",
    "content/blog/", "", ".", "..", "masthead.toml", ".git/config", "content/blog/first-briefing.md", "static/img/photo.jpg", "content/blog/\ud800.md",
]  # fmt: skip
VALUES = st.one_of(st.sampled_from(PATHS), st.none(), st.integers(), st.booleans(), st.text(max_size=20), st.just([]), st.just({}))
FIELDS = ["path", "folder", "extension", "depth", "files", "paths", "asset", "dataFiles", "assets", "options", "newPath", "collection", "slug", "id", "raw"]


def _params() -> st.SearchStrategy[dict[str, Any]]:
    leaf = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=4)
    entry = st.fixed_dictionaries({"slug": st.just("x"), "path": st.sampled_from(PATHS), "raw": st.sampled_from(["x", None, 5, "---\ntitle: x\n---\n"])})
    asset = st.fixed_dictionaries(
        {"path": st.sampled_from(PATHS), "content": st.sampled_from(["AAAA", "!!!", None]), "encoding": st.sampled_from(["base64", None, 5])}
    )
    writes = st.fixed_dictionaries(
        {
            "dataFiles": st.lists(entry, max_size=2),
            "assets": st.lists(asset, max_size=1),
            "asset": asset,
            "options": st.just({"commitMessage": "m", "collectionName": "blog"}),
        }
    )
    return st.one_of(leaf, writes, st.dictionaries(st.sampled_from(FIELDS), st.one_of(VALUES, st.lists(VALUES, max_size=3), leaf), max_size=5))


def _outside(folder: Path) -> list[tuple[str, bytes]]:
    return sorted((str(path), path.read_bytes()) for path in folder.rglob("*") if path.is_file())


@server_fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Path]]:
    folder = tmp_path_factory.mktemp("hostile")
    site = write_preview_site(folder)
    outside = folder / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(SECRET, encoding="utf-8")
    os.symlink(outside, site / "content" / "blog" / "escape")
    os.symlink(outside, site / "static" / "img" / "escape")
    os.symlink(outside / "secret.md", site / "content" / "blog" / "linked.md")
    session = Session(site, "127.0.0.1", 0, max_body=64 * 1024)
    session.start()
    yield session, outside
    session.stop()


@settings(max_examples=250, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(action=st.sampled_from([*ALLOWED_ACTIONS, "nope", ""]), params=_params())
def test_no_action_reaches_outside_or_fails_internally(served: tuple[Session, Path], action: str, params: dict[str, Any]) -> None:
    session, outside = served
    before = _outside(outside)
    host, port = session.server.server_address[:2]
    status, reply = post_action(str(host), int(port), action, params, f"http://{host!s}:{int(port)}")
    assert status < 500 or reply == {"error": "Unknown error"}, (status, reply)  # (decap-server's own answer to a failed read or write)
    assert SECRET not in json.dumps(reply)
    assert _outside(outside) == before


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/img/escape/secret.md",
        "/img/%2e%2e/%2e%2e/%2e%2e/outside/secret.md",
        "/blog/linked/",
        "/" + "a" * 5000,
        "/img/" + "b" * 300,
        "/%00",
        "/%ff",
    ],
    ids=lambda path: path[:40],
)
def test_a_get_of_a_hostile_path_is_not_found(served: tuple[Session, Path], path: str) -> None:
    session, _ = served
    host, port = session.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
    try:
        connection.putrequest("GET", path)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    assert response.status in (404, 301), (path, response.status, body[:200])
    assert SECRET.encode() not in body and b"root:" not in body


FRONT_MATTER = [
    "pageTitle",
    "date",
    "updated",
    "featuredImage",
    "tags",
    "body",
    "teaser",
    "templateKey",
    "schemaType",
    "published",
    "author",
    "live",
    "aliases",
]
HOSTILE_FIELD = st.sampled_from(
    [
        None,
        -1,
        1e308,
        True,
        "",
        [None],
        {"src": [1]},
        {"src": "/../../etc/passwd"},
        "a" * 3000,
        2**70,
        "\x00",
        "9999-12-31T23:59:59-23:59",
        "javascript:x",
        "&#xFFFE;",
        "\ud800",
        "[" * 500,
    ]
)


@settings(max_examples=150, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    fields=st.dictionaries(st.sampled_from(FRONT_MATTER), HOSTILE_FIELD, max_size=8),
    path=st.sampled_from(["content/blog/first-briefing.md", "../x.md", "", "/etc/passwd"]),
)
def test_the_preview_pane_renders_any_fields_or_says_why(served: tuple[Session, Path], fields: dict[str, Any], path: str) -> None:
    """Decap posts the fields being edited as JSON; a lone surrogate (``"\\ud800"``) once crashed the render."""
    session, _ = served
    host, port = session.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=30)
    try:
        headers = {"Content-Type": "application/json", "Origin": f"http://{host!s}:{int(port)}"}
        connection.request("POST", "/_masthead/preview", json.dumps({"data": fields, "path": path}), headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    assert response.status < 500, body[-300:]
    if any(value == "\ud800" for value in fields.values()):
        assert response.status == 400 and b"lone surrogate" in body
