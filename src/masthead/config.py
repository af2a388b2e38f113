"""The site configuration, ``masthead.toml``: a typed, declarative schema.

Each key is declared once in ``OPTIONS`` with its type, default and documentation; loading checks
every key, collects every problem (unknown keys get a did-you-mean) and returns a frozen
``Config``. ``docs/config.md`` and the scaffold's commented file are written from the same table.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import MastheadError, Problem, did_you_mean

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
}

PERMALINK_TOKENS = ("slug", "year", "month", "day")


@dataclass(frozen=True)
class Person:
    name: str
    url: str = ""


@dataclass(frozen=True)
class Folders:
    content: str = "content"
    static: str = "static"
    templates: str = "templates"
    output: str = "public"
    cache: str = ".masthead-cache"


@dataclass(frozen=True)
class Cms:
    """Where Decap CMS (``masthead cms init``) keeps posts and uploads."""

    posts_folder: str = "blog"
    media_folder: str = "img"


@dataclass(frozen=True)
class Config:
    """Everything ``masthead.toml`` says, checked and with defaults filled in."""

    root: Path
    title: str
    base_url: str
    language: str
    timezone: str
    description: str
    permalink: str
    page_permalink: str
    page_size: int
    feed_size: int
    default_schema_type: str
    default_template: str
    post_templates: tuple[str, ...]
    default_image: str
    logo: str
    description_length: int
    unsafe_html: bool
    author: Person
    publisher: Person
    folders: Folders
    fields: Mapping[str, tuple[str, ...]]
    cms: Cms = field(default_factory=Cms)
    source_text: str = field(default="", repr=False, compare=False)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def folder(self, name: str) -> Path:
        return self.root / getattr(self.folders, name)

    def absolute_url(self, path: str) -> str:
        return self.base_url + path if path.startswith("/") else path


@dataclass(frozen=True)
class Option:
    key: str
    kind: type
    default: Any
    doc: str
    check: Callable[[Any], str | None] | None = None


def _url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "expected an absolute http(s) URL such as https://example.org"
    return None


def _timezone(value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return "expected an IANA time zone name such as UTC or Europe/Berlin"
    return None


def _permalink(value: str) -> str | None:
    if not (value.startswith("/") and value.endswith("/")):
        return 'expected a path that starts and ends with "/", such as "/blog/{slug}/"'
    tokens = re.findall(r"{([^}]*)}", value)
    unknown = [token for token in tokens if token not in PERMALINK_TOKENS]
    if unknown:
        return f"unknown token {{{unknown[0]}}}; expected only {{slug}}, {{year}}, {{month}}, {{day}}"
    if "slug" not in tokens:
        return "expected the {slug} token, so that every post gets its own URL"
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


def _schema_type(value: str) -> str | None:
    if value not in SCHEMA_TYPES:
        return f"expected one of {', '.join(SCHEMA_TYPES)}{did_you_mean(value, SCHEMA_TYPES)}"
    return None


OPTIONS: tuple[Option, ...] = (
    Option("title", str, "My Briefing", "The site's name, shown in the header and after every page title."),
    Option("base_url", str, "https://example.org", "Absolute URL the site is published at; used for canonical links, feeds and sitemaps.", _url),
    Option("language", str, "en", "Language of the content (BCP 47), for `<html lang>`, feeds and the news sitemap."),
    Option("timezone", str, "UTC", "IANA time zone for dates written without one, and for archive pages.", _timezone),
    Option("description", str, "", "One sentence about the site, for the home page and the feeds."),
    Option("permalink", str, "/blog/{slug}/", "URL pattern of posts; tokens {slug}, {year}, {month}, {day}.", _permalink),
    Option("page_permalink", str, "/{slug}/", "URL pattern of standalone pages (templateKey other than a post template).", _permalink),
    Option("page_size", int, 10, "Posts per page on the home page, archive and tag pages.", _positive),
    Option("feed_size", int, 20, "Newest posts in feed.xml, atom.xml and feed.json.", _positive),
    Option("default_schema_type", str, "BlogPosting", "schema.org type of a post's JSON-LD when it has no schemaType.", _schema_type),
    Option("default_template", str, "blog-post", "templateKey assumed for a file that has none (Hugo- and Jekyll-style posts)."),
    Option("post_templates", list, ["blog-post"], "templateKeys that make a file a dated post; any other key is a standalone page."),
    Option("default_image", str, "", "Image under static/ used for social previews of pages without a featured image.", _site_path),
    Option("logo", str, "", "Publisher logo under static/, for JSON-LD and the header.", _site_path),
    Option("description_length", int, 160, "Longest meta description derived from the body, cut on a word boundary.", _positive),
    Option("unsafe_html", bool, False, "Pass raw HTML in Markdown through. Off by default: raw HTML is dropped."),
)

TABLE_OPTIONS: dict[str, tuple[Option, ...]] = {
    "author": (
        Option("name", str, "", "Default author of posts without an author field."),
        Option("url", str, "", "Page about the default author."),
    ),
    "publisher": (
        Option("name", str, "", "Publishing organisation, for JSON-LD (defaults to the title)."),
        Option("url", str, "", "Publisher's home page (defaults to base_url)."),
    ),
    "folders": tuple(
        Option(name, str, getattr(Folders(), name), f"Folder for {purpose}, relative to the site.", _folder)
        for name, purpose in (
            ("content", "Markdown posts and pages"),
            ("static", "files copied as they are (images, admin)"),
            ("templates", "templates that override the theme's by name"),
            ("output", "the built site"),
            ("cache", "the build cache"),
        )
    ),
    "cms": (
        Option("posts_folder", str, Cms().posts_folder, "Folder under the content folder where Decap CMS creates posts.", _folder),
        Option("media_folder", str, Cms().media_folder, "Folder under the static folder where Decap CMS uploads images.", _folder),
    ),
}


def line_of(text: str, key: str, table: str | None = None) -> int | None:
    """The line where ``key`` is set in a TOML text (inside ``[table]`` if given)."""
    start = 0
    if table is not None:
        header = re.search(rf"^\s*\[{re.escape(table)}\]\s*$", text, re.MULTILINE)
        if header is None:
            return None
        start = header.end()
    match = re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _check_table(
    values: Mapping[str, Any], options: tuple[Option, ...], table: str | None, text: str, path: str
) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    known = {option.key: option for option in options}
    result = {option.key: option.default for option in options}
    prefix = f"{table}." if table else ""
    for key, value in values.items():
        if table is None and key in TABLE_OPTIONS or table is None and key == "fields":
            continue
        option = known.get(key)
        line = line_of(text, key, table)
        if option is None:
            hint = did_you_mean(key, known)
            problems.append(Problem(path, line, prefix + key, f"unknown key{hint}; expected one of {', '.join(known)}"))
            continue
        if not isinstance(value, option.kind) or (option.kind is int and isinstance(value, bool)):
            problems.append(Problem(path, line, prefix + key, f"{value!r} is a {_toml_type(value)}, expected a {_toml_type_name(option.kind)}"))
            continue
        if option.kind is list and not all(isinstance(item, str) and item for item in value):
            problems.append(Problem(path, line, prefix + key, "expected a list of non-empty strings"))
            continue
        message = option.check(value) if option.check else None
        if message:
            problems.append(Problem(path, line, prefix + key, f"{value!r}: {message}"))
            continue
        result[key] = value
    return result, problems


def _toml_type(value: Any) -> str:
    return _toml_type_name(type(value))


def _toml_type_name(kind: type) -> str:
    return {str: "string", int: "integer", bool: "boolean", list: "list", dict: "table", float: "number"}.get(kind, kind.__name__)


def _check_fields(raw: Any, text: str, path: str) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    fields = dict(DEFAULT_FIELDS)
    problems: list[Problem] = []
    if raw is None:
        return fields, problems
    if not isinstance(raw, dict):
        return fields, [Problem(path, line_of(text, "fields"), "fields", "expected a table [fields]")]
    for key, value in raw.items():
        line = line_of(text, key, "fields")
        if key not in DEFAULT_FIELDS:
            problems.append(Problem(path, line, f"fields.{key}", f"unknown field{did_you_mean(key, DEFAULT_FIELDS)}; expected one of {', '.join(DEFAULT_FIELDS)}"))
        elif isinstance(value, str):
            fields[key] = (value,)
        elif isinstance(value, list) and value and all(isinstance(item, str) and item for item in value):
            fields[key] = tuple(value)
        else:
            problems.append(Problem(path, line, f"fields.{key}", "expected a front matter key or a list of keys, such as [\"pageTitle\", \"title\"]"))
    return fields, problems


def load_config(site: Path) -> Config:
    """Read and check ``site/masthead.toml``; raise ``MastheadError`` listing every problem."""
    path = site / CONFIG_FILE
    shown = str(path)
    if not path.is_file():
        raise MastheadError([Problem(shown, None, None, f"no {CONFIG_FILE} here; expected a masthead site (create one with `masthead new {site}`)")])
    try:
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise MastheadError([Problem(shown, None, None, f"not UTF-8 text ({exc.reason}); expected a UTF-8 TOML file")]) from exc
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise MastheadError([Problem(shown, line, None, f"invalid TOML: {message}")]) from exc
    top, problems = _check_table(raw, OPTIONS, None, text, shown)
    tables: dict[str, dict[str, Any]] = {}
    for table, options in TABLE_OPTIONS.items():
        value = raw.get(table, {})
        if not isinstance(value, dict):
            problems.append(Problem(shown, line_of(text, table), table, f"expected a table [{table}]"))
            value = {}
        tables[table], found = _check_table(value, options, table, text, shown)
        problems += found
    fields, found = _check_fields(raw.get("fields"), text, shown)
    problems += found
    if problems:
        raise MastheadError(problems)
    base_url = top["base_url"].rstrip("/")
    publisher = tables["publisher"]
    return Config(
        root=site,
        title=top["title"],
        base_url=base_url,
        language=top["language"],
        timezone=top["timezone"],
        description=top["description"],
        permalink=top["permalink"],
        page_permalink=top["page_permalink"],
        page_size=top["page_size"],
        feed_size=top["feed_size"],
        default_schema_type=top["default_schema_type"],
        default_template=top["default_template"],
        post_templates=tuple(top["post_templates"]),
        default_image=top["default_image"],
        logo=top["logo"],
        description_length=top["description_length"],
        unsafe_html=top["unsafe_html"],
        author=Person(**tables["author"]),
        publisher=Person(publisher["name"] or top["title"], publisher["url"] or base_url),
        folders=Folders(**tables["folders"]),
        fields=fields,
        cms=Cms(**tables["cms"]),
        source_text=text,
    )


def options_reference() -> str:
    """Markdown table of every key, for docs/config.md."""
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for table, options in ((None, OPTIONS), *TABLE_OPTIONS.items()):
        for option in options:
            key = f"{table}.{option.key}" if table else option.key
            rows.append(f"| `{key}` | {_toml_type_name(option.kind)} | `{option.default!r}` | {option.doc} |")
    for name, keys in DEFAULT_FIELDS.items():
        rows.append(f"| `fields.{name}` | list | `{list(keys)!r}` | Front matter keys read as {name}, first present wins. |")
    return "\n".join(rows)
