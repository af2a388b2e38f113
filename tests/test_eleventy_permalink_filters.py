"""Eleventy permalinks built with filters: LiquidJS's ``date`` over the page's date (``{{ page.date | date:
"%Y/%m" }}``, the date of a ``2024-05-18-x.md`` file name) and Eleventy's ``slugify`` (@sindresorhus/slugify:
``&`` is "and", accents dropped, German umlauts spelled out)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from origin_sites import adopt, literal_syntax, page_urls

from masthead.origins.eleventy_slug import eleventy_slugify

# as Eleventy 3 writes them: the date prefix is out of page.fileSlug and is the page's date
EXPECTED = {"/2024/05/bees-in-the-wall/", "/2024/06/the-new-hive/", "/notes/honey-and-wax-ueber-the-creme/"}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-permalink-filters", tmp_path)
    assert page_urls(site) >= EXPECTED
    assert not {"/posts/2024-05-18-bees-in-the-wall/", "/notes/honey-wax-über-the-crème/"} & page_urls(site)
    assert literal_syntax(site) == []


def test_slugify_is_sindresorhus_slugify() -> None:
    # each value as node's @sindresorhus/slugify(text, {decamelize: false}) printed it
    written = {
        "Hello, World & More": "hello-world-and-more",
        "Ünïcode ♥ it's": "uenicode-love-its",
        "Ærø Łódź": "aero-lodz",
        "Straße": "strasse",
        "fooBar": "foobar",
        "a--b__c": "a-b-c",
        "R&D's plan": "r-and-ds-plan",
        "你好 x": "x",
    }
    assert {text: eleventy_slugify(text) for text in written} == written


@given(st.text())
def test_a_slug_is_ascii_words_joined_by_single_hyphens(text: str) -> None:
    slug = eleventy_slugify(text)
    assert re.fullmatch(r"([a-z\d]+(-[a-z\d]+)*)?", slug)
    assert eleventy_slugify(slug) == slug
