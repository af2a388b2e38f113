"""An issue's images as files under ``static/<cms.media_folder>/newsletter/``, named by content hash.

Attached images (``cid:`` parts) and ``data:`` URIs come from the message itself. Remote images
the issue shows are downloaded at import time (never by a build), in one batch, with the link
checker's HTTP client: no cookies, no redirects to private addresses, a size limit. Every file is
checked with Pillow; only JPEG, PNG, GIF and WebP are kept. What cannot be kept is noted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..config import Config
from ..links.resolve import Fetched, ResolverSettings, fetch_all
from ..links.rules import web_url
from .emailparse import Issue

_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
_DATA_URI = re.compile(r"^data:image/[\w.+-]+;base64,(.*)$", re.DOTALL | re.IGNORECASE)


def remote(src: str) -> bool:
    return web_url(src) is not None


def download(urls: Iterable[str], settings: ResolverSettings) -> dict[str, Fetched]:
    wanted = [url for url in dict.fromkeys(urls) if remote(url)]
    return fetch_all(wanted, settings) if wanted else {}


def write_new(path: Path, data: bytes, replace: bool) -> None:
    """Write ``path`` whole: exclusively when not ``replace``, else through a temporary file."""
    if not replace:
        with path.open("xb") as stream:
            stream.write(data)
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


class IssueImages:
    """Saves the images of the stories being imported; ``written`` lists the files, ``notes`` what was left out."""

    def __init__(self, config: Config, dry_run: bool, fetched: Mapping[str, Fetched]) -> None:
        self.config = config
        self.dry_run = dry_run
        self.fetched = fetched
        self.written: list[str] = []
        self.notes: list[str] = []

    def _data(self, src: str, issue: Issue, title: str) -> bytes | None:
        if src.lower().startswith("cid:"):
            part = issue.inline.get(src[4:].strip("<>"))
            if part is None:
                self.notes.append(f"{title}: image {src} is not attached to the email; left out")
            return part.data if part else None
        if match := _DATA_URI.match(src):
            try:
                return base64.b64decode(match.group(1), validate=False)
            except (binascii.Error, ValueError):
                return b""
        if remote(src):
            if self.dry_run:
                return None
            got = self.fetched.get(src)
            if got is None or got.error:
                self.notes.append(f"{title}: remote image {src[:80]} could not be downloaded ({got.error if got else 'not asked'}); left out")
                return None
            return got.data
        self.notes.append(f"{title}: image {src[:80]} is neither attached, inline nor on the web; left out")
        return None

    def save(self, src: str, issue: Issue, title: str) -> str | None:
        """The site path of the saved image (in a dry run: where a remote one would go), or None with a note."""
        if self.dry_run and remote(src):
            return src  # not downloaded in a dry run: the plan shows the address
        data = self._data(src, issue, title)
        if data is None:
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)  # refused, not warned about
                with Image.open(io.BytesIO(data)) as image:
                    kind = image.format or ""
                    image.verify()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            self.notes.append(f"{title}: image {src[:40]} has too many pixels to decode safely; left out")
            return None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            kind = ""
        if kind not in _FORMATS:
            self.notes.append(f"{title}: image {src[:40]} is not a JPEG, PNG, GIF or WebP image; left out")
            return None
        name = f"{hashlib.sha256(data).hexdigest()[:16]}.{_FORMATS[kind]}"
        relative = Path(self.config.folders.static, self.config.cms.media_folder, "newsletter", name)
        target = self.config.root / relative
        if relative.as_posix() not in self.written:
            self.written.append(relative.as_posix())
            if not self.dry_run and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                write_new(target, data, replace=False)
        return "/" + Path(self.config.cms.media_folder, "newsletter", name).as_posix()
