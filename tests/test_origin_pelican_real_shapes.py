"""Pelican sites in the shapes real blogs have: a write-up blog with year folders and ``DEFAULT_DATE =
'fs'``, and a WordPress import whose content folder also holds comments, exports, swap files and
scripts. Each builds with `masthead init && masthead build` and keeps the URLs Pelican gives it."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner
from origin_sites import SITES, adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.cli import main


def _adopt_with_times(name: str, tmp_path: Path, times: dict[str, datetime]) -> Path:
    """The fixture copied, its files given the modification times ``times`` (git keeps none), built."""
    site = tmp_path / name
    shutil.copytree(SITES / name, site)
    for relative, moment in times.items():
        os.utime(site / relative, (moment.timestamp(), moment.timestamp()))
    runner = CliRunner()
    init = runner.invoke(main, ["init", str(site)])
    assert init.exit_code == 0, init.output
    build = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    assert "warning" not in build.output, build.output
    return site


# ARTICLE_SAVE_AS '{slug}.html', PAGE_SAVE_AS 'pages/{slug}.html', TAG_SAVE_AS 'tag/{slug}.html',
# CATEGORY_SAVE_AS 'category/{slug}.html' (Pelican's defaults); AUTHOR_SAVE_AS = '': no author pages;
# DIRECT_TEMPLATES index, categories and archives: no tags.html.
YEAR_FOLDER_URLS = {
    "/",
    "/lantern_maze_200.html",
    "/clock_tower_150.html",
    "/pages/about.html",
    "/tag/maze.html",
    "/tag/off-by-one.html",
    "/tag/prng.html",
    "/tag/clock-tower.html",
    "/category/pwn.html",
    "/category/crypto.html",
    "/categories.html",
    "/archives.html",
}


def test_empty_date_takes_the_files_time_and_filename_links_reach_static_files(tmp_path: Path) -> None:
    taipei = ZoneInfo("Asia/Taipei")
    site = _adopt_with_times("pelican-year-folders", tmp_path, {"content/2014/lantern-maze.md": datetime(2014, 9, 7, 20, 15, tzinfo=taipei)})
    assert page_urls(site) == YEAR_FOLDER_URLS
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    # STATIC_PATHS = ["images", "exp"]: the scripts are published, and {filename}/exp/solve.py links to the file
    assert (public / "exp/solve.py").read_text(encoding="utf-8").startswith("import socket")
    maze = (public / "lantern_maze_200.html").read_text(encoding="utf-8")
    assert 'href="/exp/solve.py"' in maze and "{filename}" not in maze
    # `date:` with nothing after it and DEFAULT_DATE = 'fs': the file's time, in TIMEZONE
    assert 'datetime="2014-09-07T20:15:00+08:00"' in maze
    assert "<img" in (public / "pages/about.html").read_text(encoding="utf-8")
    feed = (public / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert feed.index("clock_tower_150") < feed.index("lantern_maze_200")  # newest first: 2019, then the file's 2014


def test_an_empty_date_without_default_date_is_still_an_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "pelican-year-folders", site)
    settings = site / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace("DEFAULT_DATE = 'fs'\n", ""), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site)])
    assert build.exit_code == 1
    assert "content/2014/lantern-maze.md:2: date: empty; expected the publication time" in build.output


# DEFAULT_METADATA = {'status': 'draft'}: only the files that say Status: published are published;
# EXTRA_PATH_METADATA moves extra/favicon.ico to /favicon.ico; publishconf.py's CATEGORY_FEED_ATOM
# 'feeds/%s.atom.xml' is Pelican 3's spelling of 'feeds/{slug}.atom.xml'.
WORDPRESS_URLS = {
    "/",
    "/tidal-constants.html",
    "/setting-up-a-tide-gauge.html",
    "/pages/about.html",
    "/tag/tides.html",
    "/tag/harmonics.html",
    "/tag/python.html",
    "/tag/logger.html",
    "/tag/raspberry-pi.html",
    "/category/maths.html",
    "/category/programming.html",
    "/author/harbourlog.html",
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
    # drafts, written by Pelican at DRAFT_SAVE_AS ('drafts/{slug}.html'): noindex, in no list or feed
    "/drafts/217.html",
    "/drafts/chart-widgets.html",  # `Slug:` empty: the slug from the title
}


def test_a_wordpress_import_with_odd_files_in_its_content_folder(tmp_path: Path) -> None:
    site, build = adopt("pelican-wordpress-import", tmp_path)
    assert "warning" not in build.output, build.output
    assert page_urls(site) == WORDPRESS_URLS  # 217.md says draft; chart-widgets.md says nothing: a draft too
    draft = (output_folder(site) / "drafts/217.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in draft and "equilibrium tide" in draft
    for listing in ("index.html", "archives.html", "sitemap.xml", "feeds/all.atom.xml", "tag/tides.html"):
        assert "217" not in (output_folder(site) / listing).read_text(encoding="utf-8"), listing
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    assert (public / "favicon.ico").read_bytes() == (site / "content/extra/favicon.ico").read_bytes()
    assert not (public / "extra/favicon.ico").exists()
    assert sorted(path.name for path in (public / "feeds").glob("*.xml")) == ["all.atom.xml", "maths.atom.xml", "programming.atom.xml"]
    assert "tidal-constants" in (public / "feeds/maths.atom.xml").read_text(encoding="utf-8")
    gauge = (public / "setting-up-a-tide-gauge.html").read_text(encoding="utf-8")
    assert 'src="/images/01_logger_board.png?w=276"' in gauge  # WordPress's ?w= sizes kept: the file is there
    # swap files stay out; the comments, the export and the attachment are files, never pages
    assert not list(public.rglob("*.swp"))
    assert not (public / "comments/entry1602939335099.html").exists()


# FILENAME_METADATA '(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.*)': the slug after the date (unless :slug:
# says); ARTICLE_SAVE_AS and PAGE_SAVE_AS '{slug}.html'; CATEGORY_SAVE_AS '': no category pages;
# TAG_SAVE_AS 'tags.html' (every tag on one file, as the tags list). ARTICLE_EXCLUDES 'draft': not read.
# DIRECT_TEMPLATES names categories: categories.html lists them, unlinked, as there are no pages to link.
RST_URLS = {"/", "/inset-map.html", "/first-note.html", "/two-pythons.html", "/grid-notes.html", "/highlight-features.html", "/about.html", "/tags.html"}
RST_URLS |= {"/archives.html", "/categories.html"}


def test_restructuredtext_in_category_folders_with_excluded_drafts(tmp_path: Path) -> None:
    site, build = adopt("pelican-rst-folders", tmp_path)
    assert "warning" not in build.output, build.output
    assert {url for url in page_urls(site) if not url.startswith("/tags/")} == RST_URLS
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    assert not (public / "unfinished.html").exists() and "没写完" not in (public / "archives.html").read_text(encoding="utf-8")
    inset = (public / "inset-map.html").read_text(encoding="utf-8")
    assert '<nav class="contents"' in inset and "<figure" in inset and ".. figure" not in inset and "code-block" not in inset
    note = (public / "first-note.html").read_text(encoding="utf-8")
    assert 'href="/about.html"' in note and 'href="/pdfs/handout.pdf"' in note  # {filename} to a page and to a file
    assert "<code>.mkd</code>" in (public / "grid-notes.html").read_text(encoding="utf-8")  # .mkd is Markdown to Pelican
    assert (public / "CNAME").read_text(encoding="utf-8") == "maps.example\n"
    # pelican_youtube's and pelican_vimeo's directives, a gist: links; Pelican's :linenos: on sourcecode: the code kept
    features = (public / "highlight-features.html").read_text(encoding="utf-8")
    assert 'href="https://www.youtube-nocookie.com/embed/Qm3sLr8tY0A"' in features and 'href="https://vimeo.com/76979871"' in features
    assert 'href="https://gist.github.com/5d1e2c9a"' in features
    assert "layer = open_layer(" in features and "layer.highlight(selected)" in features
    # .. raw:: html, as Pelican keeps it, made safe: the markup stays, the frame is a link, the script is gone
    assert '<div class="map-note">在地图上点选</div>' in features and 'href="https://maps.example.org/embed/42"' in features
    assert "<iframe" not in features and "track()" not in features


def test_liquid_tags_that_read_files_and_the_toc_marker(tmp_path: Path) -> None:
    site, build = adopt("pelican-liquid-tags", tmp_path)
    assert "warning" not in build.output, build.output
    assert page_urls(site) >= {"/mirror-workshop.html", "/reducing-frames.html", "/pages/about.html", "/category/imaging.html", "/author/tom-okoro.html"}
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    frames = (public / "reducing-frames.html").read_text(encoding="utf-8")
    # include_code: CODE_DIR's file, lines 1-2 only, under its title, name and a link to the file
    assert "<strong>Stacking darks stack_darks.py</strong>" in frames and 'href="/Downloads/code/stack_darks.py"' in frames
    assert "stack = np.median" in frames and "unused line" not in frames
    # notebook: NOTEBOOK_DIR's notebook, cells[1:3]: a Markdown cell, a code cell and its output
    assert "Read the <strong>darks</strong>:" in frames and "frames = load(" in frames and "12 frames" in frames
    assert "Setup (not shown)" not in frames and "left_out" not in frames
    assert "<code>{% img /Figures/x.png %}</code>" in frames  # literal: the tag as code
    # render_math in PLUGINS: $D = \mathrm{median}(d_i)$ as MathML, no TeX left as text
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">' in frames and "mathrm" not in frames
    workshop = (public / "mirror-workshop.html").read_text(encoding="utf-8")
    assert '<a href="https://media.example.org/talks/grinding.mp4">Video: grinding.mp4</a>' in workshop  # a link, nothing loaded
    assert "[TOC]" not in workshop
    assert '<nav class="toc" aria-label="Contents"><ul><li class="toc__level-2"><a href="#contents">Contents</a></li>' in workshop
    assert '<a href="#testing-the-curve">Testing the curve</a>' in workshop
    assert not (public / "Javascript/widget.html").exists() and (public / "Javascript/widget.js").is_file()
    # ARTICLE_EXCLUDES and PAGE_EXCLUDES keep Javascript/ from the readers: its HTML demo is a file, the frame's target
    assert (public / "Javascript/sky-demo.html").read_bytes() == (site / "content/Javascript/sky-demo.html").read_bytes()
    assert 'href="/Javascript/sky-demo.html"' in workshop
    assert 'href="/reducing-frames.html"' in workshop  # |filename| relative to the post's folder


def test_a_missing_code_file_is_a_warning_with_its_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "pelican-liquid-tags", site)
    (site / "content/Downloads/code/stack_darks.py").unlink()
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site)])
    assert build.exit_code == 0, build.output
    assert (
        "content/reducing-frames.md:14: warning: Liquid tag \"include_code\": 'Downloads/code/stack_darks.py' is not a file of the site; it was removed"
        in build.output
    )


# ARTICLE_SAVE_AS 'post/{date:%Y}/{slug}.html', the slug from the title; the year folder is the category
# (USE_FOLDER_AS_CATEGORY); DIRECT_TEMPLATES index and archives only; YEAR_ARCHIVE_SAVE_AS and
# MONTH_ARCHIVE_SAVE_AS 'archives/{date:%Y}/{date:%m}/index.html': pages there lead to masthead's archive.
BLOGGER_URLS = {
    "/",
    "/post/2009/writing-a-small-chess-engine-part-one.html",
    "/post/2009/writing-a-small-chess-engine-part-two.html",
    "/post/2011/a-quiet-spring.html",
    "/category/2009.html",
    "/category/2011.html",
    "/tag/personal.html",
    "/author/noor-quill-haddad.html",
    "/archives.html",
    "/archives/2009/",
    "/archives/2009/11/",
    "/archives/2009/12/",
    "/archives/2011/",
    "/archives/2011/04/",
}


def test_a_blogger_import_with_period_archives_and_a_protocol_relative_siteurl(tmp_path: Path) -> None:
    site, build = adopt("pelican-blogger-import", tmp_path)
    assert "warning" not in build.output, build.output
    assert page_urls(site) == BLOGGER_URLS
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    month = (public / "archives/2009/11/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=https://ink.example.net/archive/2009/11/">' in month
    assert (public / "archive/2009/11/index.html").is_file()
    assert 'base_url = "https://ink.example.net"' in (site / "masthead.toml").read_text(encoding="utf-8")  # SITEURL '//ink.example.net'
    one = (public / "post/2009/writing-a-small-chess-engine-part-one.html").read_text(encoding="utf-8")
    assert 'href="/post/2009/writing-a-small-chess-engine-part-two.html"' in one  # |filename| beside the post
    feed = (public / "feeds/atom.xml").read_text(encoding="utf-8")
    assert "https://ink.example.net/post/2011/a-quiet-spring.html" in feed and (public / "feeds/rss.xml").is_file()


def test_a_home_page_saved_as_index_html_and_lists_split_on_semicolons(tmp_path: Path) -> None:
    site, build = adopt("pelican-home-page", tmp_path)
    # Template: home on the home page, Pelican's own page template, an empty URL: nothing to warn about
    assert "warning" not in build.output, build.output
    urls = page_urls(site)
    assert {"/", "/blog/dressing-the-warp/", "/commissions.html", "/author/mara-lind.html", "/author/jonas-berg-jr.html"} <= urls
    assert {"/welcome-to-the-loom/", "/author/mara-lind-jonas-berg-jr.html"}.isdisjoint(urls)
    assert "/price-list/" in urls  # Status: hidden: Pelican writes the page at PAGE_SAVE_AS and lists it nowhere
    assert "/price-list/" not in (output_folder(site) / "commissions.html").read_text(encoding="utf-8")  # not in the menu
    assert {"/tag/warp.html", "/tag/tools.html"} <= urls  # Tags: warp; tools
    assert broken_references(site) == [] and literal_syntax(site) == []
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    assert "Hand-woven scarves, and notes on how they are made." in home  # save_as: index.html is the home page
    assert "Dressing the warp" in home  # the posts listed under it, as INDEX_SAVE_AS moved Pelican's list away
    moved = (output_folder(site) / "blog/index.html").read_text(encoding="utf-8")  # INDEX_SAVE_AS = 'blog/index.html'
    assert '<meta http-equiv="refresh" content="0; url=https://mara-weaves.example/">' in moved


def test_dates_as_pelican_reads_them_and_a_readme_beside_the_articles(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "pelican-year-folders", site)
    posts = site / "content/2019"
    # the shapes of real headers: Pelican reads its dates with dateutil
    (posts / "short-date.md").write_text("title: Short Date\ndate: 2013-3-19 19:22\ncategory: misc\n\nx\n", encoding="utf-8")
    (posts / "slashed.md").write_text("title: Slashed\ndate: 2013/10/21 18:00:00\ncategory: misc\n\nx\n", encoding="utf-8")
    (posts / "day-first.md").write_text("title: Day First\ndate: 21/02/2015\ncategory: misc\n\nx\n", encoding="utf-8")
    (site / "content/README.md").write_text("# Notes\n\nHow this blog is built.\n", encoding="utf-8")
    (posts / "untitled.md").write_text("date: 2019-12-01\ncategory: misc\n\nA stub never finished.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site)])
    assert build.exit_code == 0, build.output
    assert "content/README.md:1: warning: front matter: no Pelican header (Title: and Date: lines) on its first line; Pelican skips" in build.output
    public = output_folder(site)
    shown = {name: (public / f"{name}.html").read_text(encoding="utf-8") for name in ("short-date", "slashed", "day-first")}
    assert 'datetime="2013-03-19T19:22:00+08:00"' in shown["short-date"]
    assert 'datetime="2013-10-21T18:00:00+08:00"' in shown["slashed"]
    assert 'datetime="2015-02-21T00:00:00+08:00"' in shown["day-first"]
    assert not (public / "readme.html").exists() and not (public / "README.html").exists()
    assert "content/2019/untitled.md:1: warning: title: missing; Pelican skips a file without Title:" in build.output
    assert not (public / "untitled.html").exists()


def test_a_date_nobody_can_read_is_still_an_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "pelican-year-folders", site)
    (site / "content/2019/bad.md").write_text("title: Bad\ndate: next tuesday-ish\n\nx\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site)])
    assert build.exit_code == 1
    assert "content/2019/bad.md:2: date: 'next tuesday-ish' is not a date" in build.output
