"""Which tests are slow, for the whole suite (notebooks included).

``python3 dev.py test`` runs everything; ``python3 dev.py test --fast`` runs
``pytest -m "not slow"``, which leaves out the tests marked here or with
``@pytest.mark.slow``: the notebooks (nbval), everything in the folders below
(so a new file there is slow without a mark), the packaging test, the grading
tests whose fixtures start Jupyter kernels, and any single test over a few
seconds on a quiet machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent

SLOW_FOLDERS = ("notebooks", "tests/browser", "tests/classroom")
"""Every test under these folders is slow: notebooks run kernels, browsers start Chromium."""

SLOW_FILES = ("tests/test_packaging.py",)
"""Whole files that build or install the package."""

SLOW_FIXTURES = frozenset({"graded", "nbval_results", "rebuilt"})
"""Fixtures that start Jupyter kernels (grading a class, running nbval, building exercises)."""

SLOW_TESTS = frozenset(
    {
        # a megabyte of bad input, to show an extractor never hangs
        "tests/test_entities.py::test_name_repeated_a_million_times",
        "tests/test_quotes.py::test_name_repeated_a_million_times",
        "tests/test_quotes.py::test_many_cues_stay_linear",
        "tests/test_quotes.py::test_many_labels_stay_linear",
        "tests/test_quotes.py::test_one_megabyte_paragraph",
        "tests/test_timeline.py::test_megabyte_finishes[dense]",
        # property tests that build every table for many generated texts
        "tests/test_invariants.py::test_core_tables_for_any_text",
    }
)
"""Single tests over about three seconds, by node id (a test may carry ``@pytest.mark.slow`` instead)."""


def _relative(item: pytest.Item) -> str:
    try:
        return Path(item.path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return ""


def is_slow(item: pytest.Item) -> bool:
    """Whether an item is slow by where it is or what it needs (a mark aside)."""
    path = _relative(item)
    if path.endswith(".ipynb") or path in SLOW_FILES:
        return True
    if any(path.startswith(folder + "/") for folder in SLOW_FOLDERS):
        return True
    if item.nodeid in SLOW_TESTS or item.nodeid.split("[")[0] in SLOW_TESTS:
        return True
    return bool(SLOW_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if is_slow(item):
            item.add_marker(pytest.mark.slow)
