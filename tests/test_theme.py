"""The default theme in pieces: base.html blocks overridden through "theme/base.html", partials
replaced by file name, the picture macro used for featured and body images, display names."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeSite, post
from lxml import html as lxml_html

from masthead.build import build

IMAGE_POST = """\
---
templateKey: blog-post
pageTitle: With a picture
date: 2024-05-01T10:00:00Z
tags: [north-korea, eu]
featuredImage:
  src: /img/a.png
  alt: A red square
  caption: A caption.
  credit: "Photo: Someone"
---
Text. ![A map](/img/b.png)

[Read More](https://www.nbcnews.com/news/story)
"""


def page(site: Path, url: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / "public" / url.strip("/") / "index.html").read_bytes())


def test_a_site_base_changes_one_block_of_every_page(make_site: MakeSite) -> None:
    base = (
        '{% extends "theme/base.html" %}\n{% block nav %}{{ super() }}<li><a href="/newsletter/">Newsletter</a></li>{% endblock %}\n'
        '{% block footer %}<footer class="custom">Custom footer {{ site.year }}</footer>{% endblock %}\n'
        '{% block head_extra %}<meta name="x-extra" content="yes">{% endblock %}\n'
    )
    site = make_site({"content/blog/a.md": post("First"), "templates/base.html": base})
    build(site)
    for url in ("/", "/blog/a/", "/archive/"):
        document = page(site, url)
        assert document.xpath('//footer[@class="custom"]/text()') == ["Custom footer 2024"]
        assert document.xpath('//nav[@class="site-nav"]//a/text()')[-1] == "Newsletter"
        assert "Archive" in document.xpath('//nav[@class="site-nav"]//a/text()')  # super(): the theme's links stay
        assert document.xpath('//meta[@name="x-extra"]/@content') == ["yes"]
        assert document.xpath('//header[@class="site-header"]')  # the other blocks are the theme's


def test_the_picture_macro_writes_featured_and_body_images(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": IMAGE_POST}, images=("/img/a.png", "/img/b.png"))
    build(site)
    document = page(site, "/blog/a/")
    featured = document.xpath('//figure[@class="post__figure"]//img')[0]
    assert featured.get("alt") == "A red square" and featured.get("fetchpriority") == "high"
    assert document.xpath('//figure[@class="post__figure"]//source/@type') == ["image/avif", "image/webp"]
    assert document.xpath("string(//figure/figcaption)") == "A caption. Photo: Someone"
    body = document.xpath('//div[@class="post__body"]//img')[0]
    assert body.get("alt") == "A map" and body.get("loading") == "lazy"
    # The same macro, replaced by the site, changes both.
    (site / "templates").mkdir()
    (site / "templates" / "_picture.html").write_text(
        '{% macro picture(image, sizes, eager=false, css_class="", alt=none, lazy=true) %}<img class="mine" src="{{ picture_view(image).src }}"'
        ' alt="{{ image.alt if alt is none else alt }}">{% endmacro %}',
        encoding="utf-8",
    )
    build(site)
    document = page(site, "/blog/a/")
    assert document.xpath('//img[@class="mine"]/@alt') == ["A red square", "A map"]
    assert not document.xpath("//picture")


def test_post_shows_topics_by_name_and_one_named_original_link(make_site: MakeSite) -> None:
    config = 'title = "T"\nbase_url = "https://t.example"\ntimezone = "UTC"\n\n[tags]\neu = "EU"\n'
    site = make_site({"content/blog/a.md": IMAGE_POST}, config=config, images=("/img/a.png", "/img/b.png"))
    build(site)
    document = page(site, "/blog/a/")
    assert document.xpath('//ul[@class="tags"]//a/text()') == ["North Korea", "EU"]
    assert document.xpath('//ul[@class="tags"]//a/@href') == ["/tags/north-korea/", "/tags/eu/"]
    links = document.xpath('//a[@href="https://www.nbcnews.com/news/story"]')
    assert [link.text for link in links] == ["Read the original at NBC News"]  # from its domain
    assert page(site, "/tags/north-korea/").findtext(".//h1") == "North Korea"


def test_a_partial_replaced_by_name(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": post("First"), "templates/_byline.html": '<p class="byline">Filed by {{ post.entry.author or "the desk" }}</p>'})
    build(site)
    assert page(site, "/").xpath('//p[@class="byline"]/text()') == ["Filed by the desk"]


def test_bad_tag_names_in_config_are_reported(make_site: MakeSite) -> None:
    import pytest

    from masthead.errors import MastheadError

    site = make_site({"content/blog/a.md": post()}, config='title = "T"\nbase_url = "https://t.example"\n\n[tags]\neu = 3\n')
    with pytest.raises(MastheadError) as caught:
        build(site)
    assert 'tags.eu: expected the name to show for this tag, such as north-korea = "North Korea"' in str(caught.value)
