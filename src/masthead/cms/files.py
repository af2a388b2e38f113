"""The files of the local backend: atomic writes, decap-server's entry and media shapes, listings
confined to the scope, and renames of one entry."""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from .scope import Scope


def relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a hidden temporary file and a rename, so no reader sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def entry_of(shown: str, data: bytes | None, label: Any = None) -> dict[str, Any]:
    """decap-server's Entry: the whole file as text with its sha256, or nulls when unreadable."""
    file: dict[str, Any] = {"path": shown}
    if label is not None:
        file["label"] = label
    if data is None:
        return {"data": None, "file": {**file, "id": None}}
    return {"data": data.decode("utf-8", errors="replace"), "file": {**file, "id": hashlib.sha256(data).hexdigest()}}


def entry(path: Path, shown: str, label: Any = None) -> dict[str, Any]:
    try:
        data: bytes | None = path.read_bytes()
    except OSError:
        data = None
    return entry_of(shown, data, label)


def media_of(shown: str, data: bytes) -> dict[str, Any]:
    return {
        "id": hashlib.sha256(data).hexdigest(),
        "content": base64.b64encode(data).decode("ascii"),
        "encoding": "base64",
        "path": shown,
        "name": shown.rsplit("/", 1)[-1],
    }


def media_file(root: Path, path: Path) -> dict[str, Any]:
    return media_of(relative(root, path), path.read_bytes())


MAX_DEPTH = 32  # deeper than any content tree; bounds the walk whatever a request asks


def list_files(scope: Scope, folder: Path, extension: str, depth: int) -> list[Path]:
    """Allowed files under ``folder`` ending in ``extension``, ``depth`` levels deep (1: directly
    in); hidden names, links leading out of the scope and linked folders are skipped."""
    if depth <= 0 or not folder.is_dir():
        return []
    found: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            if not child.is_symlink():
                found += list_files(scope, child, extension, depth - 1)
        elif child.name.endswith(extension) and scope.allows(Path(os.path.realpath(child))):
            found.append(child)
    return found


def move(source: Path, target: Path) -> None:
    """Rename one entry. Unlike decap-server, never its neighbours: they are other entries."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
