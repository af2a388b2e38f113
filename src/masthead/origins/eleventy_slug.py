"""Eleventy's ``slugify`` filter: @sindresorhus/slugify with ``decamelize: false``.

It transliterates first (``&`` is " and ", ``♥`` " love ", ``ß`` "ss", accents dropped), lower-cases,
joins ``don't``-style contractions (``don't`` -> ``dont``), then makes every run of characters other
than ASCII letters and digits one hyphen, none at either end: "Hello, World & More" is
``hello-world-and-more``, "Café Crème" ``cafe-creme``, "Über" ``ueber``. Letters with no Latin spelling in the map
(CJK, Cyrillic) are dropped, as the JavaScript does for any script it has no table for.
"""

from __future__ import annotations

import re
import unicodedata

# @sindresorhus/slugify's own replacements, then those of @sindresorhus/transliterate for Latin letters
# that no accent-stripping spells in ASCII
_REPLACEMENTS = {"&": " and ", "🦄": " unicorn ", "♥": " love "}
_LETTERS = str.maketrans(
    {
        "ä": "ae",
        "Ä": "AE",
        "ö": "oe",
        "Ö": "OE",
        "ü": "ue",
        "Ü": "UE",
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
    }
)

_CONTRACTION = re.compile(r"([a-z\d]+)'([ts])(\s|$)")


def eleventy_slugify(text: str) -> str:
    """The slug Eleventy's ``| slugify`` makes of ``text``."""
    text = unicodedata.normalize("NFC", text)
    for written, spoken in _REPLACEMENTS.items():
        text = text.replace(written, spoken)
    text = text.translate(_LETTERS)
    text = "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))
    text = _CONTRACTION.sub(r"\1\2\3", text.lower())
    return re.sub(r"[^a-z\d]+", "-", text).strip("-")
