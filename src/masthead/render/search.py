"""Search: the search page and a Pagefind index of the post pages, built as one stage.

Only what the theme marks with ``data-pagefind-body`` is indexed (a post's title, teaser and body),
with ``data-pagefind-ignore`` on its meta line, sources and tags, and filters by year and outlet.
The index is made by Pagefind's own binary (PyPI ``pagefind[bin]``, nothing downloaded) from the
rendered HTML, and cached under a hash of every indexed page: any change to any of them makes a
new index, and an unchanged site reuses the last one byte for byte.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import jinja2

from ..config import line_of
from ..errors import MastheadError, Problem
from ..site import Site
from . import seo
from .pages import Output, SiteView

MARKER = b"data-pagefind-body"
BUNDLE = "pagefind"
KEEP_CACHED = 4  # indexes kept in the cache: a drafts build and a normal one do not evict each other


def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        return "missing"


def _problem(site: Site, message: str) -> MastheadError:
    config = site.config
    return MastheadError([Problem(str(config.root / "masthead.toml"), line_of(config.source_text, "search"), "search", message)])


def _executable(site: Site) -> str:
    try:
        import pagefind_bin
    except ImportError as exc:
        raise _problem(site, "Pagefind is not installed; expected `pip install 'pagefind[bin]'`, or set search = false") from exc
    return str(pagefind_bin.get_executable())


def index_key(pages: Sequence[Output], language: str) -> str:
    """A hash of everything the index depends on: the indexed pages and the Pagefind version."""
    digest = hashlib.sha256(f"{_pagefind_version()}|{language}".encode())
    for path, data in sorted(pages):
        digest.update(b"\0" + path.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:24]


def _read_bundle(folder: Path) -> list[Output]:
    return sorted((f"{BUNDLE}/{path.relative_to(folder).as_posix()}", path.read_bytes())
                  for path in folder.rglob("*") if path.is_file())


def index(site: Site, pages: Sequence[Output]) -> list[Output]:
    """The Pagefind bundle (``pagefind/…``) for the marked pages, from the cache when unchanged."""
    language = site.config.language.split("-")[0].lower()
    marked = [(path, data) for path, data in pages if MARKER in data]
    if not marked:  # nothing published (or a site of pages only): Pagefind refuses to make an empty index, and the search page says so
        return []
    cache = site.config.folder("cache") / "search"
    folder = cache / index_key(marked, language)
    if (folder / ".complete").is_file():
        folder.touch()
        return [output for output in _read_bundle(folder) if not output[0].endswith("/.complete")]
    executable = _executable(site)
    with tempfile.TemporaryDirectory(prefix="masthead-search-") as temporary:
        root = Path(temporary) / "site"
        for path, data in marked:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        root.mkdir(exist_ok=True)
        command = [executable, "--site", str(root), "--output-subdir", BUNDLE, "--force-language", language, "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise _problem(site, f"Pagefind failed ({' '.join(detail) or f'exit {result.returncode}'}); "
                                 "expected an index — run with search = false to build without one")
        bundle = _read_bundle(root / BUNDLE)
        _store(cache, folder, root / BUNDLE)
    return bundle


def _store(cache: Path, folder: Path, bundle: Path) -> None:
    """Keep the bundle for the next build (written aside, renamed into place), drop old ones."""
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=cache))
    shutil.copytree(bundle, staging, dirs_exist_ok=True)
    (staging / ".complete").write_bytes(b"")
    if folder.exists():
        shutil.rmtree(folder)
    staging.rename(folder)
    older = sorted((entry for entry in cache.iterdir() if entry.is_dir() and entry != folder and not entry.name.startswith(".")),
                   key=lambda entry: entry.stat().st_mtime, reverse=True)
    for stale in older[KEEP_CACHED - 1:]:
        shutil.rmtree(stale, ignore_errors=True)


def search_page(environment: jinja2.Environment, site: Site, view: SiteView) -> Output:
    head = seo.head_for_list(site, "Search", f"Search every briefing of {site.config.title}.", "/search/")
    html = environment.get_template("search.html").render(site=view, head=head, nothing_published=not site.posts)
    return "search/index.html", html.encode("utf-8")


def outputs(site: Site, environment: jinja2.Environment, view: SiteView, pages: Sequence[Output]) -> list[Output]:
    """The search page and the index of ``pages`` (the rendered posts), or nothing with search = false."""
    if not site.config.search:
        return []
    return [search_page(environment, site, view), *index(site, pages)]
