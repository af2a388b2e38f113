"""bodies.placed: each placeholder a tag left in the rendered HTML is replaced by its HTML, a block's
instead of the paragraph cmark wrapped its token in, a block's own tokens too (nested, newest first)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from masthead.content.bodies import placed, placeholder


def test_a_paragraph_markdownify_made_stands_as_a_block() -> None:
    blocks: dict[str, str] = {}
    token = placeholder(blocks, "<p>A <strong>bold</strong> note</p>")
    assert placed(f"<p>{token}</p>\n<p>Text {token} inline</p>", blocks) == (
        "<p>A <strong>bold</strong> note</p>\n<p>Text <p>A <strong>bold</strong> note</p> inline</p>"
    )


def test_a_block_holding_older_blocks_is_filled_in_whole() -> None:
    blocks: dict[str, str] = {}
    inner = placeholder(blocks, "<p>inner</p>")
    outer = placeholder(blocks, f'<div class="note">{inner}</div>')
    assert placed(f"<p>{outer}</p>", blocks) == '<div class="note"><p>inner</p></div>'


@given(st.lists(st.sampled_from(["<p>x</p>", "<em>y</em>", '<div class="d">', "</div>", "z"]), min_size=1, max_size=6), st.data())
def test_no_token_is_left(htmls: list[str], data: st.DataObject) -> None:
    blocks: dict[str, str] = {}
    tokens: list[str] = []
    for html in htmls:  # each block may hold tokens made before it
        held = data.draw(st.lists(st.sampled_from(tokens), max_size=2)) if tokens else []
        tokens.append(placeholder(blocks, html + "".join(held)))
    page = "\n".join(f"<p>{token}</p>" for token in data.draw(st.lists(st.sampled_from(tokens), min_size=1, max_size=4)))
    assert "mastheadblock" not in placed(page, blocks)
