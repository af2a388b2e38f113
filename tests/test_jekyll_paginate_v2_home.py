"""jekyll-paginate-v2 on the home page: ``pagination: {enabled: true, per_page: 2, permalink: /page/:num/}``
in _config.yml and ``pagination: {enabled: true}`` on the root index.html. The plugin writes /, /page/2/
and /page/3/, two posts a page, oldest first (``sort_reverse`` is false unless set)."""

from __future__ import annotations

from pathlib import Path

from masthead.origins.jekyll_paginate import home_pagination

FIXTURE = Path(__file__).parent / "sites" / "jekyll-paginate-v2-home"
SETTINGS = {"pagination": {"enabled": True, "per_page": 2, "permalink": "/page/:num/"}}


def test_init_reads_the_settings() -> None:
    assert home_pagination(FIXTURE, SETTINGS) == ({"page_size": 2, "page_path": "page/{number}/"}, {"home_oldest_first": True})
    reversed_order = {"pagination": {**SETTINGS["pagination"], "sort_reverse": True}}
    assert home_pagination(FIXTURE, reversed_order) == ({"page_size": 2, "page_path": "page/{number}/"}, {})
    assert home_pagination(FIXTURE, {"pagination": {**SETTINGS["pagination"], "enabled": False}}) == ({}, {})


def test_the_home_is_paginated_oldest_first(tmp_path: Path) -> None:
    """Built: /page/2/ and /page/3/ beside the home, two posts a page, the oldest on the home page."""
    import re

    from origin_sites import adopt, output_folder

    site, _ = adopt("jekyll-paginate-v2-home", tmp_path)
    public = output_folder(site)
    assert (public / "page/2/index.html").is_file() and (public / "page/3/index.html").is_file()
    assert not (public / "page/4").exists()
    home = (public / "index.html").read_text(encoding="utf-8")
    assert list(dict.fromkeys(re.findall(r'href="(/log/[^"]+)"', home))) == ["/log/2024/spring-tide-at-dawn/", "/log/2024/neap-week/"]
