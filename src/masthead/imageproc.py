"""Image processing: resize, crop and encode, cached by content hash, run in parallel.

A ``Job`` describes one output file completely (source bytes' hash, size, crop, format, quality),
so its ``key`` names the result: a build looks the key up in ``<cache>/images/`` and encodes only
what is missing, in worker processes. Unchanged images are therefore never encoded twice, and an
incremental build produces exactly the bytes of a clean one.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps

from .cache import shared_folder
from .filestamp import stamp_ns
from .images import open_image

# Bump when encoding changes, so cached results made by older code are not reused.
PROCESSOR_VERSION = "1"
SOCIAL_SIZE = (1200, 630)
# Formats resized and re-encoded; others (GIF, SVG, AVIF originals…) are served as they are.
PROCESSABLE = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp", "avif": "avif"}
MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "avif": "image/avif"}

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Job:
    """One output image: ``source`` cropped to ``box`` (if any), resized, encoded."""

    source: str  # file path of the original
    digest: str  # sha256 of the original's bytes
    target: str  # path inside the output folder
    format: str  # "jpeg", "png", "webp" or "avif"
    width: int
    height: int
    quality: int
    box: Box | None = None

    @property
    def key(self) -> str:
        text = f"{PROCESSOR_VERSION}|{self.digest}|{self.format}|{self.width}x{self.height}|{self.quality}|{self.box}"
        return hashlib.sha256(text.encode()).hexdigest()


class ImageError(Exception):
    """An image that could not be decoded or encoded; names the source file."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        super().__init__(message)


