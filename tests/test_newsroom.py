"""The newsroom features on small sites: errors in their front matter and config (exact messages,
no traceback), the corrections policy in `check`, open live coverage, escaping, related briefings,
author pagination, and incremental builds equal to clean builds after newsroom edits."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BUILD_TIME, MakeSite
from jsonld_strict import validate
from lxml import html as lxml_html
from test_incremental import clean_build, snapshot

from masthead.build import build
from masthead.cli import main
from masthead.errors import MastheadError

CONFIG = """\
title = "Desk"
base_url = "https://desk.example.org"
search = false
page_size = {size}

[authors.kim]
name = "Kim Min-jun"
bio = "Seoul desk."
sameAs = ["https://social.example.org/@kim"]

[authors.lee]
name = "Lee Soo-ah"
"""


def config(size: int = 10, extra: str = "") -> str:
    return CONFIG.format(size=size) + extra


def post(title: str, date: str, *, tags: str = "[]", author: str = "kim", extra: str = "", body: str = "Body text here. [[AP](https://apnews.com/a)]") -> str:
    return f"---\ntemplateKey: blog-post\npageTitle: {title}\npublished: true\ndate: {date}\ntags: {tags}\nauthor: {author}\n{extra}---\n{body}\n"


def problems(site: Path) -> list[str]:
    with pytest.raises(MastheadError) as caught:
        build(site, now=BUILD_TIME, mode="check")
    return [str(problem) for problem in caught.value.problems if not problem.warning]


def html(site: Path, path: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / "public" / path).read_bytes())


def json_ld(site: Path, path: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', (site / "public" / path).read_text(encoding="utf-8"), re.DOTALL)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


# Errors -------------------------------------------------------------------------------------


def test_an_unknown_author_id_is_an_error_with_a_did_you_mean(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A", "2024-05-01T10:00:00Z", author="kimm")}, config=config())
    assert problems(site) == [
        "content/blog/a.md:7: author: 'kimm' is not an author id (did you mean \"kim\"?); expected one of kim, lee "
        "(declared as [authors.<id>] in masthead.toml), or {name, url} for a guest byline"
    ]


def test_bad_notes_are_problems_at_their_lines(make_site: MakeSite) -> None:
    extra = (
        "corrections:\n  - date: 2024-05-02T10:00:00Z\n    txt: A typo.\n  - date: not a date\n    text: Fixed.\n  - just words\nupdates: yesterday\nlive: 1\n"
    )
    site = make_site({"content/blog/a.md": post("A", "2024-05-01T10:00:00Z", extra=extra)}, config=config())
    assert problems(site) == [
        "content/blog/a.md:9: corrections[1].text: missing or empty; expected the note in Markdown, such as text: The minister's name was misspelt.",
        'content/blog/a.md:9: corrections[1].txt: unknown key (did you mean "text"?); expected date, text',
        "content/blog/a.md:11: corrections[2].date: 'not a date' is not a date; expected ISO 8601 such as 2025-06-04T09:30:00Z or 2025-06-04",
        "content/blog/a.md:13: corrections[3]: is text, expected a mapping with date and text: - date: 2025-06-04T09:30:00Z, then text: … on the next line",
        "content/blog/a.md:14: updates: is text, expected a list of dated notes, each - date: 2025-06-04T09:30:00Z, then text: … on the next line",
        "content/blog/a.md:15: live: 1 is not true or false; expected live: true for live coverage",
    ]


def test_the_cli_reports_newsroom_errors_without_a_traceback(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A", "2024-05-01T10:00:00Z", author="nobody", extra="updates:\n  - text: no date\n")}, config=config())
    result = CliRunner().invoke(main, ["check", str(site), "--now", "2025-06-05T12:00:00+0000", "-j", "1"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "content/blog/a.md:7: author: 'nobody' is not an author id" in result.stderr
    assert "content/blog/a.md:9: updates[1].date: missing; expected the time of the note" in result.stderr


def test_bad_author_tables_are_config_problems(make_site: MakeSite) -> None:
    text = 'title = "Desk"\nbase_url = "https://desk.example.org"\n\n[authors.kim]\nbio = "No name"\n\n[authors.lee]\nname = "Lee"\nsameAs = ["not a url"]\n'
    site = make_site({}, config=text)
    with pytest.raises(MastheadError) as caught:
        build(site, now=BUILD_TIME, mode="check")
    assert [str(problem) for problem in caught.value.problems] == [
        'masthead.toml:4: authors.kim: name: missing; expected the name shown in bylines, such as name = "Kim Min-jun"',
        "masthead.toml:9: authors.lee.sameAs: ['not a url']: 'not a url': expected an absolute http(s) URL such as https://example.org",
    ]


# The corrections policy ---------------------------------------------------------------------


def test_check_warns_on_a_changed_body_without_a_note(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("A", "2024-05-01T10:00:00Z")}, config=config(extra="[corrections]\nrequire_note = true\n"))
    build(site, now=BUILD_TIME)
    path = site / "content/blog/a.md"
    path.write_text(post("A", "2024-05-01T10:00:00Z", body="Body text changed. [[AP](https://apnews.com/a)]"))
    warned = [str(problem) for problem in build(site, now=BUILD_TIME, mode="check").warnings]
    assert warned == [
        "content/blog/a.md: warning: corrections: the published text changed since the last build with no new note; expected a correction "
        "or an update saying what changed (add one under corrections: with its date and text — [corrections] require_note is on)"
    ]
    note = "corrections:\n  - date: 2024-05-03T10:00:00Z\n    text: The body said the wrong thing.\n"
    path.write_text(post("A", "2024-05-01T10:00:00Z", extra=note, body="Body text changed. [[AP](https://apnews.com/a)]"))
    assert build(site, now=BUILD_TIME, mode="check").warnings == []
    (site / "masthead.toml").write_text(config())  # the policy off: never warned
    path.write_text(post("A", "2024-05-01T10:00:00Z", body="Changed again."))
    assert build(site, now=BUILD_TIME, mode="check").warnings == []


# Pages --------------------------------------------------------------------------------------


def test_open_live_coverage_is_labelled_live(make_site: MakeSite) -> None:
    extra = (
        "live: true\nliveUpdates:\n  - date: 2025-06-05T11:00:00Z\n    text: Polls have closed.\n"
        "  - date: 2025-06-05T11:30:00Z\n    title: First results\n    text: Counting is under way.\n"
    )
    site = make_site({"content/blog/live.md": post("Election night", "2025-06-05T10:00:00Z", extra=extra)}, config=config())
    build(site, now=BUILD_TIME)
    document = html(site, "blog/live/index.html")
    assert document.xpath('//p[@class="post__kicker"]/a[contains(@class, "badge--live")]/text()') == ["Live"]
    assert document.xpath('//ol[@class="live__list"]/li/@id') == ["live-20250605T1130Z", "live-20250605T1100Z"]  # newest first
    assert html(site, "index.html").xpath('//p[@class="card__kicker"]/span[contains(@class, "badge--live")]/text()') == ["Live"]  # its card too
    data = json_ld(site, "blog/live/index.html")
    assert validate(data) == []
    assert "coverageEndTime" not in data  # still open
    assert data["dateModified"] == "2025-06-05T11:30:00Z"
    (site / "content/blog/live.md").write_text(post("Election night", "2025-06-05T10:00:00Z", extra=extra + "liveEnd: 2025-06-05T12:30:00Z\n"))
    build(site, now=BUILD_TIME)
    assert html(site, "index.html").xpath('//span[contains(@class, "badge--live")]')  # still open
    later = datetime(2025, 6, 5, 12, 31, tzinfo=UTC)  # nothing changed but the clock: liveEnd passed, the label goes
    assert not build(site, now=later).up_to_date
    assert not html(site, "blog/live/index.html").xpath('//*[contains(@class, "badge--live")]')
    assert not html(site, "index.html").xpath('//*[contains(@class, "badge--live")]')
    assert json_ld(site, "blog/live/index.html")["coverageEndTime"] == "2025-06-05T12:30:00Z"


def test_user_strings_are_escaped_for_their_context(make_site: MakeSite) -> None:
    evil = 'Kim </script><script>alert(1)</script> "Q"'
    text = CONFIG.format(size=10).replace('name = "Kim Min-jun"', f"name = {json.dumps(evil)}").replace('bio = "Seoul desk."', 'bio = "<b>bold</b> & co"')
    note = "corrections:\n  - date: 2024-05-02T10:00:00Z\n    text: 'An <img src=x onerror=alert(1)> tag </script>'\n"
    guest = "\n  - kim\n  - name: Guest\n    url: javascript:alert(1)\n"
    site = make_site({"content/blog/a.md": post("A", "2024-05-01T10:00:00Z", extra=note, author=guest)}, config=text)
    build(site, now=BUILD_TIME)
    assert "javascript:" not in (site / "public/blog/a/index.html").read_text(encoding="utf-8")
    for path in ("blog/a/index.html", "authors/kim/index.html", "authors/index.html", "corrections/index.html"):
        page = (site / "public" / path).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in page and "onerror" not in page and "<b>bold</b>" not in page, path
    data = json_ld(site, "blog/a/index.html")
    assert data["author"][0]["name"] == evil  # type: ignore[index]
    assert data["author"][1] == {"@type": "Person", "name": "Guest"}  # type: ignore[index]
    assert data["correction"][0]["text"] == "An tag"  # type: ignore[index]  # raw HTML is dropped, as in bodies
    assert html(site, "authors/kim/index.html").xpath("string(//h1)") == evil


def test_author_pages_paginate_and_list_guest_bylines_apart(make_site: MakeSite) -> None:
    files = {f"content/blog/p{n}.md": post(f"P{n}", f"2024-05-0{n}T10:00:00Z") for n in range(1, 4)}
    files["content/blog/guest.md"] = post("Guest", "2024-05-05T10:00:00Z", author="\n  - name: Guest Writer\n    url: https://guest.example.net/")
    site = make_site(files, config=config(size=2))
    build(site, now=BUILD_TIME)
    first, second = html(site, "authors/kim/index.html"), html(site, "authors/kim/page/2/index.html")
    assert first.xpath('//ul[@class="cards"]//h2/a/text()') == ["P3", "P2"]
    assert second.xpath('//ul[@class="cards"]//h2/a/text()') == ["P1"]
    assert first.xpath('//a[@rel="next"]/@href') == ["/authors/kim/page/2/"]
    assert html(site, "authors/lee/index.html").xpath("string(//main//p[not(@class)])") == "No briefings yet."
    guest = json_ld(site, "blog/guest/index.html")
    assert guest["author"] == {"@type": "Person", "name": "Guest Writer", "url": "https://guest.example.net/"}
    assert html(site, "blog/guest/index.html").xpath('//a[@rel="author"]/@href') == ["https://guest.example.net/"]


def test_related_briefings_are_scored_and_deterministic(make_site: MakeSite) -> None:
    base = "2024-05-10T10:00:00Z"
    files = {
        "content/blog/a.md": post("A", base, tags="[asia]", body="A. [[Reuters](https://reuters.com/x)]"),
        "content/blog/same-url.md": post("Same URL", "2024-01-10T10:00:00Z", body="B. [[Reuters](https://reuters.com/x)]"),
        "content/blog/same-outlet.md": post("Same outlet", "2024-05-11T10:00:00Z", body="C. [[Reuters](https://reuters.com/other)]"),
        "content/blog/same-tag-near.md": post("Tag near", "2024-05-09T10:00:00Z", tags="[asia]", body="D."),
        "content/blog/same-tag-far.md": post("Tag far", "2023-01-01T10:00:00Z", tags="[asia]", body="E."),
        "content/blog/nothing.md": post("Nothing", "2024-05-10T11:00:00Z", body="F."),
    }
    site = make_site(files, config=config())
    build(site, now=BUILD_TIME)
    related = html(site, "blog/a/index.html").xpath('//section[@class="related"]//a/@href')
    # same URL: 6 + 3 (outlet) + 1 (months apart) = 10; same outlet: 3 + 3 = 6; tag near: 3 + 3 = 6 (a day
    # earlier, as near as "same outlet" a day later: the newer wins); tag far: 3; nothing shared: never.
    assert related == ["/blog/same-url/", "/blog/same-outlet/", "/blog/same-tag-near/"]
    again = clean_build(site, site.parent / "again")
    assert again == snapshot(site / "public")


# Incremental builds -------------------------------------------------------------------------


def _equal_after(site: Path, edit: object) -> dict[str, str]:
    build(site, now=BUILD_TIME)
    before = snapshot(site / "public")
    edit()  # type: ignore[operator]
    build(site, now=BUILD_TIME)
    after = snapshot(site / "public")
    assert after == clean_build(site, site.parent / "clean")
    return {name: digest for name, digest in after.items() if before.get(name) != digest}


FIRST_CORRECTION = "corrections:\n  - date: 2024-03-02T10:00:00Z\n    text: The date was wrong.\n"  # the site has /corrections/ already


@pytest.fixture
def newsroom_site(make_site: MakeSite) -> Path:
    files = {
        "content/blog/a.md": post("A", "2024-05-01T10:00:00Z", tags="[asia]"),
        "content/blog/b.md": post("B", "2024-05-02T10:00:00Z", tags="[asia]", author="lee"),
        "content/blog/c.md": post("C", "2024-03-01T10:00:00Z", tags="[europe]", body="C. [[BBC](https://bbc.co.uk/c)]", extra=FIRST_CORRECTION),
        "content/blog/d.md": post("D", "2023-03-01T10:00:00Z", tags="[europe]", body="D. [[BBC](https://bbc.co.uk/d)]"),
    }
    return make_site(files, config=config())


def test_incremental_equals_clean_after_adding_a_correction(newsroom_site: Path) -> None:
    note = "corrections:\n  - date: 2024-05-03T10:00:00Z\n    text: A name was misspelt.\n"
    path = newsroom_site / "content/blog/a.md"
    changed = _equal_after(newsroom_site, lambda: path.write_text(post("A", "2024-05-01T10:00:00Z", tags="[asia]", extra=note)))
    assert {"blog/a/index.html", "corrections/index.html", "corrections/feed.xml", "tags/asia/atom.xml"} <= set(changed)
    assert "blog/d/index.html" not in changed  # unrelated to A
    rows = html(newsroom_site, "corrections/index.html").xpath('//ol[@class="corrections"]//h2/a/@href')
    assert rows == ["/blog/a/#correction-1", "/blog/c/#correction-1"]  # newest first


def test_incremental_equals_clean_after_adding_an_update(newsroom_site: Path) -> None:
    note = "updates:\n  - date: 2024-05-04T10:00:00Z\n    text: The vote was moved.\n"
    path = newsroom_site / "content/blog/b.md"
    changed = _equal_after(newsroom_site, lambda: path.write_text(post("B", "2024-05-02T10:00:00Z", tags="[asia]", author="lee", extra=note)))
    assert {"blog/b/index.html", "authors/lee/feed.xml"} <= set(changed)


def test_incremental_equals_clean_after_renaming_an_author(newsroom_site: Path) -> None:
    text = config().replace('name = "Lee Soo-ah"', 'name = "Lee Soo-ah Park"')
    changed = _equal_after(newsroom_site, lambda: (newsroom_site / "masthead.toml").write_text(text))
    assert "authors/lee/index.html" in changed
    assert "Lee Soo-ah Park" in (newsroom_site / "public/blog/b/index.html").read_text(encoding="utf-8")


def test_incremental_equals_clean_after_a_post_enters_a_related_list(newsroom_site: Path) -> None:
    build(newsroom_site, now=BUILD_TIME)
    kept = (newsroom_site / "public/blog/a/index.html").stat().st_mtime_ns
    time.sleep(0.01)
    new = post("E", "2024-03-02T10:00:00Z", tags="[europe]", body="E. [[BBC](https://bbc.co.uk/c)]")
    changed = _equal_after(newsroom_site, lambda: (newsroom_site / "content/blog/e.md").write_text(new))
    related = html(newsroom_site, "blog/c/index.html").xpath('//section[@class="related"]//a/@href')
    assert related[0] == "/blog/e/"  # same URL, a day apart
    assert "blog/c/index.html" in changed
    assert (newsroom_site / "public/blog/a/index.html").stat().st_mtime_ns == kept  # A's related list is unchanged: not rewritten
