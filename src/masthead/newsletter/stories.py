"""Splitting an issue's HTML into stories, with a real HTML parser (BeautifulSoup on lxml).

Mailing-service templates nest everything in layout tables, so the document is first flattened
into its reading order of *blocks* (paragraphs, quotes, lists, headings, images, rules). Then:

- by headings (the default): the heading level used most often (h2 before h1 on a tie) starts a
  story; a story runs to the next such heading, a higher heading, a horizontal rule or the footer;
- by selector (``[newsletter] story_selector``): each element the CSS selector matches is one
  story, titled by its first heading.

The footer (unsubscribe and preferences links, "view in browser"), hidden preheaders and tracking
pixels never reach a story. A story's first image becomes its featured image.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from soupsieve import SelectorSyntaxError

from ..errors import MastheadError, Problem
from ..links.rules import classify

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset({"p", "blockquote", "ul", "ol", "pre", "figure"})
_INLINE = frozenset({"a", "b", "strong", "i", "em", "u", "span", "br", "font", "small", "sup", "sub", "code", "mark", "s", "img"})
_SKIPPED = frozenset({"head", "style", "script", "title", "noscript", "template"})
_FOOTER_TEXT = re.compile(r"unsubscribe|update (?:your )?(?:subscription )?preferences|view (?:this email )?in (?:your )?browser|"
                          r"view it in your browser|forwarded this email|mailing address", re.IGNORECASE)
_FOOTER_CONTAINER = re.compile(r"footer|preheader|preview", re.IGNORECASE)
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)
READ_MORE = re.compile(r"^\s*(?:read (?:more|the full story|on)|continue reading|full story|more)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StoryImage:
    src: str  # as written in the email: cid:, data:, http(s):
    alt: str


@dataclass(frozen=True)
class Story:
    position: int  # 1 for the first story of the issue
    title: str
    html: str  # the story's blocks, heading and featured image left out
    link: str  # the story's own link: its "Read More" link, else its heading's link, else ""
    image: StoryImage | None


@dataclass(frozen=True)
class _Event:
    kind: str  # heading, block, image, rule, footer
    element: Tag
    level: int = 0


def _hidden_or_footer(element: Tag) -> bool:
    if element.name in _SKIPPED or _HIDDEN.search(str(element.get("style", ""))):
        return True
    names = " ".join([str(element.get("id", "")), *(element.get("class") or [])])
    return bool(_FOOTER_CONTAINER.search(names))


def _is_footer(element: Tag) -> bool:
    if _FOOTER_TEXT.search(element.get_text(" ")):
        return True
    for anchor in element.find_all("a", href=True):
        found = classify(str(anchor["href"]))
        if found is not None and found.kind in ("unsubscribe", "web version"):
            return True
    return False


def _is_pixel(image: Tag) -> bool:
    sizes = [str(image.get(key, "")).strip().removesuffix("px") for key in ("width", "height")]
    if any(size in ("0", "1") for size in sizes):
        return True
    found = classify(str(image.get("src", "")))
    return found is not None and found.kind == "open"


def _paragraph(run: list[Tag | NavigableString]) -> Tag | None:
    """Loose text and inline markup of a layout cell, moved into a new <p>; None if it is blank."""
    while run and (isinstance(run[-1], Tag) and run[-1].name == "br" or isinstance(run[-1], NavigableString) and not run[-1].strip()):
        run.pop()
    if not any(node.get_text(strip=True) if isinstance(node, Tag) else node.strip() for node in run):
        return None
    paragraph = BeautifulSoup("<p></p>", "lxml").p
    assert paragraph is not None
    run[0].insert_before(paragraph)
    for node in run:
        paragraph.append(node.extract())
    return paragraph


def _block(element: Tag) -> _Event:
    return _Event("footer" if _is_footer(element) else "block", element)


def _walk(element: Tag) -> Iterator[_Event]:
    run: list[Tag | NavigableString] = []  # loose inline content of a layout cell: one paragraph
    breaks = 0
    for child in list(element.children):
        if isinstance(child, NavigableString):
            if type(child) is NavigableString and (child.strip() or run):
                run.append(child)
            continue
        if not isinstance(child, Tag) or _hidden_or_footer(child):
            continue
        breaks = breaks + 1 if child.name == "br" else 0
        if child.name in _INLINE and child.name != "img" and breaks < 2:  # <br><br> ends a paragraph
            run.append(child)
            continue
        if run and (paragraph := _paragraph(run)) is not None:
            yield _block(paragraph)
        run = []
        name = child.name
        if name in HEADINGS:
            yield _Event("heading", child, int(name[1]))
        elif name == "hr":
            yield _Event("rule", child)
        elif name == "img":
            if not _is_pixel(child):
                yield _Event("image", child)
        elif name in _BLOCKS:
            if child.get_text(strip=True) or child.find("img"):
                yield _block(child)
        elif name != "br":
            yield from _walk(child)
    if run and (paragraph := _paragraph(run)) is not None:
        yield _block(paragraph)


def _text(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


class _Builder:
    def __init__(self, position: int, heading: Tag | None) -> None:
        self.position = position
        self.heading = heading
        self.parts: list[Tag] = []

    def story(self) -> Story | None:
        title = _text(self.heading) if self.heading is not None else ""
        if not title:
            return None
        image = None
        for part in self.parts:  # the first real image is the featured image, taken out of the body
            found = part if part.name == "img" else next((img for img in part.find_all("img") if not _is_pixel(img)), None)
            if found is not None and found.get("src"):
                image = StoryImage(str(found["src"]).strip(), " ".join(str(found.get("alt", "")).split()))
                parent = found.parent
                found.decompose()
                if isinstance(parent, Tag) and parent.name == "a" and not parent.get_text(strip=True):
                    parent.decompose()
                break
        for pixel in (img for part in self.parts if part.name != "img" for img in part.find_all("img") if _is_pixel(img)):
            pixel.decompose()
        parts = [part for part in self.parts if (part.name == "img" and part.get("src")) or part.get_text(strip=True)]
        parts = [part for part in parts if not (part.name == "img" and image and str(part.get("src", "")).strip() == image.src)]
        return Story(self.position, title, "\n".join(str(part) for part in parts), self._link(parts), image)

    def _link(self, parts: list[Tag]) -> str:
        for part in parts:
            for anchor in part.find_all("a", href=True):
                if READ_MORE.match(anchor.get_text(" ")):
                    return str(anchor["href"]).strip()
        found = self.heading.find("a", href=True) if self.heading is not None else None
        return str(found["href"]).strip() if isinstance(found, Tag) else ""


def _by_headings(events: list[_Event]) -> list[Story]:
    levels = Counter(event.level for event in events if event.kind == "heading" and _text(event.element))
    if not levels:
        return []
    level = max(levels, key=lambda found: (levels[found], found))
    stories: list[Story] = []
    current: _Builder | None = None

    def close() -> None:
        if current is not None and (story := current.story()) is not None:
            stories.append(story)

    for event in events:
        if event.kind == "heading" and event.level <= level:
            close()
            current = _Builder(len(stories) + 1, event.element) if event.level == level else None
        elif event.kind in ("rule", "footer"):
            close()
            current = None
        elif current is not None:
            current.parts.append(event.element)
    close()
    return stories


def _by_selector(soup: BeautifulSoup, selector: str) -> list[Story]:
    try:
        containers = soup.select(selector)
    except SelectorSyntaxError as exc:
        message = f'{selector!r} is not a CSS selector ({exc}); expected one such as "td.story"'
        raise MastheadError([Problem("masthead.toml", None, "newsletter.story_selector", message)]) from exc
    stories: list[Story] = []
    for container in containers:
        builder = _Builder(len(stories) + 1, None)
        for event in _walk(container):
            if event.kind == "heading" and builder.heading is None:
                builder.heading = event.element
            elif event.kind in ("block", "image", "heading"):
                builder.parts.append(event.element)
        if (story := builder.story()) is not None:
            stories.append(story)
    return stories


def split_stories(page: str, selector: str = "") -> list[Story]:
    """The stories of an issue's HTML, in order; by headings, or by ``selector`` when given."""
    soup = BeautifulSoup(page, "lxml")
    if selector:
        return _by_selector(soup, selector)
    return _by_headings(list(_walk(soup)))
