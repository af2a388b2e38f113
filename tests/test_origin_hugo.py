"""A Hugo site in `hugo new site` / `hugo new content` shape builds with `masthead init && masthead build`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from origin_sites import adopt, json_ld, literal_syntax, output_folder, page_urls, redirect_target

# From Hugo's docs: a page's URL is /section/name/ (a bundle's name is its folder's), `url` replaces it,
# _index.md is its section's list page, the home page is content/_index.md; sections and taxonomy
# terms get list pages; drafts, future publishDate and past expiryDate are not published.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/posts/",
    "/posts/my-first-post/",
    "/posts/harbour-walk/",
    "/posts/embeds/",
    "/office/hours/",
    "/docs/",
    "/docs/install/",
    "/categories/",
    "/categories/tides/",
    "/categories/walks/",
    "/series/",
    "/series/seasons/",
    "/old/spring-tides/",  # alias
    "/posts/spring-tides.html",  # a relative alias
}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, _ = adopt("hugo-basic", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    assert (public / "images/logo.png").is_file()  # static/ at the root
    assert (public / "tags/moon/index.html").is_file()


def test_page_bundle_images_are_published_and_rendered(tmp_path: Path) -> None:
    site, _ = adopt("hugo-basic", tmp_path)
    public = output_folder(site)
    assert (public / "posts/harbour-walk/harbour.png").is_file() and (public / "posts/harbour-walk/quay.png").is_file()
    page = (public / "posts/harbour-walk/index.html").read_text(encoding="utf-8")
    assert re.search(r'<figure><picture>.*alt="The harbour at low water".*<figcaption>Low water, February</figcaption></figure>', page)
    assert re.search(r'<img src="/_images/quay-600w-\w+\.png"[^>]*alt="The east quay"', page)
    for src in re.findall(r'(?:src|srcset)="(/_images/[^" ]+)', page):
        assert (public / src.lstrip("/")).is_file(), src
    assert 'property="og:image" content="https://tides.example.org/_images/harbour-social' in page  # the bundle's cover
    assert '<a href="/posts/my-first-post/">spring tides</a>' in page  # relref


def test_shortcodes_render_without_third_party_requests(tmp_path: Path) -> None:
    site, build = adopt("hugo-basic", tmp_path)
    assert literal_syntax(site) == []
    page = (output_folder(site) / "posts/embeds/index.html").read_text(encoding="utf-8")
    assert (
        '<a class="embed embed--youtube" href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" rel="noopener">'
        "Watch “Storm over the harbour” on YouTube</a>" in page
    )
    assert 'href="https://x.com/coastguard/status/1453110110599868418"' in page
    assert 'href="https://www.instagram.com/p/CxOWiQNP2MO/"' in page and 'href="https://vimeo.com/146022717"' in page
    assert '<pre><code class="language-python">def high_water(hour):' in page
    assert not re.search(r"<(iframe|script)[^>]+(youtube|vimeo|twitter|x\.com|instagram|gist)", page)
    about = (output_folder(site) / "about/index.html").read_text(encoding="utf-8")
    assert "from the harbour office on Quay Street." in about  # param from [params]
    assert "is not supported" not in build.output


def test_front_matter_rules(tmp_path: Path) -> None:
    site, _ = adopt("hugo-basic", tmp_path)
    public = output_folder(site)
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    titles = {item["title"] for item in feed["items"]}
    assert titles == {"Office opening hours", "Videos and posts about the storm", "A walk along the quay", "Spring tides this weekend"}
    assert not (public / "posts/unfinished").exists() and not (public / "posts/scheduled").exists()
    assert not (public / "posts/expired").exists()
    pages = (public / "about/index.html").read_text(encoding="utf-8")
    assert '"@type":"BlogPosting"' not in pages  # a root page is a page, not a dated post
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "<p>Tides and news from the harbour, every morning.</p>" in home  # content/_index.md
    section = (public / "posts/index.html").read_text(encoding="utf-8")
    assert '<h1 class="list-title">Harbour news</h1>' in section and "Everything that happened on the water." in section
    first = (public / "posts/my-first-post/index.html").read_text(encoding="utf-8")
    data = json_ld(first)
    assert [author["name"] for author in data["author"]] == ["Ines Okafor", "Tom Brandt"]
    assert redirect_target(site, "/old/spring-tides/") == "https://tides.example.org/posts/my-first-post/"


def test_init_writes_only_masthead_toml(tmp_path: Path) -> None:
    from origin_sites import SITES

    site, _ = adopt("hugo-basic", tmp_path)
    before = {p.relative_to(SITES / "hugo-basic") for p in (SITES / "hugo-basic").rglob("*") if p.is_file()}
    after = {p.relative_to(site) for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] not in ("public", ".masthead-cache")}
    assert after - before == {Path("masthead.toml")}
    assert all((site / path).read_bytes() == (SITES / "hugo-basic" / path).read_bytes() for path in before)  # untouched
    text = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'kind = "hugo"' in text and 'post_sections = ["posts"]' in text and 'base_url = "https://tides.example.org"' in text


def test_pages_only_site_without_front_matter_builds(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from masthead.cli import main

    (tmp_path / "hugo.toml").write_text("baseURL = 'https://docs.example/'\ntitle = 'Docs'\n")
    (tmp_path / "content").mkdir()
    (tmp_path / "content/install.md").write_text("# Installing\n\nRun the installer.\n")  # Hugo allows no front matter
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path)]).exit_code == 0
    result = runner.invoke(main, ["build", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "public/install/index.html").read_text(encoding="utf-8")
    assert "<title>Installing · Docs</title>" in page


def test_goldmark_attributes_are_markup_not_text(tmp_path: Path) -> None:
    site, _ = adopt("hugo-basic", tmp_path)
    page = (output_folder(site) / "docs/install/index.html").read_text(encoding="utf-8")
    assert '<h2 id="requirements" class="checklist">Before you start</h2>' in page  # Goldmark's heading attributes
    assert "{.note}" not in page and "{.steps}" not in page and "{.tip" not in page  # block attributes: Hugo takes the lines off
    assert "<p>A phone with the latest system update.</p>" in page
    assert "{.this-stays}" in page  # in code, as written
    assert re.findall(r"\{[#.][\w-]+", re.sub(r"<pre\b.*?</pre>", "", page, flags=re.DOTALL)) == []
