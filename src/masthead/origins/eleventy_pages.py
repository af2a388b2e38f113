"""The later pages of an Eleventy list that paginates posts (``pagination: {data: collections.post, size: 10}``).

Eleventy writes one page per ``size`` posts: the first at the template's permalink, the others where
the permalink puts them for ``pagination.pageNumber`` 1, 2… (``/blog/page/1/`` with
``blog/{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber }}/{% endif %}``), or by
default under the first page's URL (``/blog/1/``, its docs' ``paged/1/index.html``). Each later page is
the same page with its list starting ``size`` posts further on.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

import yaml

from ..content.frontmatter import FrontMatterError, parse, split
from ..content.placement import FIRST_PAGE_ONLY, PAGE_NUMBER, page_size, post_list_pagination
from ..errors import Problem
from .references import listed_posts

if TYPE_CHECKING:
    from ..config import Config
    from ..content.entries import Entry
    from ..site import Document


def later_pages_pattern(value: Any) -> str:
    """Where an Eleventy list paginating posts writes its pages after the first (``pageNumber`` 1, 2…), with
    {number}: the permalink's ``{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber }}/{% endif %}``
    with that block kept (``pageNumber + 1`` is {page}), else Eleventy's default, {first} (the first page's URL)
    and the number (``/blog/1/``)."""
    if not isinstance(value, str) or not value.strip():
        return "{first}{number}/"
    text = FIRST_PAGE_ONLY.sub(lambda match: re.sub(r"^{%.*?%}|{%[^%]*%}$", "", match.group(0), flags=re.DOTALL), value.strip())
    text = PAGE_NUMBER.sub(lambda match: "{page}" if match.group(1) else "{number}", text)  # pageNumber + 1: the page's own number
    if ("{number}" not in text and "{page}" not in text) or "{%" in text or "{{" in text:
        return ""  # a permalink masthead cannot read for its later pages: the first page alone
    text = "/" + text.lstrip("/").removesuffix("index.html")
    return text if text.endswith(("/", ".html")) else text + "/"


def home_pagination(content: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """masthead.toml values (top level, [origin]) for a home page that paginates posts, as
    ``index.njk`` with ``pagination: {data: collections.post, size: 5}``: the home's page size, where its
    later pages are (Eleventy's default ``/1/``, ``/2/``: the first page's URL and pagination.pageNumber)
    and their order (a collection is oldest first unless ``reverse: true``)."""
    for path in sorted(content.glob("index.*")):
        if path.suffix not in (".njk", ".liquid", ".md", ".html"):
            continue
        try:
            data = parse(split(path.read_text(encoding="utf-8"), path.name), path.name)
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        if post_list_pagination(data):
            pattern = later_pages_pattern(data.get("permalink")).replace("{first}", "/")
            origin: dict[str, Any] = {"home_pages": pattern} if pattern else {}
            if data["pagination"].get("reverse") is not True:
                origin["home_oldest_first"] = True
            return {"page_size": page_size(data["pagination"])}, origin
    return {}, {}


def later_page_url(pattern: str, first: str, number: int) -> str:
    """The URL of the page after ``number`` others (pagination.pageNumber) of a list whose first page is at ``first``."""
    return pattern.replace("{first}", first.removesuffix("index.html")).replace("{number}", str(number)).replace("{page}", str(number + 1)).replace("//", "/")


def later_pages(pages: list[Document], posts: list[Document], taken: set[str], config: Config) -> tuple[list[Document], list[Problem]]:
    """The pages after the first of every paginated list among ``pages``; a URL another page has is a warning."""
    made: list[Document] = []
    problems: list[Problem] = []
    for page in pages:
        pattern, options = page.entry.placement.later_pages, page.entry.extra.get("pagination")
        if not pattern or not isinstance(options, dict):
            continue
        name, size = post_list_pagination({"pagination": options}), page_size(options)
        total = len(listed_posts(posts, name, "tags", page.entry.placement.lang, config))
        marker = f'data-tags="{html.escape(name)}" data-count="{size}" data-offset="0"'
        for number in range(1, math.ceil(total / size)):
            url = later_page_url(pattern, page.url, number)
            if url in taken:
                taken_message = f"page {number + 1} would be at {url}, the URL of another page; it is left out"
                problems.append(Problem(page.entry.source, page.entry.key_lines.get("pagination"), "pagination", taken_message, warning=True))
                continue
            taken.add(url)
            body = page.entry.body.replace(html=page.entry.body.html.replace(marker, marker.replace('data-offset="0"', f'data-offset="{number * size}"')))
            made.append(replace(page, url=url, entry=replace(page.entry, body=body)))
    return made, problems


_DATA_NAME = re.compile(r"(?!collections\b)[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*")  # projects, site.projects; not collections


def _data_items(name: str, config: Config) -> list[Any] | None:
    """The items an Eleventy pagination over global data pages through (``data: projects`` or
    ``data: site.projects``: _data/projects.json's list, or an object's keys, as Eleventy pages them);
    None for a collection or a name no data file gives."""
    if not _DATA_NAME.fullmatch(name):
        return None
    from .data import data_files

    value: Any = data_files(config)[0]
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, dict):
        return list(value)
    return list(value) if isinstance(value, list) else None


def data_page_templates(content: Path) -> list[str]:
    """The templates under ``content`` that paginate global data one item a page (``pagination: {data:
    projects, size: 1, alias: project}``), as paths under it: ``[origin] data_pages``."""
    from .eleventy_tags import paginating_templates

    found: list[str] = []
    for path in paginating_templates(content):
        try:
            options = parse(split(path.read_text(encoding="utf-8"), path.name), path.name).get("pagination")
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        if _item_pagination(options) and _DATA_NAME.fullmatch(str(options.get("data", ""))):
            found.append(path.relative_to(content).as_posix())
    return found


def _item_pagination(options: Any) -> TypeGuard[dict[str, Any]]:
    """A pagination one item a page under an alias (``size: 1, alias: project``)."""
    return isinstance(options, dict) and page_size(options) == 1 and isinstance(options.get("alias"), str) and bool(options["alias"].strip())


def data_pages(config: Config) -> tuple[list[Entry], list[Problem]]:
    """The pages of the templates of ``[origin] data_pages``: each is the template read again with its
    alias (``project``) set to one item of the data, so its permalink (``projects/{{ project.slug }}/``)
    and body are rendered over that item, as Eleventy writes them."""
    from ..content.entries import parse_entry

    made: list[Entry] = []
    problems: list[Problem] = []
    content = config.folders.content.strip("/")
    for path in config.origin.data_pages:
        source = path if content in ("", ".") else f"{content}/{path}"  # as discovery names it: from the site's folder
        try:
            found = split((config.root / source).read_text(encoding="utf-8"), source)
            data = parse(found, source)
        except (OSError, UnicodeDecodeError, FrontMatterError) as exc:
            problems.append(Problem(source, None, "pagination", f"cannot be read as a template paginating data ({exc}); its pages are left out", warning=True))
            continue
        options = data.pop("pagination", None)
        items = _data_items(str(options.get("data", "")), config) if _item_pagination(options) else None
        for item in items or ():
            front = yaml.safe_dump({**data, options["alias"]: item}, sort_keys=False, allow_unicode=True)
            parsed = parse_entry(source, f"---\n{front}---\n{found.body}".encode(), config)
            problems += parsed.problems
            if parsed.entry is not None and not parsed.entry.placement.hidden:
                made.append(parsed.entry)
    return made, problems
