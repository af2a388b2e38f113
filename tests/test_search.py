"""The search stage: what is indexed, search = false, drafts, and the index cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import BUILD_TIME, CONFIG, MakeSite, post

from masthead.build import build
from masthead.options import BuildOptions

DRAFT = post("Secret draft").replace("published: true", "published: false")


def page_count(public: Path) -> int:
    entry = json.loads((public / "pagefind/pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def test_example_index_holds_only_posts(example_public: Path) -> None:
    posts = len(list((example_public / "blog").glob("*/index.html")))
    assert page_count(example_public) == posts  # no home, list, archive, about or search page
    assert (example_public / "pagefind/pagefind.js").is_file()
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


def test_index_is_reused_when_nothing_changed_and_remade_when_a_post_did(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post(), "content/blog/b.md": post("Second")})
    build(site, BuildOptions(), now=BUILD_TIME)
    first = {p.relative_to(site / "public"): p.read_bytes() for p in (site / "public/pagefind").rglob("*") if p.is_file()}
    cached = sorted((site / ".masthead-cache/search").iterdir())
    build(site, BuildOptions(), now=BUILD_TIME)
    again = {p.relative_to(site / "public"): p.read_bytes() for p in (site / "public/pagefind").rglob("*") if p.is_file()}
    assert again == first and sorted((site / ".masthead-cache/search").iterdir()) == cached
    (site / "content/blog/b.md").write_text(post("Second").replace("Body of", "Kaliningrad and"), encoding="utf-8")
    build(site, BuildOptions(), now=BUILD_TIME)
    changed = {p.relative_to(site / "public"): p.read_bytes() for p in (site / "public/pagefind").rglob("*") if p.is_file()}
    assert changed != first
    assert len(list((site / ".masthead-cache/search").iterdir())) == 2


def test_preview_of_a_large_site_keeps_its_index(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past REINDEX_UP_TO posts a preview save keeps the first build's index instead of re-running Pagefind."""
    from conftest import post

    from masthead.serve import rebuild as preview

    site = make_site({"content/blog/a.md": post("Alpha", "2024-01-01T00:00:00Z"),
                      "content/blog/b.md": post("Beta", "2024-01-02T00:00:00Z")},
                     config='title = "T"\nbase_url = "https://t.example.org"\n')
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
