"""What an adopted site's template tags may read: its own config and its data files.

Jekyll exposes ``_config.yml`` as ``site.*`` and ``_data/x.yml`` (also ``.yaml``, ``.json``, ``.csv``,
``.tsv``, in folders) as ``site.data.x``; Eleventy exposes ``_data/x.json`` as ``x`` beside the page's
front matter and ``page.*``. Eleventy's ``_data/x.js`` is a program: masthead runs none, so it is
not read, and a variable from it is named in the warning. Files are read once per change (keyed by
their stamps, ``filestamp``); a file that cannot be read gives no values, and ``data_problems`` names
it with its line (a build's warning), where the origin's generator would have refused to build.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import yaml

from ..config import Config
from ..content.datafile import DataFileError, load_data
from ..content.liquid_lists import Collections, PostList
from ..content.placement import folder_language, page_size, post_list_pagination
from ..errors import Problem
from ..filestamp import file_stamp

_JEKYLL_DATA = (".yml", ".yaml", ".json", ".csv", ".tsv")


def _read_data(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".csv", ".tsv"):
        return list(csv.DictReader(io.StringIO(text), delimiter="\t" if path.suffix == ".tsv" else ","))
    return load_data(text, path.suffix)


@lru_cache(maxsize=32)
def _mapping_file(path: str, stamp: tuple[int, int]) -> Mapping[str, Any]:
    try:
        data = _read_data(Path(path))
    except (OSError, ValueError, yaml.YAMLError, csv.Error):  # (tomllib's errors are ValueErrors)
        return {}
    return data if isinstance(data, dict) else {}


def origin_config(config: Config) -> Mapping[str, Any]:
    """The origin's own config file as data (``_config.yml``); empty for one that is not YAML or JSON."""
    name = config.origin.config_file
    if not name or not name.endswith((".yml", ".yaml", ".json", ".toml")):
        return {}
    path = config.root / name
    try:
        return _mapping_file(str(path), file_stamp(path))
    except OSError:
        return {}


def _signature(folder: Path, suffixes: tuple[str, ...]) -> tuple[tuple[str, tuple[int, int]], ...]:
    try:
        return tuple(sorted((str(path), file_stamp(path)) for path in folder.rglob("*") if path.suffix in suffixes and path.is_file()))
    except OSError:
        return ()


@lru_cache(maxsize=16)
def _data_folder(folder: str, signature: tuple[tuple[str, tuple[int, int]], ...]) -> Mapping[str, Any]:
    found: dict[str, Any] = {}
    for name, _ in signature:
        path = Path(name)
        if path.suffix == ".js":
            continue
        try:
            value = _read_data(path)
        except (OSError, ValueError, yaml.YAMLError, csv.Error):
            continue
        *folders, stem = PurePosixPath(path.relative_to(folder).with_suffix("").as_posix()).parts
        target = found
        for part in folders:
            target = target.setdefault(part, {}) if isinstance(target.get(part, {}), dict) else {}
        target[stem] = value
    return found


def data_folder(config: Config) -> Path | None:
    """Where the data files are: Jekyll's ``data_dir`` (``_data``); Eleventy's ``_data`` in or beside the input."""
    if config.origin.kind == "jekyll":
        return config.root / str(origin_config(config).get("data_dir") or "_data")
    if config.origin.kind == "eleventy":
        for folder in (config.folder("content") / "_data", config.root / "_data"):
            if folder.is_dir():
                return folder
    return None


def data_files(config: Config) -> tuple[Mapping[str, Any], tuple[str, ...]]:
    """The data files' values by name, and the names of JavaScript data files left unread."""
    folder = data_folder(config)
    if folder is None or not folder.is_dir():
        return {}, ()
    suffixes = (*_JEKYLL_DATA, ".js") if config.origin.kind == "jekyll" else (".json", ".js", ".cjs", ".mjs")
    signature = _signature(folder, suffixes)
    scripts = tuple(PurePosixPath(name).stem for name, _ in signature if name.endswith(("js",)))
    return _data_folder(str(folder), signature), scripts


def _where(exc: Exception) -> tuple[int | None, str]:
    """The line and the message of a data file's parse error (JSON, YAML, TOML, CSV or decoding)."""
    if isinstance(exc, DataFileError):
        return exc.line, exc.reason
    if isinstance(exc, OSError):
        return None, exc.strerror or str(exc)
    return None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__


