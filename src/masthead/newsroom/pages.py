"""The newsroom's pages: ``/authors/``, ``/authors/<id>/`` (paginated), ``/corrections/`` and
``/feeds/``, what a post page receives besides its document (``related``, ``live_open``), and the
follow feeds announced in the head of the pages they follow.

Templates: ``authors.html`` (``authors``: ``AuthorCard`` items), ``author.html`` (``page``: an
``AuthorPage``), ``corrections.html`` (``corrections``: ``model.CorrectionRow`` items, newest
first), ``feeds.html`` (``feeds``: ``FeedLink`` items). See docs/newsroom.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from ..config import AuthorProfile
from ..render import pages, seo
from ..site import Document, Site
from . import jsonld
from .model import Follow, Newsroom, feed_folder

FEED_TYPES = (("application/rss+xml", "RSS", "feed.xml"), ("application/atom+xml", "Atom", "atom.xml"), ("application/feed+json", "JSON Feed", "feed.json"))


def newsroom(site: Site) -> Newsroom:
    return site.newsroom or Newsroom()


@dataclass(frozen=True)
class FeedLink:
    """A followable list on /feeds/: its page and its three feeds."""

    kind: str  # "tag", "author", "outlet"
    name: str
    url: str  # the page; the feeds are <feeds>feed.xml, atom.xml, feed.json

    @property
    def feeds(self) -> str:
        return "/" + feed_folder(self.url)


@dataclass(frozen=True)
class AuthorCard:
    id: str
    profile: AuthorProfile
    count: int  # published briefings

    @property
    def url(self) -> str:
        return f"/authors/{self.id}/"


@dataclass(frozen=True)
class AuthorPage:
    """One page of an author's briefings, newest first, ``page_size`` at a time."""

    url: str
    author: AuthorCard
    posts: tuple[Document, ...]
    pagination: pages.Pagination
    follow: FeedLink | None  # the author's feeds, when they have any


def feed_links(follow: Follow) -> tuple[tuple[str, str, str], ...]:
    """(MIME type, title, URL) of a follow's three feeds, for ``<link rel="alternate">``."""
    return tuple((mime, f"{follow.name} ({label})", f"/{follow.folder}{name}") for mime, label, name in FEED_TYPES)


def _with(head: partial[seo.Head], feeds: tuple[tuple[str, str, str], ...], data: Mapping[str, Any] | None = None) -> seo.Head:
    made = head()
    return replace(made, feeds=feeds, json_ld=seo.script_json(data) if data is not None else made.json_ld)


def announce(site: Site, url: str, head: partial[seo.Head]) -> partial[seo.Head]:
    """``head`` with the feeds of the list at ``url`` (any of its pages), if it has follow feeds."""
    follow = next((item for item in newsroom(site).follows if url == item.url or url.startswith(item.url + "page/")), None)
    return partial(_with, head, feed_links(follow)) if follow is not None else head


def post_context(site: Site, document: Document) -> dict[str, object]:
    """What a post page receives besides ``site`` and ``document``."""
    return {"related": newsroom(site).related.get(document.url, ()), "live_open": document.entry.story.coverage_open(site.now)}


def _cards(site: Site) -> tuple[AuthorCard, ...]:
    return tuple(AuthorCard(author.id, author.profile, sum(1 for post in author.posts if not post.noindex)) for author in newsroom(site).authors)


def authors_index(site: Site, view: pages.SiteView) -> pages.Page:
    head = pages.list_head(site, "Authors", f"Who writes {site.config.title}.", "/authors/")
    return pages.Page("authors/index.html", "authors.html", {"site": view, "authors": _cards(site)}, head)


def author_pages(site: Site) -> Iterator[AuthorPage]:
    follows = {follow.url: follow for follow in newsroom(site).follows}
    for author, card in zip(newsroom(site).authors, _cards(site), strict=True):
        follow = follows.get(author.url)
        link = FeedLink(follow.kind, follow.name, follow.url) if follow is not None else None
        for url, pagination, chunk in pages.paginate(author.posts, author.url, site.config.page_size):
            yield AuthorPage(url, card, chunk, pagination, link)


def author_page(site: Site, view: pages.SiteView, page: AuthorPage) -> pages.Page:
    profile, number = page.author.profile, page.pagination.number
    title = profile.name if number == 1 else f"{profile.name} (page {number})"
    description = profile.bio or f"Briefings by {profile.name} in {site.config.title}."
    head = pages.list_head(site, title, description, page.url, page.pagination.prev_url, page.pagination.next_url)
    follow = next((item for item in newsroom(site).follows if item.url == page.author.url), None)
    data = jsonld.profile_page(site.config, page.author.id, profile)
    return pages.Page(
        pages.output_path(page.url), "author.html", {"site": view, "page": page}, partial(_with, head, feed_links(follow) if follow else (), data)
    )


def corrections_page(site: Site, view: pages.SiteView) -> pages.Page:
    head = pages.list_head(site, "Corrections", f"Every correction {site.config.title} has published, newest first.", "/corrections/")
    feeds = tuple((mime, f"Corrections ({label})", f"/corrections/{name}") for mime, label, name in FEED_TYPES)
    return pages.Page("corrections/index.html", "corrections.html", {"site": view, "corrections": newsroom(site).corrections}, partial(_with, head, feeds))


def feeds_page(site: Site, view: pages.SiteView) -> pages.Page:
    head = pages.list_head(site, "Feeds", f"Follow {site.config.title} by topic, author or cited outlet.", "/feeds/")
    links = tuple(FeedLink(follow.kind, follow.name, follow.url) for follow in newsroom(site).follows)
    return pages.Page("feeds/index.html", "feeds.html", {"site": view, "feeds": links, "has_corrections": bool(newsroom(site).corrections)}, head)
