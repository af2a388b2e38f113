"""Values in Liquid and Nunjucks tags: literals, variables, filters and conditions.

What a page's template language knows about is what masthead knows about: the front matter, the
origin's config and data files, variables the body assigns, and the site's lists once every page is
read (``liquid_lists``). A variable outside them is empty, as an undefined variable is in Liquid, and
named in a warning by the caller, which ``lookup`` tells through ``Unknown``.
"""

from __future__ import annotations

import decimal
import html
import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, quote_plus

from .liquid_lists import PostList, kept_list
from .markdown import slugify

_PARTS = re.compile(r"""\.?([\w-]+)|\[\s*(?:"([^"]*)"|'([^']*)'|(-?\d+))\s*\]""")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_RANGE = re.compile(r"^\(\s*(\S+?)\s*\.\.\s*(\S+?)\s*\)$")
_STRING = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")
_OUTSIDE_QUOTES = r"""(?=(?:[^"']|"[^"]*"|'[^']*')*$)"""
_COMPARISON = re.compile(r"\s*(==|!=|<>|<=|>=|<|>|\bcontains\b|\bin\b)\s*" + _OUTSIDE_QUOTES)
_WORDS = {"true": True, "false": False, "nil": None, "null": None, "none": None, "None": None, "empty": "", "blank": ""}


class Unknown(Exception):
    """A variable the page's scopes do not hold; the caller warns and uses nil."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def split_outside_quotes(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator`` where it is not inside a quoted string."""
    if '"' not in text and "'" not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    quote_char = ""
    index = 0
    while index < len(text):
        char = text[index]
        if quote_char:
            quote_char = "" if char == quote_char else quote_char
        elif char in "\"'":
            quote_char = char
        elif text.startswith(separator, index):
            parts.append("".join(current))
            current = []
            index += len(separator)
            continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def lookup(expression: str, scopes: Mapping[str, Any]) -> Any:
    """The value of a literal or a variable path such as ``site.data.team[0].name``."""
    text = expression.strip()
    literal = _STRING.match(text)
    if literal:
        return literal.group(1) if literal.group(1) is not None else literal.group(2)
    if _NUMBER.match(text):
        return float(text) if "." in text else int(text)
    if text in _WORDS:
        return _WORDS[text]
    bounds = _RANGE.match(text)
    if bounds:
        low, high = lookup(bounds.group(1), scopes), lookup(bounds.group(2), scopes)
        return list(range(int(low), int(high) + 1)) if isinstance(low, int) and isinstance(high, int) else []
    if "[" in text:  # site.data.authors[page.author]: the key is a variable's value
        text = _VARIABLE_KEY.sub(lambda match: _key_literal(lookup(match.group(1), scopes)), text)
    parts = [next(group for group in match.groups() if group is not None) for match in _PARTS.finditer(text)]
    if not parts or "".join(re.sub(r"\s", "", text)) == "" or parts[0] not in scopes:
        raise Unknown(text)
    value: Any = scopes[parts[0]]
    for part in parts[1:]:
        value = _member(value, part)
    return value


_VARIABLE_KEY = re.compile(r"\[\s*([A-Za-z_][\w.-]*)\s*\]")


def _key_literal(key: Any) -> str:
    """A key as the literal ``_PARTS`` reads: ``[2]`` for a number, ``["ines"]`` for anything else."""
    if isinstance(key, int) and not isinstance(key, bool):
        return f"[{key}]"
    return '["' + str(key).replace('"', "") + '"]'


def _member(value: Any, part: str) -> Any:
    if isinstance(value, Mapping):
        return value.get(part)
    if isinstance(value, (list, tuple, str)):
        if part == "size" or part == "length":
            return len(value)
        if part in ("first", "last") and value:
            return value[0] if part == "first" else value[-1]
        if re.fullmatch(r"-?\d+", part) and -len(value) <= int(part) < len(value):
            return value[int(part)]
    return None


def text_of(value: Any) -> str:
    """A value as Liquid prints it: nil as nothing, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "".join(text_of(item) for item in value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


def truthy(value: Any) -> bool:
    """Liquid's truth: only nil and false are false (Nunjucks also takes "" and 0 as false)."""
    return value is not None and value is not False and value != ""


