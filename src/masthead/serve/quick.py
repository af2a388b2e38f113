"""The preview's quick path: a saved post re-rendered from the in-memory model, with the build's keys.

The preview keeps the last good build's stages (``Parsed``, ``Assembled``, the job list and the
fingerprints its keys were derived with). A save of existing posts replaces their entries and
plans the model with the same derived keys as ``masthead build`` (``render/keys.py``): exactly the
jobs whose key changed are rendered, and the files whose bytes changed written. There is no
second list of "what other pages show".

A save that changes only a body's text (every other field, and the body's citations, sources,
"Read More" link and images, as before) cannot move, add or remove a page, and leaves every
derived fact of the model as it was: the new model is the old one with that document swapped in,
and only the pages whose keys reached the entry (``Job.reads``, noted as the keys were derived)
are planned again, with the old fingerprints carried over for everything else. Any other save
assembles and plans the whole model again.

Anything the plan cannot take in place returns None and the preview runs the ordinary
incremental build: a new, renamed or deleted file, a template, the config, a change that adds or
removes an output (a new tag page, a moved URL). The quick path never touches the build cache:
the next full build finds the files it wrote changed on disk and writes them again, so what it
leaves stays byte for byte a clean build's.
"""

from __future__ import annotations

import gc
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from ..build import BuildReport
from ..cache import digest
from ..content.entries import Entry, parse_entry
from ..errors import errors_only
from ..lock import site_lock
from ..pipeline.assemble import Assembled, assemble
from ..pipeline.parse import Parsed
from ..render import pages, pictures
from ..render.jobs import Job, Planner, StaticFile, plan, replan
from ..render.keys import Fingerprints, TemplateClosures
from ..site import Document, Site, with_documents
from .rebuild import PREVIEW_OPTIONS, REINDEX_UP_TO

# Quick updates that carry the fingerprint memo over before one plans afresh: each adds the
# memo entries of its new objects (the site, its post list), which nothing frees until then.
CARRIED_UPDATES = 50


@dataclass
class Warm:
    """The last good build's stages, ready for quick updates."""

    parsed: Parsed
    assembled: Assembled
    static: dict[str, StaticFile]
    jobs: tuple[Job, ...]
    fingerprints: Fingerprints | None = None  # what ``jobs``' keys were derived with (reads tracked)
    closures: TemplateClosures | None = None
    view: pages.SiteView | None = field(default=None, repr=False)  # made on the first body edit
    carried: int = 0  # quick updates since the fingerprints were made

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
        plan_ = report.plan
        return cls(report.parsed, report.assembled, dict(report.static), plan_.jobs, plan_.fingerprints, plan_.closures)


def _shape(jobs: tuple[Job, ...]) -> list[tuple[str, tuple[str, ...]]]:
    return [(job.source, job.paths) for job in jobs]


def _write(folder: Path, relative: str, data: bytes) -> None:
    target = folder / relative
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".quick-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, target)


def _body_only(old: Entry, new: Entry) -> bool:
    """Whether ``new`` differs from ``old`` only in its body's text: the same front matter, and
    the same body facts the rest of the model is derived from (outlets, image plans, the site view)."""
    story = replace(new.story, words=old.story.words, body_digest=old.story.body_digest)  # the body's own facts
    if replace(new, body=old.body, story=story) != old:
        return False
    before, after = old.body, new.body
    return (before.citations, before.sources, before.read_more, before.images) == (after.citations, after.sources, after.read_more, after.images)


def _swapped(warm: Warm, edited: dict[str, Entry]) -> Site | None:
    """The model with the edited documents swapped in, when every edit is ``_body_only`` and the
    model derives nothing else from them; None otherwise."""
    site = warm.site
    if site.config.origin.kind:  # an imported site's bodies are rewritten after assembly (references)
        return None
    documents: dict[str, Document] = {document.entry.source: document for document in (*site.posts, *site.pages)}
    replaced: dict[int, Document] = {}
    for source, entry in edited.items():
        document = documents.get(source)
        if document is None or document is site.home or not _body_only(document.entry, entry):
            return None
        replaced[id(document)] = replace(document, entry=entry)
    from ..newsroom.model import derive

    swapped = with_documents(site, replaced)
    return replace(swapped, newsroom=derive(swapped))  # its author and correction lists hold documents


@dataclass(frozen=True)
class _Planned:
    assembled: Assembled
    jobs: tuple[Job, ...]
    fingerprints: Fingerprints
    closures: TemplateClosures
    swapped: bool  # the old model with documents swapped in, its fingerprints carried over


def _plan(warm: Warm, edited: dict[str, Entry], new: Parsed) -> _Planned | None:
    """The new model and its jobs: by swapping documents when the edits allow, else assembled afresh."""
    site, environment, previous = warm.site, warm.environment, {job.key for job in warm.jobs}
    closures = warm.closures or TemplateClosures(environment)  # templates are unchanged (else: a full build)
    swapped = _swapped(warm, edited) if warm.fingerprints is not None and warm.carried < CARRIED_UPDATES else None
    if swapped is not None and warm.fingerprints is not None:
        pictures.install(environment, swapped)
        fingerprints = warm.fingerprints.carried(swapped, new.hashes, new.entries)
        if warm.view is None:
            warm.view = pages.site_view(site)  # equal for the swapped model: nothing it reads changed
        planner = Planner(swapped, environment, fingerprints, closures, previous.__contains__, warm.view)
        replanned = replan(planner, warm.static, warm.jobs, frozenset(edited))
        if replanned is None:
            return None
        return _Planned(Assembled(swapped, environment, warm.assembled.problems), tuple(replanned), fingerprints, closures, True)
    assembled = assemble(site.config, PREVIEW_OPTIONS, site.now, new, environment)
    if errors_only(assembled.problems):
        return None
    fingerprints = Fingerprints(assembled.site, new.hashes, new.entries, new.parse_key, track_reads=True)
    jobs = tuple(plan(assembled.site, environment, fingerprints, closures, warm.static, previous.__contains__))
    return _Planned(assembled, jobs, fingerprints, closures, False)


def update(warm: Warm, changed: set[str], output: Path) -> list[str] | None:
    """Apply saved files to the preview; the output files written, or None for a full build."""
    collecting = gc.isenabled()
    gc.disable()  # as in the build: the model is a large graph of immutable objects, and cycle scans over it cost seconds
    try:
        return _update(warm, changed, output)
    finally:
        if collecting:
            gc.enable()


def _update(warm: Warm, changed: set[str], output: Path) -> list[str] | None:
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
    edited: dict[str, Entry] = {}
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
        edited[relative] = parsed.entry
    new = replace(warm.parsed, entries=tuple(entries[entry.source] for entry in warm.parsed.entries), hashes=hashes)
    planned = _plan(warm, edited, new)
    if planned is None:
        return None
    jobs = planned.jobs
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
    warm.carried = warm.carried + 1 if planned.swapped else 0
    if not planned.swapped:
        warm.view = None  # the next body edit makes the new model's
    warm.parsed, warm.assembled, warm.jobs = new, planned.assembled, jobs
    warm.fingerprints, warm.closures = planned.fingerprints, planned.closures
    return written
