"""Fuzzing the Hugo shortcode and Liquid/Nunjucks readers: any body gives a page and warnings, never an
exception, and no template syntax survives (outside raw blocks and quoted text, which Hugo and Jekyll
show as written)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.config import Config, load_config
from masthead.content.entries import parse_entry
from masthead.errors import Problem

HUGO_PIECES = ["{{<", ">}}", "{{%", "%}}", "/*", "*/", " /", "/", " notice", " figure", " highlight", " details", " comment", " ref", " x.inline"]
LIQUID_PIECES = ["{%", "%}", "{{", "}}", "{#", "#}", "-", " if", " endif", " else", " elsif", " for", " endfor", " in", " page.tags", " capture"]
LIQUID_PIECES += [" endcapture", " raw", " endraw", " highlight", " endhighlight", " comment", " endcomment", " assign", " =", " |", " size", " (1..9)"]
COMMON = ["\n", "\n\n", " ", "x", "**b**", '"', "'", "src=", "=", ":", ",", "`", "```", "é", "\t", "0", "1", "<img ", " alt=", ">", "{:", " .x}"]


def _config(tmp_path: Path, kind: str) -> Config:
    folder = "." if kind == "jekyll" else "content"
    (tmp_path / "masthead.toml").write_text(f'[folders]\ncontent = "{folder}"\n[origin]\nkind = "{kind}"\npost_sections = ["posts"]\n')
    return load_config(tmp_path)


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Config]:
    return {kind: _config(tmp_path_factory.mktemp(kind), kind) for kind in ("hugo", "jekyll", "eleventy", "pelican")}


def _check(configs: dict[str, Config], kind: str, body: str, syntax: tuple[str, ...]) -> None:
    source = {"jekyll": "_posts/2024-01-01-p.md", "pelican": "content/p.md"}.get(kind, "content/posts/p.md")
    header = "Title: T\nDate: 2024-01-01\n\n" if kind == "pelican" else "---\ntitle: T\ndate: 2024-01-01\ntags: [a, b]\n---\n"
    result = parse_entry(source, (header + body).encode(), configs[kind])
    assert all(isinstance(problem, Problem) for problem in result.problems)
    if result.entry is None:
        return  # refused with a problem (a control character, say): a problem, not an exception
    lines = (header + body).count("\n") + 2
    assert all(problem.line is None or 1 <= problem.line <= lines for problem in result.problems)
    if not any(word in body for word in ("raw", "/*", '"', "'", "`")):
        html = result.entry.body.html
        assert not any(token in html for token in syntax), html


@pytest.mark.slow  # a long property run: CI's full suite
@settings(max_examples=300, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(HUGO_PIECES + COMMON), max_size=40))
def test_hugo_shortcodes_never_raise_or_stay_text(configs: dict[str, Config], pieces: list[str]) -> None:
    _check(configs, "hugo", "".join(pieces), ("{{&lt;", "{{<", "{{%"))


@pytest.mark.slow  # a long property run: CI's full suite
@settings(max_examples=300, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(LIQUID_PIECES + COMMON), max_size=40), kind=st.sampled_from(["jekyll", "eleventy", "pelican"]))
def test_liquid_and_nunjucks_never_raise_or_stay_text(configs: dict[str, Config], pieces: list[str], kind: str) -> None:
    syntax = ("{%", "{{", "{#") if kind == "eleventy" else ("{%", "{{")
    _check(configs, kind, "".join(pieces), syntax)
