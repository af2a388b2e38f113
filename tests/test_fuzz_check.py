"""Hypothesis fuzzing of the seed post through ``masthead check``: never an internal error.

Every example is a mutation of the seed (tests/fuzzing.py: byte flips and insertions, hostile
fragments, YAML values and keys, structure edits, alias bombs, deep nesting). Whatever the input,
``check`` ends with status 0 (clean) or 1 (numbered problems naming files), never a traceback or
"internal error". scripts/fuzz.py runs the same mutations for as long as you like.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import MUTATIONS, POST, SEED, Mutation, apply, make_fuzz_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.cli import main

SEED_TEXT = SEED.read_text(encoding="utf-8")
PROBLEM = re.compile(r"^\d+\. \S")  # "3. content/blog/x.md:4: ..." (a path, perhaps with spaces later)


def mutated(mutations: list[Mutation], rng: random.Random) -> bytes:
    text = SEED_TEXT
    for mutation in mutations:
        result = apply(mutation, text, rng)
        if isinstance(result, bytes):
            return result
        text = result
    return text.encode("utf-8")


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_fuzz_site(tmp_path_factory.mktemp("fuzz"))


@pytest.mark.slow
@settings(max_examples=300, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3), rng=st.randoms(use_true_random=False))
def test_check_never_fails_internally(fuzz_site: Path, mutations: list[Mutation], rng: random.Random) -> None:
    data = mutated(mutations, rng)
    (fuzz_site / POST).write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(fuzz_site), "--now", "2025-06-05T12:00:00+0000", "-j", "1"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert "please report" not in result.stderr, result.stderr  # (errors.unexpected: a crash caught at the file's boundary)
    if result.exit_code == 1:
        lines = result.stderr.splitlines()
        assert lines[-1].endswith("found; nothing was written."), result.stderr
        assert all(PROBLEM.match(line) for line in lines[:-1] if not line.startswith(" ")), result.stderr
