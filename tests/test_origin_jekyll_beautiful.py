"""A Jekyll site in beautiful-jekyll's shape (remote_theme, no layouts of its own) builds with
`masthead init && masthead build`: its URLs kept, its base URL from CNAME, cover-img as the picture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, json_ld, literal_syntax, output_folder, page_urls

# From Jekyll's docs: a custom `permalink: /:year-:month-:day-:title/` puts posts at
# /2024-01-08-new-year-timetable/ (the date in the site's timezone, America/Vancouver: 23:30 on the
# 5th stays the 5th); a permalink ending in "/" makes pages pretty too (aboutme.md at /aboutme/);
# jekyll-paginate's default paginate_path puts the home page's later pages at /page2/. tags.html
# (at /tags/) is masthead's own tag list, which page_urls leaves out. 404.html has no permalink, so Jekyll
# writes it at /404/ as it writes every page: masthead's 404 page is there too (and at /404.html).
EXPECTED_URLS = {
    "/",
    "/404/",
    "/page2/",
    "/aboutme/",
    "/2024-01-08-new-year-timetable/",
    "/2024-01-15-crane-number-four/",
    "/2024-02-02-pilot-boats/",
    "/2024-02-19-harbour-master/",
    "/2024-03-05-late-night-sailing/",
    "/2024-03-20-spring-cleanup/",
    "/2024-04-01-new-berth/",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-beautiful", tmp_path_factory.mktemp("beautiful"))


def test_urls_are_jekylls(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []


def test_base_url_is_the_cname_domain(built: tuple[Path, Result]) -> None:
    site, _ = built
    assert 'base_url = "https://harbourwatch.example.org"' in (site / "masthead.toml").read_text(encoding="utf-8")
    post = (output_folder(site) / "2024-02-02-pilot-boats/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://harbourwatch.example.org/2024-02-02-pilot-boats/">' in post


def test_cover_img_in_each_of_its_shapes_is_the_picture(built: tuple[Path, Result]) -> None:
    site, _ = built
    public = output_folder(site)

    def social(url: str) -> str:
        page = (public / url / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<meta property="og:image" content="https://harbourwatch\.example\.org/_images/(\w+)-social-\w+\.jpg">', page)
        return found.group(1) if found else ""

    assert social("2024-01-08-new-year-timetable") == "quay"  # cover-img: one path
    assert social("2024-02-19-harbour-master") == "crane"  # thumbnail-img only
    assert social("2024-04-01-new-berth") == "quay"  # cover-img: [{path: caption}, …], the first
    berth = (public / "2024-04-01-new-berth/index.html").read_text(encoding="utf-8")
    assert "<figcaption>The new berth, from the breakwater</figcaption>" in berth
    assert json_ld(berth)["image"][0].startswith("https://harbourwatch.example.org/_images/quay-")


def test_liquid_page_and_tags(built: tuple[Path, Result]) -> None:
    site, build = built
    public = output_folder(site)
    crane = (public / "2024-01-15-crane-number-four/index.html").read_text(encoding="utf-8")
    assert '<a href="/2024-01-08-new-year-timetable/">the timetable post</a>' in crane  # {% post_url %}
    timetable = (public / "2024-01-08-new-year-timetable/index.html").read_text(encoding="utf-8")
    assert '<a href="/aboutme">about page</a>' in timetable  # relative_url as Jekyll writes it; the host adds the slash
    assert (public / "tags/ferries/index.html").is_file() and (public / "tags/timetable/index.html").is_file()
    assert "tags.html:3: warning: title: URL /tags/ is masthead's own page" in build.output
