"""What masthead may touch: its own folders, and inside the output folder only its own files.

- ``folder_problems``: the output and cache folders are replaced and pruned by builds, so neither
  may be, contain or lie inside an input (the site folder itself, content, static, templates), and
  they may not overlap each other. Paths are resolved first, so a symlink cannot hide an overlap.
- ``output_path_problem``: every output path stays inside the output folder whatever a permalink,
  slug, tag or outlet name says: no empty, ``.`` or ``..`` segment, no NUL, no name longer than a
  file system allows.
- ``in_the_way``: before a commit, the files and links in the output folder that masthead did not
  write and that stand where one of its files or folders must go.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Iterable
from pathlib import Path

from .config import Config, line_of
from .errors import Problem

MAX_NAME_BYTES = 255  # ext4, APFS, NTFS, XFS: a file or folder name


def folder_problems(config: Config) -> list[Problem]:
    """The output and cache folders against the inputs and each other, as config problems, each
    reported at the key the file sets (the other one of a pair is its default)."""
    root = config.root.resolve()
    inputs = [("", "the site folder", root)]
    inputs += [(key, f"the {key} folder ({getattr(config.folders, key)}/)", config.folder(key).resolve()) for key in ("content", "static", "templates")]
    owned = {key: config.folder(key).resolve() for key in ("output", "cache")}
    problems: list[Problem] = []
    for key, path in owned.items():
        for input_key, name, other in inputs:
            relation = _relation(path, other, name, root)
            if not relation:
                continue
            if input_key and _is_set(config, input_key) and not _is_set(config, key):
                mine = f"the {key} folder ({getattr(config.folders, key)}/)"
                problems.append(_folder_problem(config, input_key, _relation(other, path, mine, root), key))
            else:
                problems.append(_folder_problem(config, key, relation, key))
            break
    if not problems and _relation(owned["output"], owned["cache"], "", root):
        named = "cache" if _is_set(config, "cache") else "output"
        other_key = "output" if named == "cache" else "cache"
        relation = f"overlaps the {other_key} folder ({getattr(config.folders, other_key)}/)"
        problems.append(_folder_problem(config, named, relation, named))
    return problems


def _is_set(config: Config, key: str) -> bool:
    return line_of(config.source_text, key, "folders") is not None


def _relation(path: Path, other: Path, name: str, root: Path) -> str:
    if path == other:
        return f"is {name}"
    if other.is_relative_to(path):
        return f"contains {name}"
    if other != root and path.is_relative_to(other):
        return f"lies inside {name}"
    return ""


def _folder_problem(config: Config, key: str, relation: str, owned: str) -> Problem:
    value = getattr(config.folders, key)
    if key == owned:
        default = "public" if key == "output" else ".masthead-cache"
        expected = f"a folder of its own that holds nothing but what masthead makes there, such as {default!r}"
    else:
        expected = f"a folder outside the {owned} folder, which masthead replaces and prunes, such as {key!r}"
    return Problem("masthead.toml", line_of(config.source_text, key, "folders"), f"folders.{key}", f"{value!r} {relation}; expected {expected}")


def output_path_problem(relative: str) -> str | None:
    """Why ``relative`` may not be written inside the output folder, or None."""
    if "\0" in relative:
        return f"the output path {relative!r} contains a NUL character; expected none"
    for part in relative.split("/"):
        if part in ("", ".", ".."):
            return (
                f"the output path {relative!r} has an empty, '.' or '..' segment, which would leave or "
                "confuse the output folder; expected plain names between the slashes"
            )
        size = len(part.encode("utf-8", "surrogateescape"))
        if size > MAX_NAME_BYTES:
            return (
                f"the name {part[:32]!r}… in the output path is {size} bytes long; expected at most "
                f"{MAX_NAME_BYTES} bytes, the longest name a file system allows"
            )
    return None


def in_the_way(output: Path, targets: Iterable[str], leaving: Collection[str]) -> list[tuple[str, str]]:
    """(path, target) for each thing in ``output`` that blocks writing ``target``.

    ``leaving``: paths deleted before the files move in (masthead's stale outputs, and with
    ``--clean`` every foreign file). A blocker is a file where a folder must go, a folder with
    files that stay where a file must go, or a link that leads out of the output folder.
    """
    base = output.resolve()
    known: dict[str, str] = {}  # folder -> "" when fine, else what is wrong
    found: list[tuple[str, str]] = []
    for target in targets:
        parts = target.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in known:
                known[folder] = _folder_state(output, base, folder, leaving)
            if known[folder]:
                found.append((folder, target))
                break
        else:
            path = output / target
            if path.is_dir() and not path.is_symlink():
                staying = [name for name in _files_under(path, output) if name not in leaving]
                if staying:
                    found.append((staying[0], target))
    return found


def _folder_state(output: Path, base: Path, folder: str, leaving: Collection[str]) -> str:
    path = output / folder
    if path.is_symlink():
        return "" if path.resolve().is_relative_to(base) and path.is_dir() else "a link out of the output folder"
    if not os.path.lexists(path) or path.is_dir():
        return ""
    return "" if folder in leaving else "a file"


def _files_under(folder: Path, output: Path) -> list[str]:
    names: list[str] = []
    for parent, folders, files in os.walk(folder):
        names += [Path(parent, name).relative_to(output).as_posix() for name in (*files, *folders) if Path(parent, name).is_symlink() or name in files]
    return sorted(names)


def foreign_files(output: Path, owned: Collection[str]) -> list[str]:
    """Files and links in ``output`` that are not in the manifest (for ``--clean``), deepest first."""
    if not output.is_dir():
        return []
    found: list[str] = []
    for parent, folders, files in os.walk(output):
        for name in (*files, *[name for name in folders if Path(parent, name).is_symlink()]):
            relative = Path(parent, name).relative_to(output).as_posix()
            if relative not in owned:
                found.append(relative)
    return sorted(found, key=lambda path: (-path.count("/"), path))


def remove_empty_folders(output: Path) -> None:
    """Delete every empty folder in ``output`` (``--clean``: masthead itself never leaves one)."""
    for parent, folders, _files in os.walk(output, topdown=False):
        for name in folders:
            path = Path(parent, name)
            if not path.is_symlink():
                with contextlib.suppress(OSError):  # not empty
                    path.rmdir()
