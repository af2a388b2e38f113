"""A Jekyll site in minimal-mistakes' GitHub Pages starter shape, a project site under baseurl
/harbour-log, builds with `masthead init && masthead build`: URLs kept, links working under the path."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

BASE = "https://ines-okafor.github.io/harbour-log"
# From Jekyll's docs: `permalink: /:categories/:title/` (a post without categories at /:title/); pages
# with a front matter permalink keep it; `include: [_pages]` reads _pages/. The output folder is the
# site as it is under baseurl (_site/about/, served at /harbour-log/about/).
EXPECTED_URLS = {
    "/",
    "/about/",
    "/year-archive/",
    "/categories/",
    "/harbour/the-new-quay/",
    "/notes/first-week/",
    "/recent/",
}


def test_urls_are_jekylls_and_links_work_under_baseurl(tmp_path: Path) -> None:
    site, build = adopt("jekyll-minimal-mistakes-project", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    public = output_folder(site)
    post = (public / "harbour/the-new-quay/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}/harbour/the-new-quay/">' in post
    # {% post_url %} and {{ site.baseurl }}/about/, relative to the page
    assert '<a href="../../notes/first-week/">first note</a> or the <a href="../../about/">about page</a>' in post
    first = (public / "notes/first-week/index.html").read_text(encoding="utf-8")
    assert '<a href="../../harbour/the-new-quay/">quay</a>' in first  # {{ site.url }}{{ site.baseurl }}: the site's own page, linked as one
    assert '<a href="../../assets/images/quay.png">The quay, full size</a>' in first  # /harbour-log/… written out: the site's file
    # minimal-mistakes' archive pages: /tags/ is masthead's tag list, the layout-only pages list the posts
    assert "_pages/tag-archive.md:3: warning: permalink: URL /tags/ is masthead's own page" in build.output
    year = (public / "year-archive/index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li><a href="([^"]+)">', year.split('<ul class="post-listing">', 1)[1].split("</ul>", 1)[0])
    assert listed == ["../recent/", "../harbour/the-new-quay/", "../notes/first-week/"]
    # layout: categories: each category under its heading, with its posts (recent.md has none: not listed)
    categories = (public / "categories/index.html").read_text(encoding="utf-8").split('<div class="post__body">', 1)[1].split("</article>", 1)[0]
    assert re.findall(r'<h2 id="([^"]+)">|<li><a href="([^"]+)">', categories) == [
        ("harbour", ""),
        ("", "../harbour/the-new-quay/"),
        ("notes", ""),
        ("", "../notes/first-week/"),
    ]
    config = (site / "masthead.toml").read_text(encoding="utf-8")
    assert "page_size = 5" in config and 'page_path = "page{number}/"' in config  # paginate: 5, paginate_path: /page:num/
    assert "_posts/2024-03-30-first-week.md:12: warning: image: '/assets/images/old-crane.png' does not exist" in build.output
    assert "unknown key" not in build.output  # toc, author_profile, share…: the theme's settings
    # exclude: [README.md, docs/, "*.sketch", vendor…] leaves those files out, pages and static files alike
    assert not (public / "docs").exists() and not (public / "README.html").exists() and not (public / "README").exists()
    assert not (public / "assets/design/logo.sketch").exists() and (public / "assets/images/quay.png").is_file()
    assert "_posts/ideas-for-later.md: warning: not a post: Jekyll reads only the files of _posts/ named YYYY-MM-DD-title" in build.output
    assert not list(public.rglob("ideas-for-later*")) and not (public / "assets/css/main.scss").exists()  # Sass is the theme's
    assert not (public / "vendor").exists() and "deploy.command" not in build.output and "include_code" not in build.output


def test_theme_front_matter_raw_html_and_data_authors(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-minimal-mistakes-project", tmp_path)
    public = output_folder(site)
    post = (public / "harbour/the-new-quay/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="\.\./\.\./_images/quay-960w-\w+\.png"', post)  # header.image
    body = post.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]
    # kramdown keeps raw HTML: the figure and its relative_url image, and markdown="1" content read as Markdown
    assert '<figure class="align-center">' in body and "<figcaption>The new buoy marks the channel.</figcaption>" in body
    assert re.search(r'<img src="\.\./\.\./_images/buoy-640w-\w+\.png"[^>]*alt="The new buoy"', body)
    assert '<div class="notice--warning">\n<p><strong>Mind the step:</strong> the ladder on berth 4 is <em>not</em> finished.</p>\n</div>' in body
    assert "{:" not in body and "markdown=" not in body
    # toc: true: the layout's table of contents of the page's headings, before its text
    assert body.startswith('\n<nav class="toc" aria-label="Contents"><ul><li class="toc__level-2"><a href="#berths">Berths</a></li></ul></nav>')
    # `author: ines` names a person in _data/authors.yml
    assert json_ld(post)["author"] == {"@type": "Person", "name": "Ines Okafor", "url": f"{BASE}/about/"}
    first = (public / "notes/first-week/index.html").read_text(encoding="utf-8")
    assert json_ld(first)["author"]["name"] == "Tomás Reyes"
    assert re.search(r'<img src="\.\./\.\./_images/buoy-640w-\w+\.png"[^>]*alt="The buoy, by address"', first)  # {{ site.url }}{{ site.baseurl }}/…
    assert '<span class="missing-image">The old crane</span>' in first and "old-crane" not in first.split("<main", 1)[1]  # a picture that is not there
    recent = (public / "recent/index.html").read_text(encoding="utf-8")  # {% for post in site.posts limit:2 %} inside <ul>
    items = recent.split('<div class="post__body">', 1)[1].split("</div>", 1)[0]
    # the loop's own markup, each post's url and title, newest first (site.posts' order), as Jekyll writes it
    shown = re.findall(r"<li><a href=\"([^\"]+)\">([^<]+)</a></li>", items)
    assert shown == [("../recent/", "Recent notes"), ("../harbour/the-new-quay/", "The new quay opens")]
