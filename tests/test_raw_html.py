"""content/raw_html.py: an adopted site's raw HTML in Markdown is kept, made safe, frames made links."""

from __future__ import annotations

from masthead.content.markdown import render
from masthead.content.raw_html import clean


def _html(markdown: str) -> str:
    return render(markdown, clean_html=True).html


def test_markup_is_kept_and_scripts_are_not() -> None:
    html = _html(
        '<div class="notice" onclick="steal()">Keep <em>this</em></div>\n\n'
        "<script>alert(1)</script>\n\n<style>body{display:none}</style>\n\n"
        '<p><a href="javascript:alert(1)">bad</a> <img src="/x.png" onerror="alert(1)" alt="X"></p>\n'
    )
    assert '<div class="notice">Keep <em>this</em></div>' in html
    assert "alert" not in html and "display:none" not in html and "onclick" not in html and "onerror" not in html
    assert 'src="/x.png" alt="X">' in html and "<a>bad</a>" in html


def test_frames_become_links_and_code_is_left_alone() -> None:
    html = _html(
        '<iframe src="https://www.youtube.com/embed/abc" title="Harbour"></iframe>\n\n'
        '<iframe src="https://maps.example.org/embed?x=1"></iframe>\n\n'
        "Write `<script>` in code.\n\n```html\n<script>kept as code</script>\n```\n"
    )
    assert '<a href="https://www.youtube-nocookie.com/embed/abc" rel="noopener">Watch “Harbour” on YouTube</a>' in html
    assert '<a href="https://maps.example.org/embed?x=1" rel="noopener">Open the embedded content on maps.example.org</a>' in html
    assert "<code>&lt;script&gt;</code>" in html and "&lt;script&gt;kept as code&lt;/script&gt;" in html


def test_a_frame_of_the_sites_own_page_becomes_a_link_to_it() -> None:
    html = _html('<iframe src="/demos/life.html" width="100%"></iframe>\n\n<iframe src="javascript:alert(1)"></iframe>\n')
    assert '<a href="/demos/life.html">Open the embedded page life.html</a>' in html
    assert "alert" not in html


def test_kramdown_markdown_attribute() -> None:
    html = _html('<div class="notice--info" markdown="1">\n**Note:** read *this*.\n</div>\n')
    assert html == '<div class="notice--info">\n<p><strong>Note:</strong> read <em>this</em>.</p>\n</div>\n'


def test_without_raw_html_the_body_is_unchanged() -> None:
    text = 'A "quoted" word & a [link](/x/).\n'
    assert render(text, clean_html=True).html == render(text).html
    assert "<div" not in render("<div>x</div>\n").html  # masthead's default: raw HTML dropped


def test_raw_images_are_made_valid() -> None:
    """Docsy's ``<img src=… width="300px">``: HTML's width is a number of pixels and an image needs alt."""
    html = _html('<img src="/logo.png" width="300px" height="50%" style="border: none;">\n\n<img src="/b.png" alt="Harbour" width=" 120 ">\n')
    assert '<img loading="lazy" decoding="async" alt="" src="/logo.png" width="300">' in html
    assert '<img loading="lazy" decoding="async" src="/b.png" alt="Harbour" width="120">' in html
    assert "50%" not in html and "style" not in html


def test_a_forms_inputs_go_with_the_form_and_task_list_boxes_stay() -> None:
    """A contact form written in a Hugo page (as hugo-ugly-urls' contacte.md): the form and its labels
    are not kept, so neither are its fields, which would be left without a name; the checkboxes
    Goldmark, markdown-it and Python-Markdown write for a task list (all disabled) are kept."""
    form = (
        '<form action="https://forms.example.cat/envia" method="POST">\n  <label for="nom">Nom</label>\n'
        '  <input id="nom" type="text" name="nom">\n  <label for="ok"><input id="ok" type="checkbox" name="ok"> He llegit</label>\n</form>'
    )
    tasks = '<ul>\n<li><input checked="" disabled="" type="checkbox"> Tide tables</li>\n<li><input type="checkbox" disabled /> Charts</li>\n</ul>'
    cleaned = clean(form + "\n" + tasks)
    assert "nom" not in cleaned and 'id="ok"' not in cleaned and "He llegit" in cleaned
    assert cleaned.count("<input") == 2 and '<input checked="" disabled="" type="checkbox"> Tide tables' in cleaned


def test_what_a_loop_writes_into_a_list_becomes_its_items() -> None:
    """academicpages' CV: `<ul>{% for %}{% include archive-single.html %}{% endfor %}</ul>` puts headings in the list."""
    html = _html("<ul>\n<h2>Talk one</h2>\n<p>Venue</p>\n</ul>\n\n<ul><li>kept</li></ul>\n")
    assert html == '<ul>\n<li><h2 id="talk-one">Talk one</h2>\n<p>Venue</p>\n</li></ul>\n<ul><li>kept</li></ul>\n'


def test_a_link_inside_a_link_is_its_text() -> None:
    card = '<a href="/post/"><div class="card"><h3>Title</h3><a href="/2024">2024</a></div></a><p><a href="/next/">next</a></p>'
    assert clean(card) == '<a href="/post/"><div class="card"><h3>Title</h3>2024</div></a><p><a href="/next/">next</a></p>'


def test_items_after_the_first_are_wrapped_too() -> None:
    assert clean("<ul><li>a</li><p>•</p><li>b</li></ul>") == "<ul><li>a</li><li><p>•</p></li><li>b</li></ul>"
