"""Related briefings: for each post, the posts that share most with it.

A candidate scores 6 points per cited URL both posts cite, 3 per outlet both cite (normalised as
/sources/ names them) and 3 per shared tag, plus up to 3 for closeness in time (within a week 3,
a month 2, a year 1). Only a post that shares a URL, an outlet or a tag is a candidate, and of each
shared one only the ``NEIGHBOURS`` nearest in time on either side (so the work grows with the site,
not with its square). Ties go to
the nearer in time, then the newer, then the URL: the same site gives the same lists. Integer
points, no floats: nothing depends on rounding.

Computed once per site model in the assemble stage (``model.derive``); a post page receives its
list, so its key changes exactly when a post that enters, leaves or stays in the list changes.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping

from ..content.markdown import slugify
from ..links.outlets import Outlets
from ..site import Document

# Candidates per shared URL, outlet or tag: the nearest in time on each side. An outlet most posts
# cite would otherwise make every post a candidate of every other (quadratic in the site's size).
NEIGHBOURS = 6


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
    """Post URL -> its related posts, best first (a published post never lists a draft)."""
    if count <= 0:
        return {}
    names: dict[str, str] = {}
    facts = {post.url: _facts(post, outlets, names) for post in posts}
    moments = {post.url: post.entry.date.timestamp() for post in posts}
    buckets: dict[tuple[str, str], list[tuple[float, str, Document]]] = defaultdict(list)
    for post in posts:
        for kind, values in zip(("url", "outlet", "tag"), facts[post.url], strict=True):
            for value in values:
                buckets[(kind, value)].append((moments[post.url], post.url, post))
    for bucket in buckets.values():
        bucket.sort(key=lambda item: item[:2])
    found: dict[str, tuple[Document, ...]] = {}
    for post in posts:
        urls, slugs, tags = facts[post.url]
        moment = moments[post.url]
        candidates: dict[str, Document] = {}
        for kind, values in (("url", urls), ("outlet", slugs), ("tag", tags)):
            for value in values:
                bucket = buckets[(kind, value)]
                where = bisect.bisect_left(bucket, (moment, post.url), key=lambda item: item[:2])
                for _, url, other in bucket[max(0, where - NEIGHBOURS) : where + NEIGHBOURS + 1]:
                    if url != post.url and other.noindex <= post.noindex:
                        candidates[url] = other
        ranked = []
        for other in candidates.values():
            other_urls, other_slugs, other_tags = facts[other.url]
            other_moment = moments[other.url]
            seconds = other_moment - moment if other_moment > moment else moment - other_moment
            points = 6 * len(urls & other_urls) + 3 * len(slugs & other_slugs) + 3 * len(tags & other_tags) + _closeness(seconds / 86400)
            ranked.append((-points, seconds, -other_moment, other.url, other))
        ranked.sort(key=lambda item: item[:4])
        chosen = tuple(item[4] for item in ranked[:count])
        if chosen:
            found[post.url] = chosen
    return found
