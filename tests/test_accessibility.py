"""axe-core on the home, post and search pages of the example site, in Chromium: no violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [f"{item['id']}: {item['help']} ({[node['target'] for node in item['nodes']]})" for item in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/", "/blog/russia-north-korea-ties/", "/search/?q=Pyongyang", "/search/?q=zqxjvwplk"])
def test_no_axe_violations(browser: Browser, site_url: str, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site_url + path)
    if path.startswith("/search/"):
        expect(page.locator("#search-status")).to_have_attribute("data-state", "results" if "Pyong" in path else "empty")
    page.wait_for_load_state("load")
    assert violations(page) == []
    context.close()


def test_axe_reports_a_known_violation(browser: Browser, site_url: str) -> None:
    """The check can fail: an image without alt text is reported."""
    page = browser.new_page()
    page.goto(site_url + "/")
    page.evaluate("document.querySelector('main').append(Object.assign(new Image(), {src: '/favicon.svg'}))")
    assert any(found.startswith("image-alt") for found in violations(page))
    page.close()
