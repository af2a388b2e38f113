"""HTML pages: posts, standalone pages, the paginated home, archives, tags and the 404 page.

Templates are Jinja2 with autoescape on. A site's ``templates/`` folder overrides the theme's by
file name. Templates receive documented view objects (see docs/templates.md):
``site`` (``SiteView``), ``head`` (``seo.Head``), and ``document`` or ``listing``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import jinja2

from ..content.markdown import slugify
from ..images import ImageInfo
from ..site import Document, Site
from ..timestamps import iso
from . import pictures, seo

THEME = Path(__file__).resolve().parent.parent / "themes" / "default"
# Templates the build itself renders; every other *.html is a content template for templateKey.
LAYOUT_TEMPLATES = frozenset({"base", "list", "archive", "archive-period", "tags", "404", "sources", "source", "search"})

Output = tuple[str, bytes]  # (path inside the output folder, file contents)


@dataclass(frozen=True)
class SiteView:
    title: str
    description: str
    base_url: str
    language: str
    nav: tuple[Document, ...]
    logo: ImageInfo | None
    has_tags: bool
    year: int  # year of the newest post, for the footer (never the clock: builds are reproducible)
    has_sources: bool = False  # some post cites an outlet: /sources/ exists (render/sources.py)
    search: bool = False  # whether the search page and header search box exist
    home: Document | None = None  # the content folder's index page: the home page's intro


@dataclass(frozen=True)
class Pagination:
    number: int
    total: int
    prev_url: str
    next_url: str


@dataclass(frozen=True)
class Listing:
    title: str
    description: str
    posts: tuple[Document, ...]
    pagination: Pagination
    kind: str  # "home", "year", "month", "tag", "section" (Hugo's section and taxonomy lists)
    intro: Document | None = None  # a Hugo section's _index.md: its title and text above the list


def template_folders(site_root: Path, templates_folder: str) -> list[Path]:
    return [site_root / templates_folder, THEME / "templates"]


def make_environment(folders: Sequence[Path], tz_name: str) -> jinja2.Environment:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(tz_name)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )

    def local_date(moment: datetime, style: str = "long") -> str:
        local = moment.astimezone(tz)
        if style == "month":
            return local.strftime("%B %Y")
        return f"{local.day} {local.strftime('%B %Y')}"

    environment.filters["date"] = local_date
    environment.filters["iso"] = iso
    environment.filters["slugify"] = slugify
    return environment


def content_templates(folders: Sequence[Path]) -> list[str]:
    names: set[str] = set()
    for folder in folders:
        if folder.is_dir():
            names.update(path.stem for path in folder.glob("*.html") if not path.stem.startswith("_"))
    return sorted(names - LAYOUT_TEMPLATES)


def site_view(site: Site) -> SiteView:
    config = site.config
    return SiteView(
        title=config.title,
        description=config.description,
        base_url=config.base_url,
        language=config.language,
        nav=tuple(page for page in site.pages if not page.noindex),
        logo=site.logo,
        has_tags=bool(site.tags),
        year=site.posts[0].entry.date.year if site.posts else 1970,
        has_sources=any(post.entry.body.citations for post in site.posts),
        search=config.search,
        home=site.home,
    )


def output_path(url: str) -> str:
    """Where a URL's file lives in the output folder: /blog/x/ -> blog/x/index.html."""
    path = url.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


@dataclass(frozen=True)
class Page:
    """A page before rendering: where it goes, its template, and what the template receives — the
    view objects, and ``head`` as the call that builds it (a pure function of its arguments). The
    build derives the page's key from these (``render/keys.py``), building heads only to render."""

    path: str
    template: str
    context: Mapping[str, object]
    head: partial[seo.Head]


def render(environment: jinja2.Environment, page: Page) -> Output:
    html = environment.get_template(page.template).render(**page.context, head=page.head())
    return page.path, html.encode("utf-8")


def list_head(site: Site, title: str, description: str, url: str, prev_url: str = "", next_url: str = "", home: bool = False) -> partial[seo.Head]:
    """``seo.head_for_list`` for a list page of ``site``, not yet called."""
    return partial(
        seo.head_for_list, seo.facts(site), pictures.social_image(site), seo.alternates(site, url), title, description, url, prev_url, next_url, home
    )


