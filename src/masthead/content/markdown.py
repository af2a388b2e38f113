"""Markdown to HTML with cmark-gfm, returning facts alongside the HTML.

cmark-gfm (GitHub's C implementation) is CommonMark-compliant and the fastest engine measured
here. Its output is canonical (attribute order, escaping), so the post-processing below works on
that fixed shape: citations ``[[Outlet](url)]`` render as ``[<a href="url">Outlet</a>]`` and get
marked and collected, headings nest under the page's title (``outline.py``) and get ids, the closing ``[Read More](url)`` paragraph is recognised.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

from cmarkgfm.cmark import Options
from text_unidecode import unidecode

from . import definition_lists, footnotes
from .characters import FORBIDDEN
from .cmark import github_flavored_markdown_to_html
from .markdown_dialect import GFM, Dialect
from .outline import levelled

_SAFE = Options.CMARK_OPT_DEFAULT | Options.CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
_UNSAFE = _SAFE | Options.CMARK_OPT_UNSAFE
_RAW_OMITTED = "<!-- raw HTML omitted -->"  # what cmark writes for raw HTML it drops

_CITATION = re.compile(r'\[<a href="([^"]*)"(?: title="[^"]*")?>((?:(?!</a>).)+?)</a>\]')
_LINK = re.compile(r'<a href="([^"]*)"(?: title="[^"]*")?>(.*?)</a>', re.DOTALL)
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
# Goldmark's heading attributes, as cmark leaves them at the end of the heading's text: ## Title {#id .class}
_ATTRIBUTE = r"(?:[#.][\w-]+|[\w-]+=(?:&quot;[^&]*&quot;|[\w.-]+))"
_HEADING_ATTRIBUTES = re.compile(rf"\s*\{{\s*({_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*)\s*\}}\s*$")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_READ_MORE = re.compile(r'<p><a href="([^"]*)"(?: title="[^"]*")?>Read [Mm]ore[^<]{0,3}</a></p>\n?\Z')
_TAG = re.compile(r"<[^>]+>")
_IMG = re.compile(r"<img ")
_PRE_LANG = re.compile(r'<pre lang="([^"]*)"><code>')


class Citation(NamedTuple):
    outlet: str
    url: str
    line: int  # line in the source file
    position: int  # order of the citation within the post, from 1


class Link(NamedTuple):
    text: str
    url: str
    line: int


class Heading(NamedTuple):
    level: int
    text: str
    id: str


BodyLoader = Callable[[], tuple[str, tuple[Link, ...]]]


class RenderedMarkdown:
    """What rendering a body produces: the HTML and the facts later stages need.

    Immutable in use. An entry restored from the build cache carries the small facts (summary,
    citations, headings, Read More) and loads its ``html`` and ``links`` only when a page that
    shows them is rendered again: an incremental build of 10,000 posts touches a handful.
    """

    __slots__ = ("summary", "citations", "sources", "headings", "read_more", "images", "_html", "_links", "_loader")

    def __init__(
        self,
        html: str | None,
        summary: str,
        citations: tuple[Citation, ...],
        links: tuple[Link, ...] | None,
        headings: tuple[Heading, ...],
        read_more: str | None,
        images: tuple[str, ...] | None = None,
        loader: BodyLoader | None = None,
    ) -> None:
        self.summary = summary  # the first paragraph as plain text
        self.citations = citations
        # Distinct (outlet, URL) pairs in order of first citation: the post's source list.
        self.sources: tuple[tuple[str, str], ...] = tuple(dict.fromkeys((c.outlet, c.url) for c in citations))
        self.headings = headings
        self.read_more = read_more  # URL of the closing "Read More" link, the original source (cut from the HTML)
        # Site paths of the local images the body shows (for image processing without the HTML).
        self.images: tuple[str, ...] = images if images is not None else local_images(html or "")
        self._html = html
        self._links = links
        self._loader = loader

    def _body(self) -> tuple[str, tuple[Link, ...]]:
        # A cached body is read each time it is asked for, not kept: a page asks once, and keeping
        # them would hold the HTML of every post in memory by the end of a large build.
        if self._html is not None and self._links is not None:
            return self._html, self._links
        assert self._loader is not None, "a cached body needs its loader"
        return self._loader()

    @property
    def html(self) -> str:
        return self._body()[0]

    @property
    def links(self) -> tuple[Link, ...]:
        return self._body()[1]

    @property
    def text(self) -> str:
        """The whole body as plain text (its notes too, not their numbers and back-links)."""
        return plain_text(footnotes.without_marks(self.html))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RenderedMarkdown):
            return NotImplemented
        return self.facts_record() == other.facts_record() and self.body_record() == other.body_record()

    def __hash__(self) -> int:
        return hash(self.facts_record())

    def __repr__(self) -> str:
        return f"RenderedMarkdown(summary={self.summary[:30]!r}…, citations={len(self.citations)})"

    def __reduce__(self) -> tuple[Any, ...]:  # pickled with its body, never with a loader
        return (RenderedMarkdown, (self.html, self.summary, self.citations, self.links, self.headings, self.read_more, self.images))

    def replace(self, *, html: str | None = None, citations: tuple[Citation, ...] | None = None, read_more: str | None = None) -> RenderedMarkdown:
        """A copy with some parts replaced (like ``dataclasses.replace``)."""
        return RenderedMarkdown(
            self.html if html is None else html,
            self.summary,
            self.citations if citations is None else citations,
            self.links,
            self.headings,
            self.read_more if read_more is None else read_more,
            self.images,
        )

    def facts_record(self) -> tuple[Any, ...]:
        """The small facts as plain tuples, for the build cache (marshal loads them fast)."""
        return (self.summary, tuple(map(tuple, self.citations)), tuple(map(tuple, self.headings)), self.read_more, self.images)

    def body_record(self) -> tuple[Any, ...]:
        return (self.html, tuple(map(tuple, self.links)))

    @classmethod
    def from_records(cls, facts: tuple[Any, ...], loader: Callable[[], tuple[Any, ...]]) -> RenderedMarkdown:
        summary, citations, headings, read_more, images = facts

        def load() -> tuple[str, tuple[Link, ...]]:
            html_text, links = loader()
            return html_text, tuple(Link._make(link) for link in links)

        return cls(None, summary, tuple(Citation._make(c) for c in citations), None, tuple(Heading._make(h) for h in headings), read_more, images, load)


IMG_TAG = re.compile(r"<img\b([^>]*?)\s*/?>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def local_images(body_html: str) -> tuple[str, ...]:
    """Site paths of the local images a rendered body shows (``/img/x.jpg``, not ``//cdn…``)."""
    found = []
    for match in IMG_TAG.finditer(body_html):
        src = html.unescape(dict(ATTRIBUTE.findall(match.group(1))).get("src", ""))
        if src.startswith("/") and not src.startswith("//"):
            found.append(src.split("?")[0].split("#")[0])
    return tuple(found)


def first_paragraph_text(body_html: str) -> str:
    """The body's first paragraph as plain text (a summary), footnotes left out."""
    found = _PARAGRAPH.search(footnotes.split(body_html)[0])
    return plain_text(footnotes.without_marks(found.group(1))) if found else ""


def plain_text(fragment: str) -> str:
    """HTML fragment to plain text: tags dropped, entities decoded, white space folded."""
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def slugify(text: str) -> str:
    """A URL-safe id: lower case, letters and digits kept (Unicode too), the rest hyphens."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[^\w]+", "-", text).strip("-_") or "section"


# lodash's words() over deburred text: ALLCAPS before a capitalised word, capitalised or lower-case words,
# capitals, ordinals and numbers, any other letters; apostrophes first removed, as kebabCase does
_LODASH_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])|\d+|[^\W\d_]+")


def kebab_case(text: str) -> str:
    """lodash's ``_.kebabCase``, which Gatsby starters make slugs with: accents taken off (deburr), apostrophes
    dropped, the words (camelCase split too: "iPhone tips" -> i-phone-tips) lower case, joined by hyphens:
    "The Fairy's Witches" -> the-fairys-witches, "Big-Sample_Test" -> big-sample-test."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", text) if unicodedata.category(char) != "Mn")
    plain = re.sub("['\u2019]", "", plain)
    return "-".join(word.lower() for word in _LODASH_WORD.findall(plain)) or "section"


