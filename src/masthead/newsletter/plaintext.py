"""A plain-text issue as the HTML the rest of the import reads.

Services write their text alternative in a Markdown-like shape (Mailchimp: ``** Heading`` over a
line of dashes; Substack and Kit: ``# Heading``), and a mailing list that strips the HTML part
(Mailman's MimeDel) leaves only that. So: blank lines separate blocks; a line over a line of only
``-`` or ``=`` is a heading (setext), as is a ``#`` line; ``* `` and ``- `` lines are a list; a
line of only dashes or underscores is a rule; a line made only of URLs is a block of its own (a
row of links: the follow icons' text); bare URLs become links.
"""

from __future__ import annotations

import html
import re
import unicodedata

_BARE_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_UNDERLINE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")
_RULE = re.compile(r"^\s*(?:[-_*]\s*){3,}$")
_ATX = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*[*-]\s+(.+)$")
_MARKERS = re.compile(r"^\s*\*\*\s*|\s*\*\*\s*$")


# Mailchimp's text version writes a link as its words, then the address in parentheses: "Read the full
# story (https://…)", "You can ** update your preferences (https://…)" (``**`` opens the words mid-line).
_LABELLED = re.compile(r"(?:^|\*\*\s*)(?P<label>[^()*\n]*?[^\W_][^()*\n]*?)\s+\((?P<url>https?://[^\s()<>]+)\)")


def linked(part: str) -> str:
    """Escaped text with its links: words followed by their address in parentheses link by those words,
    bare URLs by themselves, so a plain-text issue keeps its "Read more" links and its outlets."""
    pieces, last = [], 0
    for found in _LABELLED.finditer(part):
        url = found.group("url")
        pieces += [_bare_links(part[last : found.start()]), f'<a href="{html.escape(url)}">{html.escape(found.group("label").strip())}</a>']
        last = found.end()
    return "".join(pieces) + _bare_links(part[last:])


def _bare_links(part: str) -> str:
    pieces, last = [], 0
    for found in _BARE_URL.finditer(part):
        url = found.group(0).rstrip(".,;:")
        pieces += [html.escape(part[last : found.start()]), f'<a href="{html.escape(url)}">{html.escape(url)}</a>']
        last = found.start() + len(url)
    return "".join(pieces) + html.escape(part[last:])


def _only_urls(line: str) -> bool:
    return bool(_BARE_URL.search(line)) and not _BARE_URL.sub("", line).strip()


def _block(lines: list[str]) -> str:
    """One blank-line-separated block: headings, lists, rules and paragraphs (lines joined by <br>)."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append("<p>" + "<br>".join(linked(line.strip()) for line in paragraph) + "</p>")
            paragraph.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{linked(item)}</li>" for item in items) + "</ul>")
            items.clear()

    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _UNDERLINE.match(following) and line.strip() and not _UNDERLINE.match(line):
            flush()
            level = 1 if following.strip().startswith("=") else 2
            out.append(f"<h{level}>{html.escape(_MARKERS.sub('', line).strip())}</h{level}>")
        elif _UNDERLINE.match(line) and index > 0 and lines[index - 1].strip() and not _RULE.match(lines[index - 1]):
            continue  # the underline of the heading above
        elif _RULE.match(line):
            flush()
            out.append("<hr>")
        elif atx := _ATX.match(line):
            flush()
            out.append(f"<h{len(atx.group(1))}>{html.escape(atx.group(2))}</h{len(atx.group(1))}>")
        elif item := _ITEM.match(line):
            if paragraph:
                flush()
            items.append(item.group(1).strip())
        elif _only_urls(line) or _LABELLED.fullmatch(line.strip()):
            flush()
            out.append(f"<p>{linked(line.strip())}</p>")
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return "".join(out)


def text_to_html(text: str) -> str:
    """A plain-text issue as HTML blocks, in order."""
    blocks = [part.strip("\n") for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()]
    return "".join(_block(block.split("\n")) for block in blocks)


def _space_was_added(line: str) -> bool:
    """With ``delsp=yes`` the sender added the space before a soft break: after a word of a script written
    without spaces (Japanese, Chinese), or beside the word's own space. Senders that declare ``delsp=yes``
    but break at the space between two words (one space, letters either side) keep it: "I wanted", not "Iwanted"."""
    before = line[-2:-1]
    return before in ("", " ") or unicodedata.east_asian_width(before) in ("W", "F")


def unflowed(text: str, delete_space: bool = False) -> str:
    """``text/plain; format=flowed`` (RFC 3676) as the paragraphs it was written as: a line ending in a
    space continues on the next line of the same quote depth (the space the sender added dropped too when ``delsp=yes``);
    the signature separator "-- " and a line without that space end a paragraph; a space put before a
    line (space-stuffing) comes off."""
    out: list[str] = []
    open_line: str | None = None  # the paragraph being joined, with its quote marks
    depth = -1
    for raw in text.replace("\r\n", "\n").split("\n"):
        quotes = len(raw) - len(raw.lstrip(">"))
        line = raw[quotes:]
        line = line[1:] if line.startswith(" ") else line  # space-stuffed
        soft = line.endswith(" ") and line != "-- "
        if open_line is not None and quotes == depth:
            open_line += line
        else:
            if open_line is not None:
                out.append(open_line)
            open_line = ">" * quotes + (" " if quotes and line else "") + line
            depth = quotes
        if soft:
            if delete_space and _space_was_added(open_line):
                open_line = open_line[:-1]
        else:
            out.append(open_line)
            open_line, depth = None, -1
    if open_line is not None:
        out.append(open_line)
    return "\n".join(out)
