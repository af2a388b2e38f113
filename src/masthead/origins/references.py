"""Links between pages written as tags (``{% post_url %}``, ``{% link %}``, ``{{< ref >}}``), and
images beside a page, resolved once the site knows every URL.

A build step that takes the site model and returns its replacement (like ``links.publish``):
each ``masthead-ref:N`` in a body becomes the URL of the page it names, relative image paths
become site paths (so they are checked and made responsive), and a reference to no page or an
image that does not exist is a warning with its file and line.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote
from weakref import WeakKeyDictionary

from ..config import Config
from ..content.bodies import REFERENCE_SCHEME, TITLE_LINK
from ..content.entries import media_path
from ..content.markdown import ATTRIBUTE, IMG_TAG, Link, RenderedMarkdown, local_images, slugify
from ..content.placement import Reference
from ..errors import Problem
from ..render.relative_links import base_path
from ..site import Document, Site, with_documents
from .bundles import hugo_asset, outside_file, resource_folder
from .jekyll_lists import collection_documents, marked, rerender, site_lists
from .pelican_attach import attached_url

# the marker, with the list element the page wrote around its loop (<ul>{% for %}<li>…{% endfor %}</ul>), if any
_LISTING = re.compile(
    r'(<(ul|ol)\b[^>]*>\s*)?<div class="post-listing" data-(tags|categories|collection|section)="([^"]*)" data-count="(\d+)"'
    r'(?: data-offset="(\d+)")?( data-order="oldest")?( data-from="end")?></div>(?(2)\s*</\2>)'
)
_MARKER = re.compile(re.escape(REFERENCE_SCHEME) + r"(\d+)")
_RELATIVE_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")(?![a-z][a-z0-9+.-]*:|/|#)([^"]+)"')
_SITE_HREF = re.compile(r'(<a\b[^>]*?\shref=")(/[^"#?]*)"')
_MEDIA_TAG = re.compile(r"<(?:img|video|audio|source)\b[^>]*>")
# <a href="docs/guide.md#setup">, <a href="../README.md">: a link to another page's source file (jekyll-relative-links)
_SOURCE_FILE = re.compile(r"\.(?:md|markdown|mkd|mkdn|mdown)$", re.IGNORECASE)
_SOURCE_HREF = re.compile(r'(<a\b[^>]*?\shref=")(?![a-z][a-z0-9+.-]*:|//|#)([^"#?]+\.(?:md|markdown|mkd|mkdn|mdown))((?:#[^"]*)?)"', re.IGNORECASE)
_LOCAL_SRC = re.compile(r'(\s(?:src|poster)=")(?![a-z][a-z0-9+.-]*:|//|#)([^"]+)"')  # each of a tag's: <video src=… poster=…>


def _index(site: Site) -> dict[str, str]:
    """Every way a reference may name a page -> its URL: its path, its path in content/, its stem."""
    content = site.config.folders.content.strip("/")
    found: dict[str, str] = {}
    for document in site.bodies():
        source = document.entry.source
        inner = source[len(content) + 1 :] if content not in ("", ".") and source.startswith(content + "/") else source
        path = PurePosixPath(inner)
        names = [source, inner, "/" + inner, str(path.with_suffix("")), "/" + str(path.with_suffix(""))]
        if path.stem in ("index", "_index"):
            names += [str(path.parent), "/" + str(path.parent), str(path.parent) + "/"]
        for name in names:
            found.setdefault(name, document.url)
        found.setdefault("stem:" + path.stem, document.url)
        if "_posts" in path.parts:  # post_url names a post by its path inside _posts/, without extension
            found.setdefault("post:" + PurePosixPath(*path.parts[path.parts.index("_posts") + 1 :]).with_suffix("").as_posix(), document.url)
        if path.stem in ("index", "_index"):
            found.setdefault("stem:" + path.parent.name, document.url)
    return found


def _resolve(reference: Reference, index: dict[str, str], site: Site) -> str | None:
    target, _, anchor = reference.target.partition("#")
    suffix = f"#{anchor}" if anchor else ""
    if not target and anchor:
        return suffix
    by_post = index.get("post:" + target.strip("/")) if reference.kind == "post_url" else None
    url = by_post or index.get(target) or index.get(target.rstrip("/")) or index.get("stem:" + PurePosixPath(target).stem)
    if url is None and reference.kind == "link":  # Jekyll's {% link assets/cv.pdf %}: a static file, published at its path
        url = _static_file(target, site)
    if url is None:
        return None
    return (site.config.absolute_url(url) if reference.kind == "ref" else url) + suffix


_PUBLISHED: WeakKeyDictionary[Site, frozenset[str]] = WeakKeyDictionary()  # each site's static files, read once


def _static_file(target: str, site: Site) -> str | None:
    """The URL of a file the site publishes from its static folder at ``target`` (its path there: not
    ``_config.yml``, nor what ``exclude:`` names), None when there is none."""
    if site not in _PUBLISHED:
        from .static import static_files

        _PUBLISHED[site] = frozenset(source.relative for source in static_files(site.config))
    path = posixpath.normpath(target.strip().lstrip("/"))
    return "/" + quote(path) if path in _PUBLISHED[site] else None


def _line_naming(site: Site, source: str, src: str) -> int | None:
    """The first line of the source file that names the picture (its path as written, or its file name)."""
    try:
        lines = (site.config.root / source).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for needle in (src, PurePosixPath(src).name):
        for number, line in enumerate(lines, 1):
            if needle and needle in line:
                return number
    return None


def listed_posts(posts: Sequence[Document], name: str, field: str, language: str, config: Config) -> list[Document]:
    """The posts of the collection ``name``, newest first: a collection named after a tag (or a category)
    lists its posts; ``all``, and a collection no post is in (``posts``, made by a JavaScript data file
    masthead does not run), list every post, in the page's language on a multilingual site."""
    default = config.origin.languages[0] if config.origin.languages else ""
    posts = [post for post in posts if (post.entry.placement.lang or default) == (language or default)]
    wanted = slugify(name)
    named = (set(post.entry.placement.categories if field == "categories" else post.entry.tags) for post in posts)
    chosen = [post for post, values in zip(posts, named, strict=True) if wanted in {slugify(value) for value in values}]
    return posts if name == "all" else chosen if config.origin.kind == "jekyll" else chosen or posts


