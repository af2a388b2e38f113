"""An issue's HTML as its reading order of *events*, and the stories made from runs of them.

Mailing-service templates nest everything in layout tables, so the document is flattened into
what a reader sees, in order: headings, blocks of text (paragraphs, quotes, lists), images and
their captions, rules, and chrome (footers, button rows, sponsor labels, pixels) with the reason
it is chrome. layout.py decides where stories start; ``build_story`` turns one run of events into a
``Story``: its first image is the featured image (with its caption), its "Read more" link (or its
heading's link) is the story's own link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString

from .appeals import appeal
from .chrome import block_reason, is_logo, is_pixel, words
from .markup import parse
from .social import linked_to_network_post, linked_to_social

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
PSEUDO_LEVEL = 7  # a paragraph that is all bold, short and unpunctuated: a heading the template did not mark up
_BLOCKS = frozenset({"p", "blockquote", "ul", "ol", "pre", "figure", "figcaption", "dl"})
_INLINE = frozenset({"a", "b", "strong", "i", "em", "u", "span", "br", "font", "small", "sup", "sub", "code", "mark", "s", "img", "abbr", "cite"})
_SKIPPED = frozenset({"head", "style", "script", "title", "noscript", "template", "meta", "link"})
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)", re.IGNORECASE)
_ZERO = re.compile(r"^0(?:\.0+)?(?:px|em|rem|pt|%)?$")
_CAPTION_CLASS = re.compile(r"caption|credit|image[_-]*source", re.IGNORECASE)
READ_MORE = re.compile(r"^\s*(?:read\b[\w\s’'-]{0,30}?|continue reading|full (?:story|article|report)|(?:learn |see )?more)\s*[→»›>.…]*\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class StoryImage:
    src: str  # as written in the email: cid:, data:, http(s):
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class Story:
    position: int  # 1 for the first story of the issue
    title: str
    html: str  # the story's blocks, heading and featured image left out
    link: str  # the story's own link: its "Read More" link, else its heading's link, else ""
    image: StoryImage | None
    subtitle: str = ""  # the subtitle or preheader, for a single-story issue


@dataclass(frozen=True)
class Event:
    kind: str  # heading, block, image, caption, rule, footer, chrome, sponsor
    element: Tag
    level: int = 0  # headings: 1-6, or PSEUDO_LEVEL
    why: str = ""  # chrome: the reason it is left out; a PSEUDO_LEVEL heading: "bold" or "linked"


_SPACED = frozenset({"br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "img"})


def text_of(element: Tag) -> str:
    """The words a reader sees: inline markup joins (``1<sup>er</sup>``), breaks and blocks separate."""
    if element.name == "img":
        return " ".join(str(element.get("alt", "")).split())
    parts: list[str] = []
    for node in element.descendants:
        if type(node) is NavigableString:
            parts.append(str(node))
        elif isinstance(node, Tag) and node.name in _SPACED:
            parts.append(" ")
    return " ".join("".join(parts).replace("\u00a0", " ").replace("\u200c", "").split())


def _hidden_by_style(style: str) -> bool:
    """What no reader sees: display:none, visibility:hidden, opacity:0, or a zero (max-)height or width with overflow hidden.

    ``mso-hide:all`` alone hides from Outlook only (its conditional comments hold the Outlook
    version, which a parser drops), and ``font-size:0`` alone is how MJML collapses whitespace.
    """
    declared = {name.lower(): value.replace("!important", "").strip().lower() for name, value in _DECLARATION.findall(style)}
    if declared.get("display") == "none" or declared.get("visibility") == "hidden" or _ZERO.match(declared.get("opacity", "1")):
        return True
    collapsed = any(_ZERO.match(declared.get(name, "-")) for name in ("max-height", "height", "max-width", "width"))
    return collapsed and declared.get("overflow") == "hidden"


def hidden(element: Tag) -> bool:
    return element.name in _SKIPPED or element.has_attr("hidden") or _hidden_by_style(str(element.get("style", "")))


def _paragraph(run: list[Tag | NavigableString]) -> Tag | None:
    """Loose text and inline markup of a layout cell, moved into a new <p>; None if it is blank."""
    while run and (isinstance(run[-1], Tag) and run[-1].name == "br" or isinstance(run[-1], NavigableString) and not run[-1].strip()):
        run.pop()
    if not any(node.get_text(strip=True) if isinstance(node, Tag) else node.strip() for node in run) and not any(
        isinstance(node, Tag) and (node.name == "img" or node.find("img")) for node in run
    ):
        return None
    paragraph = parse("<p></p>").p
    assert paragraph is not None
    run[0].insert_before(paragraph)
    for node in run:
        paragraph.append(node.extract())
    return paragraph


def _all_bold(run: Sequence[Tag | NavigableString]) -> bool:
    texts = [node for node in run if (node.get_text(strip=True) if isinstance(node, Tag) else node.strip())]
    return bool(texts) and all(isinstance(node, Tag) and node.name in ("strong", "b") for node in texts)


def _image(image: Tag) -> Event:
    if is_pixel(image):
        return Event("chrome", image, why="tracking pixel")
    if image.find_parent("a", href=True) is not None and appeal(str(image.get("alt", ""))):
        return Event("chrome", image, why="call to action")  # a button drawn as a picture: "Donate now"
    if linked_to_social(image):
        return Event("chrome", image, why="chrome")  # a share or follow icon
    if is_logo(image) or not str(image.get("src", "")).strip():
        return Event("chrome", image, why="header")
    return Event("image", image)


_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)px", re.IGNORECASE)


def _styled_large(element: Tag) -> bool:
    """Set as a heading by inline style (bold and at least 18px, or at least 22px) on it or the cell it sits in."""
    for node in (element, element.parent, *element.find_all(["span", "font"], limit=2)):
        if not isinstance(node, Tag):
            continue
        style = str(node.get("style", ""))
        size = _FONT_SIZE.search(style)
        pixels = float(size.group(1)) if size else 0.0
        if pixels >= 22 or (pixels >= 18 and _BOLD.search(style)):
            return True
    return False


_BUTTON_NAME = re.compile(r"button|\bbtn|\bcta\b", re.IGNORECASE)
_FILLED = re.compile(r"background(?:-color)?\s*:\s*(?!transparent|none|inherit)[#\w]", re.IGNORECASE)


def is_button(block: Tag) -> bool:
    """A line that is one link drawn as a button: the link, or the cell or table that holds nothing
    else, is named for a button or filled with a colour and padded or rounded (the bulletproof
    button every template draws). A call to action, never a headline."""
    anchors = block.find_all("a", href=True)
    if len(anchors) != 1 or text_of(anchors[0]) != text_of(block):
        return False
    node: Tag | None = anchors[0]
    for _ in range(6):
        if node is None or node.name in ("body", "[document]") or text_of(node) != text_of(block):
            return False
        style = str(node.get("style", ""))
        names = " ".join([*(node.get("class") or []), str(node.get("id", ""))])
        filled = bool(_FILLED.search(style)) or node.has_attr("bgcolor")
        if _BUTTON_NAME.search(names) or (filled and re.search(r"padding|border-radius", style, re.IGNORECASE)):
            return True
        if node.name == "a" and re.search(r"display\s*:\s*(?:inline-)?block", style, re.IGNORECASE) and "padding" in style.lower():
            return True
        node = node.parent
    return False


def _pseudo_heading(block: Tag, text: str) -> str | None:
    """A short unpunctuated paragraph that is all bold or styled large ("bold"), or one headline link ("linked"):
    a heading the template did not mark up. A button is not one, however bold its label."""
    # a headline may ask or exclaim ("Who pays for the bridge?"); a sentence or a lead-in ("Here is how:") is not one
    if block.name != "p" or not text or len(words(text)) > 16 or text.endswith((".", ":", ",", ";")) or block.find("img"):
        return None
    if is_button(block):
        return None
    strong = " ".join(text_of(b) for b in block.find_all(["strong", "b"]))
    if strong == text or _styled_large(block):
        return "bold"
    anchors = block.find_all("a", href=True)
    if len(anchors) == 1 and text_of(anchors[0]) == text and len(words(text)) >= 3 and not READ_MORE.match(text):
        return "linked"
    return None


def _block(block: Tag) -> Iterator[Event]:
    text = text_of(block)
    real = [img for img in block.find_all("img")]
    if not text:
        for image in real:
            event = _image(image)
            anchor = image.find_parent("a", href=True)
            if event.kind == "image" and anchor is not None and linked_to_network_post(image):
                event = Event("image", anchor)  # a video's thumbnail (Substack's YouTube embed): the picture keeps its link
            yield event
        return
    if block.name == "figcaption" or _CAPTION_CLASS.search(" ".join([*(block.get("class") or []), str(block.get("id", ""))])):
        yield Event("caption", block)
        return
    reason = block_reason(block)
    if reason in ("footer", "footer words"):
        yield Event("footer", block, why=reason)
    elif reason == "sponsor label":
        yield Event("sponsor", block, why="sponsor")
    elif reason:
        yield Event("chrome", block, why=reason)
    elif pseudo := _pseudo_heading(block, text):
        yield Event("heading", block, PSEUDO_LEVEL, why=pseudo)
    else:
        yield Event("block", block)


def _caption_cell(cell: Tag) -> bool:
    """A cell named for a caption that holds one: a line or two of text, no picture, heading or paragraphs.

    Mailchimp's "caption" blocks (mcnCaptionRightTextContentContainer) hold a whole story beside its picture.
    """
    text = text_of(cell)
    return bool(text) and not cell.find(["img", *HEADINGS, "p", "ul", "ol", "table"]) and len(words(text)) <= 40


def _paragraph_break(element: Tag) -> bool:
    """Two line breaks in a row inside ``element``: an inline wrapper (``<font>``, ``<span>``) used as the
    issue's container, its paragraphs split by ``<br><br>``, read as the blocks it holds, not one line."""
    for line_break in element.find_all("br"):
        following = line_break.next_sibling
        while isinstance(following, NavigableString) and not following.strip():
            following = following.next_sibling
        if isinstance(following, Tag) and following.name == "br":
            return True
    return False


