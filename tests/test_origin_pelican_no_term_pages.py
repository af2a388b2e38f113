"""A one-author Pelican blog that turns off its author, category and tag pages (`AUTHOR_SAVE_AS = ''`,
`CATEGORY_SAVE_AS = ''`, `TAG_SAVE_AS = ''`, the lists' `AUTHORS_SAVE_AS`/`CATEGORIES_SAVE_AS` too).

Pelican's settings docs: "If you do not want one or more of the default pages to be created …, set the
corresponding *_SAVE_AS setting to '' to prevent the relevant page from being generated." Articles are at
ARTICLE_SAVE_AS ('{slug}.html', the slug from the title), pages at PAGE_SAVE_AS ('pages/{slug}.html');
DIRECT_TEMPLATES ['index', 'tags', 'archives'] writes index.html, tags.html and archives.html.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/the-gates-greased-for-spring.html",
    "/first-boats-through-the-lock.html",
    "/keeping-the-water-level-log.html",
    "/pages/about-the-lock.html",
    "/tags.html",
    "/archives.html",
}


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site, _ = adopt("pelican-no-term-pages", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert not (public / "tags").exists() and not (public / "tag").exists()  # masthead's own tag pages are not made either
    assert not (public / "category").exists() and not (public / "author").exists()
    assert (public / "images/gates.png").is_file() and (public / "feeds/all.atom.xml").is_file()
    assert literal_syntax(site) == [] and broken_references(site) == []
    origin = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))["origin"]
    assert origin["disabled_lists"] == ["term"] and "tag_permalink" not in origin and "category_permalink" not in origin


def test_no_page_links_to_a_tag_category_or_author_page(tmp_path: Path) -> None:
    site, build = adopt("pelican-no-term-pages", tmp_path)
    public = output_folder(site)
    for page in public.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not any(f'href="/{kind}' in text for kind in ("tags/", "tag/", "category/", "author/")), page
    assert "first-boats.md:8: warning: {tag}spring: the site makes no tag pages (TAG_SAVE_AS is empty); the link goes to the archive" in build.output
    boats = (public / "first-boats-through-the-lock.html").read_text(encoding="utf-8")
    assert 'href="/the-gates-greased-for-spring.html"' in boats  # {filename} still links the article
