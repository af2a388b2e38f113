"""Link roundups: an issue that is mostly a list of linked items, one line or two each.

An *item* is a list entry with a link, or a short paragraph whose link starts it, ends it or is
most of its text (a link in the middle of a sentence is prose, not an item). An issue is a roundup
when it has at least three items, they hold most of its words, and (if it has story headings)
there are at least two per heading: then the headings are sections of the list, not stories.

Each item keeps its words and gains a citation of the outlet it links to, ``[[Reuters](url)]``:
the outlet is the link's text when that names a known outlet, else the outlet of the link's
domain (the built-in table plus the site's ``[outlets]``), else the domain itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from bs4 import Tag
from bs4.element import NavigableString

from ..links.outlets import Outlets, tidy
from ..links.rules import classify, web_url
from .chrome import words
from .markup import parse
from .stories import READ_MORE, Event, Story, text_of

_MAX_WORDS = 80  # a list entry
_MAX_PARAGRAPH_WORDS = 35  # an item set as a paragraph
_GENERIC_TEXT = re.compile(r"^(?:here|link|this|read(?: more)?|more|source|article|story|full story|via)$", re.IGNORECASE)


def _entries(event: Event) -> list[Tag]:
    element = event.element
    if element.name in ("ul", "ol"):
        return [item for item in element.find_all("li", recursive=False)]
    return [element]


def main_link(entry: Tag) -> Tag | None:
    """The link an item is about, or None when ``entry`` is not an item."""
    anchors = []
    for anchor in entry.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        found = classify(href)
        if READ_MORE.match(anchor.get_text(" ")):
            continue  # a story's own "Read more" link: that story is prose, not an item
        if web_url(href) is not None and (found is None or found.kind in ("click", "redirect", "parameters")):
            anchors.append(anchor)
    if not anchors:
        return None
    count = len(words(text_of(entry)))
    if entry.name == "li":
        return anchors[0] if count <= _MAX_WORDS else None
    if count > _MAX_PARAGRAPH_WORDS:
        return None  # a paragraph of a story that ends with its citation, not "a line each"
    for anchor in anchors:
        before = "".join(
            str(node) if isinstance(node, NavigableString) else node.get_text(" ")
            for node in anchor.previous_siblings
            if isinstance(node, NavigableString | Tag)
        )
        after = "".join(
            str(node) if isinstance(node, NavigableString) else node.get_text(" ") for node in anchor.next_siblings if isinstance(node, NavigableString | Tag)
        )
        share = len(words(text_of(anchor))) / max(count, 1)
        if len(words(before)) <= 3 or len(words(after)) <= 3 or share >= 0.4:
            return anchor
    return None


def item_count(content: Sequence[Event]) -> int:
    """How many linked items ``content`` holds."""
    return sum(1 for event in content if event.kind == "block" for entry in _entries(event) if main_link(entry) is not None)


def is_roundup(content: Sequence[Event], sections: int) -> bool:
    items = item_words = total = 0
    for event in content:
        if event.kind != "block":
            continue
        for entry in _entries(event):
            count = len(words(text_of(entry)))
            total += count
            if main_link(entry) is not None:
                items += 1
                item_words += count
    return items >= 3 and item_words * 10 >= total * 6 and items >= 2 * sections


def outlet_of(text: str, url: str, outlets: Outlets) -> str:
    """The outlet a link cites: its text if that names one, else its domain's outlet, else the domain."""
    known = outlets.name(text)
    if text and known != tidy(text):
        return known
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if outlets.name(candidate) != tidy(candidate):
            return outlets.name(candidate)
    if text and len(words(text)) <= 3 and not _GENERIC_TEXT.match(text) and not text.startswith("http"):
        return tidy(text)
    return host


_LEADING_PUNCTUATION = re.compile(r"^\s*[:—–-]\s*")
_TRAILING_OUTLET = re.compile(r"\s*[(\[]\s*([^()\[\]<>]{2,40}?)\s*[)\]]\s*\.?\s*$")


def _innermost(entry: Tag | None) -> Tag:
    """The element holding an item's words: a list entry written as ``<li><p>…</p></li>`` (Substack, Markdown's
    loose lists) is its paragraph, so the citation goes inside it and the "(Outlet)" it ends with is found."""
    assert isinstance(entry, Tag)
    while True:
        children = [child for child in entry.children if not (isinstance(child, NavigableString) and not child.strip())]
        if len(children) != 1 or not isinstance(children[0], Tag) or children[0].name not in ("p", "div", "span"):
            return entry
        entry = children[0]


