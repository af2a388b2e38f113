"""Each output file's headers: content type by extension, Cache-Control and Content-Encoding by glob.

The first matcher whose pattern matches a path wins (``fnmatch``: ``*`` also crosses "/"); the
site's own ``[[deploy.matchers]]`` come before the defaults, which make hashed files (``_images/``,
Pagefind's fragments) immutable for a year and HTML short-lived.
"""

from __future__ import annotations

import gzip
import mimetypes
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache

from ..config import Matcher

_BY_NAME = {  # files whose type their name says better than their extension
    "feed.xml": "application/rss+xml",
    "atom.xml": "application/atom+xml",
    "feed.json": "application/feed+json",
}
_BY_EXTENSION = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".svg": "image/svg+xml",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".ico": "image/vnd.microsoft.icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".yml": "text/yaml",
    ".yaml": "text/yaml",
    ".pdf": "application/pdf",
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}
_TEXT = (
    "text/",
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)


@dataclass(frozen=True)
class Headers:
    """What an upload sets besides the body; each field is one S3 argument (plan.object_arguments)."""

    content_type: str
    cache_control: str
    content_encoding: str  # "", "gzip" or "br": the file is uploaded compressed this way
    website_redirect_location: str = ""  # a redirect page's target: S3 website endpoints answer 301


def content_type(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    found = _BY_NAME.get(name) or _BY_EXTENSION.get(extension) or mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"
    return f"{found}; charset=utf-8" if found.startswith(_TEXT) else found


def matcher_for(path: str, matchers: tuple[Matcher, ...]) -> Matcher | None:
    return next((matcher for matcher in matchers if fnmatchcase(path, matcher.pattern)), None)


@lru_cache(maxsize=4096)
def headers_for(path: str, matchers: tuple[Matcher, ...]) -> Headers:
    matcher = matcher_for(path, matchers)
    if matcher is None:
        return Headers(content_type(path), "", "")
    return Headers(matcher.content_type or content_type(path), matcher.cache_control, matcher.content_encoding)


def encode(data: bytes, encoding: str) -> bytes:
    """The bytes to upload: compressed deterministically (no timestamp), so unchanged stays unchanged."""
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=9, mtime=0)
    if encoding == "br":
        import brotli

        compressed: bytes = brotli.compress(data, quality=11)
        return compressed
    return data
