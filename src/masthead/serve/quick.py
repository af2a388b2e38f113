"""The preview's quick path: a saved post re-rendered from the in-memory model, with the build's keys.

The preview keeps the last good build's stages (``Parsed``, ``Assembled`` and the job list). A
save of existing posts replaces their entries, assembles the model again in memory and plans it
with the same derived keys as ``masthead build`` (``render/keys.py``): exactly the jobs whose key
changed are rendered, and the files whose bytes changed written. There is no second list of "what other pages show".

Anything the plan cannot take in place returns None and the preview runs the ordinary
incremental build: a new, renamed or deleted file, a template, the config, a change that adds or
removes an output (a new tag page, a moved URL). The quick path never touches the build cache:
the next full build finds the files it wrote changed on disk and writes them again, so what it
leaves stays byte for byte a clean build's.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from ..build import BuildReport
from ..cache import digest
from ..content.entries import parse_entry
from ..errors import errors_only
from ..lock import site_lock
from ..pipeline.assemble import Assembled, assemble
from ..pipeline.parse import Parsed
from ..render.jobs import Job, StaticFile, plan
from ..render.keys import Fingerprints, TemplateClosures
from ..site import Site
from .rebuild import PREVIEW_OPTIONS, REINDEX_UP_TO


@dataclass
class Warm:
    """The last good build's stages, ready for quick updates."""

    parsed: Parsed
    assembled: Assembled
    static: dict[str, StaticFile]
    jobs: tuple[Job, ...]

    @property
    def site(self) -> Site:
        return self.assembled.site

    @property
    def environment(self) -> jinja2.Environment:
        return self.assembled.environment

    @classmethod
    def after(cls, report: BuildReport) -> Warm | None:
        if report.parsed is None or report.assembled is None or report.plan is None:
            return None  # nothing changed, nothing planned: the next save takes the full build
        return cls(report.parsed, report.assembled, dict(report.static), report.plan.jobs)


def _shape(jobs: tuple[Job, ...]) -> list[tuple[str, tuple[str, ...]]]:
    return [(job.source, job.paths) for job in jobs]


def _write(folder: Path, relative: str, data: bytes) -> None:
    target = folder / relative
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".quick-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, target)


def update(warm: Warm, changed: set[str], output: Path) -> list[str] | None:
    """Apply saved files to the preview; the output files written, or None for a full build."""
    site = warm.assembled.site
    config = site.config
    if config.links.rewrite == "resolved":
        return None  # published link targets come from the link store, handled by the full build
    if config.search and len(site.posts) <= REINDEX_UP_TO:
        return None  # a small site's preview re-indexes every change: the full build does that, quickly
    content, root = config.folder("content").resolve(), config.root.resolve()
    known = {entry.source for entry in warm.parsed.entries}
    entries = {entry.source: entry for entry in warm.parsed.entries}
    hashes = dict(warm.parsed.hashes)
    for changed_path in changed:
        path = Path(changed_path).resolve()
        if not path.is_relative_to(content) or not path.is_file():
            return None
        relative = path.relative_to(root).as_posix()
        if relative not in known:
            return None
        data = path.read_bytes()
        parsed = parse_entry(relative, data, config)
        if parsed.entry is None or errors_only(parsed.problems):
            return None  # the full build reports it, with the overlay
        entries[relative], hashes[relative] = parsed.entry, digest(data)
    new = replace(warm.parsed, entries=tuple(entries[entry.source] for entry in warm.parsed.entries), hashes=hashes)
    assembled = assemble(config, PREVIEW_OPTIONS, site.now, new, warm.assembled.environment)
    if errors_only(assembled.problems):
        return None
    previous = {job.key for job in warm.jobs}
    jobs = tuple(
        plan(
            assembled.site,
            assembled.environment,
            Fingerprints(assembled.site, hashes, new.entries, new.parse_key),
            TemplateClosures(assembled.environment),
            warm.static,
            previous.__contains__,
        )
    )
    if _shape(jobs) != _shape(warm.jobs):
        return None  # outputs appear, vanish or move: the full build adds and deletes files
    written: list[str] = []
    with site_lock(config.folder("cache")):  # the same lock as every build of the site
        for job in jobs:
            if job.produce is not None:
                for relative, data in job.produce():
                    target = output / relative
                    if not target.is_file() or target.read_bytes() != data:  # lists re-rendered for a body edit stay
                        _write(output, relative, data)
                        written.append(relative)
    warm.parsed, warm.assembled, warm.jobs = new, assembled, jobs
    return written
