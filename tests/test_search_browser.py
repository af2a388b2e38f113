"""The search page in a real browser: finding the seed post, the empty state, keyboard-only use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def result_links(page: Page) -> list[str]:
    return [link.get_attribute("href") or "" for link in page.locator(".search-result__title a").all()]


def test_pyongyang_finds_the_seed_post_first(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/?q=Pyongyang")
    expect(page.locator("#search-status")).to_have_attribute("data-state", "results")
    links = result_links(page)
    assert links[0] == "/blog/russia-north-korea-ties/"
    assert len(links) == 5  # every example briefing that mentions Pyongyang
    first = page.locator(".search-result").first
    assert first.locator("a").inner_text() == "Russian foreign minister praises ties with North Korea"
    assert first.locator(".meta").inner_text() == "23 December 2024"
    assert "week-long diplomatic mission to Pyongyang" in first.locator(".search-result__teaser").inner_text()
    assert first.locator(".search-result__excerpt mark").count() >= 1


def test_best_match_and_filters_narrow_the_results(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/?q=Pyongyang&sort=relevance")
    expect(page.locator("#search-status")).to_have_attribute("data-state", "results")
    assert result_links(page)[0] == "/blog/russia-north-korea-defense-pact/"  # "Pyongyang" in its title
    page.get_by_label("2023 (9)").check()
    expect(page.locator(".search-result")).to_have_count(1)
    assert result_links(page) == ["/blog/camp-david-trilateral-summit/"]
    assert "year=2023" in page.url
    page.goto(f"{site_url}/search/?q=Lavrov&outlet=Washington+Times")
    expect(page.locator("#search-status")).to_have_attribute("data-state", "results")
    assert "/blog/russia-north-korea-ties/" in result_links(page)


def test_navigation_and_footer_are_not_indexed(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/?q=RSS")  # in every page's navigation and footer, in no post
    expect(page.locator("#search-status")).to_have_attribute("data-state", "empty")


def test_nonsense_word_shows_the_empty_state(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/?q=zqxjvwplk")
    status = page.locator("#search-status")
    expect(status).to_have_attribute("data-state", "empty")
    assert "No briefings found for “zqxjvwplk”" in status.inner_text()
    assert page.locator(".search-result").count() == 0


def test_keyboard_only_search_from_the_header(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    for _ in range(40):  # Tab through skip link, brand and navigation to the search box
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("Lavrov")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Lavrov")
    expect(page.locator("#search-status")).to_have_attribute("data-state", "results")
    assert page.input_value("#search-q") == "Lavrov"
    page.focus("#search-q")
    for _ in range(60):  # on to the first result, past the order select and filter boxes
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.search-result') !== null"):
            break
    first = result_links(page)[0]
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}{first}")
    assert "Lavrov" in page.locator(".post__body").inner_text()


def test_header_form_works_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/blog/russia-north-korea-ties/")
    page.fill("#site-search-q", "Seoul")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Seoul")
    # Chromium keeps parsing <noscript> as text when scripts are disabled by emulation, so read it.
    assert "Searching needs JavaScript" in page.locator("noscript").inner_html()
    assert page.inner_text("#search-status") == ""  # no script ran
    context.close()
