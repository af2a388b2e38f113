"""Small shapes from received issues, each the least HTML that shows it: what readers cannot see,
what mail clients rename or wrap, and what mailing lists add to a subject."""

from __future__ import annotations

from masthead.newsletter.layout import plan
from masthead.newsletter.mailclient import restore, unwrapped
from masthead.newsletter.markup import parse
from masthead.newsletter.titling import clean_subject

LONG = "This sentence is here so that the paragraph reads like a real story paragraph of a newsletter issue. " * 2


def test_text_no_reader_sees_stays_out_however_it_is_hidden() -> None:
    hidden = (
        "<div style='overflow:hidden;max-height:0px'>HIDDEN-A preview text</div>",
        "<span style='opacity:0;color:transparent'>HIDDEN-B preview text</span>",
        "<div style='visibility: hidden !important'>HIDDEN-C preview text</div>",
        "<div style='width:0;height:0;overflow:hidden'>HIDDEN-D preview text</div>",
    )
    html = "".join(hidden) + f"<h1>A letter</h1><p>{LONG}</p>"
    (story,) = plan(html, "A letter", (), "generic").stories
    assert "HIDDEN" not in story.html and story.title == "A letter"


def test_what_only_outlook_is_told_to_hide_and_mjml_whitespace_collapsing_stay_in() -> None:
    html = (
        "<div style='font-size:0px;text-align:left'><div style='font-size:16px'>"
        f"<h1>A letter</h1><p style='mso-hide:all'>Shown to everyone but Outlook. {LONG}</p></div></div>"
    )
    (story,) = plan(html, "A letter", (), "generic").stories
    assert "Shown to everyone but Outlook." in story.html


def test_a_preview_text_must_come_before_the_issue() -> None:
    html = f"<div style='display:none'>The preview, first.</div><h1>A letter</h1><p>{LONG}</p><div style='display:none'>A hidden block further down.</div>"
    assert plan(html, "").preheader == "The preview, first."
    assert plan(f"<h1>A letter</h1><p>{LONG}</p><div style='display:none'>A hidden block further down.</div>", "").preheader == ""


def test_gmail_and_outlook_on_the_web_prefixes_come_off_class_names_and_ids() -> None:
    page = restore("<td class='m_-123456789mcnTextContent m_-123456789last' id='m_-123456789templateBody'><p class='x_post-title'>t</p></td>")
    soup = parse(page)
    cell = soup.find("td")
    assert cell is not None and cell.get("class") == ["mcnTextContent", "last"] and cell.get("id") == "templateBody"
    assert soup.select_one("p.post-title") is not None
    assert restore("<p class='max_width'>unchanged</p>") == "<p class='max_width'>unchanged</p>"  # nothing a client did: not even re-serialised


def test_proxied_images_and_wrapped_links_are_restored() -> None:
    proxied = "https://ci5.googleusercontent.com/meips/ADKq_NZ8=s0-d-e1-ft#https://media.example/a.jpg"
    safe = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fx.list-manage.com%2Ftrack%2Fclick%3Fu%3D1%26id%3D2&data=05%7C01&reserved=0"
    soup = parse(restore(f"<img src='{proxied}'><a href='{safe}'>a</a><a href='https://www.google.com/url?q=https://b.example/&sa=D'>b</a>"))
    assert [str(tag.get("src") or tag.get("href")) for tag in soup.find_all(["img", "a"])] == [
        "https://media.example/a.jpg",
        "https://x.list-manage.com/track/click?u=1&id=2",
        "https://b.example/",
    ]
    assert unwrapped("https://www.google.com/search?q=https://b.example/") == "https://www.google.com/search?q=https://b.example/"
    assert (
        unwrapped("https://eu.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)")
        == "https://eu.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)"
    )


def test_a_mailing_lists_tag_leaves_the_subject_but_a_bracket_of_the_issue_stays() -> None:
    relayed = [("List-Id", "<industry-notes.lists.example.org>")]
    assert clean_subject("[Industry-notes] Fwd: The gearbox issue", relayed) == "The gearbox issue"
    assert clean_subject("[Weekly] The gearbox issue", relayed) == "[Weekly] The gearbox issue"
    assert clean_subject("[Industry-notes] The gearbox issue") == "[Industry-notes] The gearbox issue"  # no list relayed it


FROM_HARBOUR = [("From", "The Harbour Letter <news@harbourletter.example>")]
_LETTER = f"<html><body><p>{LONG}</p></body></html>"


