"""A Jekyll site in minimal-mistakes' portfolio shape builds with `masthead init && masthead build`:
pages whose Liquid loops over site.portfolio, site.services (output: false), site.categories.x and
site.tags.x show those documents with their fields, and the theme's collection and category layouts
list the documents they name, not the blog's posts."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from origin_sites import SITES, adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.build import load
from masthead.cli import main
from masthead.options import BuildOptions
from masthead.origins.jekyll_lists import site_lists

# From Jekyll's docs: `permalink: /:categories/:title/` puts posts under their category; a collection
# with output: true is written at its permalink (/:collection/:path/, the file's path with its date
# prefix kept); `output: false` (services) is never written; a page's permalink is kept; jekyll-paginate
# (paginate: 2, paginate_path /page:num/) writes the home page's second page at /page2/.
PAGES = {
    "/",
    "/page2/",
    "/about/",
    "/news/",
    "/portfolio/",
    "/services/",
    "/recent-work/",
    "/gallery/",
    "/categories/studio/",
    "/studio/new-kiln/",
    "/studio/glaze-notes/",
    "/events/spring-open-studio/",
    "/portfolio/harbour-bowls/",
    "/portfolio/2022-09-01-lantern-series/",
    "/portfolio/tide-plates/",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-portfolio", tmp_path_factory.mktemp("portfolio"))


def _body(site: Path, url: str) -> str:
    page = (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")
    return page.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]


def test_urls_are_jekylls(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert page_urls(site) == PAGES
    assert broken_references(site) == []
    assert literal_syntax(site) == []


def test_loops_over_collections_categories_and_tags_show_those_documents(built: tuple[Path, Result]) -> None:
    site, _ = built
    recent = _body(site, "/recent-work/")
    # site.portfolio is by date, oldest first, the undated last (Document#<=>): limit 2, then reversed
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a></h2>', recent) == [
        ("/portfolio/harbour-bowls/", "Harbour bowls"),
        ("/portfolio/2022-09-01-lantern-series/", "Lantern series"),
    ]
    assert "<p>Thrown stoneware bowls in a sea-green glaze.</p>" in recent  # the document's front matter excerpt
    # site.categories.studio: that category's posts, newest first, with their dates through the date filter
    assert re.findall(r"<li><a href=\"([^\"]+)\">[^<]+</a>, (\w+ \d{4})</li>", recent) == [
        ("/studio/glaze-notes/", "May 2024"),
        ("/studio/new-kiln/", "January 2024"),
    ]
    assert "<p>2 posts are tagged news; 3 pieces are in the portfolio.</p>" in recent  # size of a tag's list and of a collection
    news = _body(site, "/news/")
    assert re.findall(r'<h2 id="[^"]+"><a href="([^"]+)">', news) == ["/events/spring-open-studio/", "/studio/new-kiln/"]
    assert "<p>The gas kiln behind the studio fired its first load on Tuesday.</p>" in news  # post.excerpt: its first paragraph
    assert "two less than the old one" not in news
    # a collection without output: its documents' front matter and content, sorted by a property
    services = _body(site, "/services/")
    assert re.findall(r"<h2 id=\"[^\"]+\">([^<]+)</h2>", services) == ["Wheel classes", "Commissions"]
    assert "<p>Six evenings at the wheel, clay and firing included.</p>" in services and "<em>Price: on request</em>" in services
    assert "<p>Tableware for cafés and restaurants, made to order; the price is on request.</p>" in services  # its own Liquid rendered
    assert not (output_folder(site) / "services/commissions").exists()


def test_a_gallery_over_site_static_files(built: tuple[Path, Result]) -> None:
    site, _ = built
    gallery = _body(site, "/gallery/")  # {% for image in site.static_files %} with `image.path contains` a folder
    assert re.findall(r'<img src="/_images/([a-z0-9-]+)-48w-\w+\.png"[^>]*alt="([^"]+)"', gallery) == [("firing-1", "firing 1"), ("firing-2", "firing 2")]
    assert "bowls-th" not in gallery  # a file outside that folder


def test_theme_layouts_list_what_they_name(built: tuple[Path, Result]) -> None:
    site, build = built
    portfolio = _body(site, "/portfolio/")  # layout: collection, collection: portfolio: the page's text, then the collection
    assert portfolio.index("Sample work from the studio.") < portfolio.index('class="post-listing"')
    assert re.findall(r'<li><a href="([^"]+)">', portfolio) == [
        "/portfolio/harbour-bowls/",
        "/portfolio/2022-09-01-lantern-series/",
        "/portfolio/tide-plates/",
    ]
    studio = _body(site, "/categories/studio/")  # layout: category, taxonomy: studio: only that category's posts
    assert re.findall(r'<li><a href="([^"]+)">', studio) == ["/studio/glaze-notes/", "/studio/new-kiln/"]
    assert "listing the portfolio collection as its layout does" in build.output
    assert "listing the posts of the category 'studio' as its layout does" in build.output


def test_a_loop_over_nothing_and_a_page_at_a_topic_url_are_warned_about(built: tuple[Path, Result]) -> None:
    site, build = built
    # the site's own page for a tag, at masthead's topic page's URL: left out, masthead's topic page stands in
    message = "tags/glaze.html:4: warning: permalink: URL /tags/glaze/ is masthead's own page (the topic page); this page is left out"
    assert message in build.output
    assert "Posts tagged glaze" not in (output_folder(site) / "tags/glaze/index.html").read_text(encoding="utf-8")
    assert (
        '_pages/recent-work.html:16: warning: Liquid tag "for": site.projects is no collection, list or setting of this site; the loop shows nothing'
        in build.output
    )
    assert build.output.count("site.projects") == 1  # once, not again when the page is rendered with the site's lists


def test_site_lists_as_liquid_reads_them(built: tuple[Path, Result]) -> None:
    site_folder, _ = built
    site, _, _ = load(site_folder, BuildOptions(), datetime(2025, 6, 1, 12, tzinfo=UTC))
    lists = site_lists(site)
    assert [post["url"] for post in lists["posts"]] == ["/studio/glaze-notes/", "/events/spring-open-studio/", "/studio/new-kiln/"]
    assert sorted(lists["categories"]) == ["events", "studio"] and sorted(lists["tags"]) == ["glaze", "kiln", "news"]
    # jekyll-paginate's first page: `paginate: 2` posts, the next at paginate_path
    paginator = lists["paginator"]
    assert [post["title"] for post in paginator["posts"]] == ["Notes on a celadon glaze", "Open studio in March"]
    assert (paginator["total_pages"], paginator["next_page"], paginator["next_page_path"]) == (2, 2, "/page2/")
    bowls = next(item for item in lists["portfolio"] if item["title"] == "Harbour bowls")
    assert bowls["header"] == {"teaser": "/assets/images/bowls-th.png"} and bowls["share"] is True  # its front matter, with defaults'
    assert bowls["collection"] == "portfolio" and bowls["content"] == "<p>A set of six bowls for the harbour café.</p>\n"
    assert [item["url"] for item in lists["services"]] == [None, None]  # output: false: no pages


_BLOG = """---
layout: default
title: Blog
---
{% for post in paginator.posts %}
<h2><a href="{{ post.url | relative_url }}">{{ post.title }}</a></h2>
{% endfor %}
{% if paginator.next_page %}<a href="{{ paginator.next_page_path | relative_url }}">Older posts</a>{% endif %}
"""


@pytest.mark.parametrize("paginated", [True, False])
def test_paginator_is_set_on_the_page_jekyll_paginate_paginates(tmp_path: Path, paginated: bool) -> None:
    # jekyll-paginate sets paginator on the index.html in paginate_path's folder only (/blog/page:num/:
    # blog/index.html, its first `paginate` posts, page 2 at /blog/page2/); anywhere else it is nil
    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll-portfolio", site)
    if paginated:
        config = site / "_config.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("paginate_path: /page:num/", "paginate_path: /blog/page:num/"), encoding="utf-8")
    (site / "blog").mkdir()
    (site / "blog/index.html").write_text(_BLOG, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    blog = _body(site, "/blog/")
    shown = re.findall(r'<a href="([^"]+)">([^<]+)</a>', blog)
    if paginated:
        assert shown == [
            ("/studio/glaze-notes/", "Notes on a celadon glaze"),
            ("/events/spring-open-studio/", "Open studio in March"),
            ("/blog/page2/", "Older posts"),
        ]
        assert "The new kiln is lit" in (output_folder(site) / "blog/page2/index.html").read_text(encoding="utf-8")  # masthead's second page
    else:
        assert shown == []
