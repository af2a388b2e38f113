"""The real generators, run on a copy of a fixture site: the URLs of the HTML pages Hugo, Jekyll, Pelican
or Eleventy itself writes for it, to hold masthead's URLs against.

Only URLs are compared, so the site's theme is not needed: each tool gets the smallest templates that
render every page once (a layout that prints the content, a stub for each shortcode the content uses),
and the site's own config and content as they are. Lists are not paginated by these templates (how
many pages a list has is the theme's choice), so later list pages are not compared.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from masthead.origins.detect import HUGO_CONFIGS

PROJECT = Path(__file__).resolve().parent.parent
NODE_MODULES = PROJECT / "node_modules"
_HUGO_SHORTCODE = re.compile(r"{{[<%]\s*/?\s*([\w./-]+)")
_HUGO_CLOSING = re.compile(r"{{[<%]\s*/\s*([\w./-]+)")
_HUGO_COMMENTED = re.compile(r"{{<\s*/\*.*?\*/\s*>}}|{{%\s*/\*.*?\*/\s*%}}", re.DOTALL)
_JEKYLL_INCLUDE = re.compile(r"{%-?\s*include(?:_cached)?\s+([\w./-]+)")
_LAYOUT = re.compile(r"""layout["']?\s*:\s*['"]?([\w./-]+)""")


def html_urls(public: Path) -> set[str]:
    """Every HTML file written, as the URL it is served at (``x/index.html`` at ``/x/``)."""
    urls = set()
    for path in public.rglob("*.html"):
        relative = path.relative_to(public).as_posix()
        urls.add("/" + relative.removesuffix("index.html"))
    return urls


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300)
    assert done.returncode == 0, f"{command[0]} failed on {cwd}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def hugo_binary() -> str:
    """The Hugo binary the ``hugo`` wheel carries (the test extra), without its Python wrapper."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "binaries" / "hugo"
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("hugo")
    assert found, "Hugo is a test dependency: pip install -e '.[test]'"
    return found


def hugo_urls(site: Path, work: Path) -> set[str]:
    """Hugo's pages for ``site``, with a stand-in theme: ``themes/urlsonly`` and a stub per shortcode."""
    layouts = work / "themes" / "urlsonly" / "layouts"
    (layouts / "_default").mkdir(parents=True)
    (layouts / "_default" / "single.html").write_text("<h1>{{ .Title }}</h1>{{ .Content }}", encoding="utf-8")
    (layouts / "_default" / "list.html").write_text("<h1>{{ .Title }}</h1>{{ range .Pages }}{{ .Title }}{{ end }}", encoding="utf-8")
    names: set[str] = set()
    closed: set[str] = set()
    for path in [path for folder in site.glob("content*") if folder.is_dir() for path in folder.rglob("*")]:  # content.en/ too
        if path.suffix in (".md", ".html", ".markdown"):
            text = _HUGO_COMMENTED.sub("", path.read_text(encoding="utf-8", errors="replace"))
            names |= set(_HUGO_SHORTCODE.findall(text))
            closed |= set(_HUGO_CLOSING.findall(text))
    for name in names - {"ref", "relref", "param"}:
        stub = layouts / "shortcodes" / f"{name}.html"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("{{ .Inner }}" if name in closed else "-", encoding="utf-8")  # .Inner: Hugo then wants it closed
    configs = [site / name for name in HUGO_CONFIGS if "/" not in name] + sorted((site / "config").rglob("*.toml"))
    for config in (path for path in configs if path.is_file()):  # the theme's Hugo Modules are not fetched: the stand-in theme replaces them
        text = re.sub(r"\[\[(?:module\.)?imports\]\]\s*\n\s*path\s*=.*\n", "", config.read_text(encoding="utf-8"))
        config.write_text(re.sub(r"(?m)^module:\n(  .*\n)+", "", text), encoding="utf-8")
    public = work / "hugo-public"
    allowed = '["text/html", "text/markdown", "text/org", "text/asciidoc", "text/pandoc", "text/rst"]'  # HTML content files too
    command = [hugo_binary(), "--quiet", "-s", str(site), "-d", str(public), "--themesDir", str(work / "themes"), "--theme", "urlsonly"]
    _run(command, site, {"HUGO_ENABLEGITINFO": "false", "HUGO_SECURITY_ALLOWCONTENT": allowed})
    return html_urls(public)


