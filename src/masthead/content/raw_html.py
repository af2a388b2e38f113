"""Raw HTML in the Markdown of an adopted site, kept as its generator keeps it, and made safe.

Jekyll (kramdown), Eleventy (markdown-it), Pelican (Python-Markdown), Gatsby (remark) and Hugo with
``markup.goldmark.renderer.unsafe`` pass raw HTML in Markdown through: a ``<figure>``, a
``<div class="notice">``, a table or ``<details>`` is part of the text. ``[origin] raw_html`` keeps it,
cleaned by ammonia (nh3): markup and its ``class``/``id`` stay; scripts, styles, event handlers,
forms and ``javascript:`` URLs do not. A frame (``<iframe>``) becomes a link to what it showed, so no
third party is asked for anything until the reader clicks (a YouTube video through
youtube-nocookie.com, as the ``youtube`` shortcode). kramdown's ``markdown="1"`` is honoured: the
element's content is read as Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import nh3

_TAGS = nh3.ALLOWED_TAGS | {"picture", "source", "video", "audio", "track", "input", "section", "main"}
_ATTRIBUTES: dict[str, set[str]] = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"class", "id", "title", "lang", "dir"}
_ATTRIBUTES["img"] = _ATTRIBUTES.get("img", set()) | {"srcset", "sizes", "loading"}
_ATTRIBUTES["source"] = {"src", "srcset", "sizes", "type", "media"}
_ATTRIBUTES["video"] = {"src", "poster", "controls", "width", "height", "muted", "loop", "playsinline", "preload"}
_ATTRIBUTES["audio"] = {"src", "controls", "loop", "preload"}
_ATTRIBUTES["track"] = {"src", "kind", "srclang", "label", "default"}
_ATTRIBUTES["input"] = {"type", "checked", "disabled"}  # a task list's checkboxes
_ATTRIBUTES["a"] = _ATTRIBUTES.get("a", set()) | {"rel", "role", "aria-label", "data-pagefind-ignore"}  # and footnotes' links
_ATTRIBUTES["sup"] = {"data-pagefind-ignore"}  # a footnote's number, kept out of the search index (footnotes.py)
_ATTRIBUTES["section"] = {"role", "aria-label"}  # the footnotes
_ATTRIBUTES["div"] = {"align"}
_ATTRIBUTES["p"] = {"align"}

# masthead-ref:N marks a link to another page ({% post_url %}, {{< ref >}}), resolved once every URL is known
_SCHEMES = nh3.ALLOWED_URL_SCHEMES | {"masthead-ref"}

_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_IFRAME = re.compile(r"<iframe\b([^>]*)>.*?</iframe\s*>|<iframe\b([^>]*?)/?>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TITLE = re.compile(r"""\stitle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_MARKDOWN_ATTRIBUTE = re.compile(r"""^( {0,3}<[a-zA-Z][\w-]*\b[^>]*?)\s+markdown\s*=\s*(?:"[^"]*"|'[^']*'|\w+)([^>]*>)[ \t]*$""", re.MULTILINE)
_CLOSING_LINE = re.compile(r"^( {0,3}</[a-zA-Z][\w-]*\s*>)[ \t]*$", re.MULTILINE)
_YOUTUBE = re.compile(r"^(?:www\.)?youtube(?:-nocookie)?\.com$")


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to what is not inside a fenced code block."""
    parts = _FENCE.split(text)
    out, inside, fence = [], False, ""
    # split() with one group yields: text, fence, text, fence, ...: a fence opens, the same fence closes
    for index, part in enumerate(parts):
        if index % 2 == 1:
            if not inside:
                inside, fence = True, part
            elif part == fence:
                inside = False
            out.append(part)
        else:
            out.append(part if inside else change(part))
    return "".join(out)


def _frame_link(match: re.Match[str]) -> str:
    attributes = match.group(1) or match.group(2) or ""
    found = _SRC.search(attributes)
    src = html.unescape(next((value for value in found.groups() if value), "")) if found else ""
    title_match = _TITLE.search(attributes)
    return frame_link(src, html.unescape(next((value for value in title_match.groups() if value), "")) if title_match else "")


def frame_link(src: str, title: str) -> str:
    """What stands for an ``<iframe>`` showing ``src``: a link to it (YouTube's privacy-enhanced address),
    so nothing is asked of another site until the reader follows it; "" for a frame of nothing."""
    parts = urlsplit(src if not src.startswith("//") else "https:" + src)
    if not parts.scheme and not parts.netloc and parts.path:  # a page of the site itself (a demo beside the post)
        label = title or f"Open the embedded page {parts.path.rstrip('/').rsplit('/', 1)[-1]}"
        return f'\n<p class="embed"><a href="{html.escape(src)}">{html.escape(label)}</a></p>\n'
    if parts.scheme not in ("http", "https", "") or not parts.netloc:
        return ""
    host = parts.netloc.lower()
    if _YOUTUBE.match(host):
        url = parts._replace(scheme="https", netloc="www.youtube-nocookie.com").geturl()
        label = f"Watch “{title}” on YouTube" if title else "Watch on YouTube"
    else:
        url = parts._replace(scheme=parts.scheme or "https").geturl()
        label = f"{title} ({host})" if title else f"Open the embedded content on {host.removeprefix('www.')}"
    return f'\n<p class="embed"><a href="{html.escape(url)}" rel="noopener">{html.escape(label)}</a></p>\n'


_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def _outside_spans(part: str, change: Callable[[str], str]) -> str:
    """``part`` with ``change`` applied between its inline code spans (`` `<script>` `` is text)."""
    out, last = [], 0
    for span in _CODE_SPAN.finditer(part):
        out += [change(part[last : span.start()]), span.group(0)]
        last = span.end()
    return "".join([*out, change(part[last:])])


def _prepare(part: str) -> str:
    part = _outside_spans(part, lambda text: _IFRAME.sub(_frame_link, _SCRIPT.sub("", text)))
    if _MARKDOWN_ATTRIBUTE.search(part):  # kramdown's markdown="1": the element's lines are Markdown
        part = _MARKDOWN_ATTRIBUTE.sub(r"\1\2\n", part)
        part = _CLOSING_LINE.sub(r"\n\1", part)
    return part


def prepare(markdown: str) -> str:
    """The Markdown with scripts and styles taken out and frames made links, outside code blocks
    (cmark's tag filter would otherwise show them as text), and kramdown's ``markdown="1"`` read."""
    return _outside_code(markdown, _prepare)


def clean_rendered(body_html: str) -> str:
    """HTML a renderer made (docutils with ``.. raw:: html``): scripts out, frames as links, then ``clean``."""
    return clean(_IFRAME.sub(_frame_link, _SCRIPT.sub("", body_html)))


_PIXELS = re.compile(r"\s*(\d+)\s*(?:px)?\s*")
_IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\salt=)")
_INPUT = re.compile(r"<input\b[^>]*>")
_TASK_BOX = re.compile(r'(?=[^>]*\stype="checkbox")(?=[^>]*\sdisabled\b)')


def _task_box(match: re.Match[str]) -> str:
    """A task list's checkbox (every renderer writes it ``disabled``) stays; any other input was a control
    of a form, which does not: alone, with its label gone, it would be a field without a name."""
    return match[0] if _TASK_BOX.match(match[0], 6) else ""


def _valid_value(tag: str, attribute: str, value: str) -> str | None:
    """A ``width``/``height`` is a number of pixels in HTML: ``300px`` is read as 300, ``50%`` dropped."""
    if attribute in ("width", "height"):
        pixels = _PIXELS.fullmatch(value)
        return pixels.group(1) if pixels else None
    return value


_LIST_WITH_OTHER_CHILD = re.compile(r"(?:<(?:ul|ol)\b[^>]*>|</li>)\s*<(?!li\b|/)", re.IGNORECASE)  # first child, or one after an item


def list_items(body_html: str) -> str:
    """A list holds items: what a theme's loop wrote straight into ``<ul>`` (academicpages' CV puts each
    talk's heading and paragraph there, al-folio's blog a ``<p>&bull;</p>`` between its items, as Jekyll
    copies them) is wrapped in ``<li>``, one per run."""
    if not _LIST_WITH_OTHER_CHILD.search(body_html):
        return body_html
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString

    soup = BeautifulSoup(body_html, "html.parser")
    for listing in soup.find_all(["ul", "ol"]):
        item = None
        for child in list(listing.children):
            if getattr(child, "name", None) == "li" or (isinstance(child, NavigableString) and not child.strip() and item is None):
                item = None
                continue
            if item is None:
                item = soup.new_tag("li")
                child.insert_before(item)
            item.append(child.extract())
    return str(soup)


_LINK_TAG = re.compile(r"<a\b[^>]*>|</a\s*>", re.IGNORECASE)


def _unnested_links(body_html: str) -> str:
    """A link inside a link (al-folio's featured-post card, an ``<a>`` around a card holding the year's
    link) is its text: HTML allows no nesting, and a browser would break the outer link into empty ones."""
    depth = 0

    def tag(match: re.Match[str]) -> str:
        nonlocal depth
        closing = match.group(0).startswith("</")
        depth = max(0, depth - 1) if closing else depth + 1
        return match.group(0) if (depth == 0 and closing) or (depth == 1 and not closing) else ""

    return _LINK_TAG.sub(tag, body_html)


def clean(body_html: str) -> str:
    """Rendered HTML with its raw markup made safe (ammonia's rules, with ``class`` and ``id`` kept) and
    valid: dimensions in pixels, a form's inputs out with the form (a task list's checkboxes kept), and an
    image written without ``alt`` marked as decorative (``alt=""``)."""
    body_html = _unnested_links(body_html) if body_html.count("<a") > 1 else body_html
    cleaned = nh3.clean(body_html, tags=_TAGS, attributes=_ATTRIBUTES, attribute_filter=_valid_value, url_schemes=_SCHEMES, link_rel=None, strip_comments=True)
    cleaned = _INPUT.sub(_task_box, cleaned) if "<input" in cleaned else cleaned
    cleaned = list_items(cleaned) if "<ul" in cleaned or "<ol" in cleaned else cleaned
    return _IMG_WITHOUT_ALT.sub('<img alt=""', cleaned) if "<img" in cleaned else cleaned