def document_page(site: Site, view: SiteView, document: Document) -> Page:
    head = partial(seo.head_for_document, seo.facts(site), document, pictures.social_image(site, document), seo.alternates(site, document.url))
    return Page(output_path(document.url), f"{document.entry.template}.html", {"site": view, "document": document}, head)


def paginate(posts: Sequence[Document], base: str, size: int) -> Iterator[tuple[str, Pagination, tuple[Document, ...]]]:
    total = max(1, math.ceil(len(posts) / size))

    def url(number: int) -> str:
        return base if number == 1 else f"{base}page/{number}/"

    for number in range(1, total + 1):
        chunk = tuple(posts[(number - 1) * size : number * size])
        prev_url = url(number - 1) if number > 1 else ""
        next_url = url(number + 1) if number < total else ""
        yield url(number), Pagination(number, total, prev_url, next_url), chunk


@dataclass(frozen=True)
class ListingPage:
    """One page of a paginated list (home, tag), before rendering."""

    url: str
    listing: Listing


def listing_pages(site: Site) -> Iterator[ListingPage]:
    """Every page of the paginated lists: the home page and the tag pages."""
    config = site.config
    default = config.origin.languages[0] if config.origin.languages else ""
    home_posts = [post for post in site.posts if post.entry.placement.lang in ("", default)] if default else site.posts
    lists: list[tuple[str, str, str, str, Sequence[Document]]] = [("home", config.title, config.description, "/", home_posts)]
    lists += [("tag", f"Topic: {tag.name}", "", tag.url, tag.posts) for tag in site.tags]
    for kind, title, description, base, posts in lists:
        for url, pagination, chunk in paginate(posts, base, config.page_size):
            page_title = title if pagination.number == 1 else f"{title} (page {pagination.number})"
            yield ListingPage(url, Listing(page_title, description, chunk, pagination, kind))
    for group in site.groups:
        for url, pagination, chunk in paginate(group.documents, group.url, config.page_size):
            page_title = group.title if pagination.number == 1 else f"{group.title} (page {pagination.number})"
            intro = group.intro if pagination.number == 1 else None
            yield ListingPage(url, Listing(page_title, intro.entry.description if intro else "", chunk, pagination, "section", intro))


def listing_page(site: Site, view: SiteView, page: ListingPage) -> Page:
    listing = page.listing
    is_home = listing.kind == "home"
    title = "" if is_home and listing.pagination.number == 1 else listing.title
    head = list_head(site, title, listing.description, page.url, listing.pagination.prev_url, listing.pagination.next_url, home=page.url == "/")
    return Page(output_path(page.url), "list.html", {"site": view, "listing": listing}, head)


@dataclass(frozen=True)
class Period:
    """A year or a month of the archive, with its posts grouped by month, newest first."""

    title: str
    url: str
    months: tuple[tuple[str, tuple[Document, ...]], ...]  # (month label, posts)


def archive_periods(site: Site) -> Iterator[Period]:
    tz = site.config.tz

    def label(posts: tuple[Document, ...]) -> str:
        return posts[0].entry.date.astimezone(tz).strftime("%B %Y")

    for year, months in site.years.items():
        yield Period(f"Briefings from {year}", f"/archive/{year}/", tuple((label(p), p) for p in months.values()))
        for month, posts in months.items():
            yield Period(f"Briefings from {label(posts)}", f"/archive/{year}/{month:02d}/", ((label(posts), posts),))


def period_page(site: Site, view: SiteView, period: Period) -> Page:
    head = list_head(site, period.title, "", period.url)
    return Page(output_path(period.url), "archive-period.html", {"site": view, "period": period}, head)


def archive_index(site: Site, view: SiteView) -> Page:
    head = list_head(site, "Archive", f"Every briefing of {site.config.title}, by year and month.", "/archive/")
    return Page("archive/index.html", "archive.html", {"site": view, "years": site.years}, head)


def tags_index(site: Site, view: SiteView) -> Page:
    head = list_head(site, "Topics", f"Every topic of {site.config.title}.", "/tags/")
    return Page("tags/index.html", "tags.html", {"site": view, "tags": site.tags}, head)


def not_found(site: Site, view: SiteView) -> Page:
    head = list_head(site, "Page not found", "", "/404.html")
    return Page("404.html", "404.html", {"site": view, "recent": site.posts[:5]}, head)
