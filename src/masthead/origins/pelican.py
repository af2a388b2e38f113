"""``masthead init`` for a Pelican site: ``pelicanconf.py`` read without running it.

The settings are Python, so they are parsed with ``ast`` and only literal assignments
(``SITENAME = "x"``, ``ARTICLE_URL = "{date:%Y}/{slug}/"``) are read; nothing is executed.
``publishconf.py``'s ``SITEURL`` (the published address) wins over ``pelicanconf.py``'s.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from ..errors import MastheadError, Problem
from .plan import Plan

_TOKENS = {"slug": "{slug}", "date:%Y": "{year}", "date:%m": "{month}", "date:%d": "{day}", "category": "{categories}"}


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
        "origin": {"kind": "pelican", "config_file": found, "page_template": "about-page"},
    }
    if isinstance(settings.get("AUTHOR"), str):
        tables["author"] = {"name": settings["AUTHOR"]}
    return Plan("pelican", found, values, tables, tuple(notes))
