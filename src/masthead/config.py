"""The site configuration, ``masthead.toml``: declared once, as typed sections.

Every key is a field of a frozen section dataclass that carries its default, type, check and
documentation (``schema.option``). ``load_config`` validates the file against those fields with
one generic loader (every problem at once, with its line and a did-you-mean) and returns a frozen
``Config``; ``docs/config.md`` and the scaffold's commented file are generated from the same fields.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, is_dataclass, replace
from dataclasses import fields as dataclass_fields
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import MastheadError, Problem, did_you_mean, unexpected
from .schema import CHECK, Loader, commented_lines, line_of, option, reference_rows

__all__ = ["CONFIG_FILE", "Config", "line_of", "load_config", "options_reference", "commented_config"]

CONFIG_FILE = "masthead.toml"

SCHEMA_TYPES = (
    "BlogPosting",
    "NewsArticle",
    "Article",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "Report",
    "WebPage",
)

# Canonical field -> front matter keys that may carry it, first match wins. The defaults read the
# seed's Decap keys, the Decap/Gatsby starter's and Hugo/Jekyll's without editing any file.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "template": ("templateKey", "template", "layout"),
    "schema_type": ("schemaType",),
    "title": ("pageTitle", "title"),
    "description": ("metaDescription", "description"),
    "teaser": ("teaser", "summary", "excerpt"),
    "published": ("published",),
    "draft": ("draft",),
    "date": ("date",),
    "updated": ("updated", "lastmod", "modified", "last_modified_at"),
    "image": ("featuredImage", "featuredimage", "image"),
    "slug": ("slug",),
    "tags": ("tags",),
    "author": ("author",),
    "featured": ("featuredpost", "featured"),
    "aliases": ("aliases", "redirect_from"),  # Hugo, Jekyll's jekyll-redirect-from
    "expiry": ("expiryDate", "expirydate", "expires"),
    "corrections": ("corrections",),  # [{date, text}]: shown at the top, dated (docs/newsroom.md)
    "updates": ("updates",),  # [{date, text}]: shown at the foot, dated
    "live": ("live",),  # true: a live blog (LiveBlogPosting)
    "live_updates": ("liveUpdates",),  # [{date, text, title?}]: its timestamped entries
    "live_end": ("liveEnd", "coverageEndTime"),  # when live coverage ends (open until then)
}

# {slug}: front matter slug, else the file name; {title}: the title as a slug; {filename}: the file
# (or bundle folder) name; {section}: its first folder under content/; {sections}: every folder;
# {categories}: its categories, lower case, "/"-separated; {slug_or_title}: the front matter slug, else
# the title as a slug (Hugo's :slug); {month_name}, {month_short}, {short_year}: January, Jan, 24 (English,
# as the generators write them by default). Empty tokens leave no double "/".
PERMALINK_TOKENS = (
    "slug",
    "year",
    "month",
    "day",
    "title",
    "filename",
    "section",
    "sections",
    "categories",
    "slugified_categories",  # each category as Jekyll's slugify makes it (spring-tides/harbour), "/"-separated
    "slug_or_title",
    "month_name",  # January (Hugo's :monthname, Jekyll's :long_month, Pelican's {date:%B})
    "month_short",  # Jan (Jekyll's :short_month, Pelican's {date:%b})
    "short_year",  # 24 (Jekyll's :short_year, Pelican's {date:%y})
    "plain_slug",  # my-post: the slug in lower case, other characters as "-" (Jekyll's :slug of My_Post.md)
    "i_month",  # 2: the month without a leading zero (Jekyll's :i_month)
    "i_day",  # 5 (Jekyll's :i_day)
    "y_day",  # 036: the day of the year, three digits (Jekyll's :y_day)
    "yearday",  # 36: the day of the year (Hugo's :yearday)
    "week",  # 05: the ISO week (Jekyll's :week)
    "w_year",  # 2024: the year of the ISO week (Jekyll's :w_year)
    "w_day",  # 1: the ISO day of the week, Monday 1 (Jekyll's :w_day)
    "weekday",  # 0: the day of the week, Sunday 0 (Hugo's :weekday)
    "day_name",  # Sunday (Jekyll's :long_day, Hugo's :weekdayname)
    "day_short",  # Sun (Jekyll's :short_day)
    "hour",  # 09 (Jekyll's :hour)
    "minute",  # 05 (Jekyll's :minute)
    "second",  # 00 (Jekyll's :second)
)
NAME_TOKENS = ("slug", "title", "filename", "slug_or_title", "plain_slug")
# {sections[1:]}, {sections[last]}, {sections[:last]}: some of the folders (Hugo's :sections[1:]), "last" the last one's index
SECTIONS_SLICE = re.compile(r"sections\[(-?\d+|last)?(?:(:)(-?\d+|last)?)?\]")
ORIGINS = ("", "hugo", "jekyll", "pelican", "eleventy", "gatsby")
IMAGE_FORMATS = ("avif", "webp")


# Checks: each returns what is wrong with a value, or None ----------------------------------------


def _url(value: str) -> str | None:
    try:
        parts = urlsplit(value)
    except ValueError as exc:  # "Invalid IPv6 URL"
        return f"is not a URL ({exc}); expected an absolute http(s) URL such as https://example.org"
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "expected an absolute http(s) URL such as https://example.org"
    return None


def _language(value: str) -> str | None:
    # BCP 47's shape (Jekyll's `lang: en_US` kept as written): it lands in <html lang>, feeds and JSON-LD
    if not re.fullmatch(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*", value):
        return "expected a language tag (BCP 47) such as en, de or pt-BR"
    return None


def _link(value: str) -> str | None:
    """Empty, a path on the site (``/about/``) or an absolute http(s) URL: never ``javascript:``."""
    if not value or (value.startswith("/") and not value.startswith("//")):
        return None
    return "expected an absolute http(s) URL such as https://example.org/about/, or a path on the site such as /about/" if _url(value) else None


def _timezone(value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return "expected an IANA time zone name such as UTC or Europe/Berlin"
    return None


def _page_path(value: str) -> str | None:
    tokens = re.findall(r"{[^}]*}", value)
    if value.startswith("/") or tokens not in (["{number}"], ["{index}"]) or value.count("{") != 1 or not value.endswith(("/", ".html")):
        return 'expected a path under the list\'s URL with {number} (or {index}, counted from 0) once, ending with "/" or ".html", such as "page/{number}/"'
    if any(part in ("", ".", "..") for part in value.rstrip("/").split("/")):
        return 'expected plain segments between the slashes (no "//", "." or "..")'
    return None


def _permalink(value: str) -> str | None:
    if not (value.startswith("/") and (value.endswith("/") or value.endswith(".html"))):
        return 'expected a path that starts with "/" and ends with "/" or ".html", such as "/blog/{slug}/"'
    tokens = re.findall(r"{([^}]*)}", value)
    unknown = [token for token in tokens if token not in PERMALINK_TOKENS and not SECTIONS_SLICE.fullmatch(token)]
    if unknown:
        return f"unknown token {{{unknown[0]}}}; expected only {', '.join('{' + token + '}' for token in PERMALINK_TOKENS)}"
    if not any(token in NAME_TOKENS for token in tokens):
        return "expected the {slug} token (or {title}, {filename}), so that every post gets its own URL"
    if any(part in ("", ".", "..") for part in value.strip("/").split("/")):
        return 'expected plain segments between the slashes (no "//", "." or ".."), so every page stays inside the output folder'
    return None


def _later_home_pages(value: str) -> str | None:
    """An Eleventy home's later pages: "" (page_path under /), else a path with {number} or {page}."""
    if not value:
        return None
    tokens = re.findall(r"{([^}]*)}", value)
    if not value.startswith("/") or not value.endswith(("/", ".html")) or not tokens or set(tokens) - {"number", "page"}:
        return 'expected "" or a path that starts with "/", has {number} or {page} and ends with "/" or ".html", such as "/{number}/"'
    if any(part in ("", ".", "..") for part in value.strip("/").split("/")):
        return 'expected plain segments between the slashes (no "//", "." or "..")'
    return None


