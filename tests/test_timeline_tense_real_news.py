"""Tense, decades, parts of a day and the year-end on real news: which time an expression names.

Each sentence is written for the test; each row checks the type and the value of every
expression found."""

from __future__ import annotations

import pytest

from kit.timeline import find_time_expressions


def _rows(text: str, published: str) -> dict[str, tuple[str, str]]:
    t = find_time_expressions(text, reference_date=published)
    return {r.text: (r.type, r.value) for r in t.itertuples()}


CASES = {
    # "payable" and "would" keep a date ahead of the moment of writing, after a past participle
    "payable": (
        "The reduced dividend is payable Jan. 2 to shareholders of record.",
        "1989-11-02",
        {"Jan. 2": ("DATE", "1990-01-02")},
    ),
    "would": (
        "The board said the split would be paid on an unspecified date in January.",
        "1989-10-26",
        {"January": ("DATE", "1990-01")},
    ),
    "would and a weekday": (
        "His lawyer said the father would be traveling to Washington Thursday.",
        "2000-04-05",
        {"Thursday": ("DATE", "2000-04-06")},
    ),
    "would and a past weekday": (
        "Relatives said they would appeal Wednesday's ruling.",
        "2000-01-07",
        {"Wednesday": ("DATE", "2000-01-05")},
    ),
    # a time opening its sentence takes the tense of the plan that follows it
    "opening a plan": (
        "On Tuesday, the league plans to hold a news conference in Albany.",
        "1998-10-26",
        {"Tuesday": ("DATE", "1998-10-27")},
    ),
    "opening a past plan": (
        "On Friday, the government planned to pay the first claims.",
        "1998-09-30",
        {"Friday": ("DATE", "1998-09-25")},
    ),
    "opening a plan without a comma": (
        "On Friday the ministers will sign the treaty in Oslo.",
        "2000-04-05",
        {"Friday": ("DATE", "2000-04-07")},
    ),
    "opening a past statement without a comma": (
        "On Friday the ministry said it will sign the treaty in Oslo.",
        "2000-04-05",
        {"Friday": ("DATE", "2000-03-31")},
    ),
    # "in the morning" ahead, with no day named, is the next morning; in the past, the same day
    # an irregular participle after "be" is no past tense
    "held ahead": (
        "The vote will be held on Nov. 15, officials said.",
        "1989-10-26",
        {"Nov. 15": ("DATE", "1989-11-15")},
    ),
    "made in the past": (
        "The decision was made on Nov. 15.",
        "1989-10-26",
        {"Nov. 15": ("DATE", "1988-11-15")},
    ),
    "a morning ahead": (
        "The delegation will leave at six in the morning, the minister said.",
        "2000-04-05",
        {"six in the morning": ("TIME", "2000-04-06T06:00")},
    ),
    # a clock time with no day falls on the day named with it in its sentence
    "a clock after its day": (
        "On Friday, the first blast came at 10:35 a.m., the police said.",
        "1998-08-08",
        {"Friday": ("DATE", "1998-08-07"), "10:35 a.m.": ("TIME", "1998-08-07T10:35")},
    ),
    "a clock before its day": (
        "The first blast came at about 10:35 a.m. (0735 GMT) Friday.",
        "1998-08-08",
        {"10:35 a.m.": ("TIME", "1998-08-07T10:35"), "Friday": ("DATE", "1998-08-07")},
    ),
    "a clock with no day named": (
        "The first blast came at 10:35 a.m., the police said.",
        "1998-08-08",
        {"10:35 a.m.": ("TIME", "1998-08-08T10:35")},
    ),
    "a morning gone": (
        "The delegation left at six in the morning.",
        "2000-04-05",
        {"six in the morning": ("TIME", "2000-04-05T06:00")},
    ),
    # a clause in the past tense after "will" names the last occurrence
    "past clause after will": (
        "The court will decide his custody, since he was rescued off the coast of Florida in late November.",
        "2000-04-05",
        {"late November": ("DATE", "1999-11")},
    ),
    # a verb of a timetable in the present tense names the next occurrence
    "timetable present": (
        "The two leaders meet separately Monday with the envoy.",
        "1998-05-01",
        {"Monday": ("DATE", "1998-05-04")},
    ),
    "timetable past": (
        "The two leaders met separately Monday with the envoy.",
        "1998-05-01",
        {"Monday": ("DATE", "1998-04-27")},
    ),
    # "year end" and "year's end" are the end of the year, written as the year; "year-end" the last day
    "year end": (
        "Bankers expect the rate to ease by year end.",
        "1989-10-26",
        {"year end": ("DATE", "1989")},
    ),
    "year's end": ("Debt stood at $2 billion at year's end.", "1990-03-02", {"year's end": ("DATE", "1990")}),
    "year-end": (
        "The fund will publish its year-end figures.",
        "1989-10-26",
        {"year-end": ("DATE", "1989-12-31")},
    ),
    # a decade in words takes the century of the reference date; "in her forties" is an age
    "the nineties": (
        "Membership kept dropping through the nineties.",
        "1998-03-03",
        {"the nineties": ("DATE", "199")},
    ),
    "the '80s": (
        "Sales stayed flat for the last half of the '80s.",
        "1989-10-26",
        {"the '80s": ("DATE", "198")},
    ),
    "an age": ("She opened the shop in her forties.", "1998-03-03", {}),
    # a part of a day with no day of its own falls on the day named just before it, else the reference date
    "the morning": (
        "Hopes were dashed Friday. Dealers placed buy orders in the morning.",
        "1989-10-30",
        {"Friday": ("DATE", "1989-10-27"), "the morning": ("TIME", "1989-10-27TMO")},
    ),
    "mid afternoon": (
        "By mid afternoon, officials said the operation was over.",
        "1998-03-06",
        {"mid afternoon": ("TIME", "1998-03-06TAF")},
    ),
    "midday": (
        "The suspect appears before a judge at midday.",
        "1999-10-08",
        {"midday": ("TIME", "1999-10-08T12:00")},
    ),
    "mid-afternoon yesterday": (
        "Shares fell at mid-afternoon yesterday.",
        "1989-11-02",
        {"mid-afternoon yesterday": ("TIME", "1989-11-01TAF")},
    ),
    # "in the morning" in the present tense is a habit, with no day
    "a habit": (
        "We hear the shelling all night, and in the morning we count.",
        "2025-09-14",
        {"the morning": ("TIME", "XXXX-XX-XXTMO")},
    ),
    # an hour in the morning or the evening is a clock time (a habit in the present tense)
    "six in the morning": (
        "People who ride the bus at six in the morning have waited long enough.",
        "2023-05-02",
        {"six in the morning": ("TIME", "XXXX-XX-XXT06:00")},
    ),
    "ten in the evening": (
        "The ferry docked at ten in the evening.",
        "2023-05-02",
        {"ten in the evening": ("TIME", "2023-05-02T22:00")},
    ),
    # "a second" before a noun is an ordinal, not a length of time
    "a second group": ("A second group of directors sued the board.", "1989-10-26", {}),
    "a second": ("He paused for a second, then spoke.", "1989-10-26", {"a second": ("DURATION", "PT1S")}),
    # a repeated quarter or month is a set
    "every quarter": (
        "The company pays $100 million in interest every quarter.",
        "1989-10-30",
        {"every quarter": ("SET", "P1Q")},
    ),
    "each July": (
        "The bands march each July through the town.",
        "1998-03-22",
        {"each July": ("SET", "XXXX-07")},
    ),
    # a year before a plural after "the", "its" or "fiscal" is still a year; "some 2000 troops" is a count
    "fiscal 1989 sales": (
        "Sales will be above fiscal 1989 sales of $155 million.",
        "1989-11-02",
        {"fiscal 1989": ("DATE", "1989")},
    ),
    "the 1992 protests": (
        "Leaders of the 1992 protests have moved.",
        "1998-10-25",
        {"1992": ("DATE", "1992")},
    ),
    "a count": ("Some 2000 troops left.", "1998-10-25", {}),
}


@pytest.mark.parametrize("sentence, published, expected", CASES.values(), ids=CASES.keys())
def test_type_and_value(sentence, published, expected):
    assert _rows(sentence, published) == expected
