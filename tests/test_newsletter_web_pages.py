"""Issues saved from their public web archives as ``.html`` (tests/fixtures/newsletter/web/, written by
make_web_page_fixtures.py): a Mailchimp campaign archive page, a Substack post page with a paywall,
a beehiiv post page, a Buttondown archive page, a Ghost post page (Source theme) and a Kit creator
profile's post. Each is read with the issue's own headlines, each picture with its story, none of the
page around the issue (bars, buttons, forms, navigation, comments, "Read more" cards, footers) in any
post, every tracking link recognised, and drafts that build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, FIXTURES, Received, assert_drafts_hold, assert_issue_read_as, import_served, png, tracking_in

from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan
from masthead.newsletter.markup import parse

WEB = FIXTURES / "web"
PAGE_CHROME = ("Subscribe", "Sign in", "Share", "Powered by", "Built with")

CASES = (
    Received(
        "mailchimp-archive",
        "mailchimp",
        "stories",
        ("The boardwalk opens on Saturday", "Samphire season starts early", "The tern colony is fenced for the summer"),
        {
            "The boardwalk opens on Saturday": "b1d3f5a7-9c0e-4a2b-8d6f-boardwalk-opening.jpg",  # under the lead's h1, the subject's headline
            "The tern colony is fenced for the summer": "c2e4a6b8-0d1f-4b3c-9e7a-tern-colony.jpg",
        },
        {
            ("Mailchimp", "web version"): 4,  # the archive's own links: Facebook's proxy, Past Issues, RSS, "View this email"
            ("Mailchimp", "share"): 1,
            ("Mailchimp", "unsubscribe"): 2,
            ("tracking parameters", "parameters"): 3,  # Google Analytics' utm_ on each story's link
        },
        (1, 1, 1),
        frozenset({"header", "footer"}),
        (*PAGE_CHROME, "Short URL", "Past Issues", "Translate", "Deutsch", "View this email", "unsubscribe", "Quay Road", "A boardwalk, samphire"),
        "The boardwalk opens on Saturday",
    ),
    Received(
        "substack-web-post",
        "substack",
        "single",
        ("The tide gauge that outlived its harbour",),
        {"The tide gauge that outlived its harbour": "8f2c1a7e-4b3d-4e9f-a6c0-tide-gauge_1456x971.jpeg"},
        {("tracking parameters", "parameters"): 4},
        (0,),
        frozenset({"byline", "call to action", "subscribe form", "page"}),
        (*PAGE_CHROME, "Restack", "Leave a comment", "Like", "Thanks for reading", "Keep reading", "free trial", "Maren Holt", "Discussion", "Start writing"),
        "The tide gauge that outlived its harbour",  # og:title, without the <title>'s " - by Maren Holt"
        captions={"The tide gauge that outlived its harbour": "The gauge house, rebuilt in 1953 after the storm surge."},
    ),
    Received(
        "beehiiv-web-post",
        "beehiiv",
        "stories",
        ("The swing bridge closes for a month", "The chain ferry gets its second boat", "A footbridge for the marina is back on the table"),
        {
            "The swing bridge closes for a month": "5a7c9e1b-3d5f-4a2c-8e0b-swing-bridge.jpg",
            "The chain ferry gets its second boat": "6b8d0f2c-4e6a-4b3d-9f1c-ferry-slipway.jpg",
            "A footbridge for the marina is back on the table": "7c9e1a3d-5f7b-4c4e-0a2d-footbridge-design.jpg",
        },
        {("tracking parameters", "parameters"): 6},  # utm_source=<name>.beehiiv.com on every link out
        (1, 1, 1),
        frozenset({"sponsor", "referral", "feedback", "subscribe form", "byline", "page"}),
        (*PAGE_CHROME, "Login", "TOGETHER WITH", "Boatyard", "Loved it", "participate in polls", "Recommended", "Keep reading", "Joss Airey"),
        "Three bridges and one ferry",
    ),
    Received(
        "buttondown-archive",
        "buttondown",
        "single",
        ("Notes from the lock-keeper's cottage",),
        {"Notes from the lock-keeper's cottage": "5c7e9a1b-lock-drained.jpg"},
        {("Buttondown", "web version"): 3, ("Buttondown", "share"): 1},  # the archive's own links: Archives, the "Read more" cards
        (0,),
        frozenset({"chrome", "subscribe form", "page"}),
        (*PAGE_CHROME, "Lock Cottage Letters", "Enter your email", "Archives", "June 2, 2025", "You just read", "heron", "Read more", "Bluesky"),
        "Notes from the lock-keeper's cottage",  # og:title, without " • Lock Cottage Letters"
        captions={"Notes from the lock-keeper's cottage": "The chamber empty, the old gates on the bank."},
    ),
    Received(
        "ghost-web-post",
        "ghost",
        "single",
        ("The last bell foundry on the river",),
        {"The last bell foundry on the river": "/2025/06/foundry-pour.jpg"},  # the feature image, not the author's avatar
        {("tracking parameters", "parameters"): 2},  # Ghost's outbound link tagging, ?ref=<site>
        (2,),
        frozenset({"byline", "call to action", "page"}),
        (*PAGE_CHROME, "Sign up", "Idris Penhale", "min read", "Industry", "Read more", "rope walk", "jamie@example.com", "Home"),
        "The last bell foundry on the river",
        captions={"The last bell foundry on the river": "The last pour, on a wet Thursday in May."},
    ),
    Received(
        "ghost-casper-post",
        "ghost",
        "single",
        ("The salt pans fill again",),
        {"The salt pans fill again": "saltworks.example/content/images/size/w2000/2025/06/salt-pans.jpg"},  # from the page's address
        {("tracking parameters", "parameters"): 1},
        (1,),
        frozenset({"byline", "call to action", "page"}),
        (*PAGE_CHROME, "Sign up for more", "Enter your email", "Wren Talbot", "min read", "Coast", "boiling house, rebuilt", "Archive"),
        "The salt pans fill again",
        captions={"The salt pans fill again": "The first pan flooded on the spring tide."},
    ),
    Received(
        "kit-web-post",
        "convertkit",
        "single",
        ("Why the orchard keeps its oldest trees",),
        {"Why the orchard keeps its oldest trees": "old-bramleys.jpg"},
        {("tracking parameters", "parameters"): 3},
        (0,),
        frozenset({"page"}),
        (*PAGE_CHROME, "Email Address", "The Orchard Notebook", "Get the next letter", "Posts", "June 2, 2025"),
        "Why the orchard keeps its oldest trees",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_saved_page_is_read_as_its_issue(case: Received) -> None:
    page = WEB / f"{case.name}.html"
    assert_issue_read_as(page, case)
    (issue,) = read_issues(page)
    assert tracking_in(issue.html) == case.tracking


def test_the_ghost_posts_excerpt_is_its_teaser_and_the_sections_stay() -> None:
    (issue,) = read_issues(WEB / "ghost-web-post.html")
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    assert story.subtitle == "After 230 years, the foundry at Wapping Stairs casts its final peal"
    assert "<h2" in story.html and "The tuning lathe" in story.html and "kg-bookmark" not in story.title


def test_the_mailchimp_lead_story_under_the_subjects_headline_keeps_its_text_and_link() -> None:
    (issue,) = read_issues(WEB / "mailchimp-archive.html")
    lead = plan(issue.html, issue.subject, issue.headers).stories[0]
    assert "eighteen months of work" in lead.html and "saltmarsh.example/boardwalk" in lead.html


_STORY = (
    "<article><h2>{}</h2><p>{} The council agreed it on Tuesday after a long evening of questions.</p>"
    "<p><a href='https://news.example/{}'>The decision</a></p></article>"
)


def test_an_email_setting_each_story_in_an_article_keeps_them_all() -> None:
    """An email has no scripts, navigation or controls: its <article>s are stories, never a page's one article."""
    long = " ".join(["The pier is open to walkers again after two winters of repairs."] * 12)
    page = f"<html><body>{_STORY.format('The pier reopens', long, 1)}{_STORY.format('A new bus', 'The 44 runs twice a day.', 2)}</body></html>"
    assert [story.title for story in plan(page, "Coast news").stories] == ["The pier reopens", "A new bus"]