def jekyll_slug(text: str, pretty: bool = True, cased: bool = True) -> str:
    """Jekyll's ``Utils.slugify``: runs of characters other than letters, marks and digits made one
    hyphen (``pretty`` mode keeps ``._~!$&'()+,;=@`` too), no hyphen at either end, lower case unless
    ``cased``. A post's ``:title`` is the ``pretty``, cased slug of its file name (``My_Post``), ``:slug``
    and ``:name`` the default one (``my-post``)."""
    kept = r"._~!$&'()+,;=@" if pretty else ""
    slug = "".join(char if unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "Nd" or char in kept else "\0" for char in text)
    slug = re.sub("\0+", "-", slug).strip("-")
    return (slug if cased else slug.lower()) or "section"


def hugo_slug(text: str, lower: bool = True, remove_accents: bool = False, keep: str = "") -> str:
    """Hugo's ``MakePathSanitized`` (``PathSpec.UnicodeSanitize``, lower-cased unless ``disablePathToLower``,
    its accents removed with ``removePathAccents``: "Hügó" -> "hugo", "ß" kept), for slugs, file names, ``:title``
    and taxonomy terms: letters, marks, digits and ``._+~-@`` kept,
    each run of spaces one hyphen, anything else dropped without one: "C++ tips" -> "c++-tips", "Q&A" -> "qa",
    "Don't panic" -> "dont-panic", "v1.2 notes" -> "v1.2-notes". Hugo keeps ``/``, ``\\`` and ``#`` too, which
    here would leave the page's folder or cut its URL: they are dropped unless named in ``keep`` (and a slug of
    dots only is "section")."""
    kept: list[str] = []
    hyphen = False
    for char in unicodedata.normalize("NFC", text.strip()):
        if char in "._+~-@" or char in keep or unicodedata.category(char)[0] in "LMN" and unicodedata.category(char) not in ("Nl", "No"):
            if hyphen and char != "-":
                kept.append("-")
            hyphen = False
            kept.append(char)
        elif kept and kept[-1] != "-" and char.isspace():
            hyphen = True
    slug = "".join(kept).lower() if lower else "".join(kept)
    if remove_accents:  # Hugo's text.RemoveAccents: the non-spacing marks of the decomposed text dropped
        slug = unicodedata.normalize("NFC", "".join(char for char in unicodedata.normalize("NFD", slug) if unicodedata.category(char) != "Mn"))
    return slug if slug.strip(".") else "section"


