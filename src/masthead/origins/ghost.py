"""``masthead import --from ghost export.json``: a Ghost export as seed-shaped Markdown posts.

Ghost exports (Settings → Labs → Export) hold each post as HTML and as its editor's document:
Lexical (Ghost 5) or Mobiledoc (Ghost 1–4). HTML is converted with markdownify; a post without
HTML is rendered from its Lexical or Mobiledoc first. Tags (Ghost's internal ``#tags`` left out),
authors, feature images, status and dates are kept; pages become ``about-page`` pages. Images
live in Ghost's ``content/images/`` folder, not in the export: their ``__GHOST_URL__`` addresses
become ``/content/images/…`` site paths, and the report lists any missing from ``static/``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..config import Config
from ..content import characters
from ..content.html_markdown import to_markdown
from ..content.markdown import slugify
from ..errors import MastheadError, Problem, unexpected
from ..images import inside
from ..newsletter.importer import front_matter
from .ghost_documents import Part, body_parts
from .ghost_html import prepare

_PERMALINK_TOKEN = re.compile(r":(year|month|day|slug|id|author|primary_tag)\b")


@dataclass
class GhostReport:
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already there (use --force)
    missing_images: list[str] = field(default_factory=list)  # feature images to copy from Ghost's content/images
    missing_files: list[str] = field(default_factory=list)  # images and media in bodies, left out until copied
    remote_images: list[str] = field(default_factory=list)  # feature images on another site, left out
    tag_names: dict[str, str] = field(default_factory=dict)  # a tag's Ghost slug -> its name, where the slug is not the name's


def _data(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The export's data and meta tables (Ghost 1+ wraps them in ``db: [...]``; 0.x exports may not)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise MastheadError([Problem(str(path), exc.lineno, None, f"invalid JSON: {exc.msg}; expected a Ghost export (Settings → Labs → Export)")]) from exc
    except UnicodeDecodeError as exc:
        raise MastheadError([Problem(str(path), None, None, "not UTF-8 text; expected a Ghost JSON export")]) from exc
    databases = raw.get("db", [raw]) if isinstance(raw, dict) else None
    database = databases[0] if isinstance(databases, list) and databases else None
    data = database.get("data") if isinstance(database, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
        raise MastheadError([Problem(str(path), None, "db[0].data.posts", "missing; expected a Ghost export with posts")])
    refused: list[Problem] = []
    for table in _IMPORTED:
        rows = data.get(table)
        for number, row in enumerate(rows if isinstance(rows, list) else []):
            found = characters.in_values(row, str(path), {}) if isinstance(row, dict) else []
            refused += [replace(problem, field=f"db[0].data.{table}[{number}].{problem.field}") for problem in found]
    if refused:  # a lone surrogate (a JSON "\ud800") cannot even be written; a control character no page may hold
        raise MastheadError(refused)
    meta = database.get("meta") if isinstance(database, dict) else None
    return data, meta if isinstance(meta, dict) else {}


_IMPORTED = ("posts", "tags", "users", "posts_meta")  # the tables whose text becomes posts


def _local(url: str) -> str:
    return url.replace("__GHOST_URL__", "") if url.startswith("__GHOST_URL__/") else url


def _markdown(html: str) -> str:
    language = lambda el: (el.get("class") or [""])[0].replace("language-", "")  # noqa: E731
    text = to_markdown(html, heading_style="ATX", bullets="-", newline_style="backslash", code_language_callback=language)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\((/[^)\s]*)[^)]*\)")


def _body(parts: list[Part], present: Callable[[str], bool], tag_url: Callable[[str], str | None], missing: list[str]) -> str:
    """The body as Markdown: HTML converted, Markdown kept; a local image not in the static folder is its alt text."""

    def markdown_image(match: re.Match[str]) -> str:
        if present(match.group(2)):
            return match.group(0)
        missing.append(match.group(2))
        return match.group(1)

    texts = [
        _MARKDOWN_IMAGE.sub(markdown_image, part.text.strip()) if part.markdown else _markdown(prepare(part.text, present, tag_url, missing)) for part in parts
    ]
    return "\n\n".join(text for text in texts if text) + "\n"


def _moment(value: object, where: str, export: Path) -> datetime | None:
    """A Ghost date: ISO 8601 (every Ghost since 1.0), epoch milliseconds or an RFC 2822 date (0.x exports)."""
    if value in (None, ""):
        return None
    try:
        if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
            return datetime.fromtimestamp(int(value) / 1000, UTC)
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            moment = parsedate_to_datetime(text)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # Ghost stores UTC
        moment.astimezone(UTC)  # (the post's file writes it in UTC: 9999-12-31T23:59-23:59 is past the calendar's end)
        return moment
    except (ValueError, TypeError, OverflowError, OSError) as exc:
        raise MastheadError(
            [Problem(str(export), None, where, f"{value!r} is not a date; expected ISO 8601 (2024-02-01T09:30:00Z), epoch milliseconds or an RFC 2822 date")]
        ) from exc


def _rows(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """A table of the export (posts, tags, users…): its rows that are objects; a damaged export's
    other values are no rows, so nothing below meets a number where it reads a row."""
    rows = data.get(table)
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def _id(value: object) -> str | int | None:
    """A row's id as Ghost writes it (a string; a number in 0.x exports), else none: a list is no key."""
    return value if isinstance(value, str | int) and not isinstance(value, bool) else None


