"""A Pelican site shaped by its settings (ARTICLE_PATHS, PATH_METADATA, FILENAME_METADATA, SLUGIFY_SOURCE,
PAGINATION_PATTERNS, INDEX_SAVE_AS…) builds with `masthead init && masthead build`, URLs as Pelican makes them."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
from origin_sites import SITES, adopt_folder, broken_references, literal_syntax, output_folder, page_urls

# From docs/settings.rst, for this pelicanconf.py: ARTICLE_SAVE_AS '{slug}.html', the slug FILENAME_METADATA's
# (?P<slug>…), else the file's name (SLUGIFY_SOURCE = 'basename') slugified with SLUG_REGEX_SUBSTITUTIONS
# ('_' -> '-'); PAGE_PATHS pages and legal at 'pages/{slug}.html'; posts/unfinished/ excluded.
EXPECTED_URLS = {
    "/",
    "/rigging-the-dinghy.html",
    "/centreboard.html",
    "/oars.html",
    "/winter-cover.html",  # Winter_Cover.md
    "/varnish.html",  # notes/: ARTICLE_PATHS = ['posts', 'notes']
    "/knots.html",  # DEFAULT_DATE = 'fs'
    "/pages/about-the-shed.html",
    "/pages/privacy.html",  # legal/Privacy.md
    # INDEX_SAVE_AS = 'blog/index.html', its later pages at PAGINATION_PATTERNS' {base_name}/page/{number}/:
    # six articles, DEFAULT_PAGINATION = 2 (masthead's own list is at /, these lead there)
    "/blog/",
    "/blog/page/2/",
    "/blog/page/3/",
    "/blog/archives.html",  # ARCHIVES_SAVE_AS
    "/blog/2022/",  # YEAR_ARCHIVE_SAVE_AS = 'blog/{date:%Y}/index.html'
    "/blog/2023/",
    "/blog/2024/",
    "/tags.html",  # DIRECT_TEMPLATES = ['index', 'archives', 'tags']: no categories.html, authors.html
    "/tag/dinghy.html",
    "/tag/oars.html",
    "/tag/rigging.html",
    "/tag/varnish.html",
    # PATH_METADATA's category for posts/boats/; USE_FOLDER_AS_CATEGORY = False: DEFAULT_CATEGORY 'shed' else
    "/category/boats.html",
    "/category/shed.html",
    "/category/shed/page/2/",  # three articles, two to a page
    "/category/workshop.html",  # Category: workshop
    # AUTHOR_SAVE_AS = '': no author pages
}


def _adopted(tmp_path: Path) -> Path:
    site = tmp_path / "pelican-settings"
    shutil.copytree(SITES / "pelican-settings", site)
    moment = datetime(2024, 3, 9, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm")).timestamp()  # DEFAULT_DATE = 'fs': the file's time
    os.utime(site / "content/notes/Knots.md", (moment, moment))
    return adopt_folder(site)[0]


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site = _adopted(tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    public = output_folder(site)
    assert (public / "robots.txt").read_text(encoding="utf-8").startswith("User-agent: *\nAllow: /")  # EXTRA_PATH_METADATA
    assert (public / "favicon.ico").read_bytes() == (site / "content/extra/favicon.ico").read_bytes()
    assert not (public / "sail-repair.html").exists()  # ARTICLE_EXCLUDES = ['posts/unfinished']
    assert 'base_url = "https://boatshed.example"' in (site / "masthead.toml").read_text(encoding="utf-8")  # publishconf.py's SITEURL


def test_categories_dates_and_feeds(tmp_path: Path) -> None:
    site = _adopted(tmp_path)
    public = output_folder(site)
    boats = (public / "category/boats.html").read_text(encoding="utf-8")
    assert 'href="/rigging-the-dinghy.html"' in boats and 'href="/centreboard.html"' in boats and "oars" not in boats
    rigging = (public / "rigging-the-dinghy.html").read_text(encoding="utf-8")
    assert '"datePublished":"2023-04-02T00:00:00+02:00"' in rigging  # FILENAME_METADATA's date, midnight in TIMEZONE
    assert 'href="/varnish.html">the varnish notes</a>' in rigging
    knots = (public / "knots.html").read_text(encoding="utf-8")
    assert '"datePublished":"2024-03-09T12:00:00+01:00"' in knots
    # publishconf.py (from pelicanconf import *) turns FEED_ALL_ATOM and CATEGORY_FEED_ATOM back on
    assert sorted(path.name for path in (public / "feeds").glob("*.xml")) == ["all.atom.xml", "boats.atom.xml", "shed.atom.xml", "workshop.atom.xml"]
    shed = feedparser.parse((public / "feeds/shed.atom.xml").read_bytes())
    assert {entry.link for entry in shed.entries} == {f"https://boatshed.example/{slug}.html" for slug in ("oars", "winter-cover", "knots")}


def test_default_date_fs_is_the_last_commit_in_a_git_checkout(tmp_path: Path) -> None:
    site = tmp_path / "pelican-settings"
    shutil.copytree(SITES / "pelican-settings", site)
    when = "2024-08-17T09:30:00+02:00"
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull}
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=Tove", "-c", "user.email=tove@boatshed.example", "commit", "-qm", "site"]):
        subprocess.run(["git", *command], cwd=site, env=environment, check=True)
    os.utime(site / "content/notes/Knots.md")  # touched after the commit, as a checkout touches every file: not its date
    adopt_folder(site)
    knots = (output_folder(site) / "knots.html").read_text(encoding="utf-8")
    assert '"datePublished":"2024-08-17T09:30:00+02:00"' in knots
