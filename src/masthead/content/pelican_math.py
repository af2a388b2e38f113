"""TeX in the Markdown of a Pelican site that runs the render_math plugin (``PLUGINS = ['render_math']``),
as MathML, which every browser shows without the MathJax script render_math would load from a CDN.

``$$…$$`` and ``\\begin{equation}…\\end{equation}`` (and the other environments) are display math,
``$…$`` inline math, as the plugin reads them; code spans and code blocks are left alone, and so is
TeX latex2mathml cannot read (it stays as the text it was).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|(?:^(?: {4}|\t)[^\n]*\n?)+|(`+)(?!`).+?(?<!`)\2(?!`)", re.MULTILINE | re.DOTALL)
_MATH = re.compile(
    r"(?<!\\)\$\$(?P<display>(?:(?!\n[ \t]*\n).)+?)(?<!\\)\$\$"  # within a paragraph: `$ r $$` is a typo, not math
    r"|\\begin\{(?P<env>equation\*?|align\*?|eqnarray\*?|gather\*?|multline\*?)\}(?P<body>.+?)\\end\{(?P=env)\}"
    r"|(?<![\\$\w])\$(?P<inline>[^$\n]+?)(?<!\\)\$(?![\w$])",
    re.DOTALL,
)


# What latex2mathml writes, kept by ammonia; anything else (\\text{<script>}, which latex2mathml passes
# through as it is) is removed
_MATHML = frozenset(
    {"math", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "msub", "msup", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder"}
    | {"munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom", "menclose", "merror", "mmultiscripts", "mprescripts", "none"}
)
_MATHML_ATTRIBUTES = {"*": {"xmlns", "display", "stretchy", "fence", "form", "mathvariant", "separator", "lspace", "rspace", "columnalign"}}
_MATHML_ATTRIBUTES["*"] |= {"displaystyle", "scriptlevel", "width", "height", "depth", "linethickness", "accent", "accentunder", "movablelimits"}
_MATHML_ATTRIBUTES["*"] |= {"minsize", "maxsize", "symmetric", "largeop", "columnspacing", "rowspacing", "columnlines", "rowlines", "notation"}


def uses_math(settings: Mapping[str, Any]) -> bool:
    """Whether the site runs render_math (``render_math``, ``pelican.plugins.render_math``, a path ending so)."""
    plugins = settings.get("PLUGINS")
    names = plugins if isinstance(plugins, (list, tuple)) else ()
    return any(isinstance(name, str) and name.replace("-", "_").rstrip("/").split("/")[-1].split(".")[-1].endswith("render_math") for name in names)


def transform(text: str, keep: Callable[[str], str]) -> str:
    """``text`` with each formula outside code replaced by ``keep(mathml)`` (a placeholder token)."""
    import nh3
    from latex2mathml.converter import convert

    def formula(match: re.Match[str]) -> str:
        tex = match.group("display") or match.group("body") or match.group("inline") or ""
        block = match.group("inline") is None
        try:
            shown = nh3.clean(convert(tex.strip(), display="block" if block else "inline"), tags=_MATHML, attributes=_MATHML_ATTRIBUTES)
        except Exception:  # noqa: BLE001 - latex2mathml raises many kinds on TeX it cannot read: the text stays
            return match.group(0)
        return f"\n\n{keep(shown)}\n\n" if block and match.group(0).startswith("\\begin") else keep(shown)

    out, last = [], 0
    for code in _CODE.finditer(text):
        out += [_MATH.sub(formula, text[last : code.start()]), code.group(0)]
        last = code.end()
    out.append(_MATH.sub(formula, text[last:]))
    return "".join(out)
