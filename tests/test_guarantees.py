"""What masthead promises about the output folder (docs/guarantees.md), each with its exact message:
it owns only the files it wrote, every output stays inside the folder, collisions fail before
anything is committed, the cache never claims a file that is gone or changed, one build at a time."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_TIME, CONFIG, MakeSite, post

from masthead.build import build
from masthead.errors import MastheadError

PAGE = "---\ntemplateKey: about-page\npageTitle: {title}\n{extra}---\nBody of {title}.\n"
QUIET = CONFIG + "search = false\n"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def messages(site: Path) -> list[str]:
    with pytest.raises(MastheadError) as caught:
        build(site, now=BUILD_TIME)
    return [str(problem) for problem in caught.value.problems]


def put_foreign_files(public: Path) -> dict[str, str]:
    (public / ".git/refs").mkdir(parents=True, exist_ok=True)
    (public / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n")
    (public / "CNAME").write_text("news.example.org\n")
    (public / "blog").mkdir(exist_ok=True)
    (public / "blog/notes.txt").write_text("mine")
    return {name: (public / name).read_text() for name in (".git/HEAD", "CNAME", "blog/notes.txt")}


def test_foreign_files_survive_first_build_cache_loss_and_crash(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=QUIET)
    public = site / "public"
    public.mkdir()
    foreign = put_foreign_files(public)
    build(site, now=BUILD_TIME)  # the first build
    assert {name: (public / name).read_text() for name in foreign} == foreign
    shutil.rmtree(site / ".masthead-cache")  # the README's advice for a bad cache
    (site / "content/blog/b.md").write_text(post("B", "2024-05-02T00:00:00Z"))
    build(site, now=BUILD_TIME)
    assert {name: (public / name).read_text() for name in foreign} == foreign
    assert (public / "blog/b/index.html").is_file()


def test_stale_outputs_are_deleted_but_foreign_ones_only_with_clean(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A"), "content/blog/b.md": post("B")}, config=QUIET)
    build(site, now=BUILD_TIME)
    public = site / "public"
    foreign = put_foreign_files(public)
    (site / "content/blog/b.md").unlink()
    report = build(site, now=BUILD_TIME)
    assert not (public / "blog/b").exists() and report.deleted >= 1
    assert {name: (public / name).read_text() for name in foreign} == foreign
    build(site, now=BUILD_TIME, clean=True)
    assert not (public / "CNAME").exists() and not (public / ".git").exists() and not (public / "blog/notes.txt").exists()
    clean = site.parent / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(clean, now=BUILD_TIME)
    assert snapshot(public) == snapshot(clean / "public")


@pytest.mark.parametrize(
    ("folders", "expected"),
    [
        (
            'output = "content"',
            "masthead.toml:6: folders.output: 'content' is the content folder (content/); expected a "
            "folder of its own that holds nothing but what masthead makes there, such as 'public'",
        ),
        (
            'output = "."',
            "masthead.toml:6: folders.output: '.' is the site folder; expected a folder of its own that holds "
            "nothing but what masthead makes there, such as 'public'",
        ),
        (
            'output = "static"',
            "masthead.toml:6: folders.output: 'static' is the static folder (static/); expected a folder "
            "of its own that holds nothing but what masthead makes there, such as 'public'",
        ),
        (
            'output = "static/site"',
            "masthead.toml:6: folders.output: 'static/site' lies inside the static folder (static/); "
            "expected a folder of its own that holds nothing but what masthead makes there, such as 'public'",
        ),
        (
            'templates = "public/t"',
            "masthead.toml:6: folders.templates: 'public/t' lies inside the output folder (public/); "
            "expected a folder outside the output folder, which masthead replaces and prunes, such as 'templates'",
        ),
        (
            'cache = "content/.cache"',
            "masthead.toml:6: folders.cache: 'content/.cache' lies inside the content folder "
            "(content/); expected a folder of its own that holds nothing but what masthead makes there, such as '.masthead-cache'",
        ),
        (
            'cache = "public/cache"',
            "masthead.toml:6: folders.cache: 'public/cache' overlaps the output folder (public/); "
            "expected a folder of its own that holds nothing but what masthead makes there, such as '.masthead-cache'",
        ),
    ],
)
def test_output_and_cache_folders_may_not_overlap_inputs(make_site: MakeSite, folders: str, expected: str) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=f"{CONFIG}search = false\n[folders]\n{folders}\n")
    (site / "static").mkdir()
    before = snapshot(site)
    assert messages(site) == [expected]
    assert snapshot(site) == before  # nothing written, nothing deleted


def test_a_symlinked_output_folder_is_resolved_before_the_check(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=f'{CONFIG}search = false\n[folders]\noutput = "site"\n')
    (site / "site").symlink_to(site / "content")
    assert messages(site) == [
        "masthead.toml:6: folders.output: 'site' is the content folder (content/); expected a "
        "folder of its own that holds nothing but what masthead makes there, such as 'public'"
    ]


def test_a_permalink_may_not_leave_the_output_folder(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=f'{QUIET}permalink = "/../../{{slug}}/"\n')
    assert messages(site) == [
        "masthead.toml:5: permalink: '/../../{slug}/': expected plain segments between the "
        'slashes (no "//", "." or ".."), so every page stays inside the output folder'
    ]
    assert not (site.parent / "a").exists()


def test_over_long_names_are_an_error_naming_the_field(make_site: MakeSite) -> None:
    slug = "a" * 300
    site = make_site({"content/pages/long.md": PAGE.format(title="L", extra=f"slug: {slug}\n")}, config=QUIET)
    assert messages(site) == [
        f"content/pages/long.md:4: slug: {slug[:60] + '…'!r} is 300 bytes long; expected at most 200 bytes (the page's "
        "folder is named after it, and file names are limited to 255 bytes) — shorten it"
    ]
    topic = "t" * 260
    site = make_site({"content/pages/long.md": "", "content/blog/a.md": post("A").replace("teaser:", f"tags: [{topic}]\nteaser:")}, config=QUIET)
    (site / "content/pages/long.md").unlink()
    assert messages(site) == [
        f"content/blog/a.md:7: tags: {topic[:60] + '…'!r} is 260 bytes long; expected a tag of at most 200 bytes (its page "
        "is named after it, and file names are limited to 255 bytes)"
    ]


COLLISIONS = {
    "slug robots.txt": (
        {"content/pages/r.md": PAGE.format(title="R", extra="slug: robots.txt\n")},
        [
            "content/pages/r.md:4: slug: content/pages/r.md and robots.txt collide: robots.txt writes the file robots.txt, "
            "where content/pages/r.md needs a folder (for robots.txt/index.html); expected each output path once — rename "
            "one of them (a slug, a file under static/)"
        ],
    ),
    "static index.html": (
        {"static/index.html": "<p>mine</p>"},
        [
            "static/index.html: the home page / and static/index.html collide: both would be written to index.html; "
            "expected each output path once — rename one of them (a slug, a file under static/)"
        ],
    ),
    "static file where a page folder goes": (
        {"static/about": "x", "content/pages/about.md": PAGE.format(title="About", extra="")},
        [
            "static/about: content/pages/about.md and static/about collide: static/about writes the file about, where "
            "content/pages/about.md needs a folder (for about/index.html); expected each output path once — rename one of "
            "them (a slug, a file under static/)"
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(COLLISIONS))
def test_collisions_fail_identically_in_clean_and_incremental_builds(make_site: MakeSite, tmp_path: Path, case: str) -> None:
    files, expected = COLLISIONS[case]
    site = make_site({"content/blog/a.md": post("A")}, config=QUIET)
    build(site, now=BUILD_TIME)
    before = snapshot(site / "public")
    for relative, text in files.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text)
    assert messages(site) == expected  # incremental
    assert snapshot(site / "public") == before  # nothing committed
    assert messages(site) == expected  # and not wedged: the same answer again
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("public", ".masthead-cache", ".public.*"))
    assert messages(clean) == expected
    assert not (clean / "public").exists()
    for relative in files:
        (site / relative).unlink()
    build(site, now=BUILD_TIME)  # fixed: builds again
    assert snapshot(site / "public") == before


def test_a_foreign_file_in_the_way_is_named_before_the_commit(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A")}, config=QUIET)
    (site / "public").mkdir()
    (site / "public/blog").write_text("a file of mine where masthead needs a folder")
    assert messages(site) == [
        "public/blog: a file masthead did not write is where public/blog/a/index.html must go; "
        "expected it moved away (or `masthead build --clean`, which deletes every file masthead did not write)"
    ]
    assert sorted(p.name for p in (site / "public").iterdir()) == ["blog"]
    build(site, now=BUILD_TIME, clean=True)
    assert (site / "public/blog/a/index.html").is_file()


def test_deleted_or_edited_outputs_are_written_again(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    import masthead.freshness as freshness

    site = make_site({"content/blog/a.md": post("A")}, config=QUIET)
    build(site, now=BUILD_TIME)
    before = snapshot(site / "public")
    monkeypatch.setattr(freshness, "RACY_NS", 0)  # inputs written just now: trust their stat
    (site / "public/feed.xml").unlink()
    page = site / "public/blog/a/index.html"
    page.write_text(page.read_text().replace("Body of A", "Body of Z"))  # the same size
    report = build(site, now=BUILD_TIME)
    assert not report.up_to_date and report.written == 2
    assert snapshot(site / "public") == before
    assert build(site, now=BUILD_TIME).up_to_date


def test_an_image_replaced_by_one_of_the_same_size_is_picked_up(make_site: MakeSite) -> None:
    from PIL import Image

    text = post("A").replace("teaser:", "featuredImage:\n  src: /img/a.png\n  alt: A\nteaser:")
    site = make_site({"content/blog/a.md": text}, config=QUIET, images=("/img/a.png",))
    build(site, now=BUILD_TIME)
    image = site / "static/img/a.png"
    Image.new("RGB", (120, 80), (10, 200, 30)).save(image)  # other bytes, the same pixel size
    build(site, now=BUILD_TIME)
    clean = site.parent / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(clean, now=BUILD_TIME)
    assert snapshot(site / "public") == snapshot(clean / "public")


def test_check_writes_nothing(make_site: MakeSite) -> None:
    text = post("A").replace("teaser:", "featuredImage:\n  src: /img/a.png\n  alt: A\nteaser:")
    site = make_site({"content/blog/a.md": text}, config=CONFIG, images=("/img/a.png",))
    before = snapshot(site)
    report = build(site, now=BUILD_TIME, mode="check")
    assert report.site is not None and len(report.site.posts) == 1
    assert snapshot(site) == before
    assert sorted(p.name for p in site.iterdir()) == ["content", "masthead.toml", "static"]


def test_a_site_with_no_published_post_builds(make_site: MakeSite) -> None:
    site = make_site({"content/blog/draft.md": post("Draft").replace("published: true", "published: false")})
    report = build(site, now=BUILD_TIME)
    assert report.site is not None and report.site.posts == ()
    assert "<p>No briefings yet.</p>" in (site / "public/index.html").read_text()
    search = (site / "public/search/index.html").read_text()
    assert "Nothing has been published yet, so there is nothing to search." in search and "search.js" not in search
    import json  # the index is empty: a list of no buckets, no Pagefind run

    assert [p.name for p in (site / "public/pagefind").iterdir()] == ["buckets.json"]
    assert json.loads((site / "public/pagefind/buckets.json").read_text())["buckets"] == []


def test_two_builds_started_together_both_succeed(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site({f"content/blog/p{i}.md": post(f"P{i}", f"2024-01-{i + 1:02d}T00:00:00Z") for i in range(30)}, config=QUIET)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(BUILD_TIME.timestamp()))}
    command = [sys.executable, "-m", "masthead", "build", str(site)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [process.communicate(timeout=300) for process in (first, second)]
    assert [process.returncode for process in (first, second)] == [0, 0], results
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("public", ".masthead-cache", ".public.*"))
    build(clean, now=BUILD_TIME)
    assert snapshot(site / "public") == snapshot(clean / "public")


def test_a_second_build_says_it_is_waiting_for_the_lock(make_site: MakeSite) -> None:
    from masthead.lock import site_lock

    site = make_site({"content/blog/a.md": post("A")}, config=QUIET)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(BUILD_TIME.timestamp()))}
    with site_lock(site / ".masthead-cache"):
        process = subprocess.Popen([sys.executable, "-m", "masthead", "build", str(site)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stderr is not None
        line = process.stderr.readline()  # blocks until the build reports that it waits
        assert line.startswith(f"masthead: waiting for another build of this site to finish (process {os.getpid()}, lock ")
        assert process.poll() is None  # still waiting while the lock is held
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors
    assert (site / "public/blog/a/index.html").is_file()


def test_a_forked_worker_never_keeps_the_build_lock(tmp_path: Path) -> None:
    """A worker that outlives its build (the build was killed with SIGKILL) must not hold the lock."""
    import fcntl
    import os

    from masthead.lock import FILE_NAME, site_lock

    read, write = os.pipe()
    ready_read, ready_write = os.pipe()
    with site_lock(tmp_path):
        pid = os.fork()
        if pid == 0:  # the worker (its fork hooks have run): says it is up, waits until the test is done
            os.close(write)
            os.write(ready_write, b"r")
            os.read(read, 1)
            os._exit(0)
        assert os.read(ready_read, 1) == b"r"
    os.close(ready_read)
    os.close(ready_write)
    try:
        handle = os.open(tmp_path / FILE_NAME, os.O_RDWR)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError if the worker kept it
        finally:
            os.close(handle)
    finally:
        os.close(read)
        os.write(write, b"x")
        os.close(write)
        os.waitpid(pid, 0)