def test_the_newsletters_own_name_before_the_subjects_headline_is_not_the_title() -> None:
    assert clean_subject("The Harbour Letter: Ferry fares rise", FROM_HARBOUR) == "Ferry fares rise"
    assert clean_subject("Fwd: The Harbour Letter | ferry fares rise", FROM_HARBOUR) == "Ferry fares rise"
    assert clean_subject("The Harbour Letter – Ferry fares rise", FROM_HARBOUR) == "Ferry fares rise"
    assert clean_subject("Ferry fares rise", FROM_HARBOUR) == "Ferry fares rise"
    listed = [("From", "Desk <desk@harbourletter.example>"), ("List-Id", "The Harbour Letter <harbour.list-id.example>")]
    assert clean_subject("The Harbour Letter: Ferry fares rise", listed) == "Ferry fares rise"
    assert clean_subject("The Harbour Letter: Ferry fares rise", [("From", "Desk <desk@example.net>")]) == "The Harbour Letter: Ferry fares rise"
    assert clean_subject("The Harbour Letter:", FROM_HARBOUR) == "The Harbour Letter:"  # nothing after the name: the subject is all there is


def test_a_colon_of_the_headline_itself_stays() -> None:
    assert clean_subject("Q&A: the harbour master", FROM_HARBOUR) == "Q&A: the harbour master"
    assert clean_subject("Harbour: the master's last tide", FROM_HARBOUR) == "Harbour: the master's last tide"  # a part of the name is not the name
    assert [story.title for story in plan(_LETTER, "Q&A: the harbour master", FROM_HARBOUR).stories] == ["Q&A: the harbour master"]


def test_a_letter_titled_by_its_subject_is_titled_by_the_headline_after_the_newsletters_name() -> None:
    assert [story.title for story in plan(_LETTER, "The Harbour Letter: Ferry fares rise", FROM_HARBOUR).stories] == ["Ferry fares rise"]
    assert [story.title for story in plan(_LETTER, "Ferry fares rise", FROM_HARBOUR).stories] == ["Ferry fares rise"]
    banner = f'<html><body><img src="https://cdn.example/logo.png" alt="The Harbour Letter" width="300"><p>{LONG}</p></body></html>'
    forwarded = [("From", "Reader <reader@example.org>")]  # the masthead's logo names it when the sender's name is gone
    assert [story.title for story in plan(banner, "The Harbour Letter: Ferry fares rise", forwarded).stories] == ["Ferry fares rise"]


def test_the_banner_heading_the_preview_repeats_names_the_newsletter_too() -> None:
    items = "".join(
        f'<li><a href="https://news.example/{number}">{headline}</a> (The Courier)</li>'
        for number, headline in enumerate(("Seal pups return to the point", "The dune fences held", "A beach clean on Sunday", "The lifeboat's new crew"))
    )
    page = f'<html><body><div class="preheader" style="display:none">Coast Notes weekly</div><h1>Coast Notes weekly</h1><ul>{items}</ul></body></html>'
    desk = [("From", "Desk <desk@example.net>")]  # a forward's sender, say: only the banner names the newsletter
    layout = plan(page, "Coast Notes weekly: four links from the coast", desk)
    assert (layout.kind, [story.title for story in layout.stories]) == ("roundup", ["Four links from the coast"])
    assert [story.title for story in plan(page, "Seals: four links from the coast", desk).stories] == ["Seals: four links from the coast"]


def test_pictures_that_close_their_stories_stay_with_them() -> None:
    story = "<h2>{0}</h2><p>{1}</p><img src='https://cdn.example/{0}.jpg' alt='{0} picture' width='600'>"
    issue = "".join(story.format(name, LONG) for name in ("Alpha", "Beta", "Gamma"))
    for ending in ("<p>You are receiving this because you subscribed.</p>", "<p>See you next week.</p>"):
        layout = plan(issue + ending, "", (), "generic")
        assert [(s.title, s.image.alt if s.image else None) for s in layout.stories] == [
            ("Alpha", "Alpha picture"),
            ("Beta", "Beta picture"),
            ("Gamma", "Gamma picture"),
        ], ending


def test_the_newsletters_name_set_as_a_heading_is_its_masthead_not_the_headline() -> None:
    html = f"<div class='templateHeader'><h1>RIVER LETTERS</h1></div><p><strong>Counting a river</strong></p><p>{LONG}</p><p>{LONG}</p>"
    sender = [("From", "River Letters <letters@riverletters.example>")]
    layout = plan(html, "No. 212", sender, "generic")
    assert [story.title for story in layout.stories] == ["Counting a river"] and "RIVER LETTERS" not in layout.stories[0].html
    substack = [("From", '"Tomas Lindqvist from The Tool Shed" <toolshed@substack.com>')]
    assert [s.title for s in plan(f"<h2>The Tool Shed</h2><h2>Ladders</h2><p>{LONG}</p>", "Ladders", substack, "generic").stories] == ["Ladders"]


