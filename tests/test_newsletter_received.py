"""Issues in the shapes people really receive (tests/fixtures/newsletter/services/, written by
make_real_shape_fixtures.py from archived sends): beehiiv's MJML cells with a divider image above
every heading, Substack's graphic header and icon-only buttons, Kit's classic template with an
unsized open pixel, Mailchimp's h1 in a text block, a text-only letter, and forwards from Outlook
for Windows and Apple Mail. Each: the service, the exact titles, which picture goes with which story,
every tracking link in a post detected, no chrome in any post, and the drafts build."""

from __future__ import annotations

import email
import email.policy
import warnings
from email.message import EmailMessage
from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_read_as, import_served, png, tracking_in

from masthead.newsletter.emailparse import Issue, read_issues
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse

SERVICES = FIXTURES / "services"
SUBSTACK_CHROME = (
    "Open in app",
    "Tomas Lindqvist",
    "Jun 3",
    "reader-supported",
    "Subscribe now",
    "Share",
    "Like",
    "Comment",
    "Restack",
    "in the app",
    "Market Street",
    "Unsubscribe",
    "Start writing",
    "1100x287",  # the graphic header's file
    "LucideHeart",  # the buttons' icons
)


CASES = (
    Received(
        "beehiiv-mjml-digest",
        "beehiiv",
        "stories",
        ("We called the engineer behind Europe’s largest battery", "Chart Of The Day 📊", "Four Sparks 🔍"),
        {"We called the engineer behind Europe’s largest battery": "6130/battery_yard.jpg", "Chart Of The Day 📊": "6140/negative_prices_chart.png"},
        {("SendGrid", "click"): 17, ("SendGrid", "open"): 1},
        (2, 0, 4),
        frozenset({"decoration", "referral", "feedback", "footer", "header", "tracking pixel"}),
        (
            "Read Online",
            "referrals",
            "Click to Share",
            "copy and paste",
            "think of today",
            "Electric",
            "That’s all for today",
            "Unsubscribe",
            "Keizersgracht",
            "Publish on beehiiv",
            "What’s in today",
            "divider.png",
            "Frame_21",
            "Share Grid Notes",
        ),
        "🔋 The battery that runs on a timetable",
    ),
    Received(
        "substack-graphic-header",
        "substack",
        "single",
        ("The library that lends drills",),
        {"The library that lends drills": "0e9f8a7b6c5d_4032x3024.jpeg"},
        {("Substack", "click"): 14, ("Substack", "web version"): 6, ("Substack", "open"): 2, ("tracking parameters", "parameters"): 1},
        (1,),
        frozenset({"chrome", "byline", "header", "footer", "tracking pixel"}),
        SUBSTACK_CHROME,
        "The library that lends drills",
        captions={"The library that lends drills": "Shelves of drills, saws and sanders in the library basement."},
    ),
    Received(
        "substack-untitled",
        "substack",
        "single",
        ("A container by the station",),
        {},
        {("Substack", "click"): 7, ("Substack", "web version"): 2, ("Substack", "open"): 2, ("tracking parameters", "parameters"): 1},
        (0,),
        frozenset({"chrome", "header", "footer", "tracking pixel"}),
        SUBSTACK_CHROME,
        "A container by the station",
    ),
    Received(
        "kit-minion",
        "convertkit",
        "stories",
        ("Counting a river three ways", "What the numbers miss"),
        {"Counting a river three ways": "kL0mN3pQ6sT9uV2wX5yZ8aB"},
        {("SendGrid", "click"): 8, ("SendGrid", "open"): 1, ("ConvertKit", "open"): 1},
        (1, 2),
        frozenset({"header", "footer", "tracking pixel"}),
        ("RIVER LETTERS", "Read on the web", "No. 212", "weekly note", "30 day break", "unsubscribe", "Oude Gracht", "convertkit-mail4"),
        "Counting a river",
    ),
    Received(
        "mailchimp-h1-card",
        "mailchimp",
        "single",
        ("The dredger is back, and the bill is bigger",),
        {"The dredger is back, and the bill is bigger": "2f4e6a8c-0b1d-4c3e-9f5a-7b8c9d0e1f2a.jpg"},
        {
            ("Mailchimp", "click"): 2,
            ("Mailchimp", "web version"): 1,
            ("Mailchimp", "unsubscribe"): 2,
            ("Mailchimp", "open"): 1,
            ("Mailchimp", "share"): 1,
            ("tracking parameters", "parameters"): 1,
        },
        (2,),
        frozenset({"header", "footer", "tracking pixel"}),
        ("View this email", "Copyright", "mailing address", "Havenkade", "address book", "preferences", "Mailchimp", "Facebook", "8d1f0c2e"),
        "The Harbour Letter: the dredger is back",
    ),
    Received(
        "mailchimp-caption-cards",
        "mailchimp",
        "stories",
        ("Oysters return to the Wadden flats", "The winter ferry timetable, decided", "The dyke clean-up in numbers"),
        {
            "Oysters return to the Wadden flats": "5a1c3e7b-2d4f-4a6b-8c0e-9f1a3b5c7d9e.jpg",
            "The winter ferry timetable, decided": "6b2d4f8c-3e5a-4b7c-9d1f-0a2b4c6d8e0f.jpg",
            "The dyke clean-up in numbers": "8d4f6b0e-5a7c-4d9e-1f3b-2c4d6e8f0a2b.jpg",
        },
        {("Mailchimp", "click"): 3, ("Mailchimp", "web version"): 1, ("Mailchimp", "unsubscribe"): 1, ("Mailchimp", "open"): 1},
        (1, 1, 0),
        frozenset({"sponsor", "header", "footer"}),
        ("SPONSORED", "Tide Tables", "View this email", "Copyright", "Havenkade", "unsubscribe", "Issue 88"),
        "The Harbour Letter #88: oysters, the ferry, the dyke",
    ),
    Received(
        "brevo-rnb-letter",
        "brevo",
        "stories",
        ("The cargo bike library opens on Saturday!", "Who pays for the new bridge lights?"),
        {
            "The cargo bike library opens on Saturday!": "046c2408f3e8fe88e9b8d863c34f95e7.jpg?e=GjPONs6qWcRIJAs45zFCPU8M",
            "Who pays for the new bridge lights?": "7c9e1f3a5b7d9f1b3d5f7a9c1e3b5d7f.jpg?e=YNbhaaWt3_4GvN-ClVwdmTCT",
        },
        {("Brevo", "click"): 6, ("Brevo", "unsubscribe"): 1, ("Brevo", "open"): 1},
        (1, 0),
        frozenset({"header", "footer", "tracking pixel"}),
        ("This email was sent", "registered with", "Unsubscribe", "Kanaalstraat 9", "Facebook", "15fd9f26"),
        "Velostad: cargo bikes and bridge lights",
    ),
    Received(
        "ghost-sendgrid-post",
        "ghost",
        "single",
        ("The cost of a school lunch",),
        {"The cost of a school lunch": "/2025/01/A1B2C3D4-school-kitchen.jpeg"},
        {("SendGrid", "click"): 6, ("SendGrid", "open"): 1, ("Ghost", "unsubscribe"): 1},
        (2,),
        frozenset({"header", "byline", "footer", "tracking pixel"}),
        ("Table Notes", "Marta Duarte", "View online", "Unsubscribe", "Publish with Ghost", "table-notes-icon", "plate by plate"),
        "The cost of a school lunch",
    ),
    Received(
        "mailchimp-mce-stories",
        "mailchimp-new",
        "stories",
        ("A pontoon for the small boats", "Crabbing is back on the wall"),
        {
            "A pontoon for the small boats": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f.jpg",
            "Crabbing is back on the wall": "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a.jpg",
        },
        {("Mailchimp", "click"): 4, ("Mailchimp", "unsubscribe"): 2, ("Mailchimp", "open"): 1},
        (1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("16 June 2025", "87791a39", "Instagram", "Copyright", "Havenkade", "preferences", "Forty new berths"),
        "The Harbour Letter: a pontoon, and crabbing",
    ),
    Received(
        "gmail-forward-mailchimp",
        "mailchimp",
        "stories",
        ("Oysters return to the Wadden flats", "The winter ferry timetable, decided", "The dyke clean-up in numbers"),
        {
            "Oysters return to the Wadden flats": "https://mcusercontent.com/3a9f2c7e1b5d8f0a6c4e2b9d7/images/5a1c3e7b-2d4f-4a6b-8c0e-9f1a3b5c7d9e.jpg",
            "The winter ferry timetable, decided": "https://mcusercontent.com/3a9f2c7e1b5d8f0a6c4e2b9d7/images/6b2d4f8c-3e5a-4b7c-9d1f-0a2b4c6d8e0f.jpg",
            "The dyke clean-up in numbers": "https://mcusercontent.com/3a9f2c7e1b5d8f0a6c4e2b9d7/images/8d4f6b0e-5a7c-4d9e-1f3b-2c4d6e8f0a2b.jpg",
        },
        {("Mailchimp", "click"): 3, ("Mailchimp", "web version"): 1, ("Mailchimp", "unsubscribe"): 1, ("Mailchimp", "open"): 1},
        (1, 1, 0),
        frozenset({"sponsor", "header", "footer"}),
        ("SPONSORED", "Tide Tables", "View this email", "Copyright", "Havenkade", "unsubscribe", "newsletter folder", "Forwarded message", "m_-4410"),
        "The Harbour Letter #88: oysters, the ferry, the dyke",
        forwarded=True,
    ),
    Received(
        "owa-forward-substack",
        "substack",
        "single",
        ("The library that lends drills",),
        {"The library that lends drills": "0e9f8a7b6c5d_4032x3024.jpeg"},
        {("Substack", "click"): 14, ("Substack", "web version"): 6, ("Substack", "open"): 2, ("tracking parameters", "parameters"): 1},
        (1,),
        frozenset({"chrome", "byline", "header", "footer", "tracking pixel"}),
        (*SUBSTACK_CHROME, "tool library.", "From:", "safelinks", "x_"),
        "The library that lends drills",
        forwarded=True,
        captions={"The library that lends drills": "Shelves of drills, saws and sanders in the library basement."},
    ),
    Received(
        "plain-text-letter",
        "buttondown",
        "single",
        ("The hedge count",),
        {},
        {("tracking parameters", "parameters"): 1, ("Buttondown", "unsubscribe"): 1, ("Buttondown", "web version"): 1},
        (1,),
        frozenset({"header", "footer"}),
        ("View this email", "You are receiving", "Unsubscribe", "Orchard Row", "--"),
        "The hedge count",
    ),
    Received(
        "outlook-forward-mailerlite",
        "mailerlite",
        "stories",
        ("Water butts are free this month", "Summer pruning for raspberries"),
        {"Summer pruning for raspberries": "271836/raspberry-canes.jpg"},
        {("MailerLite", "click"): 3, ("MailerLite", "web version"): 1, ("MailerLite", "open"): 1},
        (1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("Sam", "Pat", "From:", "Sent:", "View in browser", "Unsubscribe", "Allotment Lane", "You received", "masthead"),
        "Water butts, raspberries",
        forwarded=True,
    ),
    Received(
        "apple-forward-buttondown",
        "buttondown",
        "single",
        ("Why the 7:42 is always late",),
        {},
        {("tracking parameters", "parameters"): 1, ("Buttondown", "unsubscribe"): 1, ("Buttondown", "web version"): 1},
        (1,),
        frozenset({"footer"}),
        ("Worth a read", "Begin forwarded", "From:", "Subject:", "View in browser", "Unsubscribe", "Powered by"),
        "Why the 7:42 is always late",
        forwarded=True,
    ),
)


def _issue(name: str) -> Issue:
    (issue,) = read_issues(SERVICES / f"{name}.eml")
    return issue


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_received_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    issue = _issue(case.name)
    assert (issue.subject, issue.forwarded) == (case.subject, case.forwarded)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layout = plan(issue.html, issue.subject, issue.headers)
    assert_read_as(layout, case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_issues_tracking_links_are_detected_by_their_shapes(case: Received) -> None:
    assert tracking_in(_issue(case.name).html) == case.tracking


@pytest.mark.parametrize(("forward", "original"), [("gmail-forward-mailchimp", "mailchimp-caption-cards"), ("owa-forward-substack", "substack-graphic-header")])
def test_a_forward_through_gmail_or_outlook_on_the_web_reads_as_the_issue_itself(forward: str, original: str) -> None:
    sent_as = email.message_from_bytes((SERVICES / f"{forward}.eml").read_bytes(), policy=email.policy.default)
    assert isinstance(sent_as, EmailMessage)
    body = sent_as.get_body(("html",))
    assert body is not None
    client_html = str(body.get_content())  # what the client made of the issue: renamed classes, wrapped links, proxied images
    assert ("m_-4410277356098251183mcnTextContent" in client_html and "googleusercontent.com/meips" in client_html) or (
        'class="x_post-title' in client_html and "safelinks.protection.outlook.com" in client_html
    )
    received, sent = _issue(forward), _issue(original)
    forwarded, direct = plan(received.html, received.subject, received.headers), plan(sent.html, sent.subject, sent.headers)
    assert [(story.title, story.image, story.link) for story in forwarded.stories] == [(story.title, story.image, story.link) for story in direct.stories]
    for mine, theirs in zip(forwarded.stories, direct.stories, strict=True):
        links = [str(a["href"]) for a in parse(mine.html).find_all("a", href=True)]
        assert links == [str(a["href"]) for a in parse(theirs.html).find_all("a", href=True)]  # Safe Links and Gmail's wrappers undone
        assert all("safelinks" not in link and "google.com/url" not in link for link in links)


def test_the_fixtures_keep_the_transfer_encodings_of_real_sends() -> None:
    raw = {case.name: (SERVICES / f"{case.name}.eml").read_bytes() for case in CASES}
    assert b"Content-Type: text/plain" in raw["plain-text-letter"] and b"text/html" not in raw["plain-text-letter"]
    assert b"multipart" not in raw["kit-minion"] and b"Content-Transfer-Encoding: 8bit" in raw["kit-minion"]
    assert b"Content-Transfer-Encoding: base64" in raw["substack-graphic-header"] and b"multipart/alternative" in raw["substack-graphic-header"]
    assert b"=E2=80=99" in raw["beehiiv-mjml-digest"]  # a quoted-printable ’
    assert b"Content-Transfer-Encoding: base64" in raw["outlook-forward-mailerlite"]


def test_a_preview_text_is_only_what_hides_before_the_issue_starts() -> None:
    assert plan(_issue("beehiiv-mjml-digest").html, "").preheader == ""  # the hidden twin of the referral block is not it
    assert plan(_issue("kit-minion").html, "").preheader == "Three ways of counting a river, and what each one misses."
    assert plan(_issue("substack-graphic-header").html, "").stories[0].subtitle == "Why a town’s tool shed outlived the hardware store"


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))


def test_every_received_issue_imports_into_drafts_that_build_with_only_their_pictures(site: Path) -> None:
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], png((20, 120, 60)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    fetched = sorted(key.rsplit("/", 1)[-1] for key in asked)
    assert fetched == sorted(
        set(  # the stories' own pictures: no divider, header, logo, icon or pixel was ever asked for
            ["battery_yard.jpg", "negative_prices_chart.png", "kL0mN3pQ6sT9uV2wX5yZ8aB", "2f4e6a8c-0b1d-4c3e-9f5a-7b8c9d0e1f2a.jpg", "raspberry-canes.jpg"]
            + ["5a1c3e7b-2d4f-4a6b-8c0e-9f1a3b5c7d9e.jpg", "6b2d4f8c-3e5a-4b7c-9d1f-0a2b4c6d8e0f.jpg", "8d4f6b0e-5a7c-4d9e-1f3b-2c4d6e8f0a2b.jpg"]
            + ["046c2408f3e8fe88e9b8d863c34f95e7.jpg?e=GjPONs6qWcRIJAs45zFCPU8M", "7c9e1f3a5b7d9f1b3d5f7a9c1e3b5d7f.jpg?e=YNbhaaWt3_4GvN-ClVwdmTCT"]
            + ["5a1c3e7b-2d4f-4a6b-8c0e-9f1a3b5c7d9e.jpg", "6b2d4f8c-3e5a-4b7c-9d1f-0a2b4c6d8e0f.jpg", "8d4f6b0e-5a7c-4d9e-1f3b-2c4d6e8f0a2b.jpg"]
            + ["A1B2C3D4-school-kitchen.jpeg", "image.png", "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f.jpg", "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a.jpg"]
            + [next(key for key in asked if "4032x3024" in key).rsplit("/", 1)[-1]]
        )
    )  # each address once: the same picture in an issue and in its forward is one download
    assert_drafts_hold(site, report, CASES)
