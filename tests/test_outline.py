"""content/outline.py: a body's headings nest under the page's h1, with no level skipped."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from masthead.content.markdown import render
from masthead.content.outline import levelled

_LEVELS = re.compile(r"<h([1-6])\b")


def _levels(html: str) -> list[int]:
    return [int(level) for level in _LEVELS.findall(html)]


def test_a_body_starting_at_h3_starts_at_h2() -> None:
    body = render("### Roasting by the harbour\n\nText.\n\n#### The kiln\n\n### Our beans\n")
    assert _levels(body.html) == [2, 3, 2]
    assert '<h2 id="roasting-by-the-harbour">Roasting by the harbour</h2>' in body.html
    assert [(heading.level, heading.id) for heading in body.headings] == [(2, "roasting-by-the-harbour"), (3, "the-kiln"), (2, "our-beans")]


def test_a_title_repeated_as_h1_goes_under_the_page_title() -> None:
    assert _levels(render("# Harbour news\n\n## Tides\n\n### Spring\n\n## Wind\n").html) == [2, 3, 4, 3]


def test_raw_and_restructured_headings_are_levelled_too() -> None:
    assert _levels(render('<h4 class="kicker">Late</h4>\n\nText.\n', clean_html=True).html) == [2]
    assert levelled('<section id="a">\n<h4>A</h4>\n<h5 class="x">B</h5>\n</section>') == '<section id="a">\n<h2>A</h2>\n<h3 class="x">B</h3>\n</section>'


def test_nesting_from_h2_is_left_exactly_as_written() -> None:
    html = '<h2 id="a">A</h2><p><a href="/h3">h3</a> &lt;h4&gt;</p><h3>B</h3><h4>C</h4><h2>D</h2><header>x</header><hr>'
    assert levelled(html) is html


def test_levels_never_pass_h6() -> None:
    assert _levels(levelled("".join(f"<h{n}>{n}</h{n}>" for n in range(1, 7)))) == [2, 3, 4, 5, 6, 6]


@given(st.lists(st.integers(1, 6), max_size=12))
def test_any_levels_nest_without_a_skip(written: list[int]) -> None:
    html = "".join(f"<h{level}>t{index}</h{level}>\n<p>p</p>\n" for index, level in enumerate(written))
    shown = _levels(levelled(html))
    assert len(shown) == len(written)
    previous = 1  # the page's h1
    for level in shown:
        assert 2 <= level <= min(previous + 1, 6)
        previous = level
    # the order of what is deeper and what is not is kept: a heading written deeper than the one before it stays deeper
    for index in range(1, len(written)):
        if written[index] > written[index - 1] and shown[index - 1] < 6:
            assert shown[index] == shown[index - 1] + 1
        if written[index] == written[index - 1]:
            assert shown[index] == shown[index - 1]
    assert re.sub(r"<(/?)h[1-6]", r"<\1h", levelled(html)) == re.sub(r"<(/?)h[1-6]", r"<\1h", html)
    if all(level <= previous + 1 for previous, level in zip([1, *written], written, strict=False)) and 1 not in written:
        assert levelled(html) == html
