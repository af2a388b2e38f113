"""The plan stage: every job of the site with its derived key, and which of them are kept.

A job is kept when its key is in the manifest of the last build and every file it wrote is still
on disk as written (same size and mtime): the cache never claims a file that was deleted or
edited since. Without a manifest (first build, cache deleted) every job runs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import BuildCache, Output
from ..content.discover import SourceFile
from ..freshness import damaged_outputs, trusted_stat
from ..render.jobs import Job, StaticFile
from ..render.jobs import plan as plan_jobs
from ..render.keys import Fingerprints, TemplateClosures
from .assemble import Assembled
from .parse import Parsed

REFERENCES = "template_references"  # build cache meta: template source digest -> names it references


@dataclass(frozen=True)
class Plan:
    jobs: tuple[Job, ...]  # every output of the site; ``produce`` is None for the kept ones
    manifest: Mapping[str, Output]  # what the last build wrote (empty without a cache)
    damaged: frozenset[str]  # owned files not as written: missing, edited
    # What the keys were derived with, for the preview's quick path to carry on (serve/quick.py).
    fingerprints: Fingerprints | None = field(default=None, compare=False, repr=False)
    closures: TemplateClosures | None = field(default=None, compare=False, repr=False)

    @property
    def to_run(self) -> tuple[Job, ...]:
        return tuple(job for job in self.jobs if job.produce is not None)


def static_files(
    theme_static: list[SourceFile], site_static: list[SourceFile], static_name: str, withheld: frozenset[str] = frozenset()
) -> dict[str, StaticFile]:
    """Theme files first, so the site's own file of the same name wins; ``withheld``: files only
    scheduled or draft posts show (``schedule.withheld_files``), not published yet."""
    started_ns = time.time_ns()
    found: dict[str, StaticFile] = {}
    for shown, sources in (("the theme's static/", theme_static), (f"{static_name}/", site_static)):
        for source in sources:
            if source.relative in withheld:
                continue
            found[source.relative] = StaticFile(source.path, trusted_stat(source, started_ns), source.size, shown + source.relative)
    return found


def make_plan(
    assembled: Assembled,
    parsed: Parsed,
    static: Mapping[str, StaticFile],
    store: BuildCache | None,
    output_folder: Path,
    encode_images: bool = True,
    track_reads: bool = False,
) -> Plan:
    """``track_reads``: note which entries each page's key reaches (``Job.reads``), for the preview."""
    manifest = store.outputs() if store is not None else {}
    damaged = frozenset(damaged_outputs(output_folder, manifest)) if manifest else frozenset()
    stale = {manifest[path].job for path in damaged}
    kept = {row.job for row in manifest.values() if row.job} - stale
    fingerprints = Fingerprints(assembled.site, parsed.hashes, parsed.entries, parsed.parse_key, track_reads)
    remembered = json.loads(store.meta().get(REFERENCES, "{}")) if store is not None else {}
    closures = TemplateClosures(assembled.environment, dict(remembered))
    jobs = plan_jobs(assembled.site, assembled.environment, fingerprints, closures, static, kept.__contains__, encode_images)
    if store is not None and closures.used != remembered:
        store.set_meta({REFERENCES: json.dumps(closures.used, sort_keys=True)})
    return Plan(tuple(jobs), manifest, damaged, fingerprints if track_reads else None, closures if track_reads else None)
