"""Tests of kit.quotemarks: pairing quotation marks, single marks included."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.quotemarks import quote_spans
from tests.conftest import HANG_LIMIT_S

H = "Storm hits town\n\n"


def _spans(s: str) -> list[tuple[str, bool, str]]:
    return [(s[a:b], closed, rule) for a, b, closed, rule in quote_spans(s, 0, len(s))]


SINGLE_CASES = [
    # British curly single marks around a quotation
    ("‘We will rebuild,’ the mayor said.", [("‘We will rebuild,’", True, "single")]),
    # straight single marks
    ("'We will rebuild,' the mayor said.", [("'We will rebuild,'", True, "single")]),
    # apostrophes inside words never open or close
    ("The mayor’s office said Kata’ib don’t care.", []),
    ("‘We don’t give up,’ she said.", [("‘We don’t give up,’", True, "single")]),
    # a plural possessive inside the quotation is not its end
    (
        "‘The farmers’ market will reopen,’ she said.",
        [("‘The farmers’ market will reopen,’", True, "single")],
    ),
    # a possessive with no quotation open is left alone
    ("The farmers’ market reopened.", []),
    # two scare quotes in one sentence
    (
        "It was ‘pleased’ and asked the council to ‘act now’ on roads.",
        [("‘pleased’", True, "single"), ("‘act now’", True, "single")],
    ),
    # single marks nested in double marks are part of the outer quotation
    ("“He told me ‘run,’ and I ran,” she said.", [("“He told me ‘run,’ and I ran,”", True, "curly")]),
    # double marks nested in single marks (British style)
    ("‘He told me “run,” and I ran,’ she said.", [("‘He told me “run,” and I ran,’", True, "single")]),
    # a stray opening apostrophe mid-sentence is not an unclosed quotation
    ("Music of the '90s and rock 'n roll.", []),
    # an unclosed single mark after a colon is an unclosed quotation
    ("She said: ‘We will rebuild", [("‘We will rebuild", False, "unclosed")]),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE_CASES, ids=[c[0][:30] for c in SINGLE_CASES])
def test_single_marks(text, expected):
    assert _spans(text) == expected


def test_single_marks_continue_over_paragraphs():
    a = kit.parse_article(H + "She said: ‘We moved everyone out.\n\n‘Nobody was hurt.’")
    marks = a.quote_marks
    assert marks["rule"].tolist() == ["continued", "single"]
    assert marks["continues"].tolist() == [False, True]
    last = marks.iloc[1]
    assert a.text[last["content_start"] : last["content_end"]] == "Nobody was hurt."


def test_single_quote_table_rows():
    a = kit.parse_article(H + "‘The water rose fast,’ Mayor Ana Ruiz said.\n\n‘Nobody was hurt.’")
    q = a.quotes
    assert q["content"].tolist() == ["The water rose fast,", "Nobody was hurt."]
    assert q["rule"].tolist() == ["q_sv", "floating"]
    assert q["speaker_name"].tolist() == ["Ana Ruiz", "Ana Ruiz"]


def test_many_apostrophes_stay_linear():
    s = "word’ ‘x " * 100_000
    t0 = time.perf_counter()
    quote_spans(s, 0, len(s))
    assert time.perf_counter() - t0 < HANG_LIMIT_S
    s = "x 'a " * 200_000
    t0 = time.perf_counter()
    assert quote_spans(s, 0, len(s)) == []
    assert time.perf_counter() - t0 < HANG_LIMIT_S


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="ab ’‘'\"“”:,.", max_size=60))
def test_spans_are_ordered_and_inside(s):
    spans = quote_spans(s, 0, len(s))
    last = 0
    for a, b, closed, rule in spans:
        assert last <= a < b <= len(s)
        assert rule in ("curly", "straight", "single", "unclosed")
        assert closed == (rule != "unclosed")
        last = b if rule != "straight" else a


def test_doubled_apostrophes_are_quotation_marks():
    s = "''We are ready,'' he said. It's the players' ''last chance.''"
    assert [(s[a:b], rule) for a, b, _, rule in quote_spans(s, 0, len(s))] == [
        ("''We are ready,''", "doubled"),
        ("''last chance.''", "doubled"),
    ]
    marks = kit.parse_article("Headline\n\n" + s).quote_marks
    assert [s[a - 10 : b - 10] for a, b in zip(marks["content_start"], marks["content_end"])] == [
        "We are ready,",
        "last chance.",
    ]


def test_a_missing_closing_mark_does_not_shift_later_pairs():
    s = 'He said: "We will rebuild in 26 weeks. "We start on Monday," she said. "Done."'
    spans = [(s[a:b], rule) for a, b, _, rule in quote_spans(s, 0, len(s))]
    assert spans == [
        ('"We will rebuild in 26 weeks. ', "continued"),
        ('"We start on Monday,"', "reopened"),
        ('"Done."', "straight"),
    ]