def _moment(value: Any, argument: Any) -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, (date, datetime)):
        pattern = str(argument or "%Y-%m-%d")
        if "%" not in pattern:  # Nunjucks/Luxon tokens (yyyy-LL-dd): the ISO date
            return value.strftime("%Y-%m-%d")
        return value.strftime(pattern)
    return text_of(value)


def _number(value: Any) -> float | int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    try:
        number = float(str(value))
    except ValueError:
        return 0
    return int(number) if number.is_integer() else number


def _words(value: Any, count: Any) -> str:
    words = text_of(value).split()
    limit = int(_number(count) or 15)
    return " ".join(words[:limit]) + ("..." if len(words) > limit else "")


def filters(base_path: str, absolute: str) -> dict[str, Callable[..., Any]]:
    """The filters of Liquid (Jekyll's too) and of Eleventy's Nunjucks that make sense in a body.

    ``base_path`` is the site's path prefix (Jekyll's ``baseurl``), ``absolute`` its address.
    """

    def relative(value: Any, *_: Any) -> str:
        text = text_of(value)
        return text if "://" in text or text.startswith("#") else base_path + "/" + text.lstrip("/")

    def sequence(value: Any) -> list[Any]:
        return list(value) if isinstance(value, (list, tuple)) else [] if value is None else [value]

    return {
        "relative_url": relative,
        "url": relative,
        "absolute_url": lambda value, *_: text_of(value) if "://" in text_of(value) else absolute + relative(value),
        "htmlBaseUrl": lambda value, *_: text_of(value),
        "escape": lambda value, *_: html.escape(text_of(value)),
        "xml_escape": lambda value, *_: html.escape(text_of(value)),
        "escape_once": lambda value, *_: html.escape(html.unescape(text_of(value))),
        "safe": lambda value, *_: value,
        "markdownify": lambda value, *_: value,  # the output is Markdown already
        "upcase": lambda value, *_: text_of(value).upper(),
        "upper": lambda value, *_: text_of(value).upper(),
        "downcase": lambda value, *_: text_of(value).lower(),
        "lower": lambda value, *_: text_of(value).lower(),
        "capitalize": lambda value, *_: text_of(value).capitalize(),
        "title": lambda value, *_: text_of(value).title(),
        "strip": lambda value, *_: text_of(value).strip(),
        "trim": lambda value, *_: text_of(value).strip(),
        "strip_html": lambda value, *_: re.sub(r"<[^>]*>", "", text_of(value)),
        "strip_newlines": lambda value, *_: text_of(value).replace("\n", ""),
        "url_encode": lambda value, *_: quote(text_of(value)),
        "uri_escape": lambda value, *_: quote(text_of(value), safe="/:?=&#"),
        "urlencode": lambda value, *_: quote(text_of(value)),
        "slugify": lambda value, *_: slugify(text_of(value)),
        "slug": lambda value, *_: slugify(text_of(value)),
        "default": lambda value, fallback="", *_: value if truthy(value) else fallback,
        "d": lambda value, fallback="", *_: value if truthy(value) else fallback,
        "date": _moment,
        "date_to_string": lambda value, *_: _moment(value, "%d %b %Y"),
        "date_to_long_string": lambda value, *_: _moment(value, "%d %B %Y"),
        "date_to_xmlschema": lambda value, *_: value.isoformat() if isinstance(value, (date, datetime)) else text_of(value),
        "date_to_rfc822": lambda value, *_: _moment(value, "%a, %d %b %Y %H:%M:%S %z"),
        "readableDate": lambda value, *_: _moment(value, "%d %B %Y"),  # eleventy-base-blog's filters
        "htmlDateString": lambda value, *_: _moment(value, "%Y-%m-%d"),
        "jsonify": lambda value, *_: json.dumps(value, default=str, ensure_ascii=False),
        "dump": lambda value, *_: json.dumps(value, default=str, ensure_ascii=False),
        "size": lambda value, *_: None if isinstance(value, PostList) else len(value) if isinstance(value, (list, tuple, str, Mapping)) else 0,
        "length": lambda value, *_: None if isinstance(value, PostList) else len(value) if isinstance(value, (list, tuple, str, Mapping)) else 0,
        "first": lambda value, *_: sequence(value)[0] if sequence(value) else None,
        "last": lambda value, *_: sequence(value)[-1] if sequence(value) else None,
        "join": lambda value, glue=" ", *_: text_of(glue).join(text_of(item) for item in _flat(sequence(value))),  # Liquid flattens first
        "reverse": lambda value, *_: value.reversed() if isinstance(value, PostList) else kept_list(value, lambda items: items[::-1]),
        "head": lambda value, count=0, *_: (  # eleventy-base-blog's: head(-3) is the last three
            value.limited(abs(int(_number(count))), from_end=_number(count) < 0)
            if isinstance(value, PostList)
            else kept_list(value, lambda items: items[int(_number(count)) :] if _number(count) < 0 else items[: int(_number(count))])
        ),
        "sort": lambda value, key=None, *_: _sorted([[name, item] for name, item in value.items()] if isinstance(value, Mapping) else sequence(value), key),
        "uniq": lambda value, *_: list(dict.fromkeys(sequence(value))),
        "compact": lambda value, *_: [item for item in sequence(value) if item is not None],
        "split": lambda value, separator=" ", *_: _split(text_of(value), text_of(separator)),
        "append": lambda value, suffix="", *_: text_of(value) + text_of(suffix),
        "prepend": lambda value, prefix="", *_: text_of(prefix) + text_of(value),
        "replace": lambda value, old="", new="", *_: text_of(value).replace(text_of(old), text_of(new)),
        "replace_first": lambda value, old="", new="", *_: text_of(value).replace(text_of(old), text_of(new), 1),
        "remove": lambda value, old="", *_: text_of(value).replace(text_of(old), ""),
        "remove_first": lambda value, old="", *_: text_of(value).replace(text_of(old), "", 1),
        "truncate": lambda value, length=50, *_: text_of(value)[: int(_number(length))],
        "truncatewords": _words,
        "number_of_words": lambda value, *_: len(text_of(value).split()),
        "plus": lambda value, other=0, *_: _number(value) + _number(other),
        "minus": lambda value, other=0, *_: _number(value) - _number(other),
        "times": lambda value, other=1, *_: _number(value) * _number(other),
        "divided_by": lambda value, other=1, *_: _number(value) // _number(other) if _number(other) else 0,
        "modulo": lambda value, other=1, *_: _number(value) % _number(other) if _number(other) else 0,
        "abs": lambda value, *_: abs(_number(value)),
        "where": lambda value, key="", match=None, *_: [
            item
            for item in sequence(value)
            if isinstance(item, Mapping) and (_matches(item.get(text_of(key)), match) if match is not None else truthy(item.get(text_of(key))))
        ],
        "map": lambda value, key="", *_: [item.get(text_of(key)) for item in sequence(value) if isinstance(item, Mapping)],
        # Jekyll's array filters (jekyllrb.com/docs/liquid/filters/), as academicpages' group-by-array uses them
        "push": lambda value, item=None, *_: [*sequence(value), item],
        "pop": lambda value, count=1, *_: (lambda items: items[: max(len(items) - int(_number(count)), 0)])(sequence(value)),
        "shift": lambda value, count=1, *_: sequence(value)[max(int(_number(count)), 0) :],
        "unshift": lambda value, item=None, *_: [item, *sequence(value)],
        "concat": lambda value, other=None, *_: [*sequence(value), *sequence(other)],
        "sample": lambda value, *_: sequence(value)[0] if sequence(value) else None,  # the first: same input, same page
        "sort_natural": lambda value, key=None, *_: sorted(sequence(value), key=lambda item: _sort_text(item, key)),
        "group_by": lambda value, key="", *_: _grouped(sequence(value), text_of(key)),
        "array_to_sentence_string": lambda value, connector="and", *_: _sentence([text_of(item) for item in sequence(value)], text_of(connector)),
        "normalize_whitespace": lambda value, *_: re.sub(r"\s+", " ", text_of(value)).strip(),
        "newline_to_br": lambda value, *_: re.sub(r"\r?\n", "<br />\n", text_of(value)),
        "lstrip": lambda value, *_: text_of(value).lstrip(),
        "rstrip": lambda value, *_: text_of(value).rstrip(),
        "cgi_escape": lambda value, *_: quote_plus(text_of(value)),
        "smartify": lambda value, *_: value,
        "inspect": lambda value, *_: json.dumps(value, default=str, ensure_ascii=False),
        "slice": lambda value, start=0, length=1, *_: _sliced(value, int(_number(start)), int(_number(length))),
        "ceil": lambda value, *_: math.ceil(_number(value)),
        "floor": lambda value, *_: math.floor(_number(value)),
        "round": lambda value, digits=0, *_: _rounded(_number(value), int(_number(digits))),
        "at_least": lambda value, other=0, *_: max(_number(value), _number(other)),
        "at_most": lambda value, other=0, *_: min(_number(value), _number(other)),
    }


