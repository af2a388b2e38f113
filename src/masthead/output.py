"""Writing the built site atomically: everything goes to a staging folder beside the output
folder, which replaces the old output only once the whole site is written. A failed or
interrupted build therefore leaves the previous site untouched.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path


def _siblings(output: Path) -> tuple[Path, Path]:
    return output.with_name(f".{output.name}.staging"), output.with_name(f".{output.name}.old")


def recover(output: Path) -> None:
    """Undo what an interrupted build left: a half-written staging folder, a swap cut short."""
    staging, old = _siblings(output)
    if not output.exists() and old.exists():
        old.rename(output)  # interrupted between the two renames of ``commit``
    for leftover in (staging, old):
        if leftover.exists():
            shutil.rmtree(leftover)


class Staging:
    """A folder the new site is written into before it replaces the output folder."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.folder, self._old = _siblings(output)
        recover(output)
        self.folder.mkdir(parents=True)
        self._made: set[str] = set()
        self.count = 0

    def write(self, relative: str, data: bytes) -> None:
        path = self.folder / relative
        parent = os.path.dirname(relative)
        if parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(parent)
        path.write_bytes(data)
        self.count += 1

    def write_all(self, outputs: Iterable[tuple[str, bytes]]) -> None:
        for relative, data in outputs:
            self.write(relative, data)

    def copy_tree(self, source: Path) -> None:
        """Copy a folder's files as they are (static files, theme assets); links are not followed."""
        if not source.is_dir():
            return
        for folder, _, files in os.walk(source):
            for name in sorted(files):
                path = Path(folder) / name
                if path.is_symlink():
                    continue
                relative = path.relative_to(source).as_posix()
                target = self.folder / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                self.count += 1

    def commit(self) -> None:
        """Swap the staging folder in: two renames, recoverable by ``recover`` if cut between."""
        if self.output.exists():
            self.output.rename(self._old)
        self.folder.rename(self.output)
        if self._old.exists():
            shutil.rmtree(self._old)

    def abort(self) -> None:
        if self.folder.exists():
            shutil.rmtree(self.folder)