def walk(element: Tag) -> Iterator[Event]:
    """``element``'s events in reading order; layout tables and wrappers are looked through."""
    run: list[Tag | NavigableString] = []  # loose inline content of a layout cell: one paragraph
    breaks = 0
    for child in list(element.children):
        if isinstance(child, NavigableString):
            if type(child) is NavigableString and (child.strip() or run):
                run.append(child)
            continue
        if not isinstance(child, Tag) or hidden(child):
            if isinstance(child, Tag) and child.name == "img" and is_pixel(child):
                yield Event("chrome", child, why="tracking pixel")  # hidden, but the plan says what it left out
            continue
        breaks = breaks + 1 if child.name == "br" else 0
        if child.name == "br" and breaks == 1 and _all_bold(run):
            breaks = 2  # "<strong>Title</strong><br>Text…": the bold line is a paragraph (a heading) of its own
        if child.name in _INLINE and child.name != "img" and breaks < 2 and not child.find([*HEADINGS, *_BLOCKS]) and not _paragraph_break(child):
            run.append(child)
            continue
        if run and (paragraph := _paragraph(run)) is not None:
            yield from _block(paragraph)
        run = []
        name = child.name
        if name in HEADINGS:
            if text_of(child):
                reason = block_reason(child)
                yield Event("footer", child, why=reason) if reason in ("footer", "footer words") else Event("heading", child, int(name[1]))
            else:
                yield from (_image(image) for image in child.find_all("img"))
        elif name == "hr":
            yield Event("rule", child)
        elif name == "img":
            yield _image(child)
        elif name == "figure":
            images = [image for image in child.find_all("img") if not is_pixel(image)]
            yield Event("image", child) if images else Event("block", child)
        elif name in _BLOCKS:
            if name == "p" and child.find(list(HEADINGS)):  # markup that lxml could not fix: read what is inside
                yield from walk(child)
            else:
                yield from _block(child)
        elif name != "br" and _CAPTION_CLASS.search(" ".join(child.get("class") or [])) and _caption_cell(child):
            yield Event("caption", child)  # a layout cell holding a caption (Ghost's td.feature-image-caption)
        elif name != "br":
            yield from walk(child)
    if run and (paragraph := _paragraph(run)) is not None:
        yield from _block(paragraph)


