"""Eleventy's JavaScript front matter (``---js``), read and never run.

Eleventy 3 takes every top-level ``const``/``let``/``var`` of the block as data; Eleventy 1 and 2 took one
object literal (``---js { title: "About" } ---``). Both are parsed with tree-sitter's JavaScript grammar
and their literal values read: strings, template strings without ``${}``, numbers, booleans, ``null``,
arrays and objects, and names declared above them. Anything else (a function, a call, ``${}``) is a
program: the key is left out, as JavaScript data files are.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Any

from ..errors import Problem

_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "0": "\0"}


class _NotLiteral(Exception):
    """The value is a program (a function, a call…): it is not data."""


class JsFrontMatterError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@lru_cache(maxsize=1)
def _parser() -> Any:
    import tree_sitter_javascript
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_javascript.language()))


def _escape(sequence: str) -> str:
    """A JavaScript escape sequence's character; a lone surrogate half is U+FFFD, as no UTF-8 file can hold it."""
    try:
        found = _character(sequence)
    except (UnicodeDecodeError, ValueError, OverflowError):
        return sequence[1:]
    return "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in found)


def _character(sequence: str) -> str:
    code = sequence[1:]
    if code[:1] in _ESCAPES and (code[:1] != "0" or len(code) == 1):
        return _ESCAPES[code[:1]]
    if code.startswith("u{") and code.endswith("}"):
        return chr(int(code[2:-1], 16)) if int(code[2:-1], 16) <= 0x10FFFF else ""
    if code[:1] in "ux" and len(code) > 1:
        return codecs.decode(sequence.replace("\\x", "\\u00", 1) if code[0] == "x" else sequence, "unicode_escape")
    return "" if code[:1] in "\r\n" else code  # a line continuation, or \' \" \\ and the others: the character itself


def _text(node: Any) -> str:
    parts: list[str] = []
    for child in node.children:
        if child.type == "string_fragment":
            parts.append(child.text.decode("utf-8", "replace"))
        elif child.type == "escape_sequence":
            parts.append(_escape(child.text.decode("utf-8", "replace")))
        elif child.type == "template_substitution":
            raise _NotLiteral
    return "".join(parts)


def _number(text: str) -> int | float:
    text = text.replace("_", "").rstrip("n")  # 1_000, a BigInt's 10n
    lowered = text.lower()
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if lowered.startswith(prefix):
            return int(lowered[2:], base)
    value = float(text)
    return int(value) if value.is_integer() and re.fullmatch(r"\d+", text) else value


def _key(node: Any, names: dict[str, Any]) -> str:
    if node.type in ("property_identifier", "identifier"):
        return str(node.text.decode("utf-8", "replace"))
    if node.type == "string":
        return _text(node)
    if node.type == "number":
        return str(_number(node.text.decode()))
    raise _NotLiteral  # [computed]: a program


_DEEPEST = 64  # nesting deeper than any front matter needs is not data (and would exhaust the stack)


def _value(node: Any, names: dict[str, Any], depth: int = 0) -> Any:
    kind = node.type
    if depth > _DEEPEST:
        raise _NotLiteral
    if kind in ("string", "template_string"):
        return _text(node)
    if kind == "number":
        return _number(node.text.decode())
    if kind in ("true", "false"):
        return kind == "true"
    if kind in ("null", "undefined"):
        return None
    if kind == "parenthesized_expression":
        inner = [child for child in node.named_children if child.type != "comment"]
        return _value(inner[0], names, depth + 1) if len(inner) == 1 else _raise()
    if kind == "unary_expression" and node.children[0].type in ("-", "+") and node.named_children[0].type == "number":
        number = _number(node.named_children[0].text.decode())
        return -number if node.children[0].type == "-" else number
    if kind == "identifier" and node.text.decode() in names:
        return names[node.text.decode()]
    if kind == "array":
        return [_value(child, names, depth + 1) for child in node.named_children if child.type != "comment"]
    if kind == "object":
        found: dict[str, Any] = {}
        for child in node.named_children:
            if child.type == "pair":
                try:  # a function or a program among the keys: that key is left out, the others kept
                    found[_key(child.child_by_field_name("key"), names)] = _value(child.child_by_field_name("value"), names, depth + 1)
                except _NotLiteral:
                    continue
            elif child.type == "shorthand_property_identifier" and child.text.decode() in names:
                found[child.text.decode()] = names[child.text.decode()]
        return found
    raise _NotLiteral


