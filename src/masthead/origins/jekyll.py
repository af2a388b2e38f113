"""``masthead init`` for a Jekyll site: ``_config.yml`` read, permalink styles as Jekyll defines them.

Jekyll's rules kept: posts are the files of ``_posts/`` (``_drafts/`` are drafts) with date, slug
and title from ``YYYY-MM-DD-slug.md``; categories are the folders above ``_posts`` plus the front
matter's; pages keep their path (``about.md`` is ``/about.html``, or ``/about/`` with ``pretty``)
unless their front matter has a ``permalink``; every other file is published as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..content.datafile import DataFileError, load_data
from ..content.placement import JEKYLL_TOKENS
from ..errors import MastheadError, Problem
from .plan import Plan

# Jekyll's built-in permalink styles (jekyllrb.com/docs/permalinks/#built-in-formats).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def permalink(value: str, notes: list[str]) -> str:
    """A Jekyll permalink style or template in masthead's tokens."""
    template = STYLES.get(value, value)

    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in JEKYLL_TOKENS:
            notes.append(f"Jekyll's permalink placeholder :{name} has no masthead equivalent; it was left out.")
            return ""
        return JEKYLL_TOKENS[name]

    converted = "/" + re.sub(r":(\w+)", token, template).lstrip("/")
    converted = re.sub(r"/{2,}", "/", converted)
    return converted if converted.endswith(("/", ".html")) else converted + ".html"


# jekyll-archives' default permalinks (github.com/jekyll/jekyll-archives/blob/master/docs/configuration.md)
ARCHIVE_PERMALINKS = {"tag": "/tag/:name/", "category": "/category/:name/", "year": "/:year/", "month": "/:year/:month/", "day": "/:year/:month/:day/"}


def archives(data: dict[str, Any], origin: dict[str, Any], notes: list[str]) -> None:
    """jekyll-archives' tag and category pages at its permalinks (``/tags/:name/``): masthead's tag
    pages there, and a page per category; its year, month and day pages are not made."""
    settings = data.get("jekyll-archives")
    plugins = [*(data.get("plugins") or []), *(data.get("gems") or [])]
    if not isinstance(settings, dict) or "jekyll-archives" not in plugins and not settings.get("enabled"):
        return
    enabled = settings.get("enabled")
    kinds = set(ARCHIVE_PERMALINKS) if enabled == "all" else {str(kind) for kind in enabled} if isinstance(enabled, list) else set()
    permalinks = settings.get("permalinks") if isinstance(settings.get("permalinks"), dict) else {}
    assert isinstance(permalinks, dict)
    for kind, key in (("tags", "tag"), ("categories", "category")):
        if kind not in kinds and key not in kinds:
            continue
        pattern = "/" + str(permalinks.get(key) or ARCHIVE_PERMALINKS[key]).strip().lstrip("/")
        pattern = pattern.replace(":name", "{slug}")
        pattern = pattern if pattern.endswith(("/", ".html")) else pattern + "/"
        if ":" in pattern or pattern.count("{slug}") != 1:
            notes.append(f"jekyll-archives' {key} permalink {pattern!r} has placeholders masthead does not read: those pages are not made.")
        elif pattern != "/tags/{slug}/":
            origin[f"{key}_permalink"] = pattern
    dated = sorted(kinds & {"year", "month", "day", "years", "months", "days"})
    if dated:
        notes.append(f"jekyll-archives' {', '.join(dated)} pages are not made; masthead's /archive/ lists every post by year.")


def plan(site: Path, found: str) -> Plan:
    try:
        data = load_data((site / found).read_text(encoding="utf-8"), ".yml") or {}
    except (DataFileError, UnicodeDecodeError) as exc:
        line = exc.line if isinstance(exc, DataFileError) else None
        reason = exc.reason if isinstance(exc, DataFileError) else str(exc)
        raise MastheadError([Problem(found, line, None, f"cannot be read ({reason}); expected valid YAML")]) from exc
    data = data if isinstance(data, dict) else {}
    notes = [
        "Jekyll's rules: _posts/ are posts (date, slug, title from YYYY-MM-DD-slug.md), _drafts/ drafts;",
        "layouts post, page, default and home map to masthead templates below; redirect_from makes redirect pages;",
        "Liquid in posts: link, post_url, highlight, raw, comment and {{ site.* }} / {{ page.* }} are rendered.",
    ]
    style = str(data.get("permalink") or "date")
    post_pattern = permalink(style, notes)
    pretty = post_pattern.endswith("/")
    values: dict[str, Any] = {
        "title": str(data.get("title") or "My Site"),
        "permalink": post_pattern,
        "page_permalink": "/{sections}/{filename}/" if pretty else "/{sections}/{filename}.html",
    }
    url = str(data.get("url") or "").rstrip("/")
    base = str(data.get("baseurl") or "").strip("/")
    if url.startswith(("http://", "https://")):
        values["base_url"] = url + (f"/{base}" if base else "")
    else:
        notes.append("No absolute url in _config.yml: set base_url below before publishing.")
    paginate = data.get("paginate")  # jekyll-paginate: the home page's posts in pages at paginate_path
    if isinstance(paginate, int) and not isinstance(paginate, bool) and paginate > 0:
        values["page_size"] = paginate
        path = str(data.get("paginate_path") or "/page:num/").strip().lstrip("/")
        if path.count(":num") == 1 and re.fullmatch(r"[\w/:-]+", path):
            values["page_path"] = path.replace(":num", "{number}").rstrip("/") + "/"
    for key, option in (("description", "description"), ("timezone", "timezone"), ("lang", "language")):
        if isinstance(data.get(key), str) and data[key]:
            values[option] = data[key].strip()
    tables: dict[str, dict[str, Any]] = {
        "folders": {"content": ".", "static": ".", "output": "_site"},
        "origin": {
            "kind": "jekyll",
            "config_file": found,
            "layouts": {"post": "blog-post", "page": "about-page", "default": "about-page", "home": "about-page"},
            "page_template": "about-page",
            "raw_html": True,  # kramdown keeps raw HTML in Markdown
        },
    }
    # themes' featured image keys: minimal-mistakes' header {image, overlay_image, teaser}, others' featured-image
    tables["fields"] = {"image": ["image", "featured-image", "featured_image", "header"]}
    author = data.get("author")
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        tables["author"] = {"name": author["name"]}
    elif isinstance(author, str):
        tables["author"] = {"name": author}
    languages = data.get("languages")
    if isinstance(languages, list) and len(languages) > 1 and all(isinstance(code, str) for code in languages):  # jekyll-polyglot
        default = str(data.get("default_lang") or languages[0])
        tables["origin"]["languages"] = [default, *(code for code in languages if code != default)]
        values["language"] = default
        notes.append(
            f"Languages {', '.join(tables['origin']['languages'])} (jekyll-polyglot): lang: in the front matter; {default} at the root, "
            "the others under /<lang>/; pages with the same permalink are translations, linked with hreflang. "
            "Polyglot's fallback copies of untranslated pages under /<lang>/ are not made."
        )
    archives(data, tables["origin"], notes)
    if data.get("future") is True:  # Jekyll publishes posts dated in the future
        tables["origin"]["future"] = True
    named = data.get("collections")
    if isinstance(named, (dict, list)) and named:
        notes.append("Collections with output: true are pages at their permalink (default /:collection/:path); the others are not published.")
    return Plan("jekyll", found, values, tables, tuple(notes))
