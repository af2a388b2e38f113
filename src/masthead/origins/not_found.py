"""Where an adopted site's generator wrote its 404 page, when that is not ``/404.html``.

Every host looks for ``/404.html``, where masthead writes its 404 page. Some generators write the
site's 404 page at ``/404/`` as well or instead, and a link or a test of the old site may name it:

- Jekyll writes a ``404.html`` or ``404.md`` without a permalink as it writes every page, at
  ``/404/`` under a pretty permalink style (its ``add_permalink_suffix``; ``page_permalink`` ends in "/").
- Eleventy writes ``404.md`` without a permalink at ``/404/``, its default for any template.
- Gatsby writes ``src/pages/404.js`` at ``/404/`` and copies it to ``/404.html``.

``masthead init`` writes what it finds as ``[origin] not_found_urls``; masthead's 404 page goes there too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.frontmatter import FrontMatterError, parse, split

_TEMPLATES = (".html", ".md", ".markdown", ".njk", ".liquid")
_GATSBY_PAGES = (".js", ".jsx", ".ts", ".tsx")


def not_found_urls(site: Path, kind: str, tables: dict[str, Any], values: dict[str, Any]) -> list[str]:
    """``["/404/"]`` when the site's generator wrote its 404 page there, else []."""
    if kind == "gatsby":
        pages = site / "src" / "pages"
        return ["/404/"] if pages.is_dir() and any(path.suffix in _GATSBY_PAGES for path in pages.glob("404.*")) else []
    if kind not in ("jekyll", "eleventy"):
        return []
    content = site / str(tables.get("folders", {}).get("content", "."))
    pretty = kind == "eleventy" or str(values.get("page_permalink", "")).endswith("/")
    for path in sorted(content.glob("404.*")) if content.is_dir() else []:
        if path.suffix not in _TEMPLATES or not path.is_file():
            continue
        try:
            data = parse(split(path.read_text(encoding="utf-8"), path.name), path.name)
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue  # a 404 page masthead cannot read: masthead's stands in at /404.html alone
        permalink = data.get("permalink")
        if permalink is False:
            return []
        if isinstance(permalink, str) and permalink.strip():
            url = "/" + permalink.strip().lstrip("/").removesuffix("index.html")
        else:
            url = "/404/" if pretty else "/404.html"
        return [url] if url == "/404/" else []
    return []
