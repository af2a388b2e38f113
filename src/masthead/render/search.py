"""Search: the search page and a Pagefind index of the post pages, built as one stage.

Only what the theme marks with ``data-pagefind-body`` is indexed (a post's title, teaser and body),
with ``data-pagefind-ignore`` on its meta line, sources and tags, and filters by year and outlet.
The index is split into date buckets (``search_buckets``), each made by Pagefind's own binary
(PyPI ``pagefind[bin]``, nothing downloaded) from the rendered HTML (``search_pagefind``); the
build stage that re-indexes only changed buckets is ``pipeline/search``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

from ..config import line_of
from ..errors import MastheadError, Problem
from ..site import Site
from . import pages, search_buckets, search_pagefind
from .pages import Output, Page, SiteView, list_head
from .search_buckets import Bucket

MARKER = b"data-pagefind-body"
BUNDLE = "pagefind"


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


def bucket_key(bucket: Bucket, hashes: Sequence[str], language: str) -> str:
    """A hash of everything a bucket's index depends on: its pages, the Pagefind version, the language."""
    digest = hashlib.sha256(f"{_pagefind_version()}|{language}|{bucket.name}".encode())
    for path, content_hash in zip(bucket.pages, hashes, strict=True):
        digest.update(f"\0{path}\0{content_hash}".encode())
    return digest.hexdigest()[:24]


def plan(site: Site, page_hash: Callable[[str], str]) -> list[tuple[Bucket, str]]:
    """The buckets of the site's posts, newest first, each with the key of its index."""
    language = _language(site)
    dated = [(site.config.local(post.entry.date), pages.output_path(post.url)) for post in site.posts]
    return [(bucket, bucket_key(bucket, [page_hash(path) for path in bucket.pages], language)) for bucket in search_buckets.buckets(dated)]


def _language(site: Site) -> str:
    return site.config.language.split("-")[0].lower()


def manifest(planned: Sequence[tuple[Bucket, str]]) -> bytes:
    """``pagefind/buckets.json``: what the search page queries, newest first."""
    listed = [{"name": bucket.name, "pages": len(bucket.pages)} for bucket, _ in planned]
    return json.dumps({"version": 1, "buckets": listed}, indent=1).encode() + b"\n"


def index_bucket(site: Site, bucket: Bucket, locate: Callable[[str], Path], namespace: str, key: str = "") -> list[Output]:
    """Run Pagefind over one bucket's pages (those the theme marks for indexing)."""
    executable = _executable(site)
    marked = [(path, locate(path)) for path in bucket.pages]
    marked = [(path, file) for path, file in marked if MARKER in file.read_bytes()]
    if not marked:
        return []
    folder = site.config.folder("cache") / "search" / namespace / bucket.name
    try:
        files = search_pagefind.index_bucket(executable, folder, marked, _language(site), key=key)
    except search_pagefind.PagefindError as exc:
        raise _problem(site, f"Pagefind failed ({exc}); expected an index — run with search = false to build without one") from exc
    return [(f"{BUNDLE}/{bucket.name}/{relative}", data) for relative, data in files]


def search_page(site: Site, view: SiteView) -> Page:
    head = list_head(site, "Search", f"Search every briefing of {site.config.title}.", "/search/")
    return Page("search/index.html", "search.html", {"site": view, "nothing_published": not site.posts}, head)
