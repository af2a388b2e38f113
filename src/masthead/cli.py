"""The ``masthead`` command: parses arguments and calls the library, nothing more."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import MastheadError, Problem

F = TypeVar("F", bound=Callable[..., Any])

SITE = click.argument("site", type=click.Path(file_okay=False, path_type=Path), default=".")


def _print_warnings(warnings: list[Problem], quiet: bool, site: Path) -> None:
    if quiet:
        return
    for problem in warnings:
        click.echo(problem.located(str(site)), err=True)


def friendly(command: F) -> F:
    """Turn user-input failures into numbered messages and exit 1; no traceback unless --debug."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except MastheadError as exc:
            site = kwargs.get("site")
            click.echo(exc.report(str(site) if site is not None else ""), err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; the previous output was left in place", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if debug:
                raise
            click.echo(f"masthead: internal error: {exc.__class__.__name__}: {exc}\n"
                       "This is a bug in masthead, not in your site; run again with --debug for details.", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="masthead")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for internal errors.")
def main(debug: bool) -> None:
    """masthead: news briefings in Markdown in, a fast, standards-perfect news site out.

    \b
    masthead new mysite      scaffold a site with example posts
    masthead build mysite    write mysite/public/
    masthead check mysite    validate everything, write nothing
    """


def _build_options(drafts: bool, future: bool) -> Any:
    from .site import BuildOptions

    return BuildOptions(drafts=drafts, future=future)


def _common(command: F) -> F:
    command = click.option("--drafts", is_flag=True, help="Include drafts (published: false); they carry noindex.")(command)
    command = click.option("--future", is_flag=True, help="Include scheduled posts dated in the future.")(command)
    command = click.option("--now", type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]),
                           help="Build as if at this time (default: SOURCE_DATE_EPOCH or the clock).")(command)
    command = click.option("-v", "--verbose", is_flag=True, help="Print each stage's time.")(command)
    command = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")(command)
    command = click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
                           help="Worker processes for parsing and rendering (default: one per core).")(command)
    return command


def _stage_printer(verbose: bool) -> Callable[[str, float], None] | None:
    if not verbose:
        return None
    return lambda name, seconds: click.echo(f"  {name:<14} {seconds * 1000:8.1f} ms", err=True)


@main.command()
@SITE
@_common
@friendly
def build(site: Path, drafts: bool, future: bool, now: datetime | None, verbose: bool, quiet: bool, jobs: int | None) -> None:
    """Build SITE (default: the current folder) into its output folder (public/).

    Rebuilds are incremental: only what changed is parsed, rendered and written, with the same
    bytes a clean build writes. Delete the .masthead-cache folder to start from scratch.
    """
    from .build import build as run_build

    report = run_build(site, _build_options(drafts, future), now, _stage_printer(verbose), jobs=jobs)
    _print_warnings(report.warnings, quiet, site)
    if quiet:
        return
    if report.site is None:
        click.echo(f"up to date: nothing changed since the last build ({report.unchanged} files)")
        return
    click.echo(f"built {len(report.site.posts)} posts and {len(report.site.pages)} pages: {report.written} files written, "
               f"{report.unchanged} unchanged, {report.deleted} deleted in {report.site.config.folder('output')}")


@main.command()
@SITE
@_common
@friendly
def check(site: Path, drafts: bool, future: bool, now: datetime | None, verbose: bool, quiet: bool, jobs: int | None) -> None:
    """Validate SITE completely and write nothing; exit 1 on any error."""
    from .build import build as run_build

    report = run_build(site, _build_options(drafts, future), now, _stage_printer(verbose), write=False, jobs=jobs)
    _print_warnings(report.warnings, quiet, site)
    if not quiet and report.site is not None:
        count = len(report.warnings)
        click.echo(f"ok: {len(report.site.posts)} posts, {len(report.site.pages)} pages, "
                   f"{count} warning{'s' if count != 1 else ''}")


@main.command()
@click.argument("site", type=click.Path(path_type=Path))
@friendly
def new(site: Path) -> None:
    """Create a new site in the folder SITE, with example posts and a commented masthead.toml."""
    from .scaffold import create

    files = create(site)
    click.echo(f"created {site} with {files} files. Next:\n  masthead build {site}\n  masthead check {site}")


if __name__ == "__main__":  # pragma: no cover
    main()
