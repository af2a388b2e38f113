"""eleventy-base-blog's shape builds with `masthead init && masthead build`, URLs as Eleventy makes them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from origin_sites import SITES, adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls

# Eleventy's default permalink is the input path without its extension (an index.md its folder's),
# with the input folder from dir.input; passthrough {"./public/": "/"} is published at the root.
# blog.njk is /blog/; blog/fourthpost/fourthpost.md (a file named as its folder) is /blog/fourthpost/. tags.njk
# and tag-pages.njk (/tags/, /tags/<tag>/), sitemap.xml.njk and 404.md are masthead's own pages.
# blog/keepers-rota.md (eleventyExcludeFromCollections: true) is written, and in no collection.
EXPECTED_URLS = {"/", "/about/", "/blog/", "/blog/firstpost/", "/blog/secondpost/", "/blog/fourthpost/", "/blog/keepers-rota/"}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, build = adopt("eleventy-base-blog", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert public.name == "_site" and (public / "img/lamp.png").is_file()
    # .addPassthroughCopy("./content/feed/pretty-atom-feed.xsl"): beside the public/ folder, at its path in the input
    assert (public / "feed/pretty-atom-feed.xsl").read_bytes() == (site / "content/feed/pretty-atom-feed.xsl").read_bytes()
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    warnings = [line for line in build.output.splitlines() if "warning" in line]
    assert len(warnings) == 2, warnings  # the two the base blog's own files call for, named:
    assert "postslist.njk: not known here" in warnings[0]  # (postslistCounter or postslist.length) + 1: an expression masthead does not evaluate
    assert "content/tags.njk:2: warning: permalink: URL /tags/ is masthead's own page" in warnings[1]
    assert "JavaScript data files are programs and are never run: metadata.js" in (site / "masthead.toml").read_text()
    assert '"content/feed/pretty-atom-feed.xsl" = "feed/pretty-atom-feed.xsl"' in (site / "masthead.toml").read_text()


def test_passthrough_copies_are_read_never_run() -> None:
    """The static folder and the other copies, from the calls as Eleventy's docs write them."""
    from masthead.origins.jsconfig import _passthrough

    program = (
        "export default function (c) {\n"
        '  c.addPassthroughCopy({ "./public/": "/" }).addPassthroughCopy("./content/feed/pretty-atom-feed.xsl");\n'
        '  c.addPassthroughCopy("content/img");\n  c.addPassthroughCopy("css");\n'
        '  c.addPassthroughCopy({ "node_modules/x/dist/x.js": "js/x.js", "content/**/*.jpg": "photos" });\n'
        '  c.addPassthroughCopy("../outside");\n  c.addPassthroughCopy(someVariable);\n}\n'
    )
    static, copied = _passthrough(program, "content")
    assert static == "public"
    assert copied == {
        "content/feed/pretty-atom-feed.xsl": "feed/pretty-atom-feed.xsl",
        "content/img": "img",
        "css": "css",
        "node_modules/x/dist/x.js": "js/x.js",
        "content/**/*.jpg": "photos",
    }
    assert _passthrough('c.addPassthroughCopy("content/img");', "content") == ("content", {})  # the input folder is published already


def test_posts_and_metadata(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog", tmp_path)
    public = output_folder(site)
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    assert feed["title"] == "Lighthouse Log" and feed["home_page_url"] == "https://lighthouse-log.example/"
    assert [item["title"] for item in feed["items"]] == ["A possum on the gallery", "Fog signal tests", "The lamp is lit again"]
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert "<title>About the keepers · Lighthouse Log</title>" in about  # the title from the first heading


def test_collections_and_page_bundles(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog", tmp_path)
    public = output_folder(site)
    blog = (public / "blog/index.html").read_text(encoding="utf-8")  # {% set postslist = collections.posts %}{% include "postslist.njk" %}
    listed = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <time datetime="([^"]+)">', blog)
    assert listed == [
        ("/blog/fourthpost/", "A possum on the gallery", "2024-03-10"),
        ("/blog/secondpost/", "Fog signal tests", "2024-02-14"),
        ("/blog/firstpost/", "The lamp is lit again", "2024-01-03"),
    ]
    assert "eleventyNavigation" not in blog and 'class="structured"' not in blog  # front matter for the theme's menu, not text
    possum = (public / "blog/fourthpost/index.html").read_text(encoding="utf-8")
    assert (public / "blog/fourthpost/possum.png").is_file()
    assert 'alt="A possum near the lamp"' in possum and 'alt="The same possum, again"' in possum  # <img src="./possum.png">, {% image %}
    assert re.search(r'<img src="/_images/possum-\d+w-\w+\.png"', possum)


