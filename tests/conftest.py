"""Shared fixtures: the seed article, loaded once per test session."""

from __future__ import annotations

import pytest

import kit


@pytest.fixture(scope="session")
def seed() -> kit.Article:
    """The bundled seed article (Press TV, 26 December 2023)."""
    return kit.load_article()
