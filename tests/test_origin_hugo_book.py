"""A hugo-book documentation site (its exampleSite's shape): docs/ sections with weight,
bookCollapseSection, bookFlatSection, bookHidden and bookToc, a headless menu bundle, [menu] after,
disablePathToLower and disableKinds with the pre-0.73 names, and the theme's shortcodes: hint, tabs/tab,
columns (a list, and <---> between columns), details, expand, button (relref and href), mermaid,
katex and section. With the theme's templates each is shown as its template shows it; with
themes/hugo-book/ empty (a clone without its submodule) the site builds all the same, with warnings.

Hugo's URLs (its docs: a section per folder with an _index.md, a page per file, a headless bundle not
written, bookHidden only hides a page from the theme's menu): the list below."""

from __future__ import annotations

import shutil
from pathlib import Path

from origin_sites import SITES, adopt, adopt_folder, broken_references, literal_syntax, output_folder, page_urls

EXPECTED_URLS = {
    "/",
    "/docs/",
    "/docs/guide/",
    "/docs/guide/install/",
    "/docs/guide/screens/",
    "/docs/hidden/",
    "/docs/shortcodes/",
    "/docs/shortcodes/hints/",
    "/docs/shortcodes/tabs/",
    "/docs/shortcodes/columns/",
    "/docs/shortcodes/details/",
    "/docs/shortcodes/mermaid/",
    "/docs/shortcodes/katex/",
    "/posts/",
    "/posts/first-lantern/",
    "/posts/winter-hours/",
}


def _page(site: Path, url: str) -> str:
    return (output_folder(site) / url.strip("/") / "index.html").read_text(encoding="utf-8")


def test_urls_images_and_no_template_syntax(tmp_path: Path) -> None:
    site, build = adopt("hugo-book-docs", tmp_path)
    assert page_urls(site) == EXPECTED_URLS  # no /menu/ (headless), no /tags/ (disableKinds)
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert "warning" not in build.output  # each shortcode has its template in themes/hugo-book/
    assert (output_folder(site) / "docs/guide/screens/lantern.png").is_file()  # the bundle's image, published beside its page
    assert 'alt="A lantern with its screen fitted"' in _page(site, "/docs/guide/screens/")
    assert "<figcaption>Fitted screen, <em>side view</em></figcaption>" in _page(site, "/docs/guide/screens/")  # a figure's caption is Markdown


def test_shortcodes_are_shown_as_their_templates_show_them(tmp_path: Path) -> None:
    site, _ = adopt("hugo-book-docs", tmp_path)
    hints = _page(site, "/docs/shortcodes/hints/")
    assert '<blockquote class="book-hint info">\n<p><strong>Oil</strong> lasts about eight hours per filling.</p>\n</blockquote>' in hints
    assert '<blockquote class="book-hint danger">' in hints  # {{< >}} with .Page.RenderString: Markdown too
    tabs = _page(site, "/docs/shortcodes/tabs/")
    assert '<div class="book-tabs fuel">' in tabs and tabs.count('<p class="shortcode-label"><strong>') == 2
    assert "<strong>Colza oil</strong>" in tabs and "<p>Clean and cheap; <strong>filter</strong> it before use.</p>\n</div>" in tabs
    columns = _page(site, "/docs/shortcodes/columns/")
    assert '<div class="book-columns flex flex-wrap">\n<ul>' in columns and "</li>\n</ul>\n</div>" in columns  # the list stays whole
    home = _page(site, "/")
    assert '<div class="column">\n<h3 id="light-it">Light it</h3>' in home and '</div>\n<div class="column">\n<h3 id="keep-it">' in home  # <--->
    assert '<a href="/docs/guide/install/" class="book-btn">Get started</a>' in home  # button relref, resolved
    details = _page(site, "/docs/shortcodes/details/")
    assert "<details open><summary>Why a flat wick?</summary>" in details and "<details><summary>Spare parts</summary>" in details
    assert '<div class="book-expand"><p class="shortcode-label"><strong>Old lanterns</strong></p>' in details
    mermaid = _page(site, "/docs/shortcodes/mermaid/")
    assert '<pre class="mermaid text-center">graph LR\n  Fill --&gt; Trim --&gt; Light' in mermaid  # the diagram's text, for mermaid.js
    katex = _page(site, "/docs/shortcodes/katex/")
    assert 'Burn time is <code class="book-katex">t = \\frac{V}{r}</code> hours' in katex
    assert '<pre class="book-katex">E = \\int_0^{t} P(s)\\,ds</pre>' in katex
    section = _page(site, "/docs/shortcodes/")  # section: the section's pages, by weight
    titles = ["Hints", "Tabs", "Columns", "Details", "Mermaid", "KaTeX"]
    listed = section[section.index('<ul class="post-listing">') :]
    assert [listed.index(f">{title}</a>") for title in titles] == sorted(listed.index(f">{title}</a>") for title in titles)


def test_a_clone_without_the_theme_submodule_builds_and_warns(tmp_path: Path) -> None:
    site = tmp_path / "hugo-book-docs"
    shutil.copytree(SITES / "hugo-book-docs", site)
    shutil.rmtree(site / "themes/hugo-book")
    (site / "themes/hugo-book").mkdir()  # git clone without --recurse-submodules: the folder, empty
    site, build = adopt_folder(site)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == [] and broken_references(site) == []
    note = "(themes/hugo-book/ is empty: its git submodule is not cloned; git submodule update --init brings it)"
    assert f'content/docs/shortcodes/hints.md:8: warning: shortcode "hint": not supported {note}; its inner content was kept' in build.output
    assert f'content/docs/shortcodes/_index.md:11: warning: shortcode "section": not supported {note}; it was removed' in build.output
    hints = _page(site, "/docs/shortcodes/hints/")
    assert '<div class="shortcode-hint info">\n<p><strong>Oil</strong> lasts' in hints  # a box of its inner Markdown, its kind a class
    assert '<pre class="shortcode-mermaid text-center">graph LR' in _page(site, "/docs/shortcodes/mermaid/")  # a diagram stays text
    assert '<a href="/docs/guide/install/" class="shortcode-button">Get started</a>' in _page(site, "/")


def test_an_edited_shortcode_template_is_seen_by_the_next_build(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from masthead.cli import main

    site, _ = adopt("hugo-book-docs", tmp_path)
    template = site / "themes/hugo-book/layouts/shortcodes/hint.html"
    template.write_text(template.read_text(encoding="utf-8").replace('"book-hint ', '"book-callout '), encoding="utf-8")
    build = CliRunner().invoke(main, ["build", str(site), "--now", "2025-06-01T12:00:00"])
    assert build.exit_code == 0, build.output
    assert '<blockquote class="book-callout info">' in _page(site, "/docs/shortcodes/hints/")  # a build input: not a cached page
