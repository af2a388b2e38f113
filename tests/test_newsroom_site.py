"""The newsroom features through the built example: strict JSON-LD of every post and author page,
bylines, notes, live coverage, reading time, related briefings and follow feeds (feedparser)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from jsonld_strict import validate
from lxml import html as lxml_html

LIVE = "blog/south-korea-martial-law-live/index.html"
CORRECTED = "blog/germany-federal-election/index.html"
UPDATED = "blog/south-korea-martial-law-timeline/index.html"


def json_ld(path: Path) -> dict[str, Any]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', path.read_text(encoding="utf-8"), re.DOTALL)
    assert found is not None, path
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def page(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def test_the_strict_checker_finds_what_is_wrong() -> None:
    good = {"@type": "CorrectionComment", "text": "Fixed.", "datePublished": "2025-01-01T10:00:00Z"}
    assert validate(good) == []
    assert validate({**good, "datePublished": "2025-01-01"}) == ["$.datePublished: expected an ISO 8601 DateTime with a zone, got '2025-01-01'"]
    assert validate({**good, "txt": "x"}) == ["$.txt: not a property of CorrectionComment here"]
    assert validate({"@type": "Person", "url": "/authors/x/"}) == ["$.name: required property missing", "$.url: expected an absolute URL, got '/authors/x/'"]
    assert validate({"@type": "Thing"}) == ["$: @type 'Thing' is not one masthead emits"]
    assert any("timeRequired" in problem for problem in validate({"@type": "NewsArticle", "timeRequired": "4 minutes"}))


def test_every_post_has_strictly_valid_json_ld(example_public: Path) -> None:
    posts = sorted((example_public / "blog").glob("*/index.html"))
    assert len(posts) > 30
    kinds = set()
    for path in posts:
        data = json_ld(path)
        kinds.add(data["@type"])
        assert validate(data) == [], path
    assert {"NewsArticle", "BlogPosting", "LiveBlogPosting"} <= kinds


def test_author_pages_are_profile_pages_of_a_person_with_url_and_same_as(example_public: Path) -> None:
    data = json_ld(example_public / "authors/elena-kovac/index.html")
    assert validate(data) == []
    person = data["mainEntity"]
    assert person["url"] == "https://briefing.example.org/authors/elena-kovac/"
    assert person["sameAs"] == ["https://elenakovac.example.net", "https://www.linkedin.com/in/elena-kovac-example"]
    post = json_ld(example_public / CORRECTED)
    assert post["author"] == person  # the same Person on the post


def test_bylines_link_to_author_pages_on_posts_and_cards(example_public: Path) -> None:
    live = page(example_public / LIVE)
    assert live.xpath('//p[@class="byline"]//a[@rel="author"]/@href') == ["/authors/min-ji-park/", "/authors/daniel-okafor/"]
    assert live.xpath('string(//p[@class="byline"]/span[@class="byline__author"])') == "By Min-ji Park and Daniel Okafor"
    author = page(example_public / "authors/min-ji-park/index.html")
    cards = author.xpath('//ul[@class="cards"]/li/article')
    assert len(cards) >= 3  # written by name, by id, as one of two authors
    assert all(card.xpath('.//a[@rel="author"][@href="/authors/min-ji-park/"]') for card in cards)
    index = page(example_public / "authors/index.html")
    assert index.xpath('//h2[@class="person__name"]/a/text()') == ["Daniel Okafor", "Elena Kovač", "Min-ji Park"]  # by name


def test_author_pages_are_paginated(example_public: Path) -> None:
    # The example's authors have fewer posts than page_size; one page each, in the sitemap.
    sitemap = (example_public / "sitemap.xml").read_text(encoding="utf-8")
    for author_id in ("min-ji-park", "elena-kovac", "daniel-okafor"):
        assert f"https://briefing.example.org/authors/{author_id}/</loc>" in sitemap
        assert not (example_public / "authors" / author_id / "page").exists()


def test_a_correction_is_dated_at_the_top_and_in_json_ld(example_public: Path) -> None:
    document = page(example_public / CORRECTED)
    (notes,) = document.xpath('//aside[@class="notes notes--correction"]')
    body = document.xpath('//div[@class="post__body"]')[0]
    assert notes.getparent().index(notes) < notes.getparent().index(body)  # at the top
    assert notes.xpath(".//li/@id") == ["correction-1"]
    assert notes.xpath("string(.//time/@datetime)") == "2025-02-25T09:30:00Z"
    assert "<strong>20.8 percent</strong>" in lxml_html.tostring(notes, encoding="unicode")  # Markdown
    data = json_ld(example_public / CORRECTED)
    assert data["dateModified"] == "2025-02-25T09:30:00Z"  # follows the correction
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the AfD's share of the vote as 19.5 percent; it was 20.8 percent.",
            "datePublished": "2025-02-25T09:30:00Z",
        }
    ]
    assert document.xpath('string(//p[@class="byline"])').count("Updated") == 1


def test_an_update_is_dated_at_the_foot(example_public: Path) -> None:
    document = page(example_public / UPDATED)
    (notes,) = document.xpath('//aside[@class="notes notes--update"]')
    body = document.xpath('//div[@class="post__body"]')[0]
    assert notes.getparent().index(notes) > notes.getparent().index(body)
    assert notes.xpath(".//a/@href") == ["/blog/yoon-impeachment-vote/"]
    assert json_ld(example_public / UPDATED)["dateModified"] == "2024-12-04T09:15:00Z"
    atom = feedparser.parse((example_public / "tags/south-korea/atom.xml").read_bytes())
    entry = next(e for e in atom.entries if e.link.endswith("/blog/south-korea-martial-law-timeline/"))
    assert entry.updated == "2024-12-04T09:15:00Z"  # Atom updated follows the latest note


def test_the_corrections_page_and_feeds_list_every_correction_newest_first(example_public: Path) -> None:
    document = page(example_public / "corrections/index.html")
    links = document.xpath('//ol[@class="corrections"]/li//h2/a/@href')
    assert links == ["/blog/germany-federal-election/#correction-1", "/blog/south-korea-martial-law-live/#correction-1"]
    heads = document.xpath('//link[@rel="alternate"]/@href')
    assert {"/corrections/feed.xml", "/corrections/atom.xml", "/corrections/feed.json"} <= set(heads)
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((example_public / "corrections" / name).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert [entry.link for entry in feed.entries] == [f"https://briefing.example.org{link}" for link in links]
        assert feed.entries[0].title == "Correction: Merz’s conservatives win German election as AfD surges"
    data = json.loads((example_public / "corrections/feed.json").read_text(encoding="utf-8"))
    assert [item["date_published"] for item in data["items"]] == ["2025-02-25T09:30:00Z", "2024-12-04T08:00:00Z"]


def test_the_live_post_is_a_live_blog_with_anchored_entries_newest_first(example_public: Path) -> None:
    data = json_ld(example_public / LIVE)
    assert data["@type"] == "LiveBlogPosting"
    assert (data["coverageStartTime"], data["coverageEndTime"]) == ("2024-12-03T13:40:00Z", "2024-12-03T21:00:00Z")
    updates = data["liveBlogUpdate"]
    assert [update["datePublished"] for update in updates] == ["2024-12-03T19:40:00Z", "2024-12-03T16:05:00Z", "2024-12-03T13:40:00Z"]
    assert updates[0]["url"] == "https://briefing.example.org/blog/south-korea-martial-law-live/#live-20241203T1940Z"
    document = page(example_public / LIVE)
    assert document.xpath('//ol[@class="live__list"]/li/@id') == ["live-20241203T1940Z", "live-20241203T1605Z", "live-20241203T1340Z"]
    assert document.xpath('//ol[@class="live__list"]/li[1]//a/@href')[0] == "#live-20241203T1940Z"
    assert not document.xpath('//*[contains(@class, "badge--live")]')  # coverage ended before the build
    assert "Live coverage has ended" in document.xpath('string(//p[@class="live__closed"])')
    feed = feedparser.parse((example_public / "feed.xml").read_bytes())
    item = next(e for e in feed.entries if e.link.endswith("/blog/south-korea-martial-law-live/"))
    first = lxml_html.fragment_fromstring(item.content[0].value, create_parent="div")
    assert first.xpath("string(./p[1]//a)") == "Cabinet lifts martial law"  # the newest entry leads


def test_reading_time_and_word_count_on_posts_cards_and_json_ld(example_public: Path) -> None:
    data = json_ld(example_public / UPDATED)
    document = page(example_public / UPDATED)
    text = " ".join(document.xpath('//div[@class="post__body"]//text()'))
    assert data["wordCount"] == len(re.findall(r"\w+(?:['’.-]\w+)*", text)) > 100  # the body's words, not its brackets
    minutes = max(1, round(data["wordCount"] / 230))
    assert data["timeRequired"] == f"PT{minutes}M"
    assert document.xpath('string(//span[@class="byline__reading"])').startswith(f"{minutes} min read")
    home = page(example_public / "index.html")
    assert all(card.xpath('.//span[@class="byline__reading"]') for card in home.xpath("//article[contains(@class, 'card')]"))


def test_related_briefings_are_three_sharing_sources_or_tags(example_public: Path) -> None:
    document = page(example_public / "blog/south-korea-martial-law-live/index.html")
    related = document.xpath('//section[@class="related"]//li/a/@href')
    assert len(related) == 3
    assert related[0] == "/blog/south-korea-martial-law-timeline/"  # same BBC URL, same tags, a day apart
    assert "/blog/south-korea-martial-law-live/" not in related


@pytest.mark.parametrize("folder", ["tags/south-korea", "authors/min-ji-park", "sources/reuters"])
def test_follow_feeds_parse_and_are_announced_on_their_pages(example_public: Path, folder: str) -> None:
    document = page(example_public / folder / "index.html")
    announced = {link.get("type"): link.get("href") for link in document.xpath('//link[@rel="alternate"]') if link.get("href").startswith(f"/{folder}/")}
    assert announced == {
        "application/rss+xml": f"/{folder}/feed.xml",
        "application/atom+xml": f"/{folder}/atom.xml",
        "application/feed+json": f"/{folder}/feed.json",
    }
    listed = [f"https://briefing.example.org{href}" for href in document.xpath('//ul[@class="cards"]//h2/a/@href')]
    for name, version in (("feed.xml", "rss20"), ("atom.xml", "atom10")):
        feed = feedparser.parse((example_public / folder / name).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == version
        assert [entry.link for entry in feed.entries] == listed[: len(feed.entries)]
        assert 0 < len(feed.entries) <= 10  # [follow] size
    data = json.loads((example_public / folder / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == f"https://briefing.example.org/{folder}/feed.json"
    assert [item["url"] for item in data["items"]] == listed[: len(data["items"])]


def test_the_feeds_page_lists_every_follow_feed(example_public: Path) -> None:
    document = page(example_public / "feeds/index.html")
    hrefs = document.xpath('//ul[@class="feed-list"]//a/@href')
    feeds = [href for href in hrefs if href.endswith(("feed.xml", "atom.xml", "feed.json"))]
    assert {"/tags/south-korea/feed.xml", "/authors/elena-kovac/atom.xml", "/sources/reuters/feed.json"} <= set(feeds)
    assert all((example_public / href.lstrip("/")).is_file() for href in feeds)
    assert all((example_public / href.lstrip("/") / "index.html").is_file() for href in hrefs if href.endswith("/"))
    tags = [p.parent.name for p in (example_public / "tags").glob("*/index.html")]
    assert all(f"/tags/{tag}/feed.xml" in feeds for tag in tags)
