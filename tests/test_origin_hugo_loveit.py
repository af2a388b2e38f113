"""A Chinese blog on the LoveIt theme: file names in Han characters, with an underscore or capitals,
a `slug`, a quoted date, YAML comments after values, bundles at the root with tags and categories,
a theme shortcode, and `[outputs] home = ["HTML", "RSS", "JSON"]` for the theme's search index.

Hugo's URLs (its docs: a file's name is the URL's last part, lower-cased, its characters kept; a
taxonomy lists every page with the term, not only the section's): /posts/first_note/, /posts/山路总结/,
/posts/reading-list/, /categories/介绍/ (the about page's), /tags/friend/ (the links page's)."""

from __future__ import annotations

import json
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/posts/",
    "/posts/first_note/",
    "/posts/山路总结/",
    "/posts/reading-list/",
    "/posts/tea-notes-3k8f2a/",
    "/about/",
    "/links/",
    "/categories/",
    "/categories/山/",
    "/categories/读书/",
    "/categories/生活/",
    "/categories/介绍/",
    "/categories/friend/",
}
TAGS = {"徒步", "总结", "books", "茶", "oolong", "about", "friend"}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, build = adopt("hugo-loveit-cjk", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert {path.parent.name for path in (public / "tags").glob("*/index.html")} == TAGS
    assert 'shortcode "friend"' not in build.output  # a theme's standalone shortcode with a url: a link to it
    links = (public / "links/index.html").read_text(encoding="utf-8")
    assert '<a class="shortcode-friend" href="https://example.org/mei/">Mei</a>' in links
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_a_pages_terms_list_it(tmp_path: Path) -> None:
    site, _ = adopt("hugo-loveit-cjk", tmp_path)
    public = output_folder(site)
    assert 'href="/about/"' in (public / "categories/介绍/index.html").read_text(encoding="utf-8")
    assert 'href="/links/"' in (public / "tags/friend/index.html").read_text(encoding="utf-8")


def test_home_json_output(tmp_path: Path) -> None:
    site, _ = adopt("hugo-loveit-cjk", tmp_path)
    index = json.loads((output_folder(site) / "index.json").read_text(encoding="utf-8"))
    uris = ["/posts/tea-notes-3k8f2a/", "/posts/reading-list/", "/posts/山路总结/", "/posts/first_note/", "/about/", "/links/"]
    assert [item["uri"] for item in index] == uris  # the posts newest first, then the pages
    first = index[2]
    assert first["title"] == "山路总结" and first["permalink"] == "https://notes.example.cn/posts/%E5%B1%B1%E8%B7%AF%E6%80%BB%E7%BB%93/"
    assert first["tags"] == ["徒步", "总结"] and first["categories"] == ["山"] and "山路总结" in first["content"]
