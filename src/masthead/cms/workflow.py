"""Decap's editorial workflow (draft → in review → ready → published) in the site's Git repository.

As decap-server does in its git mode, each entry under review is a local branch
``cms/<collection>/<slug>`` whose status is the branch description (``decap-cms/<status>``), and
publishing merges it into the base branch. Unlike decap-server, the editor's working tree is never
checked out to another branch: entries under review are committed to their branch with Git's
plumbing (a private index, ``commit-tree``, ``update-ref``), so they stay out of the working tree
and so out of ``masthead build`` until published; ``masthead serve`` previews them at
``/_masthead/unpublished/<collection>/<slug>/``. Saves outside the workflow write the files and
commit just those files (decap-server runs ``git add .``, which would commit the editor's other
work too).

The workflow is on when the site folder is the top of a Git repository and the Decap config in use
says ``publish_mode: editorial_workflow``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .files import media_of, relative, write_atomically
from .localbackend import ACTIONS as FS_ACTIONS
from .localbackend import Action, Reply, assets, data_files, persist_options
from .validation import ActionRequest, Invalid, Refused, text

PREFIX = "cms/"
LABEL = "decap-cms/"
NOT_FOUND: Reply = (404, {"message": "Not Found"})
PREVIEW_PATH = "/_masthead/unpublished/"
_lock = threading.Lock()  # like decap-server, one git-mode request at a time


class GitFailed(Exception):
    pass


def git(root: Path, *args: str, data: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", **(env or {})}
    result = subprocess.run(["git", *args], cwd=root, input=data, capture_output=True, env=environment, check=False)
    if result.returncode != 0:
        raise GitFailed(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def is_repository_top(root: Path) -> bool:
    try:
        top = git(root, "rev-parse", "--show-toplevel").decode().strip()
    except (GitFailed, OSError):
        return False
    return Path(os.path.realpath(top)) == Path(os.path.realpath(root))


def _ref_exists(root: Path, branch: str) -> bool:
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
    except GitFailed:
        return False
    return True


def _branches(root: Path) -> list[str]:
    names = git(root, "for-each-ref", "--format=%(refname:short)", f"refs/heads/{PREFIX}").decode().split()
    return sorted(names)


def _key(params: dict[str, Any], by_id: bool = False) -> tuple[str, str]:
    """(collection, slug); ``unpublishedEntry`` may name them by content key, ``id: "blog/slug"``
    (elsewhere ``id`` is a file's)."""
    if by_id and isinstance(params.get("id"), str) and "/" in params["id"]:
        collection, slug = params["id"].split("/", 1)
        return collection, slug
    return text(params, "collection", "params.collection"), text(params, "slug", "params.slug")


def _base(root: Path, request: ActionRequest) -> str:
    base = str(request.params["branch"])
    if not _ref_exists(root, base):
        raise Invalid(f"Default branch '{base}' doesn't exist")
    return base


def _diffs(root: Path, base: str, branch: str) -> list[dict[str, Any]]:
    statuses = {"A": "added", "D": "deleted", "M": "modified", "R": "renamed", "T": "modified"}
    binary = {line.split("\t")[-1] for line in git(root, "diff", "--numstat", base, branch).decode().splitlines() if line.startswith("-\t-\t")}
    found = []
    for line in git(root, "diff", "--name-status", "--no-renames", base, branch).decode().splitlines():
        code, path = line.split("\t", 1)
        status = statuses.get(code[:1], "modified")
        found.append(
            {
                "oldPath": "" if status == "added" else path,
                "newPath": "" if status == "deleted" else path,
                "status": status,
                "newFile": status == "added",
                "path": path,
                "id": path,
                "binary": path in binary or path.endswith(".svg"),
            }
        )
    return found


def _commit(root: Path, branch: str, parent: str, files: dict[str, bytes | None], message: str) -> None:
    """Commit ``files`` (None: delete) onto ``parent`` as the new tip of ``branch``; the working tree
    and the editor's index are not touched."""
    handle, index = tempfile.mkstemp(prefix="masthead-index-", dir=git(root, "rev-parse", "--absolute-git-dir").decode().strip())
    os.close(handle)
    env = {"GIT_INDEX_FILE": index}
    try:
        git(root, "read-tree", parent, env=env)
        for path, data in files.items():
            if data is None:
                git(root, "update-index", "--force-remove", "--", path, env=env)
            else:
                blob = git(root, "hash-object", "-w", "--stdin", data=data).decode().strip()
                git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
        tree = git(root, "write-tree", env=env).decode().strip()
    finally:
        os.unlink(index)
    commit = git(root, "-c", "commit.gpgSign=false", "commit-tree", tree, "-p", parent, "-m", message, env=_identity(root)).decode().strip()
    git(root, "update-ref", f"refs/heads/{branch}", commit)


def _changed(root: Path, paths: list[str]) -> list[str]:
    """Those of ``paths`` whose working-tree state differs from the last commit."""
    listed = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths).decode("utf-8", "surrogateescape")
    return sorted({item[3:] for item in listed.split("\0") if len(item) > 3})


