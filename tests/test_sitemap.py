"""sitemap.xml and news-sitemap.xml validated against their schemas; robots.txt; the 50,000 split."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from masthead.render import sitemap
from masthead.site import Site

SCHEMAS = Path(__file__).parent / "schemas"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": NEWS}


def urlset_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "sitemap.xsd"), locations=[(NEWS, str(SCHEMAS / "news-sitemap.xsd"))])


def test_sitemap_is_valid_and_complete(example_public: Path) -> None:
    schema = urlset_schema()
    schema.validate(str(example_public / "sitemap.xml"))
    tree = etree.parse(str(example_public / "sitemap.xml"))
    locations = tree.xpath("//s:loc/text()", namespaces=NS)
    assert "https://briefing.example.org/blog/russia-north-korea-ties/" in locations
    assert "https://briefing.example.org/about/" in locations
    assert "https://briefing.example.org/archive/2024/12/" in locations
    assert not [loc for loc in locations if "spring-2031" in loc or "seafood" in loc]
    assert len(locations) == len(set(locations))


def test_news_sitemap_has_posts_of_the_last_two_days(example_public: Path) -> None:
    urlset_schema().validate(str(example_public / "news-sitemap.xml"))
    tree = etree.parse(str(example_public / "news-sitemap.xml"))
    assert tree.xpath("//s:loc/text()", namespaces=NS) == ["https://briefing.example.org/blog/south-korea-snap-presidential-election/"]
    assert tree.xpath("//n:publication/n:name/text()", namespaces=NS) == ["The Briefing Room"]
    assert tree.xpath("//n:publication/n:language/text()", namespaces=NS) == ["en"]


def test_robots_points_at_sitemaps(example_public: Path) -> None:
    robots = (example_public / "robots.txt").read_text()
    assert "Sitemap: https://briefing.example.org/sitemap.xml" in robots
    assert "Sitemap: https://briefing.example.org/news-sitemap.xml" in robots


def test_split_into_an_index_past_the_limit(example_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from masthead.build import load
    from masthead.options import BuildOptions

    site, *_ = load(example_site, BuildOptions(), now=datetime(2025, 6, 5, tzinfo=UTC))
    monkeypatch.setattr(sitemap, "MAX_URLS", 20)
    files = dict(sitemap.sitemaps(site))
    assert len(files) > 2
    index = etree.fromstring(files["sitemap.xml"])
    xmlschema.XMLSchema(str(SCHEMAS / "siteindex.xsd")).validate(index)
    named = [loc.rsplit("/", 1)[1] for loc in index.xpath("//s:loc/text()", namespaces=NS)]
    assert named == sorted(set(files) - {"sitemap.xml"}, key=lambda n: int(n[8:-4]))
    schema = urlset_schema()
    total = 0
    for name in named:
        chunk = etree.fromstring(files[name])
        schema.validate(chunk)
        total += len(chunk)
        assert len(chunk) <= 20
    assert total == len(list(sitemap.locations(site)))


def test_no_news_sitemap_and_no_robots_line_when_nothing_is_new(example_site: Path, tmp_path: Path) -> None:
    """Three days after the newest post the news sitemap would be an empty <urlset/>, which the XSD rejects."""
    import shutil

    from masthead.build import build, load
    from masthead.options import BuildOptions

    later = datetime(2025, 6, 5, tzinfo=UTC) + timedelta(days=3)
    site: Site
    site, *_ = load(example_site, BuildOptions(), now=later)
    assert sitemap.news_posts(site) == [] and sitemap.news_sitemaps(site) == []
    copy = tmp_path / "site"
    shutil.copytree(example_site, copy)  # built at BUILD_TIME: it has a news sitemap
    assert (copy / "public" / "news-sitemap.xml").is_file()
    build(copy, BuildOptions(), now=later)  # incremental: the file goes, robots.txt changes
    assert not (copy / "public" / "news-sitemap.xml").exists()
    robots = (copy / "public" / "robots.txt").read_text()
    assert "news-sitemap" not in robots and "Sitemap: https://briefing.example.org/sitemap.xml" in robots
    urlset_schema().validate(str(copy / "public" / "sitemap.xml"))
