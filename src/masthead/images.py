"""Images under the static folder: safe path resolution and pixel sizes read with Pillow."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from lxml import etree
from PIL import Image, UnidentifiedImageError

SVG_MIME = "image/svg+xml"


class OversizedImage(OSError):
    """An image with more pixels than Pillow's decompression-bomb limit (an OSError, like any unreadable file)."""


def open_image(path: Path | str) -> Image.Image:
    """``Image.open``, refusing images over ``Image.MAX_IMAGE_PIXELS`` (about 89 megapixels).

    Pillow only warns between that limit and twice it, and raises above: both are refused here,
    so a decompression bomb is one clear error, whatever the warning filters say.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(path)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            count = f"{int(found.group(1)):,} pixels" if found else "too many pixels"
            raise OversizedImage(
                f"has {count}, more than the {Image.MAX_IMAGE_PIXELS:,} masthead reads (larger images are refused as possible decompression bombs)"
            ) from exc


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
    shown = repr(src if len(src) <= 80 else src[:80] + "…")
    try:
        path = Path(resource) if resource else inside(static, src)
        found = path is not None and path.is_file()
    except (OSError, ValueError) as exc:  # a name too long for the file system, a NUL byte
        return f"{shown} is not a usable file name ({exc.strerror if isinstance(exc, OSError) else exc}); expected a path such as /img/photo.jpg"
    if path is None:
        return f"{shown} points outside the static folder; expected a path under static/"
    if not found:
        return f"{shown} does not exist; expected a file at {static.name}/{src.lstrip('/')}"
    assert path is not None
    if path.suffix.lower() == ".svg":
        return _svg(path, src)
    try:
        with open_image(path) as image:
            width, height = image.size
            mime = Image.MIME.get(image.format or "", "application/octet-stream")
    except OversizedImage as exc:
        return f"{shown} {exc}; expected an image of at most {Image.MAX_IMAGE_PIXELS:,} pixels — resize it"
    except (UnidentifiedImageError, OSError) as exc:
        return f"{shown} is not a readable image ({exc.__class__.__name__}); expected a JPEG, PNG, WebP, GIF or AVIF file"
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
        return f'{src!r} has no width and height in px and no viewBox; expected <svg width="120" height="40"> or a viewBox'
