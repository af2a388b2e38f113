"""jekyll-paginate-v2's settings as its README-GENERATOR.md gives them: the site's kill switch and
defaults, a page's own settings over them."""

from __future__ import annotations

from pathlib import Path

from masthead.config import Config, load_config
from masthead.origins.jekyll_paginate import Pagination, pagination


def _config(tmp_path: Path, site: str) -> Config:
    (tmp_path / "masthead.toml").write_text('[folders]\ncontent = "."\n[origin]\nkind = "jekyll"\nconfig_file = "_config.yml"\n')
    (tmp_path / "_config.yml").write_text(site)
    return load_config(tmp_path)


def test_the_plugins_defaults_and_a_pages_own_settings(tmp_path: Path) -> None:
    config = _config(tmp_path, "pagination:\n  enabled: true\n  per_page: 4\n")
    assert pagination({"pagination": {"enabled": True}}, config) == Pagination("posts", "", "", 4, "page{number}/")  # permalink /page:num/
    own = {"pagination": {"enabled": True, "per_page": 3, "permalink": "/p/:num.html", "category": "news", "tag": "x"}}
    assert pagination(own, config) == Pagination("posts", "news", "x", 3, "p/{number}.html")
    assert pagination({"pagination": {"enabled": True, "permalink": "/page/"}}, config) == Pagination("posts", "", "", 4, "")  # no :num: not read


def test_nothing_is_paginated_unless_the_site_and_the_page_enable_it(tmp_path: Path) -> None:
    assert pagination({"pagination": {"enabled": True}}, _config(tmp_path, "title: x\n")) is None
    assert pagination({"pagination": {"enabled": True}}, _config(tmp_path, "pagination:\n  enabled: false\n")) is None
    assert pagination({"title": "Blog"}, _config(tmp_path, "pagination:\n  enabled: true\n")) is None
