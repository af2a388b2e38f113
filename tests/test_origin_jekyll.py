"""A Jekyll site in `jekyll new`'s shape (minima) builds with `masthead init && masthead build`, URLs kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

from origin_sites import adopt, json_ld, literal_syntax, output_folder, page_urls, redirect_target

# From Jekyll's docs: the default permalink style `date` is /:categories/:year/:month/:day/:title:output_ext,
# categories are the folders above _posts plus the front matter's, in lower case; pages with a
# permalink keep it; drafts are not published.
EXPECTED_URLS = {
    "/",
    "/about/",
    "/jekyll/update/2024/01/05/welcome-to-jekyll.html",
    "/2024/02/10/storm-warning-lifted.html",
    "/news/works/2024/03/01/new-pontoon.html",
    "/ferry-timetable/",  # redirect_from
    "/2024/01/ferry.html",  # redirect_from
}


def test_urls_are_jekylls(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-minima", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert (output_folder(site) / "feed.xml").is_file()  # jekyll-feed's address too


def test_liquid_is_rendered_and_nothing_literal_is_left(tmp_path: Path) -> None:
    site, build = adopt("jekyll-minima", tmp_path)
    assert literal_syntax(site) == []
    public = output_folder(site)
    storm = (public / "2024/02/10/storm-warning-lifted.html").read_text(encoding="utf-8")
    assert '<a href="/jekyll/update/2024/01/05/welcome-to-jekyll.html">new timetable</a>' in storm  # post_url
    assert "written for Harbour Notes and is called &quot;Storm Warning Lifted&quot;" in storm  # site.* and page.title
    assert "Check with the coast guard" not in storm  # comment
    assert "<code>{{ page.title }}</code>" in storm  # raw keeps its text
    welcome = (public / "jekyll/update/2024/01/05/welcome-to-jekyll.html").read_text(encoding="utf-8")
    assert '<pre><code class="language-ruby">def print_departures(times)' in welcome  # highlight
    assert '<a href="/about/">the office</a>' in welcome  # {{ site.baseurl }}{% link about.markdown %}
    assert re.search(r'<img src="/_images/timetable-640w-\w+\.png"', welcome)  # relative_url, and the image was found
    assert (public / "assets/img/timetable.png").is_file()
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert "by Ines Okafor." in about
    assert "warning" not in build.output


def test_filename_dates_titles_and_drafts(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-minima", tmp_path)
    feed = json.loads((output_folder(site) / "feed.json").read_text(encoding="utf-8"))
    titles = [item["title"] for item in feed["items"]]
    assert titles == ["A new pontoon for small boats", "Storm Warning Lifted", "The ferry timetable changes on Monday"]
    dates = [item["date_published"] for item in feed["items"]]
    assert dates[1] == "2024-02-10T00:00:00Z" and dates[2] == "2024-01-05T10:15:00+01:00"
    assert not any("dredging" in url for url in page_urls(site))
    assert not (site / "_drafts/dredging-plans.md").read_text().count("date")  # nothing was written into content


def test_redirect_from_pages(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-minima", tmp_path)
    target = "https://harbour-notes.example/jekyll/update/2024/01/05/welcome-to-jekyll.html"
    assert redirect_target(site, "/ferry-timetable/") == target
    assert redirect_target(site, "/2024/01/ferry.html") == target


def test_authors_list_in_json_ld(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-minima", tmp_path)
    page = (output_folder(site) / "news/works/2024/03/01/new-pontoon.html").read_text(encoding="utf-8")
    data = json_ld(page)
    assert data["author"] == [{"@type": "Person", "name": "Ines Okafor"}, {"@type": "Person", "name": "Tom Brandt"}]


# The same site configured with each of Jekyll's styles (jekyllrb.com/docs/permalinks/): the posts'
# URLs as Jekyll writes them; pages keep /about/ (their own permalink).
STYLES = {
    "pretty": {"/jekyll/update/2024/01/05/welcome-to-jekyll/", "/2024/02/10/storm-warning-lifted/", "/news/works/2024/03/01/new-pontoon/"},
    "none": {"/jekyll/update/welcome-to-jekyll.html", "/storm-warning-lifted.html", "/news/works/new-pontoon.html"},
    "/:categories/:year/:month/:day/:title/": {
        "/jekyll/update/2024/01/05/welcome-to-jekyll/",
        "/2024/02/10/storm-warning-lifted/",
        "/news/works/2024/03/01/new-pontoon/",
    },
    "/blog/:year/:title": {"/blog/2024/welcome-to-jekyll.html", "/blog/2024/storm-warning-lifted.html", "/blog/2024/new-pontoon.html"},
}


def test_permalink_styles(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner
    from origin_sites import SITES

    from masthead.cli import main

    for number, (style, posts) in enumerate(STYLES.items()):
        site = tmp_path / str(number)
        shutil.copytree(SITES / "jekyll-minima", site)
        config = site / "_config.yml"
        config.write_text(config.read_text() + f'permalink: "{style}"\n')
        assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
        result = CliRunner().invoke(main, ["build", str(site)])
        assert result.exit_code == 0, result.output
        urls = page_urls(site)
        assert posts <= urls and "/about/" in urls, (style, urls)
        assert len([url for url in urls if "pontoon" in url]) == 1


def test_editing_config_yml_rebuilds_what_shows_site_variables(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from masthead.cli import main

    site, _ = adopt("jekyll-minima", tmp_path)
    config = site / "_config.yml"
    config.write_text(config.read_text().replace("harbour_master: Ines Okafor", "harbour_master: Tom Brandt"))
    result = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert result.exit_code == 0, result.output
    about = (output_folder(site) / "about/index.html").read_text(encoding="utf-8")
    assert "by Tom Brandt." in about


def test_title_keeps_the_file_names_case_and_slug_does_not(tmp_path: Path) -> None:
    """Jekyll's Drops::UrlDrop: :title is Utils.slugify(name, "pretty", cased: true), :slug is the
    default mode (lower case, "_" and "." as "-"): 2024-04-01-Harbour_Notes.v2.md is /Harbour_Notes.v2/
    under :title and /harbour-notes-v2/ under :slug."""
    import shutil

    from click.testing import CliRunner
    from origin_sites import SITES

    from masthead.cli import main

    for pattern, expected in (("/notes/:title/", "/notes/Harbour_Notes.v2/"), ("/notes/:slug/", "/notes/harbour-notes-v2/")):
        site = tmp_path / pattern.strip("/").replace(":", "").replace("/", "-")
        shutil.copytree(SITES / "jekyll-minima", site)
        (site / "_posts" / "2024-04-01-Harbour_Notes.v2.md").write_text("---\nlayout: post\n---\nNotes from the harbour.\n", encoding="utf-8")
        config = site / "_config.yml"
        config.write_text(config.read_text() + f'permalink: "{pattern}"\n')
        assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
        result = CliRunner().invoke(main, ["build", str(site)])
        assert result.exit_code == 0, result.output
        assert expected in page_urls(site), (pattern, page_urls(site))


def test_site_time_is_the_newest_posts_date_and_the_description_follows_the_lists(tmp_path: Path) -> None:
    """site.time (Jekyll's build time) is the newest post's date, so the same sources build the same
    bytes; a page whose first paragraph reads the site's lists gets its description from them too."""
    from origin_sites import adopt_folder

    site = tmp_path / "timed"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Timed\nurl: https://timed.example.org\n", encoding="utf-8")
    (site / "_posts" / "2023-11-05-older.md").write_text("---\nlayout: post\ntitle: Older\n---\nOld news.\n", encoding="utf-8")
    (site / "_posts" / "2024-01-02-newer.md").write_text("---\nlayout: post\ntitle: Newer\n---\nNew news.\n", encoding="utf-8")
    (site / "about.md").write_text(
        '---\nlayout: page\ntitle: About\n---\n\nUpdated {{ site.time | date: "%Y" }}, {{ site.posts.size }} posts.\n', encoding="utf-8"
    )
    adopt_folder(site)
    about = (output_folder(site) / "about.html").read_text(encoding="utf-8")
    assert "<p>Updated 2024, 2 posts.</p>" in about
    assert '<meta name="description" content="Updated 2024, 2 posts.">' in about
