"""A PNG of an SVG logo, for JSON-LD: Google wants the publisher's logo as a raster image.

Rendered offline by resvg (``resvg-py``), at least 112 px on its short side and at most 600 px
wide, the sizes Google's logo guidelines name; the header keeps showing the SVG itself.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..content.markdown import slugify
from ..images import SVG_MIME, ImageInfo
from ..site import Site

FOLDER = "_images"


def raster_size(logo: ImageInfo) -> tuple[int, int]:
    scale = max(112 / min(logo.width, logo.height), 1.0)
    width, height = logo.width * scale, logo.height * scale
    if width > 600:
        width, height = 600, height * 600 / width
    return max(1, round(width)), max(1, round(height))


def raster_logo(site: Site) -> ImageInfo | None:
    """The PNG standing in for an SVG logo (None: the logo is a raster image or there is none)."""
    logo = site.logo
    if logo is None or logo.mime != SVG_MIME:
        return None
    width, height = raster_size(logo)
    return ImageInfo(f"/{FOLDER}/{slugify(PurePosixPath(logo.src).stem)}-logo-{width}x{height}.png", width, height, "image/png")


def render_raster_logo(site: Site) -> list[tuple[str, bytes]]:
    import resvg_py

    raster, path = raster_logo(site), site.file_at(site.logo.src) if site.logo else None
    if raster is None or path is None:
        return []
    data = resvg_py.svg_to_bytes(svg_path=str(path), width=raster.width, height=raster.height, skip_system_fonts=False)
    return [(raster.src.lstrip("/"), bytes(data))]
