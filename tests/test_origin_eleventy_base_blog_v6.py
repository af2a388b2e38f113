"""eleventy-base-blog as it was from v5 to v7 (.eleventy.js returning its dirs, _data/metadata.json, feed
templates whose permalink is `{{ metadata.feed.path }}`, posts/posts.json, tags.njk paginating
`collections` through `| slug`) builds with `masthead init && masthead build`, URLs as Eleventy makes them."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# Eleventy renders a permalink as a template over the data cascade: feed/feed.njk's "{{ metadata.feed.path }}"
# is /feed/feed.xml, feed/json.njk's /feed/feed.json. Posts are posts/<name>/ (posts.json tags them "posts");
# archive.njk's permalink is /posts/; about/index.md is /about/; tags-list.njk (/tags/), tags.njk (/tags/<slug>/),
# sitemap.xml.njk and 404.md are masthead's own pages.
EXPECTED_URLS = {"/", "/about/", "/posts/", "/posts/firstpost/", "/posts/secondpost/", "/posts/thirdpost/"}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, build = adopt("eleventy-base-blog-v6", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert {"tags/crabs/index.html", "tags/storms/index.html"} <= {path.relative_to(public).as_posix() for path in public.rglob("index.html")}
    assert not (public / "feed/index.html").exists()  # the feed template is not a page at its folder
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    assert (public / "img/crab.png").is_file()
    assert "metadata.feed.path" not in build.output  # the permalink was rendered, not reported


def test_feeds_stay_at_their_paths(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog-v6", tmp_path)
    public = output_folder(site)
    atom = feedparser.parse((public / "feed/feed.xml").read_bytes())
    assert not atom.bozo and atom.version == "atom10"
    assert [entry.title for entry in atom.entries] == ["A blenny in the deep pool", "Anemones after the storm", "The first low tide of spring"]
    assert atom.entries[0].link == "https://tidepool.example.org/posts/thirdpost/"
    feed = json.loads((public / "feed/feed.json").read_text(encoding="utf-8"))
    assert feed["version"].startswith("https://jsonfeed.org/version/1") and feed["title"] == "Tidepool Notes"
    assert "feed/feed.xml" in (site / "masthead.toml").read_text(encoding="utf-8")