def _listing(match: re.Match[str], site: Site, language: str) -> str:
    """A loop over ``collections.x`` or ``site.posts``: the posts it names (``listed_posts``), as links."""
    field, name, count, offset = match.group(3), html.unescape(match.group(4)), int(match.group(5)), int(match.group(6) or 0)
    if field == "categories" and not name:  # minimal-mistakes' and Chirpy's `layout: categories`: every category and its posts
        return by_category(listed_posts(site.posts, "all", field, language, site.config))
    # a Jekyll collection's documents (minimal-mistakes' collection layout): newest first, undated last
    if field == "section":  # a Hugo theme's list of the page's own pages (hugo-book's section shortcode)
        listed = section_children(site, name, language)
    else:
        listed = collection_documents(site, name) if field == "collection" else listed_posts(site.posts, name, field, language, site.config)
    shown = (listed[::-1] if match.group(7) else listed)[offset:]  # data-order="oldest": an Eleventy collection, by date
    if match.group(8) and count:  # data-from="end": the last ones (head(-3))
        shown = shown[-count:]
    items = "".join(
        f'<li><a href="{html.escape(post.url)}">{html.escape(post.entry.title)}</a>{_time(post) if post.entry.is_post else ""}</li>\n'
        for post in shown[: count or None]
    )
    if match.group(1):  # the page's own list element
        return f"{match.group(1)}{items}</{match.group(2)}>"
    return f'<ul class="post-listing">\n{items}</ul>' if items else ""


def section_children(site: Site, folder: str, language: str) -> list[Document]:
    """The pages of the Hugo section in ``folder``, as its ``.Pages`` are: its regular pages and its
    subsections (their ``_index.md``), by weight (unweighted last), then newest, then title."""
    found = []
    for document in site.bodies():
        path = PurePosixPath(document.entry.source)
        bundle = path.stem.split(".")[0] in ("index", "_index")  # a leaf bundle's or a subsection's page: its folder is in the section
        container = path.parent.parent if bundle else path.parent
        if container.as_posix() == folder and (document.entry.placement.lang or language) == language and document is not site.home:
            found.append(document)
    return sorted(
        found,
        key=lambda document: (
            document.entry.placement.weight == 0,
            document.entry.placement.weight,
            -(document.entry.date.timestamp() if document.entry.is_post and document.entry.date else 0),
            document.entry.title,
        ),
    )


def by_category(posts: list[Document]) -> str:
    """The posts under a heading per category, the categories with most posts first (as minimal-mistakes'
    categories layout orders them), each heading's id its slug."""
    grouped: dict[str, list[Document]] = {}
    for post in posts:
        for category in post.entry.placement.categories:
            grouped.setdefault(category, []).append(post)
    shown = sorted(grouped.items(), key=lambda pair: (-len(pair[1]), pair[0].lower()))
    return "".join(
        f'<h2 id="{html.escape(slugify(name))}">{html.escape(name)}</h2>\n<ul class="post-listing">\n'
        + "".join(f'<li><a href="{html.escape(post.url)}">{html.escape(post.entry.title)}</a>{_time(post)}</li>\n' for post in members)
        + "</ul>\n"
        for name, members in shown
    )


