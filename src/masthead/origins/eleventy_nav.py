"""The navigation of an Eleventy site as the eleventy-navigation plugin builds it (``collections.all |
eleventyNavigation``, what eleventy-base-blog's header lists): every document whose front matter has
``eleventyNavigation: {key: Home, order: 1}``, labelled by its ``title`` else its ``key``, at its ``url``
else the document's own, by ``order`` (none counts as 0, then as written); an entry with ``parent:
<key>`` is listed under that entry. A site with no such entry keeps masthead's list of every page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..site import Document, Site


_DEEPEST = 16  # levels of a menu shown; a longer chain of parents is cut there


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url: str
    children: tuple[NavEntry, ...] = ()


def _number(value: Any) -> float:
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return 0.0


def _entry(document: Document) -> tuple[float, str, str | None, NavEntry] | None:
    """(order, key, parent key, entry) of a document's ``eleventyNavigation``, None without a key."""
    value = document.entry.extra.get("eleventyNavigation")
    if not isinstance(value, dict) or not str(value.get("key") or "").strip():
        return None
    key = str(value["key"]).strip()
    label = str(value.get("title") or "").strip() or key
    url = value.get("url") if isinstance(value.get("url"), str) and value["url"].strip() else document.url
    parent = str(value["parent"]).strip() if value.get("parent") else None
    return _number(value.get("order")), key, parent, NavEntry(key, label, str(url))


def main_menu(site: Site) -> tuple[NavEntry, ...]:
    """The site's top-level navigation entries, each with its children, in the plugin's order."""
    found = [entry for document in site.bodies() if not document.noindex and (entry := _entry(document))]
    ordered = sorted(enumerate(found), key=lambda item: (item[1][0], item[0]))
    keys = {key for _, (_, key, _, _) in ordered}

    def under(parent: str | None, seen: frozenset[str]) -> tuple[NavEntry, ...]:
        return tuple(
            NavEntry(entry.key, entry.label, entry.url, under(key, seen | {key}) if len(seen) < _DEEPEST else ())
            for _, (_, key, above, entry) in ordered
            if (above if above in keys else None) == parent and key not in seen
        )

    return under(None, frozenset())
