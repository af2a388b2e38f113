"""A Hugo site in Ananke's exampleSite shape with its config split in config/_default/ (hugo.toml,
params.toml, menus.toml) builds with `masthead init && masthead build`."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# Hugo's rules: the section with the most pages (post) holds the posts; about/_index.md is a section page.
EXPECTED_URLS = {"/", "/about/", "/post/", "/post/chapter-1/", "/post/chapter-2/", "/categories/", "/categories/technology/"}


def test_split_config_is_read(tmp_path: Path) -> None:
    site, _ = adopt("hugo-ananke-config-folder", tmp_path)
    config = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'description = "A harbour site on Ananke"' in config  # config/_default/params.toml is [params]
    assert page_urls(site) == EXPECTED_URLS
    assert broken_references(site) == [] and literal_syntax(site) == []
    public = output_folder(site)
    chapter = (public / "post/chapter-2/index.html").read_text(encoding="utf-8")
    assert "The home page shows 2 recent posts." in chapter  # {{< param >}} from params.toml
    assert '<a href="/post/chapter-1/">chapter one</a>' in chapter  # relref


def test_cascade_reaches_the_pages_below(tmp_path: Path) -> None:
    site, _ = adopt("hugo-ananke-config-folder", tmp_path)
    public = output_folder(site)
    # content/_index.md: cascade: {featured_image: /images/hero.png}; chapter-2 has no image of its own
    chapter = (public / "post/chapter-2/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="/_images/hero-\d+w-\w+\.png"', chapter)
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "Welcome to my blog" in home  # the home's own text, its cascade applied to it too (as Hugo does)