def test_the_wordings_of_received_chrome_are_left_out() -> None:
    chrome = (
        "<p><a href='https://x.example/web'>View as a web page</a></p>",
        "<p><a href='https://x.example/web'>Im Browser ansehen</a></p>",
        "<p>Forwarded by a friend? <a href='https://x.example/s'>Join 80,000 readers</a></p>",
        "<p>Today’s newsletter is brought to you by Acme Cloud.</p><p>Acme makes servers cheaper. Try it free for a month.</p><h2>Second story</h2>",
    )
    html = f"{chrome[0]}{chrome[1]}<h2>First story</h2><p>{LONG}</p>{chrome[2]}{chrome[3]}<p>{LONG}</p>"
    layout = plan(html, "", (), "generic")
    assert [story.title for story in layout.stories] == ["First story", "Second story"]
    text = " ".join(story.html for story in layout.stories)
    for words in ("web page", "Browser", "Forwarded by a friend", "Acme"):
        assert words not in text, words


def test_a_letter_with_no_subject_and_no_heading_is_titled_by_its_opening_words() -> None:
    (story,) = plan(f"<p>The ferry is back on Monday. {LONG}</p><p>{LONG}</p>", "", (), "generic").stories
    assert story.title == "The ferry is back on Monday"
    (long,) = plan(f"<p>{LONG}</p>", "", (), "generic").stories
    assert long.title == "This sentence is here so that the paragraph reads like a real…"


def test_a_byline_line_is_left_out_but_a_sentence_starting_with_by_is_prose() -> None:
    html = f"<h2>First story</h2><p>By Marta Duarte – 14 Jan 2025</p><p>{LONG}</p><h2>Second story</h2><p>By Tuesday the council will vote.</p><p>{LONG}</p>"
    layout = plan(html, "", (), "generic")
    assert "Marta Duarte" not in layout.stories[0].html and "By Tuesday the council will vote." in layout.stories[1].html
    assert ("byline", "By Marta Duarte – 14 Jan 2025") in [(dropped.why, dropped.text) for dropped in layout.dropped]


def test_share_and_follow_rows_are_chrome_by_where_they_link_a_post_cited_on_a_network_is_not() -> None:
    html = (
        f"<h1>A letter</h1><p>{LONG}</p>"
        "<p><a href='https://twitter.com/intent/tweet?url=https%3A%2F%2Fa.example'>Partager sur X</a> | "
        "<a href='https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example'>Facebook</a> | "
        "<a href='mailto:?subject=A%20letter&amp;body=https%3A%2F%2Fa.example'>Email a friend</a></p>"
        "<p>The minister wrote on <a href='https://x.com/minister/status/1234567'>X</a> that the bridge is safe.</p>"
        "<table><tr><td><a href='https://www.instagram.com/fieldhouse'><img src='https://cdn.example/s2.png' width='200' alt=''></a></td></tr></table>"
        "<p>Follow us on <a href='https://www.instagram.com/fieldhouse'>Instagram</a> and <a href='https://www.linkedin.com/company/fieldhouse'>LinkedIn</a></p>"
    )
    (story,) = plan(html, "A letter", (), "generic").stories
    text = " ".join(parse(story.html).get_text(" ").split())
    assert "The minister wrote on X that the bridge is safe." in text
    assert not any(chrome in text or chrome in story.html for chrome in ("Partager", "Email a friend", "Follow us", "s2.png"))
    assert story.image is None


def test_of_two_pictures_above_a_heading_only_the_nearest_is_its_story_s_and_a_logo_named_for_the_sender_is_none() -> None:
    def story(n: int) -> str:
        return f"<img src='https://cdn.example/story{n}.jpg' width='560' alt='Picture {n}'><h2>Story number {n} here</h2><p>{LONG}</p>"

    html = "<img src='https://cdn.example/brand.png' width='200' alt='Fieldhouse Seeds'>" + story(1) + story(2)
    layout = plan(html, "Subject", [("From", "Fieldhouse Seeds <hello@fieldhouse.example>")], "generic")
    assert [(s.title, s.image.src if s.image else "") for s in layout.stories] == [
        ("Story number 1 here", "https://cdn.example/story1.jpg"),
        ("Story number 2 here", "https://cdn.example/story2.jpg"),
    ]
    assert ("header", "Fieldhouse Seeds") in {(d.why, d.text) for d in layout.dropped}
    unnamed = plan("<img src='https://cdn.example/brand.png' width='200' alt='Our brand'>" + story(1) + story(2), "Subject", (), "generic")
    assert [s.image.src if s.image else "" for s in unnamed.stories] == ["https://cdn.example/story1.jpg", "https://cdn.example/story2.jpg"]


