"""From a source file to a typed ``Entry``: split, parse, map fields, validate, render Markdown.

Field names come from the config's field mapping, so the seed's Decap keys (``pageTitle``,
``metaDescription``…), the Gatsby starter's and Hugo's are all read without editing a file.
Every problem is collected with its file line; unknown keys are kept in ``extra``.
"""

from __future__ import annotations

import pickle
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from ..config import SCHEMA_TYPES, Config
from ..errors import Problem, did_you_mean, unexpected
from ..newsroom import story_fields
from ..newsroom.story import Story
from . import bodies, characters, dates, frontmatter, placement, restructuredtext
from .discover import MARKDOWN_SUFFIXES
from .markdown import RenderedMarkdown, jekyll_slug, plain_text, slugify, trim
from .outline import levelled
from .permalinks import hugo_urlize
from .placement import Placement

# Keys the default theme reads from ``extra``, so they are known and kept without a warning.
THEME_KEYS = ("linkTitle", "navTitle")  # the page's label in the header navigation (Hugo's linkTitle)
# Keys whose value names the post whatever its file is called (moved.py follows renames by them).
IDENTITY_KEYS = ("id", "uuid", "guid", "newsletterId")  # newsletterId: written by masthead import
_SLUG = re.compile(r"^[\w][\w.-]*$")
_TEMPLATE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# File names are limited to 255 bytes; a slug or tag becomes one, with room for what a permalink adds.
MAX_NAME_BYTES = 200
# Four-digit years, as ISO 8601, RFC 822 and W3C dates need, and a year of room at the end so that
# time zone shifts and date arithmetic (the news sitemap's window) stay inside Python's calendar.
YEARS = range(1000, 9999)


class FeaturedImage(NamedTuple):
    src: str  # path under the static folder, starting with "/"
    alt: str
    line: int | None
    focus: tuple[float, float] | None = None  # (x, y) from 0 to 1: the part social crops keep
    caption: str = ""  # shown under the image
    credit: str = ""  # who made it ("Photo: …"), shown after the caption


def _focus(value: Any) -> tuple[float, float] | None | str:
    """``"0.5,0.3"`` to (0.5, 0.3), or a message saying what is wrong."""
    parts = str(value).split(",")
    try:
        x, y = (float(part) for part in parts) if len(parts) == 2 else (None, None)
    except ValueError:
        x = y = None
    if x is None or y is None or not (0 <= x <= 1 and 0 <= y <= 1):
        return f'focus: {value!r}; expected two numbers from 0 to 1, across then down, such as "0.5,0.3"'
    return x, y


@dataclass(frozen=True, slots=True)
class Entry:
    """One post or standalone page, fully parsed and rendered."""

    source: str  # path relative to the site folder, with "/" separators
    template: str
    is_post: bool
    schema_type: str
    title: str
    description: str
    teaser: str
    draft: bool
    date: datetime
    updated: datetime | None
    slug: str
    image: FeaturedImage | None
    tags: tuple[str, ...]
    author: str
    featured: bool
    body: RenderedMarkdown
    extra: Mapping[str, Any] = field(default_factory=dict)
    key_lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)
    aliases: tuple[str, ...] = ()  # old URLs of this entry, redirected to it
    expiry: datetime | None = None  # after this moment the entry is no longer published
    dated: bool = True  # False: no date was written or implied (``date`` then stands in, for order only)
    placement: Placement = Placement()
    story: Story = Story()  # corrections, updates, live entries, author ids, length (newsroom/)

    @property
    def modified(self) -> datetime:
        """The latest change: ``updated``, or the newest correction, update or live entry if later."""
        changed = self.updated or self.date
        latest = self.story.latest
        return latest if latest is not None and latest > changed else changed

    @property
    def release(self) -> datetime | None:
        """When the entry goes out: a post at its date, any entry not before its ``publishDate``
        (the later of the two); None for a page without one. The one rule of scheduling: the site
        leaves a scheduled entry out, and ``schedule.changes`` names its release as a moment the
        output changes (so the no-change check expires then)."""
        moments = [self.date] if self.is_post else []
        if self.placement.publish_after:
            moments.append(datetime.fromisoformat(self.placement.publish_after))
        return max(moments) if moments else None

    def scheduled(self, now: datetime) -> bool:
        release = self.release
        return release is not None and release > now

    def to_record(self) -> tuple[Any, ...]:
        """Plain values for the build cache (marshal): every field but the body, then the body's
        facts without its HTML (see ``from_record``). Derived from the fields, so a new field is
        stored without touching this codec."""
        values = tuple(getattr(self, name) for name in _STORED)
        return pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL), self.body.facts_record()

    @classmethod
    def from_record(cls, record: tuple[Any, ...], load_body: Callable[[], tuple[Any, ...]]) -> Entry:
        """Rebuild an entry; its body HTML is read through ``load_body`` when first needed."""
        values, facts = record
        return cls(**dict(zip(_STORED, pickle.loads(values), strict=True)), body=RenderedMarkdown.from_records(facts, load_body))


