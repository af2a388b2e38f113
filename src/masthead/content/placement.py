"""Where a file sits and what its generator's conventions say about it.

A site that ``masthead init`` adopted keeps the rules of the generator it came from: Jekyll takes
a post's date, slug and title from ``_posts/YYYY-MM-DD-slug.md`` and its categories from the
folders above ``_posts``; Hugo makes the regular pages of its post sections dated posts, a
folder's ``index.md`` a page bundle and ``_index.md`` a section page; Pelican slugs titles and
keeps pages in ``pages/``; Gatsby's starter decides by ``templateKey``. ``Placement`` holds the
facts the URL, the redirects and the listings need; ``defaults`` what front matter may omit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from ..config import PERMALINK_TOKENS, Config
from .markdown import jekyll_slug, pelican_slug, slugify
from .permalinks import hugo_urlize

_DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
JEKYLL_DATED_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")  # Jekyll's DATE_FILENAME_MATCHER: 2014-3-3-Hello-World.md too
_LANGUAGE_SUFFIX = re.compile(r"^(.+)\.([a-z]{2}(?:-[A-Za-z]{2,4})?)$")


class Reference(NamedTuple):
    """A link to another file written as a tag or shortcode (``{% post_url %}``, ``ref``)."""

    kind: str  # "link" (a path from the site or content folder), "post_url" (a post's file name), "ref"
    target: str
    line: int


class Placement(NamedTuple):
    """The facts of an entry that come from its place and from other generators' front matter."""

    sections: str = ""  # folders between the content folder and the file (bundle folder excluded)
    section_path: str = ""  # the sections as the URL names them, when not as their folders (a Hugo _index.md's slug)
    filename: str = ""  # file name without extension (a bundle's: its folder's name)
    bundle: bool = False  # a Hugo page bundle (index.md): files beside it are its resources
    home: bool = False  # the content folder's own index: the home page's intro
    categories: tuple[str, ...] = ()
    series: tuple[str, ...] = ()
    permalink: str = ""  # an explicit URL or pattern (Hugo url, Jekyll and Eleventy permalink)
    hidden: bool = False  # not published at all (Eleventy's permalink: false)
    unlisted: bool = False  # written at its URL, named by no list, menu, feed or sitemap (Pelican's Status: hidden)
    publish_after: str = ""  # ISO instant before which the entry is scheduled (Hugo publishDate)
    weight: int = 0
    authors: tuple[tuple[str, str], ...] = ()  # (name, url) of every author
    lang: str = ""  # its language, when the site has [origin] languages (x.fr.md, content/fr/, lang:)
    translation_key: str = ""  # translations share it: the path without the language, or translationKey
    references: tuple[Reference, ...] = ()
    media_folder: str = ""  # where its relative images are: Chirpy's media_subpath (img_path before v6), "/assets/img/x/"
    later_pages: str = ""  # an Eleventy list paginating posts: the URL of its later pages, {number} in it (/blog/page/{number}/)

    @property
    def section(self) -> str:
        return self.sections.split("/")[0] if self.sections else ""


class Defaults(NamedTuple):
    """What a file's place implies when its front matter does not say."""

    is_post: bool | None  # None: decided by the template, as in a masthead site
    template: str
    date: datetime | None
    slug: str
    title: str
    draft: bool


def locate(source: str, config: Config) -> tuple[str, str, bool, bool]:
    """(sections, filename, bundle, home) of a source path relative to the site."""
    content = config.folders.content.strip("/")
    path = PurePosixPath(source)
    inside = path.relative_to(content) if content not in ("", ".") and path.is_relative_to(content) else path
    folders = [part for part in inside.parent.parts if part not in ("_posts", "_drafts")]
    if folders and folder_language(folders[0], config):  # Hugo's content/<lang>/ layout
        folders = folders[1:]
    stem = path.stem
    language = _LANGUAGE_SUFFIX.match(stem)
    if language and language.group(2) in config.origin.languages:  # about.fr.md: the language is not part of the name
        stem = language.group(1)
    if stem in ("index", "_index") or (config.origin.kind == "eleventy" and folders and stem == folders[-1]):  # Eleventy: x/x.md is x/index.md
        home = not folders
        bundle = stem == "index" and not home and config.origin.kind == "hugo" or (config.origin.kind in ("eleventy", "gatsby") and not home)
        return "/".join(folders[:-1]), folders[-1] if folders else "", bundle, home
    # Eleventy (its image plugin) and Gatsby (gatsby-remark-images): images beside any page are its own
    return "/".join(folders), stem, config.origin.kind in ("eleventy", "gatsby"), False


