"""The search index as a render step: Pagefind over the post pages, one date bucket at a time.

Each bucket (``render/search_buckets``) is a pseudo-job whose key digests its pages' hashes and
Pagefind's version: a bucket whose key is in the last build's manifest, with all its files still
in place, keeps them; any other is indexed again from the pages being committed, and its changed
files are staged like any rendered output. ``pagefind/buckets.json`` lists the buckets for the
search page. A large site's preview (``reindex=False``) keeps the index of its first build
(Pagefind has no incremental mode). A site without posts gets an empty list and no Pagefind run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..cache import Output, digest
from ..output import write_file
from ..render import search
from ..render.jobs import Job
from ..site import Site

LIST = f"{search.BUNDLE}/buckets.json"
_ORIGIN = ("masthead.toml", None, "search")


def _namespace(output_folder: Path) -> str:
    """Builds into different folders (a preview, the site) keep separate bucket folders."""
    return hashlib.sha256(str(output_folder.resolve()).encode()).hexdigest()[:12]


_INDEX = "search:"  # the job keys of the index's files


def is_index(job: str) -> bool:
    """A file of the search index: named by its contents, so each edit renames some; no page links to it."""
    return job.startswith(_INDEX)


def index_posts(
    site: Site,
    manifest: Mapping[str, Output],
    damaged: frozenset[str],
    outputs: Mapping[str, Output],
    written: set[str],
    staging: Path,
    output_folder: Path,
    reindex: bool,
) -> tuple[list[tuple[Job, dict[str, Output]]], list[str]]:
    """The index's pseudo-jobs with their files (path -> row), and the paths staged for them."""
    broken = {manifest[path].job for path in damaged}
    intact = {row.job for row in manifest.values() if is_index(row.job)} - broken

    def rows_of(key: str) -> dict[str, Output]:
        return {path: row for path, row in manifest.items() if row.job == key}

    if intact and not reindex:  # keep the index there is
        return [(Job(key, "the search index", _ORIGIN, None), rows_of(key)) for key in sorted(intact)], []
    planned = search.plan(site, lambda path: outputs[path].hash)
    made: set[str] = {""}
    staged: list[str] = []
    found: list[tuple[Job, dict[str, Output]]] = []

    def publish(key: str, files: list[tuple[str, bytes]]) -> None:
        rows: dict[str, Output] = {}
        for relative, data in files:
            content_hash = digest(data)
            old = manifest.get(relative)
            if old is not None and old.hash == content_hash and relative not in damaged:
                rows[relative] = Output(key, content_hash, old.size, old.mtime_ns)
                continue
            stat = write_file(staging, relative, data, made)
            rows[relative] = Output(key, content_hash, stat.st_size, stat.st_mtime_ns)
            staged.append(relative)
        found.append((Job(key, "the search index", _ORIGIN, None), rows))

    def locate(path: str) -> Path:
        return (staging if path in written else output_folder) / path

    stale = []
    for bucket, bucket_key in planned:
        key = f"{_INDEX}{bucket.name}:{bucket_key}"
        if key in intact:
            found.append((Job(key, "the search index", _ORIGIN, None), rows_of(key)))
        else:
            stale.append((bucket, key, bucket_key))
    namespace = _namespace(output_folder)
    # Pagefind runs are processes: one per core at a time (a cold build indexes every bucket).
    with ThreadPoolExecutor(max_workers=max(1, min(len(stale), os.cpu_count() or 1))) as pool:
        made_files = list(pool.map(lambda item: search.index_bucket(site, item[0], locate, namespace, item[2]), stale))
    for (_, key, _), files in zip(stale, made_files, strict=True):
        publish(key, files)
    listing = search.manifest(planned)
    publish(f"{_INDEX}list:{digest(listing)[:24]}", [(LIST, listing)])
    return found, staged
