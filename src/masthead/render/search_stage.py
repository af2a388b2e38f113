"""The search stage of a build: re-index only the date buckets whose post pages changed.

Each bucket (``search_buckets``) is one build job, keyed by the hashes of its pages: a bucket
whose key is in the last build's manifest keeps its files as they are; any other is indexed again
by Pagefind from the pages being committed (``search_pagefind``), and its changed files go to the
staging folder like any rendered output. ``pagefind/buckets.json`` lists the buckets for the
search page. A site without published posts gets no index and no Pagefind run.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .. import output
from ..cache import digest as _digest
from ..site import Site
from . import search

Manifest = dict[str, tuple[str, str]]  # output path -> (job key, content hash)
LIST = f"{search.BUNDLE}/buckets.json"


def _namespace(output_folder: Path) -> str:
    """Builds into different folders (a preview, the site) keep separate bucket folders."""
    return hashlib.sha256(str(output_folder.resolve()).encode()).hexdigest()[:12]


def index_posts(
    site: Site, manifest: Manifest, new_outputs: Manifest, written: list[str], done: set[str], output_folder: Path, staging: output.Staging, reindex: bool
) -> list[str]:
    """Bring the bucketed index up to date; the names of the buckets indexed again."""
    previous = {job for job, _ in manifest.values() if job.startswith("search:")}
    if previous and not reindex:
        done.update(previous)  # keep the index there is (a large site's preview)
        return []
    fresh = set(written)

    def page_hash(path: str) -> str:
        return (new_outputs.get(path) or manifest[path])[1]

    def locate(path: str) -> Path:
        return (staging.folder if path in fresh else output_folder) / path

    planned = search.plan(site, page_hash)
    jobs = {job for job, _ in manifest.values()}
    made: set[str] = {""}
    rebuilt: list[str] = []

    def publish(job_key: str, files: list[tuple[str, bytes]]) -> None:
        for relative, data in files:
            content_hash = _digest(data)
            if manifest.get(relative, ("", ""))[1] != content_hash:
                output.write_file(staging.folder, relative, data, made)
                written.append(relative)
            new_outputs[relative] = (job_key, content_hash)

    stale = []
    for bucket, key in planned:
        job_key = f"search:{bucket.name}:{key}"
        if job_key in jobs:
            done.add(job_key)  # its files in the output folder are still right
        else:
            stale.append((bucket, job_key, key))
    namespace = _namespace(output_folder)
    # Pagefind runs are processes: one per core at a time (a cold build indexes every bucket).
    with ThreadPoolExecutor(max_workers=max(1, min(len(stale), os.cpu_count() or 1))) as pool:
        made_files = list(pool.map(lambda item: search.index_bucket(site, item[0], locate, namespace, item[2]), stale))
    for (bucket, job_key, _), files in zip(stale, made_files, strict=True):
        rebuilt.append(bucket.name)
        publish(job_key, files)
    if planned:  # nothing published: no index at all (the search page says there is nothing yet)
        listing = search.manifest(planned)
        publish(f"search:list:{_digest(listing)[:24]}", [(LIST, listing)])
    return rebuilt
