"""google/eleventy-high-performance-blog's shape builds with `masthead init && masthead build`, URLs as
Eleventy makes them, its feeds kept at their paths.

Eleventy's URLs for its `.eleventy.js` (dir.input ".", output "_site"): a page's URL is its input path
without the extension, an index its folder's (about/index.md is /about/, posts/x.md /posts/x/); a
`permalink:` in front matter wins (archive.njk is /posts/, 404.md /404.html, feed/feed.njk writes
/feed/feed.xml, feed/json.njk /feed/feed.json). posts/posts.11tydata.js gives a production build
(NODE_ENV=production) `permalink: false` for a post with `draft: true`: no URL at all for
stockholm-to-narvik.md. tags.njk (/tags/<tag>/), tags-list.njk (/tags/), sitemap.xml.njk and 404.md
are masthead's own pages; favicon.svg.njk writes /favicon.svg."""

from __future__ import annotations

import json
import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

POSTS = ["/posts/budapest-by-night/", "/posts/the-caledonian-sleeper/", "/posts/vienna-to-venice/"]  # newest first
EXPECTED_URLS = {"/", "/about/", "/posts/", *POSTS}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, build = adopt("eleventy-high-performance", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert public.name == "_site" and (public / "img/couchette.png").is_file() and (public / "css/main.css").is_file()
    assert (public / "favicon.svg").is_file() and (public / "404.html").is_file()
    assert not (public / "posts/stockholm-to-narvik").exists()  # draft: true
    assert literal_syntax(site) == [] and broken_references(site) == []
    warnings = [line for line in build.output.splitlines() if "warning" in line]
    assert len(warnings) == 2, warnings
    assert "posts/vienna-to-venice.md:5: warning: featuredImage.alt: no alt text for /img/sleeper-map.png" in warnings[0]
    assert "tags-list.njk:2: warning: permalink: URL /tags/ is masthead's own page" in warnings[1]


def test_the_feeds_stay_where_subscribers_have_them(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-high-performance", tmp_path)
    config = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'FEED_ALL_ATOM = "feed/feed.xml"\nFEED_ALL_JSON = "feed/feed.json"\n' in config  # derived from the templates' permalinks and bodies
    public = output_folder(site)
    atom = (public / "feed/feed.xml").read_text(encoding="utf-8")
    assert '<feed xmlns="http://www.w3.org/2005/Atom"' in atom
    assert '<link href="https://night-trains.example/feed/feed.xml" rel="self"' in atom
    assert re.findall(r"<entry>\s*<id>https://night-trains.example(/posts/[^<]+)</id>", atom) == POSTS
    feed = json.loads((public / "feed/feed.json").read_text(encoding="utf-8"))
    assert feed["feed_url"] == "https://night-trains.example/feed/feed.json"
    assert [item["url"].removeprefix("https://night-trains.example") for item in feed["items"]] == POSTS
    assert feed["description"] == "Notes from sleeper carriages across Europe."  # _data/metadata.json


def test_pages_read_as_eleventy_renders_them(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-high-performance", tmp_path)
    public = output_folder(site)
    archive = (public / "posts/index.html").read_text(encoding="utf-8")  # {% set postslist = collections.posts %}{% include "postslist.njk" %}
    assert re.findall(r'<li><a href="(/posts/[^"]+)">', archive) == POSTS
    sleeper = (public / "posts/the-caledonian-sleeper/index.html").read_text(encoding="utf-8")
    assert '<a href="/posts/vienna-to-venice/">Vienna to Venice</a>' in sleeper  # {{ '/posts/vienna-to-venice/' | url }}, Liquid in Markdown
    assert "By Ilse Marchetti" in sleeper  # metadata.json's author.name
    venice = (public / "posts/vienna-to-venice/index.html").read_text(encoding="utf-8")
    assert 'alt="The couchette at dawn, bunks folded"' in venice and re.search(r'<img class="post__image" src="/_images/sleeper-map-400w-\w+\.png"', venice)
    budapest = (public / "posts/budapest-by-night/index.html").read_text(encoding="utf-8")
    assert 'alt="The roof of Keleti station"' in budapest and '<code class="language-js">' in budapest
    assert '<html lang="en"' in budapest
