"""Feeds of the newest posts with full content: RSS 2.0, Atom 1.0 and JSON Feed 1.1.

Each item carries its featured image (RSS ``media:content``, Atom ``link rel="enclosure"``, JSON
Feed ``image``) and ends with the link to the original story, named after its outlet, as the
post page does. XML is built with lxml, never by string concatenation, so every value is escaped.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from email.utils import format_datetime
from functools import lru_cache
from typing import Any

from lxml import etree as ET

from ..content.markdown import slugify
from ..site import Document, Site, tag_name
from ..timestamps import iso
from . import pages

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"  # Media RSS: the image of an item, with its alt text and credit

_RELATIVE = re.compile(r'((?:href|src)=")/(?!/)')


def absolute_html(site: Site, html: str) -> str:
    """Feed readers have no base URL: make root-relative links and images absolute."""
    return _RELATIVE.sub(lambda match: f"{match.group(1)}{site.config.base_url}/", html)


@lru_cache(maxsize=4)
def _view(site: Site) -> pages.SiteView:
    return pages.site_view(site)


def content_html(site: Site, post: Document) -> str:
    """The post's HTML for readers, closed by its "Read the original at …" link; a live post's
    newest entry first, a correction's or update's notes around the body as on its page."""
    body = absolute_html(site, post.entry.body.html)
    story = post.entry.story
    if story.corrections:
        body = (
            "".join(f"<p><strong>Correction ({html.escape(iso(note.date))}):</strong></p>\n{absolute_html(site, note.html)}\n" for note in story.corrections)
            + body
        )
    if story.live_updates:
        newest = story.live_updates[0]
        link = html.escape(f"{site.config.absolute_url(post.url)}#{newest.anchor}")
        heading = html.escape(newest.title or "Latest update")
        body = f'<p><strong><a href="{link}">{heading}</a></strong> ({html.escape(iso(newest.date))})</p>\n{absolute_html(site, newest.html)}\n<hr>\n' + body
    if story.updates:
        body += "".join(f"<p><strong>Update ({html.escape(iso(note.date))}):</strong></p>\n{absolute_html(site, note.html)}\n" for note in story.updates)
    original = _view(site).original(post) if post.entry.body.read_more else None
    if original is None:
        return body
    text = f"Read the original at {original.outlet}" if original.outlet else "Read the original story"
    return body + f'<p class="read-more"><a href="{html.escape(original.url)}">{html.escape(text)}</a></p>\n'


@dataclass(frozen=True)
class Channel:
    """What a feed says about itself: the site's feeds, a language's, or a follow feed's."""

    title: str
    description: str
    home: str  # absolute URL of the page the feed follows
    folder: str  # output folder of its files: "", "fr/", "tags/sanctions/"
    language: str
    path: str = ""  # the one file it is written as, when not <folder>feed.xml… (Pelican's feeds/all.atom.xml)


def site_channel(site: Site, lang: str = "") -> Channel:
    config = site.config
    prefix = f"/{lang}" if lang else ""
    return Channel(config.title, config.description, config.base_url + prefix + "/", f"{lang}/" if lang else "", lang or config.language)


def _newest(site: Site, lang: str = "") -> tuple[Document, ...]:
    """The newest published posts; in a multilingual site, those of one language (default: the first)."""
    languages = site.config.origin.languages
    wanted = lang or (languages[0] if languages else "")
    return tuple(post for post in site.posts if not post.noindex and (not wanted or post.entry.placement.lang in (wanted, "")))[: site.config.feed_size]


def _people(site: Site, post: Document) -> tuple[tuple[str, str], ...]:
    """(name, absolute URL or "") of each author: [authors] link to their page."""
    people = post.entry.placement.authors or (((post.entry.author, ""),) if post.entry.author else ())
    return tuple((name, site.config.absolute_url(link) if link.startswith(("https://", "http://", "/")) else "") for name, link in people)


