"""End to end: the bundled example site builds completely and the seed post is right."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from conftest import EXAMPLE, SEED, SEED_SHA256
from lxml import html as lxml_html

SEED_PAGE = "blog/russia-north-korea-ties/index.html"


def json_ld(document: lxml_html.HtmlElement) -> Any:
    (script,) = document.xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


def test_the_seed_fixture_is_the_seed() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_example_contains_the_seed_byte_for_byte() -> None:
    assert (EXAMPLE / "content" / "blog" / "russia-north-korea-ties.md").read_bytes() == SEED.read_bytes()


def test_every_output_file_is_written(example_public: Path) -> None:
    for name in (
        "index.html",
        "404.html",
        "feed.xml",
        "atom.xml",
        "feed.json",
        "sitemap.xml",
        "news-sitemap.xml",
        "robots.txt",
        "archive/index.html",
        "archive/2024/index.html",
        "archive/2024/12/index.html",
        "tags/index.html",
        "about/index.html",
        "page/2/index.html",
        "assets/masthead.css",
        "img/international-flag-blurring.jpg",
        SEED_PAGE,
    ):
        assert (example_public / name).is_file(), name


def test_seed_post_head(example_public: Path) -> None:
    page = lxml_html.fromstring((example_public / SEED_PAGE).read_bytes())
    assert page.findtext(".//title") == "Russian foreign minister praises ties with North Korea · The Briefing Room"
    description = page.xpath('//meta[@name="description"]/@content')[0]
    assert description.startswith("Russian Foreign Minister Sergey Lavrov thanked North Korea for its “unwavering”")
    assert page.xpath('//link[@rel="canonical"]/@href') == ["https://briefing.example.org/blog/russia-north-korea-ties/"]
    og = {m.get("property"): m.get("content") for m in page.xpath("//meta[@property]")}
    assert og["og:type"] == "article"
    assert re.fullmatch(r"https://briefing\.example\.org/_images/international-flag-blurring-social-\w+\.jpg", og["og:image"])
    assert og["og:image:width"] == "1200" and og["og:image:height"] == "630"  # the social crop
    assert og["article:published_time"] == "2024-12-23T20:53:09.844Z"
    assert page.xpath('//meta[@name="twitter:card"]/@content') == ["summary_large_image"]
    assert not page.xpath('//meta[@name="robots"]')


def test_seed_post_json_ld(example_public: Path) -> None:
    data = json_ld(lxml_html.fromstring((example_public / SEED_PAGE).read_bytes()))
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Russian foreign minister praises ties with North Korea"
    assert data["datePublished"] == "2024-12-23T20:53:09.844Z"
    assert data["dateModified"] == "2024-12-23T20:53:09.844Z"
    assert "/_images/international-flag-blurring-social-" in data["image"][0]["url"]
    assert data["image"][0]["width"] == 1200
    assert data["publisher"]["name"] == "The Briefing Room"
    assert data["publisher"]["logo"]["url"] == "https://briefing.example.org/img/logo.png"
    assert data["author"][0]["name"] == "The Briefing Room"
    assert data["mainEntityOfPage"]["@id"] == "https://briefing.example.org/blog/russia-north-korea-ties/"
    assert [c["name"] for c in data["citation"]] == ["NBC News", "The Washington Times", "Associated Press"]  # normalised


def test_seed_post_sources_and_body(example_public: Path) -> None:
    page = lxml_html.fromstring((example_public / SEED_PAGE).read_bytes())
    (sources,) = page.xpath('//section[@class="sources"]')
    assert sources.findtext("h2") == "Sources"
    assert [a.text for a in sources.xpath(".//li/a")] == ["NBC", "Washington Times", "AP"]
    assert sources.xpath(".//li/a/@href")[2] == "https://email.cpg-online.de/t/d-l-vdhduiy-l-ntl/"
    citations = page.xpath('//span[@class="citation"]/a/text()')
    assert citations == ["NBC", "Washington Times", "AP"]
    read_more = page.xpath('//p[@class="read-more"]/a/@href')
    assert read_more == ["https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED"]
    body = page.xpath('//div[@class="post__body"]')[0].text_content()
    assert "“qualitatively new strategic level.”" in body  # curly quotes kept exactly
    image = page.xpath('//figure[@class="post__image"]//img')[0]
    assert (image.get("width"), image.get("height")) == ("1600", "900")


def test_drafts_and_scheduled_posts_are_left_out(example_public: Path) -> None:
    everything = "".join(p.read_text(encoding="utf-8") for p in example_public.rglob("*") if p.suffix in (".html", ".xml", ".json"))
    for slug in ("japan-china-seafood-dispute", "g20-rio-summit-notes", "asean-kuala-lumpur-summit-preview", "spring-2031-briefing-schedule"):
        assert not (example_public / "blog" / slug).exists()
        assert slug not in everything


def test_alias_shaped_posts_are_read(example_public: Path) -> None:
    for slug in ("gatsby-style-post", "hugo-style-post"):
        page = lxml_html.fromstring((example_public / "blog" / slug / "index.html").read_bytes())
        assert page.xpath('//meta[@name="description"]/@content')[0]
        assert page.xpath('//meta[@property="og:image"]/@content')[0].startswith("https://briefing.example.org/_images/")


def test_home_is_paginated_with_cards(example_public: Path) -> None:
    home = lxml_html.fromstring((example_public / "index.html").read_bytes())
    cards = home.xpath('//li[@class="card"]')
    assert len(cards) == 10
    images = home.xpath('//img[@class="card__image"]')
    assert images[0].get("loading") is None and images[-1].get("loading") == "lazy"
    assert all(img.get("width") and img.get("height") for img in images)
    assert home.xpath('//a[@rel="next"]/@href') == ["/page/2/"]
    last = max(int(p.name) for p in (example_public / "page").iterdir())
    assert len(lxml_html.fromstring((example_public / "page" / str(last) / "index.html").read_bytes()).xpath('//li[@class="card"]')) <= 10


def test_pages_use_no_external_resources(example_public: Path) -> None:
    """The theme's pages; /admin/ is the Decap CMS editor, loaded from its CDN unless --self-host."""
    for path in example_public.rglob("*.html"):
        if path.relative_to(example_public).parts[0] == "admin":
            continue
        document = lxml_html.fromstring(path.read_bytes())
        for url in document.xpath("//script/@src | //link[@rel='stylesheet']/@href | //img/@src"):
            assert url.startswith("/"), (path, url)


def test_table_strikethrough_and_heading_ids(example_public: Path) -> None:
    timeline = (example_public / "blog/south-korea-martial-law-timeline/index.html").read_text(encoding="utf-8")
    assert "<table>" in timeline
    tariffs = (example_public / "blog/us-tariffs-trade-partners/index.html").read_text(encoding="utf-8")
    assert "<del>" in tariffs
    election = (example_public / "blog/south-korea-snap-presidential-election/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="what-it-means-for-foreign-policy">', election)
