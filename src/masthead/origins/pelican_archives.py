"""Pelican's period archives at the paths its settings gave them (``[origin] period_archives``, written
by ``masthead init`` from ``YEAR_ARCHIVE_SAVE_AS = 'archives/{date:%Y}/index.html'`` and
``MONTH_ARCHIVE_SAVE_AS``): a page at each old address of a year or month with posts, sending readers
and search engines on to masthead's own archive page of that period (``/archive/2010/02/``).
"""

from __future__ import annotations

import calendar

from ..render.pages import archive_periods
from ..render.redirects import redirect_html
from ..site import Site


def _address(pattern: str, year: str, month: str) -> str:
    number = int(month) if month else 0
    names = {"{year}": year, "{short_year}": year[2:], "{month}": month}
    if number:
        names |= {"{month_name}": calendar.month_name[number], "{month_short}": calendar.month_abbr[number]}
    for token, value in names.items():
        pattern = pattern.replace(token, value)
    return pattern


def period_archives(site: Site) -> list[tuple[str, bytes]]:
    """(path in the output folder, bytes) of every period page of ``[origin] period_archives``."""
    config = site.config
    made: dict[str, bytes] = {}
    for period in archive_periods(site):
        year, _, month = period.url.removeprefix("/archive/").strip("/").partition("/")
        pattern = config.origin.period_archives.get("month" if month else "year")
        if pattern:
            address = _address(pattern, year, month)
            path = address.lstrip("/") + ("index.html" if address.endswith("/") else "")
            made[path] = redirect_html(config.absolute_url(period.url), config.language)
    return sorted(made.items())
