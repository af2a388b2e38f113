"""The site model: which entries are published, at which URL, with which images and lists.

``assemble`` is the cross-page phase of the build: it runs after every file was parsed and before
anything is rendered, and it is where duplicate URLs, missing images and unknown templates are
found, all at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .config import Config
from .content.bodies import post_listing
from .content.entries import Entry, FeaturedImage
from .content.markdown import RenderedMarkdown, slugify
from .content.permalinks import entry_url
from .errors import Problem, did_you_mean
from .images import ImageInfo, inside, read_image
from .options import BuildOptions
from .origins.bundles import bundle_resources, featured_resource, outside_file, passthrough_files, resource_folder
from .origins.jekyll_site import layout_lists_posts, theme_listing
from .ownership import output_path_problem

if TYPE_CHECKING:
    from .imageproc import Job
    from .links.citations import OutletSummary
    from .links.outlets import Outlet
    from .newsroom.model import Newsroom
    from .render.pictures import Responsive

Focus = tuple[float, float] | None


@dataclass(frozen=True)
class Document:
    """An entry placed in the site: its URL, its image's size, whether it is scheduled."""

    entry: Entry
    url: str
    image: ImageInfo | None
    scheduled: bool
    resolved: tuple[str, ...] = ()  # URLs its references (post_url, ref…) resolved to: its page shows them

    @property
    def noindex(self) -> bool:
        return self.entry.draft or self.scheduled or self.entry.placement.unlisted  # unlisted: linked from nowhere, not for search engines either


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str
    posts: tuple[Document, ...]
    page: str = ""  # its page's URL when the site keeps its own (Pelican's /tag/<slug>.html)

    @property
    def url(self) -> str:
        return self.page or f"/tags/{self.slug}/"


@dataclass(frozen=True, eq=False)
class Site:
    """The site model. ``assemble`` places the entries; the build's assemble stage then derives the
    facts every page shares (``pipeline/assemble.py``): nothing about a site is cached on the side."""

    config: Config
    posts: tuple[Document, ...]  # newest first
    pages: tuple[Document, ...]
    tags: tuple[Tag, ...]
    years: Mapping[int, Mapping[int, tuple[Document, ...]]]  # year -> month -> posts, newest first
    now: datetime
    default_image: ImageInfo | None
    logo: ImageInfo | None
    home: Document | None = None  # the content folder's index: the home page's intro
    resources: Mapping[str, str] = field(default_factory=dict)  # site path -> file beside a page (Hugo bundles)
    groups: tuple[Any, ...] = ()  # Hugo's section and taxonomy list pages (origins.groups.Group)
    translations: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # URL -> (language, URL) of each version
    pictures: Mapping[str, Responsive | None] = field(default_factory=dict)  # image src -> responsive set (None: as is)
    social: Mapping[tuple[str, Focus], Job | None] = field(default_factory=dict)  # (image src, focus) -> 1200×630 crop
    outlets: tuple[OutletSummary, ...] = ()  # every outlet cited, most cited first
    # Every outlet as written in a post (or a "Read More" domain) -> as /sources/ lists it
    # (``pages.outlet_names``): derived from the posts and outlets above, so keys need not walk it.
    outlet_names: Mapping[str, Outlet] | None = field(default=None, compare=False)  # None: not derived yet
    newsroom: Newsroom | None = None  # authors, corrections, related posts, follow feeds (newsroom/model.py)

    def bodies(self) -> tuple[Document, ...]:
        """Every document with a body of its own: posts, pages, the home page's and each group's intro."""
        intros = tuple(group.intro for group in self.groups if group.intro is not None)
        return (*self.posts, *self.pages, *((self.home,) if self.home else ()), *intros)

    def file_at(self, src: str) -> Path | None:
        """The file a site path is served from: a page bundle's resource, else under static/."""
        found = self.resources.get(src) or self.resources.get(unquote(src))  # ![](Côte.svg) is written /C%C3%B4te.svg
        if found:
            return Path(found)
        path = inside(self.config.folder("static"), src)
        return path if path is None or path.is_file() or unquote(src) == src else inside(self.config.folder("static"), unquote(src))