def _installed_gems() -> set[str]:
    listing = subprocess.run(["gem", "list", "--local"], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in listing.splitlines() if line.strip()}


def jekyll_urls(site: Path, work: Path) -> set[str]:
    """Jekyll's pages for ``site``: its theme gem (unless Debian's minima) and Sass left out (its ``_plugins`` run),
    plugins not installed dropped from the config, a missing include or layout an empty one."""
    for name in ("Gemfile", "Gemfile.lock"):
        (site / name).unlink(missing_ok=True)
    config_file = site / "_config.yml"
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    config = yaml.safe_load(text) or {}
    text = re.sub(r"(?m)^remote_theme\s*:.*$", "", text)
    if config.get("theme") != "minima":
        text = re.sub(r"(?m)^theme\s*:.*$", "", text)
    text = re.sub(r"(?m)^(\s*style):\s*:(\w+)", r"\1: \2", text)  # Sass's `style: :compressed`, a Ruby symbol Psych 4 refuses
    config_file.write_text(text, encoding="utf-8")
    gems = _installed_gems()
    override = {key: [name for name in config[key] if name in gems] for key in ("plugins", "gems") if isinstance(config.get(key), list)}
    (work / "override.yml").write_text(yaml.safe_dump(override), encoding="utf-8")
    for sass in (*site.rglob("*.scss"), *site.rglob("*.sass")):
        sass.unlink()
    for path in [path for path in site.rglob("*") if path.suffix in (".md", ".markdown", ".html") and path.is_file()]:
        for name in _JEKYLL_INCLUDE.findall(path.read_text(encoding="utf-8", errors="replace")):
            include = site / "_includes" / name
            if not include.exists():
                include.parent.mkdir(parents=True, exist_ok=True)
                include.write_text("", encoding="utf-8")
    public = work / "jekyll-public"
    configs = f"{config_file},{work / 'override.yml'}"
    environment = {"JEKYLL_ENV": "production", "JEKYLL_NO_BUNDLER_REQUIRE": "true"}
    _run(["jekyll", "build", "-q", "-s", str(site), "-d", str(public), "--config", configs], site, environment)
    return html_urls(public)


def pelican_urls(site: Path, work: Path) -> set[str]:
    """Pelican's pages for ``site``, written with its own ``notmyidea`` theme."""
    spec = importlib.util.find_spec("pelican")
    assert spec is not None and spec.origin, "Pelican is a test dependency: pip install -e '.[test]'"
    theme = Path(spec.origin).parent / "themes" / "notmyidea"
    # the settings file as Pelican's docs and samples name it: pelicanconf.py, samples/pelican.conf.py
    settings = next((path.name for path in sorted(site.glob("pelican*conf*.py")) if path.is_file()), None)
    public = work / "pelican-public"
    # a settings file with no PATH is run as Pelican's samples and quickstart Makefile run it: `pelican content`
    text = (site / settings).read_text(encoding="utf-8") if settings else ""
    content = [] if re.search(r"(?m)^PATH\s*=", text) or not (site / "content").is_dir() else ["content"]
    command = [sys.executable, "-m", "pelican", *content, "-q", "-o", str(public), "-t", str(theme), *(["-s", settings] if settings else [])]
    _run(command, site)
    return html_urls(public)


