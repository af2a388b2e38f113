"""Incremental builds write exactly what a clean build writes, whatever sequence of edits came first.

A hypothesis state machine adds, edits, renames and deletes posts, flips drafts, moves dates,
edits tags and other front matter (images, authors, slugs, aliases, expiry…), writes and deletes
pages, edits a template, overrides each theme template, changes each config key and table,
edits, adds and deletes static files, replaces an image by another of the same size, deletes and
edits output files, puts files of its own into public/ and adds a static file that collides with
a page. Each run builds either right after every edit (stats too recent to trust) or as if the
user waited (stats trusted, so the no-change check is in play). After every step the
incremental build must equal a clean build: the same files byte for byte (the foreign ones
untouched), or the same error with public/ left as it was. Other tests kill builds midway,
including while an interrupted commit is being replayed.
"""

from __future__ import annotations

import contextlib
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
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, initialize, invariant, rule

import masthead.freshness as freshness
from masthead.build import build
from masthead.errors import MastheadError
from masthead.options import BuildOptions

NOW = datetime(2025, 6, 5, 12, 0, tzinfo=UTC)
# Search starts off, to keep each step fast (test_search covers the index's incremental reuse and
# its bytes); the config key may turn it on (CONFIG_KEYS).
CONFIG = 'title = "{title}"\nbase_url = "https://inc.example.org"\npage_size = {size}\nsearch = false\n'
THEME_TEMPLATES = Path(__file__).resolve().parent.parent / "src/masthead/themes/default/templates"
# Each key a site may change, with values to move between (the defaults are among them).
CONFIG_KEYS: dict[str, list[str]] = {
    "description": ['""', '"Daily briefings"'],
    "language": ['"en"', '"en-GB"'],
    "timezone": ['"UTC"', '"Asia/Seoul"'],
    "permalink": ['"/blog/{slug}/"', '"/{year}/{month}/{slug}/"'],
    "page_permalink": ['"/{slug}/"', '"/pages/{slug}/"'],
    "feed_size": ["20", "1"],
    "default_image": ['""', '"/img/a.png"'],
    "logo": ['""', '"/img/a.png"'],
    "description_length": ["160", "40"],
    "default_schema_type": ['"BlogPosting"', '"NewsArticle"'],
    "unsafe_html": ["false", "true"],
    "search": ["false", "true"],  # Pagefind's index is byte-stable: compared like every other file
}
TABLE_KEYS: dict[str, dict[str, list[str]]] = {
    "author": {"name": ['""', '"Kim Min-jun"']},
    "publisher": {"name": ['""', '"Inc Media"']},
    "images": {"widths": ["[480, 960, 1600]", "[32, 64]"], "quality": ["80", "60"]},
    "outlets": {'"Associated Press"': ['["AP"]', '["AP", "apnews.com"]']},
    "authors.kim": {  # the posts' author: bylines, author pages, JSON-LD
        "name": ['"Kim"', '"Kim Min-jun"'],
        "bio": ['""', '"Covers Korea."'],
        "url": ['""', '"https://kim.example.org/"'],
        "image": ['""', '"/img/a.png"'],
    },
    "authors.lee": {"name": ['"Lee"', '"Lee Ji-woo"']},  # a second author a post may name
    "tags": {"asia": ['"Asia"', '"Asia-Pacific"'], "trade": ['"Trade"', '"World trade"']},
    "follow": {"size": ["10", "1"], "tags": ["true", "false"], "outlets": ["true", "false"]},
    "related": {"count": ["3", "0", "1"]},
    "reading": {"words_per_minute": ["230", "2"]},
    "deploy": {"host_files": ["false", "true"], "redirects": ["[]", '["/old/* /blog/:splat 301"]']},
}
FOREIGN = {".git/HEAD": "ref: refs/heads/gh-pages\n", "CNAME": "inc.example.org\n", "blog/notes.txt": "my notes"}
WORDS = st.sampled_from(["Seoul", "Kyiv", "sanctions", "summit", "“quoted”", "tariffs", "ceasefire", "AP"])
DATES = st.sampled_from(
    ["2024-01-05T10:00:00Z", "2024-03-01T08:30:00Z", "2025-06-04T09:00:00Z", "2023-12-31T23:59:59Z", "2030-01-01T00:00:00Z", "2024-03-01T08:30:00Z"]
)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(site: Path, scratch: Path, now: datetime = NOW, options: BuildOptions | None = None) -> dict[str, str]:
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(site, scratch, ignore=shutil.ignore_patterns("public", ".masthead-cache", ".public.*"))
    build(scratch, options, now=now)
    return snapshot(scratch / "public")


