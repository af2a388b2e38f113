"""kramdown's rule for HTML blocks, which Jekyll sites are written to: a block element that opens a line
(``<div class="row">``) runs to its matching closing tag, blank lines and indented lines included, and
its content is HTML, not Markdown (kramdown's ``parse_block_html`` is off by default).

CommonMark ends an HTML block at the first blank line, so a Jekyll page whose ``<div>`` holds a blank
line, or a Liquid tag that rendered to nothing, would go on as Markdown there: an indented ``</div>``
shown as code. Such blank lines are filled with an empty comment, which keeps the block whole and
which the HTML cleaner removes. An element with ``markdown="1"`` is kramdown's Markdown inside HTML,
left as it is, to its closing tag. Either block ends with the line of its closing tag: a line of Markdown
right after it (``<p align="center"><img …></p>`` then ``The chart shows **growth**``, ``</div>`` then a
fence) is Markdown, as kramdown reads it. With kramdown's ``parse_block_html: true`` every element that
holds blocks (a ``<div>``, ``<details>``, ``<li>``) and opens a line of its own is read as if it had
``markdown="1"``.
"""

from __future__ import annotations

import re

_BLOCK = (
    "address|article|aside|blockquote|center|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|"
    "header|main|nav|ol|section|summary|table|tbody|thead|tfoot|tr|td|th|ul|li|picture|p"
)
_TAG = re.compile(rf"<(/?)({_BLOCK})\b[^>]*?(/?)>", re.IGNORECASE)
_OPENS_LINE = re.compile(rf"^ {{0,3}}<({_BLOCK})\b(?![^>]*\bmarkdown\s*=)", re.IGNORECASE)
_CLOSES_LINE = re.compile(rf"</(?:{_BLOCK})\s*>\s*$", re.IGNORECASE)
_MARKDOWN_OPENS_LINE = re.compile(rf"^ {{0,3}}<({_BLOCK})\b[^>]*\bmarkdown\s*=", re.IGNORECASE)
# kramdown's elements whose content is blocks (HTML_CONTENT_MODEL :block), alone on their line
_HOLDS_BLOCKS = "address|article|aside|blockquote|center|details|dialog|dd|div|fieldset|figure|footer|header|main|nav|section|li|td|th"
_BLOCK_LINE = re.compile(rf"^( {{0,3}}<(?:{_HOLDS_BLOCKS})\b(?![^>]*\bmarkdown\s*=)[^>]*?)(/?)>[ \t]*$", re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_FILLER = "<!-- -->"


def _depth_change(line: str) -> int:
    change = 0
    for closing, _, self_closing in _TAG.findall(line):
        change += 0 if self_closing else -1 if closing else 1
    return change


def open_elements(text: str) -> int:
    """How many block elements are open at the end of ``text`` (outside fenced code)."""
    depth = 0
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            depth = max(0, depth + _depth_change(line))
    return depth


def join_html_blocks(markdown: str, every_block_markdown: bool = False) -> str:
    """The Markdown with each HTML block element kept whole as kramdown reads it (blank lines inside filled);
    ``every_block_markdown``: kramdown's ``parse_block_html``."""
    if "<" not in markdown:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    block: list[str] = []  # the lines of the element being read
    depth = 0
    inner = 0  # the depth of an element with markdown="1" being read: its lines are Markdown
    fenced = False
    ended = False  # the line before closed an element that opened its line: kramdown's HTML block ends there
    for line in lines:
        if ended and line.strip():
            out.append("")  # the next line is Markdown again (CommonMark would run the HTML block on to a blank line)
        ended = False
        if every_block_markdown and not fenced and depth == 0:
            line = _BLOCK_LINE.sub(lambda match: match.group(0) if match.group(2) else f'{match.group(1)} markdown="1">', line)
        if inner:
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced:
                inner += _depth_change(line)
            out.append(line)
            if inner <= 0:
                inner, ended = 0, _CLOSES_LINE.search(line) is not None
            continue
        if depth == 0:
            if _FENCE.match(line):
                fenced = not fenced
            if not fenced and _MARKDOWN_OPENS_LINE.match(line):
                inner = _depth_change(line)
                out.append(line)
                if inner <= 0:
                    inner, ended = 0, _CLOSES_LINE.search(line) is not None
                continue
            if not fenced and _OPENS_LINE.match(line):
                depth = _depth_change(line)
                if depth > 0:
                    block = [line]
                    continue
                ended = depth == 0 and _CLOSES_LINE.search(line) is not None
                depth = 0
            out.append(line)
            continue
        block.append(line)
        depth += _depth_change(line)
        if depth <= 0:
            out += [_FILLER if not item.strip() else item for item in block]
            block, depth, ended = [], 0, True
    return "\n".join(out + block)  # an element never closed: as it was
