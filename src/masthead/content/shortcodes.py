"""Hugo's built-in shortcodes in bodies, rendered natively; any other one named in a warning.

``figure``, ``highlight``, ``ref``, ``relref`` and ``param`` render as Hugo renders them. Embeds
(``youtube``, ``vimeo``, ``x``/``twitter``/``tweet``, ``instagram``, ``gist``) become plain links
to the post on its own site: the reader's browser asks no third party until the reader clicks.
``{{</* x */>}}`` is Hugo's way to show a shortcode as text, and stays text. Line numbers are
kept: what replaces a shortcode has as many line breaks as the shortcode had.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import yaml

from ..config import Config
from ..errors import Problem
from .bodies import REFERENCE_SCHEME, Transformed, placeholder
from .liquid import fenced
from .placement import Reference

_SHORTCODE = re.compile(r"{{([<%])\s*(/\*)?\s*(/?)\s*([\w./-]+)(.*?)(\*/)?\s*/?\s*[>%]}}", re.DOTALL)
_COMMENTED = re.compile(r"{{([<%])/\*(.*?)\*/([>%])}}", re.DOTALL)
_EMBEDS = {
    "youtube": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}"),
    "vimeo": ("Vimeo", "https://vimeo.com/{id}"),
    "instagram": ("Instagram", "https://www.instagram.com/p/{id}/"),
}


@lru_cache(maxsize=16)
def _params(path: str, mtime_ns: int) -> Mapping[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.endswith(".toml") else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError):
        return {}
    params = data.get("params", {}) if isinstance(data, dict) else {}
    return params if isinstance(params, dict) else {}


def site_params(config: Config) -> Mapping[str, Any]:
    """``[params]`` of the Hugo config, for ``{{< param >}}``."""
    if not config.origin.config_file:
        return {}
    path = config.root / config.origin.config_file
    try:
        return _params(str(path), path.stat().st_mtime_ns)
    except OSError:
        return {}


def _arguments(text: str) -> tuple[list[str], dict[str, str]]:
    try:
        words = shlex.split(text.strip())
    except ValueError:
        words = text.split()
    positional: list[str] = []
    named: dict[str, str] = {}
    for word in words:  # shlex took the quotes off: key=value with spaces is one word
        key, equals, value = word.partition("=")
        if equals and re.fullmatch(r"[\w-]+", key):
            named[key] = value
        else:
            positional.append(word)
    return positional, named


def _link(label: str, url: str, css: str) -> str:
    return f'<a class="embed embed--{css}" href="{escape(url)}" rel="noopener">{escape(label)}</a>'


def _figure(named: Mapping[str, str]) -> str:
    src = named.get("src", "")
    alt = named.get("alt", "") or named.get("caption", "") or named.get("title", "")
    size = "".join(f' {key}="{escape(named[key])}"' for key in ("width", "height") if named.get(key, "").isdigit())
    image = f'<img src="{escape(src)}" alt="{escape(alt)}"{size}>'
    if named.get("link"):
        image = f'<a href="{escape(named["link"])}">{image}</a>'
    caption = " ".join(part for part in (named.get("title", ""), named.get("caption", "")) if part)
    css = f' class="{escape(named["class"])}"' if named.get("class") else ""
    figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f"<figure{css}>{image}{figcaption}</figure>"


def _embed(name: str, positional: list[str], named: Mapping[str, str]) -> str | None:
    first = named.get("id") or (positional[0] if positional else "")
    if name in _EMBEDS and first:
        site, pattern = _EMBEDS[name]
        title = named.get("title", "")
        label = f"Watch “{title}” on {site}" if title and name != "instagram" else f"View this post on {site}" if name == "instagram" else f"Watch on {site}"
        return _link(label, pattern.format(id=first), name)
    if name in ("x", "twitter", "tweet"):
        user = named.get("user") or (positional[0] if len(positional) > 1 else "")
        status = named.get("id") or (positional[-1] if positional else "")
        if status:
            url = f"https://x.com/{user or 'i/web'}/status/{status}"
            return _link(f"View the post by @{user} on X" if user else "View the post on X", url, "x")
    if name == "gist" and len(positional) >= 2:
        file = f"#file-{positional[2].replace('.', '-')}" if len(positional) > 2 else ""
        return _link(f"View the gist by {positional[0]} on GitHub", f"https://gist.github.com/{positional[0]}/{positional[1]}{file}", "gist")
    return None


def transform(text: str, first_line: int, source: str, data: Mapping[str, Any], config: Config) -> Transformed:
    blocks: dict[str, str] = {}
    references: list[Reference] = []
    problems: list[Problem] = []
    out: list[str] = []
    position = 0

    def line_at(index: int) -> int:
        return first_line + text.count("\n", 0, index)

    while True:
        match = _SHORTCODE.search(text, position)
        if match is None:
            out.append(text[position:])
            break
        out.append(text[position : match.start()])
        position = match.end()
        whole = match.group(0)
        if match.group(2):  # {{</* figure */>}}: shown as the shortcode itself, `{{< figure >}}`
            commented = _COMMENTED.match(whole)
            literal = f"{{{{{commented.group(1)}{commented.group(2)}{commented.group(3)}}}}}" if commented else whole
            out.append(placeholder(blocks, escape(literal, quote=False)))
            continue
        closing, name, rest = match.group(3), match.group(4), match.group(5)
        positional, named = _arguments(rest)
        breaks = "\n" * whole.count("\n")
        if closing:  # the end of an unknown pair (its start was warned about): text, like its start
            out.append(whole)
            continue
        if name == "highlight":
            end = re.compile(r"{{[<%]\s*/highlight\s*[>%]}}").search(text, position)
            if end is not None:
                inner = text[position : end.start()]
                position = end.end()
                out.append(fenced(positional[0] if positional else "", inner))
                continue
        if name == "figure" and named.get("src"):
            out.append(placeholder(blocks, _figure(named)) + breaks)
        elif name in ("ref", "relref") and (positional or named.get("path")):
            target = named.get("path") or positional[0]
            references.append(Reference(name, target, line_at(match.start())))
            out.append(f"{REFERENCE_SCHEME}{len(references) - 1}{breaks}")
        elif name == "param" and positional:
            value = data.get(positional[0], site_params(config).get(positional[0]))
            if value is None:
                problems.append(
                    Problem(
                        source, line_at(match.start()), None, f"shortcode 'param': no parameter {positional[0]!r} in the front matter or [params]", warning=True
                    )
                )
            out.append(("" if value is None else str(value)) + breaks)
        elif (embed := _embed(name, positional, named)) is not None:
            out.append(placeholder(blocks, embed) + breaks)
        else:
            problems.append(Problem(source, line_at(match.start()), None, f"shortcode '{name}' is not supported; it is shown as text", warning=True))
            out.append(whole)
    return Transformed("".join(out), blocks, tuple(references), tuple(problems))
