"""The static files of a site whose static folder holds its content too (Jekyll, Eleventy, Pelican).

Jekyll copies every file of the site that is not a page, a ``_`` folder or a tool's file; Pelican
copies what sits beside its articles. So when the static folder contains the content folder,
the sources, configs and tools' folders are left out and the rest is published as it is.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import PurePosixPath

from ..config import Config
from ..content.discover import MARKDOWN_SUFFIXES, SourceFile, content_hidden, scan
from .jekyll_site import collection_folders, excluded, is_excluded

# Pelican's content folder holds only content: a script or a config there is a file to publish
_PELICAN_SOURCES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
_SOURCES = (".md", ".mdx", ".markdown", ".html", ".htm", ".rst", ".liquid", ".njk", ".toml", ".lock", ".py", ".pyc", ".rb", ".gemspec")
_TOOLS = frozenset(
    {
        "Gemfile",
        "Rakefile",
        "Makefile",
        "package.json",
        "package-lock.json",
        "yarn.lock",
        "tasks.py",
        "eleventy.config.js",
        "eleventy.config.mjs",
        "eleventy.config.cjs",
        "gatsby-config.js",
        "gatsby-node.js",
        "netlify.toml",
        "vercel.json",
        "LICENSE",
        "README",
    }
)
_TOOL_FOLDERS = frozenset({"node_modules", "vendor", "_site", "output", "public", "themes", "layouts", "plugins", "__pycache__"})


# What masthead writes itself: an adopted site's own copies (Jekyll's feed.xml template, a Hugo
# static/robots.txt) would be a second file on the same path.
GENERATED = frozenset({"feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "robots.txt", "404.html"})


def _template(path: str) -> bool:
    """A file that starts with front matter: a Jekyll page (feed.xml, search.json), not a static file."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4).rstrip(b"\r\n") == b"---"
    except OSError:
        return False


def _copied_markdown(source: SourceFile, config: Config) -> bool:
    """A Markdown file without front matter that is no page (LICENSE.md; any, without GitHub Pages'
    jekyll-optional-front-matter): Jekyll copies it to the site as it is, so a link to it works."""
    from ..content.entries import optional_page

    if PurePosixPath(source.relative).suffix.lower() not in MARKDOWN_SUFFIXES or _template(source.location):
        return False
    if PurePosixPath(source.relative).parts[0].startswith("_"):
        return False  # _posts/, _drafts/: Jekyll's own folders
    return not config.origin.optional_front_matter or optional_page(source.relative, config) is None


def _copied_html(source: SourceFile) -> bool:
    """An HTML file of a Jekyll site with no front matter: a static file, but the home page's (masthead's own)."""
    path = PurePosixPath(source.relative)
    return (
        path.suffix in (".html", ".htm")
        and source.relative not in ("index.html", "index.htm")
        and not path.parts[0].startswith("_")
        and not _template(source.location)
    )


def _eleventy_data(path: PurePosixPath) -> bool:
    """Eleventy's directory and template data files (``posts/posts.json``, ``x.11tydata.js``): data, not files to copy."""
    return ".11tydata." in path.name or (path.suffix in (".json", ".js", ".cjs", ".mjs") and path.stem == path.parent.name)


def _moved(found: list[SourceFile], config: Config) -> list[SourceFile]:
    """Pelican's EXTRA_PATH_METADATA ``{"extra/favicon.ico": {"path": "favicon.ico"}}``: a file
    published at the path given instead of its own (paths relative to the content folder)."""
    from .data import pelican_settings

    extra = pelican_settings(config).get("EXTRA_PATH_METADATA")
    if not isinstance(extra, dict):
        return found
    inner = PurePosixPath(posixpath.relpath(config.folders.content.strip("/") or ".", config.folders.static.strip("/") or "."))
    paths = {}
    for key, metadata in extra.items():
        target = metadata.get("path") if isinstance(metadata, dict) else None
        if isinstance(key, str) and isinstance(target, str) and target.strip("/"):
            paths[posixpath.normpath(str(inner / key.strip("/")))] = target.strip("/")
    return [replace(source, relative=paths.get(source.relative, source.relative)) for source in found]


