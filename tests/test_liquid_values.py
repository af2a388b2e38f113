"""Liquid's array, string and number filters (content/liquid_values.py) as Jekyll and Liquid define them,
on what real templates give them: lists, strings, numbers as strings, nil."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.content.liquid_values import evaluate, filters

FILTERS = filters("/base", "https://x.org")


def _run(expression: str, **scopes: Any) -> Any:
    unknown: list[str] = []
    value = evaluate(expression, scopes, FILTERS, unknown.append)
    assert unknown == [], unknown
    return value


@pytest.mark.parametrize(
    ("expression", "scopes", "expected"),
    [
        ("a | push: 'x'", {"a": ["w"]}, ["w", "x"]),
        ("a | push: 'x'", {"a": None}, ["x"]),  # nil: an empty list
        ("a | push: 'x'", {"a": "w"}, ["w", "x"]),  # not a list: a list of it
        ("a | pop", {"a": [1, 2, 3]}, [1, 2]),
        ("a | pop: 2", {"a": [1, 2, 3]}, [1]),
        ("a | pop: 5", {"a": [1, 2, 3]}, []),
        ("a | pop", {"a": []}, []),
        ("a | shift", {"a": [1, 2, 3]}, [2, 3]),
        ("a | shift: '2'", {"a": [1, 2, 3]}, [3]),  # a number as a string
        ("a | unshift: 0", {"a": [1]}, [0, 1]),
        ("a | concat: b", {"a": [1], "b": [2, 3]}, [1, 2, 3]),
        ("a | concat: b", {"a": [1], "b": None}, [1]),
        ("a | sample", {"a": ["p", "q"]}, "p"),  # the first: same input, same page
        ("a | sample", {"a": []}, None),
        ("a | sort_natural", {"a": ["beta", "Alpha", "gamma"]}, ["Alpha", "beta", "gamma"]),
        ("a | sort_natural: 'title'", {"a": [{"title": "b"}, {"title": "A"}, {}]}, [{}, {"title": "A"}, {"title": "b"}]),
        ("a | array_to_sentence_string", {"a": []}, ""),
        ("a | array_to_sentence_string", {"a": ["x"]}, "x"),
        ("a | array_to_sentence_string", {"a": ["x", "y"]}, "x and y"),
        ("a | array_to_sentence_string: 'or'", {"a": ["x", "y", "z"]}, "x, y, or z"),
        ("a | normalize_whitespace", {"a": "  one\n\t two  "}, "one two"),
        ("a | newline_to_br", {"a": "one\r\ntwo\nthree"}, "one<br />\ntwo<br />\nthree"),
        ("a | lstrip", {"a": "  x  "}, "x  "),
        ("a | rstrip", {"a": "  x  "}, "  x"),
        ("a | cgi_escape", {"a": "foo, bar; baz?"}, "foo%2C+bar%3B+baz%3F"),
        ("a | inspect", {"a": {"k": [1, "two"]}}, '{"k": [1, "two"]}'),
        ("a | slice: 1, 2", {"a": [1, 2, 3, 4]}, [2, 3]),
        ("a | slice: -3, 2", {"a": "Liquid"}, "ui"),
        ("a | slice: 0", {"a": "Liquid"}, "L"),
        ("a | slice: 9", {"a": [1]}, []),
        ("a | split: ','", {"a": ""}, []),  # Ruby's split: the empty list
        ("a | split: ','", {"a": "a,,b,,"}, ["a", "", "b"]),
        ("a | split: ' '", {"a": "  one  two "}, ["one", "two"]),
        ("a | join: '/'", {"a": [["a", "b"], ["c"]]}, "a/b/c"),  # flattened first
        ("a | ceil", {"a": "1.2"}, 2),
        ("a | floor", {"a": 1.8}, 1),
        ("a | round", {"a": 2.5}, 3),  # Ruby rounds halves away from zero, Python to even
        ("a | round", {"a": -2.5}, -3),
        ("a | round: 2", {"a": "3.14159"}, 3.14),
        ("a | round: 1", {"a": "not a number"}, 0.0),
        ("a | at_least: 5", {"a": 4}, 5),
        ("a | at_most: '5'", {"a": 7}, 5),
        ("a | at_least: 5", {"a": None}, 5),
    ],
)
def test_filters_as_liquid_defines_them(expression: str, scopes: dict[str, Any], expected: Any) -> None:
    assert _run(expression, **scopes) == expected


def test_group_by_keeps_first_seen_order_and_names_as_text() -> None:
    talks = [{"type": "Talk", "t": 1}, {"type": "Tutorial", "t": 2}, {"type": "Talk", "t": 3}, {"t": 4}, "loose"]
    assert _run("a | group_by: 'type'", a=talks) == [
        {"name": "Talk", "items": [talks[0], talks[2]], "size": 2},
        {"name": "Tutorial", "items": [talks[1]], "size": 1},
        {"name": "", "items": [talks[3], talks[4]], "size": 2},
    ]
    assert _run("a | group_by: 'year'", a=[{"year": 2024}, {"year": "2024"}]) == [{"name": "2024", "items": [{"year": 2024}, {"year": "2024"}], "size": 2}]


def test_academicpages_group_by_array_chain() -> None:
    """The filters group-by-array (academicpages' tag and category pages) runs, in its order."""
    posts = [{"tags": ["gauges", "fieldwork"]}, {"tags": ["open data", "gauges"]}]
    names = _run("a | map: 'tags' | join: ',' | join: ',' | split: ',' | sort", a=posts)
    assert names == ["fieldwork", "gauges", "gauges", "open data"]
    assert _run("start | push: 'gauges' | push: 'open data'", start=_run("'' | split: ','")) == ["gauges", "open data"]


def test_a_filter_given_what_it_cannot_take_is_empty() -> None:
    assert _run("a | round: 2", a=float("inf")) is None  # OverflowError inside: nil, as Liquid's lax mode gives
    assert _run("a | ceil", a="nan") is None


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.sampled_from(["1.5", "-3", "1e999", "nan", ""]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(value=_VALUES, first=_VALUES, second=_VALUES, name=st.sampled_from(sorted(FILTERS)))
def test_no_filter_raises_on_any_input(value: Any, first: Any, second: Any, name: str) -> None:
    # evaluate is what a page's {{ … }} reaches: a filter's odd input is nil, never a traceback
    for expression in (f"v | {name}", f"v | {name}: a", f"v | {name}: a, b", f"v | {name}: a | {name}: b, a"):
        evaluate(expression, {"v": value, "a": first, "b": second}, FILTERS, lambda _: None)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from([*"ab |:,'\"()[].-0123456789", *sorted(FILTERS)]), max_size=20))
