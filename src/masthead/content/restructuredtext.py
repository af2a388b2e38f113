"""Pelican's reStructuredText posts: the title, the ``:key: value`` fields after it, and the body
rendered by docutils (what Pelican uses), with raw HTML and file inclusion switched off.

docutils is an optional extra (``pip install 'masthead[rst]'``); without it an ``.rst`` file is a
problem that says so.
"""

from __future__ import annotations

import html as html_module
import re
from typing import Any

from ..errors import Problem
from .frontmatter import FrontMatterError, Split, pelican_lists

_UNDERLINE = re.compile(r"^([=\-`:'\"~^_*+#<>])\1{2,}\s*$")
_FIELD = re.compile(r"^:([\w -]+):\s*(.*?)\s*$")


def split(text: str, path: str) -> tuple[Split, dict[str, Any]]:
    """The document's fields (title included) and its body, with the line where the body starts."""
    lines = text.split("\n")
    data: dict[str, Any] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    overline = index + 2 < len(lines) and _UNDERLINE.match(lines[index]) and _UNDERLINE.match(lines[index + 2])
    if overline:
        data["title"], index = lines[index + 1].strip(), index + 3
    elif index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1]) and lines[index].strip():
        data["title"], index = lines[index].strip(), index + 2
    field_lines: list[str] = []
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and (match := _FIELD.match(lines[index])):
        data[match.group(1).strip().lower()] = match.group(2)
        field_lines.append(f"{match.group(1).strip().lower()}: line {index + 1}")
        index += 1
    if "title" not in data:
        raise FrontMatterError(
            Problem(path, 1, "title", "missing; expected the document to start with a title line underlined with ===, then :date: and the other fields")
        )
    block = "\n".join(lines[:index])
    return Split(block, "\n".join(lines[index:]), index + 1, "rst"), pelican_lists(data)


def key_lines(block: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, line in enumerate(block.split("\n"), 1):
        match = _FIELD.match(line)
        if match:
            found.setdefault(match.group(1).strip().lower(), number)
    return found


def to_html(body: str, path: str, first_line: int, raw: bool = False) -> tuple[str, list[Problem]]:
    """The body as HTML fragments, and docutils' warnings with their file lines; with ``raw``, the
    ``.. raw:: html`` blocks Pelican keeps are kept too, made safe as raw HTML in Markdown is."""
    try:
        from docutils.core import publish_parts
        from docutils.utils import SystemMessage
        from docutils.writers.html5_polyglot import Writer
    except ImportError as exc:
        raise FrontMatterError(
            Problem(path, None, None, "is reStructuredText, which needs docutils; expected it installed: pip install 'masthead[rst]'")
        ) from exc
    from .rst_directives import register

    register()
    settings = {
        "raw_enabled": raw,
        "file_insertion_enabled": False,
        "report_level": 2,
        "halt_level": 5,
        "warning_stream": False,
        "doctitle_xform": False,
        "initial_header_level": 2,
        "syntax_highlight": "none",
        "input_encoding": "unicode",
        "output_encoding": "unicode",
    }
    problems: list[Problem] = []
    try:
        parts = publish_parts(body, source_path=path, writer=Writer(), settings_overrides=settings)
    except SystemMessage as exc:  # pragma: no cover - halt_level 5 never halts
        return "", [Problem(path, first_line, None, f"invalid reStructuredText: {exc}")]
    html = parts["body"]
    for match in re.finditer(r'<p class="system-message-title">System Message: (\w+)/\d+ \([^)]*line (\d+)\).*?</p>\s*<p>(.*?)</p>', html, re.DOTALL):
        message = html_module.unescape(re.sub(r"<[^>]+>", "", match.group(3)))
        problems.append(Problem(path, first_line + int(match.group(2)) - 1, None, f"reStructuredText {match.group(1).lower()}: {message}", warning=True))
    html = re.sub(r'<aside class="system-message">.*?</aside>\n?|<div class="system-message">.*?</div>\n?', "", html, flags=re.DOTALL)
    if raw:
        from .raw_html import clean_rendered

        html = clean_rendered(html)
    return html, problems
