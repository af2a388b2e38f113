"""A Hugo site's menus, for the templates: ``[[menu.main]]`` (or ``[[menus.main]]``, or ``menus.toml`` in a
config folder) entries, pages whose front matter says ``menu: main`` (a name, a list of names, or a table
``{main: {weight: 10, name: "X"}}``), and with ``sectionPagesMenu = "main"`` every top-level section.

Each menu in Hugo's order: by weight, an entry without one (weight 0) after those with one, then by
name. An entry's ``pageRef`` (``/about``, ``/posts``) is the page or section at that content path, else
its ``url``. An entry with a ``parent`` (the ``identifier``, else the ``name``, of another) is one of its
``children``, in the same order; one whose parent is in no menu is left out, as Hugo leaves it. A
multilingual site's ``[languages.fr.menus]`` (``menus.fr.toml`` in a config folder) are that language's
menus, their ``pageRef`` naming that language's pages; the default language's are the site's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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
    identifier: str = ""  # what a child's ``parent`` names: its identifier, else its name
    parent: str = ""
    children: tuple[MenuEntry, ...] = ()


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


def _logical_path(document: Document, content: str, folders: tuple[str, ...] = ()) -> str:
    """A page's path as ``pageRef`` names it: ``content/about/index.md`` and ``content/about.md`` are ``/about``;
    in a language's folder (``content/fr/``, one of ``folders``) or named for it (``about.fr.md``) too."""
    path = PurePosixPath(document.entry.source)
    parts = list(path.parts[1:] if path.parts and path.parts[0] == content else path.parts)
    if len(parts) > 1 and parts[0] in folders:
        parts = parts[1:]
    lang = document.entry.placement.lang
    stem = PurePosixPath(parts[-1]).stem if parts else ""
    stem = stem.removesuffix(f".{lang}") if lang else stem
    if parts and stem in ("index", "_index"):
        parts = parts[:-1]
    elif parts:
        parts[-1] = stem
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


def _documents(site: Site, lang: str) -> list[Document]:
    """The pages of one language ("": the default's, and every page of a site with one language)."""
    languages = site.config.origin.languages
    documents = [*site.posts, *site.pages, *((site.home,) if site.home else ()), *(group.intro for group in site.groups if group.intro)]
    if not languages:
        return documents
    return [document for document in documents if (document.entry.placement.lang or languages[0]) == (lang or languages[0])]


def _targets(site: Site, lang: str = "") -> dict[str, tuple[str, str]]:
    """(URL, title) of every page and list of a language by the path ``pageRef`` names it with (``/about``, ``/posts``)."""
    config = site.config
    folders = (*config.origin.languages, *config.origin.language_folders)
    prefix = f"/{lang}" if lang and config.origin.languages and lang != config.origin.languages[0] else ""
    documents = _documents(site, lang)
    intros = {id(document) for document in documents}
    targets = {_logical_path(document, config.folders.content, folders): (document.url, _label(document)) for document in documents}
    lists = [group for group in site.groups if not prefix or group.url.startswith(prefix + "/")]
    if not prefix and config.origin.languages:
        lists = [group for group in lists if not any(group.url.startswith(f"/{other}/") for other in config.origin.languages[1:])]
    targets.update({group.url.removeprefix(prefix).removesuffix(".html").rstrip("/") or "/": (group.url, group.title) for group in lists})
    targets.update(
        {_logical_path(group.intro, config.folders.content, folders): (group.url, group.title) for group in lists if group.intro and id(group.intro) in intros}
    )  # /posts at /articles/
    return targets


def _label(document: Document) -> str:
    """A page's name in a menu: its ``linkTitle``, else its title, as Hugo's ``LinkTitle``."""
    link_title = document.entry.extra.get("linkTitle")
    return str(link_title).strip() if isinstance(link_title, str) and link_title.strip() else document.entry.title


def _declared(data: dict[str, Any], language: str, default: bool = True) -> Any:
    """The config's menus of ``language``: its ``[languages.fr.menus]``; for the default language the
    top-level ``[menus]`` (or ``[menu]``) first."""
    declared = data.get("menus", data.get("menu")) if default else None
    languages = data.get("languages")
    own = languages.get(language) if isinstance(languages, dict) and language else None
    if declared is None and isinstance(own, dict):
        settings = {str(key).lower(): value for key, value in own.items()}
        declared = settings.get("menus", settings.get("menu"))
    return declared


