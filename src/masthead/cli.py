"""The ``masthead`` command: parses arguments and calls the library, nothing more."""

from __future__ import annotations

import os
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

# Times on the command line (--now, --since, --until): ISO 8601 with or without a zone, or a day.
_DATE = click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"])


def _site(_context: click.Context, _parameter: click.Parameter, value: Path) -> Path:
    from .config import site_folder

    return site_folder(value)


# A site's folder; the top of a repository whose masthead.toml says site = "site" means that folder
SITE = click.argument("site", type=click.Path(file_okay=False, path_type=Path), default=".", callback=_site)


def _counted(number: int, noun: str) -> str:
    """The count with its noun: 1 post, 2 posts, 0 pages."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


WARNINGS_SHOWN = 20  # by build; check lists every warning


def _print_warnings(warnings: list[Problem], quiet: bool, site: Path, limit: int | None = WARNINGS_SHOWN) -> None:
    if quiet:
        return
    warnings = sorted(warnings)  # by file and line, whatever order the workers finished in
    for problem in warnings[:limit]:
        click.echo(problem.located(str(site)), err=True)
    if limit is not None and len(warnings) > limit:
        click.echo(f"… and {len(warnings) - limit} more warnings: `masthead check {site}` lists them all", err=True)


def friendly(command: F) -> F:
    """Turn user-input failures into numbered messages and exit 1; no traceback unless --debug."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except MastheadError as exc:
            site = kwargs.get("site")
            click.echo(exc.report(str(site) if site is not None else "", debug), err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; the previous output was left in place", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if debug:
                raise
            if isinstance(exc, OSError) and exc.filename is not None:
                # A file or folder the system refused (a name too long, no permission, a full disk):
                # a problem with that path, not a bug in masthead.
                name = os.fsdecode(exc.filename)
                shown = name if len(name) <= 120 else name[:120] + "…"
                click.echo(
                    f"1. {shown}: cannot be used ({exc.strerror or exc}); expected a file or folder masthead may read and write "
                    "— check its name and permissions\n1 problem found; masthead stopped there.",
                    err=True,
                )
                sys.exit(1)
            click.echo(
                f"masthead: internal error: {exc.__class__.__name__}: {exc}\nThis is a bug in masthead, not in your site; run again with --debug for details.",
                err=True,
            )
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="masthead")
@click.option("--debug", is_flag=True, help="Show Python tracebacks: for internal errors, and for files that raised an unexpected error.")
def main(debug: bool) -> None:
    """masthead: news briefings in Markdown in, a fast, standards-perfect news site out.

    \b
    masthead new mysite      scaffold a site with example posts
    masthead init oldsite    adopt a Hugo, Jekyll, Pelican, Eleventy or Gatsby site
    masthead build mysite    write mysite/public/
    masthead check mysite    validate everything, write nothing
    masthead serve mysite    preview with live reload; /admin/ edits it in Decap CMS
    """


def _build_options(drafts: bool, future: bool) -> Any:
    from .options import BuildOptions

    return BuildOptions(drafts=drafts, future=future)


def _common(command: F) -> F:
    command = click.option("--drafts", is_flag=True, help="Include drafts (published: false); they carry noindex.")(command)
    command = click.option("--future", is_flag=True, help="Include scheduled posts dated in the future.")(command)
    command = click.option("--now", type=_DATE, help="Build as if at this time (default: SOURCE_DATE_EPOCH or the clock).")(command)
    command = click.option("-v", "--verbose", is_flag=True, help="Print each stage's time.")(command)
    command = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")(command)
    command = click.option(
        "-j", "--jobs", type=click.IntRange(1, 256), default=None, help="Worker processes for parsing and rendering (default: one per core)."
    )(command)
    return command


def _stage_printer(verbose: bool) -> Callable[[str, float], None] | None:
    if not verbose:
        return None
    return lambda name, seconds: click.echo(f"  {name:<14} {seconds * 1000:8.1f} ms", err=True)


# --- link-check switches, used by `check --links` and `links` (docs/links.md) -----------------


