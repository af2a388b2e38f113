"""Images under the static folder: safe path resolution and pixel sizes read with Pillow."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from lxml import etree
from PIL import Image, UnidentifiedImageError

SVG_MIME = "image/svg+xml"


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


def read_image(static: Path, src: str, resource: str | None = None) -> ImageInfo | str:
    """Size and type of the image at ``src`` under ``static`` (or the page resource file given),
    or a message saying what is wrong."""
    path = Path(resource) if resource else inside(static, src)
    if path is None:
        return f"{src!r} points outside the static folder; expected a path under static/"
    if not path.is_file():
        return f"{src!r} does not exist; expected a file at {static.name}/{src.lstrip('/')}"
    if path.suffix.lower() == ".svg":
        return _svg(path, src)
    try:
        with Image.open(path) as image:
            width, height = image.size
            mime = Image.MIME.get(image.format or "", "application/octet-stream")
    except (UnidentifiedImageError, OSError) as exc:
        return f"{src!r} is not a readable image ({exc.__class__.__name__}); expected a JPEG, PNG, WebP, GIF or AVIF file"
    return ImageInfo(src, width, height, mime)


_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


def _svg(path: Path, src: str) -> ImageInfo | str:
    """An SVG's size from its width and height (in px), else its viewBox."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)  # no entity tricks, no requests
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        return f"{src!r} is not a readable SVG ({exc}); expected an SVG file"
    width, height = (_LENGTH.match(root.get(name, "")) for name in ("width", "height"))
    if width and height:
        return ImageInfo(src, round(float(width.group(1))), round(float(height.group(1))), SVG_MIME)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        return ImageInfo(src, round(float(box[2])), round(float(box[3])), SVG_MIME)
    except (IndexError, ValueError):
        return f"{src!r} has no width and height in px and no viewBox; expected <svg width=\"120\" height=\"40\"> or a viewBox"
