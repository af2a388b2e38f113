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
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from ..config import Config
from ..errors import Problem
from ..filestamp import file_stamp
from . import theme_shortcodes
from .bodies import REFERENCE_SCHEME, Transformed, fenced, html_images, page_title_link, placeholder, post_listing
from .cmark import github_flavored_markdown_to_html
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

_CODE_HOSTS = {  # a repository's page, by the shortcode's name and repo="owner/name" (Gitea and Forgejo: on server=)
    "github": ("GitHub", "https://github.com"),
    "codeberg": ("Codeberg", "https://codeberg.org"),
    "gitea": ("Gitea", ""),
    "forgejo": ("Forgejo", ""),
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
    link = named.get("link") or named.get("href")  # Blowfish's figure: href
    if link:
        image = f'<a href="{escape(link)}">{image}</a>'
    caption = " ".join(part for part in (named.get("title", ""), named.get("caption", "")) if part)
    css = f' class="{escape(named["class"])}"' if named.get("class") else ""
    shown = github_flavored_markdown_to_html(caption).strip().removeprefix("<p>").removesuffix("</p>")  # Hugo's figure: the caption is Markdown
    figcaption = f"<figcaption>{shown}</figcaption>" if caption else ""
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
    repo = named.get("repo", "")
    if name in _CODE_HOSTS and re.fullmatch(r"[\w.-]+/[\w.-]+", repo):  # Blowfish's repository cards
        host, address = _CODE_HOSTS[name]
        server = named.get("server", "").rstrip("/") if name in ("gitea", "forgejo") else address
        if server.startswith("https://"):
            return _link(f"{repo} on {host}", f"{server}/{repo}", "repository")
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
    percent: bool  # {{% name %}}: Hugo renders the inner text as Markdown before the template sees it


def _tags(text: str) -> list[_Tag]:
    found: list[_Tag] = []
    for match in _SHORTCODE.finditer(text):
        opener, inner, closer = match.group(1), match.group(2), match.group(3)
        breaks = "\n" * match.group(0).count("\n")
        escaped = _ESCAPED.fullmatch(inner)
        if escaped is not None:
            found.append(_Tag(match.start(), match.end(), "", False, False, f"{{{{{opener}{escaped.group(1)}{closer}}}}}", "", breaks, opener == "%"))
            continue
        body = inner.strip()
        closing = body.startswith("/")
        self_closing = body.endswith("/") and not closing
        body = body.strip("/").strip()
        name_match = _NAME.match(body)
        name = name_match.group(0) if name_match else ""
        found.append(_Tag(match.start(), match.end(), name, closing, self_closing, None, body[len(name) :], breaks, opener == "%"))
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
    separators: set[int] = set()  # pairs whose inner text has columns: <---> lines
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
                ending = endings[index - 1]
                # a pair's inner text is Markdown of its own (Hugo renders it apart): a block's end starts a block,
                # taking the blank line after it, if any, so that later lines keep their numbers
                before = "\n" if ending.startswith(_BLOCK_ENDS) and not "".join(out[-1:]).endswith("\n\n") else ""
                if before and text.startswith("\n\n", tag.end):
                    position = tag.end + 1
                out.append(before + placeholder(blocks, ending) + tag.breaks)
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
            summary = named.get("summary") or named.get("title") or (positional[0] if positional and positional[0] != "open" else "Details")  # Hextra: title
            opening = "open" in positional[1:] or named.get("open", "").lower() == "true" or named.get("closed", "").lower() == "false"
            out.append(placeholder(blocks, f"<details{' open' if opening else ''}><summary>{escape(summary)}</summary>") + tag.breaks)
            endings[partner] = "</details>"
        elif partner is not None:
            closer = tags[partner]
            inner = text[tag.end : closer.start]
            line_start = text.rfind("\n", 0, tag.start) + 1
            line_end = text.find("\n", closer.end) % (len(text) + 1)
            inline = "\n" not in inner.strip() and bool(text[line_start : tag.start].strip() or text[closer.end : line_end].strip() or "\n" not in inner)
            href = _href(named, references, line_at(tag.start))
            template = theme_shortcodes.find_template(tag.name, config)
            if template is None:
                warn(tag, f"not supported{theme_shortcodes.missing_theme(config)}; its inner content was kept")
            inner_links = bool(re.search(r"<a\b|\]\(|\]\[|<https?://|\{\{[<%]\s*(?:rel)?ref\b", inner, re.IGNORECASE))
            look = theme_shortcodes.shown(tag.name, template, positional, named, href, inline, tag.percent, inner_links)
            if look.text_body and not re.search(r"<[a-zA-Z]", inner):  # a diagram's or a formula's text, shown as it is
                position, index = closer.end, partner + 1
                out.append(placeholder(blocks, f"{look.opening}{escape(inner.strip(), quote=False)}{look.closing}") + "\n" * inner.count("\n") + closer.breaks)
                continue
            columns = look.block and bool(_COLUMN_BREAK.search(inner))  # hugo-book's columns: <---> between them
            out.append(placeholder(blocks, look.opening + ('<div class="column">' if columns else "")) + tag.breaks)
            endings[partner] = ("</div>" if columns else "") + look.closing
            if columns:
                separators.add(partner)
        else:
            out.append(_theme_standalone(tag, positional, named, config, source, references, line_at(tag.start), warn, blocks) + tag.breaks)
    out.append(text[position:])
    markdown = "".join(out)
    if separators:
        markdown = _COLUMN_BREAK.sub(lambda _: placeholder(blocks, '</div>\n<div class="column">'), markdown)
    if "<img" in markdown and any(tag.name and not tag.closing for tag in tags):  # a gallery's images: kept, as the template shows them
        markdown = html_images(markdown)
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
_BLOCK_ENDS = tuple(f"</{name}" for name in ("div", "details", "blockquote", "section", "aside", "figure"))
_COLUMN_BREAK = re.compile(r"^[ \t]*<--->[ \t]*$", re.MULTILINE)


def _href(named: Mapping[str, str], references: list[Reference], line: int) -> str:
    """The URL of a shortcode's link argument (``href``, ``link``; ``relref`` resolved later), or ""."""
    kind, value = theme_shortcodes.link_argument(dict(named))
    if kind == "relref":
        references.append(Reference("relref", value, line))
        return f"{REFERENCE_SCHEME}{len(references) - 1}"
    return value


def _theme_standalone(
    tag: _Tag,
    positional: list[str],
    named: Mapping[str, str],
    config: Config,
    source: str,
    references: list[Reference],
    line: int,
    warn: Callable[[_Tag, str], None],
    blocks: dict[str, str],
) -> str:
    """A theme's standalone shortcode: a link when it has one (a card, Blowfish's article), the images
    of the page's bundle it names (a carousel), else removed with a warning."""
    arguments = dict(named)
    template = theme_shortcodes.find_template(tag.name, config)
    if template is not None and template.lists:  # the page's own pages (a section's), or the site's newest posts
        count = next((int(value) for key, value in named.items() if key.lower() in ("limit", "count") and value.isdigit()), 0)
        folder = PurePosixPath(source).parent.as_posix()
        return placeholder(blocks, post_listing(folder, "section", count) if template.lists == "section" else post_listing("all", "tags", count))
    images = theme_shortcodes.bundle_images(config.root / source, arguments)
    if images:
        return " ".join(images)
    href = _href(named, references, line)
    if href:
        label = theme_shortcodes.label_of(positional, arguments) or named.get("text") or ""
        css = f"shortcode-{tag.name.replace('/', '-')}"
        if not label and href.startswith(("/", REFERENCE_SCHEME)):  # a link to a page of the site reads as its title
            return placeholder(blocks, page_title_link(href, css))
        return placeholder(blocks, f'<a class="{css}" href="{escape(href)}">{escape(label or href)}</a>')
    shown = _printed_text(tag.name, positional, named, config) if template is not None else ""
    if shown:  # {{< alert icon="👉" text="…" />}}: the arguments its template prints as text
        warn(tag, "not supported; the text its template prints is shown")
        return placeholder(blocks, escape(shown, quote=False))
    note = theme_shortcodes.missing_theme(config) if template is None else ""
    warn(tag, f"not supported{note}; it was removed")
    return ""


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