def _midnight(day: date, config: Config) -> datetime:
    return datetime.combine(day, time(), tzinfo=config.tz)


def defaults(source: str, data: Mapping[str, Any], config: Config) -> Defaults:
    """The template, kind, date, slug and title a file's place gives it under its origin's rules."""
    kind = config.origin.kind
    sections, filename, _, home = locate(source, config)
    page = config.origin.page_template
    if kind == "jekyll":
        parts = PurePosixPath(source).parts
        dated = JEKYLL_DATED_NAME.match(filename)
        is_post = "_posts" in parts or "_drafts" in parts
        moment = None
        if dated and is_post:
            try:
                moment = _midnight(date(int(dated.group(1)), int(dated.group(2)), int(dated.group(3))), config)
            except ValueError:
                moment = None
        name = dated.group(4) if dated and is_post else filename
        title = " ".join(word.capitalize() for word in re.split(r"[-_ ]+", name) if word)  # Jekyll's titleize
        if config.origin.optional_front_matter and not is_post:
            title = ""  # GitHub Pages' jekyll-titles-from-headings: the first heading (entries.py), else the file name
        return Defaults(is_post, "blog-post" if is_post else page, moment, jekyll_slug(name), title, "_drafts" in parts)  # :title keeps its case
    if kind == "hugo":
        is_post = bool(sections) and sections.split("/")[0] in config.origin.post_sections and not source.endswith("/_index.md")
        dated = _DATED_NAME.match(filename) if config.origin.filename_date else None  # [frontmatter] date = [":filename", …]
        moment = None
        if dated:
            try:
                moment = _midnight(date(int(dated.group(1)), int(dated.group(2)), int(dated.group(3))), config)
            except ValueError:
                moment = None
        name = dated.group(4) if dated and moment else filename
        return Defaults(is_post and not home, "blog-post" if is_post else page, moment, hugo_urlize(config)(name), "", False)
    if kind == "pelican":
        from ..origins.data import pelican_settings
        from ..origins.pelican import is_page
        from ..origins.pelican_metadata import default_date, file_metadata, path_metadata

        settings = pelican_settings(config)
        is_post = not is_page(sections, settings)
        title = str(data.get("title", "")).strip()
        preset = settings.get("DEFAULT_METADATA")  # DEFAULT_METADATA = {"status": "draft"}: published only when Status: says
        status = data.get("status") or (preset.get("status") if isinstance(preset, dict) else None) or ""
        draft = str(status).strip().lower() == "draft"
        named = file_metadata(filename, settings)  # FILENAME_METADATA: the date (by default) and maybe the slug
        named = {**path_metadata(_content_path(source, config), settings), **named}  # PATH_METADATA's, under the file name's
        made_from = filename if settings.get("SLUGIFY_SOURCE") == "basename" or not title else title
        slug = named.get("slug") or pelican_slug(made_from, settings.get("SLUG_REGEX_SUBSTITUTIONS"))
        try:
            moment = _midnight(date.fromisoformat(named["date"]), config) if "date" in named else None
        except ValueError:
            moment = None
        if moment is None and is_post:
            moment = default_date(config.root / source, settings, config.tz)
        return Defaults(is_post, "blog-post" if is_post else page, moment, slug, "", draft)
    if kind == "eleventy":
        is_post = bool(sections) and sections.split("/")[0] in config.origin.post_sections and not home
        dated = _DATED_NAME.match(filename)  # 2024-01-05-x.md: Eleventy's date (UTC), and page.fileSlug is x
        moment = None
        if dated:
            try:
                moment = datetime(int(dated.group(1)), int(dated.group(2)), int(dated.group(3)), tzinfo=UTC)
            except ValueError:
                moment = None
        name = dated.group(4) if dated and moment else filename
        return Defaults(is_post, "blog-post" if is_post else page, moment, slugify(name), "", False)
    if kind == "gatsby":
        # A dated file is a post whatever its templateKey (gatsby-starter-blog's have none; a renamed starter's
        # BlogPost or PodCast too: its gatsby-node.js makes tag pages of their tags); undated ones decide by key.
        separator = config.origin.name_prefix
        if separator and separator in filename:  # 2017-10-09--i-am-so-clever: the post's date, then its slug
            prefix, filename = filename.split(separator, 1)
            try:
                named_day: datetime | None = _midnight(date.fromisoformat(prefix), config)
            except ValueError:
                named_day = None
            if named_day is not None and not home:
                return Defaults(True, "blog-post", named_day, filename, "", False)
        has_date = data.get("date") is not None and not home
        return Defaults(True if has_date else None, "blog-post" if has_date else page, None, filename, "", False)
    return Defaults(None, config.default_template, None, slugify(filename), "", False)


