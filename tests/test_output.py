"""The output folder is replaced atomically; failed builds leave it untouched; builds are reproducible."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite, post

from masthead.build import build
from masthead.errors import MastheadError
from masthead.output import DELETE, MOVE, Staging, apply, discard_uncommitted, write_file


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_previous_output(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("First")})
    build(site, now=BUILD_TIME)
    before = digest(site / "public")
    (site / "content/blog/b.md").write_text("---\npageTitle: [broken\n---\n", encoding="utf-8")
    with pytest.raises(MastheadError):
        build(site, now=BUILD_TIME)
    assert digest(site / "public") == before
    assert sorted(p.name for p in site.iterdir()) == [".masthead-cache", "content", "masthead.toml", "public"]


def test_template_error_leaves_previous_output(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("First")})
    build(site, now=BUILD_TIME)
    before = digest(site / "public")
    (site / "templates").mkdir()
    (site / "templates/blog-post.html").write_text("{% extends 'base.html' %}{% block main %}{{ document.nope }}{% endblock %}")
    with pytest.raises(MastheadError) as caught:
        build(site, now=BUILD_TIME)
    assert "templates/blog-post.html:1" in caught.value.report()
    assert digest(site / "public") == before


def test_apply_is_idempotent_after_an_interruption(tmp_path: Path) -> None:
    output, staging = tmp_path / "public", tmp_path / ".public.staging"
    (output / "a").mkdir(parents=True)
    (output / "a/index.html").write_text("old a")
    (output / "gone.html").write_text("stale")
    (staging / "a").mkdir(parents=True)
    (staging / "a/index.html").write_text("new a")
    (staging / "b.html").write_text("new b")
    operations = [(MOVE, "a/index.html"), (MOVE, "b.html"), (DELETE, "gone.html")]
    os.replace(staging / "a/index.html", output / "a/index.html")  # cut short after the first move
    apply(output, staging, operations)
    apply(output, staging, operations)  # and run again: nothing breaks
    assert digest(output) == digest_of({"a/index.html": b"new a", "b.html": b"new b"})
    assert not staging.exists()


def test_apply_leaves_files_it_was_not_told_about(tmp_path: Path) -> None:
    output, staging = tmp_path / "public", tmp_path / ".public.staging"
    (output / ".git").mkdir(parents=True)
    (output / ".git/HEAD").write_text("ref: refs/heads/main")
    (output / "CNAME").write_text("news.example.org")
    staging.mkdir()
    (staging / "index.html").write_text("new")
    apply(output, staging, [(MOVE, "index.html")])
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == [".git", ".git/HEAD", "CNAME", "index.html"]


def test_replay_that_cannot_finish_says_so(tmp_path: Path) -> None:
    output, staging = tmp_path / "public", tmp_path / ".public.staging"
    output.mkdir()
    with pytest.raises(FileNotFoundError, match="a.html is neither staged nor in the output folder"):
        apply(output, staging, [(MOVE, "a.html")])


def test_uncommitted_staging_is_discarded(tmp_path: Path) -> None:
    output = tmp_path / "public"
    output.mkdir()
    (output / "keep.html").write_text("keep")
    staging = Staging(output)
    write_file(staging.folder, "half/written.html", b"new", {""})
    discard_uncommitted(output)
    assert [p.name for p in output.iterdir()] == ["keep.html"]
    assert not staging.folder.exists()


def digest_of(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}


@pytest.mark.slow
def test_same_input_same_bytes(example_site: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    shutil.copytree(example_site, other, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(other, now=BUILD_TIME)
    assert digest(other / "public") == digest(example_site / "public")  # the search index too
