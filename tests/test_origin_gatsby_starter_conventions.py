"""Two conventions of popular Gatsby starters' gatsby-node.js, read from the program (never run):

- gatsby-starter-hero-blog's and -personal-blog's "PREFIX--slug" names: `slug.indexOf("--")` cuts
  createFilePath's `/2024-02-03--harbour-lights/` to `/harbour-lights/`; the prefix is the post's date; its
  sources content/posts/, content/pages/ and content/parts/ are read together, parts (no slug) as no page.
- gatsby-advanced-starter's (and its forks', Casper's): `slug = /${_.kebabCase(node.frontmatter.title)}`,
  a front matter slug kebab-cased before it; `cover: ../images/x.png` beside the posts' folder; a Markdown
  file with no front matter at all (gray-matter reads it as empty) is a page too.
"""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.content.markdown import kebab_case


def test_prefixed_names_are_dates_and_slugs(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-prefixed-names", tmp_path)
    # createPage({path: slug}) for posts; `/category/${_.kebabCase(category)}/` for each category
    # pages/1--about/ is /about/ (createFilePath from its own source's folder); parts/ gets no slug: no page
    assert page_urls(site) == {"/", "/harbour-lights/", "/spring-regatta/", "/about/", "/category/works/", "/category/events/"}
    public = output_folder(site)
    lights = (public / "harbour-lights/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-02-03' in lights  # the date from the name's prefix (no date in the front matter)
    assert re.search(r'<img class="post__image" src="/_images/beacon-\d+w-\w+\.png"', lights)  # cover: beacon.png beside it
    assert "<title>The harbour lights are back · Harbour Log</title>" in lights  # title: config.siteTitle, from content/meta/config.js
    toml = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'name_prefix = "--"' in toml
    assert 'not_pages = ["parts"]' in toml and "masthead reads them all from content/" in toml
    assert "Harbour Log is written in the harbour office." not in "".join(path.read_text(encoding="utf-8") for path in public.rglob("*.html"))
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_titles_make_the_slugs_with_lodash_kebab_case(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-advanced-starter", tmp_path)
    assert page_urls(site) == {
        "/",
        "/calibrating-the-tide-gauges-zero/",  # "Calibrating the Tide Gauge's Zero": the apostrophe dropped, as lodash does
        "/lo-ra-logger-notes/",  # slug: "LoRa_Logger_Notes", kebab-cased: LoRa is two words to lodash
        "/delete-me/",  # no front matter: a page at its file's path
        "/categories/code/",
        "/categories/field-work/",  # category: "field work" is one category
    }
    public = output_folder(site)
    gauge = (public / "calibrating-the-tide-gauges-zero/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="/_images/gauge-\d+w-\w+\.png"', gauge)  # cover: "../images/gauge.png"
    assert re.search(r'<img src="/_images/gauge-\d+w-\w+\.png"[^>]*alt="The gauge on the quay wall"', gauge)
    assert (public / "images/gauge.png").is_file()
    assert "<title>Calibrating the Tide Gauge&#39;s Zero · Tidal Engineering</title>" in gauge  # title: config.siteTitle (data/SiteConfig.js)
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_kebab_case_is_lodashs() -> None:
    # lodash 4's _.kebabCase on these inputs (its documented examples first)
    assert kebab_case("Foo Bar") == "foo-bar"
    assert kebab_case("fooBar") == "foo-bar"
    assert kebab_case("__FOO_BAR__") == "foo-bar"
    assert kebab_case("The Fairy's Witches") == "the-fairys-witches"
    assert kebab_case("Café déjà vu") == "cafe-deja-vu"
    assert kebab_case("HTMLParser rocks") == "html-parser-rocks"
    assert kebab_case("Top 10 tips") == "top-10-tips"