def test_navigation_is_eleventy_navigations(tmp_path: Path) -> None:
    """base.njk lists `collections.all | eleventyNavigation`: Home (1), Archive (2), About (3), by order."""
    site, _ = adopt("eleventy-base-blog", tmp_path)
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="site-nav".*?</nav>', home, re.DOTALL)
    assert nav is not None
    own = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', nav.group(0))
    assert own[-2:] == [("/blog/", "Archive"), ("/about/", "About")]  # the key, not the page's title ("About the keepers")


def test_a_page_excluded_from_collections_is_written_and_listed_nowhere(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-base-blog", tmp_path)
    public = output_folder(site)
    rota = (public / "blog/keepers-rota/index.html").read_text(encoding="utf-8")
    assert "Ada the morning watch" in rota
    elsewhere = [path.relative_to(public).as_posix() for path in public.rglob("*") if path.suffix in (".html", ".xml", ".json") and path.is_file()]
    naming = [name for name in elsewhere if name != "blog/keepers-rota/index.html" and "keepers-rota" in (public / name).read_text(encoding="utf-8")]
    assert naming == []  # not on the home page, the archive, a feed, the sitemap or a tag page
    assert not (public / "tags/rota").exists()  # its tag names no collection


def test_navigation_children_and_own_urls(tmp_path: Path) -> None:
    """eleventy-navigation's `parent` puts an entry under another's, `url` links elsewhere, `title` labels it."""
    site = tmp_path / "blog"
    shutil.copytree(SITES / "eleventy-base-blog", site)
    (site / "content/about/visiting.md").write_text(
        "---\ntitle: Visiting the light\neleventyNavigation:\n  key: Visiting\n  parent: About\n  order: 2\n---\nOpen on Sundays.\n", encoding="utf-8"
    )
    (site / "content/about/history.md").write_text(
        "---\ntitle: History\neleventyNavigation:\n  key: History\n  title: Our history\n  parent: About\n  order: 1\n---\nBuilt in 1871.\n", encoding="utf-8"
    )
    (site / "content/tides.md").write_text(
        "---\ntitle: Tides\neleventyNavigation:\n  key: Tides\n  url: https://tides.example/\n  order: 0\n---\nSee the tide tables.\n", encoding="utf-8"
    )
    adopt_folder(site)
    home = (output_folder(site) / "about/index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="site-nav".*?</nav>', home, re.DOTALL)
    assert nav is not None
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(0))
    assert links[-5:] == [
        ("https://tides.example/", "Tides"),  # order 0, before Home (1); "/" itself is masthead's "Latest"
        ("/blog/", "Archive"),
        ("/about/", "About"),
        ("/about/history/", "Our history"),
        ("/about/visiting/", "Visiting"),
    ]
    assert re.search(r'<a href="/about/">About</a><ul class="site-nav__children">\s*<li><a href="/about/history/">', nav.group(0))


def test_passthrough_files_are_published_at_their_paths_and_never_outside(tmp_path: Path) -> None:
    from PIL import Image

    from masthead.config import load_config
    from masthead.origins.bundles import passthrough_files

    site = tmp_path / "site"
    for name in ("content/blog/a/one.jpg", "content/blog/two.jpg", "css/site.css", "content/.hidden/x.jpg"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".jpg"):
            Image.new("RGB", (4, 4)).save(site / name)
        else:
            (site / name).write_text("body{}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    (site / "css/escape.txt").symlink_to(tmp_path / "secret.txt")
    (site / "masthead.toml").write_text(
        '[folders]\ncontent = "content"\nstatic = "assets"\n[origin]\nkind = "eleventy"\n'
        '[origin.passthrough]\n"content/**/*.jpg" = "photos"\n"css" = "css"\n"css/site.css" = "style.css"\n',
        encoding="utf-8",
    )
    found = passthrough_files(load_config(site))
    assert found == {
        "/photos/blog/a/one.jpg": str(site / "content/blog/a/one.jpg"),
        "/photos/blog/two.jpg": str(site / "content/blog/two.jpg"),
        "/css/site.css": str(site / "css/site.css"),
        "/style.css": str(site / "css/site.css"),
    }


def test_a_passthrough_outside_the_site_is_a_problem(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from masthead.cli import main

    (tmp_path / "content").mkdir()
    (tmp_path / "masthead.toml").write_text('[origin]\nkind = "eleventy"\n[origin.passthrough]\n"../etc" = "etc"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert result.exit_code == 1 and "origin.passthrough" in result.output and 'without ".."' in result.output
