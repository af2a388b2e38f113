"""A site's own template that is broken, names a template that is not there, or is not text: `check` and
`build` name the template file and line, never an internal error (the plan reads templates first)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import assert_handled
from preview_helpers import write_preview_site

from masthead.cli import main

CASES = [
    ("syntax", b"<p>\n{% if %}", 2, "template syntax: Expected an expression, got 'end of statement block'"),
    ("unclosed", b"{% block main %}x", 1, "template syntax: Unexpected end of template."),
    ("missing include", b'<p>\n\n{% include "missing.html" %}', 3, 'uses the template "missing.html", which is in neither'),
    ("include outside", b'{% include "../../../etc/passwd" %}', 1, 'uses the template "../../../etc/passwd", which is in neither'),
    ("missing parent", b"{% extends 'nope.html' %}", 1, 'uses the template "nope.html", which is in neither'),
    ("missing import", b'{% import "nope.html" as x %}{{ x.y() }}', 1, 'uses the template "nope.html", which is in neither'),
    ("not UTF-8", b"\xff\xfe<p>", None, "not UTF-8 text (byte 0xff at offset 0); expected a UTF-8 template"),
    ("undefined", b"{{ nope.deeper }}", 1, "while rendering the site: UndefinedError: 'nope' is undefined"),
    ("self-extending", b'{% extends "blog-post.html" %}', 1, "RecursionError"),
]


@pytest.mark.parametrize(("what", "text", "line", "message"), CASES, ids=[case[0] for case in CASES])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_broken_template_is_a_problem_naming_it(tmp_path: Path, command: str, what: str, text: bytes, line: int | None, message: str) -> None:
    site = write_preview_site(tmp_path)
    template = site / "templates" / "blog-post.html"
    template.parent.mkdir()
    template.write_bytes(text)
    result = CliRunner().invoke(main, [command, str(site), "-j", "1"])
    assert_handled(result)
    assert result.exit_code == 1
    where = f"{template}:{line}: " if line is not None else f"{template}: "
    assert any(row.startswith(f"1. {where}") and message in row for row in result.stderr.splitlines()), result.stderr
    assert not (site / "public").exists()


DIGEST_CASES = [
    ("an expression that fails", b"<p>\n{{ 1 / 0 }}", "digest.html:2: while rendering the digest: ZeroDivisionError: division by zero"),
    ("not UTF-8", b"\xff\xfe", "templates/newsletter: a template is not UTF-8 text (invalid start byte); expected UTF-8 templates"),
    ("a syntax error", b"{% if %}", "digest.html:1: template error: Expected an expression"),
]


@pytest.mark.parametrize(("what", "text", "message"), DIGEST_CASES, ids=[case[0] for case in DIGEST_CASES])
def test_a_broken_digest_template_is_a_problem_naming_it(tmp_path: Path, what: str, text: bytes, message: str) -> None:
    site = write_preview_site(tmp_path)
    template = site / "templates" / "newsletter" / "digest.html"
    template.parent.mkdir(parents=True)
    template.write_bytes(text)
    result = CliRunner().invoke(main, ["digest", str(site), "--since", "2024-12-01", "--until", "2025-01-01", "--out", str(tmp_path / "out")])
    assert_handled(result)
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()
