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


def test_a_decade_in_words_takes_the_century_of_the_reference_date():
    rows = _rows("Membership kept dropping through the nineties.", "1998-03-03")
    assert rows == {"the nineties": ("DATE", "199")}
    rows = _rows("Sales stayed flat for the last half of the '80s.", "1989-10-26")
    assert rows == {"the '80s": ("DATE", "198")}
    assert _rows("She opened the shop in her forties.", "1998-03-03") == {}


def test_a_part_of_day_falls_on_the_day_named_just_before_it():
    rows = _rows("Hopes were dashed Friday. Dealers placed buy orders in the morning.", "1989-10-30")
    assert rows == {"Friday": ("DATE", "1989-10-27"), "the morning": ("TIME", "1989-10-27TMO")}
    rows = _rows("By mid afternoon, officials said the operation was over.", "1998-03-06")
    assert rows == {"mid afternoon": ("TIME", "1998-03-06TAF")}
    rows = _rows("The suspect appears before a judge at midday.", "1999-10-08")
    assert rows == {"midday": ("TIME", "1999-10-08T12:00")}
    rows = _rows("Shares fell at mid-afternoon yesterday.", "1989-11-02")
    assert rows == {"mid-afternoon yesterday": ("TIME", "1989-11-01TAF")}


def test_an_hour_in_the_morning_or_evening_is_a_clock_time():
    rows = _rows("People who ride the bus at six in the morning have waited long enough.", "2023-05-02")
    assert rows == {"six in the morning": ("TIME", "2023-05-02T06:00")}
    rows = _rows("The ferry docked at ten in the evening.", "2023-05-02")
    assert rows == {"ten in the evening": ("TIME", "2023-05-02T22:00")}


def test_a_second_before_a_noun_is_an_ordinal_not_a_length_of_time():
    assert _rows("A second group of directors sued the board.", "1989-10-26") == {}
    assert _rows("He paused for a second, then spoke.", "1989-10-26") == {"a second": ("DURATION", "PT1S")}
