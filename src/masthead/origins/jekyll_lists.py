"""Jekyll's lists of documents in Liquid: ``site.posts``, ``site.<collection>``, ``site.categories.x``,
``site.tags.x``, ``site.pages``, ``site.documents``, ``site.collections`` and ``paginator.posts``.

Pages are parsed one by one, so a page whose tags read one of these lists is parsed with them empty
and marked (``liquid.SITE_LISTS_MARKER``); once every page is placed, it is rendered again here with
the lists filled in, each document with what Jekyll's templates use: its front matter (with
``defaults``), ``title``, ``url``, ``date``, ``excerpt``, ``content``, ``collection``, ``categories``,
``tags``. As Jekyll orders them (jekyllrb.com/docs/collections/, ``Document#<=>``): ``site.posts``
newest first, a collection's documents by date then path, oldest first; ``site.categories`` and
``site.tags`` map each name to its posts, newest first. A collection without ``output: true`` has no
pages: its documents are read from their files, with no ``url`` and their Markdown as ``content``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from ..config import Config
from ..content import frontmatter
from ..content.bodies import REFERENCE_SCHEME, render_body
from ..content.entries import to_datetime
from ..content.liquid import SITE_LISTS_MARKER
from ..content.liquid_lists import SITE_LISTS
from ..errors import Problem
from ..filestamp import file_stamp
from ..site import Document, Site
from .data import origin_config
from .jekyll_site import declared_collections

# the names of site.* that are lists of documents (each collection's name besides)
LISTS = frozenset({"posts", "pages", "html_pages", "documents", "collections", "categories", "tags", "related_posts", "static_files", "time"})
_DATED = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})-(.+)$")  # Jekyll's DATE_FILENAME_MATCHER, for any collection's documents
_FIRST_PARAGRAPH = re.compile(r"<p>.*?</p>", re.DOTALL)


def marked(document: Document) -> bool:
    """A page whose tags read the site's lists: rendered again once they are known."""
    return SITE_LISTS_MARKER in document.entry.body.html


@lru_cache(maxsize=1024)
def _front_matter(path: str, stamp: tuple[int, int]) -> tuple[Mapping[str, Any], str, int]:
    """A document's front matter, body text and the body's first line; empty when it cannot be read
    (its own parse says why)."""
    try:
        parts = frontmatter.split(Path(path).read_text(encoding="utf-8"), path)
        return frontmatter.parse(parts, path), parts.body, parts.body_line
    except (OSError, UnicodeDecodeError, frontmatter.FrontMatterError):
        return {}, "", 1


def _read(source: str, config: Config) -> tuple[Mapping[str, Any], str, int]:
    from .jekyll_site import _defaults, document_kind

    path = config.root / source
    try:
        front, body, line = _front_matter(str(path), file_stamp(path))
    except OSError:
        front, body, line = {}, "", 1
    return {**_defaults(source, document_kind(source, config), config), **front}, body, line


def _item(document: Document, kind: str, config: Config) -> dict[str, Any]:
    entry = document.entry
    front, _, _ = _read(entry.source, config)
    html = re.sub(re.escape(REFERENCE_SCHEME) + r"\d+", "#", entry.body.html.replace(SITE_LISTS_MARKER, ""))  # another page's unresolved links
    first = _FIRST_PARAGRAPH.search(html)
    path = PurePosixPath(entry.source)
    return {
        **entry.extra,
        **front,
        "title": front.get("title") or entry.title,
        "url": document.url,
        "date": entry.date,
        "excerpt": front.get("excerpt") or (first.group(0) if first else ""),
        "content": html,
        "collection": kind,
        "categories": list(entry.placement.categories),
        "tags": list(entry.tags),
        "slug": entry.slug,
        "path": entry.source,
        "relative_path": entry.source,
        "name": path.name,
        "id": document.url.removesuffix(".html").rstrip("/") or "/",
        "draft": entry.draft,
    }