def with_documents(site: Site, replaced: Mapping[int, Document]) -> Site:
    """``site`` with some documents swapped for others (``id(old) -> new``) wherever it holds them:
    posts, pages, the home page, sections, tags, the archive and the outlets' posts."""

    def swap(documents: tuple[Document, ...]) -> tuple[Document, ...]:  # untouched tuples stay themselves
        if not any(id(document) in replaced for document in documents):
            return documents
        return tuple(replaced.get(id(document), document) for document in documents)

    if not replaced:
        return site
    return replace(
        site,
        posts=swap(site.posts),
        pages=swap(site.pages),
        home=replaced.get(id(site.home), site.home) if site.home else None,
        groups=tuple(
            replace(group, documents=swap(group.documents), intro=replaced.get(id(group.intro), group.intro) if group.intro else None) for group in site.groups
        ),
        tags=tuple(tag if swap(tag.posts) is tag.posts else replace(tag, posts=swap(tag.posts)) for tag in site.tags),
        years={year: {month: swap(posts) for month, posts in months.items()} for year, months in site.years.items()},
        outlets=tuple(summary if swap(summary.posts) is summary.posts else replace(summary, posts=swap(summary.posts)) for summary in site.outlets),
    )


def _image_for(entry: Entry, static: Path, cache: dict[str, ImageInfo | str], resources: Mapping[str, str]) -> tuple[ImageInfo | None, Problem | None]:
    image = entry.image
    if image is None:
        return None, None
    if image.src not in cache:
        cache[image.src] = read_image(static, image.src, resources.get(image.src))
    found = cache[image.src]
    if isinstance(found, str):
        key = next((k for k in entry.key_lines if k.lower() in ("featuredimage", "image")), "featuredImage")
        return None, Problem(entry.source, image.line, f"{key}.src" if key == "featuredImage" else key, found)
    return found.with_alt(image.alt), None


