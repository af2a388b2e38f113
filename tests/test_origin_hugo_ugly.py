"""A PaperMod site moved from Blogger: uglyURLs, a permalink without a trailing slash, an author
taxonomy, its baseURL in config/production/, and shortcodes inside HTML attributes."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls, redirect_target

# Hugo's rules with uglyURLs = true (resources/page/page_paths.go): a regular page is written as a file,
# /2019/03/passeig-de-tardor.html (the permalink's last part, whatever its slashes); a list page of a
# section, a taxonomy or a term is one too (/posts.html, /categories/sortides.html); the home page and
# a front matter `url` ending in "/" stay folders. Taxonomies are the config's: author is one, series is not.
# A list's later pages are files under its name (page_paths_test.go: /page/3.html, /tags/hugo/page/3.html);
# :slug without a slug is the title urlized (PathSpec.MakePathSanitized: the apostrophe and "&" dropped, accents kept).
EXPECTED_URLS = {
    "/",
    "/2019/03/passeig-de-tardor.html",
    "/2024/05/mercat-de-flors.html",
    "/2024/06/làlbum-de-sant-joan-la-revetlla.html",
    "/posts.html",
    "/posts/page/2.html",
    "/guies.html",
    "/guies/enviar-fotos.html",
    "/avis-legal.html",
    "/contacte/",
    "/categories.html",
    "/tags.html",
    "/categories/sortides.html",
    "/author.html",
    "/author/marta-puig.html",
    "/author/pere.html",
    # Hugo 0.168 writes the section and taxonomy lists as folders: there, pages sending readers on to the files
    "/posts/",
    "/guies/",
    "/categories/",
    "/author/",
}


def test_ugly_urls_are_hugos(tmp_path: Path) -> None:
    site, _ = adopt("hugo-ugly-urls", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert (public / "tags/tardor.html").is_file() and (public / "tags/c++.html").is_file()  # "C++" urlized as Hugo's urlize
    assert (public / "tags.html").is_file() and (public / "page/2.html").is_file()
    assert 'href="/page/2.html"' in (public / "index.html").read_text(encoding="utf-8")
    intro = (public / "guies.html").read_text(encoding="utf-8")
    assert "Com enviar fotos al blog." in intro  # the section's _index.md is its list's intro
    assert literal_syntax(site) == [] and broken_references(site) == []
    for folder in ("posts", "guies", "categories", "author"):
        assert redirect_target(site, f"/{folder}/").endswith(f"/{folder}.html")


def test_bundle_files_stay_in_the_pages_folder(tmp_path: Path) -> None:
    site, _ = adopt("hugo-ugly-urls", tmp_path)
    public = output_folder(site)
    assert (public / "2024/05/mercat-de-flors/roses.png").is_file()  # Hugo: beside /2024/05/mercat-de-flors.html, in its folder
    page = (public / "2024/05/mercat-de-flors.html").read_text(encoding="utf-8")
    assert 'alt="Roses vermelles"' in page and 'property="og:image"' in page


def test_production_config_gives_the_base_url(tmp_path: Path) -> None:
    site, _ = adopt("hugo-ugly-urls", tmp_path)
    assert 'base_url = "https://fotobarri.example.cat"' in (site / "masthead.toml").read_text(encoding="utf-8")


def test_shortcodes_inside_attributes(tmp_path: Path) -> None:
    site, build = adopt("hugo-ugly-urls", tmp_path)
    page = (output_folder(site) / "contacte/index.html").read_text(encoding="utf-8")
    assert '<a href="/avis-legal.html">avís legal</a>' in page  # relref \"x.md\": Hugo's escaped quotes
    assert not re.search(r'<img[^>]*src=""', page)  # the theme's shortcode gave the address: no empty picture
    assert '<span class="missing-image">Codi QR del canal</span>' in page
    assert "a picture has no address" in build.output


def test_first_pages_redirect_as_files(tmp_path: Path) -> None:
    site, _ = adopt("hugo-ugly-urls", tmp_path)
    public = output_folder(site)
    assert redirect_target(site, "/page/1.html") == "https://fotobarri.example.cat/"  # Hugo's alias of page 1 (issue 1121: a file)
    assert redirect_target(site, "/posts/page/1.html") == "https://fotobarri.example.cat/posts.html"
    assert not (public / "author/page/2.html").exists()  # a taxonomy's list is one page: themes list its terms
