"""A site on @lekoarts/gatsby-theme-minimal-blog (gatsby-starter-minimal-blog's shape: gatsby-config.ts naming
the theme, content/posts/<folder>/index.mdx and content/pages/<folder>/index.mdx, no gatsby-node of its own)
builds with `masthead init && masthead build`, every URL the theme's gatsby-node gives it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# The theme's gatsby-node (basePath "/", postsPrefix "/", blogPath "/blog", tagsPath "/tags"): a post at
# its front matter slug (new-tide-gauge: /tide-gauge), else its title kebab-cased as lodash does
# ("Winter ferry timetable: fewer sailings" → /winter-ferry-timetable-fewer-sailings); a page at its slug
# (/about); every post listed at /blog; tags at /tags and /tags/<kebab-case name>. trailingSlash: always.
THEME_URLS = {
    "/",
    "/blog/",
    "/tags/",
    "/harbour-wall-repairs-begin/",
    "/tide-gauge/",
    "/winter-ferry-timetable-fewer-sailings/",
    "/about/",
    "/tags/works/",
    "/tags/harbour-wall/",
    "/tags/tides/",
    "/tags/ferries/",
}


def test_urls_are_the_themes(tmp_path: Path) -> None:
    site, build = adopt("gatsby-minimal-blog", tmp_path)
    public = output_folder(site)
    written = {"/" + path.relative_to(public).as_posix().removesuffix("index.html") for path in public.rglob("index.html")}
    assert written >= THEME_URLS, sorted(THEME_URLS - written)
    assert {"/harbour-wall-repairs-begin/", "/tide-gauge/", "/winter-ferry-timetable-fewer-sailings/", "/about/", "/blog/"} <= page_urls(site)
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    config = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))
    assert config["title"] == "Quayside Notes"  # siteMetadata.siteTitle, not the navigation's first title
    assert config["origin"]["index_pages"] == {"archives": "/blog/"}  # /tags/ is masthead's own list of topics
    assert "gatsby-theme-minimal-blog's rules" in (site / "masthead.toml").read_text(encoding="utf-8")
    warnings = [line.split("gatsby-minimal-blog/", 1)[1] for line in build.output.splitlines() if "warning" in line]
    assert [warning.split(": ", 3)[2] for warning in warnings] == ["featuredImage.alt", 'JSX component "Alert"']  # the banner has no alt


def test_posts_pages_and_images(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-minimal-blog", tmp_path)
    public = output_folder(site)
    blog = (public / "blog/index.html").read_text(encoding="utf-8")
    assert blog.index("/harbour-wall-repairs-begin/") < blog.index("/tide-gauge/") < blog.index("/winter-ferry-timetable-fewer-sailings/")
    wall = (public / "harbour-wall-repairs-begin/index.html").read_text(encoding="utf-8")
    assert 'property="og:image"' in wall and "wall" in wall.split('property="og:image"', 1)[1].split(">", 1)[0]  # banner: ./wall.png
    gauge = (public / "tide-gauge/index.html").read_text(encoding="utf-8")
    assert 'alt="The new gauge on its bracket"' in gauge
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert "written by the harbour users" in about and "datePublished" not in about  # undated: a page, not a post