def _term_permalink(value: str) -> str | None:
    """A tag's, category's or author's page: "" (none, or masthead's own), else a path with {slug}."""
    if not value:
        return None
    if not (value.startswith("/") and value.endswith(("/", ".html"))) or re.sub(r"{slug}", "", value).count("{") or "{slug}" not in value:
        return 'expected "" or a path that starts with "/", has {slug} and ends with "/" or ".html", such as "/tag/{slug}.html"'
    if any(part in ("", ".", "..") for part in value.strip("/").split("/")):
        return 'expected plain segments between the slashes (no "//", "." or "..")'
    return None


HUGO_LIST_KINDS = ("home", "section", "taxonomy", "term")


def _list_feed_kinds(value: tuple[str, ...]) -> str | None:
    wrong = [kind for kind in value if kind not in HUGO_LIST_KINDS]
    return f"unknown kind {wrong[0]!r}; expected some of {', '.join(HUGO_LIST_KINDS)}{did_you_mean(wrong[0], HUGO_LIST_KINDS)}" if wrong else None


def _language_folder_entry(entry: tuple[str, Any]) -> str | None:
    folder, lang = entry
    if not isinstance(lang, str) or not lang or "/" in folder:
        return 'expected a folder directly under the content folder and its language code, such as cn = "zh"'
    return None


def _disabled_lists(value: tuple[str, ...]) -> str | None:
    wrong = [kind for kind in value if kind not in ("section", "taxonomy", "term")]
    return f'unknown kind {wrong[0]!r}; expected "section", "taxonomy" or "term"' if wrong else None


def _origin_kind(value: str) -> str | None:
    return None if value in ORIGINS else f"expected one of {', '.join(repr(kind) for kind in ORIGINS)}{did_you_mean(value, ORIGINS)}"


def _permalink_entry(entry: tuple[str, Any]) -> str | None:
    _, pattern = entry
    return _permalink(pattern) if isinstance(pattern, str) else 'expected a URL pattern such as "/{year}/{month}/{title}/"'


INDEX_PAGES = ("tags", "categories", "authors", "archives")


def _list_url(url: Any) -> str | None:
    if not isinstance(url, str) or not url.startswith("/") or not url.endswith(("/", ".html")) or "{" in url:
        return 'expected a path that starts with "/" and ends with "/" or ".html", such as "/tags.html"'
    if any(part in ("", ".", "..") for part in url[1:].removesuffix("/").split("/")) and url != "/":  # "//x/" is another host
        return 'expected plain segments between the slashes (no "//", "." or "..")'
    return None


def _list_urls(value: list[Any]) -> str | None:
    wrong = next((url for url in value if _list_url(url)), None)
    return f"{str(wrong)[:80]!r}: {_list_url(wrong)}" if wrong is not None else None


def _section_list_entry(entry: tuple[str, Any]) -> str | None:
    return _list_url(entry[1])


def _term_permalink_entry(entry: tuple[str, Any]) -> str | None:
    return _term_permalink(entry[1]) if isinstance(entry[1], str) and entry[1] else 'expected a path with {slug}, such as "/topics/{slug}/"'


def _index_page_entry(entry: tuple[str, Any]) -> str | None:
    name, url = entry
    if name not in INDEX_PAGES:
        return f"unknown page {name!r}; expected one of {', '.join(INDEX_PAGES)}{did_you_mean(name, INDEX_PAGES)}"
    return _list_url(url)


PERIODS = ("year", "month")


def _period_entry(entry: tuple[str, Any]) -> str | None:
    name, url = entry
    if name not in PERIODS:
        return f"unknown period {name!r}; expected year or month{did_you_mean(name, PERIODS)}"
    if not isinstance(url, str) or not url.startswith("/") or not url.endswith(("/", ".html")) or "{year}" not in url:
        return 'expected a path with {year} that starts with "/" and ends with "/" or ".html", such as "/archives/{year}/"'
    if name == "month" and not any(token in url for token in ("{month}", "{month_short}", "{month_name}")):
        return "expected {month}, {month_short} or {month_name} in a month's path"
    return None


