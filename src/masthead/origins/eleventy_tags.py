"""Eleventy's tag pages: a template that paginates ``collections`` one at a time.

The base blog's ``tag-pages.njk`` is the shape every starter copies::

    pagination: {data: collections, size: 1, alias: tag, filter: [all, posts]}
    permalink: /tags/{{ tag | slugify }}/

Eleventy writes one page per collection, that is per tag of any post, the tags a directory data file
gives (``posts/posts.json``: ``tags: [posts]``) included, merged with the post's own as its data
cascade merges lists, and leaves out the collections of ``filter``. ``masthead init`` reads that
template: its permalink is ``[origin] tag_permalink``, and its filter ``[origin] not_tags``, with
``data_tags`` set so that a post's tags are the ones Eleventy pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..content.frontmatter import FrontMatterError, parse, split
from .eleventy_feeds import page_templates

_SLUG_FILTER = r"(?:\|\s*(?:slugify|slug)\s*)?"  # {{ tag | slugify }}, {{ tag | slug }}, {{ tag }}


def tag_pagination(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The pagination of a template writing a page per collection (``data: collections``, ``size: 1``), or None."""
    pagination = data.get("pagination")
    if not isinstance(pagination, Mapping) or pagination.get("data") != "collections":
        return None
    return pagination if pagination.get("size", 10) == 1 else None


def tag_pages(content: Path) -> dict[str, Any]:
    """``[origin]`` values for the site's tag-page template: ``tag_permalink`` (when its permalink puts
    the tag in one place, slugified), ``data_tags`` and ``not_tags``; {} when the site has none."""
    for path in paginating_templates(content):
        try:
            data = parse(split(path.read_text(encoding="utf-8"), path.name), path.name)
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        pagination = tag_pagination(data)
        if pagination is None:
            continue
        values: dict[str, Any] = {"data_tags": True, "not_tags": _filtered(pagination.get("filter"))}
        computed = data.get("eleventyComputed")
        permalink = data.get("permalink", computed.get("permalink") if isinstance(computed, Mapping) else None)
        pattern = _pattern(permalink, pagination.get("alias"))
        if pattern:
            values["tag_permalink"] = pattern
        return values
    return {}


def paginating_templates(content: Path) -> Iterator[Path]:
    """The page templates that paginate (``eleventy_feeds.page_templates``: never in node_modules or _includes)."""
    for path in page_templates(content) if content.is_dir() else []:
        try:
            if "pagination" in path.read_text(encoding="utf-8", errors="replace")[:4000]:
                yield path
        except OSError:
            continue


def _filtered(value: Any) -> list[str]:
    """Eleventy's ``filter``: a collection's name, or a list of them."""
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value if isinstance(item, (str, int)) and not isinstance(item, bool)] if isinstance(value, list) else []


def _pattern(permalink: Any, alias: Any) -> str:
    """``/tags/{{ tag | slugify }}/`` as ``/tags/{slug}/``; "" for a permalink that says more than the tag."""
    if not isinstance(permalink, str) or not isinstance(alias, str) or not re.fullmatch(r"[A-Za-z_$][\w$]*", alias):
        return ""
    text = re.sub(r"{{-?\s*" + re.escape(alias) + r"\s*" + _SLUG_FILTER + r"-?}}", "{slug}", permalink.strip())
    if text.count("{slug}") != 1 or "{{" in text or "{%" in text:
        return ""
    text = "/" + text.lstrip("/").removesuffix("index.html")
    return text if text.endswith(("/", ".html")) else text + "/"
