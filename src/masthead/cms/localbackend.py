"""Decap CMS's local backend protocol (decap-server's file-system mode), answered in Python.

``handle(scope, request)`` takes the decoded JSON body of ``POST /api/v1`` and returns the status
and JSON reply decap-server would give: the same actions, shapes and joi-style error messages.
Every path is resolved, symlinks included, and must lie in what the CMS may change (``scope.py``:
the collection and media folders of the Decap config in use), 422 otherwise; files are written
atomically. The HTTP side (Host, Origin, token, body size) lives in ``serve.guard``.
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

from .scope import OutOfScope, Scope, resolve

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


class Refused(Exception):
    """An answer other than 422 (the editorial workflow's 404 for an entry not under review)."""

    def __init__(self, status: int, reply: Any) -> None:
        super().__init__(str(reply))
        self.status = status
        self.reply = reply


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


def _object(params: dict[str, Any], key: str, label: str, required: bool = True) -> dict[str, Any] | None:
    value: dict[str, Any] | None = _get(params, key, label, dict, "of type object", required)
    return value


def _list(params: dict[str, Any], key: str, label: str, required: bool = True) -> list[Any] | None:
    value: list[Any] | None = _get(params, key, label, list, "an array", required)
    return value


def inside(scope: Scope, value: str, label: str, folder: bool = False) -> Path:
    """``value`` as a real path the CMS may use (a folder to list with ``folder``), or ``Invalid``."""
    try:
        real = resolve(scope.root, value)
    except OutOfScope as exc:
        raise Invalid(f'"{label}" {OUTSIDE}') from exc
    lexical = Path(os.path.normpath(os.path.join(scope.root, value)))
    if not real.is_relative_to(scope.root) or not lexical.is_relative_to(scope.root):
        raise Invalid(f'"{label}" {OUTSIDE}')
    if not (scope.allows_folder(real) if folder else scope.allows(real)):
        raise Invalid(
            f'"{label}" is not in a folder the CMS may change ({scope.describe()}, from {scope.source}); '
            "templates, masthead.toml, the cache, .git and hidden files are never read or written"
        )
    return real


class ActionRequest:
    def __init__(self, scope: Scope, params: dict[str, Any]) -> None:
        self.scope = scope
        self.root = scope.root
        self.params = params

    def path(
        self,
        key: str,
        label: str | None = None,
        params: dict[str, Any] | None = None,
        required: bool = True,
        folder: bool = False,
    ) -> Path | None:
        label = label or f"params.{key}"
        value = _text(self.params if params is None else params, key, label, required)
        return None if value is None else inside(self.scope, value, label, folder)

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


# ---------------------------------------------------------------- actions


def _info(request: ActionRequest) -> Reply:
    return 200, {"repo": request.root.name, "publish_modes": ["simple"], "type": "local_fs"}


def _depth(params: dict[str, Any]) -> int:
    depth = _get(params, "depth", "params.depth", (int, float), "a number")
    return max(0, min(int(depth), MAX_DEPTH))


def _entries_by_folder(request: ActionRequest) -> Reply:
    folder = request.path("folder", folder=True)
    extension = _text(request.params, "extension", "params.extension")
    assert folder is not None
    files = list_files(request.scope, folder, extension, _depth(request.params))
    return 200, [entry(path, relative(request.root, path)) for path in files]


def _entries_by_files(request: ActionRequest) -> Reply:
    files = _list(request.params, "files", "params.files")
    assert files is not None
    paths: list[Path] = []
    for index, item in enumerate(files):
        if not isinstance(item, dict):
            raise Invalid(f'"params.files[{index}]" must be of type object')
        path = request.path("path", f"params.files[{index}].path", item)
        _text(item, "label", f"params.files[{index}].label", required=False)
        assert path is not None
        paths.append(path)
    return 200, [entry(path, item["path"], item.get("label")) for path, item in zip(paths, files, strict=True)]


def _get_entry(request: ActionRequest) -> Reply:
    path = request.path("path")
    assert path is not None
    return 200, entry(path, request.params["path"])


def data_files(request: ActionRequest) -> list[tuple[Path, bytes, Path | None]]:
    """persistEntry's files, checked: (path, bytes, new path or None)."""
    params = request.params
    if ("entry" in params) == ("dataFiles" in params):
        peers = "contains a conflict between exclusive peers" if "entry" in params else "must contain at least one of"
        raise Invalid(f'"params" {peers} [entry, dataFiles]')
    raw_files = [params["entry"]] if "entry" in params else _list(params, "dataFiles", "params.dataFiles") or []
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
        if new_path is not None and new_path != path and new_path.exists():
            raise Invalid(f'"{label}.newPath" names an existing file ({item["newPath"]}); expected a new name, so no entry is overwritten')
        writes.append((path, raw.encode("utf-8"), new_path))
    return writes


def assets(request: ActionRequest) -> list[tuple[Path, bytes]]:
    return [request.asset(item, f"params.assets[{index}]") for index, item in enumerate(_list(request.params, "assets", "params.assets") or [])]


def persist_options(request: ActionRequest) -> dict[str, Any]:
    options = request.options("commitMessage", "status")
    if not isinstance(options.get("useWorkflow"), bool):
        raise Invalid('"params.options.useWorkflow" ' + ("is required" if "useWorkflow" not in options else "must be a boolean"))
    return options


def _persist_entry(request: ActionRequest) -> Reply:
    writes = data_files(request)
    uploads = assets(request)
    persist_options(request)
    for path, data, _ in writes:
        write_atomically(path, data)
    for path, data in uploads:
        write_atomically(path, data)
    if writes and all(new_path for _, _, new_path in writes):
        for path, _, new_path in writes:
            assert new_path is not None
            if new_path != path:
                move(path, new_path)
    return 200, {"message": "entry persisted"}


def _get_media(request: ActionRequest) -> Reply:
    folder = request.path("mediaFolder", folder=True)
    assert folder is not None
    return 200, [media_file(request.root, path) for path in list_files(request.scope, folder, "", 1)]


def _get_media_file(request: ActionRequest) -> Reply:
    path = request.path("path")
    assert path is not None
    return 200, media_file(request.root, path)


def _persist_media(request: ActionRequest) -> Reply:
    path, data = request.asset(_object(request.params, "asset", "params.asset"), "params.asset")
    request.options("commitMessage")
    write_atomically(path, data)
    return 200, media_file(request.root, path)


def _delete(path: Path) -> None:
    if path.is_file() or path.is_symlink():
        path.unlink()


def _delete_file(request: ActionRequest) -> Reply:
    path = request.path("path")
    request.options("commitMessage")
    assert path is not None
    _delete(path)
    return 200, {"message": f"deleted file {request.params['path']}"}


def _delete_files(request: ActionRequest) -> Reply:
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


def _deploy_preview(request: ActionRequest) -> Reply:
    _text(request.params, "collection", "params.collection")
    _text(request.params, "slug", "params.slug")
    return 200, None


Action = Callable[[ActionRequest], Reply]
ACTIONS: dict[str, Action] = {
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


def handle(scope: Scope, body: Any, overrides: dict[str, Action] | None = None) -> Reply:
    """Answer one request body as decap-server would; ``overrides`` replace actions (git mode)."""
    try:
        if not isinstance(body, dict):
            raise Invalid('"value" must be of type object')
        action = body.get("action")
        if action is None:
            raise Invalid('"action" is required')
        if action not in ALLOWED_ACTIONS:
            raise Invalid(f'"action" must be one of [{", ".join(ALLOWED_ACTIONS)}]')
        handlers = {**ACTIONS, **(overrides or {})}
        params = body.get("params")
        if action == "info":
            return handlers.get("info", _info)(ActionRequest(scope, {}))
        if params is None:
            raise Invalid('"params" is required')
        if not isinstance(params, dict):
            raise Invalid('"params" must be of type object')
        _text(params, "branch", "params.branch")
        handler = handlers.get(action)
        if handler is None:  # the git-mode (editorial workflow) actions
            return 422, {"error": f"Unknown action {action}"}
        return handler(ActionRequest(scope, params))
    except Invalid as exc:
        return 422, {"error": str(exc)}
    except Refused as exc:
        return exc.status, exc.reply
    except OSError:
        return 500, {"error": "Unknown error"}