def _time(post: Document) -> str:
    moment = post.entry.date
    return f' <time datetime="{moment.date().isoformat()}">{moment.day} {moment.strftime("%B %Y")}</time>'


def _unless_missing(match: re.Match[str], missing: set[str]) -> str:
    attributes = dict(ATTRIBUTE.findall(match.group(1)))
    src = html.unescape(attributes.get("src", "")).strip()
    if src and src.split("?")[0].split("#")[0] not in missing:
        return match.group(0)
    alt = attributes.get("alt", "")  # still escaped, as it was in the attribute
    return f'<span class="missing-image">{alt}</span>' if alt else ""


def _source_page(target: str, source: str, index: dict[str, str]) -> str | None:
    """The URL of the page made of the source file a link names (``docs/guide.md`` beside ``README.md``),
    as jekyll-relative-links (a GitHub Pages default) and GitHub's own view of a repository read it."""
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(source), target)
    return index.get(posixpath.normpath(path))


def _source_link(match: re.Match[str], source: str, index: dict[str, str]) -> str:
    url = _source_page(html.unescape(match.group(2)), source, index)
    return f'{match.group(1)}{html.escape(url)}{match.group(3)}"' if url else match.group(0)


def _source_links(links: tuple[Link, ...], source: str, index: dict[str, str]) -> tuple[Link, ...]:
    """The body's links, those naming a page's source file as that page's URL (so they are checked as it)."""
    found = []
    for link in links:
        target, hash_mark, fragment = link.url.partition("#")
        url = _source_page(target, source, index) if _SOURCE_FILE.search(target) and not re.match(r"[a-z][a-z0-9+.-]*:|//", target) else None
        found.append(link._replace(url=url + hash_mark + fragment) if url else link)
    return tuple(found)


def _rewrite(
    document: Document, index: dict[str, str], site: Site, base: str, written: frozenset[str], attached: dict[str, str]
) -> tuple[Document, list[Problem]]:
    entry = document.entry
    references = entry.placement.references
    body_html = entry.body.html
    problems: list[Problem] = []
    resolved: list[str] = []
    if references:

        def swap(match: re.Match[str]) -> str:
            reference = references[int(match.group(1))]
            url = (
                attached_url(reference, entry.source, document.url, site.config, attached)
                if reference.kind in ("static", "attach")
                else _resolve(reference, index, site)
            )
            if url is None:
                problems.append(
                    Problem(
                        entry.source,
                        reference.line,
                        None,
                        f"{reference.kind} {reference.target!r}: no {'file' if reference.kind == 'attach' else 'page'} has this path or name; "
                        "expected the path of a file under the content folder",
                        warning=True,
                    )
                )
                return "#"
            resolved.append(url)
            return url

        body_html = _MARKER.sub(swap, body_html)
    if 'class="post-listing"' in body_html:
        body_html = _LISTING.sub(lambda match: _listing(match, site, entry.placement.lang), body_html)
    if "data-title-of=" in body_html:  # a link whose text is its page's title

        def titled(match: re.Match[str]) -> str:
            title = titles.get(html.unescape(match.group(2)))
            return f"<a {match.group(1)}>{html.escape(title) if title else match.group(3)}</a>"

        titles = {document.url: document.entry.title for document in site.bodies()}
        body_html = TITLE_LINK.sub(titled, body_html)
    own = site.config.base_url  # <img src="{{ site.url }}{{ site.baseurl }}/assets/x.png">: the site's own file, checked and made responsive
    if own and own in body_html:
        body_html = re.sub(r'(<img\b[^>]*?\ssrc=")' + re.escape(own) + r'(/[^"]*)"', r'\1\2"', body_html)
        if written:  # Jekyll's {{ site.url }}{{ post.url }}: a link to the site's own page, checked as one
            body_html = re.sub(r'(<a\b[^>]*?\shref=")' + re.escape(own) + r'(/[^"]*)"', r'\1\2"', body_html)
    if base:  # /project/assets/x.png written out in full, under base_url's path: the site's /assets/x.png
        body_html = re.sub(r'(\s(?:src|href)=")' + re.escape(base) + r'(/[^"]*)"', r'\1\2"', body_html)
    if ".md" in body_html or ".markdown" in body_html or ".mkd" in body_html:
        body_html = _SOURCE_HREF.sub(lambda match: _source_link(match, entry.source, index), body_html)
    if written:  # Jekyll's page /talks/x is the file /talks/x.html, which GitHub Pages also serves at /talks/x: a link to either works

        def html_file(match: re.Match[str]) -> str:
            path = match.group(2)
            return f'{match.group(1)}{path}.html"' if path not in written and path + ".html" in written else match.group(0)

        body_html = _SITE_HREF.sub(html_file, body_html)
    folder = resource_folder(document.url, site.config.origin.kind == "hugo" and entry.placement.bundle)
    media = entry.placement.media_folder  # Chirpy's media_subpath: the page's images are there, not beside it
    if media:
        static = site.config.folder("static")
        body_html = _MEDIA_TAG.sub(
            lambda tag: _LOCAL_SRC.sub(lambda match: f'{match.group(1)}{html.escape(media_path(html.unescape(match.group(2)), media, static))}"', tag.group(0)),
            body_html,
        )

    def relative(match: re.Match[str]) -> str:
        outside = outside_file(html.unescape(match.group(2)), entry.source, site.config)  # ../images/x.png, from the file's folder
        if outside is not None:
            attached.setdefault(*outside)
            return f'{match.group(1)}{html.escape(outside[0])}"'
        beside = posixpath.normpath(folder + match.group(2))
        served = site.file_at(beside)
        asset = hugo_asset(html.unescape(match.group(2)), site.config) if served is None or not served.is_file() else None
        if asset is not None:  # not a page resource: Hugo's image hook's resources.Get finds it in assets/
            attached.setdefault(*asset)
            return f'{match.group(1)}{html.escape(asset[0])}"'
        return f'{match.group(1)}{beside}"'

    body_html = _RELATIVE_SRC.sub(relative, body_html)
    missing = set()
    for src in local_images(body_html):
        path = Path(attached[src]) if src in attached else site.file_at(src)
        if path is None or not path.is_file():
            asset = hugo_asset(src, site.config)
            if asset is not None:
                attached.setdefault(*asset)
                path = Path(asset[1])
        if path is None or not path.is_file():
            missing.add(src)
            problems.append(
                Problem(
                    entry.source,
                    _line_naming(site, entry.source, src),
                    "image",
                    f"{src!r} does not exist; expected a file in the static folder or beside the page (the picture is left out, its alt text kept)",
                    warning=True,
                )
            )
    empty = [match for match in IMG_TAG.finditer(body_html) if not html.unescape(dict(ATTRIBUTE.findall(match.group(1))).get("src", "")).strip()]
    if empty:  # <img src="{{< a-theme-shortcode >}}">: the shortcode was removed, and with it the picture's address
        problems.append(Problem(entry.source, None, "image", "a picture has no address (src is empty); it is left out, its alt text kept", warning=True))
    if missing or empty:  # a broken picture helps no reader: its alt text stands in
        body_html = IMG_TAG.sub(lambda match: _unless_missing(match, missing), body_html)
    if body_html == entry.body.html:
        return document, problems
    body = entry.body
    links = _source_links(body.links, entry.source, index) if body.links else body.links
    new_body = RenderedMarkdown(body_html, body.summary, body.citations, links, body.headings, body.read_more, local_images(body_html))
    return replace(document, entry=replace(entry, body=new_body), resolved=tuple(resolved)), problems


