"""Footnotes and definition lists (content/footnotes.py, definition_lists.py, markdown_dialect.py): the HTML
masthead writes, with each generator's ids, and the fixture sites built as their generator builds them."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from origin_sites import adopt, output_folder

from masthead.content import definition_lists
from masthead.content.markdown import render
from masthead.content.markdown_dialect import GFM, MASTHEAD, Dialect, _hugo, _jekyll, _pelican

KRAMDOWN = Dialect("kramdown", True)
GOLDMARK = Dialect("goldmark", True)
PYTHON_MARKDOWN = Dialect("python-markdown", True)

TWO_REFERENCES = "Tides[^neap] turn.[^neap]\n\n[^neap]: Slack water.\n"


def test_a_footnote_is_a_numbered_note_with_a_labelled_back_link() -> None:
    assert render("Text with a footnote.[^1]\n\n[^1]: The footnote text.\n", dialect=KRAMDOWN).html == (
        '<p>Text with a footnote.<sup class="footnote-ref" data-pagefind-ignore=""><a href="#fn:1" id="fnref:1" role="doc-noteref">1</a></sup></p>\n'
        '<section class="footnotes" role="doc-endnotes" aria-label="Footnotes">\n<hr>\n<ol>\n<li id="fn:1">\n'
        '<p>The footnote text. <a href="#fnref:1" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1" '
        'data-pagefind-ignore="">↩\ufe0e</a></p>\n</li>\n</ol>\n</section>\n'
    )


@pytest.mark.parametrize(
    ("dialect", "note", "first", "second"),
    [
        (KRAMDOWN, "fn:neap", "fnref:neap", "fnref:neap:1"),
        (GOLDMARK, "fn:1", "fnref:1", "fnref1:1"),
        (PYTHON_MARKDOWN, "fn:neap", "fnref:neap", "fnref2:neap"),
        (MASTHEAD, "fn:neap", "fnref:neap", "fnref:neap:2"),
    ],
)
def test_ids_are_the_generators(dialect: Dialect, note: str, first: str, second: str) -> None:
    body = render(TWO_REFERENCES, dialect=dialect).html
    assert f'<li id="{note}">' in body
    assert f'<a href="#{note}" id="{first}" role="doc-noteref">1</a>' in body
    assert f'<a href="#{note}" id="{second}" role="doc-noteref">1</a>' in body
    back_link = f'<a href="#{second}" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1 (2)" data-pagefind-ignore="">'
    assert back_link + "↩\ufe0e<sup>2</sup></a>" in body


def test_without_the_extension_a_reference_is_text() -> None:
    assert render(TWO_REFERENCES).html == "<p>Tides[^neap] turn.[^neap]</p>\n<p>[^neap]: Slack water.</p>\n"


def test_summary_headings_and_text_leave_the_marks_out() -> None:
    body = render("Tides turn.[^1]\n\n## Slack water[^2]\n\n[Read More](https://example.com/tides)\n\n[^1]: Twice a day.\n[^2]: Briefly.\n", dialect=KRAMDOWN)
    assert body.summary == "Tides turn."
    assert [(heading.text, heading.id) for heading in body.headings] == [("Slack water", "slack-water")]
    assert body.text == "Tides turn. Slack water Twice a day. Briefly."
    assert body.read_more == "https://example.com/tides"  # the last paragraph before the notes
    assert "Read More" not in body.html and body.html.endswith("</section>\n")


def test_ids_raw_html_took_are_not_reused() -> None:
    body = render('<span id="fn:1">taken</span> note[^1]\n\n[^1]: x\n', clean_html=True, dialect=KRAMDOWN).html
    assert '<li id="fn:1-2">' in body and 'href="#fn:1-2"' in body and body.count('id="fn:1"') == 1


def test_a_citation_in_a_note_is_a_citation() -> None:
    body = render("Claim.[^1]\n\n[^1]: As reported [[Reuters](https://reuters.com/x)].\n", dialect=MASTHEAD)
    assert [citation.outlet for citation in body.citations] == ["Reuters"]


def test_definition_lists() -> None:
    source = "Spring\n: The largest range.\n: Near a full moon.\n\nNeap\nDead water\n\n: The smallest range.\n\n    Also *slack*.\n\nAfter.\n"
    assert render(source, dialect=KRAMDOWN).html == (
        "<dl>\n<dt>Spring</dt>\n<dd>The largest range.</dd>\n<dd>Near a full moon.</dd>\n<dt>Neap</dt>\n<dt>Dead water</dt>\n"
        "<dd>\n<p>The smallest range.</p>\n<p>Also <em>slack</em>.</p>\n</dd>\n</dl>\n<p>After.</p>\n"
    )
    assert render(source).html.startswith("<p>Spring\n: The largest range.")  # GFM has none


@pytest.mark.parametrize(
    "source",
    [
        "```\nTerm\n: in code\n```\n",
        "- item\n: not a definition\n",
        "# Heading\n: not a definition\n",
        "> Quote\n> : not read inside a quote\n",
        "Time: 10:30\n",
    ],
)
def test_what_is_not_a_definition_list(source: str) -> None:
    assert definition_lists.rewrite(source) == source


def test_a_neighbouring_list_stays_its_own() -> None:
    assert render("* a\n\nTerm\n: Definition\n\n* b\n", dialect=KRAMDOWN).html == (
        "<ul>\n<li>a</li>\n</ul>\n<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>\n<ul>\n<li>b</li>\n</ul>\n"
    )


def test_the_dialect_of_each_generator(tmp_path: Path) -> None:
    assert _jekyll({}) == KRAMDOWN and _jekyll({"markdown": "CommonMarkGhPages"}) == GFM
    assert _jekyll({"markdown": "CommonMark", "commonmark": {"options": ["FOOTNOTES"]}}) == MASTHEAD
    assert _pelican({}) == PYTHON_MARKDOWN
    assert _pelican({"MARKDOWN": {"extension_configs": {"markdown.extensions.codehilite": {}}}}) == GFM
    assert _pelican({"MARKDOWN": {"extensions": ["markdown.extensions.footnotes:FootnoteExtension"]}}) == Dialect("python-markdown", False)
    assert _pelican({"MARKDOWN": {"extensions": ["def_list"]}}) == Dialect(None, True)
    (tmp_path / "hugo.toml").write_text("title = 'x'\n", encoding="utf-8")
    assert _hugo(tmp_path / "hugo.toml") == GOLDMARK
    folder = tmp_path / "config" / "_default"
    folder.mkdir(parents=True)
    (folder / "hugo.toml").write_text("title = 'x'\n", encoding="utf-8")
    (folder / "markup.toml").write_text("[goldmark.extensions]\nfootnote = false\ndefinitionList = false\n", encoding="utf-8")
    assert _hugo(folder / "hugo.toml") == GFM


class _Ids(HTMLParser):
    """The ids and footnote links of a fragment, and whether each dt and dd is a child of a dl."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.fragments: list[str] = []
        self.open: list[str] = []
        self.misplaced: list[str] = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("dl", "dt", "dd", "ul", "ol", "li"):
            assert self.open and self.open[-1] == tag, (tag, self.open)
            self.open.pop()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("dt", "dd") and (not self.open or self.open[-1] != "dl"):
            self.misplaced.append(tag)
        if tag in ("dl", "dt", "dd", "ul", "ol", "li"):
            self.open.append(tag)
        found = dict(attrs)
        if found.get("id") is not None:
            self.ids.append(str(found["id"]))
        href = found.get("href") or ""
        if href.startswith("#fn"):
            self.fragments.append(href[1:])


