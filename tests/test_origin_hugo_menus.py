"""An Ananke-shaped blog read by section: disableKinds for taxonomies, sectionPagesMenu with
[[menus.main]] entries and pages' own `menu:`, a custom output format and a page's `outputs:`,
[pagination] with its own path, and titles and slugs that Hugo's urlize shortens.

Hugo's URLs, from its docs and PathSpec.MakePathSanitized: `:slug` is the slug else the title, with
letters (accented and CJK too), digits and `.~_-@` kept (a "+" is read as a space: Hugo 0.168 urlizes
the token as an escaped path), spaces made "-", anything else dropped
("Q&A: the team answers" is qa-the-team-answers, "Rust & WASM, Part 2" rust-wasm-part-2), lower case;
later list pages at `[pagination] path` (/more/2/), page 1 an alias of the list (/more/1/); every
section has a list, taxonomy and term lists are not written (disableKinds)."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from origin_sites import SITES, adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls, redirect_target

from masthead.build import load
from masthead.cli import main
from masthead.content.markdown import hugo_slug, hugo_token_slug
from masthead.origins.hugo import plan
from masthead.render.pages import NavLink, site_view

EXPECTED_URLS = {
    "/",
    "/more/1/",
    "/more/2/",
    "/more/3/",
    "/2023/café-notes/",
    "/2024/c-tips-for-embedded-work/",  # Hugo 0.168 urlizes a :slug token as an escaped path: "+" is a space
    "/2024/qa-the-team-answers/",
    "/2024/東京の夜/",
    "/2025/rust-wasm-part-2/",
    "/posts/",
    "/posts/more/1/",
    "/posts/more/2/",
    "/posts/more/3/",
    "/notes/",
    "/notes/more/1/",
    "/notes/release-v1.2/",
    "/about/",
    "/uses/",
    "/events/",
}


def test_urls_are_hugos(tmp_path: Path) -> None:
    site, _ = adopt("hugo-menus-outputs", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert redirect_target(site, "/more/1/") == "https://notes.example.dev/"
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_disabled_kinds_write_no_tag_pages(tmp_path: Path) -> None:
    site, _ = adopt("hugo-menus-outputs", tmp_path)
    public = output_folder(site)
    assert not (public / "tags").exists() and not (public / "categories").exists()
    post = (public / "2024/c-tips-for-embedded-work/index.html").read_text(encoding="utf-8")
    assert "/tags/" not in post  # no link to a page Hugo does not write, in the nav or the post's topics
    assert {path.relative_to(public).as_posix() for path in public.rglob("index.xml")} == {"index.xml", "posts/index.xml", "notes/index.xml"}


def test_main_menu_in_weight_order(tmp_path: Path) -> None:
    site, _ = adopt("hugo-menus-outputs", tmp_path)
    home = (output_folder(site) / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="site-nav".*?</nav>', home, re.DOTALL)
    assert nav is not None
    labels = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(0))
    # config entries and pages' own by weight (10, 20, 30, 90), then the sections sectionPagesMenu adds (weight 0);
    # each entry's children (parent) nested in its item, right after it
    assert labels[2:] == [
        ("/posts/", "Posts"),
        ("/index.xml", "Atom feed"),
        ("/notes/release-v1.2/", "Tools v1.2"),
        ("/notes/", "Changelog"),
        ("/about/", "About"),
        ("/uses/", "Uses"),
        ("https://git.example.dev/field-notes", "Source"),
        ("/notes/", "Release notes"),
    ]


def test_unmade_output_formats_are_named(tmp_path: Path) -> None:
    site, build = adopt("hugo-menus-outputs", tmp_path)
    assert "events.md:3: warning: outputs: calendar: Hugo's output format is not made by masthead" in build.output
    written = (site / "masthead.toml").read_text(encoding="utf-8")
    assert "# warning: [outputs] home: SearchIndex: output format is not made by masthead" in written
    assert (output_folder(site) / "index.json").is_file()  # the built-in JSON of the home page is made
    assert not (output_folder(site) / "searchindex.json").exists()


def test_every_menu_is_given_to_templates(tmp_path: Path) -> None:
    site, _ = adopt("hugo-menus-outputs", tmp_path)
    model, _, _ = load(site, now=datetime(2025, 6, 1, 12, tzinfo=UTC))
    menus = site_view(model).menus
    # [[menus.footer]] (weights 1, 2; one named by its pageRef's title) before the page whose front matter says menu: [footer] (no weight)
    assert [(link.url, link.label) for link in menus["footer"]] == [
        ("/about/#colophon", "Colophon"),
        ("/notes/release-v1.2/", "Tools v1.2"),
        ("/events/", "Meetups"),
    ]


# PathSpec.MakePath's cases in Hugo's own tests (helpers/path_test.go), lower-cased as MakePathSanitized does
@pytest.mark.parametrize(
    ("written", "urlized"),
    [
        ("  Foo bar  ", "foo-bar"),
        ("fOO,bar:foobAR", "foobarfoobar"),
        ("Банковский кассир", "банковский-кассир"),
        ("은행", "은행"),
        ("this+is+a+test", "this+is+a+test"),
        ("~foo", "~foo"),
        ("foo--bar", "foo--bar"),
        ("foo - bar", "foo-bar"),
        ("foo@bar", "foo@bar"),
        ("Q&A: the team answers", "qa-the-team-answers"),
    ],
)
def test_hugo_slug_is_hugos_urlize(written: str, urlized: str) -> None:
    assert hugo_slug(written) == urlized


# A title's :title/:slug token as Hugo 0.168 writes it (measured with that binary): its urlize reads the
# sanitized text as an escaped path ("+" a space) and sanitizes it again; a title's "/" and "\\" are hyphens
@pytest.mark.parametrize(
    ("title", "urlized"),
    [
        ("C++ tips", "c-tips"),
        ("a+b+c", "a-b-c"),
        ("a + b", "a--b"),
        ("a ++ b", "a--b"),
        ("x+", "x"),
        ("TCP/IP guide", "tcp-ip-guide"),
        ("a / b", "a-b"),
        ("a//b", "a--b"),
        ("a - / - b", "a---b"),
        ("a \\ b", "a-b"),
        ("a.b~c_d@e", "a.b~c_d@e"),
        ("Ünïcode Café", "ünïcode-café"),
        ("emoji 🎉 party", "emoji-party"),
        ("Hash #tag and @mention", "hash-%23tag-and-@mention"),  # "#" kept: the folder hash-#tag-and-@mention/
        ("C# in 2024", "c%23-in-2024"),
        ("#1 story", "%231-story"),
        ("a+#b", "a-%23b"),
        ("F# / C#", "f%23-c%23"),
    ],
)
def test_title_tokens_are_hugos(title: str, urlized: str) -> None:
    assert hugo_token_slug(title, title=True) == urlized
    assert hugo_slug("C++") == "c++"  # a taxonomy term keeps its "+"


def test_list_permalinks(tmp_path: Path) -> None:
    """Hugo's docs' [permalinks.page] with [permalinks.section] beside it: the section's list at /articles/ (its
    _index.md the intro, page 1 a redirect there), and [permalinks.term] tags: the tags' pages under /topics/."""
    (tmp_path / "content/posts").mkdir(parents=True)
    (tmp_path / "hugo.toml").write_text(
        "baseURL = 'https://docs.example/'\ntitle = 'Docs'\n[permalinks.page]\n  posts = '/articles/:year/:slugorcontentbasename/'\n"
        "[permalinks.section]\n  posts = '/articles/'\n[permalinks.term]\n  tags = '/topics/:slug/'\n",
        encoding="utf-8",
    )
    (tmp_path / "content/posts/_index.md").write_text("---\ntitle: Writing\n---\nEvery article.\n", encoding="utf-8")
    for name, day in (("one", 2), ("two", 3)):
        (tmp_path / f"content/posts/{name}.md").write_text(f"---\ntitle: {name}\ndate: 2024-01-0{day}\n---\nText.\n", encoding="utf-8")
    found = plan(tmp_path, "hugo.toml")
    assert found.tables["origin"]["permalinks"] == {"posts": "/articles/{year}/{slug}/"}
    assert found.tables["origin"]["section_lists"] == {"posts": "/articles/"}
    assert found.tables["origin"]["term_permalinks"] == {"tags": "/topics/{slug}/"} and found.warnings == ()
    site, _ = adopt_folder(tmp_path)
    assert page_urls(site) == {"/", "/articles/", "/articles/2024/one/", "/articles/2024/two/", "/categories/"}
    assert "Every article." in (output_folder(site) / "articles/index.html").read_text(encoding="utf-8")
    assert redirect_target(site, "/articles/page/1/") == "https://docs.example/articles/"


