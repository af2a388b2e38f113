"""Hugo's two multilingual layouts (x.fr.md, and content/<lang>/): languages, linked translations,
hreflang with x-default, per-language home and feeds, <html lang>, the sitemap's xhtml:link."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree
from origin_sites import adopt, output_folder, page_urls, redirect_target

# Hugo with defaultContentLanguageInSubdir = false: the default language at the root, others under /fr/.
EXPECTED_URLS = {
    "/",
    "/en/",  # the default language's folder: a redirect to the root, as Hugo writes it
    "/about/",
    "/posts/",
    "/posts/summer-timetable/",
    "/posts/only-english/",
    "/fr/",
    "/fr/a-propos/",
    "/fr/posts/",
    "/fr/posts/summer-timetable/",
    "/categories/",  # Hugo writes each taxonomy's list in each language, with no terms too
    "/fr/categories/",
    "/fr/tags/",
}


def _alternates(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)


def test_translations_by_file_name(tmp_path: Path) -> None:
    site, _ = adopt("hugo-multilingual", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    english = (public / "posts/summer-timetable/index.html").read_text(encoding="utf-8")
    french = (public / "fr/posts/summer-timetable/index.html").read_text(encoding="utf-8")
    expected = [
        ("en", "https://ferries.example.org/posts/summer-timetable/"),
        ("fr", "https://ferries.example.org/fr/posts/summer-timetable/"),
        ("x-default", "https://ferries.example.org/posts/summer-timetable/"),
    ]
    assert _alternates(english) == expected and _alternates(french) == expected
    assert english.startswith('<!doctype html>\n<html lang="en">') and french.startswith('<!doctype html>\n<html lang="fr">')
    assert 'href="https://ferries.example.org/fr/posts/summer-timetable/" hreflang="fr" lang="fr" rel="alternate">FR</a>' in english
    assert "hreflang" not in (public / "posts/only-english/index.html").read_text(encoding="utf-8").split("</head>")[0]
    about = (public / "fr/a-propos/index.html").read_text(encoding="utf-8")  # linked by translationKey
    assert ("en", "https://ferries.example.org/about/") in _alternates(about)


def test_per_language_home_and_feeds(tmp_path: Path) -> None:
    site, _ = adopt("hugo-multilingual", tmp_path)
    public = output_folder(site)
    home = (public / "index.html").read_text(encoding="utf-8")
    french_home = (public / "fr/index.html").read_text(encoding="utf-8")
    assert "New ticket machines" in home and "horaire" not in home
    assert "L&#39;horaire d&#39;été" in french_home and "New ticket machines" not in french_home
    assert "Traversées, horaires et météo." in french_home and '<html lang="fr">' in french_home
    assert ("fr", "https://ferries.example.org/fr/") in _alternates(home)
    english_feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    french_feed = json.loads((public / "fr/feed.json").read_text(encoding="utf-8"))
    assert [item["title"] for item in english_feed["items"]] == ["New ticket machines", "The summer timetable"]
    assert [item["title"] for item in french_feed["items"]] == ["L'horaire d'été"]
    assert french_feed["language"] == "fr" and french_feed["feed_url"] == "https://ferries.example.org/fr/feed.json"
    rss = etree.parse(str(public / "fr/feed.xml"))
    assert rss.findtext("channel/language") == "fr"


def test_sitemap_links_translations(tmp_path: Path) -> None:
    site, _ = adopt("hugo-multilingual", tmp_path)
    tree = etree.parse(str(output_folder(site) / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    [url] = tree.xpath("//s:url[s:loc='https://ferries.example.org/fr/posts/summer-timetable/']", namespaces=ns)
    links = [(link.get("hreflang"), link.get("href")) for link in url.xpath("x:link", namespaces=ns)]
    assert links == [
        ("en", "https://ferries.example.org/posts/summer-timetable/"),
        ("fr", "https://ferries.example.org/fr/posts/summer-timetable/"),
        ("x-default", "https://ferries.example.org/posts/summer-timetable/"),
    ]


def test_translations_by_folder(tmp_path: Path) -> None:
    site, _ = adopt("hugo-multilingual-dirs", tmp_path)
    assert {"/posts/summer-timetable/", "/posts/winter/", "/fr/posts/summer-timetable/", "/fr/"} <= page_urls(site)
    assert not any(url.startswith(("/en/", "/fr/fr/")) for url in page_urls(site) - {"/en/"})
    assert redirect_target(site, "/en/") == "https://ferries.example.org/"  # Hugo's redirect from the default language's folder
    french = (output_folder(site) / "fr/posts/summer-timetable/index.html").read_text(encoding="utf-8")
    assert ("en", "https://ferries.example.org/posts/summer-timetable/") in _alternates(french)


# Hugo with defaultContentLanguageInSubdir = true: every language under its own folder, the default
# too (Hugo's root page then only redirects to /en/; masthead's home stands there).
SUBDIR_URLS = {
    "/",
    "/en/tags/",
    *(("/en" + url) for url in EXPECTED_URLS - {"/en/"} if not url.startswith("/fr/")),
    *(url for url in EXPECTED_URLS if url.startswith("/fr/")),
}


def test_default_language_in_its_own_folder(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner
    from origin_sites import SITES

    from masthead.cli import main

    site = tmp_path / "subdir"
    shutil.copytree(SITES / "hugo-multilingual", site)
    config = site / "hugo.toml"
    config.write_text("defaultContentLanguageInSubdir = true\n" + config.read_text())
    assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert result.exit_code == 0, result.output
    assert page_urls(site) == SUBDIR_URLS
    public = output_folder(site)
    english = (public / "en/posts/summer-timetable/index.html").read_text(encoding="utf-8")
    assert _alternates(english) == [
        ("en", "https://ferries.example.org/en/posts/summer-timetable/"),
        ("fr", "https://ferries.example.org/fr/posts/summer-timetable/"),
        ("x-default", "https://ferries.example.org/en/posts/summer-timetable/"),
    ]
    assert "New ticket machines" in (public / "en/index.html").read_text(encoding="utf-8")


def test_default_languages_menu_is_the_header(tmp_path: Path) -> None:
    site, _ = adopt("hugo-multilingual", tmp_path)
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    # [[languages.en.menus.main]] by weight: pageRef /posts is the section's list, /about the page
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)[-2:] == [("/posts/", "Crossings"), ("/about/", "About us")]


def test_each_language_has_its_own_menu(tmp_path: Path) -> None:
    """[[languages.fr.menus.main]] is the French pages' header: its pageRef /posts is the French section, /fr/posts/."""
    site, _ = adopt("hugo-multilingual", tmp_path)
    public = output_folder(site)
    for page in ("fr/index.html", "fr/posts/index.html", "fr/posts/summer-timetable/index.html"):
        nav = (public / page).read_text(encoding="utf-8").split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
        assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)[-1:] == [("/fr/posts/", "Traversées")], page
        assert "About us" not in nav and "Crossings" not in nav
    english = (public / "posts/summer-timetable/index.html").read_text(encoding="utf-8").split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert "Crossings" in english and "Traversées" not in english
