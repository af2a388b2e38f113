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
class LinkRule:
    """A site's own tracking-link rule from ``[links] rules``: regular expressions, searched."""

    host: str  # matched against the whole host name, e.g. "(.+\\.)?click\\.example\\.com"
    path: str = ""  # searched in the path (and query), e.g. "^/r/"; empty matches every path
    name: str = "custom"  # the service name shown in reports


@dataclass(frozen=True)
class LinksConfig:
    """``[links]``: link hygiene (see docs/links.md)."""

    rewrite: str = "none"  # "none" or "resolved"
    recheck_days: int = 30
    fail_on_tracking: bool = False
    concurrency: int = 8
    timeout: int = 10
    rules: tuple[LinkRule, ...] = ()


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = ("avif", "webp")
    quality: int = 80


IMAGE_FORMATS = ("avif", "webp")


@dataclass(frozen=True)
class Cms:
    """Where Decap CMS (``masthead cms init``) keeps posts and uploads."""

    posts_folder: str = "blog"
    media_folder: str = "img"


@dataclass(frozen=True)
class TopicImage:
    """``[newsletter] topic_images``: a featured image for imported stories that mention a topic."""

    topic: str  # a word or phrase, matched case-insensitively in the story's title and first paragraph
    image: str  # path under the static folder, such as "/img/seoul-skyline.jpg"


@dataclass(frozen=True)
class NewsletterConfig:
    """``[newsletter]``: importing issues and sending digests (see docs/newsletter.md).

    SMTP credentials are never read from here: only from MASTHEAD_SMTP_USER / MASTHEAD_SMTP_PASSWORD.
    """

    story_selector: str = ""  # CSS selector of one story's container; empty: split by headings
    topic_images: tuple[TopicImage, ...] = ()
    digest_folder: str = "digests"
    digest_days: int = 7
    subject: str = "{title}: {briefings}, {since} to {until}"
    sender: str = ""
    recipients: tuple[str, ...] = ()
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_security: str = "starttls"  # "starttls", "tls" or "none"


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
    search: bool = True
    images: ImageSettings = field(default_factory=ImageSettings)
    cms: Cms = field(default_factory=Cms)
    source_text: str = field(default="", repr=False, compare=False)
    links: LinksConfig = field(default_factory=LinksConfig)
    outlets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # outlet -> aliases
    newsletter: NewsletterConfig = field(default_factory=NewsletterConfig)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def folder(self, name: str) -> Path:
        folder: str = getattr(self.folders, name)
        return self.root / folder

    def absolute_url(self, path: str) -> str:
        return self.base_url + path if path.startswith("/") else path


@dataclass(frozen=True)
class Option:
    key: str
    kind: type
    default: Any
    doc: str
    check: Callable[[Any], str | None] | None = None
    items: type = str  # the type of a list's items


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
    Option("search", bool, True, "Index posts with Pagefind and add the search page and header search box."),
)

def _rewrite(value: str) -> str | None:
    return None if value in ("none", "resolved") else 'expected "none" or "resolved"'


def _link_rules(rules: list[dict[str, Any]]) -> str | None:
    for number, rule in enumerate(rules, 1):
        unknown = [key for key in rule if key not in ("host", "path", "name")]
        if unknown:
            return f"rule {number}: unknown key {unknown[0]!r}{did_you_mean(unknown[0], ('host', 'path', 'name'))}; expected host, path and name"
        if not isinstance(rule.get("host"), str) or not rule["host"]:
            return f'rule {number}: expected a host pattern, such as {{ host = "click\\.example\\.com", path = "^/r/" }}'
        for key in ("host", "path", "name"):
            if not isinstance(rule.get(key, ""), str):
                return f"rule {number}: {key}: expected a string"
        for key in ("host", "path"):
            try:
                re.compile(rule.get(key, ""))
            except re.error as exc:
                return f"rule {number}: {key}: not a regular expression ({exc}); escape dots as \\."
    return None


def _topic_images(rules: list[dict[str, Any]]) -> str | None:
    for number, rule in enumerate(rules, 1):
        if set(rule) != {"topic", "image"} or not all(isinstance(value, str) and value for value in rule.values()):
            return f'entry {number}: expected {{ topic = "Korea", image = "/img/seoul-skyline.jpg" }}'
        if message := _site_path(rule["image"]):
            return f"entry {number}: image: {message}"
    return None