def test_a_forms_box_goes_with_it_and_a_box_with_a_story_stays() -> None:
    box = (
        "<div><h3>Get the next issue</h3><p>Every Monday, in your inbox.</p>"
        "<form action='/subscribe'><input type='email' name='email'><button>Subscribe</button></form></div>"
    )
    story = "<p>" + " ".join(["The ferry runs every half hour from the quay until the end of September."] * 6) + "</p>"
    page = f"<html><head><script src='/app.js'></script></head><body><h1>The ferry</h1>{story}{box}</body></html>"
    layout = plan(page, "The ferry")
    (only,) = layout.stories
    assert "every half hour" in only.html and "Get the next issue" not in only.html and "Every Monday" not in only.html
    assert any(item.why == "subscribe form" and item.text.startswith("Get the next issue Every Monday") for item in layout.dropped)


def test_the_saved_pages_import_into_drafts_that_build_with_only_their_pictures(make_site: MakeSite) -> None:
    site: Path = make_site({}, config=CONFIG, images=("/img/default.jpg", "/img/port.jpg"))
    report, asked = import_served(site, [WEB / f"{case.name}.html" for case in CASES], png((90, 120, 60)), BUILD_TIME)
    assert [post.title for post in report.posts] == [title for case in CASES for title in case.titles]
    pictures = [end for case in CASES for end in case.images.values()] + ["/2025/06/tuning-machine.jpg"]  # and the Ghost post's own figure
    assert len(asked) == len(pictures) and all(any(key.endswith(end.replace("/", "%2F")) or key.endswith(end) for key in asked) for end in pictures), asked
    assert_drafts_hold(site, report, CASES)