# Pelican's feed settings: the site's (FEED_*), then one feed per category, author and tag; FEED_ALL_JSON
# is a JSON Feed of every post, as an Eleventy site's feed/json.njk writes.
PELICAN_FEEDS: tuple[str, ...] = ("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ALL_JSON")
PELICAN_FEEDS += tuple(f"{kind}_FEED_{format}" for kind in ("CATEGORY", "AUTHOR", "TAG") for format in ("ATOM", "RSS"))
PELICAN_FEEDS += ("TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS")  # one per language: feeds/all-{lang}.atom.xml


def _feed_entry(entry: tuple[str, Any]) -> str | None:
    name, path = entry
    if name not in PELICAN_FEEDS:
        return f"unknown feed {name!r}; expected one of {', '.join(PELICAN_FEEDS)}{did_you_mean(name, PELICAN_FEEDS)}"
    token = "{lang}" if name.startswith("TRANSLATION_") else "" if name.startswith("FEED_") else "{slug}"
    suffix = ".json" if name.endswith("_JSON") else ".xml"
    if not isinstance(path, str) or path.startswith("/") or not path.endswith(suffix) or (((token or "{slug}") in path) != bool(token)):
        site_feed = f"feeds/all{'' if suffix == '.json' else '.atom'}{suffix}"
        shown = {"{slug}": "feeds/{slug}.atom.xml", "{lang}": "feeds/all-{lang}.atom.xml"}.get(token, site_feed)
        return f'expected a path under the output folder ending with "{suffix}"{f" with {token}" if token else ""}, such as "{shown}"'
    if (path.replace(token, "") if token else path).count("{") or any(part in ("", ".", "..") for part in path.split("/")):
        return f'expected plain segments between the slashes (no "//", "." or "..") and {f"no token but {token}" if token else "no token"}'
    return None


def _passthrough_entry(entry: tuple[str, Any]) -> str | None:
    source, target = entry
    for label, path in (("the copied path", source), ("its output path", target)):
        if not isinstance(path, str) or ".." in path.split("/") or (path.startswith("/") and path != "/") or ":" in path:
            return f'{label}: expected a path inside the site, relative and without "..", such as "content/img" = "img" ("/" for the root)'
    return None


def _layout_entry(entry: tuple[str, Any]) -> str | None:
    _, template = entry
    if not isinstance(template, str) or not re.match(r"^[a-z0-9][a-z0-9_-]*$", template):
        return 'expected a template name such as "blog-post"'
    return None


def _positive(value: int) -> str | None:
    return None if value >= 1 else "expected a whole number of at least 1"


def _site_path(value: str) -> str | None:
    if value and not value.startswith("/"):
        return 'expected a path under the static folder starting with "/", such as "/img/logo.png"'
    return None


def _folder(value: str) -> str | None:
    if not value or Path(value).is_absolute() or ".." in Path(value).parts:
        return "expected a folder name inside the site folder (no absolute path, no '..')"
    return None


def _widths(value: list[int]) -> str | None:
    if not value or not all(16 <= width <= 8192 for width in value):
        return "expected a list of image widths in pixels between 16 and 8192, such as [480, 960, 1600]"
    return None


def _image_formats(value: list[str]) -> str | None:
    unknown = [name for name in value if name not in IMAGE_FORMATS]
    if unknown:
        return f"unknown format {unknown[0]!r}; expected any of {', '.join(IMAGE_FORMATS)} (the original format is always kept)"
    return None


def _quality(value: int) -> str | None:
    return None if 1 <= value <= 100 else "expected a whole number from 1 to 100"


def _schema_type(value: str) -> str | None:
    if value not in SCHEMA_TYPES:
        return f"expected one of {', '.join(SCHEMA_TYPES)}{did_you_mean(value, SCHEMA_TYPES)}"
    return None


def _rewrite(value: str) -> str | None:
    return None if value in ("none", "resolved") else 'expected "none" or "resolved"'


def _smtp_security(value: str) -> str | None:
    return None if value in ("starttls", "tls", "none") else 'expected "starttls", "tls" or "none"'


def _subject(value: str) -> str | None:
    try:
        value.format(title="", count=0, briefings="", since="", until="")
    except (KeyError, IndexError, ValueError) as exc:
        return f"unknown placeholder {exc}; expected only {{title}}, {{count}}, {{briefings}}, {{since}} and {{until}}"
    return None


def _profile(value: str) -> str | None:
    from .newsletter.profiles import NAMES  # a plain list of records: no parser is loaded

    return None if value in NAMES else "expected " + ", ".join(f'"{name}"' for name in NAMES)


def _port(value: int) -> str | None:
    return None if 1 <= value <= 65535 else "expected a port number from 1 to 65535"


def _indexnow_key(value: str) -> str | None:
    if value and not re.fullmatch(r"[a-zA-Z0-9-]{8,128}", value):
        return "expected 8 to 128 letters, digits and dashes (IndexNow's key format), such as 4f8a2c9e1b7d4e6f"
    return None


def _optional_url(value: str) -> str | None:
    return _url(value) if value else None


def _unique_names(rows: list[dict[str, Any]]) -> str | None:
    names = [row.get("name") for row in rows]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    return f"two targets are named {duplicate!r}; expected each name once" if duplicate else None


def _urls(value: list[str]) -> str | None:
    wrong = next((url for url in value if _url(url)), None)
    return f"{wrong!r}: {_url(wrong)}" if wrong is not None else None


_AUTHOR_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _author_entry(entry: tuple[str, Any]) -> str | None:
    author_id, table = entry
    if not _AUTHOR_ID.match(author_id):
        return f"{author_id!r} is not an author id; expected lower-case letters, digits, '-' and '_', such as [authors.kim-min-jun] (it becomes /authors/<id>/)"
    if isinstance(table, dict) and not (isinstance(table.get("name"), str) and table["name"].strip()):
        return 'name: missing; expected the name shown in bylines, such as name = "Kim Min-jun"'
    return None


def _field_entry(entry: tuple[str, Any]) -> str | None:
    name, _ = entry
    if name not in DEFAULT_FIELDS:
        return f"unknown field{did_you_mean(name, DEFAULT_FIELDS)}; expected one of {', '.join(DEFAULT_FIELDS)}"
    return None


