"""Ghost's exported HTML made ready for Markdown: its editor's cards simplified, its own links mapped.

Koenig (Ghost's editor) writes cards as nested markup: a bookmark card is a link around a title,
description, icon and thumbnail; a video card a ``<video>`` with a poster. Each becomes what a
reader needs in Markdown (a link with its title and description). Images and media live in Ghost's
``content/`` folder, not in the export: one that is not in the site's static folder yet is left out,
its alt text standing in, so that no page shows a broken image; the report names it. Links to
Ghost's tag pages (``/tag/<slug>/``) go to masthead's page of that tag; links into Ghost's admin
(``/ghost/…``) keep their text only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import BeautifulSoup, Tag

_TAG_LINK = re.compile(r"^/tag/([^/?#]+)/?([?#].*)?$")


def _bookmarks(soup: BeautifulSoup) -> None:
    for card in soup.select("figure.kg-bookmark-card, div.kg-bookmark-card"):
        anchor = card.find("a", href=True)
        if not isinstance(anchor, Tag):
            card.decompose()
            continue
        title = card.select_one(".kg-bookmark-title")
        description = card.select_one(".kg-bookmark-description")
        paragraph = soup.new_tag("p")
        link = soup.new_tag("a", href=str(anchor["href"]))
        link.string = title.get_text(" ", strip=True) if title else str(anchor["href"])
        paragraph.append(link)
        if description and description.get_text(strip=True):
            paragraph.append(" — " + description.get_text(" ", strip=True))
        card.replace_with(paragraph)


def _media(soup: BeautifulSoup, present: Callable[[str], bool], missing: list[str]) -> None:
    """Video, audio and file cards: a link to the file (its title), or its name alone while it is not there."""
    for element in soup.find_all(["video", "audio"]):
        inner = element.find("source")
        source = element.get("src") or (inner.get("src") if isinstance(inner, Tag) else None)
        card = element.find_parent(class_=re.compile(r"kg-(video|audio)-card")) or element
        name = card.select_one(".kg-audio-title") if isinstance(card, Tag) else None
        text = name.get_text(strip=True) if name else str(source or "").rsplit("/", 1)[-1]
        card.replace_with(_link_or_text(soup, str(source or ""), text, present, missing))
    for card in soup.select(".kg-file-card"):
        anchor = card.find("a", href=True)
        title = card.select_one(".kg-file-card-title")
        href = str(anchor["href"]) if isinstance(anchor, Tag) else ""
        card.replace_with(_link_or_text(soup, href, title.get_text(strip=True) if title else href.rsplit("/", 1)[-1], present, missing))


def _link_or_text(soup: BeautifulSoup, href: str, text: str, present: Callable[[str], bool], missing: list[str]) -> Tag:
    paragraph = soup.new_tag("p")
    if href.startswith("/") and not present(href):
        missing.append(href)
        paragraph.string = text
    elif href:
        link = soup.new_tag("a", href=href)
        link.string = text or href
        paragraph.append(link)
    else:
        paragraph.string = text
    return paragraph


def _images(soup: BeautifulSoup, present: Callable[[str], bool], missing: list[str]) -> None:
    for image in soup.find_all("img"):
        src = str(image.get("src") or "")
        if not src.startswith("/") or src.startswith("//") or present(src):
            continue
        missing.append(src)
        alt = str(image.get("alt") or "").strip()
        image.replace_with(alt)


def prepare(html: str, present: Callable[[str], bool], tag_url: Callable[[str], str | None], missing: list[str]) -> str:
    """The HTML with Ghost's cards simplified, missing local images and media left out (named in
    ``missing``), and links to Ghost's tag pages sent to ``tag_url(slug)``."""
    html = html.replace("__GHOST_URL__/", "/").replace('"__GHOST_URL__"', '"/"')
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(["script", "style", "noscript"]):
        element.decompose()
    _bookmarks(soup)
    _media(soup, present, missing)
    _images(soup, present, missing)
    for anchor in soup.find_all("a", href=True):
        if re.match(r"^/ghost(/|$)", str(anchor["href"])):  # Ghost's admin: not part of a static site
            anchor.unwrap()
            continue
        found = _TAG_LINK.match(str(anchor["href"]))
        url = tag_url(found.group(1)) if found else None
        if url:
            anchor["href"] = url + (found.group(2) or "") if found else url
    return str(soup)
