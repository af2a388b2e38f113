"""Liquid (Jekyll, Pelican's liquid_tags) and Nunjucks (Eleventy) in bodies: no tag is ever left as text.

Rendered: ``{% raw %}``/``{% verbatim %}``, ``{% comment %}``/``{# #}``, ``{% highlight %}``,
``{% link %}``, ``{% post_url %}``, ``if``/``unless``/``elsif``/``else``, ``case``/``when``, ``for``,
``assign``/``set``/``capture``, ``{{ value | filters }}`` over what masthead knows (the front matter,
the origin's config and data files, ``jekyll.environment``), and embeds (``gist``, ``youtube``,
``vimeo``, ``img``/``image``) as privacy-friendly links and figures. Anything else follows the rule
for every origin: a pair with an unknown name keeps its inner content, an unknown standalone tag or
variable is removed, either way with a warning ``file:line: Liquid tag "x": not supported; …``.
Line numbers are kept where a tag is replaced: what stands for it has as many line breaks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import Problem
from ..origins.data import scopes_for
from . import liquid_values as values
from .bodies import REFERENCE_SCHEME, Transformed, fenced, from_html, placed, placeholder, post_listing
from .liquid_embeds import THEME_INCLUDES, embed_tag, theme_include
from .liquid_lists import SITE_LISTS, Deferred, PostList, page_scope
from .placement import Reference

_LIQUID = re.compile(r"{%(.*?)%}|{{(.*?)}}", re.DOTALL)
_NUNJUCKS = re.compile(r"{%(.*?)%}|{{(.*?)}}|{#(.*?)#}", re.DOTALL)
_VERBATIM = {"raw": "endraw", "verbatim": "endverbatim", "comment": "endcomment", "highlight": "endhighlight"}
_BLOCKS = frozenset({"if", "unless", "for", "case", "capture", "tablerow", "macro", "call", "filter"})
_CLAUSES = {"else": ("if", "unless", "for", "case"), "elsif": ("if", "unless"), "elif": ("if",), "elseif": ("if",), "when": ("case",)}
_EMBEDS = frozenset({"gist", "youtube", "vimeo", "instagram", "twitter", "tweet", "img", "image"})
SITE_LISTS_MARKER = '<div class="site-lists"></div>'  # a page to render again with the site's lists (origins/jekyll_lists)
_CODE_IN_TEXT = re.compile(r"(`+).*?\1|<code\b.*?</code>|<pre\b.*?</pre>|^[ \t]*(```|~~~).*?^[ \t]*\2", re.DOTALL | re.MULTILINE)
_MARKDOWNIFY = re.compile(r"\|\s*markdownify\b")  # an output of HTML made from Markdown
_MAX_ITERATIONS = 10_000  # loops over a huge range stop here: a body is not a program
_MAX_DEPTH = 60


@dataclass(frozen=True)
class _Node:
    kind: str  # "text", "output", "tag", "verbatim", "block"
    text: str  # the text; the expression; the tag's arguments; the verbatim inner text
    name: str = ""
    start: int = 0
    breaks: str = ""
    clauses: list[tuple[str, str, int, list[_Node]]] = field(default_factory=list)  # (name, arguments, start, children)
    arguments: str = ""  # a verbatim tag's (highlight's language)


def _tag_parts(inner: str) -> tuple[str, str]:
    text = inner.strip("-").strip()
    found = re.match(r"(\w+)\s*(.*)", text, re.DOTALL)
    return (found.group(1), found.group(2).strip()) if found else ("", text)


def parse(text: str, nunjucks: bool, strays: list[int]) -> list[_Node]:
    """The body as a tree of text, outputs, tags and blocks; an unclosed block becomes a tag and its content.

    An opening ``{%`` or ``{{`` that nothing closes is left out, and its offset put in ``strays``.
    """
    pattern = _NUNJUCKS if nunjucks else _LIQUID
    opener = re.compile(r"{[%{#]" if nunjucks else r"{[%{]")

    trim_next = False  # the last tag ended with -%}: the whitespace after it goes

    def plain(start: int, end: int) -> _Node:
        segment = text[start:end].lstrip() if trim_next else text[start:end]
        for found in opener.finditer(segment):
            strays.append(start + found.start())
        return _Node("text", opener.sub("", segment))

    ends = {name[3:] for name in re.findall(r"{%-?\s*(end\w+)", text)}
    root: list[_Node] = []
    stack: list[_Node] = []

    def children() -> list[_Node]:
        return stack[-1].clauses[-1][3] if stack else root

    def flatten() -> None:  # the top block was never closed: a tag, then what it held
        block = stack.pop()
        parent = children()
        parent.pop()
        parent.append(_Node("tag", block.clauses[0][1], block.name, block.start, block.breaks))
        for index, (name, arguments, start, nodes) in enumerate(block.clauses):
            if index:
                parent.append(_Node("tag", arguments, name, start))
            parent.extend(nodes)

    position = 0
    while True:
        match = pattern.search(text, position)
        if match is None:
            children().append(plain(position, len(text)))
            break
        segment = plain(position, match.start())
        whole = match.group(0)
        children().append(replace(segment, text=segment.text.rstrip()) if whole[2:3] == "-" else segment)  # {%- trims before
        trim_next = whole[-3:-2] == "-"
        position = match.end()
        breaks = "\n" * match.group(0).count("\n")
        if match.group(2) is not None:
            children().append(_Node("output", match.group(2).strip("-").strip(), "", match.start(), breaks))
            continue
        if match.group(1) is None:  # {# a Nunjucks comment #}
            children().append(_Node("text", breaks))
            continue
        name, arguments = _tag_parts(match.group(1))
        if name in _VERBATIM:
            end = re.compile(r"{%-?\s*" + _VERBATIM[name] + r"\s*-?%}").search(text, position)
            if end is not None:
                children().append(_Node("verbatim", text[position : end.start()], name, match.start(), breaks, arguments=arguments))
                position = end.end()
                continue
        if name.startswith("end") and any(block.name == name[3:] for block in stack):
            while stack[-1].name != name[3:]:
                flatten()
            stack.pop()
            children().append(_Node("text", breaks))
            continue
        if name in _CLAUSES and stack and stack[-1].name in _CLAUSES[name]:
            stack[-1].clauses.append((name, arguments, match.start(), [_Node("text", breaks)]))
            continue
        opens = name in _BLOCKS or (name in ends and not (name == "set" and "=" in arguments))
        if opens and len(stack) < _MAX_DEPTH:
            block = _Node("block", arguments, name, match.start(), breaks, [(name, arguments, match.start(), [])])
            children().append(block)
            stack.append(block)
        else:
            children().append(_Node("tag", arguments, name, match.start(), breaks))
    while stack:
        flatten()
    return root


@dataclass
class _Context:
    """What rendering a body needs and collects (local to one body)."""

    scopes: dict[str, Any]
    filters: Mapping[str, Callable[..., Any]]
    label: str  # "Liquid" or "Nunjucks", in warnings
    warn: Callable[[int, str, str], None]  # (offset, field, message)
    blocks: dict[str, str]
    references: list[Reference]
    line_at: Callable[[int], int]
    unknown_hint: Callable[[str], str]
    image_path: Callable[[str], str]
    include_file: Callable[[str, bool], Path | None]
    nunjucks: bool = False
    html_body: bool = False  # the page is HTML (a .html post, a .njk page): includes stay HTML
    iterations: int = 0
    plugin_tag: Callable[[str, str, int], str | None] | None = None  # Pelican's liquid_tags that read files
    deferred: bool = False  # Jekyll, pages read one by one: a loop over the site's lists waits for them
    loops: int = 0  # the loops the tag being rendered is in: break and continue end their rounds
    includes: int = 0  # the includes the tag being rendered is in: one that includes itself stops at _MAX_INCLUDES
    in_code: Callable[[int], bool] = lambda _offset: True  # whether the body's text at an offset is code (a fence, a code span, <code>)
    in_html_block: Callable[[int], bool] = lambda _offset: False  # Jekyll: whether an offset is inside an HTML block element, as kramdown reads it
    plugin_note: Callable[[str, str], str] = lambda _kind, _name: ""  # Jekyll: which of the site's _plugins/ defines a tag or filter

    def value(self, expression: str, start: int) -> Any:
        return values.evaluate(expression, self.scopes, self.filters, lambda name: self._unknown(name, start))

    def truth(self, expression: str, start: int) -> bool:
        return values.condition(expression, self.scopes, self.filters, lambda name: self._unknown(name, start))

    def _unknown(self, name: str, start: int) -> None:
        if name.startswith("filter "):
            self.warn(start, f'{self.label} filter "{name[7:]}"', f"not supported{self.plugin_note('filter', name[7:])}; its input was kept")
        else:
            self.warn(start, f'{self.label} variable "{name}"', f"not known here{self.unknown_hint(name)}; it was removed")


class _Jump(Exception):  # noqa: N818 - a jump, not an error: Liquid's break and continue
    """``{% break %}`` or ``{% continue %}`` inside a loop: what the round wrote up to it travels along."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name
        self.written = ""


def _render(nodes: list[_Node], context: _Context, depth: int = 0) -> str:
    out: list[str] = []
    for node in nodes:
        try:
            out.append(_node(node, context, depth))
        except _Jump as jump:
            jump.written = "".join(out) + jump.written
            raise
    return "".join(out)


def _node(node: _Node, context: _Context, depth: int) -> str:
    if node.kind == "text":
        return node.text
    if node.kind == "output":
        shown = values.text_of(context.value(node.text, node.start))
        if "<" in shown and _MARKDOWNIFY.search(node.text):  # the HTML kramdown made, in place as raw HTML is (made safe)
            return placeholder(context.blocks, placed(included_html(shown), context.blocks)) + node.breaks
        return shown + node.breaks
    if node.kind == "verbatim":
        if node.name in ("raw", "verbatim"):
            if _LIQUID.search(_CODE_IN_TEXT.sub("", node.text)) and not context.in_code(node.start):  # a tag shown as text: as code
                shown = html.escape(node.text.strip("\n"))
                return placeholder(context.blocks, f"<pre><code>{shown}</code></pre>" if "\n" in shown else f"<code>{shown}</code>")
            return node.text
        if node.name == "comment":  # dropped: it may sit inside a paragraph, so no lines stand in for it
            return ""
        # a highlight block is Liquid as any other text (Jekyll renders its tags: {% raw %} shows them as code)
        inner = replace(context, warn=lambda _offset, field, message: context.warn(node.start, field, message), in_code=lambda _offset: True)
        code = _render(parse(node.text, context.nunjucks, []), inner, depth + 1) if "{" in node.text else node.text
        words = node.arguments.split()
        return fenced(words[0].strip("'\"") if words else "", code)
    if node.kind == "tag":
        if node.name in ("include", "include_relative", "render"):
            return _include(node, context, depth) + node.breaks
        return _tag(node, context) + node.breaks
    return _block(node, context, depth)


def _tag(node: _Node, context: _Context) -> str:
    name, arguments = node.name, node.text
    if name in ("link", "post_url"):
        target = arguments.strip().strip("'\"")
        if "{{" in target:  # {% link {{ page.x }} %}: the variable first
            target = re.sub(r"{{(.*?)}}", lambda match: values.text_of(context.value(match.group(1), node.start)), target)
        context.references.append(Reference(name, target, context.line_at(node.start)))
        return f"{REFERENCE_SCHEME}{len(context.references) - 1}"
    if name in ("assign", "set") and "=" in arguments:
        variable, _, expression = arguments.partition("=")
        context.scopes[variable.strip()] = context.value(expression, node.start)
        return ""
    if context.plugin_tag is not None and (shown := context.plugin_tag(name, arguments, node.start)) is not None:
        return shown
    if name in _EMBEDS:
        embed = embed_tag(name, arguments, context.image_path)
        if embed is not None:
            return placeholder(context.blocks, embed)
    if name in ("break", "continue") and context.loops:
        raise _Jump(name)
    if name in ("else", "elsif", "elif", "when", "break", "continue", "increment", "decrement", "cycle", "endraw", "endcomment"):
        context.warn(node.start, f'{context.label} tag "{name}"', "outside the tag it belongs to; it was removed")
        return ""
    if name.startswith("end"):
        context.warn(node.start, f'{context.label} tag "{name}"', "closes no tag; it was removed")
        return ""
    if name in _HEAD_TAGS:  # jekyll-seo-tag's and jekyll-feed's head tags: masthead's own head has what they write
        return ""
    context.warn(node.start, f'{context.label} tag "{name or node.text[:20]}"', f"not supported{context.plugin_note('tag', name)}; it was removed")
    return ""


# jekyll-seo-tag's {% seo %} and jekyll-feed's {% feed_meta %}: meta tags and feed links for the page's <head>
_HEAD_TAGS = frozenset({"seo", "feed_meta"})
_INCLUDE_PARAMETER = re.compile(r"""(\w+)\s*[=:]\s*("[^"]*"|'[^']*'|[^\s,]+)""")
_MAX_INCLUDES = 5  # an include that includes itself stops here


def _include(node: _Node, context: _Context, depth: int) -> str:
    """``{% include note.html text="x" %}`` (Jekyll), ``{% include "x.njk" %}`` (Nunjucks): the site's own
    include file rendered in place, with ``include.*`` its parameters; HTML read as Markdown."""
    arguments = re.sub(r"{{(.*?)}}", lambda match: values.text_of(context.value(match.group(1), node.start)), node.text)
    first, _, rest = arguments.strip().partition(" ")
    name = first.strip(",").strip("'\"")
    path = context.include_file(name, node.name == "include_relative") if name and context.includes < _MAX_INCLUDES else None
    if path is None and (name.removesuffix(".html") in THEME_INCLUDES or name.startswith("embed/")):
        found = {key: values.text_of(context.value(value, node.start)) for key, value in _INCLUDE_PARAMETER.findall(rest)}
        themed = theme_include(name, found, lambda html: placeholder(context.blocks, html), context.image_path)
        if themed is not None:
            return themed
    if path is None:
        context.warn(node.start, f'{context.label} tag "{node.name}"', f"{name or 'no file'!r} is not among the site's include files; it was removed")
        return ""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        context.warn(node.start, f'{context.label} tag "{node.name}"', f"{name!r} cannot be read as UTF-8 text; it was removed")
        return ""
    parameters = {key: context.value(value, node.start) for key, value in _INCLUDE_PARAMETER.findall(rest)}
    made = len(context.blocks)
    inner = replace(
        context,
        warn=lambda _offset, field, message: context.warn(node.start, field, f"in {name}: {message}"),
        includes=context.includes + 1,
        in_code=lambda _offset: True,
        html_body=True,
    )
    saved = context.scopes.get("include")
    context.scopes["include"] = parameters
    try:
        rendered = _render(_parsed_include(text, context.nunjucks), inner, depth + 1)
    finally:  # also when a {% break %} in it ends the loop around the include
        context.scopes["include"] = saved
    if path.suffix in (".html", ".htm", ".njk", ".liquid") and not context.html_body:
        # kramdown keeps an HTML block's content HTML: so is the include's; and one holding HTML a tag made
        # (`<div class="note">{{ include.text | markdownify }}</div>`), which HTML read as Markdown would lose
        if context.in_html_block(node.start) or any(token in rendered for token in list(context.blocks)[made:]):
            return placeholder(context.blocks, placed(included_html(rendered), context.blocks))
        rendered = "\n\n" + from_html(rendered) + "\n"
    return rendered


_PICTURE_PARTS = re.compile(r"</?picture\b[^>]*>|<source\b[^>]*>", re.IGNORECASE)


def included_html(rendered: str) -> str:
    """An include's HTML placed as it is, made safe as raw HTML is; a ``<picture>``'s own sources (al-folio's
    imagemagick WebP files, made by a plugin) give way to the responsive set masthead makes of its image."""
    from .raw_html import clean_rendered

    return clean_rendered(_PICTURE_PARTS.sub("", rendered)).strip()


@lru_cache(maxsize=256)
def _parsed_include(text: str, nunjucks: bool) -> list[_Node]:
    """An include file's tree, parsed once per build (rendering never changes a tree)."""
    return parse(text, nunjucks, [])


def _block(node: _Node, context: _Context, depth: int) -> str:
    name = node.name
    opening = node.clauses[0]
    if name in ("if", "unless"):
        for index, (clause, arguments, start, children) in enumerate(node.clauses):
            taken = clause == "else" or context.truth(arguments, start) != (name == "unless" and index == 0)
            if taken:
                return node.breaks + _render(children, context, depth + 1)
        return node.breaks
    if name == "case":
        subject = context.value(opening[1], opening[2])
        for clause, arguments, start, children in node.clauses[1:]:
            options = re.split(r"\s*,\s*|\s+or\s+", arguments)
            if clause == "else" or any(context.value(option, start) == subject for option in options if option):
                return node.breaks + _render(children, context, depth + 1)
        return node.breaks
    if name == "for":
        return node.breaks + _loop(node, context, depth)
    if name == "details" and not context.nunjucks:  # al-folio's _plugins/details.rb: a box that opens, its text Markdown
        summary = html.escape(re.sub(r"<[^>]*>", "", opening[1]).strip())
        inner = _render(opening[3], context, depth + 1)
        shown = placeholder(context.blocks, f"<details><summary>{summary}</summary>")
        return f"{node.breaks}\n\n{shown}\n\n{inner}\n\n{placeholder(context.blocks, '</details>')}\n\n"
    if name in ("macro", "call", "filter"):  # Nunjucks macros are templates: never shown
        context.warn(node.start, f'{context.label} tag "{name}"', "not supported (a macro is a template); it was removed")
        return node.breaks
    if name in ("capture", "set"):
        context.scopes[opening[1].split()[0] if opening[1] else "_"] = _render(opening[3], context, depth + 1)
        return node.breaks
    context.warn(node.start, f'{context.label} tag "{name}"', f"not supported{context.plugin_note('tag', name)}; its inner content was kept")
    return node.breaks + "".join(_render(children, context, depth + 1) for _, _, _, children in node.clauses)


def _loop(node: _Node, context: _Context, depth: int) -> str:
    found = re.match(r"\s*([\w]+)(?:\s*,\s*(\w+))?\s+in\s+(.+?)\s*((?:\s+(?:limit|offset)\s*:\s*\S+|\s+reversed)*)\s*$", node.clauses[0][1], re.DOTALL)
    if found is None:
        context.warn(node.start, f'{context.label} tag "for"', f"{node.clauses[0][1]!r} is not a loop (expected item in list); it was removed")
        return ""
    collection = context.value(found.group(3), node.start)
    if isinstance(collection, PostList) and context.deferred:  # the page is rendered again with the site's lists
        return ""
    if collection is None and not context.nunjucks and re.fullmatch(r"site\.[\w-]+", found.group(3).strip()):
        context.warn(
            node.start, f'{context.label} tag "for"', f"{found.group(3).strip()} is no collection, list or setting of this site; the loop shows nothing"
        )
    if isinstance(collection, PostList):  # filled in once every page is read, with masthead's list markup
        limit = re.search(r"limit\s*:\s*(\d+)", found.group(4))
        count = int(limit.group(1)) if limit else collection.limit
        return placeholder(context.blocks, post_listing(collection.name, collection.field, count, collection.oldest_first, collection.from_end and not limit))
    items: list[Any] = list(collection.items()) if isinstance(collection, Mapping) else list(collection) if isinstance(collection, (list, tuple)) else []
    options = found.group(4)
    offset = re.search(r"offset\s*:\s*(\d+)", options)
    limit = re.search(r"limit\s*:\s*(\d+)", options)
    items = items[int(offset.group(1)) if offset else 0 :]
    items = items[: int(limit.group(1))] if limit else items
    if "reversed" in options:
        items.reverse()
    children = node.clauses[0][3]
    if not items:
        rest = [nodes for clause, _, _, nodes in node.clauses[1:] if clause == "else"]
        return _render(rest[0], context, depth + 1) if rest else ""
    saved = dict(context.scopes)
    out = []
    for index, item in enumerate(items):
        context.iterations += 1
        if context.iterations > _MAX_ITERATIONS:
            context.warn(node.start, f'{context.label} tag "for"', f"more than {_MAX_ITERATIONS} rounds; the rest was removed")
            break
        loop = {"index": index + 1, "index0": index, "first": index == 0, "last": index == len(items) - 1, "length": len(items)}
        if found.group(2) and isinstance(item, tuple):
            context.scopes[found.group(1)], context.scopes[found.group(2)] = item
        else:
            context.scopes[found.group(1)] = item
        context.scopes["forloop"] = context.scopes["loop"] = loop
        context.loops += 1
        try:
            out.append(_render(children, context, depth + 1))
        except _Jump as jump:  # the round ends here; a break ends the loop
            out.append(jump.written)
            if jump.name == "break":
                break
        finally:
            context.loops -= 1
    context.scopes.clear()
    context.scopes.update(saved)
    return "".join(out)


def _build_moment(date: Callable[..., Any], scopes: Mapping[str, Any]) -> Callable[..., Any]:
    """Jekyll's ``date`` filter, where ``"now"`` and ``"today"`` are the build's moment: ``site.time``,
    the newest post's date (so the same sources build the same bytes), known once every page is read."""

    def dated(value: Any, *arguments: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in ("now", "today"):
            site = scopes.get("site")
            value = site.get("time") if isinstance(site, Mapping) else None  # a Deferred: the page is rendered again
            if value is None:
                return ""
        return date(value, *arguments)

    return dated


def _markdownified(text: str, config: Config) -> str:
    """Jekyll's ``markdownify``: the text as HTML, rendered as the page's own Markdown is (kramdown's
    HTML blocks, raw HTML kept when the generator keeps it); placeholders in it stay, for ``placed``."""
    if not text.strip():
        return ""
    from .bodies import parse_block_html
    from .kramdown_blocks import join_html_blocks
    from .markdown import render

    markdown = join_html_blocks(text, parse_block_html(config)) if config.origin.kind == "jekyll" and config.origin.raw_html else text
    return render(markdown, 1, config.unsafe_html, config.origin.raw_html).html


def transform(text: str, first_line: int, source: str, data: Mapping[str, Any], config: Config) -> Transformed:
    """The body with every Liquid or Nunjucks tag rendered or removed, its blocks, references and warnings."""
    nunjucks = config.origin.kind == "eleventy"
    scopes, base_path, hint = scopes_for(source, data, config)
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()

    def line_at(offset: int) -> int:
        return first_line + text.count("\n", 0, offset)

    def warn(offset: int, name: str, message: str) -> None:
        if (offset, name) not in seen:  # a loop repeats its body: one warning per place
            seen.add((offset, name))
            problems.append(Problem(source, line_at(offset), name, message, warning=True))

    def image_path(src: str) -> str:
        """eleventy-img's and liquid_tags' paths are from the site's folder: as a site path when under static."""
        if src.startswith("/") or ":" in src:
            return src
        static = config.folder("static").resolve()
        for base in (config.root, (config.root / source).parent):
            path = (base / src).resolve()
            if path.is_file() and path.is_relative_to(static):
                return "/" + path.relative_to(static).as_posix()
        return src

    def include_file(name: str, relative: bool) -> Path | None:
        """The include file ``name``: beside the page (include_relative) or in _includes/, never outside the site."""
        folders = [(config.root / source).parent] if relative else [config.folder("content") / "_includes", config.root / "_includes"]
        for folder in folders:
            path = (folder / name).resolve()
            if path.is_relative_to(folder.resolve()) and path.is_file():  # as Jekyll: no ../, no link out
                return path
        return None

    def in_code(offset: int) -> bool:
        """Inside a fenced block, a code span or an HTML <code>/<pre>, where Markdown shows the text as it is."""
        before = text[:offset]
        if len(re.findall(r"^[ \t]*(?:```|~~~)", before, re.MULTILINE)) % 2:
            return True
        line = before.rsplit("\n", 1)[-1]
        if line.count("`") % 2 or line.startswith(("    ", "\t")):
            return True
        return any(len(re.findall(f"<{tag}\\b", before)) > len(re.findall(f"</{tag}>", before)) for tag in ("code", "pre"))

    label = "Nunjucks" if nunjucks else "Liquid"
    filters = values.filters(base_path, config.base_url.rstrip("/"))
    html_body = source.endswith((".html", ".htm", ".njk", ".liquid"))
    context = _Context(dict(scopes), filters, label, warn, {}, [], line_at, hint, image_path, include_file, nunjucks, html_body)
    context.in_code = in_code
    filters["markdownify"] = lambda value, *_: _markdownified(values.text_of(value), config)
    if config.origin.kind == "jekyll":
        filters["date"] = _build_moment(filters["date"], context.scopes)
    if config.origin.kind == "jekyll":
        from ..origins.jekyll_plugins import plugin_note
        from .kramdown_blocks import open_elements

        context.in_html_block = lambda offset: open_elements(text[:offset]) > 0
        context.plugin_note = lambda kind, name: plugin_note(config, kind, name)
    if config.origin.kind == "pelican":
        from ..origins.data import pelican_settings
        from .pelican_tags import TAGS, render

        def plugin_tag(name: str, arguments: str, offset: int) -> str | None:
            field = f'{label} tag "{name}"'
            return (
                render(name, arguments, config.folder("content"), pelican_settings(config), lambda message: warn(offset, field, message))
                if name in TAGS
                else None
            )

        context.plugin_tag = plugin_tag
    elif config.origin.kind == "jekyll":
        from . import liquid_scholar

        def scholar_tag(name: str, arguments: str, offset: int) -> str | None:
            field = f'{label} tag "{name}"'
            if name not in liquid_scholar.TAGS:
                return None
            return liquid_scholar.render(
                name, arguments, config, lambda markup: placeholder(context.blocks, markup), lambda message: warn(offset, field, message)
            )

        context.plugin_tag = scholar_tag
    context.deferred = config.origin.kind == "jekyll" and SITE_LISTS.get() is None
    if config.origin.kind == "jekyll":
        from ..origins.jekyll_site import document_kind

        context.scopes["page"] = page_scope(scopes.get("page") or {}, source, document_kind(source, config), SITE_LISTS.get())
    strays: list[int] = []
    markdown = _render(parse(text, nunjucks, strays), context)
    for offset in strays:
        warn(offset, f"{context.label} tag", "never closed; its opening brace and sign were removed")
    if context.deferred and any(isinstance(scope, Deferred) and scope.read for scope in (*scopes.values(), context.scopes.get("page"))):
        # it reads site.posts, site.<collection>, site.tags…: rendered again, and warned about, once every page is read
        markdown += "\n\n" + placeholder(context.blocks, SITE_LISTS_MARKER) + "\n"
        return Transformed(markdown, context.blocks, tuple(context.references), ())
    return Transformed(markdown, context.blocks, tuple(context.references), tuple(sorted(problems)))