@lru_cache(maxsize=16)
def _data_errors(root: str, signature: tuple[tuple[str, tuple[int, int]], ...]) -> tuple[Problem, ...]:
    found = []
    for name, _ in signature:
        path = Path(name)
        if path.suffix in (".js", ".cjs", ".mjs"):
            continue
        try:
            _read_data(path)
        except (OSError, ValueError, yaml.YAMLError, csv.Error) as exc:
            line, message = _where(exc)
            kind = path.suffix.lstrip(".").upper()
            found.append(
                Problem(
                    path.relative_to(root).as_posix() if path.is_relative_to(root) else name,
                    line,
                    None,
                    f"cannot be read ({message}); expected valid {kind}, as the site's generator needs (its values are left out)",
                    warning=True,
                )
            )
    return tuple(found)


def data_problems(config: Config) -> list[Problem]:
    """A warning for each data file (``_data/``) that cannot be read: its values are empty in pages."""
    folder = data_folder(config)
    if folder is None or not folder.is_dir():
        return []
    suffixes = _JEKYLL_DATA if config.origin.kind == "jekyll" else (".json",)
    return list(_data_errors(str(config.root), _signature(folder, suffixes)))


def scopes_for(source: str, data: Mapping[str, Any], config: Config) -> tuple[dict[str, Any], str, Any]:
    """(variables a body's tags may read, the path prefix relative_url adds, a hint for unknown names)."""
    files, scripts = data_files(config)
    kind = config.origin.kind
    if kind == "eleventy":
        path = PurePosixPath(source)
        stem = path.with_suffix("")
        page: dict[str, Any] = {"fileSlug": stem.parent.name if stem.name == "index" else stem.name, "filePathStem": "/" + stem.as_posix()}
        page.update(inputPath="./" + source, date=data.get("date"))
        scopes: dict[str, Any] = {**files, **data, "page": page, "eleventy": {"env": {"runMode": "build"}}, "collections": Collections(oldest_first=True)}
        paged = post_list_pagination(data)
        if paged:  # page-list.njk's `for entry in entries`: the collection it pages through (its first page)
            options = data["pagination"]
            # the first page's posts (reverse: true, newest first); origins/eleventy_pages.py makes the others
            first = PostList(paged, limit=page_size(options), oldest_first=options.get("reverse") is not True)
            scopes["pagination"] = {**options, "items": first, "pageNumber": 0}
            if isinstance(options.get("alias"), str):
                scopes[options["alias"]] = first
    else:
        site: dict[str, Any] = {"url": config.base_url, "title": config.title, **origin_config(config), "data": files}
        site["baseurl"] = ""  # masthead's links are from the site's root, which base_url places:
        site["url"] = config.base_url.rstrip("/")  # so {{ site.url }}{{ site.baseurl }} is still the address
        site.update(posts=PostList("all"), tags=Collections("tags"), categories=Collections("categories"))  # filled in later
        paginator: dict[str, Any] = {"posts": PostList("all")}
        if kind == "jekyll":  # the site's lists: read now, the page is rendered again once every page is read
            from ..content.liquid_lists import SITE_LISTS, Deferred
            from .jekyll_lists import LISTS
            from .jekyll_site import declared_collections

            names = declared_collections(config)
            lists = SITE_LISTS.get()
            if lists is not None:
                site.update({key: value for key, value in lists.items() if key != "paginator"})
                paginator = dict(lists.get("paginator") or {})
            else:
                site.update({name: PostList(name, "collection") for name in names})
            site = Deferred(site, LISTS | names)
            paginator = Deferred(paginator)
        scopes = {"site": site, "page": dict(data), "jekyll": {"environment": "production"}, "paginator": paginator}

    def hint(name: str) -> str:
        root = name.split(".")[0].split("[")[0]
        return f" (_data/{root}.js is JavaScript, which masthead does not run)" if root in scripts else ""

    return scopes, "", hint


def _directory_data(folder: Path, name: str) -> Mapping[str, Any]:
    for candidate in (folder / f"{name}.11tydata.json", folder / f"{name}.json"):
        try:
            return _mapping_file(str(candidate), file_stamp(candidate))
        except OSError:
            continue
    return {}


