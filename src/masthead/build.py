"""The build pipeline: a flat list of named, timed stages.

config → discover → (no-change check) → parse → assemble → plan → render → write

Everything is read and checked before anything is written (``MastheadError`` lists every problem),
output goes through a staging folder and a journalled commit (``output.py``), and the build cache
(``cache.py``) makes a rebuild do only the work its changes need, with the same bytes as a clean
build. Parsing and rendering run in forked worker processes when there is enough to do.
"""

from __future__ import annotations

import gc
import os
import re
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, moved, output
from .cache import BuildCache, digest
from .config import Config, load_config
from .content.discover import SourceFile, discover, scan
from .errors import MastheadError, Problem, errors_only
from .origins.static import static_files
from .parallel import default_jobs, map_ranges

if TYPE_CHECKING:
    import jinja2

    from .content.entries import Entry
    from .options import BuildOptions
    from .render.jobs import Job
    from .site import Site

StageHook = Callable[[str, float], None]  # (stage, seconds) when a stage ends
ProgressHook = Callable[[str, int, int], None]  # (stage, items done, items in all) as work completes
# A file changed within this long before the build may change again within the same mtime tick
# without its stat changing ("racy git"); such files are never trusted by stat alone. Whole-second
# timestamps mean a coarse file system (ext3, HFS+, FAT: up to 2 s), fine ones a clock tick.
RACY_NS = 100_000_000
RACY_COARSE_NS = 2_000_000_000


def _racy(mtime_ns: int, started_ns: int) -> bool:
    window = RACY_COARSE_NS if mtime_ns % 1_000_000_000 == 0 else RACY_NS
    return mtime_ns >= started_ns - window


