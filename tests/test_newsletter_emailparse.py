"""Reading issues: .eml (quoted-printable, windows-1252, cid: parts), .mbox (base64), saved .html."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from newsletter_helpers import CAMPAIGN_MONITOR, FIXTURES, MAILCHIMP, MBOX, SAVED_HTML

from masthead.errors import MastheadError
from masthead.newsletter.emailparse import read_issues


def test_campaign_monitor_issue_is_decoded_from_quoted_printable_with_its_inline_image() -> None:
    [issue] = read_issues(CAMPAIGN_MONITOR)
    assert issue.message_id == "4f8a1c2e.cm-20241223@cpg-online.cmail20.com"
    assert issue.date == datetime(2024, 12, 23, 20, 53, 9, tzinfo=UTC)
    # quoted-printable undone: "=3D" is "=", and soft line breaks inside long lines are gone
    assert "=3D" not in issue.html
    assert (
        "&ldquo;unwavering&rdquo; support for Russia&rsquo;s invasion of Ukraine and its official recognition of several "
        "Russian-backed separatist regions in eastern Ukraine during a week-long diplomatic mission to Pyongyang."
    ) in issue.html
    assert "<h2>Russian foreign minister praises ties with North Korea</h2>" in issue.html  # the HTML part, not the text one
    assert set(issue.inline) == {"flag@cpg-online.de"}
    assert issue.inline["flag@cpg-online.de"].data.startswith(b"\x89PNG")


def test_mailchimp_issue_in_windows_1252_is_decoded() -> None:
    [issue] = read_issues(MAILCHIMP)
    assert "Seoul’s" in issue.subject
    assert "café-side rallies" in issue.html and "Yoon Suk Yeol – the first" in issue.html
    assert issue.date == datetime(2025, 4, 11, 5, 30, tzinfo=UTC)


def test_mbox_gives_every_issue_including_a_base64_body() -> None:
    issues = read_issues(MBOX)
    assert [issue.source.rsplit("#", 1)[1] for issue in issues] == ["1", "2"]
    assert issues[0].message_id == read_issues(MAILCHIMP)[0].message_id
    assert "<h2>Norway chairs the Arctic Council</h2>" in issues[1].html


def test_saved_html_is_read_in_its_declared_charset_with_a_stable_id() -> None:
    [issue] = read_issues(SAVED_HTML)
    assert "Zürich" in issue.html and "délégués" in issue.html
    assert issue.subject == "Briefing saved from the browser"
    assert issue.date is None
    assert issue.message_id == read_issues(SAVED_HTML)[0].message_id.strip() and issue.message_id.startswith("sha256-")


def test_plain_text_only_email_becomes_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "plain.eml"
    path.write_text("From: a@example.org\nSubject: Plain\nMessage-ID: <p1@example.org>\n\nFirst <para>.\n\nSecond.\n")
    [issue] = read_issues(path)
    assert issue.html == "<p>First &lt;para&gt;.</p><p>Second.</p>"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.eml", b"just some words, no headers\n", "no mail headers"),
        ("image.eml", b"From: a@example.org\nContent-Type: image/png\n\nxxxx", "no text/html or text/plain part"),
    ],
)
def test_unreadable_issues_are_reported_not_raised(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(MastheadError) as caught:
        read_issues(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_a_plain_text_issue_links_its_bare_urls(tmp_path: Path) -> None:
    issue = tmp_path / "plain.eml"
    issue.write_bytes(
        b"From: a@example.org\r\nSubject: Links\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Read this: https://www.reuters.com/world/a-1/.\r\n\r\nAnd <this> too.\r\n"
    )
    (found,) = read_issues(issue)
    assert found.html == ('<p>Read this: <a href="https://www.reuters.com/world/a-1/">https://www.reuters.com/world/a-1/</a>.</p><p>And &lt;this&gt; too.</p>')


def test_forwards_from_apple_mail_and_outlook_give_back_the_issue() -> None:
    from masthead.newsletter.forward import unforward

    apple = (
        "<div>Have a look</div><div><br><blockquote type='cite'><div>Begin forwarded message:</div><br>"
        "<div><span><b>From: </b></span><span>The Brief &lt;a@b.example&gt;</span></div>"
        "<div><span><b>Subject: </b></span><span><b>The Brief: ports</b></span></div>"
        "<div><span><b>Date: </b></span><span>2 June 2025 at 07:30:00 BST</span></div><br>"
        "<div><h2>Ports</h2><p>Text.</p></div></blockquote></div>"
    )
    page, subject = unforward(apple) or ("", "")
    assert subject == "The Brief: ports" and page.strip() == "<div><h2>Ports</h2><p>Text.</p></div>"
    outlook = (
        "<div>FYI</div><hr><div id='divRplyFwdMsg'><b>From:</b> The Brief<br><b>Sent:</b> Monday<br>"
        "<b>Subject:</b> The Brief: pensions</div><div><h2>Pensions</h2><p>Text.</p></div>"
    )
    page, subject = unforward(outlook) or ("", "")
    assert subject == "The Brief: pensions" and page == "<div><h2>Pensions</h2><p>Text.</p></div>"
    assert unforward("<p>An issue nobody forwarded.</p>") is None


def test_a_body_whose_bytes_are_not_in_its_declared_charset_or_whose_charset_is_unknown_is_still_read(tmp_path: Path) -> None:
    head = "From: A <a@b.example>\r\nSubject: Hello\r\nMessage-ID: <{}@b>\r\nContent-Transfer-Encoding: 8bit\r\n"
    body = "\r\n<h1>Caf\xe9 opens</h1><p>The caf\xe9 on the corner opens on Monday.</p>\r\n".encode("windows-1252")
    mislabelled = tmp_path / "mislabelled.eml"
    mislabelled.write_bytes((head.format(1) + "Content-Type: text/html; charset=utf-8\r\n").encode("ascii") + body)
    unknown = tmp_path / "unknown.eml"
    unknown.write_bytes((head.format(2) + "Content-Type: text/html; charset=x-mac-nonesuch\r\n").encode("ascii") + body)
    raw_subject = tmp_path / "raw-subject.eml"
    raw_subject.write_bytes(
        head.format(3).replace("Subject: Hello", "Subject: Caf\xe9 news").encode("latin-1") + b"Content-Type: text/html; charset=windows-1252\r\n" + body
    )
    for path in (mislabelled, unknown, raw_subject):
        [issue] = read_issues(path)
        assert "<h1>Café opens</h1>" in issue.html and "\ufffd" not in issue.html
    assert read_issues(raw_subject)[0].subject == "Café news"  # a Subject sent as raw 8-bit bytes


@pytest.mark.parametrize(
    ("name", "sender"),
    [
        ("gmail-forward-mailchimp", "The Harbour Letter <news@harbourletter.example>"),
        ("owa-forward-substack", "Tomas Lindqvist from The Tool Shed <toolshed@substack.com>"),
        ("outlook-forward-mailerlite", "The Allotment Letter <hello@allotmentletter.example>"),
        ("apple-forward-buttondown", "Calder Rail <calderrail@buttondown.email>"),
    ],
)
def test_a_forwarded_issue_is_from_its_own_sender_not_the_forwarder(name: str, sender: str) -> None:
    (issue,) = read_issues(FIXTURES / "services" / f"{name}.eml")
    assert issue.forwarded and [value for key, value in issue.headers if key.lower() == "from"] == [sender]
