"""``masthead init`` for a Pelican site: ``pelicanconf.py`` read without running it.

The settings are Python, so they are parsed with ``ast`` and only literal assignments
(``SITENAME = "x"``, ``ARTICLE_URL = "{date:%Y}/{slug}/"``) are read; nothing is executed.
``publishconf.py``'s ``SITEURL`` (the published address) wins over ``pelicanconf.py``'s.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..config import PELICAN_FEEDS
from ..errors import MastheadError, Problem
from .plan import Plan

_TOKENS = {
    "slug": "{slug}",
    "date:%Y": "{year}",
    "date:%y": "{short_year}",
    "date:%m": "{month}",
    "date:%b": "{month_short}",
    "date:%B": "{month_name}",
    "date:%d": "{day}",
    "date:%j": "{y_day}",
    "date:%H": "{hour}",
    "date:%M": "{minute}",
    "date:%S": "{second}",
    "date:%a": "{day_short}",
    "date:%A": "{day_name}",
    "date:%V": "{week}",
    "date:%G": "{w_year}",
    "date:%u": "{w_day}",
    "category": "{categories}",
}


_UNREAD = object()


def _value(node: ast.expr, settings: Mapping[str, Any]) -> Any:
    """A literal, a setting named before (``PAGE_SAVE_AS = PAGE_URL``) or strings of those joined with
    ``+`` (``ARTICLE_SAVE_AS = ARTICLE_URL + 'index.html'``); anything else is not read."""
    if isinstance(node, ast.Name):
        return settings.get(node.id, _UNREAD)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _value(node.left, settings), _value(node.right, settings)
        return left + right if isinstance(left, str) and isinstance(right, str) else _UNREAD
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _UNREAD  # computed (os.path.join…): not a literal, not read


def literal_settings(path: Path) -> dict[str, Any]:
    """Every ``NAME = <literal>`` at the top of a Python file (and ``NAME = OTHER + 'x'``), without executing it."""
    try:
        with warnings.catch_warnings():  # '\d' in a plain string (FILENAME_METADATA): Python warns, Pelican's Python runs it
            warnings.simplefilter("ignore")
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=path.name)
    except SyntaxError as exc:
        raise MastheadError([Problem(path.name, exc.lineno, None, f"is not valid Python ({exc.msg}); expected Pelican's settings file")]) from exc
    except (OSError, UnicodeDecodeError):
        return {}
    settings: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _value(node.value, settings)
            if value is not _UNREAD:
                settings[node.targets[0].id] = value
    return settings


_SAVED = {"ARTICLE": "{slug}.html", "PAGE": "pages/{slug}.html", "ARTICLE_LANG": "{slug}-{lang}.html", "PAGE_LANG": "pages/{slug}-{lang}.html"}


def saved_pattern(kind: str, settings: Mapping[str, Any], notes: list[str] | None = None, lang: str = "") -> str:
    """The URL pattern of articles (``kind`` ARTICLE), pages, or their translations (ARTICLE_LANG…):
    where Pelican saves them, ``*_SAVE_AS`` (set or its default, whatever ``*_URL`` says); a file
    ``…/index.html`` is served as ``…/``. A ``*_URL`` that differs is noted: links now go to the file."""
    save_as = settings.get(f"{kind}_SAVE_AS")
    path = (save_as if isinstance(save_as, str) and save_as.strip("/") else _SAVED[kind]).lstrip("/")
    path = path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path
    pattern = url_pattern(path.replace("{lang}", lang) if lang else path, notes if notes is not None else [])
    linked = settings.get(f"{kind}_URL")
    if notes is not None and isinstance(linked, str) and linked.strip("/") and url_pattern(linked, []) != pattern:
        notes.append(f"{kind}_URL {linked!r} differs from where Pelican saves the files ({kind}_SAVE_AS): masthead's URLs are the files', {pattern}.")
    return pattern


def url_pattern(value: str, notes: list[str]) -> str:
    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in _TOKENS:
            notes.append(f"Pelican's URL placeholder {{{name}}} has no masthead equivalent; it was replaced by {{slug}}.")
            return "{slug}"
        return _TOKENS[name]

    converted = "/" + re.sub(r"{([^}]+)}", token, value).lstrip("/")
    return converted if converted.endswith(("/", ".html")) else converted + "/"


def plan(site: Path, found: str) -> Plan:
    settings = literal_settings(site / found)
    if (site / "publishconf.py").is_file():
        published = literal_settings(site / "publishconf.py")
        settings.update({key: value for key, value in published.items() if key == "SITEURL" or "FEED_" in key})  # what `make publish` changes
    notes = [
        "Pelican's rules: files in PAGE_PATHS (content/pages/) are pages, the others (ARTICLE_PATHS) articles, dated posts;",
        "the slug comes from the title unless Slug: says; Status: draft makes a draft; the folder is the category",
        "(else DEFAULT_CATEGORY); tags, categories and authors have pages where TAG_SAVE_AS, CATEGORY_SAVE_AS, AUTHOR_SAVE_AS say;",
        "{static} and {filename} links are resolved; files beside the articles are published as they are.",
    ]
    values: dict[str, Any] = {
        "title": str(settings.get("SITENAME") or "My Site"),
        "permalink": saved_pattern("ARTICLE", settings, notes),
        "page_permalink": saved_pattern("PAGE", settings, notes),
    }
    terms = {kind: term_pattern(kind, settings, notes) for kind in ("tag", "category", "author")}
    if first_page_in_folder(settings):  # PAGINATION_PATTERNS' (1, '{base_name}/', '{base_name}/index.html'): tag/x/
        terms = {kind: pattern[: -len(".html")] + "/" if pattern.endswith(".html") else pattern for kind, pattern in terms.items()}
    pagination = settings.get("DEFAULT_PAGINATION")
    if isinstance(pagination, int) and not isinstance(pagination, bool) and pagination > 0:  # index2.html, index3.html…
        values.update(page_size=pagination, page_path=later_pages(settings, notes))
    url = str(settings.get("SITEURL") or "").rstrip("/")
    if url.startswith("//") and len(url) > 2:  # protocol-relative ('//blog.example.com'): served over https
        url = "https:" + url
    if url.startswith(("http://", "https://")):
        values["base_url"] = url
    else:
        notes.append("No absolute SITEURL in pelicanconf.py or publishconf.py: set base_url below before publishing.")
    if isinstance(settings.get("TIMEZONE"), str):
        values["timezone"] = settings["TIMEZONE"]
    if isinstance(settings.get("DEFAULT_LANG"), str):
        values["language"] = settings["DEFAULT_LANG"]
    content = str(settings.get("PATH") or "content")
    tables: dict[str, dict[str, Any]] = {
        "folders": {"content": content, "static": content, "output": str(settings.get("OUTPUT_PATH") or "output").strip("/") or "output"},
        # Python-Markdown keeps raw HTML; `Template: page` and `article` name Pelican's own templates
        "origin": {
            "kind": "pelican",
            "config_file": found,
            "page_template": "about-page",
            "raw_html": True,
            "layouts": {"page": "about-page", "article": "blog-post"},
        },
    }
    if isinstance(settings.get("AUTHOR"), str):
        tables["author"] = {"name": settings["AUTHOR"]}
    tables["origin"].update({f"{kind}_permalink": pattern for kind, pattern in terms.items() if pattern})
    if "TAG_SAVE_AS" in settings and not settings["TAG_SAVE_AS"]:  # '': Pelican writes no tag pages, so neither does masthead
        tables["origin"]["disabled_lists"] = ["term"]
    kept = feed_paths(settings, terms)
    if kept:
        tables["origin"]["feeds"] = kept
    indexes = index_pages(settings)
    if indexes:
        tables["origin"]["index_pages"] = indexes
    index = settings.get("INDEX_SAVE_AS")  # 'blog/index.html' beside a home page of its own: masthead lists the posts at /
    if isinstance(index, str) and index.strip("/") and index.strip("/") != "index.html":
        moved = "/" + (index.strip("/")[: -len("index.html")] if index.endswith("index.html") else index.strip("/"))
        tables["deploy"] = {"redirects": [f"{moved} / 301"]}
        notes.append(f"INDEX_SAVE_AS {index!r}: masthead lists the posts on the home page; {moved} leads there.")
    periods = period_paths(settings, notes)
    if periods:
        tables["origin"]["period_archives"] = periods
    tables["origin"]["default_category"] = str(settings.get("DEFAULT_CATEGORY") or "misc")
    if settings.get("USE_FOLDER_AS_CATEGORY", True) is False:
        tables["origin"]["folder_category"] = False
    default = str(settings.get("DEFAULT_LANG") or "en")
    languages = list(dict.fromkeys([default, *subsites(settings), *content_languages(site / content)]))
    if len(languages) > 1:
        tables["origin"]["languages"] = languages
        values["language"] = default
        shown = ", ".join(subsites(settings))
        notes.append(
            f"Languages {', '.join(languages)}: Lang: in the header; a translation has the same slug as its original "
            f"and is published at ARTICLE_LANG_SAVE_AS ({{slug}}-{{lang}}.html)"
            + (f", or in the i18n_subsites sub-site /<lang>/ ({shown})" if shown else "")
            + "; translations are linked with hreflang."
        )
    return Plan("pelican", found, values, tables, tuple(notes))


def term_pattern(kind: str, settings: Mapping[str, Any], notes: list[str]) -> str:
    """The URL pattern of a tag's, category's or author's page: where Pelican saves it (TAG_SAVE_AS,
    default ``tag/{slug}.html``; ``…/index.html`` is served as ``…/``); "" when it makes none."""
    name = kind.upper()
    save_as = settings.get(f"{name}_SAVE_AS", f"{kind}/{{slug}}.html")
    if not save_as or not isinstance(save_as, str):  # '' or False: Pelican writes no such pages
        shown = f"masthead makes no {kind} pages either" + (" and links no tag (disabled_lists: term)" if kind == "tag" else "")
        notes.append(f"{name}_SAVE_AS is empty: {shown}.")
        return ""
    path = save_as.replace("{name}", "{slug}").lstrip("/")
    path = path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path
    if re.sub(r"{slug}", "", path).count("{") or "{slug}" not in path or not path.endswith(("/", ".html")):
        instead = "masthead's /tags/<slug>/ are used." if kind == "tag" else f"no {kind} pages are made."
        notes.append(f"{name}_SAVE_AS {save_as!r} has no masthead equivalent; {instead}")
        return ""
    return "/" + path


_FEED_DEFAULTS = {"FEED_ALL_ATOM": "feeds/all.atom.xml", "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml"}
_FEED_DEFAULTS |= {"AUTHOR_FEED_ATOM": "feeds/{slug}.atom.xml", "AUTHOR_FEED_RSS": "feeds/{slug}.rss.xml"}
_FEED_DEFAULTS |= {"TRANSLATION_FEED_ATOM": "feeds/all-{lang}.atom.xml"}


def feed_paths(settings: Mapping[str, Any], terms: Mapping[str, str]) -> dict[str, str]:
    """Pelican's feeds, as published (publishconf.py's settings over pelicanconf.py's, over Pelican's
    defaults): FEED_ALL_ATOM, CATEGORY_FEED_ATOM, AUTHOR_FEED_ATOM/RSS, and the others when set."""
    found: dict[str, str] = {}
    for name in PELICAN_FEEDS:
        path = settings.get(name, _FEED_DEFAULTS.get(name))
        kind = name.split("_")[0].lower()
        if not isinstance(path, str) or not path.strip("/") or (kind in ("tag", "category", "author") and not terms[kind]):
            continue  # None: not written (pelicanconf.py's "not desired when developing")
        token = "{lang}" if name.startswith("TRANSLATION_") else "{slug}"
        path = path.lstrip("/").replace("{name}", token).replace("%s", token)  # Pelican 3's 'feeds/%s.atom.xml', as Pelican 4 reads it
        if path.endswith(".xml") and path.replace(token, "").count("{") == 0 and (token in path) != name.startswith("FEED_"):
            found[name] = path
    return found


def first_page_in_folder(settings: Mapping[str, Any]) -> bool:
    """Whether PAGINATION_PATTERNS writes a paginated list's first page as ``{base_name}/index.html``
    (a tag's page at tag/x/index.html rather than tag/x.html)."""
    patterns = settings.get("PAGINATION_PATTERNS")
    if not isinstance(patterns, (list, tuple)) or not isinstance(settings.get("DEFAULT_PAGINATION"), int):
        return False
    first = [pattern for pattern in patterns if isinstance(pattern, (list, tuple)) and len(pattern) == 3 and pattern[0] == 1]
    return bool(first) and str(first[0][2]) == "{base_name}/index.html"


def later_pages(settings: Mapping[str, Any], notes: list[str]) -> str:
    """``page_path`` from PAGINATION_PATTERNS' pattern for page 2 on: the default
    ``{name}{number}{extension}`` is ``index{number}.html`` (tag/x.html goes on at tag/x2.html);
    ``{base_name}/page/{number}/index.html`` is ``page/{number}/`` (tag/x.html at tag/x/page/2/)."""
    patterns = settings.get("PAGINATION_PATTERNS")
    if not isinstance(patterns, (list, tuple)):
        return "index{number}.html"
    later = [pattern for pattern in patterns if isinstance(pattern, (list, tuple)) and len(pattern) == 3 and pattern[0] != 1]
    save_as = str(later[0][2]) if later else "{name}{number}{extension}"
    if save_as in ("{name}{number}{extension}", "{name}{number}.html"):
        return "index{number}.html"
    path = save_as.replace("{base_name}/", "", 1) if save_as.startswith("{base_name}/") else ""
    path = path[: -len("index.html")] if path.endswith("/index.html") else path
    if path.count("{number}") == 1 and "{" not in path.replace("{number}", "") and path.endswith(("/", ".html")):
        return path
    notes.append(f"PAGINATION_PATTERNS {save_as!r} has no masthead equivalent: later pages are at index2.html….")
    return "index{number}.html"


def _paths(settings: Mapping[str, Any], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = settings.get(name, default)
    return tuple(str(path).strip("/") for path in value) if isinstance(value, (list, tuple)) else default


def is_page(sections: str, settings: Mapping[str, Any]) -> bool:
    """Whether a file in the content folder's ``sections`` is a page: under PAGE_PATHS (default
    ``pages``) and not under ARTICLE_PATHS (default the whole folder), each excluding the other's
    folders (an empty path, the whole folder, excludes nothing)."""

    def under(paths: tuple[str, ...]) -> bool:
        return any(not path or sections == path or sections.startswith(path + "/") for path in paths)

    pages, articles = _paths(settings, "PAGE_PATHS", ("pages",)), _paths(settings, "ARTICLE_PATHS", ("",))
    return under(pages) and not under(tuple(path for path in articles if path))


def is_read(relative: str, settings: Mapping[str, Any]) -> bool:
    """Whether Pelican reads a file (its path inside the content folder) as an article or a page:
    under ARTICLE_PATHS and not under ARTICLE_EXCLUDES or PAGE_PATHS, or under PAGE_PATHS and not
    under PAGE_EXCLUDES (``ARTICLE_EXCLUDES = ['draft']``: content/draft/ is neither)."""

    def under(paths: tuple[str, ...], excluding: bool = False) -> bool:  # an empty path is the whole folder, and excludes nothing
        return any(relative.startswith(path + "/") or relative == path if path else not excluding for path in paths)

    pages, articles = _paths(settings, "PAGE_PATHS", ("pages",)), _paths(settings, "ARTICLE_PATHS", ("",))
    article = under(articles) and not under(_paths(settings, "ARTICLE_EXCLUDES", ()) + pages, excluding=True)
    return article or (under(pages) and not under(_paths(settings, "PAGE_EXCLUDES", ()) + articles, excluding=True))


def index_pages(settings: Mapping[str, Any]) -> dict[str, str]:
    """Pelican's direct templates (DIRECT_TEMPLATES, default index, tags, categories, authors, archives)
    at their SAVE_AS (``tags.html``…), whether or not the terms have pages of their own (AUTHOR_SAVE_AS = '':
    ``authors.html`` lists the names, unlinked)."""
    direct = settings.get("DIRECT_TEMPLATES", ("index", "tags", "categories", "authors", "archives"))
    found: dict[str, str] = {}
    for name in ("tags", "categories", "authors", "archives"):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if name not in direct or not isinstance(save_as, str) or not save_as.strip("/"):
            continue
        path = save_as.lstrip("/")
        path = path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path
        if path.endswith(("/", ".html")) and "{" not in path:
            found[name] = "/" + path
    return found


def period_paths(settings: Mapping[str, Any], notes: list[str]) -> dict[str, str]:
    """YEAR_ARCHIVE_SAVE_AS and MONTH_ARCHIVE_SAVE_AS (Pelican writes none by default) as URL patterns."""
    found: dict[str, str] = {}
    for name in ("year", "month"):
        save_as = settings.get(f"{name.upper()}_ARCHIVE_SAVE_AS")
        if isinstance(save_as, str) and save_as.strip("/"):
            path = save_as.lstrip("/")
            found[name] = url_pattern(path[: -len("index.html")] if path.endswith("index.html") else path, notes)
    if isinstance(settings.get("DAY_ARCHIVE_SAVE_AS"), str) and settings["DAY_ARCHIVE_SAVE_AS"].strip("/"):
        notes.append("DAY_ARCHIVE_SAVE_AS: masthead's archive has years and months, not days; those pages are not made.")
    return found


def draft_pattern(is_page: bool, settings: Mapping[str, Any]) -> str:
    """Where Pelican writes a draft, unlisted: DRAFT_SAVE_AS (``drafts/{slug}.html``) or, for a page,
    DRAFT_PAGE_SAVE_AS (``drafts/pages/{slug}.html``), as URL patterns."""
    name, default = ("DRAFT_PAGE_SAVE_AS", "drafts/pages/{slug}.html") if is_page else ("DRAFT_SAVE_AS", "drafts/{slug}.html")
    save_as = settings.get(name)
    path = (save_as if isinstance(save_as, str) and save_as.strip("/") else default).lstrip("/")
    return url_pattern(path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path, [])


def subsites(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages i18n_subsites builds as sites of their own (``I18N_SUBSITES = {"fr": {…}}``)."""
    declared = settings.get("I18N_SUBSITES")
    return tuple(str(code) for code in declared) if isinstance(declared, dict) else ()


def translated_url(lang: str, is_page: bool, settings: Mapping[str, Any]) -> str:
    """The URL pattern of an article or page in a language other than DEFAULT_LANG.

    Pelican writes it at ARTICLE_LANG_SAVE_AS (``{slug}-{lang}.html``) or PAGE_LANG_SAVE_AS; with
    i18n_subsites it is a native page of the ``/<lang>/`` sub-site, at ARTICLE_SAVE_AS or PAGE_SAVE_AS there.
    """
    kind = "PAGE" if is_page else "ARTICLE"
    if lang in subsites(settings):
        return f"/{lang}" + saved_pattern(kind, settings)
    return saved_pattern(f"{kind}_LANG", settings, lang=lang)


_LANG_HEADER = re.compile(r"^(?:Lang|lang)\s*:\s*([A-Za-z][\w-]*)\s*$|^:lang:\s*([A-Za-z][\w-]*)\s*$", re.MULTILINE)


def content_languages(content: Path) -> list[str]:
    """Every ``Lang:`` in the headers of the content's Markdown and reStructuredText files."""
    found: list[str] = []
    if not content.is_dir():
        return found
    for path in sorted(content.rglob("*")):
        if path.suffix in (".md", ".markdown", ".rst") and path.is_file():
            try:
                head = path.read_text(encoding="utf-8")[:2000]
            except (OSError, UnicodeDecodeError):
                continue
            # a Markdown header ends at the first blank line; reStructuredText's field list follows the title, after one
            header = "\n".join(head.split("\n\n", 2)[:2]) if path.suffix == ".rst" else head.split("\n\n", 1)[0]
            found += [next(group for group in match.groups() if group) for match in _LANG_HEADER.finditer(header)]
    return list(dict.fromkeys(found))
