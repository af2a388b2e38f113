"""A BibTeX file read as jekyll-scholar reads it: ``@string`` macros, entries with their fields, the
LaTeX of names and titles turned into text (``Zieli{\\'n}ski`` is Zieliński, ``211--229`` an en dash).

Only what a plain list of references needs; a file that is not BibTeX gives no entries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..filestamp import file_stamp

_ENTRY = re.compile(r"@\s*(\w+)\s*[{(]")
_FIELD = re.compile(r"\s*([\w:.+-]+)\s*=\s*")
# LaTeX accents (\'n, \"o, \c{c}) as Unicode combining marks
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
}
_LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å", "i": "ı", "&": "&", "%": "%", "_": "_", "$": "$"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class BibEntry:
    """One reference: its type (``article``), cite key and fields by lower-case name, as text."""

    kind: str
    key: str
    fields: Mapping[str, str]

    @property
    def year(self) -> str:
        return self.fields.get("year", "")

    def authors(self) -> list[str]:
        """Its authors (or editors) as written, one name each: "Kowalczyk, Marta"."""
        names = self.fields.get("author") or self.fields.get("editor") or ""
        return [name.strip() for name in re.split(r"\s+and\s+", names) if name.strip()]


def _braced(text: str, start: int) -> tuple[str, int]:
    """The text inside the braces opening at ``start`` and the offset after them."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index], index + 1
    return text[start + 1 :], len(text)


def _value(text: str, position: int, strings: Mapping[str, str]) -> tuple[str, int]:
    """A field's value: ``{…}``, ``"…"``, a number or a macro, joined by ``#``."""
    parts = []
    while position < len(text):
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            break
        char = text[position]
        if char == "{":
            part, position = _braced(text, position)
        elif char == '"':
            end = position + 1
            depth = 0
            while end < len(text) and not (text[end] == '"' and depth == 0):
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                end += 1
            part, position = text[position + 1 : end], end + 1
        else:
            found = re.match(r"[\w:.+-]+", text[position:])
            word = found.group(0) if found else ""
            position += max(len(word), 1)
            part = strings.get(word.lower(), word)
        parts.append(part)
        rest = text[position:].lstrip()
        if not rest.startswith("#"):
            break
        position = len(text) - len(rest) + 1
    return "".join(parts), position


def latex_text(value: str) -> str:
    """LaTeX in a field as the text it prints: accents composed, braces and commands dropped, ``--`` a dash."""

    def accent(match: re.Match[str]) -> str:
        mark, letter = match.group(1), match.group(2) or match.group(3) or ""
        return unicodedata.normalize("NFC", letter.replace("\\i", "i") + _ACCENTS[mark]) if letter else ""

    text = re.sub(r"\\([`'^\"~=.uvHck])\s*(?:{\s*(\\?\w)\s*}|(\w))", accent, value)
    text = re.sub(r"\\(ss|ae|AE|aa|AA|[oOlLi&%_$])(?![a-zA-Z])\s?", lambda match: _LETTERS[match.group(1)], text)
    text = re.sub(r"\\(?:emph|textit|textbf|textsc|mathrm|text)\s*", "", text)
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("~", "\u00a0")
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def parse(text: str) -> tuple[BibEntry, ...]:
    """Every entry of a BibTeX text, in the file's order; ``@string`` macros applied, ``@comment`` and
    ``@preamble`` left out (jekyll-scholar's own front matter, ``---`` lines, too)."""
    strings = {month: month.capitalize() for month in _MONTHS}
    entries = []
    for match in _ENTRY.finditer(text):
        kind = match.group(1).lower()
        if kind in ("comment", "preamble"):
            continue
        body, _ = _braced(text, match.end() - 1) if text[match.end() - 1] == "{" else (text[match.end() : text.find(")", match.end())], 0)
        if kind == "string":
            found = _FIELD.match(body)
            if found:
                strings[found.group(1).lower()] = _value(body, found.end(), strings)[0]
            continue
        key, _, rest = body.partition(",")
        fields: dict[str, str] = {}
        position = 0
        while True:
            found = _FIELD.match(rest, position)
            if found is None:
                break
            value, position = _value(rest, found.end(), strings)
            fields[found.group(1).lower()] = latex_text(value)
            comma = rest.find(",", position)
            if comma < 0:
                break
            position = comma + 1
        if key.strip():
            entries.append(BibEntry(kind, key.strip(), fields))
    return tuple(entries)


@lru_cache(maxsize=16)
def _read(path: str, stamp: tuple[int, int]) -> tuple[BibEntry, ...]:
    try:
        return parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ()


def read(path: Path) -> tuple[BibEntry, ...] | None:
    """The entries of the BibTeX file at ``path``; None when there is no such file."""
    try:
        stamp = file_stamp(path)
    except OSError:
        return None
    return _read(str(path), stamp)
