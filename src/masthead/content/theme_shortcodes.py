"""A theme's or the site's own Hugo shortcodes, shown as what their templates show.

Hugo runs ``layouts/shortcodes/<name>.html`` (the site's, else its theme's). masthead runs no Go
template; it reads from the template what a reader sees: its outer element and classes (hugo-book's
``hint`` is a ``<blockquote class="book-hint …">``, its ``details`` a ``<details>`` whose summary is the
label, its ``button`` an ``<a>``), and whether the inner text is Markdown (``markdownify``,
``RenderString``, a ``{{% %}}`` call, a child whose parent shows it) or text shown as it is (a Mermaid
diagram, KaTeX: kept in a ``<pre>``). Without a template (a theme installed as a Hugo module, a theme
submodule not cloned) a pair is a ``<div>`` (a ``<span>`` within a line) of its inner Markdown under its
label, with a warning. An argument that is a link (``href``, ``relref``, ``link``) makes it a link; one
that names images of the page's bundle (Blowfish's ``carousel images="gallery/*"``) shows them.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import NamedTuple

from ..config import Config
from ..filestamp import file_stamp

# Without a template: the diagram and maths shortcodes themes ship hold text for a script, not Markdown
# (the languages Hugo's own code block render hooks draw: mermaid, math; KaTeX; Chart.js's data).
TEXT_BODIES = ("mermaid", "katex", "math", "chart", "plantuml")
_LABELS = ("title", "summary", "label", "header", "heading", "name")
_LINKS = ("href", "url", "link")
_REFERENCES = ("relref", "ref")
_CLASS_WORD = re.compile(r"[a-z][a-z0-9-]*")
_START_TAG = re.compile(r"<([a-zA-Z][\w-]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ACTION = re.compile(r"{{.*?}}", re.DOTALL)
_NOT_SHOWN = ("script", "link", "style", "noscript", "input", "meta", "template")
_BLOCK = ("div", "blockquote", "details", "section", "aside", "figure", "pre", "p", "ul", "ol", "dl", "table", "nav", "article", "header", "footer")
_IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")


class Template(NamedTuple):
    """What a shortcode's template shows: its outer element ("" when it shows nothing of its own, such
    as a tab its tabs show), its fixed classes, and whether its inner text is Markdown."""

    path: str
    element: str
    classes: tuple[str, ...]
    markdown: bool
    lists: str  # "section": it ranges over the page's own pages (.Page.Pages); "site": the site's (.Site.RegularPages); ""


class Shown(NamedTuple):
    """A theme shortcode pair as HTML around its inner content, or its inner content as text."""

    opening: str
    closing: str
    text_body: bool  # the inner text shown as it is, in the opening element
    block: bool


@lru_cache(maxsize=256)
def _read_template(path: str, stamp: tuple[int, int]) -> Template:
    text = re.sub(r"{{-?\s*/\*.*?\*/\s*-?}}|<!--.*?-->", "", Path(path).read_text(encoding="utf-8", errors="replace"), flags=re.DOTALL)
    element = ""
    classes: tuple[str, ...] = ()
    for match in _START_TAG.finditer(_ACTION.sub("\x00", text)):  # each action one mark: its quotes are not the tag's
        if match.group(1).lower() in _NOT_SHOWN:
            continue
        element = match.group(1).lower()
        written = _CLASS.search(match.group(2))
        value = next(group for group in written.groups() if group is not None) if written else ""
        classes = tuple(word for word in value.replace("\x00", " \x00 ").split() if re.fullmatch(r"[\w-]+", word))
        break
    markdown = not element or ".Inner" not in text or any(word in text for word in ("markdownify", "RenderString"))
    own = re.search(r"\.Page\.(?:Pages|RegularPages|Sections)\b", text)
    lists = "section" if own else "site" if re.search(r"\.Site\.(?:RegularPages|Pages)\b", text) else ""
    return Template(path, element, classes, markdown, lists)


def theme_names(config: Config) -> tuple[str, ...]:
    """The site's themes (``theme = "hugo-book"``, or a list), as its config names them."""
    from ..origins.data import origin_config

    theme = origin_config(config).get("theme")
    names = theme if isinstance(theme, list) else [theme] if isinstance(theme, str) else []
    return tuple(str(name) for name in names if str(name).strip())


def template_folders(config: Config) -> tuple[Path, ...]:
    """Where Hugo looks for shortcode templates: the site's ``layouts/shortcodes/``, then each theme's."""
    return (config.root / "layouts" / "shortcodes", *(config.root / "themes" / name / "layouts" / "shortcodes" for name in theme_names(config)))


def find_template(name: str, config: Config) -> Template | None:
    for folder in template_folders(config):
        path = folder / f"{name}.html"
        try:
            return _read_template(str(path), file_stamp(path))
        except OSError:
            continue
    return None


def missing_theme(config: Config) -> str:
    """A note for a warning when a named theme's folder is empty or absent (a git submodule not cloned),
    or the theme is a Hugo module (``[[module.imports]]``, config/_default/module.toml), which is not fetched."""
    for name in theme_names(config):
        folder = config.root / "themes" / name
        if not folder.is_dir() or all(child.name.startswith(".") for child in folder.iterdir()):  # (a .gitkeep at most)
            return f" (themes/{name}/ is empty: its git submodule is not cloned; git submodule update --init brings it)"
    modules = module_imports(config)
    return f" (the theme is the Hugo module {modules[0]}, which masthead does not fetch)" if modules and not theme_names(config) else ""


