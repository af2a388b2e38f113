"""An early eleventy-base-blog (`.eleventy.js`, input "."; posts/posts.json tags them `posts`) with a
`page-list.njk` paginating `collections.all`: built with `masthead init && masthead build`."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# The default permalink of posts/x.md is /posts/x/; page-list.njk's permalink, on its first page
# (pagination.pageNumber 0), is /page-list/.
EXPECTED_URLS = {"/", "/page-list/", "/posts/a-kettle-that-whistles/", "/posts/descaling-with-vinegar/"}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, build = adopt("eleventy-page-list", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    assert (output_folder(site) / "img/kettle.jpg").is_file()
    assert "posts/a-kettle-that-whistles.md" in build.output and "kettle-on-the-hob-1024x633.jpg' does not exist" in build.output


def test_paginated_collection_lists_the_posts(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-page-list", tmp_path)
    listing = (output_folder(site) / "page-list/index.html").read_text(encoding="utf-8")
    assert '<a href="/posts/descaling-with-vinegar/">Descaling with vinegar</a>' in listing
    # Eleventy sorts collections.all by date, oldest first, and page-list.njk has no `reverse: true`
    assert listing.index("A kettle that whistles") < listing.index("Descaling with vinegar")
    assert "entry.url" not in listing and "pagination" not in listing
