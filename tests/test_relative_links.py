"""render/relative_links.py: a site under a path links relative to each page; at a host's root nothing changes."""

from __future__ import annotations

from urllib.parse import urljoin

from masthead.render.relative_links import base_path, relative_links

PAGE = (
    '<html><head><link rel="stylesheet" href="/assets/masthead.css"></head><body>'
    '<a href="/">Home</a> <a href="/posts/x/#top">x</a> <a href="//cdn.example/x.js">cdn</a> <a href="#main">skip</a>'
    '<img src="/_images/a-480w.png" srcset="/_images/a-480w.png 480w, /_images/a-960w.png 960w">'
    '<form action="/search/"></form> <a href="https://other.example/">out</a></body></html>'
)


def test_base_path() -> None:
    assert base_path("https://user.github.io/project") == "/project"
    assert base_path("https://user.github.io/project/") == "/project"
    assert base_path("https://example.org") == ""


def test_links_resolve_to_the_same_files_under_the_path() -> None:
    out = relative_links(PAGE, "posts/y/index.html", "/project")
    page_url = "https://user.github.io/project/posts/y/"
    for written, site_path in (
        ('href="../../assets/masthead.css"', "/assets/masthead.css"),
        ('href="../../"', "/"),
        ('href="../../posts/x/#top"', "/posts/x/#top"),
        ('action="../../search/"', "/search/"),
    ):
        assert written in out
        assert urljoin(page_url, written.split('"')[1]) == "https://user.github.io/project" + site_path
    assert 'srcset="../../_images/a-480w.png 480w, ../../_images/a-960w.png 960w"' in out
    assert 'href="//cdn.example/x.js"' in out and 'href="#main"' in out and 'href="https://other.example/"' in out


def test_root_page_and_404() -> None:
    assert 'href="./"' in relative_links(PAGE, "index.html", "/project")
    not_found = relative_links(PAGE, "404.html", "/project")
    assert "<base" not in not_found and 'href="/project/assets/masthead.css"' in not_found  # shown at any URL under the path
    assert 'href="#main"' in not_found  # the skip link stays on the page


def test_at_a_hosts_root_nothing_changes() -> None:
    assert relative_links(PAGE, "posts/y/index.html", "") == PAGE