def _outlet_entry(entry: tuple[str, Any]) -> str | None:
    _, aliases = entry
    items = [aliases] if isinstance(aliases, str) else aliases
    if not isinstance(items, list) or not items or not all(isinstance(alias, str) and alias.strip() for alias in items):
        return 'expected a list of names and domains, such as "Associated Press" = ["AP", "apnews.com"]'
    return None


def _tag_entry(entry: tuple[str, Any]) -> str | None:
    _, name = entry
    if not isinstance(name, str) or not name.strip():
        return 'expected the name to show for this tag, such as north-korea = "North Korea"'
    return None


# The sections --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorProfile:
    """``[authors.<id>]``: a byline with a page of its own, /authors/<id>/ (docs/newsroom.md)."""

    name: str = option("", "The name shown in bylines and on the author page (required).")
    url: str = option("", "The author's own home page; listed in JSON-LD sameAs.", _optional_url)
    bio: str = option("", "A sentence or two about the author, shown on the author page and in cards.")
    image: str = option("", "Portrait under the static folder, such as /img/kim.jpg.", _site_path)
    sameAs: tuple[str, ...] = option((), "Profiles elsewhere (schema.org sameAs), such as the author's Mastodon or LinkedIn page.", _urls)  # schema.org's name


@dataclass(frozen=True)
class CorrectionsConfig:
    """``[corrections]``: the corrections policy."""

    require_note: bool = option(False, "Warn when a published post's body changed since the last build without a new correction or update.")


@dataclass(frozen=True)
class FollowConfig:
    """``[follow]``: feeds per tag, author and cited outlet, listed on /feeds/."""

    size: int = option(10, "Newest posts in each follow feed (per tag, author, outlet) and in the corrections feed.", _positive)
    tags: bool = option(True, "Feeds per tag, under /tags/<tag>/.")
    authors: bool = option(True, "Feeds per author, under /authors/<id>/.")
    outlets: bool = option(True, "Feeds per cited outlet, under /sources/<outlet>/.")


@dataclass(frozen=True)
class RelatedConfig:
    """``[related]``: related briefings under each post."""

    count: int = option(3, "Related briefings shown under a post (0 for none).", lambda value: None if value >= 0 else "expected 0 or more")


@dataclass(frozen=True)
class ReadingConfig:
    """``[reading]``: reading time."""

    words_per_minute: int = option(230, "Reading speed behind the reading time of posts and cards.", _positive)


@dataclass(frozen=True)
class Person:
    name: str = ""
    url: str = ""


@dataclass(frozen=True)
class Author(Person):
    name: str = option("", "Default author of posts without an author field.")
    url: str = option("", "Page about the default author: an absolute URL, or a path on the site such as /about/.", _link)


@dataclass(frozen=True)
class Publisher(Person):
    name: str = option("", "Publishing organisation, for JSON-LD (defaults to the title).")
    url: str = option("", "Publisher's home page (defaults to base_url).", _optional_url)


@dataclass(frozen=True)
class Folders:
    content: str = option("content", "Folder for Markdown posts and pages, relative to the site.", _folder)
    static: str = option("static", "Folder for files copied as they are (images, admin), relative to the site.", _folder)
    templates: str = option("templates", "Folder for templates that override the theme's by name, relative to the site.", _folder)
    output: str = option("public", "Folder for the built site, relative to the site.", _folder)
    cache: str = option(".masthead-cache", "Folder for the build cache, relative to the site.", _folder)


@dataclass(frozen=True)
class LinkRule:
    """A site's own tracking-link rule from ``[links] rules``: regular expressions, searched."""

    host: str  # matched against the whole host name, e.g. "(.+\\.)?click\\.example\\.com"
    path: str = ""  # searched in the path (and query), e.g. "^/r/"; empty matches every path
    name: str = "custom"  # the service name shown in reports

    @staticmethod
    def check(rule: Mapping[str, str]) -> str | None:
        for key in ("host", "path"):
            try:
                re.compile(rule.get(key, ""))
            except re.error as exc:
                return f"{key}: not a regular expression ({exc}); escape dots as \\."
        return None


@dataclass(frozen=True)
class LinksConfig:
    """``[links]``: link hygiene (see docs/links.md)."""

    rewrite: str = option("none", 'Publish tracking links as they are ("none") or as their resolved destinations from the link store ("resolved").', _rewrite)
    recheck_days: int = option(30, "Days an answer in the link store stays fresh before a link is asked again.", _positive)
    fail_on_tracking: bool = option(False, "Make `masthead check --links` fail on tracking links, not only on dead ones.")
    concurrency: int = option(8, "Links asked at the same time by `masthead links --resolve` (one at a time per host).", _positive)
    timeout: int = option(10, "Seconds to wait for one answer before retrying.", _positive)
    rules: tuple[LinkRule, ...] = option((), 'Extra tracking-link rules: [{ host = "regex", path = "regex", name = "service" }].')


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...] = option((480, 960, 1600), "Widths in pixels featured and body images are resized to (never enlarged).", _widths)
    formats: tuple[str, ...] = option(("avif", "webp"), "Modern formats encoded besides the original's: avif, webp.", _image_formats)
    quality: int = option(80, "Encoding quality of resized images, 1 to 100.", _quality)


@dataclass(frozen=True)
class Cms:
    """Where Decap CMS (``masthead cms init``) keeps posts and uploads."""

    posts_folder: str = option("blog", "Folder under the content folder where Decap CMS creates posts.", _folder)
    media_folder: str = option("img", "Folder under the static folder where Decap CMS uploads images.", _folder)


@dataclass(frozen=True)
class TopicImage:
    """``[newsletter] topic_images``: a featured image for imported stories that mention a topic."""

    topic: str  # a word or phrase, matched case-insensitively in the story's title and first paragraph
    image: str  # path under the static folder, such as "/img/seoul-skyline.jpg"

    @staticmethod
    def check(rule: Mapping[str, str]) -> str | None:
        message = _site_path(rule["image"])
        return f"image: {message}" if message else None


