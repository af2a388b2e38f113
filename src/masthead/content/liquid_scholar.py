"""jekyll-scholar's tags in a Jekyll body: ``{% bibliography %}``, ``{% cite key %}``, ``{% reference key %}``,
``{% bibliography_count %}`` and ``{% nocite %}`` (and al-folio's distill ``<d-cite>``), read from the site's BibTeX file (``scholar.source``
and ``scholar.bibliography`` in ``_config.yml``, by default ``_bibliography/references.bib``).

The bibliography is a plain list: authors, year, title, venue, DOI or URL, grouped by year when
``group_by: year`` says so (al-folio's publications page), filtered by ``-q @*[year=2024]*`` and read
from ``-f name``. jekyll-scholar's CSL styles (apa, ieee) and the site's ``bibliography_template``
are not applied, which one warning per tag says; a citation is "(Author et al., 2024)", as APA has it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import Problem
from .bibtex import BibEntry, read

TAGS = frozenset({"bibliography", "cite", "citation", "reference", "bibliography_count", "nocite"})
_QUERY = re.compile(r"\[([^\]]*)\]")
_VENUES = ("journal", "booktitle", "publisher", "school", "institution", "howpublished", "organization")


def bibliography_folder(config: Config) -> Path:
    """The folder jekyll-scholar reads BibTeX files from (``scholar.source``, ``./_bibliography`` by default)."""
    from ..origins.data import origin_config

    settings = origin_config(config).get("scholar")
    source = str(settings.get("source") or "") if isinstance(settings, Mapping) else ""
    return config.root / (source.strip().strip("/").removeprefix("./") or "_bibliography")


def _settings(config: Config) -> Mapping[str, Any]:
    from ..origins.data import origin_config

    settings = origin_config(config).get("scholar")
    return settings if isinstance(settings, Mapping) else {}


def _options(arguments: str) -> dict[str, str]:
    """``-f papers -q @*[year=2024]* --group_by none`` as {"file": "papers", "query": "…", "group_by": "none"}."""
    names = {"f": "file", "q": "query", "c": "cited", "C": "cited_in_order", "T": "template", "s": "style", "p": "prefix", "g": "group_by"}
    found: dict[str, str] = {}
    words = arguments.split()
    index = 0
    while index < len(words):
        word = words[index]
        if word.startswith("-"):
            name = names.get(word.lstrip("-"), word.lstrip("-"))
            value = words[index + 1] if index + 1 < len(words) and not words[index + 1].startswith("-") else "true"
            found[name] = value.strip("'\"")
            index += 1 if value == "true" else 2
        else:
            index += 1
    return found


def _matches(entry: BibEntry, query: str) -> bool:
    """A jekyll-scholar query (``@*[year=2024, selected=true]*``, ``@article``): the type and each
    field condition; ``!=`` and ``^=``/``~=`` are read as not, starts with and contains."""
    kind = query.strip().lstrip("@").split("[", 1)[0].strip()
    if kind and kind != "*" and kind.lower() != entry.kind:
        return False
    for condition in (part.strip() for found in _QUERY.findall(query) for part in found.split(",")):
        matched = re.fullmatch(r"(\w+)\s*(!=|\^=|~=|=)\s*['\"]?(.*?)['\"]?", condition)
        if matched is None:
            continue
        name, operator, wanted = matched.groups()
        value = entry.fields.get(name.lower(), "")
        ok = value.startswith(wanted) if operator == "^=" else wanted in value if operator == "~=" else value == wanted
        if ok == (operator == "!="):
            return False
    return True


def _surname(name: str) -> str:
    return name.split(",", 1)[0].strip() if "," in name else name.split()[-1] if name.split() else name


def citation(entry: BibEntry) -> str:
    """APA's in-text citation: "Kowalczyk, 2022", "Kowalczyk & Nowak, 2022", "Kowalczyk et al., 2022"."""
    names = [_surname(name) for name in entry.authors()]
    who = names[0] if len(names) == 1 else f"{names[0]} & {names[1]}" if len(names) == 2 else f"{names[0]} et al." if names else entry.key
    return f"{who}, {entry.year or 'n.d.'}"


def _reference(entry: BibEntry) -> str:
    """An entry as one line of HTML: authors (year). Title. Venue, volume(number), pages. DOI."""
    fields = entry.fields
    names = entry.authors()
    authors = html.escape(", ".join(names[:-1])) + f", &amp; {html.escape(names[-1])}" if len(names) > 1 else html.escape(names[0]) if names else ""
    parts = [f'<span class="author">{authors}</span> ({html.escape(entry.year or "n.d.")}).' if authors else ""]
    parts.append(f'<span class="title">{html.escape(fields.get("title", entry.key))}</span>.')
    venue = next((fields[key] for key in _VENUES if fields.get(key)), "")
    if venue:
        detail = fields.get("volume", "") + (f"({fields['number']})" if fields.get("number") else "")
        detail += (", " if detail else "") + fields["pages"] if fields.get("pages") else ""
        parts.append(f"<em>{html.escape(venue)}</em>" + (f", {html.escape(detail)}" if detail else "") + ".")
    doi = fields.get("doi", "").removeprefix("https://doi.org/")
    link = f"https://doi.org/{doi}" if doi else fields.get("url", "")
    if link.startswith(("https://", "http://")):
        parts.append(f'<a href="{html.escape(link)}">{html.escape(("doi:" + doi) if doi else link)}</a>')
    return " ".join(part for part in parts if part)