THEME = Path(__file__).resolve().parent / "themes" / "default"


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

    def advance(self, name: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(name, done, total)

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


# Parsing ---------------------------------------------------------------------------------------

_parse_work: list[tuple[SourceFile, str | None]] = []  # set before forking the parse workers
_parse_config: Config | None = None
_parse_store: BuildCache | None = None
_parse_started_ns = 0

# What a parse worker returns per source: its hash and either None (content unchanged since the
# cache row), the cache record of its entry (the body already stored by the worker), or, without
# a cache (check) or for a file with errors, the whole ParseResult.
Parsed = tuple[str, str, Any]


def _parse_range(start: int, stop: int) -> list[Parsed]:
    """Read, hash and parse sources; with a cache, store entries and bodies and return records.

    Workers write to the cache themselves, so the HTML of the posts never travels back to the
    main process: memory stays small at 100,000 posts.
    """
    from .content.entries import ParseResult, parse_entry

    assert _parse_config is not None
    results: list[Parsed] = []
    rows: list[tuple[str, int, int, str, Any]] = []
    bodies: list[tuple[str, Any]] = []
    for source, cached_hash in _parse_work[start:stop]:
        try:
            data = source.path.read_bytes()
        except OSError as exc:  # gone or unreadable since it was found: that file's problem
            results.append(
                (
                    source.relative,
                    "",
                    ParseResult(None, (Problem(source.relative, None, None, f"cannot be read ({exc.strerror or exc}); expected a readable file"),)),
                )
            )
            continue
        content_hash = digest(data)
        if content_hash == cached_hash:
            results.append((source.relative, content_hash, None))
            continue
        parsed = parse_entry(source.relative, data, _parse_config)
        if _parse_store is None or parsed.entry is None:
            results.append((source.relative, content_hash, parsed))
            continue
        problems = [(p.path, p.line, p.field, p.message, p.warning) for p in parsed.problems]
        record = (parsed.entry.to_record(), problems)
        rows.append((source.relative, _trusted_stat(source, _parse_started_ns), source.size, content_hash, record))
        bodies.append((content_hash, parsed.entry.body.body_record()))
        results.append((source.relative, content_hash, record))
    if _parse_store is not None and rows:
        _parse_store.put_parsed(rows, bodies)
    return results


@dataclass
class _Parsed:
    entries: list[Entry]
    problems: list[Problem]
    hashes: dict[str, str]
    stored: int  # entries parsed and stored in the cache by this build
    removed: list[str]


def _trusted_stat(source: SourceFile, started_ns: int) -> int:
    """The mtime to remember for a source: -1 (check the content next time) if it is too recent."""
    return -1 if _racy(source.mtime_ns, started_ns) else source.mtime_ns


def parse(config: Config, sources: list[SourceFile], store: BuildCache | None, parse_key: str, jobs: int, progress: ProgressHook | None = None) -> _Parsed:
    """Entries for every source: from the cache where the file is unchanged, parsed otherwise."""
    from .content.entries import Entry, ParseResult

    global _parse_work, _parse_config, _parse_store, _parse_started_ns
    cached: dict[str, tuple[int, int, str, Any]] = {}
    if store is not None:
        if store.meta().get("parse_key") == parse_key:
            cached = store.sources()
        else:  # another config or masthead: every entry is parsed again
            store.reset_sources(parse_key)
    result = _Parsed([], [], {}, 0, [])
    by_path = {source.relative: source for source in sources}
    work: list[tuple[SourceFile, str | None]] = []
    for source in sources:
        row = cached.get(source.relative)
        if row is not None and row[0] == source.mtime_ns and row[1] == source.size:
            _restore(result, store, source.relative, row[2], row[3], Entry)
        else:
            work.append((source, row[2] if row is not None else None))
    _parse_work, _parse_config, _parse_store, _parse_started_ns = work, config, store, time.time_ns()
    try:
        done = 0
        touched: list[tuple[str, int, int, str, Any]] = []
        for batch in map_ranges(_parse_range, len(work), jobs):
            done += len(batch)
            if progress:
                progress("parse", done, len(work))
            for relative, content_hash, outcome in batch:
                result.hashes[relative] = content_hash
                if outcome is None:  # touched but identical: reuse, remember the new stat
                    row = cached[relative]
                    _restore(result, store, relative, content_hash, row[3], Entry)
                    source = by_path[relative]
                    touched.append((relative, _trusted_stat(source, _parse_started_ns), source.size, content_hash, row[3]))
                elif isinstance(outcome, ParseResult):  # no cache, or a file with errors
                    result.problems.extend(outcome.problems)
                    if outcome.entry is not None:
                        result.entries.append(outcome.entry)
                else:
                    result.stored += 1
                    _restore(result, store, relative, content_hash, outcome, Entry)
        if store is not None and touched:
            store.put_parsed(touched, [])
    finally:
        _parse_work, _parse_config, _parse_store = [], None, None
    result.removed = [path for path in cached if path not in by_path]
    return result


def _restore(result: _Parsed, store: BuildCache | None, relative: str, content_hash: str, record: Any, entry_type: Any) -> None:
    assert store is not None
    entry_record, problems = record
    result.entries.append(entry_type.from_record(entry_record, store.body_loader(content_hash)))
    result.problems.extend(Problem(*problem) for problem in problems)
    result.hashes[relative] = content_hash


# Rendering -------------------------------------------------------------------------------------

_render_jobs: list[Job] = []  # set before forking the render workers
_render_manifest: dict[str, tuple[str, str]] = {}
_render_staging: Path | None = None

Rendered = list[tuple[int, list[tuple[str, str, bool]]]]  # (job index, [(path, hash, written)])


def _render_range(start: int, stop: int) -> Rendered:
    """Run jobs; write each output whose bytes differ from the manifest into the staging folder."""
    results: Rendered = []
    made: set[str] = {""}
    for index in range(start, stop):
        files = []
        for relative, data in _render_jobs[index].produce():
            content_hash = digest(data)
            previous = _render_manifest.get(relative)
            changed = previous is None or previous[1] != content_hash
            if changed and _render_staging is not None:
                output.write_file(_render_staging, relative, data, made)
            files.append((relative, content_hash, changed))
        results.append((index, files))
    return results


def render(jobs_to_run: list[Job], manifest: dict[str, tuple[str, str]], staging: Path | None, workers: int, progress: ProgressHook | None = None) -> Rendered:
    global _render_jobs, _render_manifest, _render_staging
    _render_jobs, _render_manifest, _render_staging = jobs_to_run, manifest, staging
    try:
        results: Rendered = []
        for batch in map_ranges(_render_range, len(jobs_to_run), workers):
            results.extend(batch)
            if progress:
                progress("render", len(results), len(jobs_to_run))
        return results
    finally:
        _render_jobs, _render_manifest, _render_staging = [], {}, None


# The pipeline ----------------------------------------------------------------------------------


def _origin_config(config: Config) -> list[SourceFile]:
    """An adopted site's own config (_config.yml, hugo.toml): bodies read site.* and params from it."""
    if not config.origin.config_file:
        return []
    path = config.root / config.origin.config_file
    if not path.is_file():
        return []
    stat = path.stat()
    return [SourceFile(config.origin.config_file, str(path), stat.st_mtime_ns, stat.st_size)]


def _parse_key(config: Config) -> str:
    """What every parsed entry depends on besides its file: masthead, its config, the origin's config."""
    origin = b"".join(source.path.read_bytes() for source in _origin_config(config))
    return digest(f"{__version__}\n{config.source_text}\n".encode() + origin)


def _link_store(config: Config) -> list[SourceFile]:
    """The link store, when published pages depend on it (links.rewrite = "resolved")."""
    if config.links.rewrite != "resolved":
        return []
    return [source for source in scan(config.folder("cache")) if source.relative.startswith("links.sqlite")]


def _fingerprint(config: Config, options: BuildOptions, sources: list[SourceFile], others: list[SourceFile]) -> str:
    """Digest of every input's stat; empty (never matches) while any input is too recent to trust."""
    started_ns = time.time_ns()
    if any(_racy(source.mtime_ns, started_ns) for source in (*sources, *others)):
        return ""
    stats = "\n".join(f"{s.location} {s.mtime_ns} {s.size}" for s in (*sources, *others))
    return digest(f"{__version__}\n{options}\n{config.source_text}\n{stats}".encode())


def _still_valid(meta: dict[str, str], fingerprint: str, now: datetime, output_folder: Path) -> bool:
    if not fingerprint or meta.get("fingerprint") != fingerprint or not (output_folder / "index.html").is_file():
        return False
    valid_until = meta.get("valid_until", "")
    return not valid_until or now < datetime.fromisoformat(valid_until)


def _valid_until(site: Site, entries: list[Entry], options: BuildOptions) -> str:
    """When time alone changes the output (see ``schedule``): the no-change check holds until then."""
    from .schedule import changes

    upcoming = changes(site, entries, options)
    return upcoming[0].moment.isoformat() if upcoming else ""


def load(
    root: Path, options: BuildOptions | None = None, now: datetime | None = None, hook: StageHook | None = None, jobs: int | None = None
) -> tuple[Site, jinja2.Environment, list[Problem], _Stages]:
    """Read and check everything without writing; raise ``MastheadError`` with every problem found."""
    from .options import BuildOptions

    stages = _Stages(hook)
    with stages.stage("config"):
        config = load_config(root)
    with stages.stage("discover"):
        sources, problems = discover(config)
    with stages.stage("parse"):
        parsed = parse(config, sources, None, "", jobs or default_jobs())
    site, environment, found = _assemble(config, options or BuildOptions(), build_time(now), parsed, stages)
    problems = [*problems, *parsed.problems, *found]
    if errors_only(problems):
        raise MastheadError(problems)
    return site, environment, problems, stages


def _assemble(config: Config, options: BuildOptions, now: datetime, parsed: _Parsed, stages: _Stages) -> tuple[Site, jinja2.Environment, list[Problem]]:
    from .links import publish as links_publish
    from .origins import references
    from .render import pages, pictures, redirects
    from .site import assemble

    with stages.stage("assemble"):
        folders = pages.template_folders(config.root, config.folders.templates)
        environment = pages.make_environment(folders, config.timezone)
        site, problems = assemble(parsed.entries, config, options, now, pages.content_templates(folders))
    with stages.stage("links"):  # links.rewrite = "resolved": destinations from the link store
        site, found = links_publish.apply(site)
        problems += found
    with stages.stage("references"):  # post_url, ref, bundle images: resolved now that every URL is known
        site, found = references.apply(site)
        problems += found
    if not errors_only(problems):
        with stages.stage("check images"):  # unreadable images, featured images without alt text
            problems += pictures.problems(site)
            pictures.install(environment, site)
        with stages.stage("redirects"):  # aliases: conflicts, and Cloudflare's limits on _redirects
            problems += redirects.redirects(site)[1]
    return site, environment, problems


def build(
    root: Path,
    options: BuildOptions | None = None,
    now: datetime | None = None,
    hook: StageHook | None = None,
    write: bool = True,
    jobs: int | None = None,
    output_to: Path | None = None,
    progress: ProgressHook | None = None,
) -> BuildReport:
    """Build the site in ``root``; with ``write=False`` check everything and write nothing.

    ``output_to`` writes somewhere else than the output folder (``masthead serve`` previews into
    the cache folder), with a build cache of its own.
    """
    collecting = gc.isenabled()
    gc.disable()  # the site model is a large graph of immutable objects: cycle scans only cost time
    try:
        return _build(root, options, now, _Stages(hook, progress), write, jobs, output_to)
    finally:
        if collecting:
            gc.enable()


def _build(
    root: Path, options: BuildOptions | None, now: datetime | None, stages: _Stages, write: bool, jobs: int | None, output_to: Path | None
) -> BuildReport:
    from .options import BuildOptions

    options = options or BuildOptions()
    workers = jobs or default_jobs()
    moment = build_time(now)
    with stages.stage("config"):
        config = load_config(root)
    output_folder = output_to or config.folder("output")
    cache_name = "" if output_to is None else "preview-" + digest(str(output_to.resolve()).encode())[:12]
    store = BuildCache.open(config.folder("cache"), cache_name) if write else None
    try:
        if store is not None:
            journal = store.journal()
            if journal is not None:  # a committed build was interrupted: finish it first
                output.apply(output_folder, Path(journal[0]), journal[1])
                store.clear_journal()
            output.discard_uncommitted(output_folder)
        with stages.stage("discover"):
            sources, problems = discover(config)
            others = [*scan(THEME), *scan(config.folder("templates")), *static_files(config), *_link_store(config), *_origin_config(config)]
        fingerprint = "" if errors_only(problems) else _fingerprint(config, options, sources, others)
        if store is not None and _still_valid(store.meta(), fingerprint, moment, output_folder):
            return BuildReport(None, [], unchanged=store.output_count(), up_to_date=True, timings=stages.timings)
        parse_key = _parse_key(config)
        with stages.stage("parse"):
            parsed = parse(config, sources, store, parse_key, workers, stages.progress)
        site, environment, found = _assemble(config, options, moment, parsed, stages)
        known_urls = moved.history(config) if output_to is None else {}  # posts whose URL changed: warned about
        problems = [*problems, *parsed.problems, *found, *moved.warnings(moved.moved(site, known_urls))]
        if errors_only(problems):
            raise MastheadError(problems)
        report = BuildReport(site, problems)
        _render_and_write(site, environment, config, options, parsed, store, fingerprint, report, stages, workers, write, output_folder)
        if write and output_to is None:
            moved.remember(site, known_urls)
        report.timings = stages.timings
        return report
    finally:
        if store is not None:
            store.close()


def _index_posts(
    site: Site,
    manifest: dict[str, tuple[str, str]],
    new_outputs: dict[str, tuple[str, str]],
    written: list[str],
    done: set[str],
    output_folder: Path,
    staging: output.Staging,
    reindex: bool,
) -> None:
    """Index the post pages with Pagefind, only the date buckets whose pages changed."""
    from .render import search_stage

    search_stage.index_posts(site, manifest, new_outputs, written, done, output_folder, staging, reindex)


def _render_and_write(
    site: Site,
    environment: jinja2.Environment,
    config: Config,
    options: BuildOptions,
    parsed: _Parsed,
    store: BuildCache | None,
    fingerprint: str,
    report: BuildReport,
    stages: _Stages,
    workers: int,
    write: bool,
    output_folder: Path,
) -> None:

    from .render import jobs as planner
    from .render import pages
    from .schedule import withheld_files

    with stages.stage("plan"):
        view = pages.site_view(site)
        folders = pages.template_folders(config.root, config.folders.templates)
        link_store = [(s.relative, s.mtime_ns, s.size) for s in _link_store(config)]
        base_key = planner.site_key(site, view, folders, f"{__version__}\n{options}\n{site.logo}\n{link_store}\n{_parse_key(config)}")
        started_ns = time.time_ns()
        withheld = withheld_files(site, parsed.entries)  # images only scheduled or draft posts show
        static = {
            s.relative: (s.path, _trusted_stat(s, started_ns), s.size) for s in (*scan(THEME / "static"), *static_files(config)) if s.relative not in withheld
        }
        jobs = planner.plan(site, environment, view, base_key, parsed.hashes, static)
        trusted = store is not None and output_folder.is_dir()
        manifest = store.outputs() if trusted and store is not None else {}
        current = {job.key for job in jobs}
        done = {job_key for job_key, _ in manifest.values()} & current
        to_run = [job for job in jobs if job.key not in done]
        full_swap = not manifest
    staging = output.Staging(output_folder) if write else None
    try:
        with stages.stage("render"):
            try:
                rendered = render(to_run, manifest, staging.folder if staging else None, workers, stages.progress)
            except Exception as exc:
                problem = template_problem(exc, "the site")
                if problem is None:
                    raise
                raise MastheadError([*report.warnings, problem]) from exc
        report.rendered = len(to_run)
        new_outputs: dict[str, tuple[str, str]] = {}
        written: list[str] = []
        for index, files in rendered:
            for relative, content_hash, changed in files:
                if relative in new_outputs:
                    raise MastheadError(
                        [
                            Problem(
                                relative,
                                None,
                                None,
                                "two outputs would be written to this path (a static file and a page?); expected each path once — rename one",
                            )
                        ]
                    )
                new_outputs[relative] = (to_run[index].key, content_hash)
                if changed:
                    written.append(relative)
        if config.search and staging is not None:  # (check writes nothing, so it indexes nothing)
            with stages.stage("search"):  # the Pagefind index of every post page
                _index_posts(site, manifest, new_outputs, written, done, output_folder, staging, options.reindex)
        kept = {path for path, (job_key, _) in manifest.items() if job_key in done}
        removed = [path for path in manifest if path not in kept and path not in new_outputs]
        report.written, report.deleted = len(written), len(removed)
        report.unchanged = len(kept) + len(new_outputs) - len(written)
        if staging is None or store is None:
            return
        with stages.stage("write"):
            operations = [(output.SWAP, "")] if full_swap else [*((output.MOVE, path) for path in written), *((output.DELETE, path) for path in removed)]
            if full_swap:
                removed = list(store.outputs())  # the old manifest, if any, describes nothing on disk now
            store.commit(
                parse_key=_parse_key(config),
                removed_sources=parsed.removed,
                outputs=((path, job_key, content_hash) for path, (job_key, content_hash) in new_outputs.items()),
                removed_outputs=removed,
                journal=(str(staging.folder), operations),
                meta={"fingerprint": fingerprint, "valid_until": _valid_until(site, parsed.entries, options)},
            )
            output.apply(output_folder, staging.folder, operations)
            store.clear_journal()
            if parsed.removed or parsed.stored:
                store.prune_bodies()
    except BaseException:
        if staging is not None and store is not None and store.journal() is None:
            staging.abort()
        raise