def _matches(value: Any, match: Any) -> bool:
    """Jekyll's ``where``: the property equals the value, as text too (``where: "year", "2024"``), or is a
    list holding it (``where: "categories", "news"``)."""
    if value == match or (value is not None and text_of(value) == text_of(match)):
        return True
    return isinstance(value, (list, tuple)) and text_of(match) in [text_of(item) for item in value]


def _sorted(items: list[Any], prop: Any) -> list[Any]:
    """Liquid's sort, by a property when named (``sort: "date"``), nil first (Jekyll's default order);
    values of one kind compared as they are, mixed kinds as text."""
    pairs = all(isinstance(item, list) and len(item) == 2 for item in items) and prop is None  # a hash's [key, value]s: by key
    chosen = [item[0] if pairs else item.get(text_of(prop)) if prop is not None and isinstance(item, Mapping) else item for item in items]
    present = [value for value in chosen if value is not None]
    same = len({type(value) for value in present}) <= 1 and all(isinstance(value, (int, float, str, date)) for value in present)

    def key(index: int) -> tuple[bool, Any]:
        value = chosen[index]
        return value is not None, value if same and value is not None else text_of(value)

    return [items[index] for index in sorted(range(len(items)), key=key)]


def _grouped(items: list[Any], key: str) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(text_of(item.get(key)) if isinstance(item, Mapping) else "", []).append(item)
    return [{"name": name, "items": found, "size": len(found)} for name, found in groups.items()]


