"""Where an issue's stories are: the plan ``masthead import`` writes, and ``--dry-run`` prints.

One engine for every service; the profile (profiles.py) says where the title and the chrome are.

1. The profile's chrome containers are removed, each with its reason; the preheader is kept for
   the teaser; the title and subtitle are read from the profile's selectors.
2. The rest is flattened into events (stories.py) and split (sections.py) by the issue's own structure:
   ``[newsletter] story_selector``, else the service's story blocks, else the heading hierarchy: the
   highest heading level that repeats starts a story (a heading directly followed by a deeper one
   is a section label; deeper headings are the story's sub-headings; one heading above the story
   level that heads text told as the stories are is the lead story, not the issue's title). Images go with the story
   they sit next to: when the issue puts images before headings, a picture (and its caption)
   just before a heading is that story's.
3. Sections headed by a sponsor, referral, poll, contents or call-to-action heading, or introduced
   by a sponsor label, are dropped with that reason, as are footers and everything after them, and
   the buttons after the last story asking the reader to donate, join or sign up.
4. An issue without repeated story headings is one post; one whose text is mostly linked items
   is a roundup: one post of ``[[Outlet](url)]``-cited entries, or (``split="items"``) one per item.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bs4 import BeautifulSoup, Tag
from soupsieve import SelectorSyntaxError

from ..errors import MastheadError, Problem
from .chrome import heading_reason, mark_list_unsubscribe, words
from .closing import closing_calls
from .headlines import headed_article, lead_story, linked, section_stories, titled_story
from .markup import parse
from .profiles import Profile, chrome_of, detect
from .roundup import is_roundup, item_count, roundup_stories
from .sections import Dropped, Section, Splitter, settle_footers, snippet
from .stories import HEADINGS, PSEUDO_LEVEL, Event, Story, build_story, text_of, walk
from .titling import clean_subject, match_key, opening_words, preview_text, sender_names, without_name
from .webpage import strip_page


@dataclass(frozen=True)
class Layout:
    profile: Profile
    kind: str  # "stories" (one post per story), "single" (one post), "roundup" (one post of items), "items"
    stories: tuple[Story, ...]
    dropped: tuple[Dropped, ...]
    preheader: str


def _take(soup: BeautifulSoup, selectors: Sequence[str]) -> str:
    """The text of the first element a selector matches, taken out of the document."""
    for selector in selectors:
        found = soup.select_one(selector)
        if found is not None and text_of(found):
            text = text_of(found)
            found.decompose()
            return text
    return ""


def _banner_names(soup: BeautifulSoup) -> set[str]:
    """The alt text of the pictures above the issue's first heading: its logo says the newsletter's name
    (also when a forward has renamed the template's classes and dropped the sender's name)."""
    names = set()
    for element in soup.find_all(["img", *HEADINGS]):
        if element.name != "img":
            break
        names.add(match_key(str(element.get("alt", ""))))
    return {name for name in names if len(name) >= 3}


def _strip_repeated_images(root: Tag, dropped: list[Dropped]) -> None:
    """An image shown more than once without alt text is a divider or ornament: a story's picture appears once."""
    counts = Counter(str(image.get("src", "")).strip() for image in root.find_all("img"))
    for image in root.find_all("img"):
        src = str(image.get("src", "")).strip()
        if src and counts[src] >= 2 and not str(image.get("alt", "")).strip():
            dropped.append(Dropped("decoration", snippet(src.rsplit("/", 1)[-1])))
            image.decompose()


def _strip_chrome(soup: BeautifulSoup, profile: Profile, dropped: list[Dropped]) -> None:
    for selector, why in chrome_of(profile):
        for element in soup.select(selector):
            if element.parent is None or element.name in ("html", "body"):
                continue  # inside something removed already
            text = text_of(element)
            if text or element.find("img"):
                dropped.append(Dropped(why, snippet(text) or "(image)"))
            element.decompose()
    for entry in soup.find_all("li"):
        if entry.parent is not None and re.search(_MARKED_PAID, text_of(entry), re.IGNORECASE):
            dropped.append(Dropped("sponsor", snippet(text_of(entry))))  # "Kayak hire from £15 (Sponsored)": a paid item in a list
            entry.decompose()