_PIECES = [
    "[^",
    "]",
    "]:",
    ":",
    ": ",
    "\n: ",
    "  ",
    "Term",
    "1",
    "a",
    "x y",
    "\n",
    "\n\n",
    "    ",
    " ",
    "*",
    "#",
    "- ",
    "> ",
    "```",
    "<b>",
    "{#id}",
    "[[A](https://a.example)]",
    "é",
]


@settings(max_examples=300, deadline=None)
@example(["a", "[^", "1", "]", "[^", "x y", "]", "\n\n", "[^", "1", "]:", " ", "a", "[^", "1", "]", "\n", "a", "\n", ": ", "<b>"], PYTHON_MARKDOWN, True)
@example(["#", " ", "a", "[^", "1", "]", "\n\n", "[^", "1", "]:", "\n", "    ", "[[A](https://a.example)]"], GOLDMARK, False)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([KRAMDOWN, GOLDMARK, PYTHON_MARKDOWN, MASTHEAD]), st.booleans())
def test_any_markdown_renders_with_unique_ids(pieces: list[str], dialect: Dialect, clean: bool) -> None:
    from urllib.parse import unquote

    body = render("".join(pieces), clean_html=clean, dialect=dialect)
    parser = _Ids()
    parser.feed(body.html)
    assert len(parser.ids) == len(set(parser.ids))
    assert parser.misplaced == [] and parser.open == []
    assert {unquote(fragment) for fragment in parser.fragments} <= set(parser.ids)  # every footnote link lands
    assert not re.search(r"mastheadtermx|mastheaddefinitionx|mastheadwrappedx|data-footnote|fnref-", body.html)
    assert "↩" not in body.summary and "↩" not in "".join(heading.text for heading in body.headings)


