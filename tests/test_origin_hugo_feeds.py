"""Hugo's RSS feeds at Hugo's paths: index.xml beside the home page, each section, taxonomy and term.

Hugo's default outputs give the kinds home, section, taxonomy and term an RSS output, named
index.xml (the RSS format's baseName) and never ugly (its noUgly flag): /posts.html keeps its feed at
/posts/index.xml. disableKinds and [outputs] take feeds away."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from origin_sites import adopt, output_folder

from masthead.origins.hugo import list_feeds
from masthead.origins.hugo_lists import feed_path


def feed_files(public: Path) -> set[str]:
    return {path.relative_to(public).as_posix() for path in public.rglob("index.xml")}


def test_ugly_site_keeps_its_feeds_in_folders(tmp_path: Path) -> None:
    site, _ = adopt("hugo-ugly-urls", tmp_path)
    public = output_folder(site)
    assert feed_files(public) == {
        "index.xml",
        "posts/index.xml",
        "guies/index.xml",
        "categories/index.xml",
        "categories/sortides/index.xml",
        "author/index.xml",
        "author/marta-puig/index.xml",
        "author/pere/index.xml",
        "tags/index.xml",
        "tags/carrers/index.xml",
        "tags/tardor/index.xml",
        "tags/c++/index.xml",  # the term "C++", urlized as Hugo does
        "tags/estiu/index.xml",
    }
    channel = etree.parse(str(public / "tags/tardor/index.xml")).getroot()[0]
    assert channel.findtext("link") == "https://fotobarri.example.cat/tags/tardor.html"
    assert [item.findtext("link") for item in channel.iter("item")] == ["https://fotobarri.example.cat/2019/03/passeig-de-tardor.html"]
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link is not None and self_link.get("href") == "https://fotobarri.example.cat/tags/tardor/index.xml"


def test_each_language_has_its_feeds(tmp_path: Path) -> None:
    site, _ = adopt("hugo-multilingual", tmp_path)
    public = output_folder(site)
    lists = {"index.xml", "posts/index.xml", "fr/index.xml", "fr/posts/index.xml"}
    taxonomies = {"tags/index.xml", "categories/index.xml", "fr/tags/index.xml", "fr/categories/index.xml"}  # Hugo's, with no terms too
    assert feed_files(public) == lists | taxonomies
    french = etree.parse(str(public / "fr/index.xml")).getroot()[0]
    assert french.findtext("language") == "fr"
    links = [item.findtext("link") or "" for item in french.iter("item")]
    assert links and all("/fr/" in link for link in links)
    english = etree.parse(str(public / "index.xml")).getroot()[0]
    assert not any("/fr/" in (item.findtext("link") or "") for item in english.iter("item"))


def test_feed_paths() -> None:
    assert feed_path("/") == "index.xml"
    assert feed_path("/posts/") == "posts/index.xml"
    assert feed_path("/tags/x.html") == "tags/x/index.xml"
    assert feed_path("/fr/posts.html") == "fr/posts/index.xml"


def test_config_decides_which_lists_have_feeds() -> None:
    assert list_feeds({}) == ("home", "section", "taxonomy", "term")
    assert list_feeds({"disableKinds": ["RSS"]}) == ()
    assert list_feeds({"disableKinds": ["taxonomy", "term"]}) == ("home", "section")
    # PaperMod's: the home page gets a JSON search index too, the sections lose their RSS
    assert list_feeds({"outputs": {"home": ["HTML", "RSS", "JSON"], "section": ["HTML"]}}) == ("home", "taxonomy", "term")
    # Hugo before 0.73: "taxonomy" was a term's list, "taxonomyTerm" a taxonomy's
    assert list_feeds({"disablekinds": ["taxonomyTerm"]}) == ("home", "section", "term")