def apply(site: Site) -> tuple[Site, list[Problem]]:
    """The site with references resolved and relative images made site paths, and warnings."""
    if not site.config.origin.kind:
        return site, []
    index = _index(site)
    base = base_path(site.config.base_url)
    problems: list[Problem] = []
    replaced: dict[int, Document] = {}
    attached: dict[str, str] = {}  # URL -> file of each {attach} link's file (Pelican)
    written = frozenset(document.url for document in site.bodies()) if site.config.origin.kind == "jekyll" else frozenset()
    relisted = [document for document in site.bodies() if written and marked(document)]  # they show other pages: after those
    for document in site.bodies():
        body_html = document.entry.body.html
        linked = bool(written) and ('href="/' in body_html or bool(site.config.base_url) and site.config.base_url in body_html)
        if document in relisted:
            continue
        sources = bool(_SOURCE_HREF.search(body_html)) if ".m" in body_html else False  # a link to another page's .md file
        if (
            document.entry.placement.references
            or "<img" in body_html
            or 'class="post-listing"' in body_html
            or "data-title-of=" in body_html
            or (base and base in body_html)
            or linked
            or sources
        ):
            new, found = _rewrite(document, index, site, base, written, attached)
            problems += found
            replaced[id(document)] = new
    if relisted:  # pages whose Liquid reads site.posts, site.<collection>…: rendered with the resolved pages' lists
        site = with_documents(site, replaced)
        replaced = {}
        lists: dict[str, dict[str, Any]] = {}  # by language
        for document in site.bodies():
            if marked(document):
                language = document.entry.placement.lang
                if language not in lists:
                    lists[language] = site_lists(site, language)
                shown, found = rerender(document, lists[language], site.config)
                new, more = _rewrite(shown, index, site, base, written, attached)
                problems += found + more
                replaced[id(document)] = new

    site = with_documents(site, replaced)
    return (replace(site, resources={**site.resources, **attached}) if attached else site), problems