def _bibliography(entries: list[BibEntry], group_by: str, descending: bool) -> str:
    def items(chosen: list[BibEntry]) -> str:
        rows = "".join(f'<li id="{html.escape(entry.key)}">{_reference(entry)}</li>\n' for entry in chosen)
        return f'<ol class="bibliography">\n{rows}</ol>\n'

    if group_by != "year":
        return f'<div class="bibliography">\n{items(entries)}</div>'
    years = sorted({entry.year for entry in entries}, reverse=descending)
    groups = "".join(f'<h2 class="bibliography">{html.escape(year or "n.d.")}</h2>\n' + items([e for e in entries if e.year == year]) for year in years)
    return f'<div class="bibliography">\n{groups}</div>'


def render(name: str, arguments: str, config: Config, block: Callable[[str], str], warn: Callable[[str], None]) -> str:
    """The tag ``name`` with its ``arguments`` as Markdown (a block of HTML placed by ``block``); what
    jekyll-scholar would do differently, and keys it has no entry for, are ``warn``ed about."""
    settings = _settings(config)
    options = _options(arguments) if name in ("bibliography", "bibliography_count") else {}
    file = options.get("file") or str(settings.get("bibliography") or "references.bib")
    path = bibliography_folder(config) / (file if file.endswith(".bib") else file + ".bib")
    entries = read(path)
    if entries is None:
        warn(f"the BibTeX file {path.relative_to(config.root).as_posix()} is not in the site; it was removed")
        return ""
    if name == "nocite":
        return ""
    if name in ("bibliography", "bibliography_count"):
        query = options.get("query") or str(settings.get("query") or "@*")
        chosen = [entry for entry in entries if _matches(entry, query)]
        if name == "bibliography_count":
            return str(len(chosen))
        style = str(settings.get("style") or "apa")
        warn(f"jekyll-scholar's references are listed plainly (its style {style!r} and the site's bibliography template are not applied)")
        group_by = options.get("group_by") or str(settings.get("group_by") or "none")
        descending = str(settings.get("group_order") or "ascending") == "descending"
        return "\n\n" + block(_bibliography(chosen, group_by, descending)) + "\n\n"
    by_key = {entry.key: entry for entry in entries}
    keys = [word.strip("'\",") for word in arguments.split() if not word.startswith("-") and word.strip("'\",")]
    missing = [key for key in keys if key not in by_key]
    if missing:
        warn(f"no entry {', '.join(missing)} in {file}; shown as (missing reference), as jekyll-scholar shows it")
    if name == "reference":
        return " ".join(_reference(by_key[key]) if key in by_key else "(missing reference)" for key in keys)
    return "(" + "; ".join(citation(by_key[key]) if key in by_key else "missing reference" for key in keys) + ")"


_DISTILL_CITE = re.compile(r"""<d-cite\s+key\s*=\s*["']([^"']*)["']\s*>\s*</d-cite>""", re.IGNORECASE)


def distill_citations(markdown: str, first_line: int, source: str, data: Mapping[str, Any], config: Config) -> tuple[str, tuple[Problem, ...]]:
    """al-folio's distill posts: ``<d-cite key="a,b"></d-cite>`` (distill.js draws it from the page's
    ``bibliography:`` file, in ``assets/bibliography/``) as the citation "(Author, 2020; …)"."""
    name = str(data.get("bibliography") or "").strip()
    folders = (config.root / "assets" / "bibliography", bibliography_folder(config))
    entries = next((found for found in (read(folder / name) for folder in folders) if found is not None), None) if name else None
    by_key = {entry.key: entry for entry in entries or ()}
    problems: list[Problem] = []

    def cite(match: re.Match[str]) -> str:
        keys = [key.strip() for key in match.group(1).split(",") if key.strip()]
        missing = [key for key in keys if key not in by_key]
        if missing:
            where = (
                f"in {name}"
                if entries is not None
                else f"(no BibTeX file {name!r} in assets/bibliography/)"
                if name
                else "(no bibliography: in the front matter)"
            )
            line = first_line + markdown.count("\n", 0, match.start())
            problems.append(Problem(source, line, "d-cite", f"no entry {', '.join(missing)} {where}; shown as (missing reference)", warning=True))
        return "(" + "; ".join(citation(by_key[key]) if key in by_key else "missing reference" for key in keys) + ")"

    return _DISTILL_CITE.sub(cite, markdown), tuple(problems)
