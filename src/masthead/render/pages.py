"""HTML pages: posts, standalone pages, the paginated home, archives, tags and the 404 page.

Templates are Jinja2 with autoescape on. A site's ``templates/`` folder overrides the theme's by
file name. Templates receive documented view objects (see docs/templates.md):
``site`` (``SiteView``), ``head`` (``seo.Head``), and ``document`` or ``listing``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2

from ..config import Config
from ..content.markdown import hugo_term_slug, slugify
from ..images import ImageInfo
from ..links import citations
from ..links.outlets import Outlet, tidy
from ..newsroom.story import reading_minutes
from ..site import Document, Site, tag_key, tag_name, years_of
from ..timestamps import iso
from . import pictures, seo
from .relative_links import base_path, relative_links

THEME = Path(__file__).resolve().parent.parent / "themes" / "default"
# Templates the build itself renders; every other *.html is a content template for templateKey.
LAYOUT_TEMPLATES = frozenset(
    {"base", "list", "archive", "archive-period", "tags", "404", "sources", "source", "search", "authors", "author", "corrections", "feeds"}
)

Output = tuple[str, bytes]  # (path inside the output folder, file contents)


@dataclass(frozen=True)
class NavLink:
    url: str
    label: str  # a page's ``linkTitle`` (Hugo's key) or ``navTitle``, else its title
    children: tuple[NavLink, ...] = ()  # a Hugo menu entry's children (``parent``), in its order


@dataclass(frozen=True)
class TopicLink:
    name: str  # the display name: config [tags], else as written, else the humanised slug
    url: str


@dataclass(frozen=True)
class SourceLink:
    name: str  # the outlet's name exactly as /sources/ shows it (aliases merged)
    url: str  # the cited URL
    outlet_url: str  # /sources/<outlet>/


@dataclass(frozen=True)
class Byline:
    name: str
    url: str  # its author page (/authors/<id>/), a guest's own page, or ""


@dataclass(frozen=True)
class OriginalLink:
    """The closing "Read More" link of a post: the original story."""

    url: str
    outlet: str  # the outlet it is at: from its domain, else the first outlet cited; "" if neither is known


@dataclass(frozen=True)
class SiteView:
    title: str
    description: str
    base_url: str
    language: str
    nav: tuple[NavLink, ...]  # the header's links after masthead's own: a Hugo site's main menu, else every page
    logo: ImageInfo | None
    has_tags: bool
    year: int  # year of the newest post, for the footer (never the clock: builds are reproducible)
    has_sources: bool = False  # some post cites an outlet: /sources/ exists (render/sources.py)
    search: bool = False  # whether the search page and header search box exist
    home: Document | None = None  # the content folder's index page: the home page's intro
    author: str = ""  # the byline of a post without an author ([author] name)
    has_authors: bool = False  # [authors] exist: /authors/
    has_corrections: bool = False  # a published post has a correction: /corrections/
    has_feeds: bool = False  # follow feeds exist: /feeds/
    words_per_minute: int = 230  # [reading] words_per_minute
    # pages show their structured front matter (Decap's sections): on masthead's and Gatsby/Decap sites; on
    # Hugo, Jekyll, Pelican and Eleventy sites a page's extra keys are settings for its theme (toc, menu, sidebar)
    structured: bool = True
    live_urls: frozenset[str] = frozenset()  # posts whose live coverage is open at build time: cards label them
    topic_names: Mapping[str, str] = field(default_factory=dict, compare=False)  # tag slug -> display name
    topic_urls: Mapping[str, str] = field(default_factory=dict, compare=False)  # tag slug -> its page (Pelican's /tag/x.html)
    outlet_names: Mapping[str, Outlet] = field(default_factory=dict, compare=False)  # outlet as written -> as on /sources/
    language_topics: Mapping[str, str] = field(default_factory=dict)  # language -> its own tag pages' URL, {slug} in it (Hugo's /fr/tags/x/)
    menus: Mapping[str, tuple[NavLink, ...]] = field(default_factory=dict)  # a Hugo site's menus by name, in weight order
    language_nav: Mapping[str, tuple[NavLink, ...]] = field(default_factory=dict)  # another language's own header menu, by language
    hugo_paths: tuple[bool, bool] = (True, False)  # Hugo's paths lower-cased (not disablePathToLower), accents removed (removePathAccents)
    tag_key: Callable[[str], str] = field(default=slugify, compare=False)  # site.tag_key: a written tag's key in topic_names and topic_urls
    topic_pages: bool = True  # False: no tag has a page (Hugo's disableKinds "term"), so posts link to none

    def topics(self, document: Document) -> tuple[TopicLink, ...]:
        """A post's tags as links, with their display names."""
        if not self.topic_pages:
            return ()
        own = self.language_topics.get(document.entry.placement.lang)
        if own and document.url.startswith(f"/{document.entry.placement.lang}/"):
            return tuple(
                TopicLink(self.topic_names.get(self.tag_key(tag)) or tag_name(tag, {}), own.replace("{slug}", hugo_term_slug(tag, *self.hugo_paths)))
                for tag in document.entry.tags
            )
        return tuple(
            TopicLink(self.topic_names.get(self.tag_key(tag), tag), self.topic_urls.get(self.tag_key(tag)) or f"/tags/{slugify(tag)}/")
            for tag in document.entry.tags
        )

    def bylines(self, document: Document) -> tuple[Byline, ...]:
        """A post's authors, each linked to its page ([authors]) or its own URL; the default byline when none."""
        people = document.entry.placement.authors
        if not people:
            return (Byline(document.entry.author or self.author or self.title, ""),)
        return tuple(Byline(name, url if url.startswith(("https://", "http://", "/")) else "") for name, url in people)  # no javascript: links

    def reading_minutes(self, document: Document) -> int:
        """Minutes to read the post at [reading] words_per_minute."""
        return reading_minutes(document.entry.story.words, self.words_per_minute)

    def sources(self, document: Document) -> tuple[SourceLink, ...]:
        """The outlets a post cites, once per (outlet, URL), named as on /sources/."""
        found: dict[tuple[str, str], SourceLink] = {}
        for written, url in document.entry.body.sources:
            outlet = self.outlet_names.get(written) or Outlet(written, "")
            found.setdefault((outlet.name, url), SourceLink(outlet.name, url, outlet.url if outlet.slug else ""))
        return tuple(found.values())

    def original(self, document: Document) -> OriginalLink | None:
        """The post's original story, or None when it has no closing "Read More" link."""
        body = document.entry.body
        if not body.read_more:
            return None
        host = urlsplit(body.read_more).hostname or ""
        by_domain = self.outlet_names.get(host)
        first = self.outlet_names.get(body.citations[0].outlet) if body.citations else None
        outlet = by_domain or first
        return OriginalLink(body.read_more, outlet.name if outlet else "")


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


