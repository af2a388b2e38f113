"""A Pelican site with translations (Lang:, Translation: true, the same Slug:) and i18n_subsites builds
with `masthead init && masthead build`: URLs as Pelican writes them, translations linked."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# From Pelican's docs (Settings, "Translations") and the i18n_subsites plugin's: an article in
# DEFAULT_LANG is at ARTICLE_SAVE_AS, one in another language at ARTICLE_LANG_SAVE_AS ({slug}-{lang}.html;
# pages at PAGE_LANG_URL, pages/{slug}-{lang}.html), translations being the articles with the same
# slug (ARTICLE_TRANSLATION_ID). A language in I18N_SUBSITES is a sub-site at /<lang>/ whose articles
# are at its ARTICLE_URL, with its own index.
EXPECTED_URLS = {
    "/",
    "/posts/2024/spring-tides/",
    "/posts/2024/storm-surge-warning-lifted/",
    "/spring-tides-fr.html",
    "/de/",
    "/de/posts/2024/spring-tides/",
    "/pages/contact.html",
    "/pages/contact-fr.html",
    # Tag, category and author pages (TAG_SAVE_AS… defaults) list the articles of their site, not the
    # translations at ARTICLE_LANG_URL; the sub-site /de/ has its own for its own articles.
    "/tag/tides.html",
    "/category/tides.html",
    "/category/weather.html",
    "/author/ines-okafor.html",
    "/de/category/tides.html",
    "/de/author/ines-okafor.html",
    # DIRECT_TEMPLATES' pages at their SAVE_AS defaults: every tag, category, author, article.
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
    "/de/tags.html",
    "/de/categories.html",
    "/de/authors.html",
    "/de/archives.html",
}


def _alternates(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)


def test_urls_are_pelicans(tmp_path: Path) -> None:
    site, build = adopt("pelican-i18n", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    assert 'languages = ["en", "de", "fr"]' in (site / "masthead.toml").read_text()
    # include_code reads CODE_DIR (default content/code/), which this site does not have
    assert "content/spring-tides.md:14: warning: Liquid tag \"include_code\": 'code/tides.py' is not a file of the site; it was removed" in build.output


def test_translations_are_linked(tmp_path: Path) -> None:
    site, _ = adopt("pelican-i18n", tmp_path)
    public = output_folder(site)
    base = "https://tide-tables.example"
    expected = [
        ("en", f"{base}/posts/2024/spring-tides/"),
        ("de", f"{base}/de/posts/2024/spring-tides/"),
        ("fr", f"{base}/spring-tides-fr.html"),
        ("x-default", f"{base}/posts/2024/spring-tides/"),
    ]
    for url in ("posts/2024/spring-tides/index.html", "spring-tides-fr.html", "de/posts/2024/spring-tides/index.html"):
        assert _alternates((public / url).read_text(encoding="utf-8")) == expected, url
    contact = (public / "pages/contact-fr.html").read_text(encoding="utf-8")
    assert ("en", f"{base}/pages/contact.html") in _alternates(contact) and '<html lang="fr"' in contact
    assert "Springtiden" in (public / "de/index.html").read_text(encoding="utf-8")  # the sub-site's own index
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "Springtiden" not in home and "grandes marées" not in home  # translations are not in the main index
    tides = (public / "category/tides.html").read_text(encoding="utf-8")
    assert 'href="/posts/2024/spring-tides/"' in tides and "spring-tides-fr.html" not in tides and "/de/posts/" not in tides
    assert 'href="/de/posts/2024/spring-tides/"' in (public / "de/category/tides.html").read_text(encoding="utf-8")


def test_liquid_tags_and_intrasite_links(tmp_path: Path) -> None:
    site, _ = adopt("pelican-i18n", tmp_path)
    public = output_folder(site)
    page = (public / "posts/2024/spring-tides/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="/_images/chart-700w-\w+\.png"[^>]*alt="Chart of the spring tides"', page)  # {% img %}
    assert '<a class="embed embed--youtube" href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" rel="noopener">' in page
    assert '<a href="/spring-tides-fr.html">en français</a>' in page and '<a href="/pages/contact.html">contact page</a>' in page
    french = (public / "spring-tides-fr.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="/_images/chart-700w-\w+\.png"[^>]*alt="Carte des marées"', french)  # {static}
    for src in re.findall(r'(?:src|srcset)="(/_images/[^" ]+)', page + french):
        assert (public / src.lstrip("/")).is_file()
