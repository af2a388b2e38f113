"""The details received issues showed after the first four fixture sets (tests/fixtures/newsletter/services/,
written by make_received_detail_fixtures.py): calendar buttons in a HubSpot invite, a MailerLite
welcome's large-type sub-heads, Constant Contact's CPE template and its profile link, a Mailgun send
on the sender's own tracking host whose template class merely contains "ck-", Brevo's follow block,
network icons named but not sized, HubSpot's email-subscriptions footer links. Each: the service, the
exact titles, which picture goes with which story, which links are tracking (and of which kind), no
chrome in any post, and the drafts build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, import_served, png, tracking_in

from masthead.links.rules import classify
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan

SERVICES = FIXTURES / "services"

CASES = (
    Received(
        "hubspot-event-invite",
        "hubspot",
        "single",
        ("You are invited: the steam crane lifts again",),
        {"You are invited: the steam crane lifts again": "Events/steam-crane-dusk.jpg?width=1120&upscale=true&name=steam-crane-dusk.jpg"},
        {("HubSpot", "click"): 4, ("HubSpot", "unsubscribe"): 2, ("HubSpot", "open"): 1, ("tracking parameters", "parameters"): 1},
        (3,),  # the three buttons stay in the letter, as its calls to action
        frozenset({"header", "footer", "tracking pixel"}),
        ("View in browser", "youtube", "YouTube", "Crane Shed, East Quay", "Unsubscribe", "Manage preferences", "email-subscriptions"),
        "You are invited: the steam crane lifts again",
    ),
    Received(
        "mailerlite-welcome",
        "mailerlite",
        "single",
        ("Welcome to the Kiln Letter",),
        {},
        {("MailerLite", "click"): 2, ("MailerLite", "unsubscribe"): 1, ("MailerLite", "open"): 1},
        (0,),
        frozenset({"header", "footer", "tracking pixel"}),
        ("tiktok", "TikTok", "pinterest", "Pinterest", "Brickworks Yard", "Unsubscribe", "mlsend"),
        "Welcome to the Kiln Letter",
    ),
    Received(
        "constant-contact-stories",
        "constant-contact",
        "stories",
        ("Two thousand willows for the river path", "The kingfishers are nesting again"),
        {
            "Two thousand willows for the river path": "b81f4c2a-6d3e-4a9b-8c7f-1e2d3c4b5a69.jpg?rdr=true",
            "The kingfishers are nesting again": "c92a5d3b-7e4f-4b0c-9d8a-2f3e4d5c6b7a.jpg?rdr=true",
        },
        {("Constant Contact", "click"): 5, ("Constant Contact", "unsubscribe"): 2, ("Constant Contact", "open"): 1, ("tracking parameters", "parameters"): 1},
        (1, 1),  # each story's link; the letter's closing donation button is a call to action, not the second story's
        frozenset({"header", "footer", "chrome", "tracking pixel", "call to action"}),
        (
            "Give to the river fund",  # the closing call to action
            "Wyre River Trust",
            "Hello river friends",
            "Facebook",
            "Instagram",
            "Unsubscribe",
            "Update Profile",
            "Data Notice",
            "Mill Lane",
            "on.jsp",
        ),
        "River news: willows and kingfishers",
    ),
    Received(
        "mailgun-branded-stories",
        "generic",  # Mailgun has no template of its own: a class holding "ck-" (stack-padding) is not Kit's
        "stories",
        ("Fernhill opens its second greenhouse", "Apprentices wanted for the orchard"),
        {},
        {("Mailgun", "click"): 4, ("Mailgun", "open"): 1},
        (1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("Fernhill Farm,", "every other Friday", "WhatsApp", "whatsapp", "Unsubscribe", "Long Lane"),
        "Fernhill Farm: a greenhouse and apprentices",
    ),
    Received(
        "brevo-follow-block",
        "brevo",
        "stories",
        ("The Sunday rides start again", "A repair café at the library"),
        {"The Sunday rides start again": "3e5a7c9b1d3f5a7c9e1b3d5f7a9c1e3b.jpg?e=Hq4Lp8Vx2Rk6Mn0W"},
        {("Brevo", "click"): 5, ("Brevo", "unsubscribe"): 1, ("Brevo", "open"): 1},
        (1, 1),
        frozenset({"header", "footer", "chrome", "tracking pixel"}),
        ("riding together", "Kanaalstraat", "Facebook", "Instagram", "This email was sent", "Unsubscribe"),
        "Velostad: Sunday rides and a repair café",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_tracking_link_and_pixel_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


def test_a_button_is_a_call_to_action_never_a_heading() -> None:
    (issue,) = read_issues(SERVICES / "hubspot-event-invite.eml")
    (letter,) = plan(issue.html, issue.subject, issue.headers).stories
    for label in ("Add to Google Calendar", "Add to Outlook calendar", "Reserve your place on the quay"):
        assert label in letter.html  # kept in the letter, where the reader meets it, not a story of its own


def test_a_welcome_letters_sub_heads_stay_in_order_in_one_post() -> None:
    (issue,) = read_issues(SERVICES / "mailerlite-welcome.eml")
    (letter,) = plan(issue.html, issue.subject, issue.headers).stories
    placed = [letter.html.index(subhead) for subhead in ("Our why", "Our promise", "What comes next", "Who we are")]
    assert placed == sorted(placed) and letter.subtitle == "Thank you for joining the Kiln Letter"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://hs.example.org/hs/email-subscriptions/preferences/en/unsubscribe?data=W2nXS-N30h&v=3", "unsubscribe"),
        ("https://hs.example.org/hs/subscription-preferences/en/manage?data=W2nXS-N30h&v=3", "unsubscribe"),
        ("https://visitor.constantcontact.com/do?p=oo&m=001QZnlnRx4&ch=f9d3&ca=5d0a", "unsubscribe"),
        ("https://clicks.mlsend.com/td/op/Rk2qTz8xWm4Lp9vB3nY6cJ0dH5sA7gE1/MjA3MTg0", "open"),
        ("https://eulink.smartjobs.example/c/eJwszU1uhSfrcNnHZ4nU-5-WB07w0Lhg-7l5iHY4kVh0Ov7f8", "click"),
        ("https://eulink.smartjobs.example/o/eJwszUFu2zAQheGz8Wa1Sxl8lZ0iCkCaRZwC0gDYmyQ7tlEu", "open"),
    ],
)
def test_the_new_shapes_are_tracking_links_of_their_kind(url: str, kind: str) -> None:
    found = classify(url)
    assert found is not None and found.kind == kind, found


@pytest.mark.parametrize(
    "url",
    ["https://www.example.org/c/eJust-a-page", "https://shop.example.org/o/eJo", "https://www.example.org/hs/email-subscriptions-explained"],
)
def test_pages_that_only_look_like_those_shapes_are_not_tracking(url: str) -> None:
    assert classify(url) is None


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))


def test_every_issue_imports_into_drafts_that_build_with_only_their_pictures(site: Path) -> None:
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], png((40, 90, 160)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    fetched = sorted(key.rsplit("/", 1)[-1] for key in asked)
    assert fetched == sorted(end.rsplit("/", 1)[-1] for case in CASES for end in case.images.values())  # no icon, logo or pixel asked for
    assert_drafts_hold(site, report, CASES)
