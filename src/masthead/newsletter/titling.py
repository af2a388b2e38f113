"""What an issue says about itself, apart from its stories: the subject, the sender's name, the
preview text and, for a letter with neither subject nor heading, its opening words. layout.py
reads the stories; these give a letter its title and teaser and tell a masthead from a headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from email.utils import parseaddr

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from ..links.rules import classify
from .chrome import block_reason, words
from .markup import parse
from .stories import HEADINGS, Event, hidden, text_of

_FILLER = re.compile(r"[\u034f\u200b\u200c\u200d\u00ad\u2007\ufeff\u00a0]+")
# Forward and reply prefixes as mail clients write them: Fwd/FW (en), WG/AW (de), TR (fr), I/R (Outlook in
# Italian), Doorst (nl), RV (es), ENC (pt), Re
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:fwd?|fw|wg|tr|rv|re|aw|i|doorst|enc)\s*:\s*)+", re.IGNORECASE)


def match_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def clean_subject(subject: str, headers: Iterable[tuple[str, str]] = ()) -> str:
    """The subject without "Fwd:"/"Re:" prefixes, the "[list-name]" tag a mailing list that relayed it
    added, nor the newsletter's name before it (the sender's or the list's: ``without_name``)."""
    subject = " ".join(_SUBJECT_PREFIX.sub("", subject).split())
    list_id = " ".join(value for name, value in headers if name.lower() == "list-id").lower()
    tag = re.match(r"^\[([^\]]{1,60})\]\s*", subject)
    if tag and list_id and match_key(tag.group(1)).replace(" ", "-") in re.sub(r"[^\w]+", "-", list_id):
        subject = subject[tag.end() :]
    subject = " ".join(_SUBJECT_PREFIX.sub("", subject).split())
    return without_name(subject, sender_names(headers) | list_names(headers))


_NAME_SEPARATOR = re.compile(r"\s*(?::|\||\s[-\u2013\u2014])\s+")


# An issue's number as subjects carry it: "Issue #42", "#42", "No. 42", "Vol. 3, No. 12", "Edition 7", "Ep. 12"
_NUMBER = r"(?:(?:issue|edition|no\.?|number|vol\.?|volume|ep\.?|episode)\s*#?\s*|#\s*)\d+[a-z]?"
_ISSUE_NUMBER = re.compile(rf"^{_NUMBER}(?:\s*,\s*{_NUMBER})*$", re.IGNORECASE)
_NAMED_NUMBER = re.compile(rf"\s*(?:{_NUMBER}|\d+)$", re.IGNORECASE)  # "The Harbour Letter #42", "Harbour Letter 42"
_BRACKETED = re.compile(r"^\s*[\[(]([^\])]{1,60})[\])]\s*|\s*[\[(]([^\])]{1,60})[\])]\s*$")


def _masthead_part(part: str, names: set[str]) -> bool:
    """A part of the subject that names the issue, not its news: the newsletter's name (perhaps with the
    issue's number after it) or the issue's number alone."""
    part = part.strip()
    bare = {name.removeprefix("the ") for name in names}  # "Harbour Letter" names "The Harbour Letter" too
    return bool(_ISSUE_NUMBER.match(part)) or any(match_key(text).removeprefix("the ") in bare for text in (part, _NAMED_NUMBER.sub("", part)))