def assemble(entries: Iterable[Entry], config: Config, options: BuildOptions, now: datetime, templates: Iterable[str]) -> tuple[Site, list[Problem]]:
    """Place entries at URLs, drop drafts and scheduled posts, check cross-page facts."""
    problems: list[Problem] = []
    static = config.folder("static")
    image_cache: dict[str, ImageInfo | str] = {}
    known_templates = set(templates)
    by_url: dict[str, Entry] = {}
    posts: list[Document] = []
    pages: list[Document] = []
    home: Document | None = None
    language_homes: list[Document] = []
    resources: dict[str, str] = passthrough_files(config) if config.origin.passthrough else {}
    if config.origin.kind == "eleventy" and config.origin.data_pages:  # a template paginating _data: a page per item
        from .origins.eleventy_pages import data_pages

        paged, paged_problems = data_pages(config)
        entries = [*entries, *paged]
        problems += paged_problems
    for entry in sorted(entries, key=lambda e: e.source):
        place = entry.placement
        scheduled = entry.scheduled(now)
        published_draft = entry.draft and config.origin.kind == "pelican"  # at DRAFT_SAVE_AS, noindex, in no list
        if (entry.draft and not options.drafts and not published_draft) or (scheduled and not (options.future or config.origin.future)):
            continue
        if entry.placement.hidden:
            continue
        if entry.expiry is not None and entry.expiry <= now:  # Hugo's expiryDate: taken down
            continue
        if entry.template not in known_templates:
            key = next((k for k in config.fields["template"] if k in entry.key_lines), "templateKey")
            if config.origin.kind and config.origin.page_template in known_templates and not place.home:
                # a page that is only a layout (PaperMod's archives.md, minimal-mistakes' year-archive.md) is the theme's list of posts
                layout_list = theme_listing(entry, config)
                empty = not entry.is_post and not entry.body.html.strip() and layout_lists_posts(entry.template, config)
                listed = ", listing the site's posts as its layout does" if empty else ""
                listed = f", listing {layout_list[1]} as its layout does" if layout_list else listed
                problems.append(
                    Problem(
                        entry.source,
                        entry.key_lines.get(key),
                        key,
                        f"no template {entry.template!r}; the page is "
                        f"shown with the generic page template {config.origin.page_template!r}{listed} (add templates/{entry.template}.html "
                        "to give it its own)",
                        warning=True,
                    )
                )
                entry = replace(entry, template=config.origin.page_template)
                if layout_list:  # after the page's own text, as minimal-mistakes' collection, category and tag layouts show it
                    body = entry.body
                    shown = body.html + layout_list[0]
                    entry = replace(entry, body=RenderedMarkdown(shown, body.summary, body.citations, body.links, body.headings, body.read_more, body.images))
                elif listed:
                    entry = replace(entry, body=RenderedMarkdown(post_listing(), entry.body.summary, (), (), (), None, ()))
            elif not place.home:
                problems.append(
                    Problem(
                        entry.source,
                        entry.key_lines.get(key),
                        key,
                        f"no template {entry.template!r}{did_you_mean(entry.template, known_templates)}; expected one of "
                        f"{', '.join(sorted(known_templates))} (or add templates/{entry.template}.html)",
                    )
                )
                continue
        url = entry_url(entry, config)
        wrong = output_path_problem(url.strip("/")) if url.strip("/") else None
        if wrong:
            key = next((k for k in config.fields["slug"] if k in entry.key_lines), "slug")
            problems.append(Problem(entry.source, entry.key_lines.get(key), key, f"URL {url}: {wrong} (shorten the slug, or the file name it comes from)"))
            continue
        if url in by_url:
            problems.append(
                Problem(
                    entry.source,
                    entry.key_lines.get("slug"),
                    "slug",
                    f"URL {url} is also the URL of {by_url[url].source}; expected each post and page to have its own (set a different slug)",
                )
            )
            continue
        by_url[url] = entry
        if place.bundle or (config.origin.kind == "hugo" and entry.source.endswith("/_index.md")):
            beside = resource_folder(url, config.origin.kind == "hugo" and place.bundle)
            own = bundle_resources(config.root / entry.source, beside)
            resources.update(own)
            featured = featured_resource(own, beside) if config.origin.kind == "hugo" and entry.image is None else None
            if featured:  # Hugo's page image: a bundle's *feature*, *cover* or *thumbnail* file
                entry = replace(entry, image=FeaturedImage(featured, "", None))
        if entry.image is not None and not entry.image.src.startswith("/") and config.origin.kind == "jekyll" and ":" not in entry.image.src:
            entry = replace(entry, image=entry.image._replace(src="/" + entry.image.src.removeprefix("./")))  # themes give it relative_url: the site's root
        outside = outside_file(entry.image.src, entry.source, config) if entry.image is not None else None
        if entry.image is not None and outside is not None:  # cover: ../images/x.png, from the file's own folder
            resources[outside[0]] = outside[1]
            entry = replace(entry, image=entry.image._replace(src=outside[0]))
        if entry.image is not None and not entry.image.src.startswith("/"):
            folder = resource_folder(url, config.origin.kind == "hugo" and place.bundle)
            entry = replace(
                entry, image=entry.image._replace(src=folder + entry.image.src.removeprefix("./"))
            )  # beside the page (a bundle's cover, ./hero.png)
        image, problem = _image_for(entry, static, image_cache, resources)
        if problem and config.origin.kind:  # an adopted site keeps building: the page goes without the missing image
            problems.append(replace(problem, message=problem.message + "; the page is published without it", warning=True))
            entry = replace(entry, image=None)
        elif problem:
            problems.append(problem)
        document = Document(entry, url, image, scheduled)
        if place.home and url != "/":
            language_homes.append(document)  # /fr/: the intro of that language's home list
        elif place.home:
            home = document
        else:
            (posts if entry.is_post else pages).append(document)

    posts.sort(key=lambda d: (d.entry.date, d.entry.source), reverse=True)
    if config.origin.kind == "eleventy":  # a list paginating posts: its pages after the first
        from .origins.eleventy_pages import later_pages

        later, later_problems = later_pages(pages, posts, set(by_url) | {document.url for document in (*posts, *pages)}, config)
        pages += later
        problems += later_problems
    pages.sort(key=lambda d: (d.entry.title.lower(), d.entry.source))
    reserved = {"/", "/tags/", "/archive/", "/page/", "/404.html", "/sources/", "/search/", "/pagefind/", "/_images/", "/authors/", "/corrections/", "/feeds/"}
    reserved |= set(config.origin.not_found_urls)  # the 404 page where the adopted site's generator wrote it
    for document in pages:
        if document.url in reserved and config.origin.kind:  # an adopted site's tags or archive page: masthead's stands in
            problems.append(_left_out(document, config))
        elif document.url in reserved:
            problems.append(
                Problem(
                    document.entry.source, document.entry.key_lines.get("slug"), "slug", f"URL {document.url} is used by masthead itself; expected another slug"
                )
            )
    if config.origin.kind:
        pages = [document for document in pages if document.url not in reserved]

    site_images = []
    for key in ("default_image", "logo"):
        src = getattr(config, key)
        found = read_image(static, src) if src else None
        if isinstance(found, str):
            problems.append(Problem("masthead.toml", None, key, found))
            found = None
        site_images.append(found)

    tagged = [*posts, *pages] if config.origin.kind == "hugo" else posts  # Hugo: a page's tags are terms too
    if config.origin.kind == "hugo" and config.origin.languages:  # each other language's terms are under /<lang>/tags/ (origins/groups.py)
        tagged = [document for document in tagged if document.entry.placement.lang in ("", config.origin.languages[0])]
    same_tag = tag_key(config)
    tags = _tags(tagged, config.tags, same_tag) if "term" not in config.origin.disabled_lists else ()  # Hugo's disableKinds "term": no tag pages
    hugo_tags = config.origin.term_permalinks.get("tags", "/tags/{slug}/") if config.origin.kind == "hugo" else ""  # [permalinks.term]
    tag_pattern = config.origin.tag_permalink or hugo_tags  # Hugo's terms are urlized: /tags/c++/
    if tag_pattern:  # the adopted site's own tag URLs, listing the main site's posts
        from .origins.terms import listed_in, term_url

        if config.origin.languages:  # Pelican lists no translation on its tag pages (one only translations have keeps them)
            main = {tag.slug: tag for tag in _tags([post for post in posts if listed_in(post, config) == ""], config.tags, same_tag)}
            tags = tuple(main.get(tag.slug, tag) for tag in tags)
        written = {same_tag(name): name for post in reversed(tagged) for name in post.entry.tags}  # as a post wrote it
        tags = tuple(replace(tag, page=term_url(tag_pattern, written[tag.slug], config)) for tag in tags)
    if config.origin.data_tags and "all" not in config.origin.not_tags and tags and not any(tag.slug == "all" for tag in tags):
        tags = _all_tag(tags, tuple(posts), tag_pattern, config)  # Eleventy pages collections.all too, unless its filter names it
    topics = {tag.url for tag in tags}
    if config.origin.kind and any(document.url in topics for document in pages):  # a Jekyll site's own tags/news.html: masthead's topic page
        problems += [_left_out(document, config, " (the topic page)") for document in pages if document.url in topics]
        pages = [document for document in pages if document.url not in topics]
    for tag in tags:
        wrong = output_path_problem(tag.url.strip("/"))
        if wrong:
            entry = tag.posts[0].entry
            key = next((k for k in config.fields["tags"] if k in entry.key_lines), "tags")
            problems.append(Problem(entry.source, entry.key_lines.get(key), key, f"the topic {tag.name!r} would be at {tag.url}: {wrong} (shorten the topic)"))
    groups: tuple[Any, ...] = ()
    kept_pages = tuple(pages)
    if config.origin.kind in ("hugo", "gatsby"):  # Hugo's section lists; the Gatsby starter's blog/index.js
        from .content.permalinks import hugo_term_urlize, hugo_urlize
        from .origins.groups import gatsby_list_sections, hugo_groups

        sections_listed = gatsby_list_sections(config) if config.origin.kind == "gatsby" else None
        groups, kept_pages = hugo_groups(
            tuple(posts),
            kept_pages,
            config.origin.languages,
            config.origin.ugly_urls,
            config.origin.taxonomies,
            config.origin.disabled_lists,
            config.origin.kind == "hugo",
            sections_listed,
            config.origin.section_lists,
            config.origin.term_permalinks,
            config.origin.taxonomy_lists,
            hugo_urlize(config),
            hugo_term_urlize(config),
        )
    if config.origin.kind == "jekyll":  # jekyll-paginate-v2's paginated pages: lists of the posts
        from .origins.jekyll_paginate import paginated_lists

        paginated, kept_pages, paginate_problems = paginated_lists(tuple(posts), kept_pages, config)
        groups, problems = (*groups, *paginated), problems + paginate_problems
    if config.origin.category_permalink or config.origin.author_permalink or config.origin.tag_permalink:  # Pelican's category and author pages
        from .origins.terms import term_groups

        for group in term_groups(tuple(posts), config):
            wrong = output_path_problem(group.url.strip("/"))
            if wrong:  # a category or author name too long for a file name: the posts stay, without that list
                first = group.documents[0].entry
                key = next((k for k in first.key_lines if k.lower() in (group.kind, group.kind + "s")), group.kind)
                problems.append(Problem(first.source, first.key_lines.get(key), key, f"{group.title!r} would be at {group.url}: {wrong}", warning=True))
            else:
                groups = (*groups, group)
    translations: dict[str, tuple[tuple[str, str], ...]] = {}
    if config.origin.languages:
        from .origins.languages import language_groups, translation_sets

        groups = (*language_groups(tuple(posts), tuple(language_homes), config), *groups)
        translations = translation_sets((*posts, *pages, *((home,) if home else ()), *language_homes), config)
    return Site(
        config, tuple(posts), kept_pages, tags, years_of(posts, config), now, site_images[0], site_images[1], home, resources, groups, translations
    ), problems


