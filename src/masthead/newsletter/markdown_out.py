"""A story's HTML to Markdown that reads like the seed post, with ``markdownify``.

Paragraphs, quotes and lists stay; layout markup goes. Links are rewritten through a map (tracking
URL -> destination) built by the importer. A link whose text is an outlet's name, or that the
email set in brackets or parentheses, becomes a citation ``[[Outlet](url)]``; the story's own link
closes the post as ``[Read More](url)``, as in the seed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from markdownify import MarkdownConverter

from ..links.fix import markdown_destination
from ..links.outlets import outlet_key
from .markup import parse
from .stories import is_read_more

_CITATION_WORDS = 6  # a bracketed link with more words than this is prose, not an outlet
_OPENERS, _CLOSERS = "([", ")]"


class _Converter(MarkdownConverter):  # markdownify has no type hints
    def __init__(self, urls: Mapping[str, str], **options: Any) -> None:
        super().__init__(**options)
        self.urls = urls

    def _url(self, element: Tag) -> str:
        href = str(element.get("href", "")).strip()
        return markdown_destination(self.urls.get(href, href))

    def convert_a(self, element: Tag, text: str, parent_tags: set[str]) -> str:
        if not str(element.get("href", "")).strip() or not text.strip():
            return text.strip()
        if element.get("data-citation"):
            return f"[[{text.strip()}]({self._url(element)})]"
        return f"[{text.strip()}]({self._url(element)})"

    def convert_img(self, element: Tag, text: str, parent_tags: set[str]) -> str:
        alt = " ".join(str(element.get("alt", "")).split()).replace("[", "").replace("]", "")
        return f"![{alt}]({markdown_destination(str(element.get('src', '')))})"


def _citation_text(anchor: Tag, outlets: Collection[str]) -> bool:
    text = " ".join(anchor.get_text(" ").split())
    return bool(text) and (outlet_key(text) in outlets or outlet_key(str(anchor.get("href", ""))) in outlets)


def _mark_citations(soup: BeautifulSoup, outlets: Collection[str]) -> None:
    """Mark outlet links as citations, taking away the brackets the email put around them."""
    for anchor in soup.find_all("a", href=True):
        text = " ".join(anchor.get_text(" ").split())
        before, after = anchor.previous_sibling, anchor.next_sibling
        wrapped = (
            isinstance(before, NavigableString)
            and before.rstrip().endswith(tuple(_OPENERS))
            and isinstance(after, NavigableString)
            and after.lstrip().startswith(tuple(_CLOSERS))
        )
        short = 0 < len(text.split()) <= _CITATION_WORDS and not text.endswith(".")
        if not (short and (wrapped or _citation_text(anchor, outlets))):
            continue
        anchor["data-citation"] = "1"
        if wrapped:
            assert isinstance(before, NavigableString) and isinstance(after, NavigableString)  # "wrapped" checked both
            before.replace_with(NavigableString(before.rstrip()[:-1].rstrip() + " "))
            after.replace_with(NavigableString(after.lstrip()[1:]))
        before = anchor.previous_sibling
        if isinstance(before, NavigableString) and not before.endswith((" ", "\u00a0")):  # "ties.[NBC]" gets its space
            before.replace_with(NavigableString(str(before) + " "))


def _drop_read_more(soup: BeautifulSoup) -> None:
    for anchor in soup.find_all("a", href=True):
        block = anchor.find_parent(["p", "li", "div", "td", "blockquote"]) or anchor
        if is_read_more(anchor, block):
            parent = anchor.parent
            anchor.decompose()
            if isinstance(parent, Tag) and parent.name != "[document]" and not parent.get_text(strip=True) and not parent.find("img"):
                parent.decompose()


def _tidy(markdown: str) -> str:
    markdown = markdown.replace("\u00a0", " ").replace("\u200b", "").replace("\u200c", "")
    lines = [line.rstrip() if not line.endswith("  ") or not line.strip() else line for line in markdown.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"[ \t]+\n", lambda m: m.group(0) if m.group(0) == "  \n" else "\n", text)
    text = re.sub(r"(?<=\S)[ ]{2,}(?=\S)", " ", text)  # double spaces between words from layout markup
    text = re.sub(r" +([.,;:])(?=\s|$)", r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def to_markdown(story_html: str, urls: Mapping[str, str], outlets: Collection[str], read_more: str = "") -> str:
    """Markdown for one story's body; ``read_more`` (already clean) closes it as ``[Read More](url)``."""
    soup = parse(story_html)
    _drop_read_more(soup)
    _mark_citations(soup, outlets)
    body = soup.body or soup
    converter = _Converter(urls, heading_style="ATX", bullets="-", escape_misc=False, wrap=False, strip=["u", "font", "span"])
    markdown = _tidy(converter.convert_soup(body))
    if read_more:
        markdown += f"\n\n[Read More]({markdown_destination(read_more)})"
    return markdown + "\n"


def known_outlets(aliases: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """Every spelling (as ``outlet_key``) of the built-in outlets and the site's ``[outlets]``."""
    from ..links.outlets import BUILT_IN

    return frozenset(outlet_key(spelling) for table in (BUILT_IN, aliases) for name, others in table.items() for spelling in (name, *others))
