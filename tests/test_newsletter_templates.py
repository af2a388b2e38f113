"""Issues from the services' drag-and-drop templates as they send them today
(tests/fixtures/newsletter/services/, written by make_template_fixtures.py): Klaviyo's kl- blocks,
Campaign Monitor's emb layouts on a branded tracking domain, HubSpot's two-column modules and its blog
digest, beehiiv's
2024 card with a sponsor, a boost, a poll and a referral block, Ghost's current template and a
publisher sending through SendGrid. Each: the service, the exact titles, each story's picture,
no chrome in any story, every tracking link and pixel detected by its shape, and the drafts build."""

from __future__ import annotations

import re
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_issue_read_as, import_served, png, tracking_in

from masthead.build import build
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan
from masthead.options import BuildOptions

SERVICES = FIXTURES / "services"

CASES = (
    Received(
        "klaviyo-blocks",
        "klaviyo",
        "stories",
        ("Forty tomatoes, one polytunnel, a winner", "The village seed library turns five"),
        {"Forty tomatoes, one polytunnel, a winner": "7c2e9a41-tomato-trial.jpeg", "The village seed library turns five": "b81f03d7-seed-library.jpeg"},
        {("Klaviyo", "web version"): 1, ("Klaviyo", "click"): 9, ("Klaviyo", "unsubscribe"): 2, ("Klaviyo", "open"): 1},
        (1, 1),
        frozenset({"header", "chrome", "footer", "tracking pixel"}),
        ("View in browser", "fieldhouse-wordmark", "Shop now", "Instagram", "facebook_96", "No longer want", "Manage preferences", "Mill Lane", "kmail-lists"),
        "Forty tomatoes, one winner 🍅",
    ),
    Received(
        "campaign-monitor-stories",
        "campaign-monitor",
        "stories",
        ("The quay steps are open again", "A new mooring for the lightship", "Paint the railings with us"),
        {
            "The quay steps are open again": "csfinal/quay-steps-restored.jpg",
            "A new mooring for the lightship": "csfinal/lightship-deck.jpg",
            "Paint the railings with us": "csfinal/volunteer-day.jpg",
        },
        {
            ("Campaign Monitor", "web version"): 1,
            ("Campaign Monitor", "click"): 3,
            ("Campaign Monitor", "share"): 3,
            ("Campaign Monitor", "unsubscribe"): 2,
            ("Campaign Monitor", "open"): 1,
        },
        (1, 1, 1),
        frozenset({"header", "footer", "chrome", "tracking pixel"}),
        ("No Images", "Click here", "harbour-trust-logo", "Like", "Tweet", "Forward", "Preferences", "Unsubscribe", "Customs House", "Friend of the Harbour"),
        "Harbour Trust News: the quay steps are open",
    ),
    Received(
        "hubspot-columns",
        "hubspot",
        "stories",
        ("The estuary's seagrass is coming back", "Forty eco-moorings replace chains on the seabed"),
        {"The estuary's seagrass is coming back": "name=survey-boat.jpg", "Forty eco-moorings replace chains on the seabed": "name=mooring-buoys.jpg"},
        {("HubSpot", "click"): 7, ("HubSpot", "unsubscribe"): 2, ("HubSpot", "open"): 1, ("tracking parameters", "parameters"): 1},
        (1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("View in browser", "estuary-letter-masthead", "circle_color", "Ferry Road", "Unsubscribe", "Manage preferences", "Hello Friends"),
        "The Estuary Letter: the seagrass is back",
    ),
    Received(
        "hubspot-rss-digest",
        "hubspot",
        "stories",
        ("Why our ferry timetable changes in October", "Ten years of the quayside market", "How we measure the harbour's water quality"),
        {
            "Why our ferry timetable changes in October": "name=ferry-timetable.jpg",
            "Ten years of the quayside market": "name=quayside-market.jpg",
            "How we measure the harbour's water quality": "name=water-sampling.jpg",
        },
        {("HubSpot", "click"): 9, ("HubSpot", "unsubscribe"): 2, ("HubSpot", "open"): 1},
        (1, 1, 1),
        frozenset({"byline", "header", "footer", "tracking pixel"}),
        ("Cerys Hughes", "Dafydd Rees", "June 2, 2025", "quayside-logo", "Pier Head", "Unsubscribe", "Manage preferences"),
        "This week on the Quayside blog",
    ),
    Received(
        "beehiiv-card",
        "beehiiv",
        "single",
        ("The tide gauge that outlived its pier",),
        {"The tide gauge that outlived its pier": "5f0d2a9e-7c4b-4e31-9a8f-tide-gauge.jpg"},
        {("SendGrid", "click"): 10, ("SendGrid", "open"): 1, ("beehiiv", "unsubscribe"): 1, ("tracking parameters", "parameters"): 2},
        (1,),
        frozenset({"header", "byline", "sponsor", "chrome", "feedback", "referral", "footer", "tracking pixel"}),
        (
            "Read Online",
            "Inês Salgado",
            "A hundred and fifty years",  # the subtitle is the teaser, not the first paragraph
            "TOGETHER WITH",
            "Surveyor",
            "15% off",
            "Recommended for you",
            "Saltmarsh",
            "How did you like",
            "Loved it",
            "Share this newsletter",
            "referral link",
            "unsubscribe",
            "Chapel Street",
            "Powered by beehiiv",
            "tideline_logo",
        ),
        "The tide gauge that outlived its pier",
        captions={"The tide gauge that outlived its pier": "The gauge well at Newlyn, 1915 (Tideline archive)"},
    ),
    Received(
        "ghost-2025",
        "ghost",
        "single",
        ("The hedge that ate the lane",),
        {"The hedge that ate the lane": "2025/03/holloway.jpg"},
        {("Ghost", "click"): 8, ("Ghost", "unsubscribe"): 1, ("Mailgun", "open"): 1},
        (2,),
        frozenset({"header", "byline", "chrome", "footer", "tracking pixel"}),
        (
            "field-notes-banner",
            "The Sunday Walk",
            "Rhiannon Pugh •",
            "comment-icon",
            "View in browser",
            "More like this",
            "Less like this",
            "Counting swifts",
            "dry-stone wall",
            "Subscription details",
            "free subscriber",
            "Member since",
            "Manage subscription",
            "Unsubscribe",
            "Powered by Ghost",
            "favicon",
            "lesser-horseshoe.jpg",  # the bookmark card's thumbnail is the linked page's picture
        ),
        "The hedge that ate the lane",
        captions={"The hedge that ate the lane": "The lane at Cwm Hir in March (Rhiannon Pugh)"},
    ),
    Received(
        "sendgrid-publisher",
        "generic",
        "stories",
        (
            "The island ferry gets a second boat for the summer",
            "Bus 42 will run on Sundays again",
            "The pier is for sale, for one pound",
            "A record year for the lifeboat crew",
        ),
        {},
        {("SendGrid", "click"): 5, ("SendGrid", "unsubscribe"): 2, ("SendGrid", "open"): 1},
        (0, 0, 0, 0),
        frozenset({"header", "footer", "tracking pixel"}),
        ("View in your browser", "Transport", "Town", "Coastline Media", "Unsubscribe", "coast-desk-wordmark"),
        "Coast Desk: ferries, the pier and a lifeboat record",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_template_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_link_and_pixel_of_the_template_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


def test_the_teasers_are_the_issues_own_preview_or_subtitle() -> None:
    teasers = {}
    for name in ("beehiiv-card", "ghost-2025", "campaign-monitor-stories"):
        (issue,) = read_issues(SERVICES / f"{name}.eml")
        layout = plan(issue.html, issue.subject, issue.headers)
        teasers[name] = (layout.preheader, layout.stories[0].subtitle)
    assert teasers == {
        "beehiiv-card": ("A hundred and fifty years of sea level from one brass float",) * 2,
        "ghost-2025": ("Forty years unclipped, and the lane is now a tunnel",) * 2,
        "campaign-monitor-stories": ("The quay steps reopen, the lightship moves, and a railing day", ""),  # not "No Images? Click here"
    }


def test_the_fixtures_keep_the_transfer_encodings_and_headers_of_real_sends() -> None:
    raw = {case.name: (SERVICES / f"{case.name}.eml").read_bytes() for case in CASES}
    assert b"multipart/alternative" in raw["klaviyo-blocks"] and b"Content-Transfer-Encoding: quoted-printable" in raw["klaviyo-blocks"]
    assert b'charset="windows-1252"' in raw["campaign-monitor-stories"] and b"<mailto:unsubscribe-jkdlrtk-l@cmail20.com" in raw["campaign-monitor-stories"]
    assert b"Content-Transfer-Encoding: base64" in raw["hubspot-columns"] and b"X-HS-Cid:" in raw["hubspot-columns"]
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw["beehiiv-card"]


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))


def test_every_template_issue_imports_into_drafts_that_build_with_only_their_pictures(site: Path) -> None:
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], png((40, 90, 160)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    fetched = sorted(key.rsplit("/", 1)[-1] for key in asked)
    assert fetched == sorted(  # the stories' own pictures (and the Ghost post's inline one), never a logo, icon, banner, pixel or card thumbnail
        [
            "7c2e9a41-tomato-trial.jpeg",
            "b81f03d7-seed-library.jpeg",
            "quay-steps-restored.jpg",
            "lightship-deck.jpg",
            "volunteer-day.jpg",
            "survey-boat.jpg?width=1120&upscale=true&name=survey-boat.jpg",
            "mooring-buoys.jpg?width=1120&upscale=true&name=mooring-buoys.jpg",
            "ferry-timetable.jpg?width=560&name=ferry-timetable.jpg",
            "quayside-market.jpg?width=560&name=quayside-market.jpg",
            "water-sampling.jpg?width=560&name=water-sampling.jpg",
            "5f0d2a9e-7c4b-4e31-9a8f-tide-gauge.jpg",
            "holloway.jpg",
            "tithe-map.jpg",
        ]
    )
    owners = {title for case in CASES for title in case.images}
    for post in report.posts:
        meta = yaml.safe_load((site / post.path).read_text("utf-8").split("---\n")[1])
        assert (post.title in owners) == str((meta.get("featuredImage") or {}).get("src", "")).startswith("/img/newsletter/"), post.title
    assert [len(post.tracking) for post in report.posts] == [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1]  # each story's own links, every one detected
    ghost = next(post for post in report.posts if post.title == "The hedge that ate the lane")
    assert (
        "[Lesser horseshoe bat](https://fieldnotes.example/r/f6a7b8c9?m=8c0b7e52-1d3a-4f6e-9b2c-5a7d9e1f3b4c)"
        " — How the smallest British horseshoe bat finds its way along hedgerows. — Bat Conservation Trust\n"
    ) in (site / ghost.path).read_text("utf-8")  # a bookmark card is one linked line, not a link around paragraphs
    result = build(site, BuildOptions(drafts=True), now=BUILD_TIME)
    assert result.site is not None and len(result.site.posts) == len(report.posts)
    for post in report.posts:
        assert (site / "public/blog" / Path(post.path).stem / "index.html").is_file(), post.path


def _gmail_forward(name: str, folder: Path) -> Path:
    """The issue as Gmail forwards it: head dropped, every class and id renamed m_<n>…, images through
    Gmail's proxy, links given data-saferedirecturl, all inside div.gmail_quote after the forward block."""
    (sent,) = read_issues(SERVICES / f"{name}.eml")
    page = re.sub(r"(?is)<head>.*?</head>|</?(?:html|body)[^>]*>|<!DOCTYPE[^>]*>", "", sent.html)
    page = re.sub(r'\b(class|id)="([^"]+)"', lambda m: f'{m.group(1)}="{" ".join("m_-77120" + part for part in m.group(2).split())}"', page)
    page = re.sub(r'src="(https://[^"]+)"', lambda m: f'src="https://ci4.googleusercontent.com/meips/ADKq_NZ8Yt3Lp=s0-d-e1-ft#{m.group(1)}"', page)
    wrapped = 'href="{0}" data-saferedirecturl="https://www.google.com/url?q={1}"'
    page = re.sub(r'href="(https://[^"]+)"', lambda m: wrapped.format(m.group(1), quote(m.group(1), safe="")), page)
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "Reader <reader@example.org>", "desk@example.org", f"Fwd: {sent.subject}"
    mail["Message-ID"] = f"<fwd-{name}@mail.gmail.com>"
    mail.set_content(
        '<div dir="ltr"><div>For the desk.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: '
        '<strong class="gmail_sendername">The sender</strong><br>Date: Mon, Jun 9, 2025<br>'
        f"Subject: {sent.subject}<br>To: reader@example.org<br></div><br><br>"
        f"<div>{page}</div></div></div>",
        subtype="html",
        cte="quoted-printable",
    )
    path = folder / f"fwd-{name}.eml"
    path.write_bytes(mail.as_bytes())
    return path


def _thunderbird_forward(name: str, folder: Path) -> Path:
    """The issue as Thunderbird forwards it inline: the marker line and a moz-email-headers-table in div.moz-forward-container."""
    (sent,) = read_issues(SERVICES / f"{name}.eml")
    page = re.sub(r"(?is)<head>.*?</head>|</?(?:html|body)[^>]*>|<!DOCTYPE[^>]*>", "", sent.html)
    rows = "".join(
        f'<tr><th valign="BASELINE" nowrap="nowrap" align="RIGHT">{key}: </th><td>{value}</td></tr>'
        for key, value in (
            ("Subject", sent.subject),
            ("Date", "Mon, 9 Jun 2025 06:30:00 +0000"),
            ("From", "The sender &lt;news@sender.example&gt;"),
            ("To", "reader@example.org"),
        )
    )
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "Reader <reader@example.org>", "desk@example.org", f"Fwd: {sent.subject}"
    mail["Message-ID"] = f"<tb-{name}@example.org>"
    mail.set_content(
        '<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8"></head><body><p>For the desk.</p>'
        '<div class="moz-forward-container"><br><br>-------- Forwarded Message --------'
        f'<table class="moz-email-headers-table" border="0" cellpadding="0" cellspacing="0"><tbody>{rows}</tbody></table><br><br>'
        f"{page}</div></body></html>",
        subtype="html",
        cte="base64",
    )
    path = folder / f"tb-{name}.eml"
    path.write_bytes(mail.as_bytes())
    return path


def _yahoo_forward(name: str, folder: Path) -> Path:
    """The issue as Yahoo Mail forwards it: classes and ids renamed yiv<number>…, a div per header line in div.yahoo_quoted."""
    (sent,) = read_issues(SERVICES / f"{name}.eml")
    page = re.sub(r"(?is)<head>.*?</head>|</?(?:html|body)[^>]*>|<!DOCTYPE[^>]*>", "", sent.html)
    page = re.sub(r'\b(class|id)="([^"]+)"', lambda m: f'{m.group(1)}="{" ".join("yiv0385912647" + part for part in m.group(2).split())}"', page)
    header = "".join(
        f"<div><b>{key}:</b> {value}</div>"
        for key, value in (
            ("From", "The sender &lt;news@sender.example&gt;"),
            ("To", "reader@example.org"),
            ("Sent", "Monday, June 9, 2025"),
            ("Subject", sent.subject),
        )
    )
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "Reader <reader@yahoo.example>", "desk@example.org", f"Fw: {sent.subject}"
    mail["Message-ID"] = f"<yh-{name}@mail.yahoo.com>"
    mail.set_content(
        '<html><head></head><body><div class="ydp1a2b3c4dyahoo-style-wrap"><div>For the desk.</div></div>'
        '<div id="yahoo_quoted_4410" class="yahoo_quoted"><div style="font-family:Helvetica,Arial,sans-serif;font-size:13px;">'
        f"<div>----- Forwarded Message -----</div>{header}<div><br></div><div><br></div>"
        f'<div><div id="yiv0385912647">{page}</div></div></div></div></body></html>',
        subtype="html",
        cte="quoted-printable",
    )
    path = folder / f"yh-{name}.eml"
    path.write_bytes(mail.as_bytes())
    return path


@pytest.mark.parametrize("client", [_gmail_forward, _thunderbird_forward, _yahoo_forward], ids=["gmail", "thunderbird", "yahoo"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_template_issue_forwarded_reads_as_the_issue_itself(case: Received, client: Callable[[str, Path], Path], tmp_path: Path) -> None:
    (forwarded,) = read_issues(client(case.name, tmp_path))
    (sent,) = read_issues(SERVICES / f"{case.name}.eml")
    assert forwarded.forwarded and forwarded.subject == sent.subject
    mine, theirs = plan(forwarded.html, forwarded.subject, forwarded.headers), plan(sent.html, sent.subject, sent.headers)
    assert mine.profile.name == theirs.profile.name
    assert [(story.title, story.image, story.link) for story in mine.stories] == [(story.title, story.image, story.link) for story in theirs.stories]
    assert [story.html for story in mine.stories] != [] and all("googleusercontent" not in story.html for story in mine.stories)
