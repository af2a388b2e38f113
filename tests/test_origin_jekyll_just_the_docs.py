"""just-the-docs/just-the-docs-template's shape (the Just the Docs theme, a documentation site with no
posts) builds with `masthead init && masthead build`, URLs as Jekyll makes them.

Jekyll's URLs for its `_config.yml`: `permalink: pretty` makes a page /:path/:basename/ and a folder's
index.md /:path/ (docs/setup/wiring.md is /docs/setup/wiring/, docs/setup/index.md /docs/setup/); a
front matter `permalink: /reference/` is kept; index.md's `permalink: /` is the home page. Just the
Docs (just-the-docs.com/docs/navigation-structure/) lists the pages without `parent` in its navigation
by `nav_order`, the children under their `parent` (and `grand_parent`), leaves out `nav_exclude: true`,
and adds `nav_external_links` and `aux_links`; callouts are the names under `callouts:`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/docs/setup/",
    "/docs/setup/wiring/",
    "/docs/setup/first-readings/",
    "/reference/",
    "/docs/reference/settings/",
    "/docs/reference/formats/",
    "/docs/reference/formats/csv/",
    "/docs/reference/formats/packed/",
    "/docs/troubleshooting/",
    "/docs/changelog/",  # nav_exclude: out of the navigation, still a page
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built, _ = adopt("jekyll-just-the-docs", tmp_path_factory.mktemp("site"))
    return built


def _body(site: Path, url: str) -> str:
    page = (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")
    return page.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]


def test_urls_are_jekylls(site: Path) -> None:
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert (output_folder(site) / "assets/images/logger-wiring.png").is_file()
    assert re.search(r'<img src="/_images/logger-wiring-\d+w-\w+\.png"[^>]*alt="The terminal block', _body(site, "/docs/setup/wiring/"))


def test_the_navigation_is_nav_order_then_external_links(site: Path) -> None:
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', nav) == [
        ("/archive/", "Archive"),  # masthead's own, then the top-level pages by nav_order (Home, 1, is "Latest")
        ("/docs/setup/", "Setup"),
        ("/reference/", "Reference"),
        ("/docs/troubleshooting/", "Troubleshooting"),
        ("https://github.com/example/gauge-logger/releases", "Firmware releases"),  # nav_external_links
        ("https://github.com/example/gauge-logger", "Gauge Logger on GitHub"),  # aux_links
    ]
    assert "No briefings yet" not in home  # a site with no posts: the home is its own text


def test_callouts_are_titled_quotes(site: Path) -> None:
    setup = _body(site, "/docs/setup/")
    assert "<blockquote>\n<p><strong>Warning</strong><br />\nDisconnect the battery" in setup  # {: .warning } before it
    wiring = _body(site, "/docs/setup/wiring/")
    assert "<blockquote>\n<p><strong>Note</strong><br />\nThe shield wire" in wiring
    assert "<p>Stable</p>" in wiring  # a label: its text
    readings = _body(site, "/docs/setup/first-readings/")  # {: .note-title }: the quote's first paragraph is its title
    assert "<blockquote>\n<p><strong>Readings in metres</strong></p>\n<p>The logger stores millimetres;" in readings
    trouble = _body(site, "/docs/troubleshooting/")  # .important is no configured callout: the quote as written
    assert "<blockquote>\n<p>A card formatted as exFAT is not read.</p>" in trouble


def test_kramdown_toc_lists_the_headings_not_marked_no_toc(site: Path) -> None:
    setup = _body(site, "/docs/setup/")
    toc = re.search(r'<nav class="toc" aria-label="Contents">(.*?)</nav>', setup)
    assert toc is not None and "TOC" not in setup and "{:" not in setup
    assert re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc.group(1)) == [("what-you-need", "What you need"), ("before-you-start", "Before you start")]
    settings = _body(site, "/docs/reference/settings/")
    assert re.findall(r'<li class="toc__level-\d"><a href="#(\w+)">', settings) == ["interval", "datum", "templates"]
    trouble = _body(site, "/docs/troubleshooting/")  # the theme docs' snippet: the list inside <details markdown="block">
    assert re.search(r"<details>\s*<summary>\s*Table of contents\s*</summary>\s*<nav class=\"toc\"", trouble)
    assert re.findall(r'<li class="toc__level-\d"><a href="#([\w-]+)">', trouble) == ["the-light-stays-red", "the-light-blinks", "still-red"]
    assert "file_name: &quot;{{ station }}-{{ date | date: '%Y%m%d' }}.csv&quot;" in settings  # {% raw %} around a fence: as written


def test_the_home_page_is_index_md(site: Path) -> None:
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    assert '<a href="/docs/setup/">setup guide</a>' in home  # {% link docs/setup/index.md %}
    assert "Version 2.4.1 is the current firmware." in home  # site.data.release.version
    assert '<a href="#getting-started">Get started now</a>' in home  # {: .btn …} after a link: the link


def test_parent_pages_list_their_children(site: Path) -> None:
    def children(url: str) -> list[tuple[str, str]]:
        listed = _body(site, url).split('<h2 class="child-pages">Table of contents</h2>', 1)[1].split("</ul>", 1)[0]
        return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', listed)

    assert children("/docs/setup/") == [("/docs/setup/wiring/", "Wiring"), ("/docs/setup/first-readings/", "First readings")]  # by nav_order
    assert children("/reference/") == [("/docs/reference/settings/", "Settings"), ("/docs/reference/formats/", "File formats")]
    # grand_parent: Reference tells File formats' children from any other page titled so
    assert children("/docs/reference/formats/") == [("/docs/reference/formats/csv/", "CSV"), ("/docs/reference/formats/packed/", "Packed")]
    assert "child-pages" not in _body(site, "/docs/troubleshooting/")
