"""Issues saved from their web archives as one file, ``.mhtml`` ("Webpage, Single File" in Chrome and Edge):
Blink's multipart/related shape (``From: <Saved by Blink>``, ``Snapshot-Content-Location``, the page as a
quoted-printable text/html part, each resource a base64 part named by its ``Content-Location``), written here
from the saved-page fixtures. Each reads as its .html does; the pictures saved inside are the issue's."""

from __future__ import annotations

import base64
import quopri
import re
from email.header import Header
from pathlib import Path

import pytest
from conftest import BUILD_TIME, MakeSite
from newsletter_helpers import CONFIG, Received, import_served, png
from test_newsletter_web_pages import CASES, WEB

from masthead.errors import MastheadError
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan

_BOUNDARY = "----MultipartBoundary--Tq2Zr8mVb6hXk4LwQe1Jc9sFy3aNdP7uGt5oRi0YvE----"


def chrome_mhtml(page: str, address: str, pictures: dict[str, bytes]) -> bytes:
    """``page`` saved from ``address`` as Blink writes it, with ``pictures`` (address -> bytes) inside."""
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    lines = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {address}",
        f"Subject: {Header(title.group(1).strip() if title else '', 'utf-8').encode()}",
        "Date: Sat, 6 Dec 2026 09:12:44 -0000",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{_BOUNDARY}"',
        "",
        "",
        f"--{_BOUNDARY}",
        "Content-Type: text/html",
        "Content-ID: <frame-6C1F0B2D8E1A4F5B9C3D7E2A1B0C9D8E@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {address}",
        "",
        quopri.encodestring(page.encode("utf-8")).decode("ascii"),
    ]
    for url, data in pictures.items():
        encoded = base64.encodebytes(data).decode("ascii")
        lines += [f"--{_BOUNDARY}", "Content-Type: image/png", "Content-Transfer-Encoding: base64", f"Content-Location: {url}", "", encoded]
    lines.append(f"--{_BOUNDARY}--")
    return "\r\n".join(lines).encode("ascii")


def _address(page: str) -> str:
    found = re.search(r"""<link rel="canonical" href="([^"]+)"|<meta property="og:url" content="([^"]+)\"""", page)
    return next((group for group in found.groups() if group), "") if found else "https://archive.example/issue/"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_page_saved_as_one_file_reads_as_the_saved_html(case: Received, tmp_path: Path) -> None:
    page = (WEB / f"{case.name}.html").read_text("utf-8")
    saved = tmp_path / f"{case.name}.mhtml"
    saved.write_bytes(chrome_mhtml(page, _address(page), {}))
    (as_html,) = read_issues(WEB / f"{case.name}.html")
    (as_mhtml,) = read_issues(saved)
    assert as_mhtml.subject == as_html.subject and as_mhtml.date is None  # its Date is when it was saved
    html_stories = [(story.title, story.image.src if story.image else "") for story in plan(as_html.html, as_html.subject, as_html.headers).stories]
    mhtml_stories = [(story.title, story.image.src if story.image else "") for story in plan(as_mhtml.html, as_mhtml.subject, as_mhtml.headers).stories]
    assert mhtml_stories == html_stories and mhtml_stories


def test_the_pictures_saved_inside_are_the_issues(make_site: MakeSite, tmp_path: Path) -> None:
    page = (WEB / "ghost-web-post.html").read_text("utf-8")
    feature = "https://thefoundry.example/content/images/size/w2000/2025/06/foundry-pour.jpg"
    lathe = "https://thefoundry.example/content/images/2025/06/tuning-machine.jpg"
    saved = tmp_path / "The last bell foundry.mhtml"
    saved.write_bytes(chrome_mhtml(page, _address(page), {feature: png((200, 120, 40)), lathe: png((20, 40, 60))}))
    (issue,) = read_issues(saved)
    assert sorted(issue.inline) == sorted([feature, lathe])
    (story,) = plan(issue.html, issue.subject, issue.headers).stories
    assert story.image is not None and story.image.src == f"cid:{feature}"
    site: Path = make_site({}, config=CONFIG, images=("/img/default.jpg",))
    report, asked = import_served(site, [saved], png((9, 9, 9)), BUILD_TIME)
    (post,) = report.posts
    assert post.image.startswith("/img/newsletter/") and asked == []  # nothing fetched: both pictures were in the file
    assert "thefoundry.example/content/images" not in (site / post.path).read_text("utf-8")


def test_a_single_file_page_without_a_page_is_a_clear_error(tmp_path: Path) -> None:
    saved = tmp_path / "empty.mhtml"
    saved.write_bytes(chrome_mhtml("", "https://x.example/", {}).replace(b"Content-Type: text/html", b"Content-Type: text/css"))
    with pytest.raises(MastheadError) as caught:
        read_issues(saved)
    assert caught.value.problems[0].message.startswith("no text/html part; expected a web page saved as one file")
