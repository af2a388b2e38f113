"""Citations as data: one record per ``[[Outlet](url)]``, and the outlets they add up to.

Records are read from the site model (``entry.body.citations``), so they follow the build's
choices: drafts only with ``--drafts``, resolved URLs when ``links.rewrite = "resolved"``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..config import Config
from ..content.markdown import RenderedMarkdown
from ..site import Document, Site
from ..timestamps import iso
from .outlets import Outlet, Outlets
from .store import Answer


@dataclass(frozen=True)
class CitationRecord:
    post: Document
    outlet: Outlet  # normalised
    written: str  # the outlet's name as written in the post
    url: str  # as published
    resolved_url: str  # the destination from the link store, "" if unknown or not a redirect
    position: int  # order in the post, from 1
    line: int  # line in the source file


@dataclass(frozen=True)
class OutletSummary:
    outlet: Outlet
    citations: int
    posts: tuple[Document, ...]  # newest first
    first: datetime
    last: datetime

    @property
    def latest(self) -> tuple[Document, ...]:
        return self.posts[:3]


_OUTLETS: dict[tuple[tuple[str, tuple[str, ...]], ...], tuple[Outlets, Callable[[str], str]]] = {}


def _normaliser(config: Config) -> tuple[Outlets, Callable[[str], str]]:
    """The normaliser for a set of aliases, and its name lookup remembered (a pure function of
    the aliases: a few hundred names are asked for thousands of times)."""
    aliases = tuple(sorted(config.outlets.items()))
    found = _OUTLETS.get(aliases)
    if found is None:
        outlets = Outlets(config.outlets)
        found = _OUTLETS[aliases] = (outlets, lru_cache(maxsize=4096)(outlets.name))
    return found


def outlets_for(config: Config) -> Outlets:
    """The site's normaliser, built once per set of aliases (it is asked once per post page)."""
    return _normaliser(config)[0]


def records(site: Site, answers: Mapping[str, Answer] | None = None) -> tuple[CitationRecord, ...]:
    """Every citation of every published post, newest post first, in citation order."""
    normaliser = outlets_for(site.config)
    outlet = lru_cache(maxsize=None)(normaliser.outlet)  # a few hundred names, cited thousands of times
    found = []
    for post in site.posts:
        for citation in post.entry.body.citations:
            answer = (answers or {}).get(citation.url)
            resolved = answer.final_url if answer and answer.outcome == "ok" and answer.redirected else ""
            found.append(
                CitationRecord(
                    post,
                    outlet(citation.outlet),
                    citation.outlet,
                    citation.url,
                    resolved,
                    citation.position,
                    citation.line,
                )
            )
    return tuple(found)


def summaries(found: tuple[CitationRecord, ...]) -> tuple[OutletSummary, ...]:
    """One summary per outlet (by slug), most cited first, then by name."""
    grouped: dict[str, list[CitationRecord]] = defaultdict(list)
    for record in found:
        grouped[record.outlet.slug].append(record)
    result = []
    for group in grouped.values():
        name = Counter(record.outlet.name for record in group).most_common(1)[0][0]
        posts = tuple(
            sorted(
                {id(r.post): r.post for r in group}.values(),
                key=lambda d: (d.entry.date, d.entry.source),
                reverse=True,
            )
        )
        dates = [record.post.entry.date for record in group]
        result.append(OutletSummary(Outlet(name, group[0].outlet.slug), len(group), posts, min(dates), max(dates)))
    return tuple(sorted(result, key=lambda s: (-s.citations, s.outlet.name.casefold())))


def uncited(site: Site) -> tuple[Document, ...]:
    return tuple(post for post in site.posts if not post.entry.body.citations)


def json_ld(config: Config, body: RenderedMarkdown) -> list[dict[str, Any]]:
    """The post's ``citation`` entries: one CreativeWork per distinct (outlet, URL)."""
    outlet_name = _normaliser(config)[1]
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for citation in body.citations:
        name = outlet_name(citation.outlet)
        entries.setdefault(
            (name, citation.url),
            {
                "@type": "CreativeWork",
                "name": name,
                "url": citation.url,
                "publisher": {"@type": "Organization", "name": name},
            },
        )
    return list(entries.values())


def table_json(site: Site, found: tuple[CitationRecord, ...]) -> dict[str, Any]:
    """What ``masthead sources --json`` prints."""
    return {
        "outlets": [
            {
                "name": s.outlet.name,
                "slug": s.outlet.slug,
                "url": site.config.absolute_url(s.outlet.url),
                "citations": s.citations,
                "posts": len(s.posts),
                "first": iso(s.first),
                "last": iso(s.last),
            }
            for s in summaries(found)
        ],
        "citations": [
            {
                "post": r.post.entry.source,
                "post_url": site.config.absolute_url(r.post.url),
                "outlet": r.outlet.name,
                "written": r.written,
                "url": r.url,
                "resolved_url": r.resolved_url,
                "position": r.position,
                "line": r.line,
            }
            for r in found
        ],
        "uncited_posts": [{"source": d.entry.source, "url": site.config.absolute_url(d.url)} for d in uncited(site)],
    }
