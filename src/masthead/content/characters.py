"""Which characters a source may hold: the control-character policy (docs/errors.md).

Refused, anywhere in a content file (raw, as a YAML escape such as ``"\\f"``, or as a Markdown
character reference such as ``&#xFFFF;``), each reported with its line and column:

- C0 control characters other than tab, line feed and carriage return (a form feed pasted from
  a PDF, an escape sequence from a terminal, NUL);
- DEL and the C1 control characters (U+007F to U+009F);
- noncharacters (U+FDD0 to U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF…)
  and surrogates.

XML 1.0 forbids the C0 controls and U+FFFE/U+FFFF outright (lxml will not write them into a feed
or sitemap), and HTML calls every one of these a parse error, so no output could hold them. The
fix is always to delete the character; masthead does not drop it silently, because a character
the writer did not mean to be there often marks other damage (a paste that went wrong).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import Problem

_PLANE_ENDS = "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(17))
FORBIDDEN = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef{_PLANE_ENDS}]")
# Numeric character references, as CommonMark reads them (up to 7 decimal or 6 hex digits).
REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")
REPORTED = 10  # per file; the rest are counted in one last problem

_NAMES = {0x00: "NULL", 0x08: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}


def describe(character: str) -> str:
    """``U+000C FORM FEED (a control character)``, ``U+FFFF (a noncharacter)``…"""
    point = ord(character)
    name = _NAMES.get(point)
    label = f"U+{point:04X}" + (f" {name}" if name else "")
    if 0xD800 <= point <= 0xDFFF:
        kind = "a lone surrogate, which is not a character"
    elif point < 0x20 or 0x7F <= point <= 0x9F:
        kind = "a control character, often pasted from a PDF or a terminal"
    else:
        kind = "a Unicode noncharacter, reserved and never text"
    return f"{label} ({kind})"


def _message(character: str, how: str = "") -> str:
    """``U+000C FORM FEED (…) is not allowed…``, or with ``how`` (``holds ``): ``holds U+000C … , which is not allowed…``."""
    verb = ", which is" if how else " is"
    return f"{how}{describe(character)}{verb} not allowed in text (no feed, sitemap or page may hold it); expected printable characters — delete it"


def position(text: str, index: int, first_line: int = 1) -> tuple[int, int]:
    """1-based (line, column) of ``text[index]``, columns counted in characters."""
    line_start = text.rfind("\n", 0, index) + 1
    return first_line + text.count("\n", 0, index), index - line_start + 1


def _capped(problems: list[Problem], path: str) -> list[Problem]:
    if len(problems) <= REPORTED:
        return problems
    rest = len(problems) - REPORTED
    first_unlisted = problems[REPORTED]
    return [
        *problems[:REPORTED],
        Problem(
            path,
            first_unlisted.line,
            None,
            f"and {rest} more such character{'s' if rest != 1 else ''} from here on; expected none",
            column=first_unlisted.column,
        ),
    ]


def in_text(text: str, path: str) -> list[Problem]:
    """A problem for each refused character in a file's text, with its line and column."""
    problems = []
    for match in FORBIDDEN.finditer(text):
        line, column = position(text, match.start())
        problems.append(Problem(path, line, None, _message(match.group()), column=column))
    return _capped(problems, path)


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a front matter value (keys too); values are already size-bounded."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)


def in_values(data: dict[str, Any], path: str, lines: dict[str, int]) -> list[Problem]:
    """Refused characters that YAML escapes (``"\\f"``, ``"\\x00"``) put into front matter values."""
    problems = []
    for key, value in data.items():
        for text in _strings([key, value]):
            match = FORBIDDEN.search(text)
            if match:
                problems.append(Problem(path, lines.get(key), key, _message(match.group(), "holds ")))
                break
    return _capped(problems, path)


def _referenced(match: re.Match[str]) -> str | None:
    digits, decimal = match.group(1), match.group(2)
    point = int(digits, 16) if digits else int(decimal)
    return chr(point) if 0 < point <= 0x10FFFF else None  # 0 and beyond: CommonMark makes them U+FFFD


def in_references(body: str, body_line: int, path: str, body_html: str) -> list[Problem]:
    """Character references such as ``&#xFFFF;`` or ``&#12;`` that rendered to a refused character.

    Only when the rendered HTML holds one: a reference inside a code span stays text.
    """
    if not FORBIDDEN.search(body_html):
        return []
    problems = []
    for match in REFERENCE.finditer(body):
        character = _referenced(match)
        if character is not None and FORBIDDEN.match(character):
            line, column = position(body, match.start(), body_line)
            problems.append(Problem(path, line, None, _message(character, f"{match.group()} names "), column=column))
    if not problems:
        found = FORBIDDEN.search(body_html)
        assert found is not None
        problems.append(Problem(path, body_line, None, _message(found.group(), "the body renders to ")))
    return _capped(problems, path)