_STORED = tuple(item.name for item in dataclass_fields(Entry) if item.name != "body")  # what a cache record holds besides the body


@dataclass(frozen=True)
class ParseResult:
    entry: Entry | None
    problems: tuple[Problem, ...]


class _Fields:
    """Reads canonical fields out of front matter through the mapping, noting problems."""

    def __init__(self, data: Mapping[str, Any], config: Config, path: str, lines: Mapping[str, int]) -> None:
        self.data = data
        self.config = config
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []
        self.used: set[str] = set()

    def key(self, name: str) -> str | None:
        for key in self.config.fields[name]:
            if key in self.data:
                return key
        return None

    def get(self, name: str) -> tuple[str | None, Any]:
        key = self.key(name)
        if key is None:
            return None, None
        self.used.add(key)
        return key, self.data[key]

    def problem(self, key: str, message: str, warning: bool = False) -> None:
        self.problems.append(Problem(self.path, self.lines.get(key), key, message, warning))

    def text(self, name: str) -> str:
        key, value = self.get(name)
        if key is None or value is None:
            return ""
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip()
        self.problem(key, f"is a {_yaml_type(value)}, expected text")
        return ""

    def flag(self, name: str) -> bool | None:
        key, value = self.get(name)
        if key is None or value is None:
            return None
        if isinstance(value, bool):
            return value
        # Hugo and Jekyll read draft: "false" as false (Hugo casts, Ruby's YAML quoting is often loose)
        if self.config.origin.kind and isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        self.problem(key, f"{value!r} is a {_yaml_type(value)}, expected true or false")
        return None

    def moment(self, name: str, required: bool = False) -> datetime | None:
        """A date field; written with no value, it is an error when ``required`` and unset otherwise."""
        key, value = self.get(name)
        if key is None or value is None or value == "":
            if key is not None and required:
                self.problem(key, "empty; expected the publication time, such as 2024-12-23T20:53:09.844Z (or delete the line)")
            return None
        parsed = to_datetime(value, self.config)
        if isinstance(value, (dict, list)):
            self.problem(key, f"is a {_yaml_type(value)}, expected a date such as 2024-12-23T20:53:09.844Z")
        elif parsed is None:
            also = " (or a layout Hugo reads, such as 02 Jan 2006 or Mon, 02 Jan 2006 15:04:05 -0700)" if self.config.origin.kind == "hugo" else ""
            self.problem(key, f"{_shown(value)} is not a date; expected ISO 8601 such as 2024-12-23T20:53:09.844Z or 2024-12-23{also}")
        elif parsed.year not in YEARS:
            self.problem(
                key, f"{parsed.isoformat()} is outside the years {YEARS.start} to {YEARS.stop - 1}; expected a date with a four-digit year, such as 2024-12-23"
            )
            return None
        return parsed


def _shown(value: Any, limit: int = 60) -> str:
    """A value as it may appear in a message: quoted, and cut short."""
    text = str(value) if not isinstance(value, (dict, list)) else f"a {_yaml_type(value)}"
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _yaml_type(value: Any) -> str:
    names = {
        dict: "mapping",
        list: "list",
        bool: "boolean",
        int: "number",
        float: "number",
        str: "string",
        type(None): "null",
        date: "date",
        datetime: "date and time",
        bytes: "binary value",
        set: "set",
    }
    return names.get(type(value), type(value).__name__)