def _left_out(document: Document, config: Config, what: str = "") -> Problem:
    """The warning for an adopted site's page at one of masthead's own URLs, at the line that named the
    URL, or the file's first when its name did (Chirpy's ``_tabs/tags.md``, by its folder's permalink)."""
    lines = document.entry.key_lines
    line = next((lines[key] for key in ("permalink", *config.fields["slug"]) if key in lines), 1)
    message = f"URL {document.url} is masthead's own page{what}; this page is left out and masthead's stands in"
    return Problem(document.entry.source, line, "permalink", message, warning=True)


def tag_name(written: str, names: Mapping[str, tuple[str, ...]]) -> str:
    """A tag's display name: the config's ``[tags]`` entry (by slug), else as written, or a
    humanised slug when it was written as one ("north-korea" shows as "North Korea")."""
    slug = slugify(written)
    for key, shown in names.items():
        if slugify(key) == slug:
            return shown[0]
    if written != written.lower() or " " in written:
        return written
    return " ".join(word[:1].upper() + word[1:] for word in written.replace("_", "-").split("-") if word)


def _all_tag(tags: tuple[Tag, ...], posts: tuple[Document, ...], pattern: str, config: Config) -> tuple[Tag, ...]:
    from .origins.terms import term_url

    every = Tag(tag_name("all", config.tags), "all", posts, term_url(pattern, "all", config) if pattern else "")
    return tuple(sorted((*tags, every), key=lambda tag: tag.slug))