def outcome(run: object) -> tuple[list[str] | None, BaseException | None]:
    """The problems a build reported (None when it succeeded)."""
    try:
        run()  # type: ignore[operator]
    except MastheadError as exc:
        # Errors only: warnings may rightly differ (a moved URL is news to an incremental build only).
        return [str(problem) for problem in exc.problems if not problem.warning], exc
    return None, None


def same_size_colours() -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """Two colours whose 64×48 PNGs have the same file size (and other bytes)."""
    import io

    from PIL import Image

    sizes: dict[int, tuple[int, int, int]] = {}
    for shade in range(0, 256, 3):
        colour = (shade, 120, 200)
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
        if buffer.tell() in sizes:
            return sizes[buffer.tell()], colour
        sizes[buffer.tell()] = colour
    raise AssertionError("no two colours of the same PNG size")


def marked(template: str, marker: str) -> str:
    """A theme template with a visible marker, where its output shows it."""
    if "{% extends" in template and "{% block main %}" in template:
        return template.replace("{% block main %}", "{% block main %}<!-- " + marker + " -->", 1)
    if "{% macro" in template:
        start = template.index("{% macro")
        end = template.index("%}", start) + 2
        return template[:end] + "<!-- " + marker + " -->" + template[end:]
    return template + "<!-- " + marker + " -->\n"


def write_post(
    site: Path,
    name: str,
    title: str,
    date: str,
    words: list[str],
    draft: bool,
    tags: list[str],
    notes: tuple[str, ...] = (),
    fields: dict[str, str] | None = None,
) -> None:
    """A post as an editor writes it; ``fields`` adds or replaces front matter lines (``FIELDS``),
    ``body`` among them adds a paragraph to the body."""
    extra = dict(fields or {})
    more = extra.pop("body", "")
    body = " ".join(words) + " [[AP](https://apnews.com/x)]\n\n" + (more + "\n\n" if more else "") + "[Read More](https://example.org/more)"
    corrections = "corrections:\n" + "".join(f"  - date: {moment}\n    text: Corrected on {moment}.\n" for moment in notes) if notes else ""
    image = extra.pop("featuredImage", "\n  src: /img/a.png")
    lines = "".join(f"{key}: {value}\n" for key, value in sorted(extra.items()) if value)
    (site / "content/blog" / f"{name}.md").write_text(
        f"---\ntemplateKey: blog-post\npageTitle: {title}\npublished: {'false' if draft else 'true'}\n"
        f"date: {date}\ntags: [{', '.join(tags)}]\nauthor: kim\n{'featuredImage:' + image + chr(10) if image else ''}"
        f"{lines}{corrections}---\n{body}\n",
        encoding="utf-8",
    )


# Front matter an editor sets on a post, with values to move between ("" leaves the key out).
FIELDS: dict[str, list[str]] = {
    "featuredImage": ["\n  src: /img/a.png", "\n  src: /img/b.png\n  alt: B", '\n  src: /img/a.png\n  caption: A caption\n  credit: "Photo: AP"', ""],
    "author": ["kim", "lee", ""],
    "featured": ["", "true"],
    "slug": ["", "my-slug"],
    "aliases": ["", "[/old/path/]"],
    "updated": ["", "2025-06-01T10:00:00Z"],
    "expiryDate": ["", "2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z"],
    "schemaType": ["", "NewsArticle", "Report"],
    "metaDescription": ["", "A description of its own."],
    "teaser": ["", "A teaser."],
    "publishDate": ["", "2025-06-06T10:00:00Z", "2026-01-01T00:00:00Z"],
    "live": ["", "true"],
    "liveEnd": ["", "2025-06-07T00:00:00Z"],
    "body": ["", "![A picture](/img/b.png)", "## Background\n\nMore words. [[Reuters](https://www.reuters.com/world/z)]", "<b>raw</b> html"],
}


