"""HTML as Markdown (``content/html_markdown.py``): what ``masthead import`` and an adopted site's HTML
pages share. A link around blocks goes inside each block, as a browser shows it; fuzzed, the Markdown
it writes renders back to HTML with no link inside a link and no Markdown shown as text."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from masthead.content.html_markdown import to_markdown
from masthead.content.markdown import render


def test_a_link_around_one_line_is_a_link() -> None:
    assert to_markdown('<p>See <a href="https://a.example/x">the report</a>.</p>').strip() == "See [the report](https://a.example/x)."


def test_a_link_around_a_card_goes_inside_its_heading_and_paragraph() -> None:
    html = '<a href="/docs/setup/"><div class="card"><h5>Set up</h5><p>Light the lamp.</p></div></a>'
    assert to_markdown(html, heading_style="ATX").strip() == "##### [Set up](/docs/setup/)\n\n[Light the lamp.](/docs/setup/)"


def test_a_link_around_a_list_keeps_the_list() -> None:
    html = '<a href="/x/"><ul><li>One</li><li>Two</li></ul></a>'
    assert to_markdown(html, bullets="-").strip() == "- [One](/x/)\n- [Two](/x/)"


def test_code_inside_a_link_is_kept_unlinked() -> None:
    text = to_markdown('<a href="/x/"><pre><code>print(1)</code></pre></a>')
    assert "print(1)" in text and "](/x/)" not in text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.depth -= 1


_WORDS = st.text(alphabet="abcdef XYZ", min_size=1, max_size=12).filter(str.strip)
_INLINE = st.one_of(_WORDS, _WORDS.map(lambda w: f"<em>{w}</em>"), _WORDS.map(lambda w: f"<strong>{w}</strong>"))
_BLOCK = st.one_of(
    _INLINE.map(lambda t: f"<p>{t}</p>"),
    st.tuples(st.integers(1, 6), _INLINE).map(lambda p: f"<h{p[0]}>{p[1]}</h{p[0]}>"),
    st.lists(_INLINE, min_size=1, max_size=3).map(lambda items: "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"),
    _INLINE.map(lambda t: f"<div><p>{t}</p></div>"),
)
_LINKED = st.lists(_BLOCK, min_size=1, max_size=4).map(lambda blocks: '<a href="/page/">' + "".join(blocks) + "</a>")


@given(st.lists(st.one_of(_BLOCK, _LINKED), min_size=1, max_size=4))
def test_fuzzed_links_around_blocks_render_back_as_single_links(parts: list[str]) -> None:
    markdown = to_markdown("".join(parts), heading_style="ATX", bullets="-")
    html = render(markdown).html
    links = _Links()
    links.feed(html)
    assert links.deepest <= 1  # never a link inside a link
    assert "](/page/)" not in html and "[#" not in html  # no Markdown link shown as text
    assert html.count('href="/page/"') >= sum(part.startswith("<a ") for part in parts)
