"""RSS, Atom and JSON Feed: parsed by feedparser without errors, newest posts, full content."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


MEDIA = "http://search.yahoo.com/mrss/"
ATOM_NS = "http://www.w3.org/2005/Atom"


def _absolute(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def rss_problems(data: bytes) -> list[str]:
    """RSS 2.0's rules (channel title, link, description; item title or description; RFC 822 dates;
    unique guids) and Media RSS content with an absolute URL and a type."""
    from email.utils import parsedate_to_datetime

    from lxml import etree

    root = etree.fromstring(data)
    problems = [] if root.tag == "rss" and root.get("version") == "2.0" else ["not RSS 2.0"]
    channel = root.find("channel")
    problems += [f"channel without {tag}" for tag in ("title", "link", "description") if channel.findtext(tag) in (None, "")]
    guids = [item.findtext("guid") for item in channel.iter("item")]
    problems += ["duplicate guid"] if len(guids) != len(set(guids)) else []
    for item in channel.iter("item"):
        if not (item.findtext("title") or item.findtext("description")):
            problems.append("item without title or description")
        try:
            parsedate_to_datetime(item.findtext("pubDate") or "")
        except (TypeError, ValueError):
            problems.append(f"pubDate {item.findtext('pubDate')!r} is not RFC 822")
        for media in item.iter(f"{{{MEDIA}}}content"):
            if not _absolute(media.get("url", "")) or not media.get("type", "").startswith("image/"):
                problems.append(f"media:content {dict(media.attrib)}")
    return problems


def atom_problems(data: bytes) -> list[str]:
    """RFC 4287: feed and entry id, title, updated (RFC 3339); an author; absolute links; enclosures typed."""
    from datetime import datetime

    from lxml import etree

    root = etree.fromstring(data)
    ns = {"a": ATOM_NS}
    problems = [] if root.tag == f"{{{ATOM_NS}}}feed" else ["not Atom"]
    for element in [root, *root.findall("a:entry", ns)]:
        for tag in ("id", "title", "updated"):
            if not element.findtext(f"a:{tag}", namespaces=ns):
                problems.append(f"{element.tag} without {tag}")
        try:
            datetime.fromisoformat(element.findtext("a:updated", namespaces=ns) or "")
        except ValueError:
            problems.append("updated is not RFC 3339")
        for link in element.findall("a:link", ns):
            if not _absolute(link.get("href", "")):
                problems.append(f"relative link {link.get('href')}")
            if link.get("rel") == "enclosure" and not link.get("type"):
                problems.append("enclosure without type")
    if root.find("a:author", ns) is None and any(e.find("a:author", ns) is None for e in root.findall("a:entry", ns)):
        problems.append("an entry without an author")
    return problems


def json_feed_problems(feed: dict[str, Any]) -> list[str]:
    """JSON Feed 1.1: version, title, items with unique ids and content; absolute URLs; RFC 3339 dates."""
    from datetime import datetime

    problems = [] if feed.get("version") == "https://jsonfeed.org/version/1.1" and feed.get("title") else ["version or title"]
    ids = [item.get("id") for item in feed["items"]]
    problems += ["duplicate id"] if len(ids) != len(set(ids)) else []
    for item in feed["items"]:
        if not (item.get("content_html") or item.get("content_text")):
            problems.append(f"{item['id']}: no content")
        for key in ("url", "external_url", "image"):
            if key in item and not _absolute(item[key]):
                problems.append(f"{item['id']}: {key} not absolute")
        for key in ("date_published", "date_modified"):
            try:
                datetime.fromisoformat(item.get(key, ""))
            except ValueError:
                problems.append(f"{item['id']}: {key} not RFC 3339")
    return problems


def test_feeds_follow_their_specifications(example_public: Path) -> None:
    assert rss_problems((example_public / "feed.xml").read_bytes()) == []
    assert atom_problems((example_public / "atom.xml").read_bytes()) == []
    assert json_feed_problems(json.loads((example_public / "feed.json").read_bytes())) == []


def test_the_spec_checks_can_fail() -> None:
    assert rss_problems(b'<rss version="2.0"><channel><title>t</title><item><pubDate>Tuesday</pubDate></item></channel></rss>') == [
        "channel without link",
        "channel without description",
        "item without title or description",
        "pubDate 'Tuesday' is not RFC 822",
    ]
    assert "an entry without an author" in atom_problems(
        f'<feed xmlns="{ATOM_NS}"><id>x</id><title>t</title><updated>2024-01-01T00:00:00Z</updated>'
        '<entry><id>y</id><title>e</title><updated>last tuesday</updated><link href="/a"/></entry></feed>'.encode()
    )
    assert json_feed_problems(
        {"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "1", "url": "/a", "date_published": "May 1st"}]}
    ) == ["1: no content", "1: url not absolute", "1: date_published not RFC 3339", "1: date_modified not RFC 3339"]


def test_feeds_carry_the_featured_image(example_public: Path) -> None:
    from lxml import etree

    seed_url = "https://briefing.example.org/blog/russia-north-korea-ties/"
    image_url = "https://briefing.example.org/img/international-flag-blurring.jpg"
    rss = etree.fromstring((example_public / "feed.xml").read_bytes())
    (item,) = [i for i in rss.iter("item") if i.findtext("link") == seed_url]
    (media,) = item.findall(f"{{{MEDIA}}}content")
    assert (media.get("url"), media.get("type"), media.get("medium"), media.get("width")) == (image_url, "image/jpeg", "image", "1600")
    assert media.findtext(f"{{{MEDIA}}}description").startswith("Blurred vertical bands")
    assert media.findtext(f"{{{MEDIA}}}credit") == "Illustration: The Briefing Room"
    atom = etree.fromstring((example_public / "atom.xml").read_bytes())
    (entry,) = [e for e in atom.iter(f"{{{ATOM_NS}}}entry") if e.findtext(f"{{{ATOM_NS}}}id") == seed_url]
    (enclosure,) = entry.xpath("a:link[@rel='enclosure']", namespaces={"a": ATOM_NS})
    assert (enclosure.get("href"), enclosure.get("type")) == (image_url, "image/jpeg")
    feed = json.loads((example_public / "feed.json").read_bytes())
    assert next(i for i in feed["items"] if i["id"] == seed_url)["image"] == image_url
    posts_with_images = sum(1 for i in feed["items"] if "image" in i)
    assert posts_with_images == len(feed["items"]) == len(list(rss.iter(f"{{{MEDIA}}}content")))


def test_feed_content_ends_with_the_named_original_link(example_public: Path) -> None:
    feed = json.loads((example_public / "feed.json").read_bytes())
    seed = next(i for i in feed["items"] if i["id"].endswith("/blog/russia-north-korea-ties/"))
    assert seed["content_html"].endswith(
        '<p class="read-more"><a href="https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED">Read the original at NBC News</a></p>\n'
    )
    assert seed["content_html"].count("d-269DB52ECB4B84A62540EF23F30FEDED") == 1
