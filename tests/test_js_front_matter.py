"""Eleventy's ---js front matter: declarations (Eleventy 3) or one object literal (Eleventy 1 and 2), read as
data with tree-sitter's JavaScript grammar and never run; fuzzed."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.content.frontmatter import FrontMatterError, key_lines, parse, split
from masthead.content.js_front_matter import JsFrontMatterError, read


def _data(text: str) -> dict[str, Any]:
    return parse(split(text, "page.njk"), "page.njk")


def test_declarations_are_the_data_and_functions_are_left_out() -> None:
    text = """---js
// <script>
const title = `Tides`;
let order = 0x10, size = 1_000;
var tags = ["a", 'b\\'s', "\\u00e9\\u{1F30A}"];
const nav = { key: title, "order": -2.5, parent: null, draft: false, [computed]: 1, f() {}, g: () => 1 };
const later = title;
export const shout = (text) => text.toUpperCase();
const made = `${title} log`;
// </script>
---
<h1>{{ title }}</h1>
"""
    assert _data(text) == {
        "title": "Tides",
        "order": 16,
        "size": 1000,
        "tags": ["a", "b's", "é🌊"],
        "nav": {"key": "Tides", "order": -2.5, "parent": None, "draft": False},
        "later": "Tides",
    }
    assert key_lines(split(text, "page.njk").yaml_text, "js") == {"title": 3, "order": 4, "size": 4, "tags": 5, "nav": 6, "later": 7}
    assert split(text, "page.njk").body == "<h1>{{ title }}</h1>\n"


def test_an_object_literal_is_eleventy_2s_form() -> None:
    text = '---javascript\n/* about */\n{\n  title: "About",\n  permalink: "/about-us/",\n  tags: ["x"],\n}\n---\nbody\n'
    assert _data(text) == {"title": "About", "permalink": "/about-us/", "tags": ["x"]}
    assert key_lines(split(text, "page.njk").yaml_text, "js") == {"title": 4, "permalink": 5, "tags": 6}


def test_broken_javascript_names_its_line() -> None:
    with pytest.raises(FrontMatterError) as caught:
        _data('---js\nconst title = "A";\nconst nav = { key: "B"\n---\nbody\n')
    assert caught.value.problem.line == 3 and "invalid JavaScript front matter" in caught.value.problem.message
    with pytest.raises(FrontMatterError) as unclosed:
        split('---js\nconst title = "A";\n', "page.njk")
    assert "never closed" in unclosed.value.problem.message


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, float) or isinstance(right, float):
        return isinstance(left, (int, float)) and isinstance(right, (int, float)) and math.isclose(left, right, rel_tol=1e-12, abs_tol=0)
    if isinstance(left, dict):
        return isinstance(right, dict) and left.keys() == right.keys() and all(_same(left[key], right[key]) for key in left)
    if isinstance(left, list):
        return isinstance(right, list) and len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right) and type(left) is type(right)


@settings(max_examples=200, deadline=None)
@given(value=_JSON)
def test_json_values_read_back_as_themselves(value: Any) -> None:
    """JSON is JavaScript: any JSON value declared reads back as the value (lone surrogates aside)."""
    text = json.dumps(value, ensure_ascii=True)
    if "\\ud8" in text or "\\ud9" in text or "\\uda" in text or "\\udb" in text or "\\udc" in text or "\\udd" in text or "\\ude" in text or "\\udf" in text:
        return
    data, _ = read(f"const value = {text};\n", "page.njk", 2)
    assert _same(data["value"], value)


@settings(max_examples=300, deadline=None)
@given(block=st.text(max_size=200))
def test_any_text_is_data_or_a_front_matter_error(block: str) -> None:
    try:
        data, lines = read(block, "page.njk", 2)
    except JsFrontMatterError as exc:
        assert exc.problem.path == "page.njk" and exc.problem.line is not None and exc.problem.line >= 2
        return
    assert isinstance(data, dict) and set(lines) <= set(data)
    json.dumps(data)  # plain data only: nothing of the program is kept


def test_nesting_deeper_than_data_needs_is_left_out_not_a_crash() -> None:
    deep, _ = read("const list = " + "[" * 5000 + "]" * 5000 + ";\nconst title = 'Kept';", "page.njk", 2)
    assert deep == {"title": "Kept"}
    nested, _ = read("const nav = " + "{a: " * 3000 + "1" + "}" * 3000 + ";", "page.njk", 2)
    depth, value = 0, nested["nav"]
    while isinstance(value, dict) and "a" in value:
        depth, value = depth + 1, value["a"]
    assert 60 <= depth <= 70 and value == {}  # kept down to the limit, the rest left out
    with pytest.raises(JsFrontMatterError):
        read("const list = " + "[" * 5000 + ";", "page.njk", 2)
