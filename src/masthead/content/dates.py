"""Date text as each generator reads it: ISO 8601 for masthead, Go's layouts for Hugo, a lenient parser for Pelican and Jekyll.

Returns a datetime that is naive when the text names no offset, so the caller puts it in the site's time zone.
"""

from __future__ import annotations

import re
from datetime import datetime

# Jekyll writes "2024-01-05 10:15:00 +0100": a space before a zone without a colon
_SPACED_ZONE = re.compile(r"\s+([+-])(\d{2}):?(\d{2})$")

# The layouts Hugo tries, in its order (spf13/cast's timeFormats, read by Hugo's htime), as strptime formats.
# The second item is the position of a zone abbreviation ("MST") the layout carries: Hugo reads the clock and
# puts it in the site's time zone, so the word is dropped; None when the layout has none.
_GO_LAYOUTS: tuple[tuple[str, int | None], ...] = (
    ("%a, %d %b %Y %H:%M:%S %z", None),  # RFC1123Z  Mon, 02 Jan 2006 15:04:05 -0700
    ("%a, %d %b %Y %H:%M:%S", -1),  # RFC1123     Mon, 02 Jan 2006 15:04:05 MST
    ("%d %b %y %H:%M %z", None),  # RFC822Z       02 Jan 06 15:04 -0700
    ("%d %b %y %H:%M", -1),  # RFC822             02 Jan 06 15:04 MST
    ("%A, %d-%b-%y %H:%M:%S", -1),  # RFC850      Monday, 02-Jan-06 15:04:05 MST
    ("%Y-%m-%d %H:%M:%S %z", -1),  # Time.String  2006-01-02 15:04:05.999999999 -0700 MST (fraction cut below)
    ("%a %b %d %H:%M:%S %Y", None),  # ANSIC      Mon Jan _2 15:04:05 2006
    ("%a %b %d %H:%M:%S %Y", 4),  # UnixDate      Mon Jan _2 15:04:05 MST 2006
    ("%a %b %d %H:%M:%S %z %Y", None),  # RubyDate  Mon Jan 02 15:04:05 -0700 2006
    ("%d %b %Y", None),  # 02 Jan 2006
)
_ZONE_WORD = re.compile(r"[A-Z]{3,5}|GMT[+-]\d{1,2}")
# Go reads a fraction after the seconds in any layout
_FRACTION = re.compile(r"(\d{2}:\d{2}:\d{2})[.,](\d+)")


def parse(text: str, origin: str) -> datetime | None:
    """The moment ``text`` names, read as the site's generator reads it; None when it reads none."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(_SPACED_ZONE.sub(r"\1\2:\3", text))
    except (ValueError, OverflowError):
        pass
    if origin == "hugo":
        return _go(text)
    if origin in ("pelican", "jekyll"):
        return _lenient(text)
    return None


def _go(text: str) -> datetime | None:
    """``text`` in one of the layouts Hugo accepts besides RFC 3339."""
    fraction = _FRACTION.search(text)
    micro = int(fraction.group(2)[:6].ljust(6, "0")) if fraction else 0
    for layout, zone in _GO_LAYOUTS:
        words = _FRACTION.sub(r"\1", text).split()
        if zone is not None:
            if not -len(words) < zone < len(words) or not _ZONE_WORD.fullmatch(words[zone]):
                continue
            del words[zone]
        try:
            moment = datetime.strptime(" ".join(words), layout)
        except ValueError:
            continue
        return moment.replace(microsecond=micro)
    return None


def _lenient(text: str) -> datetime | None:
    """What Pelican reads dates with (dateutil: 2013-3-19 19:22, 2013/10/21), close to Jekyll's Ruby Time.parse."""
    from dateutil import parser

    try:
        moment: datetime = parser.parse(re.sub(" +", " ", text), default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return moment