def _content_path(source: str, config: Config) -> str:
    """The file's path inside the content folder, as Pelican's PATH_METADATA matches it."""
    content = PurePosixPath(config.folders.content)
    path = PurePosixPath(source)
    return path.relative_to(content).as_posix() if content.parts and path.is_relative_to(content) else path.as_posix()


def categories(source: str, value: Any, config: Config) -> tuple[str, ...]:
    """Jekyll's categories: the folders above ``_posts`` and then the front matter's; Pelican's: its
    ``Category:``, else the folder the file is in, else the site's default category."""
    found: list[str] = []
    if config.origin.kind == "jekyll":
        parts = PurePosixPath(source).parts
        if "_posts" in parts:
            from ..origins.data import origin_config

            above = parts[: parts.index("_posts")]
            collections_dir = PurePosixPath(str(origin_config(config).get("collections_dir") or "").strip("/")).parts
            inside = above[1:] if above[:1] == (config.folders.content,) else above
            if collections_dir and inside[: len(collections_dir)] == collections_dir:  # Jekyll's relative_path starts inside it
                above = inside[len(collections_dir) :]
            found += [part for part in above if part not in (".", config.folders.content)]
    if config.origin.kind == "pelican" and value in (None, "", []):
        from ..origins.data import pelican_settings
        from ..origins.pelican import is_page
        from ..origins.pelican_metadata import path_metadata

        sections = locate(source, config)[0]
        article = not is_page(sections, pelican_settings(config))
        by_path = path_metadata(_content_path(source, config), pelican_settings(config)).get("category")
        if by_path and article:
            found.append(by_path)  # PATH_METADATA's (?P<category>…), over the folder and DEFAULT_CATEGORY
        elif sections and article and config.origin.folder_category:
            found.append(sections.split("/")[-1])  # USE_FOLDER_AS_CATEGORY: the folder the file is in
        elif config.origin.default_category and article:
            found.append(config.origin.default_category)  # DEFAULT_CATEGORY
    if isinstance(value, str):
        # Pelican's "a, b"; Jekyll's "a b" (its plural categories: split at spaces, the singular category: one); elsewhere the
        # one category it names ("field work")
        found += value.split(",") if config.origin.kind == "pelican" else value.split() if config.origin.kind == "jekyll" else [value]
    elif isinstance(value, list):
        found += [str(item) for item in value]
    return tuple(dict.fromkeys(item.strip() for item in found if item.strip()))


# Keys of other generators' front matter read into ``Placement``, first present wins.
ORIGIN_KEYS: dict[str, tuple[str, ...]] = {
    "categories": ("categories", "category"),
    "series": ("series",),
    "permalink": ("save_as", "url", "permalink"),  # Pelican's save_as: where the file is written
    "publish_after": ("publishDate", "publishdate", "pubDate"),
    "weight": ("weight",),
    "authors": ("authors",),
    "type": ("type",),
    "status": ("status",),
}
# Keys other generators give meaning to that masthead reads elsewhere or has no use for: no warning.
GENERATOR_KEYS = frozenset(
    {
        "templateEngineOverride",  # Eleventy
        "eleventyExcludeFromCollections",
        "eleventyComputed",
        "eleventyNavigation",
        "eleventyImport",
        "pagination",
        "render_with_liquid",  # Jekyll
        "excerpt_separator",
        "sitemap",
        "translation",  # Pelican
    }
)
ALL_ORIGIN_KEYS = frozenset(key for keys in ORIGIN_KEYS.values() for key in keys) | GENERATOR_KEYS


def _first(data: Mapping[str, Any], name: str) -> tuple[str | None, Any]:
    for key in ORIGIN_KEYS[name]:
        if key in data:
            return key, data[key]
    return None, None


