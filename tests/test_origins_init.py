"""`masthead init`: the generator told from its files, its config read safely, permalinks translated."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from masthead.cli import main
from masthead.config import load_config
from masthead.origins import hugo, jekyll
from masthead.origins.detect import detect
from masthead.origins.pelican import literal_settings, saved_pattern, term_pattern


@pytest.mark.parametrize(
    "files, kind",
    [
        ({"hugo.toml": "title = 'x'\n"}, "hugo"),
        ({"hugo.yaml": "title: x\n"}, "hugo"),
        ({"config.toml": "title = 'x'\n", "archetypes/default.md": ""}, "hugo"),
        ({"_config.yml": "title: x\n"}, "jekyll"),
        ({"pelicanconf.py": "SITENAME = 'x'\n"}, "pelican"),
        ({".eleventy.js": "module.exports = {};\n"}, "eleventy"),
        ({"eleventy.config.js": "export default function () {}\n"}, "eleventy"),
        ({"gatsby-config.js": "module.exports = {};\n"}, "gatsby"),
        ({"static/admin/config.yml": "backend: {name: git-gateway}\n"}, "gatsby"),
        ({"hugo.toml": "title = 'x'\n", "static/admin/config.yml": "collections: []\n"}, "hugo"),
        ({"config.yml": "title: x\n", "content/posts/a.md": ""}, "hugo"),  # PaperMod's exampleSite
        ({"config.json": '{"title": "x"}\n', "archetypes/default.md": ""}, "hugo"),
        ({"config/_default/config.yaml": "title: x\n"}, "hugo"),
        ({"config/_default/hugo.yml": "title: x\n"}, "hugo"),
        ({"config.yml": "title: x\n"}, None),  # no content or archetypes beside it: some other tool's config
    ],
)
def test_detect(tmp_path: Path, files: dict[str, str], kind: str | None) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = detect(tmp_path)
    assert (found[0] if found else None) == kind


@pytest.mark.parametrize("name", ["config.yml", "config.json", "config/_default/config.yaml", "config/_default/hugo.yml"])
def test_a_hugo_site_builds_from_any_config_name_hugo_reads(tmp_path: Path, name: str) -> None:
    """The same site with its config in each name and format Hugo reads has the same pages."""
    import json
    import shutil
    import tomllib

    import yaml
    from origin_sites import SITES, adopt_folder, page_urls
    from test_origin_hugo_paths import EXPECTED_URLS

    site = tmp_path / "site"
    shutil.copytree(SITES / "hugo-paths", site)
    settings = tomllib.loads((site / "hugo.toml").read_text(encoding="utf-8"))
    (site / "hugo.toml").unlink()
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text(json.dumps(settings) if name.endswith(".json") else yaml.safe_dump(settings), encoding="utf-8")
    adopt_folder(site)
    assert page_urls(site) == EXPECTED_URLS


def test_unknown_site_is_a_problem(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "no Hugo, Jekyll, Pelican, Eleventy or Gatsby/Decap site here; expected one of hugo.toml" in result.output


def _one_click_hugo_cms(top: Path) -> None:
    """one-click-hugo-cms's shape: package.json and node_modules at the top, the Hugo site in site/."""
    (top / "package.json").write_text("{}\n")
    (top / "node_modules" / "x").mkdir(parents=True)
    (top / "node_modules" / "x" / "_config.yml").write_text("title: not a site\n")
    (top / "site" / "content" / "post").mkdir(parents=True)
    (top / "site" / "static" / "admin").mkdir(parents=True)
    (top / "site" / "config.toml").write_text('baseURL = "https://example.org/"\ntitle = "One Click"\n')
    (top / "site" / "static" / "admin" / "config.yml").write_text("backend: {name: git-gateway}\nmedia_folder: site/static/img\n")
    (top / "site" / "content" / "post" / "hello.md").write_text("---\ntitle: Hello\ndate: 2024-01-02\n---\nHi\n")