def _test_routing(command: F) -> F:
    """Hidden switches for the test suite: route hosts to a local server, allow private targets."""
    command = click.option("--allow-private", is_flag=True, hidden=True, help="Follow links to private and loopback addresses (tests only).")(command)
    command = click.option("--host-delay", type=float, default=0.5, hidden=True, help="Seconds between two requests to one host (tests use 0).")(command)
    command = click.option(
        "--map-host",
        "map_host",
        multiple=True,
        hidden=True,
        metavar="HOST=ADDRESS",
        help="Send requests for HOST (or *) to ADDRESS, e.g. 127.0.0.1:8000 (tests only).",
    )(command)
    return command


def _host_map(pairs: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        host, _, address = pair.partition("=")
        if not host or not address:
            raise click.BadParameter(f"{pair!r}: expected HOST=ADDRESS such as *=127.0.0.1:8000", param_hint="--map-host")
        mapping[host.lower()] = address
    return mapping


@main.command()
@SITE
@_common
@friendly
@click.option("--clean", is_flag=True, help="Also delete every file in the output folder that masthead did not write (.git, CNAME, old files).")
def build(site: Path, drafts: bool, future: bool, now: datetime | None, verbose: bool, quiet: bool, jobs: int | None, clean: bool) -> None:
    """Build SITE (default: the current folder) into its output folder (public/).

    Rebuilds are incremental: only what changed is parsed, rendered and written, with the same
    bytes a clean build writes. masthead replaces and deletes only files it wrote itself: others in
    the output folder stay unless --clean. One build of a site runs at a time; a second one waits.
    """
    from .build import build as run_build
    from .progress import BuildProgress, wanted

    with BuildProgress(wanted(quiet) and not verbose) as progress:
        report = run_build(site, _build_options(drafts, future), now, _stage_printer(verbose), jobs=jobs, progress=progress.update, clean=clean)
    _print_warnings(report.warnings, quiet, site)
    if quiet:
        return
    if report.site is None:
        click.echo(f"up to date: nothing changed since the last build ({report.unchanged} files)")
        return
    click.echo(
        f"built {_counted(len(report.site.posts), 'post')} and {_counted(len(report.site.pages), 'page')}: {report.written} files written, "
        f"{report.unchanged} unchanged, {report.deleted} deleted in {report.site.config.folder('output')}"
    )


@main.command()
@SITE
@_common
@click.option("--links", "check_links", is_flag=True, help="Also ask every link: fail on dead links (and on tracking links if links.fail_on_tracking).")
@_test_routing
@friendly
def check(
    site: Path,
    drafts: bool,
    future: bool,
    now: datetime | None,
    verbose: bool,
    quiet: bool,
    jobs: int | None,
    check_links: bool,
    allow_private: bool,
    map_host: tuple[str, ...],
    host_delay: float,
) -> None:
    """Validate SITE completely and write nothing; exit 1 on any error."""
    from .build import build as run_build

    report = run_build(site, _build_options(drafts, future), now, _stage_printer(verbose), mode="check", jobs=jobs)
    _print_warnings(report.warnings, quiet, site, limit=None)
    if not quiet and report.site is not None:
        count = len(report.warnings)
        click.echo(f"ok: {_counted(len(report.site.posts), 'post')}, {_counted(len(report.site.pages), 'page')}, {_counted(count, 'warning')}")
    if check_links:
        _check_links(site, allow_private, map_host, quiet, host_delay)


# --- links and sources (docs/links.md) -------------------------------------------------------


def _run_audit(site: Path, resolve: str, allow_private: bool, map_host: tuple[str, ...], quiet: bool, host_delay: float = 0.5) -> Any:
    from rich.console import Console

    from .config import load_config
    from .links.audit import audit, settings_for
    from .links.progress import progress_bar

    config = load_config(site)
    settings = settings_for(config, allow_private, _host_map(map_host), host_delay=host_delay)
    with progress_bar(Console(stderr=True), not quiet and resolve != "none") as (started, done):
        return config, audit(config, resolve, settings, started=started, done=done)


@main.command()
@SITE
@click.option("--resolve", is_flag=True, help="Ask every link over HTTP (answers younger than links.recheck_days are reused).")
@click.option("--fix", is_flag=True, help="Replace tracking links in the sources by their destinations (asks the tracking links).")
@click.option("--dry-run", is_flag=True, help="With --fix: show the diff, change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON, for CI.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_test_routing
@friendly
def links(
    site: Path, resolve: bool, fix: bool, dry_run: bool, as_json: bool, quiet: bool, allow_private: bool, map_host: tuple[str, ...], host_delay: float
) -> None:
    """Report every tracking link, dead link and redirect in SITE's content, per post and line.

    \b
    masthead links             scan; use answers already in the link store
    masthead links --resolve   ask every link over HTTP, store the answers
    masthead links --fix       rewrite tracking links to their destinations
    masthead links --fix --dry-run   show the diff only
    """
    from rich.console import Console

    from .links import report

    fix = fix or dry_run
    mode = "all" if resolve else "tracking" if fix else "none"
    config, found = _run_audit(site, mode, allow_private, map_host, quiet or as_json, host_delay)
    fixed = None
    if fix:
        from .links.fix import fix as run_fix

        fixed = run_fix(config.root, found, dry_run)
        if not dry_run and fixed.changes:
            config, found = _run_audit(site, "none", allow_private, map_host, True)  # report the result
    if as_json:
        click.echo(report.to_json(found, fixed))
        return
    console = Console(soft_wrap=False)
    report.print_table(found, console)
    if fixed is not None:
        report.print_fix(fixed, console, dry_run)


@main.command()
@SITE
@click.option("--json", "as_json", is_flag=True, help="Print outlets, citations and uncited posts as JSON.")
@click.option("--drafts", is_flag=True, help="Include drafts.")
@friendly
def sources(site: Path, as_json: bool, drafts: bool) -> None:
    """Print SITE's cited outlets: most cited first, with first and last citation dates."""
    import json

    from rich.console import Console
    from rich.table import Table

    from .build import load
    from .links.citations import records, summaries, table_json, uncited
    from .links.store import stored_answers

    loaded, _, _ = load(site, _build_options(drafts, False))
    found = records(loaded, stored_answers(loaded.config))
    if as_json:
        click.echo(json.dumps(table_json(loaded, found), indent=2, ensure_ascii=False))
        return
    table = Table(title="Sources")
    for column in ("outlet", "citations", "posts", "first cited", "last cited"):
        table.add_column(column, justify="right" if column in ("citations", "posts") else "left")
    for summary in summaries(found):
        table.add_row(summary.outlet.name, str(summary.citations), str(len(summary.posts)), summary.first.date().isoformat(), summary.last.date().isoformat())
    console = Console()
    console.print(table)
    without = uncited(loaded)
    console.print(
        f"{len(found)} citations of {len(summaries(found))} outlets in {len(loaded.posts)} posts; "
        f"{len(without)} without any citation" + (":" if without else "")
    )
    for post in without:
        console.print(f"  {post.entry.source}", markup=False, highlight=False)


def _check_links(site: Path, allow_private: bool, map_host: tuple[str, ...], quiet: bool, host_delay: float) -> None:
    from .errors import MastheadError
    from .links.report import findings

    config, found = _run_audit(site, "all", allow_private, map_host, quiet, host_delay)
    problems = []
    for item in found.links:
        answer = item.answer
        if answer is not None and answer.broken:
            problems.append(Problem(item.link.source, item.link.line, "link", f"{item.link.url}: {answer.outcome}: {answer.error}"))
        elif item.tracking and config.links.fail_on_tracking:
            problems.append(
                Problem(
                    item.link.source,
                    item.link.line,
                    "link",
                    f"{item.link.url}: {item.tracking.service} tracking link; expected the destination "
                    "(run masthead links --fix, or set links.fail_on_tracking = false)",
                )
            )
        elif answer is not None and answer.unchecked and not quiet:
            click.echo(
                f"{item.link.source}:{item.link.line}: warning: link: {item.link.url}: unchecked: {answer.error} "
                "(no answer, so nothing is known about it; asked again next time)",
                err=True,
            )
        elif "refused" in findings(item) and not quiet:
            status = answer.status if answer else ""
            click.echo(f"{item.link.source}:{item.link.line}: warning: link: {item.link.url}: the server refused to answer ({status})", err=True)
    if problems:
        raise MastheadError(problems)
    if not quiet:
        unchecked = sum(1 for item in found.links if item.answer is not None and item.answer.unchecked)
        click.echo(f"links ok: {len(found.links)} links, {len(found.tracking)} tracking, {unchecked} unchecked, {found.asked} asked over HTTP")


@main.command()
@click.argument("site", type=click.Path(path_type=Path))
@friendly
def new(site: Path) -> None:
    """Create a new site in the folder SITE, with example posts and a commented masthead.toml."""
    from .scaffold import create

    files = create(site)
    click.echo(f"created {site} with {files} files. Next:\n  masthead build {site}\n  masthead check {site}")


# ---------------------------------------------------------------- masthead serve, masthead cms


def _import_ghost(exports: tuple[Path, ...], site: Path, dry_run: bool, force: bool) -> None:
    from .config import load_config
    from .origins.ghost import import_ghost
    from .origins.ghost_urls import keep_ghost_urls, keep_tag_names

    config = load_config(site)
    made = keep_ghost_urls(config.root / "masthead.toml", dry_run)
    for setting in made:
        click.echo(f"{'would set' if dry_run else 'set'} masthead.toml [origin] {setting} (Ghost's URL)")
    if made and not dry_run:
        config = load_config(site)
    for export in exports:
        report = import_ghost(config, export, force, dry_run)
        verb = "would write" if dry_run else "wrote"
        for path in report.written:
            click.echo(f"{verb} {path}")
        for path in report.skipped:
            click.echo(f"kept {path} (it exists; --force replaces it)", err=True)
        for image in sorted(set(report.missing_images)):
            click.echo(
                f"warning: {image} is not in {config.folders.static}/: the post has no featured image; copy Ghost's content/images folder "
                f"to {config.folders.static}/content/images and import again with --force",
                err=True,
            )
        for name in sorted(set(report.missing_files)):
            click.echo(
                f"warning: {name} is not in {config.folders.static}/: left out of its post (its alt text stands in); copy Ghost's content folder's "
                f"images and media to {config.folders.static}/content/ and import again with --force",
                err=True,
            )
        for image in sorted(set(report.remote_images)):
            click.echo(f"warning: {image} is on another site: the post has no featured image; save it under {config.folders.static}/ to use it", err=True)
        for setting in keep_tag_names(config.root / "masthead.toml", report.tag_names, dry_run):
            click.echo(f"{'would set' if dry_run else 'set'} masthead.toml [tags] {setting} (the tag's Ghost slug is its URL)")


@main.command()
@click.argument("site", type=click.Path(file_okay=False, exists=True, path_type=Path), default=".")
@click.option("--force", is_flag=True, help="Write masthead.toml again even if there is one.")
@friendly
def init(site: Path, force: bool) -> None:
    """Adopt the Hugo, Jekyll, Pelican, Eleventy or Gatsby/Decap site in SITE (default: here).

    Detects the generator from its files (hugo.toml, _config.yml, pelicanconf.py, .eleventy.js,
    gatsby-config.js, static/admin/config.yml), and writes a commented masthead.toml mapping its
    folders, fields and permalinks so that URLs stay what they were. Touches nothing else; then
    `masthead build SITE` builds it in place. See docs/migrating.md.
    """
    from .origins.init import init as run_init

    plan, target = run_init(site, force)
    click.echo(f"{plan.kind.capitalize()} site (from {plan.found}): wrote {target}")
    if target.parent != site:
        click.echo(f"wrote {site / 'masthead.toml'}: site = {target.parent.name!r}, so masthead commands given {site} work on {target.parent}")
    for warning in plan.warnings:
        click.echo(str(warning), err=True)
    click.echo(f"next: masthead build {site}")


@main.command()
@SITE
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Beyond loopback a secret token is required: the printed URL carries it, and whoever has it can edit the site.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
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
        click.echo(
            f"warning: serving on {host}: whoever has the URL below (with its token) can read drafts "
            "and change the site's content and images through /api/v1; share it with no one, "
            "and use only on a trusted network",
            err=True,
        )
    session.start()
    admin = session.url.replace("/?", "/admin/?") if "?" in session.url else f"{session.url}admin/"
    click.echo(f"serving {site} at {session.url} (CMS: {admin}); Ctrl+C stops", err=True)
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
@click.option(
    "--backend", default="git-gateway", show_default=True, help="Decap backend for the published site: git-gateway, github, gitlab, bitbucket, gitea, …"
)
@click.option("--repo", default="", help="owner/name of the repository (github, gitlab, bitbucket, gitea).")
@click.option("--branch", default="main", show_default=True, help="Branch Decap commits to.")
@click.option(
    "--self-host", is_flag=True, help="Serve Decap from admin/decap/ (its minified bundle, copied from npm's decap-cms without source maps) instead of its CDN."
)
@click.option(
    "--decap-dist",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="node_modules/decap-cms/dist to copy with --self-host (default: searched from SITE).",
)
@click.option("--local-only", is_flag=True, help="Write the admin into SITE/admin/, shown by masthead serve and never deployed, instead of static/admin/.")
@click.option("--force", is_flag=True, help="Replace an existing index.html and config.yml (else config.yml is kept and reported on).")
@friendly
def cms_init(site: Path, backend: str, repo: str, branch: str, self_host: bool, decap_dist: Path | None, local_only: bool, force: bool) -> None:
    """Write the admin page and config.yml for Decap CMS, from masthead.toml.

    An existing config.yml is kept: only what is missing is written, and each collection is
    reported with the fields masthead reads from it.
    """
    from .cms.init import init

    done = init(site, backend, repo, branch, self_host, decap_dist, force, local_only)
    for path in done.written:
        click.echo(f"wrote {path}")
    for path in done.kept:
        click.echo(f"kept {path} (--force replaces it)")
    for line in done.report:
        click.echo(line)
    click.echo(f"next: masthead serve {site}, then open http://localhost:8000/admin/")


# ------------------------------------------------- masthead import, masthead digest (docs/newsletter.md)


@main.command("import")
@click.argument("issues", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-s", "--site", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, callback=_site, help="The site to import into.")
@click.option("--dry-run", is_flag=True, help="Show the plan (stories, and what is left out and why); write no post and no image.")
@click.option(
    "--split",
    type=click.Choice(["stories", "items"]),
    default="stories",
    show_default=True,
    help="items: a link roundup becomes one draft per item instead of one post.",
)
@click.option("--force", is_flag=True, help="Overwrite posts imported from the same issue before.")
@click.option("--keep-tracking", is_flag=True, help="Write the email's tracking links as they are (do not resolve them).")
@click.option(
    "--from",
    "origin",
    type=click.Choice(["newsletter", "ghost"]),
    default="newsletter",
    show_default=True,
    help="What the files are: newsletter issues, or a Ghost JSON export (Settings → Labs → Export).",
)
@_test_routing
@friendly
def import_(
    issues: tuple[Path, ...],
    site: Path,
    dry_run: bool,
    split: str,
    force: bool,
    keep_tracking: bool,
    origin: str,
    allow_private: bool,
    map_host: tuple[str, ...],
    host_delay: float,
) -> None:
    """Turn newsletter ISSUES (.eml, .mbox, or a saved .html or .mhtml) into draft posts, one per story.

    The mailing service is recognised from each message ([newsletter] profile to name it); its
    header, footer, buttons, sponsor and referral blocks are left out. Tracking links are resolved
    to their destinations first; images are saved under static/. Importing an issue again never
    duplicates a post, and never overwrites one without --force. With --from ghost, each file is a
    Ghost export: its posts and pages become seed-shaped Markdown posts (docs/migrating.md).
    """
    if origin == "ghost":
        _import_ghost(issues, site, dry_run, force)
        return
    from rich.console import Console
    from rich.table import Table

    from .config import load_config
    from .links.audit import settings_for
    from .newsletter.importer import ImportOptions, import_issues

    config = load_config(site)
    options = ImportOptions(dry_run, force, keep_tracking, settings_for(config, allow_private, _host_map(map_host), host_delay=host_delay), split=split)
    report = import_issues(config, issues, options)
    console = Console(soft_wrap=False)
    for plan in report.issues:
        console.print(f"{plan.source}: {plan.profile}, {plan.kind}: {plan.subject}", markup=False, highlight=False)
    table = Table(title="Dry run: nothing written" if dry_run else "Imported")
    for column in ("story", "post", "action", "words", "image", "links", "tracking", "cleaned", "citations"):
        table.add_column(column, justify="right" if column in ("words", "links", "tracking", "cleaned", "citations") else "left")
    for item in report.posts:
        table.add_row(
            item.title,
            item.path,
            item.action,
            str(item.words),
            item.image or "-",
            str(item.links),
            str(len(item.tracking)),
            str(item.cleaned),
            str(item.citations),
        )
    console.print(table)
    if dry_run:
        left_out = Table(title="Left out")
        for column in ("issue", "why", "what"):
            left_out.add_column(column)
        for plan in report.issues:
            for dropped in plan.dropped:
                left_out.add_row(Path(plan.source).name, dropped.why, dropped.text)
        console.print(left_out)
    for item in report.posts:
        for left in item.left:
            console.print(f"{item.path}: tracking link kept: {left}", markup=False, highlight=False)
    for note in report.notes:
        console.print(note, markup=False, highlight=False, soft_wrap=True)
    created = sum(item.action in ("created", "would create") for item in report.posts)
    console.print(
        f"{created} new draft post{'s' if created != 1 else ''} (published: false), {len(report.images)} image"
        f"{'s' if len(report.images) != 1 else ''}; review them, then set published: true",
        markup=False,
        highlight=False,
    )


@main.command()
@SITE
@click.option("--since", type=_DATE, help="First day (or time) of the digest (default: the end of the last digest sent to the list).")
@click.option("--until", type=_DATE, help="End of the digest, not included (default: now).")
@click.option("--now", type=_DATE, help="Act as if at this time (default: SOURCE_DATE_EPOCH or the clock).")
@click.option("--send", "send_it", is_flag=True, help="Also deliver it over SMTP ([newsletter] smtp_*; login from MASTHEAD_SMTP_USER/PASSWORD).")
@click.option("--to", "to", multiple=True, metavar="ADDRESS", help="With --send: send only to this test address (repeatable).")
@click.option("--resend", is_flag=True, help="With --send: send to the list even though this digest was sent before.")
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write the .html, .txt and .eml to (default: [newsletter] digest_folder in SITE).",
)
@friendly
def digest(
    site: Path, since: datetime | None, until: datetime | None, now: datetime | None, send_it: bool, to: tuple[str, ...], resend: bool, out: Path | None
) -> None:
    """Write the posts of a date range as an email digest: .html, .txt and .eml in SITE/digests/ (or --out DIR).

    \b
    masthead digest                          since the last digest sent (or the last 7 days)
    masthead digest --since 2025-05-29 --until 2025-06-05
    masthead digest --send --to me@example.org   a test delivery
    masthead digest --send                   deliver to [newsletter] recipients, once
    masthead digest --out /tmp/issue         write the three files there
    """
    from .build import build_time, load
    from .newsletter import digest as digests
    from .newsletter import send as sending

    moment = build_time(now)
    loaded, _, _ = load(site, _build_options(False, False), moment)
    config = loaded.config
    settings = sending.smtp_settings(config) if send_it else None  # fail on a bad login setup before writing
    start, end = digests.date_range(config, since, until, moment, sending.last_sent_until(config))
    issue = digests.make_digest(loaded, start, end)
    recipients = to or config.newsletter.recipients
    message = digests.to_message(config, issue, recipients or ("undisclosed-recipients:;",), moment)
    for path in digests.write_digest(config, issue, message, out):
        click.echo(f"wrote {path}")
    click.echo(f"{issue.subject} ({issue.name})")
    if settings is not None:
        sent = sending.send(config, issue, message, tuple(recipients), bool(to), resend, moment, settings)
        click.echo(
            f"sent {issue.name} to {len(sent.recipients)} {'test ' if to else ''}recipient{'s' if len(sent.recipients) != 1 else ''}"
            f" through {settings.host}:{settings.port}"
        )


# ------------------------------------------- masthead deploy, next-change, ci, redirects (docs/deploy.md)


@main.command()
@SITE
@click.option("-t", "--target", "target_name", metavar="NAME", help="The [[deploy.targets]] entry to deploy to (default: the first).")
@click.option("--dry-run", is_flag=True, help="List every upload, deletion, invalidation and ping; change nothing.")
@click.option("--force", is_flag=True, help="Upload every file, changed or not (headers are compared without it).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors and warnings.")
@friendly
def deploy(site: Path, target_name: str | None, dry_run: bool, force: bool, quiet: bool) -> None:
    """Upload SITE's built output to an S3-compatible bucket: only what changed, deletions last.

    \b
    masthead build && masthead deploy           the first [[deploy.targets]]
    masthead deploy --target staging --dry-run  list what would happen
    """
    from .config import load_config
    from .deploy.plan import WAVES
    from .deploy.run import choose_target, describe
    from .deploy.run import deploy as run_deploy
    from .progress import BuildProgress, wanted

    config = load_config(site)
    target = choose_target(config, target_name)
    with BuildProgress(wanted(quiet) and not dry_run) as progress:
        result = run_deploy(config, target, dry_run=dry_run, force=force, progress=progress.update)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if dry_run:
        heading = ""
        for action in result.plan.actions:
            group = WAVES[action.wave] if action.kind != "delete" else "deletions"
            if group != heading:
                heading = group
                click.echo(f"# {heading}")
            click.echo(describe(action))
        for path in result.invalidated:
            click.echo(f"invalidate  {path}")
        for url in result.submitted:
            click.echo(f"indexnow  {url}")
        for feed in result.pinged:
            click.echo(f"websub  {feed}")
    if quiet:
        return
    where = f"s3://{target.bucket}/{target.prefix.strip('/')}".rstrip("/")
    verb = "would upload" if dry_run else "uploaded"
    click.echo(
        f"{target.name}: {verb} {len(result.plan.uploads)}, {'would delete' if dry_run else 'deleted'} {len(result.plan.deletes)}, "
        + (f"{'would give' if dry_run else 'gave'} {len(result.plan.copies)} new headers, " if result.plan.copies else "")
        + f"{result.plan.unchanged} unchanged in {where}"
        + (f"; invalidated {len(result.invalidated)} CloudFront paths ({result.invalidation})" if result.invalidation else "")
        + (f"; IndexNow: {len(result.submitted)} URLs" if result.submitted and not dry_run else "")
        + (f"; WebSub: {len(result.pinged)} feeds" if result.pinged and not dry_run else "")
    )


@main.command("next-change")
@SITE
@click.option("--now", type=_DATE, help="Ask as if at this time (default: SOURCE_DATE_EPOCH or the clock).")
@click.option("--json", "as_json", is_flag=True, help="Print every upcoming change as JSON.")
@friendly
def next_change(site: Path, now: datetime | None, as_json: bool) -> None:
    """Print when SITE's output next changes by itself, as ISO 8601 and as a cron line (UTC).

    A scheduled post falls due, an expiryDate passes, or a post leaves the news sitemap. Prints
    "none" when nothing is due.
    """
    import json

    from .build import build_time, load
    from .content.discover import discover
    from .parallel import default_jobs
    from .pipeline.parse import parse
    from .schedule import changes, cron, iso

    moment = build_time(now)
    options = _build_options(False, False)
    loaded, _, _ = load(site, options, moment)
    sources, _ = discover(loaded.config)
    entries = parse(loaded.config, sources, None, default_jobs()).entries  # scheduled ones too, which the site leaves out
    upcoming = changes(loaded, entries, options)
    if as_json:
        click.echo(json.dumps([{"at": iso(c.moment), "cron": cron(c.moment), "what": c.what, "source": c.source} for c in upcoming], indent=2))
        return
    if not upcoming:
        click.echo("none")
        return
    first = upcoming[0]
    click.echo(iso(first.moment))
    click.echo(cron(first.moment))
    click.echo(f"{first.source} {first.what}", err=True)


@main.group()
def ci() -> None:
    """Continuous deployment: workflows that build and deploy the site."""


@ci.command("github")
@SITE
@click.option(
    "--host", type=click.Choice(["s3", "pages"]), default="s3", show_default=True, help="s3: masthead deploy to [[deploy.targets]]; pages: GitHub Pages."
)
@click.option("--every", type=int, default=15, show_default=True, help="Minutes between scheduled runs (5 to 1440).")
@click.option("--branch", default="main", show_default=True, help="The branch whose pushes deploy.")
@click.option("--target", default="", help="The deploy target (default: the first).")
@click.option("--force", is_flag=True, help="Replace an existing .github/workflows/masthead.yml.")
@friendly
def ci_github(site: Path, host: str, every: int, branch: str, target: str, force: bool) -> None:
    """Write .github/workflows/masthead.yml: build and deploy on push and on a schedule."""
    from .ci import repository_root, workflow, write

    root, inside = repository_root(site)
    path = write(root, workflow(inside, host, every, branch, target), force)
    click.echo(f"wrote {path}")
    if host == "s3":
        click.echo("next: add the repository secrets AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    else:
        click.echo("next: Settings → Pages → Source: GitHub Actions")


@main.command()
@SITE
@click.option("--record", is_flag=True, help="Add each moved post's old URL to its aliases (a byte-exact front matter edit).")
@click.option("--forget", is_flag=True, help="Forget the old URLs instead: the moves were meant, with no redirect.")
@friendly
def redirects(site: Path, record: bool, forget: bool) -> None:
    """List posts whose URL changed since an earlier build, and the redirects SITE publishes.

    \b
    masthead redirects            what moved, and every alias
    masthead redirects --record   keep the old URLs working: add them to aliases
    """
    from . import moved
    from .build import load
    from .render.redirects import redirects as site_redirects

    loaded, _, _ = load(site, _build_options(False, False))
    found = moved.moved(loaded, moved.history(loaded.config))
    if record:
        for item in moved.record(loaded, found):
            click.echo(f"{item.source}: added {item.old} to aliases")
        return
    if forget:
        moved.forget(loaded)
        click.echo(f"forgot {len(found)} old URL{'s' if len(found) != 1 else ''}")
        return
    for item in found:
        click.echo(f"moved  {item.old} -> {item.new}  ({item.source}{', renamed from ' + item.renamed_from if item.renamed_from else ''})")
    for redirect in site_redirects(loaded)[0]:
        click.echo(f"{redirect.rule}  ({redirect.origin})")
    if found:
        click.echo(f"{len(found)} moved without a redirect: run masthead redirects --record {site}", err=True)


def entry() -> None:
    """The console entry point: run the command, then leave without tearing the interpreter down.

    Freeing the object graph of a 10,000-post site takes longer than an incremental rebuild of
    it; every file is closed and flushed by then, so the process just ends.
    """
    try:
        main()
        code: object = 0
    except SystemExit as exit_:
        code = exit_.code
    if isinstance(code, str):
        click.echo(code, err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


if __name__ == "__main__":  # pragma: no cover
    entry()