class IncrementalBuilds(RuleBasedStateMachine):
    posts = Bundle("posts")

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="masthead-inc-"))
        self.site = self.root / "site"
        (self.site / "content/blog").mkdir(parents=True)
        (self.site / "static/img").mkdir(parents=True)
        from PIL import Image

        self.colours = same_size_colours()
        Image.new("RGB", (64, 48), self.colours[0]).save(self.site / "static/img/a.png")
        self.counter = 0
        self.state: dict[str, dict[str, Any]] = {}
        self.title, self.size = "Inc", 2
        self.keys: dict[str, str] = {}
        self.tables: dict[str, dict[str, str]] = {}
        self._write_config()
        self.foreign = False
        self.settled = False
        self.now = NOW
        self.options = BuildOptions()
        self.last_good: dict[str, str] | None = None

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    @initialize(settled=st.booleans(), preview=st.booleans())
    def edits_settle_before_builds(self, settled: bool, preview: bool) -> None:
        """Either every build runs long after the edits before it (a user who saves, then builds:
        stats are trusted, the quick no-change check applies), or right after them (racy: contents
        decide); and the builds are plain ones or ``--drafts --future`` (what the preview shows)."""
        self.settled = settled
        self.options = BuildOptions(drafts=True, future=True) if preview else BuildOptions()

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

    @rule(name=posts)
    def copy_keeping_mtime_and_size(self, name: str) -> None:
        """``cp -p`` of a same-size version: new bytes, the old mtime (only the ctime moves)."""
        if name not in self.state:
            return
        path = self.site / "content/blog" / f"{name}.md"
        before = path.stat()
        self.state[name]["words"] = [word[::-1] for word in self.state[name]["words"]]  # the same bytes, reordered
        self._write(name)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    @rule(name=posts, title=st.sampled_from(["A title", "Another title", "Post 1"]))
    def edit_title(self, name: str, title: str) -> None:
        if name in self.state:
            self.state[name]["title"] = title
            self._write(name)

    @rule(name=posts, moment=st.sampled_from(["2024-06-01T10:00:00Z", "2025-06-05T09:00:00Z"]))
    def add_correction(self, name: str, moment: str) -> None:
        if name in self.state:
            self.state[name]["notes"] = (*self.state[name].get("notes", ()), moment)
            self._write(name)

    @rule(name=posts)
    def flip_draft(self, name: str) -> None:
        if name in self.state:
            self.state[name]["draft"] = not self.state[name]["draft"]
            self._write(name)

    @rule(name=posts, data=st.data(), key=st.sampled_from(sorted(FIELDS)))
    def set_field(self, name: str, data: st.DataObject, key: str) -> None:
        if name in self.state:
            self.state[name].setdefault("fields", {})[key] = data.draw(st.sampled_from(FIELDS[key]), label="value")
            self._write(name)

    @rule(name=posts, tags=st.lists(st.sampled_from(["asia", "europe", "trade", "North Korea"]), max_size=3, unique=True))
    def edit_tags(self, name: str, tags: list[str]) -> None:
        if name in self.state:
            self.state[name]["tags"] = tags
            self._write(name)

    @rule(
        name=st.sampled_from(["about", "contact"]),
        title=st.sampled_from(["About", "Contact us"]),
        body=st.sampled_from(["About us.", "Write to us. [[AP](https://apnews.com/y)]", "## Team\n\nWe are two."]),
    )
    def write_page(self, name: str, title: str, body: str) -> None:
        pages = self.site / "content/pages"
        pages.mkdir(parents=True, exist_ok=True)
        (pages / f"{name}.md").write_text(f"---\ntemplateKey: about-page\npageTitle: {title}\n---\n{body}\n", encoding="utf-8")

    @rule(name=st.sampled_from(["about", "contact"]))
    def delete_page(self, name: str) -> None:
        (self.site / "content/pages" / f"{name}.md").unlink(missing_ok=True)

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

    def _write_config(self) -> None:
        text = CONFIG.format(title=self.title, size=self.size)
        if "search" in self.keys:
            text = text.replace("search = false\n", "")  # the key is set below
        text += "".join(f"{key} = {value}\n" for key, value in self.keys.items())
        for table, values in self.tables.items():
            text += f"[{table}]\n" + "".join(f"{key} = {value}\n" for key, value in values.items())
        (self.site / "masthead.toml").write_text(text)

    @rule(title=st.sampled_from(["Inc", "Renamed site"]), size=st.integers(1, 3))
    def edit_config(self, title: str, size: int) -> None:
        self.title, self.size = title, size
        self._write_config()

    @rule(data=st.data(), key=st.sampled_from(sorted(CONFIG_KEYS)))
    def change_config_key(self, data: st.DataObject, key: str) -> None:
        self.keys[key] = data.draw(st.sampled_from(CONFIG_KEYS[key]))
        self._write_config()

    @rule(data=st.data(), table=st.sampled_from(sorted(TABLE_KEYS)))
    def change_config_table_key(self, data: st.DataObject, table: str) -> None:
        key = data.draw(st.sampled_from(sorted(TABLE_KEYS[table])))
        self.tables.setdefault(table, {})[key] = data.draw(st.sampled_from(TABLE_KEYS[table][key]))
        self._write_config()

    @rule(name=st.sampled_from(sorted(path.name for path in THEME_TEMPLATES.glob("*.html"))), marker=st.sampled_from(["one", "two"]))
    def override_theme_template(self, name: str, marker: str) -> None:
        templates = self.site / "templates"
        templates.mkdir(exist_ok=True)
        (templates / name).write_text(marked((THEME_TEMPLATES / name).read_text(encoding="utf-8"), marker), encoding="utf-8")

    @rule()
    def remove_overrides(self) -> None:
        shutil.rmtree(self.site / "templates", ignore_errors=True)

    @rule()
    def replace_image_keeping_its_size(self) -> None:
        from PIL import Image

        image = self.site / "static/img/a.png"
        if not image.exists():
            return
        size = image.stat().st_size
        self.colours = (self.colours[1], self.colours[0])
        Image.new("RGB", (64, 48), self.colours[0]).save(image)
        assert image.stat().st_size == size

    @rule(name=st.sampled_from(["feed.xml", "index.html", "sitemap.xml", "robots.txt", "404.html"]), delete=st.booleans())
    def damage_output(self, name: str, delete: bool) -> None:
        target = self.site / "public" / name
        if target.is_file():
            if delete:
                target.unlink()
            else:
                data = target.read_bytes()
                target.write_bytes(data[:-1] + (b"!" if data[-1:] != b"!" else b"?"))  # the same size

    @rule()
    def put_foreign_files(self) -> None:
        for name, text in FOREIGN.items():
            path = self.site / "public" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        self.foreign = True

    @rule(name=st.sampled_from(["index.html", "about", "feed.xml"]))
    def add_colliding_static_file(self, name: str) -> None:
        (self.site / "static" / name).write_text(f"static {name}")
        if name == "about":
            (self.site / "content/pages").mkdir(parents=True, exist_ok=True)
            (self.site / "content/pages/about.md").write_text("---\ntemplateKey: about-page\npageTitle: About\n---\nAbout us.\n")

    @rule()
    def remove_colliding_static_files(self) -> None:
        for name in ("index.html", "about", "feed.xml"):
            (self.site / "static" / name).unlink(missing_ok=True)

    @rule(color=st.sampled_from([(200, 0, 0), (0, 200, 0)]))
    def edit_static(self, color: tuple[int, int, int]) -> None:
        (self.site / "static/extra.txt").write_text(f"static {color}")

    @rule(days=st.sampled_from([1, 2, 30, 400, 2000]))
    def let_time_pass(self, days: float) -> None:
        """The next build runs later (a scheduled post falls due, an expiry or the news window passes)."""
        from datetime import timedelta

        self.now += timedelta(days=days)

    @rule(name=st.sampled_from(["extra.txt", "img/a.png", "img/b.png"]))
    def delete_static_file(self, name: str) -> None:
        (self.site / "static" / name).unlink(missing_ok=True)

    @rule()
    def add_second_image(self) -> None:
        from PIL import Image

        Image.new("RGB", (64, 48), self.colours[1]).save(self.site / "static/img/b.png")

    @rule()
    def restore_image(self) -> None:
        from PIL import Image

        image = self.site / "static/img/a.png"
        if not image.exists():
            Image.new("RGB", (64, 48), self.colours[0]).save(image)

    @invariant()
    def incremental_equals_clean(self) -> None:
        public = self.site / "public"
        before = snapshot(public) if public.is_dir() else {}
        with pytest.MonkeyPatch.context() as patch:
            if self.settled:
                patch.setattr(freshness, "RACY_NS", 0)  # no edit is too recent for its stat to be trusted
            problems, _ = outcome(lambda: build(self.site, self.options, now=self.now))
        clean_problems, _ = outcome(lambda: clean_build(self.site, self.root / "clean", self.now, self.options))
        assert problems == clean_problems  # the same error, or none
        after = snapshot(public) if public.is_dir() else {}
        if problems is not None:
            assert after == before  # a failed build leaves public/ as it was
            return
        if self.foreign:
            assert {name: (public / name).read_text() for name in FOREIGN} == FOREIGN
            after = {name: digest for name, digest in after.items() if name not in FOREIGN}
        assert after == snapshot(self.root / "clean/public")


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

    import masthead.freshness as freshness

    site = make_site({"content/blog/a.md": post("A")})
    build(site, now=NOW)
    monkeypatch.setattr(freshness, "RACY_NS", 0)  # the files were written just now; trust their stat
    build(site, now=NOW)
    assert build(site, now=NOW).up_to_date


