"""Markdown rendering: CommonMark + GFM, citations, Read More, heading ids, facts returned."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED

from masthead.content.frontmatter import split
from masthead.content.markdown import RenderedMarkdown, render, slugify, trim

SNAPSHOT = Path(__file__).parent / "snapshots" / "seed-body.html"


def seed_render() -> RenderedMarkdown:
    parts = split(SEED.read_text(encoding="utf-8"), "seed.md")
    return render(parts.body, parts.body_line)


def test_seed_body_matches_snapshot() -> None:
    assert seed_render().html == SNAPSHOT.read_text(encoding="utf-8")


def test_seed_citations_with_lines_and_positions() -> None:
    result = seed_render()
    assert [(c.outlet, c.line, c.position) for c in result.citations] == [("NBC", 20, 1), ("Washington Times", 20, 2), ("AP", 24, 3)]
    assert result.citations[0].url == "https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/"
    assert result.sources == (
        ("NBC", "https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/"),
        ("Washington Times", "https://email.cpg-online.de/t/d-l-vdhduiy-l-nju/"),
        ("AP", "https://email.cpg-online.de/t/d-l-vdhduiy-l-ntl/"),
    )
    assert result.read_more == "https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED"
    assert result.summary.startswith("Russian Foreign Minister Sergey Lavrov thanked North Korea for its “unwavering”")
    assert [link.line for link in result.links] == [20, 20, 24, 28]


def test_gfm_extensions_and_heading_ids() -> None:
    result = render("# Title\n\n## Part *one*\n\n## Part one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new www.example.org\n")
    assert [(h.level, h.text, h.id) for h in result.headings] == [(2, "Title", "title"), (3, "Part one", "part-one"), (3, "Part one", "part-one-1")]
    assert '<h3 id="part-one">Part <em>one</em></h3>' in result.html
    assert "<table>" in result.html and "<del>old</del>" in result.html
    assert '<a href="http://www.example.org">www.example.org</a>' in result.html


def test_raw_html_and_javascript_urls_are_dropped_by_default() -> None:
    result = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
    assert "<script>" not in result.html and "javascript:" not in result.html and "onerror" not in result.html
    assert "<aside>" in render("<aside>x</aside>\n", unsafe_html=True).html  # opt-in raw HTML (GFM tagfilter still neuters <script>)


def test_read_more_only_when_closing() -> None:
    assert render("[Read More](https://a.example)\n\nMore text.\n").read_more is None
    assert render("Text.\n\n[Read more](https://a.example)").read_more == "https://a.example"


def test_slugify_and_trim() -> None:
    assert slugify("Kim Jong Un’s “summit”!") == "kim-jong-un-s-summit"
    assert slugify("Überraschung in Köln") == "überraschung-in-köln"
    assert trim("one two three four", 12) == "one two…"
    assert trim("short", 12) == "short"


def test_autolinks_get_their_own_lines() -> None:
    """cmark adds a scheme to autolinks (http://, mailto:): the line is found by the URL as written."""
    links = render("intro\n\nsee www.a.example and\n\nmail me@b.example\n", 10).links
    assert [(link.url, link.line) for link in links] == [("http://www.a.example", 12), ("mailto:me@b.example", 14)]


def test_finding_link_lines_is_linear() -> None:
    """30,000 autolinks took 36 s when each URL missing from the source meant a scan of the rest of it."""
    import time

    started = time.perf_counter()
    rendered = render("www.a.example " * 15_000 + "".join(f"[x](<a b{i}>) " for i in range(15_000)), 1)
    assert len(rendered.links) == 30_000
    assert time.perf_counter() - started < 5.0