def inherited(source: str, config: Config) -> dict[str, Any]:
    """Front matter a file gets from elsewhere: Jekyll's ``defaults`` and collections, Eleventy's
    directory and template data files (``posts/posts.json``, ``x.11tydata.json``; JSON only)."""
    if config.origin.kind == "jekyll":
        from .jekyll_site import front_matter_defaults

        return front_matter_defaults(source, config)
    if config.origin.kind != "eleventy":
        return {}
    content = config.folder("content")
    path = config.root / source
    try:
        inner = path.relative_to(content)
    except ValueError:
        return {}
    merged: dict[str, Any] = {}
    folder = content
    for part in inner.parts[:-1]:  # the parent folders' data first, the nearest last
        folder = folder / part
        merged.update(_directory_data(folder, part))
    merged.update(_directory_data(path.parent, path.stem))
    return merged


def inherited_tags(source: str, config: Config) -> list[str]:
    """The tags every Eleventy directory and template data file above ``source`` gives it, in cascade
    order (the outermost first): Eleventy merges them with each other's and the file's own."""
    content, path = config.folder("content"), config.root / source
    try:
        inner = path.relative_to(content)
    except ValueError:
        return []
    found: list[Any] = []
    folder = content
    for part in inner.parts[:-1]:
        folder = folder / part
        found.append(_directory_data(folder, part).get("tags"))
    found.append(_directory_data(path.parent, path.stem).get("tags"))
    tags = [value if isinstance(value, list) else [value] for value in found if isinstance(value, (str, list))]
    return [str(tag) for group in tags for tag in group if isinstance(tag, (str, int)) and not isinstance(tag, bool)]


@lru_cache(maxsize=8)
def _pelican_file(path: str, stamp: tuple[int, int]) -> Mapping[str, Any]:
    from .pelican import literal_settings

    try:
        return literal_settings(Path(path))
    except Exception:  # noqa: BLE001 - `masthead init` reported a broken file; here it gives Pelican's defaults
        return {}


def pelican_settings(config: Config) -> Mapping[str, Any]:
    """The literal settings of ``pelicanconf.py`` (never run), for the URLs of translations."""
    path = config.root / (config.origin.config_file or "pelicanconf.py")
    try:
        return _pelican_file(str(path), file_stamp(path))
    except OSError:
        return {}


def template_inputs(config: Config) -> tuple[Path, ...]:
    """Every file an adopted site's bodies may read besides their own: the origin's config, its data
    files, its include files and Eleventy's directory data files. A build that caches parsed pages must
    count these among their inputs (an edit to ``_data/x.yml`` changes the pages that show it)."""
    if not config.origin.kind:
        return ()
    found: set[Path] = set()
    if config.origin.config_file and (config.root / config.origin.config_file).is_file():
        found.add(config.root / config.origin.config_file)
    folder = data_folder(config)
    folders = [folder] if folder is not None else []
    folders += [config.folder("content") / "_includes", config.root / "_includes"]
    if config.origin.kind == "jekyll":  # jekyll-scholar's BibTeX files
        from ..content.liquid_scholar import bibliography_folder

        folders.append(bibliography_folder(config))
    if config.origin.kind == "pelican":  # what liquid_tags' include_code and notebook read
        settings = pelican_settings(config)
        folders += [
            config.folder("content") / str(settings.get(key, default)).strip("/") for key, default in (("CODE_DIR", "code"), ("NOTEBOOK_DIR", "notebooks"))
        ]
    for base in folders:
        if base.is_dir():
            found.update(path for path in base.rglob("*") if path.is_file() and not path.name.startswith("."))
    if config.origin.kind == "hugo":  # the shortcode templates whose element and classes bodies show
        from ..content.theme_shortcodes import template_folders

        for folder in template_folders(config):
            if folder.is_dir():
                found.update(path for path in folder.rglob("*.html") if path.is_file())
    if config.origin.kind == "hugo" and config.folder("content").is_dir():  # their cascade reaches every page below
        found.update(path for path in config.folder("content").rglob("_index.*") if path.is_file() and path.suffix in (".md", ".markdown", ".html"))
    if config.origin.kind == "eleventy" and config.folder("content").is_dir():  # never walking into node_modules or hidden folders
        for walked, inner, files in os.walk(config.folder("content")):
            inner[:] = [name for name in inner if not name.startswith(".") and name != "node_modules"]
            here = Path(walked)
            found.update(here / name for name in files if name.endswith(".json") and (name[:-5].endswith(".11tydata") or name[:-5] == here.name))
    return tuple(sorted(found))


