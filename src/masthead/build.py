"""The build pipeline: one short list of named, timed stages (``pipeline/``), in three modes.

config → lock → recover → discover → (nothing changed?) → parse → assemble → plan → render → commit

``check`` runs every stage up to the commit and writes nothing (no lock, no cache, no staging);
``build`` writes the output folder; ``preview`` builds into another folder (``masthead serve``)
with a build cache of its own, under the same lock. Everything is read and checked before anything
is written (``MastheadError`` lists every problem); only files in the manifest are ever replaced or
deleted; the build cache makes a rebuild do only the work its changes need, with the bytes of a
clean build. See docs/guarantees.md.
"""

from __future__ import annotations

import gc
import os
import re
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from . import moved
from .cache import BuildCache, digest
from .config import load_config
from .content.discover import SourceFile, discover, scan
from .errors import MastheadError, Problem, errors_only
from .freshness import damaged_outputs, input_fingerprint, still_valid
from .lock import site_lock
from .newsroom import unnoted
from .origins.data import data_problems
from .origins.static import static_files
from .output import recover
from .parallel import default_jobs
from .pipeline.inputs import origin_config

if TYPE_CHECKING:
    import jinja2

    from .config import Config
    from .options import BuildOptions
    from .pipeline.assemble import Assembled
    from .pipeline.parse import Parsed
    from .pipeline.plan import Plan
    from .render.jobs import StaticFile
    from .site import Site

Mode = Literal["check", "build", "preview"]
StageHook = Callable[[str, float], None]  # (stage, seconds) when a stage ends
ProgressHook = Callable[[str, int, int], None]  # (stage, items done, items in all) as work completes
THEME = Path(__file__).resolve().parent / "themes" / "default"
T = TypeVar("T")


@dataclass
class BuildReport:
    site: Site | None  # None when nothing had changed and the build returned early
    warnings: list[Problem]
    written: int = 0  # files written (new or changed)
    unchanged: int = 0  # files left as they were
    deleted: int = 0
    rendered: int = 0  # jobs rendered; the others were up to date
    up_to_date: bool = False
    timings: list[tuple[str, float]] = field(default_factory=list)
    # The stages' results, for the preview's quick path (serve/quick.py); None when up to date.
    parsed: Parsed | None = None
    assembled: Assembled | None = None
    plan: Plan | None = None
    static: Mapping[str, StaticFile] = field(default_factory=dict)


