"""Hugo's list pages' other outputs: their RSS feeds at Hugo's paths (``[origin] list_feeds``, written
by ``masthead init``), and the redirect Hugo writes from each list's first page (``/post/page/1/``).

Hugo gives the home page, every section, every taxonomy and every term an RSS output by default
(``outputs``: ``["html", "rss"]`` for those kinds), named ``index.xml`` beside the list's
``index.html``: ``/index.xml``, ``/posts/index.xml``, ``/tags/x/index.xml``, ``/fr/index.xml``. The
RSS format is ``noUgly``: with uglyURLs the list ``/posts.html`` keeps its feed at ``/posts/index.xml``.
Readers subscribed to those addresses keep getting posts. Each feed is made by the site feeds' own
code (``render/feeds.py``) from the newest posts of its list.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..render import feeds
from ..render.pages import file_path
from ..site import Document, Site, tag_name
from ..timestamps import iso

if TYPE_CHECKING:
    from ..render.redirects import Redirect


def feed_path(url: str) -> str:
    """The output path of a list page's RSS: ``/posts/`` and ``/posts.html`` -> ``posts/index.xml``."""
    folder = url.removesuffix(".html").strip("/")
    return f"{folder}/index.xml" if folder else "index.xml"


def list_kind(url: str, config_taxonomies: tuple[str, ...], languages: tuple[str, ...]) -> str:
    """Hugo's kind of a list page, read from its URL: home, taxonomy, term or section."""
    parts = url.removesuffix(".html").strip("/").split("/")
    if parts and parts[0] in languages:
        parts = parts[1:]  # /fr/posts/: the French posts section
    if parts in ([], [""]):
        return "home"
    if parts[0] in ("tags", *config_taxonomies):
        return "taxonomy" if len(parts) == 1 else "term"
    return "section"


def _lists(site: Site) -> list[tuple[str, str, str, tuple[Document, ...]]]:
    """(kind, title, list page URL, posts) of every list page of the site."""
    config = site.config
    languages = config.origin.languages
    default = languages[0] if languages else ""
    home = tuple(post for post in site.posts if not default or post.entry.placement.lang in ("", default))
    lists = [("home", config.title, "/", home)]
    for group in site.groups:
        lists.append((list_kind(group.url, config.origin.taxonomies, languages), group.title, group.url, group.documents))
    listed = {url for _, _, url, _ in lists}
    for page in site.pages:  # a nested section (docs/settings/_index.md) is a page here; Hugo gives it a feed too
        if page.entry.source.rsplit("/", 1)[-1].startswith("_index.") and page.url not in listed:
            below = tuple(post for post in site.posts if post.url.startswith(page.url.removesuffix(".html").rstrip("/") + "/"))
            lists.append(("section", page.entry.title, page.url, below))
    if site.tags:
        tagged = {id(post): post for tag in site.tags for post in tag.posts}
        lists.append(("taxonomy", "Tags", "/tags.html" if config.origin.ugly_urls else "/tags/", tuple(post for post in site.posts if id(post) in tagged)))
    lists += [("term", tag.name, tag.url, tag.posts) for tag in site.tags]
    return lists


def hugo_feeds(site: Site) -> list[tuple[str, bytes]]:
    """Every list page's RSS whose kind ``[origin] list_feeds`` names: (path in the output folder, bytes)."""
    config = site.config
    made: dict[str, bytes] = {}
    published = {id(post) for post in site.posts if not post.noindex}
    for kind, title, url, documents in _lists(site):
        path = feed_path(url)
        if kind not in config.origin.list_feeds or path in made:
            continue
        posts = tuple(document for document in documents if id(document) in published)[: config.feed_size]
        shown = title if kind == "home" else f"{title} on {config.title}"  # Hugo's default RSS title
        folder = path.removesuffix("index.xml")
        lang = folder.split("/")[0] if folder.split("/")[0] in config.origin.languages else ""
        about = feeds.Channel(shown, config.description, config.absolute_url(url), folder, lang or config.language, path)
        made[path] = feeds.rss(site, about, posts)
    return sorted((file_path(path), data) for path, data in made.items())


def first_page_redirects(site: Site) -> list[Redirect]:
    """Hugo's paginator writes a list's page 1 (``/post/page/1/``, ``/tags/x/page/1/``; with uglyURLs
    ``/post/page/1.html`` beside ``/post.html``) as a redirect to the list itself (home, section and term
    lists); links to those keep working."""
    from ..render.redirects import Redirect

    config = site.config
    first = config.page_path.replace("{number}", "1")
    urls = dict.fromkeys(url for kind, _, url, _ in _lists(site) if kind != "taxonomy")  # themes list every term on one page
    source = config.origin.config_file or "masthead.toml"
    return [Redirect(f"{url.removesuffix('.html').rstrip('/')}/{first}", url, 301, source, None) for url in urls if url.endswith(("/", ".html"))]


def folder_list_redirects(site: Site) -> list[Redirect]:
    """Hugo before 0.168 wrote an uglyURLs site's section and taxonomy lists as files (``/posts.html``), which
    masthead keeps, as sites built over the years link to them; Hugo 0.168 writes them as folders (``/posts/``):
    those send readers on to the files, so both addresses work. (The root's ``/tags/`` is masthead's own page.)"""
    from ..render.redirects import Redirect

    if not site.config.origin.ugly_urls:
        return []
    source = site.config.origin.config_file or "masthead.toml"
    kept = dict.fromkeys(url for kind, _, url, _ in _lists(site) if kind in ("section", "taxonomy") and url.endswith(".html") and url != "/tags.html")
    return [Redirect(url.removesuffix(".html") + "/", url, 301, source, None) for url in kept]


def default_language_redirects(site: Site) -> list[Redirect]:
    """A multilingual Hugo site without ``defaultContentLanguageInSubdir`` writes ``/en/`` (its default
    language's folder) as a redirect to the root, where that language's home is."""
    from ..render.redirects import Redirect
    from .data import default_language_in_subdir

    languages = site.config.origin.languages
    if len(languages) < 2 or default_language_in_subdir(site.config):  # one language: no folder of its own
        return []
    return [Redirect(f"/{languages[0]}/", "/", 301, site.config.origin.config_file or "masthead.toml", None)]


def home_json(site: Site) -> list[tuple[str, bytes]]:
    """``/index.json``, Hugo's JSON output of the home page (``[outputs] home = ["HTML", "RSS", "JSON"]``),
    which themes make their search index of: every published regular page, posts newest first, with the
    fields PaperMod's and LoveIt's templates write (title, uri, permalink, date, summary, content, tags, categories)."""
    config = site.config
    items: list[dict[str, Any]] = []
    for document in (*site.posts, *site.pages):
        if document.noindex:
            continue
        entry = document.entry
        items.append(
            {
                "title": entry.title,
                "uri": document.url,
                "permalink": config.absolute_url(document.url),
                "date": iso(entry.date),
                "summary": entry.teaser,
                "content": entry.body.text,
                "tags": [tag_name(tag, config.tags) for tag in entry.tags],
                "categories": list(entry.placement.categories),
            }
        )
    return [("index.json", (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))]