@lru_cache(maxsize=4096)
def _digest(path: str, size: int, stamp: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes; size and stamp (``filestamp``) only decide whether to hash again."""
    stat = path.stat()
    return _digest(str(path), stat.st_size, stamp_ns(stat))


_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


def display_size(path: Path) -> tuple[int, int]:
    """Width and height as shown, after the EXIF orientation a camera recorded."""
    with open_image(path) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in _ROTATED else (width, height)


def focus_box(width: int, height: int, focus: tuple[float, float] | None, aspect: tuple[int, int] = SOCIAL_SIZE) -> Box:
    """The largest box of ``aspect`` inside width × height, centred on ``focus`` as far as it fits."""
    fx, fy = focus or (0.5, 0.5)
    target = aspect[0] / aspect[1]
    if width / height > target:
        crop_w, crop_h = round(height * target), height
    else:
        crop_w, crop_h = width, round(width / target)
    left = min(max(round(fx * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(fy * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def _open(source: str) -> Image.Image:
    image = open_image(source)
    try:
        image.load()
    except BaseException:
        image.close()  # a truncated or corrupt file: do not leave it open for the garbage collector
        raise
    return _with_alpha(ImageOps.exif_transpose(image))


def _with_alpha(image: Image.Image) -> Image.Image:
    """A palette image with a transparent colour as RGBA, the form Pillow converts without warning
    ("Palette images with Transparency expressed in bytes should be converted to RGBA images")."""
    return image.convert("RGBA") if image.mode == "P" and "transparency" in image.info else image


def encode(job: Job, original: Image.Image | None = None) -> bytes:
    """The output file's bytes (``original``: the source already decoded); raises ``ImageError``."""
    try:
        image = original if original is not None else _open(job.source)
        if job.box is not None:
            image = image.crop(job.box)
        if image.size != (job.width, job.height):
            image = image.resize((job.width, job.height), Image.Resampling.LANCZOS)
        has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
        if job.format == "jpeg" or not has_alpha:
            image = image.convert("RGB")
        elif image.mode != "RGBA":
            image = image.convert("RGBA")
        buffer = io.BytesIO()
        if job.format == "jpeg":
            image.save(buffer, "JPEG", quality=job.quality, optimize=True, progressive=True)
        elif job.format == "png":
            image.save(buffer, "PNG", optimize=True)
        elif job.format == "webp":
            image.save(buffer, "WEBP", quality=job.quality, method=2)  # 3x faster than 4, about 2 % larger
        else:
            image.save(buffer, "AVIF", quality=max(job.quality - 20, 1), speed=8)
        return buffer.getvalue()
    except (OSError, ValueError, SyntaxError) as exc:  # a decompression bomb is an OSError (images.OversizedImage)
        raise ImageError(job.source, f"{exc.__class__.__name__}: {exc}") from exc


def _encode_group(jobs: Sequence[Job]) -> list[bytes | str]:
    """All jobs of one source, decoded once. For worker processes: errors travel back as text."""
    try:
        original = _open(jobs[0].source)
    except (OSError, ValueError, SyntaxError) as exc:
        return [f"{exc.__class__.__name__}: {exc}"] * len(jobs)
    results: list[bytes | str] = []
    for job in jobs:
        try:
            results.append(encode(job, original))
        except ImageError as exc:
            results.append(str(exc))
    return results


@lru_cache(maxsize=4096)
def _colour(path: str, digest: str) -> str:
    with open_image(path) as image:
        image.draft("RGB", (64, 64))  # JPEG decodes at a fraction of its size: fast
        pixel = _with_alpha(image).convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert isinstance(pixel, tuple)
    return "#{:02x}{:02x}{:02x}".format(*pixel[:3])


def average_colour(path: Path) -> str:
    """The image's average colour as ``#rrggbb``: a placeholder shown while it loads."""
    try:
        return _colour(str(path), file_digest(path))
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(str(path), f"{exc.__class__.__name__}: {exc}") from exc


def cache_folder(cache: Path) -> Path:
    """Where encoded images are kept: ``$MASTHEAD_CACHEDIR/images`` if set, else ``<cache>/images``."""
    return shared_folder("images", cache)[0]


def run(jobs: Iterable[Job], cache: Path, workers: int | None = None) -> tuple[list[tuple[str, bytes]], list[ImageError]]:
    """Every job's output, from the cache or encoded in parallel; failures are returned, not raised."""
    unique = {job.target: job for job in jobs}
    folder = cache_folder(cache)
    results: dict[str, bytes] = {}
    missing: list[Job] = []
    for job in unique.values():
        cached = folder / f"{job.key}.{EXTENSIONS[job.format]}"
        if cached.is_file():
            results[job.target] = cached.read_bytes()
        else:
            missing.append(job)
    errors: list[ImageError] = []
    groups: dict[str, list[Job]] = {}
    for job in missing:
        groups.setdefault(job.source, []).append(job)
    ordered = [job for group in groups.values() for job in group]
    outcomes = [outcome for group in _encode_all(list(groups.values()), workers) for outcome in group]
    for job, outcome in zip(ordered, outcomes, strict=True):
        if isinstance(outcome, str):
            errors.append(ImageError(job.source, outcome))
            continue
        results[job.target] = outcome
        _store(folder, f"{job.key}.{EXTENSIONS[job.format]}", outcome)
    return sorted(results.items()), _distinct(errors)


def verify(jobs: Iterable[Job]) -> list[ImageError]:
    """Decode each distinct original once, writing nothing; what ``masthead check`` does instead of ``run``."""
    errors: list[ImageError] = []
    for source in dict.fromkeys(job.source for job in jobs):
        try:
            _open(source).close()
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            errors.append(ImageError(source, f"{exc.__class__.__name__}: {exc}"))
    return errors


def _encode_all(groups: Sequence[Sequence[Job]], workers: int | None) -> list[list[bytes | str]]:
    """Each group's outcomes; groups (one per source image) run in parallel processes."""
    count = workers or min(len(groups), os.cpu_count() or 1)
    if count <= 1 or sum(len(group) for group in groups) < 4:
        return [_encode_group(group) for group in groups]
    from .parallel import die_with_parent

    with ProcessPoolExecutor(max_workers=count, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        return list(pool.map(_encode_group, groups))


def _store(folder: Path, name: str, data: bytes) -> None:
    """Write a cache file atomically, so an interrupted build never leaves half an image."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{name}.{os.getpid()}.tmp"
    temporary.write_bytes(data)
    temporary.replace(folder / name)


def _distinct(errors: list[ImageError]) -> list[ImageError]:
    seen: dict[str, ImageError] = {}
    for error in errors:
        seen.setdefault(error.source, error)
    return list(seen.values())
