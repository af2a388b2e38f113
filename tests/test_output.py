"""The output folder is replaced atomically; failed builds leave it untouched; builds are reproducible."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_TIME, post

from masthead.build import build
from masthead.errors import MastheadError
from masthead.output import Staging, recover


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_previous_output(make_site) -> None:
    site = make_site({"content/blog/a.md": post("First")})
    build(site, now=BUILD_TIME)
    before = digest(site / "public")
    (site / "content/blog/b.md").write_text("---\npageTitle: [broken\n---\n", encoding="utf-8")
    with pytest.raises(MastheadError):
        build(site, now=BUILD_TIME)
    assert digest(site / "public") == before
    assert sorted(p.name for p in site.iterdir()) == ["content", "masthead.toml", "public"]


def test_template_error_leaves_previous_output(make_site) -> None:
    site = make_site({"content/blog/a.md": post("First")})
    build(site, now=BUILD_TIME)
    before = digest(site / "public")
    (site / "templates").mkdir()
    (site / "templates/blog-post.html").write_text("{% extends 'base.html' %}{% block main %}{{ document.nope }}{% endblock %}")
    with pytest.raises(MastheadError) as caught:
        build(site, now=BUILD_TIME)
    assert "templates/blog-post.html:1" in caught.value.report()
    assert digest(site / "public") == before


def test_interrupted_swap_is_recovered(tmp_path: Path) -> None:
    output = tmp_path / "public"
    output.mkdir()
    (output / "index.html").write_text("old")
    (tmp_path / ".public.old").mkdir()
    output.rename(tmp_path / ".public.old.x")  # simulate: cut between the two renames
    (tmp_path / ".public.old").rmdir()
    (tmp_path / ".public.old.x").rename(tmp_path / ".public.old")
    (tmp_path / ".public.staging").mkdir()
    recover(output)
    assert (output / "index.html").read_text() == "old"
    assert not (tmp_path / ".public.old").exists() and not (tmp_path / ".public.staging").exists()


def test_staging_abort_keeps_output(tmp_path: Path) -> None:
    output = tmp_path / "public"
    output.mkdir()
    (output / "keep.html").write_text("keep")
    staging = Staging(output)
    staging.write("new.html", b"new")
    staging.abort()
    assert [p.name for p in output.iterdir()] == ["keep.html"]


def test_same_input_same_bytes(example_site: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    shutil.copytree(example_site, other, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(other, now=BUILD_TIME)
    assert digest(other / "public") == digest(example_site / "public")
