"""Gatsby themes that make a site's pages themselves, with no gatsby-node.js of the site's own.

@lekoarts/gatsby-theme-minimal-blog (gatsby-starter-minimal-blog) reads ``content/posts`` and
``content/pages`` (its ``postsPath``, ``pagesPath``) and, by its gatsby-node: a post at
``/{basePath}/{postsPrefix}/{slug}`` (its front matter ``slug``, else its title kebab-cased), a page at
``/{basePath}/{slug}``, the list of every post at ``/{basePath}/{blogPath}``, the tags at
``/{basePath}/{tagsPath}`` and a tag's page at ``…/{tagsPath}/{tag kebab-cased}``. Its options
(defaults ``/``, ``/blog``, ``/tags``, ``/``) are read from gatsby-config's text, never run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_MINIMAL_BLOG = re.compile(r"""[`"']@lekoarts/gatsby-theme-minimal-blog(?:-core)?[`"']""")
DEFAULTS = {"basePath": "/", "blogPath": "/blog", "tagsPath": "/tags", "postsPrefix": "/", "postsPath": "content/posts", "pagesPath": "content/pages"}


def _path(*parts: str) -> str:
    """``/${a}/${b}`` with runs of slashes made one, as the theme joins them (``.replace(/\\/{2,}/g, "/")``)."""
    return re.sub(r"/{2,}", "/", "/" + "/".join(parts))


def minimal_blog(text: str, option: Callable[[str, str], str]) -> dict[str, Any] | None:
    """masthead.toml values for a site on the minimal-blog theme (``option(text, key)`` reads an option's
    string), or None when gatsby-config does not name it."""
    if not _MINIMAL_BLOG.search(text):
        return None
    options = {key: option(text, key) or default for key, default in DEFAULTS.items()}
    base, prefix, blog, tags = options["basePath"], options["postsPrefix"], options["blogPath"], options["tagsPath"]
    posts, pages = options["postsPath"].strip("./").rstrip("/"), options["pagesPath"].strip("./").rstrip("/")
    shared = posts.rsplit("/", 1)[0] if "/" in posts and posts.rsplit("/", 1)[0] == pages.rsplit("/", 1)[0] else ""
    return {
        "content": shared or posts,
        "permalink": _path(base, prefix, "{slug_or_title}") + "/",
        "page_permalink": _path(base, "{slug}") + "/",
        "archives": _path(base, blog).rstrip("/") + "/",
        "tags": _path(base, tags).rstrip("/") + "/",
        "tag_permalink": _path(base, tags, "{slug}") + "/",
        "note": (
            "@lekoarts/gatsby-theme-minimal-blog's rules: posts in "
            f"{posts}/ at {_path(base, prefix, '<slug or title>')}, pages in {pages}/ at {_path(base, '<slug>')}, "
            f"the list of posts at {_path(base, blog)}, tags at {_path(base, tags)}."
        ),
    }
