"""A site in the shape of Pelican's own ``samples/`` builds with `masthead init && masthead build`.

The settings file is ``pelican.conf.py`` (``pelican -s pelican.conf.py``), articles are reStructuredText
with field lists and Markdown with a header, and the links use every form Pelican reads.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# Pelican's defaults (docs/settings.rst): ARTICLE_SAVE_AS '{slug}.html', PAGE_SAVE_AS 'pages/{slug}.html',
# ARTICLE_LANG_SAVE_AS '{slug}-{lang}.html', DRAFT_SAVE_AS 'drafts/{slug}.html', DRAFT_PAGE_SAVE_AS
# 'drafts/pages/{slug}.html'; the slug from the title; FILENAME_METADATA's date from 2012-11-30_….
EXPECTED_URLS = {
    "/",
    "/index2.html",  # DEFAULT_PAGINATION = 4: ten listed articles on three pages
    "/index3.html",
    "/surveying-the-old-tide-gauge.html",
    "/quay-repairs.html",  # :slug:
    "/quay-repairs-fr.html",  # :lang: fr with the same slug: a translation
    "/second-look-at-the-gauge.html",
    "/second-look-at-the-gauge-fr.html",  # :translation: true
    "/lowest-water-of-the-year.html",
    "/a-date-from-the-file-name.html",
    "/article-1-the-crane.html",
    "/article-2-the-steps.html",
    "/article-3-the-ladder.html",
    "/notes-from-the-logbook.html",
    "/slipway/",  # Save_as: slipway/index.html
    "/notes-for-the-harbour-master.html",  # Status: hidden: written, listed nowhere
    "/drafts/a-half-written-note-about-buoys.html",
    "/drafts/a-draft-with-no-date.html",
    "/pages/this-is-a-test-page.html",
    "/pages/this-is-a-hidden-page.html",
    "/drafts/pages/this-is-a-draft-page.html",
    "/override/",  # :save_as: override/index.html
    # tags, categories (the folder cat1/, else DEFAULT_CATEGORY 'misc') and authors (AUTHOR for the others)
    "/tag/gauges.html",
    "/tag/survey.html",
    "/tag/tides.html",
    "/tag/quay.html",
    "/tag/repairs.html",
    "/tag/harbour.html",
    "/category/fieldwork.html",
    "/category/works.html",
    "/category/cat1.html",
    "/category/misc.html",
    "/author/mira-solberg.html",
    "/author/mira-solberg2.html",  # nine articles, four to a page
    "/author/mira-solberg3.html",
    "/author/jonas-berg.html",
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
}


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site, build = adopt("pelican-samples", tmp_path)
    assert "pelican.conf.py" in (site / "masthead.toml").read_text(encoding="utf-8")
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    public = output_folder(site)
    for path in ("robots.txt", "pictures/tide-gauge.png", "pictures/gauge-close-up.png", "images/harbour-map.png", "readings.csv"):
        assert (public / path).is_file(), path  # EXTRA_PATH_METADATA; {static} outside STATIC_PATHS; {attach}
    assert not list(public.rglob("*.rst"))  # every {filename} link found its page: no source published as a file
    for page in public.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'(?:href|src)="[^"]*(?:\{filename\}|\|filename\||\{static\}|\{attach\})', text), page


def test_every_link_form(tmp_path: Path) -> None:
    site, _ = adopt("pelican-samples", tmp_path)
    page = (output_folder(site) / "notes-from-the-logbook.html").read_text(encoding="utf-8")
    for href, text in (
        ("/lowest-water-of-the-year.html", "a root-relative link to the low water post"),
        ("/lowest-water-of-the-year.html", "a file-relative link to the low water post"),
        ("/lowest-water-of-the-year.html#reading-the-staff", "the same post, at its second heading"),
        ("/surveying-the-old-tide-gauge.html?view=print", "the survey, with a query"),
        ("/surveying-the-old-tide-gauge.html", "the survey, the old way"),  # |filename|
        ("/tag/gauges.html", "everything about gauges"),
        ("/category/fieldwork.html", "the fieldwork"),
        ("/author/mira-solberg.html", "Mira's posts"),
        ("/", "the front page"),
        ("/readings.csv", "tide readings"),
    ):
        assert f'<a href="{href}">{text}</a>' in page
    assert '"description":"What the old logbook says about the winter of 1953."' in page  # Summary: on two lines
    assert re.search(r'<img src="/_images/harbour-map-400w-\w+\.png"', page)  # {static}/images/…
    quay = (output_folder(site) / "quay-repairs.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="/_images/tide-gauge-800w-\w+\.png"[^>]*alt="The gauge house seen from the steps"', quay)  # |static|
    assert 'id="reading-the-staff"' in (output_folder(site) / "lowest-water-of-the-year.html").read_text(encoding="utf-8")
    rst = (output_folder(site) / "lowest-water-of-the-year.html").read_text(encoding="utf-8")
    assert 'href="/notes-from-the-logbook.html">a file-relative link to the markdown notes</a>' in rst
    assert "lowest = min(reading.height for reading in readings)" in rst  # .. sourcecode:: with :linenos:
    assert "print(reading.time, reading.height)" in rst  # .. code-block:: with :hl_lines:
    assert '<p class="note">The staff was <strong>cleaned</strong> the week before.</p>' in rst  # .. raw:: html


def test_hidden_drafts_and_translations(tmp_path: Path) -> None:
    site, _ = adopt("pelican-samples", tmp_path)
    public = output_folder(site)
    hidden = (public / "notes-for-the-harbour-master.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in hidden
    listed = [public / name for name in ("index.html", "index2.html", "index3.html", "archives.html", "tag/quay.html", "sitemap.xml")]
    for path in [*listed, public / "feeds/all.atom.xml", public / "pages/this-is-a-test-page.html"]:
        text = path.read_text(encoding="utf-8")
        assert "harbour-master" not in text and "this-is-a-hidden-page" not in text and "drafts/" not in text, path
    quay = (public / "quay-repairs.html").read_text(encoding="utf-8")
    assert 'hreflang="fr" href="https://harbour-log.example/quay-repairs-fr.html"' in quay
    assert "quay-repairs-fr" not in (public / "index3.html").read_text(encoding="utf-8") + (public / "index.html").read_text(encoding="utf-8")
    dated = (public / "a-date-from-the-file-name.html").read_text(encoding="utf-8")
    assert '"datePublished":"2012-11-30T00:00:00+01:00"' in dated  # FILENAME_METADATA's date, midnight in TIMEZONE
    survey = (public / "surveying-the-old-tide-gauge.html").read_text(encoding="utf-8")
    assert '"dateModified":"2013-11-17T23:29:00+01:00"' in survey  # :modified:
    assert "A multi-line summary that runs over two lines, with inline markup in it." in survey  # :summary: on two lines


def test_feeds_at_pelicans_paths(tmp_path: Path) -> None:
    site, _ = adopt("pelican-samples", tmp_path)
    feeds = output_folder(site) / "feeds"
    # FEED_ALL_ATOM, CATEGORY_FEED_ATOM, AUTHOR_FEED_ATOM/RSS and TRANSLATION_FEED_ATOM at their defaults;
    # FEED_ALL_RSS and CATEGORY_FEED_RSS as pelican.conf.py sets them
    names = {path.name for path in feeds.glob("*.xml")}
    assert {"all.atom.xml", "all.rss.xml", "all-en.atom.xml", "all-fr.atom.xml", "works.rss.xml", "mira-solberg.atom.xml"} <= names
    french = feedparser.parse((feeds / "all-fr.atom.xml").read_bytes())
    links = {entry.link for entry in french.entries}
    assert links == {"https://harbour-log.example/quay-repairs-fr.html", "https://harbour-log.example/second-look-at-the-gauge-fr.html"}
    english = feedparser.parse((feeds / "all-en.atom.xml").read_bytes())
    assert len(english.entries) == 10 and not any("-fr.html" in entry.link or "harbour-master" in entry.link for entry in english.entries)