class CascadeTarget(NamedTuple):
    """Which pages a ``cascade`` entry is for: Hugo's ``target`` (before 0.141 ``_target``) globs."""

    path: str
    kind: str
    lang: str
    environment: str


@lru_cache(maxsize=256)
def _section_front_matter(path: str, stamp: tuple[int, int]) -> Mapping[str, Any]:
    """The front matter of a Hugo section page (``_index.md``), read once per version of the file; empty
    when it cannot be read (the section page's own parse reports it)."""
    from ..content import frontmatter

    try:
        text = Path(path).read_text(encoding="utf-8")
        return frontmatter.parse(frontmatter.split(text, path), path)
    except (OSError, UnicodeDecodeError, frontmatter.FrontMatterError):
        return {}


@lru_cache(maxsize=256)
def _cascade_of(path: str, stamp: tuple[int, int]) -> tuple[tuple[CascadeTarget, Mapping[str, Any]], ...]:
    """The ``cascade`` of a Hugo section page: a table, or a list of tables each with its target; an
    empty glob targets everything."""
    data = _section_front_matter(path, stamp)
    return cascade_entries(next((data[key] for key in data if str(key).lower() == "cascade"), None))


def cascade_entries(value: Any) -> tuple[tuple[CascadeTarget, Mapping[str, Any]], ...]:
    """A ``cascade`` value (a table, or a list of tables) as (target, values) pairs."""
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    found = []
    for item in items:
        if not isinstance(item, dict):
            continue
        target = item.get("target") or item.get("_target")
        globs = {str(key).lower(): str(glob) for key, glob in target.items() if isinstance(glob, str)} if isinstance(target, dict) else {}
        found.append(
            (
                CascadeTarget(*(globs.get(key, "") for key in CascadeTarget._fields)),
                {str(key): item[key] for key in item if key not in ("_target", "target")},
            )
        )
    return tuple(found)


@lru_cache(maxsize=128)
def _glob(pattern: str) -> re.Pattern[str]:
    """Hugo's glob (gobwas/glob with ``/`` as the separator): ``*`` within a path segment, ``**`` across
    them, ``?``, ``[a-z]``, ``{a,b}`` alternatives; matched without regard to case, as Hugo's paths are."""
    out, depth, index = [], 0, 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{":
            out.append("(?:")
            depth += 1
        elif char == "}" and depth:
            out.append(")")
            depth -= 1
        elif char == "," and depth:
            out.append("|")
        elif char == "[":
            close = pattern.find("]", index)
            if close > index:
                inner = pattern[index + 1 : close]
                out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner).replace("\\", "\\\\") + "]")
                index = close + 1
                continue
            out.append(re.escape(char))
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out) + ")" * depth, re.IGNORECASE)


def _matches(glob: str, value: str) -> bool:
    return not glob or _glob(glob).fullmatch(value) is not None


def hugo_kind_and_path(source: str, config: Config) -> tuple[str, str, str]:
    """(kind, logical path, language) of a Hugo content file as Hugo names them: ``page`` ``/docs/guide/install``
    (a bundle's path is its folder's), ``section`` ``/docs``, ``home`` ``/``; the language's folder or
    suffix is no part of the path."""
    from ..content.placement import language

    lang, _ = language(source, {}, config)
    path = PurePosixPath(source)
    content = config.folders.content.strip("/")
    inner = path.relative_to(content) if content not in ("", ".") and path.is_relative_to(content) else path
    parts = list(inner.with_suffix("").parts)
    if config.origin.languages and len(parts) > 1 and folder_language(parts[0], config):
        parts.pop(0)
    if parts:
        parts[-1] = parts[-1].rsplit(".", 1)[0] if parts[-1].rsplit(".", 1)[-1] in config.origin.languages else parts[-1]
    kind = "page"
    if parts and parts[-1] == "_index":
        kind, parts = ("home" if len(parts) == 1 else "section"), parts[:-1]
    elif parts and parts[-1] == "index":
        parts = parts[:-1]
    return kind, "/" + "/".join(parts).lower(), lang or (config.origin.languages[0] if config.origin.languages else config.language)