def _split(text: str, separator: str) -> list[str]:
    """Ruby's String#split, as Liquid's split: a space splits on runs of blanks, trailing empty parts
    go (``'' | split: ','`` is the empty list academicpages starts its arrays from)."""
    parts = text.split() if separator == " " else text.split(separator) if separator else list(text)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _flat(items: list[Any]) -> list[Any]:
    return [inner for item in items for inner in (_flat(list(item)) if isinstance(item, (list, tuple)) else [item])]


def _sort_text(item: Any, key: Any) -> str:
    """sort_natural's key: the item's text, or its property's (``sort_natural: "title"``), case ignored."""
    return text_of(item.get(text_of(key)) if key is not None and isinstance(item, Mapping) else item).lower()


def _rounded(number: float | int, digits: int) -> float | int:
    """Ruby's round: halves away from zero (2.5 is 3), an integer when no digits are asked for."""
    exact = decimal.Decimal(str(number)).quantize(decimal.Decimal(1).scaleb(-digits), rounding=decimal.ROUND_HALF_UP)
    return int(exact) if digits <= 0 else float(exact)


def _sentence(words: list[str], connector: str) -> str:
    if len(words) < 3:
        return f" {connector} ".join(words)
    return ", ".join(words[:-1]) + f", {connector} {words[-1]}"


def _sliced(value: Any, start: int, length: int) -> Any:
    items = value if isinstance(value, (list, tuple)) else text_of(value)
    start = start if start >= 0 else max(len(items) + start, 0)
    return items[start : start + length]


def _arguments(text: str, scopes: Mapping[str, Any], unknown: Callable[[str], None]) -> list[Any]:
    values = []
    for part in split_outside_quotes(text, ","):
        if not part.strip():
            continue
        key, equals, rest = part.partition(":") if not _STRING.match(part.strip()) else (part, "", "")
        item = rest if equals and re.fullmatch(r"\s*\w+\s*", key) else part  # Liquid's keyword arguments: the value
        try:
            values.append(lookup(item, scopes))
        except Unknown as exc:
            unknown(exc.name)
            values.append(None)
    return values


