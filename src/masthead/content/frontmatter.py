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

# Bounds on what a front matter block may expand to. Aliases (``*name``) share one node, so ten
# lines can describe 10^9 values (an "alias bomb"); anything walking the value would then take
# minutes and gigabytes. No real front matter comes near these.
MAX_VALUES = 10_000  # scalars, lists and mappings, counting each alias use in full
MAX_DEPTH = 50  # lists and mappings inside each other
# libyaml composes nested nodes by C recursion: thousands of '[' overflow its stack (a crash, not
# an exception). Text with fewer nesting indicators than this cannot nest that deep, so it takes
# the fast path; other text is composed in Python, which counts depth as it goes.
_C_SAFE_INDICATORS = 1000
_INDICATORS = re.compile(r"[\[{:?\-\n]")

_TAG_NAMES = {"timestamp": "a date", "int": "a whole number", "float": "a number", "bool": "true or false", "binary": "base64 data", "null": "null"}
_TAG_EXPECTED = {
    "timestamp": "a real date and time such as 2024-12-23T20:53:09Z (or quote it to keep it as text)",
    "int": "digits such as 42 (or quote it to keep it as text)",
    "float": "a number such as 4.2 (or quote it to keep it as text)",
    "bool": "true or false",
}


class _Oversized(yaml.MarkedYAMLError):
    pass


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_size(root: yaml.Node, max_values: int = MAX_VALUES) -> None:
    """Refuse a node graph that expands to too many values, nests too deep, or contains itself.

    Iterative, and each shared node is measured once, so measuring a bomb is as cheap as reading it.
    """
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (values when expanded, depth)
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            in_progress.discard(key)
            measured = [sizes[id(child)] for child in _children(node)]
            size = 1 + sum(count for count, _ in measured)
            depth = 1 + max((deep for _, deep in measured), default=0)
            if size > max_values:
                raise _Oversized(
                    None,
                    None,
                    f"this value expands to more than {max_values:,} values through aliases (*name); "
                    "expected plain values — an alias may repeat a value, not multiply it",
                    node.start_mark,
                )
            if depth > MAX_DEPTH:
                raise _Oversized(None, None, f"values are nested more than {MAX_DEPTH} deep; expected flatter front matter", node.start_mark)
            sizes[key] = (size, depth)
        elif key not in sizes:
            if key in in_progress:
                raise _Oversized(
                    None, None, "an alias (*name) refers to the value that contains it; expected an alias to repeat a value written before it", node.start_mark
                )
            in_progress.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def _construct_message(node: yaml.Node, exc: Exception) -> str:
    tag = str(node.tag).rsplit(":", 1)[-1]
    value = node.value if isinstance(node.value, str) else ""
    shown = repr(value if len(value) <= 60 else value[:60] + "…")
    reason = " ".join(str(exc).split())[:200]
    if isinstance(exc, ValueError) and "digits" in reason and tag == "int":
        return f"a number with {len(value):,} digits; expected at most 4,300 digits (or quote it to keep it as text)"
    what = _TAG_NAMES.get(tag, f"YAML !!{tag}")
    expected = _TAG_EXPECTED.get(tag, "a plain value — remove the tag or quote the value")
    because = f" ({reason})" if isinstance(exc, ValueError) else ""  # Python's other messages would not help
    return f"{shown} cannot be read as {what}{because}; expected {expected}"


class _Loader(SafeLoader):
    """The safe loader, with bounded expansion and constructor errors that carry a line."""

    max_values = MAX_VALUES

    def get_single_node(self) -> yaml.Node | None:
        node = self._compose_single()
        if node is not None:
            _check_size(node, self.max_values)
        return node

    def _compose_single(self) -> yaml.Node | None:
        node: yaml.Node | None = SafeLoader.get_single_node(self)
        return node

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.MarkedYAMLError:
            raise
        except Exception as exc:  # a constructor's own failure (date out of range, !!int abc…)
            raise yaml.constructor.ConstructorError(None, None, _construct_message(node, exc), node.start_mark) from exc


