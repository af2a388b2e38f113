"""An Eleventy site with global and directory data files, Nunjucks in Markdown and .njk pages builds
with `masthead init && masthead build`, every URL as Eleventy writes it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from origin_sites import SITES, adopt, adopt_folder, literal_syntax, output_folder, page_urls

# From Eleventy's docs: a template's URL is its path under dir.input (src/guides/x.md is /guides/x/,
# src/about.njk is /about/); a directory data file (dispatches/dispatches.json) gives its folder's
# templates a permalink, which front matter overrides (calm-seas.md: /bulletin/calm/); a permalink
# with a file name (/feed.xml) writes that file, pagination writes one page per item (tags.njk) and
# 404.md writes /404.html: masthead's own feed, sitemap, tag pages, archive and 404 page stand in for
# those (sitemap.xml.njk with layout: false; topics.njk, whose JavaScript front matter is never run).
# A file named as its folder (lamp-room/lamp-room.md) is that folder's index; a YYYY-MM-DD- prefix
# is the date, and page.fileSlug leaves it out (2024-05-02-fog-season.md: /bulletin/fog-season/).
# guides/guides.json's eleventyComputed permalink, "/how-to/{{ title | slugify }}/", is rendered after
# fog-signals.md's own eleventyComputed title ("{{ signal }} signals"): /how-to/fog-signals/.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/bulletin/swell-warning/",
    "/bulletin/calm/",
    "/bulletin/lamp-room/",
    "/bulletin/fog-season/",
    "/how-to/reading-a-buoy/",
    "/how-to/fog-signals/",
    "/stations/",  # stations.njk's ---js front matter: `const permalink = "/stations/";`
}


def test_urls_are_eleventys(tmp_path: Path) -> None:
    site, build = adopt("eleventy-data", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert (public / "img/buoy.png").is_file() and not (public / "dispatches/dispatches.json").exists()  # no data file copied
    assert (public / "tags/weather/index.html").is_file() and (public / "feed.xml").is_file()
    assert literal_syntax(site) == []
    assert build.output.count(": warning: ") == 2
    assert "src/archive.njk:3: warning: title: URL /archive/ is masthead's own page; this page is left out and masthead's stands in" in build.output
    assert (
        'src/dispatches/swell-warning.md:18: warning: Nunjucks variable "build.year": not known here '
        "(_data/build.js is JavaScript, which masthead does not run); it was removed"
    ) in build.output


def test_directory_data_makes_posts_and_global_data_is_read(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-data", tmp_path)
    public = output_folder(site)
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    titles = [item["title"] for item in feed["items"]]
    assert feed["title"] == "Buoy Bulletin" and titles == ["Calm seas again", "Swell warning for the weekend", "Inside the lamp room", "Fog season begins"]
    assert feed["items"][3]["date_published"] == "2024-05-02T00:00:00Z"  # from the file name, in UTC as Eleventy reads it
    swell = (public / "bulletin/swell-warning/index.html").read_text(encoding="utf-8")
    assert "<p>The North buoy reports a heavy swell; it sits in 18 metres of water.</p>" in swell  # set, first, _data/site.json
    assert "<li>North buoy, station 1 (deep water)</li>\n<li>Harbour mouth, station 2</li>" in swell  # for, loop.index, if
    assert '<pre><code class="language-js">const swell = 3.5;' in swell  # the syntax highlight plugin's paired shortcode
    assert 'alt="A yellow buoy"' in swell and "Editors: keep this short" not in swell  # image shortcode; {# comment #}
    calm = (public / "bulletin/calm/index.html").read_text(encoding="utf-8")
    assert '<a href="/bulletin/swell-warning/">warning</a>' in calm  # the url filter


def test_images_beside_pages(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-data", tmp_path)
    public = output_folder(site)
    for url in ("bulletin/lamp-room/index.html", "bulletin/fog-season/index.html"):
        page = (public / url).read_text(encoding="utf-8")
        sources = re.findall(r'(?:src|srcset)="(/_images/[^" ]+)', page)
        assert sources and all((public / src.lstrip("/")).is_file() for src in sources), url
    assert 'alt="The cleaned lens"' in (public / "bulletin/lamp-room/index.html").read_text(encoding="utf-8")
    fog = (public / "bulletin/fog-season/index.html").read_text(encoding="utf-8")
    assert 'alt="Fog over the harbour mouth"' in fog and 'alt="Fog again"' in fog  # an <img> in Markdown is kept as an image


def test_nunjucks_pages(tmp_path: Path) -> None:
    site, _ = adopt("eleventy-data", tmp_path)
    about = (output_folder(site) / "about/index.html").read_text(encoding="utf-8")
    assert "<p>Buoy Bulletin is written by Ines Okafor for the 2 stations we watch.</p>" in about
    assert "<li>NORTH BUOY</li>\n<li>HARBOUR MOUTH</li>" in about


def test_computed_data_is_rendered_over_the_pages_data(tmp_path: Path) -> None:
    site, build = adopt("eleventy-data", tmp_path)
    public = output_folder(site)
    fog = (public / "how-to/fog-signals/index.html").read_text(encoding="utf-8")
    assert "<title>Fog signals · Buoy Bulletin</title>" in fog  # its own eleventyComputed title, from `signal: Fog`
    assert '<meta name="description" content="Fog signals, a guide by Ines Okafor">' in fog  # the folder's, over the computed title
    buoy = (public / "how-to/reading-a-buoy/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Reading a buoy, a guide by Ines Okafor">' in buoy
    assert "eleventyComputed" not in build.output


def test_computed_data_that_cannot_be_rendered_is_left_out_with_a_warning(tmp_path: Path) -> None:
    site = tmp_path / "eleventy-data"
    shutil.copytree(SITES / "eleventy-data", site)
    (site / "src/guides/tides.md").write_text(
        '---\ntitle: Tides\neleventyComputed:\n  description: "{{ build.hash }} tides"\n---\nHigh and low water.\n', encoding="utf-8"
    )
    _, build = adopt_folder(site)
    assert "src/guides/tides.md:3: warning: eleventyComputed.description: '{{ build.hash }} tides' uses data masthead does not have" in build.output
    tides = (output_folder(site) / "how-to/tides/index.html").read_text(encoding="utf-8")
    assert "{{" not in tides and "build.hash" not in tides


def test_javascript_front_matter_is_read_and_never_run(tmp_path: Path) -> None:
    site, build = adopt("eleventy-data", tmp_path)
    page = (output_folder(site) / "stations/index.html").read_text(encoding="utf-8")
    assert "<title>Stations we watch · Buoy Bulletin</title>" in page
    assert re.search(r"<li>North buoy: 42.5 m</li>\s*<li>Harbour (&#39;|')mouth(&#39;|'): -3 m</li>", page)
    assert "toUpperCase" not in page and "const " not in page  # the function is a program: not data, not text
    assert re.search(r'<a href="/stations/">Stations</a>', page)  # its eleventyNavigation entry
    assert "stations.njk" not in build.output
