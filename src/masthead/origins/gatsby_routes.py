"""Where a Gatsby site puts its Markdown pages, read from the program that makes them (never run).

Gatsby gives a Markdown file no URL of its own: ``gatsby-node.js`` calls ``createPage({path: …})``
for each, most often with the slug ``createFilePath`` made of its path under its filesystem source
(``/hello-world/``, the starter's ``path: post.fields.slug``), sometimes under a prefix
(`` path: `/blog${node.fields.slug}` ``) or from front matter (``path: node.frontmatter.slug``); or a
File System Route page does it (``src/pages/blog/{mdx.frontmatter__slug}.js`` is /blog/<slug>/).
"""

from __future__ import annotations

import re
from pathlib import Path

# createPage({ path: `/blog${post.fields.slug}`, … }), path: "/blog" + node.fields.slug, path: edge.node.fields.slug
_CREATE_PAGE_PATH = re.compile(
    r"""createPage\(\s*\{[^)]*?\bpath\s*:\s*(?:`([^`$]*)\$\{\s*([\w.?]+)\s*\}([^`]*)`|["'](/[^"']*)["']\s*\+\s*([\w.?]+)|([\w.?]+))""",
    re.DOTALL,
)
# src/pages/blog/{mdx.frontmatter__slug}.js, {MarkdownRemark.fields__slug}.tsx, {markdownRemark.parent__name}.js
_FILE_ROUTE = re.compile(r"^\{(?:mdx|markdownRemark)\.(frontmatter__slug|frontmatter__path|fields__slug|parent__\w*name)\}\.(?:js|jsx|ts|tsx)$", re.IGNORECASE)


def _pattern(prefix: str, field: str) -> str:
    """The permalink of pages at ``prefix`` + ``field``: fields.slug is createFilePath's path, a front matter slug the file's slug."""
    prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
    if field.endswith("fields.slug") or field == "fields__slug":
        return f"{prefix}/{{sections}}/{{filename}}/"
    if field.endswith(("frontmatter.slug", "frontmatter.path")) or field.startswith("frontmatter__"):
        return f"{prefix}/{{slug}}/"
    if "name" in field:
        return f"{prefix}/{{filename}}/"
    return ""


def markdown_permalink(site: Path) -> tuple[str, str]:
    """(permalink, what told it) of the site's Markdown pages, or ("", "") for createFilePath's own path."""
    pages = site / "src" / "pages"
    routes = sorted(path for path in pages.rglob("*") if _FILE_ROUTE.match(path.name)) if pages.is_dir() else []
    for route in routes:
        found = _FILE_ROUTE.match(route.name)
        assert found is not None
        pattern = _pattern(route.parent.relative_to(pages).as_posix().strip("."), found.group(1).replace("__", "."))
        if pattern:
            return pattern, route.relative_to(site).as_posix()
    for name in ("gatsby-node.js", "gatsby-node.mjs", "gatsby-node.ts"):
        path = site / name
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        for match in _CREATE_PAGE_PATH.finditer(text):
            prefix, field = (match.group(1), match.group(2)) if match.group(2) else (match.group(4), match.group(5)) if match.group(5) else ("", match.group(6))
            pattern = _pattern(prefix or "", field.replace("?", ""))
            if pattern and (match.group(3) or "").strip("/") == "":
                return ("" if pattern == "/{sections}/{filename}/" else pattern), name
    return "", ""
