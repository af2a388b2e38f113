"""eleventyComputed, rendered over the page's data: keys in dependency order, no template ever kept as text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.config import Config, load_config
from masthead.origins.eleventy_computed import computed


def _config(tmp_path: Path) -> Config:
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "masthead.toml").write_text(
        'title = "T"\nbase_url = "https://t.example"\n[folders]\ncontent = "src"\n[origin]\nkind = "eleventy"\n', encoding="utf-8"
    )
    return load_config(tmp_path)


def test_keys_are_rendered_in_the_order_they_use_each_other(tmp_path: Path) -> None:
    config = _config(tmp_path)
    inherited = {"eleventyComputed": {"permalink": "/notes/{{ title | slugify }}/", "summary": "{{ title }} by {{ who }}"}}
    data = {"who": "Ada", "place": "North Light", "eleventyComputed": {"title": "{{ place }} log", "eleventyNavigation": {"key": "{{ title }}"}}}
    result, problems = computed("src/notes/x.md", data, inherited, config, 2)
    assert problems == []
    assert result["title"] == "North Light log"
    assert result["permalink"] == "/notes/north-light-log/"
    assert result["summary"] == "North Light log by Ada"
    assert result["eleventyNavigation"] == {"key": "North Light log"}


def test_the_page_s_own_computed_keys_win_over_its_folder_s(tmp_path: Path) -> None:
    config = _config(tmp_path)
    inherited = {"eleventyComputed": {"title": "Folder", "nav": {"key": "a", "order": 1}}}
    result, _ = computed("src/x.md", {"eleventyComputed": {"nav": {"order": 2}}}, inherited, config, 2)
    assert result["title"] == "Folder" and result["nav"] == {"key": "a", "order": 2}  # merged deeply, as Eleventy merges data


def test_a_key_naming_unknown_data_keeps_the_page_s_own_value(tmp_path: Path) -> None:
    config = _config(tmp_path)
    result, problems = computed("src/x.md", {"title": "Own", "eleventyComputed": {"title": "{{ missing.value }}"}}, {}, config, 3)
    assert result["title"] == "Own"
    assert [(problem.line, problem.field, problem.warning) for problem in problems] == [(3, "eleventyComputed.title", True)]


_PIECES = st.sampled_from([*"ab {}%|-_.\"'", "{{", "}}", "{%", "%}", "title", "who", " | upper", "{% if who %}", "{% endif %}"])
_TEXT = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.dictionaries(st.sampled_from(["title", "summary", "who", "permalink", "tags"]), _TEXT, max_size=4))
def test_no_template_survives_into_a_value(tmp_path: Path, values: dict[str, str]) -> None:
    config = _config(tmp_path)
    result, _ = computed("src/x.md", {"who": "Ada", "eleventyComputed": values}, {}, config, 2)
    for key in values:
        if key != "permalink" and isinstance(result.get(key), str) and result[key] != "Ada":
            text = result[key]
            assert "{{" not in text and "{%" not in text, (key, values[key], text)
