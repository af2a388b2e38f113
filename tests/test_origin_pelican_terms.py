"""A Pelican site with its own URL settings for tags and categories, no author pages and no folder
categories builds with `masthead init && masthead build` at the URLs Pelican gives it."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

from click.testing import CliRunner
from origin_sites import SITES, adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.cli import main

# Pelican's rules (docs "Settings", URL settings; "Basic settings"):
# - USE_FOLDER_AS_CATEGORY = False: an article that names no category is in DEFAULT_CATEGORY ('Log Book', slug
#   log-book), the one in field-notes/ too; ARTICLE_URL's {category} is the category's slug.
# - TAG_SAVE_AS = 'topics/{slug}/index.html' (served as /topics/<slug>/); CATEGORY_SAVE_AS = CATEGORY_URL is
#   'section/{slug}.html'; AUTHOR_SAVE_AS = '' writes no author pages.
# - PAGE_PATHS = ['pages', 'about']: the files there are pages, the others articles (ARTICLE_PATHS).
# - pages are where PAGE_SAVE_AS saves them; PAGE_URL is only how Pelican's templates link them.
# - SLUGIFY_SOURCE = 'basename': an article's slug is its file's name; FILENAME_METADATA's default
#   '(?P<date>\d{4}-\d{2}-\d{2}).*' gives 2024-06-03-eel-grass.md, which has no Date:, its date.
# - a tag's slug is Pelican's slugify of its name: "Tide Gauges" -> tide-gauges.
EXPECTED_URLS = {
    "/",
    "/estuary.html",  # about/ is in PAGE_PATHS: a page
    "/contact.html",  # PAGE_SAVE_AS '{slug}.html': the file is there, whatever PAGE_URL ('{slug}') links
    "/log-book/low-water-mark.html",
    "/log-book/heron-count.html",
    "/log-book/2024-06-03-eel-grass.html",  # the date in the name is its date, the name its slug
    "/field-notes/reed-beds.html",
    "/topics/tide-gauges/",
    "/topics/mudflats/",
    "/section/log-book.html",
    "/section/field-notes.html",
    # DIRECT_TEMPLATES' pages: tags.html, categories.html, authors.html, archives.html; with AUTHOR_SAVE_AS = ''
    # Pelican's authors.html links to pages that do not exist, and masthead's lists the names unlinked.
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
}


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site, build = adopt("pelican-custom-urls", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    origin = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))["origin"]
    assert origin["tag_permalink"] == "/topics/{slug}/" and origin["category_permalink"] == "/section/{slug}.html"
    assert "author_permalink" not in origin and origin["default_category"] == "Log Book" and origin["folder_category"] is False
    assert not (output_folder(site) / "author").exists()
    eel_grass = (output_folder(site) / "log-book/2024-06-03-eel-grass.html").read_text(encoding="utf-8")
    assert '"datePublished":"2024-06-03T00:00:00+02:00"' in eel_grass  # midnight in TIMEZONE
    assert "PAGE_URL '{slug}' differs from where Pelican saves the files (PAGE_SAVE_AS)" in (site / "masthead.toml").read_text(encoding="utf-8")
    assert origin["index_pages"] == {"tags": "/tags.html", "categories": "/categories.html", "authors": "/authors.html", "archives": "/archives.html"}
    assert "low-water-mark.md:7: warning: {author}mara-lindqvist: the site makes no author pages (AUTHOR_SAVE_AS is empty)" in build.output
    authors = (output_folder(site) / "authors.html").read_text(encoding="utf-8")
    listed = re.findall(r"<li>(.*?) <span class=\"count\">(\d+)</span></li>", authors)
    assert listed == [("Jonas Ek", "1"), ("Mara Lindqvist", "3")]  # reed-beds.md's Author:, the others AUTHOR's; no links
    categories = (output_folder(site) / "categories.html").read_text(encoding="utf-8")
    assert '<a href="/section/field-notes.html">Field Notes</a> <span class="count">1</span>' in categories


def test_lists_of_terms_without_pages_name_them_unlinked(tmp_path: Path) -> None:
    site, _ = adopt("pelican-no-term-pages", tmp_path)  # TAG_SAVE_AS = '' with tags in DIRECT_TEMPLATES
    tags = (output_folder(site) / "tags.html").read_text(encoding="utf-8")
    assert re.findall(r"<li>(.*?) <span class=\"count\">(\d+)</span></li>", tags) == [("boats", "1"), ("gates", "1"), ("levels", "1"), ("spring", "2")]
    assert "/tags/" not in tags.split("<main", 1)[1]


def test_term_links_and_lists(tmp_path: Path) -> None:
    site, _ = adopt("pelican-custom-urls", tmp_path)
    public = output_folder(site)
    post = (public / "log-book/low-water-mark.html").read_text(encoding="utf-8")
    assert '<a href="/section/field-notes.html">the field notes</a>' in post  # {category}field-notes
    assert '<a href="/topics/mudflats/">mudflats</a>' in post  # {tag}mudflats
    assert 'href="/topics/tide-gauges/"' in post  # the post's own tags link to their pages
    log_book = (public / "section/log-book.html").read_text(encoding="utf-8")
    assert 'href="/log-book/heron-count.html"' in log_book and "reed-beds" not in log_book
    categories = (public / "categories.html").read_text(encoding="utf-8")
    assert '<a href="/section/field-notes.html">Field Notes</a> <span class="count">1</span>' in categories
    assert '<a href="/section/log-book.html">Log Book</a> <span class="count">3</span>' in categories
    assert '<a href="/topics/tide-gauges/">Tide Gauges</a>' in (public / "tags.html").read_text(encoding="utf-8")
    archives = (public / "archives.html").read_text(encoding="utf-8")
    assert all(f'href="{url}"' in archives for url in EXPECTED_URLS if url.endswith(".html") and url.count("/") == 2 and "section" not in url)
    mudflats = (public / "topics/mudflats/index.html").read_text(encoding="utf-8")
    assert 'href="/field-notes/reed-beds.html"' in mudflats and 'href="/log-book/low-water-mark.html"' in mudflats


def test_a_name_too_long_for_a_file_is_a_warning(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "pelican-quickstart", site)
    post = site / "content/neap-tides.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Category: Tides", "Category: " + "Tides " * 50), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    assert "content/neap-tides.md:4: warning: category: 'Tides Tides" in build.output and "would be at /category/tides-tides-" in build.output
    assert (site / "output/neap-tides-and-the-slipway.html").is_file() and (site / "output/category/storms.html").is_file()