# A list item marked as a paid placement in its own words, "(Sponsored)", "(Ad)", "[Partner]"
_MARKED_PAID = r"[(\[]\s*(?:sponsored|sponsor|ad|advert|advertisement|partner|paid)\s*[)\]]"


def _labels(events: Sequence[Event]) -> set[int]:
    """Headings directly followed by a deeper heading: section labels ("World", "Markets")."""
    found = set()
    for index, event in enumerate(events):
        if event.kind != "heading":
            continue
        following = next((later for later in events[index + 1 :] if later.kind not in ("image", "caption", "chrome")), None)
        # a deeper heading, or a bold line set as one; a headline link under a heading is an item of its list
        if following is not None and following.kind == "heading" and following.level > event.level and following.why != "linked":
            found.add(index)
    return found


def _opening_subheadings(events: Sequence[Event], labels: set[int]) -> set[int]:
    """Labels that are stories whose text opens with a sub-heading: at a level where another heading
    (not a label, not chrome) heads text directly ("Call for Papers" over "Scope", beside "Call for
    Workshops" over its own paragraph). Where every heading of a level is followed by deeper ones,
    they label sections ("World", "Business")."""
    direct = {
        event.level
        for index, event in enumerate(events)
        if event.kind == "heading" and index not in labels and event.level < PSEUDO_LEVEL and heading_reason(text_of(event.element)) is None
    }
    return {index for index in labels if events[index].level in direct and not _labels_stories(events, index)}


def _labels_stories(events: Sequence[Event], label: int) -> bool:
    """The headings under the label head stories, not one story's sub-sections: most of them show a picture or
    link out ("THE HARBOUR" over two cited, pictured stories), where "Call for Performers" over "Music" and
    "Street acts" only goes on telling."""
    level = events[label].level
    end = next((index for index in range(label + 1, len(events)) if events[index].kind == "heading" and events[index].level <= level), len(events))
    starts = [index for index in range(label + 1, end) if events[index].kind == "heading"]
    if not starts:
        return False
    bounds = [*starts, end]

    def storied(parts: Sequence[Event]) -> bool:
        return any(
            part.kind == "image" or (part.kind == "block" and any(str(a["href"]).startswith("http") for a in part.element.find_all("a", href=True)))
            for part in parts
        )

    return sum(storied(events[start + 1 : stop]) for start, stop in zip(bounds, bounds[1:], strict=False)) * 2 >= len(starts)


def _masthead_heading(events: Sequence[Event], preheader: str) -> int | None:
    """The heading that opens the issue, before any text, and that the preview text repeats: the
    issue's name over its stories (beehiiv's banner title), never a story of its own."""
    for index, event in enumerate(events):
        if event.kind == "block":
            return None
        if event.kind == "heading":
            return index if preheader and match_key(text_of(event.element)) == match_key(preheader) else None
    return None


def _story_level(events: Sequence[Event], skip: set[int]) -> int | None:
    """The highest heading level that heads two stories (sponsor and other chrome headings not counted)."""
    levels = Counter(
        event.level for index, event in enumerate(events) if event.kind == "heading" and index not in skip and heading_reason(text_of(event.element)) is None
    )
    real = [level for level, count in levels.items() if count >= 2 and level < PSEUDO_LEVEL]
    if real:
        return min(real)
    return PSEUDO_LEVEL if levels[PSEUDO_LEVEL] >= 2 and not any(level < PSEUDO_LEVEL for level in levels) else None


