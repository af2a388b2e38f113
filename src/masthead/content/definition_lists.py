"""Definition lists (``Term`` then ``: Definition``), as kramdown, Goldmark and Python-Markdown's
``def_list`` read them, through cmark-gfm, which has no such syntax.

Before cmark runs, each list is written as a bullet list whose items start with a marker word (a term,
a definition, a definition after a blank line): cmark then parses what a definition holds (emphasis,
links, citations, further paragraphs, code) as it parses any list item's content, and the source keeps
its lines (links keep their line numbers). After, those lists become ``<dl>``, ``<dt>`` and ``<dd>``.
As in kramdown and Goldmark, a term is a line of a paragraph right before the definitions (each line a
term), a definition's first paragraph is unwrapped unless a blank line comes before it, and terms and
definitions separated by blank lines make one list. Lists inside quotes or list items are not read
(their lines stay text), nor anything in code.
"""

from __future__ import annotations

import re

TERM = "mastheadtermx "
DEFINITION = "mastheaddefinitionx "
WRAPPED = "mastheadwrappedx "  # a definition after a blank line: its first paragraph stays a <p>
_MARKERS = (TERM, DEFINITION, WRAPPED)

_DEFINITION_LINE = re.compile(r"( {0,3}):([ \t]+)(\S.*)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HTML_BLOCK = re.compile(r" {0,3}<(pre|script|style|textarea|!--)", re.IGNORECASE)
_HTML_END = {"pre": "</pre>", "script": "</script>", "style": "</style>", "textarea": "</textarea>", "!--": "-->"}
_BLOCK_START = re.compile(r" {0,3}(?:[#>|]|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|<|\[\^?[^\]]*\]:|(?:[-*_][ \t]*){3,}$)|[ \t]{4}")
_BULLET = re.compile(r" {0,3}([*+-])[ \t]")


def _code_lines(lines: list[str]) -> list[bool]:
    """Which lines are inside a fenced code block or a raw HTML block that runs to its end tag."""
    inside = [False] * len(lines)
    fence, html_end = "", ""
    for index, line in enumerate(lines):
        if fence:
            inside[index] = True
            closing = _FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) and not line[closing.end() :].strip():
                fence = ""
        elif html_end:
            inside[index] = True
            html_end = "" if html_end in line.lower() else html_end
        elif opening := _FENCE.match(line):
            inside[index], fence = True, opening.group(1)
        elif opening := _HTML_BLOCK.match(line):
            end = _HTML_END[opening.group(1).lower()]
            inside[index], html_end = True, "" if end in line[opening.end() :].lower() else end
    return inside


def _is_term(line: str) -> bool:
    return bool(line.strip()) and not _BLOCK_START.match(line) and not _DEFINITION_LINE.fullmatch(line)


def _terms_before(lines: list[str], code: list[bool], index: int) -> tuple[int, bool] | None:
    """Where the terms of a definition at ``index`` start, and whether a blank line is between: None
    when the definition has no paragraph of terms right before it."""
    end = index - 1
    blank = end >= 0 and not lines[end].strip()
    end -= 1 if blank else 0
    start = end
    while start >= 0 and not code[start] and _is_term(lines[start]):
        start -= 1
    if start == end or (start >= 0 and lines[start].strip()):
        return None  # no term, or the paragraph starts with something else (a list item, a heading)
    return start + 1, blank


def rewrite(text: str) -> str:
    """``text`` with its definition lists written as marked bullet lists, line for line."""
    if ":" not in text:
        return text
    lines = text.split("\n")
    code = _code_lines(lines)
    out = list(lines)
    neighbours: list[set[str]] = []
    index = 0
    while index < len(lines):
        found = None if code[index] or not _DEFINITION_LINE.fullmatch(lines[index]) else _terms_before(lines, code, index)
        if found is None:
            index += 1
            continue
        neighbours = neighbours or _neighbouring_bullets(lines, code)
        bullet = _bullet(neighbours[found[0]])
        index = _rewrite_list(lines, code, out, found[0], bullet)
    return "\n".join(out)


def _rewrite_list(lines: list[str], code: list[bool], out: list[str], at: int, bullet: str) -> int:
    """Writes the list whose first term is line ``at`` into ``out``; returns the line after the list."""
    first = at
    while at < len(lines) and not code[at]:
        definition = _DEFINITION_LINE.fullmatch(lines[at])
        if definition:
            marker = WRAPPED if at > 0 and not lines[at - 1].strip() else DEFINITION
            out[at] = f"{definition.group(1)}{bullet}{definition.group(2)}{marker}{definition.group(3)}"
        elif not lines[at].strip():
            following = next((line for line in range(at + 1, len(lines)) if lines[line].strip()), None)
            if following is None or not _continues(lines, code, following):
                return at
        elif at == first or (not lines[at - 1].strip() and not lines[at].startswith(("  ", "\t"))):
            end = _terms_end(lines, code, at)  # terms, then (after a blank line, perhaps) their definition
            check = end + 1 if end < len(lines) and not lines[end].strip() else end
            if end == at or check >= len(lines) or code[check] or not _DEFINITION_LINE.fullmatch(lines[check]):
                return at
            for term in range(at, end):
                out[term] = f"{bullet} {TERM}{lines[term].strip()}"
            at = check
            continue
        at += 1  # a definition's lazy or indented continuation
    return at


