"""The output plan: every file of the site as a job, with a key derived from what it is made of.

A page job's key digests the config, the closure of templates it uses and exactly what its
template receives (``render/keys.py``); a feed's or sitemap's the site model it reads; the image
files' the image plans (whose variant names carry each original's content hash); a static file's
its stat, or its bytes while the stat is too recent to trust. A job whose key is kept (unchanged
since the last build, its files still on disk as written) is neither rendered nor written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import jinja2

from ..cache import digest
from ..site import Document, Site
from . import feeds, logo, pages, pictures, redirects, search, sitemap, sources, standins
from .keys import Fingerprints, TemplateClosures

Produce = Callable[[], list[tuple[str, bytes]]]
Origin = tuple[str, int | None, str | None]  # (file, line, field) a problem about the job is reported at


@dataclass(frozen=True)
class Job:
    key: str
    source: str  # what the output is made from, as messages name it
    origin: Origin
    produce: Produce | None  # None: kept, its files are up to date
    paths: tuple[str, ...] = ()  # the files it writes, where known before running it (pages)
    reads: frozenset[str] | None = None  # a page's: the entries (sources) its key reached, when tracked


@dataclass(frozen=True)
class StaticFile:
    path: Path
    stamp_ns: int  # when it last changed (``filestamp``); -1: changed just now, its bytes decide (see freshness.racy)
    size: int
    shown: str  # the file as messages name it: "static/robots.txt"


class Planner:
    """Builds the job list; ``kept(key)`` says whether a key's files are already in place."""

    def __init__(
        self,
        site: Site,
        environment: jinja2.Environment,
        fingerprints: Fingerprints,
        closures: TemplateClosures,
        kept: Callable[[str], bool],
        view: pages.SiteView | None = None,
    ) -> None:
        self.site = site
        self.environment = environment
        self.fingerprints = fingerprints
        self.closures = closures
        self.kept = kept
        self.view = view if view is not None else pages.site_view(site)
        self.jobs: list[Job] = []

    def page(self, make: Callable[[], pages.Page], source: str, origin: Origin) -> None:
        page = make()
        values = (self.site.config, page.path, page.context, page.head)
        inputs, reads = self.fingerprints.reads(*values) if self.fingerprints.tracking else (self.fingerprints.of(*values), None)
        key = digest(f"page\0{self.closures.of(page.template)}\0{inputs}".encode())
        environment = self.environment
        self.jobs.append(Job(key, source, origin, None if self.kept(key) else (lambda: [pages.render(environment, page)]), (page.path,), reads))

    def made(self, call: partial[list[tuple[str, bytes]]], source: str) -> None:
        """A job that is a call: its key is the fingerprint of the function and its arguments."""
        key = digest(f"call\0{self.fingerprints.of(call)}".encode())
        self.add(key, source, ("masthead.toml", None, None), None if self.kept(key) else call)

    def add(self, key: str, source: str, origin: Origin, produce: Produce | None, paths: tuple[str, ...] = ()) -> None:
        self.jobs.append(Job(key, source, origin, produce, paths))


def _origin(document: Document) -> Origin:
    entry = document.entry
    key = next((key for key in ("slug", "permalink") if key in entry.key_lines), "slug")
    return entry.source, entry.key_lines.get(key), key


PageSpec = tuple[Callable[[], pages.Page], str, Origin]  # (make the page, what it is, where problems go)


