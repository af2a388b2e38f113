"""hugo-book's multilingual exampleSite shape: each language's content in a folder of its own at the
site's root (``[languages.en] contentDir = 'content.en'``, ``content.zh``), the theme a submodule not
cloned (themes/hugo-book/ holds a placeholder only), a README.md and archetypes/ beside them that are
not content.

Hugo's URLs (its docs, "Translation by content directory"): the default language at the root, the
other under /zh/, each file's path inside its language's folder."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# each language's taxonomy lists too, with no terms (disableKinds is not set): /categories/, /zh/categories/, /zh/tags/
EXPECTED_URLS = {
    "/",
    "/en/",  # the default language's folder: a redirect to the root, as Hugo writes it
    "/docs/",
    "/docs/trimming/",
    "/docs/shortcodes/",
    "/categories/",
    "/zh/",
    "/zh/docs/",
    "/zh/docs/trimming/",
    "/zh/categories/",
    "/zh/tags/",
}


def test_language_folders_at_the_root(tmp_path: Path) -> None:
    site, build = adopt("hugo-book-languages", tmp_path)
    assert page_urls(site) == EXPECTED_URLS  # no /readme/, no /archetypes/default/
    assert literal_syntax(site) == [] and broken_references(site) == []
    written = (site / "masthead.toml").read_text(encoding="utf-8")
    assert 'content = "."' in written and '"content.zh" = "zh"' in written
    public = output_folder(site)
    english = (public / "docs/trimming/index.html").read_text(encoding="utf-8")
    assert 'hreflang="zh" href="https://lantern-handbook.example/zh/docs/trimming/"' in english  # translations by path, linked
    assert '<html lang="zh"' in (public / "zh/docs/trimming/index.html").read_text(encoding="utf-8")
    assert 'shortcode "hint": not supported (themes/hugo-book/ is empty: its git submodule is not cloned;' in build.output
    home = (public / "index.html").read_text(encoding="utf-8")
    assert '<div class="shortcode-hint info">\n<p>Read the <strong>guide</strong> before lighting anything.</p>\n</div>' in home


def test_the_default_language_in_content_beside_another_language_folder(tmp_path: Path) -> None:
    """The same site with English in `content/` (Hugo's default folder, contentDir = 'content') beside
    `content.zh/`: the same pages, each language from its own folder."""
    import shutil

    from origin_sites import SITES, adopt_folder

    site = tmp_path / "site"
    shutil.copytree(SITES / "hugo-book-languages", site)
    (site / "content.en").rename(site / "content")
    config = site / "hugo.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("contentDir = 'content.en'", "contentDir = 'content'"), encoding="utf-8")
    adopt_folder(site)
    assert page_urls(site) == EXPECTED_URLS
