"""Incremental builds write exactly what a clean build writes, whatever sequence of edits came first.

A hypothesis state machine adds, edits, renames and deletes posts, flips drafts, moves dates,
edits a template, the config and a static file; after every step the incremental build's output
must equal a clean build's, file for file and byte for byte. A second test kills builds midway.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeSite
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from masthead.build import build

NOW = datetime(2025, 6, 5, 12, 0, tzinfo=UTC)
# Search is off: Pagefind's own output is not byte-stable between runs (upstream issue 638), and
# test_search covers the index's incremental reuse.
CONFIG = 'title = "{title}"\nbase_url = "https://inc.example.org"\npage_size = {size}\nsearch = false\n'
WORDS = st.sampled_from(["Seoul", "Kyiv", "sanctions", "summit", "“quoted”", "tariffs", "ceasefire", "AP"])
DATES = st.sampled_from(
    ["2024-01-05T10:00:00Z", "2024-03-01T08:30:00Z", "2025-06-04T09:00:00Z", "2023-12-31T23:59:59Z", "2030-01-01T00:00:00Z", "2024-03-01T08:30:00Z"]
)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(site: Path, scratch: Path) -> dict[str, str]:
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(site, scratch, ignore=shutil.ignore_patterns("public", ".masthead-cache", ".public.*"))
    build(scratch, now=NOW)
    return snapshot(scratch / "public")


def write_post(site: Path, name: str, title: str, date: str, words: list[str], draft: bool, tags: list[str]) -> None:
    body = " ".join(words) + " [[AP](https://apnews.com/x)]\n\n[Read More](https://example.org/more)"
    (site / "content/blog" / f"{name}.md").write_text(
        f"---\ntemplateKey: blog-post\npageTitle: {title}\npublished: {'false' if draft else 'true'}\n"
        f"date: {date}\ntags: [{', '.join(tags)}]\nfeaturedImage:\n  src: /img/a.png\n---\n{body}\n",
        encoding="utf-8",
    )


class IncrementalBuilds(RuleBasedStateMachine):
    posts = Bundle("posts")

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="masthead-inc-"))
        self.site = self.root / "site"
        (self.site / "content/blog").mkdir(parents=True)
        (self.site / "static/img").mkdir(parents=True)
        from PIL import Image

        Image.new("RGB", (64, 48), (10, 120, 200)).save(self.site / "static/img/a.png")
        (self.site / "masthead.toml").write_text(CONFIG.format(title="Inc", size=2))
        self.counter = 0
        self.state: dict[str, dict[str, Any]] = {}

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def _write(self, name: str) -> None:
        write_post(self.site, name, **self.state[name])

    @rule(
        target=posts,
        date=DATES,
        words=st.lists(WORDS, min_size=1, max_size=6),
        draft=st.booleans(),
        tags=st.lists(st.sampled_from(["asia", "europe", "trade"]), max_size=2, unique=True),
    )
    def add(self, date: str, words: list[str], draft: bool, tags: list[str]) -> str:
        self.counter += 1
        name = f"post-{self.counter}"
        self.state[name] = {"title": f"Post {self.counter}", "date": date, "words": words, "draft": draft, "tags": tags}
        self._write(name)
        return name

    @rule(name=posts, words=st.lists(WORDS, min_size=1, max_size=6))
    def edit_body(self, name: str, words: list[str]) -> None:
        if name in self.state:
            self.state[name]["words"] = words
            self._write(name)

    @rule(name=posts, title=st.sampled_from(["A title", "Another title", "Post 1"]))
    def edit_title(self, name: str, title: str) -> None:
        if name in self.state:
            self.state[name]["title"] = title
            self._write(name)

    @rule(name=posts)
    def flip_draft(self, name: str) -> None:
        if name in self.state:
            self.state[name]["draft"] = not self.state[name]["draft"]
            self._write(name)

    @rule(name=posts, date=DATES)
    def change_date(self, name: str, date: str) -> None:
        if name in self.state:
            self.state[name]["date"] = date
            self._write(name)

    @rule(name=consumes(posts), target=posts)
    def rename(self, name: str) -> str:
        if name not in self.state:
            return name
        self.counter += 1
        new = f"renamed-{self.counter}"
        (self.site / "content/blog" / f"{name}.md").rename(self.site / "content/blog" / f"{new}.md")
        self.state[new] = self.state.pop(name)
        return new

    @rule(name=consumes(posts))
    def delete(self, name: str) -> None:
        if name in self.state:
            (self.site / "content/blog" / f"{name}.md").unlink()
            del self.state[name]

    @rule(marker=st.sampled_from(["one", "two"]))
    def edit_template(self, marker: str) -> None:
        templates = self.site / "templates"
        templates.mkdir(exist_ok=True)
        (templates / "blog-post.html").write_text(
            "{% extends 'base.html' %}{% block main %}<h1>{{ document.entry.title }}</h1><p>"
            + marker
            + "</p>{{ document.entry.body.html | safe }}{% endblock %}"
        )

    @rule(title=st.sampled_from(["Inc", "Renamed site"]), size=st.integers(1, 3))
    def edit_config(self, title: str, size: int) -> None:
        (self.site / "masthead.toml").write_text(CONFIG.format(title=title, size=size))

    @rule(color=st.sampled_from([(200, 0, 0), (0, 200, 0)]))
    def edit_static(self, color: tuple[int, int, int]) -> None:
        (self.site / "static/extra.txt").write_text(f"static {color}")

    @invariant()
    def incremental_equals_clean(self) -> None:
        build(self.site, now=NOW)
        assert snapshot(self.site / "public") == clean_build(self.site, self.root / "clean")


IncrementalBuilds.TestCase.settings = settings(max_examples=12, stateful_step_count=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
test_incremental_builds_equal_clean_builds = pytest.mark.slow(IncrementalBuilds.TestCase)


def test_unchanged_outputs_keep_their_mtime(make_site: MakeSite) -> None:
    from conftest import post

    site = make_site({f"content/blog/p{i}.md": post(f"P{i}", f"2024-01-{i + 1:02d}T00:00:00Z") for i in range(12)})
    build(site, now=NOW)
    old = (site / "public/blog/p0/index.html").stat().st_mtime_ns
    time.sleep(0.01)
    (site / "content/blog/p4.md").write_text(post("P4 changed", "2024-01-05T00:00:00Z"))
    report = build(site, now=NOW)
    assert (site / "public/blog/p0/index.html").stat().st_mtime_ns == old
    assert 0 < report.written < report.unchanged  # the post, its lists, feeds, sources; not the other posts


def test_nothing_changed_is_recognised(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import post

    import masthead.build as pipeline

    site = make_site({"content/blog/a.md": post("A")})
    build(site, now=NOW)
    monkeypatch.setattr(pipeline, "RACY_NS", 0)  # the files were written just now; trust their stat
    build(site, now=NOW)
    assert build(site, now=NOW).up_to_date


def test_corrupt_cache_is_rebuilt(make_site: MakeSite) -> None:
    from conftest import post

    site = make_site({"content/blog/a.md": post("A")})
    build(site, now=NOW)
    before = snapshot(site / "public")
    (site / ".masthead-cache/build.sqlite").write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{site}/.masthead-cache/build.sqlite{suffix}").unlink(missing_ok=True)
    build(site, now=NOW)
    assert snapshot(site / "public") == before


@pytest.mark.slow
def test_killed_builds_are_recovered(tmp_path: Path) -> None:
    """SIGKILL builds at different moments; the output is always a complete site, and the next build is right."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from corpus import generate  # type: ignore[import-not-found]

    site = tmp_path / "site"
    generate(site, 400, seed=3)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
    command = [sys.executable, "-m", "masthead", "build", str(site), "--quiet"]
    subprocess.run(command, env=env, check=True, timeout=300)
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5):
        for path in list((site / "content/blog").iterdir())[:40]:  # change enough to give the build work
            path.write_text(path.read_text(encoding="utf-8") + f"\nEdit {delay}.\n", encoding="utf-8")
        process = subprocess.Popen(command, env=env)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (site / "public/index.html").is_file()  # never left without a site
    subprocess.run(command, env=env, check=True, timeout=300)
    assert snapshot(site / "public") == clean_build(site, tmp_path / "clean-kill")


def test_cache_of_other_code_is_not_trusted(make_site: MakeSite) -> None:
    import sqlite3

    from conftest import post

    site = make_site({"content/blog/a.md": post("A")})
    build(site, now=NOW)
    before = snapshot(site / "public")
    with sqlite3.connect(site / ".masthead-cache/build.sqlite") as connection:
        connection.execute("UPDATE meta SET value = 'other code' WHERE key = 'masthead'")
        connection.execute("UPDATE sources SET record = x'00'")  # a record this code cannot read
    build(site, now=NOW)
    assert snapshot(site / "public") == before


def test_recent_files_are_not_trusted_by_stat() -> None:
    from masthead.build import _racy

    now = 1_700_000_000_123_456_789
    assert _racy(now - 50_000_000, now)  # changed 50 ms ago: could change again unseen
    assert not _racy(now - 500_000_000, now)  # half a second ago, fine-grained clock: settled
    coarse = (now // 1_000_000_000 - 1) * 1_000_000_000  # a whole-second stamp: coarse file system
    assert _racy(coarse, now)
    assert not _racy(coarse - 3_000_000_000, now)
