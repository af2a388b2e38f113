"""A body's journey from the source to HTML: template tags of its origin first, then Markdown.

Jekyll (and Eleventy) bodies go through ``liquid``, Hugo's through ``shortcodes``. Both return
Markdown with placeholders for the HTML they make (cmark drops raw HTML in safe mode, so the
HTML is put in after rendering) and ``masthead-ref:N`` links for references to other pages,
which the site resolves once every URL is known (``origins/references.py``).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any, NamedTuple
from urllib.parse import unquote

from ..config import Config
from ..errors import Problem
from . import footnotes
from .markdown import _PARAGRAPH, RenderedMarkdown, first_paragraph_text, local_images, plain_text, render
from .markdown_dialect import dialect
from .outline import levelled
from .placement import Reference, not_a_page

REFERENCE_SCHEME = "masthead-ref:"
# <a href="/posts/x/" data-title-of="/posts/x/">/posts/x/</a>: a link whose text becomes its page's title
# (Blowfish's article card) once every page is read; until then, and in a summary, its URL
TITLE_LINK = re.compile(r'<a ([^>]*?) data-title-of="([^"]*)">([^<]*)</a>')


def page_title_link(url: str, css: str) -> str:
    """A link to the page at ``url`` (a relref's mark, resolved later) that will read as that page's title."""
    shown = html.escape(url)
    return f'<a class="{html.escape(css)}" href="{shown}" data-title-of="{shown}">{shown}</a>'


# HTML a tag makes that stands as a block: put in place of the paragraph cmark wraps its token in.
_BLOCK_ELEMENTS: tuple[str, ...] = ("figure", "details", "div", "blockquote", "pre", "section", "aside", "dl", "ul", "ol", "table", "hr")
_BLOCK_ELEMENTS += ("p>", "p ", "h1", "h2", "h3", "h4", "h5", "h6")  # markdownify's paragraphs and headings
_BLOCKS = tuple(f"<{name}" for name in _BLOCK_ELEMENTS) + tuple(f"</{name}" for name in _BLOCK_ELEMENTS)


class Transformed(NamedTuple):
    markdown: str
    blocks: dict[str, str]  # placeholder -> HTML
    references: tuple[Reference, ...]
    problems: tuple[Problem, ...]


def placeholder(blocks: dict[str, str], html: str) -> str:
    """A word cmark leaves alone, standing for ``html`` until the Markdown is rendered."""
    token = f"mastheadblock{len(blocks):04d}x"
    blocks[token] = html
    return token


def post_listing(name: str = "all", field: str = "tags", count: int = 0, oldest_first: bool = False, from_end: bool = False) -> str:
    """The marker of a list of posts (a loop over ``collections.x``, a theme's archive layout), filled in
    with links once every page is read (``origins/references.py``); ``count`` 0 lists them all, from the
    first (an Eleventy list's later pages start further on: ``data-offset``, origins/eleventy_pages.py),
    newest first unless ``oldest_first`` (an Eleventy collection not reversed); ``from_end``: the last ``count``."""
    order = (' data-order="oldest"' if oldest_first else "") + (' data-from="end"' if from_end else "")
    return f'<div class="post-listing" data-{field}="{html.escape(name)}" data-count="{count}" data-offset="0"{order}></div>'


# `{: .notice}` alone on a line or at the end of one, `{:toc}`, `{::options … /}`: kramdown's own syntax.
_KRAMDOWN_TOC = re.compile(r"^[ \t]*[*+-][ \t]+[^\n]*\n[ \t]*\{:\s*toc\s*\}[ \t]*$", re.MULTILINE)  # the list kramdown replaces
_KRAMDOWN_ATTRIBUTES = re.compile(r"[ \t]*\{:(?:[^}\n]*)\}[ \t]*$|\{::[^}\n]*/\}", re.MULTILINE)
# a span's attributes right after it: `path`{: .filepath}, ![x](y.png){: w="700" } mid-line, *x*{: .y}
_KRAMDOWN_SPAN_ATTRIBUTES = re.compile(r"(?<=[)*_\]\x00])\{:[^}\n]*\}")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def _without_kramdown_markup(text: str) -> str:
    """Text with kramdown's attribute lists and ``{:toc}`` removed, outside code: a fenced block or a
    code span showing ``{: .notice}`` keeps it, as kramdown shows it."""
    from .raw_html import _outside_code

    def prose(part: str) -> str:
        spans: list[str] = []

        def keep(match: re.Match[str]) -> str:
            spans.append(match.group(0))
            return f"\x00{len(spans) - 1}\x00"

        hidden = _CODE_SPAN.sub(keep, part)
        hidden = _KRAMDOWN_SPAN_ATTRIBUTES.sub("", _KRAMDOWN_ATTRIBUTES.sub("", _KRAMDOWN_TOC.sub("\n", hidden)))
        return re.sub(r"\x00(\d+)\x00", lambda match: spans[int(match.group(1))], hidden)

    return _outside_code(text, prose)


# Goldmark's block attributes (markup.goldmark.parser.attribute.block): a line of only {.class #id key=value}
# right under a paragraph, list, table or quote. masthead's Markdown has no way to set them: the line goes.
_GOLDMARK_VALUE = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+))"""
_GOLDMARK_BLOCK = re.compile(rf"[ \t]*\{{[ \t]*{_GOLDMARK_VALUE}(?:[ \t]+{_GOLDMARK_VALUE})*[ \t]*\}}[ \t]*")
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")


def goldmark_block_attributes(text: str) -> str:
    """``text`` without Goldmark's block attribute lines (outside fenced code), as Hugo takes them off."""
    kept: list[str] = []
    fence = ""
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if opened and (not fence or opened.group(1) == fence):
            fence = "" if fence else opened.group(1)
        elif not fence and kept and kept[-1].strip() and _GOLDMARK_BLOCK.fullmatch(line):
            continue
        kept.append(line)
    return "\n".join(kept)


_HTML_SOURCES = (".html", ".htm", ".njk", ".liquid")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(src|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_FENCE_LINE = re.compile(r"^\s*(```|~~~)")


def html_images(text: str) -> str:
    """``<img src="x.png" alt="A">`` written in Markdown as ``![A](x.png)``, outside code: the image is
    kept (and checked, and made responsive) while raw HTML stays off."""

    def markdown_image(match: re.Match[str]) -> str:
        found = {name.lower(): html.unescape(next(v for v in values if v is not None)) for name, *values in _ATTRIBUTE.findall(match.group(0))}
        if not found.get("src"):
            return match.group(0)
        alt = found.get("alt", "").replace("[", "(").replace("]", ")").replace("\n", " ")
        title = f' "{found["title"]}"' if found.get("title") and '"' not in found["title"] else ""
        return f"![{alt}](<{found['src']}>{title})"

    lines, fenced_block = [], False
    for line in text.split("\n"):
        if _FENCE_LINE.match(line):
            fenced_block = not fenced_block
        elif not fenced_block and "`" not in line and not line.startswith(("    ", "\t")):
            line = _IMG_TAG.sub(markdown_image, line)
        lines.append(line)
    return "\n".join(lines)


_PARAGRAPH_TEXT = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def _lifted(html: str, tokens: set[str]) -> str:
    """Paragraphs split at the lines that are a block's placeholder: the block stands between them (a
    shortcode's ``<div>`` opened or closed on a line of its own, next to text without a blank line)."""
    if not tokens:
        return html

    def split(match: re.Match[str]) -> str:
        lines = match.group(1).split("\n")
        if not any(line in tokens for line in lines):
            return match.group(0)
        parts: list[str] = []
        run: list[str] = []
        for line in [*lines, ""]:
            if line in tokens or line == "":
                if any(part.strip() for part in run):
                    parts.append("<p>" + "\n".join(run) + "</p>")
                run = []
                if line:
                    parts.append(line)
            else:
                run.append(line)
        return "\n".join(parts)

    return _PARAGRAPH_TEXT.sub(split, html)


def placed(html: str, blocks: Mapping[str, str]) -> str:
    """Rendered HTML with each placeholder replaced by its HTML; a block's (a ``<div>``, a ``<p>``
    markdownify made) instead of the paragraph cmark wrapped its token in. The newest first: a block
    may hold the tokens of blocks made before it (an include's HTML holding a markdownify's)."""
    html = _lifted(html, {token for token, block in blocks.items() if block.startswith(_BLOCKS)})
    for token, block in reversed(list(blocks.items())):
        if token not in html:
            continue
        if block.startswith(_BLOCKS):  # a block of its own, not inside the paragraph cmark made
            html = html.replace(f"<p>{token}</p>", block).replace(f"<p>{token}\n", f"{block}\n<p>").replace(f"\n{token}</p>", f"</p>\n{block}")
        html = html.replace(token, block)
    return html


def fenced(language: str, code: str) -> str:
    """A highlight block as a Markdown code fence, on as many lines as the tags and the code took."""
    opening = "" if code.startswith("\n") else "\n"
    closing = "" if code.endswith("\n") else "\n"
    return f"```{language}{opening}{code}{closing}```"


# The files Pelican's readers turn into pages; a {filename} link to anything else is to the file itself
_PELICAN_SOURCES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
_PELICAN_LINK = re.compile(r"[{|](static|filename|attach|tag|category|author|index)[}|]([^)\s\"'<>`]*)")


def _pelican_links(text: str, first_line: int, source: str, config: Config, numbered_from: int = 0) -> Transformed:
    """Pelican's ``{static}/images/x.png`` and ``{filename}/pages/about.md`` links; ``{tag}x`` is the
    tag's page, ``{category}x`` and ``{author}x`` the category's and author's pages (``[origin]``
    category_permalink, author_permalink; the archive, with a warning, when the site makes none),
    ``{index}`` the home page."""
    references: list[Reference] = []
    problems: list[Problem] = []
    content = PurePosixPath(config.folders.content)
    folder = PurePosixPath(source).parent.relative_to(content) if PurePosixPath(source).is_relative_to(content) else PurePosixPath()

    def swap(match: re.Match[str]) -> str:
        kind, target = match.group(1), match.group(2)
        cut = min((at for at in (target.find("#"), target.find("?")) if at >= 0), default=len(target))
        target, suffix = target[:cut], target[cut:]  # {filename}x.rst#anchor, ?query: kept on the page's URL, as Pelican keeps them
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(str(folder / target))
        if kind == "static" or (kind == "filename" and not path.endswith(_PELICAN_SOURCES)):
            kind = "static"  # {filename} of a file no reader reads (a script, an image): the file, as {static}
        if kind == "index":
            return "/" + suffix
        if kind in ("tag", "category", "author"):
            from ..origins.terms import link_target

            found = link_target(kind, unquote(target), config)
            if found is not None:
                return found + suffix
            line = first_line + text.count("\n", 0, match.start())
            message = f"{{{kind}}}{target}: the site makes no {kind} pages ({kind.upper()}_SAVE_AS is empty); the link goes to the archive"
            problems.append(Problem(source, line, None, message, warning=True))
            return "/archive/"
        # {static}: the file, published even outside STATIC_PATHS; {attach}: moved beside the page (origins/pelican_attach.py)
        references.append(Reference(kind if kind in ("static", "attach") else "link", path, first_line + text.count("\n", 0, match.start())))
        return f"{REFERENCE_SCHEME}{numbered_from + len(references) - 1}{suffix}"

    linked = _PELICAN_LINK.sub(swap, text)
    return Transformed(linked, {}, tuple(references), tuple(problems))


def _templated(data: Mapping[str, Any]) -> bool:
    """Whether the page's template language runs on it: not with Jekyll's ``render_with_liquid: false``
    or Eleventy's ``templateEngineOverride: md`` (a post that shows template code as it is)."""
    if data.get("render_with_liquid") is False:
        return False
    override = data.get("templateEngineOverride")
    return not isinstance(override, str) or any(engine.strip() in ("njk", "liquid") for engine in override.split(","))


@lru_cache(maxsize=1024)  # an include renders the same HTML on many pages
def from_html(html: str) -> str:
    """HTML as Markdown (markdownify, as ``masthead import`` uses), so it is rendered, checked and made
    safe like any post: links and images are kept, frames become links to what they show (a site's
    ``youtube.html`` include), scripts and styles are not."""
    import warnings

    from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    from .html_markdown import to_markdown

    html = re.sub(r"<(script|style|template)\b.*?</\1\s*>", "", html, flags=re.DOTALL | re.IGNORECASE)
    with warnings.catch_warnings():  # bs4's guesses about what the text is: the file says it is HTML
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        text = to_markdown(html, heading_style="ATX", bullets="-", strip=["form", "object", "embed"], frames=True)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def _restructured(text: str, first_line: int, source: str, config: Config) -> tuple[RenderedMarkdown, list[Problem], tuple[Reference, ...]]:
    from .restructuredtext import to_html

    result = _pelican_links(text, first_line, source, config) if _PELICAN_LINK.search(text) else Transformed(text, {}, (), ())
    html, problems = to_html(result.markdown, source, first_line, config.origin.raw_html)
    html = levelled(html)
    problems = [*result.problems, *problems]
    first = _PARAGRAPH.search(html)
    body = RenderedMarkdown(html, plain_text(first.group(1)) if first else "", (), (), (), None, local_images(html))
    return body, problems, result.references


def _math(result: Transformed, config: Config) -> Transformed:
    """render_math's TeX as MathML (``content/pelican_math.py``), when the site runs the plugin."""
    from ..origins.data import pelican_settings
    from .pelican_math import transform, uses_math

    if not uses_math(pelican_settings(config)):
        return result
    blocks = dict(result.blocks)
    markdown = transform(result.markdown, lambda html: placeholder(blocks, html))
    return result._replace(markdown=markdown, blocks=blocks) if blocks != result.blocks else result


def _table_of_contents(body: RenderedMarkdown, left_out: frozenset[str] = frozenset()) -> RenderedMarkdown:
    """Python-Markdown's ``[TOC]`` marker (its toc extension, which Pelican sites turn on), kramdown's
    ``{:toc}`` list: the list of the body's headings, linked, in its place (those in ``left_out`` not)."""
    items = "".join(
        f'<li class="toc__level-{heading.level}"><a href="#{html.escape(heading.id)}">{html.escape(heading.text)}</a></li>'
        for heading in body.headings
        if heading.text not in left_out
    )
    shown = body.html.replace("<p>[TOC]</p>", f'<nav class="toc" aria-label="Contents"><ul>{items}</ul></nav>' if items else "")
    summary = body.summary
    if summary == "[TOC]":  # the marker opened the body: the summary is the first paragraph of the text
        summary = first_paragraph_text(body.html.replace("<p>[TOC]</p>", ""))
    return RenderedMarkdown(shown, summary, body.citations, body.links, body.headings, body.read_more, body.images)


def parse_block_html(config: Config) -> bool:
    """kramdown's ``parse_block_html`` in ``_config.yml``: Markdown inside every HTML block element."""
    from ..origins.data import origin_config

    settings = origin_config(config).get("kramdown")
    return isinstance(settings, Mapping) and settings.get("parse_block_html") is True


def _excerpt_separator(data: Mapping[str, Any], config: Config) -> str:
    """Jekyll's ``excerpt_separator`` (the page's, else ``_config.yml``'s) when it is not the default, the
    first paragraph's end, which masthead's summary already is."""
    if config.origin.kind != "jekyll":
        return ""
    from ..origins.data import origin_config

    separator = data.get("excerpt_separator", origin_config(config).get("excerpt_separator"))
    return separator if isinstance(separator, str) and separator.strip() else ""


def render_body(
    text: str, first_line: int, source: str, data: Mapping[str, Any], config: Config, rst: bool = False
) -> tuple[RenderedMarkdown, list[Problem], tuple[Reference, ...]]:
    """Rendered body, problems (warnings about unsupported tags) and references to resolve."""
    untitled = frozenset[str]()  # kramdown's no_toc headings
    if config.origin.kind == "jekyll" and "{:" in text:  # Just the Docs' callouts, kramdown's {:toc}
        from ..origins.data import origin_config
        from .kramdown_callouts import mark

        text, untitled = mark(text, origin_config(config))
    body, problems, references = _rendered_body(text, first_line, source, data, config, rst)
    if config.origin.kind == "jekyll" and data.get("toc") is True and body.headings and "<p>[TOC]</p>" not in body.html:
        # minimal-mistakes' (and Chirpy's) toc: true: the layout shows the page's table of contents beside its text
        body = RenderedMarkdown("<p>[TOC]</p>\n" + body.html, body.summary, body.citations, body.links, body.headings, body.read_more, body.images)
    if config.origin.kind in ("pelican", "jekyll") and not rst and "<p>[TOC]</p>" in body.html:
        body = _table_of_contents(body, untitled)
    separator = _excerpt_separator(data, config)
    if separator and separator in text:  # Jekyll's excerpt: the text before the separator, not the first paragraph
        head, _, tail = text.partition(separator)
        # Jekyll's excerpt keeps the document's link and footnote definitions (Excerpt#extract_excerpt)
        head += "\n\n" + "\n".join(_DEFINITIONS.findall(tail))
        excerpt, _, _ = _rendered_body(head, first_line, source, data, config, rst)
        paragraphs = _PARAGRAPH.findall(footnotes.split(excerpt.html)[0])
        summary = " ".join(plain_text(footnotes.without_marks(part)) for part in paragraphs).strip()
        if summary:
            body = RenderedMarkdown(body.html, summary, body.citations, body.links, body.headings, body.read_more, body.images)
    return body, problems, references


def _raw_placeholder(blocks: dict[str, str], html: str) -> str:
    """A placeholder of its own for kramdown's ``nomarkdown`` HTML (the template tags' are numbered apart)."""
    token = f"mastheadraw{len(blocks):04d}x"
    blocks[token] = html
    return token


_DEFINITIONS = re.compile(r"^ {0,3}\[[^\]]+\]:.+$", re.MULTILINE)  # Jekyll's MKDWN_LINK_REF_REGEX


def _rendered_body(
    text: str, first_line: int, source: str, data: Mapping[str, Any], config: Config, rst: bool
) -> tuple[RenderedMarkdown, list[Problem], tuple[Reference, ...]]:
    kind = config.origin.kind
    if kind and "<!--more-->" in text:  # Hugo's and Jekyll's summary divider: no HTML of its own
        text = text.replace("<!--more-->", "")
    if rst:
        return _restructured(text, first_line, source, config)
    clean = config.origin.raw_html
    if kind in ("jekyll", "eleventy", "pelican", "gatsby") and "<img" in text and not (config.unsafe_html or clean) and not source.endswith(_HTML_SOURCES):
        text = html_images(text)  # these generators keep raw HTML in Markdown; masthead drops it, but keeps the images
    raw_parts: dict[str, str] = {}
    if kind == "jekyll" and "{::" in text:  # kramdown's {::comment} and {::nomarkdown}, before its other markup goes
        from .kramdown_extensions import without_extensions

        handled = "keep" if config.unsafe_html else "clean" if clean else "text"
        text = without_extensions(text, lambda html: _raw_placeholder(raw_parts, html), handled)
    if kind == "jekyll" and "{:" in text:  # kramdown's attribute lists and {:toc}: markup for kramdown, not text
        text = _without_kramdown_markup(text)
    if kind == "hugo" and "{" in text:
        text = goldmark_block_attributes(text)
    if kind and not_a_page(source, data, config):  # not published (a feed template, a tag pagination): not rendered
        return RenderedMarkdown("", "", (), (), (), None, ()), [], ()
    if kind in ("jekyll", "eleventy", "pelican") and ("{%" in text or "{{" in text or "{#" in text) and _templated(data):
        from .liquid import transform

        result = transform(text, first_line, source, data, config)
        if kind == "pelican" and _PELICAN_LINK.search(result.markdown):  # liquid_tags and {filename} links together
            links = _pelican_links(result.markdown, first_line, source, config, len(result.references))
            result = Transformed(links.markdown, result.blocks, result.references + links.references, result.problems + links.problems)
    elif kind == "pelican" and re.search(_PELICAN_LINK, text):
        result = _pelican_links(text, first_line, source, config)
    elif kind == "gatsby" and source.endswith(".mdx"):  # gatsby-plugin-mdx: ES module lines and JSX components
        from .mdx import transform as mdx_transform

        result = mdx_transform(text, first_line, source)
    elif kind == "hugo" and "{{" in text:
        from .shortcodes import transform

        result = transform(text, first_line, source, data, config)
    else:
        result = Transformed(text, {}, (), ())
    if kind == "pelican" and ("$" in result.markdown or "\\begin{" in result.markdown):
        result = _math(result, config)
    if raw_parts:
        result = result._replace(blocks={**result.blocks, **raw_parts})
    if source.endswith(_HTML_SOURCES):  # a Jekyll post in HTML, an Eleventy template: read as Markdown
        result = result._replace(markdown=from_html(result.markdown))
    elif kind == "jekyll" and config.origin.raw_html:  # kramdown's HTML blocks run to their closing tag
        from .kramdown_blocks import join_html_blocks

        markdown = join_html_blocks(result.markdown, parse_block_html(config))
        if "<d-cite" in markdown:  # al-folio's distill posts
            from .liquid_scholar import distill_citations

            markdown, cited = distill_citations(markdown, first_line, source, data, config)
            result = result._replace(problems=result.problems + cited)
        result = result._replace(markdown=markdown)
    elif not result.blocks and not result.references and not result.problems and result.markdown is text:
        return render(text, first_line, config.unsafe_html, clean, dialect(config)), [], ()
    body = render(result.markdown, first_line, config.unsafe_html, clean and not source.endswith(_HTML_SOURCES), dialect(config))
    if result.blocks:
        html = placed(body.html, result.blocks)
        if clean and ("<ul" in html or "<ol" in html):  # an include's items placed in the page's own list (academicpages' CV)
            from .raw_html import list_items

            html = list_items(html)
        body = RenderedMarkdown(html, first_paragraph_text(html), body.citations, body.links, body.headings, body.read_more, local_images(html))
    return body, list(result.problems), result.references
