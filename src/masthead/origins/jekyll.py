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
from .jekyll_paginate import home_pagination
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


# jekyll-archives' default permalinks (github.com/jekyll/jekyll-archives/blob/master/docs/configuration.md);
# jekyll-archives-v2 (al-folio's) has one table per collection, keys named by the attribute (tags,
# categories) and :type (tag, category) and :collection in its permalinks (its docs/configuration.md)
ARCHIVE_PERMALINKS = {"tag": "/tag/:name/", "category": "/category/:name/", "year": "/:year/", "month": "/:year/:month/", "day": "/:year/:month/:day/"}
ARCHIVE_V2_PERMALINKS = {"year": "/:collection/:year/", "month": "/:collection/:year/:month/", "day": "/:collection/:year/:month/:day/"}
_ARCHIVE_KINDS = {"tags": "tag", "categories": "category", "years": "year", "months": "month", "days": "day"}


def _archive_settings(data: dict[str, Any]) -> tuple[dict[str, Any], bool] | None:
    """jekyll-archives' settings of the posts' archives, and whether they are jekyll-archives-v2's."""
    settings = data.get("jekyll-archives")
    plugins = {str(name) for name in [*(data.get("plugins") or []), *(data.get("gems") or [])]}
    if not isinstance(settings, dict):
        return None
    if "jekyll-archives-v2" in plugins or isinstance(settings.get("posts"), dict) and "enabled" not in settings:
        posts = settings.get("posts")
        return (posts, True) if isinstance(posts, dict) else None
    return (settings, False) if "jekyll-archives" in plugins or settings.get("enabled") else None


def archives(data: dict[str, Any], origin: dict[str, Any], notes: list[str]) -> None:
    """jekyll-archives' tag and category pages at its permalinks (``/tags/:name/``): masthead's tag
    pages there, and a page per category; its year and month pages lead to masthead's archive of that
    period; its day pages are not made."""
    found = _archive_settings(data)
    if found is None:
        return
    settings, v2 = found
    enabled = settings.get("enabled")
    every = set(ARCHIVE_PERMALINKS)
    named = {_ARCHIVE_KINDS.get(str(kind), str(kind)) for kind in enabled} if isinstance(enabled, list) else set()
    kinds = every if enabled in ("all", True) else named
    given = settings.get("permalinks") if isinstance(settings.get("permalinks"), dict) else {}
    assert isinstance(given, dict)
    permalinks = {_ARCHIVE_KINDS.get(str(key), str(key)): str(value) for key, value in given.items() if value}

    def pattern_of(kind: str) -> str:
        default = ARCHIVE_V2_PERMALINKS.get(kind, "/:collection/:type/:name/") if v2 else ARCHIVE_PERMALINKS[kind]
        pattern = "/" + (permalinks.get(kind) or default).strip().lstrip("/")
        return pattern.replace(":collection", "posts").replace(":type", kind) if v2 else pattern

    for key in ("tag", "category"):
        if key not in kinds:
            continue
        pattern = pattern_of(key).replace(":name", "{slug}")
        pattern = pattern if pattern.endswith(("/", ".html")) else pattern + "/"
        if ":" in pattern or pattern.count("{slug}") != 1:
            notes.append(f"jekyll-archives' {key} permalink {pattern!r} has placeholders masthead does not read: those pages are not made.")
        elif pattern != "/tags/{slug}/":
            origin[f"{key}_permalink"] = pattern
    periods = {}
    for key in ("year", "month"):
        pattern = pattern_of(key).replace(":year", "{year}").replace(":month", "{month}") if key in kinds else ""
        pattern = pattern if not pattern or pattern.endswith(("/", ".html")) else pattern + "/"
        if pattern and ":" not in pattern:
            periods[key] = pattern
    if periods:
        origin["period_archives"] = periods
        notes.append(f"jekyll-archives' {' and '.join(periods)} pages ({', '.join(periods.values())}) lead to masthead's /archive/ of that period.")
    if "day" in kinds:
        notes.append("jekyll-archives' day pages are not made; masthead's /archive/ lists every post by year and month.")