def _unpublished(name: str, config: Config) -> list[dict[str, Any]]:
    """The documents of a collection Jekyll does not write (``output: false``), from their files."""
    base = str(origin_config(config).get("collections_dir") or "").strip("/")
    folder = config.root / base / f"_{name}"
    found = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if not path.is_file() or path.suffix not in (".md", ".markdown", ".html", ".htm") or path.name.startswith((".", "_")):
            continue
        source = path.relative_to(config.root).as_posix()
        front, body, line = _read(source, config)
        html = render_body(body, line, source, front, config)[0].html.replace(SITE_LISTS_MARKER, "")  # rendered, as Jekyll renders every document
        first = _FIRST_PARAGRAPH.search(html)
        dated = _DATED.match(path.stem)
        title = str(front.get("title") or (dated.group(2) if dated else path.stem).replace("-", " ").capitalize())
        moment = front.get("date") or ("-".join(part.zfill(2) for part in dated.group(1).split("-")) if dated else None)
        date = to_datetime(moment, config) if moment is not None else None  # (junk such as "\x1b" is no date: the document sorts last)
        found.append({**front, "title": title, "date": date, "url": None, "content": html, "collection": name, "path": source, "relative_path": source})
        found[-1].update(name=path.name, excerpt=front.get("excerpt") or (first.group(0) if first else ""), slug=dated.group(2) if dated else path.stem)
    return found


def _dated_first(item: Mapping[str, Any], dated: bool) -> tuple[Any, ...]:
    """Jekyll's order of a collection: by date (a document without one has the build's time, so it
    comes last), then by path."""
    moment = item.get("date")
    stamp = moment.timestamp() if dated and isinstance(moment, datetime) else float("inf")
    return (stamp, str(item.get("path")))


def site_lists(site: Site, language: str = "") -> dict[str, Any]:
    """``site.*`` lists and ``paginator`` of an assembled site, as Liquid reads them; on a multilingual
    site (jekyll-polyglot) the documents of ``language`` only, as polyglot's build of that language has."""
    from .jekyll_site import collections, document_kind

    config = site.config
    default = config.origin.languages[0] if config.origin.languages else ""

    def shown(document: Document) -> bool:
        return (document.entry.placement.lang or default) == (language or default)

    posts = [_item(document, "posts", config) for document in site.posts if shown(document)]
    lists: dict[str, Any] = {"posts": posts, "related_posts": posts[:10]}
    # site.time, Jekyll's build time: the newest post's date, so that the same sources build the same bytes
    lists["time"] = site.posts[0].entry.date if site.posts else datetime(1970, 1, 1, tzinfo=UTC)
    documents: list[dict[str, Any]] = []
    written = collections(config)
    for name in sorted(declared_collections(config)):
        if name in written:
            own = [document for document in site.pages if document_kind(document.entry.source, config) == name and shown(document)]
            items = [_item(document, name, config) for document in own]
            dated = {item["path"] for item, document in zip(items, own, strict=True) if _has_date(document, config)}
            items.sort(key=lambda item: _dated_first(item, item["path"] in dated))
        else:
            items = _unpublished(name, config)
            items.sort(key=lambda item: _dated_first(item, True))
        lists[name] = items
        documents += items
    lists["documents"] = documents + posts
    pages = [site.home, *site.pages] if site.home else list(site.pages)
    lists["pages"] = [_item(document, "pages", config) for document in pages if document_kind(document.entry.source, config) == "pages" and shown(document)]
    lists["html_pages"] = [page for page in lists["pages"] if str(page["url"]).endswith(("/", ".html"))]
    lists["static_files"] = _static_files(config)
    lists["collections"] = [{"label": name, "docs": lists[name], "output": name in written} for name in sorted(declared_collections(config))]
    lists["collections"].append({"label": "posts", "docs": posts, "output": True})
    for key, field in (("categories", "categories"), ("tags", "tags")):
        grouped: dict[str, list[dict[str, Any]]] = {}
        for post in reversed(posts):  # Jekyll's order of the names: as the oldest posts first have them; each name's posts newest first
            for name in post[field]:
                grouped.setdefault(str(name), []).insert(0, post)
        lists[key] = grouped
    lists["paginator"] = _paginator(posts, config)
    return lists


