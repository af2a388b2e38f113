"""Fuzzing the adopted sites: mutations of a real fixture file (a post, a page, a data file, the generator's
own config) through `masthead check`, never an internal error, nor the "please report" problem.

tests/test_fuzz_check.py fuzzes a masthead site's seed post; an adopted site (Hugo, Jekyll, Pelican,
Eleventy, Gatsby) reads more: origin configs, data folders, Liquid, shortcodes, raw HTML that is
cleaned. The regressions below are the fuzzer's finds, kept as plain cases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import MUTATIONS, Mutation, apply
from hostile import adopted, assert_handled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.cli import main

ORIGINS = [
    "hugo-basic",
    "hugo-hextra-language-folders",
    "jekyll-portfolio",
    "jekyll-collections",
    "pelican-quickstart",
    "eleventy-base-blog",
    "gatsby-starter-blog",
]
TEXT = (".md", ".markdown", ".html", ".rst", ".njk", ".toml", ".yml", ".yaml", ".json")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("origins")
    return {name: adopted(name, folder) for name in ORIGINS}


def _inputs(site: Path) -> list[Path]:
    skipped = {"public", "_site", "output", ".masthead-cache", "node_modules"}
    return sorted(path for path in site.rglob("*") if path.suffix in TEXT and path.is_file() and not skipped & set(path.parts) and path.name != "masthead.toml")


@pytest.mark.slow
@settings(max_examples=120, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(ORIGINS), mutations=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3), rng=st.randoms(use_true_random=False))
def test_check_of_an_adopted_site_never_fails_internally(sites: dict[str, Path], name: str, mutations: list[Mutation], rng: random.Random) -> None:
    site = sites[name]
    path = rng.choice(_inputs(site))
    original = path.read_bytes()
    text: str | bytes = original.decode("utf-8", "replace")
    for mutation in mutations:
        if isinstance(text, bytes):
            break
        text = apply(mutation, text, rng)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    try:
        assert_handled(CliRunner().invoke(main, ["check", str(site), "-j", "1"]))
    finally:
        path.write_bytes(original)


def test_a_refused_character_reference_beside_raw_html_is_a_problem(tmp_path: Path) -> None:
    """cmark writes `&#xFFFE;` as a surrogate; the raw-HTML cleaner of an adopted site could not take it."""
    site = adopted("gatsby-starter-blog", tmp_path)
    post = site / "content" / "blog" / "hello-world" / "index.md"
    post.write_text(post.read_text(encoding="utf-8").replace("This is my first post", "<div>raw</div>\n\nThis is my fak&#xFFFE;e first post"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(site), "-j", "1"])
    assert_handled(result)
    assert result.exit_code == 1
    assert "index.md:9:15: &#xFFFE; names U+FFFE (a Unicode noncharacter" in result.stderr


def test_a_junk_date_in_an_unwritten_jekyll_collection_is_no_date(tmp_path: Path) -> None:
    site = adopted("jekyll-portfolio", tmp_path)
    document = site / "_services" / "commissions.md"
    document.write_text(document.read_text(encoding="utf-8").replace("title:", 'date: "\\x1b"\ntitle:', 1), encoding="utf-8")
    assert_handled(CliRunner().invoke(main, ["check", str(site), "-j", "1"]))
