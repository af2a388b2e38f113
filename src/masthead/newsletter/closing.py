"""What an issue closes with after its last story: its calls to action, left out as chrome.

Walking back from the footer (or the end) over chrome and rules, each button, or linked picture,
that asks the reader to give, join or sign up (appeals.py: by its label's verb or by where it
leads) is a "call to action", not the end of the last story; the last story's own button ("Read
the full timetable") ends the walk and stays. A short pitch set in the same box as such a button
(a shaded cell holding "Valley News is paid for by readers" and its Donate button, nothing else)
goes with it; the last story's text never shares a box with it alone. So does a paragraph that
only thanks the reader and asks them to pass the issue on or pay for it, without a button
(appeals.closing_appeal: "Thanks for reading! If a friend would like this, forward it along.");
the writer's signature after it ("— Ana") is stepped over and stays. The issue's last paragraph may
end with such a sentence after its own text ("The vote is on Monday. Forward this to a friend who
cares about the ferry!"): that sentence alone is left out, the paragraph stays.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from bs4 import Tag

from .appeals import appeal_link, closing_appeal, closing_sentence, event_signup
from .boxes import footer_box, sponsor_card
from .chrome import words
from .markup import parse
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
    return anchor is not None and appeal_link(label, str(anchor["href"])) and not event_signup(label, str(anchor["href"]))


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
    if event.kind != "block" or event.element.find(list(HEADINGS)):
        return False
    anchors = event.element.find_all("a", href=True)
    if len(anchors) == 1 and event_signup(text_of(event.element), str(anchors[0]["href"])):
        return False  # "Sign up" leading to the last story's event
    return closing_appeal(text_of(event.element))


def _cut(block: Tag, sentence: str) -> bool:
    """Take ``sentence``, the end of ``block``'s text, out of it (a link or emphasis it was in goes with it)."""
    target = " ".join(sentence.split())
    nodes = list(block.find_all(string=True))
    tail = ""
    for position in range(len(nodes) - 1, -1, -1):
        text = str(nodes[position])
        rest, tail = tail, text + tail
        if len(" ".join(tail.split())) < len(target):
            continue
        cut = next((cut for cut in range(len(text), -1, -1) if " ".join((text[cut:] + rest).split()) == target), None)
        if cut is None:
            return False
        nodes[position].replace_with(text[:cut].rstrip())
        for later in nodes[position + 1 :]:
            later.extract()
        for tag in reversed(block.find_all(True)):
            if not tag.get_text(strip=True) and tag.name not in ("img", "br") and not tag.find("img"):
                tag.decompose()
        left = [node for node in block.find_all(string=True) if node.strip()]
        if left:
            left[-1].replace_with(str(left[-1]).rstrip())
        return True
    return False


def _trailing_appeal(event: Event) -> Event | None:
    """The issue's last paragraph ending with one sentence of appeal after its own text ("The vote is on
    Monday. Forward this to a friend who cares about the ferry!"): that sentence, taken out of it, as chrome."""
    if event.kind != "block" or event.element.find(list(HEADINGS)):
        return None
    sentence = closing_sentence(text_of(event.element))
    if not sentence or not _cut(event.element, sentence):
        return None
    dropped = parse(f"<p>{html.escape(sentence, quote=False)}</p>").p
    return Event("chrome", dropped, why="closing appeal") if dropped is not None else None


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
            if button is None and (cut := _trailing_appeal(event)) is not None:
                found.insert(index + 1, cut)  # the paragraph stays, the sentence is left out
            break
        found[index] = Event("chrome", event.element, why="call to action")
    return found