@dataclass(frozen=True)
class NewsletterConfig:
    """``[newsletter]``: importing issues and sending digests (see docs/newsletter.md).

    SMTP credentials are never read from here: only from MASTHEAD_SMTP_USER / MASTHEAD_SMTP_PASSWORD.
    """

    story_selector: str = option("", "CSS selector matching each story of an imported issue (empty: split at headings).")
    profile: str = option(
        "auto",
        'The mailing service imported issues come from: "auto" (detected from each message) or one of '
        "mailchimp, mailchimp-new, campaign-monitor, substack, beehiiv, hubspot, convertkit, buttondown, ghost, "
        "mailerlite, brevo, klaviyo, constant-contact, generic.",
        _profile,
    )
    topic_images: tuple[TopicImage, ...] = option((), 'Featured images for stories without one: [{ topic = "Korea", image = "/img/seoul-skyline.jpg" }].')
    digest_folder: str = option("digests", "Folder, relative to the site, where `masthead digest` writes issues.", _folder)
    digest_days: int = option(7, "Days a digest covers when there is no --since and no digest was sent yet.", _positive)
    subject: str = option(
        "{title}: {briefings}, {since} to {until}", 'Digest subject; placeholders {title}, {count}, {briefings} ("3 briefings"), {since}, {until}.', _subject
    )
    sender: str = option("", 'From address of digests, such as "The Briefing Room <news@example.org>".')
    recipients: tuple[str, ...] = option((), "Addresses `masthead digest --send` delivers to (a list address or a few people).")
    smtp_host: str = option("localhost", "SMTP server for `--send`; the login comes from MASTHEAD_SMTP_USER and MASTHEAD_SMTP_PASSWORD.")
    smtp_port: int = option(587, "SMTP port (587 for STARTTLS, 465 for TLS).", _port)
    smtp_security: str = option("starttls", 'How the SMTP connection is secured: "starttls", "tls" or "none".', _smtp_security)


@dataclass(frozen=True)
class DeployTarget:
    """``[[deploy.targets]]``: an S3-compatible bucket (credentials from the AWS variables or profile)."""

    name: str
    bucket: str
    endpoint: str = ""  # empty: AWS S3; else e.g. https://<account>.r2.cloudflarestorage.com
    prefix: str = ""  # a folder inside the bucket, such as "site/"
    region: str = ""
    profile: str = ""  # a profile of ~/.aws/config; empty: the environment's credentials
    cloudfront_distribution: str = ""  # invalidate the changed paths in this distribution

    @staticmethod
    def check(row: Mapping[str, str]) -> str | None:
        message = _url(row["endpoint"]) if row.get("endpoint") else None
        return f"endpoint: {message}" if message else None


@dataclass(frozen=True)
class Matcher:
    """``[[deploy.matchers]]``: headers for output paths matching a glob (``*`` also crosses "/")."""

    pattern: str
    cache_control: str = ""
    content_encoding: str = ""  # "gzip" or "br": upload the file compressed that way
    content_type: str = ""  # empty: by extension

    @staticmethod
    def check(row: Mapping[str, str]) -> str | None:
        encoding = row.get("content_encoding", "")
        if encoding not in ("", "gzip", "br"):
            return f'content_encoding {encoding!r}: expected "gzip", "br" or nothing'
        broken = next((key for key, value in row.items() if any(ord(character) < 32 for character in value)), None)
        return f"{broken}: expected one line (it becomes an HTTP header)" if broken else None


DEFAULT_MATCHERS = (  # first match wins; the site's own [[deploy.matchers]] come before these
    Matcher("_images/*", "public, max-age=31536000, immutable"),  # names carry a content hash
    Matcher("pagefind/*/fragment/*", "public, max-age=31536000, immutable"),  # one folder per date bucket
    Matcher("pagefind/*/index/*", "public, max-age=31536000, immutable"),
    Matcher("pagefind/*/filter/*", "public, max-age=31536000, immutable"),
    Matcher("*.html", "public, max-age=300, must-revalidate"),
    Matcher("*", "public, max-age=3600"),
)


@dataclass(frozen=True)
class DeployConfig:
    """``[deploy]``: publishing the output folder (see docs/deploy.md)."""

    targets: tuple[DeployTarget, ...] = option(
        (), "S3-compatible buckets: [{ name, bucket, endpoint, prefix, region, profile, cloudfront_distribution }].", _unique_names
    )
    matchers: tuple[Matcher, ...] = option(
        (), 'Headers by output path, before the defaults: [{ pattern = "*.css", cache_control = "…", content_encoding = "gzip" }].'
    )
    max_deletes: int = option(256, "Most remote files one deploy may delete; more is an error.", _positive)
    concurrency: int = option(8, "Files uploaded at the same time (a wave finishes before the next starts).", _positive)
    invalidation_limit: int = option(1000, "Most CloudFront paths one invalidation lists before they are grouped into folder wildcards.", _positive)
    host_files: bool = option(False, "Write _redirects and _headers for Netlify and Cloudflare Pages (redirect pages are always written).")
    redirects: tuple[str, ...] = option((), 'Extra _redirects rules, such as ["/old/* /blog/:splat 301"].')
    indexnow_key: str = option("", "IndexNow key: writes <key>.txt and, after a deploy, submits the changed URLs.", _indexnow_key)
    indexnow_endpoint: str = option("https://api.indexnow.org/indexnow", "Where IndexNow submissions go.", _url)
    websub_hub: str = option("", "WebSub hub: linked from the feeds and pinged after a deploy that changed one.", _optional_url)

    @property
    def all_matchers(self) -> tuple[Matcher, ...]:
        return (*self.matchers, *DEFAULT_MATCHERS)


