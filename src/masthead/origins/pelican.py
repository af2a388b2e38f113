"""``masthead init`` for a Pelican site: ``pelicanconf.py`` read without running it.

The settings are Python, so they are parsed with ``ast`` and only literal assignments
(``SITENAME = "x"``, ``ARTICLE_URL = "{date:%Y}/{slug}/"``) are read; nothing is executed.
``publishconf.py``'s ``SITEURL`` (the published address) wins over ``pelicanconf.py``'s.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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
    "category": "{categories}",
}


def literal_settings(path: Path) -> dict[str, Any]:
    """Every ``NAME = <literal>`` at the top of a Python file, without executing it."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=path.name)
    except SyntaxError as exc:
        raise MastheadError([Problem(path.name, exc.lineno, None, f"is not valid Python ({exc.msg}); expected Pelican's settings file")]) from exc
    except (OSError, UnicodeDecodeError):
        return {}
    settings: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                settings[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue  # computed (os.path.join…): not a literal, not read
    return settings


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
        settings.update({key: value for key, value in published.items() if key == "SITEURL"})
    notes = [
        "Pelican's rules: files in content/pages/ are pages, every other file an article (a dated post);",
        "the slug comes from the title unless Slug: says; Status: draft makes a draft; the folder is the category;",
        "{static} and {filename} links are resolved; files beside the articles are published as they are.",
    ]
    values: dict[str, Any] = {
        "title": str(settings.get("SITENAME") or "My Site"),
        "permalink": url_pattern(str(settings.get("ARTICLE_URL") or "{slug}.html"), notes),
        "page_permalink": url_pattern(str(settings.get("PAGE_URL") or "pages/{slug}.html"), notes),
    }
    pagination = settings.get("DEFAULT_PAGINATION")
    if isinstance(pagination, int) and not isinstance(pagination, bool) and pagination > 0:  # index2.html, index3.html…
        values.update(page_size=pagination, page_path="index{number}.html")
    url = str(settings.get("SITEURL") or "").rstrip("/")
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
        "origin": {"kind": "pelican", "config_file": found, "page_template": "about-page", "raw_html": True},  # Python-Markdown keeps raw HTML
    }
    if isinstance(settings.get("AUTHOR"), str):
        tables["author"] = {"name": settings["AUTHOR"]}
    default = str(settings.get("DEFAULT_LANG") or "en")
    languages = list(dict.fromkeys([default, *subsites(settings), *content_languages(site / content)]))
    if len(languages) > 1:
        tables["origin"]["languages"] = languages
        values["language"] = default
        shown = ", ".join(subsites(settings))
        notes.append(
            f"Languages {', '.join(languages)}: Lang: in the header; a translation has the same slug as its original "
            f"and is published at ARTICLE_LANG_URL ({{slug}}-{{lang}}.html)"
            + (f", or in the i18n_subsites sub-site /<lang>/ ({shown})" if shown else "")
            + "; translations are linked with hreflang."
        )
    return Plan("pelican", found, values, tables, tuple(notes))


def subsites(settings: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages i18n_subsites builds as sites of their own (``I18N_SUBSITES = {"fr": {…}}``)."""
    declared = settings.get("I18N_SUBSITES")
    return tuple(str(code) for code in declared) if isinstance(declared, dict) else ()


def translated_url(lang: str, is_page: bool, settings: Mapping[str, Any]) -> str:
    """The URL pattern of an article or page in a language other than DEFAULT_LANG.

    Pelican writes it at ARTICLE_LANG_URL (``{slug}-{lang}.html``) or PAGE_LANG_URL; with
    i18n_subsites it is a native page of the ``/<lang>/`` sub-site, at ARTICLE_URL or PAGE_URL there.
    """
    kind = "PAGE" if is_page else "ARTICLE"
    if lang in subsites(settings):
        return f"/{lang}" + url_pattern(str(settings.get(f"{kind}_URL") or ("pages/{slug}.html" if is_page else "{slug}.html")), [])
    default = "pages/{slug}-{lang}.html" if is_page else "{slug}-{lang}.html"
    return url_pattern(str(settings.get(f"{kind}_LANG_URL") or default).replace("{lang}", lang), [])


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
            found += [next(group for group in match.groups() if group) for match in _LANG_HEADER.finditer(head.split("\n\n", 1)[0])]
    return list(dict.fromkeys(found))
