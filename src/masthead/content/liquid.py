"""Jekyll's Liquid in post bodies: the tags people write in posts, rendered; the rest named.

``{% raw %}``, ``{% comment %}``, ``{% highlight %}``, ``{% link %}``, ``{% post_url %}`` and
``{{ site.x }}``/``{{ page.x }}`` output (with the common filters) are rendered; any other tag is
left as text with a warning ``file:line: Liquid tag 'x' is not supported; it is shown as text``.
Line numbers are kept: what replaces a tag has as many line breaks as the tag had.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from ..config import Config
from ..errors import Problem
from .bodies import REFERENCE_SCHEME, Transformed
from .placement import Reference

_TAG = re.compile(r"{%-?\s*(\w+)(.*?)-?%}|{{-?(.*?)-?}}", re.DOTALL)
_CLOSERS = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight"}
_STRING = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)')\s*$""")


@lru_cache(maxsize=16)
def _site_variables(path: str, mtime_ns: int) -> Mapping[str, Any]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}  # `masthead init` read it; a broken one shows as empty site.* values
    return data if isinstance(data, dict) else {}


def site_variables(config: Config) -> Mapping[str, Any]:
    """``site.*``: the origin's own config (``_config.yml``), as Jekyll exposes it."""
    if not config.origin.config_file:
        return {}
    path = config.root / config.origin.config_file
    try:
        return _site_variables(str(path), path.stat().st_mtime_ns)
    except OSError:
        return {}


def _lookup(expression: str, scopes: Mapping[str, Any]) -> tuple[bool, Any]:
    literal = _STRING.match(expression)
    if literal:
        return True, literal.group(1) if literal.group(1) is not None else literal.group(2)
    parts = expression.strip().split(".")
    if parts[0] not in scopes:
        return False, None
    value: Any = scopes[parts[0]]
    for part in parts[1:]:
        value = value.get(part) if isinstance(value, Mapping) else None
    return True, value


def _filters(config: Config, site: Mapping[str, Any]) -> dict[str, Callable[[Any, str], Any]]:
    base = str(site.get("baseurl") or "").rstrip("/")
    url = str(site.get("url") or config.base_url).rstrip("/")

    def relative(value: Any, _: str) -> str:
        text = str(value or "")
        return text if "://" in text else base + "/" + text.lstrip("/")

    def moment(value: Any, argument: str) -> str:
        if isinstance(value, (date, datetime)):
            return value.strftime(argument.strip().strip("'\"") or "%Y-%m-%d")
        return str(value)

    return {
        "relative_url": relative,
        "absolute_url": lambda value, arg: url + relative(value, arg) if "://" not in str(value) else str(value),
        "escape": lambda value, _: html.escape(str(value)),
        "xml_escape": lambda value, _: html.escape(str(value)),
        "upcase": lambda value, _: str(value).upper(),
        "downcase": lambda value, _: str(value).lower(),
        "capitalize": lambda value, _: str(value).capitalize(),
        "strip": lambda value, _: str(value).strip(),
        "url_encode": lambda value, _: quote(str(value)),
        "uri_escape": lambda value, _: quote(str(value), safe="/:?=&#"),
        "default": lambda value, arg: value if value not in (None, "", False) else (_lookup(arg, {})[1] or ""),
        "date": moment,
        "date_to_string": lambda value, _: moment(value, "%d %b %Y"),
        "date_to_long_string": lambda value, _: moment(value, "%d %B %Y"),
        "date_to_xmlschema": lambda value, _: value.isoformat() if isinstance(value, (date, datetime)) else str(value),
        "jsonify": lambda value, _: str(value),
    }


def fenced(language: str, code: str) -> str:
    """A highlight block as a Markdown code fence, on as many lines as the tags and the code took."""
    opening = "" if code.startswith("\n") else "\n"
    closing = "" if code.endswith("\n") else "\n"
    return f"```{language}{opening}{code}{closing}```"


def transform(text: str, first_line: int, source: str, data: Mapping[str, Any], config: Config) -> Transformed:
    site = site_variables(config)
    scopes = {"site": {"url": config.base_url, "title": config.title, **site}, "page": data}
    filters = _filters(config, scopes["site"])
    out: list[str] = []
    references: list[Reference] = []
    problems: list[Problem] = []
    position = 0

    def line_at(index: int) -> int:
        return first_line + text.count("\n", 0, index)

    def warn(index: int, message: str) -> None:
        problems.append(Problem(source, line_at(index), None, message, warning=True))

    while True:
        match = _TAG.search(text, position)
        if match is None:
            out.append(text[position:])
            break
        out.append(text[position : match.start()])
        position = match.end()
        name, arguments, expression = match.group(1), (match.group(2) or "").strip(), match.group(3)
        if expression is not None:
            out.append(_output(expression, scopes, filters, partial(warn, match.start()), match.group(0)))
            continue
        if name in _CLOSERS:
            closing = re.compile(r"{%-?\s*" + _CLOSERS[name] + r"\s*-?%}").search(text, position)
            if closing is None:
                warn(match.start(), f"Liquid tag '{name}' is never closed; expected {{% {_CLOSERS[name]} %}}; it is shown as text")
                out.append(match.group(0))
                continue
            inner = text[position : closing.start()]
            position = closing.end()
            if name == "raw":
                out.append(inner)
            elif name != "comment":  # a comment is dropped: it may sit inside a paragraph, so no lines stand in for it
                out.append(fenced(arguments.split()[0] if arguments else "", inner))
        elif name in ("link", "post_url"):
            references.append(Reference(name, arguments.strip().strip("'\""), line_at(match.start())))
            out.append(f"{REFERENCE_SCHEME}{len(references) - 1}")
        else:
            warn(match.start(), f"Liquid tag '{name}' is not supported; it is shown as text")
            out.append(match.group(0))
    return Transformed("".join(out), {}, tuple(references), tuple(problems))


def _output(expression: str, scopes: Mapping[str, Any], filters: Mapping[str, Callable[[Any, str], Any]], warn: Callable[[str], None], written: str) -> str:
    head, *chain = (part.strip() for part in expression.split("|"))
    known, value = _lookup(head, scopes)
    if not known:
        warn(f"Liquid variable '{head}' is not supported (only site.*, page.* and quoted text); it is shown as text")
        return written
    for step in chain:
        name, _, argument = step.partition(":")
        apply = filters.get(name.strip())
        if apply is None:
            warn(f"Liquid filter '{name.strip()}' is not supported; its input is shown unchanged")
            continue
        value = apply(value, argument)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)
