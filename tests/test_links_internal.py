"""links/internal.py: a body's link into the site that no output answers is a warning with its file and line."""

from __future__ import annotations

from conftest import BUILD_TIME, MakeSite, post
from hypothesis import given
from hypothesis import strategies as st

from masthead.build import build
from masthead.errors import Problem
from masthead.links.internal import site_path

BASE = "https://test.example.org"

LINKING = post("Linking").replace(
    "Body of Linking.",
    "Body of Linking.\n\n"
    "See [the other](/blog/other/), [the feed](/feed.xml), [a photo](/img/map.png), [about](/about/)"
    " and [our own address](https://test.example.org/blog/other/).\n\n"
    "Then [a moved post](/2019/05/old-post.html), [a sibling](../gone/) and [a full one](https://test.example.org/nowhere/).\n\n"
    "Elsewhere: [AP](https://apnews.com/x), [mail](mailto:a@b.org), [top](#top), [query](?q=1).",
)
ABOUT = "---\ntemplateKey: about-page\npageTitle: About\nmetaDescription: About us.\n---\nAbout us.\n"


def dead(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return sorted((p.line, p.message.split("'")[1]) for p in problems if p.field == "link" and "goes to no page" in p.message)


def test_links_that_go_nowhere_are_warnings_with_their_line(make_site: MakeSite) -> None:
    site = make_site(
        {"content/blog/linking.md": LINKING, "content/blog/other.md": post("Other"), "content/about.md": ABOUT},
        images=("img/map.png",),
    )
    report = build(site, now=BUILD_TIME)
    found = dead(report.warnings)
    assert found == [(13, "../gone/"), (13, "/2019/05/old-post.html"), (13, "https://test.example.org/nowhere/")]
    assert all(p.warning and p.path == "content/blog/linking.md" for p in report.warnings if p.field == "link")
    checked = build(site, now=BUILD_TIME, mode="check")
    assert dead(checked.warnings) == found  # check looks at every body


def test_an_alias_keeps_an_old_url_alive(make_site: MakeSite) -> None:
    moved = post("Other").replace("teaser: A teaser.\n", "teaser: A teaser.\naliases: [/2019/05/old-post.html]\n")
    site = make_site({"content/blog/linking.md": LINKING, "content/blog/other.md": moved, "content/about.md": ABOUT}, images=("img/map.png",))
    found = dead(build(site, now=BUILD_TIME).warnings)
    assert "/2019/05/old-post.html" not in [url for _, url in found] and len(found) == 2


def test_a_build_looks_only_at_the_bodies_it_parsed(make_site: MakeSite) -> None:
    site = make_site({"content/blog/linking.md": LINKING, "content/blog/other.md": post("Other"), "content/about.md": ABOUT}, images=("img/map.png",))
    assert len(dead(build(site, now=BUILD_TIME).warnings)) == 3
    other = site / "content/blog/other.md"
    other.write_text(post("Other").replace("Body of Other.", "Body of Other, edited."), encoding="utf-8")
    assert dead(build(site, now=BUILD_TIME).warnings) == []  # linking.md came from the cache
    assert len(dead(build(site, now=BUILD_TIME, mode="check").warnings)) == 3
    other.unlink()  # a file the last build wrote goes away: every body is looked at again
    assert [url for _, url in dead(build(site, now=BUILD_TIME).warnings)].count("/blog/other/") == 1


def test_site_path() -> None:
    assert site_path("/x/", "/blog/a/", BASE) == "/x/"
    assert site_path("../b/", "/blog/a/", BASE) == "/blog/b/"
    assert site_path("b.html", "/blog/a.html", BASE) == "/blog/b.html"
    assert site_path("https://test.example.org/x", "/", BASE) == "/x"
    assert site_path("https://test.example.org/p/x", "/", BASE + "/p/") == "/x"
    assert site_path("https://test.example.org/q/x", "/", BASE + "/p/") is None  # another site on the host
    assert site_path("//test.example.org/x", "/", BASE) == "/x"
    assert site_path("/caf%C3%A9/", "/", BASE) == "/café/"
    assert site_path("/a/../../b/./c", "/", BASE) == "/b/c"  # dot segments removed as a browser does
    assert site_path("HTTPS://TEST.example.org/x", "/", BASE) == "/x"
    for elsewhere in ("https://other.example/x", "mailto:a@b.org", "#top", "?q=1", "", "tel:1", "ftp://test.example.org/x", "http://[x/", "//[::1"):
        assert site_path(elsewhere, "/blog/a/", BASE) is None


@given(st.text(max_size=60), st.sampled_from(["/", "/blog/a/", "/a.html"]), st.sampled_from([BASE, BASE + "/p/"]))
def test_site_path_takes_any_text(url: str, page_url: str, base_url: str) -> None:
    path = site_path(url, page_url, base_url)
    assert path is None or path.startswith("/")
