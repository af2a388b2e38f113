"""MDX bodies (gatsby-plugin-mdx): Markdown with ES module lines and JSX components.

masthead runs no JavaScript, so what only React could render never reaches a reader as text:
``import``/``export`` statements (``export default (props) => <Layout … />``, over several lines)
are removed, ``{/* comments */}`` too; a component (a tag whose name starts with a capital, as
MDX tells components from HTML) follows the rule shortcodes follow: a pair keeps its inner
content, read as Markdown, a standalone one is removed, and either way a warning names it.
Code (fenced or inline) is left as written.
"""

from __future__ import annotations

import re

from ..errors import Problem
from .bodies import Transformed

_FENCE = re.compile(r"^\s*(```|~~~)")
_STATEMENT = re.compile(r"^(import|export)\b")
_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.DOTALL)
# <Poem title='x'>, <Avatar />, </Poem>, <Layout.Header>: attributes may hold {…} and quoted strings
_COMPONENT = re.compile(r"""<(/?)([A-Z][\w.]*)((?:\s+(?:[^\s=>/{]+(?:=(?:"[^"]*"|'[^']*'|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}))?|\{[^{}]*\}))*)\s*(/?)>""")
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def _statement_end(lines: list[str], start: int) -> int:
    """The index after an import/export statement begun at ``start``: brackets balanced, or a blank line."""
    depth = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start and not line.strip() and depth <= 0:
            return index
        depth += sum(line.count(char) for char in "([{") - sum(line.count(char) for char in ")]}")
        if depth <= 0 and not line.rstrip().endswith(("=>", "(", ",", "=")):
            return index + 1
    return len(lines)


def _without_statements(text: str) -> str:
    """``text`` with its top-level import and export statements blanked (lines kept, for line numbers)."""
    lines = text.split("\n")
    fenced = False
    index = 0
    while index < len(lines):
        if _FENCE.match(lines[index]):
            fenced = not fenced
        elif not fenced and _STATEMENT.match(lines[index]):
            end = _statement_end(lines, index)
            lines[index:end] = [""] * (end - index)
            index = end
            continue
        index += 1
    return "\n".join(lines)


def transform(text: str, first_line: int, source: str) -> Transformed:
    """Markdown of an MDX body, with warnings about the components it could not render."""
    text = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), _without_statements(text))
    problems: list[Problem] = []
    out: list[str] = []
    fenced = False
    for number, line in enumerate(text.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or "<" not in line:
            out.append(line)
            continue
        code = {match.start(): match.end() for match in _INLINE_CODE.finditer(line)}

        def replace(match: re.Match[str], number: int = number, code: dict[int, int] = code) -> str:
            if any(start <= match.start() < end for start, end in code.items()):
                return match.group(0)
            closing, name, self_closing = match.group(1), match.group(2), match.group(4)
            if not closing:
                kept = "it was removed" if self_closing else "its inner content was kept"
                problems.append(Problem(source, first_line + number, f'JSX component "{name}"', f"not supported; {kept}", warning=True))
            return ""

        out.append(_COMPONENT.sub(replace, line))
    return Transformed("\n".join(out), {}, (), tuple(problems))
