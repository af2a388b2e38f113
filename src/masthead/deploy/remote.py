"""What the bucket holds: the listing, and each object's upload metadata (``Stored``).

A listing carries no metadata, so each object's is read with a HEAD request — once per object
version: the answers are remembered in the cache folder under the object's ETag and
LastModified, which every write of the object (an upload, a copy with new headers) changes.
So a deploy after one that changed nothing sends no HEAD at all, and an object changed by
anyone else is read again. Objects the site no longer has are never read: they are deleted.
LastModified counts whole seconds, so what masthead itself writes is forgotten and read again
next time; only another writer rewriting an object's headers within the very second it was read
could go unseen (``--force`` rewrites everything).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .plan import Remote, Stored
from .s3 import Bucket


def _version(remote: Remote) -> str:
    return f"{remote.etag} {remote.last_modified}"


def _load(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(key): [str(part) for part in value] for key, value in data.items() if isinstance(value, list) and len(value) == 3}


def _save(path: Path, known: dict[str, list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(known, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def stored_metadata(bucket: Bucket, remote: dict[str, Remote], paths: Iterable[str], cache: Path, workers: int) -> dict[str, Stored]:
    """``Stored`` of each of ``paths`` in the bucket, from the cache where the object is the version it saw."""
    known = _load(cache)
    found: dict[str, Stored] = {}
    unread: list[str] = []
    for path in paths:
        if path not in remote:
            continue
        remembered = known.get(path)
        if remembered is not None and remembered[0] == _version(remote[path]):
            found[path] = Stored(remembered[1], remembered[2])
        else:
            unread.append(path)
    if unread:
        with ThreadPoolExecutor(max_workers=workers) as pool:  # boto3 clients are thread-safe
            found.update(zip(unread, pool.map(bucket.stored, unread), strict=True))
    kept = {path: [_version(remote[path]), item.md5, item.digest] for path, item in found.items()}
    if kept != known:
        _save(cache, kept)
    return found


def forget(cache: Path, paths: Iterable[str]) -> None:
    """Drop what was remembered of objects this deploy wrote: a write in the same second as the
    version remembered would keep its LastModified, so the next deploy reads them again."""
    known, written = _load(cache), set(paths)
    kept = {path: value for path, value in known.items() if path not in written}
    if kept != known:
        _save(cache, kept)