def to_datetime(value: Any, config: Config) -> datetime | None:
    """YAML timestamp, date or ISO 8601 string to an aware datetime (naive → site time zone)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    elif isinstance(value, str):
        parsed = dates.parse(value, config.origin.kind)
        if parsed is None:
            return None
        moment = parsed
    else:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=config.tz)


def _image(fields: _Fields, media_folder: str = "") -> FeaturedImage | None:
    key, value = fields.get("image")
    if key is None or value is None or value == "":
        return None
    line = fields.lines.get(key)
    adopted = fields.config.origin.kind != ""
    if adopted and value in ([], {}):  # Doks' and many archetypes' `images: []`: no picture
        return None
    if adopted and isinstance(value, list) and value:  # beautiful-jekyll's cover-img: [a.jpg, b.jpg] or [{a.jpg: caption}]
        value = value[0]
        if isinstance(value, dict) and len(value) == 1 and "src" not in value:
            ((first, caption),) = value.items()
            value = {"src": first, "caption": caption if isinstance(caption, str) else ""}
    if isinstance(value, dict):
        # an adopted theme's image table: PaperMod's cover {image, alt, relative}, minimal-mistakes' header {image, overlay_image, teaser},
        # Chirpy's and jekyll-seo-tag's image {path, alt}
        src = value.get("src") or value.get("image") or (value.get("overlay_image") or value.get("teaser") or value.get("path") if adopted else None)
        if adopted and not src:  # header: {overlay_color: "#333"}: the theme's settings, no picture
            return None
        alt = value.get("alt", "")
        known = ("src", "alt", "caption", "credit", "focus")
        unknown = [k for k in value if k not in (*known, "image")] if not adopted else []
        for sub in unknown:
            fields.problem(key, f"unknown key {sub!r}{did_you_mean(str(sub), known)}; expected {', '.join(known)}", warning=True)
        texts = {name: value.get(name) or "" for name in ("caption", "credit")}
        for name, text in texts.items():
            if not isinstance(text, str):
                fields.problem(key, f"{name}: expected text")
                texts[name] = ""
        focus = _focus(value["focus"]) if value.get("focus") is not None else None
        if isinstance(focus, str):
            fields.problem(key, focus)
            focus = None
    else:
        src, alt, focus, texts = value, "", None, {"caption": "", "credit": ""}
    if not isinstance(src, str) or not src:
        fields.problem(key, "expected an image path such as /img/photo.jpg (or src: and alt: under it)")
        return None
    if not isinstance(alt, str):
        fields.problem(key, "alt: expected text")
        alt = ""
    if adopted and isinstance(src, str) and re.match(r"(?:https?:)?//", src):  # a theme may show a remote picture; masthead shows its own
        fields.problem(
            key, f"{src!r} is on another site; the post is shown without a featured image (copy it under the static folder to keep it)", warning=True
        )
        return None
    if media_folder and ":" not in src:  # Chirpy's media_subpath: the folder of the page's images
        src = media_path(src, media_folder, fields.config.folder("static"))
    beside = adopted and isinstance(src, str) and ":" not in src and not src.startswith("/")  # a bundle's cover.jpg
    climbs = adopted and fields.config.origin.kind in ("gatsby", "eleventy") and beside  # ../images/x.png: site.py finds it from the file
    if (not src.startswith("/") and not beside) or (".." in PurePosixPath(src).parts and not climbs) or "\\" in src:
        fields.problem(key, f"{src!r}: expected a path under the static folder starting with '/', such as /img/photo.jpg")
        return None
    return FeaturedImage(src, alt.strip(), line, focus, " ".join(texts["caption"].split()), " ".join(texts["credit"].split()))


_LEADING_HEADING = re.compile(r"\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*", re.DOTALL)


def _without_title_heading(body: RenderedMarkdown, title: str) -> RenderedMarkdown:
    """The body without the heading it starts with when that heading is the page's title (taken from
    it): the page shows its title once, as the generator's theme does."""
    if not body.headings or body.headings[0].text != title:
        return body
    leading = _LEADING_HEADING.match(body.html)
    if leading is None or plain_text(leading.group(2)) != title:
        return body
    rest = levelled(body.html[leading.end() :])  # the headings under it move up a level
    return RenderedMarkdown(rest, body.summary, body.citations, body.links, body.headings[1:], body.read_more, body.images)


# jekyll-optional-front-matter's FILENAME_BLACKLIST: a repository's meta files are not pages
_META_FILES = frozenset({"readme", "license", "licence", "copying", "code_of_conduct", "contributing", "issue_template", "pull_request_template"})


