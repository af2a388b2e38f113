"""A Hugo site whose taxonomies have URLs of their own: `[permalinks.term]` and `[permalinks.taxonomy]`
(Hugo 0.112+), and the older `[permalinks] tags = "/topics/:slug/"`, which Hugo applies to the terms too;
with `removePathAccents` (and, changed by a test, `disablePathToLower`).

Hugo's URLs (its permalinks docs, and `DecodePermalinksConfig`: a top-level string pattern is set for the
page and the term kinds): a term's page is at its taxonomy's term pattern, `:slug` the urlized term
("Flood Gauges" is flood-gauges); a taxonomy's list at its taxonomy pattern, else /<plural>/; a post's
`:slug` is its title urlized when it has no slug. Every path goes through MakePathSanitized: lower case
unless disablePathToLower, accents removed (NFD, non-spacing marks dropped) with removePathAccents.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from origin_sites import SITES, adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls

POSTS = {"/2024/gauge-board-reading/", "/2024/the-weir-after-rain/", "/2024/indexing-the-notebook/", "/2024/la-crue-de-la-riviere/"}
EXPECTED_URLS = {
    "/",
    "/about/",
    "/field-guide/",  # content/Field-Guide.md: Hugo lower-cases paths
    "/posts/",
    *POSTS,
    "/topics/",  # [permalinks.taxonomy] tags
    "/topics/flood-gauges/",
    "/topics/weirs/",
    "/topics/winter/",
    "/topics/crue/",
    "/topics/meteo/",  # removePathAccents
    "/categories/",  # no taxonomy pattern: Hugo's default
    "/kind/fieldwork/",  # [permalinks.term] categories = '/kind/:slug/'
    "/kind/desk-work/",
    "/series/",
    "/series/spring-surveys/",
}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, build = adopt("hugo-taxonomy-permalinks", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert "not applied" not in build.output
    assert (output_folder(site) / "images/gauge.png").is_file()
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_posts_link_to_their_terms_where_hugo_has_them(tmp_path: Path) -> None:
    site, _ = adopt("hugo-taxonomy-permalinks", tmp_path)
    public = output_folder(site)
    weir = (public / "2024/the-weir-after-rain/index.html").read_text(encoding="utf-8")
    assert 'href="/topics/flood-gauges/"' in weir and 'href="/topics/weirs/"' in weir and 'href="/tags/flood-gauges/"' not in weir
    topics = (public / "topics/index.html").read_text(encoding="utf-8")
    assert all(f'href="{url}"' in topics for url in POSTS)  # the list of the tags, each post in it
    fieldwork = (public / "kind/fieldwork/index.html").read_text(encoding="utf-8")
    assert 'href="/2024/gauge-board-reading/"' in fieldwork and 'href="/2024/indexing-the-notebook/"' not in fieldwork


def test_the_older_top_level_form(tmp_path: Path) -> None:
    site = tmp_path / "older"
    shutil.copytree(SITES / "hugo-taxonomy-permalinks", site)
    config = site / "hugo.toml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("[permalinks]"), text.index("[params]")
    config.write_text(text[:start] + "[permalinks]\n  posts = '/:year/:slug/'\n  tags = '/topic/:slug/'\n  series = '/:section/:title/'\n\n" + text[end:])
    adopt_folder(site)
    urls = page_urls(site)
    assert {"/topic/flood-gauges/", "/topic/weirs/", "/topic/meteo/", "/series/spring-surveys/"} <= urls
    assert {"/categories/fieldwork/", "/categories/desk-work/", "/series/"} <= urls  # the taxonomies' lists stay
    assert not any(url.startswith("/topics/") for url in urls)


def test_accents_are_removed_from_urls(tmp_path: Path) -> None:
    """removePathAccents = true (Hugo's text.RemoveAccents on every path: "rivière" is riviere, "Météo" meteo)."""
    site, _ = adopt("hugo-taxonomy-permalinks", tmp_path)
    urls = page_urls(site)
    assert {"/2024/la-crue-de-la-riviere/", "/topics/meteo/", "/topics/crue/", "/field-guide/"} <= urls
    assert not any("è" in url or "é" in url for url in urls)
    crue = (output_folder(site) / "2024/la-crue-de-la-riviere/index.html").read_text(encoding="utf-8")
    assert "La crue de la rivière" in crue and 'href="/topics/meteo/"' in crue  # the text keeps its letters


def test_capitals_are_kept_with_disable_path_to_lower(tmp_path: Path) -> None:
    site = tmp_path / "cased"
    shutil.copytree(SITES / "hugo-taxonomy-permalinks", site)
    config = site / "hugo.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("removePathAccents = true", "disablePathToLower = true"), encoding="utf-8")
    adopt_folder(site)
    urls = page_urls(site)
    assert {"/Field-Guide/", "/2024/La-crue-de-la-rivière/", "/topics/Météo/", "/topics/Flood-Gauges/", "/kind/Desk-Work/"} <= urls
    assert broken_references(site) == []
