"""content/pelican_math.py: render_math's TeX as MathML, code left alone, nothing unsafe let through."""

from __future__ import annotations

from masthead.content.pelican_math import transform, uses_math


def _shown(text: str) -> tuple[str, list[str]]:
    kept: list[str] = []

    def keep(html: str) -> str:
        kept.append(html)
        return f"[{len(kept) - 1}]"

    return transform(text, keep), kept


def test_display_inline_and_environments_become_mathml() -> None:
    text, kept = _shown("Pick $ r$ of $n$:\n\n$$ \\frac{n!}{r!} $$\n\n\\begin{equation} a^2 \\end{equation}\n")
    assert text == "Pick [0] of [1]:\n\n[2]\n\n\n\n[3]\n\n\n"
    assert kept[0].startswith('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">') and "<mi>r</mi>" in kept[0]
    assert 'display="block"' in kept[2] and "<mfrac>" in kept[2] and "<msup>" in kept[3]


def test_code_prices_and_typos_stay_text() -> None:
    source = "Costs $5 and $10 today.\n\n    $ python\n    >>> 1\n\nRun `echo $HOME$` now; a typo $ r $$\n\nnext paragraph.\n"
    text, kept = _shown(source)
    assert text == source and kept == []


def test_tex_cannot_smuggle_markup() -> None:
    _, kept = _shown("$\\text{<script>alert(1)</script>} x$")
    assert kept and "<script" not in kept[0] and "alert" not in kept[0] and "<mi>x</mi>" in kept[0]


def test_only_sites_that_run_render_math() -> None:
    assert uses_math({"PLUGINS": ["summary", "render_math"]}) and uses_math({"PLUGINS": ["pelican.plugins.render_math"]})
    assert uses_math({"PLUGINS": ["pelican_plugin-render_math"]})
    assert not uses_math({"PLUGINS": ["summary"]}) and not uses_math({})