def optional_page(source: str, config: Config) -> dict[str, Any] | None:
    """The front matter GitHub Pages gives a Markdown file that has none (jekyll-optional-front-matter,
    jekyll-readme-index), or None when it is no page: ``{}``; a README's ``permalink`` is its folder
    (``docs/README.md`` is /docs/, the root's the home page) when the folder has no index of its own."""
    path = PurePosixPath(source)
    if path.suffix.lower() not in MARKDOWN_SUFFIXES:  # the suffixes discovery reads as Markdown
        return None
    if path.stem.lower() != "readme":
        return None if path.stem.lower() in _META_FILES else {}
    folder = config.root / path.parent
    if any((folder / f"index{suffix}").is_file() for suffix in (".md", ".markdown", ".html", ".htm")):
        return None
    return {"permalink": "/" if path.parent.as_posix() == "." else f"/{path.parent.as_posix()}/"}


def media_path(src: str, folder: str, static: Path) -> str:
    """An image path under Chirpy's ``media_subpath``: a relative one is in that folder; a site path
    too when only the folder has it (Chirpy 7 prefixes every local path, older versions relative ones)."""
    if not src.startswith("/"):
        return posixpath.normpath(folder + src)
    inside = posixpath.normpath(folder + src.lstrip("/"))
    return inside if not (static / src.lstrip("/")).is_file() and (static / inside.lstrip("/")).is_file() else src


def _data_tags(source: str, data: dict[str, Any], config: Config) -> dict[str, Any]:
    from ..origins.data import inherited_tags

    given = inherited_tags(source, config)
    if not given:
        return data
    own = data.get("tags")
    own_list = [own] if isinstance(own, str) else own if isinstance(own, list) else []
    if own is not None and not isinstance(own, (str, list)):
        return data  # not a list: the file's own value, checked as it is
    return {**data, "tags": list(dict.fromkeys([*given, *own_list]))}


def _tags(fields: _Fields) -> tuple[str, ...]:
    key, value = fields.get("tags")
    if key is None or value is None:
        return ()
    kind = fields.config.origin.kind
    if isinstance(value, str) and kind in ("hugo", "eleventy"):  # one term, commas and all, as Hugo's and Eleventy's tags: "golang, web dev"
        value = [value]
    elif isinstance(value, str):  # Jekyll separates tags written on one line by spaces, the others by commas
        value = value.split() if kind == "jekyll" and "," not in value else [part.strip() for part in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(tag, (str, int)) and not isinstance(tag, bool) for tag in value):
        fields.problem(key, "expected a list of tags, such as [sanctions, north-korea]")
        return ()
    left_out = fields.config.origin.not_tags  # Eleventy's tag pages' filter: collections, not tags
    tags = tuple(dict.fromkeys(str(tag).strip() for tag in value if str(tag).strip() and str(tag).strip() not in left_out))
    for tag in tags:
        if len(slugify(tag).encode()) > MAX_NAME_BYTES:
            fields.problem(
                key,
                f"{_shown(tag)} is {len(tag.encode()):,} bytes long; expected a tag of at most {MAX_NAME_BYTES} bytes "
                "(its page is named after it, and file names are limited to 255 bytes)",
            )
    return tags


def _key_problem(source: str, key: Any, lines: Mapping[str, int]) -> Problem:
    """A key YAML reads as something else than text (``1:``, ``null:``, ``2024-01-01:``), at its line."""
    written, line = str(key), None
    for text, start in lines.items():
        try:
            if text == str(key) or frontmatter.parse(frontmatter.Split(f"{text}: 0", "", 0), "") == {key: 0}:
                written, line = text, start
                break
        except (frontmatter.FrontMatterError, TypeError):
            continue
    return Problem(
        source, line, written, f'is read as a {_yaml_type(key)}, not a name; expected a key such as pageTitle (quote it to use it as a name: "{written}")'
    )


