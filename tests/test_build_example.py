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


def test_example_contains_the_seed_with_only_its_image_described() -> None:
    """The example's seed is the brief's, byte for byte, but for its image's line, which gains alt text,
    a caption and a credit (a flow mapping on the same line, so every line number stays the same)."""
    example = (EXAMPLE / "content" / "blog" / "russia-north-korea-ties.md").read_text(encoding="utf-8").splitlines(keepends=True)
    seed = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(mine, theirs) for mine, theirs in zip(example, seed, strict=True) if mine != theirs]
    assert changed == [
        (
            '  {src: /img/international-flag-blurring.jpg, alt: "Blurred vertical bands of national flag colours: blue, white, red, '
            'green and gold", caption: "Alliances shift as governments choose sides.", credit: "Illustration: The Briefing Room"}\n',
            "  src: /img/international-flag-blurring.jpg\n",
        )
    ]


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
    assert page.xpath('//meta[@name="robots"]/@content') == ["max-image-preview:large"]
    assert og["og:locale"] == "en_US"
    assert og["og:image:alt"].startswith("Blurred vertical bands of national flag colours")
    assert page.xpath('//meta[@name="twitter:image:alt"]/@content') == [og["og:image:alt"]]


def test_seed_post_json_ld(example_public: Path) -> None:
    data = json_ld(lxml_html.fromstring((example_public / SEED_PAGE).read_bytes()))
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Russian foreign minister praises ties with North Korea"
    assert data["datePublished"] == "2024-12-23T20:53:09.844Z"
    assert data["dateModified"] == "2024-12-23T20:53:09.844Z"
    assert "/_images/international-flag-blurring-social-" in data["image"][0]  # the 1200×630 crop first, then the original
    assert data["image"][1] == "https://briefing.example.org/img/international-flag-blurring.jpg"
    assert data["publisher"]["name"] == "The Briefing Room"
    assert data["publisher"]["logo"]["url"] == "https://briefing.example.org/img/logo.png"
    assert data["author"]["name"] == "The Briefing Room"
    assert "keywords" not in data  # the seed has no tags
    assert data["mainEntityOfPage"]["@id"] == "https://briefing.example.org/blog/russia-north-korea-ties/"
    assert [c["name"] for c in data["citation"]] == ["NBC News", "The Washington Times", "Associated Press"]  # normalised


def test_seed_post_sources_and_body(example_public: Path) -> None:
    page = lxml_html.fromstring((example_public / SEED_PAGE).read_bytes())
    (sources,) = page.xpath('//section[@class="post-sources"]')
    assert sources.findtext("h2") == "Sources"
    assert [a.text for a in sources.xpath(".//li/a")] == ["NBC News", "The Washington Times", "Associated Press"]  # as on /sources/
    assert sources.xpath(".//li/a/@href")[2] == "https://email.cpg-online.de/t/d-l-vdhduiy-l-ntl/"
    citations = page.xpath('//span[@class="citation"]/a/text()')
    assert citations == ["NBC", "Washington Times", "AP"]  # as written in the text
    original = "https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED"
    assert page.xpath(f'//a[@href="{original}"]/text()') == ["Read the original at NBC News"]  # one link, named
    body = page.xpath('//div[@class="post__body"]')[0].text_content()
    assert "“qualitatively new strategic level.”" in body  # curly quotes kept exactly
    (figure,) = page.xpath('//figure[@class="post__figure"]')
    image = figure.xpath(".//img")[0]
    assert (image.get("width"), image.get("height"), image.get("fetchpriority")) == ("1600", "900", "high")
    assert image.get("alt").startswith("Blurred vertical bands")
    assert figure.xpath("string(figcaption)") == "Alliances shift as governments choose sides. Illustration: The Briefing Room"


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


def test_home_has_a_lead_story_then_cards_and_pages(example_public: Path) -> None:
    home = lxml_html.fromstring((example_public / "index.html").read_bytes())
    (lead,) = home.xpath('//article[contains(@class, "card--lead")]')
    assert lead.xpath("string(.//h2)") == "Lee Jae-myung wins South Korea’s snap presidential election"  # the newest
    assert lead.xpath('string(.//p[@class="byline"])').startswith("By Min-ji Park")
    assert lead.xpath('.//p[@class="card__kicker"]/a/text()') == ["South Korea"]  # a topic, by its display name
    cards = home.xpath('//ul[@class="cards"]/li/article')
    assert len(cards) == 9
    images = home.xpath('//img[@class="card__image"]')
    assert images[0].get("fetchpriority") == "high" and images[0].get("loading") is None  # the LCP image
    assert all(img.get("loading") is None and img.get("fetchpriority") is None for img in images[1:4])  # the first row: at once
    assert all(img.get("loading") == "lazy" and img.get("fetchpriority") is None for img in images[4:])
    assert all(img.get("width") and img.get("height") for img in images)
    assert home.xpath('//a[@rel="next"]/@href') == ["/page/2/"]
    second = lxml_html.fromstring((example_public / "page" / "2" / "index.html").read_bytes())
    assert second.findtext(".//title") == "Latest briefings (page 2) · The Briefing Room"
    assert not second.xpath('//article[contains(@class, "card--lead")]')
    last = max(int(p.name) for p in (example_public / "page").iterdir())
    assert len(lxml_html.fromstring((example_public / "page" / str(last) / "index.html").read_bytes()).xpath('//ul[@class="cards"]/li')) <= 10


def test_tags_show_their_display_names(example_public: Path) -> None:
    tags = lxml_html.fromstring((example_public / "tags" / "index.html").read_bytes())
    names = tags.xpath('//ul[@class="topic-list"]/li/a/text()')
    assert {"EU", "NATO", "North Korea", "Indo-Pacific", "United States"} <= set(names)  # config, else humanised
    assert not [name for name in names if "-" in name and name != "Indo-Pacific"]
    tag = lxml_html.fromstring((example_public / "tags" / "north-korea" / "index.html").read_bytes())
    assert tag.findtext(".//title") == "North Korea · The Briefing Room"
    assert tag.findtext(".//h1") == "North Korea"


def test_not_found_page_is_noindex_without_canonical(example_public: Path) -> None:
    page = lxml_html.fromstring((example_public / "404.html").read_bytes())
    assert page.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert not page.xpath('//link[@rel="canonical"]') and not page.xpath('//meta[@property="og:url"]')
    assert page.xpath('//link[@rel="stylesheet"]/@href') == ["/assets/masthead.css"] and not page.xpath("//style")  # at the root: linked


def test_search_filters_name_outlets_as_the_sources_page(example_public: Path) -> None:
    """Pagefind's outlet filter values are the names /sources/ shows (aliases merged), nothing else."""
    sources = lxml_html.fromstring((example_public / "sources" / "index.html").read_bytes())
    listed = set(sources.xpath('//h2[@class="outlet__name"]/a/text()'))
    filtered = set()
    for page in (example_public / "blog").glob("*/index.html"):
        filtered.update(lxml_html.fromstring(page.read_bytes()).xpath('//a[@data-pagefind-filter="outlet"]/text()'))
    assert filtered == listed
    assert "AP" not in filtered and "Associated Press" in filtered


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
