"""The preview's quick path: body-only edits re-render just their page (and feeds), byte for byte
what a full build writes; anything other pages show falls back to the full build."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from conftest import MakeSite, post

from masthead.build import build
from masthead.config import Config
from masthead.serve import quick
from masthead.serve.rebuild import PREVIEW_OPTIONS
from masthead.site import Document


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


def test_body_only_edits_swap_the_document_and_plan_only_the_pages_that_read_it(make_site: MakeSite, tmp_path: Path) -> None:
    """Same front matter and citations: the old model with the document swapped in, the old
    fingerprints carried over; the pages whose keys never reached the entry keep their jobs, and
    every file is still what a full build writes, edit after edit."""
    site = small_site(make_site)
    warm, output = warm_preview(site)
    source = site / "content/blog/p1.md"
    for number in range(3):
        body = f"Body of Post 1, edition {number}. [[AP](https://apnews.com/article/x)]\n\nA second paragraph {number}.\n"
        source.write_text(post("Post 1", "2024-03-02T08:00:00Z").replace("Body of Post 1. [[AP](https://apnews.com/article/x)]\n", body))
        written = quick.update(warm, {str(source)}, output)
        assert written is not None and "blog/p1/index.html" in written
        assert warm.carried == number + 1  # the swapped path, not a new assembly
        planned = {job.source for job in warm.jobs if job.produce is not None}
        assert "content/blog/p1.md" in planned
        # Post pages whose keys never reached p1 (it is not among their related briefings) keep their jobs.
        kept = [job for job in warm.jobs if job.paths and job.paths[0].startswith("blog/p") and job.produce is None]
        assert kept and all(job.reads is not None and "content/blog/p1.md" not in job.reads for job in kept)
        assert all(job.reads is None or "content/blog/p1.md" in job.reads for job in warm.jobs if job.produce is not None and job.paths)
        assert_equals_full_build(site, output, tmp_path / f"full{number}")


def test_a_body_edit_that_changes_its_citations_assembles_the_model_again(make_site: MakeSite, tmp_path: Path) -> None:
    """The outlets and the site view are derived from citations: such an edit is not swapped in."""
    site = small_site(make_site)
    warm, output = warm_preview(site)
    source = site / "content/blog/p2.md"
    source.write_text(post("Post 2", "2024-03-03T08:00:00Z").replace("apnews.com/article/x", "apnews.com/article/y"))  # another AP story
    assert quick.update(warm, {str(source)}, output) is not None
    assert warm.carried == 0
    assert_equals_full_build(site, output, tmp_path / "full")


def reachable_documents(value: object, found: dict[int, Document], seen: set[int]) -> None:
    """Every Document the value holds, however deep (dataclasses, tuples, lists, mappings)."""
    if id(value) in seen or isinstance(value, str | bytes | int | float | Config | type(None)):
        return
    seen.add(id(value))
    if isinstance(value, Document):
        found[id(value)] = value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            reachable_documents(getattr(value, item.name), found, seen)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            reachable_documents(key, found, seen)
            reachable_documents(item, found, seen)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            reachable_documents(item, found, seen)


def test_a_swapped_document_leaves_no_old_copy_anywhere_in_the_model(make_site: MakeSite) -> None:
    """Wherever the model holds a document (posts, tags, archive, outlets…), the swap reaches it."""
    site = small_site(make_site)
    warm, output = warm_preview(site)
    old = next(document for document in warm.site.posts if document.entry.source == "content/blog/p1.md")
    source = site / "content/blog/p1.md"
    source.write_text(post("Post 1", "2024-03-02T08:00:00Z").replace("Body of Post 1.", "Another body of Post 1."))
    assert quick.update(warm, {str(source)}, output) is not None and warm.carried == 1
    found: dict[int, Document] = {}
    reachable_documents(warm.site, found, set())
    assert id(old) not in found
    assert sum(document.entry.source == "content/blog/p1.md" for document in found.values()) == 1
