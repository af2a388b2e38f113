"""A `jekyll new` site with kramdown's `parse_block_html: true`: Markdown inside every HTML block element
(a `<div>`, `<details>`) is rendered, as kramdown renders it (Jekyll 4.3's kramdown garbles a `<summary>`
that closes on its own line into the text after it; masthead keeps the summary as written)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from origin_sites import adopt, broken_references, literal_syntax, output_folder


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    return adopt("jekyll-parse-block-html", tmp_path_factory.mktemp("site"))


def _body(site: Path, path: str) -> str:
    page = (output_folder(site) / path).read_text(encoding="utf-8")
    return page.split('<div class="post__body">', 1)[1].split("</article>", 1)[0].split("\n  </div>\n", 1)[0].strip()


def test_markdown_inside_html_blocks_is_rendered(adopted: tuple[Path, Result]) -> None:
    site, _ = adopted
    assert literal_syntax(site) == [] and broken_references(site) == []
    assert _body(site, "lamp/2024/04/02/new-lens.html") == (
        '<div class="log-entry">\n'
        '<p>The <strong>new lens</strong> arrived by the <a href="https://example.com/boat">supply boat</a>.</p>\n'
        '<p><img loading="lazy" decoding="async" src="https://example.com/lens.png" alt="The lens in its crate"></p>\n'
        "</div>\n"
        "<details>\n<summary>Lens details</summary>\n<ul>\n<li>fourth order, <em>Fresnel</em></li>\n</ul>\n</details>\n"
        "<p><span><em>Lit at dusk.</em></span></p>"
    )
    assert _body(site, "about/index.html") == '<div class="keeper">\n<p>The log is kept by <strong>the keeper</strong> of the point light.</p>\n</div>'
