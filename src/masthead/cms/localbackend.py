"""Decap CMS's local backend protocol (decap-server's file-system mode), answered in Python.

``handle(scope, request)`` takes the decoded JSON body of ``POST /api/v1`` and returns the status
and JSON reply decap-server would give: the same actions, shapes and joi-style error messages.
Every path is resolved, symlinks included, and must lie in what the CMS may change (``scope.py``:
the collection and media folders of the Decap config in use), 422 otherwise; files are written
atomically. Requests are checked in ``validation.py``; files are read and written in ``files.py``.
The HTTP side (Host, Origin, token, body size) lives in ``serve.guard``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .files import MAX_DEPTH, entry, list_files, media_file, move, relative, write_atomically
from .scope import Scope
from .validation import ActionRequest, Invalid, Refused, array, checked, mapping, text

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
Reply = tuple[int, Any]


def _info(request: ActionRequest) -> Reply:
    return 200, {"repo": request.root.name, "publish_modes": ["simple"], "type": "local_fs"}


def _depth(params: dict[str, Any]) -> int:
    depth = checked(params, "depth", "params.depth", (int, float), "a number")
    return max(0, min(int(depth), MAX_DEPTH))


def _entries_by_folder(request: ActionRequest) -> Reply:
    folder = request.path("folder", folder=True)
    extension = text(request.params, "extension", "params.extension")
    assert folder is not None
    files = list_files(request.scope, folder, extension, _depth(request.params))
    return 200, [entry(path, relative(request.root, path)) for path in files]


def _entries_by_files(request: ActionRequest) -> Reply:
    files = array(request.params, "files", "params.files")
    assert files is not None
    paths: list[Path] = []
    for index, item in enumerate(files):
        if not isinstance(item, dict):
            raise Invalid(f'"params.files[{index}]" must be of type object')
        path = request.path("path", f"params.files[{index}].path", item)
        text(item, "label", f"params.files[{index}].label", required=False)
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
    raw_files = [params["entry"]] if "entry" in params else array(params, "dataFiles", "params.dataFiles") or []
    prefix = "params.entry" if "entry" in params else "params.dataFiles[{}]"
    writes: list[tuple[Path, bytes, Path | None]] = []
    for index, item in enumerate(raw_files):
        label = prefix.format(index)
        if not isinstance(item, dict):
            raise Invalid(f'"{label}" must be of type object')
        text(item, "slug", f"{label}.slug")
        path = request.path("path", f"{label}.path", item)
        raw = checked(item, "raw", f"{label}.raw", str, "a string")
        new_path = request.path("newPath", f"{label}.newPath", item, required=False)
        assert path is not None
        if new_path is not None and new_path != path and new_path.exists():
            raise Invalid(f'"{label}.newPath" names an existing file ({item["newPath"]}); expected a new name, so no entry is overwritten')
        writes.append((path, raw.encode("utf-8"), new_path))
    return writes


def assets(request: ActionRequest) -> list[tuple[Path, bytes]]:
    return [request.asset(item, f"params.assets[{index}]") for index, item in enumerate(array(request.params, "assets", "params.assets") or [])]


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
    path, data = request.asset(mapping(request.params, "asset", "params.asset"), "params.asset")
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
    paths = array(request.params, "paths", "params.paths")
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
    text(request.params, "collection", "params.collection")
    text(request.params, "slug", "params.slug")
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
        text(params, "branch", "params.branch")
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
