"""Parsing an issue's HTML the one way every module of the newsletter package does.

Mail HTML is often XHTML with an ``<?xml …?>`` declaration; it is still HTML to every mail client,
so the declaration is dropped and lxml's HTML parser reads the rest (which is what BeautifulSoup's
``XMLParsedAsHTMLWarning`` asks for). Text without markup is wrapped in a paragraph, so it is never
mistaken for a file name or URL (``MarkupResemblesLocatorWarning``).
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse(page: str) -> BeautifulSoup:
    page = _XML_DECLARATION.sub("", page, count=1)
    if "<" not in page:
        page = f"<p>{html.escape(page, quote=False)}</p>" if page.strip() else ""
    return BeautifulSoup(page, "lxml")
