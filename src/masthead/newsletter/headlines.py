"""Which heading leads an issue: its lead story, the story under the subject's headline, or the one
headline over an article (layout.py decides the stories with these).

A heading is told as a story when what it heads points somewhere (a link, a picture, a line that
is one link) and is long enough beside the other stories; a section is linked when its heading
or one of its lines is mostly a link.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import median

from .chrome import heading_reason, words
from .sections import Section
from .stories import PSEUDO_LEVEL, Event, text_of
from .titling import match_key


def told_under(events: Sequence[Event], start: int) -> tuple[int, bool]:
    """The words of the blocks under the heading at ``start`` up to the next heading, and whether
    they point somewhere or show a picture (a link, a citation, an image) as a story does."""
    told, pointed = 0, False
    for event in events[start + 1 :]:
        if event.kind == "footer" or (event.kind == "heading" and event.level < PSEUDO_LEVEL):
            break
        if event.kind == "heading" and event.why == "linked":  # a line that is one link
            told, pointed = told + len(words(text_of(event.element))), True
        elif event.kind == "image":
            pointed = True
        elif event.kind == "block":
            told += len(words(text_of(event.element)))
            pointed = pointed or event.element.find("a", href=True) is not None or event.element.find("img") is not None
    return told, pointed


def lead_story(events: Sequence[Event], skip: set[int], level: int | None, names: Iterable[str]) -> int | None:
    """The one heading set above the story level, before the first story, that is the issue's first
    story (the lead gets the biggest heading) rather than its title over an introduction: it is not
    the subject, the title or the newsletter's name (those are in ``skip`` or ``names``), and what it
    heads is told as the stories under it are: with a link or a picture, and at least half as long
    as the median story. A short welcome under an issue title is an introduction."""
    if level is None or level >= PSEUDO_LEVEL:
        return None
    headings = [index for index, event in enumerate(events) if event.kind == "heading" and index not in skip and heading_reason(text_of(event.element)) is None]
    stories = [index for index in headings if events[index].level == level]
    above = [index for index in headings if events[index].level < level]
    if len(stories) < 2 or len(above) != 1 or above[0] > stories[0]:
        return None
    lead = above[0]
    key = match_key(text_of(events[lead].element))
    if not key or any(name and (f" {name} " in f" {key} " or f" {key} " in f" {name} ") for name in names):
        return None
    told, pointed = told_under(events, lead)
    lengths = [told_under(events, index)[0] for index in stories]
    return lead if pointed and told >= 20 and told * 2 >= median(lengths) else None


def section_stories(events: Sequence[Event], labels: set[int], level: int | None) -> list[int]:
    """Headings at the section labels' level, after the first story, that label nothing but head a list or text of
    their own that links out ("QUICK HITS" over its links, beside "THE HARBOUR" over stories): stories themselves,
    where a heading above the story level would otherwise end a story and start none."""
    if level is None or level >= PSEUDO_LEVEL:
        return []
    label_levels = {events[index].level for index in labels if events[index].kind == "heading"}
    first = next((index for index, event in enumerate(events) if event.kind == "heading" and event.level == level and index not in labels), None)
    if first is None:
        return []
    found = []
    for index, event in enumerate(events):
        if index <= first or event.kind != "heading" or index in labels or event.level not in label_levels or event.level >= level:
            continue
        if heading_reason(text_of(event.element)) is not None:
            continue
        following = next((later for later in events[index + 1 :] if later.kind not in ("image", "caption", "chrome")), None)
        if following is not None and following.kind == "block" and following.element.find("a", href=True) is not None:
            found.append(index)
    return found


def titled_story(events: Sequence[Event], index: int, skip: set[int], level: int) -> bool:
    """Whether the heading the subject repeats heads a story told as the others are (a link or a
    picture, at least half the median story's length), at the story level or above it before the
    first story: Mailchimp's subject is often the lead story's headline. Over a short welcome it is
    the issue's title."""
    if level >= PSEUDO_LEVEL or events[index].level > level:
        return False
    stories = [
        other
        for other, event in enumerate(events)
        if event.kind == "heading" and other not in skip and event.level == level and heading_reason(text_of(event.element)) is None
    ]
    if len(stories) < 2 or (events[index].level < level and index > stories[0]):
        return False
    told, pointed = told_under(events, index)
    return pointed and told >= 20 and told * 2 >= median(told_under(events, other)[0] for other in stories)


def headed_article(events: Sequence[Event], skip: set[int]) -> bool:
    """One headline over the issue: the first heading is its only h1, the others share one lower level,
    and fewer than half of the sections under them point somewhere as a story does (a date or issue
    title over stories that each link out is still a digest). A lead story set as the h1 (its own
    text told, with a link or a picture) over sections that mostly show pictures of their own is a
    digest too: an essay's sections go on with its one subject, a newsletter's stories each show theirs."""
    indexes = [index for index, event in enumerate(events) if event.kind == "heading" and index not in skip and event.level < PSEUDO_LEVEL]
    headings = [events[index] for index in indexes]
    if len(headings) < 3 or headings[0].level != 1 or any(event.level <= 1 for event in headings[1:]) or len({event.level for event in headings[1:]}) != 1:
        return False
    bounds = [*indexes[1:], len(events)]
    sections = [Section(events[start], "", list(events[start + 1 : end])) for start, end in zip(bounds, bounds[1:], strict=False)]
    told, pointed = told_under(events, indexes[0])
    pictured = sum(1 for section in sections if any(part.kind == "image" for part in section.parts))
    if pointed and told >= 20 and pictured * 2 >= len(sections):
        return False  # the headline heads a story of its own, and the sections under it show pictures of their own: stories
    return sum(map(linked, sections)) * 2 < len(sections)


def linked(section: Section) -> bool:
    """Whether the section points somewhere as a story does: its heading is a link, or a line of it is
    mostly a link ("Read more", a button). A link inside running prose is a citation, as an essay's are."""
    if section.heading is not None and any(str(a["href"]).startswith("http") for a in section.heading.element.find_all("a", href=True)):
        return True
    for event in section.parts:
        if event.kind == "heading" and event.why == "linked":
            return True  # a line that is one link ("Read the council's decision"), read as a headline link
        if event.kind != "block":
            continue
        anchors = [a for a in event.element.find_all("a", href=True) if str(a["href"]).startswith("http")]
        linked = sum(len(words(text_of(a))) for a in anchors)
        if anchors and linked * 2 >= len(words(text_of(event.element))):
            return True
    return False