def evaluate(expression: str, scopes: Mapping[str, Any], known: Mapping[str, Callable[..., Any]], unknown: Callable[[str], None]) -> Any:
    """``value | filter: a, b | filter(a)``; ``unknown(name)`` hears of each unknown variable or filter."""
    head, *chain = split_outside_quotes(expression, "|")
    try:
        value = lookup(head, scopes)
    except Unknown as exc:
        unknown(exc.name)
        value = None
    for step in chain:
        found = re.match(r"\s*(\w+)\s*(?:\((.*)\)\s*$|:(.*)$|$)", step, re.DOTALL)
        if found is None:
            continue
        if found.group(1) in ("where_exp", "find_exp", "group_by_exp"):
            value = _by_expression(found.group(1), value, found.group(2) or found.group(3) or "", scopes, known, unknown)
            continue
        apply = known.get(found.group(1))
        if apply is None:
            unknown("filter " + found.group(1))
            continue
        try:
            value = apply(value, *_arguments(found.group(2) or found.group(3) or "", scopes, unknown))
        except (TypeError, ValueError, ArithmeticError, OverflowError):
            value = None  # a filter given what it cannot take: empty, as Liquid's lax mode gives
    return value


def _by_expression(
    name: str, value: Any, arguments: str, scopes: Mapping[str, Any], known: Mapping[str, Callable[..., Any]], unknown: Callable[[str], None]
) -> Any:
    """Jekyll's ``where_exp: "post", "post.year > 2020"`` (the items the condition holds for),
    ``find_exp`` (the first of them), the condition read with the item under its name, and
    ``group_by_exp: "post", "post.date | date: '%Y'"`` (the items by the expression's value, in order)."""
    parts = [lookup(part, {}) if _STRING.match(part.strip()) else None for part in split_outside_quotes(arguments, ",")]
    if len(parts) != 2 or not all(isinstance(part, str) for part in parts):
        unknown(f"filter {name}")
        return value
    variable, expression = str(parts[0]).strip(), str(parts[1])
    items = list(value) if isinstance(value, (list, tuple)) else [] if value is None else [value]
    if name == "group_by_exp":
        groups: dict[str, list[Any]] = {}
        for item in items:
            groups.setdefault(text_of(evaluate(expression, {**scopes, variable: item}, known, unknown)), []).append(item)
        return [{"name": key, "items": found, "size": len(found)} for key, found in groups.items()]
    chosen = [item for item in items if condition(expression, {**scopes, variable: item}, known, unknown)]
    return chosen if name == "where_exp" else chosen[0] if chosen else None


def condition(expression: str, scopes: Mapping[str, Any], known: Mapping[str, Callable[..., Any]], unknown: Callable[[str], None]) -> bool:
    """A Liquid or Nunjucks condition: comparisons joined by and/or, ``not x``."""
    alternatives = split_outside_quotes(expression, " or ")
    if len(alternatives) > 1:
        return any(condition(part, scopes, known, unknown) for part in alternatives)
    every = split_outside_quotes(expression, " and ")
    if len(every) > 1:
        return all(condition(part, scopes, known, unknown) for part in every)
    text = expression.strip()
    if text.startswith("not "):
        return not condition(text[4:], scopes, known, unknown)
    parts = _COMPARISON.split(text, maxsplit=1)
    if len(parts) == 3:
        left, operator, right = evaluate(parts[0], scopes, known, unknown), parts[1], evaluate(parts[2], scopes, known, unknown)
        return _compare(left, operator, right)
    return truthy(evaluate(text, scopes, known, unknown))


def _compare(left: Any, operator: str, right: Any) -> bool:
    if operator == "==":
        return bool(left == right)
    if operator in ("!=", "<>"):
        return bool(left != right)
    if operator == "contains":
        if isinstance(left, str):
            return text_of(right) in left
        if isinstance(left, (list, tuple)):
            return text_of(right) in [text_of(item) for item in left]
        return isinstance(left, Mapping) and text_of(right) in left
    if operator == "in":
        return isinstance(right, (str, list, tuple, Mapping)) and left in right
    try:
        return bool({"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right}[operator])
    except TypeError:
        return False