def cascaded(source: str, config: Config) -> dict[str, Any]:
    """Front matter a Hugo page gets from the ``cascade`` of the ``_index.md`` of the home and of each
    section above it, and its own (Hugo applies a cascade to its page too; the nearest winning, the
    page's own front matter over all). An entry's
    target globs must all match: ``path`` the page's logical path, ``kind`` (page, section, home),
    ``lang``, ``environment`` (``production``: what ``hugo`` builds)."""
    content = config.folder("content")
    path = config.root / source
    try:
        inner = path.relative_to(content)
    except ValueError:
        return {}
    folders = [content]
    for part in inner.parts[:-1]:
        folders.append(folders[-1] / part)
    kind, logical, lang = hugo_kind_and_path(source, config)
    found = {"path": logical, "kind": kind, "lang": lang, "environment": "production"}
    entries = list(_config_cascade(config))  # the site config's [cascade], reaching the home too: below every section's
    for folder in folders:
        for index in sorted(folder.glob("_index.*")):
            if index.suffix in (".md", ".markdown", ".html") and _own_language(index, lang, config):
                entries += _cascade_at(index)
    if kind == "page":  # a regular page's own cascade is for itself (a section's is among its folder's)
        entries += _cascade_at(path)
    merged: dict[str, Any] = {}
    for target, values in entries:
        if all(_matches(getattr(target, key), value) for key, value in found.items()):
            merged = merge_front_matter(merged, values)
    return merged


def section_path(source: str, sections: str, bundle: bool, config: Config) -> str:
    """The path of a Hugo page's sections in its URL: each folder's, or the ``slug`` its ``_index.md`` gives
    it (a section ``projects/`` with ``slug: work`` puts its pages under ``/work/``, as Hugo 0.168 does);
    ``bundle``: the page is its folder's ``index.md``, so the sections are the folders above that one."""
    if not sections or config.origin.kind != "hugo":
        return sections
    from ..content.placement import language

    parts = sections.split("/")
    folder = (config.root / source).parent.parent if bundle else (config.root / source).parent
    chain = [folder, *folder.parents][: len(parts)][::-1]
    if [each.name for each in chain] != parts:
        return sections
    lang, _ = language(source, {}, config)
    named = []
    for each, name in zip(chain, parts, strict=True):
        indexes = [index for index in sorted(each.glob("_index.*")) if index.suffix in (".md", ".markdown", ".html") and _own_language(index, lang, config)]
        slugs = (_section_front_matter(str(index), file_stamp(index)).get("slug") for index in indexes)
        named.append(next((slug.strip().strip("/") for slug in slugs if isinstance(slug, str) and slug.strip().strip("/")), name))
    return "/".join(named)


def _cascade_at(path: Path) -> tuple[tuple[CascadeTarget, Mapping[str, Any]], ...]:
    try:
        return _cascade_of(str(path), file_stamp(path))
    except OSError:
        return ()


def _config_cascade(config: Config) -> tuple[tuple[CascadeTarget, Mapping[str, Any]], ...]:
    """The Hugo config's ``[cascade]`` (or ``[[cascade]]``; in a config folder, ``cascade.toml``)."""
    from .hugo import config_parts

    found = cascade_entries(next((value for key, value in origin_config(config).items() if str(key).lower() == "cascade"), None))
    if config.origin.config_file:
        for part in config_parts(config.root / config.origin.config_file):
            if part.stem == "cascade":
                try:
                    data = _mapping_file(str(part), file_stamp(part))
                except OSError:
                    continue
                found += cascade_entries(data.get("cascade", data))
    return found


def _own_language(index: Path, lang: str, config: Config) -> bool:
    """Whether a section page (``_index.md``, ``_index.fr.md``, ``fr/_index.md``) is in the language ``lang``: its cascade is that language's."""
    from ..content.placement import language

    if not config.origin.languages:
        return index.stem == "_index"
    return language(index.relative_to(config.root).as_posix(), {}, config)[0] == lang


def merge_front_matter(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``, the tables Hugo merges key by key (``params``) merged one level down."""
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        merged[key] = {**below, **value} if isinstance(value, dict) and isinstance(below, dict) else value
    return merged


def default_language_in_subdir(config: Config) -> bool:
    """Hugo's ``defaultContentLanguageInSubdir = true``: the default language under ``/<lang>/`` too."""
    return config.origin.kind == "hugo" and bool(config.origin.languages) and origin_config(config).get("defaultContentLanguageInSubdir") is True
