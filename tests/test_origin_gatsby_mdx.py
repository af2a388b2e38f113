"""A Gatsby site of MDX pages (gatsby-plugin-mdx: imports, `export default` layouts, JSX components)
built with `masthead init && masthead build`: no JavaScript or JSX reaches a reader."""

from __future__ import annotations

from pathlib import Path

from origin_sites import adopt, broken_references, literal_syntax, output_folder, page_urls

# gatsby-plugin-page-creator makes a page of every .mdx under src/pages at its path (an index.mdx its
# folder's); src/pages/blog/index.js is the blog's list.
EXPECTED_URLS = {"/", "/about/", "/blog/", "/blog/tide-tables/", "/verse/harbour-songs/breakwater/"}


def test_urls_are_gatsbys(tmp_path: Path) -> None:
    site, _ = adopt("gatsby-mdx", tmp_path)
    assert page_urls(site) == EXPECTED_URLS
    assert literal_syntax(site) == []
    assert broken_references(site) == []
    assert (output_folder(site) / "blog/tide-tables/chart.jpg").is_file()


def test_module_lines_and_components_never_reach_a_reader(tmp_path: Path) -> None:
    site, build = adopt("gatsby-mdx", tmp_path)
    public = output_folder(site)
    for page in ("about/index.html", "blog/tide-tables/index.html", "verse/harbour-songs/breakwater/index.html"):
        body = (public / page).read_text(encoding="utf-8").split('<div class="post__body">')[1].split("</article>")[0]
        for literal in ("import ", "export default", "=>", "{...props}", "<Layout", "<Stanza", "<Sidenote", "{/*"):
            assert literal not in body.replace("&lt;Layout", "").replace("&lt;Portrait", ""), (page, literal)
    tide = (public / "blog/tide-tables/index.html").read_text(encoding="utf-8")
    assert "<em>and the boats lean over.</em>" in tide  # the component's inner content, read as Markdown
    about = (public / "about/index.html").read_text(encoding="utf-8")
    assert '<a href="/blog/tide-tables">low tide</a>' in about
    assert "<code>&lt;Portrait /&gt;</code>" in about and "&lt;Layout title=&quot;x&quot; /&gt;" in about  # code as written
    assert 'src/pages/about.mdx:12: warning: JSX component "Portrait": not supported; it was removed' in build.output
    assert 'src/pages/about.mdx:15: warning: JSX component "Sidenote": not supported; its inner content was kept' in build.output
    assert 'src/pages/blog/tide-tables/index.mdx:17: warning: JSX component "Stanza": not supported; its inner content was kept' in build.output
