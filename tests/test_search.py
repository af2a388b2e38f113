"""The search stage: what is indexed, search = false, drafts, and the index cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_TIME, CONFIG, MakeSite, post

from masthead.build import build
from masthead.options import BuildOptions

DRAFT = post("Secret draft").replace("published: true", "published: false")


def buckets(public: Path) -> list[str]:
    return [bucket["name"] for bucket in json.loads((public / "pagefind/buckets.json").read_text())["buckets"]]


def page_count(public: Path) -> int:
    total = 0
    for name in buckets(public):
        entry = json.loads((public / f"pagefind/{name}/pagefind-entry.json").read_text())
        total += sum(language["page_count"] for language in entry["languages"].values())
    return total


def bundle(public: Path, name: str) -> dict[str, bytes]:
    folder = public / "pagefind" / name
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_example_index_holds_only_posts(example_public: Path) -> None:
    posts = len(list((example_public / "blog").glob("*/index.html")))
    assert page_count(example_public) == posts  # no home, list, archive, about or search page
    assert buckets(example_public) == ["2025", "2024", "2023"]  # one per year, newest first
    assert (example_public / "pagefind/2024/pagefind.js").is_file()
    assert not (example_public / "pagefind/2024/pagefind-ui.js").exists()  # the Pagefind UI is not used
    search = (example_public / "search/index.html").read_text()
    assert '<script type="module" src="/assets/search.js"></script>' in search
    home = (example_public / "index.html").read_text()
    assert '<form class="site-search" role="search" aria-label="Site" action="/search/" method="get">' in home
    assert search.count('role="search"') == 1  # the page's own form only: one search landmark
    assert "data-pagefind-body" not in home


def test_search_false_builds_no_index_page_or_box(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post()}, config=CONFIG + "search = false\n")
    build(site, BuildOptions(), now=BUILD_TIME)
    public = site / "public"
    assert not (public / "pagefind").exists() and not (public / "search").exists()
    assert "site-search" not in (public / "index.html").read_text()


def test_drafts_are_indexed_only_when_built_with_drafts(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post(), "content/blog/b.md": DRAFT})
    build(site, BuildOptions(), now=BUILD_TIME)
    assert page_count(site / "public") == 1
    build(site, BuildOptions(drafts=True), now=BUILD_TIME)  # as `serve` builds
    assert page_count(site / "public") == 2


THREE_YEARS = {f"content/blog/{year}-{n}.md": post(f"Post {n} of {year}", f"{year}-0{n}-02T10:00:00Z") for year in (2022, 2023, 2024) for n in (1, 2, 3)}


def test_an_edit_reindexes_only_the_bucket_of_its_post(make_site: MakeSite) -> None:
    site = make_site(THREE_YEARS)
    build(site, BuildOptions(), now=BUILD_TIME)
    public = site / "public"
    first = {name: bundle(public, name) for name in buckets(public)}
    assert list(first) == ["2024", "2023", "2022"]
    build(site, BuildOptions(), now=BUILD_TIME)  # nothing changed: nothing re-indexed
    assert {name: bundle(public, name) for name in buckets(public)} == first
    (site / "content/blog/2023-2.md").write_text(post("Post 2 of 2023", "2023-02-02T10:00:00Z").replace("Body of", "Kaliningrad and"))
    report = build(site, BuildOptions(), now=BUILD_TIME)
    again = {name: bundle(public, name) for name in buckets(public)}
    assert [name for name in again if again[name] != first[name]] == ["2023"]
    fragments = {name: {path for path in files if path.startswith("fragment/")} for name, files in again.items()}
    assert len(fragments["2023"] - {p for p in first["2023"] if p.startswith("fragment/")}) == 1  # the edited page's
    assert len(fragments["2023"]) == 3  # the old fragment is gone from the output and the kept folder
    assert report.written < 20


def search_jobs(site: Path) -> dict[str, str]:
    from masthead.cache import BuildCache

    store = BuildCache.open(site / ".masthead-cache", "")
    try:
        return {path: row.job for path, row in store.outputs().items() if row.job.startswith("search:")}
    finally:
        store.close()


def test_incremental_index_inputs_equal_a_clean_build(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site(THREE_YEARS)
    build(site, BuildOptions(), now=BUILD_TIME)
    (site / "content/blog/2024-1.md").write_text(post("Retitled", "2024-01-02T10:00:00Z"))
    (site / "content/blog/2022-3.md").unlink()
    (site / "content/blog/2023-9.md").write_text(post("New in 2023", "2023-09-09T10:00:00Z"))
    build(site, BuildOptions(), now=BUILD_TIME)
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("public", ".masthead-cache"))
    build(clean, BuildOptions(), now=BUILD_TIME)
    # Same buckets, same pages and page hashes in each (the job keys), and the same bytes.
    assert sorted(search_jobs(site).values()) != [] and set(search_jobs(site).values()) == set(search_jobs(clean).values())
    assert (site / "public/pagefind/buckets.json").read_bytes() == (clean / "public/pagefind/buckets.json").read_bytes()
    for name in buckets(clean / "public"):
        assert bundle(site / "public", name) == bundle(clean / "public", name)


OUTLETS = ["Reuters", "AP", "BBC News", "Yonhap", "NHK", "Al Jazeera", "Kyodo News", "Deutsche Welle", "The Guardian", "RNZ"]


def test_the_same_pages_give_the_same_index_bytes(make_site: MakeSite, tmp_path: Path) -> None:
    """Pagefind writes filter values in hash-map order; masthead's index is byte-stable anyway."""
    cited = {
        f"content/blog/p{n}.md": post(f"Post {n}", f"2024-0{n % 9 + 1}-02T10:00:00Z").replace(
            "[[AP](https://apnews.com/article/x)]", f"[[{OUTLETS[n]}](https://example.com/{n})] [[{OUTLETS[(n + 3) % 10]}](https://example.org/{n})]"
        )
        for n in range(10)
    }
    site = make_site(cited)
    assert "Yonhap" in (site / "content/blog/p3.md").read_text()
    copies = []
    for run in range(3):
        copy = tmp_path / f"copy-{run}"
        shutil.copytree(site, copy)
        build(copy, BuildOptions(), now=BUILD_TIME)
        copies.append({name: bundle(copy / "public", name) for name in buckets(copy / "public")})
    assert copies[0] == copies[1] == copies[2]
    filters = [path for path in copies[0]["2024"] if path.startswith("filter/")]
    assert len(filters) == 2  # year and outlet


