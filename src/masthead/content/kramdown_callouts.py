"""kramdown's block attribute lists that carry meaning for a reader, as Just the Docs uses them.

A callout: ``{: .note }`` before or after a paragraph or block quote, ``note`` being a name under
``callouts:`` in ``_config.yml`` (its ``title``, "Note", is what the theme's CSS shows above the text);
``{: .note-title }`` on a block quote takes the quote's first paragraph as the title. Both become a
block quote that opens with the title in bold. A table of contents: ``1. TOC`` (or ``* TOC``) followed
by ``{:toc}`` is kramdown's marker for the list of the page's headings, those marked ``{: .no_toc }``
left out; it becomes ``[TOC]``, filled in from the rendered headings (``bodies.py``). Each keeps the
body's line count, so warnings after it keep their lines. Other attribute lists are removed later.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

TOC_MARKER = "[TOC]"
_ATTRIBUTES = re.compile(r"^[ \t]*\{:[ \t]*([^}\n]*)\}[ \t]*$")
_TOC = re.compile(r"^[ \t]*(?:[*+-]|\d+\.)[ \t]+[^\n]*\n[ \t]*\{:\s*toc\s*\}[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")


class Marked(NamedTuple):
    text: str
    untitled_headings: frozenset[str]  # the text of headings marked .no_toc, left out of the table of contents


def _classes(line: str) -> list[str]:
    found = _ATTRIBUTES.match(line)
    return [word[1:] for word in found.group(1).split() if word.startswith(".")] if found else []


def _callout(classes: list[str], callouts: Mapping[str, Any]) -> tuple[str, bool] | None:
    """(the callout's title, whether the block's first paragraph is the title) for ``.note``, ``.note-title``."""
    for name in classes:
        own = name.removesuffix("-title")
        settings = callouts.get(own)
        if isinstance(settings, Mapping) or (own in callouts and settings is None):
            title = settings.get("title") if isinstance(settings, Mapping) else None
            return (str(title) if title else "", name != own)
    return None


def _block_end(lines: list[str], start: int) -> int:
    """The index after the paragraph or block quote starting at ``start``."""
    end = start
    quote = lines[start].lstrip().startswith(">")
    while end < len(lines) and lines[end].strip() and not _ATTRIBUTES.match(lines[end]) and (not quote or lines[end].lstrip().startswith(">")):
        end += 1
    return end


_OWN_BLOCK = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[*+-][ \t]|\d+[.)][ \t]|```|~~~)")  # a line that starts its own block after a title


def _quoted(block: list[str], title: str, titled_by_block: bool) -> list[str]:
    quote = bool(block) and block[0].lstrip().startswith(">")
    first = block[0].lstrip().lstrip(">") if block else ""
    if first.lstrip().startswith("|"):  # a table: a title line above it would be read as its header row
        return block
    lines = block if quote else [f"> {line}" for line in block]
    if titled_by_block and quote:  # the quote's first paragraph is the title: in bold
        end = next((index for index, line in enumerate(lines) if not line.lstrip().lstrip(">").strip()), len(lines))
        first = " ".join(line.lstrip().lstrip(">").strip() for line in lines[:end])
        return [f"> **{first}**", *[">" for _ in range(1, end)], *lines[end:]]
    if not title:
        return lines
    # on the line the attribute list took: the title, then a line break (a heading, list or fence starts anew)
    return [f"> **{title}**" + ("" if _OWN_BLOCK.match(first) else "\\"), *lines]


def _mark_callouts(lines: list[str], callouts: Mapping[str, Any]) -> list[str]:
    out = list(lines)
    fenced = False
    index = 0
    while index < len(out):
        line = out[index]
        if _FENCE.match(line):
            fenced = not fenced
        found = None if fenced else _callout(_classes(line), callouts)
        if found is None:
            index += 1
            continue
        title, titled_by_block = found
        if index > 0 and out[index - 1].strip() and not _ATTRIBUTES.match(out[index - 1]):  # after its block
            start = index - 1
            while start > 0 and out[start - 1].strip():
                start -= 1
            quoted = _quoted(out[start:index], title, titled_by_block)
            extra = len(quoted) - (index - start)  # a title line: the attribute line's place pays for it
            out[start : index + 1] = quoted + [""] * max(0, 1 - extra)
            index = start + len(quoted) + max(0, 1 - extra)
        elif index + 1 < len(out) and out[index + 1].strip():  # before its block
            end = _block_end(out, index + 1)
            quoted = _quoted(out[index + 1 : end], title, titled_by_block)
            spare = (end - index) - len(quoted)  # the attribute line and the block's lines
            out[index:end] = [""] * spare + quoted
            index += spare + len(quoted)
        else:
            index += 1
    return out


def _untitled(lines: list[str]) -> frozenset[str]:
    found = set()
    for index, line in enumerate(lines[1:], start=1):
        if "no_toc" in _classes(line):
            heading = _HEADING.match(lines[index - 1])
            setext = index >= 2 and re.fullmatch(r"[ \t]*(=+|-+)[ \t]*", lines[index - 1]) is not None
            text = heading.group(1) if heading else lines[index - 2] if setext else ""
            if text.strip():
                found.add(re.sub(r"[*_`]", "", text).strip())
    return frozenset(found)


def mark(text: str, config_data: Mapping[str, Any]) -> Marked:
    """``text`` with its callouts as titled block quotes and kramdown's table of contents as ``[TOC]``."""
    callouts = config_data.get("callouts")
    lines = text.split("\n")
    if isinstance(callouts, Mapping) and callouts:
        lines = _mark_callouts(lines, callouts)
    marked = "\n".join(lines)
    if "toc" not in marked:
        return Marked(marked, frozenset())
    from .raw_html import _outside_code

    def contents(part: str) -> str:
        return _TOC.sub(lambda match: TOC_MARKER + "\n" * match.group(0).count("\n"), part)

    return Marked(_outside_code(marked, contents), _untitled(lines))
