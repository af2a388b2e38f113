"""``masthead init`` for JavaScript generators: Eleventy, and Gatsby with Decap CMS.

Their configs are programs, so nothing is run: the few values needed are read from the text
(``dir: { input: "src" }``, ``siteMetadata: { title: … }``) and from Decap's ``config.yml``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..content.datafile import DataFileError, load_data
from ..content.js_front_matter import literal_calls
from ..errors import Problem
from .eleventy_feeds import eleventy_feeds, virtual_feeds
from .eleventy_pages import data_page_templates, home_pagination
from .eleventy_tags import tag_pages
from .gatsby_program import index_pages, later_pages, name_prefix, not_page_sources, number, program_text, slug_pattern, term_permalinks
from .gatsby_routes import markdown_permalink
from .gatsby_themes import minimal_blog
from .plan import Plan


def _js_string(text: str, key: str, depth: int = 0) -> str:
    """The string ``key`` is set to in a site's JavaScript or JSON settings; ``title: config.siteTitle`` is the
    string ``siteTitle`` is set to (the text holds the modules the config requires)."""
    found = re.search(rf"""\b{key}["']?\s*:\s*(["'`])(.*?)\1""", text, re.DOTALL)  # JavaScript or JSON
    if found:
        return found.group(2).strip()
    reference = re.search(rf"""\b{key}["']?\s*:\s*[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*)\s*[,}}\n]""", text)
    return _js_string(text, reference.group(1), depth + 1) if reference and reference.group(1) != key and depth < 3 else ""


def _eleventy_dir(text: str, key: str) -> str:
    """A folder of Eleventy's ``dir``: ``dir: { input: "src" }`` (returned by ``.eleventy.js``, or v3's
    ``export const config``), else Eleventy 3's ``eleventyConfig.setInputDirectory("src")`` and its kin."""
    call = re.search(rf"""\.set{key.capitalize()}Directory\(\s*(["'`])(.*?)\1\s*\)""", text)
    return _js_string(text, key) or (call.group(2).strip() if call else "")


def _author_name(text: str) -> str:
    """``author: { name: "…" }`` in a site's JavaScript or JSON settings, or ""."""
    found = re.search(r"author[\"']?\s*:\s*{[^}]*?name[\"']?\s*:\s*([\"'])(.*?)\1", text, re.DOTALL)
    return found.group(2) if found else ""


def _with_prefix(url: str, prefix: str) -> str:
    """The site's address under Eleventy's or Gatsby's ``pathPrefix`` ("/project/"), unless the URL has it."""
    url = url.rstrip("/")
    prefix = prefix.strip("/")
    if not prefix or not re.fullmatch(r"[\w.~/-]+", prefix) or url.endswith("/" + prefix):
        return url
    return f"{url}/{prefix}"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _decap(site: Path) -> dict[str, Any]:
    for name in ("static/admin/config.yml", "admin/config.yml", "public/admin/config.yml"):
        try:
            data = load_data(_read(site / name), ".yml") if (site / name).is_file() else None
        except DataFileError:
            data = None
        if isinstance(data, dict):
            return data
    return {}


_POSTS_TAG = re.compile(r"""["']?tags["']?\s*:|["']?layout["']?\s*:\s*["'][^"']*\bpost\b""")


def _post_folder(folder: Path) -> bool:
    """A folder of dated posts: the usual names, or a directory data file that puts them in a collection
    (``tags``, as eleventy-base-blog's ``blog.11tydata.js`` does) or gives them a post layout."""
    if folder.name in ("posts", "blog", "articles", "notes"):
        return True
    for name in (f"{folder.name}.json", f"{folder.name}.11tydata.json", f"{folder.name}.11tydata.js", f"{folder.name}.11tydata.cjs"):
        if _POSTS_TAG.search(_read(folder / name)):
            return True
    return False


def _site_data_text(folder: Path) -> str:
    """The global data file that describes the site (metadata, site, meta…: the first with a title)."""
    names = ("metadata", "site", "meta", "config", "settings")
    candidates = sorted(folder.glob("*.js*"), key=lambda path: (path.stem not in names, names.index(path.stem) if path.stem in names else 0, path.name))
    for path in candidates:
        text = _read(path)
        if _js_string(text, "title"):
            return text
    return ""


def eleventy(site: Path, found: str) -> Plan:
    text = _read(site / found)
    content = _eleventy_dir(text, "input").removeprefix("./").rstrip("/") or "."
    data_folder = (site / content / (_eleventy_dir(text, "data") or "_data")).resolve()
    data_text = _site_data_text(data_folder)
    notes = [
        "Eleventy's rules: a page's URL is its path (blog/x.md is /blog/x/, an index.md its folder's);",
        "the files of the post folders below are dated posts; front matter permalink: /x/ is kept;",
        "Nunjucks and Liquid in pages are rendered over the front matter, _data/*.json and directory data files",
        "(posts/posts.json: tags, layout, permalink); JavaScript data files are programs and are not run.",
    ]
    scripts = sorted(path.name for path in data_folder.glob("*") if path.suffix in (".js", ".cjs", ".mjs")) if data_folder.is_dir() else []
    if scripts:
        notes.append(f"JavaScript data files are programs and are never run: {', '.join(scripts)} (title, url and author are read from their text).")
    folders = sorted(path.name for path in (site / content).iterdir() if path.is_dir() and _post_folder(path))
    author = _author_name(data_text)
    values: dict[str, Any] = {
        "title": _js_string(data_text, "title") or "My Site",
        "permalink": "/{sections}/{filename}/",
        "page_permalink": "/{sections}/{filename}/",
    }
    for key in ("description", "language"):  # eleventy-base-blog's metadata: language: "en", description: "…"
        if _js_string(data_text, key):
            values[key] = _js_string(data_text, key)
    url = _js_string(data_text, "url")
    if url.startswith(("http://", "https://")):
        values["base_url"] = _with_prefix(url, _js_string(text, "pathPrefix"))
    static, copied = _passthrough(text, content)
    tables: dict[str, dict[str, Any]] = {
        "folders": {"content": content, "static": static, "output": _eleventy_dir(text, "output") or "_site"},
        "origin": {
            "kind": "eleventy",
            "config_file": "",
            "post_sections": folders or ["posts"],
            "page_template": "about-page",
            "layouts": {"post": "blog-post", "base": "about-page", "home": "about-page"},
            "raw_html": True,  # markdown-it with html: true, as Eleventy configures it
        },
    }
    if copied:
        shown = ", ".join(f"{source} at /{target}" for source, target in copied.items())
        notes.append(f"Its other passthrough copies are published as Eleventy copies them: {shown} ([origin] passthrough).")
        tables["origin"]["passthrough"] = copied
    if author:
        tables["author"] = {"name": author}
    feeds = {**virtual_feeds(text), **eleventy_feeds(site / content, data_folder)}
    if feeds:
        shown = ", ".join("/" + path for path in feeds.values())
        notes.append(f"Its feeds (templates, eleventy-plugin-rss) are kept at their paths: {shown} ([origin] feeds).")
        tables["origin"]["feeds"] = feeds
    tagged = tag_pages(site / content)
    if tagged:
        shown = tagged.get("tag_permalink", "/tags/<slug>/ (its permalink says more than the tag, so masthead's)")
        left = f" (not the collections {', '.join(tagged['not_tags'])})" if tagged["not_tags"] else ""
        notes.append(f"Its tag pages paginate collections: a page per tag{left}, directory data files' tags too, at {shown}.")
        tables["origin"].update(tagged)
    paged = data_page_templates(site / content)
    if paged:
        notes.append(f"Its templates paginating _data write a page per item, as Eleventy does: {', '.join(paged)} ([origin] data_pages).")
        tables["origin"]["data_pages"] = paged
    home_values, home_origin = home_pagination(site / content)
    if home_values:
        notes.append(f"The home page paginates posts as its index template does: {home_values['page_size']} a page (page_size, home_pages).")
        values.update(home_values)
        tables["origin"].update(home_origin)
    return Plan("eleventy", found, values, tables, tuple(notes))


def _passthrough(program: str, content: str) -> tuple[str, dict[str, str]]:
    """The static folder and the other copies of an Eleventy config's ``addPassthroughCopy`` calls (read, never
    run): a folder copied to the root (the base blog's ``{"./public/": "/"}``) is the static folder, else the
    input folder (whose files are published); the copies from elsewhere, with the path Eleventy writes each at:
    a string's path inside the input folder loses that folder (``content/img`` is ``/img``), an object maps
    source to target."""
    pairs: list[tuple[str, str]] = []
    for _, arguments in literal_calls(program, "addPassthroughCopy"):
        first = arguments[0] if arguments else None
        if isinstance(first, str):
            path = first.strip().removeprefix("./").rstrip("/")
            inner = path.removeprefix(content + "/") if content != "." else path
            pairs.append((path, inner))
        elif isinstance(first, dict):
            pairs += [
                (str(key).strip().removeprefix("./").rstrip("/"), str(value).strip().strip("/")) for key, value in first.items() if isinstance(value, str)
            ]
    root = next((source for source, target in pairs if target == "" and source and "*" not in source), "")
    static = root or content
    copied = {
        source: target or "/"
        for source, target in pairs
        if source
        and source != root
        and ".." not in source.split("/")
        and ".." not in target.split("/")
        and not source.startswith("/")
        and not (static == content and (content == "." or source.startswith(content + "/")))  # the input folder's files are published already
    }
    return static, copied


def gatsby(site: Path, found: str) -> Plan:
    text = program_text(site, found) if found.endswith((".js", ".ts", ".mjs")) else ""  # with its own config.js
    decap = _decap(site)
    collections = decap.get("collections") if isinstance(decap.get("collections"), list) else []
    folders = [str(item.get("folder")) for item in collections or [] if isinstance(item, dict) and item.get("folder")]
    files = [
        str(entry.get("file"))
        for item in collections or []
        if isinstance(item, dict)
        for entry in item.get("files", []) or []
        if isinstance(entry, dict) and entry.get("file")
    ]
    existing = next((path for path in _filesystem_paths(text) if path and (site / path).is_dir()), "")  # no Markdown anywhere: the folder read
    content = _markdown_folder(site, ["src/pages", *_filesystem_paths(text)]) or _common_root([*folders, *files]) or existing or "content"
    sources = [path for path in _filesystem_paths(text) if path and _markdown_folder(site, [path])]
    shared = _common_root(sources) if len(sources) > 1 and not _markdown_folder(site, ["src/pages"]) else ""
    if shared and all(path != shared for path in sources):  # content/posts/ and content/pages/: read both, from content/
        content = shared
    notes = [
        "Gatsby and Decap's rules: templateKey blog-post makes a dated post, any other key a page (a key with",
        "no template of its own is shown with the generic page template, with a warning); the root index.md is",
        "the home page's intro; a page's URL is its path (blog/x.md is /blog/x/), as gatsby-source-filesystem's createFilePath.",
    ]
    values: dict[str, Any] = {
        "title": _js_string(text, "siteTitle") or _js_string(text, "title") or "My Site",  # minimal-blog's siteMetadata.siteTitle
        "permalink": "/{sections}/{filename}/",
        "page_permalink": "/{sections}/{filename}/",
        "post_templates": ["blog-post"],
    }
    description = _js_string(text, "description")
    if description:
        values["description"] = description
    language = _js_string(text, "lang") or _js_string(text, "language")  # siteMetadata.lang: the starters' <html lang>
    if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", language):
        values["language"] = language
    url = _js_string(text, "siteUrl") or str(decap.get("site_url") or "") or _js_string(text, "url")  # lumen's config.js: url
    if url.startswith(("http://", "https://")):
        values["base_url"] = _with_prefix(url, _js_string(text, "pathPrefix"))
    else:
        notes.append("No siteUrl in gatsby-config.js or site_url in Decap's config.yml: set base_url below before publishing.")
    media = str(decap.get("media_folder") or "static/img")
    tables: dict[str, dict[str, Any]] = {
        "folders": {"content": content, "static": media.split("/")[0] if "/" in media else "static"},
        "origin": {"kind": "gatsby", "config_file": "", "page_template": "about-page", "raw_html": True},  # remark keeps raw HTML
    }
    # hero_image: Gatsby's tutorial blog; cover: gatsby-advanced-starter's and its forks' (Casper), hero-blog's
    # banner: the minimal-blog theme's
    tables["fields"] = {"image": ["featuredImage", "featuredimage", "image", "hero_image", "socialImage", "cover", "banner"]}
    author = _author_name(text)
    if author:
        tables["author"] = {"name": author}
    size = number(text, "postsPerPage")  # gatsby-starter-lumen's config.js
    if size:
        values["page_size"] = size
    node = next((program_text(site, name) for name in ("gatsby-node.js", "gatsby-node.mjs", "gatsby-node.ts") if (site / name).is_file()), "")
    tables["origin"]["taxonomies"] = []  # a Gatsby site has the term pages its gatsby-node.js makes, no others
    for kind, pattern in sorted(term_permalinks(node).items()):  # createPage({path: `/tag/${_.kebabCase(tag)}/`})
        tables["origin"][f"{kind}_permalink"] = pattern
        notes.append(f"gatsby-node.js makes a page per {kind} at {pattern}: kept there.")
    indexes = index_pages(node)  # createPage({path: '/categories'}): the list of every category
    if indexes:
        tables["origin"]["index_pages"] = indexes
    later = later_pages(node)
    if later:  # path: i === 0 ? '/' : `/page/${i}`
        values["page_path"] = later
        notes.append(f"gatsby-node.js puts the home page's later pages at /{later}" + (" ({index} counts from 0)." if "{index}" in later else "."))
    if shared == content and shared:  # createFilePath is relative to each source's folder: /about/, not /pages/about/
        values["permalink"] = values["page_permalink"] = "/{sections[1:]}/{filename}/"
        skipped = not_page_sources(node, _filesystem_sources(text))  # `if (source !== "parts")`: no slug, no page
        if skipped:
            tables["origin"]["not_pages"] = [path.removeprefix(content + "/") for path in skipped]
        notes.append(f"gatsby-source-filesystem reads {', '.join(path + '/' for path in sources)}: masthead reads them all from {content}/.")
    separator = name_prefix(node)
    if separator:  # slug.indexOf("--"): a file or folder 2017-10-09--x is the post x of that day, at /x/
        tables["origin"]["name_prefix"] = separator
        values["permalink"] = values["page_permalink"] = "/{slug}/"
        notes.append(f'gatsby-node.js cuts a name at "{separator}": 2017-10-09{separator}x is the post x of that day, at /x/ (name_prefix).')
    slugged = slug_pattern(node)  # `/${_.kebabCase(node.frontmatter.title)}`, `/${dirname}/${node.frontmatter.slug}`
    if slugged:
        values["permalink"] = values["page_permalink"] = slugged
        notes.append(f"gatsby-node.js makes each page's slug from its front matter: {slugged}.")
    routed, told = markdown_permalink(site)
    if routed:  # createPage({path: `/blog${slug}`}), a File System Route page: the Markdown pages' URLs
        values["permalink"] = values["page_permalink"] = routed
        notes.append(f"{told} puts the Markdown pages at {routed} (a front matter slug with slashes is the page's whole path).")
    theme = minimal_blog(text, _js_string)
    if theme:  # the theme's own gatsby-node makes the pages: its folders and URLs
        content = tables["folders"]["content"] = theme["content"]
        values["permalink"], values["page_permalink"] = theme["permalink"], theme["page_permalink"]
        lists = {"archives": theme["archives"], **({"tags": theme["tags"]} if theme["tags"] != "/tags/" else {})}  # /tags/: masthead's own
        tables["origin"]["index_pages"] = {**tables["origin"].get("index_pages", {}), **lists}
        tables["origin"]["tag_permalink"] = theme["tag_permalink"]
        notes.append(theme["note"])
    others = [path for path in _filesystem_paths(text) if path != content and not path.startswith(content + "/") and _markdown_folder(site, [path])]
    warnings = [
        Problem(
            found,
            _line_naming(text, path),
            None,
            f"gatsby-source-filesystem reads Markdown in {path}/ too: masthead reads one folder, {content}/, and builds no page of {path}/",
            warning=True,
        )
        for path in others
    ]
    if not _markdown_folder(site, [content]):
        message = f"no Markdown file in {content}/: the site's pages are JavaScript, which masthead does not run; it builds a home page and no posts"
        warnings.append(Problem(found, None, None, message, warning=True))
    feed = _FEED_OUTPUT.search(text.split("gatsby-plugin-feed", 1)[1]) if "gatsby-plugin-feed" in text else None
    if feed:  # gatsby-plugin-feed's RSS of every post (the starter's /rss.xml), kept at its path
        tables["origin"]["feeds"] = {"FEED_ALL_RSS": feed.group(1)}
    return Plan("gatsby", found, values, tables, tuple(notes), tuple(warnings))


_FEED_OUTPUT = re.compile(r"""output\s*:\s*[`"']/?([\w./-]+\.xml)[`"']""")
# gatsby-source-filesystem's options: path: `${__dirname}/content/blog`, path: "./content/blog", path.join(__dirname, "content", "blog")
_FILESYSTEM_PATH = re.compile(
    r"""path\s*:\s*(?:[`"']\$\{__dirname\}/([^`"']+)[`"']|[`"']\./([^`"']+)[`"']|path\.(?:join|resolve)\(\s*__dirname\s*,([^)]*)\))"""
)


def _line_naming(text: str, path: str) -> int | None:
    """The line of the config that names the folder ``path`` (gatsby-source-filesystem's ``path:``)."""
    found = re.search(rf"[/\"'`]{re.escape(path)}[\"'`/]", text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _filesystem_paths(text: str) -> list[str]:
    """The folders gatsby-source-filesystem reads, in the order gatsby-config.js names them."""
    found = []
    for match in _FILESYSTEM_PATH.finditer(text):
        joined = match.group(3)
        path = "/".join(re.findall(r"""[`"']([^`"']+)[`"']""", joined)) if joined is not None else match.group(1) or match.group(2)
        found.append(path.strip("/"))
    return found


_SOURCE_NAME = re.compile(r"""name\s*:\s*[`"']([\w-]+)[`"']""")


def _filesystem_sources(text: str) -> dict[str, str]:
    """gatsby-source-filesystem's sources by name (``name: "pages"``): the folder each reads."""
    found: dict[str, str] = {}
    for match in _FILESYSTEM_PATH.finditer(text):
        options = text[max(0, match.start() - 200) : match.end() + 200]
        name = _SOURCE_NAME.search(options[options.rfind("{", 0, 200) :] if "{" in options[:200] else options)
        joined = match.group(3)
        path = "/".join(re.findall(r"""[`"']([^`"']+)[`"']""", joined)) if joined is not None else match.group(1) or match.group(2)
        if name:
            found.setdefault(name.group(1), path.strip("/"))
    return found


def _markdown_folder(site: Path, candidates: list[str]) -> str:
    """The first of ``candidates`` holding Markdown: Gatsby's URLs are paths under the folder a file was found in
    (createFilePath), src/pages for the Decap starter, content/blog for gatsby-starter-blog."""
    for candidate in candidates:
        folder = site / candidate
        found = folder.rglob("*.md*") if folder.is_dir() else iter(())
        markdown = (path for path in found if path.suffix in (".md", ".mdx") and "node_modules" not in path.parts)
        if candidate and next(markdown, None):
            return candidate
    return ""


def _common_root(paths: list[str]) -> str:
    parts = [path.strip("/").split("/") for path in paths if path]
    if not parts:
        return ""
    common: list[str] = []
    for group in zip(*parts, strict=False):
        if len(set(group)) != 1:
            break
        common.append(group[0])
    return "/".join(common)
