"""A Pelican site in the shape of Pelican's own docs (settings page, "URL settings" example) builds
with `masthead init && masthead build`: month names in URLs, every kind of internal link."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from origin_sites import SITES, adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

from masthead.cli import main

# ARTICLE_URL = 'posts/{date:%Y}/{date:%b}/{date:%d}/{slug}/' (%b in Pelican's default C locale: May, Jun),
# PAGE_URL = '{slug}/'; an article's slug is its Slug:, else its title slugified.
# DEFAULT_PAGINATION = 1: the index's second page is index2.html (PAGINATION_PATTERNS' default).
EXPECTED_URLS = {
    "/",
    "/index2.html",
    "/about/",
    "/posts/2024/May/03/my-super-post/",
    "/posts/2024/Jun/01/the-green-buoy-is-replaced/",
    # Tag, category and author pages at their SAVE_AS defaults, paginated like the index (PAGINATED_TEMPLATES:
    # tag, category and author use DEFAULT_PAGINATION; the page after foo.html is foo2.html). The buoy post
    # names no author: AUTHOR (Ines Okafor) is its author, so hers has two pages.
    "/tag/quay.html",
    "/tag/boats.html",
    "/tag/buoys.html",
    "/category/harbour.html",
    "/category/harbour2.html",
    "/author/ines-okafor.html",
    "/author/ines-okafor2.html",
    "/author/tomas-reyes.html",  # Pelican's slugify drops the accent
    # DIRECT_TEMPLATES' pages at their SAVE_AS defaults: every tag, category, author, article.
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
}


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site, build = adopt("pelican-docs-shape", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    assert (public / "images/crane.png").is_file()  # {static}: where it is
    # {attach}images/buoy.png beside posts/buoy-replaced.md: moved into the article's output folder, as Pelican does
    attached = public / "posts/2024/Jun/01/the-green-buoy-is-replaced/images/buoy.png"
    assert attached.read_bytes() == (site / "content/posts/images/buoy.png").read_bytes()
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    assert feed["home_page_url"] == "https://quay-notes.example/"  # publishconf.py's SITEURL
    assert [item["url"] for item in feed["items"]] == [
        "https://quay-notes.example/posts/2024/Jun/01/the-green-buoy-is-replaced/",
        "https://quay-notes.example/posts/2024/May/03/my-super-post/",
    ]
    assert 'permalink = "/posts/{year}/{month_short}/{day}/{slug}/"' in (site / "masthead.toml").read_text(encoding="utf-8")
    assert "{category}harbour" not in build.output  # resolved: no warning


def test_links_metadata_and_raw_html(tmp_path: Path) -> None:
    site, _ = adopt("pelican-docs-shape", tmp_path)
    public = output_folder(site)
    post = (public / "posts/2024/May/03/my-super-post/index.html").read_text(encoding="utf-8")
    body = post.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]
    assert 'about the <a href="/about/">office</a>' in body  # {filename}/pages/about.md
    assert '<a href="/tag/quay.html">the quay</a>, back <a href="/">home</a>' in body  # {tag}quay, {index}
    assert 'everything in <a href="/category/harbour.html">Harbour</a>' in body  # {category}harbour
    assert re.search(r'<img src="/_images/crane-640w-\w+\.png"[^>]*alt="The crane on the quay"', body)  # {static}
    assert '<table class="berths">' in body and "<td>Skiff</td>" in body  # Python-Markdown keeps raw HTML
    data = json_ld(post)
    assert [author["name"] for author in data["author"]] == ["Ines Okafor", "Tomás Reyes"]
    assert data["dateModified"].startswith("2024-05-05T19:30")
    buoy = (public / "posts/2024/Jun/01/the-green-buoy-is-replaced/index.html").read_text(encoding="utf-8")
    assert '<a href="/posts/2024/May/03/my-super-post/">my super post</a>' in buoy  # {filename}../my-super-post.md
    assert re.search(r'<img src="/_images/buoy-500w-\w+\.png"[^>]*alt="The new buoy"', buoy)  # {attach}images/buoy.png


def test_pagination_patterns_move_the_lists(tmp_path: Path) -> None:
    # PAGINATION_PATTERNS as Pelican's docs show for clean URLs: a paginated list's first page is
    # {base_name}/index.html (tag/quay.html becomes tag/quay/), the next ones {base_name}/page/{number}/.
    site = tmp_path / "pelican-docs-shape"
    shutil.copytree(SITES / "pelican-docs-shape", site)
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(
            "\nPAGINATION_PATTERNS = (\n    (1, '{base_name}/', '{base_name}/index.html'),\n"
            "    (2, '{base_name}/page/{number}/', '{base_name}/page/{number}/index.html'),\n)\n"
        )
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    moved = {"/index2.html": "/page/2/", "/category/harbour2.html": "/category/harbour/page/2/", "/author/ines-okafor2.html": "/author/ines-okafor/page/2/"}
    expected = {moved.get(url, url[: -len(".html")] + "/" if url.startswith(("/tag/", "/category/", "/author/")) else url) for url in EXPECTED_URLS}
    assert "/tag/quay/" in expected and "/tags.html" in expected  # the direct templates are not paginated
    assert page_urls(site) == expected - {"/page/2/"}  # page_urls leaves out /page/…, masthead's own list pages
    assert (output_folder(site) / "page/2/index.html").is_file() and not (output_folder(site) / "index2.html").exists()
    assert broken_references(site) == []
