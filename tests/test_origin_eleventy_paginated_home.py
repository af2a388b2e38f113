"""An Eleventy 2 site (`.eleventy.js`, input ".") whose home page paginates the posts, with two more lists
paginating them under permalinks that use pagination.pageNumber.

Eleventy's URLs and order (its pagination and permalink docs, TemplatePermalink.generate): a paginated
template with no permalink writes page N (pagination.pageNumber, 0 first) under the first page's folder,
so index.njk is /, /1/, /2/; a permalink is rendered for every page, `{{ pagination.pageNumber }}` 0 on the
first (logbook.njk: /logbook/page-0/, /logbook/page-1/), `| plus: 1` the page's own number (notes.liquid:
/notes/, /notes/page-2/). A collection is sorted by date, oldest first; `reverse: true` pages newest first,
and so does the `reverse` filter; the base blog's `head` filter is `array.slice(n)` for a negative n (the last).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from origin_sites import SITES, adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls

OLDEST_FIRST = [
    "/posts/spring-tide-at-the-slipway/",
    "/posts/fog-over-the-outer-buoy/",
    "/posts/the-gauge-board-repainted/",
    "/posts/a-neap-tide-barely-moving/",
    "/posts/equinox-surge/",
]
# 5 posts: index.njk (size 2) has 3 pages, notes.liquid (size 3) 2, logbook.njk (size 4) 2
EXPECTED_URLS = {"/", "/1/", "/2/", "/about/", "/latest/", "/notes/", "/notes/page-2/", "/logbook/page-0/", "/logbook/page-1/", *OLDEST_FIRST}


def _listed(site: Path, url: str) -> list[str]:
    page = (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r'<a href="(/posts/[^"]+)"', main)


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-paginated-home", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert (output_folder(site) / "img/gauge-board.png").is_file()
    assert literal_syntax(site) == [] and broken_references(site) == []
    config = (site / "masthead.toml").read_text(encoding="utf-8")
    assert "page_size = 2\n" in config and 'home_pages = "/{number}/"' in config and "home_oldest_first = true" in config


def test_the_home_pages_list_the_posts_oldest_first(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-paginated-home", tmp_path)  # index.njk has no reverse: true
    assert [_listed(site, url) for url in ("/", "/1/", "/2/")] == [OLDEST_FIRST[0:2], OLDEST_FIRST[2:4], OLDEST_FIRST[4:]]
    second = (output_folder(site) / "1/index.html").read_text(encoding="utf-8")
    assert '<link rel="prev" href="https://tide-tables.example.org/">' in second
    assert '<link rel="next" href="https://tide-tables.example.org/2/">' in second


def test_reversed_lists_are_newest_first(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-paginated-home", tmp_path)
    newest = OLDEST_FIRST[::-1]
    assert [_listed(site, url) for url in ("/notes/", "/notes/page-2/")] == [newest[0:3], newest[3:]]
    assert [_listed(site, url) for url in ("/logbook/page-0/", "/logbook/page-1/")] == [newest[0:4], newest[4:]]


def test_a_home_permalink_with_the_page_number(tmp_path: Path) -> None:
    site = tmp_path / "home"
    shutil.copytree(SITES / "eleventy-paginated-home", site)
    index = site / "index.njk"  # a theme's home: /, /page-2/, /page-3/, newest first
    front = index.read_text(encoding="utf-8").replace(
        "  alias: posts\n", "  alias: posts\n  reverse: true\npermalink: /{% if pagination.pageNumber > 0 %}page-{{ pagination.pageNumber + 1 }}/{% endif %}\n"
    )
    index.write_text(front, encoding="utf-8")
    adopt_folder(site)
    assert {url for url in page_urls(site) if not url.startswith(("/posts/", "/notes/", "/logbook/"))} == {"/", "/page-2/", "/page-3/", "/about/", "/latest/"}
    assert _listed(site, "/") == OLDEST_FIRST[::-1][0:2] and _listed(site, "/page-3/") == OLDEST_FIRST[0:1]
    assert "home_oldest_first = true" not in (site / "masthead.toml").read_text(encoding="utf-8")


def test_head_and_reverse_filters_on_a_collection(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-paginated-home", tmp_path)
    page = (output_folder(site) / "latest/index.html").read_text(encoding="utf-8")
    latest, first = (re.findall(r'<a href="(/posts/[^"]+)"', part.split("</ul>", 1)[0]) for part in page.split('<ul class="')[1:3])
    assert latest == OLDEST_FIRST[-2:]  # head(-2): the last two, in the collection's order
    assert first == OLDEST_FIRST[1::-1]  # head(2) | reverse: the first two, the other way round
