"""What sends close with in words, without a button (tests/fixtures/newsletter/services/, written by
make_closing_words_fixtures.py): Brevo's current editor (Newsletter2Go's markup) with a "Thanks for
reading! … forward it along." paragraph and a footer whose address sits in a box of its own, a
Substack link roundup written as ``<li><p>`` entries ending "(Outlet)" and closing "If you enjoyed
this week's links, consider upgrading", a Ghost post with a sponsor's call-to-action card in the
middle (the picture after it stays the post's) and the writer's own at the end, a Kit digest whose
pictures sit under their headings (the first story has none), Mailchimp's new builder as a link
roundup closing "Enjoyed this week's links? Share them…", and a Klaviyo member newsletter on a branded tracking domain
closing with an appeal to donate. Each: the service, the exact titles, each story's picture, no
chrome in any story, every tracking link and pixel detected, and drafts that build."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from link_server import Played, Route, serve, tracking_routes
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, png, tracking_in
from test_newsletter_templates import _gmail_forward, _thunderbird_forward, _yahoo_forward

from masthead.config import load_config
from masthead.links.audit import settings_for
from masthead.links.rules import classify
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.importer import ImportOptions, import_issues
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse

SERVICES = FIXTURES / "services"
EIGHT, TOWPATH, JUNIORS = "The new eight is on the water", "Towpath work party, Sunday 8 June", "Juniors win at the regatta"
CURLEWS, DAMS, CAFE = "Curlews are back on Harker Moor", "Ninety dams in a week", "The visitor centre’s café reopens"
ROUNDUP = "Things people share, week 23"
BANC = "Banc y Ddinas reopens"
HARBOUR = "The Harbour Letter: four links from the harbour"
HARBOUR_TITLE = "Four links from the harbour"  # the Subject without the newsletter's name (From, and its logo's alt)
GATES, KINGFISHERS, BOOKSHOP = "The flight of locks gets its gates back", "Kingfishers under the aqueduct", "A floating bookshop moors in town"
OUTLETS = ("BBC News", "The Guardian", "Wired", "Reuters", "Público", "Positive News", "The Tool Shed")

CASES = (
    Received(
        "brevo-editor-stories",
        "brevo",
        "stories",
        (EIGHT, TOWPATH, JUNIORS),
        {EIGHT: "66f1c0e2a8b4d93e5f7a1c21.jpg", TOWPATH: "66f1c0e2a8b4d93e5f7a1c22.jpg", JUNIORS: "66f1c0e2a8b4d93e5f7a1c23.jpg"},  # each above its heading
        {("Brevo", "click"): 11, ("Brevo", "unsubscribe"): 1, ("Brevo", "open"): 1, ("tracking parameters", "parameters"): 1},
        (1, 1, 1),  # each story's own button
        frozenset({"header", "footer", "closing appeal", "tracking pixel"}),
        ("Thanks for reading", "forward it along", "Boathouse", "This email was sent", "subscribed", "Unsubscribe", "View in browser", "Brevo", "facebook"),
        "Club news: the new eight, reeds and a regatta win",
    ),
    Received(
        "substack-roundup",
        "substack",
        "roundup",
        (ROUNDUP,),
        {},
        {("Substack", "click"): 18, ("Substack", "web version"): 6, ("Substack", "open"): 2, ("tracking parameters", "parameters"): 1},
        (7,),  # the seven items' links, which carry their destinations
        frozenset({"chrome", "byline", "header", "footer", "closing appeal", "tracking pixel"}),
        (
            "If you enjoyed",
            "upgrading",
            "See you Sunday",
            "Subscribe",
            "Thanks for reading",
            "Like",
            "Restack",
            "Tomas Lindqvist",
            "Unsubscribe",
            "substack.com</a>",
        ),
        ROUNDUP,
    ),
    Received(
        "ghost-cta-cards",
        "ghost",
        "single",
        (BANC,),
        {BANC: "2025/04/banc-y-ddinas.jpg"},
        {("Ghost", "click"): 7, ("Ghost", "unsubscribe"): 1, ("Mailgun", "open"): 1, ("tracking parameters", "parameters"): 2},
        (1,),  # "published the route"
        frozenset({"sponsor", "call to action", "referral", "byline", "chrome", "footer", "header", "tracking pixel"}),
        ("SPONSORED", "Cambrian", "Book a weekend", "CTA Image", "600 readers", "Become a member", "Thanks for reading", "forward it", "Subscription"),
        BANC,
        captions={BANC: "The new line round the scar (Rhiannon Pugh)"},
    ),
    Received(
        "kit-digest",
        "convertkit",
        "stories",
        (GATES, KINGFISHERS, BOOKSHOP),
        {KINGFISHERS: "kingfisher-aqueduct", BOOKSHOP: "bookshop-narrowboat"},  # each under its heading; the first story has none
        {("ConvertKit", "click"): 3, ("ConvertKit", "unsubscribe"): 2, ("ConvertKit", "open"): 1},
        (1, 1, 1),  # each story's "Read the full story"
        frozenset({"header", "referral", "footer", "tracking pixel"}),
        ("That’s all for this week", "forward it", "Was this forwarded", "Sign up here", "Wharf Street", "Unsubscribe", "wordmark"),
        "Towpath Weekly: gates, kingfishers and a bookshop",
    ),
    Received(
        "mailchimp-mce-roundup",
        "mailchimp-new",
        "roundup",
        (HARBOUR_TITLE,),  # no title heading: the Subject
        {},
        {("Mailchimp", "click"): 4, ("Mailchimp", "share"): 2, ("Mailchimp", "unsubscribe"): 2, ("Mailchimp", "open"): 1},
        (4,),  # the four items' links
        frozenset({"header", "closing appeal", "chrome", "footer", "tracking pixel"}),
        ("Enjoyed this week", "Share them", "Forward this email", "Copyright", "Havenkade", "unsubscribe", "Intuit"),
        HARBOUR,
    ),
    Received(
        "klaviyo-editorial",
        "klaviyo",
        "stories",
        (CURLEWS, DAMS, CAFE),
        {CURLEWS: "c4a81e20-curlew-chick.jpeg", DAMS: "d5b92f31-peat-dam.jpeg", CAFE: "e6ca3042-cafe-view.jpeg"},
        {("Klaviyo", "click"): 9, ("Klaviyo", "open"): 1},
        (1, 1, 1),  # each story's "Read more"
        frozenset({"header", "footer", "closing appeal", "tracking pixel"}),
        ("donating", "Pass it on", "keep it free", "No longer want", "Manage Preferences", "Scar House · Thornton", "moorland-trust-logo"),
        "Moor news: curlews, dams and the café",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_is_read_without_the_words_it_closes_with(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_link_and_pixel_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


def _plan(name: str) -> tuple[list[str], list[tuple[str, str]]]:
    (issue,) = read_issues(SERVICES / f"{name}.eml")
    layout = plan(issue.html, issue.subject, issue.headers)
    return [" ".join(parse(story.html).get_text(" ").split()) for story in layout.stories], [(item.why, item.text) for item in layout.dropped]


def test_the_signature_under_a_closing_appeal_stays_and_the_footers_own_address_goes_with_it() -> None:
    texts, dropped = _plan("brevo-editor-stories")
    assert texts[2].endswith("the secret was the early starts. Results and photos — Priya, club secretary")
    assert ("closing appeal", "Thanks for reading! If a friend would like this, forward it…") in dropped
    assert ("footer", "The Boathouse, Mill Road, Fenton FE2 4RR") in dropped  # in the footer's section, a box of its own


def test_the_brevo_editor_is_recognised_by_its_markup_alone() -> None:
    (issue,) = read_issues(SERVICES / "brevo-editor-stories.eml")
    assert plan(issue.html, issue.subject, [("From", "Riverside Rowing Club <news@riversiderowing.example>")]).profile.name == "brevo"


def test_a_roundup_written_as_paragraphs_in_list_entries_cites_the_outlet_each_entry_ends_with() -> None:
    (issue,) = read_issues(SERVICES / "substack-roundup.eml")
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    entries = parse(story.html).find_all("li")
    citations = [entry.find("a", attrs={"data-citation": "1"}) for entry in entries]
    assert [citation.get_text() if citation is not None else "" for citation in citations] == list(OUTLETS)
    assert [" ".join(entry.get_text(" ").split()).split(".")[0] for entry in entries][:2] == ["A seed bank in a phone box", "The lawnmower timeshare"]
    assert not [entry for entry in entries if "(" in entry.get_text()]  # "(BBC News)" became the citation
    items = plan(issue.html, issue.subject, issue.headers, split="items")
    assert [story.title for story in items.stories][:3] == ["A seed bank in a phone box", "The lawnmower timeshare", "Why toy libraries work"]


def test_the_drafts_store_each_links_destination_and_build(make_site: MakeSite) -> None:
    site = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    issues = [SERVICES / f"{case.name}.eml" for case in CASES]
    clicks = [
        "https:" + url.removeprefix("https:")
        for eml in issues
        for url in re.findall(r'href="([^"]+)"', read_issues(eml)[0].html.replace("&amp;", "&"))
        if (found := classify(url)) is not None and found.kind == "click" and "substack.com" not in url
    ]
    with serve(Played(tracking_routes(clicks), default=Route(200, body=png((60, 90, 40)), content_type="image/png"))) as played:
        config = load_config(site)
        settings = settings_for(config, False, {"*": played.address}, host_delay=0)
        report = import_issues(config, issues, ImportOptions(settings=settings, now=BUILD_TIME))
    asked = [key for _, key, _ in played.requests]
    assert not [key for key in asked if key.startswith(("substack.com/", "click.kit-mail3.com/"))]  # these links said where they go
    pictures = sorted(key.rsplit("/", 1)[-1] for key in asked if not classify("https://" + key) and not key.startswith("hop.example/"))
    stories = [end.rsplit("/", 1)[-1] for case in CASES for end in case.images.values()]
    assert pictures == sorted([*stories, "banc-bench.jpg"])  # the stories' own pictures, and the one inside Ghost's post: no logo, icon, badge or pixel
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    bodies = {post.title: (site / post.path).read_text("utf-8").split("---\n", 2)[2] for post in report.posts}
    assert "[[BBC News](https://www.bbc.co.uk/news/articles/c9dorsetseeds)]" in bodies[ROUNDUP]
    assert "[[Público](https://www.publico.pt/2025/06/03/local/biblioteca-de-coisas)]" in bodies[ROUNDUP]
    assert "[Read the full story](https://towpathweekly.example/kingfishers)" in bodies[KINGFISHERS]
    assert "[[Leeuwarder Courant](https://news.example/story/" in bodies[HARBOUR_TITLE] and "[[Reuters](https://news.example/story/" in bodies[HARBOUR_TITLE]
    assert bodies[BOOKSHOP].rstrip().endswith("Jo")  # the editor's name stays, the appeal above it goes
    assert not any("sendibt3" in body or "moorlandtrust.example/l/" in body or "substack.com/redirect" in body for body in bodies.values())
    assert all(not post.left for post in report.posts)
    assert_drafts_hold(site, report, CASES)


def test_the_dry_run_names_each_closing_appeal(make_site: MakeSite) -> None:
    from click.testing import CliRunner

    from masthead.cli import main

    site = make_site({}, config=CONFIG)
    result = CliRunner().invoke(
        main, ["import", "--site", str(site), "--dry-run", "--keep-tracking", *(str(SERVICES / f"{case.name}.eml") for case in CASES)], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    for name, words in (
        ("brevo-editor-stories", "Thanks for reading!"),
        ("substack-roundup", "If you enjoyed this week"),
        ("klaviyo-editorial", "If you enjoyed this issue"),
    ):
        assert re.search(rf"│ {name}\.eml\s+│ closing appeal\s+│ {words}", result.stdout), name
    for name, words in {"ghost-cta-cards": "Field Notes is free because 600"}.items():
        assert re.search(rf"│ {name}\.eml\s+│ call to action\s+│ {words}", result.stdout), name
    assert re.search(r"│ ghost-cta-cards\.eml\s+│ sponsor\s+│ SPONSORED Walk Wales", result.stdout)
    assert list(Path(site).rglob("*.md")) == []


def test_ghosts_sponsor_card_leaves_the_picture_after_it_in_the_post() -> None:
    (issue,) = read_issues(SERVICES / "ghost-cta-cards.eml")
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    body = parse(story.html)
    assert [str(image["src"]).rsplit("/", 1)[-1] for image in body.find_all("img")] == ["banc-bench.jpg"]
    assert "The bench at the top, in memory of the warden" in body.get_text(" ")
    assert " ".join(body.get_text(" ").split()).endswith("dogs will need lifting.")


def test_a_sponsor_card_in_a_template_no_profile_knows_ends_where_its_box_does() -> None:
    (issue,) = read_issues(SERVICES / "ghost-cta-cards.eml")
    page = issue.html.replace("kg-cta-card", "promo-card")  # the same card, as an unknown template would name it
    (story,) = plan(page, issue.subject, issue.headers).stories
    body = parse(story.html)
    text = " ".join(body.get_text(" ").split())
    assert [str(image["src"]).rsplit("/", 1)[-1] for image in body.find_all("img")] == ["banc-bench.jpg"]  # after the card: the post's
    assert "The bench at the top" in text and "What to take" in text
    assert not any(words in text for words in ("SPONSORED", "Cambrian", "Book a weekend", "600 readers", "Become a member"))


@pytest.mark.parametrize("client", [_gmail_forward, _thunderbird_forward, _yahoo_forward], ids=["gmail", "thunderbird", "yahoo"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_forwarded_reads_as_the_issue_itself(case: Received, client: Callable[[str, Path], Path], tmp_path: Path) -> None:
    (forwarded,) = read_issues(client(case.name, tmp_path))
    (sent,) = read_issues(SERVICES / f"{case.name}.eml")
    mine, theirs = plan(forwarded.html, forwarded.subject, forwarded.headers), plan(sent.html, sent.subject, sent.headers)
    assert (mine.profile.name, mine.kind) == (theirs.profile.name, theirs.kind)
    assert [(story.title, story.image, story.link) for story in mine.stories] == [(story.title, story.image, story.link) for story in theirs.stories]
    assert {item.why for item in mine.dropped} >= {"closing appeal", "call to action"} & {item.why for item in theirs.dropped}
    for story in mine.stories:
        text = " ".join(parse(story.html).get_text(" ").split())
        assert not [chrome for chrome in case.absent if chrome in text], story.title
