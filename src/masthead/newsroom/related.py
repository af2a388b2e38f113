"""Related briefings: for each post, the posts that share most with it.

A candidate scores 6 points per cited URL both posts cite, 3 per outlet both cite (normalised as
/sources/ names them) and 3 per shared tag, plus up to 3 for closeness in time (within a week 3,
a month 2, a year 1). Only a post that shares a URL, an outlet or a tag is a candidate. Ties go to
the nearer in time, then the newer, then the URL: the same site gives the same lists. Integer
points, no floats: nothing depends on rounding.

Computed once per site model in the assemble stage (``model.derive``); a post page receives its
list, so its key changes exactly when a post that enters, leaves or stays in the list changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..content.markdown import slugify
from ..links.outlets import Outlets
from ..site import Document


def _facts(post: Document, outlets: Outlets, names: dict[str, str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    body = post.entry.body
    for written, _ in body.sources:
        if written not in names:
            names[written] = outlets.outlet(written).slug
    return (
        frozenset(url for _, url in body.sources),
        frozenset(names[written] for written, _ in body.sources),
        frozenset(slugify(tag) for tag in post.entry.tags),
    )


def _closeness(days: float) -> int:
    return 3 if days <= 7 else 2 if days <= 31 else 1 if days <= 366 else 0


def related(posts: tuple[Document, ...], outlets: Outlets, count: int) -> Mapping[str, tuple[Document, ...]]:
    """Post URL -> its related posts, best first (drafts and scheduled posts only relate to each other's kind)."""
    if count <= 0:
        return {}
    names: dict[str, str] = {}
    facts = {post.url: _facts(post, outlets, names) for post in posts}
    index: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for post in posts:
        urls, slugs, tags = facts[post.url]
        for kind, values in (("url", urls), ("outlet", slugs), ("tag", tags)):
            for value in values:
                index[(kind, value)].append(post)
    found: dict[str, tuple[Document, ...]] = {}
    for post in posts:
        urls, slugs, tags = facts[post.url]
        candidates: dict[str, Document] = {}
        for kind, values in (("url", urls), ("outlet", slugs), ("tag", tags)):
            for value in values:
                for other in index[(kind, value)]:
                    if other.url != post.url and (other.noindex <= post.noindex):  # a published post never points at a draft
                        candidates[other.url] = other
        ranked = []
        for other in candidates.values():
            other_urls, other_slugs, other_tags = facts[other.url]
            seconds = abs((other.entry.date - post.entry.date).total_seconds())
            points = 6 * len(urls & other_urls) + 3 * len(slugs & other_slugs) + 3 * len(tags & other_tags) + _closeness(seconds / 86400)
            ranked.append((-points, seconds, -other.entry.date.timestamp(), other.url, other))
        ranked.sort(key=lambda item: item[:4])
        chosen = tuple(item[4] for item in ranked[:count])
        if chosen:
            found[post.url] = chosen
    return found
