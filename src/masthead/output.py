"""Writing the built site without ever leaving a half-written one, and touching only its own files.

New and changed files are written into a staging folder beside the output folder. Only when the
whole site has been rendered and checked (collisions, paths, nothing foreign in the way) does the
build commit: the list of deletions and moves is recorded in the build cache in the same
transaction as the new manifest, then applied — stale files of masthead's own deleted, each new
file moved in with an atomic rename, unchanged files left alone (their mtimes stay, so rsync and
CDN uploads stay small). Files masthead did not write are never deleted or moved, on the first
build as on any other, unless ``--clean`` asked for it (they are then deletions in the journal).

A build that fails before the commit leaves the output folder untouched. A build interrupted after
it is finished by the next one (``apply`` runs again from the journal and is idempotent); if that
replay cannot be finished, the next build throws it away and renders everything (``commit.recover``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cache import BuildCache

MOVE, DELETE = "move", "delete"


def staging_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


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


def write_file(folder: Path, relative: str, data: bytes, made: set[str]) -> os.stat_result:
    """Write ``folder/relative``; its stat (size and mtime survive the move into the output)."""
    parent = os.path.dirname(relative)
    if parent not in made:
        os.makedirs(os.path.join(folder, parent), exist_ok=True)
        made.add(parent)
    path = os.path.join(folder, relative)
    with open(path, "wb") as handle:
        handle.write(data)
    return os.stat(path)


def apply(output: Path, staging: Path, operations: Iterable[tuple[str, str]]) -> None:
    """Carry out a committed build's operations (deletions first); safe to run again after an
    interruption. Raises ``OSError`` when the output folder no longer allows it."""
    listed = list(operations)
    output.mkdir(parents=True, exist_ok=True)
    for operation, relative in listed:
        if operation == DELETE:
            target = output / relative
            if target.is_symlink() or target.is_file():  # a folder there now is not masthead's file
                target.unlink()
            _remove_empty_parents(target.parent, output)
    for operation, relative in listed:
        if operation == MOVE:
            source = staging / relative
            target = output / relative
            if source.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.is_dir() and not target.is_symlink():
                    target.rmdir()  # an empty folder where the file goes (checked before the commit)
                os.replace(source, target)
            elif not target.is_file():  # moved neither here nor there: this commit cannot be finished
                raise FileNotFoundError(f"{relative} is neither staged nor in the output folder")
    if staging.exists():
        shutil.rmtree(staging)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:  # not empty (other files, perhaps not masthead's), or already gone
            return
        folder = folder.parent


def recover(store: BuildCache, output_folder: Path) -> bool:
    """Finish an interrupted commit, or give it up; False when the outputs are no longer trusted.

    Runs first in every build (under the lock). The journal is idempotent, so a replay that is
    itself interrupted is simply run again; one that cannot be finished (a file gone from the
    staging folder, the output folder changed meanwhile) is thrown away with every output's key,
    so the build renders and writes everything, still deleting only masthead's own files."""
    journal = store.journal()
    if journal is None:
        discard_uncommitted(output_folder)
        return True
    staging, operations = journal
    try:
        apply(output_folder, Path(staging), operations)
    except OSError:
        store.distrust(also_owned=[path for operation, path in operations if operation == DELETE])
        discard_uncommitted(output_folder)
        return False
    store.clear_journal()
    return True


def discard_uncommitted(output: Path) -> None:
    """Remove what a build left before its commit: the staging folder is incomplete."""
    staging = staging_folder(output)
    if staging.exists():
        shutil.rmtree(staging)
