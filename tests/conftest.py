"""Shared fixtures: the example site, built once, and a factory for small throwaway sites."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from filelock import FileLock
from hypothesis import settings

from masthead import cache
from masthead.build import build
from masthead.options import BuildOptions

pytest_plugins = ["preview_helpers", "serving", "deploy_helpers"]  # fixtures for the serve tests and the browser tests

# No property test is timed: speed is measured in bench/, and on a shared, loaded machine a
# deadline only fails at random. A failure is reported promptly: Hypothesis shrinks one bug (not
# each it meets on the way), for at most SHRINK_SECONDS (its own bound is 300 s, and an example of
# the state machines costs seconds), and prints the blob that replays it. The search itself is
# Hypothesis's default: as random and as long as each test says.
SHRINK_SECONDS = 60
settings.register_profile("masthead", deadline=None, report_multiple_bugs=False, print_blob=True)
settings.load_profile("masthead")

F = TypeVar("F", bound=Callable[..., Any])
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "briefing"
# A byte-for-byte copy of the project's seed post (shared/seed/), so the suite needs nothing
# outside the repository; its checksum is asserted in test_build_example.py.
SEED = ROOT / "tests" / "fixtures" / "seed" / "russia-north-korea-ties.md"
SEED_SHA256 = "e7fe6bd42a3e1225ab286c8c505a5a9cefa932445b07953236366db36df86a36"
BUILD_TIME = datetime(2025, 6, 5, 12, 0, tzinfo=UTC)  # fixed "now": one day after the newest post

CONFIG = """\
title = "Test Briefing"
base_url = "https://test.example.org"
timezone = "UTC"
"""

POST = """\
---
templateKey: blog-post
pageTitle: {title}
metaDescription: A description.
published: true
date: {date}
teaser: A teaser.
---
Body of {title}. [[AP](https://apnews.com/article/x)]
"""


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test run: with pytest-xdist, shared by every worker (the first to
    take the lock makes it). Tests only read it."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    root = tmp_path_factory.getbasetemp().parent
    folder, done = root / name, root / f"{name}.done"
    with FileLock(str(root / f"{name}.lock")):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session", autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Encoded images and compiled templates are content-addressed: the suite's sites (and the
    masthead processes the tests start) share one ``MASTHEAD_CACHEDIR``, so each image is encoded
    and each template compiled once per test session."""
    folder = made_once(tmp_path_factory, "shared-cache", lambda _: None)
    previous = os.environ.get(cache.SHARED_CACHE)
    os.environ[cache.SHARED_CACHE] = str(folder)
    yield folder
    if previous is None:
        del os.environ[cache.SHARED_CACHE]
    else:
        os.environ[cache.SHARED_CACHE] = previous


SERVERS: set[str] = set()  # the fixtures declared with ``server_fixture``


def server_fixture(**options: Any) -> Callable[[F], F]:
    """A fixture (``pytest.fixture(**options)``) that starts a server of its own for each test (a
    preview with its build process, a bucket on moto's S3 server, decap-server): the tests that
    use it are marked ``slow``."""

    def declare(function: F) -> F:
        SERVERS.add(function.__name__)
        return pytest.fixture(**options)(function)  # type: ignore[no-any-return]

    return declare


@pytest.fixture(autouse=True)
def prompt_failure_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bound Hypothesis's shrinking wall time (the constant it documents as monkeypatchable)."""
    from hypothesis.internal.conjecture import engine

    monkeypatch.setattr(engine, "MAX_SHRINKING_SECONDS", SHRINK_SECONDS, raising=False)  # (a later Hypothesis may drop it)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the ``browser`` fixture drives Chromium: mark it ``browser``; one that
    starts a server per test (``server_fixture``): mark it ``slow``."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if names & SERVERS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of examples/briefing, built at BUILD_TIME."""

    def make(folder: Path) -> None:
        shutil.copytree(EXAMPLE, folder / "briefing", ignore=shutil.ignore_patterns("public", ".masthead-cache"))
        build(folder / "briefing", BuildOptions(), now=BUILD_TIME)

    return made_once(tmp_path_factory, "example", make) / "briefing"


@pytest.fixture(scope="session")
def example_public(example_site: Path) -> Path:
    return example_site / "public"


@pytest.fixture(scope="session")
def example_drafts_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of examples/briefing built at BUILD_TIME with drafts and scheduled posts."""

    def make(folder: Path) -> None:
        shutil.copytree(EXAMPLE, folder / "briefing", ignore=shutil.ignore_patterns("public", ".masthead-cache"))
        build(folder / "briefing", BuildOptions(drafts=True, future=True), now=BUILD_TIME)

    return made_once(tmp_path_factory, "example-drafts", make) / "briefing" / "public"


MakeSite = Callable[..., Path]


def write_site(folder: Path, files: dict[str, str | bytes] | None = None, config: str = CONFIG, images: tuple[str, ...] = ()) -> Path:
    """Write a small site into ``folder/site``: its config, the given files and plain red images."""
    site = folder / "site"
    site.mkdir(exist_ok=True)
    (site / "masthead.toml").write_text(config, encoding="utf-8")
    (site / "content").mkdir(exist_ok=True)
    for relative, text in (files or {}).items():
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    for image in images:
        from PIL import Image

        path = site / "static" / image.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (120, 80), (200, 30, 30)).save(path)
    return site


@pytest.fixture
def make_site(tmp_path: Path) -> MakeSite:
    """Write a small site: ``make_site({"content/blog/a.md": "..."}, config="...")``."""

    def make(files: dict[str, str | bytes] | None = None, config: str = CONFIG, images: tuple[str, ...] = ()) -> Path:
        return write_site(tmp_path, files, config, images)

    return make


def post(title: str = "A post", date: str = "2024-05-01T10:00:00Z") -> str:
    return POST.format(title=title, date=date)