def commit_files(root: Path, paths: list[str], message: str) -> None:
    """Commit exactly ``paths`` as the working tree has them (written or deleted), nothing else the
    editor has changed or staged; no commit when none of them changed."""
    changed = _changed(root, paths)
    if changed:
        git(root, "add", "-A", "--", *changed)
        git(root, "-c", "commit.gpgSign=false", "commit", "--no-verify", "-m", message, "--", *changed, env=_identity(root))


def _identity(root: Path) -> dict[str, str]:
    """The committer: the repository's own user, else a name saying who made the commit."""
    try:
        git(root, "config", "user.email")
        return {}
    except GitFailed:
        return {
            "GIT_AUTHOR_NAME": "masthead serve",
            "GIT_AUTHOR_EMAIL": "masthead@localhost",
            "GIT_COMMITTER_NAME": "masthead serve",
            "GIT_COMMITTER_EMAIL": "masthead@localhost",
        }


def _label(root: Path, branch: str) -> str:
    try:
        return git(root, "config", f"branch.{branch}.description").decode().strip()
    except GitFailed:
        return ""


# ---------------------------------------------------------------- actions


def _info(request: ActionRequest) -> Reply:
    return 200, {"repo": request.root.name, "publish_modes": ["simple", "editorial_workflow"], "type": "local_git"}


def _unpublished_entries(request: ActionRequest) -> Reply:
    _base(request.root, request)
    return 200, [name[len(PREFIX) :] for name in _branches(request.root)]


