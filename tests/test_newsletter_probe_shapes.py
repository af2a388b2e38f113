"""The shapes a probe of received issues found read wrongly (tests/fixtures/newsletter/services/,
written by make_probe_shape_fixtures.py): each issue is read as its readers see it (the service,
the exact titles, which picture goes with which story, what is left out, no chrome in any post),
and its links are classified by their shape."""

from __future__ import annotations

import pytest
from conftest import MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_issue_read_as, tracking_in

from masthead.config import load_config
from masthead.links.rules import classify
from masthead.newsletter.chrome import block_reason, heading_reason, is_logo
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.importer import read_plans
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse
from masthead.newsletter.plaintext import unflowed
from masthead.newsletter.titling import clean_subject

SERVICES = FIXTURES / "services"

CASES = (
    Received(
        "brevo-current-links",
        "brevo",
        "stories",
        ("La lonja abre los sábados por la tarde", "Nuevo horario del autobús al puerto"),
        {},
        {("Brevo", "click"): 2, ("Brevo", "web version"): 1, ("Brevo", "unsubscribe"): 1, ("Brevo", "open"): 1},
        (1, 1),  # each story's "Leer más", a click redirect kept with --keep-tracking
        frozenset({"header", "footer", "tracking pixel"}),
        ("Ver versión web", "/mk/mr/", "Darse de baja", "Rúa do Porto"),
        "La lonja por la tarde y el autobús al puerto",
    ),
    Received(
        "mailchimp-heading-words",
        "mailchimp",
        "stories",
        (
            "Hospital referrals for eye tests rise by a third",
            "Promoted Quay Rovers sign a goalkeeper",
            "Together with the coastguard, pupils learn to row",
            "Diners get 15% off at the harbour night market",
        ),
        {
            "Hospital referrals for eye tests rise by a third": "1a3c5e7a-9b1d-4f3a-8c5e-7a9b1d3f5a7c.jpg",
            "Promoted Quay Rovers sign a goalkeeper": "2b4d6f8b-0c2e-4a4b-9d6f-8b0c2e4a6b8d.jpg",
            "Together with the coastguard, pupils learn to row": "3c5e7a9c-1d3f-4b5c-0e7a-9c1d3f5b7c9e.jpg",
            "Diners get 15% off at the harbour night market": "4d6f8b0d-2e4a-4c6d-1f8b-0d2e4a6c8d0f.jpg",
        },
        {("Mailchimp", "web version"): 1, ("Mailchimp", "click"): 6, ("Mailchimp", "unsubscribe"): 2, ("Mailchimp", "open"): 1},
        (1, 1, 1, 1),
        frozenset({"header", "footer", "sponsor", "referral", "tracking pixel"}),
        ("Kelp &amp; Co", "Kelp & Co", "sample box", "Refer a friend", "tide table", "Havenkade"),
        "Referrals, a promotion, rowing and the night market",
    ),
    Received(
        "quay-notes-footer-words",
        "generic",
        "stories",
        ("Night buses cut from the quay", "Brown bins become a paid service", "The tide alerts reach 3,000 homes"),
        {},
        {("Mailgun", "click"): 3, ("Mailgun", "open"): 1},
        (1, 1, 1),
        frozenset({"footer", "tracking pixel"}),
        ("You are subscribed to Quay Notes", "reply to this email with STOP"),
        "Night buses, brown bins and tide alerts",
    ),
    Received(
        "mailchimp-picture-names",
        "mailchimp",
        "stories",
        (
            "The wind-powered mill grinds again",
            "The social club gets a new roof",
            "Lifeguards back on the north beach",
            "The swing bridge reopens on Monday",
            "The harbour choir sings in Bruges",
        ),
        {
            "The wind-powered mill grinds again": "images/wind-powered-mill-sails.jpg",
            "The social club gets a new roof": "images/social-club-roof.jpg",
            "Lifeguards back on the north beach": "images/north-beach-flags.jpg",
            "The swing bridge reopens on Monday": "images/bridge-deck.jpg",  # a 100px thumbnail beside its text
            "The harbour choir sings in Bruges": "images/choir-hall.jpg",
        },
        {("Mailchimp", "web version"): 1, ("Mailchimp", "click"): 5, ("Mailchimp", "unsubscribe"): 2, ("Mailchimp", "open"): 1},
        (1, 1, 1, 1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("harbour-letter-logo", "Harbour Letter masthead"),
        "A mill, a roof, the beach, the bridge and the choir",
    ),
    Received(
        "mailchimp-plain-text",
        "mailchimp",
        "stories",
        ("The pilot boat gets a new engine", "Crab season opens early"),
        {},
        {("Mailchimp", "web version"): 1, ("Mailchimp", "click"): 4, ("Mailchimp", "unsubscribe"): 2},
        (1, 1),  # each story's "Read the full story", linked by those words
        frozenset({"header", "chrome", "footer"}),
        ("Follow us", "Facebook", "Instagram", "Havenkade", "(https://"),
        "The pilot boat and the crab season",
    ),
    Received(
        "mailerlite-share-line-de",
        "mailerlite",
        "stories",
        ("Die Fähre fährt wieder stündlich", "Neue Bänke am Seeufer"),
        {},
        {("MailerLite", "web version"): 1, ("MailerLite", "click"): 2, ("MailerLite", "unsubscribe"): 1, ("MailerLite", "open"): 1},
        (1, 1),
        frozenset({"header", "chrome", "footer", "tracking pixel"}),
        ("Teile diesen Newsletter", "facebook.com/sharer", "Seestraße", "Abmelden"),
        "Fähre und Bänke",
    ),
    Received(
        "parish-br-letter",
        "generic",
        "stories",
        ("The bells ring again at Easter", "Churchyard tidy on Saturday", "New times for the food bank"),
        {},
        {},
        (0, 0, 0),
        frozenset({"footer"}),
        ("To unsubscribe", "STOP", "<br/><br/>", "St Aldhelm's Newsletter"),
        "St Aldhelm's Newsletter, March",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_is_read_as_its_readers_see_it(case: Received) -> None:
    assert_issue_read_as(SERVICES / f"{case.name}.eml", case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_tracking_link_and_pixel_is_detected_by_its_shape(case: Received) -> None:
    (issue,) = read_issues(SERVICES / f"{case.name}.eml")
    assert tracking_in(issue.html) == case.tracking


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://dkqhfpb.r.sp1-brevo.net/mk/cl/f/sh/7sMqBYQf2d3UcsrtN7NgF4ewlUdqcH4/2Yp0Xl4tO9qR3", "click"),
        ("https://r.news.example.es/mk/cl/f/sh/7sMqBYQf2d3UcsrtN7NgF4ewlUdqcH4/2Yp0Xl4tO9qR3", "click"),
        ("https://r.news.example.es/mk/mr/sh/7sMqBYQf2d3UcsrtN7NgF4ewlUdqcH4/Zh9Qr3Tt4oMx", "web version"),
        ("https://ecfabgg.r.af.d.sendibm1.com/mk/mr/sh/7sMqBYQf2d3UcsrtN7NgF4ewlUdqcH4/Zh9Qr3Tt4oMx", "web version"),
        ("https://ecfabgg.r.af.d.sendibt2.com/mk/mr/OycJ9Zq2lN8dBXS-XvCMUb1Gx", "web version"),
    ],
)
def test_brevos_current_click_and_web_version_links_are_recognised(url: str, kind: str) -> None:
    found = classify(url)
    assert found is not None and (found.service, found.kind) == ("Brevo", kind), found


@pytest.mark.parametrize("url", ["https://www.example.es/mk/mr/sh/menu", "https://www.example.es/mk/cl/f/sh/about-us", "https://shop.example.es/tr/cl/sh/"])
def test_pages_that_only_look_like_brevos_links_are_not_tracking(url: str) -> None:
    assert classify(url) is None


@pytest.mark.parametrize(
    ("heading", "why"),
    [
        ("Together with Kelp & Co", "sponsor"),
        ("TOGETHER WITH NORTHWIND", "sponsor"),
        ("Sponsored by Acme Coffee", "sponsor"),
        ("Presented by the Arts Fund", "sponsor"),
        ("Sponsored: a tide clock for every kitchen", "sponsor"),
        ("Promoted", "sponsor"),
        ("Today's newsletter is brought to you by Acme Cloud.", "sponsor"),
        ("Refer a friend", "referral"),
        ("Share and earn", "referral"),
        ("Loved this issue? Refer a friend", "referral"),
        ("Share The Harbour Letter", "referral"),
        ("Promoted Quay Rovers sign a goalkeeper", None),
        ("Together with the coastguard, pupils learn to row", None),
        ("Together with parents, the school rebuilt its pond", None),
        ("Hospital referrals for eye tests rise by a third", None),
        ("Diners get 15% off at the harbour night market", None),
        ("Sponsored walks raise £4,000 for the lifeboat", None),
    ],
)
def test_a_sponsor_or_referral_heading_is_a_label_not_a_headline_holding_its_word(heading: str, why: str | None) -> None:
    assert heading_reason(heading) == why


def test_a_short_news_paragraph_holding_a_footers_words_stays_in_its_story() -> None:
    (issue,) = read_issues(SERVICES / "quay-notes-footer-words.eml")
    stories = plan(issue.html, issue.subject, issue.headers).stories
    kept = [" ".join(parse(story.html).get_text(" ").split()) for story in stories]
    said = ("Ferry crews have warned of cancellations too.", "Households can opt out by 30 April.", "Some 3,000 homes have subscribed to them so far.")
    for sentence, story in zip(said, kept, strict=True):
        assert sentence in story


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ("<p>Ferry crews have warned of cancellations too.</p>", None),
        ("<p>Households can opt out by 30 April.</p>", None),
        ("<p>Some 3,000 homes have subscribed to them so far.</p>", None),
        ("<p>Cancellati dalla lista.</p>", "footer words"),
        ("<p>You are subscribed to Quay Notes as reader@example.org.</p>", "footer words"),
        ("<p>To unsubscribe, reply to this email with STOP.</p>", "footer words"),
        ("<p>Changed your mind? <a href='https://quaynotes.example/leave'>Opt out</a></p>", "footer"),
        ("<p><a href='https://quaynotes.example/leave?u=1'>Unsubscribe</a></p>", "footer"),
    ],
)
def test_a_footer_is_known_by_its_link_and_only_its_words_wait_for_their_place(html: str, why: str | None) -> None:
    block = parse(html).find("p")
    assert block is not None
    assert block_reason(block) == why