def _config_entry(item: Any, targets: dict[str, tuple[str, str]]) -> MenuEntry | None:
    """One ``[[menus.main]]`` entry: its ``pageRef``'s page (and that page's title when it has no ``name``), else its ``url``."""
    if not isinstance(item, dict):
        return None
    settings = {str(key).lower(): value for key, value in item.items()}
    reference = str(settings.get("pageref") or "").strip()
    url, title = targets.get("/" + reference.strip("/").lower().removesuffix(".md"), ("", "")) if reference else ("", "")
    url = url or str(settings.get("url") or "").strip()
    if url and not re.match(r"[a-z][a-z0-9+.-]*:|/|#", url):  # url = "about/": from the site's root, as relLangURL makes it
        url = "/" + url
    label = str(settings.get("name") or title or settings.get("identifier") or "").strip()
    identifier = str(settings.get("identifier") or label).strip()
    parent = str(settings.get("parent") or "").strip()
    return MenuEntry(label, url, _weight(settings.get("weight")), identifier, parent) if url and label else None


def menus(site: Site, lang: str = "") -> dict[str, tuple[MenuEntry, ...]]:
    """Every menu of the site by name, each in Hugo's order; ``lang``: another language's, {} if it has none."""
    data = {str(key).lower(): value for key, value in _config(site).items()}
    languages = site.config.origin.languages
    other = bool(lang and languages and lang != languages[0])
    targets = _targets(site, lang)
    entries: dict[str, list[MenuEntry]] = {}
    declared = _declared(data, lang if other else languages[0] if languages else "", default=not other)
    for name, items in declared.items() if isinstance(declared, dict) else ():
        for item in items if isinstance(items, list) else ():
            entry = _config_entry(item, targets)
            if entry is not None:
                entries.setdefault(str(name), []).append(entry)
    for document in (document for document in _documents(site, lang) if not _is_intro(site, document)):
        page_menus = _page_menus(document.entry.extra.get("menu", document.entry.extra.get("menus")))
        for name, settings in page_menus.items():
            label = str(settings.get("name") or _label(document)).strip()
            weight = _weight(settings.get("weight")) or document.entry.placement.weight
            identifier = str(settings.get("identifier") or label).strip()
            entries.setdefault(name, []).append(MenuEntry(label, document.url, weight, identifier, str(settings.get("parent") or "").strip()))
    section_menu = data.get("sectionpagesmenu")
    prefix = f"/{lang}" if other else ""
    if isinstance(section_menu, str) and section_menu:
        for group in site.groups:
            path = group.url.removeprefix(prefix).strip("/")
            if not group.kind and group.url.startswith(prefix + "/") and path.count("/") == 0 and path.removesuffix(".html") in _sections(site):
                weight = group.intro.entry.placement.weight if group.intro else 0
                entries.setdefault(section_menu, []).append(MenuEntry(group.title, group.url, weight, group.title))
    return {name: _nested(found) for name, found in entries.items()}


def _is_intro(site: Site, document: Document) -> bool:
    return any(group.intro is document for group in site.groups)


def _nested(entries: list[MenuEntry]) -> tuple[MenuEntry, ...]:
    """The entries without a parent, in Hugo's order, each with its children (and theirs) inside."""
    by_parent: dict[str, list[MenuEntry]] = {}
    for entry in entries:
        by_parent.setdefault(entry.parent, []).append(entry)

    def placed(entry: MenuEntry, seen: frozenset[str]) -> MenuEntry:
        own = by_parent.get(entry.identifier, []) if entry.identifier not in seen else []  # a parent naming itself is no loop
        return replace(entry, children=tuple(placed(child, seen | {entry.identifier}) for child in _sorted(own)))

    return tuple(placed(entry, frozenset()) for entry in _sorted(by_parent.get("", [])))


def _sections(site: Site) -> set[str]:
    return {document.entry.placement.section.lower() for document in (*site.posts, *site.pages) if document.entry.placement.section}


def _sorted(entries: list[MenuEntry]) -> tuple[MenuEntry, ...]:
    unique = list({entry.url: entry for entry in reversed(entries)}.values())[::-1]  # one entry per URL, the first kept
    return tuple(sorted(unique, key=lambda entry: (entry.weight == 0, entry.weight, entry.name.lower())))
