"""jekyll/jekyll's own docs site's shape (docs/_config.yml: `collections` docs, posts and tutorials with
their permalinks, `defaults` by path and type) with `collections_dir` builds with `masthead init &&
masthead build`, URLs as Jekyll makes them.

From jekyllrb.com/docs/collections/ and /docs/permalinks/: with `collections_dir: collections` every
collection, posts and drafts included, lives in collections/_name/, and the folder is no category;
`collections: {posts: {permalink: /news/:year/:month/:day/:title/}}` is the posts' permalink (it wins
over `permalink:`); `/:collection/:path/` puts collections/_docs/usage/angles.md at /docs/usage/angles/;
a document's own `permalink: /docs/` is kept; pages keep the default style, `date`: about.md is
/about.html, news/index.md /news/; jekyll-redirect-from writes /team/ and /docs/home/."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls, redirect_target

EXPECTED_URLS = {
    "/",
    "/about.html",
    "/news/",
    "/docs/",
    "/docs/installation/",
    "/docs/usage/angles/",
    "/tutorials/first-reading/",
    "/news/2024/05/02/sundial-2-1-released/",
    "/news/2023/11/20/sundial-2-0-released/",
    "/team/",  # redirects
    "/docs/home/",
}


def test_urls_are_jekylls(tmp_path: Path) -> None:
    site, build = adopt("jekyll-docs-collections", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert ": warning: " not in build.output
    assert redirect_target(site, "/team/") == "https://sundial-docs.example/about.html"
    assert redirect_target(site, "/docs/home/") == "https://sundial-docs.example/docs/"
    public = output_folder(site)
    assert (public / "img/dial.png").is_file() and not (public / "readme.md").exists()  # exclude:
    feed = (public / "feed.xml").read_text(encoding="utf-8")
    assert "Sundial 2.1 released" in feed and "Winter readings" not in feed  # collections/_drafts/: a draft
    assert "/collections/" not in feed


def test_liquid_over_data_and_links_between_collections(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-docs-collections", tmp_path)
    public = output_folder(site)
    docs = (public / "docs/index.html").read_text(encoding="utf-8")
    assert '<h2 id="usage">Usage</h2>\n<ul>\n<li>usage/angles</li>' in docs  # nested for over site.data.docs_nav
    angles = (public / "docs/usage/angles/index.html").read_text(encoding="utf-8")
    assert '<a href="/docs/installation/">installation page</a>' in angles  # {% link _docs/installation.md %}
    news = (public / "news/2024/05/02/sundial-2-1-released/index.html").read_text(encoding="utf-8")
    assert "Version 2.1.0 reads dials" in news and '<a href="/tutorials/first-reading/">tutorial</a>' in news  # page.version, link
    assert '<time datetime="2024-05-02T10:00:00+01:00">' in news
    listed = (public / "news/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="(/news/[^"]+)">', listed) == ["/news/2024/05/02/sundial-2-1-released/", "/news/2023/11/20/sundial-2-0-released/"]
    assert 'Version 2.1.0; start with the\n<a href="/docs/">documentation</a>' in (public / "index.html").read_text(encoding="utf-8")
