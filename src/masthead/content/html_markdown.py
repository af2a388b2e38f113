"""HTML as Markdown, with markdownify: what ``masthead import`` and a site's HTML content pages share.

One thing markdownify leaves to its caller: an ``<a>`` around blocks (a card of a landing page, a
heading and a paragraph inside one link) becomes ``[##### Title\n\ntext](url)``, heading marks shown as
text. Here the link goes inside each block instead, as a browser shows it: ``##### [Title](url)``."""

from __future__ import annotations

import re
from typing import Any

from markdownify import MarkdownConverter

_HEADING = re.compile(r"(#{1,6} +|[-*+] +|\d+[.)] +|> +)?(.*)", re.DOTALL)


class _Converter(MarkdownConverter):
    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        if "```" in text or "\n    " in text:  # code inside a link: its text kept as it is
            return text
        if "\n\n" not in text.strip() and not _HEADING.fullmatch(text.strip()).group(1):  # type: ignore[union-attr]
            return str(super().convert_a(el, text, parent_tags))  # type: ignore[misc]  # not in markdownify's stub
        lines = []
        for line in text.strip().splitlines():
            marker, words = _HEADING.fullmatch(line).groups()  # type: ignore[union-attr]
            lines.append(f"{marker or ''}{super().convert_a(el, words, parent_tags)}" if words.strip() else line)  # type: ignore[misc]
        return "\n\n" + "\n".join(lines) + "\n\n"

    def convert_iframe(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """A frame, when the caller keeps them (``frames=True``): the link that stands for it, as raw HTML,
        as a frame written in Markdown becomes; else nothing."""
        if not self.options.get("frames"):  # type: ignore[attr-defined]  # not in markdownify's stub
            return ""
        from .raw_html import frame_link

        src, title = el.get("src"), el.get("title")
        shown = frame_link(src if isinstance(src, str) else "", title if isinstance(title, str) else "")
        return f"\n\n{shown.strip()}\n\n" if shown else ""


def to_markdown(html: str, **options: Any) -> str:
    """``html`` as Markdown, markdownify's ``options`` given (and ``frames``: keep frames as links to what they show)."""
    return str(_Converter(**options).convert(html))
