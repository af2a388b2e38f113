"""The navigation of a Jekyll site as its theme lists it: Hydejack's ``menu:`` in ``_config.yml`` (a list of
``title`` and ``url``, in its order), else the pages that say they are in it, al-folio's (and Just the
Docs') ``nav: true`` with ``nav_order``: by ``nav_order``, then title, the pages without one last. A site
that says nothing keeps masthead's list of every page.

Just the Docs lists every page with a title in its navigation unless ``nav_exclude: true``, a page with
``parent: Setup`` (and ``grand_parent``) under that page: a site whose pages use those keys
(``nav_order``, ``parent``, ``has_children``, ``nav_exclude``) and no ``nav`` has its top-level pages in
the header, by ``nav_order``, then ``_config.yml``'s ``nav_external_links`` and ``aux_links``; a page
with ``has_children: true`` ends with the list of its children, as its layout shows it."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

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
    if any("nav" in page.entry.extra for page in pages):
        shown = sorted((page for page in pages if page.entry.extra.get("nav") is True), key=_order)
        return [(page.url, page.entry.title) for page in shown]
    if any(_JUST_THE_DOCS.intersection(page.entry.extra) for page in pages):
        listed = (page for page in pages if page.entry.title and not page.entry.extra.get("nav_exclude"))
        top = sorted((page for page in listed if not page.entry.extra.get("parent")), key=_order)
        return [(page.url, page.entry.title) for page in top] + _external_links(origin_config(site.config))
    return []


_JUST_THE_DOCS = frozenset({"nav_order", "parent", "has_children", "nav_exclude"})


def _external_links(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Just the Docs' ``nav_external_links`` (a list of ``title`` and ``url``) and ``aux_links`` (a label to
    a URL, or to a list holding it)."""
    links = settings.get("nav_external_links")
    items = links if isinstance(links, list) else []
    found = [(str(item["url"]), str(item["title"])) for item in items if isinstance(item, dict) and item.get("url") and item.get("title")]
    aux = settings.get("aux_links")
    for label, target in aux.items() if isinstance(aux, dict) else ():
        url = target[0] if isinstance(target, list) and target else target
        if isinstance(url, str) and url:
            found.append((url, str(label)))
    return found


def _children(parent: Document, pages: list[Document]) -> list[Document]:
    """The pages under ``parent`` in Just the Docs' navigation: ``parent:`` its title, ``grand_parent:``
    (when given) its own parent's, by ``nav_order``."""
    title, above = parent.entry.title, parent.entry.extra.get("parent")
    return sorted(
        (
            page
            for page in pages
            if page.entry.extra.get("parent") == title
            and page.entry.title
            and not page.entry.extra.get("nav_exclude")
            and page.entry.extra.get("grand_parent", above) == above
        ),
        key=_order,
    )


def with_child_lists(site: Site) -> Site:
    """The site with each Just the Docs ``has_children: true`` page ending in the list of its children
    (the theme's "Table of contents" under a parent page; ``has_toc: false`` turns it off)."""
    from ..content.markdown import RenderedMarkdown
    from ..site import with_documents

    pages = list(site.pages)
    replaced: dict[int, Document] = {}
    for page in pages:
        extra = page.entry.extra
        children = _children(page, pages) if extra.get("has_children") is True and extra.get("has_toc") is not False else []
        if not children:
            continue
        items = "".join(f'<li><a href="{html.escape(child.url)}">{html.escape(child.entry.title)}</a></li>\n' for child in children)
        body = page.entry.body
        shown = f'{body.html}<h2 class="child-pages">Table of contents</h2>\n<ul>\n{items}</ul>\n'
        new_body = RenderedMarkdown(shown, body.summary, body.citations, body.links, body.headings, body.read_more, body.images)
        replaced[id(page)] = replace(page, entry=replace(page.entry, body=new_body))
    return with_documents(site, replaced)
