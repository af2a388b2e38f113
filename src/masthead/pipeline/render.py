"""The render stage: run the jobs that are not kept, stage what changed, check every output path.

Workers write each output whose bytes differ from the manifest (or whose file on disk was
damaged) into the staging folder and record its size and mtime. Then, before anything can be
committed, every path of the new site — rendered now or kept — is checked: it stays inside the
output folder, and no two outputs claim one path (or a file and a folder of one name).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache import Output, digest
from ..errors import MastheadError, Problem
from ..output import write_file
from ..ownership import output_path_problem
from ..parallel import map_ranges
from ..render.jobs import Job
from ..site import Site
from .plan import Plan
from .search import index_posts

UNSTAGED = -2  # the mtime of a file that could not be staged (it collides with another output)
_Files = list[tuple[str, str, bool, int, int]]  # (path, hash, written, size, mtime_ns)


@dataclass(frozen=True)
class Rendered:
    outputs: Mapping[str, Output]  # every file of the new site, kept ones included
    written: tuple[str, ...]  # staged: new or changed
    rendered: int  # jobs run


@dataclass(frozen=True)
class _Work:
    """What every render worker receives (through the pool's initializer)."""

    jobs: tuple[Job, ...]
    manifest: Mapping[str, Output]
    damaged: frozenset[str]
    staging: Path | None  # None: check, write nothing


def _render_range(work: _Work, start: int, stop: int) -> list[tuple[int, _Files]]:
    results: list[tuple[int, _Files]] = []
    made: set[str] = {""}
    for index in range(start, stop):
        job = work.jobs[index]
        assert job.produce is not None
        files: _Files = []
        for relative, data in job.produce():
            content_hash = digest(data)
            previous = work.manifest.get(relative)
            if previous is not None and previous.hash == content_hash and relative not in work.damaged:
                files.append((relative, content_hash, False, previous.size, previous.mtime_ns))
            elif work.staging is not None and output_path_problem(relative) is None:
                try:
                    stat = write_file(work.staging, relative, data, made)
                except (IsADirectoryError, NotADirectoryError, FileExistsError):  # a file and a folder of one name:
                    files.append((relative, content_hash, True, len(data), UNSTAGED))  # a collision, reported below
                    continue
                files.append((relative, content_hash, True, stat.st_size, stat.st_mtime_ns))
            else:
                files.append((relative, content_hash, True, len(data), -1))
        results.append((index, files))
    return results


def render(site: Site, plan: Plan, staging: Path | None, output_folder: Path, workers: int, reindex: bool = True, progress: Any = None) -> Rendered:
    """Run the jobs, stage changed files, index the posts; raise ``MastheadError`` for bad or
    colliding paths. Without ``staging`` (check) nothing is written and nothing indexed."""
    to_run = plan.to_run
    work = _Work(to_run, plan.manifest, plan.damaged, staging)
    position = {id(job): index for index, job in enumerate(plan.jobs)}
    claims: dict[str, list[int]] = {}  # path -> plan positions of the jobs that write it
    outputs: dict[str, Output] = {}
    written: list[str] = []
    problems: list[Problem] = []
    done = 0
    for batch in map_ranges(_render_range, work, len(to_run), workers):
        done += len(batch)
        if progress:
            progress("render", done, len(to_run))
        for index, files in batch:
            job = to_run[index]
            for relative, content_hash, changed, size, mtime_ns in files:
                problem = output_path_problem(relative)
                if problem:
                    problems.append(Problem(*job.origin, f"{job.source}: {problem}"))
                    continue
                claims.setdefault(relative, []).append(position[id(job)])
                outputs[relative] = Output(job.key, content_hash, size, mtime_ns)
                if changed:
                    written.append(relative)
    kept = {job.key: position[id(job)] for job in plan.jobs if job.produce is None}
    for relative, row in plan.manifest.items():
        if row.job in kept:
            claims.setdefault(relative, []).append(kept[row.job])
            outputs[relative] = row
    jobs = plan.jobs
    if site.config.search and staging is not None and not problems:
        indexed, staged = index_posts(site, plan.manifest, plan.damaged, outputs, set(written), staging, output_folder, reindex)
        for job, rows in indexed:
            jobs = (*jobs, job)
            for relative, row in rows.items():
                claims.setdefault(relative, []).append(len(jobs) - 1)
                outputs[relative] = row
        written += staged
    problems += collisions(jobs, claims)
    if problems:
        raise MastheadError(problems)
    if staging is not None and any(outputs[path].mtime_ns == UNSTAGED for path in written):
        raise RuntimeError("an output could not be staged, yet no collision was found")
    return Rendered(outputs, tuple(written), len(to_run))


def collisions(jobs: tuple[Job, ...], claims: Mapping[str, list[int]]) -> list[Problem]:
    """Two jobs on one path, or one's file where another needs a folder; named in plan order."""
    problems: list[Problem] = []
    for relative, owners in sorted(claims.items()):
        first, *others = sorted(set(owners))
        for other in others:
            problems.append(_collision(jobs[first], jobs[other], f"both would be written to {relative}"))
        parts = relative.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder in claims:
                file_job, folder_job = jobs[min(claims[folder])], jobs[min(owners)]
                pair = sorted([(min(claims[folder]), file_job), (min(owners), folder_job)], key=lambda item: item[0])
                problems.append(
                    _collision(pair[0][1], pair[1][1], f"{file_job.source} writes the file {folder}, where {folder_job.source} needs a folder (for {relative})")
                )
                break
    return problems


def _collision(earlier: Job, later: Job, what: str) -> Problem:
    # Reported where the user can act: the later job's file if it is the user's, else the earlier's.
    origin = later.origin if later.origin[0] != "masthead.toml" or earlier.origin[0] == "masthead.toml" else earlier.origin
    return Problem(
        *origin, f"{earlier.source} and {later.source} collide: {what}; expected each output path once — rename one of them (a slug, a file under static/)"
    )
