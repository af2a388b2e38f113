"""jekyll-scholar's tags and al-folio's details block in a Jekyll body: rendered from the site's .bib,
what is not jekyll-scholar's own output named in a warning."""

from __future__ import annotations

from pathlib import Path

from masthead.config import load_config
from masthead.content.entries import ParseResult, parse_entry

BIB = "@article{lind2020, author = {Lind, Ingrid}, title = {Peat}, journal = {Bogs}, year = {2020}}\n@book{ek2023, title = {Moss}, year = 2023}\n"


def _parse(tmp_path: Path, body: str, scholar: str = "") -> ParseResult:
    (tmp_path / "masthead.toml").write_text('base_url = "https://x.org"\n[folders]\ncontent = "."\n[origin]\nkind = "jekyll"\nconfig_file = "_config.yml"\n')
    (tmp_path / "_config.yml").write_text(f"title: T\n{scholar}")
    (tmp_path / "_bibliography").mkdir(exist_ok=True)
    (tmp_path / "_bibliography" / "references.bib").write_text(BIB)
    return parse_entry("_posts/2024-01-01-p.md", f"---\ntitle: T\n---\n{body}".encode(), load_config(tmp_path))


def test_cite_and_a_missing_key(tmp_path: Path) -> None:
    result = _parse(tmp_path, "As shown {% cite lind2020 ek2023 %}, not {% cite nobody %}.\n")
    assert result.entry is not None
    assert result.entry.body.html == "<p>As shown (Lind, 2020; ek2023, 2023), not (missing reference).</p>\n"
    assert [str(problem) for problem in result.problems] == [
        '_posts/2024-01-01-p.md:4: warning: Liquid tag "cite": no entry nobody in references.bib; shown as (missing reference), as jekyll-scholar shows it'
    ]


def test_bibliography_with_a_query_and_its_count(tmp_path: Path) -> None:
    result = _parse(tmp_path, "{% bibliography_count %} in all.\n\n{% bibliography -q @book %}\n", "scholar:\n  style: ieee\n")
    assert result.entry is not None
    html = result.entry.body.html
    assert html.startswith("<p>2 in all.</p>\n")
    assert '<li id="ek2023"><span class="title">Moss</span>.</li>' in html and "lind2020" not in html
    assert "its style 'ieee' and the site's bibliography template are not applied" in str(result.problems[0])


def test_a_missing_bib_file_is_a_warning(tmp_path: Path) -> None:
    result = _parse(tmp_path, "{% bibliography --file talks %}\n")
    assert result.entry is not None and result.entry.body.html == ""
    assert [str(problem) for problem in result.problems] == [
        '_posts/2024-01-01-p.md:4: warning: Liquid tag "bibliography": the BibTeX file _bibliography/talks.bib is not in the site; it was removed'
    ]


def test_details_is_a_box_whose_text_is_markdown(tmp_path: Path) -> None:
    result = _parse(tmp_path, "{% details More <b>here</b> %}\nSome **bold** text.\n{% enddetails %}\n")
    assert result.entry is not None and result.problems == ()
    assert result.entry.body.html == "<details><summary>More here</summary>\n<p>Some <strong>bold</strong> text.</p>\n</details>\n"


def test_distill_citations_from_the_pages_bibliography(tmp_path: Path) -> None:
    (tmp_path / "assets" / "bibliography").mkdir(parents=True)
    (tmp_path / "assets" / "bibliography" / "post.bib").write_text(BIB)
    (tmp_path / "masthead.toml").write_text('base_url = "https://x.org"\n[folders]\ncontent = "."\n[origin]\nkind = "jekyll"\nraw_html = true\n')
    text = '---\ntitle: T\nlayout: distill\nbibliography: post.bib\n---\nAs <d-cite key="lind2020,ek2023"></d-cite> and <d-cite key="gone"></d-cite> say.\n'
    result = parse_entry("_posts/2024-01-01-p.md", text.encode(), load_config(tmp_path))
    assert result.entry is not None
    assert result.entry.body.html == "<p>As (Lind, 2020; ek2023, 2023) and (missing reference) say.</p>\n"
    assert [str(problem) for problem in result.problems] == [
        "_posts/2024-01-01-p.md:6: warning: d-cite: no entry gone in post.bib; shown as (missing reference)"
    ]
