"""What the site derives from every post at once, as one frozen field of the site model
(``Site.newsroom``), computed in the assemble stage: author pages, the corrections list, related
briefings and the follow feeds. Pages receive parts of it, so their keys follow what they show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..config import AuthorProfile
from ..links import citations
from ..site import Document, Site
from .related import related
from .story import Note


@dataclass(frozen=True)
class AuthorSummary:
    id: str
    profile: AuthorProfile
    posts: tuple[Document, ...]  # newest first

    @property
    def url(self) -> str:
        return f"/authors/{self.id}/"


@dataclass(frozen=True)
class CorrectionRow:
    post: Document
    note: Note

    @property
    def url(self) -> str:
        return f"{self.post.url}#{self.note.anchor}"


def feed_folder(url: str) -> str:
    """Where the feeds of the list at ``url`` go: its folder; beside a list at a file (/tag/x.html), tag/x/."""
    return (url[: -len(".html")] + "/" if url.endswith(".html") else url).lstrip("/")


@dataclass(frozen=True)
class Follow:
    """One followable list: its page, its three feeds (``<folder>feed.xml``, ``atom.xml``, ``feed.json``)."""

    kind: str  # "tag", "author", "outlet"
    name: str  # as its page names it
    url: str  # its page: /tags/<slug>/, /authors/<id>/, /sources/<outlet>/
    posts: tuple[Document, ...]  # the newest, [follow] size of them

    @property
    def folder(self) -> str:
        return feed_folder(self.url)


@dataclass(frozen=True)
class Newsroom:
    authors: tuple[AuthorSummary, ...] = ()  # every [authors] id, by name
    corrections: tuple[CorrectionRow, ...] = ()  # every correction of a published post, newest first
    related: Mapping[str, tuple[Document, ...]] = field(default_factory=dict)  # post URL -> related posts
    follows: tuple[Follow, ...] = ()  # tags, then authors, then outlets

    def follow_for(self, url: str) -> Follow | None:
        return next((follow for follow in self.follows if follow.url == url), None)


def derive(site: Site) -> Newsroom:
    config = site.config
    published = tuple(post for post in site.posts if not post.noindex)
    authors = tuple(
        AuthorSummary(author_id, profile, tuple(post for post in site.posts if author_id in post.entry.story.author_ids))
        for author_id, profile in sorted(config.authors.items(), key=lambda item: (item[1].name.casefold(), item[0]))
    )
    rows = [CorrectionRow(post, note) for post in published for note in post.entry.story.corrections]
    rows.sort(key=lambda row: (row.note.date, row.post.url, row.note.anchor), reverse=True)
    size = config.follow.size
    follows: list[Follow] = []

    def newest(posts: tuple[Document, ...]) -> tuple[Document, ...]:
        return tuple(post for post in posts if not post.noindex)[:size]

    if config.follow.tags:
        follows += [Follow("tag", tag.name, tag.url, newest(tag.posts)) for tag in site.tags]
    if config.follow.authors:
        follows += [Follow("author", author.profile.name, author.url, newest(author.posts)) for author in authors if author.posts]
    if config.follow.outlets:
        follows += [Follow("outlet", summary.outlet.name, summary.outlet.url, newest(summary.posts)) for summary in site.outlets]
    return Newsroom(
        authors=authors,
        corrections=tuple(rows),
        related=related(site.posts, citations.outlets_for(config), config.related.count),
        follows=tuple(follow for follow in follows if follow.posts),
    )