def _slug(fields: _Fields, source: str, kind: str = "") -> str:
    """The front matter slug, else the file's name; on a Hugo site made as Hugo makes it ("C++ Tips" is c++-tips);
    on a Gatsby site a slug is often a path ("/blog/x/", which is the page's URL: placement.py): its last part."""
    slug_key, slug_value = fields.get("slug")
    hugo = kind == "hugo"
    if slug_key is not None and slug_value not in (None, ""):
        if hugo:  # a "/" in Hugo's slug is a folder (slug: 2023/notes is /posts/2023/notes/); "." and ".." parts dropped
            urlized = hugo_urlize(fields.config, keep="/")(str(slug_value))
            slug = "/".join(part for part in urlized.split("/") if part.strip(".")) or "section"
        else:
            slug = str(slug_value).strip()
        if kind == "jekyll":  # Jekyll's :title is Utils.slugify(slug, mode: "pretty", cased: true): "Custom Slug" is Custom-Slug
            pretty = jekyll_slug(slug)
            slug = pretty if _SLUG.match(pretty) and ".." not in pretty else jekyll_slug(slug, pretty=False)
        if kind == "gatsby" and "/" in slug and slug.strip("/"):
            slug = slug.strip("/").rsplit("/", 1)[-1]
        if not hugo and (not _SLUG.match(slug) or ".." in slug):  # a Hugo slug's parts are never "." or ".."
            fields.problem(slug_key, f"{_shown(slug)}: expected letters, digits, '-', '_' or '.', with no '/' or '..' (for example {_shown(slugify(slug))})")
    else:
        stem = PurePosixPath(source).stem
        slug = slugify(stem) if stem != "index" else slugify(PurePosixPath(source).parent.name)
    if len(slug.encode()) > MAX_NAME_BYTES:
        fields.problem(
            slug_key or "slug",
            f"{_shown(slug)} is {len(slug.encode()):,} bytes long; expected at most {MAX_NAME_BYTES} bytes "
            "(the page's folder is named after it, and file names are limited to 255 bytes) — "
            f"{'shorten it' if slug_key else 'add a shorter slug: line'}",
        )
    return slug


def _aliases(fields: _Fields, own_url_parent: str) -> tuple[str, ...]:
    """Old URLs: site paths, or (as in Hugo) paths relative to the entry's folder."""
    key, value = fields.get("aliases")
    if key is None or value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(alias, str) and alias.strip() for alias in value):
        fields.problem(key, "expected a list of old URLs, such as [/2019/05/old-title/]")
        return ()
    found = []
    for alias in value:
        alias = alias.strip()
        if alias.startswith(("http://", "https://")):
            alias = "/" + alias.split("/", 3)[3] if alias.count("/") >= 3 else "/"
        # Hugo's relative alias is relative to the page's URL, known once it is placed (alias_urls)
        path = alias if alias.startswith("/") or fields.config.origin.kind == "hugo" else own_url_parent + alias
        if fields.config.origin.kind == "jekyll" and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            path += ".html"  # jekyll-redirect-from's page for /old is the file /old.html, as any Jekyll page
        if any(character in path for character in ' \t"<>\\') or ".." in PurePosixPath(path).parts:
            fields.problem(key, f"{alias!r}: expected a URL path such as /2019/05/old-title/ (no spaces, quotes or '..')")
            continue
        found.append(path)
    return tuple(dict.fromkeys(found))


def alias_urls(aliases: tuple[str, ...], url: str) -> tuple[str, ...]:
    """The old URLs ``aliases`` name for the page at ``url``: a relative one (Hugo's) beside the page, in the
    folder its URL is in, as Hugo's ``path.Join(SubResourceBaseLink, "..", alias)``: ``old`` for
    ``/2023/05/new/`` is ``/2023/05/old``."""
    parent = posixpath.dirname(url.rstrip("/")) or "/"
    return tuple(alias if alias.startswith("/") else posixpath.join(parent, alias) for alias in aliases)


def parse_entry(source: str, raw: bytes, config: Config) -> ParseResult:
    """Parse one content file; never raises for bad input, returns its problems instead.

    The boundary for one input file: whatever goes wrong while reading it, expected or not,
    becomes a problem of that file (with the traceback kept for ``--debug``), never a crash.
    """
    try:
        return _parse_entry(source, raw, config)
    except RecursionError as exc:
        return ParseResult(None, (Problem(source, None, None, f"is nested too deeply to read ({exc}); expected simpler Markdown"),))
    except Exception as exc:  # noqa: BLE001 - the boundary: any failure is this file's problem
        return ParseResult(None, (unexpected(source, exc, "read"),))