def people(value: Any) -> tuple[tuple[str, str], ...] | None:
    """Authors written as a string, a list of strings or of {name, url} objects; None if neither."""
    items = value if isinstance(value, list) else [value]
    found: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, str) and item.strip():
            found += [(name.strip(), "") for name in (item.split(",") if "," in item and not isinstance(value, list) else [item])]
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            url = item.get("url") or item.get("link") or ""
            found.append((item["name"].strip(), url if isinstance(url, str) else ""))
        else:
            return None
    return tuple(dict.fromkeys(person for person in found if person[0]))


def _texts(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, (str, int)) for item in value):
        return tuple(str(item) for item in value)
    return None


# A page's own permalink as other generators write it: Jekyll's placeholders, Eleventy's page data.
# Jekyll's placeholders (jekyllrb.com/docs/permalinks/#placeholders) as masthead's tokens; also
# read by origins/jekyll.py for the site-wide permalink of _config.yml.
JEKYLL_TOKENS = {
    "categories": "{categories}",
    "slugified_categories": "{slugified_categories}",
    "year": "{year}",
    "month": "{month}",
    "short_month": "{month_short}",
    "long_month": "{month_name}",
    "short_year": "{short_year}",
    "day": "{day}",
    "title": "{slug}",
    "slug": "{plain_slug}",  # Utils.slugify in its default mode: lower case (:title keeps the case)
    "i_month": "{i_month}",
    "i_day": "{i_day}",
    "y_day": "{y_day}",
    "week": "{week}",
    "w_year": "{w_year}",
    "w_day": "{w_day}",
    "short_day": "{day_short}",
    "long_day": "{day_name}",
    "hour": "{hour}",
    "minute": "{minute}",
    "second": "{second}",
    "output_ext": ".html",
    "path": "{sections}/{filename}",
    "basename": "{filename}",
    "name": "{filename}",
}
_JEKYLL_PLACEHOLDER = re.compile(r":(" + "|".join(sorted(JEKYLL_TOKENS, key=len, reverse=True)) + r")\b")
_ELEVENTY_VARIABLE = re.compile(r"{{-?\s*(page\.fileSlug|page\.filePathStem|title\s*\|\s*slugify|title\s*\|\s*slug)\s*-?}}")
FIRST_PAGE_ONLY = re.compile(r"{%-?\s*if\s+pagination\.pageNumber\s*(?:(?:>|!=)\s*0\s*)?-?%}.*?{%-?\s*endif\s*-?%}", re.DOTALL)
# {{ pagination.pageNumber }} (0 on the first page), {{ pagination.pageNumber + 1 }} and Liquid's | plus: 1 (the page's own number)
PAGE_NUMBER = re.compile(r"{{-?\s*pagination\.pageNumber\s*(\+\s*1\s*|\|\s*plus\s*:\s*1\s*)?-?}}")
_VARIABLE_TOKENS = {"page.fileSlug": "{slug}", "page.filePathStem": "{sections}/{filename}"}
# LiquidJS's strftime date filter over the page's date: {{ page.date | date: "%Y/%m" }} is {year}/{month}
_ELEVENTY_DATE = re.compile(r"""{{-?\s*page\.date\s*\|\s*date\s*:\s*(["'])([^"'{}]*)\1\s*-?}}""")
_STRFTIME_TOKENS = {"Y": "{year}", "m": "{month}", "d": "{day}", "y": "{short_year}", "B": "{month_name}", "b": "{month_short}", "j": "{y_day}"}
_TITLE_SLUGIFY = re.compile(r"{{-?\s*title\s*\|\s*slugify\s*-?}}")


def _date_tokens(match: re.Match[str]) -> str:
    """A date filter's format as permalink tokens; the filter left as written for a directive without one."""
    parts = re.split(r"%(.)", match.group(2))
    tokens = [_STRFTIME_TOKENS.get(part) if index % 2 else part for index, part in enumerate(parts)]
    return match.group(0) if None in tokens else "".join(token or "" for token in tokens)


def page_pattern(value: str, config: Config) -> str | None:
    """A front matter permalink as a URL or masthead pattern; None if it uses something unknown."""
    text = value.strip()
    if config.origin.kind == "jekyll":
        text = _JEKYLL_PLACEHOLDER.sub(lambda match: JEKYLL_TOKENS[match.group(1)], text)
    if config.origin.kind == "eleventy":
        text = FIRST_PAGE_ONLY.sub("", text)  # {% if pagination.pageNumber > 0 %}…{% endif %}: false on the first page
        text = _ELEVENTY_DATE.sub(_date_tokens, text)
        text = PAGE_NUMBER.sub(lambda match: "1" if match.group(1) else "0", text)  # different/page-{{ pagination.pageNumber }}/: page-0
        text = _ELEVENTY_VARIABLE.sub(lambda match: _VARIABLE_TOKENS.get(match.group(1), "{title}"), text)
        if text.rsplit("/", 1)[-1] == "index.html":  # diary/index.html is Eleventy's page.url /diary/
            text = text.removesuffix("index.html") or "/"
    leftover = re.sub(r"{(" + "|".join(PERMALINK_TOKENS) + r")}", "", text)
    return None if ":" in leftover or "{" in leftover or "}" in leftover else text