def _order(value: object) -> int:
    return value if isinstance(value, int) else int(value) if isinstance(value, str) and value.strip().isdigit() else 0


def _setting(data: dict[str, Any], key: str) -> str:
    for item in _rows(data, "settings"):
        if item.get("key") == key and isinstance(item.get("value"), str):
            return str(item["value"])
    return ""


def _url(pattern: str, post: dict[str, Any], moment: datetime | None, author: str, tag: str) -> str:
    """A post's URL on the Ghost site: its ``permalinks`` setting (Ghost 0.x and 1.x; default ``/:slug/``) expanded."""
    when = moment or datetime(1970, 1, 1, tzinfo=UTC)
    values = {"year": f"{when:%Y}", "month": f"{when:%m}", "day": f"{when:%d}", "slug": str(post.get("slug") or "")}
    values |= {"id": str(post.get("id", "")), "author": author, "primary_tag": tag or "all"}
    url = _PERMALINK_TOKEN.sub(lambda match: values[match.group(1)], pattern if pattern.startswith("/") else "/:slug/")
    return url if url.endswith("/") else url + "/"


def _file_name(slug: str) -> str:
    """The post's file name: Ghost's slug as it is when it is a safe name (Unicode letters too), else slugified."""
    return slug if re.fullmatch(r"[\w][\w.-]*", slug) and ".." not in slug else slugify(slug)


def _links(data: dict[str, Any], table: str, other: str) -> dict[Any, list[Any]]:
    """posts_tags or posts_authors: each post's tag or author ids, in their sort_order."""
    found: dict[Any, list[tuple[int, Any]]] = defaultdict(list)
    for link in _rows(data, table):
        post, item = _id(link.get("post_id")), _id(link.get(other))
        if post is not None and item is not None:
            found[post].append((_order(link.get("sort_order")), item))
    return {post: [item for _, item in sorted(items, key=lambda pair: pair[0])] for post, items in found.items()}


def _tag_page(config: Config, tag: dict[str, Any]) -> str | None:
    """masthead's page of the tag (Ghost's internal ``#tags`` have none)."""
    name = str(tag.get("name", ""))
    if not name or name.startswith("#"):
        return None
    pattern = config.origin.tag_permalink or "/tags/{slug}/"
    return pattern.replace("{slug}", slugify(_tag_written(tag)))


def _tag_written(tag: dict[str, Any]) -> str:
    """The tag as a post names it: its name, or Ghost's own slug where that is not the name's slug
    (``novosti`` for "Новости", ``editors-picks`` for "Editor's picks"): the page stays at Ghost's URL,
    and ``[tags]`` in masthead.toml gives it its name back."""
    name, slug = str(tag.get("name", "")), str(tag.get("slug") or "")
    return slug if slug and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and slugify(name) != slug else name


def _byline(user: dict[str, Any], config: Config) -> object:
    """A post's author: the Ghost user's name, with the page Ghost lists them on (``/author/<the user's slug>/``,
    which need not be their name's: ``ines`` for Ines Okafor) when the site keeps Ghost's author pages."""
    slug = str(user.get("slug") or "").strip()
    pattern = config.origin.author_permalink
    if not pattern or not re.fullmatch(r"[\w][\w.-]*", slug) or ".." in slug:
        return str(user["name"])
    return {"name": str(user["name"]), "url": pattern.replace("{slug}", slug)}