def hugo_term_slug(text: str, lower: bool = True, remove_accents: bool = False) -> str:
    """A taxonomy term's path as Hugo 0.168 writes it: ``UnicodeSanitize`` with nothing trimmed or collapsed, each
    space one hyphen, letters, marks, digits and ``._+~-@#/`` kept, anything else dropped: "Tips & Tricks" ->
    "tips--tricks", "C#" -> "c#" (escaped, as in Hugo's links: ``c%23``), "A/B testing" -> "a/b-testing" (a folder
    inside another). A part of dots only or empty is left out; a term of nothing else is "section"."""
    kept = [
        char if not char.isspace() else "-"
        for char in unicodedata.normalize("NFC", text)
        if char in "._+~-@#/" or char.isspace() or unicodedata.category(char)[0] in "LMN" and unicodedata.category(char) not in ("Nl", "No")
    ]
    slug = "".join(kept).lower() if lower else "".join(kept)
    if remove_accents:
        slug = unicodedata.normalize("NFC", "".join(char for char in unicodedata.normalize("NFD", slug) if unicodedata.category(char) != "Mn"))
    slug = "/".join(part for part in slug.split("/") if part.strip("."))
    return slug.replace("#", "%23") or "section"


def hugo_token_slug(text: str, lower: bool = True, remove_accents: bool = False, title: bool = False) -> str:
    """Hugo's urlize of a permalink token (``:title``, ``:slug``), as Hugo 0.168 writes it: the sanitized text is
    then read as an escaped path, a ``+`` a space, and sanitized again, so "C++ tips" -> "c-tips" and
    "a + b" -> "a--b" (a taxonomy term keeps its ``+``: "c++"); a title's ``/`` and ``\\`` are hyphens
    first ("TCP/IP guide" -> "tcp-ip-guide"), a slug's are folders ("2023/notes"). A ``#`` is kept, escaped as in Hugo's links: "#tag" -> "%23tag"
    (the folder ``#tag/``)."""
    if title:
        text = text.replace("/", "-").replace("\\", "-")
    keep = "#" if title else "#/"  # a slug's "/" is a folder, as in Hugo (slug: 2023/notes); never "." or ".."
    slug = hugo_slug(text, lower, remove_accents, keep=keep)
    slug = hugo_slug(slug.replace("+", " "), lower, remove_accents, keep=keep) if "+" in slug else slug
    slug = "/".join(part for part in slug.split("/") if part.strip(".")) or "section"
    return slug.replace("#", "%23")


