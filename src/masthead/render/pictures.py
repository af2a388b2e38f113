"""Responsive images: which resized files each image needs, and the ``<picture>`` markup for them.

Featured images and images in post bodies (under ``static/``) become ``<picture>`` elements with
AVIF and WebP sources plus the original format, each at the configured widths (never enlarged),
with explicit width and height and the image's average colour as a placeholder. Every post also
gets a 1200×630 social image cropped around its focus point. ``outputs`` encodes all of them
(cached, in parallel, see ``imageproc``). The planning is here; the markup is the theme's
``picture`` macro (templates/_picture.html), fed the ``Picture`` model by ``picture_view``.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath

import jinja2
from markupsafe import Markup

from .. import imageproc
from ..config import ImageSettings
from ..content.markdown import ATTRIBUTE, IMG_TAG, slugify
from ..errors import MastheadError, Problem
from ..imageproc import EXTENSIONS, MIME, PROCESSABLE, ImageError, Job
from ..images import ImageInfo, open_image
from ..site import Document, Focus, Site
from . import standins

FOLDER = "_images"
SOCIAL_QUALITY = 85


@dataclass(frozen=True)
class Variant:
    src: str  # site path of the resized file
    width: int
    height: int


@dataclass(frozen=True)
class Responsive:
    """One source image and everything made from it for pages."""

    src: str
    width: int  # as displayed (EXIF orientation applied)
    height: int
    colour: str  # "#rrggbb" average, the placeholder
    sources: tuple[tuple[str, tuple[Variant, ...]], ...]  # (MIME type, variants), best format first
    fallback: tuple[Variant, ...]  # the original format, for <img srcset>
    jobs: tuple[Job, ...]
    # Its hash, computed once: every card's picture is looked up by its plan (``_picture``), and
    # hashing the nested variants and jobs again each time cost more than the markup itself.
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.src, self.width, self.height, self.colour, self.sources, self.fallback, self.jobs)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[type[Responsive], tuple[object, ...]]:  # unpickled, the hash is computed again (str hashes vary by process)
        return Responsive, (self.src, self.width, self.height, self.colour, self.sources, self.fallback, self.jobs)

    @property
    def default(self) -> Variant:
        """The <img src>: the largest fallback no wider than 960 pixels."""
        fitting = [variant for variant in self.fallback if variant.width <= 960]
        return fitting[-1] if fitting else self.fallback[0]


def _job(path: Path, digest: str, stem: str, label: str, fmt: str, size: tuple[int, int], quality: int, box: imageproc.Box | None = None) -> Job:
    job = Job(str(path), digest, "", fmt, size[0], size[1], quality, box)
    return replace(job, target=f"{FOLDER}/{stem}-{label}-{job.key[:12]}.{EXTENSIONS[fmt]}")


@lru_cache(maxsize=4096)
def _plan(file: str, src: str, settings: ImageSettings, digest: str) -> Responsive | None:
    path = Path(file)
    if path.suffix.lower() == ".svg":
        return None  # a vector image is served as it is
    with open_image(path) as image:
        fmt = PROCESSABLE.get(image.format or "")
    if fmt is None:
        return None
    width, height = imageproc.display_size(path)
    stem = slugify(PurePosixPath(src).stem)
    widths = sorted({min(wanted, width) for wanted in settings.widths})
    sizes = [(w, max(1, round(height * w / width))) for w in widths]
    formats = [*settings.formats, *([] if fmt in settings.formats else [fmt])]
    jobs = {name: tuple(_job(path, digest, stem, f"{w}w", name, (w, h), settings.quality) for w, h in sizes) for name in formats}
    variants = {name: tuple(Variant("/" + job.target, job.width, job.height) for job in items) for name, items in jobs.items()}
    modern = tuple((MIME[name], variants[name]) for name in settings.formats if name != fmt)
    return Responsive(src, width, height, imageproc.average_colour(path), modern, variants[fmt], tuple(job for items in jobs.values() for job in items))


def plan(site: Site, src: str) -> Responsive | None:
    """The responsive set for an image under static/, or None to serve it as it is (SVG, GIF…).

    Every image the site shows was planned by the assemble stage (``site.pictures``); another one
    (a template's own ``picture`` call) is planned here, from its file's contents.
    """
    if src in site.pictures:
        return site.pictures[src]
    return _plan_now(site, src)


def _plan_now(site: Site, src: str) -> Responsive | None:
    path = site.file_at(src)
    if path is None or not path.is_file():
        return None
    return _plan(str(path), src, site.config.images, imageproc.file_digest(path))


def _srcset(variants: tuple[Variant, ...]) -> str:
    return ", ".join(f"{variant.src} {variant.width}w" for variant in variants)


@dataclass(frozen=True)
class PictureSource:
    type: str  # MIME type, "image/avif"
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What the ``picture`` macro (templates/_picture.html) writes for one image: the model of its markup."""

    src: str  # the <img src>
    srcset: str  # the original format at every width; "" for an image served as it is (SVG, GIF…)
    width: int
    height: int
    colour: str  # "#rrggbb" placeholder, "" when unknown
    sources: tuple[PictureSource, ...]  # one <source> per modern format, best first


@lru_cache(maxsize=4096)
def _picture(responsive: Responsive) -> Picture:
    return Picture(
        responsive.default.src,
        _srcset(responsive.fallback),
        responsive.width,
        responsive.height,
        responsive.colour,
        tuple(PictureSource(mime, _srcset(variants)) for mime, variants in responsive.sources),
    )


def picture_view(site: Site, image: ImageInfo) -> Picture:
    """The picture of a featured image (or a body image); a single plain file when it is not resized."""
    responsive = plan(site, image.src)
    if responsive is not None:
        return _picture(responsive)
    return Picture(image.src, "", image.width, image.height, "", ())


BODY_SIZES = "(min-width: 44rem) 40rem, calc(100vw - 2rem)"


def responsive_body(site: Site, body_html: str, macro: Callable[..., Markup]) -> str:
    """The body with each local <img> replaced by the ``picture`` macro's lazy markup (others are left alone)."""

    def replace_tag(match: re.Match[str]) -> str:
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        src = html.unescape(attributes.get("src", ""))
        responsive = plan(site, src) if src.startswith("/") and not src.startswith("//") else None
        if responsive is None:
            return match.group(0)
        image = ImageInfo(src, responsive.width, responsive.height, "", html.unescape(attributes.get("alt", "")))
        return str(macro(image, BODY_SIZES))

    return IMG_TAG.sub(replace_tag, body_html)


def _social_source(site: Site, document: Document | None) -> tuple[ImageInfo | None, tuple[float, float] | None]:
    if document is not None and document.image is not None:
        return document.image, document.entry.image.focus if document.entry.image else None
    return site.default_image, None


@lru_cache(maxsize=4096)
def _social_job(path: str, digest: str, stem: str, focus: tuple[float, float] | None) -> Job:
    width, height = imageproc.display_size(Path(path))
    box = imageproc.focus_box(width, height, focus)
    return _job(Path(path), digest, stem, "social", "jpeg", imageproc.SOCIAL_SIZE, SOCIAL_QUALITY, box)


def social_job(site: Site, document: Document | None) -> tuple[Job, ImageInfo] | None:
    """The 1200×630 crop for a document (None: the site's default image), and its ImageInfo."""
    image, focus = _social_source(site, document)
    if image is None:
        return None
    memo = (image.src, focus)
    job = site.social[memo] if memo in site.social else _social_now(site, image.src, focus)
    if job is None:
        return None
    width, height = imageproc.SOCIAL_SIZE
    return job, ImageInfo("/" + job.target, width, height, MIME["jpeg"], image.alt)


def _social_now(site: Site, src: str, focus: tuple[float, float] | None) -> Job | None:
    path = site.file_at(src)
    if path is None or not path.is_file() or path.suffix.lower() == ".svg":  # a vector image has no pixels to crop: the site's card stands in
        return None
    return _social_job(str(path), imageproc.file_digest(path), slugify(PurePosixPath(src).stem), focus)


def social_image(site: Site, document: Document | None = None) -> ImageInfo | None:
    """The Open Graph/Twitter image of a document, or of the site when ``document`` is None; the site's
    card (``standins.py``) when neither has one and the site names no default image."""
    found = social_job(site, document)
    return found[1] if found else standins.card(site)


def _documents(site: Site) -> tuple[Document, ...]:
    """Every document whose pictures are shown: posts, pages, and the home page's and lists' intros."""
    return site.bodies()


def _owners(site: Site) -> dict[str, list[str]]:
    """Which entries use each image file, for error messages."""
    owners: dict[str, list[str]] = defaultdict(list)
    config_path = str(site.config.root / "masthead.toml")
    for image in (site.default_image, site.logo):
        responsive = plan(site, image.src) if image else None
        if responsive is not None:
            owners[responsive.jobs[0].source].append(config_path)
    for document in _documents(site):
        for src in [*([document.image.src] if document.image else []), *document.entry.body.images]:
            responsive = plan(site, src)
            if responsive is not None:
                owners[responsive.jobs[0].source].append(document.entry.source)
    return owners


def derive(site: Site) -> tuple[dict[str, Responsive | None], dict[tuple[str, Focus], Job | None], list[Problem]]:
    """Every image the site shows, planned once (the assemble stage stores them in the model):
    responsive sets by src, social crops by (src, focus), and problems for unreadable images
    (named with the posts that use them) and featured images without alt text."""
    plans: dict[str, Responsive | None] = {}
    failures: dict[str, str] = {}
    social: dict[tuple[str, Focus], Job | None] = {}
    found: list[Problem] = []

    def planned(src: str) -> str:
        if src not in plans and src not in failures:
            try:
                plans[src] = _plan_now(site, src)
            except (ImageError, OSError, ValueError, SyntaxError) as exc:
                failures[src] = str(exc)
        return failures.get(src, "")

    for image in (site.default_image, site.logo):
        if image is not None:
            planned(image.src)
    if site.default_image is not None and not failures.get(site.default_image.src):
        _add_social(social, site, site.default_image.src, None)
    for document in _documents(site):
        entry = document.entry
        for src in [*([document.image.src] if document.image else []), *entry.body.images]:
            failure = planned(src)
            if failure:
                line = entry.image.line if entry.image and entry.image.src == src else None
                found.append(
                    Problem(entry.source, line, "image", f"{src!r} could not be read ({failure}); expected a valid JPEG, PNG or WebP file — re-export it")
                )
        if document.image is not None and not failures.get(document.image.src):
            _add_social(social, site, document.image.src, entry.image.focus if entry.image else None)
        if entry.is_post and entry.image is not None and not entry.image.alt and entry.image.line is not None:  # named in the front matter
            found.append(
                Problem(
                    entry.source,
                    entry.image.line,
                    "featuredImage.alt",
                    f"no alt text for {entry.image.src}; expected a short description of the picture for screen readers (alt: ...)",
                    warning=True,
                )
            )
    return plans, social, found


def _add_social(social: dict[tuple[str, Focus], Job | None], site: Site, src: str, focus: Focus) -> None:
    if (src, focus) not in social:
        social[(src, focus)] = _social_now(site, src, focus)


def outputs(site: Site, encode: bool = True) -> list[tuple[str, bytes]]:
    """Every resized and social image file; raises ``MastheadError`` naming posts and files.

    ``encode=False`` (``masthead check``) only decodes each original and returns the paths with no
    bytes: a check writes nothing, not even to the image cache.
    """
    jobs = [job for responsive in site.pictures.values() if responsive for job in responsive.jobs]
    jobs += [job for job in site.social.values() if job is not None]
    if encode:
        files, errors = imageproc.run(jobs, site.config.folder("cache"))
    else:
        files, errors = sorted((job.target, b"") for job in jobs), imageproc.verify(jobs)
    if errors:
        owners = _owners(site)
        raise MastheadError(
            Problem(owner, None, "image", f"{Path(error.source).name} could not be processed ({error}); expected a valid image file — re-export it")
            for error in errors
            for owner in sorted(set(owners[error.source]))
        )
    return files


def install(environment: jinja2.Environment, site: Site) -> None:
    """Give templates ``picture_view(image)`` (the model the ``picture`` macro of _picture.html
    writes) and the ``responsive`` filter, which renders body images with that same macro."""
    environment.globals["picture_view"] = lambda image: picture_view(site, image)

    def responsive(body: str) -> Markup:
        macro = environment.get_template("_picture.html").module.picture  # type: ignore[attr-defined]
        return Markup(responsive_body(site, str(body), macro))

    environment.filters["responsive"] = responsive
