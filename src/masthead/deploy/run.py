"""``masthead deploy``: the steps in order, and a journal so an interrupted deploy is finished by the next.

plan → (guard on deletions) → record what is about to change → upload (or copy with new
headers) in waves → delete → invalidate CloudFront → IndexNow → WebSub → clear the record.
Objects are compared by a digest of their body and headers, so a re-run after a crash skips what
already went up; the record keeps the changed paths of the interrupted run, so its invalidation
and pings still happen. A change of headers alone is invalidated but not announced: the page
search engines would fetch is the same.
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
from .plan import COPY, Action, Plan, make_plan, object_arguments, payload
from .remote import forget, stored_metadata
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


@dataclass(frozen=True)
class Changes:
    """The paths a deploy touches: ``content`` (uploaded or deleted) and ``headers`` (copied with new headers)."""

    content: frozenset[str] = frozenset()
    headers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, plan: Plan) -> Changes:
        copied = {action.path for action in plan.copies}
        return cls(frozenset(action.path for action in plan.actions) - copied, frozenset(copied))

    def __or__(self, other: Changes) -> Changes:
        content = self.content | other.content
        return Changes(content, (self.headers | other.headers) - content)

    @property
    def everything(self) -> frozenset[str]:
        return self.content | self.headers


def _pending(path: Path) -> Changes:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Changes(frozenset(map(str, data["changed"])), frozenset(map(str, data.get("headers", ()))))
    except (FileNotFoundError, ValueError, KeyError, TypeError, AttributeError):
        return Changes()


def _record(path: Path, changes: Changes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    data = {"changed": sorted(changes.content), "headers": sorted(changes.headers)}
    temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
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
    seen = config.folder("cache") / f"deploy-{target.name}-objects.json"
    stored = {} if force else stored_metadata(bucket, remote, paths, seen, config.deploy.concurrency)
    try:
        plan = make_plan(folder, paths, remote, stored, config.deploy.all_matchers, force)
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
    changes = _pending(journal) | Changes.of(plan)
    if dry_run:
        return DeployResult(
            target,
            plan,
            True,
            tuple(_invalidation_paths(config, target, changes.everything)),
            submitted=tuple(notify.page_urls(config, changes.content)) if config.deploy.indexnow_key else (),
            pinged=tuple(notify.changed_feeds(changes.content)) if config.deploy.websub_hub else (),
        )
    if changes.everything:
        _record(journal, changes)
    try:
        _transfer(bucket, folder, plan, progress, config.deploy.concurrency)
    finally:
        forget(seen, (action.path for action in plan.actions))
    result = _after(config, target, bucket, plan, changes)
    journal.unlink(missing_ok=True)
    return result


def _transfer(bucket: Bucket, folder: Path, plan: Plan, progress: Progress | None, workers: int) -> None:
    """Upload (or copy with new headers) wave by wave, the files of a wave at the same time, then delete."""
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    uploads = (*plan.uploads, *plan.copies)
    done = 0

    def upload(action: Action) -> None:
        assert action.headers is not None
        if action.kind == COPY:
            bucket.copy(action)
        else:
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


def _invalidation_paths(config: Config, target: DeployTarget, changed: frozenset[str]) -> list[str]:
    if not target.cloudfront_distribution or not changed:
        return []
    return cloudfront.grouped(cloudfront.paths_for(changed), config.deploy.invalidation_limit)


def _after(config: Config, target: DeployTarget, bucket: Bucket, plan: Plan, changes: Changes) -> DeployResult:
    import httpx

    changed = changes.content
    paths = _invalidation_paths(config, target, changes.everything)
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
    parts = object_arguments(action.headers).values()
    return f"{action.kind:6}  {action.path}  ({action.reason}) {' | '.join(parts)}"