def pelican_slug(text: str, substitutions: object = None) -> str:
    """Pelican's slugify with its defaults (``SLUGIFY_USE_UNICODE = False``, SLUG_REGEX_SUBSTITUTIONS): the text
    transliterated to ASCII with Unidecode's tables (text-unidecode), as Pelican does (Cyrillic, CJK and ``ß`` too: "Шторм" -> "shtorm"),
    characters other than letters, digits, spaces and hyphens removed, runs of spaces and hyphens made one
    hyphen, lower case: "It's Tomás's" -> "its-tomass"."""
    text = unidecode(unicodedata.normalize("NFKC", text))
    pairs = [pair for pair in substitutions if isinstance(pair, (list, tuple)) and len(pair) == 2] if isinstance(substitutions, (list, tuple)) else []
    if pairs:  # the site's own SLUG_REGEX_SUBSTITUTIONS, in order, as Pelican's slugify applies them
        try:
            for pattern, replacement in pairs:
                text = re.sub(str(pattern), str(replacement), text)
        except re.error:
            pass  # a pattern Python cannot read: Pelican fails on it too; the text as far as it got
        return text.lower() or "section"
    text = re.sub(r"[^\w\s-]", "", text).strip()
    return re.sub(r"[-\s]+", "-", text).lower() or "section"


class _Lines:
    """Finds the line of each link or citation URL, in order, in linear time overall.

    A URL usually appears in the source as written; an autolink (``www.x.org``, an e-mail) gains
    a scheme in the HTML, so that form is tried too. A URL found nowhere (written with escapes or
    entities) would cost a scan of the rest of the body each time, quadratic over many links: the
    scans for misses share a budget of a few body lengths, after which a miss takes the line of
    the link before it.
    """

    def __init__(self, source: str, first_line: int) -> None:
        self.source = source
        self.first_line = first_line
        self.starts = [0, *(match.end() for match in re.finditer("\n", source))]
        self.after = 0
        self.miss_budget = 4 * len(source) + 4096

    def line(self, url: str) -> int:
        for needle in dict.fromkeys((url, url.removeprefix("http://"), url.removeprefix("mailto:"))):
            if not needle or self.miss_budget <= 0:
                continue
            index = self.source.find(needle, self.after)
            if index >= 0:
                self.after = index + len(needle)
                return self._line_at(index)
            self.miss_budget -= len(self.source) - self.after
        return self._line_at(self.after)

    def restart(self) -> None:
        self.after = 0
        self.miss_budget = 4 * len(self.source) + 4096

    def _line_at(self, index: int) -> int:
        return self.first_line + bisect.bisect_right(self.starts, index) - 1


