"""Values of time expressions as real news writes them: anchoring and tense.

Each sentence is written for the test."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.timeline import find_time_expressions
from kit.timeline.normalise import is_timex_value


def _values(text: str, published: str) -> dict[str, str]:
    t = find_time_expressions(text, reference_date=published)
    return {r.text: (r.value if isinstance(r.value, str) else None) for r in t.itertuples()}


def _article(body: str, published: str) -> pd.DataFrame:
    article = kit.parse_article(f"---\npublished: {published}\n---\nResults\n\n{body}")
    return article.timeline


# ----- counted from the time the text names -----------------------------------------


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before():
    v = _values(
        "In the third quarter, the mill earned $4 million, up from $3 million a year earlier.", "1989-10-26"
    )
    assert v == {"the third quarter": "1989-Q3", "a year earlier": "1988-Q3"}


def test_a_year_ago_after_a_quarter_named_in_the_last_sentences_is_the_year_ago_quarter():
    t = _article(
        "The bakery chain reported third-quarter profit of $2 million. Sales slipped to $40 million from"
        " $42 million a year ago.",
        "1989-10-26",
    )
    assert dict(zip(t["text"], t["value"])) == {"third-quarter": "1989-Q3", "a year ago": "1988-Q3"}
    row = t[t["text"] == "a year ago"].iloc[0]
    assert "third-quarter" in row["anchor_note"]


def test_a_year_earlier_after_the_months_of_results_is_the_year_before():
    t = _article(
        "The bakery chain reported third-quarter profit of $2 million. For the nine months, it earned"
        " $7 million, up from $5 million a year earlier. Year-earlier results included a gain.",
        "1989-10-26",
    )
    values = dict(zip(t["text"], t["value"]))
    assert values["third-quarter"] == "1989-Q3"
    assert values["a year earlier"] == "1988"
    row = t[t["text"] == "a year earlier"].iloc[0]
    assert "the nine months" in row["anchor_note"]


def test_year_earlier_results_after_the_months_of_results_are_the_year_before():
    t = _article(
        "The chain reported third-quarter profit of $2 million. For the nine months, it earned $7 million,"
        " compared with year-earlier net of $5 million. In the 1988 period, sales were flat.",
        "1989-10-26",
    )
    values = dict(zip(t["text"], t["value"]))
    assert values["year-earlier"] == "1988"
    assert values["the 1988 period"] == "1988"


def test_the_year_before_a_fiscal_quarter_is_that_quarter_a_year_before():
    t = _article(
        "The airline earned $5 million in the fiscal first quarter. In the 1988 period, it earned $4 million.",
        "1989-10-26",
    )
    assert dict(zip(t["text"], t["value"]))["the 1988 period"] == "1988-Q1"


def test_the_months_of_results_ended_on_a_named_day_keep_that_day():
    v = _values(
        "For the six months ended Aug. 12, the grocer earned $6 million, compared with $8 million a year earlier.",
        "1989-10-26",
    )
    assert v["a year earlier"] == "1988-08-12"


def test_a_year_ago_with_no_quarter_is_counted_from_the_publication_date():
    assert _values("The bridge opened a year ago.", "1989-10-26") == {"a year ago": "1988"}


def test_counted_expressions_keep_the_named_anchor_and_never_chain():
    # "a year earlier" after "a year ago" is still the year before the quarter, not two years before
    v = _values(
        "Second-quarter sales rose to $5 million from $4 million a year ago, and costs fell from a year earlier.",
        "1989-08-10",
    )
    assert v == {"Second-quarter": "1989-Q2", "a year ago": "1988-Q2", "a year earlier": "1988-Q2"}


def test_the_following_month_the_day_before_and_the_next_morning_rest_on_the_date_named():
    """Each rests on the date named, never on another counted expression."""
    t = _article(
        "The dam broke on March 3, 2020. Crews came back the next morning. The day before, the river rose."
        " The following month, the valley was dry.",
        "2021-01-10",
    )
    values = dict(zip(t["text"], zip(t["type"], t["value"])))
    assert values["The day before"] == ("DATE", "2020-03-02")
    assert values["The following month"] == ("DATE", "2020-04")
    assert values["the next morning"] == ("TIME", "2020-03-04TMO")
    assert (t["anchor"] != "vague").all()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # TimeML: a count of days, hours or months before "later"/"earlier" is a length of time
        ("On March 3 the talks began. Three days later, they collapsed.", ("Three days", "DURATION", "P3D")),
        ("A day earlier, trucks crossed the border.", ("A day", "DURATION", "P1D")),
        ("Just over an hour later, he was declared dead.", ("an hour", "DURATION", "PT1H")),
        # a count of years is counted from the time named
        ("The plant opened in 1987. Two years later, it closed.", ("Two years later", "DATE", "1989")),
    ],
)
def test_a_count_before_later_or_earlier(sentence, expected):
    t = find_time_expressions(sentence, reference_date="2020-03-05")
    assert expected in set(zip(t["text"], t["type"], t["value"]))


def test_the_following_year_after_a_year():
    assert _values("The firm was founded in 1996. The following year it went public.", "2000-05-01") == {
        "1996": "1996",
        "The following year": "1997",
    }


def test_with_no_date_named_the_value_keeps_its_x():
    assert _values("The day before, the river rose.", "2020-03-05") == {"The day before": "XXXX-XX-XX"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an ordinal day of something, said of today in the present tense: the reference date
        ("Today is the tenth day of the blockade.", {"Today": "2020-03-05", "the tenth day": "2020-03-05"}),
        ("It's the second day of the strike at the port.", {"the second day": "2020-03-05"}),
        # in the past tense, or after a possessive, it is counted from a time the kit does not resolve
        ("It was the third day of talks.", {"the third day": "XXXX-XX-XX"}),
        ("The strike entered its 40th day.", {"its 40th day": "XXXX-XX-XX"}),
        ("She promised to sign it on her first day in office.", {"her first day": "XXXX-XX-XX"}),
    ],
)
def test_an_ordinal_day_is_the_reference_date_only_when_said_of_today(sentence, expected):
    assert _values(sentence, "2020-03-05") == expected


# ----- quarters --------------------------------------------------------------------------


def test_the_quarter_after_a_fiscal_quarter_is_that_quarter():
    t = _article(
        "The airline earned $5 million in the fiscal first quarter. Sales for the quarter rose 9%"
        " from a year earlier. The latest period included a gain.",
        "1989-10-26",
    )
    values = dict(zip(t["text"], t["value"]))
    assert values == {
        "the fiscal first quarter": "1989-Q1",
        "the quarter": "1989-Q1",
        "a year earlier": "1988-Q1",
        "The latest period": "1989-Q1",
    }
    row = t[t["text"] == "the quarter"].iloc[0]
    assert "fiscal" in row["anchor_note"]


def test_a_calendar_quarter_keeps_the_last_completed_quarter():
    t = _article(
        "The mill earned $5 million in the third quarter. Sales for the quarter rose 9%.", "1989-10-26"
    )
    assert dict(zip(t["text"], t["value"])) == {"the third quarter": "1989-Q3", "the quarter": "1989-Q3"}


@pytest.mark.parametrize("written", ["the fiscal-first quarter", "the fiscal first quarter"])
def test_a_fiscal_quarter_with_a_hyphen(written):
    assert _values(f"The mill posted a profit for {written} ended Sept. 30.", "1989-10-26") == {
        written: "1989-Q1",
        "Sept. 30": "1989-09-30",
    }


def test_the_quarter_just_ended_stays_in_its_year_in_the_future_tense():
    # in late October, "will report third-quarter results" speaks of the quarter just ended
    assert _values("The bank will report results for the third quarter.", "1989-10-26") == {
        "the third quarter": "1989-Q3"
    }
    # a quarter further back is the next one in the future tense
    assert _values("The bank will open two branches in the first quarter.", "1989-10-26") == {
        "the first quarter": "1990-Q1"
    }


# ----- tense of month names and dates without a year -------------------------------------------


def test_since_a_month_is_the_month_before_even_near_a_future_cue():
    assert _values("The ship will stay at sea, where it has been since March.", "1990-08-13") == {
        "March": "1990-03"
    }


def test_a_month_opening_a_clause_in_the_past_tense_is_the_one_before():
    assert _values("In January, the company bought a rival.", "1989-10-27") == {"January": "1989-01"}


def test_a_month_with_no_tense_is_the_last_one_unless_the_next_is_much_nearer():
    assert _values("Shares traded at $30 in March.", "1989-10-30") == {"March": "1989-03"}
    assert _values("The record of Aug. 6 still stands.", "1998-02-06") == {"Aug. 6": "1997-08-06"}
    assert _values("The dividend is payable Jan. 2.", "1989-11-02") == {"Jan. 2": "1990-01-02"}


def test_a_deadline_after_a_past_verb_is_not_pushed_into_the_past():
    assert _values("The group extended to Nov. 20 its offer for the shares.", "1989-11-02") == {
        "Nov. 20": "1989-11-20"
    }


def test_a_passive_after_be_is_no_past_tense():
    assert _values("Final rules to be published in early November will decide.", "1989-10-30") == {
        "early November": "1989-11"
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The talks, set to resume Monday, were delayed once before.", "1998-03-23"),
        ("The family could travel as soon as Tuesday.", "2000-04-04"),
        ("The union is planning to strike on Thursday.", "2000-04-06"),
    ],
)
def test_future_cues_without_an_auxiliary_point_to_the_next_weekday(sentence, expected):
    ref = "1998-03-22" if "talks" in sentence else "2000-04-03"
    (value,) = _values(sentence, ref).values()
    assert value == expected


def test_had_been_due_to_is_no_future():
    assert _values("The offer had been due to expire Friday.", "1989-10-30") == {"Friday": "1989-10-27"}


def test_every_value_written_by_these_rules_is_valid_for_its_type():
    t = _article(
        "Third-quarter profit rose from a year ago. A year earlier, sales fell. The following month was calm."
        " Since March the plant has been idle. It will reopen in the first quarter.",
        "1989-10-26",
    )
    for r in t.itertuples():
        assert isinstance(r.value, str) and is_timex_value(r.value, r.type), (r.text, r.type, r.value)


# ----- repeated times and vague pasts ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The fair returns every two years.", ("every two years", "P2Y")),
        ("The board meets every other week.", ("every other week", "P2W")),
        ("She calls every week.", ("every week", "P1W")),
    ],
)
def test_a_repeated_time_counts_its_interval(sentence, expected):
    t = find_time_expressions(sentence, reference_date="1998-02-06")
    assert [(r.text, r.type, r.value) for r in t.itertuples()] == [(*expected[:1], "SET", expected[1])]


def test_set_values_of_seasons_months_and_quarters():
    from kit.timeline.normalise import _Context, _set

    ctx = _Context(None, "no reference date", "reference_date")
    assert [_set(s, "set", ctx)[1] for s in ("each summer", "each July", "every quarter")] == [
        "XXXX-SU",
        "XXXX-07",
        "P1Q",
    ]


def test_some_years_ago_with_no_number_is_past_ref():
    assert _values("The plant closed several years ago.", "1998-02-13") == {"several years ago": "PAST_REF"}


# ----- a year named inside the expression ------------------------------------------------------


@pytest.mark.parametrize(
    "chunk, expected",
    [
        ("the year-earlier third quarter", "1988-Q3"),
        ("this year's third quarter", "1989-Q3"),
        ("last year's quarter", "1988-Q3"),
        ("next year's first quarter", "1990-Q1"),
        ("the quarter a year ago", "1988-Q3"),
    ],
)
def test_a_quarter_with_its_year_in_words(chunk, expected):
    from kit.timeline.normalise import _Context, _quarter

    ctx = _Context(dt.date(1989, 10, 26), "the publication date 1989-10-26", "reference_date")
    assert _quarter(chunk, "quarter", ctx)[1] == expected


@pytest.mark.parametrize(
    "chunk, expected",
    [("June last year", "1988-06"), ("January this year", "1989-01"), ("May next year", "1990-05")],
)
def test_a_month_with_its_year_in_words(chunk, expected):
    from kit.timeline.normalise import _Context, _month

    ctx = _Context(dt.date(1989, 10, 26), "the publication date 1989-10-26", "reference_date")
    assert _month(chunk, "month", ctx)[1] == expected


def test_later_this_afternoon_is_the_afternoon_of_the_reference_date():
    t = find_time_expressions("The minister will speak later this afternoon.", reference_date="1998-02-22")
    assert [(r.text, r.type, r.value, r.granularity) for r in t.itertuples()] == [
        ("later this afternoon", "TIME", "1998-02-22TAF", "part_of_day")
    ]


ANCHORS_AND_COUNTS = [
    "the third quarter",
    "second-quarter",
    "March 3, 2020",
    "Feb. 29, 2000",
    "Dec. 31, 9999",
    "in 1996",
    "June",
    "on Friday",
    "a year earlier",
    "a year ago",
    "two years earlier",
    "9999 years earlier",
    "5000 days later",
    "the following month",
    "the following week",
    "the day before",
    "the day after",
    "the next morning",
    "the same day",
    "the previous year",
    "three months later",
    "every two years",
    "each summer",
    "several years ago",
]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.sampled_from(ANCHORS_AND_COUNTS), min_size=1, max_size=8),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 10, 1))),
)
def test_counted_values_are_timex3_values_whatever_the_anchor(parts, ref):
    """Anchoring on the time named before never writes a value invalid for its type, nor fails."""
    text = ". ".join(f"It happened {p}" for p in parts) + "."
    t = find_time_expressions(text, reference_date=ref)
    for r in t.itertuples():
        assert r.value is pd.NA or is_timex_value(r.value, r.type), (r.text, r.type, r.value)


def test_a_clause_after_the_date_with_a_modal_gives_no_past_tense():
    assert _values("The rights, which expire Nov. 21, can be exercised for $100 each.", "1989-11-02") == {
        "Nov. 21": "1989-11-21"
    }


# ----- the weekend, by tense ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, ref, expected",
    [
        ("Talks resumed over the weekend.", "1989-10-30", "1989-W43-WE"),  # a Monday, past tense
        ("Talks will resume over the weekend.", "1989-10-30", "1989-W44-WE"),  # a Monday, future tense
        (
            "Rain over the weekend is likely.",
            "1989-10-30",
            "1989-W43-WE",
        ),  # early in the week: the one before
        ("Rain over the weekend is likely.", "1989-10-26", "1989-W43-WE"),  # a Thursday: the one ahead
        ("Crowds came over the weekend.", "1989-10-29", "1989-W43-WE"),  # on a Sunday: this weekend
    ],
)
def test_the_weekend_follows_the_tense(sentence, ref, expected):
    assert _values(sentence, ref) == {"the weekend": expected}


# ----- counts with a half, 'more', 'trading' and 'a couple of' -----------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The trial lasted 2 1/2 years.", ("2 1/2 years", "P2Y6M")),
        ("The climbers waited 5 1/2 hours.", ("5 1/2 hours", "PT5H30M")),
        ("The flight was delayed 1 1/2 days.", ("1 1/2 days", "P1DT12H")),
        ("The alarm rang for a minute and a half.", ("a minute and a half", "PT1M30S")),
        ("The union wants two more weeks.", ("two more weeks", "P2W")),
        ("The index fell for eight trading days.", ("eight trading days", "P8D")),
        ("The loan runs at least 20 more years.", ("at least 20 more years", "P20Y")),
        ("The plant closed a couple of years ago.", ("a couple of years ago", "1987")),
        ("Prices may rise over the next couple of years.", ("the next couple of years", "P2Y")),
        ("It took a couple of months.", ("a couple of months", "P2M")),
    ],
)
def test_counts_with_a_half_more_trading_and_a_couple(sentence, expected):
    t = find_time_expressions(sentence, reference_date="1989-10-30")
    assert [(r.text, r.value) for r in t.itertuples()] == [expected]
    assert all(is_timex_value(r.value, r.type) for r in t.itertuples())


def test_a_half_counted_before_a_date_is_no_offset_date():
    t = find_time_expressions("The vote came 2 1/2 years before May 31, 2019.", reference_date="2020-01-01")
    assert all(r.value is pd.NA or is_timex_value(r.value, r.type) for r in t.itertuples())


# ----- anaphoric: 'that year', 'that same day', 'the previous Friday' --------------------------------


def test_that_year_and_that_same_day_rest_on_the_time_named_before():
    t = _article(
        "The firm was founded in 1996. Later that year it went public. The dam broke on March 3, 2020."
        " That same day, crews came. That week was cold.",
        "2021-01-10",
    )
    values = dict(zip(t["text"], t["value"]))
    assert values["Later that year"] == "1996"
    assert values["That same day"] == "2020-03-03"
    assert values["That week"] == "2020-W10"


def test_the_previous_friday_is_the_friday_before_the_day_named():
    t = _article("Shares fell on Friday, down 4% from the previous Friday.", "1989-10-30")
    assert dict(zip(t["text"], t["value"])) == {"Friday": "1989-10-27", "the previous Friday": "1989-10-20"}
    t = _article("The talks began on Tuesday, Oct. 10, and ended the following Friday.", "1989-10-30")
    assert dict(zip(t["text"], t["value"]))["the following Friday"] == "1989-10-13"


def test_the_previous_friday_with_no_day_named_keeps_its_x():
    assert _values("The index fell from the previous Friday.", "1989-10-30") == {
        "the previous Friday": "XXXX-XX-XX"
    }


# ----- a plan or a schedule speaks of the future --------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Protesters planned a large rally on Saturday.", "2000-01-08"),
        ("The prosecutor has scheduled a news conference Thursday.", "2000-01-13"),
    ],
)
def test_a_planned_or_scheduled_event_is_the_next_weekday(sentence, expected):
    (value,) = _values(sentence, "2000-01-07").values()
    assert value == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The launch was planned for early March, but no exact date was fixed.", "1999-03"),
        ("The vote was scheduled for May.", "1999-05"),
        ("The vote was set for May.", "1999-05"),
        ("In March, the company bought a rival.", "1998-03"),  # still the one before
    ],
)
def test_was_planned_for_a_month_is_no_past_tense(sentence, expected):
    (value,) = _values(sentence, "1999-02-10").values()
    assert value == expected


def test_until_with_a_past_verb_after_it_is_the_day_before():
    assert _values("Until Thursday, the police had not named a suspect.", "1999-05-07") == {
        "Thursday": "1999-05-06"
    }
    assert _values("The shop is closed until Friday. It was busy.", "1999-05-05") == {"Friday": "1999-05-07"}


# ----- a weekday in the plural with a part of day: a repeated time ------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The ferry sails on Tuesday nights.", {"Tuesday nights": ("SET", "XXXX-WXX-2TNI")}),
        ("Sunday mornings are for the market.", {"Sunday mornings": ("SET", "XXXX-WXX-7TMO")}),
        ("The club meets on Tuesdays.", {"Tuesdays": ("SET", "XXXX-WXX-2")}),
        ("The club meets every Tuesday night.", {"every Tuesday night": ("SET", "XXXX-WXX-2TNI")}),
        (
            "Buses run Monday and Tuesday nights.",
            {"Monday": ("SET", "XXXX-WXX-1TNI"), "Tuesday nights": ("SET", "XXXX-WXX-2TNI")},
        ),
        (
            "Classes meet Monday, Wednesday and Friday afternoons.",
            {
                "Monday": ("SET", "XXXX-WXX-1TAF"),
                "Wednesday": ("SET", "XXXX-WXX-3TAF"),
                "Friday afternoons": ("SET", "XXXX-WXX-5TAF"),
            },
        ),
        # one night, not a habit: each weekday its own date
        (
            "He left Monday and returned Tuesday night.",
            {"Monday": ("DATE", "1998-02-09"), "Tuesday night": ("TIME", "1998-02-10TNI")},
        ),
    ],
)
def test_a_weekday_in_the_plural_with_a_part_of_day_is_a_set(sentence, expected):
    t = find_time_expressions(sentence, reference_date="1998-02-13")
    assert {r.text: (r.type, r.value) for r in t.itertuples()} == expected
    assert set(t["rule"]) == ({"set"} if all(typ == "SET" for typ, _ in expected.values()) else {"weekday"})


# ----- a range of counts before a unit: one expression, the lower bound ---------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Delivery takes two to six days.", {"two to six days": "P2D"}),
        ("The repairs need three or four weeks.", {"three or four weeks": "P3W"}),
        ("The talks may last nearly two to three months.", {"nearly two to three months": "P2M"}),
        ("The sentence could be 2 to 3 1/2 years.", {"2 to 3 1/2 years": "P2Y"}),
        ("Prices may rise over the next 12 to 18 months.", {"the next 12 to 18 months": "P12M"}),
        ("Sales fell in the past two or three years.", {"the past two or three years": "P2Y"}),
        ("The fix takes a week or two.", {"a week or two": "P1W"}),
        ("Delivery takes between two and six days.", {"two and six days": "P2D"}),
    ],
)
def test_a_range_of_counts_is_one_duration_with_its_lower_bound(sentence, expected):
    assert _values(sentence, "1998-02-13") == expected


# ----- "last <month>": the latest such month before the reference month ---------------


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("The plane crashed last February.", "1998-03-01", "1998-02"),  # the month just gone
        ("The mill closed last December.", "1990-01-10", "1989-12"),  # across the new year
        ("The plant opened last March.", "1998-03-20", "1997-03"),  # the reference month
        ("The plant opened last January.", "1998-03-20", "1998-01"),
        ("Sales peaked last April.", "1989-11-02", "1989-04"),
        ("Sales peaked last November.", "1989-11-02", "1988-11"),
    ],
)
def test_last_month_name_is_the_latest_before_the_reference_month(sentence, published, expected):
    (value,) = _values(sentence, published).values()
    assert value == expected


# ----- a yearless date after a date of its sentence read as ahead, with no tense of its own --


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The airline said new flights would start from April 2, with a third one leaving each Friday"
            " from September 9.",
            {"April 2": "1998-04-02", "each Friday": "XXXX-WXX-5", "September 9": "1998-09-09"},
        ),
        (
            "The fair runs from April 2 to September 9.",
            {"April 2": "1998-04-02", "September 9": "1998-09-09"},
        ),
        (
            "Tickets are on sale for April 2 and September 9.",
            {"April 2": "1998-04-02", "September 9": "1998-09-09"},
        ),
        # a date before the reference date lends nothing: what follows it may still lie ahead
        (
            "The gallery was shut from Dec. 20, with the east wing reopening on April 2.",
            {"Dec. 20": "1997-12-20", "April 2": "1998-04-02"},
        ),
        (
            "Ferries left the port from Nov. 2, with a third one sailing each Friday from Dec. 4.",
            {"Nov. 2": "1997-11-02", "each Friday": "XXXX-WXX-5", "Dec. 4": "1997-12-04"},
        ),
        # a clause with a tense of its own keeps its own reading
        (
            "Talks resume on April 2, but the last round ended on September 9.",
            {"April 2": "1998-04-02", "September 9": "1997-09-09"},
        ),
    ],
)
def test_a_yearless_date_in_a_following_clause_keeps_the_direction_of_the_one_before(sentence, expected):
    assert _values(sentence, "1998-02-13") == expected


# ----- "current" before a noun dates no event -----------------------------------------------------


def test_current_before_a_noun_leaves_the_event_to_the_date():
    article = kit.parse_article(
        "---\npublished: 1999-04-20\n---\nBoard\n\nThe current board approved the plan on March 3."
    )
    assert list(zip(article.timeline["text"], article.timeline["value"])) == [
        ("current", "PRESENT_REF"),
        ("March 3", "1999-03-03"),
    ]
    (event,) = article.events.itertuples()
    assert (event.text, event.timex_id, event.when) == ("approved", 1, "3 March 1999")


# ----- the edges of the rules above ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a count of decades before "later" is a length of time, like days
        (
            "He was arrested in 1985. Two decades later, he was freed.",
            {"1985": "1985", "Two decades": "P20Y"},
        ),
        # "a year ago" stays counted from the reference date after a length that is no results' period
        (
            "The plant, built in 1975, will close in six months. Output fell from a year ago.",
            {"1975": "1975", "six months": "P6M", "a year ago": "1988"},
        ),
        # the months of results with no quarter named: the year before the reference date
        (
            "In 1987 the company was founded. For the nine months, sales rose from a year earlier.",
            {"1987": "1987", "the nine months": "P9M", "a year earlier": "1988"},
        ),
        # after a fiscal quarter, the calendar quarter named later is the one "the quarter" means
        (
            "It earned $5 million in the fiscal first quarter. In the third quarter it lost money."
            " Sales for the quarter rose.",
            {"the fiscal first quarter": "1989-Q1", "the third quarter": "1989-Q3", "the quarter": "1989-Q3"},
        ),
        (
            "It earned $5 million in the fiscal first quarter, up from the year-earlier quarter.",
            {"the fiscal first quarter": "1989-Q1", "the year-earlier quarter": "1988-Q1"},
        ),
        # a clock time takes a day only across a bracket, a comma or "on", and not past a future cue
        (
            "He left home at 9 a.m. and returned Friday.",
            {"9 a.m.": "1989-10-26T09:00", "Friday": "1989-10-20"},
        ),
        (
            "He said on Monday that the store will open at 9 a.m.",
            {"Monday": "1989-10-23", "9 a.m.": "1989-10-26T09:00"},
        ),
        # "Saturday and Sunday nights" in the past tense are two nights, not a habit
        (
            "Protesters clashed with police on Saturday and Sunday nights.",
            {"Saturday": "1989-10-21TNI", "Sunday nights": "1989-10-22TNI"},
        ),
        # an opening time before a past verb and a later future cue is in the past
        (
            "On Friday the Dow fell 190 points and analysts say it will recover.",
            {"Friday": "1989-10-20"},
        ),
        # an ordinal day of a month or of each month is no anaphoric day
        ("The vote will be held on the first day of May.", {"May": "1990-05"}),
        ("Rent is due on the first day of each month.", {"each month": "P1M"}),
    ],
)
def test_the_edges_of_the_new_rules(sentence, expected):
    assert _values(sentence, "1989-10-26") == expected