def make_environment(folders: Sequence[Path], shown: Callable[[datetime], datetime]) -> jinja2.Environment:
    """The templates' environment; dates shown as ``shown`` gives them (``Config.local``: the site's time zone, or on a
    Hugo site the offset a date was written with)."""
    environment = jinja2.Environment(
        # A site's template replaces the theme's of the same name; "theme/<name>" is always the
        # theme's, so a site's base.html can extend "theme/base.html" and change one block.
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader([str(folder) for folder in folders]), jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(str(THEME / "templates"))})]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )

    def local_date(moment: datetime, style: str = "long") -> str:
        local = shown(moment)
        if style == "month":
            return local.strftime("%B %Y")
        return f"{local.day} {local.strftime('%B %Y')}"

    def local_time(moment: datetime) -> str:
        return shown(moment).strftime("%H:%M %Z")

    environment.filters["date"] = local_date
    environment.filters["time"] = local_time
    environment.filters["host"] = lambda url: (urlsplit(url).hostname or url).removeprefix("www.")
    environment.filters["iso"] = iso
    environment.filters["slugify"] = slugify
    return environment


def content_templates(folders: Sequence[Path]) -> list[str]:
    names: set[str] = set()
    for folder in folders:
        if folder.is_dir():
            names.update(path.stem for path in folder.glob("*.html") if not path.stem.startswith("_"))
    return sorted(names - LAYOUT_TEMPLATES)


def nav_label(page: Document) -> str:
    for key in ("linkTitle", "navTitle"):
        value = page.entry.extra.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return page.entry.title


