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


def _walk(folder: str, prefix: str, base: str, found: list[SourceFile], refused: list[str],
          keep: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset()) -> None:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith(".") or (entry.name.startswith("_") and entry.name not in keep
                                              and not ("_index.md" in keep and entry.name.startswith("_index."))):
                continue
            relative = prefix + entry.name
            if relative in skip:
                continue
            if entry.is_symlink() and not os.path.realpath(entry.path).startswith(base + os.sep):
                refused.append(relative)
                continue
            if entry.is_dir():
                _walk(entry.path, relative + "/", base, found, refused, keep, skip)
            elif entry.is_file():
                stat = entry.stat()
                found.append(SourceFile(relative, entry.path, stat.st_mtime_ns, stat.st_size))


def scan(folder: Path) -> list[SourceFile]:
    """Every file under ``folder`` (if it exists), relative to it, sorted; escaping links left out."""
    found: list[SourceFile] = []
    if folder.is_dir():
        _walk(str(folder), "", os.path.realpath(folder), found, [])
    return found


# Folders a generator's site holds besides its content: its output, its tools' folders, masthead's.
_NOT_CONTENT = ("_site", "public", "output", "node_modules", "vendor", "themes", "layouts", "resources", "static", "assets")


def _origin_rules(config: Config, prefix: str) -> tuple[frozenset[str], frozenset[str]]:
    """Names starting with ``_`` that are content (Jekyll's posts, Hugo's section pages), paths that are not."""
    kind = config.origin.kind
    keep = {"jekyll": {"_posts", "_drafts"}, "hugo": {"_index.md", "_index.markdown"}}.get(kind, set())
    skip = {prefix + name for name in _NOT_CONTENT} if prefix == "" else set()
    skip |= {config.folders.output, config.folders.cache, config.folders.templates}
    return frozenset(keep), frozenset(skip)


def discover(config: Config) -> tuple[list[SourceFile], list[Problem]]:
    """Content files with paths relative to the site, sorted; and any problems."""
    content = config.folder("content")
    if not content.is_dir():
        return [], [Problem("masthead.toml", None, "folders.content",
                            f"{content} is not a folder; expected the folder holding your Markdown posts")]
    found: list[SourceFile] = []
    refused: list[str] = []
    inner = content.relative_to(config.root).as_posix()
    prefix = "" if inner == "." else inner + "/"
    keep, skip = _origin_rules(config, prefix)
    _walk(str(content), prefix, os.path.realpath(content), found, refused, keep, skip)
    problems = [Problem(path, None, None, "is a link to a file outside the content folder; expected the file itself")
                for path in refused if path.endswith(MARKDOWN_SUFFIXES)]
    suffixes = (*MARKDOWN_SUFFIXES, ".rst") if config.origin.kind == "pelican" else MARKDOWN_SUFFIXES
    return [source for source in found if source.relative.endswith(suffixes)], problems
