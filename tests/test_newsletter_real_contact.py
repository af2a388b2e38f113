"""Shapes met in real received issues (a beehiiv send relayed by a Google Group, a 2022 Substack
forwarded from Gmail, a Mailchimp send whose HTML a Mailman list stripped), in small issues of our own words."""

from __future__ import annotations

from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, import_served, png, tracking_in

from masthead.build import build
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse
from masthead.newsletter.plaintext import text_to_html
from masthead.options import BuildOptions

_CELL = '<tr><td class="dd">{}</td></tr>'


def _beehiiv(blocks: list[str]) -> str:
    inner = "".join(_CELL.format(block) for block in blocks)
    return (
        '<html><body><div style="display:none;max-height:0px;overflow:hidden;">Harbour Lights Festival</div>'
        '<table role="none"><tr id="content-blocks"><td class="email-card-body"><table role="none">'
        f"{inner}</table></td></tr></table>"
        '<p>Update your email preferences or unsubscribe <a href="https://link.mail.beehiiv.com/ss/c/u001.x/4a/h9/z">here</a></p>'
        "</body></html>"
    )


_FESTIVAL = [
    "<h1>Harbour Lights Festival</h1>",
    "<h3>Three nights on the quay</h3>",
    "<h1>In this newsletter:</h1>",
    '<p><a href="#music">Music</a><br><a href="#food">Food stalls</a></p>',
    "<h1>Call for Performers</h1>",
    '<h2 id="music">Music</h2>',
    "<p>Bands and choirs may apply for a slot on the main stage until the end of the month.</p>",
    "<h2>Street acts</h2>",
    "<p>Jugglers and puppeteers get the promenade, with a small fee paid by the town.</p>",
    "<h1>Call for Vendors</h1>",
    "<p>Food and craft stalls line the old customs house; the town sets the rent.</p>",
    '<h2 id="food">Food stalls</h2>',
    "<p>Each stall needs a hygiene certificate before the first night.</p>",
]


def test_a_heading_over_a_subheading_is_a_story_when_its_level_heads_text_and_jump_links_are_contents() -> None:
    page = _beehiiv(_FESTIVAL)
    layout = plan(page, "Applications open for the festival", [("List-Id", "<harbour.googlegroups.com>")])
    assert (layout.profile.name, layout.kind) == ("beehiiv", "stories")
    assert [story.title for story in layout.stories] == ["Call for Performers", "Call for Vendors"]
    first = " ".join(parse(layout.stories[0].html).get_text(" ").split())
    assert first.startswith("Music Bands and choirs") and "Street acts" in first
    assert "contents" in {dropped.why for dropped in layout.dropped}
    assert not any("Food stalls" in story.html and 'href="#food"' in story.html for story in layout.stories)


def _substack() -> str:
    return (
        '<html><body><div class="post typography"><div class="post-header"><h1><a href="https://email.mg2.substack.com/c/abc">'
        "Night ferries return</a></h1><h3>Quay Notes 港口笔记</h3></div></div>"
        '<div class="post typography"><div class="markup"><p>The winter timetable brings back the late boats to the islands.</p>'
        "<p>Crews were hired in the autumn, and fares stay as they were last year for residents.</p>"
        '<p style="text-align:center"><a class="button primary" href="https://email.mg2.substack.com/c/def"><span>One-month free trial</span></a></p>'
        '<p style="text-align:center"><a class="button primary" href="https://email.mg2.substack.com/c/ghi"><span>Share Quay Notes 港口笔记</span></a></p>'
        '</div></div><div class="footer"><p>© 2022 <a href="https://email.mg2.substack.com/c/jkl">Unsubscribe</a></p></div>'
        '<img width="1px" height="1px" alt="" src="https://email.mg2.substack.com/o/xyz"></body></html>'
    )


