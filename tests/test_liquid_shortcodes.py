"""Liquid and Hugo shortcodes in bodies: the supported ones rendered, the others warned about with file:line."""

from __future__ import annotations

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


def test_unsupported_liquid_tag_is_a_warning_with_its_line(tmp_path: Path) -> None:
    result = _parse(tmp_path, "jekyll", "First.\n\n{% include note.html %}\n", name="_posts/2024-01-01-p.md")
    assert result.entry is not None
    [problem] = result.problems
    assert (problem.path, problem.line, problem.warning) == ("_posts/2024-01-01-p.md", 7, True)
    assert problem.message == "Liquid tag 'include' is not supported; it is shown as text"
    assert "{% include note.html %}" in result.entry.body.html


def test_unknown_liquid_variable_and_filter(tmp_path: Path) -> None:
    result = _parse(tmp_path, "jekyll", "{{ content }} and {{ page.title | shout }}\n", name="_posts/2024-01-01-p.md")
    messages = [problem.message for problem in result.problems]
    assert "Liquid variable 'content' is not supported (only site.*, page.* and quoted text); it is shown as text" in messages
    assert "Liquid filter 'shout' is not supported; its input is shown unchanged" in messages
    assert result.entry is not None and "and T" in result.entry.body.html


def test_unknown_shortcode_is_a_warning_with_its_line(tmp_path: Path) -> None:
    result = _parse(tmp_path, "hugo", "Intro.\n\n{{< notice warning >}}\nCareful.\n{{< /notice >}}\n")
    [problem] = result.problems
    assert (problem.line, problem.warning) == (7, True)
    assert problem.message == "shortcode 'notice' is not supported; it is shown as text"


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
