"""A Hugo site in Congo's (and Blowfish's) config folder shape builds with `masthead init && masthead
build`: the site's title, author, description and language come from `languages.en.toml`, as Hugo
reads them; TOML front matter, a page bundle's image and the theme's own shortcodes (warned about)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

# From Hugo's docs: `[permalinks] posts = "/:year/:month/:slug/"`, :slug being the title urlized when
# the front matter has no slug; the posts section's list at /posts/; about.md at /about/; the
# categories taxonomy at /categories/ and a term at /categories/crossings/ (tags: masthead's own).
EXPECTED_URLS = {
    "/",
    "/about/",
    "/posts/",
    "/2024/05/the-first-crossing-of-the-season/",
    "/2024/05/a-visit-to-the-engine-room/",
    "/categories/",
    "/categories/crossings/",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("hugo-congo-config-folder", tmp_path_factory.mktemp("congo"))


# themes/congo/ holds a .gitkeep only: the theme's git submodule, not cloned, and the warnings say so
EMPTY = "(themes/congo/ is empty: its git submodule is not cloned; git submodule update --init brings it)"


def test_urls_are_hugos(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []


def test_the_default_languages_file_names_the_site(built: tuple[Path, Result]) -> None:
    site, _ = built
    config = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))
    assert (config["title"], config["language"], config["author"]["name"]) == ("Ferry Log", "en-CA", "Tomas Reyes")
    assert config["description"] == "Crossings, schedules and the boats of the strait"  # [params] of languages.en.toml
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-CA">' in home and "<title>Ferry Log</title>" in home


def test_bundle_image_and_theme_shortcodes(built: tuple[Path, Result]) -> None:
    site, build = built
    public = output_folder(site)
    post = (public / "2024/05/the-first-crossing-of-the-season/index.html").read_text(encoding="utf-8")
    assert 'alt="The bow at dawn"' in post and (public / "2024/05/the-first-crossing-of-the-season/feature.jpg").is_file()
    assert "The spring schedule began with a calm morning" in post and "the 06:10 sailing is cash-free" in post  # lead, alert: their text
    assert json_ld(post)["author"]["name"] == "Tomas Reyes"
    for name, line in (("lead", 10), ("alert", 16), ("badge", 20)):
        assert f'content/posts/first-crossing/index.md:{line}: warning: shortcode "{name}": not supported {EMPTY}; its inner content was kept' in build.output
    assert f'content/posts/engine-room.md:9: warning: shortcode "icon": not supported {EMPTY}; it was removed' in build.output


def test_page_images_as_hugo_finds_them(built: tuple[Path, Result]) -> None:
    """Hugo's opengraph template: the front matter's images (the first), else the bundle's *feature*
    (or *cover*, *thumbnail*) file, else the site's params.images."""
    site, build = built
    public = output_folder(site)

    def social(url: str) -> str:
        page = (public / url / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<meta property="og:image" content="https://ferrylog\.example\.net/_images/([\w-]+?)-(?:social|\d+w)-\w+\.\w+">', page)
        return found.group(1) if found else page

    assert social("2024/05/a-visit-to-the-engine-room") == "engine"  # images = ['/img/engine.jpg']
    assert social("2024/05/the-first-crossing-of-the-season") == "feature"  # feature.jpg beside index.md
    assert social("about") == "strait-card"  # [params] images
    assert "no alt text for /2024/05/the-first-crossing-of-the-season/feature.jpg" not in build.output  # found by its name: no line to fix