def test_a_page_saved_complete_keeps_the_pictures_saved_beside_it(make_site: MakeSite, tmp_path: Path) -> None:
    """ "Web Page, complete" writes the pictures to ``<name>_files/`` and points the page at them: they are
    the issue's pictures, read from there; a path outside the page's folder is never read."""
    folder = tmp_path / "saved"
    (folder / "The last bell foundry_files").mkdir(parents=True)
    (folder / "The last bell foundry_files" / "foundry-pour.png").write_bytes(png((200, 120, 40)))
    (tmp_path / "outside.png").write_bytes(png((1, 2, 3)))
    page = (WEB / "ghost-web-post.html").read_text("utf-8")
    feature = 'src="https://thefoundry.example/content/images/size/w2000/2025/06/foundry-pour.jpg"'
    page = page.replace(feature, 'src="The%20last%20bell%20foundry_files/foundry-pour.png"')
    page = page.replace('src="https://thefoundry.example/content/images/2025/06/tuning-machine.jpg"', 'src="../outside.png"')
    saved = folder / "The last bell foundry.html"
    saved.write_text(page, "utf-8")
    (issue,) = read_issues(saved)
    assert list(issue.inline) == ["The%20last%20bell%20foundry_files/foundry-pour.png"]
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    assert story.image is not None and story.image.src == "cid:The%20last%20bell%20foundry_files/foundry-pour.png"
    site: Path = make_site({}, config=CONFIG, images=("/img/default.jpg",))
    report, asked = import_served(site, [saved], png((9, 9, 9)), BUILD_TIME)
    (post,) = report.posts
    assert post.image.startswith("/img/newsletter/") and asked == []  # nothing fetched: the one picture was beside the page
    assert "outside" not in (site / post.path).read_text("utf-8")


def test_a_post_under_a_discussion_longer_than_itself_is_still_the_issue() -> None:
    page = (WEB / "substack-web-post.html").read_text("utf-8")
    comment = '<div class="comment"><div class="comment-body"><p>{}</p></div><button type="button">Reply</button></div>'
    thread = "".join(comment.format(f"Reader {number} remembers the gauge house and the man who cycled there every Monday for years.") for number in range(60))
    page = page.replace('<div class="comment-list">', '<div class="comment-list">' + thread)
    layout = plan(page, "The tide gauge that outlived its harbour")
    (story,) = layout.stories
    assert "Reader 1 remembers" not in story.html and "stilling well" in story.html


def test_a_saved_pages_relative_links_and_pictures_are_read_from_its_address(tmp_path: Path) -> None:
    page = (WEB / "ghost-web-post.html").read_text("utf-8")
    page = page.replace('<meta name="generator"', '<link rel="canonical" href="https://thefoundry.example/last-bell-foundry/"><meta name="generator"')
    page = page.replace('href="https://museum.example/foundry-archive?ref=thefoundry.example"', 'href="/museum-archive/"')
    page = page.replace('src="https://thefoundry.example/content/images/2025/06/tuning-machine.jpg"', 'src="/content/images/2025/06/tuning-machine.jpg"')
    saved = tmp_path / "post.html"
    saved.write_text(page, "utf-8")
    (issue,) = read_issues(saved)
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    assert 'href="https://thefoundry.example/museum-archive/"' in story.html
    assert 'src="https://thefoundry.example/content/images/2025/06/tuning-machine.jpg"' in story.html


def test_a_new_builder_campaigns_archive_page_loses_its_bar_too(tmp_path: Path) -> None:
    bar = str(parse((WEB / "mailchimp-archive.html").read_text("utf-8")).select_one("#awesomewrap"))  # the archive's own bar
    (issue,) = read_issues(FIXTURES / "services" / "mailchimp-mce-stories.eml")
    saved = tmp_path / "campaign.html"
    saved.write_text(_archived(issue.html, bar), "utf-8")
    (page,) = read_issues(saved)
    layout = plan(page.html, page.subject)
    assert layout.profile.name == "mailchimp-new"
    assert [story.title for story in layout.stories] == [story.title for story in plan(issue.html, issue.subject, issue.headers).stories]
    assert not any(word in story.html for story in layout.stories for word in ("Past Issues", "Translate", "Short URL", "Deutsch"))


def _archived(page: str, bar: str) -> str:
    """The campaign as its archive page serves it: the bar first in the body, the archive's script last."""
    head, body = page.split("<body", 1)
    opening, rest = body.split(">", 1)
    script = '<script src="https://us6.campaign-archive.com/js/archive.js"></script></body>'
    return head + '<body id="archivebody"' + opening + ">" + bar + rest.replace("</body>", script)
