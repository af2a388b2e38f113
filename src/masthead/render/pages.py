"""HTML pages: posts, standalone pages, the paginated home, archives, tags and the 404 page.

Templates are Jinja2 with autoescape on. A site's ``templates/`` folder overrides the theme's by
file name. Templates receive documented view objects (see docs/templates.md):
``site`` (``SiteView``), ``head`` (``seo.Head``), and ``document`` or ``listing``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import jinja2

from ..content.markdown import slugify
from ..images import ImageInfo
from ..site import Document, Site, Tag
from . import seo

THEME = Path(__file__).resolve().parent.parent / "themes" / "default"
# Templates the build itself renders; every other *.html is a content template for templateKey.
LAYOUT_TEMPLATES = frozenset({"base", "list", "archive", "tags", "404", "search"})

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
    search: bool = False  # whether the search page and header search box exist


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
    kind: str  # "home", "year", "month", "tag"


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
    environment.filters["iso"] = seo.iso
    environment.filters["slugify"] = slugify
    return environment


def content_templates(folders: Sequence[Path]) -> list[str]:
    names = set()
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
        search=config.search,
    )


def output_path(url: str) -> str:
    """Where a URL's file lives in the output folder: /blog/x/ -> blog/x/index.html."""
    path = url.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


def render_document(environment: jinja2.Environment, site: Site, view: SiteView, document: Document) -> Output:
    template = environment.get_template(f"{document.entry.template}.html")
    html = template.render(site=view, head=seo.head_for_document(site, document), document=document)
    return output_path(document.url), html.encode("utf-8")


def paginate(posts: Sequence[Document], base: str, size: int) -> Iterator[tuple[str, Pagination, tuple[Document, ...]]]:
    total = max(1, math.ceil(len(posts) / size))

    def url(number: int) -> str:
        return base if number == 1 else f"{base}page/{number}/"

    for number in range(1, total + 1):
        chunk = tuple(posts[(number - 1) * size : number * size])
        prev_url = url(number - 1) if number > 1 else ""
        next_url = url(number + 1) if number < total else ""
        yield url(number), Pagination(number, total, prev_url, next_url), chunk


def render_listings(environment: jinja2.Environment, site: Site, view: SiteView, kind: str, title: str,
                    description: str, base: str, posts: Sequence[Document]) -> Iterator[Output]:
    template = environment.get_template("list.html")
    for url, pagination, chunk in paginate(posts, base, site.config.page_size):
        page_title = title if pagination.number == 1 else f"{title} (page {pagination.number})"
        head = seo.head_for_list(site, page_title if kind != "home" or pagination.number > 1 else "",
                                 description, url, pagination.prev_url, pagination.next_url, home=url == "/")
        listing = Listing(page_title, description, chunk, pagination, kind)
        yield output_path(url), template.render(site=view, head=head, listing=listing).encode("utf-8")


def list_pages(environment: jinja2.Environment, site: Site, view: SiteView) -> Iterator[Output]:
    """The home page, archives by year and month, tag pages, their indexes and the 404 page."""
    config = site.config
    yield from render_listings(environment, site, view, "home", config.title, config.description, "/", site.posts)
    for year, months in site.years.items():
        year_posts = [post for posts in months.values() for post in posts]
        yield from render_listings(environment, site, view, "year", f"Briefings from {year}", "", f"/archive/{year}/", year_posts)
        for month, posts in months.items():
            label = posts[0].entry.date.astimezone(config.tz).strftime("%B %Y")
            yield from render_listings(environment, site, view, "month", f"Briefings from {label}", "", f"/archive/{year}/{month:02d}/", posts)
    archive = environment.get_template("archive.html")
    head = seo.head_for_list(site, "Archive", f"Every briefing of {config.title}, by year and month.", "/archive/")
    yield "archive/index.html", archive.render(site=view, head=head, years=site.years).encode("utf-8")
    for tag in site.tags:
        yield from _tag_pages(environment, site, view, tag)
    if site.tags:
        tags = environment.get_template("tags.html")
        head = seo.head_for_list(site, "Topics", f"Every topic of {config.title}.", "/tags/")
        yield "tags/index.html", tags.render(site=view, head=head, tags=site.tags).encode("utf-8")
    not_found = environment.get_template("404.html")
    head = seo.head_for_list(site, "Page not found", "", "/404.html")
    yield "404.html", not_found.render(site=view, head=head, recent=site.posts[:5]).encode("utf-8")


def _tag_pages(environment: jinja2.Environment, site: Site, view: SiteView, tag: Tag) -> Iterator[Output]:
    yield from render_listings(environment, site, view, "tag", f"Topic: {tag.name}", "", tag.url, tag.posts)
