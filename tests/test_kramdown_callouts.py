"""Just the Docs' callouts and kramdown's {:toc} marker, on the Markdown before it is rendered."""

from __future__ import annotations

from masthead.content.kramdown_callouts import mark

CALLOUTS = {"callouts": {"note": {"title": "Note", "color": "purple"}, "highlight": {"color": "yellow"}}}


def test_a_callout_before_or_after_its_paragraph() -> None:
    before = "Text.\n\n{: .note }\nFirst line\nsecond line.\n\nAfter."
    assert mark(before, CALLOUTS).text == "Text.\n\n> **Note**\\\n> First line\n> second line.\n\nAfter."
    after = "Text.\n\nFirst line\nsecond line.\n{: .note }\n\nAfter."
    assert mark(after, CALLOUTS).text == "Text.\n\n> **Note**\\\n> First line\n> second line.\n\nAfter."


def test_titles_and_untitled_callouts_keep_the_line_count() -> None:
    titled = "{: .note-title }\n> My title\n>\n> The text."
    assert mark(titled, CALLOUTS).text == "\n> **My title**\n>\n> The text."
    untitled = "{: .highlight }\nA paragraph"  # a callout with no title: the quote alone
    assert mark(untitled, CALLOUTS).text == "\n> A paragraph"
    for text in (titled, untitled, "{: .note }\n> One\n>\n> Two"):
        assert mark(text, CALLOUTS).text.count("\n") == text.count("\n")


def test_other_classes_and_code_are_left_alone() -> None:
    text = "{: .warning }\nNot configured here.\n\n```markdown\n{: .note }\nA paragraph\n```"
    assert mark(text, CALLOUTS).text == text
    assert mark("{: .note }\nA paragraph", {}).text == "{: .note }\nA paragraph"  # no callouts: nothing is one


def test_the_toc_list_and_no_toc_headings() -> None:
    text = "# Title\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n## Part\n\n```\n* TOC\n{:toc}\n```"
    marked = mark(text, {})
    assert marked.text == "# Title\n{: .no_toc }\n\n[TOC]\n\n\n## Part\n\n```\n* TOC\n{:toc}\n```"
    assert marked.untitled_headings == frozenset({"Title"})


def test_a_callout_over_a_list_or_a_table() -> None:
    assert mark("{: .note }\n- one\n- two", CALLOUTS).text == "> **Note**\n> - one\n> - two"  # the list starts its own block
    table = "{: .note }\n| a | b |\n|---|---|\n| 1 | 2 |"
    assert mark(table, CALLOUTS).text == "\n| a | b |\n|---|---|\n| 1 | 2 |"  # no title row over a table