def _static_files(config: Config) -> list[dict[str, Any]]:
    """``site.static_files`` (a gallery's ``{% for image in site.static_files %}``): every file published as
    it is, with Jekyll's ``path``, ``name``, ``basename``, ``extname`` and ``modified_time``."""
    from .static import static_files

    found = []
    for source in static_files(config):
        path = PurePosixPath(source.relative)
        moment = datetime.fromtimestamp(source.stamp_ns / 1e9).astimezone()
        found.append({"path": "/" + source.relative, "name": path.name, "basename": path.stem, "extname": path.suffix, "modified_time": moment})
    return found


def collection_documents(site: Site, name: str) -> list[Document]:
    """A collection's pages as minimal-mistakes' collection layout lists them (``sort: "date" | reverse``):
    newest first, the undated ones last."""
    from .jekyll_site import document_kind

    own = [document for document in site.pages if document_kind(document.entry.source, site.config) == name]
    dated = sorted((document for document in own if _has_date(document, site.config)), key=lambda document: document.entry.date, reverse=True)
    return dated + sorted((document for document in own if document not in dated), key=lambda document: document.entry.source)


def _has_date(document: Document, config: Config) -> bool:
    front, _, _ = _read(document.entry.source, config)
    return "date" in front or _DATED.match(PurePosixPath(document.entry.source).stem) is not None


def paginated_page(config: Config) -> str:
    """The page jekyll-paginate paginates: ``index.html`` in the folder of ``paginate_path``
    (``/blog/page:num/`` → ``blog/index.html``)."""
    path = str(origin_config(config).get("paginate_path") or "/page:num/").strip("/")
    folder = PurePosixPath(path).parent.as_posix()
    return "index.html" if folder == "." else f"{folder}/index.html"


def _paginator(posts: list[dict[str, Any]], config: Config) -> dict[str, Any]:
    """jekyll-paginate's first page (``paginate`` posts, every post when it is not set)."""
    settings = origin_config(config)
    size = settings.get("paginate")
    size = size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else len(posts) or 1
    pages = max(1, -(-len(posts) // size))
    path = "/" + str(settings.get("paginate_path") or "/page:num/").strip("/").replace(":num", "2") + "/"
    return {
        "posts": posts[:size],
        "page": 1,
        "per_page": size,
        "total_posts": len(posts),
        "total_pages": pages,
        "previous_page": None,
        "previous_page_path": None,
        "next_page": 2 if pages > 1 else None,
        "next_page_path": path if pages > 1 else None,
    }


def rerender(document: Document, lists: Mapping[str, Any], config: Config) -> tuple[Document, list[Problem]]:
    """The page rendered again with the site's lists: its new body and references, and the Liquid
    warnings of its body (those of its parse were held back for this)."""
    from ..content.entries import parse_entry

    entry = document.entry
    try:
        raw = (config.root / entry.source).read_bytes()
    except OSError:
        return document, []
    if entry.source != paginated_page(config):  # jekyll-paginate sets paginator on that one page only
        lists = {key: value for key, value in lists.items() if key != "paginator"}
    token = SITE_LISTS.set(lists)
    try:
        result = parse_entry(entry.source, raw, config)
    finally:
        SITE_LISTS.reset(token)
    problems = [problem for problem in result.problems if (problem.field or "").startswith("Liquid")]
    if result.entry is None:
        return document, problems
    placement = entry.placement._replace(references=result.entry.placement.references)
    again = result.entry  # its description and teaser too, where they come from the body
    return replace(document, entry=replace(entry, body=again.body, description=again.description, teaser=again.teaser, placement=placement)), problems
