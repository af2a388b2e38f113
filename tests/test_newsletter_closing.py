"""What real sends end with and link through (tests/fixtures/newsletter/services/, written by
make_closing_fixtures.py): a Mailchimp classic issue with a "Support" button after its last story
(read as sent, and with every link written protocol-relative, as some sends have them), and Buttondown's HTML send of a letter whose links carry
their destinations and which ends with a "Support the show" section and a pay-what-you-like button.
Calls to action are chrome, shown in the plan; the links are read as https and stored as their
destinations (Buttondown's without asking anyone)."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MakeSite
from link_server import Played, Route, serve, tracking_routes
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, png, tracking_in

from masthead.cli import main
from masthead.config import load_config
from masthead.links.audit import settings_for
from masthead.links.rules import classify
from masthead.newsletter.appeals import appeal, appeal_link
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.importer import ImportOptions, import_issues
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse

SERVICES = FIXTURES / "services"
PUMPS, LOCK, FERRY = (
    "The Hundred Foot pumping station gets its new engines",
    "Brownshill lock reopens after eight months",
    "A timetable for the Ouse ferry",
)

CASES = (
    Received(
        "mailchimp-classic-stories",
        "mailchimp",
        "stories",
        (PUMPS, LOCK, FERRY),
        {PUMPS: "3c5e7a9b-1d2f-4a6c-8e0b-pumps-hall.jpg", LOCK: "4d6f8b0c-2e3a-4b7d-9f1c-lock-gates.jpg"},  # under its heading; after its text
        {
            ("Mailchimp", "web version"): 1,
            ("Mailchimp", "click"): 4,
            ("Mailchimp", "unsubscribe"): 2,
            ("Mailchimp", "open"): 1,
            ("tracking parameters", "parameters"): 1,
        },
        (1, 1, 1),  # the third: its own "Read the full timetable" button, which stays
        frozenset({"header", "footer", "call to action", "tracking pixel"}),
        ("Support the Courier", "View this email", "Good morning", "Facebook", "Instagram", "All rights reserved", "Waterside", "unsubscribe"),
        "The Fenland Courier: pumps, a lock and a ferry",
    ),
    Received(
        "buttondown-paid-letter",
        "buttondown",
        "single",
        ("The line that reopened",),  # no title heading: the Subject
        {"The line that reopened": "6c2e9a4f-1b3d-4e7a-8c5f-holt-platform.jpg"},
        {("Buttondown", "click"): 3, ("Buttondown", "web version"): 1, ("Buttondown", "unsubscribe"): 1},
        (2,),
        frozenset({"footer", "call to action"}),
        ("Support the show", "140 of you pay", "Pay what you like", "view this email", "subscribe here", "unsubscribe"),
        "The line that reopened",
        captions={"The line that reopened": "The 10:12 from Wensum Junction, on time."},
    ),
)


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    return make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_closing_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_link_and_pixel_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


def _scheme_less(eml: Path, folder: Path) -> Path:
    """A copy of ``eml`` whose HTML writes every link and picture without a scheme (``href="//…"``)."""
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = message.get_body(("html",))
    assert part is not None
    page = re.sub(r'(href|src)="https?://', r'\1="//', str(part.get_content()))
    part.set_content(page, subtype="html", charset="utf-8", cte="quoted-printable")
    copy = folder / eml.name
    copy.write_bytes(message.as_bytes())
    return copy


def test_an_issue_with_every_link_written_without_a_scheme_reads_as_the_issue_itself(tmp_path: Path) -> None:
    sent = SERVICES / "mailchimp-classic-stories.eml"
    (issue,), (bare,) = read_issues(sent), read_issues(_scheme_less(sent, tmp_path))
    written = re.findall(r'href="(//fenlandcourier\.us6\.list-manage\.com/track/click[^"]*)"', bare.html)
    assert len(written) == 4 and "https://" not in re.sub(r"<style.*?</style>|xmlns[^ ]*", "", bare.html)
    found = classify(written[0].replace("&amp;", "&"))
    assert found is not None and (found.service, found.kind) == ("Mailchimp", "click")
    assert tracking_in(bare.html) == tracking_in(issue.html)  # every link and pixel, by its shape
    mine, theirs = plan(bare.html, bare.subject, bare.headers), plan(issue.html, issue.subject, issue.headers)
    assert (mine.profile.name, mine.kind, mine.dropped) == (theirs.profile.name, theirs.kind, theirs.dropped)
    assert mine.stories == theirs.stories  # the same titles, pictures, links and bodies, all https
    hrefs = [str(a["href"]) for story in theirs.stories for a in parse(story.html).find_all("a", href=True)]
    assert "https://www.fenrivers.example/navigation/notices" in hrefs  # the sender's own //… link, as sent
    assert theirs.stories[2].link.startswith("https://fenlandcourier.us6.list-manage.com/track/click?")  # the ferry's own button


def test_the_posts_store_destinations_the_scheme_less_links_resolved_to_and_the_ones_buttondown_carries(site: Path, tmp_path: Path) -> None:
    mailchimp, buttondown = _scheme_less(SERVICES / "mailchimp-classic-stories.eml", tmp_path), SERVICES / "buttondown-paid-letter.eml"
    (issue,) = read_issues(mailchimp)
    clicks = [url for url in re.findall(r'href="([^"]+)"', issue.html.replace("&amp;", "&")) if (found := classify(url)) and found.kind == "click"]
    routes = tracking_routes(["https:" + url for url in clicks])
    with serve(Played(routes, default=Route(200, body=png((40, 90, 60)), content_type="image/png"))) as played:
        config = load_config(site)
        settings = settings_for(config, False, {"*": played.address}, host_delay=0)
        report = import_issues(config, [mailchimp, buttondown], ImportOptions(settings=settings))
    asked = [key for _, key, _ in played.requests]
    assert sum(1 for key in asked if key.startswith("fenlandcourier.us6.list-manage.com/track/click?")) >= 3  # asked, as https
    assert any(key.startswith("mcusercontent.com/") for key in asked)  # and the pictures, written //…, downloaded
    assert not [key for key in asked if key.startswith("buttondown.com/")]  # the links said where they go
    assert [post.cleaned for post in report.posts] == [1, 1, 1, 2]
    bodies = [(site / post.path).read_text("utf-8").split("---\n", 2)[2] for post in report.posts]
    assert all("list-manage" not in body and "buttondown.com" not in body and "](//" not in body for body in bodies)
    assert "(https://www.fenrivers.example/navigation/notices)" in bodies[1]
    assert re.search(r"\(https://news\.example/story/\d\?id=\d\)", bodies[0])
    assert "[the trust's accounts](https://holtline.example/funding)" in bodies[3]
    assert "[timetable](https://holtline.example/timetable)" in bodies[3]
    assert "donate their tips to the signal box fund" in bodies[3]  # a story's sentence about donating is the story's
    assert "Support the show" not in bodies[3] and "buy.stripe.com" not in bodies[3] and "Support the Courier" not in bodies[2]
    assert_drafts_hold(site, report, CASES)


def test_kits_links_are_stored_as_the_destinations_they_carry_without_a_request(site: Path) -> None:
    with serve(Played({}, default=Route(200, body=png((90, 60, 40)), content_type="image/png"))) as played:
        config = load_config(site)
        settings = settings_for(config, False, {"*": played.address}, host_delay=0)
        (post,) = import_issues(config, [SERVICES / "kit-newsletter.eml"], ImportOptions(settings=settings)).posts
    assert not [key for _, key, _ in played.requests if "kit-mail" in key]  # only its picture was fetched
    body = (site / post.path).read_text("utf-8").split("---\n", 2)[2]
    assert "kit-mail" not in body and post.cleaned == 3 and not post.left
    for path in ("2024-harvest-table", "sweetcorn", "squash-instead"):
        assert f"(https://plotnotes.example/{path})" in body


def _issue(*blocks: str) -> str:
    return "<html><body><table><tr><td>" + "".join(blocks) + "</td></tr></table></body></html>"


_STORIES = (
    "<h2>The bridge reopens on Monday</h2>"
    "<p>The county finished the repairs two weeks early, and the bus will use the bridge again from the first service.</p>",
    "<h2>Market hall gets a new roof</h2>"
    "<p>The slate came from the quarry up the valley. Traders can donate to the roof fund at the hall office until Friday.</p>",
)
_BUTTON = (
    '<table><tr><td style="background-color:#B8431F;border-radius:4px;padding:14px 28px;">'
    '<a href="{}" style="color:#ffffff;text-decoration:none;">{}</a></td></tr></table>'
)


def _dropped(page: str) -> tuple[list[str], list[tuple[str, str]]]:
    layout = plan(page, "Valley News")
    texts = [" ".join(parse(story.html).get_text(" ").split()) for story in layout.stories]
    return texts, [(item.why, item.text) for item in layout.dropped]


def test_a_button_after_the_last_story_goes_by_its_verb_or_by_where_it_leads() -> None:
    texts, dropped = _dropped(_issue(*_STORIES, _BUTTON.format("https://valleynews.example/p/roof", "Keep the lights on")))
    assert texts[1].endswith("Keep the lights on") and not [why for why, _ in dropped if why == "call to action"]  # leads to a story
    texts, dropped = _dropped(_issue(*_STORIES, _BUTTON.format("https://valleynews.example/donate?src=email", "Keep the lights on")))
    assert texts[1].endswith("until Friday.") and ("call to action", "Keep the lights on") in dropped
    texts, dropped = _dropped(_issue(*_STORIES, _BUTTON.format("https://valleynews.example/p/roof", "Give to the roof fund")))
    assert "Give to the roof fund" not in texts[1] and ("call to action", "Give to the roof fund") in dropped
    assert "Traders can donate to the roof fund" in texts[1]  # the story's own sentence stays


def test_an_appeal_heading_or_a_lone_appeal_link_is_a_call_to_action_wherever_it_is() -> None:
    appeal = "<h2>Support our journalism</h2><p>Valley News is paid for by 900 readers. It costs less than a coffee a month.</p>"
    lone = '<p><a href="https://valleynews.example/membership">Become a member</a></p>'
    texts, dropped = _dropped(_issue(_STORIES[0], lone, appeal, _STORIES[1]))
    assert len(texts) == 2 and not any("member" in text or "coffee" in text for text in texts)
    assert ("call to action", "Become a member") in dropped and ("call to action", "Support our journalism") in dropped


def test_a_pitch_boxed_with_its_button_goes_with_it_and_the_last_storys_text_never_does() -> None:
    pitch = "<p>Valley News is paid for by 900 readers and no advertisers.</p>"
    button = _BUTTON.format("https://valleynews.example/donate", "Keep the lights on")
    boxed = f'<table><tr><td style="background-color:#FFF4E5;padding:20px;">{pitch}{button}</td></tr></table>'
    texts, dropped = _dropped(_issue(*_STORIES, boxed))
    assert texts[1].endswith("until Friday.") and ("call to action", "Valley News is paid for by 900 readers and no advertisers.") in dropped
    last = f"<table><tr><td>{_STORIES[1]}{button}</td></tr></table>"  # the story and the button in one cell: only the button goes
    texts, dropped = _dropped(_issue(_STORIES[0], last))
    assert texts[1].endswith("until Friday.") and [why for why, _ in dropped].count("call to action") == 1


def test_a_button_drawn_as_a_picture_is_a_call_to_action_by_its_alt_text_or_where_it_leads() -> None:
    donate = '<p><a href="https://valleynews.example/p/roof"><img src="https://cdn.valleynews.example/donate-now.png" alt="Donate now" width="200"></a></p>'
    kofi = '<p><a href="https://ko-fi.com/valleynews"><img src="https://cdn.valleynews.example/coffee.png" alt="Buy the editor a coffee" width="220"></a></p>'
    layout = plan(_issue(_STORIES[0], donate, _STORIES[1], kofi), "Valley News")
    assert [story.image for story in layout.stories] == [None, None]  # neither is a story's picture
    assert [item.why for item in layout.dropped if item.why == "call to action"] == ["call to action", "call to action"]


@pytest.mark.parametrize(
    "label",
    ["Donate", "DONATE NOW →", "Donate $10", "Make a tax-deductible donation", "❤️ Support our work", "Become a member", "Upgrade to paid", "Jetzt spenden"],
)
def test_whole_appeals_in_any_case_with_amounts_and_arrows(label: str) -> None:
    assert appeal(label)


@pytest.mark.parametrize("label", ["Why people donate", "Support Grist", "Members of the council voted", "Register of historic buildings opens"])
def test_sentences_and_names_are_not_whole_appeals(label: str) -> None:
    assert not appeal(label)


def test_a_buttons_destination_is_an_appeal_page_by_a_whole_path_segment() -> None:
    assert appeal_link("Keep the lights on", "https://valleynews.example/support-us/")
    assert appeal_link("Keep the lights on", "https://valleynews.example/membership.html")
    assert not appeal_link("Keep the lights on", "https://valleynews.example/news/support-for-the-bridge-grows")
    assert not appeal_link("Read it", "https://valleynews.example/books/don-quixote")


def test_dry_run_lists_the_calls_to_action_it_left_out(site: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["import", "--site", str(site), "--dry-run", "--keep-tracking", *(str(SERVICES / f"{case.name}.eml") for case in CASES)],
        env={"COLUMNS": "250"},
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert re.search(r"│ mailchimp-classic-stories\.eml\s+│ call to action\s+│ Support the Courier", result.stdout)
    assert re.search(r"│ buttondown-paid-letter\.eml\s+│ call to action\s+│ Pay what you like", result.stdout)
    assert re.search(r"│ buttondown-paid-letter\.eml\s+│ call to action\s+│ Support the show", result.stdout)
    assert list(site.rglob("*.md")) == []


@pytest.mark.parametrize(
    "closing",
    [
        "<p>Thanks for reading! If a friend would like this, forward it along.</p>",
        "<p>If you enjoyed this issue, please consider upgrading to a paid subscription. See you next week!</p>",
        "<p>Enjoyed this edition? Share it with someone who would like it. 💌</p>",
        "<p><em>Thank you for reading, friends.</em> Pass it on!</p>",
        "<p>That's all for this week. Thanks for reading!</p>",
        "<p>Have a tip? Just hit reply. And if you like this newsletter, please share it with a friend.</p>",
        '<p>If you enjoyed this issue, <a href="https://valleynews.example/subscribe">consider upgrading</a>.</p>',
        "<p>Danke fürs Lesen!</p>",
        "<p>P.S. Like what you read? Subscribe!</p>",
        "<p>Enjoyed this week’s links? Share them with someone who keeps a boat here.</p>",
        "<p>Thanks for reading!<br>The Valley News team</p>",
    ],
)
def test_a_closing_paragraph_that_only_thanks_and_asks_is_left_out_without_a_button(closing: str) -> None:
    texts, dropped = _dropped(_issue(*_STORIES, closing, "<p>— Ana, for Valley News</p>"))
    assert len(texts) == 2 and texts[1].endswith("until Friday. — Ana, for Valley News")  # the signature stays, the appeal goes
    assert [why for why, _ in dropped] == ["closing appeal"]


@pytest.mark.parametrize(
    "last",
    [
        "<p>The council meets again on Thursday; we will report what it decides.</p>",
        "<p>Thanks to everyone who came to the meeting. If you missed it, the minutes are on the council's site.</p>",
        "<p>If you enjoyed the market, the traders ask that you share the roof appeal with neighbours who could not come.</p>",
        "<p>Thanks for reading the consultation, the chair told the committee, before the vote.</p>",
        "<p>That's all for this week. See you on Monday at the hall.</p>",
        "<p>Have a question about the roof? The traders answer at the hall office on Fridays.</p>",
        "<p>P.S. The roof fund closes on Friday.</p>",
        "<p>The hall reopens on Monday. The Traders Association</p>",
    ],
)
def test_a_last_paragraph_that_says_something_of_its_own_is_kept(last: str) -> None:
    texts, dropped = _dropped(_issue(*_STORIES, last))
    assert texts[1].endswith(" ".join(parse(last).get_text(" ").split())) and dropped == []


def test_a_closing_appeal_in_the_middle_of_the_issue_is_the_storys() -> None:
    middle = "<p>Thanks for reading! If a friend would like this, forward it along.</p>"
    texts, dropped = _dropped(_issue(_STORIES[0], middle, _STORIES[1]))
    assert texts[0].endswith("forward it along.") and dropped == []  # only what the issue closes with is a closing appeal


def test_a_pitch_boxed_with_a_lone_appeal_link_goes_with_it() -> None:
    pitch = "<p>Valley News is free because 900 readers pay for it.</p>"
    link = '<p><a href="https://valleynews.example/join">Become a member</a></p>'
    boxed = f'<table><tr><td style="background-color:#FFF4E5;padding:20px;">{pitch}{link}</td></tr></table>'
    texts, dropped = _dropped(_issue(*_STORIES, boxed))
    assert texts[1].endswith("until Friday.")
    assert ("call to action", "Become a member") in dropped and ("call to action", "Valley News is free because 900 readers pay for it.") in dropped


def test_a_closing_appeal_before_a_sponsors_block_after_the_last_story_is_left_out_too() -> None:
    closing = "<p>Thanks for reading! If a friend would like this, forward it along.</p>"
    sponsor = (
        "<table><tr><td><p>Together with</p><p>Acme Boots: waterproof boots for the valley, 20% off this week.</p>"
        '<p><a href="https://acme.example/boots?utm_medium=sponsored">Shop now</a></p></td></tr></table>'
    )
    texts, dropped = _dropped(_issue(*_STORIES, closing, sponsor))
    assert texts[1].endswith("until Friday.") and not any("Acme" in text for text in texts)
    assert ("closing appeal", "Thanks for reading! If a friend would like this, forward it…") in dropped


def test_a_paid_posts_preview_ends_before_its_paywall() -> None:
    paywall = (
        "<h2>Keep reading with a 7-day free trial</h2>"
        "<p>Subscribe to Valley News to keep reading this post and get 7 days of free access to the full post archives.</p>"
        '<p><a href="https://valleynews.example/subscribe?simple=true&amp;next=x">Start trial</a></p>'
        '<p>Already a paid subscriber? <a href="https://valleynews.example/account/login">Sign in</a></p>'
    )
    texts, dropped = _dropped(_issue(*_STORIES, paywall))
    assert len(texts) == 2 and texts[1].endswith("until Friday.")
    assert ("call to action", "Keep reading with a 7-day free trial") in dropped


_FERRY = (
    "<h2>The ferry vote</h2>"
    "<p>The council votes on the winter timetable next week, and the harbour users want the late sailing kept.</p>"
    '<p>The vote is on Monday. <a href="https://harbour.example/forward">Forward this to a friend who cares about the ferry!</a></p>'
)


def test_an_appeal_ending_the_issues_last_paragraph_is_left_out_and_the_paragraph_stays() -> None:
    texts, dropped = _dropped(_issue(_STORIES[0], _FERRY, "<p>Unsubscribe from these emails</p>"))
    assert texts[1].endswith("late sailing kept. The vote is on Monday.")
    assert ("closing appeal", "Forward this to a friend who cares about the ferry!") in dropped
    layout = plan(_issue(_STORIES[0], _FERRY), "Valley News")
    assert "harbour.example/forward" not in layout.stories[1].html and "<p>The vote is on Monday.</p>" in layout.stories[1].html


def test_an_appeal_sentence_inside_a_story_before_the_last_paragraph_stays() -> None:
    middle = _FERRY + "<p>The ferry company says it will publish the figures afterwards, in full, on its own site.</p>"
    texts, dropped = _dropped(_issue(middle, *_STORIES))
    assert "The vote is on Monday. Forward this to a friend who cares about the ferry!" in texts[0]
    assert not [why for why, _ in dropped if why == "closing appeal"]
    last = _FERRY.replace("The vote is on Monday. ", "Thanks to the 300 of you who wrote in. ")  # a sentence of its own, not an appeal: the appeal still goes
    texts, _ = _dropped(_issue(_STORIES[0], last))
    assert texts[1].endswith("Thanks to the 300 of you who wrote in.")


def test_a_last_paragraph_that_only_says_something_of_its_own_is_kept_whole() -> None:
    own = _FERRY.replace("Forward this to a friend who cares about the ferry!", "Bring your ticket stubs.")
    texts, dropped = _dropped(_issue(_STORIES[0], own))
    assert texts[1].endswith("The vote is on Monday. Bring your ticket stubs.") and not [why for why, _ in dropped if why == "closing appeal"]