def test_the_logo_above_the_stories_is_listed_as_left_out() -> None:
    (issue,) = read_issues(SERVICES / "mailchimp-picture-names.eml")
    assert ("header", "Harbour Letter masthead") in {(dropped.why, dropped.text) for dropped in plan(issue.html, issue.subject, issue.headers).dropped}


@pytest.mark.parametrize(
    ("html", "logo"),
    [
        ('<img src="https://cdn.example/images/solar-powered-ferry.jpg" alt="The ferry" width="564">', False),
        ('<img src="https://cdn.example/images/social-housing.jpg" alt="Flats" width="564">', False),
        ('<img src="https://cdn.example/images/desk.jpg" alt="An officer\'s badge on a uniform" width="564">', False),
        ('<img src="https://cdn.example/images/ht-logo.png" alt="" width="300">', True),
        ('<img src="https://cdn.example/icons/anchor.png" alt="" width="300">', True),
        ('<img src="https://cdn.example/images/powered-by-acme.png" alt="" width="139">', True),
        ('<img src="https://cdn.example/images/banner.png" alt="Harbour Letter logo" width="600">', True),
        ('<a href="https://harbourletter.example/"><img src="https://cdn.example/images/top.png" alt="" width="600"></a>', True),
        ('<table><tr><td><img src="https://cdn.example/images/star.png" alt="" width="40"></td></tr></table>', True),
        (
            '<table><tr><td><img src="https://cdn.example/images/bridge.jpg" alt="" width="100"></td>'
            "<td><h2>The bridge reopens</h2><p>Cars can cross again from Monday.</p></td></tr></table>",
            False,
        ),
    ],
)
def test_a_logo_is_known_by_whole_words_its_place_or_its_link_and_a_thumbnail_beside_its_story_is_not_one(html: str, logo: bool) -> None:
    image = parse(html).find("img")
    assert image is not None
    assert is_logo(image) is logo