@dataclass(frozen=True)
class Origin:
    """``[origin]``: the generator a site comes from (``masthead init`` writes it), read as it is (docs/migrating.md)."""

    kind: str = option(
        "",
        'The generator the site comes from: "hugo", "jekyll", "pelican", "eleventy", "gatsby" (written by `masthead init`; "" for a masthead site).',
        _origin_kind,
    )
    config_file: str = option("", "Its own config file, read for `site.*` (Liquid) and `param` (Hugo shortcodes).")
    post_sections: tuple[str, ...] = option((), "Folders under the content folder whose pages are dated posts (Hugo, Eleventy).")
    page_template: str = option("about-page", "Template for pages whose layout or templateKey has no template of its own (with a warning).")
    languages: tuple[str, ...] = option((), 'A multilingual site\'s languages, the default first, such as ["en", "fr"]: the others live under /fr/.')
    language_folders: Mapping[str, str] = option(
        MappingProxyType({}),
        'A language\'s content folder when it is not named after the language (Hugo\'s languages.zh.contentDir = "content/cn"): cn = "zh".',
        _language_folder_entry,
    )
    permalinks: Mapping[str, str] = option(
        MappingProxyType({}), 'URL pattern of the posts of a section (Hugo: of every page of it), such as posts = "/{year}/{month}/{title}/".', _permalink_entry
    )
    section_lists: Mapping[str, str] = option(
        MappingProxyType({}), "The URL of a section's list page, Hugo's [permalinks.section], such as posts = \"/articles/\".", _section_list_entry
    )
    term_permalinks: Mapping[str, str] = option(
        MappingProxyType({}),
        'The URL of a term\'s page by taxonomy, Hugo\'s [permalinks.term] (or [permalinks] tags = "/topics/:slug/"), such as tags = "/topics/{slug}/".',
        _term_permalink_entry,
    )
    taxonomy_lists: Mapping[str, str] = option(
        MappingProxyType({}), "The URL of a taxonomy's list of terms, Hugo's [permalinks.taxonomy], such as tags = \"/topics/\".", _section_list_entry
    )
    layouts: Mapping[str, str] = option(MappingProxyType({}), 'Its layout names mapped to masthead templates, such as post = "blog-post".', _layout_entry)
    tag_permalink: str = option("", 'URL of a tag\'s page with {slug}, such as Pelican\'s "/tag/{slug}.html" ("": masthead\'s /tags/<slug>/).', _term_permalink)
    data_tags: bool = option(
        False,
        "Eleventy: a post's tags include those of its directory data files (posts/posts.json: tags: [posts]), merged as Eleventy's "
        "data cascade merges lists; set when a template paginates collections into tag pages.",
    )
    not_tags: tuple[str, ...] = option(
        (), 'Collections that are not tags: the filter of Eleventy\'s tag-page pagination, such as ["all", "posts"]; no post is tagged with them.'
    )
    data_pages: tuple[str, ...] = option(
        (),
        'Eleventy templates that paginate global data one item a page, such as ["projects/project.njk"] (pagination: {data: projects, '
        "size: 1, alias: project}), under the content folder: each is written once per item of the data, rendered over that item.",
    )
    not_found_urls: tuple[str, ...] = option(
        (),
        "Where the generator also wrote the site's 404 page, such as [\"/404/\"] (Jekyll's 404.html without a permalink under a pretty "
        "permalink, Eleventy's 404.md, Gatsby's src/pages/404.js): masthead's 404 page is written there too, beside /404.html.",
        _list_urls,
    )
    category_permalink: str = option("", 'URL of a page per category with {slug}, such as Pelican\'s "/category/{slug}.html" ("": none).', _term_permalink)
    author_permalink: str = option("", 'URL of a page per author with {slug}, such as Pelican\'s "/author/{slug}.html" ("": none).', _term_permalink)
    index_pages: Mapping[str, str] = option(
        MappingProxyType({}),
        'Pages listing every tag, category, author or post, such as Pelican\'s tags = "/tags.html" (also categories, authors, archives).',
        _index_page_entry,
    )
    feeds: Mapping[str, str] = option(
        MappingProxyType({}),
        'Pelican\'s feeds kept at their paths, such as FEED_ALL_ATOM = "feeds/all.atom.xml", CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml".',
        _feed_entry,
    )
    passthrough: Mapping[str, str] = option(
        MappingProxyType({}),
        "Eleventy's addPassthroughCopy beside a static folder of its own: each path (from the site's folder; a glob such as \"content/**/*.jpg\" "
        'allowed) published under the output path given, as "content/img" = "img" ("/" the root); also Hugo\'s other staticDir folders and static mounts.',
        _passthrough_entry,
    )
    period_archives: Mapping[str, str] = option(
        MappingProxyType({}),
        'Old addresses of the archive of a year and a month, such as Pelican\'s year = "/archives/{year}/", month = "/archives/{year}/{month}/": '
        "pages there send readers on to /archive/2024/ and /archive/2024/05/.",
        _period_entry,
    )
    default_category: str = option("", 'Category of a post that names none and has no folder of its own (Pelican\'s DEFAULT_CATEGORY, "misc").')
    folder_category: bool = option(True, "A Pelican post that names no category takes its folder's name (USE_FOLDER_AS_CATEGORY).")
    future: bool = option(False, "Publish posts dated in the future now, as Jekyll's future: true does (masthead's own sites schedule them).")
    optional_front_matter: bool = option(
        False,
        "GitHub Pages' Jekyll (jekyll-optional-front-matter, jekyll-readme-index): a Markdown file without front matter is a page, "
        "a README the index of its folder; README, LICENSE, CONTRIBUTING and their kin are not pages.",
    )
    filename_date: str = option(
        "",
        'Hugo\'s [frontmatter] date with ":filename": a file (or bundle folder) named 2024-05-02-slug is dated May 2nd and its slug is the rest; '
        '"first" when the file name comes before the front matter\'s date in that list, "last" when after.',
        lambda value: None if value in ("", "first", "last") else 'expected "first", "last" or "" (none)',
    )
    name_prefix: str = option(
        "",
        'The separator of a Gatsby starter\'s "PREFIX--slug" file and folder names (gatsby-starter-hero-blog\'s, -personal-blog\'s "--"): '
        "the part before it dates a post (2017-10-09), the part after it is the slug.",
    )
    not_pages: tuple[str, ...] = option(
        (),
        "Folders of the content folder whose Markdown files are parts of pages, not pages (gatsby-starter-hero-blog's parts/, which its "
        "gatsby-node.js gives no slug).",
    )
    ugly_urls: bool = option(False, "Hugo's uglyURLs: the list pages of sections and taxonomy terms are files (/posts.html, /categories/x.html), not folders.")
    taxonomies: tuple[str, ...] = option(
        ("categories", "series"),
        'Hugo taxonomies other than tags with list pages (/categories/x/), by front matter key, such as ["categories", "author"].',
    )
    list_feeds: tuple[str, ...] = option(
        (),
        'Hugo\'s RSS index.xml of each list page (/index.xml, /posts/index.xml, /tags/x/index.xml) of the kinds "home", "section", "taxonomy", "term".',
        _list_feed_kinds,
    )
    disabled_lists: tuple[str, ...] = option(
        (),
        'Hugo\'s disableKinds for lists: "section" (no /posts/ list), "taxonomy" (no /tags/, /categories/ lists), "term" (no /tags/x/ pages; '
        "Pelican's TAG_SAVE_AS = '' too).",
        _disabled_lists,
    )
    disable_path_to_lower: bool = option(False, "Hugo's disablePathToLower: a page's, section's and term's URL keeps its capitals (/posts/My-Trip/).")
    remove_path_accents: bool = option(False, "Hugo's removePathAccents: accents are taken off the letters of URLs (content/posts/hügó.md is /posts/hugo/).")
    home_pages: str = option(
        "",
        "Eleventy's home paginating posts (index.njk with pagination): the URL of its later pages, {number} being pagination.pageNumber "
        '(1 on the second page) and {page} that plus one, such as Eleventy\'s default "/{number}/" ("": page_path under /).',
        _later_home_pages,
    )
    home_oldest_first: bool = option(False, "The home lists the oldest posts first, as an Eleventy home paginating a collection without reverse: true.")
    home_json: bool = option(False, "Hugo's JSON output of the home page: /index.json, the search index of themes such as PaperMod and LoveIt.")
    raw_html: bool = option(
        False,
        "Keep raw HTML in Markdown, as the generator does, made safe: scripts, styles, event handlers and forms are removed, frames become links.",
    )