def _raise() -> Any:
    raise _NotLiteral


def _error_line(root: Any) -> int | None:
    """The first line (0-based) of the block where the grammar found an error or a missing token."""
    node = root
    while True:  # down the first child holding an error, without recursion (nesting may be deep)
        if node.type == "ERROR" or node.is_missing:
            return int(node.start_point[0])
        node = next((child for child in node.children if child.has_error or child.is_missing), None)
        if node is None:
            return int(root.start_point[0])


def _declarations(root: Any) -> list[tuple[Any, Any]]:
    """(name, value) nodes of the top-level declarations, ``export const`` among them."""
    found = []
    for statement in root.named_children:
        declaration = statement.child_by_field_name("declaration") if statement.type == "export_statement" else statement
        if declaration is None or declaration.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for declarator in declaration.named_children:
            name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if declarator.type == "variable_declarator" and name is not None and name.type == "identifier" and value is not None:
                found.append((name, value))
    return found


def read(block: str, path: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    """The data of a ``---js`` block (its first line is ``first_line`` of the file), and each key's line."""
    source = block.encode("utf-8")
    literal = re.match(r"\s*(//[^\n]*\n\s*|/\*.*?\*/\s*)*{", block, re.DOTALL) is not None
    tree = _parser().parse(b"(" + source + b"\n)" if literal else source)
    bad = _error_line(tree.root_node) if tree.root_node.has_error else None
    if bad is not None:
        message = "invalid JavaScript front matter; expected `const key = value;` declarations (or one object literal), as Eleventy reads them"
        raise JsFrontMatterError(Problem(path, first_line + bad, "front matter", message))
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    if literal:
        statement = tree.root_node.named_children[0] if tree.root_node.named_children else None
        inner = statement.named_children[0] if statement is not None and statement.named_children else None
        objects = [child for child in inner.named_children if child.type != "comment"] if inner is not None else []
        if inner is not None and inner.type == "parenthesized_expression" and objects and objects[0].type == "object":
            obj = objects[0]
            data = _value(obj, {})
            for pair in obj.named_children:
                key = pair.child_by_field_name("key") if pair.type == "pair" else None
                if key is not None and key.type in ("property_identifier", "string"):
                    lines.setdefault(_key(key, {}), first_line + int(key.start_point[0]))
        return data, lines
    for name, value in _declarations(tree.root_node):
        key = name.text.decode("utf-8", "replace")
        try:
            data[key] = _value(value, data)
        except _NotLiteral:
            continue
        lines.setdefault(key, first_line + int(name.start_point[0]))
    return data, lines


def literal_calls(program: str, method: str) -> list[tuple[str, list[Any]]]:
    """Every ``something.<method>(…)`` call in a JavaScript program (an ``eleventy.config.js``), never run:
    its first argument's source text and the literal values of its arguments (None for a program)."""
    tree = _parser().parse(program.encode("utf-8"))
    found: list[tuple[str, list[Any]]] = []
    stack = [tree.root_node]
    while stack:  # every node, without recursion
        node = stack.pop()
        stack.extend(reversed(node.named_children))
        callee = node.child_by_field_name("function") if node.type == "call_expression" else None
        if callee is None or callee.type != "member_expression":
            continue
        name = callee.child_by_field_name("property")
        arguments = node.child_by_field_name("arguments")
        if name is None or name.text.decode("utf-8", "replace") != method or arguments is None:
            continue
        values = [child for child in arguments.named_children if child.type != "comment"]
        if values:
            found.append((values[0].text.decode("utf-8", "replace"), [_literal(value) for value in values]))
    return found


def _literal(node: Any) -> Any:
    try:
        return _value(node, {})
    except _NotLiteral:
        return None
