"""Helpers for the hostile-input tests: what "never a crash" means for a command's result.

A command given hostile input ends with status 0 (clean, perhaps with warnings) or 1 (numbered
problems, each naming a file), never a traceback, never "internal error", and never the
``unexpected`` problem that asks the user to report a file to masthead (errors.unexpected).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from masthead.cli import main

SITES = Path(__file__).parent / "sites"
PROBLEM = re.compile(r"^\d+\. \S")  # "3. content/blog/x.md:4: ..."


def assert_handled(result: Result) -> None:
    """``result`` is a clean run or a numbered list of problems; nothing crashed."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.stderr
    for crash in ("Traceback", "internal error", "please report"):
        assert crash not in result.stderr, result.stderr
    if result.exit_code == 1:
        assert any(PROBLEM.match(line) for line in result.stderr.splitlines()), result.stderr


def adopted(name: str, tmp_path: Path) -> Path:
    """The fixture site ``name`` copied under tmp_path and initialised (`masthead init`), not built."""
    site = tmp_path / name
    shutil.copytree(SITES / name, site, ignore=shutil.ignore_patterns("public", "_site", "output", ".masthead-cache"))
    result = CliRunner().invoke(main, ["init", str(site)])
    assert result.exit_code == 0, result.stderr
    return site