def import_ghost(config: Config, export: Path, force: bool = False, dry_run: bool = False) -> GhostReport:
    data, export_meta = _data(export)
    exported = _moment(export_meta.get("exported_on"), "db[0].meta.exported_on", export)
    tags = {_id(tag.get("id")): tag for tag in _rows(data, "tags") if _id(tag.get("id")) is not None}
    users = {_id(user.get("id")): user for user in _rows(data, "users") if _id(user.get("id")) is not None}
    meta = {_id(item.get("post_id")): item for item in _rows(data, "posts_meta")}
    post_tags, post_authors = _links(data, "posts_tags", "tag_id"), _links(data, "posts_authors", "author_id")
    permalinks = _setting(data, "permalinks") or "/:slug/"
    report = GhostReport()
    static = config.folder("static")

    def present(url: str) -> bool:
        found = inside(static, url.split("?")[0].split("#")[0])
        return found is not None and found.is_file()

    published = {_id(post.get("id")) for post in _rows(data, "posts") if post.get("status") == "published"}
    listed = {tag_id for post_id, ids in post_tags.items() if post_id in published for tag_id in ids}
    tag_pages = {str(tag.get("slug")): _tag_page(config, tag) for tag_id, tag in tags.items() if tag_id in listed and tag.get("slug")}

    def convert(where: str, post: Any) -> tuple[Path, str] | None:
        """One post of the export as its file and text; None for one to skip."""
        if not isinstance(post, dict) or not post.get("title"):
            return None
        is_page = post.get("type") == "page" or post.get("page") in (1, True, "1", "true")
        folder = config.folder("content") / ("pages" if is_page else config.cms.posts_folder)
        slug = str(post.get("slug") or slugify(str(post["title"])))
        path = folder / f"{_file_name(slug)}.md"
        shown = path.relative_to(config.root).as_posix()
        if path.exists() and not force:
            report.skipped.append(shown)
            return None
        extra = meta.get(_id(post.get("id")), {})
        created = _moment(post.get("created_at"), f"{where}.created_at", export)
        moment = _moment(post.get("published_at"), f"{where}.published_at", export) or created or exported  # a post without dates: when it was exported
        tag_list = [tags[tag_id] for tag_id in post_tags.get(_id(post.get("id")), []) if tag_id in tags]
        author_ids = post_authors.get(_id(post.get("id"))) or ([_id(post.get("author_id"))] if _id(post.get("author_id")) in users else [])
        people = [users[user_id] for user_id in author_ids if user_id in users]
        values: dict[str, object] = {
            "templateKey": "about-page" if is_page else "blog-post",
            "schemaType": "WebPage" if is_page else "BlogPosting",
            "pageTitle": str(post["title"]),
        }
        description = post.get("meta_description") or extra.get("meta_description") or post.get("custom_excerpt")
        if description:
            values["metaDescription"] = str(description)
        values["published"] = post.get("status") == "published"
        if moment:
            values["date"] = moment
        updated = _moment(post.get("updated_at"), f"{where}.updated_at", export)
        if updated:
            values["updated"] = updated
        primary_tag = str(tag_list[0].get("slug", "")) if tag_list else ""
        values["permalink"] = "/" + slug + "/" if is_page else _url(permalinks, post, moment, str(people[0].get("slug", "")) if people else "", primary_tag)
        if post.get("custom_excerpt"):
            values["teaser"] = str(post["custom_excerpt"])
        image = _local(str(post.get("feature_image") or post.get("image") or ""))  # "image": Ghost 0.x
        if image.startswith("/"):
            if not present(image):  # not copied yet: the post builds without it, no broken image
                report.missing_images.append(image)
            else:
                values["featuredImage"] = {"src": image, **({"alt": str(extra["feature_image_alt"])} if extra.get("feature_image_alt") else {})}
        elif image:  # on another site (Unsplash, static.ghost.org): a featured image is a file of the site
            report.remote_images.append(image)
        visible = [tag for tag in tag_list if str(tag.get("name", "")) and not str(tag.get("name", "")).startswith("#")]  # not Ghost's internal tags
        names = [_tag_written(tag) for tag in visible]
        report.tag_names.update({_tag_written(tag): str(tag["name"]) for tag in visible if _tag_written(tag) != str(tag["name"])})
        if names:
            values["tags"] = names
        authors: list[object] = [_byline(person, config) for person in people if person.get("name")]
        if authors:
            values["author"] = authors[0] if len(authors) == 1 else authors
        if post.get("featured") in (1, True, "1", "true"):
            values["featured"] = True
        return path, front_matter(values) + _body(body_parts(post), present, tag_pages.get, report.missing_files)

    problems: list[Problem] = []
    files: list[tuple[Path, str]] = []
    for number, post in enumerate(data["posts"]):
        where = f"db[0].data.posts[{number}]"
        try:
            converted = convert(where, post)
        except MastheadError as exc:
            problems += exc.problems
            continue
        except Exception as exc:  # noqa: BLE001 - the boundary around one post of the export: its problem, not a crash
            problems.append(replace(unexpected(str(export), exc, "imported"), field=where))
            continue
        if converted is not None:
            files.append(converted)
    if problems:  # read every post, then write any: a damaged export leaves no half-imported site
        raise MastheadError(problems)
    for path, text in files:
        report.written.append(path.relative_to(config.root).as_posix())
        if not dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return report
