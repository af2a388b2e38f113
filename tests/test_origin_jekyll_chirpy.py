"""A Jekyll site in jekyll-theme-chirpy's starter shape builds with `masthead init && masthead build`:
its URLs kept, media_subpath and img_path images found, embeds as links, kramdown's IALs gone."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import SITES, adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls

from masthead.build import load

# From Jekyll's docs and Chirpy's _config.yml: posts at `permalink: /posts/:title/`, :title being the
# file name's slug with its case kept (2024-04-12-Spring-Launch.md is /posts/Spring-Launch/); the tabs
# collection at /:title/; index.html (layout: home) at /; jekyll-archives' `permalinks` put a page per
# category at /categories/:name/ and per tag at /tags/:name/ (name slugified, lower case). A post dated
# after the build is not published (Jekyll's future: false). _tabs/tags.md at /tags/ is masthead's own
# tag list, and page_urls leaves /tags/ out, as it does masthead's listings.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/archives/",
    "/categories/",
    "/posts/Spring-Launch/",
    "/posts/winter-kit/",
    "/categories/trips/",
    "/categories/spring/",
    "/categories/kit/",
}
TAG_PAGES = ("launch", "river-levels", "kit", "winter")
_CODE = re.compile(r"<code\b.*?</code>|<pre\b.*?</pre>", re.DOTALL)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-chirpy", tmp_path_factory.mktemp("chirpy"))


def _body(public: Path, url: str) -> str:
    page = (public / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    return page.split('<div class="post__body">', 1)[1].split("</article>", 1)[0]


def test_urls_are_jekylls_and_jekyll_archives(built: tuple[Path, Result]) -> None:
    site, build = built
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    for tag in TAG_PAGES:
        assert (public / "tags" / tag / "index.html").is_file(), tag
    assert not list(public.rglob("*autumn*")) and "Autumn Marathon" not in (public / "index.html").read_text(encoding="utf-8")
    assert "_tabs/tags.md:2: warning: layout: URL /tags/ is masthead's own page; this page is left out and masthead's stands in" in build.output
    config = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'category_permalink = "/categories/{slug}/"' in config
    listing = (public / "categories/trips/index.html").read_text(encoding="utf-8")
    assert 'href="/posts/Spring-Launch/"' in listing and "winter-kit" not in listing


def test_images_under_media_subpath_and_img_path_resolve(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)
    assert broken_references(site) == []  # every src, srcset, poster and href names a file
    spring = (public / "posts/Spring-Launch/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="/_images/cover-\d+w-\w+\.png"[^>]*alt="Six kayaks on the slipway in the morning mist"', spring)
    assert re.search(r'<img src="/_images/map-600w-\w+\.png"[^>]*alt="Map of the put-ins" width="600" height="400"', spring)
    winter = (public / "posts/winter-kit/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="/_images/banner-\d+w-\w+\.png"', winter)  # img_path, Chirpy before v6
    assert re.search(r'<img src="/_images/rail-640w-\w+\.png"[^>]*alt="The drying rail"', winter)
    assert "missing-image" not in spring + winter


def test_embeds_are_links_or_the_sites_own_files(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)
    for page in public.rglob("*.html"):
        assert "<iframe" not in page.read_text(encoding="utf-8"), page  # no request to a third party until the reader asks
    spring = _body(public, "/posts/Spring-Launch/")
    assert '<a class="embed embed--youtube" href="https://www.youtube-nocookie.com/embed/H3vQy9mXo2c" rel="noopener">Watch on YouTube</a>' in spring
    assert '<a class="embed embed--vimeo" href="https://vimeo.com/912345678" rel="noopener">Watch on Vimeo</a>' in spring
    player = '<video controls preload="metadata" src="/assets/img/posts/spring-launch/launch.mp4" poster="/assets/img/posts/spring-launch/cover.png">'
    assert player in spring and "<figcaption>The launch, filmed from the bridge</figcaption>" in spring
    winter = _body(public, "/posts/winter-kit/")
    assert 'href="https://www.bilibili.com/video/BV1Ab4y1Z7Cd"' in winter and 'href="https://www.twitch.tv/videos/2034567890"' in winter
    assert '<a class="embed embed--spotify" href="https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC" rel="noopener">Listen on Spotify</a>' in winter
    assert '<audio controls preload="metadata" src="/assets/media/briefing.mp3"></audio>' in winter  # a site path: kept
    assert literal_syntax(site) == []


def test_kramdown_attribute_lists_removed_except_in_code(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)
    for page in public.rglob("*.html"):
        assert "{:" not in _CODE.sub("", page.read_text(encoding="utf-8")), page
    spring = _body(public, "/posts/Spring-Launch/")
    assert "Bring a <em>dry bag</em> and check" in spring and "<code>kit-list.txt</code>." in spring  # span IALs
    assert "<p>Never paddle alone while the weir gates are open.</p>\n</blockquote>" in spring  # a block IAL
    assert "note: &quot;{: .prompt-info } is how the theme marks a tip&quot;" in spring  # inside a fenced block: shown
    assert "Write <code>{: .prompt-tip }</code> under a quote" in spring  # inside a code span: shown
    about = _body(public, "/about/")
    assert "the list is in <code>_data/contact.yml</code>.</p>" in about


def test_the_tags_tab_is_left_out_for_masthead_own_tag_list(built: tuple[Path, Result]) -> None:
    # _tabs/tags.md takes /tags/ from the defaults' permalink /:title/, known only once placed
    site_folder, _ = built
    site, _, _ = load(site_folder, now=datetime(2025, 6, 1, 12, tzinfo=UTC))
    assert sorted(document.entry.source for document in site.pages) == ["_tabs/about.md", "_tabs/archives.md", "_tabs/categories.md"]
    assert site.home is None  # index.html, layout: home, is only the theme's list of posts: masthead's home is that
    tags = (output_folder(site_folder) / "tags/index.html").read_text(encoding="utf-8")
    assert 'href="/tags/river-levels/"' in tags  # masthead's list of topics


@pytest.mark.parametrize(
    "cdn",
    [
        "https://cdn.jsdelivr.net/gh/paddle-club/paddle-club.github.io@main/assets/img/",  # the repository's own folder on jsDelivr
        "https://raw.githubusercontent.com/paddle-club/paddle-club.github.io/main/assets/img/",
        "/assets/img",  # a site path
    ],
)
def test_img_cdn_names_the_folder_of_every_image(cdn: str, tmp_path: Path) -> None:
    """Chirpy 5's img_cdn prefixes every image path (then img_path): a CDN URL of the site's repository is its
    folder in the site, so `image: {path: /posts/x.png}` is assets/img/posts/x.png, found and processed."""
    site = tmp_path / "chirpy"
    shutil.copytree(SITES / "jekyll-chirpy", site)
    config = site / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nimg_cdn: '{cdn}'\n", encoding="utf-8")
    (site / "_posts/2023-06-01-river-cleanup.md").write_text(
        "---\ntitle: River cleanup\ndate: 2023-06-01 09:00:00 +0100\ncategories: [Trips]\n"
        "image:\n  path: /posts/spring-launch/map.png\n  alt: The cleanup route\n---\n\nWe filled twelve bags.\n\n"
        "![The slipway](/old/rail.png)\n",
        encoding="utf-8",
    )
    site, _ = adopt_folder(site)
    cleanup = (output_folder(site) / "posts/river-cleanup/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="post__image" src="/_images/map-\d+w-\w+\.png"[^>]*alt="The cleanup route"', cleanup)
    assert re.search(r'<img src="/_images/rail-\d+w-\w+\.png"[^>]*alt="The slipway"', cleanup)
    assert broken_references(site) == []
