"""eleventy-base-blog's shape builds with `masthead init && masthead build`, URLs as Eleventy makes them."""

from __future__ import annotations

import json
from pathlib import Path

from origin_sites import adopt, literal_syntax, output_folder, page_urls

# Eleventy's default permalink is the input path without its extension (an index.md its folder's),
# with the input folder from dir.input; passthrough {"./public/": "/"} is published at the root.
EXPECTED_URLS = {"/", "/about/", "/blog/firstpost/", "/blog/secondpost/"}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, build = adopt("eleventy-base-blog", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert public.name == "_site" and (public / "img/lamp.png").is_file()
    assert literal_syntax(site) == []
    assert "warning" not in build.output
    assert "JavaScript data files are programs and are never run: metadata.js" in (site / "masthead.toml").read_text()


def test_posts_and_metadata(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog", tmp_path)
    public = output_folder(site)
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    assert feed["title"] == "Lighthouse Log" and feed["home_page_url"] == "https://lighthouse-log.example/"
    assert [item["title"] for item in feed["items"]] == ["Fog signal tests", "The lamp is lit again"]
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert "<title>About the keepers · Lighthouse Log</title>" in about  # the title from the first heading
