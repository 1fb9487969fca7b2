"""Spans and types of time expressions as TimeML's TIMEX3 guidelines draw them, on
sentences written for these tests in the manner of real news (company results,
spoken news, wire copy)."""

from __future__ import annotations

import pytest

from kit.timeline import find_time_expressions, is_timex_value

REF = "1989-10-27"  # a Friday


def rows(sentence: str, ref: str = REF) -> list[tuple[str, str, str | None]]:
    t = find_time_expressions(sentence, reference_date=ref)
    return [(r.text, r.type, r.value if isinstance(r.value, str) else None) for r in t.itertuples()]


CASES = [
    # the determiner of a counted length of time is inside the span
    ("For the nine months, the mill earned $4 million.", [("the nine months", "DURATION", "P9M")]),
    (
        "Net for the six months ended Aug. 12 rose.",
        [("the six months", "DURATION", "P6M"), ("Aug. 12", "DATE", "1989-08-12")],
    ),
    ("He spent the first three weeks abroad.", [("the first three weeks", "DURATION", "P3W")]),
    # "the year": this year, or a fiscal year ending on a date (a length of time)
    ("For the year, sales were flat.", [("the year", "DATE", "1989")]),
    (
        "In the fiscal year ended Jan. 31, the chain lost money.",
        [("the fiscal year", "DURATION", "P1Y"), ("Jan. 31", "DATE", "1989-01-31")],
    ),
    ("Profit will rise for the full year.", [("the full year", "DATE", "1989")]),
    ("They hope to sign before the end of the year.", [("the end of the year", "DATE", "1989")]),
    ("Sales fell in the first half of the year.", [("the first half of the year", "DATE", "1989")]),
    # weeks and weekends
    # on a Friday, a weekend in the past tense is the one before
    ("Over the weekend, talks resumed.", [("the weekend", "DATE", "1989-W42-WE")]),
    ("For the week, the index fell 2%.", [("the week", "DATE", "1989-W43")]),
    ("The talks went on last weekend.", [("last weekend", "DATE", "1989-W42-WE")]),
    # periods of company results are quarters
    ("Revenue in the latest period rose 5%.", [("the latest period", "DATE", "1989-Q3")]),
    ("That compares with the year-earlier period.", [("the year-earlier period", "DATE", "1988-Q3")]),
    ("Year-earlier results included a charge.", [("Year-earlier", "DATE", "1988-Q3")]),
    ("Net was up from the 1988 period.", [("the 1988 period", "DATE", "1988-Q3")]),
    ("Sales for the third quarter of 1990 may fall.", [("the third quarter of 1990", "DATE", "1990-Q3")]),
    ("Net for last year's fourth quarter fell.", [("last year's fourth quarter", "DATE", "1988-Q4")]),
    ("The company reported its third quarter late.", [("third quarter", "DATE", "1989-Q3")]),
    # a month and a deictic year are one date
    ("In June last year, the plant closed.", [("June last year", "DATE", "1988-06")]),
    ("The vote came in February this year.", [("February this year", "DATE", "1989-02")]),
    # a month name after "for", "to" or a determiner
    ("Turnover for October rose.", [("October", "DATE", "1989-10")]),
    ("Police studied the October shooting.", [("October", "DATE", "1989-10")]),
    # ranges and approximations are one expression
    ("Repairs take two to three weeks.", [("two to three weeks", "DURATION", "P2W")]),
    ("The plan may be ready in a year or two.", [("a year or two", "DURATION", "P1Y")]),
    ("Funds sold shares in recent weeks and months.", [("recent weeks and months", "DURATION", "PXW")]),
    ("Prices may rise in the weeks ahead.", [("the weeks ahead", "DURATION", "PXW")]),
    ("Output will grow over the next 12 to 18 months.", [("the next 12 to 18 months", "DURATION", "P12M")]),
    ("Rates held for the past two years or so.", [("the past two years or so", "DURATION", "P2Y")]),
    # seasons with a determiner ("the fall" alone is too often no season)
    ("Demand should hold into the summer.", [("the summer", "DATE", "1989-SU")]),
    ("Work began in the early summer.", [("the early summer", "DATE", "1989-SU")]),
    ("Few foresaw the fall of the regime.", []),
    ("The summer reading program will run as usual.", []),
    # "earlier"/"later" before "yesterday" are inside; before a weekday they are not
    ("Earlier yesterday, the shares fell.", [("Earlier yesterday", "DATE", "1989-10-26")]),
    ("Earlier Monday, the shares fell.", [("Monday", "DATE", "1989-10-23")]),
    # years in words, as spoken news says them
    ("Unemployment peaked in nineteen ninety-one.", [("nineteen ninety-one", "DATE", "1991")]),
    ("The goal is set for the year two thousand.", [("the year two thousand", "DATE", "2000")]),
    # named holidays: the nearest one, the next in the future tense
    ("The boy was found on Thanksgiving Day.", [("Thanksgiving Day", "DATE", "1988-11-24")]),
    ("The store will reopen before Christmas.", [("Christmas", "DATE", "1989-12-25")]),
    ("Crowds gathered as Easter week began.", [("Easter week", "DATE", "1989-W12")]),
    ("Turnout was low last Election Day.", [("last Election Day", "DATE", "1988-11-08")]),
    ("The rally was held in Independence, Mo.", []),
    # counts in compound words
    ("Prices jumped in the last twenty four hours.", [("the last twenty four hours", "DURATION", "PT24H")]),
    ("The strike lasted twenty-one days.", [("twenty-one days", "DURATION", "P21D")]),
    # the end of the year, the near future, times counted from a time named before
    ("The deal should close by year-end.", [("year-end", "DATE", "1989-12-31")]),
    ("A sale is likely in the near future.", [("the near future", "DATE", "FUTURE_REF")]),
    ("Margins may suffer in the short term.", [("the short term", "DATE", "FUTURE_REF")]),
    ("He returned later that year.", [("later that year", "DATE", "XXXX")]),
    ("The page was removed that same day.", [("that same day", "DATE", "XXXX-XX-XX")]),
    ("Rates rose a week or so ago.", [("a week or so ago", "DATE", "1989-W42")]),
    ("Net fell from the quarter a year ago.", [("the quarter a year ago", "DATE", "1988-Q3")]),
    (
        "Net fell from the corresponding period last year.",
        [("the corresponding period last year", "DATE", "1988-Q3")],
    ),
    ("Rain delayed planting earlier in the year.", [("earlier in the year", "DATE", "1989")]),
    ("Talks began in January nineteen ninety-seven.", [("January nineteen ninety-seven", "DATE", "1997-01")]),
    (
        "It snowed in the winter of nineteen ninety-four.",
        [("the winter of nineteen ninety-four", "DATE", "1994-WI")],
    ),
    # ages, rates and fractions are no time expressions
    ("Mr. Lee, 52 years old, will retire.", []),
    ("The stock pays a dividend of $1.76 a year.", []),
    ("Iraq imports about three-quarters of its food.", []),
    ("They posted a year-earlier gain.", [("year-earlier", "DATE", "1988-Q3")]),
    # "the day before" followed by a clause: "before" introduces the clause
    ("He was last seen the day before police issued a warrant.", []),
    ("He had left the day before.", [("the day before", "DATE", "XXXX-XX-XX")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_spans_types_values(sentence, expected):
    assert rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_every_value_is_valid_for_its_type(sentence, expected):
    for _text, typ, value in rows(sentence):
        assert value is None or is_timex_value(value, typ)


def test_without_a_reference_date_the_new_kinds_stay_underspecified():
    t = find_time_expressions("For the year, net rose; over the weekend, in the latest period.")
    assert list(t["text"]) == ["the year", "the weekend", "the latest period"]
    assert list(t["value"]) == ["XXXX", "XXXX-WXX-WE", "XXXX-QX"]
    assert set(t["anchor"]) == {"vague"}


def test_a_moving_holiday_without_a_year_keeps_its_day_unknown():
    t = find_time_expressions("On Thanksgiving Day, Christmas Eve and Easter Sunday.")
    assert list(t["value"]) == ["XXXX-11-XX", "XXXX-12-24", "XXXX-XX-XX"]


# ----- a time word in title case inside a name is no time -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'The minister, speaking on the network\'s "This Week," said the talks would go on.',
        "The senator said on the network's ``This Week With Jane Roe'' that he would vote no.",
        "He said on the station's ``60 Minutes'' that the boy should stay.",
        "Those are the headlines. This is Radio Harbour Today.",
    ],
)
def test_a_title_case_time_word_in_a_name_is_no_time(sentence):
    assert rows(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Today, the board meets.", [("Today", "DATE", "1989-10-27")]),
        ("``Today, we are here to vote,'' she said.", [("Today", "DATE", "1989-10-27")]),
        ('She said: "Today we won."', [("Today", "DATE", "1989-10-27")]),
        ("Mayor Visits Harbour Today", [("Today", "DATE", "1989-10-27")]),  # a headline in title case
        ("THE MAYOR VISITS THE HARBOUR TODAY.", [("TODAY", "DATE", "1989-10-27")]),
        ("NEW YORK Today, the board meets.", [("Today", "DATE", "1989-10-27")]),  # a dateline
        ("The store opened on Christmas Day.", [("Christmas Day", "DATE", "1988-12-25")]),
        ("The mayor met Governor Smith on Monday.", [("Monday", "DATE", "1989-10-23")]),
        ("The mayor met Governor Smith in March.", [("March", "DATE", "1989-03")]),
    ],
)
def test_a_title_case_time_word_outside_a_name_keeps_its_time(sentence, expected):
    assert rows(sentence) == expected


