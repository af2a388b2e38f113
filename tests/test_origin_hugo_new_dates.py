"""A Hugo site as `hugo new site` and `hugo new content` make it on a machine that is not on UTC, with
posts moved from Jekyll, builds with `masthead init && masthead build` at Hugo's URLs."""

from __future__ import annotations

import shutil
import tomllib
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from origin_sites import SITES, adopt, broken_references, literal_syntax, output_folder, page_urls

from masthead.cli import main
from masthead.content import dates
from masthead.content.markdown import hugo_term_slug
from masthead.origins.hugo import filename_date

# Hugo's rules (docs "Front matter", "Configure front matter", "Permalinks"):
# - `hugo new content` writes the machine's local time with its offset (2024-03-01T00:30:00+01:00); :year,
#   :month and :day format the date in that offset, whatever timeZone says (timeZone is for dates written
#   without one): both crossings are on March 1st, though New York's clock said February 29th and March 2nd.
# - [frontmatter] date = [":filename", ":default"]: a file named 2022-03-04-winter-timetable.md is dated by its
#   name (before any date: in its front matter) and its slug is the rest; a bundle's folder name the same.
# - a date in one of Go's layouts Hugo reads (RFC 1123, RFC 822, ANSIC, "02 Jan 2006", ...) is a date, its offset kept.
# - the default [frontmatter] date is ["date", "publishDate", "lastmod"]: a post with lastmod only is dated by it.
# (masthead's own /tags/ pages stand for Hugo's, at the same URLs: page_urls leaves them out.)
EXPECTED_URLS = {
    "/",
    "/posts/",
    "/categories/",
    "/2024/03/01/first-crossing/",
    "/2024/03/01/last-crossing/",
    "/2022/03/04/winter-timetable/",
    "/2023/05/06/river-survey/",  # the folder's date, not the front matter's 2021-01-01
    "/2021/04/05/engine-log/",  # lastmod
    "/2023/01/02/ice-report/",  # "02 Jan 2023", one of Go's layouts Hugo reads
    "/2023/01/03/night-sailing-#2/",  # RFC 1123 with its offset: the 3rd in Rotterdam, the 2nd in New York; "#" kept, as Hugo keeps it
}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, build = adopt("hugo-new-dates", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    public = output_folder(site)
    for term in ("timetables", "c++", "c#", "ferries--tides", "night/day"):  # Hugo's term paths: "C#" is c#, "Night/Day" two folders
        assert (public / "tags" / term / "index.html").is_file(), term
        assert (public / "tags" / term / "index.xml").is_file(), term  # its RSS, the file the escaped URL names
    last = (public / "2024/03/01/last-crossing/index.html").read_text(encoding="utf-8")
    assert 'href="/tags/c%23/"' in last and 'href="/tags/night/day/"' in last
    listing = (public / "posts/index.html").read_text(encoding="utf-8")
    assert 'href="/2023/01/03/night-sailing-%232/"' in listing  # the page's "#" escaped in links to it  # "#" escaped in the link, as Hugo's .RelPermalink
    assert not (public / "tags/c").exists() and not list(public.rglob("*%23*"))  # C++ and C# two terms; no file named with the escape
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert (output_folder(site) / "2023/05/06/river-survey/survey.png").is_file()  # the bundle's picture, beside its page
    assert "warning" not in build.output, build.output
    origin = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))["origin"]
    assert origin["filename_date"] == "first"


def test_a_post_keeps_the_offset_it_was_written_in(tmp_path: Path) -> None:
    site, _ = adopt("hugo-new-dates", tmp_path)
    page = (output_folder(site) / "2024/03/01/first-crossing/index.html").read_text(encoding="utf-8")
    assert '"datePublished":"2024-03-01T00:30:00+01:00"' in page
    assert '<time datetime="2024-03-01T00:30:00+01:00">1 March 2024</time>' in page  # shown as Hugo's .Date.Format shows it
    archive = output_folder(site) / "archive"
    assert (archive / "2024/03/index.html").is_file() and not (archive / "2024/02").exists()  # in New York it was still February


