"""The head of every page: title, description, canonical URL, Open Graph, Twitter and JSON-LD.

JSON-LD is built as data and serialised with ``<``, ``>`` and ``&`` escaped as JSON unicode
escapes, so no field can close the ``<script>`` element it sits in.

The head functions are pure functions of their arguments — ``SiteFacts`` (the config and logo,
not the whole site model), the page's subject and its social image — so a page's key can
fingerprint those arguments instead of building every head (``render/keys.py``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..config import Config
from ..images import ImageInfo
from ..links import citations
from ..newsroom import jsonld
from ..site import Document, Site, tag_name
from ..timestamps import iso
from .logo import raster_logo
from .standins import wordmark


@dataclass(frozen=True)
class SiteFacts:
    """What a head may read about the site."""

    config: Config
    logo: ImageInfo | None
    raster_logo: ImageInfo | None  # the PNG standing in for an SVG logo, or for no logo (``standins.py``), in JSON-LD


def facts(site: Site) -> SiteFacts:
    return SiteFacts(site.config, site.logo, raster_logo(site) or wordmark(site))


@dataclass(frozen=True)
class Head:
    """What a template needs to write ``<head>``; every string is escaped by the template."""

    title: str  # the full <title>
    description: str
    canonical: str  # absolute URL; "" on the 404 page, which has no address of its own
    og_type: str
    og_title: str
    image: ImageInfo | None
    image_url: str
    published: str  # ISO 8601 or ""
    modified: str
    tags: tuple[str, ...]
    noindex: bool
    json_ld: Markup | None
    prev_url: str = ""
    next_url: str = ""
    language: str = ""  # the page's own language, for <html lang> (empty: the site's)
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, absolute URL) of each translation, x-default last
    locale: str = "en_US"  # og:locale, language_TERRITORY
    feeds: tuple[tuple[str, str, str], ...] = ()  # (MIME type, title, URL) of the page's own follow feeds

    @property
    def robots(self) -> str:
        """The robots meta: ``noindex`` for drafts, scheduled posts and the 404 page; otherwise large
        image previews (Google Discover wants them with images 1200 px wide, which every page has)."""
        return "noindex" if self.noindex else "max-image-preview:large"


def og_locale(language: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a BCP 47 tag: "en" is en_US, "de-AT" de_AT, "ko" ko_KR
    (the likely territory from CLDR, through Babel)."""
    from babel.core import get_global

    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    territory = next((part.upper() for part in parts[1:] if len(part) == 2 and part.isalpha()), "")
    if not territory:
        likely = str(get_global("likely_subtags").get(base, "")).split("_")
        territory = next((part for part in likely[1:] if len(part) == 2 and part.isalpha()), "")
    return f"{base}_{territory}" if territory else base


