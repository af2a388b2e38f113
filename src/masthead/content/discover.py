"""Finding files: the Markdown sources under the content folder, at any depth, with their stats.

In the content folder, hidden files and folders (``.git``, editor swap files) and names starting
with ``_`` are skipped (``content_hidden``); a folder copied as it is (static files, templates)
keeps ``_`` names, such as ``_headers`` or a ``_partial.html`` override (``served_hidden``).
Symlinks that lead outside their folder are refused, so no path escapes it; a link back to a folder
already walked (a loop) is skipped with a warning; a file that cannot be read (a link loop, no
permission, a name that is not UTF-8) is a problem naming it, never an exception.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from ..config import Config
from ..errors import Problem
from ..filestamp import stamp_ns

MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class SourceFile:
    relative: str  # relative to the folder scanned from, "/"-separated
    location: str  # the file's path as a string (a Path per file costs more than the scan)
    stamp_ns: int  # when it last changed (``filestamp``): its mtime, or its ctime if later
    size: int

    @property
    def path(self) -> Path:
        return Path(self.location)


def _shown(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by the OS as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


Refused = list[tuple[Problem, bool]]  # (problem, whether it is about a folder)


def _walk(
    folder: str,
    prefix: str,
    base: str,
    found: list[SourceFile],
    refused: Refused,
    visited: set[str] | None = None,
    keep: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
    hidden: Callable[[str], bool] | None = None,
) -> None:
    """Collect files under ``folder``; whatever cannot be read is noted in ``refused``, never raised.

    ``hidden``: which names are not files of the folder (``content_hidden`` unless told).

    ``visited`` holds the real path of every folder entered, so a link back to a folder already
    walked (a loop) is skipped instead of followed for ever.
    """
    visited = visited if visited is not None else {os.path.realpath(folder)}
    try:
        with os.scandir(folder) as scanned:
            entries = sorted(scanned, key=lambda e: e.name)
    except OSError as exc:
        refused.append(
            (
                Problem(
                    _shown(prefix.rstrip("/")) or ".",
                    None,
                    None,
                    f"this folder cannot be read ({exc.strerror}); expected a folder masthead may list — check its permissions",
                ),
                True,
            )
        )
        return
    hides = hidden or partial(content_hidden, keep)
    for entry in entries:
        if hides(entry.name):
            continue
        relative = prefix + entry.name
        if relative in skip:
            continue
        shown = _shown(relative)
        try:
            if shown != relative:
                refused.append((Problem(shown, None, None, "the name is not UTF-8 text; expected a UTF-8 file name — rename it"), False))
                continue
            real = os.path.realpath(entry.path)
            if entry.is_symlink() and not real.startswith(base + os.sep):
                refused.append((Problem(relative, None, None, "is a link to a file outside the content folder; expected the file itself"), False))
                continue
            if entry.is_dir():
                if real in visited:
                    refused.append(
                        (
                            Problem(
                                relative, None, None, "is a link to a folder it is inside (a loop); expected a plain folder — it was skipped", warning=True
                            ),
                            True,
                        )
                    )
                    continue
                _walk(entry.path, relative + "/", base, found, refused, visited | {real}, keep, skip, hides)
            elif entry.is_file():
                stat = entry.stat()
                found.append(SourceFile(relative, entry.path, stamp_ns(stat), stat.st_size))
        except OSError as exc:  # a link loop (ELOOP), a name too long, no permission…
            refused.append((Problem(shown, None, None, f"cannot be read ({exc.strerror or exc}); expected a file or folder masthead may open"), False))


def content_hidden(keep: frozenset[str], name: str) -> bool:
    """Jekyll's rule, and Hugo's for content: a name starting with ``.`` or ``_`` is not a page
    (``_index.md`` and the names in ``keep``, such as Jekyll's ``include:``, are)."""
    return name.startswith(("_", ".")) and name not in keep and not ("_index.md" in keep and name.startswith("_index."))


def served_hidden(name: str) -> bool:
    """A folder copied as it is (static files, templates) holds every file, ``_headers`` and
    ``_partial.html`` too, but not dot-files (``.DS_Store``, ``.git``) besides the two that web
    servers serve by design: ``.well-known`` (RFC 8615) and Apache's ``.htaccess``."""
    return name.startswith(".") and name not in (".well-known", ".htaccess")


def scan(folder: Path, hidden: Callable[[str], bool] = served_hidden) -> list[SourceFile]:
    """Every file under ``folder`` (if it exists) but the ``hidden`` ones, relative to it, sorted;
    escaping links left out."""
    found: list[SourceFile] = []
    try:
        is_folder = folder.is_dir()
    except (OSError, ValueError):  # a name the file system refuses: the config check names it
        return found
    if is_folder:
        _walk(str(folder), "", os.path.realpath(folder), found, [], hidden=hidden)
    return found


# Folders a generator's site holds besides its content: its output, its tools' folders, masthead's.
_NOT_CONTENT = ("_site", "public", "output", "node_modules", "vendor", "themes", "layouts", "resources", "static", "assets")


def _origin_rules(config: Config, prefix: str) -> tuple[frozenset[str], frozenset[str]]:
    """Names starting with ``_`` that are content (Jekyll's posts, Hugo's section pages), paths that are not."""
    kind = config.origin.kind
    keep = {"jekyll": {"_posts", "_drafts"}, "hugo": {"_index.md", "_index.markdown"}}.get(kind, set())
    if kind == "jekyll":  # the folders of collections with output: true (_recipes/)
        from ..origins.jekyll_site import collection_folders

        keep |= collection_folders(config)
    skip = {prefix + name for name in _NOT_CONTENT} if prefix == "" else set()
    skip |= {config.folders.output, config.folders.cache, config.folders.templates}
    return frozenset(keep), frozenset(skip)


def _eleventy_template(relative: str, content: str) -> bool:
    """A ``.njk`` or ``.liquid`` page of an Eleventy site, but the home page's (masthead lists the posts itself)."""
    path = PurePosixPath(relative)
    return path.suffix in (".njk", ".liquid") and not (path.stem == "index" and path.parent.as_posix() == content)


def discover(config: Config) -> tuple[list[SourceFile], list[Problem]]:
    """Content files with paths relative to the site, sorted; and any problems."""
    content = config.folder("content")
    try:
        is_folder = content.is_dir()
    except (OSError, ValueError) as exc:  # a name too long for the file system
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        return [], [Problem("masthead.toml", None, "folders.content", f"cannot be used ({reason}); expected a folder name")]
    if not is_folder:
        return [], [Problem("masthead.toml", None, "folders.content", f"{content} is not a folder; expected the folder holding your Markdown posts")]
    found: list[SourceFile] = []
    refused: Refused = []
    inner = content.relative_to(config.root).as_posix()
    prefix = "" if inner == "." else inner + "/"
    keep, skip = _origin_rules(config, prefix)
    _walk(str(content), prefix, os.path.realpath(content), found, refused, None, keep, skip)
    # Files that are not Markdown are not content: what could not be read there does not matter,
    # but a folder (which may hold posts) does.
    suffixes = {"pelican": (*MARKDOWN_SUFFIXES, ".mkd", ".mdown", ".rst"), "gatsby": (*MARKDOWN_SUFFIXES, ".mdx")}.get(config.origin.kind, MARKDOWN_SUFFIXES)
    problems = [problem for problem, folder in refused if folder or problem.path.endswith(suffixes)]
    if config.origin.kind == "eleventy":  # Nunjucks and Liquid templates are pages too; the root index is masthead's home
        return [source for source in found if source.relative.endswith(suffixes) or _eleventy_template(source.relative, inner)], problems
    if config.origin.kind == "jekyll":  # Jekyll's posts and collection documents may be HTML with front matter
        from ..origins.jekyll_site import excluded, html_document, is_excluded

        patterns = excluded(config)
        return [
            source
            for source in found
            if (source.relative.endswith(suffixes) or html_document(source.relative, config)) and not (patterns and is_excluded(source.relative, patterns))
        ], problems
    if config.origin.kind == "hugo":  # Hugo's content may be HTML with front matter (content/x.html)
        rooted = tuple(folder + "/" for folder in config.origin.language_folders) if prefix == "" else ()  # content.en/, content.zh/ only
        pages = [
            source
            for source in found
            if (source.relative.endswith(suffixes) or _html_with_front_matter(source)) and (not rooted or source.relative.startswith(rooted))
        ]
        return _outside_leaf_bundles(pages), problems
    if config.origin.kind == "pelican":  # what ARTICLE_PATHS, PAGE_PATHS and their EXCLUDES give Pelican's readers
        from ..origins.data import pelican_settings
        from ..origins.pelican import is_read

        settings = pelican_settings(config)
        return [source for source in found if source.relative.endswith(suffixes) and is_read(source.relative[len(prefix) :], settings)], problems
    return [source for source in found if source.relative.endswith(suffixes)], problems


def _outside_leaf_bundles(sources: list[SourceFile]) -> list[SourceFile]:
    """Hugo's pages: a content file inside a leaf bundle (a folder with an ``index.md``, in any language) other
    than its index is one of the bundle's resources, not a page, and so is any file in its subfolders."""
    leaves = {PurePosixPath(source.relative).parent for source in sources if PurePosixPath(source.relative).name.split(".")[0] == "index"}
    if not leaves:
        return sources

    def inside_a_leaf(relative: str) -> bool:
        path = PurePosixPath(relative)
        folders = path.parents if path.name.split(".")[0] != "index" else path.parents[1:]
        return any(folder in leaves for folder in folders)

    return [source for source in sources if not inside_a_leaf(source.relative)]


def _html_with_front_matter(source: SourceFile) -> bool:
    if not source.relative.endswith((".html", ".htm")):
        return False
    try:
        with open(source.location, "rb") as handle:
            return handle.read(4).rstrip(b"\r\n") in (b"---", b"+++")
    except OSError:
        return False
