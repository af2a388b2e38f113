"""A Pelican site in the shape of Pelican's docs ("Mixed content in the same directory", "Attaching static
files") builds with `masthead init && masthead build`: static files beside the articles, {attach}
links moving them beside the article's output, STATIC_PATHS choosing what is copied, the direct
templates and later index pages at Pelican's URLs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from origin_sites import SITES, adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.cli import main

# ARTICLE_SAVE_AS = '{date:%Y}/{slug}.html'; pages at PAGE_SAVE_AS' default pages/{slug}.html; DEFAULT_PAGINATION
# = 2 over five articles: index.html, index2.html, index3.html (PAGINATION_PATTERNS' default {name}{number}.html),
# and so for a category, tag or author with more than two (surveys: three articles, Maeve Byrne and Colm Doyle:
# three each). DIRECT_TEMPLATES at their SAVE_AS defaults: tags.html, categories.html, authors.html, archives.html.
PAGES = {
    "/",
    "/index2.html",
    "/index3.html",
    "/pages/about.html",
    "/2014/the-gauge-survey.html",
    "/2014/spring-tides-this-week.html",
    "/2015/a-new-logger-on-the-pier.html",
    "/2015/storm-surge-in-february.html",
    "/2015/winter-readings.html",
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
    "/category/surveys.html",
    "/category/surveys2.html",
    "/category/tides.html",
    "/tag/gauges.html",
    "/tag/fieldwork.html",
    "/tag/tides.html",
    "/tag/storms.html",
    "/author/maeve-byrne.html",
    "/author/maeve-byrne2.html",
    "/author/colm-doyle.html",
    "/author/colm-doyle2.html",
}
# Pelican's docs: {attach}icons/icon.png from blog/testpost.md (saved as 2014/test-post.html) is 2014/icons/icon.png,
# {attach}photo.jpg is 2014/photo.jpg, {attach}/downloads/archive.zip (not below blog/) is 2014/archive.zip.
# What STATIC_PATHS names is copied where it is (downloads/older.csv), EXTRA_PATH_METADATA moves extra/CNAME to
# CNAME, and notes/todo.txt, in no static path, is not copied at all; notes/pier-key.txt, in none either, is,
# since a page links to it with {static} (Pelican copies a linked file wherever it is, since 4.0).
FILES = {"2014/icons/gauge-house.png", "2014/estuary.png", "2014/readings.csv", "downloads/older.csv", "CNAME", "notes/pier-key.txt"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("pelican-attach", tmp_path_factory.mktemp("attach"))


def test_urls_are_pelicans(built: tuple[Path, Result]) -> None:
    site, build = built
    assert "warning" not in build.output, build.output
    assert page_urls(site) == PAGES
    assert broken_references(site) == []
    assert literal_syntax(site) == []


def test_attached_and_static_files_are_where_pelican_writes_them(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)
    copied = {path.relative_to(public).as_posix() for path in public.rglob("*") if path.suffix in (".png", ".csv", ".txt", "") and path.is_file()}
    copied.discard("robots.txt")  # masthead's own
    assert {path for path in copied if not path.startswith(("_images/", "pagefind/"))} == FILES
    assert (public / "2014/readings.csv").read_bytes() == (site / "content/downloads/readings.csv").read_bytes()
    survey = (public / "2014/the-gauge-survey.html").read_text(encoding="utf-8")
    assert '<a href="/2014/readings.csv">survey spreadsheet</a>' in survey  # {attach}/downloads/…: beside the article
    assert '<a href="/downloads/older.csv">older readings</a>' in survey  # {static}: where it is
    assert re.search(r'<img src="/_images/gauge-house-32w-\w+\.png"[^>]*alt="The gauge house"', survey)  # made responsive from its new place
    # a file attached twice stays where the first page put it; the second links there
    tides = (public / "2014/spring-tides-this-week.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="/_images/estuary-60w-\w+\.png"[^>]*alt="The estuary"', tides)
    assert not (public / "blog").exists() and not (public / "notes/todo.txt").exists()
    logger = (public / "2015/a-new-logger-on-the-pier.html").read_text(encoding="utf-8")
    assert '<a href="/notes/pier-key.txt">the pier key</a>' in logger


# PAGINATION_PATTERNS as Pelican's docs show them for clean URLs: the later pages in the list's folder
_CLEAN = """
PAGINATION_PATTERNS = (
    (1, '{url}', '{save_as}'),
    (2, '{base_name}/page/{number}/', '{base_name}/page/{number}/index.html'),
)
"""


@pytest.mark.parametrize(
    ("patterns", "page_two", "old_page_two"),
    [("", "index2.html", "blog/index2.html"), (_CLEAN, "page/2/index.html", "blog/page/2/index.html")],
)
def test_a_moved_index_keeps_its_later_pages(tmp_path: Path, patterns: str, page_two: str, old_page_two: str) -> None:
    # INDEX_SAVE_AS = 'blog/index.html' with DEFAULT_PAGINATION = 5: Pelican writes blog/index.html, then
    # blog/index2.html (PAGINATION_PATTERNS' default {name}{number}{extension}; blog/page/2/ with the clean
    # patterns); masthead lists the posts
    # on the home page, its second page at /index2.html (or /page/2/), and each old address leads there
    site = tmp_path / "pelican-home-page"
    shutil.copytree(SITES / "pelican-home-page", site)
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(patterns)
    for day in range(1, 7):
        (site / f"content/posts/loom-{day}.md").write_text(f"Title: Loom notes {day}\nDate: 2021-04-0{day} 10:00\n\nA note.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    public = output_folder(site)
    assert "Dressing the warp" in (public / page_two).read_text(encoding="utf-8")  # the seventh post, on page 2
    moved = (public / old_page_two).read_text(encoding="utf-8")
    target = "https://mara-weaves.example/" + page_two.removesuffix("index.html")
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in moved
    assert not (public / old_page_two.replace("2", "3")).exists()
