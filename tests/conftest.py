"""Shared fixtures: the seed article, loaded once per test session."""

from __future__ import annotations

import pytest

import kit

# Fixture submissions are data for the grader's tests (some are broken on
# purpose), not notebooks for nbval to run.
collect_ignore_glob = ["fixtures/*"]


@pytest.fixture(scope="session")
def seed() -> kit.Article:
    """The bundled seed article (Press TV, 26 December 2023)."""
    return kit.load_article()


HANG_LIMIT_S = 30.0
"""Bad-input tests assert only that an extractor finishes, well inside this bound:
catastrophic backtracking takes minutes or hours, so a generous bound still
catches it without failing on a busy machine. The speed figures themselves come
from benchmarks/bench_bad_input.py, not from tests."""
