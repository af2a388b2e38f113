"""An atomic swap for the preview: every good build is published as a new, complete folder.

The build writes into the preview's output folder, replacing files and, on a first build, the
whole folder; a request at that moment could find a half-updated site or no folder at all. So the
server never reads that folder. After each good build the output is copied into a new generation
folder with hard links (cheap: no bytes are copied; the build only ever replaces files by rename,
never rewrites one in place, so a linked file never changes under a reader), and the preview
switches to it in one assignment. The generation before stays on disk for requests still reading
it; older ones are removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

KEEP = 2  # the current generation and the one before, for requests still reading it


def link_tree(source: Path, target: Path) -> None:
    """``target`` becomes a copy of ``source`` made of hard links (copies where links fail)."""
    base = len(str(source))
    for directory, _, files in os.walk(source):
        destination = str(target) + directory[base:]
        os.makedirs(destination, exist_ok=True)
        for name in files:
            here, there = os.path.join(directory, name), os.path.join(destination, name)
            try:
                os.link(here, there)
            except OSError:  # another file system, or links not allowed
                shutil.copy2(here, there)


class Generations:
    """Numbered, complete copies of the preview output under ``folder``."""

    def __init__(self, folder: Path, after: int = 0) -> None:
        """Numbering starts after ``after``: a build process started again after a crash continues
        where the last one stopped, keeping the generation being served; 0 starts afresh."""
        self.folder = folder
        if not after and folder.exists():
            shutil.rmtree(folder)  # left by an earlier run
        self._number = after

    @property
    def number(self) -> int:
        """The number of the last generation published (0: none yet)."""
        return self._number

    def publish(self, output: Path) -> Path:
        """A new generation copied from ``output``; older ones beyond ``KEEP`` are removed."""
        self._number += 1
        generation = self.folder / str(self._number)
        link_tree(output, generation)
        for old in range(self._number - KEEP, 0, -1):
            stale = self.folder / str(old)
            if not stale.exists():
                break
            shutil.rmtree(stale, ignore_errors=True)
        return generation

    @staticmethod
    def replace_files(generation: Path, output: Path, files: list[str]) -> None:
        """Put ``files`` (just rewritten in ``output``) into ``generation``, each by one rename."""
        for relative in files:
            source, target = output / relative, generation / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".swap-")
            os.close(handle)
            os.unlink(temporary)
            try:
                os.link(source, temporary)
            except OSError:
                shutil.copy2(source, temporary)
            os.replace(temporary, target)
