"""Splitting issues into stories: by headings in layout tables, by a CSS selector."""

from __future__ import annotations

import pytest
from newsletter_helpers import CAMPAIGN_MONITOR, MAILCHIMP, SAVED_HTML

from masthead.errors import MastheadError
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import split_stories


def test_campaign_monitor_stories_leave_out_masthead_preheader_footer_and_pixel() -> None:
    stories = split_stories(read_issues(CAMPAIGN_MONITOR)[0].html)
    assert [story.title for story in stories] == ["Russian foreign minister praises ties with North Korea", "EU readies a 16th sanctions package"]
    first, second = stories
    assert first.image is not None and first.image.src == "cid:flag@cpg-online.de"
    assert first.image.alt == "Flags of Russia and North Korea, blurred"
    assert first.link == "https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED"
    assert "<img" not in first.html  # the featured image is not repeated in the body
    for text in ("Unsubscribe", "View this email", "Lavrov in Pyongyang, sanctions", "subscribed", "o.gif"):
        assert text not in first.html + second.html
    assert "<blockquote>" in second.html and "<li>74 more tankers listed</li>" in second.html


def test_mailchimp_loose_cell_text_becomes_a_paragraph_and_the_h3_level_wins() -> None:
    stories = split_stories(read_issues(MAILCHIMP)[0].html)
    assert [story.title for story in stories] == ["South Korea sets a date for its snap presidential election", "Washington’s tariffs reach its partners"]
    assert stories[0].html.startswith("<p>")
    assert "South Korea’s acting government set June 3" in stories[0].html
    assert stories[0].image is not None and stories[0].image.src.startswith("data:image/png;base64,")
    assert "Copyright" not in stories[1].html and "unsubscribe" not in stories[1].html.lower()


def test_selector_splits_the_sites_own_template() -> None:
    html = read_issues(SAVED_HTML)[0].html
    stories = split_stories(html, "td.story")
    assert [story.title for story in stories] == ["Ministers meet in Brussels", "Zürich talks end"]
    assert split_stories(html, "div.nothing") == []


def test_a_bad_selector_names_the_config_key() -> None:
    with pytest.raises(MastheadError) as caught:
        split_stories("<p>x</p>", "td[")
    assert "newsletter.story_selector" in str(caught.value)


def test_a_horizontal_rule_ends_a_story() -> None:
    stories = split_stories("<h2>One</h2><p>Kept.</p><hr><p>Sponsor message.</p><h2>Two</h2><p>Also kept.</p>")
    assert [story.html for story in stories] == ["<p>Kept.</p>", "<p>Also kept.</p>"]
