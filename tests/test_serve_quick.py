"""The preview's quick path: body-only edits re-render just their page (and feeds), byte for byte
what a full build writes; anything other pages show falls back to the full build."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeSite, post

from masthead.build import build
from masthead.serve import quick
from masthead.serve.rebuild import PREVIEW_OPTIONS


def small_site(make_site: MakeSite) -> Path:
    posts = {f"content/blog/p{i}.md": post(f"Post {i}", f"2024-03-{i + 1:02d}T08:00:00Z") for i in range(4)}
    return make_site(posts, config='title = "Q"\nbase_url = "https://q.example.org"\nfeed_size = 2\nsearch = false\n[follow]\nsize = 2\n[related]\ncount = 1\n')


def warm_preview(site: Path) -> tuple[quick.Warm, Path]:
    output = site / "preview"
    report = build(site, PREVIEW_OPTIONS, mode="preview", output_to=output)
    warm = quick.Warm.after(report)
    assert warm is not None
    return warm, output


def test_a_body_edit_rewrites_its_page_exactly_as_a_full_build(make_site: MakeSite, tmp_path: Path) -> None:
    site = small_site(make_site)
    warm, output = warm_preview(site)
    source = site / "content/blog/p1.md"
    source.write_text(post("Post 1", "2024-03-02T08:00:00Z").replace("Body of Post 1.", "A new body with “quotes”."))
    written = quick.update(warm, {str(source)}, output)
    assert written == ["blog/p1/index.html"]  # not among the two newest: the feeds (and the AP follow feeds) stay
    full = tmp_path / "full"
    build(site, PREVIEW_OPTIONS, mode="preview", output_to=full)
    for path in full.rglob("*"):
        if path.is_file():
            assert (output / path.relative_to(full)).read_bytes() == path.read_bytes(), path


def test_an_edit_of_a_newest_post_rewrites_the_feeds(make_site: MakeSite) -> None:
    site = small_site(make_site)
    warm, output = warm_preview(site)
    source = site / "content/blog/p3.md"
    source.write_text(post("Post 3", "2024-03-04T08:00:00Z").replace("Body of Post 3.", "Changed."))
    written = quick.update(warm, {str(source)}, output)
    assert written is not None and {"blog/p3/index.html", "feed.xml", "atom.xml", "feed.json"} <= set(written)
    assert "Changed." in (output / "feed.xml").read_text(encoding="utf-8")


def assert_equals_full_build(site: Path, output: Path, full: Path) -> None:
    build(site, PREVIEW_OPTIONS, mode="preview", output_to=full)
    for path in full.rglob("*"):
        if path.is_file():
            assert (output / path.relative_to(full)).read_bytes() == path.read_bytes(), path


def test_a_title_edit_rewrites_every_page_that_shows_it(make_site: MakeSite, tmp_path: Path) -> None:
    """The same derived keys as the full build: the lists that show the title are re-rendered too."""
    site = small_site(make_site)
    warm, output = warm_preview(site)
    source = site / "content/blog/p1.md"
    source.write_text(post("A new title", "2024-03-02T08:00:00Z"))  # the title is on cards
    written = quick.update(warm, {str(source)}, output)
    assert written is not None and {"blog/p1/index.html", "index.html", "archive/2024/index.html"} <= set(written)
    showing = {path.relative_to(output).as_posix() for path in output.rglob("*.html") if "A new title" in path.read_text(encoding="utf-8")}
    assert {name for name in written if name.endswith(".html")} == showing  # p0 lists p1 as related; p3 (related: p2) does not
    assert "blog/p0/index.html" in written and "blog/p3/index.html" not in written
    assert_equals_full_build(site, output, tmp_path / "full")


def test_changes_that_add_or_remove_outputs_need_the_full_build(make_site: MakeSite) -> None:
    site = small_site(make_site)
    warm, output = warm_preview(site)
    source = site / "content/blog/p1.md"
    tagged = post("Post 1", "2024-03-02T08:00:00Z").replace("teaser:", "tags: [brand-new]\nteaser:")
    source.write_text(tagged)  # a new topic page appears
    assert quick.update(warm, {str(source)}, output) is None
    new = site / "content/blog/new.md"
    new.write_text(post("New", "2024-03-09T08:00:00Z"))
    assert quick.update(warm, {str(new)}, output) is None
    source.write_text("---\npageTitle: [broken\n---\n")
    assert quick.update(warm, {str(source)}, output) is None
    assert quick.update(warm, {str(site / "masthead.toml")}, output) is None


def test_a_small_site_with_search_takes_the_full_build(make_site: MakeSite) -> None:
    """Up to REINDEX_UP_TO posts a save re-runs Pagefind, which only the full build does."""
    site = make_site({"content/blog/p.md": post("P", "2024-03-01T08:00:00Z")}, config='title = "Q"\nbase_url = "https://q.example.org"\n')
    warm, output = warm_preview(site)
    source = site / "content/blog/p.md"
    source.write_text(post("P", "2024-03-01T08:00:00Z").replace("Body of P.", "Other."))
    assert quick.update(warm, {str(source)}, output) is None