def test_a_site_kept_in_a_folder_of_the_repository_builds_from_the_top(tmp_path: Path) -> None:
    _one_click_hugo_cms(tmp_path)
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Hugo site (from site/config.toml)" in result.output
    assert tomllib.loads((tmp_path / "masthead.toml").read_text()) == {"site": "site"}
    assert load_config(tmp_path / "site").title == "One Click"
    built = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert built.exit_code == 0, built.output
    assert "built 1 post and 0 pages:" in built.output
    checked = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert checked.exit_code == 0 and "ok: 1 post, 0 pages, 0 warnings" in checked.output
    assert (tmp_path / "site" / "public" / "post" / "hello" / "index.html").is_file() and not (tmp_path / "public").exists()
    again = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 1 and "site/masthead.toml: exists already" in again.output


def test_two_sites_in_folders_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    _one_click_hugo_cms(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "_config.yml").write_text("title: Docs\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1 and not list(tmp_path.glob("*/masthead.toml")) and not (tmp_path / "masthead.toml").exists()
    assert "docs/ is a Jekyll site (docs/_config.yml); site/ is a Hugo site (site/config.toml)" in result.output
    assert f"run `masthead init {tmp_path / 'docs'}`" in result.output and "node_modules" not in result.output
    assert CliRunner().invoke(main, ["init", str(tmp_path / "site")]).exit_code == 0
    built = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert built.exit_code == 1 and f"site/masthead.toml is one: give that folder ({tmp_path / 'site'})" in built.output


@pytest.mark.parametrize(
    "pointer",
    ['site = "../elsewhere"', 'site = "."', 'site = "missing"', "site = 3", 'site = "site"\ntitle = "x"', 'site = "a\\u0000b"', f'site = "{"x" * 5000}"'],
)
def test_a_pointer_that_leads_nowhere_is_named_at_its_line(tmp_path: Path, pointer: str) -> None:
    _one_click_hugo_cms(tmp_path)
    assert CliRunner().invoke(main, ["init", str(tmp_path / "site")]).exit_code == 0
    (tmp_path / "masthead.toml").write_text("# mine\n" + pointer + "\n")
    built = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert built.exit_code == 1 and "masthead.toml:2: site: " in built.output and 'expected `site = "<folder>"` alone' in built.output
    assert not (tmp_path / "site" / "public").exists()


def test_refuses_to_replace_masthead_toml(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "masthead.toml").write_text("# mine\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1 and "masthead.toml: exists already" in result.output
    assert (tmp_path / "masthead.toml").read_text() == "# mine\n"


def test_pelican_settings_are_read_without_running_them(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "pelicanconf.py").write_text(
        "import os\n"
        f"open({str(marker)!r}, 'w').write('x')\n"
        "AUTHOR = 'Ines Okafor'\nSITENAME = 'Tide Notes'\nSITEURL = ''\nPATH = 'content'\nTIMEZONE = 'Europe/Paris'\n"
        "DEFAULT_LANG = 'fr'\nARTICLE_URL = '{date:%Y}/{date:%m}/{slug}/'\nARTICLE_SAVE_AS = ARTICLE_URL + 'index.html'\n"
        "THEME = os.path.join('themes', 'x')\nPAGE_URL = 'pages/{slug}.html'\nPAGE_SAVE_AS = PAGE_URL\n"
    )
    (tmp_path / "publishconf.py").write_text("from pelicanconf import *\nSITEURL = 'https://tides.example'\nRELATIVE_URLS = False\n")
    settings = literal_settings(tmp_path / "pelicanconf.py")
    assert settings["SITENAME"] == "Tide Notes" and "THEME" not in settings
    assert settings["ARTICLE_SAVE_AS"] == "{date:%Y}/{date:%m}/{slug}/index.html" and settings["PAGE_SAVE_AS"] == "pages/{slug}.html"
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert not marker.exists()  # nothing was executed
    config = load_config(tmp_path)
    assert (config.title, config.base_url, config.timezone, config.language) == ("Tide Notes", "https://tides.example", "Europe/Paris", "fr")
    assert (config.permalink, config.page_permalink) == ("/{year}/{month}/{slug}/", "/pages/{slug}.html")
    assert config.origin.kind == "pelican" and config.folders.content == "content" and config.author.name == "Ines Okafor"


def test_pelican_syntax_error_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\nPATH = (\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1 and "pelicanconf.py:" in result.output and "is not valid Python" in result.output


# Jekyll's built-in styles (jekyllrb.com/docs/permalinks/) and a custom template, in masthead's tokens.
@pytest.mark.parametrize(
    "style, pattern",
    [
        ("date", "/{categories}/{year}/{month}/{day}/{slug}.html"),
        ("pretty", "/{categories}/{year}/{month}/{day}/{slug}/"),
        ("none", "/{categories}/{slug}.html"),
        ("/:categories/:year/:month/:day/:title/", "/{categories}/{year}/{month}/{day}/{slug}/"),
        ("/blog/:year/:title", "/blog/{year}/{slug}.html"),
    ],
)
def test_jekyll_permalink_styles(style: str, pattern: str) -> None:
    assert jekyll.permalink(style, []) == pattern


@pytest.mark.parametrize(
    "value, pattern",
    [
        ("/:year/:month/:title/", "/{year}/{month}/{title}/"),
        ("/:section/:slug/", "/{section}/{slug_or_title}/"),
        ("/articles/:filename", "/articles/{filename}/"),
        ("/:sections/:slugorfilename/", "/{sections}/{slug}/"),
    ],
)
def test_hugo_permalink_tokens(value: str, pattern: str) -> None:
    assert hugo.permalink(value, []) == pattern


def test_jekyll_config_mapping(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text(
        "title: Notes\nurl: https://notes.example\nbaseurl: /blog\npermalink: pretty\ntimezone: Europe/Oslo\nauthor:\n  name: Ines\n"
    )
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    raw = tomllib.loads((tmp_path / "masthead.toml").read_text())
    assert raw["base_url"] == "https://notes.example/blog" and raw["permalink"] == "/{categories}/{year}/{month}/{day}/{slug}/"
    assert raw["page_permalink"] == "/{sections}/{filename}/" and raw["folders"]["content"] == "."
    config = load_config(tmp_path)
    assert config.origin.layouts["post"] == "blog-post" and config.author.name == "Ines" and config.timezone == "Europe/Oslo"


def test_broken_jekyll_config_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: x\npermalink: [unclosed\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1 and "_config.yml:" in result.output and "cannot be read" in result.output


@pytest.mark.parametrize(
    "files, base_url",
    [
        (  # eleventy-base-blog published at a GitHub project site: HtmlBasePlugin with pathPrefix
            {
                "eleventy.config.js": 'export const config = { dir: { input: "content", data: "../_data" }, pathPrefix: "/lamp-log/" };\n',
                "_data/metadata.json": '{"title": "Lamp Log", "url": "https://ines.github.io/"}\n',
                "content/blog/a.md": "---\ntitle: A\n---\n",
            },
            "https://ines.github.io/lamp-log",
        ),
        (  # gatsby build --prefix-paths with pathPrefix
            {"gatsby-config.js": "module.exports = { pathPrefix: `/beans`, siteMetadata: { siteUrl: `https://ines.github.io` } };\n"},
            "https://ines.github.io/beans",
        ),
        (
            {"gatsby-config.js": "module.exports = { pathPrefix: `/beans`, siteMetadata: { siteUrl: `https://ines.github.io/beans/` } };\n"},
            "https://ines.github.io/beans",
        ),
    ],
)
def test_path_prefix_is_the_base_urls_path(tmp_path: Path, files: dict[str, str], base_url: str) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert tomllib.loads((tmp_path / "masthead.toml").read_text())["base_url"] == base_url


def test_pelican_urls_are_where_it_saves_the_files() -> None:
    # Pelican writes a file at *_SAVE_AS (set or its default) whatever *_URL says: ARTICLE_URL alone
    # leaves the articles at '{slug}.html'; 'x/index.html' is served as 'x/'.
    notes: list[str] = []
    assert saved_pattern("ARTICLE", {"ARTICLE_URL": "blog/{slug}/"}, notes) == "/{slug}.html"
    assert notes == ["ARTICLE_URL 'blog/{slug}/' differs from where Pelican saves the files (ARTICLE_SAVE_AS): masthead's URLs are the files', /{slug}.html."]
    assert saved_pattern("PAGE", {"PAGE_URL": "{slug}/", "PAGE_SAVE_AS": "{slug}/index.html"}, notes) == "/{slug}/" and len(notes) == 1
    assert saved_pattern("ARTICLE_LANG", {}, lang="fr") == "/{slug}-fr.html"
    assert term_pattern("tag", {}, notes) == "/tag/{slug}.html"
    assert term_pattern("author", {"AUTHOR_SAVE_AS": False}, notes) == "" and notes[-1] == "AUTHOR_SAVE_AS is empty: masthead makes no author pages either."
    assert term_pattern("category", {"CATEGORY_SAVE_AS": "category/{slug}/index.html"}, notes) == "/category/{slug}/"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"_config.yml": "permalink: pretty\n", "404.html": "---\nlayout: default\n---\nLost\n"}, ["/404/"]),
        ({"_config.yml": "permalink: /:year/:title/\n", "404.md": "---\ntitle: Lost\n---\nLost\n"}, ["/404/"]),
        ({"_config.yml": "permalink: pretty\n", "404.html": "---\npermalink: /404.html\n---\nLost\n"}, []),  # jekyll new's own
        ({"_config.yml": "permalink: date\n", "404.html": "---\nlayout: default\n---\nLost\n"}, []),  # /404.html
        ({"_config.yml": "permalink: pretty\n", "404.html": "---\n: [broken\n---\n"}, []),
        ({".eleventy.js": "module.exports = {};\n", "404.md": "---\ntitle: Lost\n---\nLost\n"}, ["/404/"]),
        ({".eleventy.js": "module.exports = {};\n", "404.md": "---\npermalink: 404.html\n---\nLost\n"}, []),
        ({".eleventy.js": "module.exports = {};\n", "404.md": "---\npermalink: false\n---\nLost\n"}, []),
        ({"gatsby-config.js": "module.exports = {};\n", "src/pages/404.js": "export default () => null\n"}, ["/404/"]),
        ({"gatsby-config.js": "module.exports = {};\n"}, []),
        ({"hugo.toml": "title = 'x'\n", "content/404.md": "---\ntitle: Lost\n---\n"}, []),  # Hugo's is layouts/404.html, at /404.html
    ],
)
def test_the_404_page_where_the_generator_wrote_it(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    assert load_config(tmp_path).origin.not_found_urls == tuple(expected)
    if expected and "_config.yml" in files:
        built = CliRunner().invoke(main, ["build", str(tmp_path)])
        assert built.exit_code == 0, built.output
        public = tmp_path / "_site"
        assert (public / "404" / "index.html").read_bytes().replace(b'href="../', b'href="/') != b""
        page = (public / "404" / "index.html").read_text(encoding="utf-8")
        assert 'name="robots" content="noindex' in page and (public / "404.html").is_file()
        assert "/404/" not in (public / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", [["/../x/"], ["404"], ["//404/"], [3], ["/{slug}/"]])
def test_not_found_urls_are_checked(tmp_path: Path, value: list[object]) -> None:
    (tmp_path / "masthead.toml").write_text(f'[origin]\nkind = "jekyll"\nnot_found_urls = {json.dumps(value)}\n')
    result = CliRunner().invoke(main, ["build", str(tmp_path)])
    assert result.exit_code == 1 and "masthead.toml:3: origin.not_found_urls: " in result.output, result.output
