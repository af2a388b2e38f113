"""mmistakes/so-simple-theme's shape (a blog with `remote_theme`, front matter `defaults` for posts,
`_data/authors.yml`, posts in a category folder's `_posts/`) builds with `masthead init && masthead build`.

Jekyll's URLs for its `_config.yml` (jekyllrb.com/docs/permalinks/): `permalink: /:categories/:title/`
for every post; the categories are the folders above `_posts` (recipes/_posts/x.md is in recipes) and
the front matter's `categories` (/notes/flour/choosing-flour/), none for a post in the root `_posts`
(/steam-trays/). `published: false` and `_drafts/` are not written (without `--drafts`); `include:
[_pages]` reads _pages/about.md at its permalink."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/about/",
    "/recipes/",
    "/recipes/plain-sourdough/",
    "/recipes/rye-tin-loaf/",
    "/notes/flour/choosing-flour/",
    "/oven-thermometers/",
    "/steam-trays/",
}


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-so-simple", tmp_path_factory.mktemp("site"))


def _body(site: Path, url: str) -> str:
    page = (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")
    return page.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]


def test_urls_are_jekylls(adopted: tuple[Path, Result]) -> None:
    site, build = adopted
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert ": warning: " not in build.output  # {% seo %} and {% feed_meta %}: masthead's head has them
    assert "Not finished" not in (output_folder(site) / "feed.xml").read_text(encoding="utf-8")


def test_authors_come_from_defaults_and_data(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    public = output_folder(site)
    rye = (public / "recipes/rye-tin-loaf/index.html").read_text(encoding="utf-8")
    assert json_ld(rye)["author"]["name"] == "Tomas Brandt"  # author: tomas, _data/authors.yml
    assert "<p>Tested by Tomas Brandt.</p>" in rye  # site.data.authors[page.author].name
    assert 'href="https://gist.github.com/example/5f1d2c3b4a"' in rye  # {% gist %}: a link
    flour = (public / "notes/flour/choosing-flour/index.html").read_text(encoding="utf-8")
    assert json_ld(flour)["author"]["name"] == "Ines Okafor"  # defaults: scope type posts, author: ines


def test_liquid_in_pages_and_posts(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    about = _body(site, "/about/")
    assert "<p>This site is written by Ines Okafor, with recipes tested by Tomas Brandt.</p>" in about  # assign
    assert "Baking here since February 1, 2023." in about  # capture, date: "%B %-d, %Y"
    assert "<p><strong>Every recipe is weighed in grams.</strong></p>" in about  # markdownify
    recipes = _body(site, "/recipes/")  # site.categories.recipes | sort: "title", unless, include_relative
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a> \(([^)]+)\)', recipes) == [
        ("/recipes/plain-sourdough/", "Plain sourdough", "March 2, 2024"),
        ("/recipes/rye-tin-loaf/", "Rye tin loaf", "April 20, 2024"),
    ]
    assert "More recipes are on the way." in recipes and "<td>Boule</td>" in recipes
    sourdough = _body(site, "/recipes/plain-sourdough/")
    assert "<td>Boule</td>" in sourdough  # {% include bake-times.md %}, _includes/ in Markdown
    assert re.search(r'<img src="/_images/sourdough-\d+w-\w+\.png"', sourdough)  # absolute_url to the site's own image
    flour = _body(site, "/notes/flour/choosing-flour/")
    assert "Read the bake-times table" in flour and '<a href="/recipes/plain-sourdough/">sourdough recipe</a>' in flour  # slugify, post_url
    assert "too. For bread: Strong white.</p>" in flour  # where, map, join over site.data.flours


def test_excerpts_and_drafts(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    assert "A loaf to learn on: flour, water, salt and a starter." in home  # the front matter's excerpt
    # excerpt_separator: "<!--excerpt-->": the excerpt is the text before it, two paragraphs here
    assert '<p class="card__teaser">Protein matters more than the brand. Strong flour makes a taller loaf.</p>' in home
    assert "Enriched doughs" not in home and "Not finished" not in home  # _drafts/, published: false
