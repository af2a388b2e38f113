"""Follow feeds and the corrections feed, and the newsroom's jobs in the output plan.

A follow feed (a tag's, an author's, a cited outlet's) is RSS, Atom and JSON Feed of the newest
``[follow] size`` posts of its list, in the list page's folder, made by the site feeds' own code
(``render/feeds.py``). Its job key digests exactly what the files are made of: the config, the
channel, the posts and the outlet names the "Read the original" links use — not the whole model.
The corrections feed lists the newest corrections, one item per correction.
"""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING, Any

from lxml import etree as ET

from ..cache import digest
from ..render import feeds
from ..site import Site
from ..timestamps import iso
from . import pages
from .model import CorrectionRow, Follow

if TYPE_CHECKING:
    from ..render.jobs import Planner

_DESCRIPTIONS = {"tag": "Briefings on {name} from {title}.", "author": "Briefings by {name} in {title}.", "outlet": "Briefings of {title} that cite {name}."}


def channel(site: Site, follow: Follow) -> feeds.Channel:
    config = site.config
    description = _DESCRIPTIONS[follow.kind].format(name=follow.name, title=config.title)
    return feeds.Channel(f"{follow.name} · {config.title}", description, config.absolute_url(follow.url), follow.folder, config.language)


def corrections_feeds(site: Site, rows: tuple[CorrectionRow, ...]) -> list[tuple[str, bytes]]:
    """/corrections/feed.xml, atom.xml and feed.json: one item per correction, newest first."""
    config = site.config
    home = config.absolute_url("/corrections/")
    title = f"Corrections · {config.title}"
    root = ET.Element("rss", {"version": "2.0"}, nsmap={"atom": feeds.ATOM})
    rss = feeds._sub(root, "channel")
    feeds._sub(rss, "title", title)
    feeds._sub(rss, "link", home)
    feeds._sub(rss, "description", f"Every correction {config.title} has published, newest first.")
    feeds._sub(rss, "language", config.language)
    feeds._sub(rss, f"{{{feeds.ATOM}}}link", href=home + "feed.xml", rel="self", type="application/rss+xml")
    atom = ET.Element(f"{{{feeds.ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": config.language}, nsmap={None: feeds.ATOM})
    feeds._sub(atom, f"{{{feeds.ATOM}}}id", home)
    feeds._sub(atom, f"{{{feeds.ATOM}}}title", title)
    feeds._sub(atom, f"{{{feeds.ATOM}}}updated", iso(rows[0].note.date) if rows else "1970-01-01T00:00:00Z")
    feeds._sub(atom, f"{{{feeds.ATOM}}}link", href=home + "atom.xml", rel="self", type="application/atom+xml")
    feeds._sub(atom, f"{{{feeds.ATOM}}}link", href=home, rel="alternate", type="text/html")
    feeds._sub(feeds._sub(atom, f"{{{feeds.ATOM}}}author"), f"{{{feeds.ATOM}}}name", config.publisher.name)
    items: list[dict[str, Any]] = []
    for row in rows:
        url = config.absolute_url(row.url)
        heading = f"Correction: {row.post.entry.title}"
        text = feeds.absolute_html(site, row.note.html)
        item = feeds._sub(rss, "item")
        feeds._sub(item, "title", heading)
        feeds._sub(item, "link", url)
        feeds._sub(item, "guid", url, isPermaLink="true")
        from email.utils import format_datetime

        feeds._sub(item, "pubDate", format_datetime(row.note.date))
        feeds._sub(item, "description", text)
        entry = feeds._sub(atom, f"{{{feeds.ATOM}}}entry")
        feeds._sub(entry, f"{{{feeds.ATOM}}}id", url)
        feeds._sub(entry, f"{{{feeds.ATOM}}}title", heading)
        feeds._sub(entry, f"{{{feeds.ATOM}}}link", href=url, rel="alternate", type="text/html")
        feeds._sub(entry, f"{{{feeds.ATOM}}}published", iso(row.note.date))
        feeds._sub(entry, f"{{{feeds.ATOM}}}updated", iso(row.note.date))
        feeds._sub(entry, f"{{{feeds.ATOM}}}content", text, type="html")
        items.append({"id": url, "url": url, "title": heading, "content_html": text, "summary": row.note.text, "date_published": iso(row.note.date)})
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home,
        "feed_url": home + "feed.json",
        "language": config.language,
        "authors": [{"name": config.publisher.name, "url": config.publisher.url}],
        "items": items,
    }
    return [
        ("corrections/feed.xml", feeds._serialise(root)),
        ("corrections/atom.xml", feeds._serialise(atom)),
        ("corrections/feed.json", (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")),
    ]


def plan(planner: Planner) -> None:
    """Add the newsroom's pages and feeds to the plan (after the sources pages)."""
    site, view, fingerprints = planner.site, planner.view, planner.fingerprints
    room = pages.newsroom(site)
    if room.authors:
        planner.page(lambda: pages.authors_index(site, view), "the authors page /authors/", ("masthead.toml", None, "authors"))
    for author_page in pages.author_pages(site):
        planner.page(partial(pages.author_page, site, view, author_page), f"the author page {author_page.url}", ("masthead.toml", None, "authors"))
    if room.corrections:
        planner.page(lambda: pages.corrections_page(site, view), "the corrections page /corrections/", ("masthead.toml", None, "corrections"))
        rows = room.corrections[: site.config.follow.size]
        key = digest(f"corrections\0{fingerprints.of(site.config, rows, corrections_feeds)}".encode())
        planner.add(key, "the corrections feeds", ("masthead.toml", None, "corrections"), None if planner.kept(key) else partial(corrections_feeds, site, rows))
    if room.follows or room.corrections:
        planner.page(lambda: pages.feeds_page(site, view), "the feeds page /feeds/", ("masthead.toml", None, "follow"))
    for follow in room.follows:
        about = channel(site, follow)
        key = digest(f"follow\0{fingerprints.of(site.config, about, follow.posts, view.outlet_names, feeds.channel_feeds)}".encode())
        produce = None if planner.kept(key) else partial(feeds.channel_feeds, site, about, follow.posts)
        planner.add(key, f"the feeds of {follow.url}", ("masthead.toml", None, "follow"), produce)