def build_time(now: datetime | None = None) -> datetime:
    """The build's "now": explicit, else SOURCE_DATE_EPOCH (reproducible builds), else the clock."""
    if now is not None:
        return now if now.tzinfo else now.replace(tzinfo=UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


class _Stages:
    def __init__(self, hook: StageHook | None, progress: ProgressHook | None = None) -> None:
        self.hook = hook
        self.progress = progress
        self.timings: list[tuple[str, float]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.timings.append((name, elapsed))
        if self.hook:
            self.hook(name, elapsed)


_TEMPLATE_FRAME = re.compile(r'File "([^"]+\.html)", line (\d+)')


def template_problem(exc: Exception, what: str) -> Problem | None:
    """A failure raised in a template (any exception: ``{{ 1 / 0 }}`` too) as a Problem naming the
    template file and line; None when no template was running (a bug elsewhere)."""
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(exc.filename or exc.name or "template", exc.lineno, None, f"template syntax: {exc.message}")
    places = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.endswith(".html")]
    # From a worker process, the traceback comes back as text in the exception's cause.
    places += [(name, int(line)) for name, line in _TEMPLATE_FRAME.findall(str(exc.__cause__ or ""))]
    if places:
        return Problem(
            places[-1][0],
            places[-1][1],
            None,
            f"while rendering {what}: {exc.__class__.__name__}: {exc}; expected a template that renders — fix the expression on this line",
        )
    if isinstance(exc, jinja2.TemplateError):
        return Problem("template", None, None, f"while rendering {what}: {exc}")
    return None


def _inputs(config: Config) -> tuple[list[SourceFile], list[Problem], list[SourceFile], list[SourceFile], list[SourceFile]]:
    """Content sources (and their problems), theme static, site static, and every other input."""
    sources, problems = discover(config)
    theme_static, site_static = scan(THEME / "static"), static_files(config)
    others = [*scan(THEME / "templates"), *scan(config.folder("templates")), *theme_static, *site_static, *origin_config(config)]
    if config.links.rewrite == "resolved":  # published pages depend on the link store
        others += [source for source in scan(config.folder("cache")) if source.relative.startswith("links.sqlite")]
    return sources, problems, theme_static, site_static, others


def build(
    root: Path,
    options: BuildOptions | None = None,
    now: datetime | None = None,
    hook: StageHook | None = None,
    mode: Mode = "build",
    jobs: int | None = None,
    output_to: Path | None = None,
    progress: ProgressHook | None = None,
    clean: bool = False,
    waiting: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the site in ``root`` (``mode="check"``: check everything, write nothing).

    ``output_to`` (``mode="preview"``) writes somewhere else than the output folder, with a
    build cache of its own; ``clean`` deletes every file in the output folder masthead did not
    write; ``waiting`` is told when another build of the site holds the lock.
    """
    from .options import BuildOptions

    collecting = gc.isenabled()
    gc.disable()  # the site model is a large graph of immutable objects: cycle scans only cost time
    stages = _Stages(hook, progress)
    try:
        with ExitStack() as scope:
            return _run(root, options or BuildOptions(), build_time(now), stages, mode, jobs or default_jobs(), output_to, clean, waiting, scope)
    finally:
        if collecting:
            gc.enable()


def _run(
    root: Path,
    options: BuildOptions,
    moment: datetime,
    stages: _Stages,
    mode: Mode,
    workers: int,
    output_to: Path | None,
    clean: bool,
    waiting: Callable[[str], None] | None,
    scope: ExitStack,
) -> BuildReport:
    with stages.stage("config"):
        config = load_config(root)
    writing = mode != "check"
    output_folder = output_to if output_to is not None else config.folder("output")
    store = None
    if writing:
        scope.enter_context(site_lock(config.folder("cache"), *([waiting] if waiting else [])))
        name = "" if output_to is None else "preview-" + digest(str(output_to.resolve()).encode())[:12]
        store = BuildCache.open(config.folder("cache"), name)
        scope.callback(store.close)
        with stages.stage("recover"):
            recover(store, output_folder)
    with stages.stage("discover"):
        sources, problems, theme_static, site_static, others = _inputs(config)
    fingerprint = "" if errors_only(problems) else input_fingerprint(config, options, [*sources, *others])
    if store is not None and not clean and still_valid(store.meta(), fingerprint, moment):
        manifest = store.outputs()
        if manifest and not damaged_outputs(output_folder, manifest):
            return BuildReport(None, [], unchanged=len(manifest), up_to_date=True, timings=stages.timings)

    from .freshness import valid_until
    from .links.internal import dead_internal_links
    from .origins.pelican_attach import relocated
    from .pipeline.assemble import assemble
    from .pipeline.commit import commit
    from .pipeline.parse import parse
    from .pipeline.plan import make_plan, static_files
    from .pipeline.render import render
    from .pipeline.search import is_index
    from .render import template_cache
    from .schedule import withheld_files

    with stages.stage("parse"):
        parsed = parse(config, sources, store, workers, stages.progress)
    with stages.stage("assemble"):
        assembled = assemble(config, options, moment, parsed)
        if writing:  # compiled templates from the last build (``check`` writes nothing, not even these)
            template_cache.install(assembled.environment, config.folder("cache"))
    known_urls = moved.history(config) if output_to is None else {}  # posts whose URL changed: warned about
    known_bodies = unnoted.history(config) if output_to is None else {}  # bodies changed without a note: warned about
    problems = [*problems, *parsed.problems, *assembled.problems, *data_problems(config), *moved.warnings(moved.moved(assembled.site, known_urls))]
    problems += unnoted.warnings(assembled.site, known_bodies)
    if errors_only(problems):
        raise MastheadError(problems)
    warnings = problems
    with stages.stage("plan"):
        withheld = withheld_files(assembled.site, parsed.entries)  # images only scheduled or draft posts show
        withheld |= relocated(assembled.site)  # Pelican's {attach} files: only beside the page now
        static = static_files(theme_static, site_static, config.folders.static, withheld)
        plan = _checked(warnings, lambda: make_plan(assembled, parsed, static, store, output_folder, encode_images=writing, track_reads=mode == "preview"))
    staging = _staging(output_folder, store, scope) if store is not None else None
    with stages.stage("render"):
        rendered = _checked(warnings, lambda: render(assembled.site, plan, staging, output_folder, workers, options.reindex, stages.progress))
    with stages.stage("links"):
        removed = plan.manifest.keys() - rendered.outputs.keys()  # a page or file gone can break a link in any body
        every = not writing or any(not is_index(plan.manifest[path].job) for path in removed)
        warnings += dead_internal_links(assembled.site, rendered.outputs, None if every else parsed.fresh)
    report = BuildReport(
        assembled.site,
        warnings,
        rendered=rendered.rendered,
        unchanged=len(rendered.outputs),
        timings=stages.timings,
        parsed=parsed,
        assembled=assembled,
        plan=plan,
        static=static,
    )
    if store is None or staging is None:
        return report
    with stages.stage("write"):
        meta = {"fingerprint": fingerprint, "valid_until": valid_until(assembled.site, parsed.entries, options)}
        committed = _checked(warnings, lambda: commit(store, output_folder, staging, plan, rendered, parsed, meta, clean))
    report.written, report.unchanged, report.deleted = committed.written, committed.unchanged, committed.deleted
    if output_to is None:
        moved.remember(assembled.site, known_urls)
        unnoted.remember(assembled.site, known_bodies)
    report.timings = stages.timings
    return report


def _staging(output_folder: Path, store: BuildCache, scope: ExitStack) -> Path:
    from .output import Staging

    staging = Staging(output_folder)

    def abort() -> None:  # an uncommitted staging folder is incomplete; a committed one the journal's
        if store.journal() is None:
            staging.abort()

    scope.callback(abort)
    return staging.folder


def _checked(warnings: list[Problem], stage: Callable[[], T]) -> T:
    try:
        return stage()
    except MastheadError as exc:
        raise MastheadError([*warnings, *exc.problems]) from exc
    except Exception as exc:
        problem = template_problem(exc, "the site")
        if problem is None:
            raise
        raise MastheadError([*warnings, problem]) from exc


def load(
    root: Path, options: BuildOptions | None = None, now: datetime | None = None, hook: StageHook | None = None, jobs: int | None = None
) -> tuple[Site, jinja2.Environment, list[Problem]]:
    """The checked site model without rendering or writing; raise ``MastheadError`` with every problem."""
    from .options import BuildOptions
    from .pipeline.assemble import assemble
    from .pipeline.parse import parse

    stages = _Stages(hook)
    with stages.stage("config"):
        config = load_config(root)
    with stages.stage("discover"):
        sources, problems = discover(config)
    with stages.stage("parse"):
        parsed = parse(config, sources, None, jobs or default_jobs())
    with stages.stage("assemble"):
        assembled = assemble(config, options or BuildOptions(), build_time(now), parsed)
    found = [*problems, *parsed.problems, *assembled.problems, *data_problems(config)]
    if errors_only(found):
        raise MastheadError(found)
    return assembled.site, assembled.environment, found