def test_preview_of_a_large_site_keeps_its_index(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past REINDEX_UP_TO posts a preview save keeps the first build's index instead of re-running Pagefind."""
    from conftest import post

    from masthead.serve import rebuild as preview

    site = make_site(
        {"content/blog/a.md": post("Alpha", "2024-01-01T00:00:00Z"), "content/blog/b.md": post("Beta", "2024-01-02T00:00:00Z")},
        config='title = "T"\nbase_url = "https://t.example.org"\n',
    )
    output = site / "preview"
    preview.rebuild(site, output)
    index = sorted(p.relative_to(output) for p in (output / "pagefind").rglob("*"))
    assert index
    monkeypatch.setattr(preview, "REINDEX_UP_TO", 1)
    (site / "content/blog/a.md").write_text(post("Alpha changed", "2024-01-01T00:00:00Z"))
    report = preview.rebuild(site, output, posts_before=2)
    assert sorted(p.relative_to(output) for p in (output / "pagefind").rglob("*")) == index  # kept, not redone
    assert "Alpha changed" in (output / "blog/a/index.html").read_text(encoding="utf-8")
    assert report.site is not None
    monkeypatch.setattr(preview, "REINDEX_UP_TO", 1000)
    preview.rebuild(site, output, posts_before=2)
    # a small site's preview re-indexes: the changed page's fragment is new
    assert sorted(p.relative_to(output) for p in (output / "pagefind").rglob("*")) != index


def test_a_site_with_no_published_post_builds_and_says_so(make_site: MakeSite) -> None:
    """Pagefind refuses an empty index: none is made, and the search page says there is nothing yet."""
    site = make_site({"content/blog/a.md": DRAFT})
    build(site, BuildOptions(), now=BUILD_TIME)
    public = site / "public"
    assert "<p>No briefings yet.</p>" in (public / "index.html").read_text()
    search = (public / "search/index.html").read_text()
    assert "<p>Nothing has been published yet, so there is nothing to search.</p>" in search
    assert "search.js" not in search  # and the index is an empty list of buckets (test above)
    assert sorted(p.name for p in (public / "pagefind").iterdir()) == ["buckets.json"]

    (site / "content/blog/a.md").write_text(DRAFT.replace("published: false", "published: true"))
    build(site, BuildOptions(), now=BUILD_TIME)  # incremental: the search page follows
    search = (public / "search/index.html").read_text()
    assert '<script type="module" src="/assets/search.js"></script>' in search and "nothing to search" not in search
    assert page_count(public) == 1