def _html(markdown: str, options: int, dialect: Dialect) -> str:
    """cmark-gfm's HTML with the dialect's extensions (``markdown_dialect.py``) written out."""
    body = github_flavored_markdown_to_html(markdown, options | (Options.CMARK_OPT_FOOTNOTES if dialect.footnotes else 0))
    body = definition_lists.render(body) if dialect.definition_lists else body
    return footnotes.numbered(body, dialect.footnotes) if dialect.footnotes else body


def render(source: str, first_line: int = 1, unsafe_html: bool = False, clean_html: bool = False, dialect: Dialect = GFM) -> RenderedMarkdown:
    """Render a Markdown body; ``first_line`` is where the body starts in its file.

    Raw HTML is dropped, or with ``unsafe_html`` kept as written, or with ``clean_html`` (an adopted
    site whose generator keeps it) kept and made safe (``raw_html.py``). ``dialect`` names the
    extensions beyond GFM (footnotes, definition lists) the body is read with.
    """
    markdown = definition_lists.rewrite(source) if dialect.definition_lists else source
    body = _html(markdown, _UNSAFE if unsafe_html else _SAFE, dialect)
    # Only a body with raw HTML is rendered again; not one holding a character the policy refuses
    # (`&#xFFFE;` comes out of cmark as a surrogate, which the cleaner cannot take): that body is reported.
    if clean_html and not unsafe_html and _RAW_OMITTED in body and not FORBIDDEN.search(body):
        from . import raw_html

        body = raw_html.clean(_html(raw_html.prepare(markdown), _UNSAFE, dialect))
    body = levelled(body)
    lines = _Lines(source, first_line)

    citations: list[Citation] = []

    def mark_citation(match: re.Match[str]) -> str:
        url, outlet = match.group(1), match.group(2)
        line = lines.line(html.unescape(url))
        citations.append(Citation(plain_text(outlet), html.unescape(url), line, len(citations) + 1))
        return f'<span class="citation">[<a href="{url}">{outlet}</a>]</span>'

    body = _CITATION.sub(mark_citation, body)

    read_more = None
    text, notes = footnotes.split(body)  # the closing Read More link is the text's last, before any notes
    closing = _READ_MORE.search(text)
    if closing:
        read_more = html.unescape(closing.group(1))
        body = text[: closing.start()] + f'<p class="read-more"><a href="{closing.group(1)}">Read More</a></p>\n' + notes

    used_ids: dict[str, int] = {}
    headings: list[Heading] = []

    def mark_heading(match: re.Match[str]) -> str:
        level, inner = int(match.group(1)), match.group(2)
        attributes = _HEADING_ATTRIBUTES.search(inner)
        written = attributes.group(1).split() if attributes else []
        inner = inner[: attributes.start()] if attributes else inner
        text = plain_text(footnotes.without_marks(inner))
        base = slugify(text)
        count = used_ids.get(base, 0)
        used_ids[base] = count + 1
        chosen = [part[1:] for part in written if part.startswith("#")]
        ident = chosen[-1] if chosen else base if count == 0 else f"{base}-{count}"
        classes = " ".join(part[1:] for part in written if part.startswith("."))
        headings.append(Heading(level, text, ident))
        shown = f' class="{classes}"' if classes else ""
        return f'<h{level} id="{ident}"{shown}>{inner}</h{level}>'

    body = _HEADING.sub(mark_heading, body)
    body = _IMG.sub('<img loading="lazy" decoding="async" ', body)
    # cmark-gfm writes <pre lang="python">, but lang takes a language tag: HTML's way is a class
    body = _PRE_LANG.sub(r'<pre><code class="language-\1">', body)

    links = []
    lines.restart()  # links are found in a second pass over the body
    for match in _LINK.finditer(body):
        url = html.unescape(match.group(1))
        line = lines.line(url)
        links.append(Link(plain_text(match.group(2)), url, line))

    if read_more is not None:  # the theme shows it, named after its outlet (themes/default/_sources.html)
        text, notes = footnotes.split(body)
        body = text[: text.rindex('<p class="read-more">')] + notes

    return RenderedMarkdown(body, first_paragraph_text(body), tuple(citations), tuple(links), tuple(headings), read_more)


def trim(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters on a word boundary, adding an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.–—-") + "…"
