"""Jekyll's rules that come from ``_config.yml`` and apply file by file: collections and ``defaults``.

A collection (``collections: {recipes: {output: true}}``) lives in ``_recipes/`` (under
``collections_dir`` if set); with ``output: true`` its documents are pages at its ``permalink``,
by default ``/:collection/:path`` plus the site's permalink style's ending (jekyllrb.com/docs/
collections/, ``Collection#url_template``). ``defaults`` give front matter by path and type; the
``permalink`` and ``lang`` they give are applied here, as Jekyll applies them before the page's own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fnmatch import fnmatchcase
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..content.markdown import jekyll_slug
from .data import origin_config

if TYPE_CHECKING:
    from ..content.entries import Entry


def collections(config: Config) -> dict[str, Mapping[str, Any]]:
    """Name -> settings of every collection whose documents are written (``output: true``), posts aside."""
    if config.origin.kind != "jekyll":
        return {}
    declared = origin_config(config).get("collections")
    if isinstance(declared, list):
        declared = {str(name): {} for name in declared}
    if not isinstance(declared, dict):
        return {}
    return {str(name): settings for name, settings in declared.items() if isinstance(settings, dict) and settings.get("output") is True and name != "posts"}


def declared_collections(config: Config) -> frozenset[str]:
    """Every collection ``_config.yml`` declares (``output`` or not), posts aside."""
    declared = origin_config(config).get("collections") if config.origin.kind == "jekyll" else None
    names = declared if isinstance(declared, (dict, list)) else ()
    return frozenset(str(name) for name in names if str(name) != "posts")


def theme_listing(entry: Entry, config: Config) -> tuple[str, str] | None:
    """The list a theme's layout shows after a page's text, as masthead's list marker and its words:
    minimal-mistakes' ``layout: collection`` with ``collection: x`` (the collection's documents) and
    ``layout: category``/``tag`` with ``taxonomy: x`` (that category's or tag's posts), ``layout: categories``
    (every category with its posts); Hydejack's ``_featured_categories/x.md`` and ``_featured_tags/x.md``
    (the posts of the category or tag ``slug`` names)."""
    from ..content.bodies import post_listing

    if config.origin.kind != "jekyll":
        return None
    if entry.template == "categories":  # minimal-mistakes' /categories/, Chirpy's categories tab
        return post_listing("", "categories"), "the posts by category"
    featured = entry.source.split("/", 1)[0]
    if featured in ("_featured_categories", "_featured_tags") and entry.slug:  # Hydejack's: the posts of the category (tag) its slug names
        field, kind = ("categories", "category") if featured == "_featured_categories" else ("tags", "tag")
        return post_listing(entry.slug, field), f"the posts of the {kind} {entry.slug!r}"
    named = entry.extra.get("collection") if entry.template == "collection" else entry.extra.get("taxonomy")
    if not isinstance(named, str) or not named:
        return None
    if entry.template == "collection" and named in declared_collections(config):
        return post_listing(named, "collection"), f"the {named} collection"
    if entry.template in ("category", "tag"):
        field = "categories" if entry.template == "category" else "tags"
        return post_listing(named, field), f"the posts of the {entry.template} {named!r}"
    return None


def layout_lists_posts(name: str, config: Config) -> bool:
    """Whether the layout ``name`` may be a list of the site's posts: a theme's (its file is not in the site),
    or the site's own ``_layouts/<name>`` that loops over ``site.posts`` or ``paginator.posts`` (al-folio's
    ``cv.liquid`` shows ``site.data.cv`` instead)."""
    for suffix in (".html", ".liquid", ".htm"):
        path = config.root / "_layouts" / f"{name}{suffix}"
        if config.origin.kind == "jekyll" and path.is_file():
            return bool(re.search(r"\b(?:site|paginator)\.posts\b", path.read_text(encoding="utf-8", errors="replace")))
    return True


def collection_folders(config: Config) -> frozenset[str]:
    """The ``_`` folders discovery reads: collections' (``_recipes``) and those ``include:`` names
    (``include: [_pages]``, as minimal-mistakes sites keep their pages; ``include: [.well-known]``)."""
    included = origin_config(config).get("include") if config.origin.kind == "jekyll" else None
    named = {str(name).strip("/") for name in included if isinstance(name, str)} if isinstance(included, list) else set()
    return frozenset({f"_{name}" for name in collections(config)} | {name for name in named if name.startswith(("_", ".")) and "/" not in name})


def excluded(config: Config) -> tuple[str, ...]:
    """The patterns of ``exclude:`` in ``_config.yml`` (``vendor``, ``README.md``, ``*.sublime-project``)."""
    value = origin_config(config).get("exclude") if config.origin.kind == "jekyll" else None
    return tuple(str(item).strip().strip("/") for item in value if isinstance(item, str) and item.strip().strip("/")) if isinstance(value, list) else ()


def is_excluded(relative: str, patterns: tuple[str, ...]) -> bool:
    """Whether a file of the site is left out by ``exclude:``: the pattern matches it or a folder above
    it, as a glob (Ruby's ``File.fnmatch``, where ``*`` crosses ``/``) or as a path."""
    path = PurePosixPath(relative)
    prefixes = [PurePosixPath(*path.parts[: index + 1]).as_posix() for index in range(len(path.parts))]
    return any(fnmatchcase(prefix, pattern) for pattern in patterns for prefix in prefixes)


def _collection_of(source: str, config: Config) -> tuple[str, PurePosixPath] | None:
    folder = str(origin_config(config).get("collections_dir") or "").strip("/")
    parts = PurePosixPath(source).parts
    if folder:
        if parts[: len(PurePosixPath(folder).parts)] != PurePosixPath(folder).parts:
            return None
        parts = parts[len(PurePosixPath(folder).parts) :]
    if len(parts) < 2 or not parts[0].startswith("_") or parts[0][1:] not in collections(config):
        return None
    return parts[0][1:], PurePosixPath(*parts[1:])


def _defaults(source: str, kind: str, config: Config) -> dict[str, Any]:
    """The values of ``defaults`` whose scope takes this file, the most specific path last."""
    found: list[tuple[int, Mapping[str, Any]]] = []
    for item in origin_config(config).get("defaults") or []:
        if not isinstance(item, dict) or not isinstance(item.get("values"), dict):
            continue
        scope = item.get("scope") if isinstance(item.get("scope"), dict) else {}
        assert isinstance(scope, dict)
        path = str(scope.get("path") or "").strip("/")
        if path and not (source == path or source.startswith(path + "/")):
            continue
        if scope.get("type") and str(scope["type"]) != kind:
            continue
        found.append((len(path), item["values"]))
    merged: dict[str, Any] = {}
    for _, values in sorted(found, key=lambda pair: pair[0]):
        merged.update(values)
    return merged


def document_kind(source: str, config: Config) -> str:
    """Jekyll's type of a file: ``posts``, ``drafts``, a collection's name, or ``pages``."""
    parts = PurePosixPath(source).parts
    if "_posts" in parts:
        return "posts"
    if "_drafts" in parts:
        return "drafts"
    found = _collection_of(source, config)
    return found[0] if found else "pages"


def front_matter_defaults(source: str, config: Config) -> dict[str, Any]:
    """``permalink`` and ``lang`` from ``defaults``, and a collection document's ``permalink``."""
    kind = document_kind(source, config)
    values = {key: value for key, value in _defaults(source, kind, config).items() if key in ("permalink", "lang")}
    found = _collection_of(source, config)
    if found is not None and "permalink" not in values:
        name, inner = found
        settings = collections(config)[name]
        values["permalink"] = str(settings.get("permalink") or "/:collection/:path" + permalink_ending(config))
    if found is not None and isinstance(values.get("permalink"), str):
        name, inner = found
        path = inner.with_suffix("").as_posix()
        values["permalink"] = (
            str(values["permalink"])
            .replace(":collection", name)
            .replace(":path", path)
            .replace(":name", jekyll_slug(inner.stem, pretty=False, cased=False))
            .replace(":basename", inner.stem)
            .replace(":title", jekyll_slug(inner.stem))  # a document's :title is its file name's, slugified (Drops::UrlDrop#title)
        )
    return values


def permalink_ending(config: Config) -> str:
    """What the site's permalink style ends with, which collections' default URLs take (``/`` or ``.html``)."""
    from .jekyll import STYLES

    style = str(origin_config(config).get("permalink") or "date")
    template = STYLES.get(style, style)
    if template.endswith("/"):
        return "/"
    return ":output_ext" if template.endswith(":output_ext") else ""


def html_document(source: str, config: Config) -> bool:
    """An HTML file Jekyll renders: a post or collection document (``_posts/2024-01-05-x.html``), or a
    page with front matter (``contact.html``); the home page's ``index.html`` is masthead's own."""
    if not source.endswith((".html", ".htm")) or source in ("index.html", "index.htm"):
        return False
    if document_kind(source, config) != "pages":
        return True
    try:
        with open(config.root / source, "rb") as handle:
            return handle.read(4).rstrip(b"\r\n") == b"---"
    except OSError:
        return False