def test_a_plain_text_link_is_its_words_and_a_read_more_link_is_the_storys_own() -> None:
    (issue,) = read_issues(SERVICES / "mailchimp-plain-text.eml")
    first = plan(issue.html, issue.subject, issue.headers).stories[0]
    assert first.link.endswith("id=2a4c6e8a0c&e=9c1e5a7b3d")
    assert ">Read the full story</a>" in first.html


def test_a_stub_html_part_gives_way_to_the_issue_in_its_text_part(make_site: MakeSite) -> None:
    site = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    ((issue, layout),) = read_plans(load_config(site), [SERVICES / "stub-html-beside-text.eml"])
    assert [story.title for story in layout.stories] == ["The pilot boat gets a new engine", "Crab season opens early"]
    assert "cannot show this message" not in issue.html


def test_an_html_part_with_story_text_is_read_not_its_text_part(make_site: MakeSite) -> None:
    site = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    ((issue, layout),) = read_plans(load_config(site), [SERVICES / "mailchimp-h1-card.eml"])  # its text part is a stub
    assert "mcnTextContent" in issue.html and "Every spring the river brings down" in layout.stories[0].html


@pytest.mark.parametrize(
    ("language", "subject", "sender", "note", "header"),
    [
        ("it", "Le prove si spostano in biblioteca", "Coro del Porto <notizie@corodelporto.example.it>", "Guarda qui", "Inviato"),
        ("nl", "De repetities verhuizen naar de bibliotheek", "Havenkoor <nieuws@havenkoor.example.nl>", "Kijk, dit bedoelde ik", "Verzonden"),
        ("es", "Los ensayos se mudan a la biblioteca", "Coro del Puerto <noticias@corodelpuerto.example.es>", "Mira esto", "Enviado el"),
        ("pt", "Os ensaios mudam-se para a biblioteca", "Coro do Porto <noticias@corodoporto.example.pt>", "falámos ontem", "Assunto"),
    ],
)
def test_an_outlook_forward_in_its_language_is_read_as_the_letter_it_carries(language: str, subject: str, sender: str, note: str, header: str) -> None:
    (issue,) = read_issues(SERVICES / f"outlook-forward-{language}.eml")
    assert issue.forwarded and issue.subject == subject
    assert dict(issue.headers)["From"] == sender  # the letter's sender, not the forwarder
    (letter,) = plan(issue.html, issue.subject, issue.headers).stories
    assert letter.title == subject and letter.html.startswith("<p>")
    assert note not in letter.html and f"{header}:" not in letter.html and "ana@example.org" not in letter.html


