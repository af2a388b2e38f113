"""A Pelican site in Russian, German and Chinese: slugs transliterated as Pelican's slugify does.

Pelican's default ``SLUGIFY_USE_UNICODE = False`` runs every title, tag, category and author through
Unidecode before SLUG_REGEX_SUBSTITUTIONS: "Шторм на побережье" is ``shtorm-na-poberezhe`` (the
apostrophe Unidecode writes for ь removed), "Hafenstraße" ``hafenstrasse``, "潮汐表" ``chao-xi-biao``.
"""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, page_urls

EXPECTED_URLS = {
    "/",
    "/shtorm-na-poberezhe.html",
    "/die-hafenstrasse-im-winter.html",
    "/chao-xi-biao.html",
    "/pages/o-saite.html",  # Slug: as written
    "/tag/shtorm.html",
    "/tag/veter.html",
    "/category/pogoda.html",
    "/category/prilivy.html",
    "/author/vera-lisina.html",
    "/tags.html",
    "/categories.html",
    "/authors.html",
    "/archives.html",
}


def test_slugs_are_transliterated_as_pelican_does(tmp_path: Path) -> None:
    site, _ = adopt("pelican-cyrillic", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