def script_json(data: Any) -> Markup:
    """JSON safe to place inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _image_object(site: SiteFacts, image: ImageInfo) -> dict[str, Any]:
    return {"@type": "ImageObject", "url": site.config.absolute_url(image.src), "width": image.width, "height": image.height}


def _publisher(site: SiteFacts) -> dict[str, Any]:
    config = site.config
    publisher: dict[str, Any] = {"@type": "Organization", "name": config.publisher.name, "url": config.publisher.url}
    logo = site.raster_logo or site.logo
    if logo:
        publisher["logo"] = _image_object(site, logo)
    return publisher


def post_json_ld(site: SiteFacts, document: Document, social: ImageInfo | None) -> dict[str, Any]:
    entry, config = document.entry, site.config
    url = config.absolute_url(document.url)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": entry.schema_type,
        "headline": entry.title,
        "description": entry.description,
        "datePublished": iso(entry.date),
        "dateModified": iso(entry.modified),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    images = [image for image in (social, document.image) if image]
    if images:
        # URLs, which schema.org's ImageObject cannot carry plain pixel sizes beside (width is a Distance)
        data["image"] = [site.config.absolute_url(image.src) for image in images]
    people = jsonld.authors(config, entry)
    if people:
        data["author"] = people[0] if len(people) == 1 else people  # schema.org: a Person, or several
    else:
        data["author"] = {"@type": "Organization", "name": config.publisher.name, "url": config.publisher.url}
    data["publisher"] = _publisher(site)
    if entry.tags:
        data["keywords"] = ", ".join(tag_name(tag, config.tags) for tag in entry.tags)  # schema.org: Text, comma-delimited
    if entry.body.citations:
        data["citation"] = citations.json_ld(config, entry.body)  # outlet names normalised
    if entry.body.read_more:
        data["isBasedOn"] = entry.body.read_more
    data["inLanguage"] = entry.placement.lang or config.language
    jsonld.extend(data, config, entry, url)  # wordCount, timeRequired, correction, LiveBlogPosting
    return data


def website_json_ld(site: SiteFacts) -> dict[str, Any]:
    config = site.config
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": config.title,
        "url": config.base_url + "/",
        "description": config.description,
        "inLanguage": config.language,
        "publisher": _publisher(site),
    }


def full_title(site: SiteFacts, title: str) -> str:
    name = site.config.title
    return name if not title or title == name else f"{title} · {name}"


def head_for_document(site: SiteFacts, document: Document, image: ImageInfo | None, translations: tuple[tuple[str, str], ...]) -> Head:
    """``image``: the document's social image (``pictures.social_image``); ``translations``: ``alternates``."""
    entry = document.entry
    is_post = entry.is_post
    return Head(
        title=full_title(site, entry.title),
        description=entry.description,
        canonical=site.config.absolute_url(document.url),
        og_type="article" if is_post else "website",
        og_title=entry.title,
        image=image,
        image_url=site.config.absolute_url(image.src) if image else "",
        published=iso(entry.date) if is_post else "",
        modified=iso(entry.modified) if is_post else "",
        tags=tuple(tag_name(tag, site.config.tags) for tag in entry.tags) if is_post else (),
        noindex=document.noindex,
        json_ld=script_json(post_json_ld(site, document, image)) if is_post else None,
        language=document.entry.placement.lang or site.config.language,
        alternates=translations,
        locale=og_locale(document.entry.placement.lang or site.config.language),
    )


def alternates(site: Site, url: str) -> tuple[tuple[str, str], ...]:
    """hreflang links of a translated page: every version, then x-default (the default language's)."""
    return translated(site.config, site.translations, url)


def translated(config: Config, translations: Mapping[str, tuple[tuple[str, str], ...]], url: str) -> tuple[tuple[str, str], ...]:
    """``alternates`` from the config and the translations alone."""
    versions = translations.get(url, ())
    if not versions:
        return ()
    links = tuple((lang, config.absolute_url(link)) for lang, link in versions)
    default = dict(versions).get(config.origin.languages[0], versions[0][1])
    return (*links, ("x-default", config.absolute_url(default)))


def head_for_list(
    site: SiteFacts,
    image: ImageInfo | None,
    translations: tuple[tuple[str, str], ...],
    title: str,
    description: str,
    url: str,
    prev_url: str = "",
    next_url: str = "",
    home: bool = False,
    noindex: bool = False,
) -> Head:
    """``image``: the site's social image (``pictures.social_image``); ``translations``: ``alternates``;
    with ``noindex`` (the 404 page) it has no canonical URL either."""
    config = site.config
    return Head(
        title=full_title(site, title),
        description=description or config.description,
        canonical="" if noindex else config.absolute_url(url),
        og_type="website",
        og_title=title or config.title,
        image=image,
        image_url=config.absolute_url(image.src) if image else "",
        published="",
        modified="",
        tags=(),
        noindex=noindex,
        json_ld=script_json(website_json_ld(site)) if home else None,
        prev_url=config.absolute_url(prev_url) if prev_url else "",
        next_url=config.absolute_url(next_url) if next_url else "",
        language=next((lang for lang in config.origin.languages[1:] if url.startswith(f"/{lang}/")), config.language),
        alternates=translations,
        locale=og_locale(next((lang for lang in config.origin.languages[1:] if url.startswith(f"/{lang}/")), config.language)),
    )
