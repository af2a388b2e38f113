"""A Hugo site's menus, for the templates: ``[[menu.main]]`` (or ``[[menus.main]]``, or ``menus.toml`` in a
config folder) entries, pages whose front matter says ``menu: main`` (a name, a list of names, or a table
``{main: {weight: 10, name: "X"}}``), and with ``sectionPagesMenu = "main"`` every top-level section.

Each menu in Hugo's order: by weight, an entry without one (weight 0) after those with one, then by
name. An entry's ``pageRef`` (``/about``, ``/posts``) is the page or section at that content path, else
its ``url``. Children (``parent``) are left out: the default theme's navigation has one level. A
multilingual site's ``[languages.en.menus]`` are read for the default language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..errors import MastheadError

if TYPE_CHECKING:
    from ..site import Document, Site


@dataclass(frozen=True)
class MenuEntry:
    name: str
    url: str
    weight: int = 0


def _config(site: Site) -> dict[str, Any]:
    from .hugo import read_config_folder

    config = site.config
    path = config.root / config.origin.config_file
    try:
        return read_config_folder(path) if config.origin.config_file and path.is_file() else {}
    except MastheadError:  # a broken config stops `masthead init`; here the site keeps masthead's navigation
        return {}


def _weight(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _logical_path(document: Document, content: str) -> str:
    """A page's path as ``pageRef`` names it: ``content/about/index.md`` and ``content/about.md`` are ``/about``."""
    path = PurePosixPath(document.entry.source)
    parts = list(path.parts[1:] if path.parts and path.parts[0] == content else path.parts)
    if parts and PurePosixPath(parts[-1]).stem in ("index", "_index"):
        parts = parts[:-1]
    elif parts:
        parts[-1] = PurePosixPath(parts[-1]).stem
    return "/" + "/".join(parts).lower()


def _page_menus(value: Any) -> dict[str, dict[str, Any]]:
    """A page's ``menu`` front matter as {menu name: its settings}."""
    if isinstance(value, str):
        return {value: {}}
    if isinstance(value, list):
        return {str(name): {} for name in value if isinstance(name, str)}
    if isinstance(value, dict):
        return {str(name): settings if isinstance(settings, dict) else {} for name, settings in value.items()}
    return {}


def _targets(site: Site) -> dict[str, tuple[str, str]]:
    """(URL, title) of every page and list by the path ``pageRef`` names it with (``/about``, ``/posts``)."""
    content = site.config.folders.content
    documents = (*site.posts, *site.pages, *((site.home,) if site.home else ()))
    targets = {_logical_path(document, content): (document.url, _label(document)) for document in documents}
    targets.update({group.url.removesuffix(".html").rstrip("/") or "/": (group.url, group.title) for group in site.groups})
    targets.update({_logical_path(group.intro, content): (group.url, group.title) for group in site.groups if group.intro})  # /posts at /articles/
    return targets


def _label(document: Document) -> str:
    """A page's name in a menu: its ``linkTitle``, else its title, as Hugo's ``LinkTitle``."""
    link_title = document.entry.extra.get("linkTitle")
    return str(link_title).strip() if isinstance(link_title, str) and link_title.strip() else document.entry.title


def _declared(data: dict[str, Any], default_language: str) -> Any:
    """The config's menus: ``[menus]`` (or ``[menu]``), else the default language's ``[languages.en.menus]``."""
    declared = data.get("menus", data.get("menu"))
    languages = data.get("languages")
    own = languages.get(default_language) if isinstance(languages, dict) and default_language else None
    if declared is None and isinstance(own, dict):  # the header is one: the default language's
        settings = {str(key).lower(): value for key, value in own.items()}
        declared = settings.get("menus", settings.get("menu"))
    return declared


def _config_entry(item: Any, targets: dict[str, tuple[str, str]]) -> MenuEntry | None:
    """One ``[[menus.main]]`` entry: its ``pageRef``'s page (and that page's title when it has no ``name``), else its ``url``."""
    if not isinstance(item, dict) or item.get("parent"):
        return None
    settings = {str(key).lower(): value for key, value in item.items()}
    reference = str(settings.get("pageref") or "").strip()
    url, title = targets.get("/" + reference.strip("/").lower().removesuffix(".md"), ("", "")) if reference else ("", "")
    url = url or str(settings.get("url") or "").strip()
    if url and not re.match(r"[a-z][a-z0-9+.-]*:|/|#", url):  # url = "about/": from the site's root, as relLangURL makes it
        url = "/" + url
    label = str(settings.get("name") or title or settings.get("identifier") or "").strip()
    return MenuEntry(label, url, _weight(settings.get("weight"))) if url and label else None


def menus(site: Site) -> dict[str, tuple[MenuEntry, ...]]:
    """Every menu of the site by name, each in Hugo's order."""
    data = {str(key).lower(): value for key, value in _config(site).items()}
    targets = _targets(site)
    entries: dict[str, list[MenuEntry]] = {}
    declared = _declared(data, site.config.origin.languages[0] if site.config.origin.languages else "")
    for name, items in declared.items() if isinstance(declared, dict) else ():
        for item in items if isinstance(items, list) else ():
            entry = _config_entry(item, targets)
            if entry is not None:
                entries.setdefault(str(name), []).append(entry)
    for document in (*site.posts, *site.pages, *((site.home,) if site.home else ())):
        page_menus = _page_menus(document.entry.extra.get("menu", document.entry.extra.get("menus")))
        for name, settings in page_menus.items():
            if settings.get("parent"):
                continue
            label = str(settings.get("name") or _label(document)).strip()
            weight = _weight(settings.get("weight")) or document.entry.placement.weight
            entries.setdefault(name, []).append(MenuEntry(label, document.url, weight))
    section_menu = data.get("sectionpagesmenu")
    if isinstance(section_menu, str) and section_menu:
        for group in site.groups:
            if not group.kind and group.url.strip("/").count("/") == 0 and group.url.strip("/").removesuffix(".html") in _sections(site):
                weight = group.intro.entry.placement.weight if group.intro else 0
                entries.setdefault(section_menu, []).append(MenuEntry(group.title, group.url, weight))
    return {name: _sorted(found) for name, found in entries.items()}


def _sections(site: Site) -> set[str]:
    return {document.entry.placement.section.lower() for document in (*site.posts, *site.pages) if document.entry.placement.section}


def _sorted(entries: list[MenuEntry]) -> tuple[MenuEntry, ...]:
    unique = list({entry.url: entry for entry in reversed(entries)}.values())[::-1]  # one entry per URL, the first kept
    return tuple(sorted(unique, key=lambda entry: (entry.weight == 0, entry.weight, entry.name.lower())))
