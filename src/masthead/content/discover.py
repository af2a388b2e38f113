"""Finding the content files: every Markdown file under the content folder, at any depth.

Hidden files and folders (``.git``, editor swap files) and names starting with ``_`` are skipped.
Symlinks that lead outside the content folder are refused, so no path escapes it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..config import Config
from ..errors import Problem

MARKDOWN_SUFFIXES = (".md", ".markdown")


def discover(config: Config) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """Content files as (path relative to the site, absolute path), sorted; and any problems."""
    content = config.folder("content")
    problems: list[Problem] = []
    if not content.is_dir():
        problems.append(Problem("masthead.toml", None, "folders.content",
                                f"{content} is not a folder; expected the folder holding your Markdown posts"))
        return [], problems
    base = content.resolve()
    found: list[tuple[str, Path]] = []
    for folder, subfolders, files in os.walk(content, followlinks=False):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith((".", "_")))
        for name in files:
            if name.startswith((".", "_")) or not name.endswith(MARKDOWN_SUFFIXES):
                continue
            path = Path(folder, name)
            relative = path.relative_to(config.root).as_posix()
            if path.is_symlink() and not path.resolve().is_relative_to(base):
                problems.append(Problem(relative, None, None, "is a link to a file outside the content folder; expected the file itself"))
                continue
            found.append((relative, path))
    found.sort()
    return found, problems
