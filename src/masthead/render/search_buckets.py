"""Date buckets for the search index: which post pages share one Pagefind index.

Pagefind has no incremental mode and costs about 2 ms of CPU per page, so one index over every
post makes every edit pay for the whole archive. The posts are split into buckets of consecutive
dates, each indexed on its own, so an edit re-indexes only its bucket. A bucket is a calendar
year when the year has at most ``MAX_PAGES`` posts; otherwise runs of consecutive months packed
up to ``MAX_PAGES`` (a month over the limit is split into runs of consecutive days, and a single
day is never split). Boundaries depend only on the posts of the same year (of the same month for
day runs), so an edit, a new post or a removal changes the buckets of its own year at most.

Names say where a bucket starts: ``2023`` (the whole year), ``2023-05`` (months from May),
``2023-05-14`` (days from the 14th). The list is newest first, the order the search page
queries them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

# Measured (docs/benchmarks.md): re-indexing 250 seed-shaped pages costs about 0.5 s of CPU and
# a 10,000-post archive makes ~40 buckets, few enough for the search page to query them all.
MAX_PAGES = 250


@dataclass(frozen=True)
class Bucket:
    name: str
    pages: tuple[str, ...]  # output paths of the post pages, oldest first


Dated = tuple[datetime, str]  # (the post's date in the site's time zone, its output path)


def _pack(groups: Iterable[tuple[str, list[Dated]]], limit: int) -> list[tuple[str, list[Dated]]]:
    """Consecutive groups joined while the run stays within ``limit`` (named by its first group)."""
    runs: list[tuple[str, list[Dated]]] = []
    for name, items in groups:
        if runs and len(runs[-1][1]) + len(items) <= limit:
            runs[-1][1].extend(items)
        else:
            runs.append((name, list(items)))
    return runs


def _month_runs(year: int, posts: list[Dated], limit: int) -> list[tuple[str, list[Dated]]]:
    runs: list[tuple[str, list[Dated]]] = []
    pending: list[tuple[str, list[Dated]]] = []  # months small enough to be packed together
    for month, group in groupby(posts, key=lambda item: item[0].month):
        items = list(group)
        if len(items) <= limit:
            pending.append((f"{year}-{month:02d}", items))
            continue
        runs += _pack(pending, limit)
        pending = []
        days = ((f"{year}-{month:02d}-{day:02d}", list(found)) for day, found in groupby(items, key=lambda item: item[0].day))
        runs += _pack(days, limit)
    return runs + _pack(pending, limit)


def buckets(posts: Sequence[Dated], limit: int = MAX_PAGES) -> list[Bucket]:
    """The buckets of ``posts``, newest first; every post in exactly one."""
    ordered = sorted(posts)
    found: list[Bucket] = []
    for year, group in groupby(ordered, key=lambda item: item[0].year):
        items = list(group)
        runs = [(str(year), items)] if len(items) <= limit else _month_runs(year, items, limit)
        found += [Bucket(name, tuple(path for _, path in run)) for name, run in runs]
    return found[::-1]
