"""Hugo page bundles: the files beside a page's ``index.md`` are published at the page's URL.

A leaf bundle (``index.md``) owns every file in its folder and below; a branch bundle
(``_index.md``) only the files directly beside it, since its subfolders hold other pages.
Markdown files are pages, never resources; hidden files are left out. Eleventy resolves an image
beside any page (``blog/x.md`` with ``./photo.png``): such a page publishes the media files beside it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from ..config import Config

_PAGES = (".md", ".mdx", ".markdown", ".html", ".rst", ".njk", ".liquid")
_MEDIA = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".mp4", ".webm", ".mp3", ".pdf")
_IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")


def bundle_resources(index: Path, url: str) -> dict[str, str]:
    """Site path -> file, for the resources of the bundle whose index file is ``index``."""
    folder = index.parent
    base = folder.resolve()
    leaf = index.name.startswith("index.")
    own = leaf or index.name.startswith("_index.") or index.stem == folder.name  # x/x.md: Eleventy's index
    candidates = sorted(folder.rglob("*") if leaf else folder.iterdir())
    found: dict[str, str] = {}
    prefix = url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"
    for path in candidates:
        relative = path.relative_to(folder)
        if not path.is_file() or path.suffix.lower() in _PAGES or any(part.startswith(".") for part in relative.parts):
            continue
        if not own and path.suffix.lower() not in _MEDIA:  # a page among others (Eleventy's blog/x.md): its images only
            continue
        if not path.resolve().is_relative_to(base):
            continue  # a link out of the bundle is not published
        found[prefix + relative.as_posix()] = str(path)
    return found


def hugo_asset(src: str, config: Config) -> tuple[str, str] | None:
    """A picture a Hugo page names that is neither beside it nor under static/ but in ``assets/`` (the site's,
    else a theme's), as (its site path, its file): Hugo's embedded image render hook and the themes' own
    (``resources.Get``) publish it at its path there (``images/x.png`` at ``/images/x.png``). None otherwise."""
    if config.origin.kind != "hugo" or ":" in src or src.startswith("//"):
        return None
    from ..images import inside

    path = unquote(src.split("?")[0].split("#")[0]).removeprefix("./").lstrip("/")
    for folder in (config.root / "assets", *sorted((config.root / "themes").glob("*/assets"))):
        found = inside(folder, path) if path else None
        if found is not None and found.is_file():
            return "/" + path, str(found)
    return None


def passthrough_files(config: Config) -> dict[str, str]:
    """Site path -> file of each ``[origin] passthrough`` copy (Eleventy's ``addPassthroughCopy("content/img")``
    beside a static folder of its own): a folder's files under its target, a file at it, a glob's matches at
    their paths below the glob's fixed folder; never a file outside the site's folder, nor a hidden one."""
    root = config.root.resolve()
    found: dict[str, str] = {}
    for source, target in sorted(config.origin.passthrough.items()):
        prefix = "/" + target.strip("/") + "/" if target.strip("/") else "/"
        if "*" in source:
            fixed = "/".join(part for part in source.split("/")[: next(i for i, part in enumerate(source.split("/")) if "*" in part)])
            base, matches = config.root / fixed, sorted(config.root.glob(source))
        else:
            base, matches = config.root / source, [config.root / source]
        for match in matches:
            files = sorted(match.rglob("*")) if match.is_dir() else [match]
            for path in files:
                if not path.is_file() or not path.resolve().is_relative_to(root) or any(part.startswith(".") for part in path.relative_to(config.root).parts):
                    continue
                if match.is_dir() or "*" in source:
                    found[prefix + path.relative_to(base if "*" in source else match).as_posix()] = str(path)
                else:
                    found[prefix.rstrip("/") if target.strip("/") else "/" + path.name] = str(path)
    return found


def resource_folder(url: str, hugo: bool) -> str:
    """The folder a page's bundle files are published in: the page's own (``/posts/x/``); with Hugo's
    uglyURLs a page ``/posts/x.html`` keeps them in ``/posts/x/``, as Hugo does; elsewhere its file's folder."""
    if url.endswith("/"):
        return url
    if hugo and url.endswith(".html"):
        return url[: -len(".html")] + "/"
    return url.rsplit("/", 1)[0] + "/"


def featured_resource(resources: dict[str, str], folder: str) -> str | None:
    """The site path of a Hugo bundle's page image when its front matter names none, as Hugo's
    opengraph and twitter_cards templates (and Blowfish's and Congo's hero) find it: the first image
    beside the page whose name has "feature" in it, else "cover" or "thumbnail" (``*`` does not cross
    folders, and names match whatever their case)."""
    names = sorted(
        (path[len(folder) :], path) for path in resources if path.startswith(folder) and "/" not in path[len(folder) :] and path.lower().endswith(_IMAGES)
    )
    for words in (("feature",), ("cover", "thumbnail")):
        found = next((path for name, path in names if any(word in name.lower() for word in words)), None)
        if found:
            return found
    return None


def outside_file(src: str, source: str, config: Config) -> tuple[str, str] | None:
    """A relative path that climbs out of the page's folder (``../images/gauge.png``, gatsby-remark-images'
    and Eleventy's image plugin's, read from the file's own folder) as (its site path, its file): the file
    is published at its path under the content folder (``/images/gauge.png``). None for any other path, a
    file that is not there, or one outside the content folder."""
    if config.origin.kind not in ("gatsby", "eleventy") or ".." not in PurePosixPath(src).parts or ":" in src or src.startswith("/"):
        return None
    content = config.folder("content").resolve()
    path = ((config.root / source).parent / unquote(src.split("?")[0].split("#")[0])).resolve()
    if not path.is_file() or not path.is_relative_to(content):
        return None
    return "/" + path.relative_to(content).as_posix(), str(path)