def _smtp_security(value: str) -> str | None:
    return None if value in ("starttls", "tls", "none") else 'expected "starttls", "tls" or "none"'


def _subject(value: str) -> str | None:
    try:
        value.format(title="", count=0, briefings="", since="", until="")
    except (KeyError, IndexError, ValueError) as exc:
        return f"unknown placeholder {exc}; expected only {{title}}, {{count}}, {{briefings}}, {{since}} and {{until}}"
    return None


def _port(value: int) -> str | None:
    return None if 1 <= value <= 65535 else "expected a port number from 1 to 65535"


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
    "links": (
        Option("rewrite", str, "none", 'Publish tracking links as they are ("none") or as their resolved destinations '
                                        'from the link store ("resolved").', _rewrite),
        Option("recheck_days", int, 30, "Days an answer in the link store stays fresh before a link is asked again.", _positive),
        Option("fail_on_tracking", bool, False, "Make `masthead check --links` fail on tracking links, not only on dead ones."),
        Option("concurrency", int, 8, "Links asked at the same time by `masthead links --resolve` (one at a time per host).", _positive),
        Option("timeout", int, 10, "Seconds to wait for one answer before retrying.", _positive),
        Option("rules", list, [], 'Extra tracking-link rules: [{ host = "regex", path = "regex", name = "service" }].', _link_rules, items=dict),
    ),
    "images": (
        Option("widths", list, list(ImageSettings.widths), "Widths in pixels featured and body images are resized to (never enlarged).", _widths, items=int),
        Option("formats", list, list(ImageSettings.formats), "Modern formats encoded besides the original's: avif, webp.", _image_formats),
        Option("quality", int, ImageSettings.quality, "Encoding quality of resized images, 1 to 100.", _quality),
    ),
    "newsletter": (
        Option("story_selector", str, "", "CSS selector matching each story of an imported issue (empty: split at headings)."),
        Option("topic_images", list, [], 'Featured images for stories without one: [{ topic = "Korea", image = "/img/seoul-skyline.jpg" }].',
               _topic_images, items=dict),
        Option("digest_folder", str, NewsletterConfig.digest_folder, "Folder, relative to the site, where `masthead digest` writes issues.", _folder),
        Option("digest_days", int, NewsletterConfig.digest_days, "Days a digest covers when there is no --since and no digest was sent yet.", _positive),
        Option("subject", str, NewsletterConfig.subject, "Digest subject; placeholders {title}, {count}, {briefings} (\"3 briefings\"), "
               "{since}, {until}.", _subject),
        Option("sender", str, "", 'From address of digests, such as "The Briefing Room <news@example.org>".'),
        Option("recipients", list, [], "Addresses `masthead digest --send` delivers to (a list address or a few people)."),
        Option("smtp_host", str, NewsletterConfig.smtp_host, "SMTP server for `--send`; the login comes from MASTHEAD_SMTP_USER and MASTHEAD_SMTP_PASSWORD."),
        Option("smtp_port", int, NewsletterConfig.smtp_port, "SMTP port (587 for STARTTLS, 465 for TLS).", _port),
        Option("smtp_security", str, NewsletterConfig.smtp_security, 'How the SMTP connection is secured: "starttls", "tls" or "none".', _smtp_security),
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
        if table is None and (key in TABLE_OPTIONS or key in ("fields", "outlets")):
            continue
        option = known.get(key)
        line = line_of(text, key, table)
        if option is None:
            hint = did_you_mean(key, known)
            problems.append(Problem(path, line, prefix + key, f"unknown key{hint}; expected one of {', '.join(known)}"))
            continue
        if not isinstance(value, option.kind) or (option.kind is int and isinstance(value, bool)):
            problems.append(Problem(path, line, prefix + key, f"{value!r} is {_toml_type(value)}, expected {_article(_toml_type_name(option.kind))}"))
            continue
        items: list[Any] = value if isinstance(value, list) else []
        if option.kind is list and option.items is int and not all(type(item) is int for item in items):
            problems.append(Problem(path, line, prefix + key, "expected a list of whole numbers, such as [480, 960, 1600]"))
            continue
        if option.kind is list and option.items is not int and not all(isinstance(item, option.items) and item for item in items):
            expected = "tables" if option.items is dict else "strings"
            problems.append(Problem(path, line, prefix + key, f"expected a list of non-empty {expected}"))
            continue
        message = option.check(value) if option.check else None
        if message:
            problems.append(Problem(path, line, prefix + key, f"{value!r}: {message}"))
            continue
        result[key] = value
    return result, problems


def _toml_type(value: Any) -> str:
    return _article(_toml_type_name(type(value)))


def _article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


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
            problems.append(Problem(path, line, f"fields.{key}", f"unknown field{did_you_mean(key, DEFAULT_FIELDS)}; "
                                    f"expected one of {', '.join(DEFAULT_FIELDS)}"))
        elif isinstance(value, str):
            fields[key] = (value,)
        elif isinstance(value, list) and value and all(isinstance(item, str) and item for item in value):
            fields[key] = tuple(value)
        else:
            problems.append(Problem(path, line, f"fields.{key}", "expected a front matter key or a list of keys, such as [\"pageTitle\", \"title\"]"))
    return fields, problems


def _check_outlets(raw: Any, text: str, path: str) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """``[outlets]``: canonical outlet name = [aliases: names or domains]."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [Problem(path, line_of(text, "outlets"), "outlets", "expected a table [outlets]")]
    outlets: dict[str, tuple[str, ...]] = {}
    problems: list[Problem] = []
    for name, aliases in raw.items():
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
            problems.append(Problem(path, line_of(text, f'"{name}"', "outlets") or line_of(text, name, "outlets"), f"outlets.{name}",
                                    'expected a list of names and domains, such as "Associated Press" = ["AP", "apnews.com"]'))
            continue
        outlets[name.strip()] = tuple(alias.strip() for alias in aliases)
    return outlets, problems


def load_config(site: Path) -> Config:
    """Read and check ``site/masthead.toml``; raise ``MastheadError`` listing every problem."""
    path = site / CONFIG_FILE
    shown = CONFIG_FILE  # problems name paths relative to the site; the CLI adds the site folder
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
    outlets, found = _check_outlets(raw.get("outlets"), text, shown)
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
        search=top["search"],
        images=ImageSettings(
            widths=tuple(sorted(set(tables["images"]["widths"]))),
            formats=tuple(dict.fromkeys(tables["images"]["formats"])),
            quality=tables["images"]["quality"],
        ),
        cms=Cms(**tables["cms"]),
        source_text=text,
        links=LinksConfig(
            **{key: value for key, value in tables["links"].items() if key != "rules"},
            rules=tuple(LinkRule(**rule) for rule in tables["links"]["rules"]),
        ),
        outlets=outlets,
        newsletter=NewsletterConfig(
            **{key: value for key, value in tables["newsletter"].items() if key not in ("topic_images", "recipients")},
            topic_images=tuple(TopicImage(**rule) for rule in tables["newsletter"]["topic_images"]),
            recipients=tuple(tables["newsletter"]["recipients"]),
        ),
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
    rows.append('| `outlets.<name>` | list | `[]` | Names and domains that mean the outlet <name>, such as `"Associated Press" = ["AP", "apnews.com"]`. |')
    return "\n".join(rows)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return str(value)


def commented_config(values: Mapping[str, Any]) -> str:
    """A masthead.toml documenting every key: ``values`` are set, the rest commented out at their defaults."""
    lines = ["# masthead site configuration. Uncomment a key to change it; see docs/config.md.", ""]
    for option in OPTIONS:
        lines.append(f"# {option.doc}")
        if option.key in values:
            lines.append(f"{option.key} = {_toml_value(values[option.key])}")
        else:
            lines.append(f"# {option.key} = {_toml_value(option.default)}")
    for table, options in TABLE_OPTIONS.items():
        lines += ["", f"[{table}]"]
        for option in options:
            lines.append(f"# {option.key} = {_toml_value(option.default)}  # {option.doc}")
    lines += ["", "# Which front matter keys mean what (first present wins). The defaults read Decap,",
              "# Gatsby-starter and Hugo/Jekyll posts as they are.", "[fields]"]
    for name, keys in DEFAULT_FIELDS.items():
        lines.append(f"# {name} = {_toml_value(list(keys))}")
    return "\n".join(lines) + "\n"
