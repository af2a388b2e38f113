"""Gatsby sites whose Markdown pages are put at their URLs by a program masthead reads but never runs:
gatsby-node.js's createPage with a prefix before createFilePath's slug, and a File System Route page.

Gatsby's URLs (its docs): createFilePath gives a file's path under its gatsby-source-filesystem source,
with a trailing slash (content/posts/2023/winter-timetable.md is /2023/winter-timetable/, a folder's
index.md the folder's); `path: `/blog${node.fields.slug}`` puts it under /blog; the route
src/pages/blog/{mdx.frontmatter__slug}.js makes /blog/<front matter slug>/."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls


def test_create_page_prefix(tmp_path: Path) -> None:
    site, build = adopt("gatsby-node-prefix", tmp_path)
    assert page_urls(site) == {"/", "/blog/morning-crossing/", "/blog/2023/winter-timetable/", "/blog/night-ferry/"}
    assert (output_folder(site) / "blog/night-ferry/harbour-lights.png").is_file()  # beside its page, as the copy plugin does
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert "warning" not in build.output


def test_file_system_route(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-file-routes", tmp_path)
    assert page_urls(site) == {"/", "/blog/first-low-tide/", "/blog/reading-a-tide-table/"}
    page = (output_folder(site) / "blog/reading-a-tide-table/index.html").read_text(encoding="utf-8")
    assert 'property="og:image"' in page and "pools" in page  # the tutorial's hero_image is the featured image
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_front_matter_path_is_the_url(tmp_path: Path) -> None:
    """The classic tutorial's createPage({path: node.frontmatter.slug}) with slug: "/notes/first": that path."""
    site = tmp_path / "classic"
    (site / "src/markdown-pages").mkdir(parents=True)
    (site / "gatsby-config.js").write_text(
        'module.exports = { siteMetadata: { title: "Classic", siteUrl: "https://classic.example" }, plugins: [{ resolve: "gatsby-source-filesystem", '
        'options: { name: "markdown-pages", path: `${__dirname}/src/markdown-pages` } }, "gatsby-transformer-remark"] }\n',
        encoding="utf-8",
    )
    (site / "gatsby-node.js").write_text(
        "exports.createPages = async ({ actions, graphql }) => {\n"
        "  const result = await graphql(`{ allMarkdownRemark { edges { node { frontmatter { slug } } } } }`)\n"
        "  result.data.allMarkdownRemark.edges.forEach(({ node }) => {\n"
        "    actions.createPage({ path: node.frontmatter.slug, component: blogPostTemplate, context: { slug: node.frontmatter.slug } })\n"
        "  })\n}\n",
        encoding="utf-8",
    )
    (site / "src/markdown-pages/post-1.md").write_text('---\nslug: "/notes/first"\ndate: "2024-02-01"\ntitle: "First"\n---\n\nHello.\n', encoding="utf-8")
    adopt_folder(site)
    assert page_urls(site) == {"/", "/notes/first/"}


def test_markdown_sources_under_one_folder_are_read_together(tmp_path: Path) -> None:
    """Two gatsby-source-filesystem sources, content/posts/ and content/pages/: both are read, from content/,
    each file at createFilePath's path under its own source's folder (/first/, /about/), as Gatsby has them."""
    site = tmp_path / "two-sources"
    for folder, name in (("content/posts", "first.md"), ("content/pages", "about.md")):
        (site / folder).mkdir(parents=True)
        (site / folder / name).write_text('---\ntitle: "x"\ndate: "2024-01-01"\n---\n\nText.\n', encoding="utf-8")
    sources = "".join(
        f'{{ resolve: "gatsby-source-filesystem", options: {{ name: "{name}", path: `${{__dirname}}/content/{name}` }} }}, ' for name in ("posts", "pages")
    )
    (site / "gatsby-config.js").write_text(
        f'module.exports = {{ siteMetadata: {{ title: "Two" }}, plugins: [{sources}"gatsby-transformer-remark"] }}\n', encoding="utf-8"
    )
    site, _ = adopt_folder(site)
    assert {"/first/", "/about/"} <= page_urls(site)
    assert not {"/posts/first/", "/pages/about/"} & page_urls(site)
    assert "masthead reads them all from content/" in (site / "masthead.toml").read_text(encoding="utf-8")