def _images_before(events: Sequence[Event], starts: Sequence[int]) -> bool:
    """Whether the issue puts each story's picture above its heading (counted from the issue itself).

    A picture below the text of the last story (which has no next heading to go above) says the
    pictures close their stories: then the one above a heading is the previous story's.
    """
    before = after = 0
    for index in starts:
        back = index - 1
        while back >= 0 and events[back].kind in ("caption", "sponsor", "chrome"):
            back -= 1
        before += back >= 0 and events[back].kind == "image"
        ahead = index + 1
        while ahead < len(events) and events[ahead].kind == "chrome":
            ahead += 1
        after += ahead < len(events) and events[ahead].kind == "image"
    last_story: list[str] = []
    for event in events[starts[-1] + 1 :] if starts else []:
        if event.kind == "footer" or (event.kind == "heading" and event.level <= events[starts[-1]].level):
            break  # the last story ends at the footer, or at a heading as high as its own (a section label after it)
        last_story.append(event.kind)
    closes = "block" in last_story and "image" in last_story[last_story.index("block") :]
    return before > after and not closes


def _picture(event: Event) -> Tag:
    """An image event's <img> (a <figure> holds one), else the event's element."""
    if event.kind == "image" and event.element.name != "img":
        return event.element.find("img") or event.element
    return event.element


def _standfirst(content: Sequence[Event], preheader: str) -> str:
    """A letter's subtitle set as its first line, under the title: the line the preview text repeats word for word."""
    first = next((event for event in content if event.kind in ("block", "heading")), None)
    if first is None or first.kind != "block" or not preheader or len(words(preheader)) > 30:
        return ""
    return text_of(first.element) if match_key(text_of(first.element)) == match_key(preheader) else ""


_SUBHEAD_WORDS = 4


def _subheads(sections: Sequence[Section]) -> bool:
    """Sections under lines set large or bold (no heading markup) that link nowhere and say a sentence
    or two each ("Our why", "Our promise" under a welcome): the sub-heads of one letter. A story
    stands on its own: it links out, or it is told."""
    if any(event.element.find("a", href=True) or event.element.name == "a" for section in sections for event in _section_events(section)):
        return False
    if any(section.heading is not None and len(words(text_of(section.heading.element))) > _SUBHEAD_WORDS for section in sections):
        return False  # "Church roof appeal reaches target": a headline, not a letter's sub-head ("Our why")
    told = [sum(len(words(text_of(event.element))) for event in section.parts if event.kind == "block") for section in sections]
    return sum(told) < 30 * len(told)


def _section_events(section: Section) -> list[Event]:
    return ([section.heading] if section.heading else []) + [event for event in section.parts if event.kind in ("block", "heading", "image")]


def _by_containers(containers: Sequence[Tag], dropped: list[Dropped]) -> list[Story]:
    """One story per container with a heading; a container labelled or headed as a sponsor's (or other chrome) is left out."""
    stories: list[Story] = []
    for container in containers:
        walked = settle_footers(list(walk(container)))
        events = [event for event in walked if event.kind not in ("chrome", "footer", "sponsor")]
        heading = next((event for event in events if event.kind == "heading"), None)
        if heading is None:
            continue
        for event in walked:  # what the story's block held that is not the story's: listed like any left out
            if event.kind in ("chrome", "footer"):
                dropped.append(Dropped("footer" if event.kind == "footer" else event.why, snippet(text_of(event.element)) or "(image)"))
        why = heading_reason(text_of(heading.element)) or ("sponsor" if any(event.kind == "sponsor" for event in walked) else "")
        if why:
            dropped.append(Dropped(why, snippet(text_of(heading.element))))
            continue
        stories.append(build_story(len(stories) + 1, text_of(heading.element), heading.element, [event for event in events if event is not heading]))
    return stories


def _selected(soup: BeautifulSoup, selector: str) -> list[Tag]:
    try:
        return list(soup.select(selector))
    except SelectorSyntaxError as exc:
        message = f'{selector!r} is not a CSS selector ({exc}); expected one such as "td.story"'
        raise MastheadError([Problem("masthead.toml", None, "newsletter.story_selector", message)]) from exc


