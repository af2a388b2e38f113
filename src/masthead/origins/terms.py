"""Pages per tag, category and author at the URLs an adopted site had: Pelican's ``tag/{slug}.html``,
``category/{slug}.html`` and ``author/{slug}.html`` (its TAG_SAVE_AS, CATEGORY_SAVE_AS and
AUTHOR_SAVE_AS, which ``masthead init`` writes as ``[origin]`` patterns).

A term's slug is made as the generator makes it (Pelican's slugify); a post's category is its
``Category:``, else its folder's name, else the site's default category (``placement.categories``);
its authors are its ``Author:``/``Authors:``, else the site's default byline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..config import Config
from ..content.markdown import pelican_slug, slugify
from ..content.permalinks import hugo_term_urlize
from ..site import Document, Site, Tag
from .groups import Group, _order, _prefix

if TYPE_CHECKING:
    from ..render.pages import Page, SiteView


def term_slug(name: str, config: Config) -> str:
    """A term's slug as its generator makes it: Pelican's slugify, Hugo's urlize ("C++" is c++), else masthead's."""
    return {"pelican": pelican_slug, "hugo": hugo_term_urlize(config)}.get(config.origin.kind, slugify)(name)


def term_url(pattern: str, name: str, config: Config) -> str:
    """The page of the term ``name`` at ``pattern`` (``/category/{slug}.html``)."""
    return pattern.replace("{slug}", term_slug(name, config))


def post_authors(post: Document, config: Config) -> tuple[str, ...]:
    names = tuple(name for name, _ in post.entry.placement.authors)
    return names or ((config.author.name,) if config.author.name else ())


def listed_in(post: Document, config: Config) -> str | None:
    """The (sub-)site whose lists show the post: "" the main site, "/de" an i18n_subsites sub-site; None
    for a translation at ARTICLE_LANG_URL, which Pelican keeps off its tag, category and author pages."""
    languages = config.origin.languages
    lang = post.entry.placement.lang
    if not languages or lang in ("", languages[0]):
        return ""
    return _prefix(post, languages) or None


def _own_page(kind: str, pattern: str, name: str, post: Document) -> str:
    """The page a post's byline names for its author when it is one at ``pattern`` (a Ghost import's
    ``{name: Ines Okafor, url: /author/ines/}``: Ghost's user slug, not the name's), else ""."""
    if kind != "author":
        return ""
    pages = re.compile(re.escape(pattern).replace(re.escape("{slug}"), r"[^/]+"))
    return next((url for written, url in post.entry.placement.authors if written == name and pages.fullmatch(url)), "")


def _groups(kind: str, pattern: str, named: list[tuple[str, Document]], config: Config) -> list[Group]:
    by_url: dict[str, dict[int, Document]] = defaultdict(dict)
    names: dict[str, str] = {}
    for name, post in named:
        prefix = listed_in(post, config)
        if prefix is None:
            continue
        url = prefix + (_own_page(kind, pattern, name, post) or term_url(pattern, name, config))
        names.setdefault(url, name)
        by_url[url][id(post)] = post
    return [Group(names[url], url, _order(list(by_url[url].values())), kind=kind) for url in sorted(by_url)]


def term_groups(posts: tuple[Document, ...], config: Config) -> tuple[Group, ...]:
    """A list page per category and per author, when the site has patterns for them."""
    origin = config.origin
    groups: list[Group] = []
    if origin.category_permalink:
        every = config.origin.kind == "jekyll"  # jekyll-archives: a page per category a post is in; Pelican's one category
        categories = [(category, post) for post in posts for category in post.entry.placement.categories[: None if every else 1]]
        groups += _groups("category", origin.category_permalink, categories, config)
    if origin.author_permalink:
        groups += _groups("author", origin.author_permalink, [(name, post) for post in posts for name in post_authors(post, config)], config)
    if origin.tag_permalink and origin.languages:  # a sub-site's own tag pages (the main site's are site.tags)
        named = [(tag, post) for post in posts if listed_in(post, config) for tag in post.entry.tags]
        groups += _groups("tag", origin.tag_permalink, named, config)
    return tuple(groups)


def link_target(kind: str, name: str, config: Config) -> str | None:
    """Where ``{tag}x``, ``{category}x`` or ``{author}x`` goes: the term's page, None when the site makes none."""
    pattern = {"tag": config.origin.tag_permalink, "category": config.origin.category_permalink, "author": config.origin.author_permalink}[kind]
    if pattern:
        return term_url(pattern, name, config)
    return f"/tags/{slugify(name)}/" if kind == "tag" and "term" not in config.origin.disabled_lists else None


