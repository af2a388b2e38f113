"""Hugo's shortcodes in bodies: the built-in ones rendered, any other one never left as text.

``figure``, ``highlight``, ``details``, ``comment``, ``ref``, ``relref``, ``param`` and ``qr`` render
as Hugo renders them. Embeds (``youtube``, ``vimeo``, ``x``/``twitter``/``tweet``, ``instagram``,
``gist``) become plain links to the post on its own site: the reader's browser asks no third party
until the reader clicks. A theme's or the site's own shortcode has no rendering here: a pair
(``{{< notice >}}…{{< /notice >}}``) keeps its inner content, a standalone one shows the arguments its
template prints as text (``shortcode_templates.py``; ``{{< alert text="…" />}}``) or, with none, is
removed, and either way a warning ``shortcode "notice": not supported; …`` names its file and line.
``{{</* x */>}}`` is Hugo's way to show a shortcode as text: it renders as ``{{< x >}}``, as in
Hugo. Line numbers are kept: what replaces a shortcode has as many line breaks as it had.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Mapping
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

from ..config import Config
from ..errors import Problem
from ..filestamp import file_stamp
from .bodies import REFERENCE_SCHEME, Transformed, fenced, placeholder
from .datafile import load_data
from .placement import Reference

# {{< name args >}} and {{% name args %}}; inside, quoted arguments may hold anything but their quote.
_SHORTCODE = re.compile(r"""{{([<%])((?:"(?:[^"\\]|\\.)*"|`[^`]*`|[^"`])*?|.*?)([>%])}}""", re.DOTALL)
_UNCLOSED = re.compile(r"{{[<%]")
_ESCAPED = re.compile(r"\s*/\*(.*)\*/\s*", re.DOTALL)  # {{</* figure */>}}: Hugo shows {{< figure >}}
_NAME = re.compile(r"[\w.-]+(?:/[\w.-]+)*")  # a theme's shortcodes may live in folders: hextra/hero-button
_EMBEDS = {
    "youtube": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}"),
    "vimeo": ("Vimeo", "https://vimeo.com/{id}"),
    "instagram": ("Instagram", "https://www.instagram.com/p/{id}/"),
}


@lru_cache(maxsize=16)
def _params(path: str, stamp: tuple[int, int]) -> Mapping[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = load_data(text, Path(path).suffix)
    except (OSError, ValueError):
        return {}
    params = data.get("params", {}) if isinstance(data, dict) else {}
    return params if isinstance(params, dict) else {}


def site_params(config: Config) -> Mapping[str, Any]:
    """``[params]`` of the Hugo config, for ``{{< param >}}``."""
    if not config.origin.config_file:
        return {}
    path = config.root / config.origin.config_file
    from ..origins.hugo import config_parts

    try:
        params = dict(_params(str(path), file_stamp(path)))
        for part in config_parts(path):  # config/_default/params.toml
            if part.stem == "params":
                params = {**_table(str(part), file_stamp(part)), **params}
        return params
    except OSError:
        return {}


@lru_cache(maxsize=16)
def _table(path: str, stamp: tuple[int, int]) -> Mapping[str, Any]:
    """A config folder's file as one table (``params.toml`` holds the params themselves)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = load_data(text, Path(path).suffix)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _arguments(text: str) -> tuple[list[str], dict[str, str]]:
    if '\\"' in text and '"' not in text.replace('\\"', ""):
        text = text.replace('\\"', '"')  # {{< relref \"x.md\" >}} inside an HTML attribute: Hugo reads \" as a quote
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


class _Tag(NamedTuple):
    """One ``{{< … >}}`` or ``{{% … %}}`` in a body."""

    start: int
    end: int
    name: str
    closing: bool  # {{< /name >}}
    self_closing: bool  # {{< name />}}
    escaped: str | None  # {{</* name */>}}: the text Hugo shows instead, {{< name >}}
    arguments: str
    breaks: str  # as many line breaks as the tag holds, so later lines keep their numbers


def _tags(text: str) -> list[_Tag]:
    found: list[_Tag] = []
    for match in _SHORTCODE.finditer(text):
        opener, inner, closer = match.group(1), match.group(2), match.group(3)
        breaks = "\n" * match.group(0).count("\n")
        escaped = _ESCAPED.fullmatch(inner)
        if escaped is not None:
            found.append(_Tag(match.start(), match.end(), "", False, False, f"{{{{{opener}{escaped.group(1)}{closer}}}}}", "", breaks))
            continue
        body = inner.strip()
        closing = body.startswith("/")
        self_closing = body.endswith("/") and not closing
        body = body.strip("/").strip()
        name_match = _NAME.match(body)
        name = name_match.group(0) if name_match else ""
        found.append(_Tag(match.start(), match.end(), name, closing, self_closing, None, body[len(name) :], breaks))
    return found


def _pairs(tags: list[_Tag]) -> dict[int, int]:
    """Index of each opening tag -> index of its closing tag; tags without a partner are standalone."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for index, tag in enumerate(tags):
        if tag.escaped is not None or tag.self_closing or not tag.name:
            continue
        if not tag.closing:
            stack.append(index)
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if tags[stack[depth]].name == tag.name:
                pairs[stack[depth]] = index
                del stack[depth:]  # openers inside it that were never closed stay standalone
                break
    return pairs


def transform(text: str, first_line: int, source: str, data: Mapping[str, Any], config: Config) -> Transformed:
    """The body with every shortcode rendered, kept as its inner content, or removed, and warnings."""
    blocks: dict[str, str] = {}
    references: list[Reference] = []
    problems: list[Problem] = []
    tags = _tags(text)
    pairs = _pairs(tags)
    closers = set(pairs.values())
    endings: dict[int, str] = {}  # closing tag index -> the HTML that ends its pair (details)
    out: list[str] = []
    position = 0
    index = 0

    def line_at(offset: int) -> int:
        return first_line + text.count("\n", 0, offset)

    def warn(tag: _Tag, message: str) -> None:
        problems.append(Problem(source, line_at(tag.start), f'shortcode "{tag.name}"', message, warning=True))

    while index < len(tags):
        tag = tags[index]
        index += 1
        if tag.start < position:
            continue  # inside a pair taken whole (highlight, comment)
        out.append(text[position : tag.start])
        position = tag.end
        if tag.escaped is not None:  # shown as the shortcode itself, as Hugo shows it
            out.append(placeholder(blocks, escape(tag.escaped, quote=False)) + tag.breaks)
            continue
        if tag.closing:
            if index - 1 in endings:
                out.append(placeholder(blocks, endings[index - 1]) + tag.breaks)
                continue
            if index - 1 not in closers:
                warn(tag, "closes no shortcode; it was removed")
            out.append(tag.breaks)
            continue
        partner = pairs.get(index - 1)
        if partner is not None and (tag.name in _WHOLE or tag.name.endswith(".inline")):
            closer = tags[partner]
            inner = text[tag.end : closer.start]
            position, index = closer.end, partner + 1
            out.append(_whole(tag, inner, warn, blocks) + closer.breaks)
            continue
        positional, named = _arguments(tag.arguments)
        rendered = _standalone(tag, positional, named, data, config, blocks, references, line_at(tag.start), warn)
        if rendered is not None:
            out.append(rendered + tag.breaks)
        elif partner is not None and tag.name == "details":
            summary = named.get("summary") or named.get("title") or (positional[0] if positional else "Details")  # Hugo's, Hextra's
            opened = " open" if named.get("open", "").lower() == "true" or named.get("closed", "").lower() == "false" else ""
            out.append(placeholder(blocks, f"<details{opened}><summary>{escape(summary)}</summary>") + tag.breaks)
            endings[partner] = "</details>"
        elif partner is not None:
            warn(tag, "not supported; its inner content was kept")
            out.append(tag.breaks)
        else:
            shown = _printed_text(tag.name, positional, named, config)
            if shown:
                warn(tag, "not supported; the text its template prints is shown")
                out.append(placeholder(blocks, escape(shown, quote=False)) + tag.breaks)
            else:
                warn(tag, "not supported; it was removed")
                out.append(tag.breaks)
    out.append(text[position:])
    markdown = "".join(out)
    for stray in reversed(list(_UNCLOSED.finditer(markdown))):  # a shortcode never closed: Hugo refuses the page
        problems.append(
            Problem(
                source,
                line_at(0) + markdown.count("\n", 0, stray.start()),
                "shortcode",
                "never closed (no }} after it); its opening {{ was removed",
                warning=True,
            )
        )
        markdown = markdown[: stray.start()] + markdown[stray.start() + 2 :]
    return Transformed(markdown, blocks, tuple(references), tuple(sorted(problems)))


def _printed_text(name: str, positional: list[str], named: Mapping[str, str], config: Config) -> str:
    """The values of the arguments the site's template of the shortcode prints, in its order."""
    from .shortcode_templates import printed_arguments

    values = []
    for argument in printed_arguments(name, config):
        value = positional[int(argument)] if argument.isdigit() and int(argument) < len(positional) else named.get(argument, "")
        if value.strip():
            values.append(value.strip())
    return " ".join(values)


_WHOLE = ("highlight", "comment")


def _whole(tag: _Tag, inner: str, warn: Callable[[_Tag, str], None], blocks: dict[str, str]) -> str:
    """A pair whose inner text is not Markdown: code to highlight, a comment, an inline template."""
    if tag.name == "highlight":
        positional, _ = _arguments(tag.arguments)
        return fenced(positional[0] if positional else "", inner)
    if tag.name == "comment":
        return "\n" * inner.count("\n") + tag.breaks
    warn(tag, "not supported (an inline shortcode is a template); it was removed")
    return "\n" * inner.count("\n") + tag.breaks


def _standalone(
    tag: _Tag,
    positional: list[str],
    named: Mapping[str, str],
    data: Mapping[str, Any],
    config: Config,
    blocks: dict[str, str],
    references: list[Reference],
    line: int,
    warn: Callable[[_Tag, str], None],
) -> str | None:
    """The HTML (as a placeholder) or text of a built-in shortcode; None for any other."""
    name = tag.name
    if name == "figure" and named.get("src"):
        return placeholder(blocks, _figure(named))
    if name in ("ref", "relref") and (positional or named.get("path")):
        references.append(Reference(name, named.get("path") or positional[0], line))
        return f"{REFERENCE_SCHEME}{len(references) - 1}"
    if name == "param" and (positional or named.get("name")):
        key = named.get("name") or positional[0]
        value = _dotted(data, key)
        if value is None:
            value = _dotted(site_params(config), key)
        if value is None:
            warn(tag, f"no parameter {key!r} in the front matter or [params]; it was removed")
        return "" if value is None else str(value)
    if name == "qr" and (named.get("text") or positional):
        target = named.get("text") or positional[0]
        return placeholder(blocks, _link(target, target, "qr") if "://" in target else escape(target))
    embed = _embed(name, positional, named)
    return None if embed is None else placeholder(blocks, embed)


def _dotted(values: Mapping[str, Any], key: str) -> Any:
    """``a.b`` looked up in nested mappings, as Hugo's ``param`` does; case-insensitive like Hugo's keys."""
    value: Any = values
    for part in key.split("."):
        if not isinstance(value, Mapping):
            return None
        lowered = {str(k).lower(): v for k, v in value.items()}
        value = lowered.get(part.lower())
    return value
