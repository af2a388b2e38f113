"""The plan of an issue on the shapes that trip simple splitters: each case is the smallest HTML
that shows it, in the markup mail templates use."""

from __future__ import annotations

from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse
from masthead.newsletter.titling import clean_subject

LONG = "This sentence is here so that the paragraph reads like a real story paragraph of a newsletter issue. " * 2


def _titles(html: str, subject: str = "") -> list[str]:
    return [story.title for story in plan(html, subject, (), "generic").stories]


def test_a_forwarding_note_above_the_issue_does_not_end_it() -> None:
    html = f"<p>Forwarded this email? <a href='https://x.example/subscribe'>Subscribe here</a> for more</p><p>{LONG}</p><p>Second. {LONG}</p>"
    layout = plan(html, "A letter", (), "generic")
    assert [story.title for story in layout.stories] == ["A letter"]
    assert "Second." in layout.stories[0].html and "Subscribe here" not in layout.stories[0].html
    assert [dropped.why for dropped in layout.dropped] == ["referral"]


def test_prose_that_mentions_unsubscribing_is_not_a_footer() -> None:
    prose = "Many readers unsubscribe when a newsletter grows too long, so " + LONG + " We kept ours short."
    layout = plan(f"<p>{prose}</p><p>After. {LONG}</p><p><a href='https://x.example/unsub'>Unsubscribe</a></p>", "Short", (), "generic")
    html = layout.stories[0].html
    assert "Many readers unsubscribe" in html and "After." in html and ">Unsubscribe<" not in html


def test_bold_lines_over_a_line_break_are_story_titles() -> None:
    cell = (
        "<td class='mcnTextContent'><strong>Rail strike called off</strong><br>Unions and the operator agreed overnight. "
        f"{LONG}<br><br><strong>Heatwave warning for the south</strong><br>Temperatures may reach 40C. {LONG}</td>"
    )
    layout = plan(f"<table><tr>{cell}</tr></table>", "", (), "generic")
    assert [story.title for story in layout.stories] == ["Rail strike called off", "Heatwave warning for the south"]
    assert layout.stories[0].html.startswith("<p>Unions and the operator agreed overnight.")


def test_cells_styled_as_headings_are_story_titles() -> None:
    row = "<tr><td style='font-family:Arial;font-size:24px;font-weight:bold;color:#111'>{}</td></tr><tr><td style='font-size:15px'>{}</td></tr>"
    html = "<table>" + row.format("Port strike ends", LONG) + row.format("Bank holds rates", LONG) + "</table>"
    assert _titles(html) == ["Port strike ends", "Bank holds rates"]


def test_the_newsletters_name_and_a_sponsor_above_the_story_level_are_not_stories() -> None:
    html = (
        f"<h1>The Daily Brief</h1><p>Good morning, here is the news.</p><h2>Story one</h2><p>{LONG}</p>"
        f"<h1>Today's sponsor</h1><p>Buy our widgets.</p><h2>Story two</h2><p>{LONG}</p>"
    )
    layout = plan(html, "The Daily Brief, 2 June", (), "generic")
    assert [story.title for story in layout.stories] == ["Story one", "Story two"]
    assert "widgets" not in layout.stories[0].html + layout.stories[1].html
    assert {"sponsor", "header"} <= {dropped.why for dropped in layout.dropped}


def test_a_story_citing_a_source_in_every_paragraph_is_not_a_roundup() -> None:
    cite = " [<a href='https://www.reuters.com/world/a'>Reuters</a>]"
    html = "".join(f"<p>{LONG} Point {number}.{cite}</p>" for number in range(5))
    layout = plan(html, "One long story", (), "generic")
    assert layout.kind == "single" and [story.title for story in layout.stories] == ["One long story"]


