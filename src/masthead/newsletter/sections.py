"""An issue's events split into sections at its story level, and what is left out between them.

layout.py decides the story level and whether pictures come before their headings; ``Splitter``
walks the events once and sorts them: the introduction, one section per story heading (with the
pictures it owns), sections headed or labelled as a sponsor's, a poll or a referral (left out
with that reason), and what follows a footer. Each left-out piece is a ``Dropped`` for
``--dry-run``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import Tag

from .boxes import boxed_with, footer_box, sponsor_card
from .chrome import heading_reason, words
from .stories import PSEUDO_LEVEL, Event, text_of


@dataclass(frozen=True)
class Dropped:
    why: str  # sponsor, footer, header, chrome, referral, feedback, contents, byline, tracking pixel…
    text: str  # the first words of what was left out


@dataclass
class Section:
    heading: Event | None
    why: str
    parts: list[Event] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)  # why the chrome inside it was left out

    @property
    def reason(self) -> str:
        """Why the section is left out: its heading's or label's reason, or, when all it held was chrome, that chrome's."""
        if self.why or any(part.kind == "block" for part in self.parts):
            return self.why
        return next((why for why in self.chrome if why not in ("tracking pixel", "header")), self.why)


def snippet(text: str) -> str:
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


_ADDRESS_WORDS = 25


def postal_address(block: Tag) -> bool:
    """A sender's postal address set as a line of its own: short, with a house number or postcode,
    in parts split by commas or line breaks, no link, and no sentence (it ends without a full stop)."""
    text = text_of(block)
    parts = len(block.find_all("br")) + text.count(",")
    return (
        0 < len(text.split()) <= _ADDRESS_WORDS
        and block.find("a", href=True) is None
        and any(character.isdigit() for character in text)
        and parts >= 2
        and not text.rstrip().endswith((".", "!", "?", ":"))
    )


def _story_content(event: Event) -> bool:
    """What only a story holds: a heading, or a paragraph with a link of its own or a sentence's worth of words."""
    if event.kind == "heading":
        return event.level < PSEUDO_LEVEL
    if event.kind != "block" or postal_address(event.element):
        return False
    return event.element.find("a", href=True) is not None or len(words(text_of(event.element))) >= 12


def settle_footers(events: list[Event]) -> list[Event]:
    """A footer found only by its words ("footer words": no unsubscribe link) is the footer when nothing of
    a story follows it; before a story's heading, link or paragraph it is that story's text ("Rail operators
    warned of more cancellations", "Households can opt out before March")."""
    settled = list(events)
    content_after = False
    for index in range(len(settled) - 1, -1, -1):
        event = settled[index]
        if event.kind == "footer" and event.why == "footer words" and content_after:
            settled[index] = Event("block", event.element)
        content_after = content_after or _story_content(settled[index])
    return settled


