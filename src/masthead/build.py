"""The build pipeline: a flat list of named, timed stages.

load config → discover → parse → assemble → render pages → list pages → feeds → sitemaps →
static files → write. Everything is read and checked before anything is written; the output
folder is replaced in one swap at the end (see ``output.py``).
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import jinja2

from .config import Config, load_config
from .content.discover import discover
from .content.entries import Entry, parse_entry
from .errors import MastheadError, Problem, errors_only
from .output import Staging
from .render import feeds, pages, sitemap
from .site import BuildOptions, Site, assemble

StageHook = Callable[[str, float], None]


@dataclass
class BuildReport:
    site: Site
    warnings: list[Problem]
    files: int = 0
    timings: list[tuple[str, float]] = field(default_factory=list)


def build_time(now: datetime | None = None) -> datetime:
    """The build's notion of "now": explicit, else SOURCE_DATE_EPOCH (reproducible builds), else the clock."""
    if now is not None:
        return now if now.tzinfo else now.replace(tzinfo=UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


class _Stages:
    def __init__(self, hook: StageHook | None) -> None:
        self.hook = hook
        self.timings: list[tuple[str, float]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.timings.append((name, elapsed))
        if self.hook:
            self.hook(name, elapsed)


def parse_all(config: Config, sources: list[tuple[str, Path]]) -> tuple[list[Entry], list[Problem]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    for relative, path in sources:
        result = parse_entry(relative, path.read_bytes(), config)
        problems.extend(result.problems)
        if result.entry is not None:
            entries.append(result.entry)
    return entries, problems


def template_problem(exc: jinja2.TemplateError, what: str) -> Problem:
    """A template failure as a Problem naming the template file and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(exc.filename or exc.name or "template", exc.lineno, None, f"template syntax: {exc.message}")
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.endswith(".html")]
    if frames:
        return Problem(frames[-1].filename, frames[-1].lineno, None, f"while rendering {what}: {exc}")
    return Problem("template", None, None, f"while rendering {what}: {exc}")


def load(root: Path, options: BuildOptions, now: datetime | None = None, hook: StageHook | None = None) -> tuple[Site, jinja2.Environment, list[Problem], _Stages]:
    """Read and check everything; raise ``MastheadError`` with every problem found."""
    stages = _Stages(hook)
    with stages.stage("config"):
        config = load_config(root)
    with stages.stage("discover"):
        sources, problems = discover(config)
    with stages.stage("parse"):
        entries, found = parse_all(config, sources)
        problems += found
    with stages.stage("assemble"):
        folders = pages.template_folders(config.root, config.folders.templates)
        environment = pages.make_environment(folders, config.timezone)
        site, found = assemble(entries, config, options, build_time(now), pages.content_templates(folders))
        problems += found
    if errors_only(problems):
        raise MastheadError(problems)
    return site, environment, problems, stages


def render_site(site: Site, environment: jinja2.Environment, stages: _Stages) -> Iterator[tuple[str, bytes]]:
    """Every generated file of the site, stage by stage."""
    view = pages.site_view(site)
    with stages.stage("render pages"):
        documents = [pages.render_document(environment, site, view, doc) for doc in (*site.posts, *site.pages)]
    yield from documents
    with stages.stage("list pages"):
        listed = list(pages.list_pages(environment, site, view))
    yield from listed
    with stages.stage("feeds"):
        generated = feeds.feeds(site)
    yield from generated
    with stages.stage("sitemaps"):
        generated = [*sitemap.sitemaps(site), ("news-sitemap.xml", sitemap.news_sitemap(site)), ("robots.txt", sitemap.robots(site))]
    yield from generated


def build(root: Path, options: BuildOptions = BuildOptions(), now: datetime | None = None,
          hook: StageHook | None = None, write: bool = True, output: Path | None = None) -> BuildReport:
    """Build the site in ``root``; with ``write=False`` check everything and write nothing.

    ``output`` replaces the configured output folder (``masthead serve`` builds into its cache).
    """
    site, environment, problems, stages = load(root, options, now, hook)
    config = site.config
    report = BuildReport(site, problems)
    if not write:
        try:
            for _ in render_site(site, environment, stages):
                pass
        except jinja2.TemplateError as exc:
            raise MastheadError([*problems, template_problem(exc, "the site")]) from exc
        report.timings = stages.timings
        return report
    staging = Staging(output or config.folder("output"))
    try:
        try:
            for relative, data in render_site(site, environment, stages):
                staging.write(relative, data)
        except jinja2.TemplateError as exc:
            raise MastheadError([*problems, template_problem(exc, "the site")]) from exc
        with stages.stage("static files"):
            staging.copy_tree(pages.THEME / "static")
            staging.copy_tree(config.folder("static"))
        with stages.stage("write"):
            report.files = staging.count
            staging.commit()
    except BaseException:
        staging.abort()
        raise
    report.timings = stages.timings
    return report