_ELEVENTY_WRAPPER = """\
// The site's own Eleventy config, its missing filters and shortcodes pass-throughs (URLs only).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nunjucks from "nunjucks";
const names = ["eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js"];
const found = names.find((name) => fs.existsSync(path.join(process.cwd(), name)));
const own = found ? await import(pathToFileURL(path.join(process.cwd(), found)).href) : {};
const setup = own.default || null;
export const config = own.config || {};
export default async function (eleventyConfig) {
  const result = typeof setup === "function" ? (await setup(eleventyConfig)) || {} : {};
  const builtin = new nunjucks.Environment().filters;  // Nunjucks' own filters stay its own
  for (const name of %s) {
    if (!eleventyConfig.getFilter(name) && !(name in builtin)) eleventyConfig.addNunjucksFilter(name, (value) => value);
  }
  const paired = %s;
  for (const name of %s) {
    if (eleventyConfig.getShortcode(name) || eleventyConfig.getPairedShortcode(name)) continue;
    if (paired.includes(name)) eleventyConfig.addPairedShortcode(name, (content) => content);
    else eleventyConfig.addShortcode(name, () => "");
  }
  return result;
}
"""
_FILTER = re.compile(r"\|\s*([A-Za-z_]\w*)")  # `{{ x | name }}`: the filters the templates use
_TAG = re.compile(r"{%-?\s*([A-Za-z_]\w*)")  # `{% name … %}`: tags, the languages' own or shortcodes
# The tags Nunjucks and LiquidJS define themselves; any other tag is a shortcode of the site's config
_LANGUAGE_TAGS = frozenset(
    {
        "if",
        "elif",
        "elseif",
        "else",
        "for",
        "asyncEach",
        "asyncAll",
        "macro",
        "set",
        "extends",
        "block",
        "include",
        "import",
        "from",
        "filter",
        "call",
        "raw",
        "verbatim",
        "unless",
        "case",
        "when",
        "elsif",
        "assign",
        "capture",
        "comment",
        "render",
        "cycle",
        "increment",
        "decrement",
        "tablerow",
        "liquid",
        "echo",
        "break",
        "continue",
        "layout",
    }
)


def eleventy_urls(site: Path, work: Path) -> set[str]:
    """Eleventy's pages for ``site``: a missing layout prints its content, a filter its templates use that
    nothing defines (the fixtures leave the starters' filter files out) passes its value on."""
    (site / "node_modules").symlink_to(NODE_MODULES)
    filters: set[str] = set()
    tags: set[str] = set()
    for path in [path for path in site.rglob("*") if path.is_file() and "node_modules" not in path.parts]:
        if path.suffix not in (".md", ".njk", ".liquid", ".html", ".js", ".json"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in (".njk", ".html", ".md"):  # Nunjucks' (a Liquid template's filters are LiquidJS's)
            filters |= set(_FILTER.findall(text))
        if path.suffix in (".njk", ".liquid", ".html", ".md"):
            tags |= set(_TAG.findall(text))
        for layout in _LAYOUT.findall(text):
            for includes in ("_includes", "src/_includes", "content/_includes"):
                if includes == "_includes" or (site / includes).is_dir():
                    stub = site / includes / (layout if "." in layout.rsplit("/", 1)[-1] else f"{layout}.njk")
                    if not stub.exists():
                        stub.parent.mkdir(parents=True, exist_ok=True)
                        stub.write_text("{{ content | safe }}", encoding="utf-8")
    shortcodes = sorted(tag for tag in tags - _LANGUAGE_TAGS if not tag.startswith("end"))
    paired = [tag for tag in shortcodes if f"end{tag}" in tags]
    (site / "urls-only.config.mjs").write_text(_ELEVENTY_WRAPPER % (json.dumps(sorted(filters)), json.dumps(paired), json.dumps(shortcodes)), encoding="utf-8")
    public = work / "eleventy-public"
    _run([str(NODE_MODULES / ".bin" / "eleventy"), "--config=urls-only.config.mjs", f"--output={public}", "--quiet"], site)
    return html_urls(public)
