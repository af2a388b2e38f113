"""RSS, Atom and JSON Feed: parsed by feedparser without errors, newest posts, full content."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from conftest import MakeSite


def test_rss_and_atom_parse_cleanly(example_public: Path) -> None:
    for name, version in (("feed.xml", "rss20"), ("atom.xml", "atom10")):
        feed = feedparser.parse((example_public / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.version == version
        assert feed.feed.title == "The Briefing Room"
        assert len(feed.entries) == 20
        dates = [entry.published_parsed for entry in feed.entries]
        assert dates == sorted(dates, reverse=True)
        seed = next(e for e in feed.entries if e.link.endswith("/blog/russia-north-korea-ties/"))
        assert seed.title == "Russian foreign minister praises ties with North Korea"
        assert "qualitatively new strategic level" in seed.content[0].value
        assert 'href="https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/"' in seed.content[0].value


def test_feeds_leave_out_drafts_and_scheduled(example_public: Path) -> None:
    for name in ("feed.xml", "atom.xml", "feed.json"):
        text = (example_public / name).read_text(encoding="utf-8")
        assert "spring-2031-briefing-schedule" not in text
        assert "japan-china-seafood-dispute" not in text


def test_json_feed_1_1(example_public: Path) -> None:
    feed = json.loads((example_public / "feed.json").read_bytes())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://briefing.example.org/feed.json"
    assert len(feed["items"]) == 20
    seed = next(i for i in feed["items"] if i["id"].endswith("/blog/russia-north-korea-ties/"))
    assert seed["date_published"] == "2024-12-23T20:53:09.844Z"
    assert seed["image"] == "https://briefing.example.org/img/international-flag-blurring.jpg"
    assert seed["external_url"] == "https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED"


def test_feed_html_has_absolute_links(make_site: MakeSite) -> None:
    from masthead.build import build

    site = make_site({"content/blog/a.md": "---\npageTitle: A\ndate: 2024-01-01\n---\n![x](/img/a.png) [home](/about/)\n"}, images=("/img/a.png",))
    build(site)
    rss = (site / "public" / "feed.xml").read_text(encoding="utf-8")
    assert 'src="https://test.example.org/img/a.png"' in rss
    assert 'href="https://test.example.org/about/"' in rss
