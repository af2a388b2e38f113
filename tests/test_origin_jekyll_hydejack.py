"""hydecorp/hydejack-starter-kit's shape (the Hydejack theme with GitHub Pages' plugins) builds with
`masthead init && masthead build`, URLs as Jekyll makes them.

Jekyll's URLs for its `_config.yml`: posts at `permalink: /:categories/:year-:month-:day-:title/`
(_posts/2024-01-11-celadon-crawl.md in category glazes is /glazes/2024-01-11-celadon-crawl/); the
`featured_categories` collection at `/:name/` (/glazes/, /studio/), `featured_tags` at `/tag-:name/`
(/tag-raku/); jekyll-paginate pages index.html (`layout: blog`) `paginate: 2` posts a page, the later
ones at `paginate_path: /:num/` (4 posts: /2/); about.md is /about/, and jekyll-redirect-from writes its
`redirect_from: /me/`."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls, redirect_target

GLAZES = ["/glazes/2024-02-12-first-raku-firing/", "/glazes/2024-01-11-celadon-crawl/"]  # newest first
STUDIO = ["/studio/2024-04-02-wheel-bearing/", "/studio/2024-03-13-new-kiln-shelves/"]
EXPECTED_URLS = {"/", "/2/", "/about/", "/me/", "/glazes/", "/studio/", "/tag-raku/", *GLAZES, *STUDIO}


def _main(site: Path, url: str) -> str:
    page = (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def test_urls_are_jekylls(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-hydejack", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert redirect_target(site, "/me/") == "https://kiln-notes.example/about/"
    assert (output_folder(site) / "assets/img/kiln.png").is_file()
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_the_sidebar_menu_is_the_configs(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-hydejack", tmp_path)
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', nav) == [
        ("/tags/", "Topics"),  # masthead's own, then _config.yml's menu: in its order
        ("/archive/", "Archive"),
        ("/glazes/", "Glazes"),
        ("/tag-raku/", "Raku"),
        ("/about/", "About"),
    ]


def test_featured_categories_and_tags_list_their_own_posts(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-hydejack", tmp_path)  # Hydejack's list layout: site.categories[page.slug], site.tags[page.slug]
    assert re.findall(r'<li><a href="([^"]+)">', _main(site, "/glazes/")) == GLAZES
    assert re.findall(r'<li><a href="([^"]+)">', _main(site, "/studio/")) == STUDIO
    assert re.findall(r'<li><a href="([^"]+)">', _main(site, "/tag-raku/")) == ["/glazes/2024-02-12-first-raku-firing/"]
    raku = _main(site, "/glazes/2024-02-12-first-raku-firing/")
    assert re.search(r'<img class="post__image" src="/_images/raku-500w-\w+\.png"', raku)  # image: {path: …}
    assert 'alt="A raku pot with crackle glaze"' in raku
