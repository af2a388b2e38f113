"""Pelican's lists at the paths its settings gave them, where masthead's own stand elsewhere: a page at
each old address sending readers and search engines on to masthead's.

The period archives (``[origin] period_archives``, written by ``masthead init`` from
``YEAR_ARCHIVE_SAVE_AS = 'archives/{date:%Y}/index.html'`` and ``MONTH_ARCHIVE_SAVE_AS``) lead to
masthead's archive page of that period (``/archive/2010/02/``). With ``INDEX_SAVE_AS = 'blog/index.html'``
the posts are listed on the home page; the index's later pages Pelican writes by ``PAGINATION_PATTERNS``
(``blog/index2.html`` by default, ``blog/page/2/`` with ``{base_name}/page/{number}/``) lead to the
home's (``/index2.html``); ``/blog/`` itself is ``[deploy] redirects``' (``origins/pelican.py``).
"""

from __future__ import annotations

import calendar

from ..render.pages import archive_periods, listing_pages
from ..render.redirects import moved_page
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
            made[path] = moved_page(config, path, period.url)
    return sorted(made.items())


def _later_index(save_as: str, number: int, later: str) -> str:
    """Where Pelican writes page ``number`` of the index saved at ``save_as`` (``blog/index.html``)."""
    name = save_as[: -len(".html")] if save_as.endswith(".html") else save_as
    if later == "index{number}.html":  # {name}{number}{extension}
        return f"{name}{number}.html"
    base = name[: -len("/index")] if name.endswith("/index") else name  # {base_name}
    path = f"{base}/{later.replace('{number}', str(number))}"
    return path + "index.html" if path.endswith("/") else path


def moved_index_pages(site: Site) -> list[tuple[str, bytes]]:
    """(path in the output folder, bytes) of a page at each later page of Pelican's moved index."""
    from .data import pelican_settings
    from .pelican import later_pages

    config = site.config
    settings = pelican_settings(config)
    save_as = str(settings.get("INDEX_SAVE_AS") or "index.html").strip("/")
    if save_as == "index.html":
        return []
    later = later_pages(settings, [])
    made = {}
    for page in listing_pages(site):
        pagination = page.listing.pagination
        if page.listing.kind == "home" and pagination.number > 1:
            path = _later_index(save_as, pagination.number, later)
            made[path] = moved_page(config, path, page.url)
    return sorted(made.items())
