"""Front matter in YAML, TOML (+++), JSON and Pelican's header; each error keeps its file line."""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead.config import Config, load_config
from masthead.content.entries import Entry, parse_entry
from masthead.content.frontmatter import FrontMatterError, key_lines, parse, split


def _config(tmp_path: Path, extra: str = "") -> Config:
    (tmp_path / "masthead.toml").write_text(f'base_url = "https://x.org"\n{extra}')
    return load_config(tmp_path)


def _entry(source: str, text: str, config: Config) -> Entry:
    result = parse_entry(source, text.encode(), config)
    assert result.entry is not None, result.problems
    return result.entry


def test_toml_front_matter(tmp_path: Path) -> None:
    text = "+++\ntitle = 'Spring tides'\ndate = 2024-01-14T07:07:07+01:00\ntags = ['tides']\n[params]\nx = 1\n+++\nBody.\n"
    parts = split(text, "p.md")
    assert parts.syntax == "toml" and parts.body == "Body.\n" and parts.body_line == 8
    data = parse(parts, "p.md")
    assert data["title"] == "Spring tides" and data["tags"] == ["tides"] and data["params"] == {"x": 1}
    assert key_lines(parts.yaml_text, "toml") == {"title": 2, "date": 3, "tags": 4}
    entry = _entry("content/blog/p.md", text, _config(tmp_path))
    assert entry.title == "Spring tides" and entry.date.isoformat() == "2024-01-14T07:07:07+01:00"


def test_toml_error_names_the_file_line(tmp_path: Path) -> None:
    text = "+++\ntitle = 'ok'\ndate = 2024-01-14\ntags = [unquoted]\n+++\n"
    result = parse_entry("content/blog/p.md", text.encode(), _config(tmp_path))
    assert result.entry is None
    problem = result.problems[0]
    assert (problem.path, problem.line, problem.field) == ("content/blog/p.md", 4, "front matter")
    assert problem.message.startswith("invalid TOML: ")


def test_unclosed_toml_block() -> None:
    with pytest.raises(FrontMatterError) as caught:
        split("+++\ntitle = 'x'\n", "p.md")
    assert caught.value.problem.message.startswith("the block opened on line 1 is never closed; expected a line '+++'")


def test_json_front_matter(tmp_path: Path) -> None:
    text = '{\n  "title": "Storm",\n  "date": "2024-03-10T18:30:00+01:00",\n  "draft": false\n}\nThe storm.\n'
    parts = split(text, "p.md")
    assert parts.syntax == "json" and parts.body == "The storm.\n" and parts.body_line == 6
    assert key_lines(parts.yaml_text, "json") == {"title": 2, "date": 3, "draft": 4}
    entry = _entry("content/blog/p.md", text, _config(tmp_path))
    assert entry.title == "Storm" and not entry.draft


def test_json_error_line() -> None:
    with pytest.raises(FrontMatterError) as caught:
        split('{\n  "title": "Storm",\n  "date": 2024-03-10\n}\n', "p.md")
    problem = caught.value.problem
    assert problem.line == 3 and problem.message.startswith("invalid JSON: ")


def test_pelican_header(tmp_path: Path) -> None:
    text = (
        "Title: My super title\nDate: 2010-12-03 10:20\nModified: 2010-12-05 19:30\nCategory: Python\n"
        "Tags: pelican, publishing\nSlug: my-super-post\nAuthors: Alexis Metaireau, Conan Doyle\n"
        "Summary: Short version for index and feeds\n   continued here.\nStatus: draft\n\nThis is the content.\n"
    )
    parts = split(text, "p.md", header=True)
    assert parts.syntax == "header" and parts.body == "This is the content.\n" and parts.body_line == 12
    lines = key_lines(parts.yaml_text, "header")
    assert lines["tags"] == 5 and lines["status"] == 10
    result = parse_entry("content/p.md", text.encode(), _config(tmp_path, '[origin]\nkind = "pelican"\n'))
    entry = result.entry
    assert entry is not None, result.problems
    assert (entry.title, entry.slug, entry.draft, entry.tags) == ("My super title", "my-super-post", True, ("pelican", "publishing"))
    assert entry.teaser == "Short version for index and feeds continued here."
    assert entry.placement.categories == ("Python",)
    assert entry.placement.authors == (("Alexis Metaireau", ""), ("Conan Doyle", ""))
    assert entry.updated is not None and entry.updated.day == 5


def test_pelican_header_error_line(tmp_path: Path) -> None:
    text = "Title: x\nDate: 2010-12-03\nthis line is not a header\n\nBody\n"
    with pytest.raises(FrontMatterError) as caught:
        split(text, "p.md", header=True)
    assert caught.value.problem.line == 3


def test_yaml_stays_the_default() -> None:
    parts = split("---\ntitle: x\n---\nBody\n", "p.md")
    assert parts.syntax == "yaml" and parse(parts, "p.md") == {"title": "x"}


@pytest.mark.parametrize(
    "author, expected",
    [
        ("Ines Okafor", (("Ines Okafor", ""),)),
        ("[Ines Okafor, Tom Brandt]", (("Ines Okafor", ""), ("Tom Brandt", ""))),
        ("[{name: Ines Okafor, url: 'https://x.org/ines'}, {name: Tom Brandt}]", (("Ines Okafor", "https://x.org/ines"), ("Tom Brandt", ""))),
    ],
)
def test_authors_as_string_list_or_objects(tmp_path: Path, author: str, expected: tuple[tuple[str, str], ...]) -> None:
    text = f"---\ntitle: T\ndate: 2024-01-01\nauthor: {author}\n---\nx\n"
    entry = _entry("content/blog/p.md", text, _config(tmp_path))
    assert entry.placement.authors == expected
    assert entry.author == " and ".join(name for name, _ in expected)


def test_author_of_wrong_shape_is_an_error(tmp_path: Path) -> None:
    result = parse_entry("content/blog/p.md", b"---\ntitle: T\ndate: 2024-01-01\nauthor: {nick: x}\n---\nx\n", _config(tmp_path))
    assert result.entry is None and result.problems[0].line == 4 and result.problems[0].field == "author"
