"""Moved posts: a URL change, a rename, and both at once, followed by the post's marks (moved.py)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import BUILD_TIME, MakeSite

from masthead.build import build
from masthead.cli import main
from masthead.errors import Problem

POST = """\
---
templateKey: blog-post
pageTitle: {title}
metaDescription: A description.
date: 2024-05-01T10:00:00Z
teaser: A teaser.
{extra}---
{body}
"""


def write(site: Path, relative: str, title: str, body: str, extra: str = "") -> Path:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(POST.format(title=title, body=body, extra=extra), encoding="utf-8")
    return path


def moves(site: Path) -> list[str]:
    """The moved-URL warnings of a build, as `file:line: message` without the advice."""
    problems: list[Problem] = build(site, now=BUILD_TIME).warnings
    return [f"{p.path}: {p.message.split(';')[0]}" for p in problems if p.field == "url"]


def history(site: Path) -> dict[str, list[str]]:
    data = json.loads((site / ".masthead-cache/urls.json").read_text(encoding="utf-8"))
    return {source: record["urls"] for source, record in data.items()}


BODY = "The talks in Pyongyang ended without a statement. Officials said more would follow."


def test_a_url_change_alone_is_warned_about(make_site: MakeSite) -> None:
    site = make_site()
    path = write(site, "content/blog/talks.md", "Talks", BODY, "slug: first\n")
    assert moves(site) == []
    path.write_text(path.read_text(encoding="utf-8").replace("slug: first", "slug: second"), encoding="utf-8")
    assert moves(site) == ["content/blog/talks.md: moved from /blog/first/ to /blog/second/"]


def test_a_rename_alone_warns_of_nothing_and_the_record_follows_the_file(make_site: MakeSite) -> None:
    site = make_site()
    old = write(site, "content/blog/talks.md", "Talks", BODY, "slug: kept\n")
    build(site, now=BUILD_TIME)
    new = old.with_name("talks-in-pyongyang.md")
    old.rename(new)
    assert moves(site) == []
    assert history(site) == {"content/blog/talks-in-pyongyang.md": ["/blog/kept/"]}
    new.write_text(new.read_text(encoding="utf-8").replace("slug: kept", "slug: changed"), encoding="utf-8")
    assert moves(site) == ["content/blog/talks-in-pyongyang.md: moved from /blog/kept/ to /blog/changed/"]


def test_a_rename_that_changes_the_url_is_warned_about_and_recorded(make_site: MakeSite) -> None:
    site = make_site()
    old = write(site, "content/blog/talks.md", "Talks", BODY)  # the URL comes from the file name
    build(site, now=BUILD_TIME)
    new = old.with_name("talks-in-pyongyang.md")
    old.rename(new)
    listed = CliRunner().invoke(main, ["redirects", str(site)])
    assert "moved  /blog/talks/ -> /blog/talks-in-pyongyang/  (content/blog/talks-in-pyongyang.md, renamed from content/blog/talks.md)" in listed.output
    assert moves(site) == ["content/blog/talks-in-pyongyang.md: moved from /blog/talks/ to /blog/talks-in-pyongyang/ (renamed from content/blog/talks.md)"]
    assert history(site) == {"content/blog/talks-in-pyongyang.md": ["/blog/talks/", "/blog/talks-in-pyongyang/"]}  # the record moved
    before = new.read_bytes()
    recorded = CliRunner().invoke(main, ["redirects", str(site), "--record"])
    assert recorded.exit_code == 0, recorded.output
    assert new.read_bytes() == before.replace(b"---\nThe talks", b"aliases:\n  - /blog/talks/\n---\nThe talks")
    assert moves(site) == []
    page = (site / "public/blog/talks/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://test.example.org/blog/talks-in-pyongyang/">' in page


def test_an_edited_title_or_body_still_follows_by_the_other_mark(make_site: MakeSite) -> None:
    site = make_site()
    first = write(site, "content/blog/a.md", "Talks", BODY)
    second = write(site, "content/blog/b.md", "Sanctions", "Sanctions were widened on Monday.")
    build(site, now=BUILD_TIME)
    first.unlink()
    second.unlink()
    write(site, "content/blog/talks-end.md", "Talks end", BODY)  # same first paragraph
    write(site, "content/blog/sanctions.md", "Sanctions", "Sanctions were widened on Monday, officials said.")  # same title and date
    assert sorted(moves(site)) == [
        "content/blog/sanctions.md: moved from /blog/b/ to /blog/sanctions/ (renamed from content/blog/b.md)",
        "content/blog/talks-end.md: moved from /blog/a/ to /blog/talks-end/ (renamed from content/blog/a.md)",
    ]


def test_the_cited_articles_follow_a_post_whose_title_and_opening_changed(make_site: MakeSite) -> None:
    site = make_site()
    cited = "[[Yonhap](https://en.yna.co.kr/view/AEN20250601000300315)] [[AP](https://apnews.com/article/talks-4f1c2e)]"
    old = write(site, "content/blog/a.md", "Talks", f"The talks ended. {cited}")
    build(site, now=BUILD_TIME)
    old.unlink()
    write(site, "content/blog/summit.md", "Summit ends", f"The summit ended without a statement. {cited}")
    assert moves(site) == ["content/blog/summit.md: moved from /blog/a/ to /blog/summit/ (renamed from content/blog/a.md)"]


def test_an_identity_key_follows_a_post_whose_title_and_body_changed_too(make_site: MakeSite) -> None:
    site = make_site()
    old = write(site, "content/blog/a.md", "Talks", BODY, "id: 3f9c2a4e-5d1b-4c8e-9a7f-0b6d2e1c4a58\n")
    build(site, now=BUILD_TIME)
    old.unlink()
    write(site, "content/blog/summit.md", "Summit", "A rewritten story.", "id: 3f9c2a4e-5d1b-4c8e-9a7f-0b6d2e1c4a58\n")
    assert moves(site) == ["content/blog/summit.md: moved from /blog/a/ to /blog/summit/ (renamed from content/blog/a.md)"]


def test_without_a_shared_mark_or_with_two_candidates_nothing_is_followed(make_site: MakeSite) -> None:
    site = make_site()
    old = write(site, "content/blog/a.md", "Talks", BODY)
    twins = [write(site, f"content/blog/twin-{n}.md", f"Twin {n}", "One shared paragraph.") for n in (1, 2)]
    build(site, now=BUILD_TIME)
    old.unlink()
    write(site, "content/blog/other.md", "Other", "Another story.")  # nothing in common
    for n, twin in enumerate(twins, 1):
        twin.unlink()
        write(site, f"content/blog/renamed-{n}.md", f"Renamed {n}", "One shared paragraph.")  # which was which? not guessed
    assert moves(site) == []
    assert "content/blog/a.md" in history(site)  # kept: a later file may still prove to be it
