"""A Jekyll site in academicpages' shape builds with `masthead init && masthead build`: _pages/about.md
with `permalink: /` is the home page, redirect_from pages, extensionless permalinks as Jekyll writes
them, future posts published because _config.yml says `future: true`."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from origin_sites import SITES, adopt, broken_references, literal_syntax, output_folder, page_urls, redirect_target

from masthead.build import load
from masthead.cli import main

BASE = "https://oadebayo.github.io"
# From Jekyll's docs: a front matter permalink is kept; one with neither a trailing slash nor an
# extension (/talks/2021-03-10-gauges-talk) is written as that name plus the output extension, the file
# /talks/2021-03-10-gauges-talk.html (GitHub Pages serves it at both). `include: [_pages]` reads _pages/.
# jekyll-redirect-from writes a page at each redirect_from path, the same way: /resume is /resume.html.
# `future: true` publishes the post dated 2199. _pages/tag-archive.html sits on /tags/: masthead's own.
PAGES = {
    "/",
    "/cv/",
    "/publications/",
    "/talks/",
    "/teaching/",
    "/year-archive/",
    "/field-notes.html",
    "/talks/2021-03-10-gauges-talk.html",
    "/talks/2022-11-02-reservoir-tutorial.html",
    "/publication/2020-06-01-sparse-gauges.html",
    "/publication/2023-09-15-reservoir-sediment.html",
    "/teaching/2022-spring-hydrology.html",
    "/posts/2021/08/field-season/",
    "/posts/2022/02/open-data/",
    "/posts/2199/01/future-post/",
}
REDIRECTS = {"/about/": "/", "/about.html": "/", "/resume.html": "/cv/", "/wordpress/blog-posts/": "/year-archive/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-academicpages", tmp_path_factory.mktemp("academic"))


def test_urls_are_jekylls(built: tuple[Path, Result]) -> None:
    site, build = built
    assert page_urls(site) == PAGES | set(REDIRECTS)
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    assert "_pages/tag-archive.html:3: warning: permalink: URL /tags/ is masthead's own page; this page is left out and masthead's stands in" in build.output
    # `type: "Undergraduate course"` is academicpages' label for the list, not a template (Hugo's type is)
    assert set(re.findall(r"no template '([^']+)'", build.output)) == {"archive"}  # layout: archive, from the theme
    assert "undergraduate" not in build.output.lower() and "tutorial" not in build.output.lower()


def test_home_page_is_the_permalink_slash_page_and_redirects_reach_it(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "<p>I study how floods move through the river basins of West Africa" in home
    assert '<h2 id="research-interests">Research interests</h2>' in home
    assert not (public / "about/index.html").read_text(encoding="utf-8").count("I study how floods")  # a redirect, not a copy
    for old, new in REDIRECTS.items():
        assert redirect_target(site, old) == BASE + new, old
    # a link written as Jekyll's page.url (/talks/x) reaches the file Jekyll wrote for it
    assert '<a href="/talks/2021-03-10-gauges-talk.html">first talk in particular</a>' in home
    tutorial = (public / "talks/2022-11-02-reservoir-tutorial.html").read_text(encoding="utf-8")
    assert '<a href="/field-notes.html">field notes</a>' in tutorial
    assert "<p>How a forecast can be made from three gauges" in (public / "talks/2021-03-10-gauges-talk.html").read_text(encoding="utf-8")


def test_future_posts_only_with_future_true(built: tuple[Path, Result], tmp_path: Path) -> None:
    site, _ = built
    assert "future = true" in (site / "masthead.toml").read_text(encoding="utf-8")
    assert (output_folder(site) / "posts/2199/01/future-post/index.html").is_file()
    # the same site with Jekyll's default, future: false: the post waits for its date
    copy = tmp_path / "no-future"
    shutil.copytree(SITES / "jekyll-academicpages", copy)
    config = copy / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("future                   : true", "future                   : false"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(copy)]).exit_code == 0
    build = runner.invoke(main, ["build", str(copy), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    assert "future = true" not in (copy / "masthead.toml").read_text(encoding="utf-8")
    assert page_urls(copy) == PAGES - {"/posts/2199/01/future-post/"} | set(REDIRECTS)


def test_site_model_home_and_reserved_urls(built: tuple[Path, Result]) -> None:
    site_folder, _ = built
    site, _, problems = load(site_folder, now=datetime(2025, 6, 1, 12, tzinfo=UTC))
    assert site.home is not None and site.home.entry.source == "_pages/about.md" and site.home.entry.aliases == ("/about/", "/about.html")
    sources = {document.entry.source for document in site.pages}
    assert "_pages/tag-archive.html" not in sources and "_pages/about.md" not in sources  # /tags/ is masthead's; / is the home
    assert "_pages/cv.md" in sources and all(document.url != "/tags/" for document in site.pages)
    assert [str(problem) for problem in problems if "masthead's own page" in problem.message] == [
        "_pages/tag-archive.html:3: warning: permalink: URL /tags/ is masthead's own page; this page is left out and masthead's stands in"
    ]


def test_archive_pages_list_their_collections(built: tuple[Path, Result]) -> None:
    # academicpages' talks, teaching and publications pages loop over site.talks, site.teaching and
    # site.publications (by date, then reversed): each document's own title, url and venue, not the posts
    site, _ = built
    public = output_folder(site)

    def listed(url: str) -> list[tuple[str, str]]:
        page = (public / url.strip("/") / "index.html").read_text(encoding="utf-8")
        found: list[tuple[str, str]] = re.findall(r'<h2 id="[^"]+">(?:<a href="([^"]+)">[^<]*</a>|([^<]+))</h2>', page.split('<div class="post__body">', 1)[1])
        return found

    assert listed("/talks/") == [("/talks/2022-11-02-reservoir-tutorial.html", ""), ("/talks/2021-03-10-gauges-talk.html", "")]
    assert listed("/teaching/") == [("/teaching/2022-spring-hydrology.html", "")]
    # grouped by _config.yml's publication_category, the others skipped with {% continue %}
    assert listed("/publications/") == [
        ("", "Journal Articles"),
        ("/publication/2020-06-01-sparse-gauges.html", ""),
        ("", "Conference Papers"),
        ("/publication/2023-09-15-reservoir-sediment.html", ""),
    ]
    talks = (public / "talks/index.html").read_text(encoding="utf-8")
    assert "<p>Published in <em>Hydrology Seminar, University of Ibadan</em>, 2021</p>" in talks  # the talk's venue and date
    assert "future-post" not in talks and "field-season" not in talks  # not the blog's posts
    # year-archive: site.posts newest first under a heading per year
    assert listed("/year-archive/") == [
        ("", "2199"),
        ("/posts/2199/01/future-post/", ""),
        ("", "2022"),
        ("/posts/2022/02/open-data/", ""),
        ("", "2021"),
        ("/posts/2021/08/field-season/", ""),
    ]
