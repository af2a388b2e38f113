"""The layout boxes an issue's furniture sits in: where a footer's own lines, and a sponsor's card, begin and end.

Templates put each block in a box of its own (a table, a cell, a div). The box tells what goes
together: the postal address in the footer's section is the footer's even when it has a box of its
own (Brevo's editor), a sponsor's label, text, logo and button set in one card end where the
card does, so what follows it is the story's again, and a picture set in the next story's box (its
table row, its cell) is that story's even in an issue whose other pictures close their stories.
"""

from __future__ import annotations

from collections.abc import Sequence

from bs4 import Tag

from .chrome import words
from .stories import HEADINGS, text_of

_BOXES = ("table", "td", "th", "div")
_CARDS = ("table", "td", "th", "div", "section", "aside")


def footer_box(footer: Tag, keep: Sequence[Tag]) -> Tag | None:
    """The largest layout box around a footer line that holds no heading and none of ``keep`` (the last
    story's heading, or a letter's first text): the footer's own section, where the sender's name and
    postal address sit above "Unsubscribe", each in a box of its own (Brevo's editor)."""
    box = None
    for parent in footer.parents:
        if parent.name in ("body", "html", "[document]"):
            break
        if parent.name not in _BOXES:
            continue
        if parent.find(list(HEADINGS)) or any(parent is element or parent in element.parents for element in keep):
            break
        box = parent
    return box


def sponsor_card(label: Tag) -> Tag | None:
    """The smallest box around a sponsor's label that holds more than the label: the sponsor's card, or the
    issue's whole column when the sponsor's lines run on among the stories (then a heading or rule ends them)."""
    own = len(words(text_of(label)))
    for parent in label.parents:
        if parent.name in ("body", "html", "[document]"):
            return None
        if parent.name in _CARDS and len(words(text_of(parent))) > own:
            return parent
    return None


def boxed_with(element: Tag, heading: Tag, previous: Tag) -> bool:
    """Whether the smallest layout box around ``element`` that holds either heading holds ``heading``
    and not ``previous``: a picture in the next story's own box (Campaign Monitor's table rows), not
    at the end of the story before it."""
    for parent in element.parents:
        if parent.name in ("body", "html", "[document]"):
            return False
        if parent.name not in _BOXES:
            continue
        has_next = any(box is parent for box in heading.parents)
        has_previous = any(box is parent for box in previous.parents)
        if has_next or has_previous:
            return has_next and not has_previous
    return False
