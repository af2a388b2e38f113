"""A configuration declared once: every key is a dataclass field that carries its default, type,
check and documentation (``option``). One generic loader validates any section from its fields,
collecting every problem with its line and a did-you-mean; the docs table and the commented
scaffold are generated from the same fields (MkDocs' ``config_options``, without the classes).

Types a key may have: ``str``, ``int``, ``bool``; ``tuple[str | int | <dataclass>, ...]`` (a TOML
list, of tables for a dataclass); a nested dataclass (a TOML table); ``Mapping[str, tuple[str, ...]]``
(a table of names, each a string or a list of strings; its check sees each ``(name, value)``).
A string where a list of strings is expected stands for a list of one.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any

from .content.characters import FORBIDDEN, describe
from .errors import Problem, did_you_mean

Check = Callable[[Any], str | None]  # a message saying what is wrong, or None
DOC, CHECK = "doc", "check"


def option(default: Any, doc: str, check: Check | None = None) -> Any:
    """A config key: ``title: str = option("My Briefing", "The site's name…")``."""
    metadata = {DOC: doc, CHECK: check}
    if default.__class__.__hash__ is None:  # unhashable (mutable or a mapping) defaults need a factory
        return field(default_factory=lambda: default, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Key:
    """One declared key, as the loader and the generated docs see it."""

    name: str  # "folders.output"
    kind: Any  # the resolved type hint
    default: Any
    doc: str
    check: Check | None


@cache
def keys(section: Any) -> tuple[Key, ...]:
    """The declared keys of a section, in declaration order (nested sections flattened after)."""
    hints = typing.get_type_hints(section)
    found: list[Key] = []
    for item in _declared(section):
        found.append(Key(item.name, hints[item.name], _default(item), item.metadata[DOC], item.metadata[CHECK]))
    return tuple(found)


def _declared(section: Any) -> list[Field[Any]]:
    return [item for item in fields(section) if DOC in item.metadata]


def _default(item: Field[Any]) -> Any:
    if item.default is not MISSING:
        return item.default
    if item.default_factory is not MISSING:
        return item.default_factory()
    return None


def line_of(text: str, key: str, table: str | None = None) -> int | None:
    """The line where ``key`` is set in a TOML text: in ``[table]`` if given (up to the next
    table's header), else before the first header."""
    start = 0
    if table is not None:
        header = re.search(rf"^[ \t]*\[{re.escape(table)}\][ \t]*(?:#.*)?$", text, re.MULTILINE)
        if header is None:
            return None
        start = header.end()
    following = _HEADER.search(text, start)
    end = following.start() if following else len(text)
    quoted = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    match = re.compile(rf"^[ \t]*{quoted}[ \t]*=", re.MULTILINE).search(text, start, end)
    return text.count("\n", 0, match.start()) + 1 if match else None


_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)  # a table's or an array of tables' header


