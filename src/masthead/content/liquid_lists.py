"""The site's lists in Liquid and Nunjucks, known only once every page is read: Eleventy's
``collections.posts``, Jekyll's ``site.posts``, ``site.<collection>``, ``site.tags.x`` and ``paginator``.

While pages are parsed one by one they stand as markers: a loop over a ``PostList`` leaves one that the
assembled site fills in (``origins/references.py``), and a Jekyll page that reads a ``Deferred`` scope is
rendered again with ``SITE_LISTS`` set (``origins/jekyll_lists.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any


class PostList(tuple[Any, ...]):
    """A list of the site's posts (Eleventy's ``collections.posts``, Jekyll's ``site.posts``): known only
    once every page is read, so a loop over it leaves a marker that the assembled site fills in
    (``origins/references.py``). ``name`` is the collection (a tag, "all"), ``field`` what it selects by;
    ``oldest_first`` its order (Eleventy sorts a collection by date, oldest first; ``site.posts`` is newest first);
    ``from_end``: the ``limit`` posts are the last ones in that order (the base blog's ``head(-3)``)."""

    name: str
    field: str
    limit: int  # 0: every post
    oldest_first: bool
    from_end: bool

    def __new__(cls, name: str, field: str = "tags", limit: int = 0, oldest_first: bool = False, from_end: bool = False) -> PostList:
        made = super().__new__(cls)
        made.name, made.field, made.limit, made.oldest_first, made.from_end = name, field, limit, oldest_first, from_end
        return made

    def limited(self, limit: int, from_end: bool = False) -> PostList:
        return PostList(self.name, self.field, limit, self.oldest_first, from_end and limit > 0)

    def reversed(self) -> PostList:
        """The same posts the other way round: the last ``limit`` of this order are the first of that one."""
        return PostList(self.name, self.field, self.limit, not self.oldest_first, not self.from_end and self.limit > 0)


class Deferred(dict[str, Any]):
    """A scope some of whose entries (``deferred``; every one when None) are only known once every page
    is read: Jekyll's ``site.posts``, ``site.<collection>``, ``site.categories``, ``paginator``. Reading
    one sets ``read``: the page is rendered again then, with ``SITE_LISTS`` set (``origins/jekyll_lists``)."""

    def __init__(self, values: Mapping[str, Any], deferred: frozenset[str] | None = None) -> None:
        super().__init__(values)
        self.deferred = deferred
        self.read = False

    def get(self, key: str, default: Any = None) -> Any:
        if self.deferred is None or key in self.deferred:
            self.read = True
        return super().get(key, default)


# The site's lists (``posts``, each collection, ``categories``, ``tags``, ``paginator``…) while a page
# that reads them is rendered again at assembly; unset while pages are parsed one by one.
SITE_LISTS: ContextVar[Mapping[str, Any] | None] = ContextVar("SITE_LISTS", default=None)


class Collections(dict[str, Any]):
    """Every collection by name: ``collections.posts``, ``collections[tag]``, ``site.tags.x``."""

    def __init__(self, field: str = "tags", oldest_first: bool = False) -> None:
        super().__init__()
        self.field, self.oldest_first = field, oldest_first

    def get(self, key: str, default: Any = None) -> PostList:
        return PostList(str(key), self.field, oldest_first=self.oldest_first)

    def __getitem__(self, key: str) -> PostList:
        return self.get(key)

    def __contains__(self, key: object) -> bool:
        return True


def kept_list(value: Any, change: Callable[[list[Any]], list[Any]], count: int | None = None) -> Any:
    """A filter's result: on a ``PostList`` its marker kept (with a count), on anything else ``change``d."""
    if isinstance(value, PostList):
        return value.limited(count) if count else value
    return change(list(value) if isinstance(value, (list, tuple)) else [] if value is None else [value])


_PLACED = frozenset({"url", "id", "next", "previous"})  # known once every page is placed


def page_scope(front: Mapping[str, Any], source: str, kind: str, lists: Mapping[str, Any] | None) -> dict[str, Any]:
    """Jekyll's ``page``: the front matter, its ``path`` and ``name``, the ``collection`` of a post or a
    collection's document, and, from the site's lists (``lists``; until they are known a ``Deferred``
    that has the page rendered again), its ``url``, ``id`` and the ``next`` and ``previous`` document
    (by date: a newer post is next) as Jekyll's ``Document#next_doc`` has them."""
    name = source.rsplit("/", 1)[-1]
    page: dict[str, Any] = {"path": source, "name": name, **({"collection": kind} if kind not in ("pages", "drafts") else {}), **front}
    if lists is None:
        return Deferred(page, _PLACED - set(front))
    documents = lists.get(kind) if kind not in ("pages", "drafts") else lists.get("pages")
    items = list(documents) if isinstance(documents, (list, tuple)) else []
    own = next((index for index, item in enumerate(items) if isinstance(item, Mapping) and item.get("path") == source), None)
    if own is None:
        return page
    newer, older = (own - 1, own + 1) if kind == "posts" else (own + 1, own - 1)  # site.posts is newest first, a collection oldest first
    found: dict[str, Any] = {key: items[own].get(key) for key in ("url", "id")}
    if kind not in ("pages", "drafts"):
        found["next"] = items[newer] if 0 <= newer < len(items) else None
        found["previous"] = items[older] if 0 <= older < len(items) else None
    return {**found, **page}
