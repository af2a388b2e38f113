"""A Hugo site built on a theme's shortcodes (Hextra's, Relearn's) builds with `masthead init && masthead
build`: the theme's pairs keep their inner content, its standalone shortcodes go, each with a warning
naming its file and line, and nothing of the shortcode syntax reaches a reader."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, literal_syntax, output_folder, page_urls

# From Hugo's docs: /section/name/ for regular pages (a bundle's name is its folder's), a list page
# for each section whether or not it has an _index.md, the home page from content/_index.md.
# /categories/: Hugo writes the list of each taxonomy, with no terms too
EXPECTED_URLS = {"/", "/docs/", "/docs/getting-started/", "/docs/install/", "/posts/", "/posts/lighthouse-visit/", "/categories/"}

MODULE = "(the theme is the Hugo module github.com/imfing/hextra, which masthead does not fetch)"  # no template to read
WARNINGS = [
    f'content/_index.md:4: warning: shortcode "hextra/hero-headline": not supported {MODULE}; its inner content was kept',
    f'content/docs/getting-started.md:5: warning: shortcode "callout": not supported {MODULE}; its inner content was kept',
    f'content/docs/getting-started.md:9: warning: shortcode "steps": not supported {MODULE}; its inner content was kept',
    f'content/docs/getting-started.md:21: warning: shortcode "tabs": not supported {MODULE}; its inner content was kept',
    f'content/docs/getting-started.md:22: warning: shortcode "tab": not supported {MODULE}; its inner content was kept',
    f'content/docs/getting-started.md:23: warning: shortcode "tab": not supported {MODULE}; its inner content was kept',
    f'content/docs/getting-started.md:26: warning: shortcode "cards": not supported {MODULE}; its inner content was kept',
    f'content/docs/getting-started.md:30: warning: shortcode "icon": not supported {MODULE}; it was removed',
    f'content/posts/lighthouse-visit/index.md:8: warning: shortcode "notice": not supported {MODULE}; its inner content was kept',
    f'content/posts/lighthouse-visit/index.md:12: warning: shortcode "gallery": not supported {MODULE}; it was removed',
    f'content/posts/lighthouse-visit/index.md:14: warning: shortcode "button": not supported {MODULE}; its inner content was kept',
]


def test_urls_and_warnings(tmp_path: Path) -> None:
    site, build = adopt("hugo-theme-shortcodes", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    shown = [line.split("hugo-theme-shortcodes/", 1)[-1] for line in build.output.splitlines() if ": warning: " in line]
    assert shown == WARNINGS


def test_inner_content_built_ins_and_escapes(tmp_path: Path) -> None:
    site, _ = adopt("hugo-theme-shortcodes", tmp_path)
    public = output_folder(site)
    start = (public / "docs/getting-started/index.html").read_text(encoding="utf-8")
    assert "<p>The lamp must be lit <strong>before</strong> sunset.</p>" in start  # {{< callout >}}'s inner Markdown
    assert '<h2 id="check-the-fuel">Check the fuel</h2>' in start  # {{% steps %}}: Markdown inside
    assert '<div class="shortcode-callout info">\n<p>The lamp must' in start  # no template: a box, its type a class
    assert '<p><span class="shortcode-tab">Light at 21:30.</span>\n<span class="shortcode-tab">Light at 16:00.</span></p>' in start  # nested tabs
    assert '<a class="shortcode-card" href="../install">Install the lamp</a>' in start  # a standalone one with a link: the link
    assert "<p>The lamp reaches 18 nautical miles; this guide is by Ines Okafor.</p>" in start  # param, nested keys
    assert '<pre><code class="language-markdown">{{&lt; callout type="warning" &gt;}}\nCareful.\n{{&lt; /callout &gt;}}\n</code></pre>' in start
    assert "<code>{{% steps %}}</code>" in start  # an inline escape shows the shortcode as Hugo does
    install = (public / "docs/install/index.html").read_text(encoding="utf-8")
    assert "<details><summary>What you need</summary>\n<p>A ladder and <strong>two</strong> people.</p>\n</details>" in install
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "in one place" in home and "<br" in home  # markup.goldmark.renderer.unsafe = true is kept
    visit = (public / "posts/lighthouse-visit/index.html").read_text(encoding="utf-8")
    assert (public / "posts/lighthouse-visit/tower.png").is_file() and 'alt="The tower from the quay"' in visit
    assert "<p>Visits are on <em>Sundays</em> only.</p>" in visit
    assert '<div class="shortcode-notice tip"><p class="shortcode-label"><strong>Opening hours</strong></p>' in visit  # its label shown
    assert '<p><a href="https://keepers-guide.example/tickets" class="shortcode-button">Book a visit</a></p>' in visit
