"""The finder's prefilter never skips a pattern that can match: every string a pattern matches
passes the tests the finder asks of a window before it tries that pattern, and the finder
finds the same expressions with and without the prefilter."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kit.timeline.finding import (
    _FOLD_TABLE,
    _NEEDS,
    _TRIGGER_DIGITS,
    _TRIGGER_RE,
    _TRIGGER_WORDS,
    _finder,
    _fold,
    _present,
    _to_try,
    _window_candidates,
)
from kit.timeline.zones import _case_fold, _name_hint, _names_re

PATTERNS = _finder()


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


PLAIN_DIGIT_TRIGGERS = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d:[0-5]\d|\d\s?[aApP]\.?[mM](?![a-zA-Z])")
"""The digit triggers as first written (slower: no scan straight to the digits)."""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789١٩ :aApPmM.x\n"), max_size=40), st.integers(0, 5))
def test_digit_triggers_are_the_plain_ones(text, pos):
    fast = [m.span() for m in _TRIGGER_DIGITS.finditer(text, pos)]
    assert fast == [m.span() for m in PLAIN_DIGIT_TRIGGERS.finditer(text, pos)]


@pytest.mark.parametrize(
    "kinds", [("person", "organisation", "place"), ("person", "organisation"), ("place",)]
)
def test_a_name_passes_the_quick_test(kinds):
    names = _names_re(kinds)

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(st.from_regex(names, fullmatch=False))
    def check(clause):
        assume(names.search(clause))
        assert _name_hint(kinds).search(_case_fold(clause))

    check()


def test_the_ascii_fold_is_the_general_one():
    every = "".join(chr(i) for i in range(128))
    assert _fold(every) == every.translate(_FOLD_TABLE).lower()
    assert _fold(every + "İ") == (every + "i").translate(_FOLD_TABLE).lower()


EVERY_NEED = sorted({n for needs in _NEEDS.values() for n in needs})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*EVERY_NEED, " ", "s", "-", "a", "day", "1"]), max_size=12).map("".join))
def test_the_needs_in_one_pass_are_the_needs_in_the_window(window):
    assert _present(window) == {n for n in EVERY_NEED if n in window}


PLAIN_TRIGGERS = re.compile(
    rb"(?<![a-z0-9])(?:" + b"|".join(sorted(_TRIGGER_WORDS, key=len, reverse=True)) + rb")"
)
"""The trigger words as one plain alternation, the longest first."""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_TRIGGER_WORDS, b" ", b"s", b"-", b"x", b"1"]), max_size=12).map(b"".join))
def test_the_trigger_tree_finds_what_the_plain_alternation_finds(low):
    assert [m.span() for m in _TRIGGER_RE.finditer(low)] == [m.span() for m in PLAIN_TRIGGERS.finditer(low)]
