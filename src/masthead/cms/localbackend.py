"""Decap CMS's local backend protocol (decap-server's file-system mode), answered in Python.

``handle(root, request)`` takes the decoded JSON body of ``POST /api/v1`` and returns the status
and JSON reply decap-server would give: the same actions, shapes and joi-style error messages.
Every path is resolved, symlinks included, and must stay inside the site folder (422 otherwise);
files are written atomically. The HTTP side (CORS, body size, origins) lives in ``serve.server``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ALLOWED_ACTIONS = (
    "info",
    "entriesByFolder",
    "entriesByFiles",
    "getEntry",
    "unpublishedEntries",
    "unpublishedEntry",
    "unpublishedEntryDataFile",
    "unpublishedEntryMediaFile",
    "deleteUnpublishedEntry",
    "persistEntry",
    "updateUnpublishedEntryStatus",
    "publishUnpublishedEntry",
    "getMedia",
    "getMediaFile",
    "persistMedia",
    "deleteFile",
    "deleteFiles",
    "getDeployPreview",
)
OUTSIDE = "must resolve to a path under the configured repository"

Reply = tuple[int, Any]


class Invalid(Exception):
    """A request decap-server's joi schema would refuse: 422 with this message."""


# ---------------------------------------------------------------- checking requests, joi-style


def _get(
    params: dict[str, Any],
    key: str,
    label: str,
    kind: type | tuple[type, ...],
    name: str,
    required: bool = True,
) -> Any:
    value = params.get(key)
    if value is None:
        if required:
            raise Invalid(f'"{label}" is required')
        return None
    if not isinstance(value, kind) or (kind in (int, (int, float)) and isinstance(value, bool)):
        raise Invalid(f'"{label}" must be {name}')
    if isinstance(value, str) and not value:
        raise Invalid(f'"{label}" is not allowed to be empty')
    return value


def _text(params: dict[str, Any], key: str, label: str, required: bool = True) -> Any:
    return _get(params, key, label, str, "a string", required)


def _object(
    params: dict[str, Any], key: str, label: str, required: bool = True
) -> dict[str, Any] | None:
    value: dict[str, Any] | None = _get(params, key, label, dict, "of type object", required)
    return value


def _list(params: dict[str, Any], key: str, label: str, required: bool = True) -> list[Any] | None:
    value: list[Any] | None = _get(params, key, label, list, "an array", required)
    return value


def inside(root: Path, value: str, label: str) -> Path:
    """``value`` (relative to ``root``) as a real path inside it, links resolved, or ``Invalid``."""
    if "\0" in value or os.path.isabs(value) or value.startswith("\\"):
        raise Invalid(f'"{label}" {OUTSIDE}')
    joined = os.path.normpath(os.path.join(root, value))
    missing: list[str] = []
    existing = joined
    while not os.path.lexists(existing):  # resolve the part that exists, keep the rest as written
        existing, name = os.path.split(existing)
        missing.insert(0, name)
    real = Path(os.path.realpath(existing), *missing)
    if not (real == root or real.is_relative_to(root)) or not Path(joined).is_relative_to(root):
        raise Invalid(f'"{label}" {OUTSIDE}')
    return real


class _Request:
    def __init__(self, root: Path, params: dict[str, Any]) -> None:
        self.root = root
        self.params = params

    def path(
        self,
        key: str,
        label: str | None = None,
        params: dict[str, Any] | None = None,
        required: bool = True,
    ) -> Path | None:
        label = label or f"params.{key}"
        value = _text(self.params if params is None else params, key, label, required)
        return None if value is None else inside(self.root, value, label)

    def options(self, *keys: str) -> dict[str, Any]:
        options = _object(self.params, "options", "params.options")
        assert options is not None
        for key in keys:
            _text(options, key, f"params.options.{key}")
        return options

    def asset(self, value: Any, label: str) -> tuple[Path, bytes]:
        if not isinstance(value, dict):
            raise Invalid(f'"{label}" must be of type object')
        path = self.path("path", f"{label}.path", value)
        content = _text(value, "content", f"{label}.content")
        if _text(value, "encoding", f"{label}.encoding") != "base64":
            raise Invalid(f'"{label}.encoding" must be [base64]')
        try:
            data = base64.b64decode(content, validate=True)
        except binascii.Error as exc:
            raise Invalid(f'"{label}.content" must be a valid base64 string') from exc
        assert path is not None
        return path, data


