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
from typing import TYPE_CHECKING, Any

from ..content.frontmatter import FrontMatterError, parse, split
from ..content.placement import FIRST_PAGE_ONLY, PAGE_NUMBER, page_size, post_list_pagination
from ..errors import Problem
from .references import listed_posts

if TYPE_CHECKING:
    from ..config import Config
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