def test_a_picture_and_its_caption_above_a_heading_belong_to_that_heading() -> None:
    story = "<img src='https://cdn.example/{0}.jpg' alt='{0} picture' width='600'><p class='caption'>{0} caption</p><h2>{0}</h2><p>{1}</p>"
    layout = plan("".join(story.format(name, LONG) for name in ("Alpha", "Beta", "Gamma")), "", (), "generic")
    assert [(s.title, s.image.alt if s.image else None, s.image.caption if s.image else None) for s in layout.stories] == [
        ("Alpha", "Alpha picture", "Alpha caption"),
        ("Beta", "Beta picture", "Beta caption"),
        ("Gamma", "Gamma picture", "Gamma caption"),
    ]
    assert all("caption" not in s.html for s in layout.stories)


def test_pictures_under_their_headings_stay_with_them() -> None:
    story = "<h2>{0}</h2><img src='https://cdn.example/{0}.jpg' alt='{0} picture' width='600'><p>{1}</p>"
    layout = plan("".join(story.format(name, LONG) for name in ("Alpha", "Beta")), "", (), "generic")
    assert [(s.title, s.image.alt if s.image else None) for s in layout.stories] == [("Alpha", "Alpha picture"), ("Beta", "Beta picture")]


def test_a_sponsor_label_in_a_letter_drops_only_the_sponsors_part() -> None:
    html = f"<p>{LONG}</p><p>SPONSORED</p><p>Try Acme, the best widgets.</p><h3>Back to the letter</h3><p>More. {LONG}</p>"
    layout = plan(html, "Letter", (), "generic")
    (story,) = layout.stories
    assert "Acme" not in story.html and "More." in story.html and "Back to the letter" in story.html
    assert "sponsor" in {dropped.why for dropped in layout.dropped}


def test_subjects_lose_their_forward_prefixes() -> None:
    assert clean_subject("Fwd: FW:  The Week in Links") == "The Week in Links"
    assert clean_subject("WG: Re: Briefing") == "Briefing"


def test_xhtml_with_an_xml_declaration_parses_without_warnings() -> None:
    soup = parse('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>')
    assert soup.p is not None and soup.p.get_text() == "x"
    assert parse("https://example.org/not-a-file").get_text() == "https://example.org/not-a-file"  # text, not a "locator"


def test_headline_links_over_summaries_are_stories() -> None:
    story = "<p><a href='https://news.example/{0}'>{1}</a></p><p>{2}</p>"
    html = story.format("a", "Dam project wins approval", LONG) + story.format("b", "Metro line opens early", LONG)
    layout = plan(html, "Daily digest", (), "generic")
    assert [(s.title, s.link) for s in layout.stories] == [
        ("Dam project wins approval", "https://news.example/a"),
        ("Metro line opens early", "https://news.example/b"),
    ]


def test_headline_links_with_nothing_under_them_are_a_roundup() -> None:
    html = "<p>This week's reading:</p>" + "".join(
        f"<p><a href='https://www.reuters.com/world/{n}'>Headline number {n} about the world</a></p>" for n in range(4)
    )
    layout = plan(html, "Reading list", (), "generic")
    assert layout.kind == "roundup" and [s.title for s in layout.stories] == ["Reading list"]
    assert layout.stories[0].html.count('data-citation="1"') == 4


def test_a_services_story_blocks_are_used_only_when_they_hold_the_issue() -> None:
    caption = (
        "<table class='mcnCaptionBlock'><tr><td><img src='https://cdn.example/{0}.jpg' width='300' alt='{0}'>"
        "<p><strong>{0} photo</strong></p></td></tr></table>"
    )
    html = caption.format("Harbour") + caption.format("Market") + f"<h2>First real story</h2><p>{LONG * 3}</p><h2>Second real story</h2><p>{LONG * 3}</p>"
    layout = plan(html, "", (("X-Mailer", "Mailchimp Mailer - **CID1**"),))
    assert layout.profile.name == "mailchimp"
    assert [s.title for s in layout.stories] == ["First real story", "Second real story"]
