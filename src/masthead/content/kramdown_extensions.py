"""kramdown's extensions ``{::comment}…{:/comment}`` and ``{::nomarkdown}…{:/nomarkdown}``, outside code.

kramdown writes a comment's text as an HTML comment, which no reader sees: it is left out, its lines
kept (blank) so the body's line numbers stay. ``nomarkdown`` content is output as it is, not read as
Markdown: it stands in the body as a placeholder for its HTML, made safe as raw HTML is (``[origin]
raw_html``, ``raw_html.py``), or, with raw HTML off, as its text. Both close with ``{:/}`` too, as in
kramdown; a self-closing ``{::comment /}`` is removed with kramdown's other markup (``bodies.py``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .raw_html import _outside_code, _outside_spans

_EXTENSION = re.compile(r"\{::(comment|nomarkdown)(?:[ \t][^}\n]*)?\}(.*?)\{:/(?:\1)?\}", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def without_extensions(text: str, placeholder: Callable[[str], str], raw_html: str) -> str:
    """``text`` with its comments left out and its ``nomarkdown`` parts as placeholders for their HTML;
    ``raw_html`` is ``"keep"`` (the site's ``unsafe_html``), ``"clean"`` or ``"text"``."""

    def replace(match: re.Match[str]) -> str:
        lines = "\n" * match.group(0).count("\n")
        if match.group(1) == "comment":
            return lines
        content = match.group(2).strip("\n")
        if raw_html == "keep":
            shown = content
        elif raw_html == "clean":
            from .raw_html import clean_rendered

            shown = clean_rendered(content)
        else:
            shown = html.escape(html.unescape(_TAG.sub("", content)), quote=False)
        return placeholder(shown) + lines

    return _outside_code(text, lambda part: _outside_spans(part, lambda prose: _EXTENSION.sub(replace, prose)) if "{::" in part else part)
