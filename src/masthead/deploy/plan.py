"""What a deploy does: compare the built files with the remote ones, in an order that never breaks a page.

Uploads come in three waves — assets and images, then pages, then feeds and sitemaps — and the
deletions last, so a page is never live before the files it points at, and a feed or sitemap
never names a page that is not there yet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..config import Matcher
from .matchers import Headers, encode, headers_for

UPLOAD, DELETE = "upload", "delete"
ASSETS, PAGES, INDEXES = 0, 1, 2
WAVES = {ASSETS: "assets and images", PAGES: "pages", INDEXES: "feeds and sitemaps"}
_INDEXES = ("feed.xml", "atom.xml", "feed.json", "robots.txt")


@dataclass(frozen=True)
class Remote:
    key: str  # the path under the target's prefix
    etag: str  # without quotes; "<md5>-<parts>" for a multipart upload
    size: int


@dataclass(frozen=True)
class Action:
    kind: str  # UPLOAD or DELETE
    path: str  # the output path, such as "blog/x/index.html"
    reason: str  # "new", "changed", "forced" or "gone"
    wave: int = ASSETS
    headers: Headers | None = None
    md5: str = ""  # of the bytes uploaded (compressed, if the matcher compresses)


@dataclass(frozen=True)
class Plan:
    actions: tuple[Action, ...]  # in the order they must happen
    unchanged: int

    @property
    def uploads(self) -> tuple[Action, ...]:
        return tuple(action for action in self.actions if action.kind == UPLOAD)

    @property
    def deletes(self) -> tuple[Action, ...]:
        return tuple(action for action in self.actions if action.kind == DELETE)


def wave(path: str) -> int:
    name = path.rsplit("/", 1)[-1]
    if name in _INDEXES or (name.endswith(".xml") and "sitemap" in name):
        return INDEXES
    return PAGES if name.endswith(".html") else ASSETS


def md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def payload(folder: Path, path: str, headers: Headers) -> bytes:
    return encode((folder / path).read_bytes(), headers.content_encoding)


def make_plan(
    folder: Path, paths: Iterable[str], remote: Mapping[str, Remote], matchers: tuple[Matcher, ...], remote_md5: Callable[[str], str], force: bool = False
) -> Plan:
    """Compare each local file's MD5 with the remote ETag (or, where the ETag is no MD5, the
    ``md5`` metadata ``remote_md5`` reads); list what to upload and delete, in order."""
    uploads: list[Action] = []
    unchanged = 0
    local = sorted(paths)
    for path in local:
        headers = headers_for(path, matchers)
        digest = md5(payload(folder, path, headers))
        found = remote.get(path)
        if found is None:
            reason = "new"
        elif force:
            reason = "forced"
        elif found.etag == digest or remote_md5(path) == digest:  # HEAD only when the ETag differs
            unchanged += 1
            continue
        else:
            reason = "changed"
        uploads.append(Action(UPLOAD, path, reason, wave(path), headers, digest))
    uploads.sort(key=lambda action: (action.wave, action.path))
    kept = set(local)
    deletes = [Action(DELETE, path, "gone", wave(path)) for path in sorted(remote) if path not in kept]
    return Plan((*uploads, *deletes), unchanged)