def _unpublished_entry(request: ActionRequest) -> Reply:
    root = request.root
    base = _base(root, request)
    collection, slug = _key(request.params, by_id=True)
    branch = f"{PREFIX}{collection}/{slug}"
    if not _ref_exists(root, branch):
        return NOT_FOUND
    prefix = request.params.get("cmsLabelPrefix") or LABEL
    label = _label(root, branch)
    status = label[len(prefix) :] if label.startswith(prefix) else label
    stamp = int(git(root, "log", "-1", "--format=%ct", branch).decode().strip() or 0)
    updated = datetime.fromtimestamp(stamp, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return 200, {"collection": collection, "slug": slug, "status": status, "diffs": _diffs(root, base, branch), "updatedAt": updated}


def _branch_file(request: ActionRequest) -> tuple[str, bytes]:
    root = request.root
    collection, slug = _key(request.params)
    path = request.path("path")
    assert path is not None
    shown = relative(root, path)
    branch = f"{PREFIX}{collection}/{slug}"
    if not _ref_exists(root, branch):
        raise Refused(*NOT_FOUND)
    try:
        return shown, git(root, "show", f"{branch}:{shown}")
    except GitFailed as exc:
        raise Refused(*NOT_FOUND) from exc


def _unpublished_data_file(request: ActionRequest) -> Reply:
    _, data = _branch_file(request)
    return 200, {"data": data.decode("utf-8", "replace")}


def _unpublished_media_file(request: ActionRequest) -> Reply:
    shown, data = _branch_file(request)
    return 200, media_of(shown, data)


def _delete_unpublished(request: ActionRequest) -> Reply:
    root = request.root
    collection, slug = _key(request.params)
    branch = f"{PREFIX}{collection}/{slug}"
    if _ref_exists(root, branch):
        git(root, "branch", "-D", branch)
    return 200, {"message": f"deleted branch: {branch}"}


def _update_status(request: ActionRequest) -> Reply:
    root = request.root
    collection, slug = _key(request.params)
    status = text(request.params, "newStatus", "params.newStatus")
    branch = f"{PREFIX}{collection}/{slug}"
    if not _ref_exists(root, branch):
        return NOT_FOUND
    label = f"{request.params.get('cmsLabelPrefix') or LABEL}{status}"
    git(root, "config", f"branch.{branch}.description", label)
    # decap-server names the base branch here (not the cms/ one); the same words, for its clients
    return 200, {"message": f"{request.params['branch']} description was updated to {label}"}


def _publish(request: ActionRequest) -> Reply:
    root = request.root
    base = _base(root, request)
    collection, slug = _key(request.params)
    branch = f"{PREFIX}{collection}/{slug}"
    if not _ref_exists(root, branch):
        return NOT_FOUND
    current = git(root, "rev-parse", "--abbrev-ref", "HEAD").decode().strip()
    if current != base:
        raise Invalid(f"the working tree is on {current!r}; expected {base!r} checked out, so the published entry lands in it")
    try:
        git(root, "-c", "commit.gpgSign=false", "merge", "--no-edit", "--no-verify", branch, env=_identity(root))
    except GitFailed as exc:
        raise Invalid(f"merging {branch} into {base} failed: {exc}") from exc
    git(root, "branch", "-D", branch)
    return 200, {"message": f"branch {branch} merged to {base}"}


def _persist(request: ActionRequest) -> Reply:
    root = request.root
    base = _base(root, request)
    writes = data_files(request)
    uploads = assets(request)
    options = persist_options(request)
    message = str(options["commitMessage"])
    renaming = bool(writes) and all(new_path for _, _, new_path in writes)
    files: dict[str, bytes | None] = {}
    for path, data, new_path in writes:
        if renaming and new_path is not None and new_path != path:
            files[relative(root, path)] = None
            files[relative(root, new_path)] = data
        else:
            files[relative(root, path)] = data
    files.update({relative(root, path): data for path, data in uploads})
    if not options["useWorkflow"]:  # a direct save: the files, then a commit of exactly them
        for relative_path, content in files.items():
            target = root / relative_path
            if content is None:
                target.unlink(missing_ok=True)
            else:
                write_atomically(target, content)
        commit_files(root, list(files), message)
        return 200, {"message": "entry persisted"}
    collection = text(options, "collectionName", "params.options.collectionName")
    slug = str((request.params.get("dataFiles") or [request.params.get("entry")])[0]["slug"])
    branch = f"{PREFIX}{collection}/{slug}"
    existed = _ref_exists(root, branch)
    kept: dict[str, bytes | None] = {}
    if existed:  # rebase onto the base branch: the entry's files so far, replayed on its tip
        for diff in _diffs(root, base, branch):
            if diff["binary"] and diff["path"] not in files:
                continue  # media dropped from the entry, as decap-server deletes them
            kept[diff["path"]] = None if diff["status"] == "deleted" else git(root, "show", f"{branch}:{diff['path']}")
    _commit(root, branch, base, {**kept, **files}, message)
    if not existed:
        git(root, "config", f"branch.{branch}.description", f"{request.params.get('cmsLabelPrefix') or LABEL}{options['status']}")
    return 200, {"message": "entry persisted"}


def _deploy_preview(request: ActionRequest) -> Reply:
    collection = text(request.params, "collection", "params.collection")
    slug = text(request.params, "slug", "params.slug")
    if not _ref_exists(request.root, f"{PREFIX}{collection}/{slug}"):
        return 200, None
    return 200, {"url": f"{PREVIEW_PATH}{collection}/{slug}/", "status": "SUCCESS"}


def _committed(action: Action, paths: Callable[[ActionRequest], list[Path | None]]) -> Action:
    """``action`` of the file-system mode, then a commit of the files it wrote or deleted, as
    decap-server's git mode does for media and deletions (of those files only: not ``git add .``)."""

    def run(request: ActionRequest) -> Reply:
        status, reply = action(request)
        if status == 200:
            named = [relative(request.root, path) for path in paths(request) if path is not None]
            commit_files(request.root, named, str(request.params["options"]["commitMessage"]))
        return status, reply

    return run


def _deleted_paths(request: ActionRequest) -> list[Path | None]:
    listed = request.params["paths"]
    return [request.path(str(index), f"params.paths[{index}]", {str(index): value}) for index, value in enumerate(listed)]


def _serialized(action: Action) -> Action:
    def run(request: ActionRequest) -> Reply:
        with _lock:
            try:
                return action(request)
            except GitFailed as exc:
                raise Refused(500, {"error": "Unknown error"}) from exc

    return run


ACTIONS: dict[str, Callable[[ActionRequest], Reply]] = {
    name: _serialized(action)
    for name, action in {
        "info": _info,
        "unpublishedEntries": _unpublished_entries,
        "unpublishedEntry": _unpublished_entry,
        "unpublishedEntryDataFile": _unpublished_data_file,
        "unpublishedEntryMediaFile": _unpublished_media_file,
        "deleteUnpublishedEntry": _delete_unpublished,
        "updateUnpublishedEntryStatus": _update_status,
        "publishUnpublishedEntry": _publish,
        "persistEntry": _persist,
        "persistMedia": _committed(FS_ACTIONS["persistMedia"], lambda request: [request.asset(request.params["asset"], "params.asset")[0]]),
        "deleteFile": _committed(FS_ACTIONS["deleteFile"], lambda request: [request.path("path")]),
        "deleteFiles": _committed(FS_ACTIONS["deleteFiles"], _deleted_paths),
        "getDeployPreview": _deploy_preview,
    }.items()
}


def unpublished_file(root: Path, collection: str, slug: str) -> tuple[str, bytes] | None:
    """The entry file (the first Markdown file) under review on ``cms/<collection>/<slug>``."""
    branch = f"{PREFIX}{collection}/{slug}"
    with _lock:
        if not _ref_exists(root, branch):
            return None
        base = git(root, "rev-parse", "--abbrev-ref", "HEAD").decode().strip()
        for diff in _diffs(root, base, branch):
            if diff["path"].endswith(".md") and diff["status"] != "deleted":
                return diff["path"], git(root, "show", f"{branch}:{diff['path']}")
    return None
