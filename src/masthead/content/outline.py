"""A body's headings nested under the page's title, with no level skipped.

A body sits under the page's ``<h1>`` (its title), so its own headings start at ``<h2>``. Writers, and
the generators masthead adopts, often start lower (a Gatsby page's ``### Our story``, a Blogger
import's ``<h3>``) or repeat the title as ``# Title``; HTML's outline rules (and the W3C checker)
reject a heading that skips a level. The levels are therefore read as nesting, not as numbers: a
heading is one level below the nearest earlier heading written at a higher level, or ``<h2>`` when
there is none. A body whose levels already nest from ``<h2>`` is left exactly as it is; the source
file is never touched.
"""

from __future__ import annotations

import re

_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>/])", re.IGNORECASE)
TOP = 2  # the body's first level: under the page's h1


def levelled(body_html: str) -> str:
    """``body_html`` with every heading's level made the depth of its nesting, from ``<h2>``."""
    if "<h" not in body_html and "<H" not in body_html:
        return body_html
    open_headings: list[tuple[int, int]] = []  # (level written, level shown) of the enclosing headings
    shown = TOP
    changed = False

    def relevel(match: re.Match[str]) -> str:
        nonlocal shown, changed
        closing, written = match.group(1), int(match.group(2))
        if not closing:  # headings never nest: a closing tag belongs to the heading last opened
            while open_headings and open_headings[-1][0] >= written:
                open_headings.pop()
            shown = min(open_headings[-1][1] + 1, 6) if open_headings else TOP  # h1…h6 under a body h1: h6 stays h6
            open_headings.append((written, shown))
        changed = changed or shown != written
        return f"<{closing}h{shown}"

    result = _HEADING_TAG.sub(relevel, body_html)
    return result if changed else body_html
