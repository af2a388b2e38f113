"""An Eleventy 3 site configured with `eleventy.config.mjs` (setInputDirectory, setOutputDirectory), posts
tagged by a directory data file, and two lists paginating `collections.post` several posts a page.

Eleventy's URLs (its pagination docs): a paginated template writes its first page at its permalink and the
others for pagination.pageNumber 1, 2…: by default under the first page's URL (paged.njk: /paged/,
/paged/1/), else where the permalink's `{% if pagination.pageNumber > 0 %}` block puts them
(`page/{{ pagination.pageNumber + 1 }}/`: /diary/page/2/); `diary/index.html` is the URL /diary/."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.cli import main

POSTS = {
    "/posts/seed-potatoes-in/",
    "/posts/broad-beans-survived-the-frost/",
    "/posts/the-shed-roof-again/",
    "/posts/netting-the-brassicas/",
    "/posts/first-courgette-of-the-year/",
    "/posts/saving-tomato-seed/",
    "/posts/compost-bays-rebuilt/",
}
# 7 posts: blog.njk (size 3) has 3 pages, diary.njk (size 2) 4
EXPECTED_URLS = {"/", "/blog/", "/blog/1/", "/blog/2/", "/diary/", "/diary/page/2/", "/diary/page/3/", "/diary/page/4/", *POSTS}


def _listed(site: Path, url: str) -> list[str]:
    page = (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r'<a href="(/posts/[^"]+)"', main)


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-v3-paginated", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert (output_folder(site) / "images/plot.png").is_file()  # dist/, as setOutputDirectory says
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_each_page_lists_its_own_posts(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-v3-paginated", tmp_path)
    pages = [_listed(site, url) for url in ("/blog/", "/blog/1/", "/blog/2/")]
    assert [len(listed) for listed in pages] == [3, 3, 1]
    assert sorted(url for listed in pages for url in listed) == sorted(POSTS)  # every post once, newest first (reverse: true)
    assert pages[0][0] == "/posts/compost-bays-rebuilt/" and pages[2] == ["/posts/seed-potatoes-in/"]
    assert _listed(site, "/diary/page/4/") == ["/posts/seed-potatoes-in/"]


def test_later_pages_are_not_in_the_navigation(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-v3-paginated", tmp_path)
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="(/(?:blog|diary)[^"]*)"', nav) == ["/blog/", "/diary/"]


def test_a_second_build_sees_no_moved_pages(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-v3-paginated", tmp_path)  # the first build remembers each source's URLs, every page of a list
    diary = site / "src/diary.njk"
    diary.write_text(diary.read_text(encoding="utf-8") + "<p>Updated weekly.</p>\n", encoding="utf-8")  # a build that reads it again
    again = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-02T12:00:00"])
    assert again.exit_code == 0 and "moved from" not in again.output
