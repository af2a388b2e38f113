"""Decap's editorial workflow in the local backend: cms/ branches of the site's Git repository,
against the real server and real git (the sequence of calls Decap's proxy client makes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import server_fixture
from decap_helpers import PNG, commit_site, git
from preview_helpers import PAGE, api, request, seed_post

from masthead.build import build
from masthead.serve.session import Session

CONFIG = """\
backend: {name: git-gateway, branch: main}
local_backend: true
publish_mode: editorial_workflow
media_folder: static/img
public_folder: /img
collections:
  - {name: blog, folder: content/blog, create: true, fields: [{name: pageTitle, widget: string}]}
"""


@pytest.fixture
def repository(preview_site: Path) -> Path:
    (preview_site / "static/admin").mkdir(parents=True)
    (preview_site / "static/admin/config.yml").write_text(CONFIG)
    return commit_site(preview_site)


@server_fixture()
def workflow(repository: Path) -> Iterator[Session]:
    session = Session(repository, "127.0.0.1", 0)
    session.start()
    yield session
    session.stop()


def persist(session: Session, slug: str, title: str, status: str = "draft", workflow: bool = True) -> tuple[int, object]:
    raw = seed_post(title).replace("  src: /img/photo.jpg\n", f"  src: /img/{slug}.png\n")
    return api(
        session,
        "persistEntry",
        {
            "dataFiles": [{"slug": slug, "path": f"content/blog/{slug}.md", "raw": raw}],
            "assets": [{"path": f"static/img/{slug}.png", "content": PNG, "encoding": "base64"}],
            "options": {"commitMessage": f"Create Blog “{slug}”", "useWorkflow": workflow, "status": status, "collectionName": "blog"},
        },
    )


def test_info_offers_the_editorial_workflow(workflow: Session) -> None:
    assert api(workflow, "info") == (200, {"repo": workflow.site.name, "publish_modes": ["simple", "editorial_workflow"], "type": "local_git"})


def test_draft_to_published(workflow: Session, repository: Path) -> None:
    assert persist(workflow, "under-review", "Under review") == (200, {"message": "entry persisted"})
    branch = "cms/blog/under-review"
    assert git(repository, "branch", "--list", branch).strip() == branch
    assert git(repository, "config", f"branch.{branch}.description").strip() == "decap-cms/draft"
    assert not (repository / "content/blog/under-review.md").exists()  # the working tree is untouched
    assert git(repository, "status", "--porcelain") == ""
    assert git(repository, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"

    assert api(workflow, "unpublishedEntries", {}) == (200, ["blog/under-review"])
    status, entry = api(workflow, "unpublishedEntry", {"id": "blog/under-review"})
    assert status == 200 and entry["collection"] == "blog" and entry["slug"] == "under-review" and entry["status"] == "draft"
    assert {(d["path"], d["status"], d["newFile"], d["binary"]) for d in entry["diffs"]} == {
        ("content/blog/under-review.md", "added", True, False),
        ("static/img/under-review.png", "added", True, True),
    }
    assert entry["updatedAt"].endswith("Z")
    status, data = api(
        workflow,
        "unpublishedEntryDataFile",
        {"collection": "blog", "slug": "under-review", "id": "content/blog/under-review.md", "path": "content/blog/under-review.md"},
    )
    assert status == 200 and "pageTitle: Under review" in data["data"]
    status, media = api(
        workflow,
        "unpublishedEntryMediaFile",
        {"collection": "blog", "slug": "under-review", "id": "static/img/under-review.png", "path": "static/img/under-review.png"},
    )
    assert status == 200 and media["content"] == PNG and media["name"] == "under-review.png"

    # Previewable in masthead serve, absent from masthead build.
    status, _, html = request(workflow, "GET", "/_masthead/unpublished/blog/under-review/")
    assert status == 200 and b"Under review" in html
    assert api(workflow, "getDeployPreview", {"collection": "blog", "slug": "under-review"}) == (
        200,
        {"url": "/_masthead/unpublished/blog/under-review/", "status": "SUCCESS"},
    )
    build(repository)
    assert not (repository / "public/blog/under-review").exists() and (repository / "public/blog/first-briefing").is_dir()

    assert api(workflow, "updateUnpublishedEntryStatus", {"collection": "blog", "slug": "under-review", "newStatus": "pending_review"})[0] == 200
    assert api(workflow, "unpublishedEntry", {"collection": "blog", "slug": "under-review"})[1]["status"] == "pending_review"
    assert persist(workflow, "under-review", "Under review, edited")[0] == 200  # a second save: same branch, status kept
    assert git(repository, "config", f"branch.{branch}.description").strip() == "decap-cms/pending_review"
    assert int(git(repository, "rev-list", "--count", f"main..{branch}")) == 1

    assert api(workflow, "publishUnpublishedEntry", {"collection": "blog", "slug": "under-review"}) == (200, {"message": f"branch {branch} merged to main"})
    assert "pageTitle: Under review, edited" in (repository / "content/blog/under-review.md").read_text()
    assert (repository / "static/img/under-review.png").is_file()
    assert git(repository, "branch", "--list", branch) == "" and api(workflow, "unpublishedEntries", {}) == (200, [])
    assert git(repository, "status", "--porcelain") == ""


def test_deleting_an_entry_under_review_drops_its_branch(workflow: Session, repository: Path) -> None:
    persist(workflow, "dropped", "Dropped")
    assert api(workflow, "deleteUnpublishedEntry", {"collection": "blog", "slug": "dropped"}) == (200, {"message": "deleted branch: cms/blog/dropped"})
    assert git(repository, "branch", "--list", "cms/*") == ""
    assert api(workflow, "unpublishedEntry", {"collection": "blog", "slug": "dropped"}) == (404, {"message": "Not Found"})
    assert request(workflow, "GET", "/_masthead/unpublished/blog/dropped/")[0] == 404


def test_a_direct_save_commits_only_its_own_files(workflow: Session, repository: Path) -> None:
    (repository / "content/pages/about.md").write_text(PAGE + "\nUnsaved work of the editor.\n")
    assert persist(workflow, "direct", "Direct", workflow=False)[0] == 200
    assert (repository / "content/blog/direct.md").is_file()
    committed = git(repository, "show", "--name-only", "--format=%s", "HEAD").split()
    assert "content/blog/direct.md" in committed and "static/img/direct.png" in committed
    assert "content/pages/about.md" not in committed
    assert git(repository, "status", "--porcelain").strip() == "M content/pages/about.md"


def test_workflow_paths_are_confined_too(workflow: Session, repository: Path) -> None:
    status, reply = api(
        workflow,
        "persistEntry",
        {
            "dataFiles": [{"slug": "x", "path": "templates/blog-post.html", "raw": "{{ 7*7 }}"}],
            "assets": [],
            "options": {"commitMessage": "m", "useWorkflow": True, "status": "draft", "collectionName": "blog"},
        },
    )
    assert status == 422 and git(repository, "branch", "--list", "cms/*") == ""


def test_a_missing_base_branch_is_named(workflow: Session) -> None:
    status, _, data = request(
        workflow,
        "POST",
        "/api/v1",
        b'{"action": "unpublishedEntries", "params": {"branch": "master"}}',
        {"Origin": f"http://127.0.0.1:{workflow.server.server_address[1]}", "Content-Type": "application/json"},
    )
    assert (status, json.loads(data)) == (422, {"error": "Default branch 'master' doesn't exist"})


def test_without_the_workflow_in_the_config_git_is_left_alone(preview_site: Path, running: Session) -> None:
    assert api(running, "info")[1]["type"] == "local_fs"
    assert api(running, "unpublishedEntries", {}) == (422, {"error": "Unknown action unpublishedEntries"})
