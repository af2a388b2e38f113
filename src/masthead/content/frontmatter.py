"""Front matter: split a source file into its YAML block and its body, then parse the YAML.

Splitting and parsing are separate steps so that each failure gets its own precise message.
Line numbers are 1-based and count from the top of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import Problem

try:  # The C loader is ten times faster; fall back where libyaml is missing.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True)
class Split:
    yaml_text: str
    body: str
    body_line: int  # line of the file where the body starts


class FrontMatterError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def split(text: str, path: str) -> Split:
    """Separate ``---``-fenced YAML from the Markdown body."""
    if text.startswith("\ufeff"):
        text = text[1:]
    first = _FENCE.match(text)
    if first is None:
        raise FrontMatterError(Problem(path, 1, "front matter", "missing; expected the file to start with a line '---', then YAML, then '---'"))
    closing = _FENCE.search(text, first.end())
    if closing is None:
        raise FrontMatterError(Problem(path, 1, "front matter", "the block opened on line 1 is never closed; expected a line '---' after the YAML"))
    yaml_text = text[first.end() + 1 : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, body_start) + 1
    return Split(yaml_text, text[body_start:], body_line)


def parse(split_result: Split, path: str) -> dict[str, Any]:
    """Parse the YAML block into a mapping; errors carry the file line."""
    try:
        data = yaml.load(split_result.yaml_text, Loader=SafeLoader)  # noqa: S506 - safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark  # where the broken construct starts
        line = mark.line + 2 if mark is not None else 1
        what = "; ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        if exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
            what += f" (on line {exc.problem_mark.line + 2})"
        raise FrontMatterError(Problem(path, line, "front matter", f"invalid YAML: {what}; expected `key: value` lines "
                                                  "(quote values that contain ': ' or start with a special character)")) from exc
    except yaml.YAMLError as exc:
        raise FrontMatterError(Problem(path, 2, "front matter", f"invalid YAML: {exc}")) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(Problem(path, 2, "front matter", f"is a {type(data).__name__}, expected a mapping of `key: value` lines"))
    return data


_KEY = re.compile(r"""^(?:(["'])(.+?)\1|([^\s#:'"\-\[{][^:\n]*?))[ \t]*:(?=\s|$)""", re.MULTILINE)


def key_lines(yaml_text: str) -> dict[str, int]:
    """File line of each top-level key, so field errors can point at it (cheap: one regex pass)."""
    lines: dict[str, int] = {}
    line, position = 2, 0
    for match in _KEY.finditer(yaml_text):
        line += yaml_text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(2) or match.group(3), line)
    return lines