class Splitter:
    """Events to sections at ``level``; images before a heading go with it when ``before``."""

    def __init__(self, level: int | None, before: bool, labels: set[int], rules_split: bool) -> None:
        self.level, self.before, self.labels, self.rules_split = level, before, labels, rules_split
        self.intro: list[Event] = []
        self.sections: list[Section] = []
        self.current: Section | None = None
        self.pending: list[Event] = []  # images, captions and sponsor labels since the last text
        self.dropped: list[Dropped] = []
        self.after = ""  # why content outside a story is left out: "footer", "between stories"
        self.resume: tuple[Section | None, str] | None = None  # where content goes once a sponsor's run ends
        self.card: Tag | None = None  # the box a sponsor's label opened its run in: leaving it ends the run

    def starts_story(self, index: int, event: Event) -> bool:
        """A heading at the story level, or a sponsor's (or other chrome) heading above it, which starts a section to leave out."""
        if event.kind != "heading" or self.level is None or index in self.labels or event.level > self.level:
            return False
        return event.level == self.level or heading_reason(text_of(event.element)) is not None

    def _letter_heading(self, event: Event) -> bool:
        """In a letter (no story level): a poll, referral or sponsor heading opens a section to leave out,
        and the next heading as high as it, that is none of these, ends it. True when ``event`` was such a heading."""
        why = heading_reason(text_of(event.element))
        run = self.current if self.current is not None and self.current.why and self.current.heading is not None else None
        if why:
            self._flush(False)
            self.current = Section(event, why)
            self.sections.append(self.current)
            return True
        if run is not None and run.heading is not None and event.level <= run.heading.level:
            self._flush(False)
            self.current = None
        return False

    def _ends_letter_chrome(self, event: Event) -> bool:
        """What ends a left-out section of a letter besides a heading: a rule, and, after "In this
        issue", the first block that is not its list (a contents list is items, the letter is prose)."""
        run = self.current
        if run is None or run.heading is None or not run.why:
            return False
        if event.kind == "rule":
            return True
        listed = event.element.name in ("ul", "ol") or len(words(text_of(event.element))) <= 12
        return run.why == "contents" and event.kind == "block" and not listed

    def _boundary(self, index: int, event: Event) -> bool:
        """A heading above the story level (the newsletter's name, a section): it ends a story and starts none."""
        return event.kind == "heading" and self.level is not None and (event.level < self.level or index in self.labels)

    def _leaves_card(self, event: Event) -> None:
        """A sponsor's run set in a box of its own (a card: its label, text, logo and button) ends where the box does,
        so the story's picture and text after the card stay the story's."""
        run = self.current
        if self.resume is None or self.card is None or run is None or run.why != "sponsor" or not any(part.kind == "block" for part in run.parts):
            return
        if event.element is not self.card and self.card not in event.element.parents:
            self.current, self.after = self.resume
            self.resume, self.card = None, None

    def _place(self, event: Event) -> None:
        if event.kind == "sponsor":  # a label in a run of text: from here to the next heading or rule is the sponsor's
            self.resume = self.resume or (self.current, self.after)
            self.card = sponsor_card(event.element)
            self.current = Section(None, "sponsor", [event])
            self.sections.append(self.current)
            return
        self._leaves_card(event)
        if self.current is not None:
            self.current.parts.append(event)
        elif not any(section.heading and not section.why for section in self.sections) and not self.after:
            self.intro.append(event)  # a letter's text, also after a poll or referral section that ended
        elif text_of(event.element):
            self.dropped.append(Dropped(self.after or "between stories", snippet(text_of(event.element))))

    def _flush(self, into_next: bool, heading: Event | None = None) -> list[Event]:
        """Place what waited for the next text; return what goes with ``heading``, the one that comes next.

        Of several pictures above a heading only the nearest (and its caption) is that story's: a
        masthead or an earlier picture above it belongs to what came before. Where pictures do not
        come before headings, one set in the next heading's own box still goes with it.
        """
        carried = []
        images = [index for index, event in enumerate(self.pending) if event.kind == "image"]
        nearest = images[-1] if images else len(self.pending)
        previous = self.current.heading if self.current is not None else None
        for index, event in enumerate(self.pending):
            picture = event.kind in ("image", "caption") and index >= nearest
            boxed = picture and heading is not None and previous is not None and boxed_with(event.element, heading.element, previous.element)
            if into_next and (event.kind == "sponsor" or (picture and (self.before or boxed))):
                carried.append(event)
            else:
                self._place(event)
        self.pending = []
        return carried

    def feed(self, index: int, event: Event) -> None:
        if event.kind in ("image", "caption", "sponsor"):
            self.pending.append(event)
            return
        if self.level is None and event.kind == "heading" and self._letter_heading(event):
            return
        if self.level is None and self._ends_letter_chrome(event):
            self._flush(False)
            self.current = None
        if self.starts_story(index, event):
            carried = self._flush(True, event)
            self.resume, self.card = None, None
            why = heading_reason(text_of(event.element)) or ("sponsor" if any(item.kind == "sponsor" for item in carried) else "")
            self.current = Section(event, why, [item for item in carried if item.kind != "sponsor"])
            self.sections.append(self.current)
            self.after = ""
            return
        self._flush(False)
        sponsor = self.current
        if (
            self.resume is not None
            and sponsor is not None
            and event.kind in ("heading", "rule", "footer")
            and (any(part.kind == "block" for part in sponsor.parts) or (event.kind == "rule" and (len(sponsor.parts) > 1 or sponsor.chrome)))
        ):
            self.current, self.after = self.resume
            self.resume, self.card = None, None
        if self._boundary(index, event):
            self.current, self.after = None, self.after or "header"
        elif event.kind == "footer" and not self.sections and not any(item.kind == "block" for item in self.intro):
            self.dropped.append(Dropped("header", snippet(text_of(event.element))))  # "Forwarded this email?" above the issue
        elif event.kind == "footer":
            self._pull_footer(event.element)
            self.dropped.append(Dropped("footer", snippet(text_of(event.element))))
            self.current, self.after = None, "footer"
        elif event.kind == "rule":
            if self.rules_split and self.current is not None:
                self.current, self.after = None, "between stories"
        elif event.kind == "chrome":
            inside = self.current is not None and self.current.why == "sponsor" and event.why != "tracking pixel"
            self.dropped.append(Dropped("sponsor" if inside else event.why, snippet(text_of(event.element)) or "(image)"))  # a sponsor's logo, its offer
            if self.current is not None:
                self.current.chrome.append(event.why)
        else:
            self._place(event)

    def _pull_footer(self, footer: Tag) -> None:
        """The blocks just before a footer line, in the same layout box (the postal address above "Unsubscribe"), are footer too."""
        run = self.current.parts if self.current is not None else self.intro
        heading = run[-1] if run and run[-1].kind == "heading" and run[-1].level < PSEUDO_LEVEL else None
        if heading is not None and heading.element.parent is not None and footer in heading.element.parent.descendants:
            # "Subscription details" set over the footer's lines, in their box, heads nothing but the footer
            self.dropped.append(Dropped("footer", snippet(text_of(run.pop().element))))
        keep = [self.current.heading.element] if self.current is not None and self.current.heading is not None else [event.element for event in run[:1]]
        box = footer_box(footer, keep)
        if box is None:
            while run and run[-1].kind == "block" and postal_address(run[-1].element):  # a template without boxes: the address line above it
                self.dropped.append(Dropped("footer", snippet(text_of(run.pop().element))))
            return
        while run and run[-1].kind in ("block", "caption", "heading") and box in run[-1].element.parents:  # the sender's name in bold too
            self.dropped.append(Dropped("footer", snippet(text_of(run.pop().element))))

    def finish(self) -> None:
        self._flush(False)
