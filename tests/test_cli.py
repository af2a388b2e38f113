"""The command line: new, build, check; friendly errors; help texts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import SEED, MakeSite

from masthead.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "masthead", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_new_build_check(tmp_path: Path) -> None:
    site = tmp_path / "mysite"
    assert run("new", str(site)).returncode == 0
    assert (site / "content" / "blog" / "russia-north-korea-ties.md").read_bytes() == SEED.read_bytes()
    assert "#" in (site / "masthead.toml").read_text()  # commented
    checked = run("check", str(site))
    assert checked.returncode == 0, checked.stderr
    assert not (site / "public").exists()
    built = run("build", str(site))
    assert built.returncode == 0, built.stderr
    assert (site / "public" / "blog" / "russia-north-korea-ties" / "index.html").is_file()


def test_new_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    result = run("new", str(tmp_path))
    assert result.returncode == 1
    assert "already exists and is not empty" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_errors_name_the_site_folder(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"1. {tmp_path / 'nowhere'}/masthead.toml: no masthead.toml here")
    assert "Traceback" not in result.stderr


def test_verbose_prints_stage_times(tmp_path: Path) -> None:
    site = tmp_path / "s"
    run("new", str(site))
    result = run("build", str(site), "-v")
    for stage in ("config", "discover", "parse", "assemble", "plan", "render", "links", "write"):
        assert stage in result.stderr


def test_warnings_for_unknown_keys(make_site: MakeSite) -> None:
    site = make_site({"content/blog/a.md": "---\npageTitle: A\nmetaDescripton: typo\ndate: 2024-01-01\n---\nx\n"})
    result = CliRunner().invoke(main, ["check", str(site)])
    assert result.exit_code == 0
    assert 'content/blog/a.md:3: warning: metaDescripton: unknown key (did you mean "metaDescription"?)' in result.output


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    for command in ("build", "check", "new"):
        assert command in result.output
