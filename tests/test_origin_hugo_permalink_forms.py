"""Hugo 0.120+'s permalink forms: ``[permalinks.page]`` (regular pages only: a nested section's
``_index.md`` keeps its URL), ``[permalinks.section]`` (a section's list elsewhere), and the tokens
``:sections[1:]`` (Hugo 0.125), ``:slugorfilename`` and ``:contentbasename`` (Hugo 0.144: the file's
name, or a bundle's folder's, whatever the slug).

Hugo's URLs, from its docs ("Permalinks"): the list below."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, page_urls

EXPECTED_URLS = {
    "/",
    "/docs/",
    "/docs/guide/",  # a section's page: [permalinks.page] is not for it
    "/manual/guide/install/",  # /manual/:sections[1:]/:slugorfilename/: docs/guide/ less its first folder
    "/manual/start-here/",  # docs/intro.md: no folder after the first, its slug
    "/journal/",  # [permalinks.section] posts: the section's list
    "/2024/06/hello/",  # :contentbasename: the file's name, not its slug
    "/2024/05/spring-notes/",  # a bundle's: its folder's
    "/categories/",
}


def test_permalink_forms(tmp_path: Path) -> None:
    site, _ = adopt("hugo-permalink-forms", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    written = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'docs = "/manual/{sections[1:]}/{slug}/"' in written