# ---------------------------------------------------------------- files


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


def entry(root: Path, shown: str, label: Any = None) -> dict[str, Any]:
    """decap-server's Entry: the whole file as text with its sha256, or nulls when unreadable."""
    file: dict[str, Any] = {"path": shown}
    if label is not None:
        file["label"] = label
    try:
        data = inside(root, shown, "path").read_bytes()
    except (Invalid, OSError):
        return {"data": None, "file": {**file, "id": None}}
    return {
        "data": data.decode("utf-8", errors="replace"),
        "file": {**file, "id": hashlib.sha256(data).hexdigest()},
    }


def media_file(root: Path, path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {
        "id": hashlib.sha256(data).hexdigest(),
        "content": base64.b64encode(data).decode("ascii"),
        "encoding": "base64",
        "path": relative(root, path),
        "name": path.name,
    }


def list_files(folder: Path, extension: str, depth: int) -> list[Path]:
    """Files under ``folder`` ending in ``extension``, ``depth`` levels deep (1: directly in)."""
    if depth <= 0 or not folder.is_dir():
        return []
    found: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.is_dir():
            found += list_files(child, extension, depth - 1)
        elif child.name.endswith(extension):
            found.append(child)
    return found


def move(root: Path, source: Path, target: Path, with_folder: bool) -> None:
    """Rename an entry; like decap-server, also move the rest of its folder unless told not to."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    if with_folder and source.parent != target.parent:
        for path in list_files(source.parent, "", 100):
            destination = target.parent / path.relative_to(source.parent)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


# ---------------------------------------------------------------- actions


def _info(root: Path, request: _Request) -> Reply:
    return 200, {"repo": root.name, "publish_modes": ["simple"], "type": "local_fs"}


def _entries_by_folder(root: Path, request: _Request) -> Reply:
    folder = request.path("folder")
    extension = _text(request.params, "extension", "params.extension")
    depth = _get(request.params, "depth", "params.depth", (int, float), "a number")
    assert folder is not None
    files = [
        path for path in list_files(folder, extension, int(depth)) if inside_quietly(root, path)
    ]
    return 200, [entry(root, relative(root, path)) for path in files]


def inside_quietly(root: Path, path: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(root)


def _entries_by_files(root: Path, request: _Request) -> Reply:
    files = _list(request.params, "files", "params.files")
    assert files is not None
    for index, item in enumerate(files):
        if not isinstance(item, dict):
            raise Invalid(f'"params.files[{index}]" must be of type object')
        request.path("path", f"params.files[{index}].path", item)
        _text(item, "label", f"params.files[{index}].label", required=False)
    return 200, [entry(root, item["path"], item.get("label")) for item in files]


def _get_entry(root: Path, request: _Request) -> Reply:
    request.path("path")
    return 200, entry(root, request.params["path"])


def _persist_entry(root: Path, request: _Request) -> Reply:
    params = request.params
    if ("entry" in params) == ("dataFiles" in params):
        peers = (
            "contains a conflict between exclusive peers"
            if "entry" in params
            else "must contain at least one of"
        )
        raise Invalid(f'"params" {peers} [entry, dataFiles]')
    raw_files = (
        [params["entry"]]
        if "entry" in params
        else _list(params, "dataFiles", "params.dataFiles") or []
    )
    prefix = "params.entry" if "entry" in params else "params.dataFiles[{}]"
    writes: list[tuple[Path, bytes, Path | None]] = []
    for index, item in enumerate(raw_files):
        label = prefix.format(index)
        if not isinstance(item, dict):
            raise Invalid(f'"{label}" must be of type object')
        _text(item, "slug", f"{label}.slug")
        path = request.path("path", f"{label}.path", item)
        raw = _get(item, "raw", f"{label}.raw", str, "a string")
        new_path = request.path("newPath", f"{label}.newPath", item, required=False)
        assert path is not None
        writes.append((path, raw.encode("utf-8"), new_path))
    assets = [
        request.asset(item, f"params.assets[{index}]")
        for index, item in enumerate(_list(params, "assets", "params.assets") or [])
    ]
    options = request.options("commitMessage", "status")
    if not isinstance(options.get("useWorkflow"), bool):
        raise Invalid(
            '"params.options.useWorkflow" '
            + ("is required" if "useWorkflow" not in options else "must be a boolean")
        )
    for path, data, _ in writes:
        write_atomically(path, data)
    for path, data in assets:
        write_atomically(path, data)
    if writes and all(new_path for _, _, new_path in writes):
        for path, _, new_path in writes:
            assert new_path is not None
            move(root, path, new_path, options.get("hasSubfolders") is not False)
    return 200, {"message": "entry persisted"}


def _get_media(root: Path, request: _Request) -> Reply:
    folder = request.path("mediaFolder")
    assert folder is not None
    return 200, [
        media_file(root, path) for path in list_files(folder, "", 1) if inside_quietly(root, path)
    ]


def _get_media_file(root: Path, request: _Request) -> Reply:
    path = request.path("path")
    assert path is not None
    return 200, media_file(root, path)


def _persist_media(root: Path, request: _Request) -> Reply:
    path, data = request.asset(_object(request.params, "asset", "params.asset"), "params.asset")
    request.options("commitMessage")
    write_atomically(path, data)
    return 200, media_file(root, path)


def _delete(path: Path) -> None:
    if path.is_file() or path.is_symlink():
        path.unlink()


def _delete_file(root: Path, request: _Request) -> Reply:
    path = request.path("path")
    request.options("commitMessage")
    assert path is not None
    _delete(path)
    return 200, {"message": f"deleted file {request.params['path']}"}


def _delete_files(root: Path, request: _Request) -> Reply:
    paths = _list(request.params, "paths", "params.paths")
    assert paths is not None
    if not paths:
        raise Invalid('"params.paths" must contain at least 1 items')
    named = {str(index): value for index, value in enumerate(paths)}
    resolved = [request.path(key, f"params.paths[{key}]", named) for key in named]
    request.options("commitMessage")
    for path in resolved:
        assert path is not None
        _delete(path)
    return 200, {"message": f"deleted files {', '.join(paths)}"}


def _deploy_preview(root: Path, request: _Request) -> Reply:
    _text(request.params, "collection", "params.collection")
    _text(request.params, "slug", "params.slug")
    return 200, None


ACTIONS: dict[str, Callable[[Path, _Request], Reply]] = {
    "info": _info,
    "entriesByFolder": _entries_by_folder,
    "entriesByFiles": _entries_by_files,
    "getEntry": _get_entry,
    "persistEntry": _persist_entry,
    "getMedia": _get_media,
    "getMediaFile": _get_media_file,
    "persistMedia": _persist_media,
    "deleteFile": _delete_file,
    "deleteFiles": _delete_files,
    "getDeployPreview": _deploy_preview,
}


def handle(root: Path, body: Any) -> Reply:
    """Answer one request body as decap-server's fs mode would; never raises."""
    root = Path(os.path.realpath(root))
    try:
        if not isinstance(body, dict):
            raise Invalid('"value" must be of type object')
        action = body.get("action")
        if action is None:
            raise Invalid('"action" is required')
        if action not in ALLOWED_ACTIONS:
            raise Invalid(f'"action" must be one of [{", ".join(ALLOWED_ACTIONS)}]')
        params = body.get("params")
        if action == "info":
            return _info(root, _Request(root, {}))
        if params is None:
            raise Invalid('"params" is required')
        if not isinstance(params, dict):
            raise Invalid('"params" must be of type object')
        _text(params, "branch", "params.branch")
        handler = ACTIONS.get(action)
        if handler is None:  # the git-mode (editorial workflow) actions
            return 422, {"error": f"Unknown action {action}"}
        return handler(root, _Request(root, params))
    except Invalid as exc:
        return 422, {"error": str(exc)}
    except OSError:
        return 500, {"error": "Unknown error"}