def _parse_entry(source: str, raw: bytes, config: Config) -> ParseResult:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return ParseResult(
            None,
            (
                Problem(
                    source,
                    line,
                    None,
                    f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); expected a UTF-8 Markdown file — re-save it as UTF-8",
                ),
            ),
        )
    adopted = config.origin.kind != ""
    refused = characters.in_text(text, source)
    if refused:  # reported alone: the YAML and Markdown readers would only repeat them, less clearly
        return ParseResult(None, tuple(refused))
    try:
        if source.endswith(".rst"):
            parts, data = restructuredtext.split(text, source)
        else:
            parts = frontmatter.split(text, source, header=config.origin.kind == "pelican")
            data = frontmatter.parse(parts, source)
    except frontmatter.FrontMatterError as exc:
        missing = exc.problem.message.startswith("missing")
        github_pages = missing and config.origin.kind == "jekyll" and config.origin.optional_front_matter
        given = optional_page(source, config) if github_pages else None
        if given is not None:  # GitHub Pages' jekyll-optional-front-matter: a page all the same
            parts, data = frontmatter.Split("", text, 1), dict(given)
        elif config.origin.kind in ("jekyll", "eleventy") and missing:
            return ParseResult(None, ())  # Jekyll copies a file without front matter as it is: not a page
        elif config.origin.kind == "pelican" and exc.problem.line == 1 and "is not a `Key: value` line" in exc.problem.message:
            # a README.md beside the articles: no metadata, no title, so Pelican skips it (and says so)
            skipped = "no Pelican header (Title: and Date: lines) on its first line; Pelican skips this file, and so does masthead"
            return ParseResult(None, (Problem(source, 1, "front matter", skipped, warning=True),))
        else:
            optional = config.origin.kind in ("hugo", "gatsby")  # gatsby-transformer-remark's gray-matter and MDX too
            if not optional or not missing:
                return ParseResult(None, (exc.problem,))
            parts, data = frontmatter.Split("", text, 1), {}  # Hugo and Gatsby: front matter is optional
    lines = restructuredtext.key_lines(parts.yaml_text) if parts.syntax == "rst" else frontmatter.key_lines(parts.yaml_text, parts.syntax)
    named_keys = [_key_problem(source, key, lines) for key in data if not isinstance(key, str)]
    data = {str(key): value for key, value in data.items()}
    if config.origin.kind == "hugo":  # the cascade of the sections above (Ananke's featured_image, a section's type)
        from ..origins.data import cascaded, merge_front_matter

        data = merge_front_matter(cascaded(source, config), data)
        params = data.get("params")
        if isinstance(params, dict):  # Hugo's front matter params: what themes read as .Params, beside the top-level keys
            data = {**{str(key): value for key, value in params.items()}, **data}
    computed_problems: list[Problem] = []
    if config.origin.kind == "eleventy":  # eleventyComputed, its own or a directory data file's: keys from templates
        from ..origins.data import inherited
        from ..origins.eleventy_computed import computed

        data, computed_problems = computed(source, data, inherited(source, config), config, lines.get("eleventyComputed"))
        if config.origin.data_tags:  # the tags Eleventy's tag pages list: the directory data files' and the file's own
            data = _data_tags(source, data, config)
        excluded = data.get("eleventyExcludeFromCollections")
        if isinstance(excluded, list) and isinstance(data.get("tags"), list):  # Eleventy 3: out of these collections only
            data = {**data, "tags": [tag for tag in data["tags"] if str(tag) not in {str(name) for name in excluded}]}
    refused = characters.in_values(data, source, lines)
    if named_keys or refused:
        return ParseResult(None, (*named_keys, *refused))
    fields = _Fields(data, config, source, lines)
    implied = placement.defaults(source, data, config)
    place, origin_keys = placement.read(source, data, config, fields.problem, lambda value: to_datetime(value, config))
    fields.used |= origin_keys
    if adopted and place.hidden and placement.not_a_page(source, data, config):  # a feed or tag template: not a page, not checked as one
        return ParseResult(None, tuple(fields.problems))
    fields.problems += computed_problems

    template_key = fields.key("template")
    named = fields.text("template") or (str(data["type"]) if config.origin.kind == "hugo" and isinstance(data.get("type"), str) else "")
    if adopted and named and named not in config.origin.layouts:  # Eleventy's layouts/post.njk, a theme's _default/single
        named = slugify(PurePosixPath(named).stem)
    template = config.origin.layouts.get(named, named) or implied.template
    if not _TEMPLATE.match(template):
        fields.problem(template_key or "templateKey", f"{template!r}: expected a template name of lower-case letters, digits and hyphens, such as blog-post")
    is_post = implied.is_post if implied.is_post is not None else template in config.post_templates
    if is_post and template not in config.post_templates and named not in config.origin.layouts:
        template = config.post_templates[0]  # a post whose layout is a theme's (single, default…): the post template

    schema_type = fields.text("schema_type") or (config.default_schema_type if is_post else "WebPage")
    if schema_type not in SCHEMA_TYPES:
        fields.problem(
            fields.key("schema_type") or "schemaType", f"{schema_type!r}: expected one of {', '.join(SCHEMA_TYPES)}{did_you_mean(schema_type, SCHEMA_TYPES)}"
        )

    title = fields.text("title") or implied.title
    if not title and config.origin.kind == "pelican" and not place.home:  # Pelican skips an article or page with no title
        skipped = "missing; Pelican skips a file without Title: (and so does masthead); expected Title: and the page's title"
        return ParseResult(None, (*fields.problems, Problem(source, 1, "title", skipped, warning=True)))
    if not title and fields.key("title") is None and not place.home and not adopted:  # (adopted: from the body, below)
        title_keys = " or ".join(config.fields["title"])
        fields.problems.append(Problem(source, 2, title_keys.split(" or ")[0], f"missing; expected a title ({title_keys})"))

    published = fields.flag("published")
    draft_flag = fields.flag("draft")
    draft = (published is False) or (draft_flag is True) or implied.draft

    # Pelican's empty ``date:`` is no date: DEFAULT_DATE (the file's time with 'fs') stands in
    moment = fields.moment("date", required=not (adopted and implied.date)) or implied.date
    if implied.date and config.origin.filename_date == "first":  # Hugo's [frontmatter] date = [":filename", ":default"]
        moment = implied.date
    if moment is None and place.publish_after:
        moment = datetime.fromisoformat(place.publish_after)
    updated = fields.moment("updated")
    if moment is None and config.origin.kind == "hugo":  # Hugo's default [frontmatter] date: date, publishDate, lastmod
        moment = updated
    if moment is None and is_post and fields.key("date") is None:
        if adopted and (draft or place.hidden or place.unlisted):  # Jekyll dates a draft by its file's time; undated, it waits for its date
            is_post = False
        elif adopted:  # Hugo and Eleventy allow undated pages in a post section: kept at their URL, as a page
            fields.problems.append(
                Problem(
                    source,
                    2,
                    "date",
                    "missing; this file is published as a page, not as a dated post (add date: 2024-12-23 to list it with the posts)",
                    warning=True,
                )
            )
            is_post, template = False, config.origin.page_template if template in config.post_templates else template
        else:
            fields.problems.append(Problem(source, 2, "date", "missing; expected the publication time, such as date: 2024-12-23T20:53:09.844Z"))
    if draft and config.origin.kind == "pelican" and not place.permalink:  # Pelican writes drafts, unlisted, at DRAFT_SAVE_AS
        from ..origins.data import pelican_settings
        from ..origins.pelican import draft_pattern

        place = place._replace(permalink=draft_pattern(not implied.is_post, pelican_settings(config)))
        is_post, template = False, config.origin.page_template  # a page: no links to tag and category pages it is not on
    elif place.unlisted and not place.permalink and config.origin.kind == "pelican":  # Pelican's Status: hidden: at ARTICLE_SAVE_AS or PAGE_SAVE_AS, unlisted
        from ..origins.data import pelican_settings
        from ..origins.pelican import saved_pattern

        place = place._replace(permalink=saved_pattern("ARTICLE" if implied.is_post else "PAGE", pelican_settings(config)))
        is_post, template = False, config.origin.page_template
    elif place.unlisted:  # Eleventy's eleventyExcludeFromCollections: written, in no collection (no list, feed or tag)
        is_post, template = False, config.origin.page_template  # a page: no links to tag pages it is not on

    written = fields.get("slug")[1]  # `Slug:` with nothing after it (WordPress imports): the origin's own slug
    slug = implied.slug if adopted and (written is None or not str(written).strip()) else _slug(fields, source, config.origin.kind)
    image = _image(fields, place.media_folder)
    tags = _tags(fields)
    authors, author_ids = story_fields.author_ids(fields, config, _authors(fields, place.authors))
    author = " and ".join(name for name, _ in authors) or config.author.name
    place = place._replace(authors=authors)
    featured = bool(fields.flag("featured"))
    description = fields.text("description")
    teaser = fields.text("teaser")
    aliases = _aliases(fields, "/" + "/".join(PurePosixPath(source).parts[1:-1]) + "/" if len(PurePosixPath(source).parts) > 2 else "/")
    expiry = fields.moment("expiry")

    for key in data:  # (an adopted site's pages and posts carry their theme's own fields, showToc, cover, comments: kept without a warning)
        if adopted:
            break
        if key not in fields.used and key not in _all_mapped(config) and key not in placement.ALL_ORIGIN_KEYS:
            known = [keys[0] for keys in config.fields.values()]
            hint = did_you_mean(key, [k for keys in config.fields.values() for k in keys])
            if hint:
                fields.problem(key, f"unknown key{hint}; it is kept and passed to templates as extra.{key}", warning=True)
            elif key not in ("featuredpost", *IDENTITY_KEYS, *THEME_KEYS):
                fields.problem(key, f"unknown key, passed to templates as extra.{key} (known keys: {', '.join(known)})", warning=True)

    page = {**data, "title": title, "date": moment, "slug": slug, "tags": list(tags), "categories": list(place.categories)}
    try:
        body, found, references = bodies.render_body(parts.body, parts.body_line, source, page, config, parts.syntax == "rst")
    except frontmatter.FrontMatterError as exc:
        return ParseResult(None, (exc.problem,))
    fields.problems += found
    place = place._replace(references=references)
    front_matter = parts.yaml_text if parts.syntax == "yaml" else ""
    story = story_fields.read_story(fields, config, front_matter, parts.body, body.html, lambda value: to_datetime(value, config))
    story = replace(story, author_ids=author_ids)
    if not title and adopted:  # Eleventy and Hugo pages may carry their title as the first heading only
        title = body.headings[0].text if body.headings else " ".join(word.capitalize() for word in re.split(r"[-_ ]+", place.filename) if word)
        body = _without_title_heading(body, title)
    fields.problems += characters.in_references(parts.body, parts.body_line, source, body.html)
    limit = config.description_length
    if not description:
        description = trim(teaser or body.summary, limit)
    if not teaser:
        teaser = description or trim(body.summary, limit)
    if fields.problems and any(not problem.warning for problem in fields.problems):
        return ParseResult(None, tuple(fields.problems))
    extra = {key: value for key, value in data.items() if key not in fields.used and key not in _all_mapped(config)}
    entry = Entry(
        source=source,
        template=template,
        is_post=is_post,
        schema_type=schema_type,
        title=title,
        description=description,
        teaser=teaser,
        draft=draft,
        date=moment or datetime(1970, 1, 1, tzinfo=config.tz),
        dated=moment is not None,
        updated=updated,
        slug=slug,
        image=image,
        tags=tags,
        author=author,
        featured=featured,
        body=body,
        extra=extra,
        key_lines=lines,
        aliases=aliases,
        expiry=expiry,
        placement=place,
        story=story,
    )
    return ParseResult(entry, tuple(fields.problems))