class _DeepLoader(_Loader):
    """Composition in Python (PyYAML's Composer over libyaml's events), with a depth limit."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.anchors: dict[Any, yaml.Node] = {}
        self.depth = 0

    def _compose_single(self) -> yaml.Node | None:
        return yaml.composer.Composer.get_single_node(self)  # type: ignore[arg-type]

    compose_document = yaml.composer.Composer.compose_document
    compose_scalar_node = yaml.composer.Composer.compose_scalar_node
    compose_sequence_node = yaml.composer.Composer.compose_sequence_node
    compose_mapping_node = yaml.composer.Composer.compose_mapping_node

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                event: Any = self.peek_event()
                raise _Oversized(None, None, f"values are nested more than {MAX_DEPTH} deep; expected flatter front matter", event.start_mark)
            node: yaml.Node = yaml.composer.Composer.compose_node(self, parent, index)  # type: ignore[arg-type,assignment]
            return node
        finally:
            self.depth -= 1


_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE)
_JS_FENCE = re.compile(r"^---[ \t]*(?:js|javascript)[ \t]*\r?$", re.MULTILINE)
_HEADER_LINE = re.compile(r"^([A-Za-z][\w -]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$")  # Pelican's `Key: value`


@dataclass(frozen=True)
class Split:
    yaml_text: str  # the front matter block, whatever its syntax (the name predates TOML and JSON)
    body: str
    body_line: int  # line of the file where the body starts
    syntax: str = "yaml"  # "yaml", "toml", "json", "header" (Pelican) or "js" (Eleventy's ---js)


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
    if _JS_FENCE.match(text):  # Eleventy's ---js: JavaScript, read and never run
        opening = _JS_FENCE.match(text)
        assert opening is not None
        closing = _FENCE.search(text, opening.end())
        if closing is None:
            raise FrontMatterError(Problem(path, 1, "front matter", "the block opened on line 1 is never closed; expected a line '---' after the JavaScript"))
        body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
        return Split(text[opening.end() + 1 : closing.start()], text[body_start:], text.count("\n", 0, body_start) + 1, "js")
    if text.startswith("{"):
        return _json_block(text, path)
    if _FENCE.match(text) is None and (header or text[:6].lower() == "title:"):
        return _header_block(text, path)
    if _FENCE.match(text) is None:
        raise FrontMatterError(
            Problem(
                path, 1, "front matter", "missing; expected the file to start with a line '---', then YAML, then '---' (or '+++' and TOML, or a JSON object)"
            )
        )
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
        raise FrontMatterError(
            Problem(path, exc.lineno, "front matter", f"invalid JSON: {exc.msg} (column {exc.colno}); expected one JSON object, then the body")
        ) from exc
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
            raise FrontMatterError(
                Problem(
                    path,
                    number,
                    "front matter",
                    f"{line.strip()[:40]!r} is not a `Key: value` line; expected the header to end with a blank line before the text",
                )
            )
        count += 1
    block = "\n".join(lines[:count])
    body_start = min(len(text), len(block) + 1)
    while text[body_start : body_start + 1] == "\n":
        body_start += 1
    return Split(block, text[body_start:], text.count("\n", 0, body_start) + 1, "header")


def _key_at(lines: dict[str, int], line: int) -> str | None:
    """The top-level key whose entry holds ``line`` (the last key starting on or before it)."""
    before = [(start, key) for key, start in lines.items() if start <= line]
    return max(before)[1] if before else None


def _yaml_problem(exc: yaml.MarkedYAMLError, path: str, yaml_text: str) -> Problem:
    if isinstance(exc, (_Oversized, yaml.constructor.ConstructorError)) and exc.problem_mark is not None:
        mark = exc.problem_mark  # a value that parsed but cannot be built: name its key
        line = mark.line + 2
        message = str(exc.problem)
        if message.startswith("could not determine a constructor"):
            tag = message.split("tag ", 1)[-1].replace("tag:yaml.org,2002:", "!!")
            message = f"the tag {tag} is not allowed; expected plain YAML values (text, numbers, dates, lists, mappings) — remove the tag"
        elif message.startswith("found unhashable key"):  # a `? [a, b]` key: not one the key lines know
            return Problem(path, line, "front matter", "a list or mapping is used as a key; expected a name such as pageTitle", column=mark.column + 1)
        elif exc.context:
            message = f"invalid YAML: {exc.context}; {message}; expected `key: value` lines"
        return Problem(path, line, _key_at(key_lines(yaml_text), line) or "front matter", message, column=mark.column + 1)
    start = exc.context_mark or exc.problem_mark  # where the broken construct starts
    line = start.line + 2 if start is not None else 1
    what = "; ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
    if exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
        what += f" (on line {exc.problem_mark.line + 2})"
    return Problem(
        path,
        line,
        "front matter",
        f"invalid YAML: {what}; expected `key: value` lines (quote values that contain ': ' or start with a special character)",
        column=start.column + 1 if start is not None else None,
    )


def parse(split_result: Split, path: str) -> dict[str, Any]:
    """Parse the block into a mapping; errors carry the file line (and column)."""
    if split_result.syntax == "toml":
        return _parse_toml(split_result.yaml_text, path)
    if split_result.syntax == "json":
        return _parse_json(split_result.yaml_text, path)
    if split_result.syntax == "header":
        return _parse_header(split_result.yaml_text)
    if split_result.syntax == "js":
        return _parse_js(split_result.yaml_text, path)
    text = split_result.yaml_text
    try:
        data = load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        raise FrontMatterError(_yaml_problem(exc, path, text)) from exc
    except yaml.YAMLError as exc:
        raise FrontMatterError(Problem(path, 2, "front matter", f"invalid YAML: {exc}")) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(Problem(path, 2, "front matter", f"is a {_kind(data)}, expected a mapping of `key: value` lines"))
    return data


def load_yaml(text: str, max_values: int = MAX_VALUES) -> Any:
    """YAML a user wrote (front matter, a generator's config, a data file, Decap's config.yml) as data:
    the safe loader, bounded against alias bombs and deep nesting, with a constructor's failure
    (``!!int k``, a date out of range, a number of 5,000 digits) raised as a ``MarkedYAMLError``
    with its line. Every reader of user YAML goes through here, so each gets the same bounds."""
    loader = (_Loader if len(_INDICATORS.findall(text)) < _C_SAFE_INDICATORS else _DeepLoader)(text)
    loader.max_values = max_values
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _parse_toml(block: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(found.group(1)) + 1 if found else 2
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise FrontMatterError(
            Problem(path, line, "front matter", f'invalid TOML: {message}; expected `key = value` lines (quote text values: title = "My post")')
        ) from exc


def _parse_json(block: str, path: str) -> dict[str, Any]:
    data = json.loads(block)  # already decoded once by split: it is valid
    if not isinstance(data, dict):
        raise FrontMatterError(Problem(path, 1, "front matter", "expected a JSON object of keys and values"))
    return data


def _parse_js(block: str, path: str) -> dict[str, Any]:
    from .js_front_matter import JsFrontMatterError, read

    try:
        return read(block, path, 2)[0]
    except JsFrontMatterError as exc:
        raise FrontMatterError(exc.problem) from exc


def pelican_lists(data: dict[str, Any]) -> dict[str, Any]:
    """Pelican's list fields (``Tags:``, ``Authors:``) as lists, split as Pelican splits them: on ``;``
    when the value has one (``Authors: Lovelace, Ada; Babbage, Charles``), else on ``,``."""
    for key in ("tags", "authors"):
        value = data.get(key)
        if isinstance(value, str):
            data[key] = [part.strip() for part in value.split(";" if ";" in value else ",") if part.strip()]
    return data


def _parse_header(block: str) -> dict[str, Any]:
    """Pelican's header as strings (its list fields as lists), keys in lower case as Pelican reads them."""
    data: dict[str, Any] = {}
    key = ""
    for line in block.split("\n"):
        match = _HEADER_LINE.match(line)
        if match and line[:1] not in (" ", "\t"):
            key = match.group(1).strip().lower()
            data[key] = (match.group(2) or "").strip()
        elif key:
            data[key] = f"{data[key]} {line.strip()}".strip()
    return pelican_lists(data)


def _kind(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(type(value), type(value).__name__)


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
    if syntax == "js":
        from .js_front_matter import JsFrontMatterError, read

        try:
            return read(yaml_text, "", 2)[1]
        except JsFrontMatterError:
            return {}
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