def _github_pages(site: Path, data: dict[str, Any]) -> bool:
    """Built with GitHub Pages' default plugins (jekyll-optional-front-matter among them): the site has
    no Gemfile (GitHub Pages builds it), its Gemfile names the github-pages gem, or its config names the plugin."""
    plugins = [plugin for key in ("plugins", "gems") if isinstance(data.get(key), list) for plugin in data[key]]
    settings = data.get("optional_front_matter")
    if isinstance(settings, dict) and settings.get("enabled") is False:
        return False
    if "jekyll-optional-front-matter" in [str(plugin) for plugin in plugins]:
        return True
    try:
        gemfile = (site / "Gemfile").read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(r"""^\s*gem\s+["']github-pages["']""", gemfile, re.MULTILINE))


def _custom_domain(site: Path) -> str:
    """The one domain a GitHub Pages ``CNAME`` file names ("" when there is none or it is not a host name)."""
    try:
        lines = (site / "CNAME").read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return ""
    domain = lines[0].strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/") if len(lines) == 1 else ""
    return domain if re.fullmatch(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+", domain) else ""


def site_title(data: dict[str, Any]) -> str:
    """The site's title; al-folio's ``title: blank`` (or none) with ``first_name``/``last_name`` is the
    full name, as its header shows it; jekyll-now names the site ``name``."""
    title = str(data.get("title") or "").strip() or (str(data["name"]).strip() if isinstance(data.get("name"), str) else "")
    name = " ".join(str(data.get(key) or "").strip() for key in ("first_name", "middle_name", "last_name") if data.get(key))
    return name if title in ("", "blank") and name else title or "My Site"


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
    pretty = permalink(style, []).endswith("/")  # pages end as the site's style does (Utils.add_permalink_suffix)
    collections = data.get("collections")
    posts = collections.get("posts") if isinstance(collections, dict) else None
    if isinstance(posts, dict) and posts.get("permalink"):  # collections: {posts: {permalink: …}} wins, as Jekyll's add_default_collections
        style = str(posts["permalink"])
    post_pattern = permalink(style, notes)
    values: dict[str, Any] = {
        "title": site_title(data),
        "permalink": post_pattern,
        "page_permalink": "/{sections}/{filename}/" if pretty else "/{sections}/{filename}.html",
    }
    url = str(data.get("url") or "").rstrip("/")
    base = str(data.get("baseurl") or "").strip("/")
    domain = _custom_domain(site)
    if url.startswith(("http://", "https://")):
        values["base_url"] = url + (f"/{base}" if base else "")
    elif domain:  # GitHub Pages' site.url (jekyll-github-metadata): the CNAME file's domain
        values["base_url"] = f"https://{domain}" + (f"/{base}" if base else "")
        notes.append(f"base_url is the CNAME file's domain, as GitHub Pages sets site.url: {values['base_url']}.")
    else:
        notes.append("No absolute url in _config.yml: set base_url below before publishing.")
    paginate = data.get("paginate")  # jekyll-paginate: the home page's posts in pages at paginate_path
    if isinstance(paginate, int) and not isinstance(paginate, bool) and paginate > 0:
        values["page_size"] = paginate
        path = str(data.get("paginate_path") or "/page:num/").strip().lstrip("/")
        if path.count(":num") == 1 and re.fullmatch(r"[\w/:-]+", path):
            values["page_path"] = path.replace(":num", "{number}").rstrip("/") + "/"
    home_values, home_origin = ({}, {}) if "page_size" in values else home_pagination(site, data)  # jekyll-paginate-v2's home
    if home_values:
        notes.append(f"The home page paginates posts as jekyll-paginate-v2 does: {home_values['page_size']} a page (page_size, page_path).")
        values.update(home_values)
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
            **home_origin,
        },
    }
    # themes' featured image keys: minimal-mistakes' header {image, overlay_image, teaser}, others' featured-image,
    # beautiful-jekyll's cover-img (one path or a list), share-img and thumbnail-img, al-folio's thumbnail
    tables["fields"] = {"image": ["image", "featured-image", "featured_image", "header", "cover-img", "share-img", "thumbnail-img", "thumbnail"]}
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
    if _github_pages(site, data):
        tables["origin"]["optional_front_matter"] = True
        notes.append(
            "Built by GitHub Pages (its default plugins): a Markdown file without front matter is a page titled by its first "
            "heading, a README the index of its folder (optional_front_matter below)."
        )
    if data.get("future") is True:  # Jekyll publishes posts dated in the future
        tables["origin"]["future"] = True
    named = data.get("collections")
    if isinstance(named, (dict, list)) and named:
        notes.append("Collections with output: true are pages at their permalink (default /:collection/:path); the others are not published.")
    return Plan("jekyll", found, values, tables, tuple(notes))