def test_any_expression_text_evaluates(parts: list[str]) -> None:
    evaluate("".join(parts), {"a": [1, "x", {"k": None}], "b": "text"}, FILTERS, lambda _: None)


_DOCS = [{"title": "b", "order": 2}, {"title": "a"}, {"title": "c", "order": 1}]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("docs | sort: 'order' | map: 'title'", ["a", "c", "b"]),  # by the property, nil first (Jekyll's default)
        ("docs | sort: 'title' | map: 'title'", ["a", "b", "c"]),
        ("words | sort", ["Ab", "b", "c"]),  # no property: the items themselves, case first as Ruby's sort
        ("mixed | sort", [1, "a"]),  # kinds mixed: compared as text
    ],
)
def test_sort_by_a_property(expression: str, expected: list[Any]) -> None:
    assert _run(expression, docs=_DOCS, words=["c", "b", "Ab"], mixed=["a", 1]) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("docs | where_exp: 'doc', 'doc.order > 1' | map: 'title'", ["b"]),
        ("docs | where_exp: 'doc', 'doc.order' | map: 'title'", ["b", "c"]),  # truthy: nil is left out
        ("docs | where_exp: 'doc', \"doc.title != 'a' and doc.order < limit\" | map: 'title'", ["c"]),  # and the page's own variables
        ("docs | find_exp: 'doc', 'doc.order == 1' | map: 'title'", ["c"]),
        ("docs | find_exp: 'doc', 'doc.order == 9'", None),
    ],
)
def test_where_exp_and_find_exp(expression: str, expected: Any) -> None:
    assert _run(expression, docs=_DOCS, limit=2) == expected


def test_where_as_jekyll_matches_and_sort_of_a_hash() -> None:
    posts = [{"title": "p", "categories": ["news", "harbour"], "year": 2024}, {"title": "q", "categories": ["boats"], "year": 2023}]
    assert _run("posts | where: 'categories', 'news' | map: 'title'", posts=posts) == ["p"]  # a list holding it
    assert _run("posts | where: 'year', '2023' | map: 'title'", posts=posts) == ["q"]  # equal as text
    # site.tags | sort: Jekyll's sort of a hash, its [name, posts] pairs by name
    assert _run("tags | sort", tags={"tides": [1], "boats": [2, 3]}) == [["boats", [2, 3]], ["tides", [1]]]
