"""When the output changes by itself: a scheduled entry falls due (at its date or its publishDate,
whichever is later: ``Entry.release``, the rule the site places entries by), an ``expiryDate``
passes, a post leaves the news sitemap's two-day window, a live post's ``liveEnd`` passes.
``masthead next-change`` prints the next such instant, as ISO 8601 and as a cron line, so a
scheduler can rebuild and deploy right then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content.entries import Entry
    from .options import BuildOptions
    from .site import Site

PUBLISHES, EXPIRES, LEAVES_NEWS = "publishes", "expires", "leaves the news sitemap"
LIVE_ENDS = "ends its live coverage"  # its "Live" label goes (newsroom/)


@dataclass(frozen=True, order=True)
class Change:
    moment: datetime
    what: str
    source: str


def changes(site: Site, entries: Iterable[Entry], options: BuildOptions) -> list[Change]:
    """Every future instant at which the same sources build to different bytes, soonest first."""
    from .render.sitemap import NEWS_WINDOW, news_posts

    now = site.now
    found = [Change(post.entry.date + NEWS_WINDOW, LEAVES_NEWS, post.entry.source) for post in news_posts(site)]
    for entry in entries:
        if entry.draft and not options.drafts:
            continue
        release = entry.release
        if release is not None and release > now:  # ``entry.scheduled``: the site's own rule
            found.append(Change(release, PUBLISHES, entry.source))  # with --future too: its Scheduled badge and noindex go
            if entry.is_post and entry.date + NEWS_WINDOW > now:
                found.append(Change(entry.date + NEWS_WINDOW, LEAVES_NEWS, entry.source))
        if entry.expiry is not None and entry.expiry > now:
            found.append(Change(entry.expiry, EXPIRES, entry.source))
        if entry.story.live and entry.story.live_end is not None:
            found.append(Change(entry.story.live_end, LIVE_ENDS, entry.source))
    return sorted(change for change in found if change.moment > now)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def cron(moment: datetime) -> str:
    """A cron line (UTC, minute precision, rounded up) that fires at ``moment`` — and on that day every year."""
    utc = moment.astimezone(UTC)
    if utc.second or utc.microsecond:
        utc = utc.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return f"{utc.minute} {utc.hour} {utc.day} {utc.month} *"


def withheld_files(site: Site, entries: Iterable[Entry]) -> frozenset[str]:
    """Static files (paths under the static folder) that only unpublished entries show: a scheduled
    post's images stay out of the output until the post itself goes out."""
    published = {document.entry.source for document in site.bodies()}  # the home page's and lists' intros too

    def images(entry: Entry) -> set[str]:
        return {*([entry.image.src] if entry.image else []), *entry.body.images}

    shown = {src for document in site.bodies() for src in images(document.entry)}
    shown |= site.config.shown_files  # the default image, the logo, authors' portraits: whatever is published
    hidden = {src for entry in entries if entry.source not in published for src in images(entry)}
    return frozenset(src.lstrip("/") for src in hidden - shown)
