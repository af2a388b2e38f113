"""A Jekyll site in jekyll-now's shape (a GitHub project page: `name` for its title, `permalink: /:title/`,
posts named with one-digit months and days as its sample `2014-3-3-Hello-World.md` is) builds with
`masthead init && masthead build`: Jekyll's URLs under the project's path, no Liquid left."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# From Jekyll's docs: `permalink: /:title/` puts a post at its file name's slug, case kept (:title), so
# _posts/2024-3-9-First-Dig.md is at /First-Dig/ (Jekyll's DATE_FILENAME_MATCHER takes one-digit months
# and days, \d{2,4}-\d{1,2}-\d{1,2}); about.md's `permalink: /about/` is kept; 404.md's /404.html is
# masthead's own 404 page; the root index.html (a loop over site.posts) is masthead's home page. The
# site is served under `baseurl: /allotment`, which page_urls leaves out (the output folder is its root).
EXPECTED_URLS = {"/", "/about/", "/First-Dig/", "/Slug-Patrol/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-now", tmp_path_factory.mktemp("jekyll-now"))


def test_urls_are_jekylls(built: tuple[Path, Result]) -> None:
    site, build = built
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    assert "warning" not in build.output  # the sample post's name is a post's name


def test_title_base_url_and_date_from_the_file_name(built: tuple[Path, Result]) -> None:
    site, _ = built
    config = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'title = "Allotment Diary"' in config and 'base_url = "https://ruthgrows.github.io/allotment"' in config
    public = output_folder(site)
    dig = (public / "First-Dig/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-03-09T00:00:00Z">9 March 2024</time>' in dig
    assert 'alt="The bean bed, dug"' in dig  # {{ site.baseurl }}/images/bean-bed.png
    slugs = (public / "Slug-Patrol/index.html").read_text(encoding="utf-8")
    assert '<a href="../First-Dig/">the first dig</a>' in slugs  # {{ site.baseurl }}{% post_url 2024-3-9-First-Dig %}