def outlet_names(site: Site) -> dict[str, Outlet]:
    """Every outlet as written in a post (and every domain of a "Read More" link), to the outlet
    /sources/ lists it under, so posts and search filters name each outlet exactly as /sources/ does."""
    normaliser = citations.outlets_for(site.config)
    shown = {summary.outlet.slug: summary.outlet for summary in site.outlets}
    names: dict[str, Outlet] = {}
    for post in site.posts:
        body = post.entry.body
        for citation in body.citations:
            if citation.outlet not in names:
                outlet = normaliser.outlet(citation.outlet)
                names[citation.outlet] = shown.get(outlet.slug, outlet)
        host = urlsplit(body.read_more).hostname if body.read_more else None
        if host and host not in names:
            outlet = normaliser.outlet(host)
            if outlet.name != tidy(host):  # a domain some outlet declares
                names[host] = shown.get(outlet.slug, outlet)
    return names


def _menus(site: Site, lang: str = "") -> dict[str, tuple[NavLink, ...]]:
    """A Hugo site's menus (``site.menus.footer`` in a template), or another language's; a Jekyll site's
    ``nav: true`` pages; an Eleventy site's ``eleventyNavigation`` entries; the others have none."""
    if site.config.origin.kind == "jekyll":
        from ..origins.jekyll_nav import main_menu

        found = main_menu(site)
        return {"main": tuple(NavLink(url, label) for url, label in found)} if found else {}
    if site.config.origin.kind == "eleventy":
        from ..origins import eleventy_nav

        def item(entry: eleventy_nav.NavEntry) -> NavLink:
            return NavLink(entry.url, entry.label, tuple(item(child) for child in entry.children))

        entries = eleventy_nav.main_menu(site)
        return {"main": tuple(item(entry) for entry in entries)} if entries else {}
    if site.config.origin.kind != "hugo":
        return {}
    from ..origins.hugo_menus import MenuEntry, menus

    def link(entry: MenuEntry) -> NavLink:
        return NavLink(entry.url, entry.name, tuple(link(child) for child in entry.children))

    return {name: tuple(link(entry) for entry in entries) for name, entries in menus(site, lang).items()}


def site_view(site: Site) -> SiteView:
    config = site.config
    menus = _menus(site)
    language_menus = {lang: _menus(site, lang) for lang in config.origin.languages[1:]}  # [languages.fr.menus]
    firsts = {page.entry.source: page for page in reversed(site.pages) if not page.noindex}  # an Eleventy list's later pages are not linked
    pages_nav = tuple(NavLink(page.url, nav_label(page)) for page in site.pages if firsts.get(page.entry.source) is page)
    return SiteView(
        title=config.title,
        description=config.description,
        base_url=config.base_url,
        language=config.language,
        nav=tuple(link for link in menus["main"] if link.url != "/") if "main" in menus else pages_nav,  # "Latest" is the home page
        language_nav={lang: tuple(link for link in own["main"] if link.url != f"/{lang}/") for lang, own in language_menus.items() if "main" in own},
        menus=menus,
        logo=site.logo,
        has_tags=bool(site.tags) and "taxonomy" not in config.origin.disabled_lists,
        topic_pages="term" not in config.origin.disabled_lists,
        year=site.posts[0].entry.date.year if site.posts else 1970,
        has_sources=any(post.entry.body.citations for post in site.posts),
        search=config.search,
        home=site.home,
        author=config.author.name,
        has_authors=bool(config.authors),
        has_corrections=bool(site.newsroom and site.newsroom.corrections),
        has_feeds=bool(site.newsroom and (site.newsroom.follows or site.newsroom.corrections)),
        words_per_minute=config.reading.words_per_minute,
        structured=config.origin.kind in ("", "gatsby"),
        live_urls=frozenset(post.url for post in site.posts if post.entry.story.coverage_open(site.now)),
        topic_names={tag.slug: tag.name for tag in site.tags},
        topic_urls={tag.slug: tag.url for tag in site.tags},
        language_topics=language_topics(config),
        hugo_paths=(not config.origin.disable_path_to_lower, config.origin.remove_path_accents),
        tag_key=tag_key(config),
        outlet_names=outlet_names(site) if site.outlet_names is None else site.outlet_names,  # derived once, by the assemble stage
    )


def language_topics(config: Config) -> dict[str, str]:
    """A Hugo site's other languages have their own tag pages (``origins/groups.py``): /fr/tags/{slug}/."""
    if config.origin.kind != "hugo":
        return {}
    end = ".html" if config.origin.ugly_urls else "/"
    pattern = config.origin.term_permalinks.get("tags", f"/tags/{{slug}}{end}")  # [permalinks.term] tags = "/topics/:slug/"
    return {lang: f"/{lang}{pattern}" for lang in config.origin.languages}  # the default's too, when Hugo puts it in /en/


