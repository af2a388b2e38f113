"""Links inside the site that go nowhere: a body's link to a page or file the build does not write.

Adopted content keeps the links its authors typed (``/2019/05/old-post.html``, ``../about/``,
``https://oursite.org/team/``); after a move, some go to URLs that no longer exist. Once the
render knows every output path, each link in a body that points into the site is resolved as a
host serves it (``/x/`` is ``x/index.html``; ``/x`` is ``x``, ``x.html`` or ``x/index.html``)
against the page's own URL, and one that matches no output is a warning with its file and line.
Redirect pages (``aliases``, ``redirect_from``) are outputs, so an old URL kept that way counts.
``masthead check`` looks at every body. A build looks at the bodies it parsed, unless a file the
last build wrote is gone, which can break a link in any body: an unchanged body's links were
looked at when it was parsed, and reading every body back from the cache would slow each edit.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import unquote, urljoin, urlsplit

from ..errors import Problem
from ..render.relative_links import base_path
from ..site import Site

_NOT_PAGES = ("mailto:", "tel:", "data:", "javascript:", "sms:")


def site_path(url: str, page_url: str, base_url: str) -> str | None:
    """The site path (``/about/``) a body link names, resolved against its page as a browser does,
    or None when it leaves the site, stays on the page or is no URL a browser could follow."""
    if not url or url.startswith("#") or url.lower().startswith(_NOT_PAGES):
        return None
    home = urlsplit(base_url)
    try:
        written = urlsplit(url)
        parts = urlsplit(urljoin(f"{home.scheme}://{home.netloc}{page_url}", url))
        hostname = parts.hostname
    except ValueError:  # "http://[x/": a browser would not follow it either
        return None
    if not written.netloc and not written.path:
        return None  # "?q=x" alone: the page itself
    if parts.scheme not in ("http", "https") or hostname != home.hostname:
        return None
    path = unquote(parts.path) or "/"
    if not written.netloc:
        return path  # typed relative to the host's root or the page: with or without the site's path
    own = home.path.rstrip("/")
    if not (path + "/").startswith(own + "/"):
        return None  # another site on the same host
    return path[len(own) :] or "/"


def _exists(path: str, outputs: Collection[str], prefix: str) -> bool:
    candidates = [path]
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        candidates.append(path[len(prefix) :] or "/")  # written out with the site's own path
    for candidate in candidates:
        relative = candidate.lstrip("/")
        options = [relative + "index.html"] if candidate.endswith("/") else [relative, relative + ".html", relative + "/index.html"]
        if any(option in outputs for option in options):
            return True
    return False


def dead_internal_links(site: Site, outputs: Collection[str], sources: Collection[str] | None) -> list[Problem]:
    """A warning for each body link into the site that matches no output file, in the bodies of
    ``sources`` (the ones a build parsed), or in every body (None)."""
    base_url = site.config.base_url
    prefix = base_path(base_url)
    problems = []
    for document in site.bodies():
        if sources is not None and document.entry.source not in sources:
            continue
        for link in document.entry.body.links:
            path = site_path(link.url, document.url, base_url)
            if path is None or _exists(path, outputs, prefix):
                continue
            problems.append(
                Problem(
                    document.entry.source,
                    link.line or None,
                    "link",
                    f"{link.url!r} goes to no page of the site; expected the URL of a page, a post or a file under static/"
                    " (or keep the old URL with `aliases` / `redirect_from` on the page that moved)",
                    warning=True,
                )
            )
    return problems