def plan(
    page: str,
    subject: str,
    headers: Iterable[tuple[str, str]] = (),
    profile: str = "auto",
    selector: str = "",
    split: str = "stories",
    outlets: Mapping[str, tuple[str, ...]] | None = None,
) -> Layout:
    """The stories of one issue's HTML and what was left out, for the service ``profile`` (or the one detected)."""
    soup = parse(page)
    headers = list(headers)
    found = detect(headers, soup, profile)
    subject = without_name(clean_subject(subject, headers), _banner_names(soup))
    preheader = preview_text(soup)
    dropped: list[Dropped] = []
    strip_page(soup, dropped)  # a saved web page: the page around the issue (its site's own h1 too)
    title = _take(soup, found.title)
    subtitle = _take(soup, found.subtitle)
    mark_list_unsubscribe(soup, headers)
    _strip_chrome(soup, found, dropped)
    root = soup.body or soup
    _strip_repeated_images(root, dropped)
    if selector:
        return Layout(found, "stories", tuple(_by_containers(_selected(soup, selector), dropped)), tuple(dropped), preheader)
    blocks = [container for story_selector in found.stories for container in soup.select(story_selector)]
    covered = sum(len(words(text_of(block))) for block in blocks) * 10 >= len(words(text_of(root))) * 6  # the blocks hold the issue
    left_out: list[Dropped] = []
    if len(blocks) >= 2 and covered and len(stories := _by_containers(blocks, left_out)) >= 2:
        return Layout(found, "stories", tuple(stories), tuple(dropped + left_out), preheader)
    names = sender_names(headers)
    events = []
    for event in walk(root):
        if event.kind in ("heading", "image") and match_key(text_of(_picture(event))) in names:
            dropped.append(Dropped("header", snippet(text_of(_picture(event)))))  # the newsletter's name set as a heading, or its logo's alt
        else:
            events.append(event)
    events = closing_calls(settle_footers(events))
    masthead = _masthead_heading(events, preheader)
    if masthead is not None:  # the banner's name before the subject's headline is the newsletter's too
        subject = without_name(subject, {match_key(text_of(events[masthead].element))})
    wanted = (match_key(title), match_key(subject))
    headings = (index for index, event in enumerate(events) if event.kind == "heading" and match_key(text_of(event.element)) in wanted)
    title_heading = next(headings, None) if not title else None
    if title_heading is not None:
        title = text_of(events[title_heading].element)
    labels = _labels(events) | {index for index in (title_heading, masthead) if index is not None}
    labels -= _opening_subheadings(events, labels - {index for index in (title_heading, masthead) if index is not None})
    level = None if found.single or headed_article(events, labels) else _story_level(events, labels)
    if title_heading is not None and level is not None and titled_story(events, title_heading, labels, level):
        labels.discard(title_heading)  # the subject's headline heads the first story: it is kept, under that headline
        events[title_heading] = replace(events[title_heading], level=level)
        title_heading = None
    lead = lead_story(events, labels, level, {*names, *wanted, *_banner_names(soup)})
    if lead is not None and level is not None:  # the lead story's bigger heading starts a story like the others
        events[lead] = replace(events[lead], level=level)
    for index in section_stories(events, labels, level):  # a section's heading over links of its own, among labelled stories
        events[index] = replace(events[index], level=level or events[index].level)
    splitter = Splitter(level, False, labels, rules_split=level is not None)
    starts = [index for index, event in enumerate(events) if splitter.starts_story(index, event)]
    splitter.before = _images_before(events, starts)
    for index, event in enumerate(events):
        if index != title_heading:
            splitter.feed(index, event)
    splitter.finish()
    dropped += splitter.dropped
    kept = [section for section in splitter.sections if not section.reason]
    for section in splitter.sections:
        if section.reason:
            label = (
                text_of(section.heading.element) if section.heading else next((text_of(part.element) for part in section.parts if text_of(part.element)), "")
            )
            dropped.append(Dropped(section.reason, snippet(label)))
    intro_words = sum(len(words(text_of(event.element))) for event in splitter.intro if event.kind == "block")
    # one article with sections: a long opening before the first heading, and sections that mostly link nowhere
    essay = intro_words >= (40 if title else 80) and sum(map(linked, kept)) * 2 < len(kept)
    if level is None or essay or len(kept) <= 1 or (level == PSEUDO_LEVEL and _subheads(kept)):
        content = list(splitter.intro)
        for section in kept:
            content += ([section.heading] if section.heading else []) + section.parts
        banner = events[masthead] if masthead is not None and subject else None
        if banner is not None and any(event is banner for event in content):  # the banner names the newsletter, the subject the letter
            content = [event for event in content if event is not banner]
            dropped.append(Dropped("header", snippet(text_of(banner.element))))
        heading = next((event for event in content if event.kind == "heading"), None)
        leading = heading is not None and all(event.kind != "block" for event in content[: content.index(heading)])
        if not title and leading and heading is not None:
            title = text_of(heading.element)
            content.remove(heading)
        title = title or subject or (text_of(heading.element) if heading else "") or opening_words(content)
        subtitle = subtitle or _standfirst(content, preheader)
        content = [event for event in content if not (subtitle and event.kind == "block" and match_key(text_of(event.element)) == match_key(subtitle))]
        if is_roundup(content, 1):
            kind = "items" if split == "items" else "roundup"
            return Layout(found, kind, roundup_stories(title, subtitle or preheader, content, split == "items", outlets), tuple(dropped), preheader)
        story = build_story(1, title, heading.element if heading and leading else None, content, subtitle or preheader)
        return Layout(found, "single", (story,) if title else (), tuple(dropped), preheader)
    intro_text = " ".join(text_of(event.element) for event in splitter.intro if text_of(event.element))
    if intro_text:
        dropped.insert(0, Dropped("header", snippet(intro_text)))
    content = [event for section in kept for event in ([section.heading] if section.heading else []) + section.parts]
    listed = level == PSEUDO_LEVEL and sum(1 for section in kept if any(part.kind == "block" for part in section.parts)) * 2 < len(kept)
    if listed:  # "headings" that are headline links with nothing under them: a list of links set as paragraphs
        content = [Event("block", event.element) if event.kind == "heading" and event.why == "linked" else event for event in content]
    # the headings are sections of a list when each holds items of its own ("at least two per heading"), not when one
    # list after the stories makes up the count for stories of one cited paragraph each
    sectioned = listed or sum(item_count(section.parts) >= 2 for section in kept) * 2 >= len(kept)
    if sectioned and is_roundup(content, 1 if listed else len(kept)):
        dropped = [item for item in dropped if item.why != "header" or item.text != snippet(intro_text)]
        content = list(splitter.intro) + content  # a roundup's introduction is part of it
        kind = "items" if split == "items" else "roundup"
        heading_line = title or subject or opening_words(content)
        return Layout(found, kind, roundup_stories(heading_line, subtitle or preheader, content, split == "items", outlets), tuple(dropped), preheader)
    # a heading with nothing under it (a slogan over the next one) heads no story: its words stay with the next
    headed: list[tuple[Event, list[Event]]] = []
    carried: list[Event] = []
    for section in kept:
        if section.heading is None:
            continue
        if not any(part.kind in ("block", "image") for part in section.parts):
            carried.append(Event("block", section.heading.element))
            continue
        headed.append((section.heading, carried + section.parts))
        carried = []
    stories = [build_story(number, text_of(heading.element), heading.element, parts) for number, (heading, parts) in enumerate(headed, 1)]
    return Layout(found, "stories", tuple(stories), tuple(dropped), preheader)


def split_stories(page: str, selector: str = "") -> list[Story]:
    """The stories of an issue's HTML, in order (the generic profile, no subject)."""
    return list(plan(page, "", (), "generic", selector).stories)