def _eleventy_permalink(source: str, data: Mapping[str, Any], config: Config) -> Mapping[str, Any]:
    """Eleventy renders a permalink as a template over the page's data: ``"{{ metadata.feed.path }}"`` (the
    base blog's feed.njk) is the value _data/metadata.json gives. One masthead's patterns cannot say is
    rendered so; if a variable in it is unknown, it stays as written (and is reported as a permalink)."""
    value = data.get("permalink")
    title = data.get("title")
    if isinstance(value, str) and isinstance(title, str) and _TITLE_SLUGIFY.search(value):  # Eleventy's slugify: & is "and"
        from ..origins.eleventy_slug import eleventy_slugify

        value = _TITLE_SLUGIFY.sub(lambda _: eleventy_slugify(title), value)
        data = {**data, "permalink": value}
    if not isinstance(value, str) or "{" not in value or page_pattern(value, config) is not None:
        return data
    from .liquid import transform

    rendered = transform(value, 1, source, data, config)
    path = rendered.markdown.strip()
    if rendered.problems or rendered.blocks or "{" in path or not path or "//" in path:  # "//": a variable came out empty
        return data
    return {**data, "permalink": path}


def cdn_folder(config: Config) -> str:
    """The site folder Chirpy's ``img_cdn`` names: a site path as written (``/assets/img``), or the folder of the
    repository a GitHub CDN URL serves (jsDelivr's ``…/gh/user/repo@v1/assets/img/png/``, GitHub's raw
    ``…/user/repo/main/assets/img/``), which the site holds too; "" for none or another host."""
    from urllib.parse import urlsplit

    from ..origins.data import origin_config

    value = origin_config(config).get("img_cdn")
    if not isinstance(value, str) or not value.strip():
        return ""
    if "//" not in value:
        return value.strip() if value.strip().startswith("/") and ".." not in value else ""
    url = urlsplit(value.strip())
    parts = [part for part in url.path.split("/") if part]
    skip = {"cdn.jsdelivr.net": 3, "fastly.jsdelivr.net": 3, "raw.githubusercontent.com": 3}.get(url.hostname or "")
    if skip is None or (skip == 3 and url.hostname and "jsdelivr" in url.hostname and parts[:1] != ["gh"]):
        return ""
    rest = parts[skip:]  # after gh/user/repo@ref (jsDelivr) or user/repo/branch (raw)
    return "/" + "/".join(rest) + "/" if rest and ".." not in rest else ""


def _unrendered(data: Mapping[str, Any]) -> bool:
    """Hugo's build options say the page is not written: ``build.render: never`` (or false, Hugo's
    older ``_build``), or a headless bundle (``headless: true``)."""
    if data.get("headless") is True:
        return True
    options = data.get("build", data.get("_build"))
    return isinstance(options, Mapping) and options.get("render") in ("never", False, "false")


