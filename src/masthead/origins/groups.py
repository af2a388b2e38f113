"""Hugo's list pages: one per section (``/posts/``) and per taxonomy term (``/categories/x/``).

Hugo makes them whether or not the section has an ``_index.md``; when it has, that page's title
and text are the list's intro. Order as Hugo's default: weight, then newest first, then title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..config import Config
from ..content.markdown import hugo_slug, slugify
from ..site import Document


@dataclass(frozen=True)
class Group:
    """A list page of some documents, with an optional intro (a section's ``_index.md``)."""

    title: str
    url: str
    documents: tuple[Document, ...]
    intro: Document | None = None
    kind: str = ""  # "category", "author", "tag": a term's page (origins/terms.py); "taxonomy": Hugo's /categories/, on one page
    page_size: int = 0  # posts a page when the list says (jekyll-paginate-v2's per_page); 0: the site's page_size
    page_path: str = ""  # where its later pages go when the list says ("page/{number}/"); "": the site's page_path


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
    if taxonomy == "tags":
        return tuple(document.entry.tags)
    value = document.entry.extra.get(taxonomy)
    if taxonomy in ("author", "authors") and value is None:
        return tuple(name for name, _ in document.entry.placement.authors)
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(str(term).strip() for term in values if isinstance(term, (str, int, float)) and str(term).strip())


def gatsby_list_sections(config: Config) -> frozenset[str]:
    """The sections Gatsby lists: those whose folder holds a JavaScript page (``blog/index.js``, the
    starter's list of posts; ``podcasts/index.tsx``). masthead runs none, but its list stands in."""
    content = config.root / config.folders.content
    if not content.is_dir():
        return frozenset()
    return frozenset(
        folder.name
        for folder in content.iterdir()
        if folder.is_dir() and any((folder / f"index{suffix}").is_file() for suffix in (".js", ".jsx", ".ts", ".tsx"))
    )


def _intro(by_url: Mapping[str, Document], url: str, taxonomy: str, taken: set[str]) -> Document | None:
    """The page written in the taxonomy's content folder for the list at ``url`` (its ``_index.md``), taken
    as that list's intro, as Hugo takes it."""
    intro = by_url.get(url)
    if intro is None or taxonomy not in PurePosixPath(intro.entry.source).parts[:-1]:  # content/<lang>/contributors/…/_index.md
        return None
    taken.add(intro.url)
    return intro


def _in_section_pages(document: Document, section: str, nested: set[PurePosixPath]) -> bool:
    """Whether a page is one of its top-level section's ``.Pages``, as Hugo lists them: not when a
    nearer folder above it has an ``_index.md`` (a nested section, docs/guide/, lists it); a nested
    section's own page is one of its parent's. A page whose path does not show its section is."""
    path = PurePosixPath(document.entry.source)
    if section not in path.parts[:-1]:
        return True
    top = PurePosixPath(*path.parts[: path.parts.index(section) + 1])
    folder = path.parent.parent if path.stem.split(".")[0] in ("index", "_index") else path.parent
    while folder != top and folder.is_relative_to(top):
        if folder in nested:
            return False
        folder = folder.parent
    return True


def hugo_groups(
    posts: tuple[Document, ...],
    pages: tuple[Document, ...],
    languages: tuple[str, ...] = (),
    ugly: bool = False,
    taxonomies: tuple[str, ...] = ("categories", "series"),
    disabled: tuple[str, ...] = (),
    empty_lists: bool = True,
    listed: frozenset[str] | None = None,
    section_lists: Mapping[str, str] | None = None,
    term_permalinks: Mapping[str, str] | None = None,
    taxonomy_lists: Mapping[str, str] | None = None,
    urlize: Callable[[str], str] = hugo_slug,
    term_urlize: Callable[[str], str] | None = None,
) -> tuple[tuple[Group, ...], tuple[Document, ...]]:
    """The sections' and taxonomies' list pages, and the pages left once section intros are taken;
    ``listed``: only those sections have one (Gatsby's, where a JavaScript page lists them); ``section_lists``:
    a section's list URL when the site names one (Hugo's ``[permalinks.section] posts = "/articles/"``), and
    so a term's (``term_permalinks``, ``tags = "/topics/{slug}/"``) and a taxonomy's (``taxonomy_lists``); ``urlize``:
    Hugo's path sanitizer as the site sets it (``content.permalinks.hugo_urlize``)."""
    by_url = {page.url: page for page in pages}
    slug = urlize if empty_lists else slugify  # Hugo urlizes section and term names ("C++" is c++); Gatsby's lists are the starter's
    term_slug = (term_urlize or urlize) if empty_lists else slugify  # a term keeps more than a path: "Tips & Tricks" is tips--tricks
    named_lists = {*taxonomies, "tags"} if empty_lists else set()  # Hugo: content/tags/ holds the taxonomy's and its terms' _index.md
    sections: dict[tuple[str, str], list[Document]] = defaultdict(list)
    nested = {PurePosixPath(page.entry.source).parent for page in pages if PurePosixPath(page.entry.source).stem.split(".")[0] == "_index"}
    named: dict[tuple[str, str], str] = {}  # a section as its URL names it: its _index.md's slug (placement.section_path)
    for document in (*posts, *pages):
        section, prefix = document.entry.placement.section, _prefix(document, languages)
        if section in named_lists:  # content/contributors/_index.md is the taxonomy list's intro, not a section
            continue
        name = named.setdefault((prefix, section), (document.entry.placement.section_path or section).split("/")[0])
        own = document.url != list_url(f"{prefix}/{slug(name)}", ugly) and (listed is None or section in listed)
        if section and own and _in_section_pages(document, section, nested):
            sections[prefix, section].append(document)
    groups: list[Group] = []
    taken: set[str] = set()
    for prefix, section in sorted(sections):
        url = list_url(f"{prefix}/{slug(named[prefix, section])}", ugly)
        intro = by_url.get(url)
        url = prefix + (section_lists or {}).get(section, url.removeprefix(prefix))  # the intro is the _index.md at its default URL
        if intro is not None:
            taken.add(intro.url)  # with disableKinds "section" Hugo renders neither the list nor its _index.md
        if "section" in disabled:
            continue
        groups.append(
            Group(intro.entry.title if intro and intro.entry.title else section.replace("-", " ").title(), url, _order(sections[prefix, section]), intro)
        )
    documents = (*posts, *pages)
    everywhere = sorted({_prefix(document, languages) for document in documents} or {""})  # "", "/fr": each language's root
    root_tags = any(document.entry.tags for document in documents if not _prefix(document, languages))
    for taxonomy in (*taxonomies, "tags"):  # the root's tags are the site's own (site.tags); each other language's are here
        terms: dict[str, list[Document]] = defaultdict(list)
        names: dict[str, str] = {}  # a term's page -> the term, as first written
        language_of: dict[str, str] = {}  # a term's page -> its language's prefix
        pattern = (term_permalinks or {}).get(taxonomy)
        for post in documents:  # Hugo lists every page with the term, not only the posts
            prefix = _prefix(post, languages)
            if taxonomy == "tags" and not prefix:
                continue
            for term in _terms(post, taxonomy):
                url = prefix + pattern.replace("{slug}", term_slug(term)) if pattern else list_url(f"{prefix}/{taxonomy}/{term_slug(term)}", ugly)
                names.setdefault(url, term)
                language_of[url] = prefix
                terms[url].append(post)
        for prefix in everywhere if "taxonomy" not in disabled else ():  # Hugo writes each taxonomy's list in each language, with no terms too
            own_list = (taxonomy_lists or {}).get(taxonomy)
            if taxonomy == "tags" and not prefix and root_tags and not ugly and not own_list:
                continue  # the site's /tags/ page lists them (with uglyURLs Hugo's is /tags.html)
            if not empty_lists and not any(language_of[url] == prefix for url in terms):
                continue  # the Gatsby starter's lists: only those with terms
            everything = {id(post): post for url, members in terms.items() if language_of[url] == prefix for post in members}
            if taxonomy == "tags" and not prefix:  # the root's tags, at the list [permalinks.taxonomy] names
                everything = {id(post): post for post in documents if not _prefix(post, languages) and post.entry.tags}
            url = prefix + own_list if own_list else list_url(f"{prefix}/{taxonomy}", ugly)
            intro = _intro(by_url, url, taxonomy, taken)
            title = intro.entry.title if intro and intro.entry.title else taxonomy.title()
            groups.append(Group(title, url, _order(list(everything.values())), intro, kind="taxonomy"))
        for url in sorted(terms) if "term" not in disabled else ():
            intro = _intro(by_url, url, taxonomy, taken)  # content/contributors/henk-verlinde/_index.md: the term's title and text
            groups.append(Group(intro.entry.title if intro and intro.entry.title else names[url], url, _order(terms[url]), intro))
    return tuple(groups), tuple(page for page in pages if page.url not in taken)
