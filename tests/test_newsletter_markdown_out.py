"""Story HTML to seed-shaped Markdown: citations, quotes, lists, Read More."""

from __future__ import annotations

from masthead.newsletter.markdown_out import known_outlets, to_markdown

OUTLETS = known_outlets({"Korea JoongAng Daily": ("JoongAng",)})


def test_bracketed_parenthesised_and_known_outlet_links_become_citations() -> None:
    html = (
        '<p>One.&nbsp;[<a href="https://t.example/1">NBC</a>] Two (<a href="https://t.example/2">Some Local Paper</a>). '
        'Three <a href="https://t.example/3">JoongAng</a>.</p>'
    )
    markdown = to_markdown(html, {"https://t.example/1": "https://www.nbcnews.com/a"}, OUTLETS)
    assert markdown == ("One. [[NBC](https://www.nbcnews.com/a)] Two [[Some Local Paper](https://t.example/2)]. Three [[JoongAng](https://t.example/3)].\n")


def test_prose_links_stay_links_and_quotes_and_lists_stay() -> None:
    html = (
        '<p>See <a href="https://e.example/r">the full report on the summit.</a></p><blockquote><p>“Quoted.”</p></blockquote><ul><li>one</li><li>two</li></ul>'
    )
    assert to_markdown(html, {}, OUTLETS) == ("See [the full report on the summit.](https://e.example/r)\n\n> “Quoted.”\n\n- one\n- two\n")


def test_read_more_closes_the_post_with_the_clean_url() -> None:
    html = '<p><a href="https://t.example/more">Read more</a></p><p>Body (with a paren) and a_b.</p>'
    markdown = to_markdown(html, {}, OUTLETS, "https://news.example/a story (1)")
    assert markdown == "Body (with a paren) and a\\_b.\n\n[Read More](https://news.example/a%20story%20%281%29)\n"
