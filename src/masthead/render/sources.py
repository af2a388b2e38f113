"""The sources pages: ``/sources/`` (every outlet cited) and ``/sources/<outlet>/``.

Templates ``sources.html`` (receives ``outlets``: ``links.citations.OutletSummary`` items) and
``source.html`` (receives ``outlet``, one summary, and ``page``: a ``SourcePage`` whose ``posts``
cite it, newest first, ``page_size`` at a time, with ``pagination``).
No pages are written for a site without citations.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..links.citations import OutletSummary
from ..newsroom.pages import announce
from ..site import Document, Site
from . import pages


@dataclass(frozen=True)
class SourcePage:
    """One page of an outlet's list of citing posts, before rendering."""

    url: str
    outlet: OutletSummary
    posts: tuple[Document, ...]
    pagination: pages.Pagination


def source_pages(site: Site, outlets: Sequence[OutletSummary]) -> Iterator[SourcePage]:
    """Every outlet's posts, paginated like the tag pages."""
    for summary in outlets:
        for url, pagination, chunk in pages.paginate(summary.posts, summary.outlet.url, site.config.page_size):
            yield SourcePage(url, summary, chunk, pagination)


def index_page(site: Site, view: pages.SiteView, outlets: Sequence[OutletSummary]) -> pages.Page:
    head = pages.list_head(site, "Sources", f"Every outlet cited in {site.config.title}, most cited first.", "/sources/")
    return pages.Page("sources/index.html", "sources.html", {"site": view, "outlets": outlets}, head)


def source_page(site: Site, view: pages.SiteView, page: SourcePage) -> pages.Page:
    name = page.outlet.outlet.name
    number = page.pagination.number
    title = f"Source: {name}" if number == 1 else f"Source: {name} (page {number})"
    head = pages.list_head(site, title, f"Briefings of {site.config.title} that cite {name}.", page.url, page.pagination.prev_url, page.pagination.next_url)
    head = announce(site, page.url, head)  # the outlet's follow feeds
    return pages.Page(pages.output_path(page.url), "source.html", {"site": view, "outlet": page.outlet, "page": page}, head)