def index_pages(site: Site, view: SiteView) -> list[tuple[Callable[[], Page], str]]:
    """Pelican's direct templates at their SAVE_AS: every tag, category or author with its count, and
    every article (``tags.html``, ``categories.html``, ``authors.html``, ``archives.html``)."""
    from ..render import pages

    made: list[tuple[Callable[[], Page], str]] = []
    config = site.config
    sites = sorted({prefix for prefix in (listed_in(post, config) for post in site.posts) if prefix is not None} | {""})  # "", "/de"
    for prefix in sites:
        for name, url in sorted(config.origin.index_pages.items()):
            url = prefix + url
            if name == "archives":
                posts = tuple(post for post in site.posts if listed_in(post, config) == prefix)
                listing = pages.Listing("Archives", f"Every post of {config.title}.", posts, pages.Pagination(1, 1, "", ""), "section")
                made.append((partial(pages.listing_page, site, view, pages.ListingPage(url, listing)), f"the archives page {url}"))
                continue
            kind = "category" if name == "categories" else name[:-1]
            terms: tuple[Tag | Term, ...]
            if not _has_pages(kind, config):
                terms = _unlinked(kind, site.posts, prefix, config)
            elif kind == "tag" and not prefix:
                terms = site.tags
            else:
                inside = [
                    group
                    for group in site.groups
                    if getattr(group, "kind", "") == kind
                    and (group.url.startswith(prefix + "/") if prefix else not any(group.url.startswith(other + "/") for other in sites if other))
                ]
                terms = tuple(Tag(group.title, group.url, group.documents, group.url) for group in inside)
            made.append((partial(_terms_page, site, view, url, name.title(), terms), f"the {name} page {url}"))
    return made


@dataclass(frozen=True)
class Term:
    """A tag, category or author listed on Pelican's ``tags.html``… when the site makes no page for it
    (TAG_SAVE_AS = ''): its name and count, with no link."""

    name: str
    posts: tuple[Document, ...]
    url: str = ""


def _has_pages(kind: str, config: Config) -> bool:
    if kind == "tag":
        return bool(config.origin.tag_permalink) or "term" not in config.origin.disabled_lists
    return bool(config.origin.category_permalink if kind == "category" else config.origin.author_permalink)


def _unlinked(kind: str, posts: tuple[Document, ...], prefix: str, config: Config) -> tuple[Term, ...]:
    """Every term of ``kind`` the (sub-)site's posts have, grouped by slug as their pages would be, by name."""
    grouped: dict[str, list[Document]] = defaultdict(list)
    names: dict[str, str] = {}
    for post in posts:
        if listed_in(post, config) != prefix:
            continue
        written = post.entry.tags if kind == "tag" else post.entry.placement.categories[:1] if kind == "category" else post_authors(post, config)
        for name in dict.fromkeys(written):
            slug = term_slug(name, config)
            names.setdefault(slug, name)
            grouped[slug].append(post)
    return tuple(Term(names[slug], _order(grouped[slug])) for slug in sorted(grouped))


def _terms_page(site: Site, view: SiteView, url: str, title: str, terms: tuple[Tag | Term, ...]) -> Page:
    from ..render import pages

    head = pages.list_head(site, title, f"Every {title.lower()[:-1] if title != 'Categories' else 'category'} of {site.config.title}.", url)
    return pages.Page(pages.output_path(url), "tags.html", {"site": view, "tags": terms, "heading": title}, head)
