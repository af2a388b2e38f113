"""Finding links in sources, with byte offsets exact enough to rewrite them."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE

from masthead.config import load_config
from masthead.links.scan import scan_site, scan_text

TEXT = (
    "---\ntitle: “x” https://front.matter/url\n---\n"
    "Intro ¿qué? [[AP](https://email.cpg-online.de/t/d-l-a-l-b/)] and "
    '[a link](https://x.example/a_(b) "title").\n'
    "`https://code.span/x` <https://auto.link/x> see https://bare.example/path.\n"
    "```\nhttps://fenced.example/x\n```\n"
    "[ref]: https://ref.example/def\n"
    "[esc](https://x.example/a\\_b?c=1&amp;d=2) [rel](/blog/x/) [mail](mailto:a@b.c)\n"
)


def test_every_kind_of_link_is_found_with_exact_bytes() -> None:
    found = scan_text(TEXT, "content/a.md")
    raw = TEXT.encode("utf-8")
    assert [link.url for link in found] == [
        "https://email.cpg-online.de/t/d-l-a-l-b/",
        "https://x.example/a_(b)",
        "https://auto.link/x",
        "https://bare.example/path",
        "https://ref.example/def",
        "https://x.example/a_b?c=1&d=2",
    ]
    for link in found:
        assert raw[link.start : link.end] == link.written.encode("utf-8")
    citation = found[0]
    assert citation.citation and citation.text == "AP" and citation.line == 4 and citation.column == 19
    assert not found[1].citation and found[1].text == "a link"
    assert found[2].angle and found[4].line == 9


def test_crlf_files_keep_their_lines_and_offsets() -> None:
    text = "---\r\ntitle: x\r\n---\r\nOne.\r\n\r\nTwo [[BBC](https://www.bbc.com/news/1?utm_source=x)]\r\n"
    (link,) = scan_text(text, "a.md")
    assert link.line == 6 and text.encode()[link.start : link.end] == b"https://www.bbc.com/news/1?utm_source=x"


def test_the_seed_post_in_the_example_site() -> None:
    config = load_config(EXAMPLE)
    seed = [link for link in scan_site(config) if link.source.endswith("russia-north-korea-ties.md")]
    assert [(link.text, link.url) for link in seed] == [
        ("NBC", "https://email.cpg-online.de/t/d-l-vdhduiy-l-njk/"),
        ("Washington Times", "https://email.cpg-online.de/t/d-l-vdhduiy-l-nju/"),
        ("AP", "https://email.cpg-online.de/t/d-l-vdhduiy-l-ntl/"),
        ("Read More", "https://email.cpg-online.de/t/d-269DB52ECB4B84A62540EF23F30FEDED"),
    ]
    assert [link.citation for link in seed] == [True, True, True, False]
    assert Path(EXAMPLE / seed[0].source).read_bytes()[seed[0].start : seed[0].end] == seed[0].written.encode()
