"""kramdown's HTML blocks: an element that opens a line runs to its closing tag, blank lines included."""

from __future__ import annotations

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
