"""A project's docs published by GitHub Pages (no Gemfile: GitHub builds it with its default plugins)
build with `masthead init && masthead build`: Markdown without front matter is a page
(jekyll-optional-front-matter), titled by its first heading (jekyll-titles-from-headings), the README
is the home page (jekyll-readme-index), links to .md files go to their pages (jekyll-relative-links),
and LICENSE.md and CONTRIBUTING.md are copied as they are, as Jekyll copies files without front matter."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# From GitHub Pages' plugins' docs: each Markdown file is a page at its path with .html (Jekyll's
# default permalink style), README.md is the root's index (there is no index.md), LICENSE and
# CONTRIBUTING are not pages; about.md has its own permalink.
EXPECTED_URLS = {"/", "/about/", "/CHANGES.html", "/docs/guide.html", "/docs/setup/install.html"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-github-pages", tmp_path_factory.mktemp("ghpages"))


def test_urls_are_github_pages(built: tuple[Path, Result]) -> None:
    site, build = built
    assert tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))["origin"]["optional_front_matter"] is True
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    assert "goes to no page" not in build.output
    public = output_folder(site)
    assert (public / "LICENSE.md").read_text(encoding="utf-8").startswith("MIT License")  # copied as it is
    assert (public / "CONTRIBUTING.md").is_file() and not (public / "README.md").exists()


def test_titles_links_and_the_readme_home(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)
    install = (public / "docs/setup/install.html").read_text(encoding="utf-8")
    assert "<title>Installing · Tide Tools</title>" in install  # a setext heading, not the file name
    assert install.count("Installing</h") == 1 and '<h2 id="requirements">Requirements</h2>' in install  # shown once; the rest moves up
    assert '<a href="/docs/guide.html">guide</a>' in install  # ../guide.md
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "Small scripts for reading tide tables" in home  # README.md is the home page's intro
    assert '<a href="/docs/setup/install.html#requirements">install it</a>' in home  # the fragment kept
    assert '<a href="/CHANGES.html">changes</a>' in home and '<a href="LICENSE.md">MIT</a>' in home
    guide = (public / "docs/guide.html").read_text(encoding="utf-8")
    assert '<a href="/">start</a>' in guide  # ../README.md: the page it became


def test_a_gemfile_without_github_pages_keeps_jekylls_own_rule(tmp_path: Path) -> None:
    """Plain Jekyll (a Gemfile with jekyll, not github-pages): a file without front matter is no page."""
    import shutil

    from origin_sites import SITES, adopt_folder

    site = tmp_path / "plain"
    shutil.copytree(SITES / "jekyll-github-pages", site)
    (site / "Gemfile").write_text('source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n', encoding="utf-8")
    adopt_folder(site)
    assert page_urls(site) == {"/", "/about/"}  # "/": masthead's home list, no README intro
    assert (output_folder(site) / "docs/guide.md").is_file()  # copied as it is, as Jekyll copies it
    assert "Small scripts for reading tide tables" not in (output_folder(site) / "index.html").read_text(encoding="utf-8")


def test_which_sites_github_pages_builds(tmp_path: Path) -> None:
    """No Gemfile (GitHub builds it), the github-pages gem, or the plugin named in the config; the
    plugin switched off, or a Gemfile of plain Jekyll, is Jekyll's own rule. Odd values are no crash."""
    from masthead.origins.jekyll import _github_pages

    assert _github_pages(tmp_path, {}) is True
    assert _github_pages(tmp_path, {"optional_front_matter": {"enabled": False}}) is False
    assert _github_pages(tmp_path, {"plugins": 5, "gems": "x"}) is True  # not lists: read as none
    (tmp_path / "Gemfile").write_text('source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n', encoding="utf-8")
    assert _github_pages(tmp_path, {}) is False
    assert _github_pages(tmp_path, {"plugins": ["jekyll-optional-front-matter"]}) is True
    (tmp_path / "Gemfile").write_text("source 'https://rubygems.org'\ngem 'github-pages', group: :jekyll_plugins\n", encoding="utf-8")
    assert _github_pages(tmp_path, {}) is True
