"""Pelican's ``{attach}path/to/file`` links: the file published in the linking page's output folder.

As Pelican's docs say (content.html, "Attaching static files"): a file below the page's source
folder keeps its place relative to the page (``{attach}icons/icon.png`` beside ``blog/post.md``,
saved as ``2014/post.html``, is ``2014/icons/icon.png``); any other becomes the page's sibling
(``{attach}/downloads/archive.zip`` is ``2014/archive.zip``). A file attached by several pages stays
where the first one put it. ``{static}`` and ``{filename}`` links keep the file where it is.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from ..config import Config
from ..content.placement import Reference
from ..site import Site
from .bundles import resource_folder


def attached_url(reference: Reference, source: str, url: str, config: Config, attached: dict[str, str]) -> str | None:
    """The URL of the file a ``{static}`` link names, or that ``{attach}`` attaches to the page ``source``
    (published at ``url``), noted in ``attached`` (URL -> file) for the build to publish: Pelican copies
    a linked file even outside STATIC_PATHS. None when there is no such file."""
    content = config.folder("content")
    target = unquote(reference.target.split("?")[0].split("#")[0])  # WordPress imports' images/x.png?w=276
    path = content / target
    found = path.is_file() and path.resolve().is_relative_to(content.resolve())
    if reference.kind == "static":  # a missing file is the image check's and the link check's to name
        if found:
            attached.setdefault("/" + target, str(path))
        return "/" + reference.target
    if not found:
        return None
    for known, file in attached.items():  # attached (or linked with {static}) before, by another page: it stays there
        if file == str(path):
            return known
    inner = PurePosixPath(config.folders.content.strip("/") or ".")
    folder = PurePosixPath(posixpath.relpath(PurePosixPath(source).parent.as_posix(), inner.as_posix()))
    relative_target = PurePosixPath(target)
    below = folder.as_posix() == "." or relative_target.is_relative_to(folder)
    inside = relative_target.relative_to(folder) if below and folder.as_posix() != "." else relative_target
    relative = inside.as_posix() if below else relative_target.name
    moved = resource_folder(url, False) + relative
    attached[moved] = str(path)
    return moved


def relocated(site: Site) -> frozenset[str]:
    """The static folder's paths of the files ``{attach}`` moved, which Pelican no longer writes where
    they were; one that a page still links to where it was (``{static}``) stays there too."""
    if site.config.origin.kind != "pelican" or not site.resources:
        return frozenset()
    static = site.config.folder("static").resolve()
    moved = {Path(file).resolve() for file in site.resources.values()}
    relatives = {path.relative_to(static).as_posix() for path in moved if path.is_relative_to(static)}
    shown = "".join(document.entry.body.html for document in site.bodies())
    return frozenset(relative for relative in relatives if f'="/{relative}"' not in shown)