def _authors(fields: _Fields, listed: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Every author: ``author`` as a string, a list or objects, then ``authors``."""
    key, value = fields.get("author")
    found = placement.people(value) if key is not None and value is not None else ()
    if found is None and key is not None:
        fields.problem(key, "expected a name, a list of names, or a list of {name, url}")
        found = ()
    if found and fields.config.origin.kind == "jekyll":
        found = _data_people(found, fields.config)
    return tuple(dict.fromkeys((*(found or ()), *listed)))


def _data_people(found: tuple[tuple[str, str], ...], config: Config) -> tuple[tuple[str, str], ...]:
    """Jekyll authors named by their key in ``_data/authors.yml`` (minimal-mistakes, jekyll-seo-tag):
    the name and web address written there."""
    from ..origins.data import data_files

    people = data_files(config)[0].get("authors")
    if not isinstance(people, Mapping):
        return found
    named = []
    for name, url in found:
        person = people.get(name)
        if isinstance(person, Mapping):
            address = next(
                (value for value in (person.get(k) for k in ("uri", "url", "web")) if isinstance(value, str) and value.startswith(("https://", "http://"))), url
            )
            name = str(person.get("name") or name)
            url = address
        named.append((name, url))
    return tuple(named)


def _all_mapped(config: Config) -> frozenset[str]:
    return frozenset(key for keys in config.fields.values() for key in keys)
