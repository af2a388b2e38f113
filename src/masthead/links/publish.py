"""``links.rewrite = "resolved"``: publish destinations instead of tracking links.

A build step that takes the site model and returns its replacement; the sources are never
touched. Resolved URLs come from the link store only (a build never asks the network). A
tracking link the store cannot resolve is published as written, with ``rel="nofollow noopener"``
and a warning.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import replace

from ..content.entries import Entry
from ..content.markdown import Citation
from ..errors import Problem
from ..site import Document, Site
from .fix import clean_destination
from .rules import classify, web_url
from .store import Answer, stored_answers

_ANCHOR = re.compile(r'<a href="([^"]*)"')


def _rewrite_entry(entry: Entry, site: Site, answers: Mapping[str, Answer]) -> tuple[Entry, list[Problem]]:
    rules = site.config.links.rules
    clean: dict[str, str] = {}
    problems: list[Problem] = []
    links = [(link.url, link.line) for link in entry.body.links]
    for url, line in dict(reversed(links)).items():  # each URL once, at its first line
        tracking = classify(url, rules)
        if tracking is None:
            continue
        found, reason = clean_destination(url, tracking, answers.get(web_url(url) or url))  # stored as scanned: //… as https
        if found is None:
            problems.append(
                Problem(
                    entry.source,
                    line,
                    None,
                    f'tracking link {url} published as written, with rel="nofollow noopener": {reason}',
                    warning=True,
                )
            )
        clean[url] = found or ""
    if not clean:
        return entry, problems

    def anchor(match: re.Match[str]) -> str:
        url = html.unescape(match.group(1))
        if url not in clean:
            return match.group(0)
        if clean[url]:
            return f'<a href="{html.escape(clean[url], quote=True)}"'
        return f'<a rel="nofollow noopener" href="{match.group(1)}"'

    body = entry.body
    citations = tuple(Citation(c.outlet, clean.get(c.url) or c.url, c.line, c.position) for c in body.citations)
    read_more = clean.get(body.read_more or "") or body.read_more
    new_body = body.replace(html=_ANCHOR.sub(anchor, body.html), citations=citations, read_more=read_more)
    return replace(entry, body=new_body), problems


def apply(site: Site) -> tuple[Site, list[Problem]]:
    """The site with tracking links replaced by their stored destinations, and warnings."""
    if site.config.links.rewrite != "resolved":
        return site, []
    answers = stored_answers(site.config)
    problems: list[Problem] = []
    replaced: dict[int, Document] = {}
    for document in (*site.posts, *site.pages):
        entry, found = _rewrite_entry(document.entry, site, answers)
        problems += found
        replaced[id(document)] = replace(document, entry=entry) if entry is not document.entry else document

    def swap(documents: tuple[Document, ...]) -> tuple[Document, ...]:
        return tuple(replaced.get(id(document), document) for document in documents)

    return replace(
        site,
        posts=swap(site.posts),
        pages=swap(site.pages),
        tags=tuple(replace(tag, posts=swap(tag.posts)) for tag in site.tags),
        years={year: {month: swap(posts) for month, posts in months.items()} for year, months in site.years.items()},
    ), problems