@dataclass
class Loader:
    """Validates raw TOML values against declared sections, collecting problems."""

    text: str  # the file's text, for line numbers
    path: str  # the file's name in messages
    problems: list[Problem] = field(default_factory=list)

    def section(self, section: Any, raw: Mapping[str, Any], table: str | None = None) -> dict[str, Any]:
        """The values of every declared key of ``section`` (defaults for the absent ones)."""
        declared = {key.name: key for key in keys(section)}
        values = {key.name: key.default for key in declared.values()}
        for name, value in raw.items():
            key = declared.get(name)
            if key is None:
                self.problem(name, table, f"unknown key{did_you_mean(name, declared)}; expected one of {', '.join(declared)}")
                continue
            converted = self.value(key, value, table)
            if converted is not _INVALID:
                values[name] = converted
        return values

    def problem(self, name: str, table: str | None, message: str) -> None:
        line = line_of(self.text, name, table)
        self.problems.append(Problem(self.path, line, f"{table}.{name}" if table else name, message))

    def value(self, key: Key, value: Any, table: str | None) -> Any:
        kind = key.kind
        label = f"{table}.{key.name}" if table else key.name
        if (is_dataclass(kind) or _is_mapping(kind)) and not isinstance(value, dict):
            self.problem(key.name, table, f"expected a table [{label}]")
            return _INVALID
        if _is_mapping(kind):
            return self.mapping(key, value, label)
        if is_dataclass(kind):
            before = len(self.problems)
            converted = kind(**self.section(kind, value, label))  # type: ignore[operator]
            return converted if len(self.problems) == before else _INVALID
        if isinstance(value, str) and _item_type(kind) is str:
            value = [value]
        message = _type_problem(kind, value) or _character_problem(value)
        if message is None and key.check is not None:
            try:
                checked = key.check(value)
            except (ValueError, OSError) as exc:  # a check that meets input it did not foresee (urlsplit's "Invalid IPv6 URL")
                checked = f"cannot be used ({exc}); expected a value as docs/config.md describes it"
            message = f"{value!r}: {checked}" if checked else None
        if message is not None:
            self.problem(key.name, table, message)
            return _INVALID
        return _convert(kind, value)

    def mapping(self, key: Key, value: dict[str, Any], label: str) -> Any:
        """A table of names, each a string or a list of strings (``Mapping[str, str]``: a string;
        ``Mapping[str, <dataclass>]``: a table of tables, each a section, ``[authors.kim]``)."""
        item_kind = typing.get_args(key.kind)[1]
        if is_dataclass(item_kind):
            tables: dict[str, Any] = {}
            for name, item in value.items():
                if not isinstance(item, dict):
                    self.problem(name, label, f"expected a table [{label}.{name}]")
                    continue
                message = key.check((name, item)) if key.check is not None else None
                if message is not None:
                    self.problems.append(Problem(self.path, _table_line(self.text, f"{label}.{name}"), f"{label}.{name}", message))
                    continue
                before = len(self.problems)
                converted = item_kind(**self.section(item_kind, item, f"{label}.{name}"))  # type: ignore[operator]
                if len(self.problems) == before:
                    tables[name] = converted
            return tables
        if typing.get_args(key.kind)[1:] == (str,):
            strings: dict[str, str] = {}
            for name, item in value.items():
                message = key.check((name, item)) if key.check is not None else None
                if message is None and not (isinstance(item, str) and item.strip()):
                    message = "expected a string"
                if message is not None:
                    self.problem(name, label, message)
                    continue
                strings[name.strip()] = item.strip()
            return strings
        entries: dict[str, tuple[str, ...]] = {}
        for name, item in value.items():
            items = [item] if isinstance(item, str) else item
            message = key.check((name, item)) if key.check is not None else None
            if message is None and not (isinstance(items, list) and items and all(isinstance(i, str) and i.strip() for i in items)):
                message = 'expected a string or a list of strings, such as ["pageTitle", "title"]'
            if message is not None:
                self.problem(name, label, message)
                continue
            entries[name.strip()] = tuple(i.strip() for i in items)
        return entries


_INVALID = object()


def _table_line(text: str, table: str) -> int | None:
    header = re.search(rf"^[ \t]*\[{re.escape(table)}\][ \t]*$", text, re.MULTILINE)
    return text.count("\n", 0, header.start()) + 1 if header else None


def _item_type(kind: Any) -> Any:
    """``X`` of ``tuple[X, ...]``, else None."""
    if typing.get_origin(kind) is tuple:
        return typing.get_args(kind)[0]
    return None


def _is_mapping(kind: Any) -> bool:
    return typing.get_origin(kind) in (Mapping, dict, typing.get_origin(Mapping[str, str]))


def _character_problem(value: Any) -> str | None:
    """The content policy for every text value (docs/errors.md): no control characters or noncharacters."""
    for text in value if isinstance(value, list) else [value]:
        found = FORBIDDEN.search(text) if isinstance(text, str) else None
        if found:
            return f"holds {describe(found.group())}, which is not allowed in text; expected printable characters — delete it"
    return None


def _type_problem(kind: Any, value: Any) -> str | None:
    item = _item_type(kind)
    if item is not None:
        if not isinstance(value, list):
            return f"{value!r} is {_article(_toml_name(type(value)))}, expected a list"
        if item is int and not all(type(element) is int for element in value):
            return "expected a list of whole numbers, such as [480, 960, 1600]"
        if item is str and not all(isinstance(element, str) and element for element in value):
            return "expected a list of non-empty strings"
        if is_dataclass(item):
            return _table_items_problem(item, value)
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        return f"{value!r} is {_article(_toml_name(type(value)))}, expected {_article(_toml_name(kind))}"
    return None