def _pelican_saved(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Pelican's per-file ``save_as: about/index.html`` as the URL it serves, ``/about/``; an empty
    ``url:`` (the quickstart's home page) says nothing."""
    found = {key: value for key, value in data.items() if not (key in ("url", "save_as") and not str(value).strip())}
    saved = found.get("save_as")
    if isinstance(saved, str):
        path = saved.strip().lstrip("/")
        found["save_as"] = "/" + (path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path)
    return found


def read(source: str, data: Mapping[str, Any], config: Config, problem: Any, moment: Any) -> tuple[Placement, set[str]]:
    """The placement of an entry; ``problem(key, message)`` notes errors, ``moment`` parses dates."""
    own_keys = set(data)  # the file's own front matter, whose keys have lines
    if config.origin.kind in ("jekyll", "eleventy"):  # Jekyll's defaults and collections, Eleventy's directory data
        from ..origins.data import inherited

        data = {**inherited(source, config), **data}
    if config.origin.kind == "eleventy":
        data = _eleventy_permalink(source, data, config)
    used: set[str] = set()
    values: dict[str, Any] = {}
    if config.origin.kind and not_a_page(source, data, config):
        own = _own_page(source, data, config)
        if own not in ("", "/404.html", "/404/"):  # a listing of the site's own: masthead's has the same job
            named = next((key for key in ("permalink", "title", "layout") if key in own_keys), "permalink")  # a line of the file, where it has one
            problem(named, f"URL {own} is masthead's own page; this page is left out and masthead's stands in", True)
        return Placement(hidden=True), {key for key in data if key in ALL_ORIGIN_KEYS}
    parts = PurePosixPath(source).parts
    if config.origin.kind == "jekyll" and "_posts" in parts and not JEKYLL_DATED_NAME.match(PurePosixPath(source).stem):
        problem(None, "not a post: Jekyll reads only the files of _posts/ named YYYY-MM-DD-title (it leaves this one out, and so does masthead)", True)
        return Placement(hidden=True), set(data)
    if config.origin.kind == "hugo" and "outputs" in data:  # outputs: [html, amp]: a format masthead does not make is named
        from ..origins.hugo_outputs import page_warning

        unmade = page_warning(data["outputs"])
        if unmade:
            problem("outputs", unmade, True)
    if config.origin.kind == "hugo" and _unrendered(data):  # build: {render: never} or headless: a page Hugo does not write
        return Placement(hidden=True), {key for key in data if key in ALL_ORIGIN_KEYS} | {"build", "_build", "headless"}
    saved_home = False
    if config.origin.kind == "pelican":
        data = _pelican_saved(data)
        saved_home = data.get("save_as") == "/"  # save_as: index.html: the home page, its text the home page's
        if saved_home:
            data = {key: value for key, value in data.items() if key != "save_as"}
            used.add("save_as")
    for name in ORIGIN_KEYS:
        key, value = _first(data, name)
        if key is None or value is None:
            continue
        used.add(key)
        if name == "series":
            texts = _texts(value)
            if texts is None:
                problem(key, 'expected a list of strings, such as ["/old/url/"]')
            values[name] = texts or ()
        elif name == "permalink":
            if value is False and config.origin.kind == "eleventy":
                values["hidden"] = True  # Eleventy's permalink: false: a page that is not written
                continue
            pattern = page_pattern(value, config) if isinstance(value, str) and value.strip() else None
            if pattern is None:
                problem(
                    key,
                    f"{value!r}: expected a URL path such as /about/ or a pattern of {{slug}}, {{year}}…"
                    f"{'; the default URL is used' if config.origin.kind else ''}",
                    warning=bool(config.origin.kind),
                )
            else:
                values[name] = pattern
        elif name == "publish_after":
            parsed = moment(value)
            if parsed is None:
                problem(key, f"{str(value)!r} is not a date; expected ISO 8601 such as 2024-12-23T20:53:09Z")
            else:
                values[name] = parsed.isoformat()
        elif name == "weight":
            if isinstance(value, int) and not isinstance(value, bool):
                values[name] = value
            elif isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):  # weight: "3", as Hugo casts it
                values[name] = int(value)
            else:
                problem(key, f"{value!r}: expected a whole number")
        elif name == "status" and str(value).strip().lower() == "hidden" and config.origin.kind == "pelican":
            values["unlisted"] = True
        elif name == "authors":
            found = people(value)
            if found is None:
                problem(key, "expected a name, a list of names, or a list of {name, url}")
            values[name] = found or ()
    category_key, category_value = _first(data, "categories")
    if category_value is not None and _texts(category_value) is None:
        problem(category_key, "expected a category or a list of categories")
        category_value = None
    sections, filename, bundle, home = locate(source, config)
    lang, key = language(source, data, config)
    if config.origin.kind == "hugo" and lang == (config.origin.languages or ("",))[0] and not home and not values.get("permalink"):
        from ..origins.data import default_language_in_subdir
        from .permalinks import pattern_for

        if default_language_in_subdir(config):  # /en/posts/x/ as /fr/posts/x/
            is_post = defaults(source, data, config).is_post
            pattern = pattern_for(sections.split("/")[0], bool(is_post), config)
            values["permalink"] = f"/{lang}/" + pattern.lstrip("/")
    if config.origin.kind == "pelican" and lang and lang != config.origin.languages[0] and not values.get("permalink"):
        from ..origins.data import pelican_settings
        from ..origins.pelican import is_page, translated_url

        values["permalink"] = translated_url(lang, is_page(sections, pelican_settings(config)), pelican_settings(config))
    if config.origin.kind == "jekyll" and lang and lang != config.origin.languages[0] and values.get("permalink"):
        values["permalink"] = f"/{lang}/" + values["permalink"].lstrip("/")  # jekyll-polyglot: /fr/ before the page's permalink
    used |= {name for name in ("lang", "language", "translationKey", "translation") if name in data and config.origin.languages}
    subpath = data.get("media_subpath", data.get("img_path")) if config.origin.kind == "jekyll" else None
    if config.origin.kind == "jekyll":  # Chirpy's img_cdn: every image path is under it, then under img_path
        cdn = cdn_folder(config)
        if cdn and isinstance(subpath, str) and subpath.strip():  # a subpath already under the CDN's folder is not put under it twice
            inner = "/" + subpath.strip().strip("/") + "/"
            subpath = inner if inner.startswith(cdn.rstrip("/") + "/") else cdn.rstrip("/") + inner
        else:
            subpath = cdn or subpath
    if isinstance(subpath, str) and subpath.strip() and ":" not in subpath and ".." not in subpath:
        values["media_folder"] = "/" + subpath.strip().strip("/") + "/" if subpath.strip().strip("/") else "/"
        used |= {"media_subpath", "img_path"} & set(data)
    if config.origin.kind in ("jekyll", "eleventy") and values.get("permalink") in ("/", "/index.html") and not defaults(source, data, config).is_post:
        home = True  # academicpages' and al-folio's _pages/about.md with permalink: /: the home page
    gatsby_path = data.get("path", data.get("slug")) if config.origin.kind == "gatsby" and not values.get("permalink") else None
    if isinstance(gatsby_path, str) and ("/" in gatsby_path.strip().strip("/") or "path" in data) and gatsby_path.strip().startswith("/"):
        values["permalink"] = gatsby_path.strip()  # Gatsby's tutorial shape: createPage({path: node.frontmatter.path}), slug: "/blog/x"
        used.add("path" if "path" in data else "slug")
    excluded = data.get("eleventyExcludeFromCollections") if config.origin.kind == "eleventy" else None
    if excluded is True or (isinstance(excluded, list) and _leaves_its_folder(source, excluded, config)):
        values["unlisted"] = True  # written at its URL, in no collection: no list, feed, sitemap or tag names it
    if config.origin.kind == "eleventy" and post_list_pagination(data):
        from ..origins.eleventy_pages import later_pages_pattern

        values["later_pages"] = later_pages_pattern(data.get("permalink"))
    if config.origin.kind == "hugo":
        from ..origins.data import section_path

        named = section_path(source, sections, bundle, config)
        values["section_path"] = named if named != sections else ""
    place = Placement(
        sections=sections,
        filename=filename,
        bundle=bundle,
        home=home or saved_home,
        categories=categories(
            source, [category_value] if category_key == "category" and isinstance(category_value, str) and category_value.strip() else category_value, config
        ),
        lang=lang,
        translation_key=key,
        **values,
    )
    return place, used


# masthead's own pages: an adopted site's page at one of these URLs is left out, masthead's stands in.
OWN_PAGES = frozenset({"/archive/", "/tags/", "/search/", "/404.html", "/404/"})


def not_a_page(source: str, data: Mapping[str, Any], config: Config) -> bool:
    """What masthead makes itself: a 404 page, an archive or tags page, a feed or sitemap template
    (``permalink: /feed.xml``), and Eleventy's pagination templates (one page per tag)."""
    if config.origin.kind == "eleventy" and "pagination" in data:
        return not post_list_pagination(data)
    if config.origin.not_pages:  # gatsby-starter-hero-blog's content/parts/: pieces of pages, given no slug
        inside = (
            PurePosixPath(source).relative_to(config.folders.content.strip("/"))
            if config.folders.content.strip("/") not in ("", ".")
            else PurePosixPath(source)
        )
        if any(inside.is_relative_to(folder) for folder in config.origin.not_pages):
            return True
    if config.origin.kind == "eleventy":
        data = _eleventy_permalink(source, data, config)  # "{{ metadata.feed.path }}": /feed/feed.xml
    permalink = data.get("permalink") if isinstance(data.get("permalink"), str) else ""
    assert isinstance(permalink, str)
    last = permalink.strip().rstrip("/").rsplit("/", 1)[-1]
    if "." in last and not last.endswith((".html", ".htm")) and "{" not in last:
        return True
    return bool(_own_page(source, data, config))


def _leaves_its_folder(source: str, excluded: list[Any], config: Config) -> bool:
    """Eleventy 3's ``eleventyExcludeFromCollections: ["posts"]``: out of the named collections only. Out of
    ``all``, or of the collection its folder's data file puts it in (the posts masthead lists), it is listed
    nowhere; out of a tag of its own, it only loses that tag (``entries``)."""
    from ..origins.data import inherited_tags

    return bool({str(name) for name in excluded} & {"all", *inherited_tags(source, config)})


def post_list_pagination(data: Mapping[str, Any]) -> str:
    """The collection an Eleventy pagination pages through several posts at a time (``data: collections.all``,
    ``size: 10``: a list page such as the base blog's ``page-list.njk``), or "" for one page per item (tag pages)."""
    pagination = data.get("pagination")
    if not isinstance(pagination, Mapping):
        return ""
    source = str(pagination.get("data", ""))
    name = source.removeprefix("collections.")
    listed = source.startswith("collections.") and re.fullmatch(r"[\w-]+", name)
    return name if listed and not (page_size(pagination) == 1 and _names_the_item(pagination, data.get("permalink"))) else ""


def _names_the_item(pagination: Mapping[str, Any], permalink: Any) -> bool:
    """Whether a ``size: 1`` pagination's permalink is built from its one item (``{{ post.fileSlug }}`` with
    ``alias: post``, ``pagination.items[0]``): a page per post. One that names only ``pagination.pageNumber``
    (``/blog/page-2/``), or no permalink at all, is a list one post a page."""
    if not isinstance(permalink, str):
        return False
    alias = pagination.get("alias")
    names = [r"pagination\.items?\b"] + ([rf"\b{re.escape(alias)}\b"] if isinstance(alias, str) and alias.strip() else [])
    return any(re.search(rf"{{[{{%][^}}]*{name}", permalink) for name in names)


def page_size(pagination: Mapping[str, Any]) -> int:
    """An Eleventy pagination's ``size`` (posts a page), 10 when it names none or a size that is not a whole number."""
    size = pagination.get("size", 10)
    return size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else 10


def _own_page(source: str, data: Mapping[str, Any], config: Config) -> str:
    """The URL of masthead's own page this file would take (``archive.njk``: ``/archive/``), or ""."""
    permalink = data.get("permalink") if isinstance(data.get("permalink"), str) else ""
    assert isinstance(permalink, str)
    sections, filename, _, home = locate(source, config)
    path = "/" + (permalink.strip() or "/".join(part for part in (sections, filename) if part) + "/").lstrip("/")
    return path if not home and path in OWN_PAGES and "_posts" not in source.split("/") else ""


def folder_language(folder: str, config: Config) -> str:
    """The language whose content lives in ``folder`` (content/fr/, or Hugo's contentDir content/cn/ for zh); "" for none."""
    if folder in config.origin.language_folders:
        return config.origin.language_folders[folder]
    return folder if folder in config.origin.languages else ""


def language(source: str, data: Mapping[str, Any], config: Config) -> tuple[str, str]:
    """(language, translation key) of a file in a multilingual site; ("", "") in any other."""
    languages = config.origin.languages
    if not languages:
        return "", ""
    content = config.folders.content.strip("/")
    path = PurePosixPath(source)
    inside = path.relative_to(content) if content not in ("", ".") and path.is_relative_to(content) else path
    parts = list(inside.with_suffix("").parts)
    lang = ""
    if parts and folder_language(parts[0], config) and len(parts) > 1:
        lang = folder_language(parts.pop(0), config)
    suffix = _LANGUAGE_SUFFIX.match(parts[-1]) if parts else None
    if suffix and suffix.group(2) in languages:
        lang, parts[-1] = suffix.group(2), suffix.group(1)
    written = data.get("lang") or data.get("language")
    if isinstance(written, str) and written in languages:
        lang = written
    key = data.get("translationKey")
    if config.origin.kind == "pelican":  # ARTICLE_TRANSLATION_ID: translations share their slug
        title = str(data.get("title") or "").strip()
        key = str(data.get("slug") or "").strip() or (slugify(title) if title else slugify(parts[-1] if parts else ""))
    return lang or languages[0], str(key) if isinstance(key, (str, int)) and key != "" else "/".join(parts)