def test_substack_2022_header_title_subtitle_and_button_ctas() -> None:
    page = _substack()
    layout = plan(page, "Night ferries return", [("List-Id", "<quaynotes.substack.com>")])
    assert (layout.profile.name, layout.kind) == ("substack", "single")
    (story,) = layout.stories
    assert (story.title, story.subtitle) == ("Night ferries return", "Quay Notes 港口笔记")
    text = " ".join(parse(story.html).get_text(" ").split())
    assert text.startswith("The winter timetable") and "free trial" not in text and "Share" not in text


def test_mailchimp_plain_text_headings_lists_footer_and_follow_row() -> None:
    text = (
        "Meet the tide tables.\n\n\n** Plan your crossing\n------------------------------------------------------------\n\n\n"
        "** Tides for every harbour\n------------------------------------------------------------\n\n"
        "The tables cover each harbour on the coast:\n* High water\n* Low water\n* Spring tides\n\n"
        "** Prices for clubs\n------------------------------------------------------------\n"
        "Ask us (mailto:tides@example.org)\nhttps://facebook.com/p/TideTables-1000/ https://instagram.com/tidetables/\n\n"
        "Copyright (C) 2024 Tide Tables. Todos los derechos reservados.\n\n"
        "Puedes cancelar la suscripción (https://tides.us21.list-manage.com/unsubscribe?u=1&id=2)\n"
    )
    html = text_to_html(text)
    assert "<h2>Plan your crossing</h2>" in html and "<ul><li>High water</li>" in html
    layout = plan(html, "Tide tables for clubs", [("X-Mailer", "Mailchimp Mailer - **CID1**")])
    assert layout.profile.name == "mailchimp"
    assert [story.title for story in layout.stories] == ["Tides for every harbour", "Prices for clubs"]
    assert layout.stories[0].html.startswith("<h2>Plan your crossing</h2>")
    assert not any("facebook" in story.html or "derechos" in story.html for story in layout.stories)


def _festival_with_pictures() -> str:
    picture = "https://media.beehiiv.com/cdn-cgi/image/fit=scale-down,format=auto,onerror=redirect,quality=80/uploads/asset/file/7b1c/stalls.jpg"
    stalls = f'<p><img src="{picture}" alt="Stalls under the customs house arches" width="600"></p>'
    return _beehiiv([*_FESTIVAL[:10], stalls, *_FESTIVAL[10:]])


def test_the_images_owner_the_tracking_links_and_the_drafts_build(make_site: MakeSite) -> None:
    layout = plan(_festival_with_pictures(), "Applications open for the festival", [("List-Id", "<harbour.googlegroups.com>")])
    assert {story.title: story.image.src.rsplit("/", 1)[-1] for story in layout.stories if story.image} == {"Call for Vendors": "stalls.jpg"}
    assert tracking_in(_festival_with_pictures()) == {("beehiiv", "click"): 1}  # the footer's link on link.mail.beehiiv.com
    assert tracking_in(_substack()) == {("Substack", "click"): 4, ("Substack", "open"): 1}
    site = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    saved = [site / "festival.html", site / "ferries.html"]
    saved[0].write_text(_festival_with_pictures(), "utf-8")
    saved[1].write_text(_substack().replace("<html>", '<html><head><meta charset="utf-8"><title>Night ferries return</title></head>'), "utf-8")
    report, asked = import_served(site, saved, png((90, 40, 20)), BUILD_TIME)
    assert [post.title for post in report.posts] == ["Call for Performers", "Call for Vendors", "Night ferries return"]
    assert [key.rsplit("/", 1)[-1] for key in asked] == ["stalls.jpg"]
    assert [len(post.tracking) for post in report.posts] == [0, 0, 0]  # the buttons and footer links are left out with their blocks
    for path in saved:
        path.unlink()
    result = build(site, BuildOptions(drafts=True), now=BUILD_TIME)
    assert result.site is not None and len(result.site.posts) == 3
    assert not [warning for warning in result.warnings if not warning.warning]