@pytest.mark.parametrize("where", ["content/blog/a.md", "static/notes.txt", "masthead.toml"])
def test_a_copy_that_keeps_its_old_mtime_and_size_is_seen(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """``cp -p``, ``rsync -t`` or ``tar x`` put new bytes in place with the old mtime: same size,
    same mtime, with every stat trusted. The file's ctime still moved, and the build must see it."""
    from conftest import post

    import masthead.freshness as freshness

    site = make_site({"content/blog/a.md": post("Alpha"), "static/notes.txt": "Alpha notes\n"}, config=CONFIG.format(title="Alpha Briefing", size=2))
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    build(site, now=NOW)
    path = site / where
    before = path.stat()
    path.write_text(path.read_text().replace("Alpha", "Omega").replace("alpha", "omega"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_mtime_ns, path.stat().st_size) == (before.st_mtime_ns, before.st_size)
    report = build(site, now=NOW)
    assert not report.up_to_date
    assert snapshot(site / "public") == clean_build(site, site.parent / "clean", NOW)


def test_a_new_override_of_a_partial_is_an_input(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shape the state machine found: with every file's stat trusted, a site's new
    ``templates/_pagination.html`` (a name starting with ``_``) must end "up to date"."""
    from conftest import post

    import masthead.freshness as freshness

    site = make_site({"content/blog/a.md": post("A")})
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    build(site, now=NOW)
    (site / "templates").mkdir()
    (site / "templates/_pagination.html").write_text((THEME_TEMPLATES / "_pagination.html").read_text() + "<!-- partial override -->\n")
    report = build(site, now=NOW)
    assert not report.up_to_date
    assert "<!-- partial override -->" in (site / "public/index.html").read_text()


@pytest.mark.parametrize("kind", ["blog-post", "about-page"])
def test_a_publish_date_is_a_moment_the_output_changes(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str) -> None:
    """A post or page held back by Hugo's ``publishDate`` goes out when it passes, though no file
    changed: the no-change check expires then, as for a post dated in the future."""
    from datetime import timedelta

    from conftest import post

    from masthead.options import BuildOptions
    from masthead.schedule import changes

    folder = "blog" if kind == "blog-post" else "pages"
    later = f"---\ntemplateKey: {kind}\npageTitle: Later\ndate: 2025-06-01T10:00:00Z\npublishDate: 2025-06-06T10:00:00Z\n---\nLater.\n"
    site = make_site({"content/blog/a.md": post("A"), f"content/{folder}/later.md": later}, config=CONFIG.format(title="Inc", size=2))
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    report = build(site, now=NOW)
    page = site / "public" / ("blog/later" if kind == "blog-post" else "later") / "index.html"
    assert report.site is not None and report.parsed is not None and not page.exists()
    assert [(change.moment.isoformat(), change.what) for change in changes(report.site, report.parsed.entries, BuildOptions())] == [
        ("2025-06-06T10:00:00+00:00", "publishes")
    ]
    report = build(site, now=NOW + timedelta(days=2))
    assert not report.up_to_date
    assert page.is_file()
    shutil.rmtree(tmp_path / "clean", ignore_errors=True)
    shutil.copytree(site, tmp_path / "clean", ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(tmp_path / "clean", now=NOW + timedelta(days=2))
    assert snapshot(site / "public") == snapshot(tmp_path / "clean/public")


def test_static_files_named_for_hosts_are_published(make_site: MakeSite) -> None:
    """``_headers``, ``_redirects``, ``.well-known/`` and ``.htaccess`` are copied as Hugo copies
    them; other dot-files (``.DS_Store``) are not files of the site."""
    from conftest import post

    names = ["_headers", "_redirects", ".well-known/security.txt", ".htaccess", "_fonts/a.woff2"]
    site = make_site({"content/blog/a.md": post("A"), **{f"static/{name}": f"{name}\n" for name in names}, "static/.DS_Store": "x"})
    build(site, now=NOW)
    assert {name: (site / "public" / name).read_text() for name in names} == {name: f"{name}\n" for name in names}
    assert not (site / "public/.DS_Store").exists()


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
    from masthead.freshness import racy as _racy

    now = 1_700_000_000_123_456_789
    assert _racy(now - 50_000_000, now)  # changed 50 ms ago: could change again unseen
    assert not _racy(now - 500_000_000, now)  # half a second ago, fine-grained clock: settled
    coarse = (now // 1_000_000_000 - 1) * 1_000_000_000  # a whole-second stamp: coarse file system
    assert _racy(coarse, now)
    assert not _racy(coarse - 3_000_000_000, now)


def _interrupt_a_commit(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build with every post changed and die right after the commit's journal is written."""
    import masthead.output as output

    for path in sorted((site / "content/blog").iterdir()):
        path.write_text(path.read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")

    def die(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # as if the process were killed between the journal and the moves

    with monkeypatch.context() as patch:
        patch.setattr(output, "apply", die)
        with contextlib.suppress(KeyboardInterrupt):
            build(site, now=NOW)
    assert (site / ".public.staging").is_dir()  # the commit is in the journal, not yet in public/


@pytest.mark.slow
def test_kills_during_the_replay_of_an_interrupted_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGKILL the builds that replay an interrupted commit at random moments; the replay is
    idempotent, so the site is never lost and the next complete build equals a clean one."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from corpus import generate

    site = tmp_path / "site"
    generate(site, 300, seed=5)
    build(site, now=NOW)
    (site / "public/CNAME").write_text("news.example.org\n")
    _interrupt_a_commit(site, monkeypatch)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
    command = [sys.executable, "-m", "masthead", "build", str(site), "--quiet"]
    moments = random.Random(10).sample([i / 20 for i in range(1, 40)], 6)
    for delay in moments:
        process = subprocess.Popen(command, env=env)
        time.sleep(delay)  # not synchronisation: the moment of the kill
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (site / "public/index.html").is_file()
        assert (site / "public/CNAME").read_text() == "news.example.org\n"
    subprocess.run(command, env=env, check=True, timeout=300)
    assert {k: v for k, v in snapshot(site / "public").items() if k != "CNAME"} == clean_build(site, tmp_path / "clean")


def test_a_replay_that_cannot_finish_is_thrown_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import post

    site = tmp_path / "site"
    (site / "content/blog").mkdir(parents=True)
    (site / "masthead.toml").write_text(CONFIG.format(title="Inc", size=2))
    for index in range(6):
        (site / f"content/blog/p{index}.md").write_text(post(f"P{index}", f"2024-01-0{index + 1}T00:00:00Z"))
    build(site, now=NOW)
    (site / "public/CNAME").write_text("news.example.org\n")
    _interrupt_a_commit(site, monkeypatch)
    shutil.rmtree(site / ".public.staging")  # the staged files are gone: the journal cannot be finished
    report = build(site, now=NOW)
    assert report.written > 0
    assert (site / "public/CNAME").read_text() == "news.example.org\n"
    assert {k: v for k, v in snapshot(site / "public").items() if k != "CNAME"} == clean_build(site, tmp_path / "clean")
    assert build(site, now=NOW).written == 0


def test_a_preview_of_a_scheduled_post_changes_when_it_falls_due(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With ``--future`` (the preview) a scheduled post is shown with a Scheduled badge and
    ``noindex``; when its date passes both go, though no file changed."""
    from datetime import timedelta

    from conftest import post

    from masthead.options import BuildOptions

    future = BuildOptions(future=True)
    site = make_site(
        {"content/blog/a.md": post("A"), "content/blog/later.md": post("Later", "2025-06-06T10:00:00Z")}, config=CONFIG.format(title="Inc", size=2)
    )
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    build(site, future, now=NOW)
    assert "badge--scheduled" in (site / "public/blog/later/index.html").read_text(encoding="utf-8")
    report = build(site, future, now=NOW + timedelta(days=2))
    assert not report.up_to_date
    assert "badge--scheduled" not in (site / "public/blog/later/index.html").read_text(encoding="utf-8")
    shutil.copytree(site, tmp_path / "clean", ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(tmp_path / "clean", future, now=NOW + timedelta(days=2))
    assert snapshot(site / "public") == snapshot(tmp_path / "clean/public")
