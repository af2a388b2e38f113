"""A Pelican site in the shape of Pelican's own docs (settings page, "URL settings" example) builds
with `masthead init && masthead build`: month names in URLs, every kind of internal link."""

from __future__ import annotations

import json
import re
from pathlib import Path

from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

# ARTICLE_URL = 'posts/{date:%Y}/{date:%b}/{date:%d}/{slug}/' (%b in Pelican's default C locale: May, Jun),
# PAGE_URL = '{slug}/'; an article's slug is its Slug:, else its title slugified.
# DEFAULT_PAGINATION = 1: the index's second page is index2.html (PAGINATION_PATTERNS' default).
EXPECTED_URLS = {
    "/",
    "/index2.html",
    "/about/",
    "/posts/2024/May/03/my-super-post/",
    "/posts/2024/Jun/01/the-green-buoy-is-replaced/",
}


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site, build = adopt("pelican-docs-shape", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    assert (public / "images/crane.png").is_file() and (public / "posts/images/buoy.png").is_file()  # {static}, {attach}
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    assert feed["home_page_url"] == "https://quay-notes.example/"  # publishconf.py's SITEURL
    assert [item["url"] for item in feed["items"]] == [
        "https://quay-notes.example/posts/2024/Jun/01/the-green-buoy-is-replaced/",
        "https://quay-notes.example/posts/2024/May/03/my-super-post/",
    ]
    assert 'permalink = "/posts/{year}/{month_short}/{day}/{slug}/"' in (site / "masthead.toml").read_text(encoding="utf-8")
    assert "{category}harbour: masthead makes no category pages for a Pelican site; the link goes to the archive" in build.output


def test_links_metadata_and_raw_html(tmp_path: Path) -> None:
    site, _ = adopt("pelican-docs-shape", tmp_path)
    public = output_folder(site)
    post = (public / "posts/2024/May/03/my-super-post/index.html").read_text(encoding="utf-8")
    body = post.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]
    assert 'about the <a href="/about/">office</a>' in body  # {filename}/pages/about.md
    assert '<a href="/tags/quay/">the quay</a>, back <a href="/">home</a>' in body  # {tag}quay, {index}
    assert re.search(r'<img src="/_images/crane-640w-\w+\.png"[^>]*alt="The crane on the quay"', body)  # {static}
    assert '<table class="berths">' in body and "<td>Skiff</td>" in body  # Python-Markdown keeps raw HTML
    data = json_ld(post)
    assert [author["name"] for author in data["author"]] == ["Ines Okafor", "Tomás Reyes"]
    assert data["dateModified"].startswith("2024-05-05T19:30")
    buoy = (public / "posts/2024/Jun/01/the-green-buoy-is-replaced/index.html").read_text(encoding="utf-8")
    assert '<a href="/posts/2024/May/03/my-super-post/">my super post</a>' in buoy  # {filename}../my-super-post.md
    assert re.search(r'<img src="/_images/buoy-500w-\w+\.png"[^>]*alt="The new buoy"', buoy)  # {attach}images/buoy.png
