"""Links of a site published under a path (``base_url = "https://user.github.io/project"``).

Templates and bodies link from the site's root (``/posts/x/``, ``/assets/masthead.css``), which is
right for a site at a host's root. Under a path, a page's root-relative links are written relative
to the page instead (``../../posts/x/``), as Hugo's ``relativeURLs`` does: they then work wherever
the folder is served, under the path, at a preview's root, or opened from disk. The 404 page is
shown at any missing URL, so its links carry the site's path instead (``/project/posts/x/``); a
``<base>`` would also send its in-page links (the skip link's ``#main``) to the site's home.
Absolute URLs (canonical, Open Graph, JSON-LD, feeds, sitemap) already carry the path.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Attributes holding one URL, and srcset (several, comma separated, each with a width or density).
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|action|poster|data)=")(/(?!/)[^"]*)"')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def base_path(base_url: str) -> str:
    """The path part of a base URL without its final slash: "" at a host's root, "/project" under one."""
    return urlsplit(base_url).path.rstrip("/")


def _relative(url: str, up: str) -> str:
    """``up`` is "../" per folder level, or the site's path ending in "/" (the 404 page)."""
    return up + url[1:] if len(url) > 1 else (up or "./")


def _srcset(value: str, up: str) -> str:
    candidates = []
    for candidate in value.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        if url.startswith("/") and not url.startswith("//"):
            url = _relative(url, up)
        candidates.append(f"{url} {descriptor}".rstrip())
    return ", ".join(candidates)


def link_from(url: str, path: str, base: str) -> str:
    """The root-relative ``url`` as the page at ``path`` links it: unchanged at a host's root, relative under a path."""
    if not base:
        return url
    return _relative(url, f"{base}/" if path == "404.html" else "../" * path.count("/"))


def relative_links(html: str, path: str, base: str) -> str:
    """``html`` written at ``path`` in the output folder, its root-relative links made relative.

    ``base`` is the site's path (``base_path``); at a host's root (``""``) nothing changes. The page
    at ``404.html`` is shown at any URL: its links start with the site's path.
    """
    if not base:
        return html
    up = f"{base}/" if path == "404.html" else "../" * path.count("/")
    html = _URL_ATTRIBUTE.sub(lambda match: f'{match.group(1)}{_relative(match.group(2), up)}"', html)
    return _SRCSET.sub(lambda match: f'{match.group(1)}{_srcset(match.group(2), up)}"', html)
