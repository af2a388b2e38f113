"""The second probe's shapes (tests/fixtures/newsletter/services/, written by
make_probe2_shape_fixtures.py): Ghost's paywall and its video and audio players, Substack's mid-post
blocks (captioned Share, embedded post, YouTube), beehiiv's "Presented by" sponsor story, HubSpot's
picture-right columns, Campaign Monitor's heading-first layouts and Klaviyo's link bar. Each issue
is read as its readers see it, and its links are classified by their shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, import_served, png, tracking_in
from test_newsletter_templates import _gmail_forward, _thunderbird_forward, _yahoo_forward

from masthead.newsletter.appeals import appeal
from masthead.newsletter.chrome import block_reason, heading_reason, is_logo
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse
from masthead.newsletter.stories import Event, build_story
from masthead.newsletter.titling import clean_subject

SERVICES = FIXTURES / "services"

CASES = (
    Received(
        "ghost-paywall-cards",
        "ghost",
        "single",
        ("The ferry timetable nobody can read",),
        {"The ferry timetable nobody can read": "/2025/06/ferry-office.jpg"},
        {("Ghost", "click"): 2, ("Ghost", "unsubscribe"): 1, ("Mailgun", "open"): 1},
        (0,),
        frozenset({"header", "byline", "chrome", "call to action", "footer", "tracking pixel"}),
        (
            "Upgrade to",
            "continue reading",
            "Become a paid member",
            "premium content",
            "Click to play audio",
            "10:42",
            "kg-video-preview",
            "spacergif",
            "More like this",
            "Subscription details",
        ),
        "The ferry timetable nobody can read",
    ),
    Received(
        "substack-share-caption",
        "substack",
        "single",
        ("The container library",),
        {"The container library": "1f2a3b4c5d6e_3024x4032.jpeg"},
        {("Substack", "click"): 15, ("Substack", "web version"): 6, ("Substack", "open"): 2, ("tracking parameters", "parameters"): 1},
        (1,),  # the embedded post's card, a /redirect/2/ link
        frozenset({"header", "byline", "chrome", "footer", "tracking pixel"}),
        ("feel free to share", "Leave a comment", "Give a gift", "41 likes", "6 comments", "a year ago", "Read more", "Restack"),
        "The container library",
        captions={"The container library": "The container by platform 2."},
    ),
    Received(
        "beehiiv-presented-by",
        "beehiiv",
        "stories",
        ("🚢 The channel gets dredged at last", "🐟 Sea bass limits change on 1 July"),
        {
            "🚢 The channel gets dredged at last": "7a1e3c5b-dredger-at-work.jpg",
            "🐟 Sea bass limits change on 1 July": "9d1f3b5c-bass-on-ice.jpg",
        },
        {("SendGrid", "click"): 6, ("SendGrid", "open"): 1, ("beehiiv", "unsubscribe"): 1, ("tracking parameters", "parameters"): 1},
        (1, 1),
        frozenset({"header", "sponsor", "footer", "tracking pixel"}),
        ("PRESENTED BY", "Lantern", "boat saver", "Open an account", "Advertise", "Read Online"),
        "Dredging starts, and anglers get a second bass",
        captions={"🚢 The channel gets dredged at last": "Photo: Port of Truro", "🐟 Sea bass limits change on 1 July": "Photo: Cornwall IFCA"},
    ),
    Received(
        "hubspot-image-right",
        "hubspot",
        "stories",
        ("The community kiln fires its thousandth load", "A mural for the old fish market", "The harbour choir needs tenors"),
        {
            "The community kiln fires its thousandth load": "name=kiln-firing.jpg",
            "A mural for the old fish market": "name=mural-wall.jpg",
            "The harbour choir needs tenors": "name=choir-hall.jpg",
        },
        {("HubSpot", "click"): 6, ("HubSpot", "unsubscribe"): 2, ("HubSpot", "open"): 1, ("tracking parameters", "parameters"): 1},
        (1, 1, 1),  # each story's "Read more"
        frozenset({"header", "footer", "tracking pixel"}),
        ("View in browser", "Quay Street", "Unsubscribe", "arts-centre-logo"),
        "A thousand kiln loads, a mural and a call for tenors",
    ),
    Received(
        "campaign-monitor-heading-first",
        "campaign-monitor",
        "stories",
        ("The lido reopens with a heated lane", "Beach huts go to a lottery", "New benches along the promenade"),
        {
            "The lido reopens with a heated lane": "/lido-lane.jpg",
            "Beach huts go to a lottery": "/beach-huts.jpg",
            "New benches along the promenade": "/promenade-bench.jpg",
        },
        {
            ("Campaign Monitor", "click"): 3,
            ("Campaign Monitor", "web version"): 1,
            ("Campaign Monitor", "share"): 3,
            ("Campaign Monitor", "unsubscribe"): 2,
            ("Campaign Monitor", "open"): 1,
        },
        (1, 1, 1),  # each story's "Read more" button
        frozenset({"header", "chrome", "footer", "tracking pixel"}),
        ("View online", "Tweet", "Forward", "Marine Parade", "Preferences", "seafront-news-logo"),
        "Seafront News: a heated lane at the lido",
    ),
    Received(
        "klaviyo-nav-split",
        "klaviyo",
        "stories",
        ("The rye starter turns twenty", "Come to a night bake"),
        {"The rye starter turns twenty": "/rye-starter-jar.jpeg", "Come to a night bake": "/night-bake.jpeg"},
        {("Klaviyo", "click"): 9, ("Klaviyo", "web version"): 1, ("Klaviyo", "unsubscribe"): 1, ("Klaviyo", "open"): 1},
        (1, 1),  # "Its story", "Book a place"
        frozenset({"header", "chrome", "footer", "tracking pixel"}),
        ("Journal", "Visit us", "Shop now", "View in browser", "Ropewalk Lane", "ropewalk-wordmark"),
        "Twenty years of one rye starter",
    ),
    Received(
        "substack-sponsor-section",
        "substack",
        "single",
        ("The lending shelf",),
        {},
        {("Substack", "click"): 14, ("Substack", "web version"): 6, ("Substack", "open"): 2, ("tracking parameters", "parameters"): 1},
        (2,),  # the two outlets of "Elsewhere"
        frozenset({"sponsor", "call to action", "header", "byline", "chrome", "footer", "tracking pixel"}),
        ("A word from our sponsor", "Fellside", "TOOLSHED", "20% off", "free subscriber", "Upgrade to paid"),
        "The lending shelf",
    ),
    Received(
        "beehiiv-welcome-contents",
        "beehiiv",
        "stories",
        ("The ferry gets a Sunday timetable", "A heron colony returns to the creek", "Around the web"),
        {"The ferry gets a Sunday timetable": "3b5d7f9a-ferry-slipway.jpg", "A heron colony returns to the creek": "5d7f9b1c-herons-nesting.jpg"},
        {("SendGrid", "click"): 8, ("beehiiv", "unsubscribe"): 1, ("tracking parameters", "parameters"): 1},
        (1, 1, 3),
        frozenset({"header", "between stories", "feedback", "footer"}),
        ("Good morning", "In today", "That’s it for today", "What did you think", "Loved it", "Lemon Quay"),
        "Sunday ferries and the herons come home",
    ),
    Received(
        "ghost-header-product",
        "ghost",
        "single",
        ("The last dinghy from Penpol",),
        {"The last dinghy from Penpol": "/2025/06/penpol-yard.jpg"},
        {("Ghost", "click"): 3, ("Ghost", "unsubscribe"): 1, ("Mailgun", "open"): 1},
        (0,),
        frozenset({"header", "byline", "call to action", "decoration", "chrome", "footer", "tracking pixel"}),
        ("star-rating", "Subscribe", "portal/signup", "More like this"),
        "The last dinghy from Penpol",
    ),
    Received(
        "beehiiv-furniture-words",
        "beehiiv",
        "stories",
        ("The quay wall is rebuilt in granite", "The pilot gig club wins at Scilly"),
        {"The quay wall is rebuilt in granite": "8e1a3c5d-quay-wall.jpg", "The pilot gig club wins at Scilly": "0a2c4e6f-pilot-gigs.jpg"},
        {("SendGrid", "click"): 6, ("beehiiv", "unsubscribe"): 1, ("tracking parameters", "parameters"): 2},
        (1, 1),
        frozenset({"referral", "byline", "chrome", "sponsor", "header", "footer"}),
        (
            "forward you this",
            "Read time",
            "Listen to this issue",
            "SPONSOR",
            "Harbourline",
            "Waterproofs",
            "Advertise with",
            "to your contacts",
            "Follow us",
            "© 2025",
            "Privacy policy",
        ),
        "A granite quay wall and a gig-racing title",
    ),
    Received(
        "beehiiv-section-labels",
        "beehiiv",
        "stories",
        ("Mussel farm licence granted for the outer bay", "Cruise ship calls double this summer", "The library opens on Sundays", "QUICK HITS"),
        {"Mussel farm licence granted for the outer bay": "1c3e5a7b-mussel-lines.jpg", "The library opens on Sundays": "2d4f6b8c-library-steps.jpg"},
        {("SendGrid", "click"): 8, ("beehiiv", "unsubscribe"): 1, ("tracking parameters", "parameters"): 1},
        (1, 1, 1, 2),
        frozenset({"header", "sponsor", "closing appeal", "chrome", "footer"}),
        ("THE HARBOUR", "THE TOWN", "Kayak hire", "Harbour Paddle", "Sponsored", "Tamar Tides", "Recommended for you"),
        "Mussels, cruise ships and Sunday books",
    ),
    Received(
        "klaviyo-product-grid",
        "klaviyo",
        "stories",
        ("The mill upriver grinds our rye again", "A second oven for Saturdays"),
        {"The mill upriver grinds our rye again": "/mill-wheel.jpeg", "A second oven for Saturdays": "/oven-door.jpeg"},
        {("Klaviyo", "click"): 9, ("Klaviyo", "unsubscribe"): 1, ("Klaviyo", "open"): 1},
        (1, 1),
        frozenset({"header", "chrome", "footer", "tracking pixel"}),
        ("Rye loaf", "Starter kit", "£4.50", "Shop now", "Ropewalk Lane", "rye-loaf.jpeg"),
        "The mill grinds again",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_tracking_link_and_pixel_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


@pytest.mark.parametrize("client", [_gmail_forward, _thunderbird_forward, _yahoo_forward], ids=["gmail", "thunderbird", "yahoo"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_forwarded_reads_as_the_issue_itself(case: Received, client: Callable[[str, Path], Path], tmp_path: Path) -> None:
    (forwarded,) = read_issues(client(case.name, tmp_path))
    (sent,) = read_issues(SERVICES / f"{case.name}.eml")
    mine, theirs = plan(forwarded.html, forwarded.subject, forwarded.headers), plan(sent.html, sent.subject, sent.headers)
    assert (mine.profile.name, mine.kind) == (theirs.profile.name, theirs.kind)
    assert [(story.title, story.image, story.link) for story in mine.stories] == [(story.title, story.image, story.link) for story in theirs.stories]
    for story in mine.stories:
        text = " ".join(parse(story.html).get_text(" ").split())
        assert not [chrome for chrome in case.absent if chrome in text], story.title


def test_the_drafts_hold_only_their_own_pictures_and_build(make_site: MakeSite) -> None:
    site = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    report, _ = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], png((20, 90, 60)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    assert_drafts_hold(site, report, CASES)


def _story_of(name: str) -> str:
    (issue,) = read_issues(SERVICES / f"{name}.eml")
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    return story.html


@pytest.mark.parametrize(
    ("heading", "asks"),
    [
        ("Upgrade to continue reading.", True),
        ("Subscribe to continue reading", True),
        ("Subscribe to keep reading", True),
        ("Upgrade to paid", True),
        ("Keep reading the council's report", False),
        ("Upgrade works continue on the pier", False),
    ],
)
def test_ghosts_paywall_heading_is_a_call_to_action(heading: str, asks: bool) -> None:
    assert appeal(heading) is asks


def test_ghosts_players_go_and_what_they_play_stays() -> None:
    story = _story_of("ghost-paywall-cards")
    text = " ".join(parse(story).get_text(" ").split())
    assert "The queue for the 7.10 on Monday" in text  # the video's caption
    assert "The harbour master on the new timetable" in text  # the audio's title
    assert "Timetable 2025" in text and "The last Sunday boat is the 18.40" in text  # a file card and a callout
    assert "<table" not in story.split("The queue for the 7.10")[0].split("a week.")[-1]  # no empty player table before the caption


def test_a_thumbnail_linked_to_one_video_is_the_posts_and_a_networks_icon_is_not() -> None:
    story = _story_of("substack-share-caption")
    video = parse(story).find("a", href="https://www.youtube.com/watch?v=Qm3Xc8Lp2Vw")
    assert video is not None and video.find("img") is not None
    for html, logo in (
        ('<a href="https://www.youtube.com/watch?v=Qm3Xc8Lp2Vw"><img src="https://substackcdn.com/image/youtube/w_728/Qm3Xc8Lp2Vw" width="550"></a>', False),
        ('<a href="https://youtu.be/Qm3Xc8Lp2Vw"><img src="https://cdn.example/youtube-thumb.jpg" width="550"></a>', False),
        ('<a href="https://www.youtube.com/@harbourtv"><img src="https://cdn.example/youtube.png" width="24"></a>', True),
        ('<a href="https://harbour.example/video"><img src="https://cdn.example/icons/youtube.png" width="32"></a>', True),
        ('<img src="https://cdn.example/social/instagram.png">', True),
    ):
        image = parse(html).find("img")
        assert image is not None and is_logo(image) is logo, html


def test_an_embedded_post_card_is_one_line_titled_by_its_title() -> None:
    story = _story_of("substack-share-caption")
    line = next(p for p in parse(story).find_all("p") if "The box by the tram stop" in p.get_text())
    anchor = line.find("a")
    assert anchor is not None and anchor.get_text() == "The box by the tram stop"
    assert " ".join(line.get_text(" ").split()) == (
        "The box by the tram stop — Sharing Cities — Gothenburg’s unstaffed tool boxes lend drills, tents and a karaoke machine… — Elin Berg"
    )


def test_a_ghost_bookmark_card_keeps_its_order_title_first() -> None:
    html = (
        '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://bats.example/lesser-horseshoe">'
        '<div class="kg-bookmark-content"><div class="kg-bookmark-title">Lesser horseshoe bat</div>'
        '<div class="kg-bookmark-description">How it finds its way.</div><div class="kg-bookmark-metadata">'
        '<span class="kg-bookmark-author">Bat Conservation Trust</span></div></div></a></figure>'
    )
    figure = parse(html).figure
    assert figure is not None
    story = build_story(1, "Bats", None, [Event("block", figure)])
    assert " ".join(parse(story.html).get_text(" ").split()) == "Lesser horseshoe bat — How it finds its way. — Bat Conservation Trust"


@pytest.mark.parametrize(
    ("heading", "why"),
    [
        ("A word from our sponsor", "sponsor"),
        ("A note from our partners", "sponsor"),
        ("This week's sponsor", "sponsor"),
        ("Thanks to our sponsors", "sponsor"),
        ("SPONSOR", "sponsor"),
        ("Sponsored content", "sponsor"),
        ("Sponsors pull out of the regatta", None),
        ("A word from the harbour master", None),
        ("This week's tides", None),
        ("Thanks to our volunteers", None),
    ],
)
def test_a_sponsors_section_is_known_by_its_label(heading: str, why: str | None) -> None:
    assert heading_reason(heading) == why


@pytest.mark.parametrize(
    ("html", "logo"),
    [
        ('<p>Rated <img src="https://static.ghost.org/v4.0.0/images/star-rating-light.png" width="16" height="16"> by readers</p>', True),
        (
            '<table><tr><td><img src="https://cdn.example/bullet.png" width="24"></td><td><h2>The ferry</h2><p>It runs on Sundays now.</p></td></tr></table>',
            True,
        ),
        (
            '<table><tr><td><img src="https://cdn.example/bridge.jpg" width="100"></td><td><h2>The bridge</h2><p>It reopens on Monday.</p></td></tr></table>',
            False,
        ),
    ],
)
def test_a_picture_of_an_icons_size_is_an_icon_even_beside_text(html: str, logo: bool) -> None:
    image = parse(html).find("img")
    assert image is not None and is_logo(image) is logo


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ('<p>Trouble viewing? <a href="https://x.example/web">Click here</a></p>', "header"),
        ("<p>Can't see images? <a href='https://x.example/web'>Click here</a></p>", "header"),
        ('<p><a href="https://x.example/web">Read in browser</a></p>', "header"),
        ('<p><a href="https://x.example/web">Read on the web</a></p>', "header"),
        ('<p>Did someone forward you this email? <a href="https://x.example/s">Subscribe</a></p>', "referral"),
        ('<p><a href="https://x.example/l">🎧 Listen to this issue</a></p>', "chrome"),
        ('<p>Follow us on <a href="https://x.example/ig">Instagram</a></p>', "chrome"),
        ("<p>Add hello@estuarywire.example to your contacts so we never land in spam.</p>", "header"),
        ("<p>Whitelist us: add news@x.example to your address book.</p>", "header"),
        ("<p>© 2025 Ropewalk Bakery Ltd</p>", "footer words"),
        ('<p><a href="https://x.example/privacy">Privacy policy</a> | <a href="https://x.example/terms">Terms of service</a></p>', "footer words"),
        ("<p>Terms of the lease were agreed on Monday.</p>", None),
        ("<p>© Jane Doe</p>", None),
        ("<p>She asked residents to add the number to their contacts.</p>", None),
        ('<p><a href="https://x.example/l">Listen to this article (12 min)</a></p>', "chrome"),
        ('<p><a href="https://x.example/ad">Advertise with The Estuary Wire</a></p>', "sponsor"),
        ('<p>Interested in sponsoring? <a href="https://x.example/ad">Get in touch</a></p>', "sponsor"),
        ('<p><a href="https://x.example/ad">Want to reach 20,000 readers? Sponsor us</a></p>', "sponsor"),
        ("<p>Reading time: 4 minutes</p>", "byline"),
        ("<p>⏱ 4 min read</p>", "byline"),
        ("<p>SPONSOR</p>", "sponsor label"),
        ("<p>The team had trouble viewing the eclipse through cloud.</p>", None),
        ("<p>The council read time limits for the car park: 30 minutes.</p>", None),
        ("<p>Advertisers pulled out of the harbour festival this year.</p>", None),
        ("<p>Sponsors of the regatta met on Monday to plan the route for the boats.</p>", None),
    ],
)
def test_the_lines_around_the_stories_are_known_by_their_words(html: str, why: str | None) -> None:
    block = parse(html).p
    assert block is not None and block_reason(block) == why


_CITED_STORIES = "".join(
    f'<h2>{title}</h2><img src="https://cdn.example/{number}.jpg" width="600" alt="{title}, the picture">'
    f'<p>{text} (<a href="https://news.example/{number}">Falmouth Packet</a>)</p>'
    for number, (title, text) in enumerate(
        (
            ("The ferry gets a Sunday timetable", "From July the foot ferry crosses every half hour on Sundays, after 1,400 people signed the petition."),
            ("A heron colony returns to the creek", "Eleven pairs of grey herons are nesting in the oaks at Pill Creek, the first colony there since 1998."),
            ("The library opens on Sundays", "From July the library opens from ten till four on Sundays, staffed by volunteers."),
        )
    )
)
_LINKS = (
    '<ul><li>The swing bridge closes for painting (<a href="https://c.example/a">Cornwall Council</a>)</li>'
    '<li>The regatta programme is out (<a href="https://c.example/b">Falmouth Week</a>)</li>'
    '<li>Tide tables for July (<a href="https://c.example/c">Port of Truro</a>)</li></ul>'
)


def test_stories_of_one_cited_paragraph_each_are_stories_though_a_list_of_links_follows_them() -> None:
    layout = plan(f"<html><body>{_CITED_STORIES}{_LINKS}</body></html>", "Sunday ferries", ())
    assert layout.kind == "stories"
    assert [story.title for story in layout.stories] == [
        "The ferry gets a Sunday timetable",
        "A heron colony returns to the creek",
        "The library opens on Sundays",
    ]


def test_a_list_under_each_heading_is_still_a_roundup() -> None:
    sections = "".join(f"<h2>{name}</h2>{_LINKS}" for name in ("The harbour", "The town"))
    assert plan(f"<html><body>{sections}</body></html>", "This week's links", ()).kind == "roundup"


def test_section_labels_over_pictured_stories_stay_labels_and_a_section_of_links_among_them_is_a_story() -> None:
    (issue,) = read_issues(SERVICES / "beehiiv-section-labels.eml")
    stories = plan(issue.html, issue.subject, issue.headers).stories
    quick = " ".join(parse(stories[-1].html).get_text(" ").split())
    assert "The swing bridge closes for painting on 3 June" in quick and "The regatta programme is out" in quick
    assert "Kayak hire" not in quick  # the list's item marked "(Sponsored)"


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Issue #42: The ferry fares rise", "The ferry fares rise"),
        ("#42 — The ferry fares rise", "The ferry fares rise"),
        ("Vol. 3, No. 12 – Ferry fares rise", "Ferry fares rise"),
        ("The Harbour Letter #42: Ferry fares rise", "Ferry fares rise"),
        ("The Harbour Letter: ferry fares rise", "Ferry fares rise"),
        ("Ferry fares rise | The Harbour Letter", "Ferry fares rise"),
        ("Ferry fares rise - Harbour Letter #42", "Ferry fares rise"),
        ("Ferry fares rise (Issue 42)", "Ferry fares rise"),
        ("[Harbour Letter] Ferry fares rise", "Ferry fares rise"),
        ("Ferry fares: what it means | Issue 42", "Ferry fares: what it means"),
        ("Q&A: the harbour master", "Q&A: the harbour master"),
        ("2025: the year the ferry came back", "2025: the year the ferry came back"),
        ("Ferry fares rise (again)", "Ferry fares rise (again)"),
        ("Theatre news: the new season", "Theatre news: the new season"),
        ("The Harbour Letter", "The Harbour Letter"),
        ("Issue #42", "Issue #42"),
    ],
)
def test_a_subject_loses_the_newsletters_name_and_the_issues_number_at_either_end(subject: str, title: str) -> None:
    assert clean_subject(subject, [("From", "The Harbour Letter <news@harbour.example>")]) == title
