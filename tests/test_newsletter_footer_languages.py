"""Issues whose web-version line, forward-to-a-friend line, address and unsubscribe footer are in German,
Italian, French, Dutch, Spanish or Portuguese (tests/fixtures/newsletter/services/, written by
make_footer_language_fixtures.py): Mailchimp sent from a template its sender coded, MailerLite's
builder (its unsubscribe link a click redirect) and Brevo's editor. None of that chrome reaches a
story, in any language; the links List-Unsubscribe names mark a footer whatever it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, import_served, png, tracking_in

from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan

SERVICES = FIXTURES / "services"
MAILCHIMP = {("Mailchimp", "click"): 3, ("Mailchimp", "share"): 1, ("Mailchimp", "unsubscribe"): 2, ("Mailchimp", "open"): 1}
MAILERLITE = {("MailerLite", "click"): 8, ("MailerLite", "open"): 1}
BREVO = {("Brevo", "click"): 7, ("Brevo", "unsubscribe"): 1, ("tracking parameters", "parameters"): 1, ("Brevo", "open"): 1}
MC_IMAGE = "2f4a6c8e0b1d3f5a7c9e1b3d5/images/"

CASES = (
    Received(
        "mailchimp-custom-de",
        "mailchimp",
        "stories",
        ("Die Fähre nach Nordstrand fährt wieder", "Der Deich vor Husum wird um einen Meter erhöht"),
        {
            "Die Fähre nach Nordstrand fährt wieder": MC_IMAGE + "faehre-nordstrand.jpg",
            "Der Deich vor Husum wird um einen Meter erhöht": MC_IMAGE + "deich-husum.jpg",
        },
        MAILCHIMP,
        (1, 1),
        frozenset({"header", "footer", "chrome"}),
        ("im Browser ansehen", "weiterleiten", "Rechte vorbehalten", "Hafenstraße", "Husum</", "Einstellungen", "abmelden", "Sie erhalten"),
        "Küstenbote: Die Fähre fährt wieder, der Deich wird erhöht",
    ),
    Received(
        "mailchimp-custom-it",
        "mailchimp",
        "stories",
        ("Torna il battello notturno per Bellagio", "La funicolare di Brunate chiude due settimane"),
        {
            "Torna il battello notturno per Bellagio": MC_IMAGE + "battello-notturno.jpg",
            "La funicolare di Brunate chiude due settimane": MC_IMAGE + "funicolare-brunate.jpg",
        },
        MAILCHIMP,
        (1, 1),
        frozenset({"header", "footer", "chrome"}),
        ("nel tuo browser", "Inoltra", "diritti riservati", "Via del Porto", "22100", "preferenze", "Annulla", "Ricevi questa"),
        "La Gazzetta del Lago: il battello e la funicolare",
    ),
    Received(
        "mailerlite-builder-fr",
        "mailerlite",
        "stories",
        ("L'écluse Bayard rouvre le 14 juin", "La péniche-musée ouvre ses cales"),
        {"L'écluse Bayard rouvre le 14 juin": "3c5e7a9b-ecluse-bayard.jpg", "La péniche-musée ouvre ses cales": "4d6f8b0c-peniche-musee.jpg"},
        MAILERLITE,
        (1, 1),
        frozenset({"header", "footer", "referral", "tracking pixel"}),
        ("Voir dans le navigateur", "Transférer", "quai de la Daurade", "Vous recevez", "désabonner", "facebook"),
        "Les Amis du Canal : l'écluse et la péniche",
    ),
    Received(
        "mailerlite-builder-nl",
        "mailerlite",
        "stories",
        ("De ophaalbrug draait weer op tijd", "Rondvaart vaart elektrisch"),
        {"De ophaalbrug draait weer op tijd": "5e7a9c1d-ophaalbrug.jpg", "Rondvaart vaart elektrisch": "6f8b0d2e-rondvaartboot.jpg"},
        MAILERLITE,
        (1, 1),
        frozenset({"header", "footer", "referral", "tracking pixel"}),
        ("Bekijk in je browser", "Stuur door", "Kade 21", "Je ontvangt", "Uitschrijven", "instagram"),
        "De Vaart: de brug en de rondvaart",
    ),
    Received(
        "brevo-editor-es",
        "brevo",
        "stories",
        ("La regata de primavera tuvo treinta barcos", "El pantalán nuevo abre en julio"),
        {"La regata de primavera tuvo treinta barcos": "7a1c0e2b8d4f93e5f7a1c31.jpg", "El pantalán nuevo abre en julio": "7a1c0e2b8d4f93e5f7a1c32.jpg"},
        BREVO,
        (1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("Ver en el navegador", "Paseo del Muelle", "se ha enviado", "Lo has recibido", "Darse de baja", "Brevo"),
        "Noticias del club: la regata y el pantalán",
    ),
    Received(
        "brevo-editor-pt",
        "brevo",
        "stories",
        ("O barco rabelo volta ao rio", "A ponte pedonal fecha à noite"),
        {"O barco rabelo volta ao rio": "7a1c0e2b8d4f93e5f7a1c41.jpg", "A ponte pedonal fecha à noite": "7a1c0e2b8d4f93e5f7a1c42.jpg"},
        BREVO,
        (1, 1),
        frozenset({"header", "footer", "tracking pixel"}),
        ("Ver no navegador", "Cais da Ribeira", "foi enviado", "Você recebeu", "Cancelar inscrição", "Brevo"),
        "Notícias do rio: o barco rabelo e a ponte",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_issue_leaves_its_chrome_out_in_its_own_language(case: Received) -> None:
    eml = SERVICES / f"{case.name}.eml"
    assert_issue_read_as(eml, case)
    (issue,) = read_issues(eml)
    assert tracking_in(issue.html) == case.tracking


_STORY = (
    "<h2>{}</h2><p>{} The harbour board agreed it on Tuesday after a long evening of questions from the floor.</p>"
    "<p><a href='https://news.example/{}'>The decision</a></p>"
)
_STORIES = _STORY.format("The pier reopens", "The pier is open again.", 1) + _STORY.format("A new bus", "The 44 runs twice a day.", 2)
_ISSUE = "<html><body>" + _STORIES + "<p>{}</p></body></html>"
_UNSUBSCRIBE = "https://lists.harbour.example/subscription/9a1c3e5f/7b2d4f6a"


@pytest.mark.parametrize(
    ("footer", "headers"),
    [
        (f"<a href='{_UNSUBSCRIBE}'>Wypisz się z listy</a>", [("List-Unsubscribe", f"<{_UNSUBSCRIBE}>, <mailto:leave@lists.harbour.example>")]),
        (f"<a href='{_UNSUBSCRIBE}?manage=true'>Zarządzaj subskrypcją</a>", [("List-Unsubscribe", f"<{_UNSUBSCRIBE}>")]),  # the same page, another query
    ],
    ids=["same-address", "same-page"],
)
def test_the_links_list_unsubscribe_names_mark_the_footer_in_any_language(footer: str, headers: list[tuple[str, str]]) -> None:
    page = _ISSUE.format(footer)
    with_header = plan(page, "Harbour news", headers)
    assert "Wypisz" not in with_header.stories[-1].html and "Zarządzaj" not in with_header.stories[-1].html
    assert "footer" in {item.why for item in with_header.dropped}
    without = plan(page, "Harbour news")
    assert "lists.harbour.example" in without.stories[-1].html  # nothing else says it is a footer


def test_a_click_redirect_list_unsubscribe_names_marks_only_itself() -> None:
    """MailerLite's unsubscribe link is a click redirect like every story link: only its own address is the footer's."""
    (issue,) = read_issues(SERVICES / "mailerlite-builder-nl.eml")
    stories = plan(issue.html, issue.subject, issue.headers).stories
    assert all("clicks.mlsend.com" in story.html for story in stories)


def test_a_postal_address_line_above_the_footer_goes_with_it_and_a_storys_last_line_stays() -> None:
    address = "<p>Harbour Trust, Quay Street 4, 1011 AB Amsterdam</p><p><a href='https://harbour.example.us6.list-manage.com/unsubscribe?u=1&amp;id=2'>Uitschrijven</a></p>"
    layout = plan(_ISSUE.format("").replace("<p></p>", address), "Harbour news")
    assert "Quay Street" not in layout.stories[-1].html and "The decision" in layout.stories[-1].html


def test_the_issues_import_into_drafts_that_build_with_only_their_pictures(make_site: MakeSite) -> None:
    site: Path = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    report, asked = import_served(site, [SERVICES / f"{case.name}.eml" for case in CASES], png((30, 90, 150)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    assert sorted(key.rsplit("/", 1)[-1] for key in asked) == sorted(end.rsplit("/", 1)[-1] for case in CASES for end in case.images.values())
    assert_drafts_hold(site, report, CASES)


@pytest.mark.parametrize(
    "closing",
    [
        "Danke fürs Lesen! Leite diesen Newsletter gern an Freunde weiter.",
        "Merci de votre lecture. Transférez cette lettre à un ami !",
        "¡Gracias por leer! Reenvía este boletín a un amigo.",
        "Obrigado por ler! Encaminhe esta newsletter para um amigo.",
        "Grazie per aver letto! Inoltra questa email a un amico.",
        "Bedankt voor het lezen! Stuur deze nieuwsbrief door naar een vriend.",
    ],
)
def test_a_closing_appeal_after_the_last_story_goes_in_each_language(closing: str) -> None:
    layout = plan(_ISSUE.format(closing), "Harbour news")
    assert closing not in layout.stories[-1].html and "The decision" in layout.stories[-1].html
    assert "closing appeal" in {item.why for item in layout.dropped}


def test_a_storys_last_line_thanking_people_for_something_of_their_own_stays() -> None:
    line = "Grazie a tutti quelli che sono venuti giovedì al porto."
    assert line in plan(_ISSUE.format(line), "Harbour news").stories[-1].html


def test_a_list_unsubscribe_naming_a_home_page_marks_nothing() -> None:
    page = _ISSUE.format("<a href='https://news.example/'>news.example</a>").replace("https://news.example/1", "https://news.example/")
    stories = plan(page, "Harbour news", [("List-Unsubscribe", "<https://news.example/>")]).stories
    assert [story.title for story in stories] == ["The pier reopens", "A new bus"] and "news.example/" in stories[0].html
