"""A Jekyll site with collections, defaults, _data files, HTML posts, a baseurl and jekyll-polyglot
languages builds with `masthead init && masthead build`, every URL as Jekyll writes it."""

from __future__ import annotations

import re
from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls, redirect_target

# From Jekyll's docs: `permalink: pretty` is /:categories/:year/:month/:day/:title/ for posts; a
# collection with output: true is written at its permalink (boats: /fleet/:name/), by default
# /:collection/:path plus the style's ending (crew: /crew/captains/ines-okafor/); output: false
# (logbook) is never written; `permalink: /about/` is kept. jekyll-polyglot writes the default
# language at the root and each other language under /<lang>/, pages with the same permalink being
# one page in several languages; its fallback copy of the home page makes /fr/, and of each untranslated
# page /fr/<its URL> (checked with Jekyll 4.3.1 and jekyll-polyglot), kept here as a redirect to the page.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/contact/",  # _pages/, read because _config.yml's include: names it
    "/2024/04/02/spring-schedule/",
    "/2024/05/10/harbour-lights/",
    "/2024/06/01/open-day/",
    "/fleet/skiff/",
    "/fleet/ferry-one/",
    "/crew/captains/ines-okafor/",
    "/fr/",
    "/fr/about/",
    "/fr/2024/04/02/spring-schedule/",
    # polyglot writes every untranslated page again under /fr/ (in English): redirects to the page here
    "/fr/contact/",
    "/fr/2024/05/10/harbour-lights/",
    "/fr/2024/06/01/open-day/",
    "/fr/fleet/skiff/",
    "/fr/fleet/ferry-one/",
    "/fr/crew/captains/ines-okafor/",
}


def _alternates(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)


def test_urls_are_jekylls(tmp_path: Path) -> None:
    site, build = adopt("jekyll-collections", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert redirect_target(site, "/fr/contact/") == "https://harbour-board.example/board/contact/"
    assert literal_syntax(site) == []
    assert 'base_url = "https://harbour-board.example/board"' in (site / "masthead.toml").read_text()  # url + baseurl
    assert ": warning: " not in build.output  # minimal-mistakes' {% include toc %}: the page's table of contents (it has no headings)


def test_data_files_and_liquid_in_posts(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-collections", tmp_path)
    public = output_folder(site)
    post = (public / "2024/04/02/spring-schedule/index.html").read_text(encoding="utf-8")
    assert "<li>\n<p>Monday: 06:12</p>\n</li>\n<li>\n<p>Tuesday: 06:58</p>" in post  # for over site.data.tides (YAML)
    assert "<p>Berths are allocated on Mondays.</p>" in post  # _includes/notice.html with include.text
    assert "English version. Berth A1 holds the Skiff." in post  # if/else on page.lang, site.data.berths (CSV)
    # under baseurl /board, links are relative to the page (they work under the path and at a preview's root)
    assert '<a href="../../../../about/">the board</a>' in post and '<a href="../../../../fleet/skiff/">skiff</a>' in post  # a collection document
    assert re.search(r'<img src="\.\./\.\./\.\./\.\./_images/lighthouse-\d+w-\w+\.png"', post)  # relative_url: the image was found
    assert broken_references(site) == []
    assert 'alt="The lighthouse"' in post
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert "chaired by Ines Okafor, harbour master." in about  # site.data.crew.officers (JSON, in a folder)
    assert "Write to office@harbour-board.example." in (public / "contact/index.html").read_text(encoding="utf-8")
    skiff = (public / "fleet/skiff/index.html").read_text(encoding="utf-8")
    assert "Our smallest boat, 4.2 metres long." in skiff


def test_html_posts_and_documents(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-collections", tmp_path)
    public = output_folder(site)
    lights = (public / "2024/05/10/harbour-lights/index.html").read_text(encoding="utf-8")
    assert "<p>The <strong>harbour lights</strong> were relit on May 10.</p>" in lights  # page.date | date
    assert "<li>Green light on the east pier</li>" in lights
    assert "not for readers" not in lights and "Check the date" not in lights  # script and comment dropped
    assert '<a href="../../../../2024/04/02/spring-schedule/">the spring schedule</a>' in lights  # post_url en/…
    assert 'alt="The lighthouse at dusk"' in lights
    ferry = (public / "fleet/ferry-one/index.html").read_text(encoding="utf-8")
    assert "The ferry carries <em>sixty</em> passengers." in ferry


def test_kramdown_syntax_and_theme_includes(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-collections", tmp_path)
    public = output_folder(site)
    page = (public / "2024/06/01/open-day/index.html").read_text(encoding="utf-8")
    body = page.split('<div class="post__body">', 1)[1].split("</div>", 1)[0]
    assert "{:" not in body and "TOC" not in body  # kramdown's {:toc} and attribute lists are kramdown's, not text
    assert "<p>Doors open at ten.</p>" in body
    assert '<meta name="description" content="Doors open at ten.">' in page  # the first paragraph after the table of contents
    assert 'alt="The lighthouse on open day"' in body and "<figcaption>Open day, last year</figcaption>" in body  # minimal-mistakes figure
    assert re.search(r'src="\.\./\.\./\.\./\.\./_images/lighthouse-', body)
    assert 'href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in body  # minimal-mistakes video


def test_polyglot_translations_are_linked(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-collections", tmp_path)
    public = output_folder(site)
    base = "https://harbour-board.example/board"
    english = (public / "2024/04/02/spring-schedule/index.html").read_text(encoding="utf-8")
    french = (public / "fr/2024/04/02/spring-schedule/index.html").read_text(encoding="utf-8")
    expected = [
        ("en", f"{base}/2024/04/02/spring-schedule/"),
        ("fr", f"{base}/fr/2024/04/02/spring-schedule/"),
        ("x-default", f"{base}/2024/04/02/spring-schedule/"),
    ]
    assert _alternates(english) == expected and _alternates(french) == expected
    assert '<html lang="fr">' in french and "Pleine mer cette semaine : Monday à 06:12." in french
    assert ("en", f"{base}/about/") in _alternates((public / "fr/about/index.html").read_text(encoding="utf-8"))


def test_site_posts_in_a_page_are_the_pages_language(tmp_path: Path) -> None:
    # jekyll-polyglot builds each language with its own site.posts: the English contact page lists the
    # two newest English posts (newest first), never the French translation
    site, _ = adopt("jekyll-collections", tmp_path)
    contact = (output_folder(site) / "contact/index.html").read_text(encoding="utf-8")
    body = contact.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>, (\d\d \w{3} \d{4})', body) == [
        ("../2024/06/01/open-day/", "Open day at the lighthouse", "01 Jun 2024"),
        ("../2024/05/10/harbour-lights/", "Harbour lights are back", "10 May 2024"),
    ]
