"""Hypothesis: whatever bytes arrive as an .eml (random, or a real issue cut, spliced and flipped),
reading and planning it ends in an issue plan or a ``MastheadError`` of numbered problems, never
another exception and never a library warning."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsletter_helpers import FIXTURES

from masthead.errors import MastheadError
from masthead.newsletter.emailparse import read_issues
from masthead.newsletter.layout import plan

ISSUES = sorted((FIXTURES / "services").glob("*.eml"))
RAW = [path.read_bytes() for path in ISSUES]


def _read_and_plan(data: bytes, suffix: str = ".eml") -> None:
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning is as bad as a traceback: it reaches the user
        path = Path(folder) / f"issue{suffix}"
        path.write_bytes(data)
        try:
            for issue in read_issues(path):
                plan(issue.html, issue.subject, issue.headers)
        except MastheadError as error:  # each problem names the file (an mbox's message as file#n) and says what was expected
            assert error.problems
            for problem in error.problems:
                assert problem.path.split("#")[0] == str(path) and "expected" in problem.message, problem


@settings(max_examples=150, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_as_an_eml_give_a_plan_or_a_problem(data: bytes) -> None:
    _read_and_plan(data)


@st.composite
def damaged_issue(draw: st.DrawFn) -> bytes:
    """A real fixture cut short, with a slice of another pasted in and some bytes flipped."""
    data = bytearray(draw(st.sampled_from(RAW)))
    cut = draw(st.integers(0, len(data)))
    other = draw(st.sampled_from(RAW))
    start = draw(st.integers(0, len(other)))
    data = data[:cut] + other[start : start + draw(st.integers(0, 2000))] + data[cut + draw(st.integers(0, 500)) :]
    for _ in range(draw(st.integers(0, 8))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@pytest.mark.slow  # a long property run: CI's full suite
@settings(max_examples=120, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_issue(), st.sampled_from([".eml", ".mbox", ".html"]))
def test_a_damaged_real_issue_gives_a_plan_or_a_problem(data: bytes, suffix: str) -> None:
    _read_and_plan(data, suffix)
