"""Issues from the newer builders (tests/fixtures/newsletter/services/, written by
make_builder_fixtures.py): MailerLite's 2023+ drag-and-drop builder, Kit's newer one-letter
template and Buttondown's plain Markdown rendering. Each: the service, the exact titles, each
story's picture, no chrome in any story, every tracking link and pixel detected by its shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_issue_read_as, import_served, png, tracking_in
from test_newsletter_templates import _gmail_forward, _thunderbird_forward, _yahoo_forward

from masthead.build import build
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse
from masthead.options import BuildOptions

SERVICES = FIXTURES / "services"

CASES = (
    Received(
        "mailerlite-builder",
        "mailerlite",
        "stories",
        ("The new compost bays are ready for your leaves", "Apple Day raised £1,240 for the water tank"),
        {"The new compost bays are ready for your leaves": "9f8e7d6c-compost-bays.jpg", "Apple Day raised £1,240 for the water tank": "5a4b3c2d-apple-day.jpg"},
        {("MailerLite", "click"): 7, ("MailerLite", "open"): 1},
        (1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("View in browser", "Autumn at the allotments", "plotholders-logo", "facebook", "instagram", "Orchard Row", "Unsubscribe", "signed up"),
        "Plotholders news: compost bays and Apple Day",
    ),
    Received(
        "kit-newsletter",
        "convertkit",
        "single",
        ("A year of weighing everything I grew",),  # the letter's own h1, with its h2 sections inside it
        {"A year of weighing everything I grew": "q2R4s6T8u0V2w4X6y8Z0aB"},
        {("ConvertKit", "click"): 3, ("ConvertKit", "unsubscribe"): 2, ("ConvertKit", "open"): 1},
        (3,),
        frozenset({"header", "referral", "footer", "tracking pixel"}),
        ("Enjoying Plot Notes", "referral link", "Sign up here", "ck.page", "Station Road", "Unsubscribe", "Update your profile"),
        "Plot Notes #38: 212 kilograms",
        captions={"A year of weighing everything I grew": "August's beans: 4.3 kg in one picking."},
    ),
    Received(
        "buttondown-essay",
        "buttondown",
        "single",
        ("A new sail for the last windmill",),  # no title heading: the Subject is the headline
        {"A new sail for the last windmill": "4a7c1e2f-9b3d-4e6a-8c0f-sail-lift.jpg?w=960&fit=max"},
        {("Buttondown", "click"): 2, ("Buttondown", "web version"): 1, ("Buttondown", "share"): 1, ("Buttondown", "unsubscribe"): 1},
        (2,),
        frozenset({"footer"}),
        ("View on the web", "Forward to a friend", "You're getting this", "Unsubscribe", "Powered by Buttondown"),
        "A new sail for the last windmill",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_builder_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_link_and_pixel_of_the_builder_issue_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


def test_the_sections_of_a_one_article_letter_stay_inside_it() -> None:
    (issue,) = read_issues(SERVICES / "kit-newsletter.eml")
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    text = " ".join(parse(story.html).get_text(" ").split())
    assert "What paid for its space" in text and "What did not" in text and text.index("212 kilograms") < text.index("What did not")


FORWARDS = [_gmail_forward, _thunderbird_forward, _yahoo_forward]


@pytest.mark.parametrize("client", FORWARDS, ids=["gmail", "thunderbird", "yahoo"])
@pytest.mark.parametrize("name", [case.name for case in CASES] + ["mailchimp-h1-card", "mailchimp-letter"])
def test_each_builder_issue_forwarded_reads_as_the_issue_itself(name: str, client: Callable[[str, Path], Path], tmp_path: Path) -> None:
    """Also the Mailchimp letters, whose ``<!--*|IF:MC_PREVIEW_TEXT|*-->`` comment a Thunderbird forward once turned into text."""
    (forwarded,) = read_issues(client(name, tmp_path))
    (sent,) = read_issues(SERVICES / f"{name}.eml")
    mine, theirs = plan(forwarded.html, forwarded.subject, forwarded.headers), plan(sent.html, sent.subject, sent.headers)
    assert (mine.profile.name, mine.kind) == (theirs.profile.name, theirs.kind)
    assert [(story.title, story.image, story.link) for story in mine.stories] == [(story.title, story.image, story.link) for story in theirs.stories]
    assert all("MC_PREVIEW_TEXT" not in story.html and "mso" not in parse(story.html).get_text() for story in mine.stories)


_OPENING = (
    "<p>I walked the old drovers' road from the ford to the chapel last weekend, and it is not the road the map shows. "
    "The hedges have grown in from both sides, the surface is half stone and half mud, and in two places the line has moved "
    "twenty metres to go round a fallen oak. Nobody has written down when that happened, so this is my attempt, with the "
    "parish records, three old photographs and what the farmers at either end remember of it.</p>"
)


def _essay(link: Callable[[int], str]) -> str:
    sections = "".join(
        f"<h2>{heading}</h2><p>{text} {link(number)}</p>"
        for number, (heading, text) in enumerate(
            (
                ("The ford", "The crossing was paved in 1840, when the county took the road over."),
                ("The oak", "It came down in the storm of 1987 and was left where it fell."),
                ("The chapel", "The last service was in 1962; the building is a barn now."),
            )
        )
    )
    return f"<html><body><div>{_OPENING}{sections}<p>More next month.</p></div></body></html>"


def test_an_essay_from_an_unknown_sender_whose_sections_cite_sources_inline_is_one_post() -> None:
    page = _essay(lambda number: f'The <a href="https://records.example/doc/{number}">parish record</a> has the date.')
    layout = plan(page, "The road the map does not show", [("From", "Walker <walks@example.net>")])
    assert (layout.profile.name, layout.kind) == ("generic", "single")
    assert [story.title for story in layout.stories] == ["The road the map does not show"]
    text = parse(layout.stories[0].html).get_text(" ")
    assert all(heading in text for heading in ("The ford", "The oak", "The chapel"))


def test_a_digest_whose_sections_each_end_in_a_read_more_line_is_still_split() -> None:
    page = _essay(lambda number: f'</p><p><a href="https://news.example/story/{number}">Read the full story</a>')
    layout = plan(page, "This week", [("From", "Desk <desk@example.net>")])
    assert (layout.kind, [story.title for story in layout.stories]) == ("stories", ["The ford", "The oak", "The chapel"])


def test_the_builder_issues_import_into_drafts_that_build_with_only_their_pictures(make_site: MakeSite) -> None:
    site = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], png((40, 90, 160)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    fetched = sorted(key.rsplit("/", 1)[-1] for key in asked)
    assert fetched == ["4a7c1e2f-9b3d-4e6a-8c0f-sail-lift.jpg?w=960&fit=max", "5a4b3c2d-apple-day.jpg", "9f8e7d6c-compost-bays.jpg", "q2R4s6T8u0V2w4X6y8Z0aB"]
    assert [len(post.tracking) for post in report.posts] == [1, 1, 3, 2]  # each post's own links, every one detected
    for post in report.posts:
        meta = yaml.safe_load((site / post.path).read_text("utf-8").split("---\n")[1])
        assert str(meta["featuredImage"]["src"]).startswith("/img/newsletter/"), post.title
    result = build(site, BuildOptions(drafts=True), now=BUILD_TIME)
    assert result.site is not None and len(result.site.posts) == len(report.posts)


def test_a_dated_headline_over_stories_that_each_link_out_is_still_a_digest() -> None:
    stories = "".join(
        f'<h2>{title}</h2><p>{text}</p><p><a href="https://news.example/{number}">Read the full story</a></p>'
        for number, (title, text) in enumerate((("Ferry fares rise", "From May, by 4%."), ("The pier reopens", "After two winters shut.")))
    )
    page = f"<html><body><h1>Tuesday 3 June</h1>{stories}</body></html>"
    layout = plan(page, "Coast briefing", [("From", "Desk <desk@example.net>")])
    assert (layout.kind, [story.title for story in layout.stories]) == ("stories", ["Ferry fares rise", "The pier reopens"])