def _static_paths(found: list[SourceFile], config: Config) -> list[SourceFile]:
    """Pelican copies the files under STATIC_PATHS (default ``['images']``; paths in the content folder)
    and those EXTRA_PATH_METADATA names, less STATIC_EXCLUDES. A picture, video or PDF elsewhere beside
    the articles is published too, where Pelican would leave its link broken."""
    from .bundles import _MEDIA
    from .data import pelican_settings
    from .pelican import _paths

    settings = pelican_settings(config)
    extra = settings.get("EXTRA_PATH_METADATA")
    moved = tuple(str(key).strip("/") for key in extra) if isinstance(extra, dict) else ()
    named = _paths(settings, "STATIC_PATHS", ("images",)) + moved
    left_out = _paths(settings, "STATIC_EXCLUDES", ())
    inner = posixpath.relpath(config.folders.static.strip("/") or ".", config.folders.content.strip("/") or ".")

    def under(relative: str, paths: tuple[str, ...]) -> bool:
        return any(not path or relative == path or relative.startswith(path + "/") for path in paths)

    kept = []
    for source in found:
        relative = posixpath.normpath(posixpath.join(inner, source.relative))
        if (under(relative, named) or PurePosixPath(relative).suffix.lower() in _MEDIA) and not under(relative, tuple(path for path in left_out if path)):
            kept.append(source)
    return kept


def _unread_html(config: Config) -> Callable[[str], bool]:
    """Whether an HTML file is one Pelican's readers leave alone (``ARTICLE_EXCLUDES = ['iframes']``),
    so a static file to copy, such as a demo a post shows in a frame."""
    from .data import pelican_settings
    from .pelican import is_read

    settings = pelican_settings(config)
    inner = posixpath.relpath(config.folders.static.strip("/") or ".", config.folders.content.strip("/") or ".")
    return lambda relative: relative.endswith((".html", ".htm")) and not is_read(posixpath.normpath(posixpath.join(inner, relative)), settings)


def static_files(config: Config) -> list[SourceFile]:
    """The files under the static folder that the site publishes as they are."""
    static = config.folder("static")
    content = config.folder("content").resolve()
    own = not content.is_relative_to(static.resolve())
    # A static folder of its own is published whole; one that holds the content too (a Jekyll
    # site's root) follows the content's rule: ``_layouts/`` and ``.jekyll-cache/`` are not files.
    # Jekyll's ``include: [_redirects, .well-known]`` names files it would leave out.
    keep = frozenset() if own or config.origin.kind != "jekyll" else collection_folders(config)
    found = scan(static) if own else scan(static, partial(content_hidden, keep))
    if config.origin.kind == "pelican" and not own:
        found = _moved(_static_paths(found, config), config)
    if config.origin.kind:
        found = [source for source in found if source.relative not in GENERATED]
    if own:
        return found
    skip = {config.folders.output, config.folders.cache, config.folders.templates}
    patterns = excluded(config)  # Jekyll's exclude:
    kept = []
    pelican = config.origin.kind == "pelican" and static != config.root
    sources = _PELICAN_SOURCES if pelican else _SOURCES
    unread = _unread_html(config) if pelican else lambda relative: False
    for source in found:
        path = PurePosixPath(source.relative)
        # LICENSE.md, and an HTML file without front matter (a search console's google123.html, a demo): Jekyll copies it as it is
        copied = config.origin.kind == "jekyll" and (_copied_markdown(source, config) or _copied_html(source))
        if (path.suffix.lower() in sources and not unread(source.relative) and not copied) or path.name in _TOOLS or path.name == "masthead.toml":
            continue
        if any(part in _TOOL_FOLDERS or part in skip for part in path.parts[:-1]):
            continue
        if config.origin.kind == "jekyll" and (_template(source.location) or (patterns and is_excluded(source.relative, patterns))):
            continue
        if config.origin.kind == "eleventy" and _eleventy_data(path):
            continue
        kept.append(source)
    return kept