def tag_key(config: Config) -> Callable[[str], str]:
    """What makes two written tags one: their slug, or on a Hugo site the path Hugo gives the term ("C++" and
    "C#" are two, c++ and c%23)."""
    if config.origin.kind == "hugo":
        from .content.permalinks import hugo_term_urlize

        return hugo_term_urlize(config)
    return slugify


def _tags(posts: list[Document], names: Mapping[str, tuple[str, ...]], key: Callable[[str], str] = slugify) -> tuple[Tag, ...]:
    grouped: dict[str, list[Document]] = defaultdict(list)
    shown: dict[str, str] = {}
    for post in posts:
        for written in post.entry.tags:
            slug = key(written)
            shown.setdefault(slug, tag_name(written, names))
            grouped[slug].append(post)
    return tuple(Tag(shown[slug], slug, tuple(grouped[slug])) for slug in sorted(grouped))


def years_of(posts: Iterable[Document], config: Config) -> dict[int, dict[int, tuple[Document, ...]]]:
    grouped: dict[int, dict[int, list[Document]]] = defaultdict(lambda: defaultdict(list))
    for post in posts:
        local = config.local(post.entry.date)
        grouped[local.year][local.month].append(post)
    return {year: {month: tuple(grouped[year][month]) for month in sorted(grouped[year], reverse=True)} for year in sorted(grouped, reverse=True)}
