"""The navigation of a Jekyll site whose pages say they are in it: al-folio's (and Just the Docs')
``nav: true`` with ``nav_order``, as its header lists them: by ``nav_order``, then title, the pages
without one last. A site whose pages say nothing keeps masthead's list of every page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..site import Document, Site


def _order(page: Document) -> tuple[bool, float, str]:
    order = page.entry.extra.get("nav_order")
    number = float(order) if isinstance(order, (int, float)) and not isinstance(order, bool) else None
    return number is None, number or 0.0, page.entry.title.lower()


def main_menu(site: Site) -> list[tuple[str, str]]:
    """(URL, label) of the pages with ``nav: true`` (a paginated page counts, its list is its URL); none when no page has ``nav``."""
    pages = [*site.pages, *(group.intro for group in site.groups if group.intro is not None)]
    if not any("nav" in page.entry.extra for page in pages):
        return []
    shown = sorted((page for page in pages if page.entry.extra.get("nav") is True), key=_order)
    return [(page.url, page.entry.title) for page in shown]
