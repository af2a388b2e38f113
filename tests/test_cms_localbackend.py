"""Decap's local backend protocol, against the real running server (``POST /api/v1``)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import pytest
from preview_helpers import api, own_origin, request

from masthead.cms.localbackend import ALLOWED_ACTIONS
from masthead.serve.session import Session

OUTSIDE = "must resolve to a path under the configured repository"
OPTIONS = {
    "commitMessage": "Update",
    "useWorkflow": False,
    "status": "draft",
    "collectionName": "blog",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_info_answers_the_detection_probe(running: Session) -> None:
    status, reply = api(running, "info")
    assert status == 200
    assert reply == {"repo": running.site.name, "publish_modes": ["simple"], "type": "local_fs"}


def test_entries_by_folder_lists_files_at_the_given_depth(running: Session, preview_site: Path) -> None:
    (preview_site / "content/blog/2024").mkdir()
    (preview_site / "content/blog/2024/deeper.md").write_text("---\npageTitle: Deep\n---\n")
    (preview_site / "content/blog/notes.txt").write_text("not markdown")
    status, reply = api(running, "entriesByFolder", {"folder": "content/blog", "extension": "md", "depth": 1})
    assert status == 200
    assert [item["file"]["path"] for item in reply] == ["content/blog/first-briefing.md"]
    first = preview_site / "content/blog/first-briefing.md"
    assert reply[0]["data"] == first.read_text()
    assert reply[0]["file"]["id"] == sha256(first)
    _, deeper = api(running, "entriesByFolder", {"folder": "content/blog", "extension": "md", "depth": 2})
    assert [item["file"]["path"] for item in deeper] == [
        "content/blog/2024/deeper.md",
        "content/blog/first-briefing.md",
    ]
    _, missing = api(running, "entriesByFolder", {"folder": "content/blog/nothing", "extension": "md", "depth": 1})
    assert missing == []


def test_entries_by_folder_skips_links_leading_outside(running: Session, preview_site: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("secret")
    os.symlink(secret, preview_site / "content/blog/leak.md")
    _, reply = api(running, "entriesByFolder", {"folder": "content/blog", "extension": "md", "depth": 1})
    assert "secret" not in json.dumps(reply)
    assert [item["file"]["path"] for item in reply] == ["content/blog/first-briefing.md"]


def test_entries_by_files_keeps_order_and_labels(running: Session) -> None:
    files = [
        {"path": "content/pages/about.md", "label": "About"},
        {"path": "content/blog/gone.md"},
        {"path": "content/blog/first-briefing.md"},
    ]
    status, reply = api(running, "entriesByFiles", {"files": files})
    assert status == 200
    assert [item["file"]["path"] for item in reply] == [f["path"] for f in files]
    assert reply[0]["file"]["label"] == "About" and reply[0]["data"].startswith("---\ntemplateKey: about-page")
    assert reply[1] == {"data": None, "file": {"path": "content/blog/gone.md", "id": None}}


def test_get_entry(running: Session, preview_site: Path) -> None:
    status, reply = api(running, "getEntry", {"path": "content/blog/first-briefing.md"})
    assert status == 200
    assert reply["data"] == (preview_site / "content/blog/first-briefing.md").read_text()
    assert reply["file"] == {
        "path": "content/blog/first-briefing.md",
        "id": sha256(preview_site / "content/blog/first-briefing.md"),
    }


@pytest.mark.parametrize("path", ["../outside.md", "content/../../outside.md", "/etc/passwd", "content/blog/../../../x"])
def test_paths_outside_the_site_are_refused(running: Session, path: str) -> None:
    status, reply = api(running, "getEntry", {"path": path})
    assert (status, reply) == (422, {"error": f'"params.path" {OUTSIDE}'})


def test_links_leading_outside_are_refused_for_reads_and_writes(running: Session, preview_site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret")
    os.symlink(outside, preview_site / "content/escape")
    assert api(running, "getEntry", {"path": "content/escape/secret.md"})[0] == 422
    status, reply = api(
        running,
        "persistEntry",
        {
            "dataFiles": [{"slug": "x", "path": "content/escape/new.md", "raw": "pwned"}],
            "assets": [],
            "options": OPTIONS,
        },
    )
    assert (status, reply) == (422, {"error": f'"params.dataFiles[0].path" {OUTSIDE}'})
    assert not (outside / "new.md").exists()
    status, _ = api(
        running,
        "persistMedia",
        {
            "asset": {"path": "content/escape/a.png", "content": "AAAA", "encoding": "base64"},
            "options": {"commitMessage": "m"},
        },
    )
    assert status == 422 and not (outside / "a.png").exists()
    status, _ = api(
        running,
        "deleteFiles",
        {"paths": ["content/escape/secret.md"], "options": {"commitMessage": "m"}},
    )
    assert status == 422 and (outside / "secret.md").exists()


def test_persist_entry_writes_files_and_assets_atomically(running: Session, preview_site: Path) -> None:
    raw = seed_text = "---\ntemplateKey: blog-post\npageTitle: New\n---\nBody\n"
    image = base64.b64encode(b"\x89PNG fake").decode()
    status, reply = api(
        running,
        "persistEntry",
        {
            "dataFiles": [{"slug": "new-post", "path": "content/blog/new/new-post.md", "raw": raw}],
            "assets": [{"path": "static/img/new.png", "content": image, "encoding": "base64"}],
            "options": OPTIONS,
        },
    )
    assert (status, reply) == (200, {"message": "entry persisted"})
    written = preview_site / "content/blog/new/new-post.md"
    assert written.read_text() == seed_text
    assert (written.stat().st_mode & 0o777) == 0o644
    assert (preview_site / "static/img/new.png").read_bytes() == b"\x89PNG fake"
    assert [p.name for p in written.parent.iterdir()] == ["new-post.md"]  # no temporary file left behind


def test_persist_entry_accepts_an_entry_that_would_not_parse(running: Session, preview_site: Path) -> None:
    raw = "---\npageTitle: [unclosed\n---\nThe editor's work is kept.\n"
    status, _ = api(
        running,
        "persistEntry",
        {
            "entry": {"slug": "bad", "path": "content/blog/bad.md", "raw": raw},
            "assets": [],
            "options": OPTIONS,
        },
    )
    assert status == 200
    assert (preview_site / "content/blog/bad.md").read_text() == raw


def test_persist_entry_with_new_path_renames(running: Session, preview_site: Path) -> None:
    status, _ = api(
        running,
        "persistEntry",
        {
            "dataFiles": [
                {
                    "slug": "renamed",
                    "path": "content/blog/first-briefing.md",
                    "raw": "changed",
                    "newPath": "content/blog/renamed.md",
                }
            ],
            "assets": [],
            "options": {**OPTIONS, "hasSubfolders": False},
        },
    )
    assert status == 200
    assert not (preview_site / "content/blog/first-briefing.md").exists()
    assert (preview_site / "content/blog/renamed.md").read_text() == "changed"


def test_persist_entry_checks_its_shape(running: Session) -> None:
    data_file = {"slug": "a", "path": "content/blog/a.md", "raw": "x"}
    both = api(
        running,
        "persistEntry",
        {"entry": data_file, "dataFiles": [data_file], "assets": [], "options": OPTIONS},
    )
    assert both == (
        422,
        {"error": '"params" contains a conflict between exclusive peers [entry, dataFiles]'},
    )
    neither = api(running, "persistEntry", {"assets": [], "options": OPTIONS})
    assert neither == (422, {"error": '"params" must contain at least one of [entry, dataFiles]'})
    no_assets = api(running, "persistEntry", {"dataFiles": [data_file], "options": OPTIONS})
    assert no_assets == (422, {"error": '"params.assets" is required'})
    no_raw = api(
        running,
        "persistEntry",
        {
            "dataFiles": [{"slug": "a", "path": "content/blog/a.md"}],
            "assets": [],
            "options": OPTIONS,
        },
    )
    assert no_raw == (422, {"error": '"params.dataFiles[0].raw" is required'})


def test_media_actions(running: Session, preview_site: Path) -> None:
    (preview_site / "static/img/sub").mkdir()
    (preview_site / "static/img/sub/deep.jpg").write_bytes(b"deep")
    status, media = api(running, "getMedia", {"mediaFolder": "static/img"})
    assert status == 200
    assert [item["path"] for item in media] == ["static/img/photo.jpg"]  # depth 1 only
    photo = (preview_site / "static/img/photo.jpg").read_bytes()
    assert media[0] == {
        "id": hashlib.sha256(photo).hexdigest(),
        "content": base64.b64encode(photo).decode(),
        "encoding": "base64",
        "path": "static/img/photo.jpg",
        "name": "photo.jpg",
    }
    assert api(running, "getMediaFile", {"path": "static/img/photo.jpg"}) == (200, media[0])
    content = base64.b64encode(b"GIF89a").decode()
    status, saved = api(
        running,
        "persistMedia",
        {
            "asset": {"path": "static/img/up.gif", "content": content, "encoding": "base64"},
            "options": {"commitMessage": "Upload"},
        },
    )
    assert status == 200 and saved["name"] == "up.gif" and saved["content"] == content
    assert (preview_site / "static/img/up.gif").read_bytes() == b"GIF89a"
    bad = api(
        running,
        "persistMedia",
        {
            "asset": {"path": "static/img/x.gif", "content": "AA", "encoding": "utf8"},
            "options": {"commitMessage": "Upload"},
        },
    )
    assert bad == (422, {"error": '"params.asset.encoding" must be [base64]'})


def test_delete_actions(running: Session, preview_site: Path) -> None:
    target = preview_site / "static/img/photo.jpg"
    assert api(running, "deleteFile", {"path": "static/img/photo.jpg", "options": {"commitMessage": "m"}}) == (
        200,
        {"message": "deleted file static/img/photo.jpg"},
    )
    assert not target.exists()
    assert (
        api(
            running,
            "deleteFile",
            {"path": "static/img/photo.jpg", "options": {"commitMessage": "m"}},
        )[0]
        == 200
    )
    (preview_site / "content/blog/a.md").write_text("a")
    (preview_site / "content/blog/b.md").write_text("b")
    assert api(running, "deleteFiles", {"paths": ["content/blog/a.md", "content/blog/b.md"], "options": {"commitMessage": "m"}}) == (
        200,
        {"message": "deleted files content/blog/a.md, content/blog/b.md"},
    )
    assert not (preview_site / "content/blog/a.md").exists() and not (preview_site / "content/blog/b.md").exists()
    assert api(running, "deleteFiles", {"paths": [], "options": {"commitMessage": "m"}}) == (
        422,
        {"error": '"params.paths" must contain at least 1 items'},
    )


# The bytes Chromium posted when an editor deleted a post in Decap 3.16.3 (decap-cms-backend-proxy:
# JSON.stringify({branch, action, params: {branch, paths, options: {commitMessage}}}), with its
# Content-Type), captured from the browser test; the commit message is not ASCII.
BROWSER_DELETE = (
    '{"branch":"main","action":"deleteFiles","params":{"branch":"main","paths":["content/blog/second.md"],"options":{"commitMessage":"Delete Post “second”"}}}'
).encode()


def test_the_delete_request_decap_sends_from_the_browser(running: Session, preview_site: Path) -> None:
    post = preview_site / "content/blog/second.md"
    post.write_text("---\npageTitle: Second\n---\n")
    headers = {"Content-Type": "application/json; charset=utf-8", "Origin": own_origin(running)}
    status, _, data = request(running, "POST", "/api/v1", BROWSER_DELETE, headers)
    assert (status, json.loads(data)) == (200, {"message": "deleted files content/blog/second.md"})
    assert not post.exists() and (preview_site / "content/blog/first-briefing.md").is_file()


def test_deploy_preview_is_null(running: Session) -> None:
    assert api(running, "getDeployPreview", {"collection": "blog", "slug": "x"}) == (200, None)


def test_validation_errors_match_decap_server(running: Session) -> None:
    status, _, data = request(
        running,
        "POST",
        "/api/v1",
        json.dumps({"action": "getEntry", "params": {"path": "a.md"}}).encode(),
        {"Content-Type": "application/json", "Origin": own_origin(running)},
    )
    assert (status, json.loads(data)) == (422, {"error": '"params.branch" is required'})
    assert api(running, "getEntry") == (422, {"error": '"params" is required'})
    assert api(running, "getEntry", {"path": 7}) == (
        422,
        {"error": '"params.path" must be a string'},
    )
    assert api(running, "getEntry", {"branch": None, "path": "a.md"}) == (
        422,
        {"error": '"params.branch" is required'},
    )
    assert api(running, "entriesByFolder", {"folder": "content/blog", "extension": "md", "depth": "one"}) == (422, {"error": '"params.depth" must be a number'})
    assert api(running, "getEntry", {}) == (422, {"error": '"params.path" is required'})
    assert api(running, "addNote", {}) == (
        422,
        {"error": f'"action" must be one of [{", ".join(ALLOWED_ACTIONS)}]'},
    )
    assert api(running, "unpublishedEntries", {}) == (
        422,
        {"error": "Unknown action unpublishedEntries"},
    )


def test_malformed_json_and_oversized_bodies(running: Session) -> None:
    headers = {"Content-Type": "application/json", "Origin": own_origin(running)}
    status, _, data = request(running, "POST", "/api/v1", b'{"action": "info"', headers)
    assert status == 400 and json.loads(data)["error"].startswith("malformed JSON")
    big = json.dumps({"action": "info", "padding": "x" * (70 * 1024)}).encode()
    status, _, data = request(running, "POST", "/api/v1", big, headers)
    assert status == 413 and "over the limit" in json.loads(data)["error"]
