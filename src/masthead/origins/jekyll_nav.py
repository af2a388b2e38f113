"""The navigation of a Jekyll site as its theme lists it: Hydejack's ``menu:`` in ``_config.yml`` (a list of
``title`` and ``url``, in its order), else the pages that say they are in it, al-folio's (and Just the
Docs') ``nav: true`` with ``nav_order``: by ``nav_order``, then title, the pages without one last. A site
that says nothing keeps masthead's list of every page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .data import origin_config

if TYPE_CHECKING:
    from ..site import Document, Site


def _order(page: Document) -> tuple[bool, float, str]:
    order = page.entry.extra.get("nav_order")
    number = float(order) if isinstance(order, (int, float)) and not isinstance(order, bool) else None
    return number is None, number or 0.0, page.entry.title.lower()


def main_menu(site: Site) -> list[tuple[str, str]]:
    """(URL, label) of ``menu:``'s entries, else of the pages with ``nav: true`` (a paginated page counts, its
    list is its URL); none when neither is there."""
    menu = origin_config(site.config).get("menu")
    if isinstance(menu, list):
        entries = [(str(item["url"]), str(item["title"])) for item in menu if isinstance(item, dict) and item.get("url") and item.get("title")]
        if entries:
            return entries
    pages = [*site.pages, *(group.intro for group in site.groups if group.intro is not None)]
    if not any("nav" in page.entry.extra for page in pages):
        return []
    shown = sorted((page for page in pages if page.entry.extra.get("nav") is True), key=_order)
    return [(page.url, page.entry.title) for page in shown]