def _body(page: Path) -> str:
    return page.read_text(encoding="utf-8").split('<div class="post__body">', 1)[1].split("\n  </div>\n", 1)[0].strip()


def test_jekyll_footnotes_site(tmp_path: Path) -> None:
    site, _ = adopt("jekyll-footnotes", tmp_path)
    body = _body(output_folder(site) / "glossary/2024/03/12/tide-words.html")
    assert '<h2 id="spring-and-neap">Spring and neap<sup class="footnote-ref"' in body
    assert "<dl>\n<dt>Spring tide</dt>\n<dd>The largest range, near a new or full moon.</dd>\n<dt>Neap tide</dt>" in body
    assert "Check the pilots" not in body and "{::" not in body and "{:/" not in body
    assert '<p class="almanac">Tables from the <em>almanac</em>, not Markdown: **kept as written**.</p>' in body
    assert re.findall(r'id="(fn[^"]*)"', body) == ["fnref:neap", "fnref:pilots", "fnref:neap:1", "fn:neap", "fn:pilots"]


@pytest.mark.parametrize(("name", "page"), [("hugo-footnotes", "posts/mooring-terms/index.html"), ("pelican-footnotes", "crossing-times.html")])
def test_hugo_and_pelican_footnotes_sites(name: str, page: str, tmp_path: Path) -> None:
    site, _ = adopt(name, tmp_path)
    body = _body(output_folder(site) / page)
    assert '<section class="footnotes" role="doc-endnotes" aria-label="Footnotes">' in body and "<dl>\n<dt>" in body and "[^" not in body


_FOOTNOTE_IDS = re.compile(r'(?:id|href)="#?(fn[^"]*)"')
_DEFINITION_TAGS = re.compile(r"<(d[ltd])>")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "generator", "page"),
    [
        ("jekyll-footnotes", "jekyll", "glossary/2024/03/12/tide-words.html"),
        ("hugo-footnotes", "hugo", "posts/mooring-terms/index.html"),
        ("pelican-footnotes", "pelican", "crossing-times.html"),
    ],
)
def test_ids_and_definition_lists_are_the_real_generators(name: str, generator: str, page: str, tmp_path: Path) -> None:
    """The footnote ids and links, and the dl/dt/dd sequence, of the page the real tool writes."""
    from real_generators import hugo_urls, jekyll_urls, pelican_urls

    real_site = tmp_path / "real" / name
    shutil.copytree(Path(__file__).parent / "sites" / name, real_site)
    {"jekyll": jekyll_urls, "hugo": hugo_urls, "pelican": pelican_urls}[generator](real_site, tmp_path / "real")
    real = (tmp_path / "real" / f"{generator}-public" / page).read_text(encoding="utf-8")
    site, _ = adopt(name, tmp_path / "own")
    own = _body(output_folder(site) / page)
    assert sorted(set(_FOOTNOTE_IDS.findall(own))) == sorted(set(_FOOTNOTE_IDS.findall(real)))
    assert _DEFINITION_TAGS.findall(own) == _DEFINITION_TAGS.findall(real)


@pytest.mark.slow
def test_the_pages_pass_the_nu_checker(tmp_path: Path) -> None:
    from test_html_validity import nu_check

    pages = []
    for name, page in (("jekyll-footnotes", "glossary/2024/03/12/tide-words.html"), ("hugo-footnotes", "posts/mooring-terms/index.html")):
        site, _ = adopt(name, tmp_path)
        pages.append(output_folder(site) / page)
    assert nu_check(pages) == []  # no duplicate ids, no warnings (a labelled section needs no heading)
