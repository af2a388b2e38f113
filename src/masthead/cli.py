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


def _print_warnings(warnings: list[Problem], quiet: bool) -> None:
    if quiet:
        return
    for problem in warnings:
        click.echo(str(problem), err=True)


def friendly(command: F) -> F:
    """Turn user-input failures into numbered messages and exit 1; no traceback unless --debug."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except MastheadError as exc:
            click.echo(exc.report(), err=True)
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
    masthead serve mysite    preview with live reload; /admin/ edits it in Decap CMS
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
    return command


def _stage_printer(verbose: bool) -> Callable[[str, float], None] | None:
    if not verbose:
        return None
    return lambda name, seconds: click.echo(f"  {name:<14} {seconds * 1000:8.1f} ms", err=True)


@main.command()
@SITE
@_common
@friendly
def build(site: Path, drafts: bool, future: bool, now: datetime | None, verbose: bool, quiet: bool) -> None:
    """Build SITE (default: the current folder) into its output folder (public/)."""
    from .build import build as run_build

    report = run_build(site, _build_options(drafts, future), now, _stage_printer(verbose))
    _print_warnings(report.warnings, quiet)
    if not quiet:
        output = report.site.config.folder("output")
        click.echo(f"built {len(report.site.posts)} posts and {len(report.site.pages)} pages: "
                   f"{report.files} files in {output}")


@main.command()
@SITE
@_common
@friendly
def check(site: Path, drafts: bool, future: bool, now: datetime | None, verbose: bool, quiet: bool) -> None:
    """Validate SITE completely and write nothing; exit 1 on any error."""
    from .build import build as run_build

    report = run_build(site, _build_options(drafts, future), now, _stage_printer(verbose), write=False)
    _print_warnings(report.warnings, quiet)
    if not quiet:
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


# ---------------------------------------------------------------- masthead serve, masthead cms


@main.command()
@SITE
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets others on the network "
                   "edit the site.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@friendly
def serve(site: Path, host: str, port: int) -> None:
    """Preview SITE with drafts and scheduled posts, rebuilding and reloading on every save.

    Also answers Decap CMS's local backend on /api/v1, so /admin/ edits the site with no Node.
    """
    import time

    from .serve.server import ServeError
    from .serve.session import Session

    try:
        session = Session(site, host, port, log=lambda message: click.echo(message, err=True))
    except ServeError as exc:
        click.echo(f"masthead serve: {exc}", err=True)
        sys.exit(1)
    if not session.loopback:
        click.echo(f"warning: serving on {host}: anyone who can reach this address can read "
                   "drafts and, through /api/v1, change files in the site folder; use only on a "
                   "trusted network", err=True)
    session.start()
    click.echo(f"serving {site} at {session.url} (CMS: {session.url}admin/); Ctrl+C stops",
               err=True)
    try:
        while True:
            time.sleep(3600)  # the work happens in the session's threads; Ctrl+C ends it
    finally:
        session.stop()


@main.group()
def cms() -> None:
    """Decap CMS: browser editing for the site."""


@cms.command("init")
@SITE
@click.option("--backend", default="git-gateway", show_default=True,
              help="Decap backend for the published site: git-gateway, github, gitlab, "
                   "bitbucket, gitea, …")
@click.option("--repo", default="",
              help="owner/name of the repository (github, gitlab, bitbucket, gitea).")
@click.option("--branch", default="main", show_default=True, help="Branch Decap commits to.")
@click.option("--self-host", is_flag=True,
              help="Serve Decap from static/admin/decap/ (copied from npm's decap-cms) "
                   "instead of its CDN.")
@click.option("--decap-dist", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="node_modules/decap-cms/dist to copy with --self-host "
                   "(default: searched from SITE).")
@click.option("--force", is_flag=True,
              help="Overwrite existing static/admin/index.html and config.yml.")
@friendly
def cms_init(site: Path, backend: str, repo: str, branch: str, self_host: bool,
             decap_dist: Path | None, force: bool) -> None:
    """Write static/admin/index.html and config.yml for Decap CMS, from masthead.toml."""
    from .cms.init import init

    for path in init(site, backend, repo, branch, self_host, decap_dist, force):
        click.echo(f"wrote {path}")
    click.echo(f"next: masthead serve {site}, then open http://localhost:8000/admin/")


if __name__ == "__main__":  # pragma: no cover
    main()
