"""Hostile strings in every front matter field come out inert in HTML, JSON-LD, feeds and sitemaps."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import feedparser
from conftest import MakeSite
from lxml import etree
from lxml import html as lxml_html

from masthead.build import build
from masthead.options import BuildOptions

HOSTILE = "</script><script>alert(1)</script> \"quoted\" 'single' <b>bold</b> & AT&T"

POST = f"""---
templateKey: blog-post
pageTitle: {json.dumps(HOSTILE)}
metaDescription: {json.dumps(HOSTILE + " description")}
teaser: {json.dumps(HOSTILE + " teaser")}
author: {json.dumps(HOSTILE + " author")}
tags: [{json.dumps(HOSTILE + " tag")}]
published: true
date: 2025-06-04T10:00:00Z
featuredImage:
  src: /img/a.png
  alt: {json.dumps(HOSTILE + " alt")}
custom: {json.dumps(HOSTILE)}
---
Body with a citation [[{HOSTILE.replace("[", "").replace("]", "")}](https://example.org/?a=1&b=<x>)] and <script>alert(2)</script> raw HTML
and a [bad link](javascript:alert(3)).
"""

CONFIG = f"""title = {json.dumps(HOSTILE + " site")}
base_url = "https://test.example.org"
description = {json.dumps(HOSTILE + " site description")}
"""


def test_hostile_strings_are_inert_everywhere(make_site: MakeSite) -> None:
    site = make_site(
        {"content/blog/hostile.md": POST, "content/pages/about.md": POST.replace("blog-post", "about-page")}, config=CONFIG, images=("/img/a.png",)
    )
    build(site, BuildOptions(), now=datetime(2025, 6, 5, tzinfo=UTC))
    public = site / "public"
    for path in public.rglob("*.html"):
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw, path
        assert "javascript:" not in raw, path
        document = lxml_html.fromstring(raw)
        for script in document.xpath("//script[not(@src)]"):
            assert script.get("type") == "application/ld+json", path
            json.loads(script.text)  # still one intact JSON document
        assert document.xpath("//b") == [], path  # <b>bold</b> stayed text

    page = lxml_html.fromstring((public / "blog/hostile/index.html").read_bytes())
    assert page.findtext(".//h1") == HOSTILE
    assert page.xpath('//meta[@name="description"]/@content') == [HOSTILE + " description"]
    assert page.xpath("//figure//img/@alt") == [HOSTILE + " alt"]
    data = json.loads(page.xpath('//script[@type="application/ld+json"]')[0].text)
    assert data["headline"] == HOSTILE
    assert data["author"][0]["name"] == HOSTILE + " author"
    raw = (public / "blog/hostile/index.html").read_text(encoding="utf-8")
    ld = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld and ">" not in ld

    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((public / name).read_bytes())
        assert not feed.bozo
        assert feed.entries[0].title == HOSTILE
    assert json.loads((public / "feed.json").read_bytes())["items"][0]["title"] == HOSTILE
    news = etree.parse(str(public / "news-sitemap.xml"))
    assert news.xpath("//*[local-name()='title']/text()") == [HOSTILE]


def test_paths_in_content_cannot_escape(make_site: MakeSite) -> None:
    from masthead.errors import MastheadError

    site = make_site(
        {
            "content/blog/a.md": "---\npageTitle: A\ndate: 2024-01-01\nfeaturedImage: {src: /../../etc/passwd}\n---\nx\n",
            "content/blog/b.md": "---\npageTitle: B\ndate: 2024-01-01\nslug: ../../outside\n---\nx\n",
            "content/blog/c.md": "---\npageTitle: C\ndate: 2024-01-01\ntemplateKey: ../../etc/passwd\n---\nx\n",
        }
    )
    try:
        build(site)
    except MastheadError as exc:
        report = exc.report()
    else:
        raise AssertionError("the build should fail")
    assert "content/blog/a.md:4: featuredImage:" in report
    assert "content/blog/b.md:4: slug:" in report
    assert "content/blog/c.md:4: templateKey:" in report
    assert not (site / "public").exists()
    assert not (site.parent / "outside").exists()
