"""A `pelican-quickstart` site builds with `masthead init && masthead build`, URLs as Pelican's defaults make them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

# Pelican's defaults (docs "Settings"): ARTICLE_URL = '{slug}.html', PAGE_URL = 'pages/{slug}.html', the
# slug made from the title unless Slug: says; Status: draft is written, in no list, at DRAFT_SAVE_AS
# ('drafts/{slug}.html'); OUTPUT_PATH = 'output'.
EXPECTED_URLS = {
    "/",
    "/neap-tides-and-the-slipway.html",
    "/winter-storms-on-the-coast.html",
    "/equinox-high-water.html",  # :slug: in the reStructuredText post
    "/pages/about.html",
    "/drafts/half-written-note.html",
    # TAG_SAVE_AS, CATEGORY_SAVE_AS, AUTHOR_SAVE_AS default to 'tag/{slug}.html', 'category/{slug}.html',
    # 'author/{slug}.html'; storms/winter-storms.md names no category: USE_FOLDER_AS_CATEGORY makes it "storms";
    # it names no author either: AUTHOR is its author.
    "/tag/tides.html",
    "/tag/slipway.html",
    "/tag/storms.html",
    "/tag/equinox.html",
    "/category/tides.html",
    "/category/storms.html",
    "/author/ines-okafor.html",
    "/author/tom-brandt.html",
    # DIRECT_TEMPLATES' pages at their SAVE_AS defaults: every tag, category, author, article.
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
}


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site, _ = adopt("pelican-quickstart", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert (output_folder(site) / "images/pier.png").is_file()  # STATIC_PATHS = ['images']
    assert literal_syntax(site) == []
    assert broken_references(site) == []


def test_tag_category_and_author_pages(tmp_path: Path) -> None:
    site, _ = adopt("pelican-quickstart", tmp_path)
    public = output_folder(site)
    post = (public / "neap-tides-and-the-slipway.html").read_text(encoding="utf-8")
    assert 'href="/tag/tides.html"' in post and 'href="/tag/slipway.html"' in post and "/tags/tides/" not in post
    storms = (public / "category/storms.html").read_text(encoding="utf-8")
    assert 'href="/winter-storms-on-the-coast.html"' in storms and "neap-tides" not in storms
    ines = (public / "author/ines-okafor.html").read_text(encoding="utf-8")
    for url in ("/neap-tides-and-the-slipway.html", "/winter-storms-on-the-coast.html", "/equinox-high-water.html"):
        assert f'href="{url}"' in ines  # Authors: lists her; AUTHOR is the byline of a post without one
    assert "/equinox-high-water.html" not in (public / "author/tom-brandt.html").read_text(encoding="utf-8")
    # publishconf.py (what `make publish` builds) sets FEED_ALL_ATOM = 'feeds/all.atom.xml' and
    # CATEGORY_FEED_ATOM = 'feeds/{slug}.atom.xml'; pelicanconf.py's AUTHOR_FEED_* = None write none.
    assert sorted(path.name for path in (public / "feeds").glob("*.xml")) == ["all.atom.xml", "storms.atom.xml", "tides.atom.xml"]
    storms = feedparser.parse((public / "feeds/storms.atom.xml").read_bytes())
    assert [entry.link for entry in storms.entries] == ["https://tide-notes.example/winter-storms-on-the-coast.html"]
    assert storms.feed.link == "https://tide-notes.example/category/storms.html"
    assert next(link.href for link in storms.feed.links if link.rel == "self") == "https://tide-notes.example/feeds/storms.atom.xml"
    assert len(feedparser.parse((public / "feeds/all.atom.xml").read_bytes()).entries) == 3
    tag_feed = json.loads((public / "tag/tides/feed.json").read_text(encoding="utf-8"))  # a list at a file: its feeds beside it
    assert tag_feed["home_page_url"].endswith("/tag/tides.html")
    assert {item["title"] for item in tag_feed["items"]} == {"Neap tides and the slipway", "High water at the equinox"}


def test_metadata_header_fields(tmp_path: Path) -> None:
    site, _ = adopt("pelican-quickstart", tmp_path)
    public = output_folder(site)
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    by_title = {item["title"]: item for item in feed["items"]}
    assert set(by_title) == {"Neap tides and the slipway", "Winter storms on the coast", "High water at the equinox"}  # no draft
    neap = by_title["Neap tides and the slipway"]
    assert neap["summary"] == "At neap tide the slipway stays usable all day."
    assert neap["date_published"] == "2024-01-20T10:20:00+01:00"  # TIMEZONE = 'Europe/Paris'
    assert set(neap["tags"]) == {"Tides", "Slipway"}  # display names: written as slugs, humanised
    page = (public / "neap-tides-and-the-slipway.html").read_text(encoding="utf-8")
    data = json_ld(page)
    assert [author["name"] for author in data["author"]] == ["Ines Okafor", "Tom Brandt"]
    assert re.search(r'<img src="/_images/pier-700w-\w+\.png"', page)  # {static}/images/pier.png
    assert '<a href="/pages/about.html">about these notes</a>' in page  # {filename}/pages/about.md


def test_restructuredtext_post(tmp_path: Path) -> None:
    site, build = adopt("pelican-quickstart", tmp_path)
    page = (output_folder(site) / "equinox-high-water.html").read_text(encoding="utf-8")
    assert '<h1 class="post__title">High water at the equinox</h1>' in page
    assert "The equinox brings the <em>highest</em> tides of the year." in page
    assert 'href="/neap-tides-and-the-slipway.html">neap tides</a>' in page
    assert "alert(" not in page  # raw HTML is kept as Pelican keeps it, made safe: the script is gone
    assert '"raw" directive disabled' not in build.output
