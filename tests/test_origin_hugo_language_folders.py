"""A Hextra site in two languages whose default one's contentDir is not named after it (zh's is
content/cn), hugo.yaml with `outputs` that drop the home page's RSS, a post in a folder without an
_index.md (blog/weekly/), and tags in both languages.

Hugo's URLs (its docs: the default language at the root, the others under /<lang>/; a folder without
_index.md is no section, but stays in the path; each language has its own taxonomy pages; RSS only
for the kinds whose outputs name it)."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/zh/",  # the default language's folder: a redirect to the root, as Hugo writes it
    "/blog/",
    "/blog/weekly/mountain-city-weekly-2025-w09/",
    "/en/",
    "/en/blog/",
    "/en/blog/first-issue/",
    "/en/tags/",  # the English taxonomy's own pages (the root's /tags/ are checked below)
    "/en/tags/weekly/",
    "/en/tags/transport/",
    "/categories/",  # no post names a category: Hugo writes each language's taxonomy lists all the same
    "/en/categories/",
}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, _ = adopt("hugo-hextra-language-folders", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert 'cn = "zh"' in (site / "masthead.toml").read_text(encoding="utf-8")
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_each_language_has_its_terms(tmp_path: Path) -> None:
    site, _ = adopt("hugo-hextra-language-folders", tmp_path)
    public = output_folder(site)
    pages = {path.parent.relative_to(public).as_posix() for path in public.glob("**/tags/*/index.html")}
    assert pages == {"tags/周报", "tags/transport", "tags/夜市", "en/tags/weekly", "en/tags/transport"}
    english = (public / "en/tags/transport/index.html").read_text(encoding="utf-8")
    assert 'href="/en/blog/first-issue/"' in english and "/blog/weekly/" not in english


def test_feeds_follow_the_outputs(tmp_path: Path) -> None:
    site, _ = adopt("hugo-hextra-language-folders", tmp_path)
    public = output_folder(site)
    feeds = {path.relative_to(public).as_posix() for path in public.rglob("index.xml")}
    terms = {"tags/周报", "tags/transport", "tags/夜市", "en/tags/weekly", "en/tags/transport"}
    lists = {"blog/index.xml", "en/blog/index.xml", "tags/index.xml", "en/tags/index.xml", "categories/index.xml", "en/categories/index.xml"}
    assert feeds == lists | {f"{term}/index.xml" for term in terms}
