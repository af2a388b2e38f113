"""Images under the static folder: safe path resolution and pixel sizes read with Pillow."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError


@dataclass(frozen=True)
class ImageInfo:
    src: str  # site path, "/img/photo.jpg"
    width: int
    height: int
    mime: str
    alt: str = ""

    def with_alt(self, alt: str) -> ImageInfo:
        return replace(self, alt=alt)


@lru_cache(maxsize=65536)
def inside(folder: Path, site_path: str) -> Path | None:
    """``folder/site_path`` if it stays inside ``folder`` (symlinks resolved), else None.

    Cached: every card and page asks for the same few images, and resolving costs system calls.
    """
    base = folder.resolve()
    candidate = (base / site_path.lstrip("/")).resolve()
    return candidate if candidate.is_relative_to(base) else None


def read_image(static: Path, src: str) -> ImageInfo | str:
    """Size and type of the image at ``src`` under ``static``, or a message saying what is wrong."""
    path = inside(static, src)
    if path is None:
        return f"{src!r} points outside the static folder; expected a path under static/"
    if not path.is_file():
        return f"{src!r} does not exist; expected a file at {static.name}/{src.lstrip('/')}"
    try:
        with Image.open(path) as image:
            width, height = image.size
            mime = Image.MIME.get(image.format or "", "application/octet-stream")
    except (UnidentifiedImageError, OSError) as exc:
        return f"{src!r} is not a readable image ({exc.__class__.__name__}); expected a JPEG, PNG, WebP, GIF or AVIF file"
    return ImageInfo(src, width, height, mime)
