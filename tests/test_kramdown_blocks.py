"""kramdown's HTML blocks: an element that opens a line runs to its closing tag, blank lines included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from masthead.content.kramdown_blocks import join_html_blocks, open_elements


def test_blank_lines_inside_an_element_are_filled() -> None:
    text = '<div class="row">\n\n    <div class="col">\n\n        x\n    </div>\n</div>\n\nA paragraph.\n\n    code'
    assert join_html_blocks(text) == '<div class="row">\n<!-- -->\n    <div class="col">\n<!-- -->\n        x\n    </div>\n</div>\n\nA paragraph.\n\n    code'


def test_markdown_inside_html_an_unclosed_element_and_fences_are_left_alone() -> None:
    kept = '<div markdown="1">\n\n*x*\n\n</div>\n\n<section>\n\nnever closed'
    assert join_html_blocks(kept) == kept
    fenced = "```html\n<div>\n\n</div>\n```"
    assert join_html_blocks(fenced) == fenced


def test_open_elements_counts_what_is_still_open() -> None:
    assert open_elements('<div class="row">\n  <div class="col">\n') == 2
    assert open_elements("<div></div>\n<figure><img src=x></figure>") == 0
    assert open_elements("```\n<div>\n```\n") == 0


def test_markdown_right_after_an_element_is_markdown_again() -> None:
    """kramdown ends an HTML block at the line of its closing tag; CommonMark would run it on to a blank line,
    leaving the next line's **bold** and ![picture]() as text."""
    text = 'Results.\n\n<p align="center"><img src="/chart.png" alt="Chart"></p>\nThe chart shows **growth**:\n![Photo](/photo.png)\n'
    assert (
        join_html_blocks(text) == 'Results.\n\n<p align="center"><img src="/chart.png" alt="Chart"></p>\n\nThe chart shows **growth**:\n![Photo](/photo.png)\n'
    )
    nested = "<div>\n<blockquote>q</blockquote>\n</div>\nAfter *it*\n"
    assert join_html_blocks(nested) == "<div>\n<blockquote>q</blockquote>\n</div>\n\nAfter *it*\n"
    inline = "<div>one</div> and more\nnext line\n"  # the element does not end its line: left to CommonMark
    assert join_html_blocks(inline) == inline


@given(st.lists(st.sampled_from(["<div>", "</div>", '<p class="x">a</p>', "<p>", "</p>", "text **b**", "", "```", "  <li>x</li>"]), max_size=12))
def test_only_blank_lines_and_fillers_are_added(lines: list[str]) -> None:
    text = "\n".join(lines)
    out = join_html_blocks(text)
    assert [line for line in out.split("\n") if line.strip() and line != "<!-- -->"] == [line for line in lines if line.strip()]
