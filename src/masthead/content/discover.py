"""Finding files: the Markdown sources under the content folder, at any depth, with their stats.

Hidden files and folders (``.git``, editor swap files) and names starting with ``_`` are skipped.
Symlinks that lead outside their folder are refused, so no path escapes it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import Problem

MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class SourceFile:
    relative: str  # relative to the folder scanned from, "/"-separated
    location: str  # the file's path as a string (a Path per file costs more than the scan)
    mtime_ns: int
    size: int

    @property
    def path(self) -> Path:
        return Path(self.location)


def _walk(folder: str, prefix: str, base: str, found: list[SourceFile], refused: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith((".", "_")):
                continue
            relative = prefix + entry.name
            if entry.is_symlink() and not os.path.realpath(entry.path).startswith(base + os.sep):
                refused.append(relative)
                continue
            if entry.is_dir():
                _walk(entry.path, relative + "/", base, found, refused)
            elif entry.is_file():
                stat = entry.stat()
                found.append(SourceFile(relative, entry.path, stat.st_mtime_ns, stat.st_size))


def scan(folder: Path) -> list[SourceFile]:
    """Every file under ``folder`` (if it exists), relative to it, sorted; escaping links left out."""
    found: list[SourceFile] = []
    if folder.is_dir():
        _walk(str(folder), "", os.path.realpath(folder), found, [])
    return found


def discover(config: Config) -> tuple[list[SourceFile], list[Problem]]:
    """Content files with paths relative to the site, sorted; and any problems."""
    content = config.folder("content")
    if not content.is_dir():
        return [], [Problem("masthead.toml", None, "folders.content",
                            f"{content} is not a folder; expected the folder holding your Markdown posts")]
    found: list[SourceFile] = []
    refused: list[str] = []
    prefix = content.relative_to(config.root).as_posix() + "/"
    _walk(str(content), prefix, os.path.realpath(content), found, refused)
    problems = [Problem(path, None, None, "is a link to a file outside the content folder; expected the file itself")
                for path in refused if path.endswith(MARKDOWN_SUFFIXES)]
    return [source for source in found if source.relative.endswith(MARKDOWN_SUFFIXES)], problems
