"""Footnotes (``text[^1]`` … ``[^1]: note``), parsed by cmark-gfm's own footnotes extension.

cmark-gfm writes them in a fixed shape (``<sup class="footnote-ref"><a href="#fn-1" id="fnref-1"
data-footnote-ref>1</a></sup>`` and a closing ``<section class="footnotes" data-footnotes>``). That shape
is rewritten here into masthead's markup, with the ids the site's generator gave the same notes, so a
link someone made to ``/post/#fn:1`` still lands on the note:

- ``kramdown`` (Jekyll): ``fn:label``, ``fnref:label``, a second reference ``fnref:label:1``;
- ``goldmark`` (Hugo): ``fn:N``, ``fnref:N``, a second reference ``fnref1:N`` (N the note's number);
- ``python-markdown`` (Pelican's ``extra``/``footnotes``): ``fn:label``, ``fnref:label``, ``fnref2:label``;
- ``masthead`` (a post of masthead's own): ``fn:label``, ``fnref:label``, ``fnref:label:2``.

Every id has a colon, which no heading id has (``slugify`` and ``{#id}`` allow none), and one that raw
HTML of the page already took gets a suffix: ids stay unique. Each back-link is labelled for screen
readers; numbers and arrows are kept out of the search index (``data-pagefind-ignore``), summaries
and heading text (``without_marks``).
"""

from __future__ import annotations

import html
import re
from typing import Literal
from urllib.parse import quote, unquote

FootnoteIds = Literal["masthead", "kramdown", "goldmark", "python-markdown"]

SECTION = '<section class="footnotes" role="doc-endnotes" aria-label="Footnotes">'
_CMARK_SECTION = '<section class="footnotes" data-footnotes>\n<ol>\n'
_CMARK_REFERENCE = re.compile(r'<sup class="footnote-ref"><a href="#fn-([^"]*)" id="fnref-([^"]*)" data-footnote-ref>(\d+)</a></sup>')
_CMARK_NOTE = re.compile(r'<li id="fn-([^"]*)">')
_CMARK_BACK_LINK = re.compile(
    r'<a href="#fnref-([^"]*)" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="(\d+)(?:-(\d+))?" '
    r'aria-label="Back to reference [^"]*">↩(?:<sup class="footnote-ref">\d+</sup>)?</a>'
)
_ID = re.compile(r'\sid="([^"]*)"')
_REFERENCE = re.compile(r'<sup class="footnote-ref"[^>]*><a [^>]*>\d+</a></sup>')
_BACK_LINK = re.compile(r'\s?<a href="[^"]*" class="footnote-backref"[^>]*>.*?</a>')
_URL_SAFE = "!$&'()*+,;=:@/?-._~"  # what a fragment keeps as it is; the rest percent-encoded


def _label(escaped: str) -> str:
    """A note's label as written (cmark-gfm percent-encodes it and escapes it for HTML)."""
    return re.sub(r"\s", "-", unquote(html.unescape(escaped)))


def _ids(style: FootnoteIds, label: str, number: str, use: int) -> tuple[str, str]:
    """The note's id and the id of its ``use``-th reference (from 1) in ``style``."""
    name = number if style == "goldmark" else label
    note = f"fn:{name}"
    if use == 1:
        return note, f"fnref:{name}"
    repeated = {"kramdown": f"fnref:{name}:{use - 1}", "goldmark": f"fnref{use - 1}:{name}", "python-markdown": f"fnref{use}:{name}"}
    return note, repeated.get(style, f"fnref:{name}:{use}")


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def _href(identifier: str) -> str:
    return _attribute("#" + quote(identifier, safe=_URL_SAFE))


def numbered(body_html: str, style: FootnoteIds) -> str:
    """cmark-gfm's footnotes in ``body_html`` written as masthead writes them, with ``style``'s ids."""
    start = body_html.rfind(_CMARK_SECTION)  # cmark writes the notes last, after everything else
    if start < 0:
        return body_html
    taken = {match for match in _ID.findall(body_html) if not match.startswith(("fn-", "fnref-"))}
    chosen: dict[str, str] = {}  # cmark's id -> the id written

    def unique(cmark_id: str, wanted: str) -> str:
        if cmark_id not in chosen:
            candidate, count = wanted, 1
            while candidate in taken:
                count += 1
                candidate = f"{wanted}-{count}"
            taken.add(candidate)
            chosen[cmark_id] = candidate
        return chosen[cmark_id]

    def ids(escaped: str, number: str, use: int) -> tuple[str, str]:
        note, reference = _ids(style, _label(escaped), number, use)
        suffix = "" if use == 1 else f"-{use}"
        return unique("fn-" + escaped, note), unique(f"fnref-{escaped}{suffix}", reference)

    numbers: dict[str, str] = {}

    def reference(match: re.Match[str]) -> str:
        escaped, reference_id, number = match.groups()
        numbers[escaped] = number
        rest = reference_id[len(escaped) :]
        use = int(rest[1:]) if rest.startswith("-") and rest[1:].isdigit() else 1
        note, own = ids(escaped, number, use)
        return f'<sup class="footnote-ref" data-pagefind-ignore=""><a href="{_href(note)}" id="{_attribute(own)}" role="doc-noteref">{number}</a></sup>'

    def note_item(match: re.Match[str]) -> str:
        escaped = match.group(1)
        note, _ = ids(escaped, numbers.get(escaped, "0"), 1)
        return f'<li id="{_attribute(note)}">'

    def back_link(match: re.Match[str]) -> str:
        target, number, repeat = match.groups()
        use = int(repeat) if repeat else 1
        escaped = target[: -len(f"-{use}")] if repeat else target
        _, reference_id = ids(escaped, number, use)
        label = f"Back to reference {number}" + (f" ({use})" if repeat else "")
        shown = "↩\ufe0e" + (f"<sup>{use}</sup>" if repeat else "")
        return f'<a href="{_href(reference_id)}" class="footnote-backref" role="doc-backlink" aria-label="{label}" data-pagefind-ignore="">{shown}</a>'

    text, notes = body_html[:start], body_html[start + len(_CMARK_SECTION) :]
    text = _CMARK_REFERENCE.sub(reference, text)
    notes = _CMARK_REFERENCE.sub(reference, notes)  # a note may refer to another
    notes = _CMARK_BACK_LINK.sub(back_link, _CMARK_NOTE.sub(note_item, notes))
    return f"{text}{SECTION}\n<hr>\n<ol>\n{notes}"


def split(body_html: str) -> tuple[str, str]:
    """The body's text and its notes (``""`` when it has none)."""
    start = body_html.rfind(SECTION)
    return (body_html, "") if start < 0 else (body_html[:start], body_html[start:])


def without_marks(fragment: str) -> str:
    """``fragment`` without footnote references and back-links: the text a summary or heading reads."""
    if 'class="footnote-' not in fragment:
        return fragment
    return _BACK_LINK.sub("", _REFERENCE.sub("", fragment))
