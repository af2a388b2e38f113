"""What a deploy does: compare the built files with the remote ones, in an order that never breaks a page.

A remote object is unchanged only if the *whole upload* is: its body and every header the upload
sets — Content-Type, Cache-Control, Content-Encoding and, for a redirect page, the S3 website
redirect. Each masthead upload stores a digest of both (``digest`` in the object's metadata, next
to the body's ``md5``), derived from the ``Headers`` fields, so a header added there is compared
without touching this module. Same body, other headers: the object is copied onto itself with
the new headers (no bytes re-sent); another body: it is uploaded.

Uploads come in three waves — assets and images, then pages, then feeds and sitemaps — and the
deletions last, so a page is never live before the files it points at, and a feed or sitemap
never names a page that is not there yet.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..config import Matcher
from .matchers import Headers, encode, headers_for

UPLOAD, COPY, DELETE = "upload", "copy", "delete"
ASSETS, PAGES, INDEXES = 0, 1, 2
WAVES = {ASSETS: "assets and images", PAGES: "pages", INDEXES: "feeds and sitemaps"}
_INDEXES = ("feed.xml", "atom.xml", "feed.json", "robots.txt")
REDIRECT_PAGE_SIZE = 4096  # a redirect page is a few hundred bytes: larger pages are not read twice


@dataclass(frozen=True)
class Remote:
    key: str  # the path under the target's prefix
    etag: str  # without quotes; "<md5>-<parts>" for a multipart upload
    size: int
    last_modified: str = ""  # ISO 8601; any write of the object changes it


@dataclass(frozen=True)
class Stored:
    """What a masthead upload keeps in the object's metadata (empty for objects it did not upload)."""

    md5: str = ""  # of the body
    digest: str = ""  # of the body and every header (``upload_digest``)


@dataclass(frozen=True)
class Action:
    kind: str  # UPLOAD, COPY (same body, new headers) or DELETE
    path: str  # the output path, such as "blog/x/index.html"
    reason: str  # "new", "changed", "headers", "forced" or "gone"
    wave: int = ASSETS
    headers: Headers | None = None
    md5: str = ""  # of the bytes uploaded (compressed, if the matcher compresses)
    digest: str = ""  # of those bytes and the headers: what the object's metadata records


@dataclass(frozen=True)
class Plan:
    actions: tuple[Action, ...]  # in the order they must happen
    unchanged: int

    def _of(self, kind: str) -> tuple[Action, ...]:
        return tuple(action for action in self.actions if action.kind == kind)

    @property
    def uploads(self) -> tuple[Action, ...]:
        return self._of(UPLOAD)

    @property
    def copies(self) -> tuple[Action, ...]:
        return self._of(COPY)

    @property
    def deletes(self) -> tuple[Action, ...]:
        return self._of(DELETE)


def wave(path: str) -> int:
    name = path.rsplit("/", 1)[-1]
    if name in _INDEXES or (name.endswith(".xml") and "sitemap" in name):
        return INDEXES
    return PAGES if name.endswith(".html") else ASSETS


def md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def object_arguments(headers: Headers) -> dict[str, str]:
    """The S3 arguments an upload sets, one per ``Headers`` field (``cache_control`` → ``CacheControl``)."""
    return {"".join(part.title() for part in name.split("_")): value for name, value in asdict(headers).items() if value}


def upload_digest(body_md5: str, headers: Headers) -> str:
    """Of the body and every argument the upload sets: equal digests, equal objects."""
    return md5(json.dumps([body_md5, object_arguments(headers)], sort_keys=True).encode("utf-8"))


def payload(folder: Path, path: str, headers: Headers) -> bytes:
    return encode((folder / path).read_bytes(), headers.content_encoding)


def file_headers(folder: Path, path: str, matchers: tuple[Matcher, ...]) -> Headers:
    """The matchers' headers, and for a redirect page (aliases) the S3 website redirect to its target."""
    headers = headers_for(path, matchers)
    if path.endswith(".html") and (folder / path).stat().st_size <= REDIRECT_PAGE_SIZE:
        from ..render.redirects import redirect_target

        target = redirect_target((folder / path).read_bytes())
        if target is not None:
            return replace(headers, website_redirect_location=target)
    return headers


def make_plan(
    folder: Path,
    paths: Iterable[str],
    remote: Mapping[str, Remote],
    stored: Mapping[str, Stored],
    matchers: tuple[Matcher, ...],
    force: bool = False,
) -> Plan:
    """Compare each local file's upload (body and headers) with the remote object's, as its
    ETag and its ``stored`` metadata tell; list what to upload, copy and delete, in order."""
    changes: list[Action] = []
    unchanged = 0
    local = sorted(paths)
    for path in local:
        headers = file_headers(folder, path, matchers)
        body = md5(payload(folder, path, headers))
        digest = upload_digest(body, headers)
        found, kept = remote.get(path), stored.get(path, Stored())
        if found is None:
            kind, reason = UPLOAD, "new"
        elif force:
            kind, reason = UPLOAD, "forced"
        elif kept.digest == digest:
            unchanged += 1
            continue
        elif body in (found.etag, kept.md5):  # a multipart ETag is no MD5: the metadata has it
            kind, reason = COPY, "headers"
        else:
            kind, reason = UPLOAD, "changed"
        changes.append(Action(kind, path, reason, wave(path), headers, body, digest))
    changes.sort(key=lambda action: (action.wave, action.path))
    present = set(local)
    deletes = [Action(DELETE, path, "gone", wave(path)) for path in sorted(remote) if path not in present]
    return Plan((*changes, *deletes), unchanged)
