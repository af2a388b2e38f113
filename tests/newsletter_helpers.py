"""Shared bits of the newsletter tests: the fixture folder, a site config with [newsletter], and what a received issue must read as."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import yaml

from masthead.build import build
from masthead.links.rules import classify
from masthead.newsletter.importer import ImportReport
from masthead.newsletter.layout import Layout
from masthead.newsletter.markup import parse
from masthead.options import BuildOptions

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "newsletter"
CAMPAIGN_MONITOR = FIXTURES / "campaign-monitor.eml"
MAILCHIMP = FIXTURES / "mailchimp.eml"
MBOX = FIXTURES / "issues.mbox"
SAVED_HTML = FIXTURES / "saved-issue.html"
ALL_ISSUES = (CAMPAIGN_MONITOR, MAILCHIMP, MBOX, SAVED_HTML)

CONFIG = """\
title = "Test Briefing"
base_url = "https://test.example.org"
timezone = "UTC"
default_image = "/img/default.jpg"

[newsletter]
topic_images = [{ topic = "tariffs", image = "/img/port.jpg" }]
"""


def body_text(message: EmailMessage, subtype: str) -> str:
    """The decoded text of a message's ``subtype`` ("html" or "plain") body part."""
    part = message.get_body((subtype,))
    assert part is not None, f"no text/{subtype} part"
    return str(part.get_content())


@dataclass(frozen=True)
class Received:
    name: str
    profile: str
    kind: str
    titles: tuple[str, ...]
    images: dict[str, str]  # story title -> the end of its featured image's address (stories not named have none)
    tracking: dict[tuple[str, str], int]  # (service, kind) -> links and images of that shape anywhere in the issue
    tracking_in_posts: tuple[int, ...]  # tracking links left in each story's body
    dropped: frozenset[str]
    absent: tuple[str, ...]  # text and markup that must not reach any story
    subject: str = ""  # the issue's subject as read (a forward's is the original's)
    forwarded: bool = False
    captions: dict[str, str] = field(default_factory=dict)


def assert_read_as(layout: Layout, case: Received) -> None:
    """The service, the kind, the exact titles, each story's picture and caption, what was left out, no chrome in any story, the tracking links left."""
    assert (layout.profile.name, layout.kind) == (case.profile, case.kind)
    assert tuple(story.title for story in layout.stories) == case.titles
    owners = {story.title: story.image.src for story in layout.stories if story.image}
    assert owners.keys() == case.images.keys() and all(owners[title].endswith(end) for title, end in case.images.items()), owners
    assert not any("googleusercontent" in src for src in owners.values())  # a client's image proxy is not the picture's address
    assert {story.title: story.image.caption for story in layout.stories if story.image and story.image.caption} == case.captions
    assert case.dropped <= {dropped.why for dropped in layout.dropped}, layout.dropped
    for story in layout.stories:
        text = " ".join(parse(story.html).get_text(" ").split())
        for chrome in case.absent:
            assert chrome not in text and chrome not in story.html and chrome not in story.title, (story.title, chrome)
    left = tuple(sum(1 for a in parse(story.html).find_all("a", href=True) if classify(str(a["href"]))) for story in layout.stories)
    assert left == case.tracking_in_posts


def tracking_in(html: str) -> dict[tuple[str, str], int]:
    """How many links and pictures of an issue's HTML each tracking rule recognises, by (service, kind)."""
    from collections import Counter

    found = Counter(
        (tracking.service, tracking.kind)
        for element in parse(html).find_all(["a", "img"])
        if (tracking := classify(str(element.get("href") or element.get("src") or ""))) is not None
    )
    return dict(found)


def png(color: tuple[int, int, int]) -> bytes:
    """A small PNG of one colour: what the stand-in picture server answers."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), color).save(buffer, "PNG")
    return buffer.getvalue()


def import_served(site: Path, issues: list[Path], picture: bytes, now: datetime) -> tuple[ImportReport, list[str]]:
    """Import ``issues`` into ``site`` with every picture fetched from a server on 127.0.0.1 that
    answers ``picture``; the report, and the addresses asked for (host and path), in order."""
    from link_server import Played, Route, serve

    from masthead.config import load_config
    from masthead.links.audit import settings_for
    from masthead.newsletter.importer import ImportOptions, import_issues

    played = Played({}, default=Route(200, body=picture, content_type="image/png"))
    with serve(played) as server:
        config = load_config(site)
        settings = settings_for(config, False, {"*": server.address}, host_delay=0)
        report = import_issues(config, issues, ImportOptions(keep_tracking=True, settings=settings, now=now))
    return report, [key for method, key, _ in played.requests if method == "GET"]


def assert_issue_read_as(eml: Path, case: Received) -> None:
    """The one issue in ``eml`` has the case's Subject, and its plan (made without a single
    warning) is read as the case says (``assert_read_as``)."""
    import warnings

    from masthead.newsletter.emailparse import read_issues
    from masthead.newsletter.layout import plan

    (issue,) = read_issues(eml)
    assert issue.subject == case.subject
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layout = plan(issue.html, issue.subject, issue.headers)
    assert_read_as(layout, case)


def assert_drafts_hold(site: Path, report: ImportReport, cases: list[Received] | tuple[Received, ...]) -> None:
    """The imported drafts of ``cases``: each story with its own picture (and only those), the tracking
    links each keeps, and a drafts build of them with no error and a page per post."""
    from conftest import BUILD_TIME

    owners = {title for case in cases for title in case.images}
    for post in report.posts:
        meta = yaml.safe_load((site / post.path).read_text("utf-8").split("---\n")[1])
        featured = meta.get("featuredImage") or {}
        assert (post.title in owners) == str(featured.get("src", "")).startswith("/img/newsletter/"), (post.title, featured)
    assert [len(post.tracking) for post in report.posts] == [count for case in cases for count in case.tracking_in_posts]
    result = build(site, BuildOptions(drafts=True), now=BUILD_TIME)
    assert result.site is not None and len(result.site.posts) == len(report.posts)
    assert not [warning for warning in result.warnings if not warning.warning]
    for post in report.posts:
        assert (site / "public/blog" / Path(post.path).stem / "index.html").is_file(), post.path