def test_init_warnings_name_the_line(tmp_path: Path) -> None:
    """`masthead init`'s warnings say path:line: where the config writes the setting, as every other problem."""
    site = tmp_path / "menus"
    shutil.copytree(SITES / "hugo-menus-outputs", site)
    init = CliRunner().invoke(main, ["init", str(site)])
    assert init.exit_code == 0, init.output
    assert "hugo.toml:18: warning: [outputs] home: SearchIndex: output format is not made by masthead" in init.output  # home = [...]
    assert "hugo.toml:21: warning: [outputFormats] SearchIndex: custom output formats are not made by masthead" in init.output


def test_init_warnings_in_yaml_and_a_config_folder(tmp_path: Path) -> None:
    yaml_site = tmp_path / "yaml"
    (yaml_site / "content/posts").mkdir(parents=True)
    (yaml_site / "hugo.yaml").write_text(
        "baseURL: https://y.example/\ntitle: Y\ndisableKinds:\n  - sitemap\noutputs:\n  home:\n    - HTML\n    - AMP\n"
        "permalinks:\n  term:\n    tags: /t/:year/\n",
        encoding="utf-8",
    )
    found = plan(yaml_site, "hugo.yaml")
    assert [(warning.path, warning.line) for warning in found.warnings] == [("hugo.yaml", 6), ("hugo.yaml", 11), ("hugo.yaml", 3)]
    assert [warning.message.split(":")[0] for warning in found.warnings] == ["[outputs] home", "[permalinks.term] tags = '/t/", "disableKinds sitemap"]
    folder_site = tmp_path / "folder"
    (folder_site / "config/_default").mkdir(parents=True)
    (folder_site / "config/_default/hugo.toml").write_text("baseURL = 'https://f.example/'\ntitle = 'F'\n", encoding="utf-8")
    (folder_site / "config/_default/outputs.toml").write_text("# the theme's search\nhome = ['HTML', 'RSS', 'Lunr']\n", encoding="utf-8")
    found = plan(folder_site, "config/_default/hugo.toml")
    assert [str(warning) for warning in found.warnings] == [
        "config/_default/outputs.toml:2: warning: [outputs] home: Lunr: output format is not made by masthead"
    ]


