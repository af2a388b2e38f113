"""The preview's quick path: a saved post whose edit shows on its own page only.

Most saves while writing change a post's body and nothing any other page shows: not its title,
teaser, date, image, tags, draft flag or citations. Then a full build would re-render just that
post's page, plus the feeds when the post is among the newest. The preview keeps the last site
model in memory and does exactly that, in milliseconds at any site size.

Anything else — a new, renamed or deleted file, a template, the config, a change lists would
show — returns None and the preview runs the ordinary incremental build. The quick path never
touches the build cache: the next full build checks every input as always, so what it writes
stays byte for byte a clean build's.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2

from ..content.entries import Entry, parse_entry
from ..errors import errors_only
from ..render import feeds, pages, pictures
from ..site import Document, Site
from .rebuild import REINDEX_UP_TO


@dataclass
class Warm:
    """The last good build's site model, ready for quick updates."""

    site: Site
    environment: jinja2.Environment
    view: pages.SiteView

    @classmethod
    def after(cls, site: Site) -> Warm:
        config = site.config
        environment = pages.make_environment(pages.template_folders(config.root, config.folders.templates), config.timezone)
        pictures.install(environment, site)
        return cls(site, environment, pages.site_view(site))


def _shown_elsewhere(entry: Entry) -> tuple[Any, ...]:
    """Everything about an entry that a page other than its own (and the feeds) may show or depend
    on: cards, archives, tags, sources, sitemaps, images. The body, description, author and Read More
    link show only on the post's own page and in the feeds, which the quick path renders."""
    image = entry.image
    return (
        entry.template,
        entry.is_post,
        entry.title,
        entry.teaser,
        entry.draft,
        entry.date,
        entry.updated,
        entry.slug,
        tuple(image) if image else None,
        entry.tags,
        tuple((citation.outlet, citation.url) for citation in entry.body.citations),
        entry.body.images,
    )


def _write(folder: Path, relative: str, data: bytes) -> None:
    target = folder / relative
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".quick-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, target)


def update(warm: Warm, changed: set[str], output: Path) -> list[str] | None:
    """Apply saved files to the preview; the output files written, or None for a full build."""
    site = warm.site
    config = site.config
    if config.links.rewrite == "resolved":
        return None  # published link targets come from the link store, handled by the full build
    if config.search and len(site.posts) <= REINDEX_UP_TO:
        return None  # a small site's preview re-indexes every change: the full build does that, quickly
    content = config.folder("content").resolve()
    documents = {document.entry.source: document for document in (*site.posts, *site.pages)}
    replaced: dict[str, Document] = {}
    for changed_path in changed:
        path = Path(changed_path).resolve()
        if not path.is_relative_to(content) or not path.is_file():
            return None
        relative = path.relative_to(config.root.resolve()).as_posix()
        old = documents.get(relative)
        if old is None:
            return None
        parsed = parse_entry(relative, path.read_bytes(), config)
        if parsed.entry is None or errors_only(parsed.problems):
            return None  # the full build reports it, with the overlay
        if _shown_elsewhere(parsed.entry) != _shown_elsewhere(old.entry):
            return None
        replaced[relative] = replace(old, entry=parsed.entry)
    if not replaced:
        return None

    def swap(group: tuple[Document, ...]) -> tuple[Document, ...]:
        return tuple(replaced.get(document.entry.source, document) for document in group)

    site = replace(site, posts=swap(site.posts), pages=swap(site.pages))
    outputs = [pages.render_document(warm.environment, site, warm.view, document) for document in replaced.values()]
    newest = {post.entry.source for post in [post for post in site.posts if not post.noindex][: config.feed_size]}
    if any(document.entry.is_post and document.entry.source in newest for document in replaced.values()):
        outputs += feeds.feeds(site)
    for relative, data in outputs:
        _write(output, relative, data)
    warm.site = site
    return [relative for relative, _ in outputs]
