"""masthead ci github: the workflow it writes is valid YAML that builds and deploys on push and on a schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from masthead.cli import main


def written(tmp_path: Path, *options: str) -> dict[Any, Any]:
    result = CliRunner().invoke(main, ["ci", "github", str(tmp_path), *options])
    assert result.exit_code == 0, result.output
    data: dict[Any, Any] = yaml.safe_load((tmp_path / ".github/workflows/masthead.yml").read_text(encoding="utf-8"))
    return data


def test_s3_workflow_builds_and_deploys_on_push_and_schedule(tmp_path: Path) -> None:
    workflow = written(tmp_path, "--every", "30", "--target", "production")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"] == {"branches": ["main"]} and triggers["schedule"] == [{"cron": "*/30 * * * *"}]
    steps = workflow["jobs"]["deploy"]["steps"]
    runs = [step.get("run") for step in steps]
    assert runs.index("masthead build .") < runs.index("masthead deploy . --target production")
    cache = next(step for step in steps if step.get("uses") == "actions/cache@v4")
    assert cache["with"]["path"] == "./.masthead-cache"
    deploy = next(step for step in steps if step.get("run", "").startswith("masthead deploy"))
    assert deploy["env"]["AWS_SECRET_ACCESS_KEY"] == "${{ secrets.AWS_SECRET_ACCESS_KEY }}"


def test_pages_workflow_uploads_the_output(tmp_path: Path) -> None:
    workflow = written(tmp_path, "--host", "pages", "--every", "60")
    assert workflow[True]["schedule"] == [{"cron": "0 */1 * * *"}]
    assert workflow["jobs"]["build"]["steps"][-1] == {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "./public"}}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_an_existing_workflow_is_kept_and_bad_schedules_refused(tmp_path: Path) -> None:
    written(tmp_path)
    again = CliRunner().invoke(main, ["ci", "github", str(tmp_path)])
    assert again.exit_code == 1 and "exists; expected no workflow there (use --force to replace it)" in again.output
    short = CliRunner().invoke(main, ["ci", "github", str(tmp_path), "--force", "--every", "1"])
    assert short.exit_code == 1 and "expected minutes from 5" in short.output


def test_a_site_in_a_subfolder_gets_the_workflow_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sites/news").mkdir(parents=True)
    result = CliRunner().invoke(main, ["ci", "github", str(tmp_path / "sites/news")])
    assert result.exit_code == 0, result.output
    workflow = yaml.safe_load((tmp_path / ".github/workflows/masthead.yml").read_text(encoding="utf-8"))
    assert "masthead build sites/news" in [step.get("run") for step in workflow["jobs"]["deploy"]["steps"]]