def page_specs(site: Site, view: pages.SiteView) -> list[PageSpec]:
    """Every page of the site but the search page, in plan order, not yet made."""
    config_origin: Origin = ("masthead.toml", None, None)
    documents = (*site.posts, *site.pages)
    specs: list[PageSpec] = [(partial(pages.document_page, site, view, document), document.entry.source, _origin(document)) for document in documents]
    for listing in pages.listing_pages(site):
        where = {"home": "the home page", "tag": "the topic page"}.get(listing.listing.kind, "the list page")
        specs.append((partial(pages.listing_page, site, view, listing), f"{where} {listing.url}", config_origin))
    for lang in pages.archive_languages(site):  # the root's archive, and each other language's under /<lang>/
        for period in pages.archive_periods(site, lang):
            specs.append((partial(pages.period_page, site, view, period), f"the archive page {period.url}", config_origin))
        specs.append((partial(pages.archive_index, site, view, lang), f"the archive page /{lang + '/' if lang else ''}archive/", config_origin))
    if site.tags and "taxonomy" not in site.config.origin.disabled_lists:  # Hugo's disableKinds "taxonomy": no /tags/
        specs.append((partial(pages.tags_index, site, view), "the topics page /tags/", config_origin))
    if site.config.origin.index_pages:  # Pelican's tags.html, categories.html, authors.html, archives.html
        from ..origins.terms import index_pages

        specs += [(make, what, config_origin) for make, what in index_pages(site, view)]
    specs.append((partial(pages.not_found, site, view), "the page /404.html", config_origin))
    for url in site.config.origin.not_found_urls:  # where the adopted site's generator wrote it too (/404/)
        if url != "/404.html":
            specs.append((partial(pages.not_found, site, view, url), f"the page {url}", config_origin))
    if site.outlets:
        specs.append((partial(sources.index_page, site, view, site.outlets), "the sources page /sources/", config_origin))
    for source_page in sources.source_pages(site, site.outlets):
        specs.append((partial(sources.source_page, site, view, source_page), f"the source page {source_page.url}", ("masthead.toml", None, "outlets")))
    return specs


def plan(
    site: Site,
    environment: jinja2.Environment,
    fingerprints: Fingerprints,
    closures: TemplateClosures,
    static_files: Mapping[str, StaticFile],
    kept: Callable[[str], bool],
    encode_images: bool = True,
) -> list[Job]:
    """Every job of the site, in a fixed order (collisions are reported in this order).

    ``encode_images=False`` (``masthead check``): images are decoded, not encoded or cached."""
    planner = Planner(site, environment, fingerprints, closures, kept)
    for make, source, origin in page_specs(site, planner.view):
        planner.page(make, source, origin)
    return _other_jobs(planner, static_files, encode_images)


def replan(
    planner: Planner, static_files: Mapping[str, StaticFile], previous: tuple[Job, ...], edited: frozenset[str], encode_images: bool = True
) -> list[Job] | None:
    """The jobs of a model that differs from the one ``previous`` was planned from only in the
    content of the entries ``edited`` (same URLs, dates and tags: the same pages, the same site
    view; the preview's quick path). A page whose key reached none of them has the same key and
    keeps its job; every other page and every other job is planned again. None when the pages
    do not line up."""
    specs = page_specs(planner.site, planner.view)
    if len(specs) > len(previous):
        return None
    for (make, source, origin), earlier in zip(specs, previous, strict=False):
        if earlier.reads is None or earlier.source != source or not earlier.reads.isdisjoint(edited):
            planner.page(make, source, origin)
        else:
            planner.jobs.append(earlier if earlier.produce is None else Job(earlier.key, source, origin, None, earlier.paths, earlier.reads))
    return _other_jobs(planner, static_files, encode_images)


