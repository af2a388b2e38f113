"""masthead.toml: defaults, every key checked, problems collected, docs kept in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead.config import commented_config, load_config, options_reference
from masthead.errors import MastheadError

DOCS = Path(__file__).resolve().parent.parent / "docs" / "config.md"


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "masthead.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_lines_are_the_keys_own_in_their_own_table(tmp_path: Path) -> None:
    """Blank lines before a table, and the same key in a later table, never move the line."""
    text = 'title = "T"\n\n\n[images]\n\n  quality = "high"\n\n[deploy]\nquality = 3\n\n[publisher]\nname = 5\n'
    with pytest.raises(MastheadError) as caught:
        load_config(write(tmp_path, text))
    report = caught.value.report()
    assert "masthead.toml:6: images.quality:" in report
    assert "masthead.toml:12: publisher.name:" in report


def test_defaults_and_normalisation(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'base_url = "https://news.example.org/"\n'))
    assert config.base_url == "https://news.example.org"
    assert config.permalink == "/blog/{slug}/"
    assert config.page_size == 10 and config.feed_size == 20
    assert config.publisher.name == "My Briefing" and config.publisher.url == "https://news.example.org"
    assert config.fields["title"] == ("pageTitle", "title")
    assert config.folder("output") == tmp_path / "public"


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    text = 'title = 3\npermalink = "/blog/{id}/"\n[folders]\noutput = "../elsewhere"\n[fields]\ntitel = "x"\n'
    with pytest.raises(MastheadError) as caught:
        load_config(write(tmp_path, text))
    report = caught.value.report()
    assert "masthead.toml:1: title: 3 is a integer" not in report
    assert "masthead.toml:1: title: 3 is an integer, expected a string" in report
    assert "masthead.toml:2: permalink: '/blog/{id}/': unknown token {id}" in report
    assert "masthead.toml:4: folders.output: '../elsewhere': expected a folder name inside the site folder" in report
    assert 'masthead.toml:6: fields.titel: unknown field (did you mean "title"?)' in report
    assert "4 problems found" in report


def test_field_mapping_accepts_a_key_or_a_list(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[fields]\ntitle = "headline"\nteaser = ["lede", "teaser"]\n'))
    assert config.fields["title"] == ("headline",)
    assert config.fields["teaser"] == ("lede", "teaser")


def test_commented_config_is_valid_and_complete(tmp_path: Path) -> None:
    text = commented_config({"title": "X"})
    config = load_config(write(tmp_path, text))
    assert config.title == "X"
    for key in ("permalink", "page_size", "[author]", "[folders]", "[fields]"):
        assert key in text


def test_docs_table_is_in_step_with_the_schema() -> None:
    assert options_reference() in DOCS.read_text(encoding="utf-8")


CONTROL = "(a control character, often pasted from a PDF or a terminal), which is not allowed in text; expected printable characters — delete it"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('title = "A\\u000cB"', f"masthead.toml:2: title: holds U+000C FORM FEED {CONTROL}"),
        ('language = "\\u0000"', f"masthead.toml:2: language: holds U+0000 NULL {CONTROL}"),
        ('description = "\\u0085"', f"masthead.toml:2: description: holds U+0085 NEXT LINE {CONTROL}"),
        ('permalink = "/{slug}\\u0000/"', f"masthead.toml:2: permalink: holds U+0000 NULL {CONTROL}"),
        (
            'base_url = "https://[::1"',
            "masthead.toml:2: base_url: 'https://[::1': is not a URL (Invalid IPv6 URL); expected an absolute http(s) URL such as https://example.org",
        ),
    ],
)
def test_values_that_would_crash_later_are_problems(tmp_path: Path, line: str, expected: str) -> None:
    """Control characters break every feed and page (lxml refuses them); urlsplit raises on a broken IPv6 host."""
    with pytest.raises(MastheadError) as caught:
        load_config(write(tmp_path, f'base_url = "https://x.example"\n{line}\n' if "base_url" not in line else f"title = 'T'\n{line}\n"))
    assert [str(problem) for problem in caught.value.problems] == [expected]


def test_origin_term_pages_and_feeds_are_checked(tmp_path: Path) -> None:
    text = (
        'base_url = "https://x.example"\n[origin]\nkind = "pelican"\ntag_permalink = "/tag/all.html"\n'
        '[origin.index_pages]\ntags = "/tags.html"\ntag = "/t.html"\n[origin.feeds]\nFEED_ALL_ATOM = "feeds/{slug}.xml"\nCATEGORY_FEED = "x.xml"\n'
        'FEED_ALL_JSON = "feed/feed.xml"\n'
    )
    with pytest.raises(MastheadError) as caught:
        load_config(write(tmp_path, text))
    report = caught.value.report()
    assert 'masthead.toml:4: origin.tag_permalink: \'/tag/all.html\': expected "" or a path that starts with "/", has {slug}' in report
    assert "masthead.toml:7: origin.index_pages.tag: unknown page 'tag'; expected one of tags, categories, authors, archives" in report
    assert 'masthead.toml:9: origin.feeds.FEED_ALL_ATOM: expected a path under the output folder ending with ".xml", such as "feeds/all.atom.xml"' in report
    assert "masthead.toml:10: origin.feeds.CATEGORY_FEED: unknown feed 'CATEGORY_FEED'" in report
    assert 'masthead.toml:11: origin.feeds.FEED_ALL_JSON: expected a path under the output folder ending with ".json", such as "feeds/all.json"' in report
    config = load_config(write(tmp_path, 'base_url = "https://x.example"\n[origin]\nkind = "pelican"\ntag_permalink = "/tag/{slug}.html"\n'))
    assert (config.origin.tag_permalink, config.origin.category_permalink, config.origin.folder_category) == ("/tag/{slug}.html", "", True)
