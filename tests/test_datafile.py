"""Data files a user wrote (a generator's config, _data/, Decap's config.yml) read with bounds: whatever
the text, ``load_data`` returns data or raises one ``DataFileError`` with the line; the commands that
read such files report it as a problem, never a traceback (found by fuzzing the fixture sites)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import adopted, assert_handled

from masthead.cli import main
from masthead.content.datafile import DATA_MAX_VALUES, DataFileError, load_data

BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
)

CASES = [
    # (what, text, suffix, line, words of the reason)
    ("a tag PyYAML's constructor cannot build", "title: x\n!!int k: 9\n", ".yaml", 2, "cannot be read as a whole number"),
    ("a date out of range", "when: !!timestamp 2023-02-30\n", ".yml", 1, "cannot be read as a date"),
    ("an alias bomb", BOMB, ".yml", 7, f"more than {DATA_MAX_VALUES:,} values"),
    ("YAML nested thousands deep", "a: " + "[" * 3000 + "]" * 3000, ".yml", 1, "nested more than"),
    ("an alias to its own value", "x: &x [*x]\n", ".yml", 1, "refers to the value that contains it"),
    ("a YAML syntax error", "a: [1\n", ".yml", 2, "expected ',' or ']'"),
    ("a JSON number of 5,000 digits", '{"n": ' + "9" * 5000 + "}", ".json", None, "digits"),
    ("JSON nested a hundred thousand deep", "[" * 100_000 + "]" * 100_000, ".json", None, "nested too deeply"),
    ("a JSON syntax error", '{\n  "a": 1,\n}\n', ".json", 3, "Expecting property name"),
    ("a TOML number of 5,000 digits", "n = " + "9" * 5000 + "\n", ".toml", None, "digits"),
    ("a TOML syntax error", "a = \n", ".toml", 1, "Invalid value"),
]


@pytest.mark.parametrize(("what", "text", "suffix", "line", "reason"), CASES, ids=[case[0] for case in CASES])
def test_hostile_data_is_one_error_with_its_line(what: str, text: str, suffix: str, line: int | None, reason: str) -> None:
    start = time.perf_counter()
    with pytest.raises(DataFileError) as caught:
        load_data(text, suffix)
    assert time.perf_counter() - start < 5, f"{what} took too long"
    assert caught.value.line == line
    assert reason in caught.value.reason


def test_a_large_plain_data_file_is_read() -> None:
    """The bound is on expansion, not on honest size: 4,000 rows of three values (16,000 values) are data."""
    rows = "".join(f"- {{name: person {number}, town: Oslo, born: {1900 + number % 100}}}\n" for number in range(4_000))
    assert len(load_data(rows, ".yml")) == 4_000


def test_check_survives_a_hugo_config_its_parser_chokes_on(tmp_path: Path) -> None:
    """The fuzzer's find: ``!!int k`` in hugo.yaml raised a ValueError through the menus of every page."""
    site = adopted("hugo-hextra-language-folders", tmp_path)
    (site / "hugo.yaml").write_text("!!int k: " + "9" * 50 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(site), "-j", "1"])
    assert_handled(result)


def test_init_reports_an_alias_bomb_in_a_jekyll_config(tmp_path: Path) -> None:
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Bomb\n" + BOMB + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["init", str(site)])
    assert time.perf_counter() - start < 10
    assert_handled(result)
    assert result.exit_code == 1
    assert f"_config.yml:8: cannot be read (this value expands to more than {DATA_MAX_VALUES:,} values" in result.stderr
    assert not (site / "masthead.toml").exists()
