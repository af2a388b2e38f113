"""Every external link in a Markdown source file, with the exact bytes it occupies.

The scan reads the file itself rather than the rendered HTML so that ``--fix`` can replace a
URL's bytes and nothing else. It finds inline links and citations (``[text](url)``,
``[[Outlet](url)]``), autolinks (``<url>``), reference definitions (``[id]: url``) and bare
URLs; code blocks and code spans are skipped. Only http(s) URLs are reported, and protocol-relative
ones (``//host/…``) as the https address they open (``FoundLink.url``; ``written`` keeps the bytes).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..content.discover import discover
from .rules import web_url

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_INLINE = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*"
    r"(?:<(?P<angle>[^<>\n]*)>|(?P<plain>[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_AUTOLINK = re.compile(r"<(?P<angle>https?://[^<>\s]+)>", re.IGNORECASE)
_DEFINITION = re.compile(r"^ {0,3}\[(?P<text>[^\]\n]+)\]:[ \t]*(?:<(?P<angle>[^<>\n]+)>|(?P<plain>\S+))", re.MULTILINE)
_BARE = re.compile(r"(?<![\w/<(\"'=])https?://[^\s<>\"'`]+", re.IGNORECASE)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class FoundLink:
    source: str  # path relative to the site, "/" separators
    line: int
    column: int  # 1-based, in characters
    start: int  # byte offsets of the URL as written in the file
    end: int
    written: str  # the URL exactly as in the file
    url: str  # the URL it means (entities and backslash escapes decoded)
    text: str  # link text ("" for bare URLs and autolinks)
    citation: bool  # written as [[Outlet](url)]
    angle: bool  # written inside <…>, where spaces and parentheses are allowed


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + "".join(ch if ch in "\r\n" else " " for ch in text[start:end]) + text[end:]


def _masked(text: str) -> str:
    """``text`` with front matter, fenced code and code spans blanked out, offsets kept."""
    front = _FRONT_MATTER.match(text)
    if front:
        text = _blank(text, 0, front.end())
    fence: str | None = None
    position = 0
    for line in text.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            text = _blank(text, position, position + len(line))
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            text = _blank(text, position, position + len(line))
        position += len(line)
    for span in list(_CODE_SPAN.finditer(text)):
        text = _blank(text, span.start(), span.end())
    return text


def meaning(written: str) -> str:
    """The URL a Markdown destination means: backslash escapes and entities decoded."""
    return html.unescape(_ESCAPED.sub(r"\1", written))


def scan_text(text: str, source: str) -> list[FoundLink]:
    """Every http(s) link in a Markdown file's text, in file order."""
    masked = _masked(text)
    spans: list[tuple[int, int, str, bool, bool]] = []  # start, end, text, citation, angle (char offsets)
    taken: list[tuple[int, int]] = []
    for match in _INLINE.finditer(masked):
        group = "angle" if match.group("angle") is not None else "plain"
        start, end = match.span(group)
        citation = match.start() > 0 and masked[match.start() - 1] == "[" and masked[match.end() : match.end() + 1] == "]"
        spans.append((start, end, match.group("text"), citation, group == "angle"))
        taken.append(match.span())
    for pattern in (_AUTOLINK, _DEFINITION):
        for match in pattern.finditer(masked):
            if any(a <= match.start() < b for a, b in taken):
                continue
            group = "angle" if match.group("angle") is not None else "plain"
            label = match.group("text") if "text" in pattern.groupindex else ""
            spans.append((*match.span(group), label, False, group == "angle"))
            taken.append(match.span())
    for match in _BARE.finditer(masked):
        if any(a <= match.start() < b for a, b in taken):
            continue
        written = match.group().rstrip(".,;:!?*_~")
        while written.endswith(")") and written.count(")") > written.count("("):
            written = written[:-1]
        spans.append((match.start(), match.start() + len(written), "", False, False))
    found = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    byte_cursor, char_cursor = 0, 0
    line_index = 0
    for start, end, label, citation, angle in sorted(spans):
        written = text[start:end]
        url = web_url(meaning(written))
        if url is None:
            continue
        byte_cursor += len(text[char_cursor:start].encode("utf-8"))
        char_cursor = start
        while line_index + 1 < len(line_starts) and line_starts[line_index + 1] <= start:
            line_index += 1
        found.append(
            FoundLink(
                source=source,
                line=line_index + 1,
                column=start - line_starts[line_index] + 1,
                start=byte_cursor,
                end=byte_cursor + len(written.encode("utf-8")),
                written=written,
                url=url,
                text=" ".join(label.split()),
                citation=citation,
                angle=angle,
            )
        )
    return found


def scan_file(path: Path, source: str) -> list[FoundLink]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return []  # the build reports undecodable files; there are no links to read in them
    return scan_text(text, source)


def scan_site(config: Config) -> list[FoundLink]:
    """Every external link of every content file, drafts included, by file then position."""
    sources, _ = discover(config)
    found: list[FoundLink] = []
    for source in sources:
        found.extend(scan_file(source.path, source.relative))
    return found
