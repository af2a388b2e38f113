"""``masthead deploy``: the steps in order, and a journal so an interrupted deploy is finished by the next.

plan → (guard on deletions) → record what is about to change → upload in waves → delete →
invalidate CloudFront → IndexNow → WebSub → clear the record. Uploads are compared by MD5, so a
re-run after a crash skips what already went up; the record keeps the changed paths of the
interrupted run, so its invalidation and pings still happen.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..cache import BuildCache
from ..config import Config, DeployTarget
from ..errors import MastheadError, Problem
from . import cloudfront, notify
from .plan import Action, Plan, make_plan, payload
from .s3 import MULTIPART_THRESHOLD, Bucket

Progress = Callable[[str, int, int], None]
HOST_FILES = ("_redirects", "_headers")  # read by Netlify and Cloudflare Pages, meaningless in a bucket


@dataclass(frozen=True)
class DeployResult:
    target: DeployTarget
    plan: Plan
    dry_run: bool
    invalidated: tuple[str, ...] = ()  # CloudFront paths
    invalidation: str = ""  # its id
    submitted: tuple[str, ...] = ()  # URLs sent to IndexNow
    pinged: tuple[str, ...] = ()  # feeds announced to the WebSub hub
    warnings: tuple[str, ...] = ()


def choose_target(config: Config, name: str | None) -> DeployTarget:
    targets = config.deploy.targets
    if not targets:
        raise MastheadError(
            [
                Problem(
                    "masthead.toml",
                    None,
                    "deploy.targets",
                    'no deploy target; expected one such as\n[[deploy.targets]]\nname = "production"\nbucket = "www.example.org"',
                )
            ]
        )
    if name is None:
        return targets[0]
    for target in targets:
        if target.name == name:
            return target
    from ..errors import did_you_mean

    names = [target.name for target in targets]
    raise MastheadError(
        [Problem("masthead.toml", None, "deploy.targets", f"no target named {name!r}{did_you_mean(name, names)}; expected one of {', '.join(names)}")]
    )


def built_files(config: Config) -> list[str]:
    """The output files the last build wrote, from its manifest in the build cache."""
    store = BuildCache.open(config.folder("cache"))
    try:
        if store.journal() is not None:
            raise MastheadError(
                [
                    Problem(
                        config.folders.output,
                        None,
                        None,
                        "the last build was interrupted before it finished writing; expected a finished build — run masthead build first",
                    )
                ]
            )
        paths = sorted(path for path in store.outputs() if path not in HOST_FILES)
    finally:
        store.close()
    if not paths or not (config.folder("output") / "index.html").is_file():
        raise MastheadError(
            [Problem(config.folders.output, None, None, "nothing built yet (or built by another masthead); expected a build: run masthead build first")]
        )
    return paths


def _journal_path(config: Config, target: DeployTarget) -> Path:
    return config.folder("cache") / f"deploy-{target.name}.json"


def _pending(path: Path) -> set[str]:
    try:
        return set(json.loads(path.read_text(encoding="utf-8"))["changed"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return set()


def _record(path: Path, changed: set[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"changed": sorted(changed)}, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _check_deletes(config: Config, target: DeployTarget, plan: Plan) -> None:
    count, limit = len(plan.deletes), config.deploy.max_deletes
    if count > limit:
        where = f"{target.bucket}/{target.prefix}".rstrip("/")
        raise MastheadError(
            [
                Problem(
                    "masthead.toml",
                    None,
                    "deploy.max_deletes",
                    f"this deploy would delete {count} files from {where}, more than max_deletes = {limit}; "
                    "nothing was changed. Expected fewer: check the target's bucket and prefix "
                    "(`masthead deploy --dry-run` lists them), or raise deploy.max_deletes",
                )
            ]
        )


def deploy(
    config: Config,
    target: DeployTarget,
    *,
    dry_run: bool = False,
    force: bool = False,
    progress: Progress | None = None,
    multipart_threshold: int = MULTIPART_THRESHOLD,
    bucket: Bucket | None = None,
) -> DeployResult:
    folder = config.folder("output")
    paths = built_files(config)
    bucket = bucket or Bucket(target, multipart_threshold)
    remote = bucket.listing()
    try:
        plan = make_plan(folder, paths, remote, config.deploy.all_matchers, bucket.stored_md5, force)
    except FileNotFoundError as exc:
        raise MastheadError(
            [
                Problem(
                    config.folders.output,
                    None,
                    None,
                    f"{exc.filename} is in the build's manifest but not on disk; expected the output folder as the build left it: run masthead build",
                )
            ]
        ) from exc
    _check_deletes(config, target, plan)
    journal = _journal_path(config, target)
    changed = _pending(journal) | {action.path for action in plan.actions}
    if dry_run:
        return DeployResult(
            target,
            plan,
            True,
            tuple(_invalidation_paths(config, target, changed)),
            submitted=tuple(notify.page_urls(config, changed)) if config.deploy.indexnow_key else (),
            pinged=tuple(notify.changed_feeds(changed)) if config.deploy.websub_hub else (),
        )
    if changed:
        _record(journal, changed)
    _transfer(bucket, folder, plan, progress, config.deploy.concurrency)
    result = _after(config, target, bucket, plan, changed)
    journal.unlink(missing_ok=True)
    return result


def _transfer(bucket: Bucket, folder: Path, plan: Plan, progress: Progress | None, workers: int) -> None:
    """Upload wave by wave (files of a wave at the same time), then delete."""
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    uploads = plan.uploads
    done = 0

    def upload(action: Action) -> None:
        assert action.headers is not None
        bucket.upload(action, payload(folder, action.path, action.headers))

    with ThreadPoolExecutor(max_workers=workers) as pool:  # boto3 clients are thread-safe
        for wave in sorted({action.wave for action in uploads}):
            pending = {pool.submit(upload, action) for action in uploads if action.wave == wave}
            while pending:
                finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
                for future in finished:
                    future.result()  # an error stops the deploy before the next wave
                    done += 1
                    if progress:
                        progress("upload", done, len(uploads))
    deletes = [action.path for action in plan.deletes]
    if deletes:
        removed = 0

        def deleted(count: int) -> None:
            nonlocal removed
            removed += count
            if progress:
                progress("delete", removed, len(deletes))

        bucket.delete(deletes, deleted)


def _invalidation_paths(config: Config, target: DeployTarget, changed: set[str]) -> list[str]:
    if not target.cloudfront_distribution or not changed:
        return []
    return cloudfront.grouped(cloudfront.paths_for(changed), config.deploy.invalidation_limit)


def _after(config: Config, target: DeployTarget, bucket: Bucket, plan: Plan, changed: set[str]) -> DeployResult:
    import httpx

    paths = _invalidation_paths(config, target, changed)
    invalidation = cloudfront.invalidate(bucket.session, target, paths) if paths else ""
    warnings: list[str] = []
    submitted: list[str] = []
    pinged: list[str] = []
    with httpx.Client(follow_redirects=True, headers={"User-Agent": "masthead"}) as client:
        if config.deploy.indexnow_key and (submitted := notify.page_urls(config, changed)):
            warnings += notify.indexnow(config, submitted, client)
        if config.deploy.websub_hub and (pinged := notify.changed_feeds(changed)):
            warnings += notify.websub(config, pinged, client)
    return DeployResult(target, plan, False, tuple(paths), invalidation, tuple(submitted), tuple(pinged), tuple(warnings))


def describe(action: Action) -> str:
    """One line of ``--dry-run``: what, why, and with which headers."""
    if action.headers is None:
        return f"delete  {action.path}"
    parts = [action.headers.content_type, action.headers.cache_control, action.headers.content_encoding]
    return f"upload  {action.path}  ({action.reason}) {' | '.join(part for part in parts if part)}"
