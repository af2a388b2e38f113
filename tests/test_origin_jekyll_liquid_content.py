"""Liquid in a `jekyll new` site's content as Jekyll renders it: `markdownify` gives kramdown's HTML,
placed as raw HTML is (minimal-mistakes' captured figure, an include's `<div class="note">`); the page's
own variables (`page.url`, `page.previous`…) once every page is placed; kramdown's HTML blocks ending
on their closing tag's line; `group_by_exp` and `"now"`; Liquid inside `{% highlight %}`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, literal_syntax, output_folder


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-liquid-content", tmp_path_factory.mktemp("site"))


def _body(site: Path, url: str) -> str:
    path = output_folder(site) / (url.strip("/") if url.endswith(".html") else url.strip("/") + "/index.html")
    page = path.read_text(encoding="utf-8")
    return page.split('<div class="post__body">', 1)[1].split("</article>", 1)[0].split("\n  </div>\n", 1)[0].strip()


def test_nothing_literal_and_nothing_broken(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    assert literal_syntax(site) == [] and broken_references(site) == []


def test_markdownify_is_kramdowns_html_in_place(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    body = _body(site, "/quay/2024/01/08/crane-photos.html")
    figure = re.sub(r"<picture>.*?(<img [^>]*>)</picture>", r"\1", body, flags=re.DOTALL)
    figure = re.sub(r' (?:srcset|sizes|width|height|loading|decoding|style)="[^"]*"', "", figure)
    assert figure == (
        "<figure>\n"
        '  <img src="/_images/quay-320w-08dd574e626e.png" alt="The crane at the north berth">\n'
        "  <figcaption>The crane lifts its first container.</figcaption>\n"
        "</figure>\n"
        '<div class="note"><p>Lifting starts at <strong>seven</strong> each morning.</p></div>\n'
        "<p>The crane came from <em>Rotterdam</em>.</p>"
    )


def test_page_variables_are_jekylls_once_pages_are_placed(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    assert _body(site, "/quay/tides/2024/02/14/tide-tables.html") == (
        "<p>The spring tables are pinned by the harbour office door.</p>\n"
        "<p>This notice is filed at <code>/quay/tides/2024/02/14/tide-tables.html</code> (<code>/quay/tides/2024/02/14/tide-tables</code>), "
        "from <code>_posts/2024-02-14-tide-tables.md</code> (2024-02-14-tide-tables.md, in posts).</p>\n"
        '<p>Before it: <a href="/quay/2024/01/08/crane-photos.html">The new crane, in pictures</a>. '
        'After it: <a href="/quay/2024/03/02/berth-rules.html">Berth rules</a>.</p>'
    )
    assert _body(site, "/quay/2024/03/02/berth-rules.html") == (
        '<p>Read <a href="/quay/tides/2024/02/14/tide-tables.html">the tide tables</a> first. Then read “Harbour dues”.</p>'
    )


def test_markdown_right_after_a_markdown_element_is_markdown(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    assert _body(site, "/quay/2024/03/09/harbour-dues.html") == (
        '<div class="dues">\n<p><strong>Dues</strong> are paid at the office.</p>\n</div>\n'
        '<p>Right after the box: <a href="/about/">the office</a> opens at <em>eight</em>.</p>\n'
        '<div class="example">\n<p>A berth costs 12 crowns a night.</p>\n</div>\n'
        '<pre><code class="language-ruby">nights = 3\nputs nights * 12\n</code></pre>'
    )


def test_group_by_exp_and_now(adopted: tuple[Path, Result]) -> None:
    """A year archive as Jekyll writes it; "now" is the build's moment, site.time (the newest post's
    date), so the same sources build the same bytes."""
    site, _ = adopted
    body = _body(site, "/by-year/")
    assert re.findall(r"<h2 [^>]*>([^<]*)</h2>", body) == ["2024 (5)", "2023 (1)"]
    assert re.findall(r"(\w+ \d+): <a href=\"([^\"]+)\">", body) == [
        ("Mar 16", "/quay/2024/03/16/notice-template.html"),
        ("Mar 9", "/quay/2024/03/09/harbour-dues.html"),
        ("Mar 2", "/quay/2024/03/02/berth-rules.html"),
        ("Feb 14", "/quay/tides/2024/02/14/tide-tables.html"),
        ("Jan 8", "/quay/2024/01/08/crane-photos.html"),
        ("Nov 20", "/quay/2023/11/20/winter-moorings.html"),
    ]
    assert body.endswith("<p>The ledger, 2023 to 2024.</p>")


def test_liquid_inside_highlight_is_rendered(adopted: tuple[Path, Result]) -> None:
    """Jekyll renders the tags in a highlight block: {% raw %} keeps its text as code, a variable is filled in."""
    site, _ = adopted
    assert _body(site, "/quay/2024/03/16/notice-template.html") == (
        "<p>Each notice page starts from this include:</p>\n"
        '<pre><code class="language-html">&lt;h1 class=&quot;notice&quot;&gt;{{ page.title }}&lt;/h1&gt;\n</code></pre>\n'
        "<p>And the office's script names this one:</p>\n"
        '<pre><code class="language-ruby">notice = &quot;How a notice is made&quot;\n</code></pre>'
    )
