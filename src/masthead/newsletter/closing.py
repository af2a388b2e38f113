"""What an issue closes with after its last story: its calls to action, left out as chrome.

Walking back from the footer (or the end) over chrome and rules, each button, or linked picture,
that asks the reader to give, join or sign up (appeals.py: by its label's verb or by where it
leads) is a "call to action", not the end of the last story; the last story's own button ("Read
the full timetable") ends the walk and stays. A short pitch set in the same box as such a button
(a shaded cell holding "Valley News is paid for by readers" and its Donate button, nothing else)
goes with it; the last story's text never shares a box with it alone. So does a paragraph that
only thanks the reader and asks them to pass the issue on or pay for it, without a button
(appeals.closing_appeal: "Thanks for reading! If a friend would like this, forward it along.");
the writer's signature after it ("— Ana") is stepped over and stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from bs4 import Tag

from .appeals import appeal_link, closing_appeal
from .boxes import footer_box, sponsor_card
from .chrome import words
from .stories import HEADINGS, Event, is_button, text_of

_PITCH_WORDS = 60  # a pitch is a line or two; a story's paragraph can be longer
_SIGNATURE_WORDS = 5
_STORY_WORDS = 15


def _appeal(event: Event) -> bool:
    if event.kind == "image":  # a picture linked to an appeal ("Pay what you like" drawn as an image)
        image = event.element if event.element.name == "img" else event.element.find("img")
        anchor = image.find_parent("a", href=True) if image is not None else None
        label = str(image.get("alt", "")) if image is not None else ""
    else:
        anchor = event.element.find("a", href=True) if event.kind == "block" and is_button(event.element) else None
        label = text_of(anchor) if anchor is not None else ""
    return anchor is not None and appeal_link(label, str(anchor["href"]))


def _box(first: Tag, second: Tag) -> Tag | None:
    """The smallest element holding both."""
    return next((parent for parent in first.parents if second in parent.descendants), None)


def _pitch(block: Event, button: Event) -> bool:
    """``block`` is the button's pitch: short, no heading, and the box the two share holds nothing else."""
    if block.kind != "block" or len(words(text_of(block.element))) > _PITCH_WORDS or block.element.find(list(HEADINGS)):
        return False
    box = _box(block.element, button.element)
    if box is None or box.name in ("body", "html", "[document]"):
        return False
    return len(words(text_of(box))) <= len(words(text_of(block.element))) + len(words(text_of(button.element)))


def _signature(event: Event) -> bool:
    """The writer's name under the letter ("— Ana", "Marta and the Courier team"): a few words, no sentence."""
    text = text_of(event.element)
    if event.kind != "block" or event.element.find("a"):
        return False
    return 0 < len(words(text)) <= _SIGNATURE_WORDS and not text.endswith((".", "!", "?", ":"))


def _closing_words(event: Event) -> bool:
    return event.kind == "block" and not event.element.find(list(HEADINGS)) and closing_appeal(text_of(event.element))


def _last_story_heading(events: Sequence[Event], end: int) -> Tag | None:
    """The last heading before ``end`` that heads text (a paragraph of a sentence or more): a story's, never the
    sender's name set in bold over the footer's address."""
    text_after = False
    for index in range(end - 1, -1, -1):
        event = events[index]
        if event.kind == "heading" and text_after:
            return event.element
        text_after = text_after or (event.kind == "block" and len(words(text_of(event.element))) >= _STORY_WORDS)
    return None


def _sponsor_run(events: Sequence[Event], index: int) -> int | None:
    """The index of the sponsor's label whose run ``events[index]`` is in (no heading or rule between, inside its card), or None."""
    for back in range(index - 1, -1, -1):
        event = events[back]
        if event.kind in ("heading", "rule"):
            return None
        if event.kind == "sponsor":
            card = sponsor_card(event.element)
            return back if card is None or card in events[index].element.parents else None
    return None


def closing_calls(events: Sequence[Event]) -> list[Event]:
    """``events`` with the calls to action after the last story made chrome."""
    found = list(events)
    end = next((index for index, event in enumerate(found) if event.kind == "footer"), len(found))
    heading = _last_story_heading(found, end)
    box = footer_box(found[end].element, [heading if heading is not None else found[0].element]) if end < len(found) else None
    button: Event | None = None
    index = end
    while index > 0:
        index -= 1
        event = found[index]
        if event.kind == "chrome" and event.why == "call to action" and event.element.find("a", href=True):
            button = event  # a lone "Become a member" link, left out already: its pitch may be just above it
            continue
        if event.kind in ("chrome", "rule") or (box is not None and box in event.element.parents):
            continue  # the footer's own lines (its address) go with it (sections.Splitter)
        if _appeal(event):
            button = event
        elif _closing_words(event):
            found[index] = Event("chrome", event.element, why="closing appeal")
            continue
        elif _signature(event):
            continue  # the name stays; what it signs may still be an appeal
        elif (label := _sponsor_run(found, index)) is not None:
            index = label  # the sponsor's block after the last story is left out by the splitter; what comes before it may still close
            continue
        elif button is None or not _pitch(event, button):
            break
        found[index] = Event("chrome", event.element, why="call to action")
    return found
