"""BibTeX as jekyll-scholar reads it: macros, nested braces, concatenation, LaTeX accents and dashes."""

from __future__ import annotations

from masthead.content.bibtex import latex_text, parse

SAMPLE = """---
---
@string{ jfs = "Journal of Field Sensors" }
@comment{ not an entry }
@article{ada2021,
  author = {Lovelace, Ada and Babbage, Charles},
  title = {On {Engines} and --- the Weather},
  journal = jfs # { (Letters)},
  year = 2021,
  pages = "1--9",
}
@misc(noauthor, title = {Only a title})
"""


def test_entries_in_order_with_macros_and_concatenation() -> None:
    first, second = parse(SAMPLE)
    assert (first.kind, first.key, second.key) == ("article", "ada2021", "noauthor")
    assert first.fields["journal"] == "Journal of Field Sensors (Letters)"
    assert first.fields["title"] == "On Engines and \u2014 the Weather"
    assert first.fields["pages"] == "1\u20139" and first.year == "2021"
    assert first.authors() == ["Lovelace, Ada", "Babbage, Charles"]
    assert second.fields == {"title": "Only a title"} and second.authors() == []


def test_latex_accents_and_letters() -> None:
    assert latex_text(r"Zieli{\'n}ski") == "Zieliński"
    assert latex_text(r"G{\"o}del and Erd\H{o}s") == "Gödel and Erdős"
    assert latex_text(r"\c{C}elik, Stra{\ss}e, \o{}ystein") == "Çelik, Straße, øystein"


def test_text_that_is_not_bibtex_has_no_entries() -> None:
    assert parse("just words, no at sign") == ()
