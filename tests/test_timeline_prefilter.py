"""The finder's prefilter never skips a pattern that can match: every string a pattern matches
passes the tests the finder asks of a window before it tries that pattern, and the finder
finds the same expressions with and without the prefilter."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kit.timeline.finding import _finder, _fold, _to_try, _window_candidates

PATTERNS = _finder()[0]


@pytest.mark.parametrize("priority", range(len(PATTERNS)), ids=[p[0] for p in PATTERNS])
def test_a_pattern_that_matches_is_tried(priority):
    name, pattern, _, _ = PATTERNS[priority]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(st.from_regex(pattern, fullmatch=False))
    def check(window):
        m = pattern.search(window)
        assume(m is not None)
        assert _to_try(_fold(window))[priority], (name, m.group())
        with_tests = _window_candidates(window, 0, len(window), 0)
        assert with_tests == _window_candidates(window, 0, len(window), 0, prefilter=False)

    check()