def _first_image(event: Event) -> Tag | None:
    if event.element.name == "img":
        return event.element
    return next((img for img in event.element.find_all("img") if not is_pixel(img) and str(img.get("src", "")).strip()), None)


_CARD_BLOCKS = ["div", "p", "table", "figure", "figcaption", "ul", "ol", *HEADINGS]


_CARD_TITLE = re.compile(r"(?:^|[_-])title(?:$|[_-])", re.IGNORECASE)  # kg-bookmark-title, embedded-post-title, generic-embed--title
# A card's engagement line ("a year ago · 41 likes · 6 comments · Elin Berg"): its counts and its age go, a name stays.
_CARD_COUNT = re.compile(r"^(?:\d[\d,.]*k?\s+[a-z]+|(?:an?|\d+)\s+[a-z]+\s+ago)$", re.IGNORECASE)


def _card_lines(anchor: Tag) -> list[str]:
    """The lines of a card link, its title first: the element the card names its title, else its first line;
    the card's own "Read more" and its counts of likes and comments are the linked site's furniture."""
    titled = next((tag for tag in anchor.find_all(True) if any(_CARD_TITLE.search(name) for name in tag.get("class") or [])), None)
    title = " ".join(titled.get_text(" ").split()) if titled is not None else ""
    lines: list[str] = []
    for text in anchor.stripped_strings:
        line = " ".join(text.split())
        if READ_MORE.match(line):
            continue
        parts = [part.strip() for part in re.split(r"\s[·•|]\s", line)]
        if len(parts) > 1 and any(_CARD_COUNT.match(part) for part in parts):
            line = " · ".join(part for part in parts if not _CARD_COUNT.match(part))
        if line and line != title:
            lines.append(line)
    return [title, *lines] if title else lines