def _cited(entry: Tag, outlets: Outlets) -> tuple[str, str, str]:
    """(the item's HTML with its main link as a citation, the main link's text, the bold lead-in).

    The outlet is the link's text when that names one, else the "(Outlet)" the item ends with,
    else it is left for the importer to name from the link's destination (``data-outlet-from``),
    since a tracking link's own domain is the mailing service's.
    """
    copy = _innermost(parse(str(entry)).find(entry.name))
    anchor = main_link(copy)
    assert anchor is not None
    href, text = str(anchor["href"]).strip(), text_of(anchor)
    lead = copy.find(["strong", "b"])
    lead_text = text_of(lead) if isinstance(lead, Tag) and copy.get_text(" ").lstrip().startswith(lead.get_text(" ").strip()) else ""
    trailing = _TRAILING_OUTLET.search(text_of(copy))
    trailing = trailing if trailing and len(words(trailing.group(1))) <= 4 and trailing.group(1) != text else None
    # a short link text is the outlet ("Axios") unless the item names its outlet at the end or opens with the link (its headline)
    opens = text_of(copy).startswith(text)
    named = outlets.name(text) != tidy(text) or (
        0 < len(words(text)) <= 3 and not _GENERIC_TEXT.match(text) and text != lead_text and not trailing and not opens
    )
    if named or _GENERIC_TEXT.match(text):
        anchor.decompose()
    else:
        anchor.unwrap()
    inner = "".join(str(child) for child in copy.children).strip()
    outlet = outlet_of(text, "", outlets) if named else ""
    written = _TRAILING_OUTLET.search(inner)
    if trailing and written:
        outlet = outlet or outlets.name(written.group(1))
        inner = inner[: written.start()]
    inner = re.sub(r"\s*[—–:|-]\s*$", "", inner).strip()
    if outlet:
        citation = f'<a data-citation="1" href="{html.escape(href)}">{html.escape(outlet, quote=False)}</a>'
    else:
        citation = f'<a data-citation="1" data-outlet-from="url" href="{html.escape(href)}">{html.escape(outlet_of("", href, outlets))}</a>'
    return f"{inner} {citation}".strip(), text, lead_text.rstrip(":").strip()


def _item_title(text: str, link_text: str, lead: str, outlets: Outlets) -> str:
    if len(words(lead)) >= 2:
        return lead
    if len(words(link_text)) >= 3 and outlets.name(link_text) == tidy(link_text):
        return link_text
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return " ".join(sentence.split()[:14]).rstrip(".")


def roundup_stories(title: str, subtitle: str, content: Sequence[Event], split_items: bool, outlets: Mapping[str, tuple[str, ...]] | None) -> tuple[Story, ...]:
    """The roundup as one story of cited list entries, or (``split_items``) one story per item."""
    names = Outlets(outlets)
    parts: list[str] = []
    items: list[Story] = []
    listing: list[str] = []
    for event in content:
        if event.kind == "heading":
            parts += [f"<ul>{''.join(listing)}</ul>"] if listing else []
            listing = []
            parts.append(f"<h3>{html.escape(text_of(event.element), quote=False)}</h3>")
            continue
        if event.kind != "block":
            continue
        for entry in _entries(event):
            if main_link(entry) is None:
                parts += [f"<ul>{''.join(listing)}</ul>"] if listing else []
                listing = []
                parts.append(str(entry) if entry.name != "li" else f"<p>{''.join(str(c) for c in entry.children)}</p>")
                continue
            cited, link_text, lead = _cited(entry, names)
            listing.append(f"<li>{cited}</li>")
            item_title = _item_title(text_of(entry), link_text, lead, names)
            body = parse(f"<p>{cited}</p>")
            first = body.find(["strong", "b"])
            if item_title == lead and isinstance(first, Tag):
                first.decompose()  # the lead-in is the draft's title now
            paragraph = body.find("p")
            inner = "".join(str(child) for child in paragraph.children).strip() if isinstance(paragraph, Tag) else cited
            inner = _LEADING_PUNCTUATION.sub("", inner)
            items.append(Story(len(items) + 1, item_title, f"<p>{inner}</p>", "", None))
    parts += [f"<ul>{''.join(listing)}</ul>"] if listing else []
    if split_items:
        return tuple(items)
    return (Story(1, title, "\n".join(parts), "", None, subtitle),)