@pytest.mark.parametrize(
    ("subject", "cleaned"),
    [
        ("I: Le prove in biblioteca", "Le prove in biblioteca"),
        ("Doorst: De repetities", "De repetities"),
        ("RV: Los ensayos", "Los ensayos"),
        ("ENC: Os ensaios", "Os ensaios"),
        ("I love the harbour", "I love the harbour"),
    ],
)
def test_outlooks_forward_prefixes_come_off_the_subject(subject: str, cleaned: str) -> None:
    assert clean_subject(subject) == cleaned


@pytest.mark.parametrize("name", ["kit-flowed-letter", "kit-flowed-letter-no-delsp"])
def test_a_flowed_plain_text_letter_reads_as_its_paragraphs(name: str) -> None:
    (issue,) = read_issues(SERVICES / f"{name}.eml")
    (letter,) = plan(issue.html, issue.subject, issue.headers).stories
    assert "Ask at the seed table for the new one, or reply to this email and I will send it to you.</p>" in letter.html
    assert "&gt;&gt; The old padlock goes to the lost property box.</p>" in letter.html  # quoted lines join at their own depth
    assert "<br>" not in letter.html and "Unsubscribe" not in letter.html


def test_a_flowed_letter_in_japanese_loses_the_spaces_its_sender_added() -> None:
    (issue,) = read_issues(SERVICES / "kit-flowed-letter-ja.eml")
    (letter,) = plan(issue.html, issue.subject, issue.headers).stories
    assert "土曜日に道具小屋の鍵が新しくなります。番号は種の机で聞いてください。" in letter.html


@pytest.mark.parametrize(
    ("text", "delete_space", "paragraphs"),
    [
        ("one \r\ntwo\r\nthree", False, "one two\nthree"),
        ("one  \r\ntwo", True, "one two"),
        ("新し \r\nく", True, "新しく"),
        ("-- \r\nRosa", False, "-- \nRosa"),
        (" From the shed \r\nto you", False, "From the shed to you"),
        ("> quoted \r\n> on\r\nnot quoted", False, "> quoted on\nnot quoted"),
    ],
)
def test_flowed_text_is_unwrapped_as_rfc_3676_says(text: str, delete_space: bool, paragraphs: str) -> None:
    assert unflowed(text, delete_space) == paragraphs


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ('<p>Teile diesen Newsletter: <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example">Facebook</a></p>', "chrome"),
        ('<p>Partagez cette lettre : <a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fa.example">X</a></p>', "chrome"),
        ('<p>The minister announced it <a href="https://twitter.com/minister">on her account</a> on Monday morning.</p>', None),
    ],
)
def test_a_short_line_of_share_dialogs_is_chrome_in_any_language(html: str, why: str | None) -> None:
    block = parse(html).find("p")
    assert block is not None
    assert block_reason(block) == why
