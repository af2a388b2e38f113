"""A Blowfish site (its exampleSite's shape): config/_default/ with hugo.toml, languages.en.toml (the
title, [params.author]), menus.en.toml ([[main]] with children by parent), params.toml, markup.toml and
module.toml (the theme a Hugo module: no themes/ folder, so no shortcode templates), bundles with
featured.jpg and feature-portrait.jpg, and Blowfish's shortcodes: alert, badge, button, lead, icon,
gallery, carousel, timeline/timelineItem, github, article, list, mermaid, katex and figure with href,
a Markdown caption and nozoom.

Hugo's URLs (its docs: each declared taxonomy has its list, and each term its page): the list below."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/about/",
    "/posts/",
    "/posts/harbour-lights/",
    "/posts/quiet-season/",
    "/categories/",
    "/categories/field-notes/",
    "/series/",
    "/series/seasons/",
}


def test_urls_images_and_no_template_syntax(tmp_path: Path) -> None:
    site, build = adopt("hugo-blowfish-module", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    public = output_folder(site)
    for name in ("featured.jpg", "gallery/01.jpg", "gallery/02.jpg", "gallery/03.jpg"):
        assert (public / "posts/harbour-lights" / name).is_file()  # the bundle's files, beside its page
    post = (public / "posts/harbour-lights/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="https://tidewater-notes.example/_images/featured-social-' in post  # featured.jpg
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert "/_images/feature-portrait-social-" in about  # feature*.jpg in a page's bundle
    assert json_ld(post)["author"] == {"@type": "Person", "name": "Rosa Quint"}  # languages.en.toml's [params.author]
    module = "(the theme is the Hugo module github.com/nunocoracao/blowfish/v2, which masthead does not fetch)"
    assert f'content/posts/harbour-lights/index.md:13: warning: shortcode "alert": not supported {module}; its inner content was kept' in build.output
    assert f'content/posts/harbour-lights/index.md:74: warning: shortcode "list": not supported {module}; it was removed' in build.output


def test_blowfish_shortcodes(tmp_path: Path) -> None:
    site, _ = adopt("hugo-blowfish-module", tmp_path)
    post = (output_folder(site) / "posts/harbour-lights/index.html").read_text(encoding="utf-8")
    assert '<div class="shortcode-alert">\n<p><strong>Heads up!</strong>' in post and '<div class="shortcode-alert circle-info">' in post
    assert '<div class="shortcode-badge">\n<p>New route</p>\n</div>' in post
    assert '<figcaption>Dusk on the quay, photo by <a href="https://social.example/@rosa">Rosa Quint</a></figcaption>' in post  # Markdown caption
    assert '<figure><a href="https://tidewater-notes.example/posts/harbour-lights/"><picture>' in post  # figure's href
    gallery = post[post.index('<div class="shortcode-gallery">') : post.index("</div>", post.index('<div class="shortcode-gallery">'))]
    assert gallery.count("<picture>") == 3 and 'alt="The leading lights"' in gallery  # the gallery's <img> tags, as images
    carousel = post[post.index("</div>", post.index('<div class="shortcode-gallery">')) : post.index('<div class="shortcode-timeline">')]
    assert carousel.count("<picture>") == 3  # carousel images="gallery/*": the bundle's images it names
    assert '<div class="shortcode-timelineItem"><p class="shortcode-label"><strong>18:40</strong></p>' in post
    assert '<pre class="shortcode-mermaid">graph LR;\nA[Dusk]--&gt;B[Pier lights];' in post
    assert "about \\(2.08\\sqrt{h}\\) nautical miles" in post  # katex loads a script; the formula stays as written
    assert '<a href="#the-round" class="shortcode-button">' in post
    assert '<a class="embed embed--repository" href="https://github.com/tidewater/dusk-sensor" rel="noopener">tidewater/dusk-sensor on GitHub</a>' in post
    assert '<a class="shortcode-article" href="/posts/quiet-season/">The quiet season</a>' in post  # article: the page's title
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    assert '<div class="shortcode-lead">\n<p>Two tides a day, and a notebook for each.</p>\n</div>' in home


def test_menu_children_are_nested_in_the_header(tmp_path: Path) -> None:
    site, _ = adopt("hugo-blowfish-module", tmp_path)
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="site-nav"') : home.index("</nav>")]
    blog = nav[nav.index('<li class="site-nav__parent"><a href="/posts/">Blog</a>') :]
    children = blog[: blog.index("</ul></li>")]
    assert re.findall(r'<a href="([^"]+)">', children) == ["/posts/", "/categories/field-notes/", "/series/seasons/"]  # parent = "Blog", by weight
    assert nav.index("Seasons") < nav.index('<a href="/about/">About</a>')  # the children inside Blog's item, before the next entry
