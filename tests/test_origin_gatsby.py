"""gatsby-starter-netlify-cms's shape (Gatsby + Decap) builds with `masthead init && masthead build`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from origin_sites import adopt, literal_syntax, output_folder, page_urls

from masthead.cli import main

# gatsby-node.js of the starter gives each Markdown page createFilePath's slug: its path under
# src/pages without the extension (an index.md its folder's); src/pages/blog/index.js lists the posts.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/products/",
    "/blog/",
    "/blog/2024-01-04-a-beginners-guide-to-filter-coffee/",
    "/blog/2024-02-12-saturday-tastings/",
}


def test_urls_are_the_starters(tmp_path: Path) -> None:
    site, build = adopt("gatsby-netlify-cms", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert (output_folder(site) / "tags/brewing/index.html").is_file()  # the starter's /tags/<kebab-case>/ too
    assert literal_syntax(site) == []


def test_unknown_template_key_is_a_warning_and_a_generic_page(tmp_path: Path) -> None:
    site, build = adopt("gatsby-netlify-cms", tmp_path)
    assert (
        "src/pages/products/index.md:2: warning: templateKey: no template 'product-page'; the page is shown with the generic page template 'about-page'"
    ) in build.output
    products = (output_folder(site) / "products/index.html").read_text(encoding="utf-8")
    assert '<h1 class="post__title">Our coffee</h1>' in products
    assert '<section class="structured structured--pricing">' in products and "<p>One bag a month</p>" in products


def test_root_index_is_the_home_intro_with_structured_fields(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-netlify-cms", tmp_path)
    public = output_folder(site)
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "<h1>Coffee from the quay</h1>" in home and "<h2>Small batches, roasted by the water</h2>" in home
    assert '<img src="/img/beans.png"' in home and "Single-origin beans from three cooperatives" in home
    assert not (public / "content").exists()
    assert home.index("Coffee from the quay") < home.index("Saturday tastings at the roastery")  # intro, then the posts
    for image in ("img/roastery.jpg", "img/filter.jpg", "img/beans.png"):
        assert (public / image).is_file()


def test_a_site_without_markdown_builds_and_says_so(tmp_path: Path) -> None:
    """A Gatsby site whose pages are all JavaScript (src/pages/*.js, data from a source plugin) has nothing
    for masthead to adopt: init reads the folder gatsby-source-filesystem names, says no Markdown is in it,
    and the build writes the home page (it failed: folders.content named a folder that is not there)."""
    site = tmp_path / "happy-hours"
    (site / "src/pages/blog").mkdir(parents=True)
    (site / "gatsby-config.js").write_text(
        "module.exports = {\n  siteMetadata: { title: 'Harbour Happy Hours', siteUrl: 'https://hours.example.org/' },\n"
        "  plugins: [\n    { resolve: `gatsby-source-filesystem`, options: { path: `${__dirname}/src/pages`, name: 'pages' } },\n"
        "    `gatsby-transformer-remark`,\n  ],\n}\n",
        encoding="utf-8",
    )
    for name in ("index.js", "about.js", "blog/index.js"):
        (site / "src/pages" / name).write_text("import React from 'react'\nexport default () => <main>Hours</main>\n", encoding="utf-8")
    runner = CliRunner()
    init = runner.invoke(main, ["init", str(site)])
    assert init.exit_code == 0, init.output
    assert "gatsby-config.js: warning: no Markdown file in src/pages/" in init.output
    build = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    assert (output_folder(site) / "index.html").is_file()
