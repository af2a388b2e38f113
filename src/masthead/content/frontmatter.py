"""Front matter: split a source file into its block and its body, then parse the block.

Four syntaxes, told apart by the first line: YAML between ``---`` lines, TOML between ``+++``
lines (Hugo's default), a JSON object ``{…}`` (Hugo), and Pelican's ``Key: value`` header that
ends at the first blank line. Splitting and parsing are separate steps so that each failure gets
its own precise message. Line numbers are 1-based and count from the top of the file.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import Problem

try:  # The C loader is ten times faster; fall back where libyaml is missing.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE)
_HEADER_LINE = re.compile(r"^([A-Za-z][\w -]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$")  # Pelican's `Key: value`


@dataclass(frozen=True)
class Split:
    yaml_text: str  # the front matter block, whatever its syntax (the name predates TOML and JSON)
    body: str
    body_line: int  # line of the file where the body starts
    syntax: str = "yaml"  # "yaml", "toml", "json" or "header" (Pelican)


class FrontMatterError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def split(text: str, path: str, header: bool = False) -> Split:
    """Separate the front matter block from the body; ``header`` also accepts Pelican's header."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if _TOML_FENCE.match(text):
        return _fenced(text, path, _TOML_FENCE, "+++", "TOML", "toml")
    if text.startswith("{"):
        return _json_block(text, path)
    if _FENCE.match(text) is None and (header or text[:6].lower() == "title:"):
        return _header_block(text, path)
    if _FENCE.match(text) is None:
        raise FrontMatterError(Problem(path, 1, "front matter", "missing; expected the file to start with a line '---', then YAML, "
                                                "then '---' (or '+++' and TOML, or a JSON object)"))
    return _fenced(text, path, _FENCE, "---", "YAML", "yaml")


def _fenced(text: str, path: str, fence: re.Pattern[str], mark: str, language: str, syntax: str) -> Split:
    first = fence.match(text)
    assert first is not None
    closing = fence.search(text, first.end())
    if closing is None:
        raise FrontMatterError(Problem(path, 1, "front matter", f"the block opened on line 1 is never closed; expected a line '{mark}' after the {language}"))
    block = text[first.end() + 1 : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return Split(block, text[body_start:], text.count("\n", 0, body_start) + 1, syntax)


def _json_block(text: str, path: str) -> Split:
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as exc:
        raise FrontMatterError(Problem(path, exc.lineno, "front matter", f"invalid JSON: {exc.msg} (column {exc.colno}); "
                                                         "expected one JSON object, then the body")) from exc
    newline = text.find("\n", end)
    body_start = len(text) if newline < 0 else newline + 1
    return Split(text[:end], text[body_start:], text.count("\n", 0, body_start) + 1, "json")


def _header_block(text: str, path: str) -> Split:
    """Pelican's header: ``Key: value`` lines (indented lines continue a value) up to a blank line."""
    lines = text.split("\n")
    count = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            break
        if line[:1] in (" ", "\t") and count:
            count += 1
            continue
        if _HEADER_LINE.match(line) is None:
            raise FrontMatterError(Problem(path, number, "front matter", f"{line.strip()[:40]!r} is not a `Key: value` line; expected the "
                                                        "header to end with a blank line before the text"))
        count += 1
    block = "\n".join(lines[:count])
    body_start = min(len(text), len(block) + 1)
    while text[body_start : body_start + 1] == "\n":
        body_start += 1
    return Split(block, text[body_start:], text.count("\n", 0, body_start) + 1, "header")


def parse(split_result: Split, path: str) -> dict[str, Any]:
    """Parse the block into a mapping; errors carry the file line."""
    if split_result.syntax == "toml":
        return _parse_toml(split_result.yaml_text, path)
    if split_result.syntax == "json":
        return _parse_json(split_result.yaml_text, path)
    if split_result.syntax == "header":
        return _parse_header(split_result.yaml_text)
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


def _parse_toml(block: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(found.group(1)) + 1 if found else 2
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise FrontMatterError(Problem(path, line, "front matter", f"invalid TOML: {message}; expected `key = value` lines "
                                                  '(quote text values: title = "My post")')) from exc


def _parse_json(block: str, path: str) -> dict[str, Any]:
    data = json.loads(block)  # already decoded once by split: it is valid
    if not isinstance(data, dict):
        raise FrontMatterError(Problem(path, 1, "front matter", "expected a JSON object of keys and values"))
    return data


def _parse_header(block: str) -> dict[str, Any]:
    """Pelican's header as strings, keys in lower case as Pelican reads them."""
    data: dict[str, Any] = {}
    key = ""
    for line in block.split("\n"):
        match = _HEADER_LINE.match(line)
        if match and line[:1] not in (" ", "\t"):
            key = match.group(1).strip().lower()
            data[key] = (match.group(2) or "").strip()
        elif key:
            data[key] = f"{data[key]} {line.strip()}".strip()
    return data


_KEY = re.compile(r"""^(?:(["'])(.+?)\1|([^\s#:'"\-\[{][^:\n]*?))[ \t]*:(?=\s|$)""", re.MULTILINE)


_TOML_KEY = re.compile(r"""^[ \t]*(?:(["'])(.+?)\1|([\w-]+))[ \t]*=""", re.MULTILINE)
_JSON_KEY = re.compile(r'^[ \t]*\{?[ \t]*"((?:[^"\\]|\\.)+)"[ \t]*:', re.MULTILINE)
_HEADER_KEY = re.compile(r"^([A-Za-z][\w -]*?)[ \t]*:", re.MULTILINE)


def key_lines(yaml_text: str, syntax: str = "yaml") -> dict[str, int]:
    """File line of each top-level key, so field errors can point at it (cheap: one regex pass)."""
    if syntax == "toml":
        table = re.search(r"^[ \t]*\[", yaml_text, re.MULTILINE)  # keys after the first [table] are not top-level
        return _lines(_TOML_KEY, yaml_text[: table.start()] if table else yaml_text, 2)
    if syntax == "json":
        return _lines(_JSON_KEY, yaml_text, 1, group=1)
    if syntax == "header":
        return {key.strip().lower(): line for key, line in _lines(_HEADER_KEY, yaml_text, 1, group=1).items()}
    return _lines(_KEY, yaml_text, 2)


def _lines(pattern: re.Pattern[str], text: str, first: int, group: int = 0) -> dict[str, int]:
    lines: dict[str, int] = {}
    line, position = first, 0
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        name = match.group(group) if group else (match.group(2) or match.group(3))
        lines.setdefault(name, line)
    return lines
