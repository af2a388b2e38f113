"""A Jekyll site in al-folio's shape (an academic's site: _pages/, news and projects collections,
jekyll-paginate-v2, jekyll-archives-v2, jekyll-scholar, its own .liquid includes) builds with
`masthead init && masthead build`: Jekyll's URLs, no Liquid left, no broken image."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls, redirect_target

# The URLs Jekyll gives this site, from its docs and its plugins':
# - `include: ["_pages"]` reads _pages/; a page's `permalink` is kept: about.md is /, blog.md /blog/…
#   (404.md's /404.html is masthead's own 404 page, which page_urls leaves out).
# - posts at `permalink: /blog/:year/:title/`, :title the file name's slug: /blog/2024/probe-firmware/.
# - collections with `output: true` at Jekyll's default /:collection/:path plus the ending of the site's
#   permalink ("/"): /news/announcement_1/, /projects/1_project/.
# - jekyll-paginate-v2 (README-GENERATOR.md): blog.md's `pagination: {enabled: true, per_page: 2,
#   permalink: /page/:num/}` writes the first two posts at /blog/ and the third at /blog/page/2/, the
#   permalink under the page's URL, pages numbered from 2.
# - jekyll-archives-v2 (docs/configuration.md): `posts: {enabled: [year, tags, categories]}` with
#   permalinks /blog/:year/ and /blog/:type/:name/, :type "tag" or "category", :name the slugified name.
POSTS = {"/blog/2023/drying-plots/", "/blog/2024/probe-firmware/", "/blog/2024/spring-walk/"}
PAGES = {"/", "/blog/", "/blog/page/2/", "/projects/", "/publications/", "/cv/", "/repositories/"}
COLLECTIONS = {"/news/announcement_1/", "/news/announcement_2/", "/projects/1_project/", "/projects/2_project/"}
ARCHIVES = {"/blog/2023/", "/blog/2024/", "/blog/tag/sensors/", "/blog/tag/fieldwork/", "/blog/tag/code/", "/blog/category/lab-notes/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-al-folio", tmp_path_factory.mktemp("al-folio"))


def _body(site: Path, url: str) -> str:
    return (output_folder(site) / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def test_urls_are_jekylls(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert page_urls(site) == POSTS | PAGES | COLLECTIONS | ARCHIVES
    assert literal_syntax(site) == []
    assert broken_references(site) == []


def test_site_title_is_the_full_name_as_al_folio_shows_it(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert 'title = "Marta Kowalczyk"' in (site / "masthead.toml").read_text(encoding="utf-8")  # `title: blank`


def test_paginate_v2_lists_the_posts_two_a_page_the_page_text_first(built: tuple[Path, Result]) -> None:
    site, _ = built
    first, second = _body(site, "/blog/"), _body(site, "/blog/page/2/")
    listed = re.compile(r'<h2 class="card__title"><a href="([^"]+)"')
    assert listed.findall(first) == ["/blog/2024/spring-walk/", "/blog/2024/probe-firmware/"]
    assert listed.findall(second) == ["/blog/2023/drying-plots/"]
    assert '<h2 id="field-notes">field notes</h2>' in first and "field notes" not in second  # the page's text: its first page only
    assert '<a href="/blog/2024/probe-firmware/">' in first.split('class="cards"')[0]  # featured: true, from site.posts
    assert 'href="/blog/page/2/"' in first


def test_archives_at_jekyll_archives_v2_permalinks(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert redirect_target(site, "/blog/2023/") == "https://mkowalczyk.github.io/archive/2023/"
    sensors = _body(site, "/blog/tag/sensors/")
    assert "/blog/2024/probe-firmware/" in sensors and "/blog/2023/drying-plots/" in sensors and "/blog/2024/spring-walk/" not in sensors
    assert "/blog/2024/spring-walk/" in _body(site, "/blog/category/lab-notes/")


def test_liquid_includes_details_raw_and_highlight(built: tuple[Path, Result]) -> None:
    site, _ = built
    plots = _body(site, "/blog/2023/drying-plots/")
    body = plots.split('<div class="post__body">')[1]
    assert len(re.findall(r'<img src="/_images/[12]-480w-\w+\.png"', body)) == 2  # figure.liquid inside the post's <div class="row">
    assert "&lt;/div&gt;" not in body and "<pre>" not in body  # kramdown's HTML block: no indented </div> shown as code
    assert "onerror" not in plots
    firmware = _body(site, "/blog/2024/probe-firmware/")
    assert "<details><summary>Click here to see the power budget</summary>\n<p>The probe draws <strong>4 mA</strong>" in firmware
    assert "<code>{% highlight c linenos %} code {% endhighlight %}</code>" in firmware  # {% raw %}: shown as code
    assert '<pre><code class="language-python">def batches(samples, size=6):' in firmware
    projects = _body(site, "/projects/").split('<div class="post__body">')[1]
    assert re.search(r'<a href="/projects/1_project/">\s*<div class="card h-100 hoverable">\s*<figure>\s*<picture>', projects)  # an include in an include
    assert projects.index("moisture probe") < projects.index('<h2 class="category">fun</h2>') < projects.index("drought map")


def test_jekyll_scholar_bibliography_and_cite(built: tuple[Path, Result]) -> None:
    site, build = built
    publications = _body(site, "/publications/")
    assert re.findall(r'<h2 class="bibliography">(\d+)</h2>', publications) == ["2024", "2022", "2019"]  # group_by: year, descending
    assert "Kowalczyk, M., &amp; Zieliński, Tomasz" in publications  # Zieli{\'n}ski
    assert "<em>Soil Science and Ecology</em>, 41(3), 211–229." in publications  # @string sse, pages 211--229
    assert '<a href="https://doi.org/10.1000/sse.2022.0413">' in publications
    assert "Spores in Peat: A Field Guide" in publications
    assert 'publications.md:18: warning: Liquid tag "bibliography": jekyll-scholar\'s references are listed plainly' in build.output
    assert "reported last year (Kowalczyk et al., 2022)." in _body(site, "/blog/2023/drying-plots/")


def test_al_folio_thumbnail_is_the_featured_image(built: tuple[Path, Result]) -> None:
    site, _ = built
    plots = _body(site, "/blog/2023/drying-plots/")
    assert re.search(r'<meta property="og:image" content="https://mkowalczyk\.github\.io/_images/1-social-\w+\.jpg">', plots)


def test_a_layout_of_the_site_that_lists_no_posts_lists_none(built: tuple[Path, Result]) -> None:
    site, build = built
    assert "_pages/cv.md:2: warning: layout: no template 'cv'; the page is shown with the generic page template 'about-page' (add" in build.output
    assert "post-listing" not in _body(site, "/cv/")


def test_the_header_lists_the_nav_pages_by_nav_order(built: tuple[Path, Result]) -> None:
    site, _ = built
    home = _body(site, "/")
    nav = re.findall(r'<li><a href="(/[^"]*)">', home.split('<li class="site-nav__home">')[1].split("</ul>")[0])
    assert nav == ["/tags/", "/archive/", "/blog/", "/publications/", "/projects/", "/repositories/", "/cv/"]  # not the news or projects' pages