def test_menu_children_are_nested_under_their_parent(tmp_path: Path) -> None:
    """[[menus.main]] with parent: under the entry whose identifier (else name) it names, in weight order, a level
    deeper for a child's child; a parent in no menu ("Wiki") leaves the entry out, as Hugo does."""
    site, _ = adopt("hugo-menus-outputs", tmp_path)
    model, _, _ = load(site, now=datetime(2025, 6, 1, 12, tzinfo=UTC))
    main = site_view(model).menus["main"]
    posts = next(link for link in main if link.label == "Posts")
    assert [(link.url, link.label) for link in posts.children] == [("/index.xml", "Atom feed"), ("/notes/release-v1.2/", "Tools v1.2")]
    assert [(link.url, link.label) for link in posts.children[1].children] == [("/notes/", "Changelog")]

    def every(links: tuple[NavLink, ...]) -> list[str]:
        return [label for link in links for label in (link.label, *every(link.children))]

    assert "Old wiki" not in every(main) and every(main).count("Atom feed") == 1  # children only under their parent


def test_a_config_folders_language_menus_are_that_languages(tmp_path: Path) -> None:
    """config/_default/menus.fr.toml is [languages.fr.menus], as Hugo reads a config folder; menus.toml the site's."""
    from masthead.origins.hugo import read_config_folder

    folder = tmp_path / "config/_default"
    folder.mkdir(parents=True)
    (folder / "hugo.toml").write_text("title = 'T'\n[languages.fr]\n  weight = 2\n", encoding="utf-8")
    (folder / "menus.toml").write_text("[[main]]\n  name = 'Posts'\n  pageRef = '/posts'\n", encoding="utf-8")
    (folder / "menus.fr.toml").write_text("[[main]]\n  name = 'Articles'\n  pageRef = '/posts'\n", encoding="utf-8")
    data = read_config_folder(folder / "hugo.toml")
    assert data["menus"] == {"main": [{"name": "Posts", "pageRef": "/posts"}]}
    assert data["languages"]["fr"] == {"menus": {"main": [{"name": "Articles", "pageRef": "/posts"}]}, "weight": 2}