def without_name(subject: str, names: Iterable[str]) -> str:
    """The subject without what names the issue rather than its news: the newsletter's name (one of
    ``names``, match keys) or the issue's number, before the first or after the last colon, bar or
    spaced dash, or in brackets at either end: "The Harbour Letter: Ferry fares rise", "Issue #42:
    Ferry fares rise", "Ferry fares rise | The Harbour Letter", "Ferry fares rise (Issue 42)" are all
    "Ferry fares rise". Any other colon is the headline's own ("Q&A: the harbour master")."""
    known = set(names)
    title = subject
    for _ in range(2):  # "[Harbour Letter] Ferry fares rise (Issue 42)": one at each end
        bracket = _BRACKETED.search(title)
        if bracket is not None and _masthead_part(bracket.group(1) or bracket.group(2) or "", known):
            title = (title[: bracket.start()] + " " + title[bracket.end() :]).strip()
    found = _NAME_SEPARATOR.search(title)
    if found is not None and _masthead_part(title[: found.start()], known) and words(title[found.end() :]):
        title = title[found.end() :].strip()
    last = list(_NAME_SEPARATOR.finditer(title))
    if last and _masthead_part(title[last[-1].end() :], known) and words(title[: last[-1].start()]):
        title = title[: last[-1].start()].strip()
    if not words(title):
        return subject
    return title[:1].upper() + title[1:] if title != subject else subject


def list_names(headers: Iterable[tuple[str, str]]) -> set[str]:
    """The list's name as its ``List-Id`` header gives it before the id ("The Harbour Letter <harbour.example>")."""
    names = {match_key(value.split("<", 1)[0].strip().strip('"')) for name, value in headers if name.lower() == "list-id" and "<" in value}
    return {name for name in names if len(name) >= 3}


def sender_names(headers: Iterable[tuple[str, str]]) -> set[str]:
    """The sender's display name and its parts ("Ana from The Ledger"): a heading saying one is the masthead, not a headline."""
    names: set[str] = set()
    for name, value in headers:
        if name.lower() != "from":
            continue
        display = parseaddr(value)[0].strip()
        names |= {match_key(display), *(match_key(part) for part in re.split(r"\s+(?:from|at|von|de)\s+", display, flags=re.IGNORECASE))}
    return {name for name in names if len(name.split()) >= 1 and len(name) >= 3}


def hidden_before_text(soup: BeautifulSoup) -> list[Tag]:
    """Hidden elements ahead of the first text a reader sees: where templates put the preview text.

    A hidden block further down is something else (beehiiv repeats its referral block hidden, for
    Outlook), never the preview.
    """
    found: list[Tag] = []
    skip: Tag | None = None
    for node in (soup.body or soup).descendants:
        if skip is not None and skip in node.parents:
            continue
        if isinstance(node, Tag) and hidden(node):
            skip = node
            if node.name not in ("style", "head", "title", "script"):
                found.append(node)
        elif type(node) is NavigableString and _FILLER.sub("", node).strip():
            break
    return found


def preview_text(soup: BeautifulSoup) -> str:
    candidates = soup.select('[class*="preheader"], [id*="preheader"], [class*="preview"], [class*="Preview"]') + hidden_before_text(soup)
    for element in candidates:
        if element.find(list(HEADINGS)):
            continue  # a section of the issue, not its preview text
        copy = parse(str(element))
        root = copy.body.find() if copy.body else None
        for anchor in copy.find_all("a"):
            if anchor.parent is None:
                continue  # inside a line removed already
            line = anchor.find_parent(["p", "div", "td", "span"])
            if line is not None and line is not root and len(words(text_of(line))) <= 12 and block_reason(line) in ("header", "footer", "footer words"):
                line.decompose()  # "No images? Click here" beside the preview text, words and link
            elif block_reason(anchor) in ("header", "footer", "footer words") or _kind(anchor) in ("web version", "unsubscribe"):
                anchor.decompose()  # "View online" beside the preview text
        text = " ".join(_FILLER.sub(" ", copy.get_text(" ")).split())
        if len(words(text)) >= 3:
            return text
    return ""


def _kind(anchor: Tag) -> str:
    found = classify(str(anchor.get("href", "")))
    return found.kind if found is not None else ""


def opening_words(content: Sequence[Event]) -> str:
    """A title for a letter with no subject and no heading: its first sentence, at most twelve words."""
    text = next((text_of(event.element) for event in content if event.kind == "block" and text_of(event.element)), "")
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    found = sentence.split()
    return " ".join(found[:12]).rstrip(".,;:") + ("…" if len(found) > 12 else "")
