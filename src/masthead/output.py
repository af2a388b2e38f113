"""Writing the built site without ever leaving a half-written one.

New and changed files are written into a staging folder beside the output folder. Only when the
whole site has been rendered does the build commit: the list of moves and deletions is recorded in
the build cache in the same transaction as the new manifest, then applied — each file replaced
with an atomic rename, unchanged files left alone (their mtimes stay, so rsync and CDN uploads stay
small). A first build, or one without a trustworthy manifest, swaps the whole folder instead.

A build that fails before the commit leaves the output folder untouched. A build interrupted after
it is finished by the next one (``apply`` is idempotent and runs again from the journal).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

MOVE, DELETE, SWAP = "move", "delete", "swap"


def staging_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


def _old_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}.old")


class Staging:
    """A folder the new or changed files are written into before the commit."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.folder = staging_folder(output)
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)

    def abort(self) -> None:
        if self.folder.exists():
            shutil.rmtree(self.folder)


def write_file(folder: Path, relative: str, data: bytes, made: set[str]) -> None:
    parent = os.path.dirname(relative)
    if parent not in made:
        os.makedirs(os.path.join(folder, parent), exist_ok=True)
        made.add(parent)
    with open(os.path.join(folder, relative), "wb") as handle:
        handle.write(data)


def apply(output: Path, staging: Path, operations: Iterable[tuple[str, str]]) -> None:
    """Carry out a committed build's operations; safe to run again after an interruption."""
    old = _old_folder(output)
    for operation, relative in operations:
        if operation == SWAP:
            if staging.exists():
                if old.exists() and output.exists():
                    shutil.rmtree(old)
                if output.exists():
                    output.rename(old)
                staging.rename(output)
            if old.exists():
                shutil.rmtree(old)
        elif operation == MOVE:
            source = staging / relative
            if source.exists():
                target = output / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        elif operation == DELETE:
            target = output / relative
            target.unlink(missing_ok=True)
            _remove_empty_parents(target.parent, output)
    if staging.exists():
        shutil.rmtree(staging)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:  # not empty, or already gone
            return
        folder = folder.parent


def discard_uncommitted(output: Path) -> None:
    """Remove what a build left before its commit: the staging folder is incomplete."""
    staging = staging_folder(output)
    if staging.exists():
        shutil.rmtree(staging)
    old = _old_folder(output)
    if old.exists() and not output.exists():
        old.rename(output)
    elif old.exists():
        shutil.rmtree(old)
