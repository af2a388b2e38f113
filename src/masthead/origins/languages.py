"""Multilingual sites: each language's home list, and which pages translate which.

The default language (the first of ``[origin] languages``) lives at the root, the others under
``/<lang>/``, as Hugo's ``defaultContentLanguageInSubdir = false`` puts them. Pages are
translations of each other when they share a translation key: their path without the language
(``posts/x.md``, ``posts/x.fr.md``, ``fr/posts/x.md``), or the same ``translationKey``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..config import Config
from ..site import Document, Site
from .groups import Group, _order

if TYPE_CHECKING:
    from ..render.redirects import Redirect


def language_groups(posts: tuple[Document, ...], homes: tuple[Document, ...], config: Config) -> tuple[Group, ...]:
    """The home list of each language but the default: /fr/ with the French posts."""
    intros = {home.entry.placement.lang: home for home in homes}
    groups = []
    from .data import default_language_in_subdir

    listed = config.origin.languages if default_language_in_subdir(config) else config.origin.languages[1:]
    if config.origin.kind == "pelican":  # only i18n_subsites gives a language a home of its own
        from .data import pelican_settings
        from .pelican import subsites

        listed = tuple(lang for lang in listed if lang in subsites(pelican_settings(config)))
    for lang in listed:
        intro = intros.get(lang)
        documents = [post for post in posts if post.entry.placement.lang == lang]
        groups.append(Group(intro.entry.title if intro and intro.entry.title else config.title, f"/{lang}/", _order(documents), intro))
    return tuple(groups)


def translation_sets(documents: tuple[Document, ...], config: Config) -> dict[str, tuple[tuple[str, str], ...]]:
    """URL -> every version of that page as (language, URL), in the order of the site's languages."""
    by_key: dict[tuple[bool, str], dict[str, str]] = defaultdict(dict)
    for document in documents:
        place = document.entry.placement
        if config.origin.kind == "jekyll":  # jekyll-polyglot: the same permalink in each language
            prefix = f"/{place.lang}/"
            key = "/" + document.url[len(prefix) :] if place.lang != config.origin.languages[0] and document.url.startswith(prefix) else document.url
            by_key[place.home, key].setdefault(place.lang, document.url)
        elif place.translation_key:
            by_key[place.home, place.translation_key if not place.home else ""].setdefault(place.lang, document.url)
    order = {lang: index for index, lang in enumerate(config.origin.languages)}
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for versions in by_key.values():
        if len(versions) < 2:
            continue
        ordered = tuple(sorted(versions.items(), key=lambda item: order.get(item[0], len(order))))
        for url in versions.values():
            found[url] = ordered
    return found


def polyglot_fallbacks(site: Site) -> list[Redirect]:
    """jekyll-polyglot writes each page and post of the default language that has no translation again
    under every other language's folder (``/fr/contact/``), still in the default language: masthead
    keeps those URLs as redirects to the page itself (302: a translation may come)."""
    from ..render.redirects import Redirect

    languages = site.config.origin.languages
    if site.config.origin.kind != "jekyll" or len(languages) < 2:
        return []
    documents = sorted((*site.posts, *site.pages), key=lambda document: document.entry.source)
    written = {document.url for document in documents}
    found = []
    for document in documents:
        if (document.entry.placement.lang or languages[0]) != languages[0] or document.noindex:
            continue
        for lang in languages[1:]:
            if f"/{lang}{document.url}" not in written:
                found.append(Redirect(f"/{lang}{document.url}", document.url, 302, document.entry.source, None))
    return found
