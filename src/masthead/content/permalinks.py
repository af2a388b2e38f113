"""An entry's URL: its explicit permalink, else its section's or the site's pattern, expanded.

Patterns use masthead's tokens (``config.PERMALINK_TOKENS``); ``masthead init`` translates the
origin's (Jekyll's ``:categories``/``:title``, Hugo's ``:section``/``:slug``, Pelican's
``{date:%Y}``) into them. An empty token leaves no double slash, as in Jekyll and Hugo, and an
index file with a ``.html`` pattern keeps its folder's URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..config import SECTIONS_SLICE
from .markdown import hugo_slug, hugo_term_slug, hugo_token_slug, jekyll_slug, kebab_case, pelican_slug, slugify

if TYPE_CHECKING:
    from ..config import Config
    from .entries import Entry

_TOKEN = re.compile(r"{([a-z_]+(?:\[[^\]{}]*\])?)}")
# English month names, as Hugo's :monthname, Jekyll's :long_month and Pelican's %B (C locale) write them:
# the URL does not depend on the machine's locale
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def hugo_urlize(config: Config, keep: str = "") -> Callable[[str], str]:
    """Hugo's path sanitizer as the site sets it: ``disablePathToLower``, ``removePathAccents`` (``[origin]``);
    ``keep``: the characters Hugo keeps that are dropped unless named (``/``, ``#``)."""
    return partial(hugo_slug, lower=not config.origin.disable_path_to_lower, remove_accents=config.origin.remove_path_accents, keep=keep)


def hugo_term_urlize(config: Config) -> Callable[[str], str]:
    """Hugo's path of a taxonomy term (``markdown.hugo_term_slug``), as the site sets its paths."""
    return partial(hugo_term_slug, lower=not config.origin.disable_path_to_lower, remove_accents=config.origin.remove_path_accents)


def hugo_token_urlize(config: Config, title: bool = False) -> Callable[[str], str]:
    """Hugo's urlize of a permalink token's value (a title when ``title``), as the site sets its paths."""
    return partial(hugo_token_slug, lower=not config.origin.disable_path_to_lower, remove_accents=config.origin.remove_path_accents, title=title)


def explicit(value: str, kind: str = "") -> str:
    """A front matter URL as a site path: leading slash, and a trailing one unless it names a file.

    Jekyll writes a permalink without either (``/talks/x``) as the file ``/talks/x.html``, which
    GitHub Pages serves at ``/talks/x`` too (``Page#destination`` adds the output extension)."""
    path = "/" + value.strip().lstrip("/")
    last = path.rsplit("/", 1)[-1]
    return path if path.endswith("/") or "." in last else path + (".html" if kind == "jekyll" else "/")


def _categories(categories: tuple[str, ...], config: Config) -> str:
    """Jekyll's ``:categories`` (each, lower case, "/"-separated); Pelican's ``{category}``, its category's slug."""
    if config.origin.kind == "pelican":
        return pelican_slug(categories[0]) if categories else ""
    return "/".join(quote(category.lower()) for category in categories)


def pattern_for(section: str, is_post: bool, config: Config) -> str:
    """The URL pattern of a post or page in ``section``: Hugo's ``[permalinks]`` name a section and apply
    to every page of it (Stack's ``page = "/:slug/"``); elsewhere they are the posts' only."""
    if is_post:
        return config.origin.permalinks.get(section, config.permalink)
    if config.origin.kind == "hugo" and section in config.origin.permalinks:
        return config.origin.permalinks[section]
    return config.page_permalink


def _sliced(token: str, sections: str) -> str:
    """``sections[1:]``, ``sections[last]``, ``sections[:last]``: those of the page's folders, as Hugo's
    ``:sections[…]`` picks them ("last" the last one's index; one index alone, that folder)."""
    found = SECTIONS_SLICE.fullmatch(token)
    if found is None:
        return ""
    parts = [part for part in sections.split("/") if part]
    first, colon, end = found.groups()

    def index(value: str | None, default: int) -> int:
        return default if value is None else len(parts) - 1 if value == "last" else int(value)

    if not colon:
        position = index(first, 0)
        return parts[position] if -len(parts) <= position < len(parts) else ""
    return "/".join(parts[index(first, 0) : index(end, len(parts))])


def date_values(local: datetime, cased: Callable[[str], str] = str, hugo: bool = False) -> dict[str, str]:
    """The date tokens of a permalink for the moment ``local`` (in the site's shown time): names through ``cased``
    (lower case on a Hugo site), Hugo's :year without padding (strconv.Itoa)."""
    return {
        "year": str(local.year) if hugo else f"{local.year:04d}",  # Hugo's strconv.Itoa(Year())
        "month": f"{local.month:02d}",
        "day": f"{local.day:02d}",
        "month_name": cased(_MONTHS[local.month - 1]),
        "month_short": _MONTHS[local.month - 1][:3],
        "short_year": f"{local.year % 100:02d}",
        "i_month": str(local.month),
        "i_day": str(local.day),
        "y_day": f"{local.timetuple().tm_yday:03d}",
        "yearday": str(local.timetuple().tm_yday),
        "week": f"{local.isocalendar().week:02d}",
        "w_year": str(local.isocalendar().year),
        "w_day": str(local.isoweekday()),
        "weekday": str(local.isoweekday() % 7),
        "day_name": cased(_DAYS[local.weekday()]),
        "day_short": _DAYS[local.weekday()][:3],
        "hour": f"{local.hour:02d}",
        "minute": f"{local.minute:02d}",
        "second": f"{local.second:02d}",
    }


def entry_url(entry: Entry, config: Config) -> str:
    place = entry.placement
    prefix = f"/{place.lang}" if place.lang and config.origin.languages and place.lang != config.origin.languages[0] else ""
    if place.home:
        return prefix + "/"
    if place.permalink and "{" not in place.permalink:
        return explicit(place.permalink, config.origin.kind)
    pattern = pattern_for(place.section, entry.is_post, config)
    if config.origin.kind == "hugo" and entry.source.rsplit("/", 1)[-1].split(".")[0] == "_index":
        pattern = config.page_permalink  # a nested section's page (docs/guide/_index.md): [permalinks.page] is for regular pages
    if place.permalink:  # a page's own pattern (Jekyll's /:categories/:title/)
        pattern, prefix = explicit(place.permalink, config.origin.kind), ""
    local = config.local(entry.date)
    # Hugo's whole path is lower-cased unless disablePathToLower: its :monthname and :weekdayname too
    cased: Callable[[str], str] = str.lower if config.origin.kind == "hugo" and not config.origin.disable_path_to_lower else str
    if config.origin.kind == "hugo" and not entry.dated:  # Hugo's zero time, 0001-01-01: an undated page of /:year/ is at /1/01/
        local = datetime(1, 1, 1, tzinfo=local.tzinfo)
    named = place.section_path or place.sections  # a Hugo section's slug names it in its pages' URLs
    section, sections = named.split("/")[0], named
    if config.origin.kind == "hugo":  # Hugo's paths are urlized: lower case (disablePathToLower = false), spaces as "-", "&" dropped
        urlize = hugo_urlize(config)
        section, sections = urlize(section) if section else "", "/".join(urlize(part) for part in sections.split("/")) if sections else ""
    gatsby = config.origin.kind == "gatsby"  # gatsby-node.js's `/${_.kebabCase(node.frontmatter.title)}`
    # Hugo's :title and :slug are urlized; Gatsby's slugs kebab-cased
    title_slug = hugo_token_urlize(config, title=True) if config.origin.kind == "hugo" else kebab_case if gatsby else slugify
    token_slug = hugo_token_urlize(config) if config.origin.kind == "hugo" else kebab_case if gatsby else str
    values = {
        "slug": entry.slug,
        "plain_slug": jekyll_slug(entry.slug, pretty=False, cased=False),
        "slug_or_title": token_slug(entry.slug) if "slug" in entry.key_lines or not entry.title else title_slug(entry.title),
        "title": title_slug(entry.title) if entry.title else entry.slug,
        "filename": hugo_token_urlize(config)(place.filename or entry.slug) if config.origin.kind == "hugo" else place.filename or entry.slug,
        "section": section,
        "sections": sections,
        "categories": _categories(place.categories, config),
        "slugified_categories": "/".join(jekyll_slug(category, pretty=False, cased=False) for category in place.categories),
        **date_values(local, cased, hugo=config.origin.kind == "hugo"),
    }
    url = re.sub(r"/{2,}", "/", _TOKEN.sub(lambda match: values.get(match.group(1)) or _sliced(match.group(1), sections), pattern))
    if url.endswith(".html") and entry.source.rsplit("/", 1)[-1].split(".")[0] == "index" and not entry.is_post and config.origin.kind != "hugo":
        url = url[: -len(".html")] + "/"
    return prefix + url
