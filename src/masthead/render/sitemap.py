"""sitemap.xml (sitemaps.org, split into an index past 50,000 URLs), news-sitemap.xml (only when
something is new), robots.txt."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from lxml import etree as ET

from ..config import Config
from ..site import Document, Site
from ..timestamps import iso

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
MAX_URLS = 50_000  # sitemaps.org limit per file
MAX_NEWS = 1_000  # Google News limit per news sitemap
NEWS_WINDOW = timedelta(days=2)  # Google: "articles that were created in the last two days"


def locations(site: Site) -> Iterator[tuple[str, datetime | None]]:
    newest = site.posts[0].entry.modified if site.posts else None
    yield "/", newest
    for page in site.pages:
        if not page.noindex:
            yield page.url, page.entry.updated
    for post in site.posts:
        if not post.noindex:
            yield post.url, post.entry.modified
    if site.posts:
        yield "/archive/", newest
    for year, months in site.years.items():
        yield f"/archive/{year}/", max(p.entry.modified for posts in months.values() for p in posts)
        for month, posts in months.items():
            yield f"/archive/{year}/{month:02d}/", max(p.entry.modified for p in posts)
    if site.tags:
        yield "/tags/", newest
    for tag in site.tags:
        yield tag.url, max(p.entry.modified for p in tag.posts)
    for group in site.groups:  # Hugo's section and taxonomy lists
        dated = [document.entry.modified for document in group.documents if document.entry.is_post]
        yield group.url, max(dated) if dated else None
    outlets = site.outlets
    if outlets:
        yield "/sources/", max(p.entry.modified for outlet in outlets for p in outlet.posts)
    for outlet in outlets:
        yield outlet.outlet.url, max(p.entry.modified for p in outlet.posts)
    room = site.newsroom
    if room is not None:  # the newsroom's pages (newsroom/pages.py)
        if room.authors:
            yield "/authors/", newest
        for author in room.authors:
            dated = [p.entry.modified for p in author.posts if not p.noindex]
            yield author.url, max(dated) if dated else None
        if room.corrections:
            yield "/corrections/", room.corrections[0].note.date
        if room.follows or room.corrections:
            yield "/feeds/", newest


def _xml(root: ET._Element) -> bytes:
    data: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return data


@dataclass(frozen=True)
class Listed:
    """Exactly what the sitemaps are made of: their job's key is derived from it, so an edit that
    changes no URL or date (a body, a title) leaves them as they are."""

    config: Config
    translations: Mapping[str, tuple[tuple[str, str], ...]]
    locations: tuple[tuple[str, datetime | None], ...]


def listed(site: Site) -> Listed:
    return Listed(site.config, site.translations, tuple(locations(site)))


def _urlset(inputs: Listed, entries: Sequence[tuple[str, datetime | None]]) -> bytes:
    from .seo import translated

    config, translations = inputs.config, inputs.translations
    namespaces = {None: SITEMAP, "xhtml": XHTML} if translations else {None: SITEMAP}
    root = ET.Element(f"{{{SITEMAP}}}urlset", nsmap=namespaces)
    for path, modified in entries:
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = config.absolute_url(path)
        if modified is not None:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = iso(modified)
        for hreflang, href in translated(config, translations, path):  # Google's hreflang in sitemaps: every version, itself included
            ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=hreflang, href=href)
    return _xml(root)


def sitemaps(site: Site) -> list[tuple[str, bytes]]:
    """sitemap.xml, or past 50,000 URLs an index sitemap.xml with sitemap-1.xml, sitemap-2.xml…"""
    return sitemap_files(listed(site))


def sitemap_files(inputs: Listed) -> list[tuple[str, bytes]]:
    """``sitemaps`` from what they list."""
    found, config = inputs.locations, inputs.config
    if len(found) <= MAX_URLS:
        return [("sitemap.xml", _urlset(inputs, found))]
    files = []
    index = ET.Element(f"{{{SITEMAP}}}sitemapindex", nsmap={None: SITEMAP})
    for number, start in enumerate(range(0, len(found), MAX_URLS), start=1):
        chunk = found[start : start + MAX_URLS]
        name = f"sitemap-{number}.xml"
        files.append((name, _urlset(inputs, chunk)))
        entry = ET.SubElement(index, f"{{{SITEMAP}}}sitemap")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = config.absolute_url("/" + name)
        newest = max((modified for _, modified in chunk if modified is not None), default=None)
        if newest is not None:
            ET.SubElement(entry, f"{{{SITEMAP}}}lastmod").text = iso(newest)
    return [("sitemap.xml", _xml(index)), *files]


def news_posts(site: Site) -> list[Document]:
    """Published posts of the two days before the build time, at most 1,000."""
    cutoff = site.now - NEWS_WINDOW
    return [post for post in site.posts if not post.noindex and cutoff <= post.entry.date <= site.now][:MAX_NEWS]


def news_sitemap(site: Site) -> bytes:
    """Google News sitemap: published posts of the two days before the build time."""
    root = ET.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP, "news": NEWS})
    for post in news_posts(site):
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = site.config.absolute_url(post.url)
        news = ET.SubElement(url, f"{{{NEWS}}}news")
        publication = ET.SubElement(news, f"{{{NEWS}}}publication")
        ET.SubElement(publication, f"{{{NEWS}}}name").text = site.config.publisher.name
        ET.SubElement(publication, f"{{{NEWS}}}language").text = site.config.language.split("-")[0].lower()
        ET.SubElement(news, f"{{{NEWS}}}publication_date").text = iso(post.entry.date)
        ET.SubElement(news, f"{{{NEWS}}}title").text = post.entry.title
    return _xml(root)


def news_sitemaps(site: Site) -> list[tuple[str, bytes]]:
    """``news-sitemap.xml`` when something was published in the last two days; otherwise no file
    (an empty ``<urlset/>`` is invalid against the sitemaps.org XSD)."""
    return [("news-sitemap.xml", news_sitemap(site))] if news_posts(site) else []


def robots(site: Site) -> bytes:
    base = site.config.base_url
    lines = ["User-agent: *", "Allow: /", "", f"Sitemap: {base}/sitemap.xml"]
    if news_posts(site):
        lines.append(f"Sitemap: {base}/news-sitemap.xml")
    return ("\n".join(lines) + "\n").encode()
