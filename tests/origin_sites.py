"""Helpers for the fixture sites of other generators: copy, `masthead init && masthead build`, read."""

from __future__ import annotations

import html
import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from click.testing import CliRunner, Result

from masthead.cli import main

SITES = Path(__file__).parent / "sites"
# Template syntax that must never reach a reader: Hugo shortcodes, Liquid and Nunjucks tags and output.
LITERAL_SYNTAX = re.compile(r"{{<|{{%|{%|{{ |{#")
_CODE = re.compile(r"<code\b.*?</code>|<pre\b.*?</pre>", re.DOTALL)


def adopt(name: str, tmp_path: Path) -> tuple[Path, Result]:
    """The fixture ``name`` copied to tmp_path, initialised and built without edits."""
    site = tmp_path / name
    shutil.copytree(SITES / name, site)
    return adopt_folder(site)


def adopt_folder(site: Path) -> tuple[Path, Result]:
    """The site in ``site`` (written by a test) initialised and built without edits."""
    runner = CliRunner()
    init = runner.invoke(main, ["init", str(site)])
    assert init.exit_code == 0, init.output
    build = runner.invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    return site, build


def output_folder(site: Path) -> Path:
    config = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))
    return site / str(config.get("folders", {}).get("output", "public"))


def json_ld(page: str) -> dict[str, Any]:
    """The JSON-LD object of a rendered page."""
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def page_urls(site: Path) -> set[str]:
    """Every HTML page written, as URLs (masthead's own listings and search page left out)."""
    public = output_folder(site)
    config = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))
    languages = tuple(config.get("origin", {}).get("languages", ()))
    urls = set()
    for path in public.rglob("*.html"):
        relative = path.relative_to(public).as_posix()
        inner = relative.split("/", 1)[1] if relative.split("/", 1)[0] in languages and "/" in relative else relative
        if inner.startswith("archive/") or (
            relative.startswith(("archive/", "search/", "tags/", "page/", "_images/", "pagefind/", "feeds/", "authors/", "corrections/"))
            or relative == "404.html"
            or relative.endswith(("/page/1/index.html", "/page/1.html"))  # Hugo's paginator: a redirect from a list's page 1 to the list
        ):
            continue
        urls.add("/" + relative[: -len("index.html")] if relative.endswith("index.html") else "/" + relative)
    return urls


FIXTURE_SITES = sorted(path.name for path in SITES.iterdir() if path.is_dir() and path.name != "invalid")


def literal_syntax(site: Path) -> list[str]:
    """Files (and the syntax found) with template syntax outside <code>: none expected."""
    found = []
    for path in output_folder(site).rglob("*"):
        if path.suffix in (".html", ".xml", ".json") and path.is_file():
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".json":  # feed.json, search data: the strings as the reader gets them
                text = json.dumps(json.loads(text), ensure_ascii=False).replace("\\n", "\n").replace('\\"', '"')
            for _ in range(2):  # feeds hold HTML escaped once more: look at it as a reader's browser does
                text = html.unescape(_CODE.sub("", text))
            text = _CODE.sub("", text)
            match = LITERAL_SYNTAX.search(text)
            if match:
                found.append(f"{path.name}: {text[max(0, match.start() - 40) : match.end() + 40]!r}")
    return found


def redirect_target(site: Path, url: str) -> str:
    """Where the redirect page at ``url`` sends readers (its meta refresh), checked for canonical and noindex."""
    public = output_folder(site)
    path = public / (url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/"))
    text = path.read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in text
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', text)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text)
    assert refresh and canonical and refresh.group(1) == canonical.group(1)
    return refresh.group(1)


_TAG = re.compile(r"<(?:a|link|img|source|script|iframe|video|audio)\b[^>]*>", re.IGNORECASE)
_REFERENCE = re.compile(r'\s(href|src|srcset|poster)="([^"]*)"', re.IGNORECASE)


def _base_path(site: Path) -> str:
    config = tomllib.loads((site / "masthead.toml").read_text(encoding="utf-8"))
    return urlsplit(str(config.get("base_url", ""))).path.rstrip("/")


def broken_references(site: Path) -> list[str]:
    """Every local href, src and srcset URL of every page that names no file in the output folder.

    A URL is resolved against its page's URL as a browser does; under a base path (a project site at
    https://user.github.io/project/) it must be inside that path, which the output folder's root is.
    """
    public = output_folder(site)
    base_path = _base_path(site)
    broken = []
    for page in sorted(public.rglob("*.html")):
        relative = page.relative_to(public).as_posix()
        if relative.startswith(("pagefind/", "_")):
            continue
        page_url = f"{base_path}/{relative}"
        text = _CODE.sub("", page.read_text(encoding="utf-8"))
        for attribute, value in (found for tag in _TAG.findall(text) for found in _REFERENCE.findall(tag)):
            value = html.unescape(value)
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if attribute.lower() == "srcset" else [value]
            for url in urls:
                if not url or url.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
                    continue
                absolute = urlsplit(urljoin(f"https://site.test{page_url}", url))
                if absolute.netloc != "site.test":
                    continue  # another site's address
                path = unquote(absolute.path)
                if not (path == base_path or path.startswith(base_path + "/")):
                    broken.append(f"{relative}: {url} (outside the site's path {base_path}/)")
                    continue
                target = public / path[len(base_path) :].lstrip("/")
                if not (target.is_file() or (target / "index.html").is_file()):
                    broken.append(f"{relative}: {url}")
    return broken
