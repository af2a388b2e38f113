"""The output plan: every file of the site as a job with a key naming all of its inputs.

A job whose key is unchanged since the last build is neither rendered nor written: its files are
already in the output folder. Keys are digests of exactly what the output shows — a post page of
its source's content hash, URL and image; a list page of the cards it shows; feeds of their posts;
sitemaps of every URL and date — plus the ``site_key`` (masthead version, config, templates,
options, what every page shares). So editing one post re-renders that post and only the lists
and feeds that show something that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..cache import digest
from ..links.citations import site_summaries
from ..site import Document, Site
from . import feeds, logo, pages, pictures, redirects, search, sitemap, sources

Produce = Callable[[], list[tuple[str, bytes]]]


@dataclass(frozen=True)
class Job:
    key: str
    produce: Produce


def site_key(site: Site, view: pages.SiteView, folders: Sequence[Path], extra: str) -> str:
    """What every page shares: masthead, config, options, templates, header navigation, images."""
    parts = [
        extra,
        site.config.source_text,
        repr(view.nav),
        repr((view.logo, view.has_tags, view.year, site.default_image)),
        repr(sorted(view.topic_names.items())),
        repr(sorted(view.outlet_names.items())),
    ]
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.html")):
                parts.append(f"{path.relative_to(folder)}\0{path.read_text(encoding='utf-8')}")
    return digest("\0".join(parts).encode("utf-8"))


def plan(
    site: Site,
    environment: jinja2.Environment,
    view: pages.SiteView,
    base_key: str,
    source_hashes: Mapping[str, str],
    static_files: Mapping[str, tuple[Path, int, int]],
) -> list[Job]:
    """Every job of the site, in a fixed order."""
    token_cache: dict[int, str] = {}

    def token(document: Document) -> str:
        found = token_cache.get(id(document))
        if found is None:
            image = document.image
            shown = f"{image.src}|{image.width}x{image.height}|{image.alt}" if image else ""
            found = (
                f"{source_hashes[document.entry.source]}|{document.url}|{shown}|{document.scheduled}|{document.resolved}"
                f"|{site.translations.get(document.url, '')}"
            )
            token_cache[id(document)] = found
        return found

    def key(*parts: object) -> str:
        return digest("\0".join(map(str, (base_key, *parts))).encode("utf-8"))

    jobs: list[Job] = []
    for document in (*site.posts, *site.pages):
        jobs.append(Job(key("doc", token(document)), _one(pages.render_document, environment, site, view, document)))
    home = token(site.home) if site.home else ""
    for page in pages.listing_pages(site):
        listing = page.listing
        intro = token(listing.intro) if listing.intro else (home if page.url == "/" else "")
        jobs.append(
            Job(
                key("list", page.url, listing.title, listing.pagination, intro, *map(token, listing.posts)),
                _one(pages.render_listing, environment, site, view, page),
            )
        )
    for period in pages.archive_periods(site):
        tokens = [token(post) for _, posts in period.months for post in posts]
        jobs.append(Job(key("period", period.url, period.title, *tokens), _one(pages.render_period, environment, site, view, period)))
    shape = [(year, month, len(posts), posts[0].entry.date.isoformat()) for year, months in site.years.items() for month, posts in months.items()]
    jobs.append(Job(key("archive", shape), _one(pages.render_archive_index, environment, site, view)))
    if site.tags:
        jobs.append(Job(key("tags", [(tag.slug, tag.name, len(tag.posts)) for tag in site.tags]), _one(pages.render_tags_index, environment, site, view)))
    jobs.append(Job(key("404", *map(token, site.posts[:5])), _one(pages.render_not_found, environment, site, view)))
    outlets = site_summaries(site)
    if outlets:
        rows = [(o.outlet.slug, o.outlet.name, o.citations, *map(token, o.latest)) for o in outlets]
        jobs.append(Job(key("sources", rows), _one(sources.render_index, environment, site, view, outlets)))
    for source_page in sources.source_pages(site, outlets):
        outlet = source_page.outlet
        jobs.append(
            Job(
                key(
                    "source",
                    source_page.url,
                    outlet.outlet.name,
                    outlet.citations,
                    len(outlet.posts),
                    outlet.first,
                    outlet.last,
                    source_page.pagination,
                    *map(token, source_page.posts),
                ),
                _one(sources.render_source, environment, site, view, source_page),
            )
        )
    newest = [token(post) for post in site.posts if not post.noindex][: site.config.feed_size]
    jobs.append(Job(key("feeds", *newest), lambda: feeds.feeds(site)))
    for lang in site.config.origin.languages[1:]:  # each other language's feeds under /<lang>/
        tokens = [token(post) for post in site.posts if post.entry.placement.lang == lang]
        jobs.append(Job(key("feeds", lang, *tokens), _feeds(site, lang)))
    locations = "\n".join(f"{path} {modified}" for path, modified in sitemap.locations(site))
    jobs.append(Job(key("sitemaps", locations), lambda: sitemap.sitemaps(site)))
    news = [token(post) for post in sitemap.news_posts(site)]
    jobs.append(Job(key("news", *news), lambda: sitemap.news_sitemaps(site)))
    jobs.append(Job(key("robots", bool(news)), lambda: [("robots.txt", sitemap.robots(site))]))
    jobs.append(Job(key("images", pictures.images_key(site)), lambda: pictures.outputs(site)))
    moved = [redirect.rule for redirect in redirects.redirects(site)[0]]
    jobs.append(Job(key("redirects", *moved), lambda: redirects.outputs(site)))
    if site.config.search:
        jobs.append(Job(key("search page", not site.posts), _one(search.search_page, environment, site, view)))
    if logo.raster_logo(site) is not None and site.logo is not None:
        logo_file = site.file_at(site.logo.src)
        stamp = digest(logo_file.read_bytes()) if logo_file is not None else ""
        jobs.append(Job(key("logo", site.logo.src, stamp), lambda: logo.render_raster_logo(site)))
    resources = {url.lstrip("/"): (Path(file), *_stat(Path(file))) for url, file in site.resources.items()}
    for relative, (path, mtime_ns, size) in {**static_files, **resources}.items():
        # mtime_ns is -1 for a file changed just now: its content decides (see build.RACY_NS).
        stamp = f"{mtime_ns}\0{size}" if mtime_ns >= 0 else digest(path.read_bytes())
        jobs.append(Job(digest(f"static\0{relative}\0{path}\0{stamp}".encode()), _copy(relative, path)))
    return jobs


def _feeds(site: Site, lang: str) -> Produce:
    return lambda: feeds.feeds(site, lang)


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _one(render: Callable[..., tuple[str, bytes]], *args: object) -> Produce:
    return lambda: [render(*args)]


def _copy(relative: str, path: Path) -> Produce:
    return lambda: [(relative, path.read_bytes())]
