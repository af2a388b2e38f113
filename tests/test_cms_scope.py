"""Only content changes through the API: the local backend reads and writes the folders of the CMS
collections and the media folder of the config in use, nothing else (real server on 127.0.0.1)."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from preview_helpers import api, write_preview_site

from masthead.serve.session import Session

OPTIONS = {"commitMessage": "Update", "useWorkflow": False, "status": "draft", "collectionName": "blog"}
NOT_IN_SCOPE = "is not in a folder the CMS may change"
TEMPLATE = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"


def persist(session: Session, path: str, raw: str = "x", new_path: str | None = None) -> tuple[int, dict[str, str]]:
    data_file = {"slug": "x", "path": path, "raw": raw}
    if new_path is not None:
        data_file["newPath"] = new_path
    return api(session, "persistEntry", {"dataFiles": [data_file], "assets": [], "options": OPTIONS})


SECRETS = {
    "templates/about-page.html": "<p>about</p>",
    ".git/config": "[core]\n",
    ".masthead-cache/build.sqlite": "cache",
    "content/blog/.secret-draft.md": "---\npageTitle: hidden\n---\n",
    "static/admin/config.yml": "backend: {name: git-gateway}\nmedia_folder: static/img\ncollections: [{name: blog, folder: content/blog, fields: []}]\n",
    "scripts/deploy.sh": "echo deploy",
}


def _write_secrets(site: Path) -> Path:
    """The files an attacker wants: templates, config, .git, the cache, hidden files, the admin."""
    for relative, text in SECRETS.items():
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return site


@pytest.fixture
def secrets(preview_site: Path) -> Path:
    return _write_secrets(preview_site)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Path]]:
    """One preview for the tests whose every request is refused or only reads (each test would
    otherwise start its own build process); they check that the files stayed as they were."""
    site = _write_secrets(write_preview_site(tmp_path_factory.mktemp("scope")))
    session = Session(site, "127.0.0.1", 0, max_body=64 * 1024)
    session.start()
    yield session, site
    session.stop()


@pytest.mark.parametrize(
    "path",
    [
        "templates/about-page.html",
        "masthead.toml",
        ".git/config",
        ".masthead-cache/build.sqlite",
        "content/blog/.secret-draft.md",
        "static/admin/config.yml",
        "scripts/deploy.sh",
        "static/favicon.svg",
        "content/pages/about.md",
    ],
)
def test_reads_and_writes_outside_the_collections_are_refused(guarded: tuple[Session, Path], path: str) -> None:
    running, secrets = guarded
    before = (secrets / path).read_bytes() if (secrets / path).exists() else None
    status, reply = api(running, "getEntry", {"path": path})
    assert status == 422 and NOT_IN_SCOPE in reply["error"]
    status, reply = persist(running, path, TEMPLATE)
    assert status == 422 and NOT_IN_SCOPE in reply["error"] and reply["error"].startswith('"params.dataFiles[0].path"')
    asset = {"path": path, "content": base64.b64encode(b"x").decode(), "encoding": "base64"}
    assert api(running, "persistMedia", {"asset": asset, "options": {"commitMessage": "m"}})[0] == 422
    assert api(running, "deleteFiles", {"paths": [path], "options": {"commitMessage": "m"}})[0] == 422
    after = (secrets / path).read_bytes() if (secrets / path).exists() else None
    assert after == before


@pytest.mark.parametrize("folder", [".", "templates", ".git", ".masthead-cache", "static", "static/admin", "content"])
def test_listing_outside_the_collections_is_refused(guarded: tuple[Session, Path], folder: str) -> None:
    running, _ = guarded
    status, reply = api(running, "entriesByFolder", {"folder": folder, "extension": "md", "depth": 3})
    assert status == 422 and NOT_IN_SCOPE in reply["error"]
    assert api(running, "getMedia", {"mediaFolder": folder})[0] == 422


def test_listing_skips_hidden_files(guarded: tuple[Session, Path]) -> None:
    running, _ = guarded
    status, reply = api(running, "entriesByFolder", {"folder": "content/blog", "extension": "md", "depth": 2})
    assert status == 200 and [item["file"]["path"] for item in reply] == ["content/blog/first-briefing.md"]


def test_a_link_inside_a_collection_pointing_at_a_template_is_refused(running: Session, secrets: Path) -> None:
    os.symlink(secrets / "templates/about-page.html", secrets / "content/blog/innocent.md")
    os.symlink(secrets / "templates", secrets / "content/blog/layouts")
    assert api(running, "getEntry", {"path": "content/blog/innocent.md"})[0] == 422
    assert persist(running, "content/blog/innocent.md", TEMPLATE)[0] == 422
    assert persist(running, "content/blog/layouts/about-page.html", TEMPLATE)[0] == 422
    assert (secrets / "templates/about-page.html").read_text() == "<p>about</p>"
    _, listed = api(running, "entriesByFolder", {"folder": "content/blog", "extension": "md", "depth": 3})
    assert [item["file"]["path"] for item in listed] == ["content/blog/first-briefing.md"]


def test_the_config_in_use_decides(running: Session, secrets: Path) -> None:
    """static/admin/config.yml names content/blog and static/img only: the pages are no longer editable
    (they were with masthead's default config), a collection folder added to the config becomes so."""
    assert api(running, "getEntry", {"path": "content/blog/first-briefing.md"})[0] == 200
    assert api(running, "getMediaFile", {"path": "static/img/photo.jpg"})[0] == 200
    config = secrets / "static/admin/config.yml"
    config.write_text(config.read_text().replace("collections: [", "collections: [{name: notes, folder: content/notes, fields: []}, "))
    assert persist(running, "content/notes/one.md", "---\npageTitle: One\n---\n")[0] == 200
    assert (secrets / "content/notes/one.md").is_file()


def test_a_collection_pointing_at_the_site_root_still_cannot_reach_masthead_files(running: Session, secrets: Path) -> None:
    (secrets / "static/admin/config.yml").write_text(
        "media_folder: /\ncollections: [{name: all, folder: ., fields: []}, {name: tpl, folder: templates, fields: []}]\n"
    )
    for path in ("masthead.toml", "templates/about-page.html", ".git/config", "static/admin/config.yml"):
        assert persist(running, path, TEMPLATE)[0] == 422, path


def test_a_rename_moves_that_entry_only(running: Session, preview_site: Path) -> None:
    blog = preview_site / "content/blog"
    (blog / "other.md").write_text("---\npageTitle: Other\n---\n")
    (blog / "2024").mkdir()
    status, _ = persist(running, "content/blog/first-briefing.md", "renamed", "content/blog/2024/renamed.md")
    assert status == 200
    assert (blog / "2024/renamed.md").read_text() == "renamed"
    assert not (blog / "first-briefing.md").exists()
    assert (blog / "other.md").is_file() and sorted(p.name for p in (blog / "2024").iterdir()) == ["renamed.md"]


def test_a_rename_never_overwrites_another_entry(running: Session, preview_site: Path) -> None:
    (preview_site / "content/blog/other.md").write_text("keep me")
    status, reply = persist(running, "content/blog/first-briefing.md", "x", "content/blog/other.md")
    assert status == 422 and "existing file" in reply["error"]
    assert (preview_site / "content/blog/other.md").read_text() == "keep me"


def test_a_rename_out_of_the_collections_is_refused(running: Session, secrets: Path) -> None:
    status, _ = persist(running, "content/blog/first-briefing.md", TEMPLATE, "templates/blog-post.html")
    assert status == 422 and not (secrets / "templates/blog-post.html").exists()
    assert (secrets / "content/blog/first-briefing.md").is_file()
