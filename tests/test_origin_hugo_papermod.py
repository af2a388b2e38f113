"""A Hugo site in PaperMod's exampleSite shape, published as a GitHub project site under a path
(baseURL https://ines-okafor.github.io/tide-notes/), builds with `masthead init && masthead build`."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls, redirect_target

BASE = "https://ines-okafor.github.io/tide-notes"
# From Hugo's docs: the output folder holds the site as it is under baseURL's path (public/posts/x/,
# not public/tide-notes/posts/x/); pages at /<section>/<file or bundle>/, `url` as written, a list per
# section and per taxonomy term, an alias page for each alias.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/contact/",  # content/contact.html: HTML content with front matter
    "/archives/",  # url: "/archives/" with layout "archives"
    "/posts/",
    "/posts/first-light/",
    "/posts/tide-tables/",
    "/categories/",
    "/categories/lighthouse/",
    "/categories/tides/",
    "/tides/march/",  # an alias
}  # posts/keeper-notes.md has build: {render: never}: not written


def test_urls_are_hugos_and_links_work_under_the_path(tmp_path: Path) -> None:
    site, build = adopt("hugo-papermod-subpath", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert (public / "tags/lamp/index.html").is_file() and (public / "posts/tide-tables/chart.png").is_file()
    assert broken_references(site) == []
    assert literal_syntax(site) == []
    post = (public / "posts/first-light/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://ines-okafor.github.io/tide-notes/posts/first-light/">' in post
    assert '<link rel="stylesheet" href="../../assets/masthead.css">' in post  # relative: works under /tide-notes/
    assert '<a href="../../tags/lamp/">Lamp</a>' in post
    assert f'<a href="{BASE}/posts/tide-tables/">tide tables</a>' in post  # {{< ref >}} is absolute, as Hugo's
    not_found = (public / "404.html").read_text(encoding="utf-8")
    assert 'href="/tide-notes/archive/"' in not_found and "<base" not in not_found  # shown at any URL
    # its style inline: it looks the same wherever it is shown (the host's root, a preview, disk)
    css = (public / "assets/masthead.css").read_text(encoding="utf-8")
    assert f"<style>{css}</style>" in not_found and 'rel="stylesheet"' not in not_found
    assert redirect_target(site, "/tides/march/") == f"{BASE}/posts/tide-tables/"
    sitemap = (public / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}/posts/first-light/</loc>" in sitemap
    # the theme's own front matter (showToc, editPost, cover's relative) is the theme's business: no warnings
    assert "unknown key" not in build.output and "cover" not in build.output
    contact = (public / "contact/index.html").read_text(encoding="utf-8")  # weight: "50", draft: "false" read as Hugo casts them
    assert '<p>Write to the <strong>lamp room</strong>, or see the <a href="../archives/">archive</a>.</p>' in contact
    assert "keeper" not in (public / "sitemap.xml").read_text(encoding="utf-8")


def test_cover_images_raw_html_and_theme_pages(tmp_path: Path) -> None:
    site, build = adopt("hugo-papermod-subpath", tmp_path)
    public = output_folder(site)
    post = (public / "posts/first-light/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="\.\./\.\./_images/beam-800w-\w+\.png"[^>]*alt="The beam over the water"', post)  # cover.image
    assert "<figcaption>The first beam</figcaption>" in post  # cover.caption
    body = post.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]
    # markup.goldmark.renderer.unsafe: raw HTML is kept, as Hugo keeps it, and made safe
    assert "<details>\n<summary>The lamp's log</summary>\n<p>Lit at 19:30, checked at 21:00.</p>\n</details>" in body
    assert '<div class="notice">Ships should keep <em>two</em> cables off the point.</div>' in body
    assert "<iframe" not in body and "<script" not in body and "not for readers" not in body
    assert '<a href="https://www.youtube-nocookie.com/embed/xyz789" rel="noopener">Watch “The lamp turning” on YouTube</a>' in body
    bundle = (public / "posts/tide-tables/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="\.\./\.\./_images/chart-640w-\w+\.png"', bundle)  # cover.image beside index.md
    assert json_ld(bundle)["image"][-1] == f"{BASE}/posts/tide-tables/chart.png"
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert '<p align="center"><picture>' in about and 'alt="The beam at dusk"' in about  # raw <img>, made responsive
    archives = (public / "archives/index.html").read_text(encoding="utf-8")  # layout: archives, no body: the posts
    assert re.findall(r'<li><a href="([^"]+)">', archives.split('<ul class="post-listing">', 1)[1].split("</ul>", 1)[0]) == [
        "../posts/tide-tables/",
        "../posts/first-light/",
    ]
    assert "content/archives.md:3: warning: layout: no template 'archives'" in build.output
    assert "content/search.md:2: warning: title: URL /search/ is masthead's own page" in build.output
