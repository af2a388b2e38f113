"""A site under a path (a GitHub project site) in a real browser: served at /tide-notes/, its styles
load, its links stay under the path, and search finds posts and links them under the path."""

from __future__ import annotations

import shutil
from pathlib import Path

from origin_sites import adopt, output_folder
from playwright.sync_api import Browser, expect
from serving import serve


def test_search_and_links_work_under_the_path(tmp_path: Path, browser: Browser) -> None:
    site, _ = adopt("hugo-papermod-subpath", tmp_path)
    host = tmp_path / "host"
    shutil.copytree(output_folder(site), host / "tide-notes")  # what GitHub Pages serves at /tide-notes/
    with serve(host) as url:
        context = browser.new_context()
        page = context.new_page()
        failed: list[str] = []
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        page.goto(f"{url}/tide-notes/posts/first-light/")
        assert page.locator('link[rel="stylesheet"]').evaluate("link => link.sheet !== null")  # masthead.css loaded
        page.locator(".post__kicker a").click()  # the tag, relative to the page
        expect(page).to_have_url(f"{url}/tide-notes/tags/lamp/")
        page.goto(f"{url}/tide-notes/search/?q=lamp")
        expect(page.locator("#search-status")).to_have_attribute("data-state", "results")
        links = [link.get_attribute("href") or "" for link in page.locator(".search-result__title a").all()]
        assert "/tide-notes/posts/first-light/" in links and all(link.startswith("/tide-notes/") for link in links)
        # a host shows the 404 page at any missing URL: its links carry the path, its skip link stays on it
        missing = f"{url}/tide-notes/no/such/page/"
        not_found = (host / "tide-notes/404.html").read_text(encoding="utf-8")
        page.route(missing, lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"))
        page.goto(missing)
        assert page.locator("a.skip-link").evaluate("link => getComputedStyle(link).position") == "absolute"  # styled
        shutil.copy(host / "tide-notes/404.html", host / "404.html")  # and where nothing carries the path
        page.goto(f"{url}/404.html")
        assert page.locator("a.skip-link").evaluate("link => getComputedStyle(link).position") == "absolute"
        page.goto(missing)
        assert page.locator("a.brand").evaluate("link => link.href") == f"{url}/tide-notes/"
        assert page.locator("a.skip-link").evaluate("link => link.href") == f"{missing}#main"
        assert failed == [missing, missing]  # nothing else the pages asked for was missing
        context.close()
