"""The link audit: scan the sources, classify every link, ask the ones that need asking.

``audit`` is what ``masthead links`` and ``masthead check --links`` run. It reads answers from
the store, asks (with ``resolve``) only what is missing or older than ``links.recheck_days``,
and writes new answers back, so a link is asked at most once per period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from ..config import Config
from .resolve import ResolverSettings, resolve_all
from .rules import Tracking, classify
from .scan import FoundLink, scan_site
from .store import Answer, open_store, stored_answers


@dataclass(frozen=True)
class AuditedLink:
    link: FoundLink
    tracking: Tracking | None
    answer: Answer | None  # the latest answer known, None if never asked


@dataclass(frozen=True)
class Audit:
    links: tuple[AuditedLink, ...]
    asked: int  # URLs asked over HTTP in this run

    @property
    def tracking(self) -> tuple[AuditedLink, ...]:
        return tuple(item for item in self.links if item.tracking)

    @property
    def broken(self) -> tuple[AuditedLink, ...]:
        return tuple(item for item in self.links if item.answer and item.answer.broken)

    @property
    def redirected(self) -> tuple[AuditedLink, ...]:
        return tuple(item for item in self.links if item.answer and item.answer.redirected and not item.answer.broken)


def settings_for(
    config: Config,
    allow_private: bool = False,
    host_map: dict[str, str] | None = None,
    **overrides: float,
) -> ResolverSettings:
    options: dict[str, object] = {
        "concurrency": config.links.concurrency,
        "timeout": float(config.links.timeout),
        "allow_private": allow_private,
        "host_map": host_map or {},
    }
    options.update(overrides)
    return ResolverSettings(**options)  # type: ignore[arg-type]


def audit(
    config: Config,
    resolve: str = "none",
    settings: ResolverSettings | None = None,
    now: datetime | None = None,
    started: Callable[[int], None] | None = None,
    done: Callable[[Answer], None] | None = None,
) -> Audit:
    """Scan and classify; ``resolve`` is "none", "tracking" (only tracking links) or "all"."""
    links = scan_site(config)
    rules = config.links.rules
    classified = [(link, classify(link.url, rules)) for link in links]
    if resolve == "none":
        known = stored_answers(config)
        return Audit(
            tuple(AuditedLink(link, tracking, known.get(link.url)) for link, tracking in classified),
            0,
        )
    moment = now or datetime.now(UTC)
    wanted = [link.url for link, tracking in classified if resolve == "all" or (tracking and tracking.redirect)]
    with open_store(config) as store:
        known = {url: answer for url in dict.fromkeys(wanted) if (answer := store.fresh(url, moment, config.links.recheck_days))}
        missing = [url for url in dict.fromkeys(wanted) if url not in known]
        if started:
            started(len(missing))
        fresh = resolve_all(missing, settings or settings_for(config), done) if missing else {}
        store.put(fresh.values())
        everything = store.answers()
    return Audit(
        tuple(AuditedLink(link, tracking, everything.get(link.url)) for link, tracking in classified),
        len(fresh),
    )
