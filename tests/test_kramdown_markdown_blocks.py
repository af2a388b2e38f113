"""kramdown's Markdown inside HTML: an element with ``markdown="1"`` (or any element that holds blocks,
with ``parse_block_html: true``) ends on its closing tag's line, so what follows is Markdown again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from masthead.content.kramdown_blocks import join_html_blocks
from masthead.content.markdown import render


def test_a_markdown_element_ends_on_its_closing_line() -> None:
    text = '<div class="box" markdown="1">\n**in**\n</div>\nRight *after*.\n<div markdown="1">\nx\n</div>\n```ruby\nputs 1\n```\n'
    assert join_html_blocks(text) == '<div class="box" markdown="1">\n**in**\n</div>\n\nRight *after*.\n<div markdown="1">\nx\n</div>\n\n```ruby\nputs 1\n```\n'
    assert render(join_html_blocks(text), clean_html=True).html == (
        '<div class="box">\n<p><strong>in</strong></p>\n</div>\n<p>Right <em>after</em>.</p>\n<div>\n<p>x</p>\n</div>\n'
        '<pre><code class="language-ruby">puts 1\n</code></pre>\n'
    )


def test_a_fence_inside_a_markdown_element_does_not_close_it() -> None:
    text = '<div markdown="1">\n```html\n</div>\n```\n</div>\nAfter.\n'
    assert join_html_blocks(text) == '<div markdown="1">\n```html\n</div>\n```\n</div>\n\nAfter.\n'


def test_parse_block_html_reads_every_block_element_as_markdown() -> None:
    text = '<div class="wrapper">\n**bold**\n\n![img](/x.png)\n</div>\n\n<details>\n<summary>Click</summary>\n\n- *item*\n\n</details>\n\n<span>*em*</span>\n'
    assert join_html_blocks(text, every_block_markdown=True).startswith('<div class="wrapper" markdown="1">\n')
    assert render(join_html_blocks(text, every_block_markdown=True), clean_html=True).html == (
        '<div class="wrapper">\n<p><strong>bold</strong></p>\n<p><img loading="lazy" decoding="async" src="/x.png" alt="img"></p>\n</div>\n'
        "<details>\n<summary>Click</summary>\n<ul>\n<li><em>item</em></li>\n</ul>\n</details>\n<p><span><em>em</em></span></p>\n"
    )
    assert join_html_blocks("<div/>\n<div>x</div>\n```\n<div>\n```", every_block_markdown=True) == "<div/>\n<div>x</div>\n\n```\n<div>\n```"


_LINES = ['<div markdown="1">', "<div>", "</div>", "<section>", "</section>", "text **b**", "", "```", "<li>", "  </li>", '<p markdown="1">a</p>']


@given(st.lists(st.sampled_from(_LINES), max_size=14), st.booleans())
def test_only_blank_lines_fillers_and_markdown_attributes_are_added(lines: list[str], every: bool) -> None:
    out = join_html_blocks("\n".join(lines), every_block_markdown=every)
    kept = [line.replace(' markdown="1">', ">") for line in out.split("\n") if line.strip() and line != "<!-- -->"]
    assert kept == [line.replace(' markdown="1">', ">") for line in lines if line.strip()]
    render(out, clean_html=True)  # and it renders
