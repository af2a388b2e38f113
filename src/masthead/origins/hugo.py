"""``masthead init`` for a Hugo site: its config read, its sections, permalinks and params mapped.

Hugo's rules kept: regular pages of the main sections (``params.mainSections``, else the section
with the most pages, as Hugo decides) are dated posts; pages at the root and in other sections are
pages; URLs follow ``[permalinks]``, else ``/section/name/``; ``static/`` is published at the root.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.datafile import DataFileError, load_data
from ..errors import MastheadError, Problem
from .config_lines import config_problem
from .hugo_outputs import config_warnings
from .plan import Plan

_TOKENS = {
    "year": "{year}",
    "month": "{month}",
    "monthname": "{month_name}",
    "day": "{day}",
    "yearday": "{yearday}",
    "weekday": "{weekday}",
    "weekdayname": "{day_name}",
    "title": "{title}",
    "slug": "{slug_or_title}",
    "slugorfilename": "{slug}",
    "filename": "{filename}",
    "contentbasename": "{filename}",
    "slugorcontentbasename": "{slug}",  # Hugo 0.144: the slug, else the content base name
    "section": "{section}",
    "sections": "{sections}",
}


def read_config(path: Path) -> dict[str, Any]:
    """The Hugo config as data; a broken one is a problem naming its file and line."""
    try:
        data = load_data(path.read_text(encoding="utf-8"), path.suffix)
    except DataFileError as exc:
        raise MastheadError([Problem(path.name, exc.line, None, f"cannot be read ({exc.reason}); expected a valid Hugo config")]) from exc
    except UnicodeDecodeError as exc:
        raise MastheadError([Problem(path.name, None, None, f"cannot be read ({exc}); expected a valid Hugo config")]) from exc
    return data if isinstance(data, dict) else {}


def config_parts(path: Path) -> list[Path]:
    """The other files of a config folder (``config/_default/params.toml``, ``menus.en.toml``…): Hugo
    reads each as the table named by its file name. None for a config file at the site's root."""
    if path.parent.name != "_default":
        return []
    names = ("hugo", "config")
    return sorted(part for part in path.parent.iterdir() if part.suffix in (".toml", ".yaml", ".yml", ".json") and part.stem not in names and part.is_file())


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``, tables merged key by key, as Hugo merges an environment's config."""
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def _folder_tables(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    for part in config_parts(path):
        table, _, lang = part.stem.partition(".")  # menus.en.toml: the menus of one language
        value = read_config(part)
        if table in ("languages", "menus", "menu") and lang:  # languages.en.toml is [languages.en] (Blowfish's, Congo's), menus.fr.toml [languages.fr.menus]
            languages: dict[str, Any] = data["languages"] if isinstance(data.get("languages"), dict) else {}
            written = languages.get(lang)
            value = value if table == "languages" else {"menus": value}
            data["languages"] = {**languages, lang: {**value, **(written if isinstance(written, dict) else {})}}
        elif isinstance(data.get(table), dict):
            data[table] = {**value, **data[table]}
        else:
            data[table] = value
    return data


def environment_files(path: Path) -> list[Path]:
    """``config/production/``'s files, which ``hugo`` (its environment is production) reads over ``config/_default/``."""
    folder = path.parent.parent / "production"
    if path.parent.name != "_default" or not folder.is_dir():
        return []
    return sorted(part for part in folder.iterdir() if part.suffix in (".toml", ".yaml", ".yml", ".json") and part.is_file())


def read_config_folder(path: Path) -> dict[str, Any]:
    """The Hugo config with the tables of its config folder's other files merged in (``params.toml`` is
    ``[params]``), then ``config/production/`` over it (its ``baseURL``, most often)."""
    data = _folder_tables(path, read_config(path))
    for part in environment_files(path):
        value = read_config(part)
        table = part.stem.split(".")[0]
        data = _merged(data, value if table in ("hugo", "config") else {table: value})
    return data


def filename_date(frontmatter: Any) -> str:
    """Whether ``[frontmatter] date`` reads the file name (``[":filename", ":default"]``, for sites from Jekyll):
    "first" when it comes before the front matter's ``date`` (or ``:default``), "last" after it, else ""."""
    keys = frontmatter.get("date") if isinstance(frontmatter, dict) else None
    keys = [keys] if isinstance(keys, str) else keys if isinstance(keys, list) else []
    keys = [str(key).lower() for key in keys]
    if ":filename" not in keys:
        return ""
    front = [index for index, key in enumerate(keys) if key in ("date", ":default")]
    return "first" if not front or keys.index(":filename") < front[0] else "last"


def permalink(pattern: str, notes: list[str], ugly: bool = False) -> str:
    """Hugo's ``/:year/:month/:title/`` as masthead's ``/{year}/{month}/{title}/`` (with uglyURLs
    ``/{year}/{month}/{title}.html``: Hugo writes the last part as a file, whatever the slashes)."""

    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "sections" and match.group(2):  # :sections[1:], :sections[last] (Hugo 0.125)
            return "{sections" + match.group(2) + "}"
        if name not in _TOKENS:
            notes.append(f"Hugo's permalink token :{name} has no masthead equivalent; it was replaced by {{slug}}.")
            return "{slug}"
        return _TOKENS[name]

    converted = re.sub(r":(\w+)(\[(?:-?\d+|last)?(?::(?:-?\d+|last)?)?\])?", token, pattern.strip())
    converted = "/" + converted.lstrip("/")
    if ugly and not converted.endswith(".html"):
        return converted.rstrip("/") + ".html"
    return converted if converted.endswith(("/", ".html")) else converted + "/"


def term_permalink(pattern: Any, taxonomy: str) -> str:
    """A term's page pattern (``/topics/:slug/``, ``/:section/:title/``) as masthead's ``/topics/{slug}/``:
    a term's ``:slug`` and ``:title`` are its urlized name, ``:section`` its taxonomy; "" for another token."""
    if not isinstance(pattern, str) or not pattern.strip().strip("/"):
        return ""
    tokens = {"slug": "{slug}", "title": "{slug}", "section": taxonomy, "sections": taxonomy}
    if any(name not in tokens for name in re.findall(r":(\w+)", pattern)):
        return ""
    converted = "/" + re.sub(r":(\w+)", lambda match: tokens[match.group(1)], pattern.strip()).lstrip("/")
    converted = converted if converted.endswith(("/", ".html")) else converted + "/"
    return converted if "{slug}" in converted else ""


def _folded(data: dict[str, Any]) -> dict[str, Any]:
    """Hugo's config keys are not case-sensitive (``baseurl``, ``DefaultContentLanguage``, ``uglyurls``):
    the top-level keys in lower case, the first spelling winning."""
    folded: dict[str, Any] = {}
    for key, value in data.items():
        folded.setdefault(str(key).lower(), value)
    return folded


def taxonomies(data: dict[str, Any]) -> tuple[str, ...]:
    """The front matter keys of the site's taxonomies other than tags: ``[taxonomies]`` values
    (``category = "categories"``, ``author = "author"``), else Hugo's default, categories."""
    declared = _folded(data).get("taxonomies")
    if not isinstance(declared, dict):
        return ("categories",)
    return tuple(dict.fromkeys(str(plural) for plural in declared.values() if isinstance(plural, str) and plural and plural != "tags"))


def ugly_sections(data: dict[str, Any]) -> tuple[bool, tuple[str, ...]]:
    """``uglyURLs = true`` (every page), or ``[uglyURLs] books = true`` (those sections' pages)."""
    value = _folded(data).get("uglyurls")
    if isinstance(value, dict):
        return False, tuple(str(section) for section, on in value.items() if on is True)
    return value is True, ()


def _disabled(data: dict[str, Any]) -> set[str]:
    return {str(kind).lower() for kind in _folded(data).get("disablekinds") or () if isinstance(kind, str)}


def disabled_lists(data: dict[str, Any]) -> tuple[str, ...]:
    """The list kinds ``disableKinds`` drops, by today's names: "section" (/posts/), "taxonomy" (/tags/), "term"
    (/tags/x/), as Hugo 0.168 reads them. Before Hugo 0.73 a term's kind was ``taxonomy`` and a taxonomy's
    ``taxonomyTerm``; today's Hugo reads ``taxonomy`` by its new meaning and ignores ``taxonomyTerm``
    (hugo-book's ``disableKinds = ['taxonomy', 'taxonomyTerm']`` drops /tags/ and keeps /tags/x/)."""
    disabled = _disabled(data)
    return tuple(kind for kind in ("section", "taxonomy", "term") if kind in disabled)


def list_feeds(data: dict[str, Any]) -> tuple[str, ...]:
    """The list kinds Hugo writes an RSS ``index.xml`` for: home, section, taxonomy and term by default,
    less those ``disableKinds`` drops (``"RSS"`` drops them all) or whose ``[outputs]`` omit ``"RSS"``.
    Before Hugo 0.73 a term's kind was ``taxonomy`` and a taxonomy's ``taxonomyTerm``."""
    folded = _folded(data)
    disabled = _disabled(data)
    outputs = {str(kind).lower(): value for kind, value in (folded.get("outputs") or {}).items()} if isinstance(folded.get("outputs"), dict) else {}
    old = "taxonomyterm" in outputs or "taxonomyterm" in disabled
    names = {"home": "home", "section": "section", "taxonomy": "taxonomyterm" if old else "taxonomy", "term": "taxonomy" if old else "term"}
    if "rss" in disabled:
        return ()
    kept = []
    for kind, name in names.items():
        formats = outputs.get(name)
        if name in disabled or (isinstance(formats, list) and "rss" not in {str(format).lower() for format in formats}):
            continue
        kept.append(kind)
    return tuple(kept)


def home_outputs_json(data: dict[str, Any]) -> bool:
    """``[outputs] home = ["HTML", "RSS", "JSON"]``: the home page has a JSON output, ``/index.json``."""
    outputs = _folded(data).get("outputs")
    home = next((value for key, value in outputs.items() if str(key).lower() == "home"), None) if isinstance(outputs, dict) else None
    return isinstance(home, list) and "json" in {str(format).lower() for format in home}


def language_folders(languages: Any, content: str) -> dict[str, str]:
    """language -> its folder under the content folder, where ``languages.<code>.contentDir`` is not
    ``content/<code>`` (Hextra sites: zh's ``contentDir = "content/cn"``)."""
    folders: dict[str, str] = {}
    for code, settings in (languages or {}).items() if isinstance(languages, dict) else ():
        folder = settings.get("contentDir") or settings.get("contentdir") if isinstance(settings, dict) else None
        parts = str(folder).strip("/").split("/") if isinstance(folder, str) else []
        if len(parts) == 2 and parts[0] == content and parts[1] != str(code):
            folders[str(code)] = parts[1]
    return folders


def static_copies(data: Mapping[str, Any], static: str) -> dict[str, str]:
    """Folder -> its path in the output, for the static files Hugo publishes besides ``static``: the other
    folders of a ``staticDir`` list, and the ``[[module.mounts]]`` whose target is ``static`` or below it
    (``source = "media"``, ``target = "static"``: media/img/x.png at /img/x.png)."""
    found: dict[str, str] = {}
    folders = data.get("staticDir")
    for folder in folders[1:] if isinstance(folders, list) else ():
        if isinstance(folder, str) and folder.strip("/"):
            found[folder.strip("/")] = "/"
    module = data.get("module")
    mounts = module.get("mounts") if isinstance(module, dict) else None
    for mount in mounts if isinstance(mounts, list) else ():
        source, target = (mount.get("source"), mount.get("target")) if isinstance(mount, dict) else (None, None)
        if not isinstance(source, str) or not isinstance(target, str) or ".." in source.split("/") or ":" in source:
            continue
        source, target = source.strip().strip("/"), target.strip().strip("/")
        if source and source != static and (target == "static" or target.startswith("static/")):
            found[source] = target.removeprefix("static").strip("/") or "/"
    return found


def root_language_folders(languages: Any) -> dict[str, str]:
    """language -> its folder, when each language's ``contentDir`` is a folder of its own at the site's
    root (hugo-book's ``content.en``, ``content.zh``; also ``content`` beside ``content.de``): the site's content is then
    those folders."""
    folders: dict[str, str] = {}
    for code, settings in (languages or {}).items() if isinstance(languages, dict) else ():
        folder = _folded(settings).get("contentdir") if isinstance(settings, dict) else None
        if not isinstance(folder, str) or "/" in folder.strip("/") or folder.strip("/") in ("", "."):
            return {}
        folders[str(code)] = folder.strip("/")
    return folders if len(set(folders.values())) == len(folders) else {}  # one folder shared: languages told by file name


def _main_sections(content: Path, params: dict[str, Any], languages: Any, root_folders: tuple[str, ...] = ()) -> list[str]:
    declared = params.get("mainSections") or params.get("mainsections")
    if isinstance(declared, list) and declared:
        return [str(section) for section in declared]
    counts: Counter[str] = Counter()
    dated: Counter[str] = Counter()
    if content.is_dir():
        for path in sorted(content.rglob("*.md")):
            parts = path.relative_to(content).parts
            if isinstance(languages, dict) and parts and parts[0] in (*languages, *language_folders(languages, content.name).values(), *root_folders):
                parts = parts[1:]  # content/<lang>/posts/x.md, or a language's contentDir
            if len(parts) > 1 and not path.name.startswith("_"):
                counts[parts[0]] += 1
                dated[parts[0]] += _dated(path)
    if not counts:
        return ["posts"]
    largest = counts.most_common(1)[0][0]
    # Hugo's pick; but a documentation section of undated pages (hugo-book's docs/) beside a blog holds no posts
    return [dated.most_common(1)[0][0]] if not dated[largest] and +dated else [largest]


def _dated(path: Path) -> bool:
    """Whether a page's front matter has a date (a post), read as Hugo reads it; an unreadable one is not."""
    from ..content import frontmatter

    try:
        data = frontmatter.parse(frontmatter.split(path.read_text(encoding="utf-8"), str(path)), str(path))
    except (OSError, UnicodeDecodeError, frontmatter.FrontMatterError):
        return False
    return any(key.lower() in ("date", "publishdate", "pubdate", "published") for key in map(str, data))


def _default_language_settings(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the default language's own settings over the root's, as Hugo reads them for the
    site in that language: ``[languages.en] title``, ``languageCode``, ``[languages.en.params]`` merged
    key by key (Congo's and Blowfish's ``languages.en.toml`` hold the site's title and author)."""
    languages = data.get("languages")
    default = str(data.get("defaultcontentlanguage") or "en")
    settings = languages.get(default) if isinstance(languages, dict) else None
    if not isinstance(settings, dict):
        return data
    merged = dict(data)
    for key, value in _folded(settings).items():
        if key in ("weight", "languagename", "languagedirection", "contentdir", "menus", "menu"):  # the language's, not the site's
            continue
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def plan(site: Path, found: str) -> Plan:
    written = read_config_folder(site / found)
    data = _default_language_settings(_folded(written))
    if isinstance(data.get("defaultcontentlanguage"), str):
        data["defaultContentLanguage"] = data["defaultcontentlanguage"]
    for key in ("contentDir", "staticDir", "baseURL", "languageCode", "timeZone", "defaultContentLanguageInSubdir"):
        if key.lower() in data:
            data[key] = data[key.lower()]
    params = data.get("params") if isinstance(data.get("params"), dict) else {}
    assert isinstance(params, dict)
    rooted = root_language_folders(data.get("languages"))  # content.en/, content.zh/: the content is at the root, by language
    content = "." if rooted else str(data.get("contentDir") or "content")
    static = str(data.get("staticDir") or "static") if not isinstance(data.get("staticDir"), list) else str(data["staticDir"][0])
    notes = [
        "Hugo's rules: regular pages of the post sections are dated posts, other pages are pages;",
        "page bundles (a folder with index.md) publish the files beside it; _index.md is a section page;",
        "aliases become redirect pages; shortcodes figure, youtube, vimeo, x, instagram, gist, highlight,",
        "ref, relref and param are rendered (embeds as links: no request to a third party until clicked).",
    ]
    sections = _main_sections(site / content, params, data.get("languages"), tuple(rooted.values()))
    permalinks: dict[str, str] = {}
    configured = data.get("permalinks") if isinstance(data.get("permalinks"), dict) else {}
    assert isinstance(configured, dict)
    pages = configured.get("page") if isinstance(configured.get("page"), dict) else configured
    ugly, ugly_only = ugly_sections(written)
    for section, pattern in (pages or {}).items():
        if isinstance(pattern, str):
            permalinks[str(section)] = permalink(pattern, notes, ugly or str(section) in ugly_only)
    for section in ugly_only:
        permalinks.setdefault(section, "/{sections}/{slug}.html")
    default = "/{sections}/{slug}.html" if ugly else "/{sections}/{slug}/"
    values: dict[str, Any] = {
        "title": str(data.get("title") or "My Site"),
        "permalink": default,
        "page_permalink": default,
        "post_templates": ["blog-post"],
    }
    base_url = str(data.get("baseURL") or data.get("baseurl") or "").rstrip("/")
    if base_url.startswith(("http://", "https://")):
        values["base_url"] = base_url
    else:
        notes.append("No absolute baseURL in the Hugo config: set base_url below before publishing.")
    language = data.get("languageCode") or data.get("defaultContentLanguage")
    if isinstance(language, str) and language:
        values["language"] = language
    if isinstance(data.get("timeZone"), str):
        values["timezone"] = data["timeZone"]
    if isinstance(params.get("description"), str):
        values["description"] = params["description"]
    pagination = data.get("pagination") if isinstance(data.get("pagination"), dict) else {}
    assert isinstance(pagination, dict)
    size = pagination.get("pagerSize", data.get("paginate"))  # Hugo 0.128's [pagination] pagerSize, before it paginate
    size = int(size) if isinstance(size, str) and size.strip().isdigit() else size  # paginate = "10": Hugo casts it
    if isinstance(size, int) and not isinstance(size, bool) and size > 0:
        values["page_size"] = size
    path = pagination.get("path", data.get("paginatePath"))
    path = path.strip("/") if isinstance(path, str) and re.fullmatch(r"[\w-]+", path.strip("/")) else "page"
    if path != "page" or ugly:  # uglyURLs: /page/2.html, /posts/page/2.html (Hugo's paginated lists are files too)
        values["page_path"] = path + ("/{number}.html" if ugly else "/{number}/")
    copies = static_copies(data, static)
    if copies:
        shown = ", ".join(f"{source}/ at /{target.strip('/')}" for source, target in copies.items())
        notes.append(f"Its other static folders (staticDir, [[module.mounts]] to static) are published as Hugo publishes them: {shown} ([origin] passthrough).")
    tables: dict[str, dict[str, Any]] = {
        "folders": {"content": content, "static": static},
        "origin": {
            "kind": "hugo",
            "config_file": found,
            "post_sections": sections,
            "permalinks": permalinks,
            "layouts": {},
            "page_template": "about-page",
            "taxonomies": list(taxonomies(written)),
        },
    }
    if copies:
        tables["origin"]["passthrough"] = copies
    order = filename_date(data.get("frontmatter") or data.get("frontMatter"))
    if order:
        tables["origin"]["filename_date"] = order
        notes.append("[frontmatter] date reads :filename: a file named 2024-05-02-slug.md is dated by its name, its slug the rest.")
    dropped = disabled_lists(written)
    if dropped:
        tables["origin"]["disabled_lists"] = list(dropped)
        notes.append(f"disableKinds drops the {' and '.join(dropped)} lists: no taxonomy pages of those kinds are written.")
    kinds = list_feeds(written)
    if kinds:
        tables["origin"]["list_feeds"] = list(kinds)
        notes.append("Hugo's RSS feeds are kept at its paths: index.xml beside each list page (/index.xml, /posts/index.xml, /tags/x/index.xml).")
    if home_outputs_json(written):
        tables["origin"]["home_json"] = True
        notes.append("[outputs] home has \"JSON\": /index.json is written, every page's title, URL, summary and text (the theme's search index).")
    for key, name in (("disablePathToLower", "disable_path_to_lower"), ("removePathAccents", "remove_path_accents")):
        if data.get(key.lower()) is True:  # URLs keep their capitals; accents are taken off
            tables["origin"][name] = True
            notes.append(f"{key} = true: URLs are made as Hugo makes them with it ([origin] {name}).")
    if ugly:
        tables["origin"]["ugly_urls"] = True
        tables["origin"]["tag_permalink"] = "/tags/{slug}.html"
        notes.append("uglyURLs = true: pages are files (/posts/x.html), and so are the lists of sections and terms (/posts.html, /tags/x.html).")
    elif ugly_only:
        notes.append(f"uglyURLs for {', '.join(ugly_only)}: the pages of those sections are files (/{ugly_only[0]}/x.html).")
    # themes' featured image keys: PaperMod's cover {image, alt}, Ananke's featured_image; Hugo's own images (a list: the first)
    tables["fields"] = {"image": ["featuredImage", "featured_image", "image", "cover", "images"]}
    site_images = params.get("images")  # Hugo's opengraph template: the picture of pages without one
    first = site_images[0] if isinstance(site_images, list) and site_images else site_images
    if isinstance(first, str) and first.startswith("/") and not first.startswith("//"):
        values["default_image"] = first
    markup = data.get("markup") if isinstance(data.get("markup"), dict) else {}
    renderer = ((markup or {}).get("goldmark") or {}).get("renderer") if isinstance((markup or {}).get("goldmark"), dict) else None
    if isinstance(renderer, dict) and renderer.get("unsafe") is True:
        tables["origin"]["raw_html"] = True
        notes.append(
            "markup.goldmark.renderer.unsafe = true: raw HTML in Markdown is kept, as Hugo keeps it, made safe "
            "([origin] raw_html below; unsafe_html = true would keep scripts too)."
        )
    author = params.get("author") or data.get("author")
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        tables["author"] = {"name": author["name"]}
    elif isinstance(author, str):
        tables["author"] = {"name": author}
    languages = data.get("languages")
    if isinstance(languages, dict) and languages:
        default = str(data.get("defaultContentLanguage") or "en")
        weights = {
            str(code): (code != default, settings.get("weight", 0) if isinstance(settings, dict) else 0, str(code)) for code, settings in languages.items()
        }
        tables["origin"]["languages"] = sorted(weights, key=lambda code: weights[code])
        renamed = rooted or language_folders(languages, content)
        if renamed:
            tables["origin"]["language_folders"] = {folder: code for code, folder in sorted(renamed.items())}
        own = languages.get(default)
        code = _folded(own).get("languagecode") if isinstance(own, dict) else None
        values["language"] = code if isinstance(code, str) and code else default  # languages.en.toml's languageCode = "en-CA"
        notes.append(
            f"Languages {', '.join(tables['origin']['languages'])}: {default} at the root, the others under /<lang>/; "
            "translations (x.fr.md or content/fr/x.md) are linked with hreflang."
        )
        if data.get("defaultContentLanguageInSubdir") is True:
            notes.append(f"defaultContentLanguageInSubdir = true: {default} is under /{default}/ too (read from {found}); the root is masthead's home.")
    files = [site / found, *config_parts(site / found), *environment_files(site / found)]  # where each warning's setting is written
    warnings = [config_problem(site, files, table, key, message) for table, key, message in config_warnings(data.get("outputs"), data.get("outputformats"))]
    named = ("tags", *taxonomies(written))  # [permalinks] tags = "/topics/:slug/" is the tags' terms' pattern too, as Hugo reads it
    flat = {name: configured[name] for name in named if isinstance(configured.get(name), str)}
    for kind in ("section", "taxonomy", "term", ""):  # [permalinks.section] posts = "/articles/": that section's list there
        lists = flat if not kind else configured.get(kind) if isinstance(configured.get(kind), dict) else {}
        for name, pattern in sorted((lists or {}).items()):
            path = "/" + pattern.strip().strip("/") + "/" if isinstance(pattern, str) and pattern.strip().strip("/") else ""
            term = term_permalink(pattern, str(name)) if kind in ("term", "") and name in named else ""
            if kind in ("section", "taxonomy") and re.fullmatch(r"(/[\w.~-]+)+/", path) and (kind == "section" or name in named):
                tables["origin"].setdefault("section_lists" if kind == "section" else "taxonomy_lists", {})[str(name)] = path
            elif term:
                tables["origin"].setdefault("term_permalinks", {}).setdefault(str(name), term)  # [permalinks.term] wins over the older form
            elif kind:
                message = f"[permalinks.{kind}] {name} = {pattern!r} is not applied: that list stays at its default URL"
                warnings.append(config_problem(site, files, f"permalinks.{kind}", str(name), message))
    own = {"rss": "/feed.xml, /atom.xml, /feed.json", "sitemap": "/sitemap.xml"}  # masthead's, kept for readers and search engines
    off = [kind for kind in own if kind in _disabled(written)]
    if off:
        message = f"disableKinds {', '.join(off)}: masthead still writes its own {' and '.join(own[kind] for kind in off)}"
        warnings.append(config_problem(site, files, "", "disableKinds", message))
    return Plan("hugo", found, values, tables, tuple(notes), tuple(warnings))
