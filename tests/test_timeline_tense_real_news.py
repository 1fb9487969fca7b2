"""Tense and the year-end on real news: which occurrence a date without a year names.

Each sentence is written for the test."""

from __future__ import annotations

from kit.timeline import find_time_expressions


def _rows(text: str, published: str) -> dict[str, tuple[str, str]]:
    t = find_time_expressions(text, reference_date=published)
    return {r.text: (r.type, r.value) for r in t.itertuples()}


def test_a_payable_dividend_date_lies_ahead_despite_an_earlier_participle():
    rows = _rows("The reduced dividend is payable Jan. 2 to shareholders of record.", "1989-11-02")
    assert rows == {"Jan. 2": ("DATE", "1990-01-02")}


def test_would_keeps_a_month_ahead_of_a_past_statement():
    rows = _rows("The board said the split would be paid on an unspecified date in January.", "1989-10-26")
    assert rows == {"January": ("DATE", "1990-01")}


def test_a_weekday_opening_the_sentence_before_a_plan_is_the_next_one():
    rows = _rows("On Tuesday, the league plans to hold a news conference in Albany.", "1998-10-26")
    assert rows == {"Tuesday": ("DATE", "1998-10-27")}


def test_a_weekday_opening_a_sentence_in_the_past_tense_stays_the_last_one():
    rows = _rows("On Friday, the government planned to pay the first claims.", "1998-09-30")
    assert rows == {"Friday": ("DATE", "1998-09-25")}


def test_a_past_clause_after_will_names_the_last_occurrence():
    rows = _rows(
        "The court will decide his custody, since he was rescued off the coast of Florida in late November.",
        "2000-04-05",
    )
    assert rows == {"late November": ("DATE", "1999-11")}


def test_year_end_as_a_noun_is_the_year_and_as_an_adjective_the_last_day():
    rows = _rows("Bankers expect the rate to ease by year end.", "1989-10-26")
    assert rows == {"year end": ("DATE", "1989")}
    rows = _rows("The fund will publish its year-end figures.", "1989-10-26")
    assert rows == {"year-end": ("DATE", "1989-12-31")}
    rows = _rows("Debt stood at $2 billion at year's end.", "1990-03-02")
    assert rows == {"year's end": ("DATE", "1990")}


def test_a_timetable_verb_in_the_present_tense_names_the_next_weekday():
    rows = _rows("The two leaders meet separately Monday with the envoy.", "1998-05-01")
    assert rows == {"Monday": ("DATE", "1998-05-04")}
    rows = _rows("The two leaders met separately Monday with the envoy.", "1998-05-01")
    assert rows == {"Monday": ("DATE", "1998-04-27")}