def _other_jobs(planner: Planner, static_files: Mapping[str, StaticFile], encode_images: bool) -> list[Job]:
    from ..newsroom import follow  # authors, corrections, feeds pages; follow feeds (imports this module)

    follow.plan(planner)
    site, fingerprints, kept, view = planner.site, planner.fingerprints, planner.kept, planner.view
    # Feeds and sitemaps read the whole model (translations, sections, languages): keyed by it.
    planner.made(partial(feeds.feeds, site), "the feeds")
    for lang in site.config.origin.languages[1:]:  # each other language's feeds under /<lang>/
        planner.made(partial(feeds.feeds, site, lang), f"the feeds of /{lang}/")
    if site.config.origin.feeds:  # Pelican's feeds/all.atom.xml, feeds/<category>.atom.xml…
        from ..origins.pelican_feeds import pelican_feeds

        planner.made(partial(pelican_feeds, site), "the feeds at the origin's paths")
    if site.config.origin.list_feeds:  # Hugo's index.xml of the home page, each section, taxonomy and term
        from ..origins.hugo_lists import hugo_feeds

        planner.made(partial(hugo_feeds, site), "the feeds at Hugo's paths")
    if site.config.origin.home_json:  # Hugo's /index.json, a theme's search index
        from ..origins.hugo_lists import home_json

        planner.made(partial(home_json, site), "/index.json")
    if site.config.origin.period_archives:  # Pelican's archives/2024/index.html…: on to /archive/2024/
        from ..origins.pelican_archives import period_archives

        planner.made(partial(period_archives, site), "the archives at the origin's paths")
    if site.config.origin.kind == "pelican":  # INDEX_SAVE_AS = 'blog/index.html': blog/index2.html… on to /index2.html…
        from ..origins.pelican_archives import moved_index_pages

        planner.made(partial(moved_index_pages, site), "the index's later pages at the origin's paths")
    planner.made(partial(sitemap.sitemap_files, sitemap.listed(site)), "the sitemaps")  # keyed by the URLs and dates alone
    planner.made(partial(sitemap.news_sitemaps, site), "the news sitemap")
    planner.made(partial(_named, "robots.txt", sitemap.robots, site), "robots.txt")
    if logo.raster_logo(site) is not None and site.logo is not None:  # a PNG of an SVG logo, from its bytes
        logo_file = site.file_at(site.logo.src)
        stamp = digest(logo_file.read_bytes()) if logo_file is not None else ""
        key = digest(f"logo\0{fingerprints.of(site.logo)}\0{stamp}".encode())
        planner.add(key, "the raster logo", ("masthead.toml", None, "logo"), None if kept(key) else partial(logo.render_raster_logo, site))
    drawn = (standins.wordmark(site), standins.card(site))
    if any(drawn):  # drawn from the names alone
        key = digest(f"standins\0{fingerprints.of(*drawn)}\0{standins.drawing_version()}".encode())
        planner.add(key, "the stand-in logo and social image", ("masthead.toml", None, None), None if kept(key) else partial(standins.render_standins, site))
    # The image files are made from the plans alone (the site only names posts in error messages).
    images = partial(pictures.outputs, site, encode_images)
    key = digest(f"images\0{fingerprints.of(site.config, site.pictures, site.social, encode_images)}".encode())
    planner.add(key, "the resized images", ("masthead.toml", None, None), None if kept(key) else images)
    moved = redirects.redirects(site)[0]  # the redirect pages and host files are made from these alone
    key = digest(f"redirects\0{fingerprints.of(site.config, moved)}".encode())
    planner.add(key, "the redirects", ("masthead.toml", None, None), None if kept(key) else (lambda: redirects.outputs(site)))
    if site.config.search:
        planner.page(lambda: search.search_page(site, view), "the search page /search/", ("masthead.toml", None, "search"))
    resources = {url.lstrip("/"): StaticFile(Path(file), -1, 0, Path(file).name) for url, file in site.resources.items()}
    for relative, static in {**static_files, **resources}.items():  # resources: files beside a page (Hugo bundles)
        stamp = f"{static.stamp_ns}\0{static.size}" if static.stamp_ns >= 0 else digest(static.path.read_bytes())
        key = digest(f"static\0{relative}\0{static.path}\0{stamp}".encode())
        planner.add(key, static.shown, (static.shown, None, None), None if kept(key) else _copy(relative, static.path), (relative,))
    return planner.jobs


def _named(path: str, make: Callable[..., bytes], *args: object) -> list[tuple[str, bytes]]:
    return [(path, make(*args))]


def _copy(relative: str, path: Path) -> Produce:
    return lambda: [(relative, path.read_bytes())]
