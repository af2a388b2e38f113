"""Every broken site under tests/sites/invalid/ fails with exactly the message in its expected.txt.

The messages are the CLI's own output (``masthead check``), so this also proves that no traceback
reaches a user and that the exit status is 1.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from masthead.cli import main

INVALID = Path(__file__).parent / "sites" / "invalid"
CASES = sorted(path.name for path in INVALID.iterdir() if path.is_dir())


def test_the_required_cases_exist() -> None:
    required = {
        "no-front-matter",
        "unterminated-front-matter",
        "invalid-yaml",
        "wrong-types",
        "bad-date",
        "missing-image",
        "duplicate-url",
        "non-utf8",
        "unknown-template",
        "bad-config",
    }
    assert required <= set(CASES)


def _copy(case: str, tmp_path: Path) -> Path:
    site = tmp_path / case  # a copy: the tracked fixture is never written to
    shutil.copytree(INVALID / case, site, ignore=shutil.ignore_patterns(".masthead-cache", "public"))
    return site


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", ["check", "build"])
def test_broken_site_reports_exact_problems(case: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _copy(case, tmp_path)
    monkeypatch.chdir(site)
    result = CliRunner().invoke(main, [command, "."])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert result.stderr == (site / "expected.txt").read_text(encoding="utf-8")
    assert not (site / "public").exists()
    assert not (site / ".masthead-cache").exists() or command == "build"


@pytest.mark.parametrize("case", ["bad-config", "invalid-yaml", "non-utf8"])
def test_the_masthead_process_prints_the_same_and_exits_1(case: str, tmp_path: Path) -> None:
    """The real console entry point, in its own process: the same bytes on stderr, no traceback."""
    site = _copy(case, tmp_path)
    result = subprocess.run([sys.executable, "-m", "masthead", "build", "."], cwd=site, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (site / "expected.txt").read_text(encoding="utf-8")
