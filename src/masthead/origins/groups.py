"""Hugo's list pages: one per section (``/posts/``) and per taxonomy term (``/categories/x/``).

Hugo makes them whether or not the section has an ``_index.md``; when it has, that page's title
and text are the list's intro. Order as Hugo's default: weight, then newest first, then title.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..content.markdown import slugify
from ..site import Document


@dataclass(frozen=True)
class Group:
    """A list page of some documents, with an optional intro (a section's ``_index.md``)."""

    title: str
    url: str
    documents: tuple[Document, ...]
    intro: Document | None = None
    kind: str = ""  # "category", "author", "tag": a term's page (origins/terms.py)


def _order(documents: list[Document]) -> tuple[Document, ...]:
    weighted = sorted(documents, key=lambda d: (d.entry.title.lower(), d.entry.source))
    weighted.sort(key=lambda d: d.entry.date, reverse=True)
    weighted.sort(key=lambda d: (d.entry.placement.weight == 0, d.entry.placement.weight))
    return tuple(weighted)


def _prefix(document: Document, languages: tuple[str, ...]) -> str:
    """The language folder the document lives in (``/fr``; the default language's too when Hugo puts it in one)."""
    lang = document.entry.placement.lang
    return f"/{lang}" if languages and lang and document.url.startswith(f"/{lang}/") else ""


def list_url(path: str, ugly: bool = False) -> str:
    """A list page's URL: ``/posts/``, or with Hugo's uglyURLs the file ``/posts.html``."""
    return f"{path}.html" if ugly else f"{path}/"


def _terms(document: Document, taxonomy: str) -> tuple[str, ...]:
    """A page's terms of a taxonomy: its categories and series as read, else the front matter key of that name."""
    if taxonomy in ("categories", "series"):
        return tuple(getattr(document.entry.placement, taxonomy))
    value = document.entry.extra.get(taxonomy)
    if taxonomy in ("author", "authors") and value is None:
        return tuple(name for name, _ in document.entry.placement.authors)
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(str(term).strip() for term in values if isinstance(term, (str, int, float)) and str(term).strip())


def hugo_groups(
    posts: tuple[Document, ...],
    pages: tuple[Document, ...],
    languages: tuple[str, ...] = (),
    ugly: bool = False,
    taxonomies: tuple[str, ...] = ("categories", "series"),
) -> tuple[tuple[Group, ...], tuple[Document, ...]]:
    """The sections' and taxonomies' list pages, and the pages left once section intros are taken."""
    by_url = {page.url: page for page in pages}
    sections: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for document in (*posts, *pages):
        section, prefix = document.entry.placement.section, _prefix(document, languages)
        if section and document.url != list_url(f"{prefix}/{slugify(section)}", ugly):
            sections[prefix, section].append(document)
    groups: list[Group] = []
    taken: set[str] = set()
    for prefix, section in sorted(sections):
        url = list_url(f"{prefix}/{slugify(section)}", ugly)
        intro = by_url.get(url)
        if intro is not None:
            taken.add(url)
        groups.append(
            Group(intro.entry.title if intro and intro.entry.title else section.replace("-", " ").title(), url, _order(sections[prefix, section]), intro)
        )
    for taxonomy in taxonomies:
        terms: dict[str, list[Document]] = defaultdict(list)
        names: dict[str, str] = {}
        for post in posts:
            for term in _terms(post, taxonomy):
                names.setdefault(slugify(term), term)
                terms[list_url(f"{_prefix(post, languages)}/{taxonomy}/{slugify(term)}", ugly)].append(post)
        if not terms:
            continue
        for prefix in sorted({url.rsplit(f"/{taxonomy}/", 1)[0] for url in terms}):
            everything = {id(post): post for url, documents in terms.items() if url.startswith(f"{prefix}/{taxonomy}/") for post in documents}
            groups.append(Group(taxonomy.title(), list_url(f"{prefix}/{taxonomy}", ugly), _order(list(everything.values()))))
        for url in sorted(terms):
            slug = url.removesuffix(".html").rstrip("/").rsplit("/", 1)[1]
            groups.append(Group(names[slug], url, _order(terms[url])))
    return tuple(groups), tuple(page for page in pages if page.url not in taken)
