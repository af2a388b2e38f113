"""axe-core on every page type of the example (and of a --drafts build), light and dark, at phone
and desktop widths, in Chromium: no violations of WCAG 2.0/2.1/2.2 A and AA or best practice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from conftest import ROOT
from origin_sites import adopt, output_folder
from page_types import drafts_page_types, page_types
from playwright.sync_api import Browser, Page, expect
from serving import serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}

pytestmark = pytest.mark.browser


def violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations", TAGS)
    return [f"{item['id']}: {item['help']} ({[node['target'] for node in item['nodes']][:5]})" for item in found]


@pytest.fixture(scope="module")
def drafts_url(example_drafts_public: Path) -> Iterator[str]:
    with serve(example_drafts_public) as url:
        yield url


def check(browser: Browser, url: str, paths: dict[str, str]) -> dict[str, list[str]]:
    """Every violation on every page, keyed by "page type, width, scheme"."""
    found: dict[str, list[str]] = {}
    schemes: tuple[Literal["light", "dark"], ...] = ("light", "dark")
    for width_name, (width, height) in WIDTHS.items():
        for scheme in schemes:
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            for name, path in paths.items():
                page = context.new_page()
                page.goto(url + path)
                if name == "search":  # results drawn, filters included
                    expect(page.locator("#search-status")).to_have_attribute("data-state", "results")
                    expect(page.locator(".search-filter").first).to_be_visible()
                page.wait_for_load_state("load")
                problems = violations(page)
                if problems:
                    found[f"{name} {width_name} {scheme}"] = problems
                page.close()
            context.close()
    return found


def test_every_page_type_has_no_axe_violations(browser: Browser, site_url: str, example_public: Path) -> None:
    assert check(browser, site_url, page_types(example_public)) == {}


def test_drafts_build_has_no_axe_violations(browser: Browser, drafts_url: str, example_drafts_public: Path) -> None:
    assert check(browser, drafts_url, drafts_page_types(example_drafts_public)) == {}


def test_search_with_no_results_has_no_axe_violations(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "/search/?q=zqxjvwplk")
    expect(page.locator("#search-status")).to_have_attribute("data-state", "empty")
    assert violations(page) == []
    page.close()


def test_an_adopted_site_has_no_axe_violations_on_any_page(browser: Browser, tmp_path: Path) -> None:
    """A Jekyll site as adopted, every page as an outside checker visits it (the folder served at its
    root, each page loaded, then axe injected): its redirect_from pages leave while loading, so axe
    runs on the post they name rather than failing mid-navigation, and its per-topic feed links carry
    their visible text first in their names."""
    site, _ = adopt("jekyll-minima", tmp_path)
    public = output_folder(site)
    files = {"/" + path.relative_to(public).as_posix().removesuffix("index.html"): path for path in public.rglob("*.html")}
    redirect_pages = sorted(path for path, file in files.items() if 'http-equiv="refresh"' in file.read_text(encoding="utf-8"))
    assert redirect_pages and "/feeds/" in files
    found: dict[str, list[str]] = {}
    moved: list[str] = []
    with serve(public) as url:
        for path in sorted(files):
            page = browser.new_page()
            page.goto(url + path, wait_until="load")
            if page.url != url + path:
                moved.append(path)
            found.update({path: problems} if (problems := violations(page)) else {})
            page.close()
    assert found == {}
    assert moved == redirect_pages  # followed to the post, in this folder


def test_axe_reports_known_violations(browser: Browser, site_url: str) -> None:
    """The check can fail: an image without alt text and a tiny target are reported."""
    page = browser.new_page()
    page.goto(site_url + "/")
    page.evaluate("""() => {
        document.querySelector('main').append(Object.assign(new Image(), {src: '/favicon.svg'}));
        const row = document.createElement('div');  // two 8px buttons side by side: neither has its 24px
        row.style.cssText = 'display:flex;gap:0';
        for (const text of ['a', 'b']) {
            const button = Object.assign(document.createElement('button'), {type: 'button', textContent: text});
            button.style.cssText = 'display:block;padding:0;border:0;margin:0;font-size:8px;line-height:8px;width:8px;height:8px;overflow:hidden';
            row.append(button);
        }
        document.querySelector('main').append(row);
    }""")
    found = violations(page)
    assert any(item.startswith("image-alt") for item in found)
    assert any(item.startswith("target-size") for item in found)
    page.close()


def test_the_admin_page_without_its_cdn_says_why_and_has_no_violations(browser: Browser, site_url: str) -> None:
    """Offline (no unpkg.com), the admin page is a page of its own: a main landmark and heading, the
    reason Decap did not load, and no script error or missing file (its icon is the site icon)."""
    context = browser.new_context()
    context.route("https://unpkg.com/**", lambda route: route.abort("namenotresolved"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" and "ERR_NAME_NOT_RESOLVED" not in message.text else None)
    page.goto(site_url + "/admin/")
    expect(page.locator("#masthead-cms-status")).to_contain_text("could not be loaded from https://unpkg.com/decap-cms@")
    expect(page.get_by_role("heading", level=1)).to_have_text("Content manager")
    assert errors == [] and violations(page) == []
    context.close()