# Measured with Hugo 0.168 (timeZone Europe/Berlin, {{ .Date.Format "2006-01-02T15:04:05.000-07:00" }}): each
# layout Hugo tries besides RFC 3339. A zone named by a word is read as the site's time zone, as Hugo does.
HUGO_DATES = {
    "Mon, 02 Jan 2023 23:30:05 -0700": "2023-01-02T23:30:05.000-07:00",
    "Mon, 02 Jan 2023 23:30:05 MST": "2023-01-02T23:30:05.000+01:00",
    "02 Jan 23 23:30 -0700": "2023-01-02T23:30:00.000-07:00",
    "02 Jan 23 23:30 UTC": "2023-01-02T23:30:00.000+01:00",
    "Monday, 02-Jan-23 23:30:05 PST": "2023-01-02T23:30:05.000+01:00",
    "2023-01-02 23:30:05.123456789 -0700 MST": "2023-01-02T23:30:05.123-07:00",
    "Mon Jan  2 23:30:05 2023": "2023-01-02T23:30:05.000+01:00",
    "Mon Jan  2 23:30:05 EST 2023": "2023-01-02T23:30:05.000+01:00",
    "Mon Jan 02 23:30:05 -0700 2023": "2023-01-02T23:30:05.000-07:00",
    "02 Jan 2023": "2023-01-02T00:00:00.000+01:00",
    "2023-01-02T23:30:05-0700": "2023-01-02T23:30:05.000-07:00",
    "2023-01-02 23:30:05Z": "2023-01-02T23:30:05.000+00:00",
    "2023-01-02 23:30:05 -07:00": "2023-01-02T23:30:05.000-07:00",
    "2023-01-02 23:30:05 -0700": "2023-01-02T23:30:05.000-07:00",
    "2023-01-02 23:30:05": "2023-01-02T23:30:05.000+01:00",
}


@pytest.mark.parametrize(("text", "expected"), HUGO_DATES.items())
def test_dates_read_as_hugo_reads_them(text: str, expected: str) -> None:
    moment = dates.parse(text, "hugo")
    assert moment is not None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("Europe/Berlin"))
    assert moment.isoformat(timespec="milliseconds") == expected


@given(st.text(max_size=40))
def test_any_date_text_reads_without_error(text: str) -> None:
    for origin in ("hugo", "jekyll", "pelican", ""):
        moment = dates.parse(text, origin)
        assert moment is None or isinstance(moment, datetime)


def test_a_date_hugo_cannot_read_is_named(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "hugo-new-dates", site)
    (site / "content/posts/ice-report.md").write_text('---\ntitle: "Ice"\ndate: "the second of January"\n---\nText.\n', encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    result = runner.invoke(main, ["build", str(site)])
    assert result.exit_code == 1
    assert "ice-report.md:3: date: 'the second of January' is not a date; expected" in result.output
    assert "02 Jan 2006" in result.output  # the layouts Hugo reads are named


@pytest.mark.parametrize(
    ("frontmatter", "order"),
    [
        ({"date": [":filename", ":default"]}, "first"),
        ({"date": ["date", ":filename"]}, "last"),
        ({"date": [":default", ":filename"]}, "last"),
        ({"date": ":filename"}, "first"),
        ({"date": ["date", "publishDate"]}, ""),
        ({"date": 7}, ""),
        ("date", ""),
        (None, ""),
    ],
)
def test_filename_date_order(frontmatter: object, order: str) -> None:
    assert filename_date(frontmatter) == order


# Measured with Hugo 0.168 (a post per term, `ls public/tags/`), and its links for "#".
HUGO_TERMS = {
    "C++": "c++",
    "C#": "c%23",
    "Tips & Tricks": "tips--tricks",
    "Rock  &  Roll": "rock----roll",
    "x - y": "x---y",
    "Q&A": "qa",
    "A/B testing": "a/b-testing",
    "Emoji only 🎉": "emoji-only-",
    "50% off": "50-off",
    "dots...x": "dots...x",
    "Ünïcödé Wörds": "ünïcödé-wörds",
    "tab\there": "tab-here",
    "a_b": "a_b",
    "~tilde": "~tilde",
    "@at": "@at",
    "semi;colon": "semicolon",
}


@pytest.mark.parametrize(("term", "path"), sorted(HUGO_TERMS.items()))
def test_term_paths_are_hugos(term: str, path: str) -> None:
    assert hugo_term_slug(term) == path


@given(st.text(max_size=40))
def test_a_term_path_never_leaves_its_folder(term: str) -> None:
    path = hugo_term_slug(term)
    assert path and all(part.strip(".") for part in path.split("/")) and "#" not in path and "\\" not in path


def test_a_bad_lastmod_is_named_once(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "hugo-new-dates", site)
    (site / "content/posts/engine-log.md").write_text('---\ntitle: "Engine log"\nlastmod: "the day after"\n---\nText.\n', encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site)]).exit_code == 0
    build = runner.invoke(main, ["build", str(site)])
    assert build.output.count("content/posts/engine-log.md:3: lastmod: 'the day after' is not a date") == 1, build.output
