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


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright driver for the whole run (browser and classroom tests share it).

    Playwright's sync API cannot be started twice in one process while the first is
    running, so every fixture that launches Chromium asks for this one.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw
