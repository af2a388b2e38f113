"""masthead's local backend against the real decap-server (npm, node_modules/decap-server): the same
action sequences sent to both, on two copies of one site; the replies and the files on disk must
agree, except where masthead is deliberately stricter (each such case is asserted on its own)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import server_fixture
from decap_helpers import PNG, commit_site, history, post_action
from preview_helpers import PAGE, seed_post, wait_for

from masthead.serve.session import Session

REPOSITORY = Path(__file__).resolve().parents[1]
DECAP_SERVER = REPOSITORY / "node_modules/decap-server/dist/index.js"
ADMIN_CONFIG = """\
backend: {name: git-gateway, branch: main}
local_backend: true
publish_mode: editorial_workflow
media_folder: static/img
public_folder: /img
collections:
  - {name: blog, folder: content/blog, create: true, fields: [{name: pageTitle, widget: string}]}
  - {name: pages, files: [{name: about, file: content/pages/about.md, fields: [{name: pageTitle, widget: string}]}]}
"""
OPTIONS = {"commitMessage": "Create Blog “x”", "useWorkflow": False, "status": "draft", "collectionName": "blog"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Backend:
    """One server answering Decap's proxy protocol on 127.0.0.1."""

    def __init__(self, port: int) -> None:
        self.port = port

    def call(self, action: str, params: dict[str, Any] | None = None) -> tuple[int, Any]:
        return post_action("127.0.0.1", self.port, action, params)


def make_site(folder: Path, git: bool) -> Path:
    site = folder / "briefing"  # the same name for both: info's "repo" is the folder's name
    files = {
        "masthead.toml": 'title = "Differential"\nbase_url = "https://differential.example.org"\n',
        "content/blog/first-briefing.md": seed_post(),
        "content/blog/second.md": seed_post("Second"),
        "content/pages/about.md": PAGE,
        "static/admin/config.yml": ADMIN_CONFIG,
        "templates/.keep": "",
    }
    for relative, text in files.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8")
    (site / "static/img").mkdir(parents=True)
    (site / "static/img/photo.jpg").write_bytes(base64.b64decode(PNG))
    return commit_site(site) if git else site


@server_fixture(params=[False, True], ids=["fs", "git"])
def pair(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Backend, Path, Backend, Path]]:
    git = bool(request.param)
    ours_site, theirs_site = make_site(tmp_path / "ours", git), make_site(tmp_path / "theirs", git)
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": "git" if git else "fs",
        "GIT_REPO_DIRECTORY": str(theirs_site),
        "LOG_LEVEL": "info",
    }
    node = shutil.which("node")
    assert node and DECAP_SERVER.is_file(), "decap-server comes from `npm install` (package.json pins it)"
    process = subprocess.Popen([node, str(DECAP_SERVER)], cwd=theirs_site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        for line in process.stdout:  # ready when it says so
            if "listening" in line:
                break
        else:
            raise AssertionError("decap-server exited before listening")
        session = Session(ours_site, "127.0.0.1", 0)
        session.start()
        try:
            yield Backend(int(session.server.server_address[1])), ours_site, Backend(port), theirs_site
        finally:
            session.stop()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for folder in ("content", "static")
        for path in sorted((site / folder).rglob("*"))
        if path.is_file()
    }


def same(ours: Backend, theirs: Backend, action: str, params: dict[str, Any] | None = None) -> Any:
    mine, reference = ours.call(action, params), theirs.call(action, params)
    assert mine == reference, (action, params)
    return mine[1]


def entry_file(slug: str, title: str) -> dict[str, str]:
    return {"slug": slug, "path": f"content/blog/{slug}.md", "raw": seed_post(title)}


def test_the_same_sequence_gets_the_same_answers_and_files(pair: tuple[Backend, Path, Backend, Path]) -> None:
    ours, ours_site, theirs, theirs_site = pair
    git = (theirs_site / ".git").is_dir()
    info = same(ours, theirs, "info")
    assert info["type"] == ("local_git" if git else "local_fs")
    listed = same(ours, theirs, "entriesByFolder", {"folder": "content/blog", "extension": "md", "depth": 1})
    assert len(listed) == 2
    same(ours, theirs, "entriesByFiles", {"files": [{"path": "content/pages/about.md", "label": "About"}, {"path": "content/blog/gone.md"}]})
    same(ours, theirs, "getEntry", {"path": "content/blog/second.md"})
    same(
        ours,
        theirs,
        "persistEntry",
        {"dataFiles": [entry_file("third", "Third")], "assets": [{"path": "static/img/third.png", "content": PNG, "encoding": "base64"}], "options": OPTIONS},
    )
    same(ours, theirs, "getEntry", {"path": "content/blog/third.md"})
    same(ours, theirs, "getMedia", {"mediaFolder": "static/img"})
    same(ours, theirs, "getMediaFile", {"path": "static/img/third.png"})
    same(
        ours, theirs, "persistMedia", {"asset": {"path": "static/img/upload.png", "content": PNG, "encoding": "base64"}, "options": {"commitMessage": "Upload"}}
    )
    same(ours, theirs, "deleteFiles", {"paths": ["static/img/upload.png"], "options": {"commitMessage": "Delete"}})
    same(ours, theirs, "deleteFile", {"path": "static/img/never-was.png", "options": {"commitMessage": "Delete"}})
    for bad in ({"folder": "content/blog", "extension": "md", "depth": "one"}, {"extension": "md", "depth": 1}):
        same(ours, theirs, "entriesByFolder", bad)
    same(ours, theirs, "persistEntry", {"assets": [], "options": OPTIONS})
    same(ours, theirs, "getEntry", {})
    same(ours, theirs, "noSuchAction", {})
    assert ours.call("getEntry", {"path": "../outside.md"}) == theirs.call("getEntry", {"path": "../outside.md"})
    if not git:
        same(ours, theirs, "getDeployPreview", {"collection": "blog", "slug": "third"})
    # What Chromium sends when an editor deletes a post in Decap 3.16.3 (test_serve_browser.py).
    same(ours, theirs, "deleteFiles", {"paths": ["content/blog/second.md"], "options": {"commitMessage": "Delete Post “second”"}})
    assert not (ours_site / "content/blog/second.md").exists()
    assert tree(ours_site) == tree(theirs_site)
    if git:  # decap-server's git mode commits every save and deletion; so does masthead's
        assert history(ours_site) == history(theirs_site)
        assert history(ours_site)[0][:3] == ["Delete Post “second”", "Delete", "Upload"]


def test_the_editorial_workflow_matches_decap_servers_git_mode(pair: tuple[Backend, Path, Backend, Path]) -> None:
    ours, ours_site, theirs, theirs_site = pair
    if not (theirs_site / ".git").is_dir():
        assert same(ours, theirs, "unpublishedEntries", {}) is not None  # fs mode: both refuse it alike
        return
    workflow = {**OPTIONS, "useWorkflow": True}
    same(
        ours,
        theirs,
        "persistEntry",
        {
            "dataFiles": [entry_file("review", "Under review")],
            "assets": [{"path": "static/img/review.png", "content": PNG, "encoding": "base64"}],
            "options": workflow,
        },
    )
    assert same(ours, theirs, "unpublishedEntries", {}) == ["blog/review"]
    mine, reference = (backend.call("unpublishedEntry", {"id": "blog/review"}) for backend in (ours, theirs))
    assert mine[0] == reference[0] == 200
    for reply in (mine[1], reference[1]):
        reply.pop("updatedAt")  # the time of the save: decap-server reads file dates, masthead the commit's
        reply["diffs"].sort(key=lambda diff: diff["path"])
    assert mine[1] == reference[1], json.dumps([mine[1], reference[1]])
    same(ours, theirs, "unpublishedEntryDataFile", {"collection": "blog", "slug": "review", "id": "content/blog/review.md", "path": "content/blog/review.md"})
    same(ours, theirs, "updateUnpublishedEntryStatus", {"collection": "blog", "slug": "review", "newStatus": "pending_publish"})
    same(ours, theirs, "publishUnpublishedEntry", {"collection": "blog", "slug": "review"})
    same(ours, theirs, "unpublishedEntries", {})
    same(ours, theirs, "persistEntry", {"dataFiles": [entry_file("dropped", "Dropped")], "assets": [], "options": workflow})
    same(ours, theirs, "deleteUnpublishedEntry", {"collection": "blog", "slug": "dropped"})
    assert same(ours, theirs, "unpublishedEntry", {"collection": "blog", "slug": "dropped"}) == {"message": "Not Found"}
    assert tree(ours_site) == tree(theirs_site)


def test_where_masthead_is_stricter(pair: tuple[Backend, Path, Backend, Path]) -> None:
    """decap-server lets a request write a template (code, run on the next build) and moves every
    neighbour of a renamed entry; masthead refuses the one and moves only the entry."""
    ours, ours_site, theirs, theirs_site = pair
    template = {"dataFiles": [{"slug": "t", "path": "templates/about-page.html", "raw": "{{ 7 * 7 }}"}], "assets": [], "options": OPTIONS}
    assert theirs.call("persistEntry", template)[0] == 200 and (theirs_site / "templates/about-page.html").is_file()
    assert ours.call("persistEntry", template)[0] == 422 and not (ours_site / "templates/about-page.html").exists()
    assert theirs.call("getEntry", {"path": "masthead.toml"})[1]["data"] is not None
    assert ours.call("getEntry", {"path": "masthead.toml"})[0] == 422
    if (theirs_site / ".git").is_dir():
        return  # git mode commits the rename; the neighbours' fate is the same question as below
    rename = {"dataFiles": [{**entry_file("first-briefing", "Moved"), "newPath": "content/blog/2024/moved.md"}], "assets": [], "options": OPTIONS}
    assert theirs.call("persistEntry", rename)[0] == 200 and ours.call("persistEntry", rename)[0] == 200
    # decap-server replies before its (unawaited) moves finish, so there is no reply to wait for.
    wait_for(lambda: not (theirs_site / "content/blog/second.md").exists())  # it moved the neighbour too
    assert (theirs_site / "content/blog/2024/second.md").is_file()
    assert (ours_site / "content/blog/second.md").is_file() and (ours_site / "content/blog/2024/moved.md").is_file()