# ----- "the future of": the prospects of something, no time --------------------------------------


def test_the_future_of_something_is_no_time():
    assert rows("The talks matter for the future of both countries.") == []
    assert rows("Prices may rise in the future, analysts said.") == [("the future", "DATE", "FUTURE_REF")]
    assert rows("They fear for the future and leave.") == [("the future", "DATE", "FUTURE_REF")]


# ----- "one day" after a modal or a wish: some time to come ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts say the chain will one day be the largest in the state.",
        "The pilot hopes he could one day fly to the moon.",
        "She hoped to one day return to her village.",
        "They'll one day see the results.",
    ],
)
def test_one_day_after_a_modal_or_a_wish_is_the_future(sentence):
    assert rows(sentence) == [("one day", "DATE", "FUTURE_REF")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new chairman had been in the job one day.",
        "The announcement was followed by one day a second offer.",
        "The plant will close for one day.",
        "The trip will last one day.",
    ],
)
def test_one_day_counted_stays_a_length_of_time(sentence):
    assert rows(sentence) == [("one day", "DURATION", "P1D")]


# ----- "current" before a noun, a second day of the month, "an additional year", "for a while" -------

MORE_CASES = [
    # "current" before a noun is the present
    ("The board defended the current rules.", [("current", "DATE", "PRESENT_REF")]),
    ("She came with her current husband.", [("current", "DATE", "PRESENT_REF")]),
    ("Current trading conditions are weak.", [("Current", "DATE", "PRESENT_REF")]),
    ("Current and former staff signed it.", [("Current", "DATE", "PRESENT_REF")]),
    ("Holders may buy shares at the then current price.", [("then current", "DATE", "PAST_REF")]),
    ("Holders may buy shares at the then-current price.", [("then-current", "DATE", "PAST_REF")]),
    # the noun, an accounting term, a unit with a dated value of its own
    ("The current of the stream was strong.", []),
    ("A strong current swept the boat away.", []),
    ("The wire carries alternating current.", []),
    ("The current account deficit widened.", []),
    ("The current assets were sold.", []),
    ("Sales in the current year rose.", [("the current year", "DATE", "1989")]),
    ("Orders in the current quarter rose.", [("the current quarter", "DATE", "1989-Q4")]),
    # "another", "an additional" length of time; a length with no unit at all
    ("The lender may extend the loan for an additional year.", [("an additional year", "DURATION", "P1Y")]),
    ("The strike lasted another week.", [("another week", "DURATION", "P1W")]),
    ("The talks need an extra month.", [("an extra month", "DURATION", "P1M")]),
    ("The ban was kept for a further six months.", [("a further six months", "DURATION", "P6M")]),
    ("Troops will stay another two years.", [("another two years", "DURATION", "P2Y")]),
    # a length the text does not give, not even its unit
    ("The plant will be shut for a while.", [("a while", "DURATION", "PXX")]),
    ("Prices have been falling for some time.", [("some time", "DURATION", "PXX")]),
    ("While the board met, shareholders waited.", []),
    ("It took some time to agree.", []),
    ("Rates stayed low for a long time.", [("a long time", "DURATION", "PXX")]),
    ("The envoy will stay for a fairly lengthy period.", [("a fairly lengthy period", "DURATION", "PXX")]),
    ("A long time ago, in a short period, it grew.", []),
    # a second day of the month joined to a date is a date of that month
    (
        "The ministers meet on Nov. 14 and 15.",
        [("Nov. 14", "DATE", "1989-11-14"), ("15", "DATE", "1989-11-15")],
    ),
    (
        "Hearings are set for Dec. 4, 5 and 6 in Boston.",
        [("Dec. 4", "DATE", "1989-12-04"), ("5", "DATE", "1989-12-05"), ("6", "DATE", "1989-12-06")],
    ),
    ("Polls open Oct. 2nd or 3rd.", [("Oct. 2nd", "DATE", "1989-10-02"), ("3rd", "DATE", "1989-10-03")]),
    # a count after the date, or numbers that do not go up, are no days
    ("On Oct. 2 and 14 workers quit.", [("Oct. 2", "DATE", "1989-10-02")]),
    ("The odds for Oct. 9, 4 and 2.", [("Oct. 9", "DATE", "1989-10-09")]),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_CASES, ids=[c[0][:40] for c in MORE_CASES])