@dataclass(frozen=True)
class Config:
    """Everything ``masthead.toml`` says, checked and with defaults filled in."""

    root: Path
    title: str = option("My Briefing", "The site's name, shown in the header and after every page title.")
    base_url: str = option("https://example.org", "Absolute URL the site is published at; used for canonical links, feeds and sitemaps.", _url)
    language: str = option("en", "Language of the content (BCP 47), for `<html lang>`, feeds and the news sitemap.", _language)
    timezone: str = option("UTC", "IANA time zone for dates written without one, and for archive pages.", _timezone)
    description: str = option("", "One sentence about the site, for the home page and the feeds.")
    permalink: str = option(
        "/blog/{slug}/",
        "URL pattern of posts; tokens " + ", ".join("{" + token + "}" for token in PERMALINK_TOKENS) + "; ends with / or .html.",
        _permalink,
    )
    page_permalink: str = option("/{slug}/", "URL pattern of standalone pages (templateKey other than a post template).", _permalink)
    page_size: int = option(10, "Posts per page on the home page, archive and tag pages.", _positive)
    page_path: str = option(
        "page/{number}/",
        'Where a list\'s later pages go, under its URL: Jekyll\'s paginate_path /page:num/ is "page{number}/", Pelican\'s "index{number}.html"; '
        '{index} counts from 0 (gatsby-starter-lumen\'s second page is "page/{index}/": /page/1/).',
        _page_path,
    )
    feed_size: int = option(20, "Newest posts in feed.xml, atom.xml and feed.json.", _positive)
    default_schema_type: str = option("BlogPosting", "schema.org type of a post's JSON-LD when it has no schemaType.", _schema_type)
    default_template: str = option("blog-post", "templateKey assumed for a file that has none (Hugo- and Jekyll-style posts).")
    post_templates: tuple[str, ...] = option(("blog-post",), "templateKeys that make a file a dated post; any other key is a standalone page.")
    default_image: str = option(
        "", "Image under static/ used for social previews of pages without a featured image (empty: a 1200×630 card of the title is drawn).", _site_path
    )
    logo: str = option(
        "", "Publisher logo under static/, for JSON-LD and the header (empty: a wordmark of the publisher's name is drawn for JSON-LD).", _site_path
    )
    description_length: int = option(160, "Longest meta description derived from the body, cut on a word boundary.", _positive)
    unsafe_html: bool = option(False, "Pass raw HTML in Markdown through. Off by default: raw HTML is dropped.")
    search: bool = option(True, "Index posts with Pagefind and add the search page and header search box.")
    author: Author = option(Author(), "The default byline.")
    publisher: Publisher = option(Publisher(), "The publisher named in JSON-LD.")
    folders: Folders = option(Folders(), "Where the site's files are.")
    links: LinksConfig = option(LinksConfig(), "Link hygiene: tracking links, dead links, rewriting.")
    images: ImageSettings = option(ImageSettings(), "Responsive image variants.")
    newsletter: NewsletterConfig = option(NewsletterConfig(), "Newsletter import and digests.")
    cms: Cms = option(Cms(), "Decap CMS folders.")
    deploy: DeployConfig = option(DeployConfig(), "Deploying, redirects and search-engine pings.")
    origin: Origin = option(Origin(), "The generator an adopted site comes from (`masthead init`).")
    authors: Mapping[str, AuthorProfile] = option(
        MappingProxyType({}), "Authors by id: `[authors.kim]` with name, url, bio, image, sameAs; posts name them in `author`/`authors`.", _author_entry
    )
    corrections: CorrectionsConfig = option(CorrectionsConfig(), "Corrections and updates.")
    follow: FollowConfig = option(FollowConfig(), "Follow feeds.")
    related: RelatedConfig = option(RelatedConfig(), "Related briefings.")
    reading: ReadingConfig = option(ReadingConfig(), "Reading time.")
    fields: Mapping[str, tuple[str, ...]] = option(
        MappingProxyType(DEFAULT_FIELDS),
        "Front matter keys read as this field, first present wins; the defaults read Decap, Gatsby-starter and Hugo/Jekyll posts as they are.",
        _field_entry,
    )
    outlets: Mapping[str, tuple[str, ...]] = option(
        MappingProxyType({}), 'Names and domains that mean an outlet, such as `"Associated Press" = ["AP", "apnews.com"]`.', _outlet_entry
    )
    tags: Mapping[str, tuple[str, ...]] = option(
        MappingProxyType({}),
        'The name shown for a tag (by its slug), such as `eu = "EU"`; without one, a tag written as a slug is humanised: "north-korea" shows as "North Korea".',
        _tag_entry,
    )
    source_text: str = field(default="", repr=False, compare=False)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, moment: datetime) -> datetime:
        """``moment`` as the site shows it, in dates, archives and date URLs: in the site's time zone; on a Hugo
        site in the offset it was written with (Hugo formats 2024-03-01T00:30:00+01:00 as March 1st, whatever
        ``timeZone`` says; a date written without one is in ``timeZone`` already)."""
        return moment if self.origin.kind == "hugo" else moment.astimezone(self.tz)

    def folder(self, name: str) -> Path:
        folder: str = getattr(self.folders, name)
        return self.root / folder

    def absolute_url(self, path: str) -> str:
        """The site path as an absolute URI: letters outside ASCII (a CJK slug) and spaces percent-encoded,
        as feeds, sitemaps and JSON-LD require (RFC 3986); escapes already there are kept."""
        if not path.startswith("/"):
            return path
        return self.base_url + (path if path.isascii() and " " not in path else quote(path, safe="/:?#[]@!$&'()*+,;=%~"))

    @property
    def shown_files(self) -> frozenset[str]:
        """Every file under the static folder the config names (the default image, the logo, each
        author's portrait…): the values of the keys checked as site paths, found from the schema."""
        return frozenset(_site_paths(self))


