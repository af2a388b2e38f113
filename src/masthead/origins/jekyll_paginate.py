"""jekyll-paginate-v2 (al-folio's blog page): a page whose front matter says ``pagination: {enabled: true}``
lists the site's posts, ``per_page`` at a time, its later pages at its ``permalink`` under the page's URL.

As the plugin's docs (README-GENERATOR.md) give it: the site's ``pagination:`` in ``_config.yml`` is
the kill switch (``enabled``) and the defaults a page's own settings override, ``per_page`` 10 and
``permalink`` ``/page:num/``, so the blog at /blog/ with ``permalink: /page/:num/`` goes on at
/blog/page/2/. ``category`` and ``tag`` narrow the list. The page is masthead's list of those posts
with the page's own text above it on the first page; the loop over ``paginator.posts`` in its text
shows nothing, as masthead's list stands for it. Other collections than posts are not paginated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.frontmatter import FrontMatterError, parse, split
from ..content.markdown import slugify
from ..errors import Problem
from .data import origin_config
from .groups import Group

if TYPE_CHECKING:
    from ..config import Config
    from ..site import Document

DEFAULT_PATH = "/page:num/"
DEFAULT_SIZE = 10


@dataclass(frozen=True)
class Pagination:
    """A paginated page's settings: the posts it lists (all, or a category's or tag's), how many a page, where the later pages go."""

    collection: str
    category: str
    tag: str
    per_page: int
    path: str  # under the page's URL, masthead's page_path shape: "page/{number}/"


def _later_path(permalink: Any) -> str:
    """The plugin's ``permalink`` (``/page/:num/``, ``/page-:num.html``) as a path under the list ("page/{number}/"); "" when masthead cannot read it."""
    text = str(permalink or DEFAULT_PATH).strip().lstrip("/")
    if text.count(":num") != 1 or not re.fullmatch(r"[\w/:.-]+", text):
        return ""
    path = text.replace(":num", "{number}")
    return path if path.endswith(("/", ".html")) else path + "/"


def pagination(front: Mapping[str, Any], config: Config) -> Pagination | None:
    """The page's pagination when both the site (the kill switch) and the page enable it."""
    site = origin_config(config).get("pagination")
    own = front.get("pagination")
    if config.origin.kind != "jekyll" or not isinstance(site, Mapping) or site.get("enabled") is not True:
        return None
    if not isinstance(own, Mapping) or own.get("enabled") is not True:
        return None
    merged = {**site, **own}
    return Pagination(
        str(merged.get("collection") or "posts"),
        str(own.get("category") or ""),
        str(own.get("tag") or ""),
        _per_page(merged),
        _later_path(merged.get("permalink")),
    )


def _per_page(merged: Mapping[str, Any]) -> int:
    """The ``per_page`` of the merged settings, the plugin's 10 when it is not a whole number above 0."""
    size = merged.get("per_page", DEFAULT_SIZE)
    return size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else DEFAULT_SIZE


def paginated_lists(posts: tuple[Document, ...], pages: tuple[Document, ...], config: Config) -> tuple[tuple[Group, ...], tuple[Document, ...], list[Problem]]:
    """Every paginated page as a list of its posts (the page its intro), and the pages left."""
    groups: list[Group] = []
    kept: list[Document] = []
    problems: list[Problem] = []
    for page in pages:
        found = pagination(page.entry.extra, config)
        line = page.entry.key_lines.get("pagination")
        if found is None:
            kept.append(page)
            continue
        if found.collection != "posts" or not found.path:
            why = f"collection {found.collection!r}" if found.collection != "posts" else "its permalink"
            problems.append(
                Problem(page.entry.source, line, "pagination", f"{why} is not paginated by masthead; the page is shown once, as it is", warning=True)
            )
            kept.append(page)
            continue
        listed = [
            post
            for post in posts
            if (not found.category or slugify(found.category) in {slugify(name) for name in post.entry.placement.categories})
            and (not found.tag or slugify(found.tag) in {slugify(name) for name in post.entry.tags})
        ]
        groups.append(Group(page.entry.title, page.url, tuple(listed), page, page_size=found.per_page, page_path=found.path))
    return tuple(groups), tuple(kept), problems


def home_pagination(site: Path, settings: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """masthead.toml values (top level, [origin]) for a home page jekyll-paginate-v2 paginates: the site's
    ``pagination`` enabled in _config.yml and the root ``index.html`` (or .md) saying ``pagination:
    {enabled: true}``. Its ``per_page`` is page_size, its ``permalink`` page_path (``/page/:num/``: /page/2/),
    and it lists the oldest first unless ``sort_reverse: true``, as the plugin sorts."""
    defaults = settings.get("pagination")
    if not isinstance(defaults, Mapping) or defaults.get("enabled") is not True:
        return {}, {}
    for path in sorted(site.glob("index.*")):
        if path.suffix not in (".html", ".md", ".markdown"):
            continue
        try:
            own = parse(split(path.read_text(encoding="utf-8"), path.name), path.name).get("pagination")
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        if not isinstance(own, Mapping) or own.get("enabled") is not True or own.get("category") or own.get("tag"):
            continue
        merged = {**defaults, **own}
        later = _later_path(merged.get("permalink"))
        if str(merged.get("collection") or "posts") != "posts" or not later:
            return {}, {}
        values: dict[str, Any] = {"page_size": _per_page(merged), "page_path": later}
        return values, {} if merged.get("sort_reverse") is True else {"home_oldest_first": True}
    return {}, {}
