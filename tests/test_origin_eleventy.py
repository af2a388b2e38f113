"""eleventy-base-blog's shape builds with `masthead init && masthead build`, URLs as Eleventy makes them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# Eleventy's default permalink is the input path without its extension (an index.md its folder's),
# with the input folder from dir.input; passthrough {"./public/": "/"} is published at the root.
# blog.njk is /blog/; blog/fourthpost/fourthpost.md (a file named as its folder) is /blog/fourthpost/. tags.njk
# and tag-pages.njk (/tags/, /tags/<tag>/), sitemap.xml.njk and 404.md are masthead's own pages.
EXPECTED_URLS = {"/", "/about/", "/blog/", "/blog/firstpost/", "/blog/secondpost/", "/blog/fourthpost/"}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, build = adopt("eleventy-base-blog", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert public.name == "_site" and (public / "img/lamp.png").is_file()
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    warnings = [line for line in build.output.splitlines() if "warning" in line]
    assert len(warnings) == 2, warnings  # the two the base blog's own files call for, named:
    assert "postslist.njk: not known here" in warnings[0]  # (postslistCounter or postslist.length) + 1: an expression masthead does not evaluate
    assert "content/tags.njk:2: warning: permalink: URL /tags/ is masthead's own page" in warnings[1]
    assert "JavaScript data files are programs and are never run: metadata.js" in (site / "masthead.toml").read_text()


def test_posts_and_metadata(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog", tmp_path)
    public = output_folder(site)
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    assert feed["title"] == "Lighthouse Log" and feed["home_page_url"] == "https://lighthouse-log.example/"
    assert [item["title"] for item in feed["items"]] == ["A possum on the gallery", "Fog signal tests", "The lamp is lit again"]
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert "<title>About the keepers · Lighthouse Log</title>" in about  # the title from the first heading


def test_collections_and_page_bundles(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog", tmp_path)
    public = output_folder(site)
    blog = (public / "blog/index.html").read_text(encoding="utf-8")  # {% set postslist = collections.posts %}{% include "postslist.njk" %}
    listed = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <time datetime="([^"]+)">', blog)
    assert listed == [
        ("/blog/fourthpost/", "A possum on the gallery", "2024-03-10"),
        ("/blog/secondpost/", "Fog signal tests", "2024-02-14"),
        ("/blog/firstpost/", "The lamp is lit again", "2024-01-03"),
    ]
    assert "eleventyNavigation" not in blog and 'class="structured"' not in blog  # front matter for the theme's menu, not text
    possum = (public / "blog/fourthpost/index.html").read_text(encoding="utf-8")
    assert (public / "blog/fourthpost/possum.png").is_file()
    assert 'alt="A possum near the lamp"' in possum and 'alt="The same possum, again"' in possum  # <img src="./possum.png">, {% image %}
    assert re.search(r'<img src="/_images/possum-\d+w-\w+\.png"', possum)