def _sub(parent: ET._Element, tag: str, text: str | None = None, **attributes: str) -> ET._Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _serialise(root: ET._Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def rss(site: Site, about: Channel, posts: tuple[Document, ...]) -> bytes:
    config = site.config
    root = ET.Element("rss", {"version": "2.0"}, nsmap={"atom": ATOM, "content": CONTENT, "dc": DC, "media": MEDIA})
    channel = _sub(root, "channel")
    _sub(channel, "title", about.title)
    _sub(channel, "link", about.home)
    _sub(channel, "description", about.description or about.title)
    _sub(channel, "language", about.language)
    _sub(channel, "generator", "masthead")
    if posts:
        _sub(channel, "lastBuildDate", format_datetime(max(post.entry.modified for post in posts)))
    _sub(channel, f"{{{ATOM}}}link", href=f"{config.base_url}/{about.path or about.folder + 'feed.xml'}", rel="self", type="application/rss+xml")
    if config.deploy.websub_hub:  # WebSub: subscribers learn where to get pushed updates
        _sub(channel, f"{{{ATOM}}}link", href=config.deploy.websub_hub, rel="hub")
    for post in posts:
        entry = post.entry
        url = config.absolute_url(post.url)
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", url)
        _sub(item, "guid", url, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(entry.date))
        _sub(item, "description", entry.teaser)
        _sub(item, f"{{{CONTENT}}}encoded", content_html(site, post))
        for tag in entry.tags:
            _sub(item, "category", tag_name(tag, config.tags))
        if entry.author:
            _sub(item, f"{{{DC}}}creator", entry.author)
        if post.image:
            image = post.image
            media = _sub(
                item,
                f"{{{MEDIA}}}content",
                url=config.absolute_url(image.src),
                medium="image",
                type=image.mime,
                width=str(image.width),
                height=str(image.height),
            )
            if image.alt:
                _sub(media, f"{{{MEDIA}}}description", image.alt)
            credit = entry.image.credit if entry.image else ""
            if credit:
                _sub(media, f"{{{MEDIA}}}credit", credit)
    return _serialise(root)


def atom(site: Site, about: Channel, posts: tuple[Document, ...]) -> bytes:
    config = site.config
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": about.language}, nsmap={None: ATOM})
    _sub(root, f"{{{ATOM}}}id", about.home)
    _sub(root, f"{{{ATOM}}}title", about.title)
    if about.description:
        _sub(root, f"{{{ATOM}}}subtitle", about.description)
    _sub(root, f"{{{ATOM}}}updated", iso(max(post.entry.modified for post in posts)) if posts else "1970-01-01T00:00:00Z")
    _sub(root, f"{{{ATOM}}}link", href=f"{config.base_url}/{about.path or about.folder + 'atom.xml'}", rel="self", type="application/atom+xml")
    _sub(root, f"{{{ATOM}}}link", href=about.home, rel="alternate", type="text/html")
    if config.deploy.websub_hub:
        _sub(root, f"{{{ATOM}}}link", href=config.deploy.websub_hub, rel="hub")
    author = _sub(root, f"{{{ATOM}}}author")
    _sub(author, f"{{{ATOM}}}name", config.publisher.name)
    _sub(root, f"{{{ATOM}}}generator", "masthead")
    for post in posts:
        entry = post.entry
        url = config.absolute_url(post.url)
        element = _sub(root, f"{{{ATOM}}}entry")
        _sub(element, f"{{{ATOM}}}id", url)
        _sub(element, f"{{{ATOM}}}title", entry.title)
        _sub(element, f"{{{ATOM}}}link", href=url, rel="alternate", type="text/html")
        if post.image:
            _sub(
                element,
                f"{{{ATOM}}}link",
                href=config.absolute_url(post.image.src),
                rel="enclosure",
                type=post.image.mime,
                **({"title": post.image.alt} if post.image.alt else {}),
            )
        _sub(element, f"{{{ATOM}}}published", iso(entry.date))
        _sub(element, f"{{{ATOM}}}updated", iso(entry.modified))
        for name, link in _people(site, post):  # Atom: one author element per person
            person = _sub(element, f"{{{ATOM}}}author")
            _sub(person, f"{{{ATOM}}}name", name)
            if link:
                _sub(person, f"{{{ATOM}}}uri", link)
        _sub(element, f"{{{ATOM}}}summary", entry.teaser)
        _sub(element, f"{{{ATOM}}}content", content_html(site, post), type="html")
        for tag in entry.tags:
            _sub(element, f"{{{ATOM}}}category", term=slugify(tag), label=tag_name(tag, config.tags))
    return _serialise(root)


def json_feed(site: Site, about: Channel, posts: tuple[Document, ...]) -> bytes:
    config = site.config
    items: list[dict[str, Any]] = []
    for post in posts:
        entry = post.entry
        url = config.absolute_url(post.url)
        item: dict[str, Any] = {
            "id": url,
            "url": url,
            "title": entry.title,
            "content_html": content_html(site, post),
            "summary": entry.teaser,
            "date_published": iso(entry.date),
            "date_modified": iso(entry.modified),
        }
        if post.image:
            item["image"] = config.absolute_url(post.image.src)
        if entry.body.read_more:
            item["external_url"] = entry.body.read_more
        if entry.author:
            item["authors"] = [{"name": name, **({"url": link} if link else {})} for name, link in _people(site, post)]
        if entry.tags:
            item["tags"] = [tag_name(tag, config.tags) for tag in entry.tags]
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": about.title,
        "home_page_url": about.home,
        "feed_url": f"{config.base_url}/{about.path or about.folder + 'feed.json'}",
        "description": about.description,
        "language": about.language,
        "authors": [{"name": config.publisher.name, "url": config.publisher.url}],
        **({"hubs": [{"type": "WebSub", "url": config.deploy.websub_hub}]} if config.deploy.websub_hub else {}),
        "items": items,
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def channel_feeds(site: Site, about: Channel, posts: tuple[Document, ...]) -> list[tuple[str, bytes]]:
    """RSS, Atom and JSON Feed of ``posts`` in ``about.folder``."""
    folder = pages.file_path(about.folder)
    return [
        (folder + "feed.xml", rss(site, about, posts)),
        (folder + "atom.xml", atom(site, about, posts)),
        (folder + "feed.json", json_feed(site, about, posts)),
    ]


def feeds(site: Site, lang: str = "") -> list[tuple[str, bytes]]:
    """The site's three feeds; for a language other than the default, under /<lang>/."""
    return channel_feeds(site, site_channel(site, lang), _newest(site, lang))
