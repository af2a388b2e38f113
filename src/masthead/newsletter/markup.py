"""Parsing an issue's HTML the one way every module of the newsletter package does.

Mail HTML is often XHTML with an ``<?xml …?>`` declaration; it is still HTML to every mail client,
so the declaration is dropped and lxml's HTML parser reads the rest (which is what BeautifulSoup's
``XMLParsedAsHTMLWarning`` asks for). Text without markup is wrapped in a paragraph, so it is never
mistaken for a file name or URL (``MarkupResemblesLocatorWarning``).

Links and pictures written protocol-relative (``href="//click.example.com/…"``, as some senders
write their tracking links) are read as the https address a mail client opens (links.rules.web_url),
so every module after this one (tracking detection, carried destinations, the post's own links,
image downloads) sees the one address.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

from ..links.rules import web_url

_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse(page: str) -> BeautifulSoup:
    page = _XML_DECLARATION.sub("", page, count=1)
    if "<" not in page:
        page = f"<p>{html.escape(page, quote=False)}</p>" if page.strip() else ""
    soup = BeautifulSoup(page, "lxml")
    for element, attribute in [(a, "href") for a in soup.find_all(["a", "area"], href=True)] + [(i, "src") for i in soup.find_all("img", src=True)]:
        value = str(element[attribute])
        if value.lstrip().startswith("//") and (absolute := web_url(value)) is not None:
            element[attribute] = absolute
    return soup