def test_current_another_year_for_a_while_and_a_second_day(sentence, expected):
    found = rows(sentence)
    assert found == expected
    assert all(is_timex_value(value, typ) for _text, typ, value in found)


def test_a_bare_day_without_a_reference_date_keeps_the_month_of_the_date():
    t = find_time_expressions("The summit is on April 24 and 25.")
    assert list(zip(t["text"], t["value"])) == [("April 24", "XXXX-04-24"), ("25", "XXXX-04-25")]


# ----- what the new rules must not take --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an abbreviation that ends a sentence the splitter kept whole is no part of a name
        ("Sales fell in the U.S. Today shares rose.", {"Today"}),
        ("Stocks Fall as Dollar Weakens Today", {"Today"}),
        # a title-case word before another capitalised word is a name
        ("It was published in Current Biology last year.", {"last year"}),
        # amounts after a date are no days
        ("On May 5 and 6,000 people marched.", {"May 5"}),
        ("Shares rose on May 5 and 6.5% on May 8.", {"May 5", "May 8"}),
        # "for a while" at the start of a sentence
        ("For a long time, nobody knew.", {"a long time"}),
        # "then" after a preposition is no part of "then current"
        ("Until then current employees keep their jobs.", {"current"}),
    ],
)
def test_what_the_new_rules_do_not_take(sentence, expected):
    t = find_time_expressions(sentence, reference_date="1989-10-26")
    assert set(t["text"]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The embargo began seventy years ago.", ("seventy years ago", "1930")),
        ("Talks lasted eighteen months.", ("eighteen months", "P18M")),
        ("The siege lasted ninety-one days.", ("ninety-one days", "P91D")),
        ("He served fourteen years in prison.", ("fourteen years", "P14Y")),
    ],
)
def test_every_count_in_words_up_to_ninety_nine(sentence, expected):
    t = find_time_expressions(sentence, reference_date="2000-01-01")
    assert list(zip(t["text"], t["value"])) == [expected]
