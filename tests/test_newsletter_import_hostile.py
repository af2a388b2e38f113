"""`masthead import` of hostile issues, through the real command: a Date past the calendar's end is no
date, HTML nested thousands deep is a problem naming the issue, and every file's problems come at once."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import write_site
from hostile import assert_handled

from masthead.cli import main

ISSUE = (Path(__file__).parent / "fixtures" / "newsletter" / "mailchimp.eml").read_bytes()


def _import(site: Path, *issues: Path) -> object:
    return CliRunner().invoke(main, ["import", "--keep-tracking", "--dry-run", "--site", str(site), *map(str, issues)])


def test_a_date_no_time_zone_can_hold_is_no_date(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    issue = tmp_path / "late.eml"
    issue.write_bytes(ISSUE.replace(b"Date: Fri, 11 Apr 2025 07:30:00 +0200", b"Date: Fri, 31 Dec 9999 23:59:59 -2359"))
    result = _import(site, issue)
    assert_handled(result)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]


def test_html_nested_too_deeply_is_a_problem_and_every_file_is_reported(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    deep = tmp_path / "deep.eml"
    deep.write_bytes(ISSUE.replace(b"<h3>", b"<div>" * 5000 + b"<h3>", 1))
    other = tmp_path / "notes.txt"
    other.write_text("not an issue", encoding="utf-8")
    result = _import(site, deep, other)
    assert_handled(result)  # type: ignore[arg-type]
    assert result.stderr.splitlines() == [  # type: ignore[attr-defined]
        f"1. {deep}: its HTML is nested too deeply to read; expected a newsletter issue as a mailing service sends it",
        f"2. {other}: no mail headers; expected an .eml file (a message saved from a mail client), an .mbox or an .html page",
        "2 problems found; nothing was written.",
    ]