def output_path(url: str) -> str:
    """Where a URL's file lives in the output folder: /blog/x/ -> blog/x/index.html; escapes decoded, as a
    web server decodes the request (Jekyll's category "Spring Tides": /spring%20tides/ is spring tides/)."""
    path = file_path(url.lstrip("/"))
    return path + "index.html" if path.endswith("/") or not path else path


def file_path(path: str) -> str:
    """A path in the output folder as written in a URL, its escapes decoded (``tags/c%23/feed.xml`` is the file
    ``tags/c#/feed.xml``); kept as it is when decoding would make it leave its folder."""
    if "%" not in path:
        return path
    decoded = unquote(path)
    return decoded if "\x00" not in decoded and ".." not in decoded.split("/") and "\\" not in decoded else path


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
    site = page.context.get("site")
    if isinstance(site, SiteView):
        html = relative_links(html, page.path, base_path(site.base_url))
    return page.path, html.encode("utf-8")


def list_head(
    site: Site, title: str, description: str, url: str, prev_url: str = "", next_url: str = "", home: bool = False, noindex: bool = False
) -> partial[seo.Head]:
    """``seo.head_for_list`` for a list page of ``site``, not yet called."""
    return partial(
        seo.head_for_list,
        seo.facts(site),
        pictures.social_image(site),
        seo.alternates(site, url),
        title,
        description,
        url,
        prev_url,
        next_url,
        home,
        noindex,
    )


def document_page(site: Site, view: SiteView, document: Document) -> Page:
    head = partial(seo.head_for_document, seo.facts(site), document, pictures.social_image(site, document), seo.alternates(site, document.url))
    from ..newsroom.pages import post_context  # related briefings, live coverage (imports this module)

    context = {"site": view, "document": document, **post_context(site, document)}
    return Page(output_path(document.url), f"{document.entry.template}.html", context, head)


def paginate(
    posts: Sequence[Document], base: str, size: int, path: str = "page/{number}/", later: str = ""
) -> Iterator[tuple[str, Pagination, tuple[Document, ...]]]:
    """The pages of a list: the first at ``base``, the others at ``path`` under it (or at ``later``, an
    Eleventy home's pattern of pagination.pageNumber: /{number}/)."""
    total = max(1, math.ceil(len(posts) / size))

    def url(number: int) -> str:
        if number == 1:
            return base
        if later:
            from ..origins.eleventy_pages import later_page_url

            return later_page_url(later, base, number - 1)
        numbered = path.replace("{number}", str(number)).replace("{index}", str(number - 1))  # {index}: counted from 0
        if base.endswith(".html"):  # a list at a file (Pelican's tag/x.html) goes on at tag/x2.html ({name}{number}{extension}),
            name = base[: -len(".html")]  # or under tag/x/ ({base_name}/page/{number}/)
            return f"{name}{number}.html" if path == "index{number}.html" else f"{name}/{numbered}"
        return base + numbered

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
    home_posts = [post for post in site.posts if post.entry.placement.lang in ("", default)] if default else list(site.posts)
    if config.origin.home_oldest_first:  # an Eleventy home paginating a collection, not reversed
        home_posts.reverse()
    home_description = config.description or f"Latest briefings from {config.title}."  # a site that says nothing of itself still has one
    lists: list[tuple[str, str, str, str, Sequence[Document]]] = [("home", config.title, home_description, "/", home_posts)]
    lists += [("tag", tag.name, f"Briefings on {tag.name} from {config.title}.", tag.url, tag.posts) for tag in site.tags]
    for kind, title, description, base, posts in lists:
        for url, pagination, chunk in paginate(posts, base, config.page_size, config.page_path, config.origin.home_pages if kind == "home" else ""):
            if pagination.number > 1:  # "Latest briefings (page 2) · Site", never the site's name twice
                title = "Latest briefings" if kind == "home" else title
            page_title = title if pagination.number == 1 else f"{title} (page {pagination.number})"
            yield ListingPage(url, Listing(page_title, description, chunk, pagination, kind))
    for group in site.groups:
        size = max(1, len(group.documents)) if group.kind == "taxonomy" else group.page_size or config.page_size  # a taxonomy's terms on one page
        for url, pagination, chunk in paginate(group.documents, group.url, size, group.page_path or config.page_path):
            page_title = group.title if pagination.number == 1 else f"{group.title} (page {pagination.number})"
            intro = group.intro if pagination.number == 1 else None
            yield ListingPage(url, Listing(page_title, intro.entry.description if intro else "", chunk, pagination, "section", intro))


