"""MailerLite (classic editor and drag & drop builder) and Campaign Monitor (imported table template)
issues in the shapes those services send (tests/fixtures/newsletter/services/, written by
make_mailerlite_cm_fixtures.py): the service, the exact titles, each story's picture, no chrome in
any story, every tracking link and pixel detected by its shape, and drafts that build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, import_served, png, tracking_in

from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan

SERVICES = FIXTURES / "services"

CASES = (
    Received(
        "mailerlite-classic-digest",
        "mailerlite",
        "stories",
        ("The mill race runs again after forty years", "The school garden feeds the canteen", "A bus to the hospital, twice a day"),
        {"The school garden feeds the canteen": "8c2e4f6a0b1d-school-garden.jpg"},  # its picture is above its heading
        {("MailerLite", "click"): 8, ("MailerLite", "open"): 1},
        (1, 1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("View in browser", "The valley's week", "This week in the valley", "Water in the mill race", "facebook", "instagram", "Mill Lane", "signed up"),
        "The Valley Post: the mill race runs again",
    ),
    Received(
        "mailerlite-dnd-stories",
        "mailerlite",
        "stories",
        ("Seal pups are back on the point", "The dune fences held through the storm", "Join the autumn beach clean"),
        {
            "Seal pups are back on the point": "b3c4d5e6-seal-pups.jpg",
            "The dune fences held through the storm": "c4d5e6f7-dune-fence.jpg",
            "Join the autumn beach clean": "d5e6f7a8-beach-clean.jpg",
        },
        {("MailerLite", "click"): 9, ("MailerLite", "web version"): 1, ("MailerLite", "unsubscribe"): 1, ("MailerLite", "open"): 1},
        (1, 1, 1),  # the linked picture's link is not kept in the body: the picture is the featured image
        frozenset({"header", "closing appeal", "footer", "tracking pixel"}),
        ("View in browser", "Issue 58", "Coastline Notes", "Know someone", "Forward", "facebook", "Coastguard Station", "Unsubscribe"),
        "Seal pups, dune fences and a beach clean",
    ),
    Received(
        "campaign-monitor-classic",
        "campaign-monitor",
        "stories",
        ("The drainage board raises the pumping charge", "An eel pass for the sluice at Welches Dam", "Skating on the washes, if it freezes"),
        {"An eel pass for the sluice at Welches Dam": "csimport/eel-pass.jpg", "Skating on the washes, if it freezes": "csimport/skaters.jpg"},
        {
            ("Campaign Monitor", "click"): 3,
            ("Campaign Monitor", "web version"): 1,
            ("Campaign Monitor", "share"): 1,
            ("Campaign Monitor", "unsubscribe"): 1,
            ("Campaign Monitor", "open"): 1,
        },
        (1, 1, 0),
        frozenset({"header", "footer", "tracking pixel"}),
        ("Web version", "Forward to a friend", "Pumping charges, an eel pass", "Fen Watch", "Sluice Row", "asked for it", "Unsubscribe"),
        "Fen Watch: pumping charges, an eel pass and ice races",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_link_and_pixel_of_the_issue_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


def test_the_bodies_are_sent_as_the_services_send_them() -> None:
    raw = {case.name: (SERVICES / f"{case.name}.eml").read_bytes() for case in CASES}
    assert b"Content-Transfer-Encoding: quoted-printable" in raw["mailerlite-classic-digest"]
    assert b"Content-Transfer-Encoding: base64" in raw["mailerlite-dnd-stories"] and b"multipart/alternative" in raw["mailerlite-dnd-stories"]
    assert b'charset="iso-8859-1"' in raw["campaign-monitor-classic"] and b"<mailto:unsubscribe-pkyjhd-l@cmail19.com" in raw["campaign-monitor-classic"]


_ROW = "<tr><td><table><tr><td>{}</td></tr></table></td></tr>"
_STORY = '<h2>{}</h2><p>{} It is the longest sentence of this story so that it reads as one.</p><p><a href="https://news.example/{}">Read more</a></p>'


def test_a_picture_in_the_next_storys_own_row_is_that_storys_though_the_last_picture_closes_its_story() -> None:
    first = _ROW.format(_STORY.format("Fares rise", "The ferry costs more from May.", 1))
    second = _ROW.format('<img src="https://img.example/pier.jpg" alt="The pier" width="500">' + _STORY.format("The pier reopens", "After two winters.", 2))
    third = _ROW.format(_STORY.format("A new bus", "Twice a day to the hospital.", 3) + '<img src="https://img.example/bus.jpg" alt="The bus" width="500">')
    layout = plan(f"<html><body><table>{first}{second}{third}</table></body></html>", "Coast news")
    owners = {story.title: story.image.src if story.image else None for story in layout.stories}
    assert owners == {"Fares rise": None, "The pier reopens": "https://img.example/pier.jpg", "A new bus": "https://img.example/bus.jpg"}


def test_a_picture_closing_a_story_in_its_own_row_stays_with_it() -> None:
    ferry = '<img src="https://img.example/ferry.jpg" alt="The ferry" width="500">'
    first = _ROW.format(_STORY.format("Fares rise", "The ferry costs more from May.", 1) + ferry)
    second = _ROW.format(_STORY.format("The pier reopens", "After two winters.", 2) + '<img src="https://img.example/pier.jpg" alt="The pier" width="500">')
    layout = plan(f"<html><body><table>{first}{second}</table></body></html>", "Coast news")
    assert [story.image.src if story.image else None for story in layout.stories] == ["https://img.example/ferry.jpg", "https://img.example/pier.jpg"]


def test_the_issues_import_into_drafts_that_build_with_only_their_pictures(make_site: MakeSite) -> None:
    site: Path = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], png((40, 90, 160)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    fetched = sorted(key.rsplit("/", 1)[-1] for key in asked)
    assert fetched == sorted(end.rsplit("/", 1)[-1] for case in CASES for end in case.images.values())  # no logo, icon or pixel asked for
    assert_drafts_hold(site, report, CASES)
