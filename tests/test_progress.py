"""Progress reporting: stages report their work as it completes; no bar off a terminal or in CI."""

from __future__ import annotations

import pytest
from conftest import BUILD_TIME, MakeSite, post

from masthead.build import build
from masthead.progress import BuildProgress, wanted


def test_stages_report_progress_up_to_their_total(make_site: MakeSite) -> None:
    site = make_site({f"content/blog/p{i}.md": post(f"P{i}", f"2024-02-{i + 1:02d}T00:00:00Z") for i in range(6)})
    calls: list[tuple[str, int, int]] = []
    build(site, now=BUILD_TIME, progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert ("parse", 6, 6) in calls
    render = [call for call in calls if call[0] == "render"]
    assert render and render[-1][1] == render[-1][2] > 6
    assert [done for _, done, _ in render] == sorted(done for _, done, _ in render)


def test_no_bar_when_quiet_in_ci_or_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not wanted(quiet=True)
    monkeypatch.setenv("CI", "true")
    assert not wanted(quiet=False)
    with BuildProgress(enabled=False) as progress:
        progress.update("parse", 1, 2)  # a disabled bar ignores updates