def _terms_end(lines: list[str], code: list[bool], at: int) -> int:
    end = at
    while end < len(lines) and not code[end] and _is_term(lines[end]):
        end += 1
    return end


def _continues(lines: list[str], code: list[bool], at: int) -> bool:
    """Whether the line at ``at``, after blank lines, is still part of the list: indented (a further
    paragraph of a definition), a definition, or the first of new terms for one."""
    if code[at]:
        return False
    if lines[at].startswith(("  ", "\t")) or _DEFINITION_LINE.fullmatch(lines[at]):
        return True
    end = at
    while end < len(lines) and _is_term(lines[end]) and not code[end]:
        end += 1
    if end < len(lines) and not lines[end].strip():
        end += 1
    return end > at and end < len(lines) and not code[end] and bool(_DEFINITION_LINE.fullmatch(lines[end]))


def _neighbouring_bullets(lines: list[str], code: list[bool]) -> list[set[str]]:
    """For each line, the bullets of the nearest list line before it and at or after it."""
    marks = [match.group(1) if not code[at] and (match := _BULLET.match(line)) else "" for at, line in enumerate(lines)]
    before, after = [""] * len(lines), [""] * len(lines)
    last = ""
    for at, mark in enumerate(marks):
        before[at], last = last, mark or last
    last = ""
    for at in range(len(lines) - 1, -1, -1):
        last = marks[at] or last
        after[at] = last
    return [{before[at], after[at]} for at in range(len(lines))]


def _bullet(used: set[str]) -> str:
    """A bullet no neighbouring list uses, so cmark does not join the definition list to it."""
    return next(char for char in "*+-" if char not in used)


_NO_END = r"(?:(?!</p>).)*"  # a paragraph's content
_LIST_TAG = re.compile(r"<(/?)(ul|ol|li)\b[^>]*>")


def _marker_after(body_html: str, at: int) -> str:
    """The marker an item's content starts with at ``at`` ("" when none)."""
    rest = body_html[at : at + 40].removeprefix("\n").removeprefix("<p>")
    return next((marker for marker in _MARKERS if rest.startswith(marker)), "")


def render(body_html: str) -> str:
    """cmark's HTML with the marked bullet lists as definition lists."""
    if TERM not in body_html:
        return body_html
    out: list[str] = []
    lists: list[bool] = []  # for each open list: whether it is a definition list
    items: list[str] = []  # for each open item of a definition list: dt or dd
    position = 0
    for match in _LIST_TAG.finditer(body_html):
        closing, name = match.group(1), match.group(2)
        out.append(body_html[position : match.start()])
        position = match.end()
        if name in ("ul", "ol") and not closing:
            first_item = body_html.find("<li>", match.end())
            definition_list = name == "ul" and body_html[match.end() : first_item].strip() == "" and _marker_after(body_html, first_item + 4) == TERM
            lists.append(definition_list)
            out.append("<dl>" if definition_list else match.group(0))
        elif name in ("ul", "ol"):
            out.append("</dl>" if lists and lists.pop() else match.group(0))
        elif not closing and lists and lists[-1]:
            marker = _marker_after(body_html, match.end())
            tag = "dt" if marker == TERM else "dd"
            items.append(tag)
            out.append(f"<{tag}>" if marker != DEFINITION else "<dd data-tight>")
        elif closing and lists and lists[-1] and items:
            out.append(f"</{items.pop()}>")
        else:
            out.append(match.group(0))
    out.append(body_html[position:])
    shown = "".join(out)
    shown = re.sub(rf"<dt>\n?<p>{TERM}({_NO_END})</p>\n?</dt>", r"<dt>\1</dt>", shown, flags=re.DOTALL)
    shown = re.sub(rf"<dd data-tight>\n<p>{DEFINITION}({_NO_END})</p>\n</dd>", r"<dd>\1</dd>", shown, flags=re.DOTALL)
    shown = re.sub(rf"<dd data-tight>\n<p>{DEFINITION}({_NO_END})</p>", r"<dd>\1", shown, flags=re.DOTALL)
    shown = shown.replace("<dd data-tight>", "<dd>")
    for marker in _MARKERS:
        shown = shown.replace(marker, "")
    return shown