def test_in_a_letter_a_poll_or_referral_heading_drops_its_section_until_the_next_heading_as_high() -> None:
    html = (
        f"<h1>The tide gauge</h1><p>The first line, the standfirst.</p><p>{LONG}</p><h2>How did you like today's edition?</h2>"
        "<p><a href='https://a.example/poll/1'>Loved it</a></p><h2>The rolls</h2>"
        f"<p>{LONG}</p><h2>Share this newsletter</h2><p>Send it on.</p>"
    )
    layout = plan(f"<div style='display:none'>The first line, the standfirst.</div>{html}", "The tide gauge", (), "generic")
    (story,) = layout.stories
    text = " ".join(parse(story.html).get_text(" ").split())
    assert story.title == "The tide gauge" and story.subtitle == "The first line, the standfirst."
    assert "The rolls" in text and not any(chrome in text for chrome in ("Loved it", "How did you like", "Share this", "Send it on", "standfirst"))
    assert {("feedback", "How did you like today's edition?"), ("referral", "Share this newsletter")} <= {(d.why, d.text) for d in layout.dropped}


def test_a_heading_set_over_the_footer_s_lines_is_the_footer_s() -> None:
    html = (
        f"<h1>A letter</h1><p>{LONG}</p><table><tr><td><h3>Subscription details</h3>"
        "<p>You are receiving this because you are a free subscriber.</p><p><a href='https://a.example/unsubscribe'>Unsubscribe</a></p></td></tr></table>"
    )
    (story,) = plan(html, "A letter", (), "generic").stories
    assert "Subscription details" not in story.html


def test_a_web_version_line_beside_the_preview_text_is_not_part_of_it() -> None:
    html = (
        "<div class='preheader'><div class='snippet'><p>Steps, a lightship and railings</p></div>"
        "<div class='webversion'><p>No Images? <a href='https://email.example.org/t/d-e-abcdef-l-k/'>Click here</a></p></div></div>"
        f"<h1>A letter</h1><p>{LONG}</p>"
    )
    assert plan(html, "").preheader == "Steps, a lightship and railings"


def test_a_letter_s_contents_list_and_a_sponsor_between_rules_are_left_out_and_the_letter_around_them_kept() -> None:
    html = (
        f"<h1>Letter</h1><h3>In today's issue</h3><ul><li>Ferries</li><li>Bridges</li></ul><p>FIRST {LONG}</p>"
        f"<hr><h3>Sponsored by Acme</h3><p>Buy our widgets now.</p><hr><p>LAST {LONG}</p>"
    )
    layout = plan(html, "Letter", (), "generic")
    (story,) = layout.stories
    text = " ".join(parse(story.html).get_text(" ").split())
    assert "FIRST" in text and "LAST" in text and not any(chrome in text for chrome in ("Ferries", "today's issue", "Acme", "widgets"))
    assert {("contents", "In today's issue"), ("sponsor", "Sponsored by Acme")} <= {(d.why, d.text) for d in layout.dropped}


def test_a_story_whose_links_are_tagged_as_paid_placements_is_a_sponsor_s_whatever_it_is_titled() -> None:
    def story(n: int) -> str:
        return f"<h2>Story number {n} today</h2><p>{LONG} <a href='https://news.example/{n}'>more</a></p>"

    html = (
        story(1)
        + "<h2>Your cloud bill, halved</h2><p>Northwind turns idle servers off. "
        + "<a href='https://northwind.example/?_bhiiv=opp_8f9a12&amp;bhcl_id=abc'>Try it</a></p>"
        + story(2)
        + f"<h2>Quiet desks</h2><p>{LONG} <a href='https://desks.example/?utm_source=letter&amp;utm_medium=sponsored'>Try</a></p>"
    )
    layout = plan(html, "S", (), "generic")
    assert [story.title for story in layout.stories] == ["Story number 1 today", "Story number 2 today"]
    assert {("sponsor", "Your cloud bill, halved"), ("sponsor", "Quiet desks")} <= {(d.why, d.text) for d in layout.dropped}


def test_an_essay_with_sections_and_no_title_heading_is_one_post_titled_by_its_subject() -> None:
    opening = "The 7:42 from Hebden Bridge has arrived on time eleven times this year, and nobody at the station can say why. " * 4
    html = f"<p>{opening}</p><h2>The single track</h2><p>{LONG}</p><h2>What would fix it</h2><p>{LONG}</p>"
    layout = plan(html, "Why the 7:42 is always late", (), "generic")
    assert [(story.title, "The single track" in story.html) for story in layout.stories] == [("Why the 7:42 is always late", True)]
    digest = f"<p>Good morning.</p><h2>The single track</h2><p>{LONG}</p><h2>What would fix it</h2><p>{LONG}</p>"
    assert [story.title for story in plan(digest, "Morning", (), "generic").stories] == ["The single track", "What would fix it"]