def _table_items_problem(item: Any, value: list[Any]) -> str | None:
    names = [element.name for element in fields(item)]
    hints = typing.get_type_hints(item)
    example = "{ " + ", ".join(f'{name} = "…"' for name in names) + " }"
    for number, element in enumerate(value, 1):
        if not isinstance(element, dict):
            return f"entry {number}: expected a table such as {example}"
        unknown = [name for name in element if name not in names]
        if unknown:
            return f"entry {number}: unknown key {unknown[0]!r}{did_you_mean(unknown[0], names)}; expected {', '.join(names)}"
        required = [f.name for f in fields(item) if f.default is MISSING and f.default_factory is MISSING]
        missing = [name for name in required if not element.get(name)]
        if missing:
            return f"entry {number}: {missing[0]}: missing; expected a table such as {example}"
        for name, element_value in element.items():
            if not isinstance(element_value, hints[name]):
                return f"entry {number}: {name}: expected {_article(_toml_name(hints[name]))}"
        checker = getattr(item, "check", None)
        if checker is not None and (message := checker(element)):
            return f"entry {number}: {message}"
    return None


def _convert(kind: Any, value: Any) -> Any:
    item = _item_type(kind)
    if item is not None:
        return tuple(item(**element) if is_dataclass(item) else element for element in value)  # type: ignore[operator]
    return value


def _article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _toml_name(kind: Any) -> str:
    if _item_type(kind) is not None or kind is list:
        return "list"
    if _is_mapping(kind) or is_dataclass(kind) or kind is dict:
        return "table"
    names = {str: "string", int: "integer", bool: "boolean", float: "number"}
    if isinstance(kind, types.UnionType):
        return " or ".join(_toml_name(part) for part in typing.get_args(kind))
    return names.get(kind, getattr(kind, "__name__", str(kind)))


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{name} = {toml_value(item)}" for name, item in value.items()) + " }"
    if is_dataclass(value):
        return toml_value({item.name: getattr(value, item.name) for item in fields(value)})
    return str(value)


def reference_rows(section: Any, table: str | None = None) -> list[str]:
    """Markdown table rows for every key of ``section``, nested sections after the plain keys."""
    rows: list[str] = []
    nested: list[Key] = []
    for key in keys(section):
        if is_dataclass(key.kind) or _is_mapping(key.kind):
            nested.append(key)
            continue
        name = f"{table}.{key.name}" if table else key.name
        shown = key.default if not isinstance(key.default, tuple) else list(key.default)
        rows.append(f"| `{name}` | {_toml_name(key.kind)} | `{toml_value(shown)}` | {key.doc} |")
    for key in nested:
        name = f"{table}.{key.name}" if table else key.name
        if is_dataclass(key.kind):
            rows += reference_rows(key.kind, name)
            continue
        if is_dataclass(typing.get_args(key.kind)[1]):  # a table of tables: [authors.<id>]
            rows += reference_rows(typing.get_args(key.kind)[1], f"{name}.<id>")
            continue
        entries = key.default or {"<name>": "" if typing.get_args(key.kind)[1:] == (str,) else ()}
        rows += [
            f"| `{name}.{entry}` | {'string' if isinstance(value, str) else 'list'} | "
            f"`{toml_value(value if isinstance(value, str) else list(value))}` | {key.doc} |"
            for entry, value in entries.items()
        ]
    return rows


def commented_lines(section: Any, values: Mapping[str, Any], table: str | None = None) -> list[str]:
    """A TOML text documenting every key: those in ``values`` set, the rest commented out."""
    lines: list[str] = []
    nested: list[Key] = []
    for key in keys(section):
        if is_dataclass(key.kind) or _is_mapping(key.kind):
            nested.append(key)
            continue
        lines.append(f"# {key.doc}")
        setting = f"{key.name} = {toml_value(values.get(key.name, key.default))}"
        lines.append(setting if key.name in values else f"# {setting}")
    for key in nested:
        name = f"{table}.{key.name}" if table else key.name
        if _is_mapping(key.kind) and is_dataclass(typing.get_args(key.kind)[1]):  # [authors.<id>] tables
            lines += ["", f"# {key.doc}"]
            for entry, item in values.get(key.name, {}).items():
                lines += [f"[{name}.{_toml_key(entry)}]", *commented_lines(typing.get_args(key.kind)[1], item)]
            if key.name not in values:
                lines += [
                    f"# [{name}.<id>]",
                    *(f"# {line}" if not line.startswith("#") else line for line in commented_lines(typing.get_args(key.kind)[1], {})),
                ]
            continue
        lines += ["", f"# {key.doc}", f"[{name}]"]
        if is_dataclass(key.kind):
            lines += commented_lines(key.kind, values.get(key.name, {}), name)
        elif key.name in values:
            lines += [f"{_toml_key(entry)} = {toml_value(value)}" for entry, value in values[key.name].items()]
        else:
            lines += [f"# {entry} = {toml_value(list(value))}" for entry, value in key.default.items()]
    return lines


def _toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else toml_value(name)
