"""A Hugo site built on a theme's shortcodes (Hextra's, Relearn's) builds with `masthead init && masthead
build`: the theme's pairs keep their inner content, its standalone shortcodes go, each with a warning
naming its file and line, and nothing of the shortcode syntax reaches a reader."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, adopt_folder, literal_syntax, output_folder, page_urls

# From Hugo's docs: /section/name/ for regular pages (a bundle's name is its folder's), a list page
# for each section whether or not it has an _index.md, the home page from content/_index.md.
# /categories/: Hugo writes the list of each taxonomy, with no terms too
EXPECTED_URLS = {"/", "/docs/", "/docs/getting-started/", "/docs/install/", "/posts/", "/posts/lighthouse-visit/", "/categories/"}

WARNINGS = [
    'content/_index.md:4: warning: shortcode "hextra/hero-headline": not supported; its inner content was kept',
    'content/_index.md:8: warning: shortcode "hextra/hero-button": not supported; it was removed',
    'content/docs/getting-started.md:5: warning: shortcode "callout": not supported; its inner content was kept',
    'content/docs/getting-started.md:9: warning: shortcode "steps": not supported; its inner content was kept',
    'content/docs/getting-started.md:21: warning: shortcode "tabs": not supported; its inner content was kept',
    'content/docs/getting-started.md:22: warning: shortcode "tab": not supported; its inner content was kept',
    'content/docs/getting-started.md:23: warning: shortcode "tab": not supported; its inner content was kept',
    'content/docs/getting-started.md:26: warning: shortcode "cards": not supported; its inner content was kept',
    'content/docs/getting-started.md:27: warning: shortcode "card": not supported; it was removed',
    'content/docs/getting-started.md:30: warning: shortcode "icon": not supported; it was removed',
    'content/posts/lighthouse-visit/index.md:8: warning: shortcode "notice": not supported; its inner content was kept',
    'content/posts/lighthouse-visit/index.md:12: warning: shortcode "gallery": not supported; it was removed',
    'content/posts/lighthouse-visit/index.md:14: warning: shortcode "button": not supported; its inner content was kept',
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
    assert "<p>Light at 21:30.\nLight at 16:00.</p>" in start  # nested tabs
    assert "<p>The lamp reaches 18 nautical miles; this guide is by Ines Okafor.</p>" in start  # param, nested keys
    assert '<pre><code class="language-markdown">{{&lt; callout type="warning" &gt;}}\nCareful.\n{{&lt; /callout &gt;}}\n</code></pre>' in start
    assert "<code>{{% steps %}}</code>" in start  # an inline escape shows the shortcode as Hugo does
    install = (public / "docs/install/index.html").read_text(encoding="utf-8")
    assert "<details><summary>What you need</summary>\n<p>A ladder and <strong>two</strong> people.</p>\n</details>" in install
    home = (public / "index.html").read_text(encoding="utf-8")
    assert "in one place" in home and "<br" in home  # markup.goldmark.renderer.unsafe = true is kept
    visit = (public / "posts/lighthouse-visit/index.html").read_text(encoding="utf-8")
    assert (public / "posts/lighthouse-visit/tower.png").is_file() and 'alt="The tower from the quay"' in visit
    assert "<p>Visits are on <em>Sundays</em> only.</p>" in visit and "<p>Book a visit</p>" in visit


def test_a_standalone_shortcode_shows_what_its_template_prints(tmp_path: Path) -> None:
    """Doks' shape: `{{< alert icon="👉" text="…" />}}` with the site's layouts/shortcodes/alert.html, whose
    template prints the icon and the text (its context only names a class); and a theme's email.html,
    which prints the user and domain in a <noscript> (its <script> is not text). Their text is shown."""
    site = tmp_path / "doks"
    (site / "content/docs").mkdir(parents=True)
    (site / "layouts/shortcodes").mkdir(parents=True)
    (site / "themes/doks/layouts/shortcodes").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://docs.example.org/"\ntitle = "Harbour Docs"\ntheme = "doks"\n', encoding="utf-8")
    (site / "layouts/shortcodes/alert.html").write_text(
        '<div class="alert alert-{{ with .Get "context" }}{{ . }}{{ else }}doks{{ end }}" role="alert">\n'
        '  <div class="alert-icon">{{ with .Get "icon" }}{{ . }} {{ end }}</div>\n'
        '  {{ with .Get "text" }}<div class="w-100">{{ . | safeHTML }}</div>{{ else }}{{ with .Inner }}{{ . | markdownify }}{{ end }}{{ end }}\n'
        "</div>\n",
        encoding="utf-8",
    )
    (site / "themes/doks/layouts/shortcodes/email.html").write_text(
        '<script>user="{{ with .Get "user" }}{{ . }}{{ end }}";document.write(user);</script>'
        '<noscript>{{ with .Get "user" }}{{ . }}{{ end }} at {{ with .Get "domain" }}{{ . }}{{ end }}</noscript>\n',
        encoding="utf-8",
    )
    (site / "content/docs/start.md").write_text(
        '---\ntitle: "Start here"\ndate: 2024-02-01\nimages: []\n---\n\n{{< alert icon="👉" context="info" text="Moor on the east pontoon only." />}}\n\n'
        'Write to {{< email user="harbour" domain="docs.example.org" >}} with questions.\n\n{{< badge "new" >}}\n',
        encoding="utf-8",
    )
    site, build = adopt_folder(site)
    page = (output_folder(site) / "docs/start/index.html").read_text(encoding="utf-8")
    assert "👉 Moor on the east pontoon only." in page and "info" not in page.split('<div class="post__body">', 1)[-1].split("</article>")[0]
    assert "Write to harbour docs.example.org with questions." in page
    assert 'content/docs/start.md:7: warning: shortcode "alert": not supported; the text its template prints is shown' in build.output
    assert 'content/docs/start.md:11: warning: shortcode "badge": not supported; it was removed' in build.output  # no template for it
    assert literal_syntax(site) == []
