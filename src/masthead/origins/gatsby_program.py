"""What a Gatsby site's own program says about its URLs and settings, read from its text (never run).

``gatsby-config.js`` often takes its settings from a module of the site's (gatsby-starter-lumen's
``require('./config.js')``: ``title``, ``url``, ``postsPerPage``), and ``gatsby-node.js`` often makes
its pages in modules it requires (``./gatsby/create-pages``, ``./gatsby/pagination/…``). Both are read
with the site's own modules they require, never a package's and never a file outside the site.
From ``createPage`` paths: the tag and category pages (`` `/tag/${_.kebabCase(tag)}/` ``) and the home
page's later pages (`` i === 0 ? '/' : `/page/${i}` ``: counted from 0, so the second page is /page/1).
"""

from __future__ import annotations

import re
from pathlib import Path

_LOCAL_MODULE = re.compile(r"""(?:require\(\s*|\bfrom\s+|\bimport\s+)["'`](\.{1,2}/[^"'`]+)["'`]""")
_EXTENSIONS = ("", ".js", ".mjs", ".cjs", ".ts", "/index.js", "/index.ts")
# `/tag/${_.kebabCase(tag)}/`, `/categories/${kebabCase(edge.fieldValue)}`, `/tags/${slugify(tag)}/`
_TERM_PATH = re.compile(r"`/([\w-]+)/\$\{\s*(?:_\.|lodash\.)?(?:kebabCase|slugify|slug|toSlug)\(\s*([\w.]+)\s*\)\s*\}/?`")
# path: i === 0 ? '/' : `/page/${i}`   (or `/page/${i + 1}`)
_LATER_PAGES = re.compile(r"""\b(\w+)\s*===?\s*0\s*\?\s*["'`]/["'`]\s*:\s*`/((?:[\w-]+/)*[\w-]+)/\$\{\s*\1\s*(\+\s*1\s*)?\}/?`""")
_NUMBER = r"""\b{key}["']?\s*:\s*(\d+)\b"""
# createPage({ path: '/categories', component: …categories-list-template.js })
_INDEX_PAGE = re.compile(r"""createPage\(\s*\{\s*path\s*:\s*["'`]/(categories|authors)/?["'`]""")


def program_text(site: Path, entry: str) -> str:
    """``entry`` and every module of the site it requires or imports, transitively, as one text."""
    root = site.resolve()
    seen: set[Path] = set()
    texts: list[str] = []
    pending = [site / entry]
    while pending:
        path = pending.pop(0)
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):
            continue
        if resolved in seen or not resolved.is_relative_to(root) or not resolved.is_file() or "node_modules" in resolved.parts:
            continue
        seen.add(resolved)
        try:
            text = resolved.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append(text)
        for match in _LOCAL_MODULE.finditer(text):
            base = resolved.parent / match.group(1)
            pending += [Path(f"{base}{extension}") for extension in _EXTENSIONS]
    return "\n".join(texts)


def term_permalinks(text: str) -> dict[str, str]:
    """``tag``/``category`` -> the permalink (``/tag/{slug}/``) of the pages ``createPage`` makes for them."""
    found: dict[str, str] = {}
    for match in _TERM_PATH.finditer(text):
        word, variable = match.group(1), match.group(2).lower()
        kind = "category" if "categor" in word.lower() or "categor" in variable else "tag" if "tag" in word.lower() or "tag" in variable else ""
        if kind:
            found.setdefault(kind, f"/{word}/{{slug}}/")
    return found


def index_pages(text: str) -> dict[str, str]:
    """The lists of every category or author the program makes at a fixed path (``/categories``), by kind."""
    return {match.group(1): f"/{match.group(1)}/" for match in _INDEX_PAGE.finditer(text)}


def later_pages(text: str) -> str:
    """``page_path`` of the home page's later pages (``page/{index}/`` when they count from 0), or ""."""
    match = _LATER_PAGES.search(text)
    if not match:
        return ""
    return f"{match.group(2)}/{{number}}/" if match.group(3) else f"{match.group(2)}/{{index}}/"


def number(text: str, key: str) -> int | None:
    """A whole number a setting is given (``postsPerPage: 4``), or None."""
    found = re.search(_NUMBER.format(key=key), text)
    return int(found.group(1)) if found and int(found.group(1)) > 0 else None


# const separatorIndex = ~slug.indexOf("--") …; value: `/${slug.substring(separatorIndex + 2)}`: the slug after the prefix
_NAME_PREFIX = re.compile(r"""slug\.indexOf\(\s*["'`]([^"'`\s]{1,4})["'`]\s*\)[\s\S]{0,400}?\.substring\(""")


def name_prefix(text: str) -> str:
    """The separator a gatsby-node.js cuts file names at (gatsby-starter-hero-blog's ``slug.indexOf("--")``
    and ``slug.substring(...)``), or ""."""
    found = _NAME_PREFIX.search(text)
    return found.group(1) if found else ""


# slug = `/${_.kebabCase(node.frontmatter.title)}`: gatsby-advanced-starter's and its forks' (Casper's, Material's)
_TITLE_SLUG = re.compile(r"""`/\$\{\s*(?:_\.|lodash\.)?(?:kebabCase|slugify|slug)\(\s*node\.frontmatter\.title\s*\)\s*\}/?`""")
# const dirname = getNode(node.parent).relativeDirectory; value: `/${dirname}/${node.frontmatter.slug}`: Lumen's until v4
_FOLDER_SLUG = re.compile(
    r"""(\w+)\s*=\s*getNode\(\s*node\.parent\s*\)\.relativeDirectory[\s\S]{0,300}?`/\$\{\s*\1\s*\}/\$\{\s*node\.frontmatter\.slug\s*\}/?`"""
)


def slug_pattern(text: str) -> str:
    """The permalink a gatsby-node.js gives pages in its slug field, when it builds one from the front matter:
    `` `/${_.kebabCase(node.frontmatter.title)}` `` (a front matter slug kebab-cased before it) is
    ``/{slug_or_title}/``; `` `/${dirname}/${node.frontmatter.slug}` `` (the file's folder under its source)
    ``/{sections}/{slug}/``; "" for neither."""
    if _TITLE_SLUG.search(text):
        return "/{slug_or_title}/"
    if _FOLDER_SLUG.search(text):
        return "/{sections}/{slug}/"
    return ""


_NOT_SOURCE = re.compile(r"""\bsource\s*!==?\s*[`"']([\w-]+)[`"']""")


def not_page_sources(text: str, sources: dict[str, str]) -> list[str]:
    """The folders of the sources a gatsby-node.js gives no slug, and so no page (hero-blog's
    ``if (source !== "parts") createNodeField({name: "slug", …})``: the author box, the footer)."""
    return [sources[name] for name in _NOT_SOURCE.findall(text) if name in sources]
