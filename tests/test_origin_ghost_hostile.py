"""A damaged or hostile Ghost export: `masthead import --from ghost` ends in posts or in numbered problems
naming the export and the JSON path (db[0].data.posts[4].html), never a crash, and never half an import.

The export is the real fixture's shape (tests/fixtures/ghost/export.json) with values replaced by the wrong
types, hostile text and dates past the calendar, as a fuzzer found them."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_site
from hostile import assert_handled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.cli import main

EXPORT = json.loads((Path(__file__).parent / "fixtures" / "ghost" / "export.json").read_text(encoding="utf-8"))
HOSTILE: list[Any] = [
    None, 0, -1, 1.5, True, "", [], {}, [1], {"a": 1}, "x" * 3000, 2**70, "../../../../outside", "/etc/passwd", "..",
    "javascript:alert(1)", "<script>alert(1)</script>", "not a date", "9999-12-31T23:59:59.000-23:59", "__GHOST_URL__/../../etc/passwd",
    '{"root": 5}', '{"version":"0.3.1","cards":[["image",{"src":"javascript:x"}]],"sections":[[10,0]]}', "{", "\ud800", "\x0c", "nul",
]  # fmt: skip


def _replace_somewhere(data: Any, rng: random.Random) -> None:
    """One value deep in ``data`` (a table, a row, a field) replaced by a hostile one, or a row doubled."""
    node = data
    while True:
        if isinstance(node, dict) and node:
            key = rng.choice(sorted(node))
            if isinstance(node[key], dict | list) and node[key] and rng.random() < 0.85:
                node = node[key]
                continue
            node[key] = rng.choice(HOSTILE)
        elif isinstance(node, list) and node:
            index = rng.randrange(len(node))
            if isinstance(node[index], dict | list) and rng.random() < 0.9:
                node = node[index]
                continue
            node.append(copy.deepcopy(node[index])) if rng.random() < 0.5 else node.__setitem__(index, rng.choice(HOSTILE))
        return


def _import(tmp_path: Path, export: Any) -> tuple[Path, Any]:
    site = write_site(tmp_path)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export), encoding="utf-8")  # (ensure_ascii: a lone surrogate is written as \ud800)
    return site, CliRunner().invoke(main, ["import", "--from", "ghost", str(path), "--site", str(site)])


@settings(max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False), rounds=st.integers(1, 4))
def test_a_damaged_export_gives_posts_or_problems(tmp_path_factory: pytest.TempPathFactory, rng: random.Random, rounds: int) -> None:
    export = copy.deepcopy(EXPORT)
    for _ in range(rounds):
        _replace_somewhere(export, rng)
    site, result = _import(tmp_path_factory.mktemp("ghost"), export)
    assert_handled(result)
    written = sorted(path for path in (site / "content").rglob("*.md"))
    if result.exit_code == 1:
        assert written == [], "a failed import writes no post"
        assert "export.json" in result.stderr
    else:
        assert_handled(CliRunner().invoke(main, ["check", str(site), "-j", "1", "--drafts"]))  # what it wrote is a site


def _with(change: Any) -> Any:
    export = copy.deepcopy(EXPORT)
    change(export["db"][0])
    return export


CASES = [
    ("db is not a list", lambda db: None, {"db": 5}, "db[0].data.posts: missing; expected a Ghost export with posts"),
    ("a word as sort_order", lambda db: db["data"]["posts_tags"][0].update(sort_order="first"), None, None),
    ("a list as a post id", lambda db: db["data"]["posts"][0].update(id=["p1"]), None, None),
    ("tags as a number", lambda db: db["data"].update(tags=5), None, None),
    ("a lone surrogate in a body", lambda db: db["data"]["posts"][4].update(html="<p>\ud800</p>"), None, "db[0].data.posts[4].html: holds U+D800"),
    ("a date past the calendar", lambda db: db["data"]["posts"][0].update(published_at="9999-12-31T23:59:59-23:59"), None, "db[0].data.posts[0].published_at:"),
    ("a title that is a list", lambda db: db["data"]["posts"][0].update(title=["a", "b"]), None, None),
]


@pytest.mark.parametrize(("what", "change", "whole", "message"), CASES, ids=[case[0] for case in CASES])
def test_each_damage_the_fuzzer_found(tmp_path: Path, what: str, change: Any, whole: Any, message: str | None) -> None:
    site, result = _import(tmp_path, whole if whole is not None else _with(change))
    assert_handled(result)
    if message is None:
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 1 and message in result.stderr, result.stderr
        assert not list((site / "content").rglob("*.md"))