def _flatten_card_links(element: Tag) -> None:
    """A link wrapped around blocks (Ghost's bookmark card: title, description, publisher, thumbnail;
    Substack's embedded post) becomes one line, ``title — description — publisher``, linked by its
    title; its pictures are the linked page's, not the story's."""
    for anchor in [a for a in element.find_all("a", href=True) if a.find(_CARD_BLOCKS) is not None]:
        lines = _card_lines(anchor)
        if not lines:
            continue
        line = parse("<p><a></a></p>").p
        assert line is not None and line.a is not None
        line.a["href"] = anchor["href"]
        line.a.string = lines[0]
        if lines[1:]:
            line.append(NavigableString(" — " + " — ".join(lines[1:])))
        anchor.replace_with(line)


def build_story(position: int, title: str, heading: Tag | None, parts: Sequence[Event], subtitle: str = "") -> Story:
    """One story from its heading and the events that belong to it (headings below the story's level included)."""
    for part in parts:
        if part.element.name != "img":
            _flatten_card_links(part.element)
    image: StoryImage | None = None
    kept: list[Event] = []
    for index, event in enumerate(parts):
        if image is None and event.kind in ("image", "block"):
            found = _first_image(event)
            if found is not None and (event.kind == "image" or not kept or all(part.kind != "block" for part in kept)):
                following = parts[index + 1] if index + 1 < len(parts) else None
                inside = event.element.find(["figcaption"]) if event.element.name == "figure" else None
                caption = (
                    text_of(inside)
                    if isinstance(inside, Tag)
                    else (text_of(following.element) if following is not None and following.kind == "caption" else "")
                )
                image = StoryImage(str(found["src"]).strip(), " ".join(str(found.get("alt", "")).split()), caption)
                if event.kind == "image":
                    continue
                parent = found.parent
                found.decompose()
                if isinstance(parent, Tag) and parent.name == "a" and not parent.get_text(strip=True):
                    parent.decompose()
        if event.kind == "caption" and image is not None and image.caption and text_of(event.element) == image.caption:
            continue
        kept.append(event)
    blocks = [
        event.element
        for event in kept
        if event.kind in ("block", "heading", "image", "caption")
        and (event.element.get_text(strip=True) or event.element.find("img") or event.element.name == "img")
    ]
    for block in blocks:  # pixels, and icons inside a story's cards (a bookmark card's favicon), are no picture of it
        for pixel in [img for img in block.find_all("img") if is_pixel(img) or is_logo(img)]:
            pixel.decompose()
    return Story(position, title, "\n".join(str(block) for block in blocks), _link(heading, blocks), image, subtitle)


def is_read_more(anchor: Tag, block: Tag) -> bool:
    """A "Read more" link standing on its own (one in the middle of a sentence is part of the text)."""
    return bool(READ_MORE.match(text_of(anchor))) and text_of(anchor) == text_of(block)


def _link(heading: Tag | None, blocks: Sequence[Tag]) -> str:
    for block in blocks:
        for anchor in block.find_all("a", href=True):
            if is_read_more(anchor, block):
                return str(anchor["href"]).strip()
    if heading is None:
        return ""
    found = heading.find("a", href=True) or heading.find_parent("a", href=True)
    return str(found["href"]).strip() if isinstance(found, Tag) else ""