def _site_paths(value: Any) -> Iterator[str]:
    if is_dataclass(value) and not isinstance(value, type):
        for item in dataclass_fields(value):
            found = getattr(value, item.name)
            if item.metadata.get(CHECK) is _site_path:
                yield from [found] if isinstance(found, str) and found else []
            else:
                yield from _site_paths(found)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _site_paths(item)
    elif isinstance(value, tuple):
        for item in value:
            yield from _site_paths(item)


def _read(path: Path, shown: str) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise MastheadError([Problem(shown, None, None, f"not UTF-8 text ({exc.reason}); expected a UTF-8 TOML file")]) from exc
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise MastheadError([Problem(shown, line, None, f"invalid TOML: {message}")]) from exc


def site_folder(site: Path) -> Path:
    """The folder of the site SITE names: SITE itself, or the folder its ``masthead.toml`` names with
    ``site = "…"`` and no other setting, as ``masthead init`` writes at the top of a repository that keeps
    its site in a folder (one-click-hugo-cms's ``site/``). A pointer that leads nowhere is left to
    ``load_config``, which names it."""
    try:
        raw = tomllib.loads((site / CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return site
    return _pointed(site, raw) or site


def _pointed(site: Path, raw: Mapping[str, Any]) -> Path | None:
    value = raw.get("site")
    if set(raw) != {"site"} or not isinstance(value, str) or not value.strip():
        return None
    try:
        folder = Path(os.path.normpath(site / value))
        top, inner = site.resolve(), folder.resolve()
        if inner == top or not inner.is_relative_to(top) or not (inner / CONFIG_FILE).is_file():
            return None
    except (OSError, ValueError):  # a name the system refuses (too long, a NUL byte): load_config names it
        return None
    return folder


def load_config(site: Path) -> Config:
    """Read and check ``site/masthead.toml``; raise ``MastheadError`` listing every problem."""
    path = site / CONFIG_FILE
    shown = CONFIG_FILE  # problems name paths relative to the site; the CLI adds the site folder
    if not path.is_file():
        inside = sorted(found.parent.name for found in site.glob(f"*/{CONFIG_FILE}") if found.is_file())
        hint = f"; {inside[0]}/{CONFIG_FILE} is one: give that folder ({site / inside[0]})" if inside else f" (create one with `masthead new {site}`)"
        raise MastheadError([Problem(shown, None, None, f"no {CONFIG_FILE} here; expected a masthead site{hint}")])
    text, raw = _read(path, shown)
    if "site" in raw:  # a pointer to the site in a folder (site_folder): here only when it leads nowhere
        message = (
            f"{repr(raw['site'])[:80]} is not a folder inside this one with a {CONFIG_FILE} of its own"
            if set(raw) == {"site"}
            else "is only a pointer to a site in a folder, and the settings beside it are never read"
        )
        raise MastheadError([Problem(shown, line_of(text, "site"), "site", f'{message}; expected `site = "<folder>"` alone, such as site = "site"')])
    loader = Loader(text, shown)
    try:
        values = loader.section(Config, raw)
    except Exception as exc:  # noqa: BLE001 - the boundary around the config file: any failure is its problem
        raise MastheadError([*loader.problems, unexpected(shown, exc, "checked")]) from exc
    if loader.problems:
        raise MastheadError(loader.problems)
    config = Config(root=site, source_text=text, **values)
    base_url = config.base_url.rstrip("/")
    config = replace(
        config,
        base_url=base_url,
        publisher=Publisher(config.publisher.name or config.title, config.publisher.url or base_url),
        images=replace(config.images, widths=tuple(sorted(set(config.images.widths))), formats=tuple(dict.fromkeys(config.images.formats))),
        fields=MappingProxyType({**DEFAULT_FIELDS, **config.fields}),
    )
    from .ownership import folder_problems  # (imports this module)

    overlapping = folder_problems(config)
    if overlapping:
        raise MastheadError(overlapping)
    return config


def options_reference() -> str:
    """Markdown table of every key, for docs/config.md."""
    return "\n".join(["| key | type | default | meaning |", "|---|---|---|---|", *reference_rows(Config)])


def commented_config(values: Mapping[str, Any]) -> str:
    """A masthead.toml documenting every key: ``values`` are set, the rest commented out at their defaults."""
    lines = ["# masthead site configuration. Uncomment a key to change it; see docs/config.md.", ""]
    return "\n".join([*lines, *commented_lines(Config, values)]) + "\n"
