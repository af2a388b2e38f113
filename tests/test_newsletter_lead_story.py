"""Issues whose biggest heading is the lead story (an <h1> above <h2> stories, as Mailchimp's and
MailerLite's editors set the top story) or the issue's own title over a short welcome
(tests/fixtures/newsletter/services/, written by make_lead_story_fixtures.py): every story imported
under its own headline, each picture with its story, the welcome left out, and drafts that build.
Also a story's own "Register" line leading to its event, which stays, beside the newsletter's own
"Sign up" and "Subscribe", which go."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, import_served, png

from masthead.newsletter.layout import plan

SERVICES = FIXTURES / "services"
MAILCHIMP_TRACKING = {
    ("Mailchimp", "web version"): 1,
    ("Mailchimp", "click"): 3,
    ("Mailchimp", "unsubscribe"): 2,
    ("Mailchimp", "open"): 1,
    ("tracking parameters", "parameters"): 1,
}
PARISH_TRACKING = {k: v for k, v in MAILCHIMP_TRACKING.items() if k != ("Mailchimp", "click")}
MAILCHIMP_CHROME = ("View this email", "Facebook", "Instagram", "All rights reserved", "Waterside", "unsubscribe")

CASES = (
    Received(
        "mailchimp-classic-lead",
        "mailchimp",
        "stories",
        ("Wicken Fen gets its footbridge back", "The spring eel count is the best in a decade", "Ely's river choir wants tenors"),
        {
            "Wicken Fen gets its footbridge back": "5e7a9c1d-3f4b-4c8e-0a2d-wicken-bridge.jpg",  # in the image block under the lead's h1
            "Ely's river choir wants tenors": "6f8b0d2e-4a5c-4d9f-1b3e-choir-barge.jpg",  # in the caption block after its text
        },
        MAILCHIMP_TRACKING,
        (1, 1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        (*MAILCHIMP_CHROME, "The Fenland Courier"),
        "The Fenland Courier: a footbridge, eels and a choir",
    ),
    Received(
        "mailchimp-classic-issue-title",
        "mailchimp",
        "stories",
        ("The Stretham ferry runs again", "A mile of hedge for Padnal Drove", "The Littleport show is on the first Saturday"),
        {"A mile of hedge for Padnal Drove": "7a9c1e3f-5b6d-4e0a-2c4f-drove-hedge.jpg"},  # above its heading, as the issue sets none below
        MAILCHIMP_TRACKING,
        (1, 1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        (*MAILCHIMP_CHROME, "This week on the fens", "Good morning"),
        "The Fenland Courier: the ferry, a hedge and a show",
    ),
    Received(
        "mailchimp-classic-parish",
        "mailchimp",
        "stories",
        ("The church roof is watertight again", "The village shop has new owners", "The playing field gets a new fence"),
        {
            "The church roof is watertight again": "5c7e9a1b-3d4f-4a6c-8e0b-church-roof.jpg",
            "The village shop has new owners": "6d8f0b2c-4e5a-4b7d-9f1c-village-shop.jpg",
            "The playing field gets a new fence": "7e0a1c3d-5f6b-4c8e-0a2d-playing-field.jpg",
        },
        PARISH_TRACKING,
        (0, 0, 0),  # told in full: no story links anywhere
        frozenset({"header", "footer", "tracking pixel"}),
        (*MAILCHIMP_CHROME, "The Fenland Courier"),
        "Little Ouse Parish News: June",
    ),
    Received(
        "mailerlite-classic-lead",
        "mailerlite",
        "stories",
        ("Holm Mill grinds its first flour", "The canteen adds a harvest soup", "The hospital bus gets a shelter"),
        {"Holm Mill grinds its first flour": "4d2f6a8c0e1b-mill-stones.jpg", "The hospital bus gets a shelter": "5e3a7b9d1f2c-bus-stop.jpg"},
        {("MailerLite", "click"): 8, ("MailerLite", "open"): 1},
        (1, 1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("View in browser", "The valley's week", "facebook", "instagram", "Mill Lane", "signed up", "Unsubscribe"),
        "The Valley Post: flour, soup and a shelter",
    ),
)

INVITATIONS = (
    Received(
        "buttondown-event-letter",
        "buttondown",
        "single",
        ("A walk along the line",),
        {},
        {("Buttondown", "click"): 4, ("Buttondown", "web version"): 1, ("Buttondown", "unsubscribe"): 1},
        (2,),  # the path's page and the walk's Register line
        frozenset({"footer", "call to action"}),
        ("Sign up", "Subscribe", "view this email", "unsubscribe"),
        "A walk along the line",
    ),
    Received(
        "mailchimp-classic-events",
        "mailchimp",
        "stories",
        ("A night walk to hear the nightjars", "Learn to steer a fen lighter"),
        {"Learn to steer a fen lighter": "8b0d2f4a-6c7e-4f1b-3d5a-lode-barge.jpg"},  # above its heading, as the issue sets none below
        {**MAILCHIMP_TRACKING, ("Mailchimp", "click"): 3},
        (1, 1),  # each story's RSVP or Register line, through the click redirect
        frozenset({"header", "footer", "call to action", "tracking pixel"}),
        (*MAILCHIMP_CHROME, "Sign up"),
        "The Fenland Courier: nightjars and a lighter",
    ),
)


@pytest.mark.parametrize("case", CASES + INVITATIONS, ids=[case.name for case in CASES + INVITATIONS])
def test_each_issue_is_read_with_every_story_under_its_own_headline(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


def test_the_lead_storys_text_and_link_are_its_own() -> None:
    from masthead.newsletter.emailparse import read_issues

    (issue,) = read_issues(SERVICES / "mailerlite-classic-lead.eml")
    lead, canteen, _ = plan(issue.html, issue.subject, issue.headers).stories
    assert "forty kilograms of wholemeal" in lead.html and "How the stones were dressed" in lead.html
    assert "forty kilograms" not in canteen.html


_STORY = (
    "<h2>{}</h2><p>{} The council agreed it on Tuesday after a long evening of questions from the floor.</p>"
    '<p><a href="https://news.example/{}">The council\'s decision in full</a></p>'
)
_STORIES = _STORY.format("The pier reopens", "After two winters the pier is open to walkers again.", 1) + _STORY.format(
    "A new bus", "The 44 runs twice a day to the hospital from October.", 2
)
_LEAD = (
    '<img src="https://img.example/ferry.jpg" alt="The ferry at the quay" width="560">'
    "<h1>{}</h1><p>The ferry company said on Monday that fares rise by a tenth in May, the first rise in six years, and that the cheap "
    'morning return goes. <a href="https://news.example/fares">The notice</a> lists the new prices.</p>'
)


def _titles(top: str, subject: str, sender: str = "Coast News <news@coast.example>") -> list[str]:
    return [story.title for story in plan(f"<html><body>{top}{_STORIES}</body></html>", subject, [("From", sender)]).stories]


def test_an_h1_telling_a_story_as_long_as_the_others_is_the_first_story() -> None:
    assert _titles(_LEAD.format("Ferry fares rise in May"), "Coast News: fares, a pier and a bus") == [
        "Ferry fares rise in May",
        "The pier reopens",
        "A new bus",
    ]


@pytest.mark.parametrize(
    ("top", "subject"),
    [
        ("<h1>This week on the coast</h1><p>Hello again: two stories this week.</p>", "Coast News: a pier and a bus"),  # a short welcome
        (_LEAD.format("Coast News"), "A pier and a bus"),  # the newsletter's name
        (_LEAD.format("Ferry fares rise in May").replace('<a href="https://news.example/fares">The notice</a>', "The notice").split(">", 1)[1], "A pier"),
    ],
    ids=["short-welcome", "newsletter-name", "no-link-no-picture"],
)
def test_an_h1_naming_the_issue_or_over_a_welcome_titles_it_and_heads_no_story(top: str, subject: str) -> None:
    assert _titles(top, subject) == ["The pier reopens", "A new bus"]


@pytest.mark.parametrize("top", [_LEAD.format("Fares, a pier and a bus"), _STORY.format("Fares, a pier and a bus", "Fares rise by a tenth in May.", 0)])
def test_a_story_under_the_subjects_headline_keeps_its_text_under_that_headline(top: str) -> None:
    """The subject repeats the lead story's headline (an h1 above the h2 stories, or the first h2): the story is kept, not taken for the issue's title."""
    page = f"<html><body>{top}{_STORIES}</body></html>"
    stories = plan(page, "Coast News: fares, a pier and a bus", [("From", "Coast News <news@coast.example>")]).stories
    assert [story.title for story in stories] == ["Fares, a pier and a bus", "The pier reopens", "A new bus"]
    assert "Fares rise by a tenth" in stories[0].html or "fares rise by a tenth" in stories[0].html
    assert "The pier" not in stories[0].html


def test_a_storys_register_line_to_its_event_stays_and_the_newsletters_own_sign_up_goes() -> None:
    from masthead.newsletter.emailparse import read_issues

    (issue,) = read_issues(SERVICES / "buttondown-event-letter.eml")
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    assert ">Register</a>" in story.html and ">Sign up<" not in story.html


_REDIRECT = "https://harbourtrust.us6.list-manage.com/track/click?u=1a2b&id=3c4d&e=5e6f"  # a click redirect that carries no destination


@pytest.mark.parametrize(
    ("label", "href", "kept"),
    [
        ("Register", "https://harbourtrust.example/events/beach-clean", True),
        ("Register", "https://www.eventbrite.com/e/beach-clean-tickets-2231", True),
        ("Register", "https://harbourtrust.example/join", False),  # the newsletter's own membership page
        ("Register", "https://harbourtrust.example/events/subscribe", False),
        ("Register", _REDIRECT, True),  # where it leads is not known: coming to something is the story's
        ("RSVP", "https://info.harbourtrust.example/e3t/Ctc/GF+113/cJhC404/VW3Rh6L96gqS5YW7MhRLh5j9", True),  # HubSpot's, on a branded host
        ("Get tickets", _REDIRECT, True),
        ("Sign up", _REDIRECT, False),  # may be the newsletter's own
        ("Sign up", "https://harbourtrust.example/events/beach-clean", True),
    ],
)
def test_a_register_line_in_a_story_stays_only_when_it_leads_to_an_event(label: str, href: str, kept: bool) -> None:
    story = (
        f'<p>The beach clean is on Saturday at nine, from the slipway; the trust brings bags and gloves for everyone.</p><p><a href="{href}">{label}</a></p>'
    )
    bus = "<h2>A new bus</h2><p>The 44 runs twice a day to the hospital from October, the first direct bus.</p>"
    page = f"<html><body><h2>Beach clean</h2>{story}{bus}</body></html>"
    first = plan(page, "Coast news").stories[0]
    assert (f">{label}</a>" in first.html) is kept


def test_the_issues_import_into_drafts_that_build_with_only_their_pictures(make_site: MakeSite) -> None:
    site: Path = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    cases = CASES + INVITATIONS
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in cases], png((120, 90, 40)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in cases for title in case.titles]
    fetched = sorted(key.rsplit("/", 1)[-1] for key in asked)
    assert fetched == sorted(end.rsplit("/", 1)[-1] for case in cases for end in case.images.values())
    assert_drafts_hold(site, report, cases)
