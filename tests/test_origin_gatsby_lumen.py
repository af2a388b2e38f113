"""A Gatsby site in gatsby-starter-lumen's shape builds with `masthead init && masthead build`: its
settings read from the config.js gatsby-config.js requires, and its URLs from the modules
gatsby-node.js requires (gatsby/create-pages.js, gatsby/pagination/*.js), never run."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# From the starter's program: gatsby/on-create-node.js makes a post's slug its front matter slug, else
# createFilePath's path (/posts/2024-03-20---Ice-Cream-Kiosk/); create-pages.js makes /categories
# and a page per Markdown file that is not a draft; pagination/create-posts-pages.js the home's later
# pages at `/page/${i}`, i counted from 0 (4 posts a page: 5 posts are / and /page/1); its tags and
# categories modules /tag/<kebab-case>/ and /category/<kebab-case>/. /tags is masthead's own list;
# page_urls leaves the home's later pages out (the third test reads /page/1/).
EXPECTED_URLS = {
    "/",
    "/pages/about/",
    "/pages/contacts/",
    "/posts/fog-over-the-breakwater/",
    "/posts/the-net-menders/",
    "/posts/2024-03-20---Ice-Cream-Kiosk/",
    "/posts/storm-season-begins/",
    "/posts/the-last-lighthouse-keeper/",
    "/categories/",
    "/category/weather/",
    "/category/trades/",
    "/category/people/",
    "/tag/fog/",
    "/tag/pilots/",
    "/tag/fishing/",
    "/tag/people/",
    "/tag/storms/",
    "/tag/lighthouses/",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("gatsby-lumen", tmp_path_factory.mktemp("lumen"))


def test_urls_are_the_programs(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    assert (output_folder(site) / "rss.xml").is_file()  # gatsby-plugin-feed's output


def test_settings_come_from_the_required_config(built: tuple[Path, Result]) -> None:
    site, _ = built
    config = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))
    assert (config["title"], config["base_url"], config["page_size"]) == ("Quayside Notes", "https://quayside-notes.example.com", 4)
    assert config["author"]["name"] == "Ilse Marchetti"
    assert config["page_path"] == "page/{index}/"
    assert (config["origin"]["tag_permalink"], config["origin"]["category_permalink"]) == ("/tag/{slug}/", "/category/{slug}/")


def test_lists_link_where_the_program_puts_pages(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)
    home = (public / "index.html").read_text(encoding="utf-8")
    assert '<link rel="next" href="https://quayside-notes.example.com/page/1/">' in home
    second = (public / "page/1/index.html").read_text(encoding="utf-8")
    assert "Fog Over the Breakwater" in second and "Storm Season Begins" not in second  # the oldest post, on the second page
    categories = (public / "categories/index.html").read_text(encoding="utf-8")
    assert '<a href="/category/weather/">Weather' in categories
    post = (public / "posts/fog-over-the-breakwater/index.html").read_text(encoding="utf-8")
    assert 'href="/tag/fog/"' in post
    assert '<meta property="og:image" content="https://quayside-notes.example.com/_images/fog-social-' in post  # socialImage
    assert not (public / "posts/an-idea-for-later").exists()  # draft: true