def module_imports(config: Config) -> tuple[str, ...]:
    """The paths of the site's Hugo modules: ``[[module.imports]] path``, or ``[[imports]]`` in a config folder's module.toml."""
    from ..origins.data import origin_config
    from ..origins.hugo import config_parts

    tables: list[object] = [origin_config(config).get("module")]
    if config.origin.config_file:
        for part in config_parts(config.root / config.origin.config_file):
            if part.stem == "module":
                tables.append(_module_file(str(part), file_stamp(part)))
    found = []
    for table in tables:
        imports = table.get("imports") if isinstance(table, dict) else None
        for entry in imports if isinstance(imports, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("path"), str):
                found.append(entry["path"])
    return tuple(found)


@lru_cache(maxsize=16)
def _module_file(path: str, stamp: tuple[int, int]) -> dict[str, object]:
    from ..content.datafile import DataFileError, load_data

    try:
        data = load_data(Path(path).read_text(encoding="utf-8"), Path(path).suffix)
    except (OSError, UnicodeDecodeError, DataFileError):
        return {}
    return data if isinstance(data, dict) else {}


def label_of(positional: list[str], named: dict[str, str]) -> str:
    """A shortcode's label: a named title (or summary, label, header), else the first argument that reads
    as words rather than as a CSS class (``tab "MacOS"``, ``details "More"``; not ``hint info``)."""
    for key in _LABELS:
        if named.get(key):
            return named[key]
    return next((word for word in positional if not _CLASS_WORD.fullmatch(word)), "")


def modifiers(positional: list[str], named: dict[str, str]) -> tuple[str, ...]:
    """Classes a shortcode's arguments add: a first argument shaped as a class (``hint warning``), its
    ``class`` and ``type``."""
    found = [positional[0]] if positional and _CLASS_WORD.fullmatch(positional[0]) else []
    for key in ("class", "type"):
        found += [word for word in named.get(key, "").split() if re.fullmatch(r"[\w-]+", word)]
    return tuple(dict.fromkeys(found))


def shown(
    name: str,
    template: Template | None,
    positional: list[str],
    named: dict[str, str],
    href: str,
    inline: bool,
    markdown_call: bool,
    inner_links: bool = False,
) -> Shown:
    """The HTML that opens and closes a theme shortcode pair (``href``: its link, resolved, or "").

    A link around the inner content when it holds none of its own (``inner_links``): HTML allows no link
    inside a link, so then the label is the link, or, with no label, a "Read more" link closes the block,
    as Docsy's ``blocks/feature`` shows its ``url``."""
    markdown = markdown_call or (template.markdown if template is not None else name.rsplit("/", 1)[-1] not in TEXT_BODIES)
    element = template.element if template is not None and template.element else ""
    link = ""
    if href and inner_links:
        link, href = href, ""
    if href:
        element = "a"
    elif not markdown:
        element = "code" if inline else "pre"
    elif element in ("", "p", "pre", "span", "label") or (element not in _BLOCK and not inline):
        element = "span" if inline else "div"
    elif inline:
        element = "span"
    base = template.classes if template is not None and template.element else (f"shortcode-{name.replace('/', '-')}",)
    classes = " ".join(dict.fromkeys((*base, *modifiers(positional, named))))
    attributes = f' class="{escape(classes)}"'
    if element == "a":
        attributes = f' href="{escape(href, quote=True)}"' + attributes
    label = label_of(positional, named)
    opened = element == "details" and ("open" in positional or named.get("open", "").lower() == "true")
    opening = f"<{element}{' open' if opened else ''}{attributes}>"
    closing = f"</{element}>"
    shown_label = f"<strong>{escape(label)}</strong>"
    if link and label:
        shown_label = f'<a href="{escape(link, quote=True)}">{shown_label}</a>'
    elif link:
        more = f'<a href="{escape(link, quote=True)}">Read more</a>'
        closing = (f" {more}" if inline else f'<p class="shortcode-link">{more}</p>') + closing
    if element == "details":
        opening += f"<summary>{escape(label or 'Details')}</summary>"
    elif label and element not in ("a", "pre", "code"):
        opening += f"{shown_label} " if inline else f'<p class="shortcode-label">{shown_label}</p>'
    return Shown(opening, closing, not markdown, element not in ("a", "span", "code"))


def bundle_images(source: Path, named: dict[str, str]) -> list[str]:
    """The images of the page's bundle an argument names (``images="gallery/*"``, ``src="x.jpg"``), as
    Markdown images, in name order."""
    folder = source.parent
    if not source.name.startswith("index."):
        return []
    found: list[str] = []
    for value in named.values():
        patterns = value.strip("{}").split(",") if value.startswith("{") else [value]
        for pattern in patterns:
            if not pattern or "://" in pattern or pattern.startswith("/"):
                continue
            for path in sorted(folder.rglob("*")):
                relative = path.relative_to(folder).as_posix()
                if path.suffix.lower() in _IMAGES and fnmatchcase(relative, pattern.strip()) and path.is_file():
                    found.append(f"![](<{relative}>)")
    return list(dict.fromkeys(found))


def link_argument(named: dict[str, str]) -> tuple[str, str]:
    """("href", URL) or ("relref", content path) of a shortcode's link argument; ("", "") for none."""
    for key in _REFERENCES:
        if named.get(key):
            return "relref", named[key]
    for key in _LINKS:
        if named.get(key):
            return "href", named[key]
    return "", ""