def listing_page(site: Site, view: SiteView, page: ListingPage) -> Page:
    listing = page.listing
    is_home = listing.kind == "home"
    title = "" if is_home and listing.pagination.number == 1 else listing.title
    head = list_head(site, title, listing.description, page.url, listing.pagination.prev_url, listing.pagination.next_url, home=page.url == "/")
    if listing.kind == "tag":
        from ..newsroom.pages import announce  # the tag's follow feeds (imports this module)

        head = announce(site, page.url, head)
    return Page(output_path(page.url), "list.html", {"site": view, "listing": listing}, head)


@dataclass(frozen=True)
class Period:
    """A year or a month of the archive, with its posts grouped by month, newest first."""

    title: str
    url: str
    months: tuple[tuple[str, tuple[Document, ...]], ...]  # (month label, posts)
    archive: str = "/archive/"  # the archive it belongs to: /fr/archive/ for a language's


def archive_languages(site: Site) -> tuple[str, ...]:
    """The archives: "" (the root's, the default language's) and one per other language, under /<lang>/."""
    return ("", *site.config.origin.languages[1:])


def _archive_years(site: Site, lang: str) -> Mapping[int, Mapping[int, tuple[Document, ...]]]:
    """Year -> month -> posts of one archive: on a multilingual site, its language's posts only."""
    languages = site.config.origin.languages
    if not languages:
        return site.years
    wanted = lang or languages[0]
    return years_of((post for post in site.posts if (post.entry.placement.lang or languages[0]) == wanted), site.config)


def archive_periods(site: Site, lang: str = "") -> Iterator[Period]:
    archive = f"/{lang}/archive/" if lang else "/archive/"

    def label(posts: tuple[Document, ...]) -> str:
        return site.config.local(posts[0].entry.date).strftime("%B %Y")

    for year, months in _archive_years(site, lang).items():
        yield Period(f"Briefings from {year}", f"{archive}{year}/", tuple((label(p), p) for p in months.values()), archive)
        for month, posts in months.items():
            yield Period(f"Briefings from {label(posts)}", f"{archive}{year}/{month:02d}/", ((label(posts), posts),), archive)


def period_page(site: Site, view: SiteView, period: Period) -> Page:
    head = list_head(site, period.title, "", period.url)
    return Page(output_path(period.url), "archive-period.html", {"site": view, "period": period}, head)


def archive_index(site: Site, view: SiteView, lang: str = "") -> Page:
    archive = f"/{lang}/archive/" if lang else "/archive/"
    head = list_head(site, "Archive", f"Every briefing of {site.config.title}, by year and month.", archive)
    return Page(output_path(archive), "archive.html", {"site": view, "years": _archive_years(site, lang), "archive": archive}, head)


def tags_index(site: Site, view: SiteView) -> Page:
    head = list_head(site, "Topics", f"Every topic of {site.config.title}.", "/tags/")
    return Page("tags/index.html", "tags.html", {"site": view, "tags": site.tags}, head)


def not_found(site: Site, view: SiteView, url: str = "/404.html") -> Page:
    """The 404 page hosts show for any missing URL, at /404.html; also at an adopted site's own 404 URL (/404/)."""
    head = list_head(site, "Page not found", "", "/404.html", noindex=True)
    return Page(output_path(url), "404.html", {"site": view, "recent": site.posts[:5], "stylesheet": _own_stylesheet(site)}, head)


def _own_stylesheet(site: Site) -> str:
    """The stylesheet's text, for the 404 page of a site under a path ("" at a host's root).

    That page is shown at any missing URL, so it links its files with the site's path; served
    anywhere else (a preview at the folder's root, a host's own error page) the link misses and
    the page would be unstyled. With its style inline it looks the same wherever it is shown."""
    if not base_path(site.config.base_url):
        return ""
    own = site.file_at("/assets/masthead.css")  # the site's own, else the theme's
    path = own if own is not None and own.is_file() else THEME / "static" / "assets" / "masthead.css"
    text = path.read_text(encoding="utf-8", errors="replace")
    return "" if "</style" in text.lower() else text
