"""Liquid and Hugo shortcodes in bodies: the supported ones rendered, the others warned about with file:line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from masthead.config import load_config
from masthead.content.entries import ParseResult, parse_entry


def _parse(tmp_path: Path, kind: str, body: str, name: str = "content/posts/p.md") -> ParseResult:
    folder = "." if kind == "jekyll" else "content"
    (tmp_path / "masthead.toml").write_text(
        f'base_url = "https://x.org"\n[folders]\ncontent = "{folder}"\n[origin]\nkind = "{kind}"\npost_sections = ["posts"]\n'
    )
    text = f"---\ntitle: T\ndate: 2024-01-01\n---\n{body}"
    return parse_entry(name, text.encode(), load_config(tmp_path))


def _warnings(result: ParseResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_unknown_liquid_tag_is_removed_with_a_warning_naming_its_line(tmp_path: Path) -> None:
    result = _parse(tmp_path, "jekyll", "First.\n\n{% include note.html %}\n\n{% callout %}Kept **inside**.{% endcallout %}\n", name="_posts/2024-01-01-p.md")
    assert result.entry is not None
    assert _warnings(result) == [
        "_posts/2024-01-01-p.md:7: warning: Liquid tag \"include\": 'note.html' is not among the site's include files; it was removed",
        '_posts/2024-01-01-p.md:9: warning: Liquid tag "callout": not supported; its inner content was kept',
    ]
    assert result.entry.body.html == "<p>First.</p>\n<p>Kept <strong>inside</strong>.</p>\n"


def test_unknown_liquid_variable_is_removed_and_an_unknown_filter_keeps_its_input(tmp_path: Path) -> None:
    result = _parse(tmp_path, "jekyll", "{{ content }} and {{ page.title | shout }}\n", name="_posts/2024-01-01-p.md")
    assert _warnings(result) == [
        '_posts/2024-01-01-p.md:5: warning: Liquid filter "shout": not supported; its input was kept',
        '_posts/2024-01-01-p.md:5: warning: Liquid variable "content": not known here; it was removed',
    ]
    assert result.entry is not None and result.entry.body.html == "<p>and T</p>\n"


def test_include_files_are_rendered_with_their_parameters(tmp_path: Path) -> None:
    _parse(tmp_path, "jekyll", "", name="_posts/2024-01-01-p.md")  # writes masthead.toml
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes/figure.html").write_text(
        '<figure><img src="{{ include.src }}" alt="{{ include.alt }}"><figcaption>{{ include.caption }}</figcaption></figure>\n'
    )
    (tmp_path / "_includes/loop.html").write_text("{% include loop.html %}")
    body = 'Before.\n\n{% include figure.html src="/a.png" alt="A quay" caption=page.title %}\n\n{% include loop.html %}\n\n{% include ../masthead.toml %}\n'
    result = parse_entry("_posts/2024-01-01-p.md", f"---\ntitle: T\ndate: 2024-01-01\n---\n{body}".encode(), load_config(tmp_path))
    assert result.entry is not None
    assert 'src="/a.png" alt="A quay"' in result.entry.body.html and "<p>T</p>" in result.entry.body.html
    assert "base_url" not in result.entry.body.html  # nothing from outside _includes/
    assert [problem.message for problem in result.problems] == [
        "in loop.html: in loop.html: in loop.html: in loop.html: in loop.html: 'loop.html' is not among the site's include files; it was removed",
        "'../masthead.toml' is not among the site's include files; it was removed",
    ]


def test_pages_that_turn_their_template_language_off(tmp_path: Path) -> None:
    shown = "Write `{{ title }}` and `{% if x %}` in a template.\n"
    result = _parse(tmp_path, "eleventy", shown)
    assert result.entry is not None and "<code>T</code>" in result.entry.body.html  # without the override: rendered
    cases = (("eleventy", "templateEngineOverride: md", "content/posts/p.md"), ("jekyll", "render_with_liquid: false", "_posts/2024-01-01-p.md"))
    for kind, key, name in cases:
        folder = "." if kind == "jekyll" else "content"
        (tmp_path / "masthead.toml").write_text(f'[folders]\ncontent = "{folder}"\n[origin]\nkind = "{kind}"\npost_sections = ["posts"]\n')
        text = f"---\ntitle: T\ndate: 2024-01-01\n{key}\n---\n{shown}"
        parsed = parse_entry(name, text.encode(), load_config(tmp_path))
        assert parsed.entry is not None and parsed.problems == ()
        assert "<code>{{ title }}</code> and <code>{% if x %}</code>" in parsed.entry.body.html, kind


def test_html_images_in_markdown_are_kept_as_images(tmp_path: Path) -> None:
    body = '<img src="/a.png" alt="A [quay]">\n\n```html\n<img src="/code.png">\n```\n\nInline `<img src="/b.png">` and <img src=\'/c.png\' title="C">\n'
    result = _parse(tmp_path, "eleventy", body)
    assert result.entry is not None
    html = result.entry.body.html
    assert '<img loading="lazy" decoding="async" src="/a.png" alt="A (quay)" />' in html
    assert "&lt;img src=&quot;/code.png&quot;&gt;" in html and "<code>&lt;img src=&quot;/b.png&quot;&gt;</code>" in html  # code stays code
    assert 'src="/c.png"' not in html  # on a line with code, raw HTML stays off as everywhere


def test_nunjucks_macros_are_never_shown(tmp_path: Path) -> None:
    body = "{% macro badge(text) %}<b>{{ text }}</b>{% endmacro %}Before {{ badge('x') }} after.\n"
    result = _parse(tmp_path, "eleventy", body)
    assert result.entry is not None and result.entry.body.html == "<p>Before  after.</p>\n"
    assert [problem.field for problem in result.problems] == ['Nunjucks tag "macro"', "Nunjucks variable \"badge('x')\""]


def test_liquid_control_flow_over_known_values(tmp_path: Path) -> None:
    body = (
        '{% assign n = page.tags | size %}{% if n > 1 and jekyll.environment == "production" %}many{% elsif n == 1 %}one{% else %}none{% endif %}\n'
        "{% for tag in page.tags reversed %}{{ forloop.index }}={{ tag | upcase }} {% endfor %}\n"
        "{% capture who %}by {{ site.title }}{% endcapture %}{{ who }} {% unless page.draft %}live{% endunless %}\n"
        '{% case page.title %}{% when "X", "T" %}matched{% else %}no{% endcase %} {{ "a b" | slugify }}\n'
    )
    _parse(tmp_path, "jekyll", "", name="_posts/2024-01-01-p.md")  # writes masthead.toml
    (tmp_path / "_config.yml").write_text("title: Harbour Notes\n")
    text = "---\ntitle: T\ndate: 2024-01-01\ntags: [tides, moon]\n---\n" + body
    config = load_config(tmp_path)
    config = replace(config, origin=replace(config.origin, config_file="_config.yml"))
    parsed = parse_entry("_posts/2024-01-01-p.md", text.encode(), config)
    assert parsed.problems == () and parsed.entry is not None
    assert parsed.entry.body.html == "<p>many\n1=MOON 2=TIDES\nby Harbour Notes live\nmatched a-b</p>\n"


def test_unknown_shortcode_pair_keeps_its_inner_content(tmp_path: Path) -> None:
    result = _parse(tmp_path, "hugo", "Intro.\n\n{{< notice warning >}}\nCareful, {{% mark %}}**now**{{% /mark %}}.\n{{< /notice >}}\n\n{{< rawhtml >}}\n")
    assert _warnings(result) == [
        'content/posts/p.md:7: warning: shortcode "notice": not supported; its inner content was kept',
        'content/posts/p.md:8: warning: shortcode "mark": not supported; its inner content was kept',
        'content/posts/p.md:11: warning: shortcode "rawhtml": not supported; it was removed',
    ]
    assert result.entry is not None and result.entry.body.html == (
        '<p>Intro.</p>\n<div class="shortcode-notice warning">\n<p>Careful, <span class="shortcode-mark"><strong>now</strong></span>.</p>\n</div>\n'
    )  # no template: a box of its inner Markdown, its first argument a class; within a line a span


def test_shortcode_parameters_nesting_and_built_in_pairs(tmp_path: Path) -> None:
    body = (
        '{{< tabs >}}{{< tab name="One" >}}first{{< /tab >}}{{< tab "Two" >}}second{{< /tab >}}{{< /tabs >}}\n\n'
        '{{< details summary="More" >}}\nHidden *text*.\n{{< /details >}}\n\n'
        "{{% comment %}}Not for readers.{{% /comment %}}\n\n"
        "{{< x.inline >}}{{ .Get 0 }}{{< /x.inline >}}\n"
    )
    result = _parse(tmp_path, "hugo", body)
    assert result.entry is not None
    one, two = '<span class="shortcode-tab"><strong>One</strong> first</span>', '<span class="shortcode-tab"><strong>Two</strong> second</span>'
    tabs = f'<span class="shortcode-tabs">{one}{two}</span>'
    assert result.entry.body.html == f"<p>{tabs}</p>\n<details><summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n"
    assert [problem.field for problem in result.problems] == ['shortcode "tab"', 'shortcode "tab"', 'shortcode "tabs"', 'shortcode "x.inline"']


def test_commented_shortcode_is_shown_as_itself(tmp_path: Path) -> None:
    result = _parse(tmp_path, "hugo", 'Write `{{</* figure src="x.png" */>}}` to show a figure.\n')
    assert result.problems == () and result.entry is not None
    assert '<code>{{&lt; figure src="x.png" &gt;}}</code>' in result.entry.body.html


def test_shortcode_attributes_are_escaped(tmp_path: Path) -> None:
    result = _parse(tmp_path, "hugo", '{{< figure src="/a.png" caption="<script>alert(1)</script>" >}}\n')
    assert result.entry is not None
    html = result.entry.body.html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unresolved_reference_is_a_warning(tmp_path: Path) -> None:
    from masthead.build import load

    (tmp_path / "masthead.toml").write_text('base_url = "https://x.org"\n[origin]\nkind = "hugo"\npost_sections = ["posts"]\n')
    (tmp_path / "content/posts").mkdir(parents=True)
    (tmp_path / "content/posts/a.md").write_text("+++\ntitle = 'A'\ndate = 2024-01-01\n+++\nSee [b]({{< ref \"posts/missing.md\" >}}).\n")
    _, _, problems = load(tmp_path)
    [problem] = [p for p in problems if "missing.md" in p.message]
    assert problem.line == 5 and problem.warning and problem.message.startswith("ref 'posts/missing.md': no page has this path")


def _url(tmp_path: Path, kind: str, front_matter: str, name: str) -> tuple[str | None, tuple[str, ...]]:
    from masthead.content.permalinks import entry_url

    folder = "." if kind == "jekyll" else "content"
    (tmp_path / "masthead.toml").write_text(
        f'base_url = "https://x.org"\n[folders]\ncontent = "{folder}"\n[origin]\nkind = "{kind}"\npost_sections = ["blog"]\n'
    )
    config = load_config(tmp_path)
    result = parse_entry(name, f"---\ntitle: A Title\ndate: 2024-05-06\n{front_matter}---\nx\n".encode(), config)
    messages = tuple(problem.message for problem in result.problems)
    if result.entry is None or result.entry.placement.hidden:
        return None, messages
    return entry_url(result.entry, config), messages


def test_front_matter_permalink_patterns(tmp_path: Path) -> None:
    assert _url(tmp_path, "jekyll", "permalink: /news/:year/:title/\n", "_posts/2024-05-06-my-post.md")[0] == "/news/2024/my-post/"
    assert _url(tmp_path, "jekyll", "permalink: /about/\n", "about.md")[0] == "/about/"
    assert _url(tmp_path, "eleventy", 'permalink: "/{{ page.fileSlug }}/"\n', "content/blog/my-post.md")[0] == "/my-post/"
    assert _url(tmp_path, "eleventy", "permalink: false\n", "content/blog/data.md")[0] is None
    url, messages = _url(tmp_path, "eleventy", 'permalink: "/{{ collections.x | first }}/"\n', "content/blog/odd.md")
    assert url == "/blog/odd/" and any(message.endswith("the default URL is used") for message in messages)


def test_break_and_continue_end_a_loops_round(tmp_path: Path) -> None:
    # academicpages' publications page skips the other categories' papers with {% continue %}
    body = (
        "{% assign words = 'a,b,c,d' | split: ',' %}"
        "{% for word in words %}{% if word == 'b' %}{% continue %}{% endif %}[{{ word }}]{% if word == 'c' %}{% break %}{% endif %}{% endfor %}"
        " and {% for word in words %}{% for inner in words %}{% if inner == 'b' %}{% break %}{% endif %}{{ inner }}{% endfor %}{% endfor %}"
        " {% break %}\n"
    )
    result = _parse(tmp_path, "jekyll", body, name="_posts/2024-01-01-p.md")
    assert result.entry is not None and result.entry.body.html == "<p>[a][c] and aaaa</p>\n"  # a break ends the inner loop only
    assert _warnings(result) == ['_posts/2024-01-01-p.md:5: warning: Liquid tag "break": outside the tag it belongs to; it was removed']
