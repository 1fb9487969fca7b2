"""Tests for kit.timeline: time expressions, events, constraints, the publication date."""

from __future__ import annotations

import datetime as dt
import random
import re
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.schemas import schema
from kit.timeline import (
    EventOrderError,
    TimelineError,
    build_timeline,
    check_order,
    chronology,
    convert_time,
    find_time_expressions,
    infer_published,
    is_timex_value,
    timeline,
    zone_lexicon,
)
from tests.conftest import HANG_LIMIT_S

ARTICLES = Path(__file__).parent / "articles"

# ----- the seed --------------------------------------------------------------

SEED_TIMELINE = [
    # timex_id, sentence_id, start, end, text, type, value, granularity, anchor, signal, rule
    (0, 1, 260, 272, "May 31, 2019", "DATE", "2019-05-31", "day", "absolute", "on", "date_mdy"),
    (1, 6, 1440, 1453, "earlier today", "DATE", "2023-12-25", "day", "speaker_time", None, "deictic"),
    (
        2,
        9,
        1875,
        1889,
        "Monday morning",
        "TIME",
        "2023-12-25TMO",
        "part_of_day",
        "reference_date",
        "on",
        "weekday",
    ),
    (
        3,
        10,
        2155,
        2174,
        "1:45 GMT on Tuesday",
        "TIME",
        "2023-12-26T01:45Z",
        "minute",
        "reference_date",
        "at",
        "clock",
    ),
    (4, 13, 2874, 2879, "years", "DURATION", "PXY", "year", "vague", "in", "vague_duration"),
    (5, 14, 2912, 2921, "October 7", "DATE", "2023-10-07", "day", "reference_date", "on", "date_md"),
    (6, 15, 3070, 3080, "November 2", "DATE", "2023-11-02", "day", "reference_date", "on", "date_md"),
]

SEED_EVENTS = [
    # event_id, sentence_id, text, event_class, description, timex_id, n_mentions
    (0, 1, "march", "parade", "the parade in Baghdad", 0, 2),
    (1, 2, "air strikes", "strike", "the strikes in Iraq", 3, 8),
    (2, 2, "drone attack", "drone_attack", "the drone attack on Erbil Air Base", 1, 6),
    (3, 3, "said", "statement", "the statement by Lloyd Austin", None, 2),
    (4, 4, "sustained injuries", "injury", "injuries (sentence 4)", None, 1),
    (5, 5, "killed", "killing", "killing (sentence 5)", None, 1),
    (6, 6, "series of attacks", "campaign", "the attacks in Iraq (sentence 6)", None, 1),
    (7, 7, "wounded", "injury", "injuries (sentence 7)", None, 1),
    (8, 7, "said", "statement", "the statement by Adrienne Watson", None, 1),
    (9, 8, "claimed", "statement", "the statement by the Islamic Resistance in Iraq", None, 1),
    (10, 9, "briefed", "briefing", "the briefing on the drone attack on Erbil Air Base", 2, 1),
    (11, 9, "directed", "direction", "the order to carry out the strikes in Iraq", None, 2),
    (12, 9, "ordering", "order", "an order (sentence 9)", None, 1),
    (13, 9, "said", "statement", "the statement by the National Security Council", None, 1),
    (14, 10, "killing", "killing", "killing (sentence 10)", None, 1),
    (15, 10, "destroying", "destruction", "destruction (sentence 10)", None, 1),
    (16, 10, "said", "statement", "the statement by Michael Erik Kurilla", None, 1),
    (17, 11, "support", "support", "support for the war in the Gaza Strip (sentence 11)", None, 1),
    (18, 11, "war", "war", "the war in the Gaza Strip", None, 1),
    (19, 11, "killed", "killing", "killing (sentence 11)", None, 1),
    (20, 12, "wounded", "injury", "injuries (sentence 12)", None, 1),
    (21, 13, "launched the war", "war_start", "the start of the war", 5, 2),
    (22, 13, "Operation", "operation", "the operation", None, 2),
    (23, 14, "backed", "support", "support for the attacks (sentence 14)", None, 1),
    (24, 14, "attacks", "campaign", "the attacks (sentence 14)", None, 1),
    (25, 15, "passed", "vote", "the vote", 6, 1),
    (26, 17, "vetoed", "veto", "the veto", None, 1),
]

SEED_CONSTRAINTS = [
    (1, "AFTER", 2, "signal"),
    (4, "OVERLAP", 1, "outcome"),
    (5, "OVERLAP", 1, "outcome"),
    (1, "AFTER", 6, "signal"),
    (7, "OVERLAP", 2, "outcome"),
    (11, "AFTER", 12, "signal"),
    (10, "AFTER", 2, "governs"),
    (11, "BEFORE", 1, "governs"),
    (14, "OVERLAP", 1, "outcome"),
    (15, "OVERLAP", 1, "outcome"),
    (17, "OVERLAP", 18, "governs"),
    (19, "OVERLAP", 18, "outcome"),
    (21, "AFTER", 22, "signal"),
    (23, "AFTER", 21, "signal"),
    (23, "OVERLAP", 24, "governs"),
    (3, "AFTER", 1, "report"),
    (3, "AFTER", 6, "report"),
    (3, "AFTER", 2, "report"),
    (8, "AFTER", 2, "report"),
    (8, "AFTER", 7, "report"),
    (9, "AFTER", 2, "report"),
    (13, "AFTER", 10, "report"),
    (13, "AFTER", 2, "report"),
    (13, "AFTER", 11, "report"),
    (13, "AFTER", 1, "report"),
    (13, "AFTER", 12, "report"),
    (16, "AFTER", 11, "report"),
    (16, "AFTER", 1, "report"),
    (16, "AFTER", 14, "report"),
    (16, "AFTER", 15, "report"),
    (0, "BEFORE", 21, "dates"),
    (10, "BEFORE", 1, "dates"),
    (21, "BEFORE", 25, "dates"),
    (25, "BEFORE", 2, "dates"),
    (25, "BEFORE", 10, "dates"),
]


def _na(value):
    return None if value is pd.NA or (not isinstance(value, str) and pd.isna(value)) else value


def _schema_holds(table: pd.DataFrame, name: str) -> None:
    cols = schema(name)
    assert list(table.columns) == [c.name for c in cols]
    for c in cols:
        assert str(table[c.name].dtype) == c.dtype, c.name
    assert isinstance(table.index, pd.RangeIndex) and table.index.start == 0


def test_seed_timeline_rows(seed):
    t = seed.timeline
    _schema_holds(t, "timeline")
    rows = [
        (
            r.timex_id,
            r.sentence_id,
            r.start_char,
            r.end_char,
            r.text,
            r.type,
            _na(r.value),
            r.granularity,
            r.anchor,
            _na(r.signal),
            r.rule,
        )
        for r in t.itertuples()
    ]
    assert rows == SEED_TIMELINE


def test_seed_timeline_notes(seed):
    notes = seed.timeline["anchor_note"].tolist()
    assert notes[0] == "the text gives the full date"
    assert notes[1].startswith(
        "inside Lloyd Austin's quote: relative to the time of the statement, Monday 25 December,"
        " US Eastern time"
    )
    assert "was 8:45 p.m. on Monday 25 December there" in notes[1]
    assert notes[2] == "the most recent Monday before the publication date 2023-12-26"
    assert notes[3] == "the same weekday as the publication date 2023-12-26; GMT is Greenwich Mean Time (UTC)"
    assert notes[4] == "'years': a length of time the text does not give"


def test_seed_events_rows(seed):
    e = seed.events
    _schema_holds(e, "events")
    rows = [
        (
            r.event_id,
            r.sentence_id,
            r.text,
            r.event_class,
            r.description,
            _na(r.timex_id),
            r.n_mentions,
        )
        for r in e.itertuples()
    ]
    assert rows == SEED_EVENTS
    assert e["narrative_position"].tolist() == list(range(len(e)))
    assert e["description"].is_unique


def test_seed_event_times(seed):
    e = seed.events.set_index("event_id")
    utc = lambda s: pd.Timestamp(s, tz="UTC")  # noqa: E731
    # the strikes: the minute of 01:45 GMT on Tuesday 26 December 2023
    assert (e.loc[1, "time_start"], e.loc[1, "time_end"]) == (
        utc("2023-12-26 01:45"),
        utc("2023-12-26 01:46"),
    )
    # the drone attack: Austin's "earlier today" (Monday in Washington), before the strikes
    assert (e.loc[2, "time_start"], e.loc[2, "time_end"]) == (
        utc("2023-12-25 05:00"),
        utc("2023-12-26 01:45"),
    )
    # the parade: 31 May 2019 in Baghdad
    assert (e.loc[0, "time_start"], e.loc[0, "time_end"]) == (
        utc("2019-05-30 21:00"),
        utc("2019-05-31 21:00"),
    )
    # the House vote: 2 November in Washington
    assert e.loc[25, "time_start"] == utc("2023-11-02 04:00")
    # undated, unbounded: the veto
    assert pd.isna(e.loc[26, "time_start"]) and pd.isna(e.loc[26, "time_end"])
    assert "dated_by_timex_3" in e.loc[1, "rule"] and "merged 8 mentions" in e.loc[1, "rule"]


def test_seed_event_when(seed):
    e = seed.events
    assert list(e.columns[-2:]) == ["when", "rule"]
    dated = e[e["timex_id"].notna()]
    assert dict(zip(dated["event_id"], dated["when"])) == {
        0: "31 May 2019",
        1: "26 December 2023 01:45 UTC",
        2: "25 December 2023",
        10: "Monday 25 December 2023, morning",
        21: "7 October 2023",
        25: "2 November 2023",
    }
    assert e.loc[e["timex_id"].isna(), "when"].isna().all()


def test_seed_constraints_rows(seed):
    c = seed.event_constraints
    _schema_holds(c, "event_constraints")
    rows = [(r.event_a, r.relation, r.event_b, r.rule) for r in c.itertuples()]
    assert rows == SEED_CONSTRAINTS
    assert c.loc[0, "evidence"] == "'after a military base ... under a drone attack'"
    assert c.loc[7, "evidence"] == "'directed the strikes'"
    assert c.loc[30, "evidence"] == "'May 31, 2019' (2019-05-31) is before 'October 7' (2023-10-07)"


def test_seed_order_is_partial_and_consistent(seed):
    order = chronology(seed)
    assert sorted(order) == list(range(len(seed.events)))
    assert check_order(seed, order).empty
    # the veto is in no constraint: the text leaves its place open
    c = seed.event_constraints
    assert 26 not in set(c["event_a"]) | set(c["event_b"])


def test_check_order_explains(seed):
    broken = check_order(seed, ["the strikes in Iraq", "the drone attack on Erbil Air Base"], partial=True)
    assert broken["explanation"].tolist() == [
        "You put 'the strikes in Iraq' (event 1) before 'the drone attack on Erbil Air Base' (event 2),"
        " but the text says the strikes in Iraq came after it: 'after a military base ... under a drone"
        " attack'."
    ]
    assert list(broken.columns) == [
        "constraint_id",
        "event_a",
        "relation",
        "event_b",
        "evidence",
        "rule",
        "explanation",
    ]
    reverse = list(reversed(chronology(seed)))
    assert len(check_order(seed, reverse)) > 10
    assert check_order(seed, [1, 11], partial=True)["rule"].tolist() == ["governs"]


@pytest.mark.parametrize(
    ("order", "message"),
    [
        (
            [1, 1],
            "Your order lists event 1 ('the strikes in Iraq') more than once. Put each event in the list once.",
        ),
        (
            [99],
            "There is no event 99: the event_id numbers of this article run from 0 to 26. See"
            " article.events[['event_id', 'description']].",
        ),
        (
            ["the strike"],
            "No event is described as 'the strike'. Did you mean 'the strikes in Iraq'? The events are listed in"
            " article.events[['event_id', 'description']]; use their descriptions or their event_id numbers.",
        ),
        (
            [0, 1],
            "Your order leaves out event 2 ('the drone attack on Erbil Air Base'), 3 ('the statement by Lloyd"
            " Austin'), 4 ('injuries (sentence 4)'), 5 ('killing (sentence 5)'), 6 ('the attacks in Iraq"
            " (sentence 6)') and 20 more. List every event once, or check only the events you listed with\n"
            "    kit.check_order(article, order, partial=True)",
        ),
        ("1, 2", "check_order() takes a list of events (event_id numbers or descriptions), but got '1, 2'."),
        (
            [1.5],
            "Each event in the order must be an event_id (a whole number) or a description, but 1.5 is a float.",
        ),
    ],
)
def test_check_order_bad_input(seed, order, message):
    with pytest.raises(EventOrderError) as err:
        check_order(seed, order)
    assert str(err.value).startswith(message)
    assert isinstance(err.value, ValueError)


def test_infer_published_seed(seed):
    clues = infer_published(seed)
    lo, hi = clues.attrs["interval"]
    assert (lo, hi) == (dt.date(2023, 12, 26), dt.date(2023, 12, 28))
    assert lo <= seed.published <= hi and (hi - lo).days <= 3
    last = clues.iloc[-1]
    assert last["rule"] == "combined"
    assert last["implies"] == (
        "from the text alone: published on or after Friday 31 May 2019; with outside knowledge (the"
        " known-events table kit/data/time_known_events.csv): published between Tuesday 26 December 2023"
        " and Monday 1 January 2024; adding the freshness assumption: published between Tuesday 26"
        " December 2023 and Thursday 28 December 2023"
    )
    assert clues.attrs["interval_text"] == (dt.date(2019, 5, 31), None)
    assert clues.attrs["interval_knowledge"] == (dt.date(2023, 12, 26), dt.date(2024, 1, 1))
    assert clues["evidence"].tolist() == [
        "outside knowledge",
        "outside knowledge",
        "outside knowledge",
        "outside knowledge",
        "text",
        "text",
        "text",
        "text + outside knowledge",
        "text + outside knowledge",
        "text + outside knowledge",
        "assumption",
        "all clues",
    ]
    # each outside-knowledge row says so and cites its source
    for r in clues[clues["rule"] == "known_event"].itertuples():
        assert r.implies.startswith("outside knowledge, not the text:") and "(source: http" in r.implies
    assert clues["rule"].tolist() == [
        "known_event",
        "known_event",
        "known_event",
        "known_event",
        "explicit_date",
        "quoted_deictic",
        "weekday",
        "weekday",
        "yearless_date",
        "yearless_date",
        "freshness",
        "combined",
    ]
    weekday = clues[clues["clue"] == "1:45 GMT on Tuesday"].iloc[0]
    assert (weekday["earliest"], weekday["latest"]) == (
        pd.Timestamp("2023-12-26"),
        pd.Timestamp("2024-01-01"),
    )
    # offsets slice to the clue's words
    for r in clues.dropna(subset=["start_char"]).itertuples():
        assert seed.text[r.start_char : r.end_char].lower() == r.clue.lower().replace("'", "’") or (
            kit.lexicons.match_form(seed.text[r.start_char : r.end_char]) == kit.lexicons.match_form(r.clue)
        )


def test_infer_published_uses_no_metadata(seed):
    bare = kit.parse_article(seed.text)  # no published date at all
    assert bare.published is None
    assert infer_published(bare).attrs["interval"] == infer_published(seed).attrs["interval"]
    text_only = infer_published(seed, known_events=False, freshness_days=None)
    assert text_only.attrs["interval"] == (dt.date(2019, 5, 31), None)


def test_infer_published_bad_known_events(seed):
    with pytest.raises(TimelineError, match="known_events must be True"):
        infer_published(seed, known_events="yes")
    with pytest.raises(TimelineError, match="lacks 'what'"):
        infer_published(seed, known_events=pd.DataFrame({"cues": ["x"], "date": ["2020-01-01"]}))


def test_convert_time():
    assert convert_time("2023-12-26 01:45", "GMT", "Iraq") == pd.Timestamp(
        "2023-12-26 04:45", tz="Asia/Baghdad"
    )
    washington = convert_time("1:45", "GMT", "Washington", on="2023-12-26")
    assert (washington.day, washington.hour, washington.minute) == (25, 20, 45)
    assert convert_time("8:45 p.m.", "Pentagon", "UTC", on="2023-12-25").hour == 1
    assert convert_time(dt.datetime(2024, 7, 1, 12), "America/New_York", "UTC").hour == 16  # summer time


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("1:45", "GMT", "Mars"), {"on": "2023-12-26"}, "Unknown time zone 'Mars' for to_zone."),
        (("1:45", "GMT", "Iraq"), {}, "'1:45' is a clock time without a date"),
        (("soon", "GMT", "Iraq"), {}, "convert_time() cannot read the time 'soon'."),
        ((145, "GMT", "Iraq"), {}, "convert_time() takes a time as a string or a datetime, but got a int."),
    ],
)
def test_convert_time_bad_input(args, kwargs, message):
    with pytest.raises(TimelineError) as err:
        convert_time(*args, **kwargs)
    assert str(err.value).startswith(message)


def test_reference_date(seed):
    t = timeline(seed, reference_date="2024-01-03")
    assert t["value"].tolist()[2:4] == ["2024-01-01TMO", "2024-01-02T01:45Z"]
    assert timeline(seed).equals(seed.timeline)
    with pytest.raises(TimelineError) as err:
        build_timeline(seed, reference_date="26/12/2023")
    assert str(err.value).startswith(
        "reference_date must be a date written YYYY-MM-DD (or a datetime.date), but got '26/12/2023'."
    )


def test_zone_lexicon_has_sources():
    z = zone_lexicon()
    assert {"Pentagon", "White House", "CENTCOM", "Baghdad", "Iraq", "GMT", "UTC", "EST"} <= set(z["name"])
    assert z["source"].str.len().min() > 10
    from zoneinfo import ZoneInfo

    for name in z["zone"]:
        ZoneInfo(name)  # every zone exists in the IANA database


# ----- articles of other shapes ---------------------------------------------------

OWN_ARTICLES = {
    "storm": [  # published Thursday 2024-03-14
        ("Friday", "2024-03-15", "reference_date"),  # headline: "closes coastal roads until Friday"
        ("yesterday", "2024-03-13", "reference_date"),
        ("Friday", "2024-03-15", "reference_date"),  # "will stay closed until Friday"
        ("9 a.m. local time on Wednesday", "2024-03-13T09:00Z", "reference_date"),  # London, winter time
        ("last week", "2024-W10", "reference_date"),
        ("March", "2024-03", "reference_date"),
    ],
    "trial": [  # published Friday 2023-10-20
        ("Oct. 17", "2023-10-17", "reference_date"),
        ("a year before Jan. 5, 2023", "2022-01-05", "absolute"),
        ("three days", "P3D", "absolute"),
        ("every Monday", "XXXX-WXX-1", "absolute"),
    ],
    "election": [  # published Friday 2024-01-05
        ("December 30", "2023-12-30", "reference_date"),  # more than a week ahead in 2024: last year
        ("Monday", "2024-01-01", "reference_date"),
        ("last month", "2023-12", "reference_date"),
        ("Tuesday", "2024-01-09", "reference_date"),  # "will meet again on Tuesday": future tense
        ("daily", "P1D", "absolute"),
        ("tonight", "2024-01-05TNI", "reference_date"),
    ],
    "quake": [  # published Tuesday 2022-08-02
        ("3:10 UTC on Monday", "2022-08-01T03:10Z", "reference_date"),
        ("two days ago", "2022-07-31", "reference_date"),
        ("Tuesday morning", "2022-08-02TMO", "reference_date"),
        ("2019", "2019", "absolute"),
        ("May 5, 2021", "2021-05-05", "absolute"),
    ],
    "summit": [  # published Tuesday 2024-06-11
        ("11:30 p.m. EDT on Monday", "2024-06-10T23:30-04:00", "reference_date"),
        ("today", "2024-06-10", "speaker_time"),  # Blinken's today: Monday evening in Washington
        ("next week", "2024-W25", "reference_date"),
        ("the past three days", "P3D", "reference_date"),
    ],
}


@pytest.mark.parametrize("name", sorted(OWN_ARTICLES))
def test_own_articles(name):
    article = kit.load_article(ARTICLES / f"time_{name}.txt")
    t = article.timeline
    got = [(r.text, _na(r.value), r.anchor) for r in t.itertuples()]
    assert got == OWN_ARTICLES[name]
    _invariants(article.text, t)
    order = chronology(article)
    assert check_order(article, order).empty


def test_summit_speaker_note():
    article = kit.load_article(ARTICLES / "time_summit.txt")
    note = article.timeline.loc[1, "anchor_note"]
    assert note.startswith(
        "inside Antony Blinken's quote: relative to the time of the statement, Monday 10 June"
    )


def test_find_time_expressions_shapes():
    cases = {
        "on Oct. 17": "2023-10-17",
        "at 9 a.m. local time": "2023-12-26T09:00",
        "in March": "2023-03",
        "a year before May 31, 2019": "2018-05-31",
        "until Friday": "2023-12-29",
        "last week": "2023-W51",
        "yesterday": "2023-12-25",
        "for three days": "P3D",
        "every Monday": "XXXX-WXX-1",
        "at 8:45 p.m. EST on December 25": "2023-12-25T20:45-05:00",
        "in 2019": "2019",
        "the past two weeks": "P2W",
        "three hours": "PT3H",
    }
    for phrase, value in cases.items():
        t = find_time_expressions(f"It happened {phrase}.", reference_date="2023-12-26")
        assert t["value"].tolist() == [value], phrase
    # "May" and "March" as words are no dates; numbers alone are no times
    assert find_time_expressions(
        "Prices may march on; 12 people and 2,000 cars.", reference_date="2023-12-26"
    ).empty


# ----- invariants ------------------------------------------------------------------------


def _invariants(text: str, t: pd.DataFrame) -> None:
    assert t["timex_id"].tolist() == list(range(len(t)))
    for r in t.itertuples():
        assert text[r.start_char : r.end_char] == r.text
        assert r.value is pd.NA or is_timex_value(r.value, r.type), (r.value, r.type)
        if r.value is pd.NA:
            assert r.anchor == "vague"
    assert (t["start_char"].diff().dropna() > 0).all()


FRAGMENTS = [
    "May 31, 2019",
    "Oct. 17",
    "on Monday morning",
    "1:45 GMT on Tuesday",
    "at 9 a.m. local time",
    "earlier today",
    "yesterday",
    "last week",
    "in years",
    "for three days",
    "a year before March 3, 2020",
    "until Friday",
    "every Monday",
    "daily",
    "in March",
    "since 2014",
    "12",
    "2,000",
    "3:61",
    "February 30",
    "May",
    "will",
    "the",
    "Baghdad",
    ",",
    "“",
    "”",
    "\u00a0",
    "Kata’ib",
    "25 December",
    "two days ago",
    "now",
    "the third quarter",
    "last summer",
    "the 1990s",
    "the 20th century",
    "a few weeks",
    "the day before",
    "3:07:35",
    "2009-2010",
    "nearly seven years",
    "annually",
    "his 22-year-old son",
    "Friday afternoon",
]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=25),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 10, 1))),
)
def test_finder_invariants(parts, ref):
    text = " ".join(parts)
    _invariants(text, find_time_expressions(text, reference_date=ref))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=20))
def test_article_invariants(parts):
    body = " ".join(parts)
    article = kit.parse_article(f"---\npublished: 2023-12-26\n---\nHeadline here\n\n{body}. Then {body}.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kit.KitWarning)  # unclosed quotation marks are warned about elsewhere
        _invariants(article.text, article.timeline)
        e = article.events
    for r in e.itertuples():
        assert article.text[r.start_char : r.end_char] == r.text
    ids = set(e["event_id"])
    c = article.event_constraints
    assert set(c["event_a"]) <= ids and set(c["event_b"]) <= ids
    assert check_order(article, chronology(article)).empty or len(c) > 0


@pytest.mark.parametrize("kind", ["numbers", "words", "dense", "names"])
def test_megabyte_finishes(kind):
    rng = random.Random(0)
    if kind == "numbers":
        text = " ".join(str(rng.randint(0, 99999)) for _ in range(180_000))[:1_000_000]
    elif kind == "words":
        text = "a " * 500_000
    elif kind == "dense":  # one long "sentence" of dates with no full stop
        text = ("On Monday 12 people met at 9 a.m., " * 30_000)[:1_000_000]
    else:  # one long "sentence" of title-case time words after names (the name test reads a window)
        text = ("the minister Mr Brown Today said the fiscal first quarter and the quarter " * 14_000)[
            :1_000_000
        ]
    started = time.perf_counter()
    t = find_time_expressions(text, reference_date="2023-12-26")
    assert time.perf_counter() - started < HANG_LIMIT_S
    if kind == "numbers":
        assert len(t) == 0
    assert re.fullmatch(r"[ \d]*", text) or kind != "numbers"


def test_nothing_calls_the_network(monkeypatch, seed):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the timeline tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    fresh = kit.load_article()
    fresh.timeline, fresh.events, fresh.event_constraints, infer_published(fresh)


def test_every_rule_has_a_normaliser_and_a_line_in_the_docs():
    """The rule table matches the finder's patterns and the documented rule list."""
    import kit.timeline as tl
    from kit.timeline.finding import _patterns

    found = {name for name, _ in _patterns()} | {"offset_date", "day_of_month"}
    assert set(tl.NORMALISERS) == found
    for rule in found:
        assert f"``{rule}``" in tl.__doc__, rule


def test_function_tables_have_schemas(seed):
    """kit.describe documents the tables infer_published and check_order return."""
    for name, table in (
        ("infer_published", infer_published(seed)),
        ("check_order", check_order(seed, [1, 2], partial=True)),
    ):
        described = kit.describe(name)
        assert described["column"].tolist() == table.columns.tolist()
        assert described["dtype"].tolist() == [str(d) for d in table.dtypes]


def test_timeline_steps_are_built_once(seed):
    """The shared intermediate results are steps of the article's one cache."""
    fresh = kit.load_article()
    fresh.events, fresh.event_constraints, fresh.timeline  # noqa: B018
    assert {"_timexes", "_time_events"} <= set(fresh._cache)
    assert "_timeline_cache" not in fresh.__dict__


# ----- fixes: day-month-year, weekday + date, no reference date, events, when ---------------


@pytest.mark.parametrize(
    "phrase, text, value, anchor, rule",
    [
        ("It happened 2 March 2024.", "2 March 2024", "2024-03-02", "absolute", "date_dmy"),
        ("On 31 May 2019 they marched.", "31 May 2019", "2019-05-31", "absolute", "date_dmy"),
        ("25 December 2023 was cold.", "25 December 2023", "2023-12-25", "absolute", "date_dmy"),
        ("a year before 2 March 2024", "a year before 2 March 2024", "2023-03-02", "absolute", "offset_date"),
        ("It happened 2 March.", "2 March", "2024-03-02", "reference_date", "date_dm"),
        ("It happened on the 2nd of March.", "2nd of March", "2024-03-02", "reference_date", "date_dm"),
        ("It happened on March 2nd.", "March 2nd", "2024-03-02", "reference_date", "date_md"),
        ("March 2024 was wet.", "March 2024", "2024-03", "absolute", "month_year"),
        (
            "Tuesday, 2 January 2024 was cold.",
            "Tuesday, 2 January 2024",
            "2024-01-02",
            "absolute",
            "weekday_date",
        ),
        (
            "Roads stay closed until Friday next week.",
            "Friday next week",
            "2024-03-22",
            "reference_date",
            "weekday",
        ),
        ("He left on Friday last week.", "Friday last week", "2024-03-08", "reference_date", "weekday"),
    ],
)
def test_day_month_year(phrase, text, value, anchor, rule):
    t = find_time_expressions(phrase, reference_date="2024-03-14")
    assert t[["text", "value", "anchor", "rule"]].values.tolist() == [[text, value, anchor, rule]]


def test_weekday_disagrees_with_date():
    t = find_time_expressions("Monday, 2 January 2024 was cold.", reference_date="2024-03-14")
    assert len(t) == 1 and t.loc[0, "value"] == "2024-01-02"
    assert t.loc[0, "anchor_note"].endswith(
        "the text says Monday, but 2 January 2024 is a Tuesday: the kit keeps the date"
    )


def test_no_reference_date_is_vague():
    t = find_time_expressions("On Tuesday he named 2 March and 2 March 2024.")
    assert t[["value", "anchor"]].values.tolist() == [
        ["XXXX-WXX-2", "vague"],
        ["XXXX-03-02", "vague"],
        ["2024-03-02", "absolute"],
    ]
    assert t.loc[0, "anchor_note"].endswith('a reference date is needed: pass reference_date="YYYY-MM-DD"')
    bare = kit.parse_article("Storm\n\nA storm hit the coast on Monday.")
    row = bare.timeline.iloc[0]
    assert (row.value, row.anchor) == ("XXXX-WXX-1", "vague")
    assert row.anchor_note.endswith('article.with_metadata(published="YYYY-MM-DD")')
    assert not (bare.timeline["anchor"] == "reference_date").any()


INVENTED = """Israeli forces strike fighters in Khan Younis

Israeli forces carried out surgical strikes on Hamas fighters in Khan Younis near Israel's border on Monday.

Gaza's Hamas-run health ministry said 20 people were killed in the strikes.

On Tuesday, Israeli officials said they had prevented an imminent attack on Israel and a planned strike.

Later, the army carried out a planned strike in Gaza.
"""


def test_invented_events():
    a = kit.parse_article(INVENTED, metadata={"published": "2024-01-09"})
    e = a.events.set_index("event_id")
    described = dict(zip(e["text"] + "@" + e["sentence_id"].astype(str), e["description"]))
    # the object of "on" is Hamas fighters, not Israel (named later, as a possessive); the place
    # comes from the strike of sentence 4, which happened ("carried out a planned strike")
    assert described["strikes@1"] == "the strikes in Gaza"
    assert e.loc[e["sentence_id"] == 1, "n_mentions"].tolist()[0] == 3
    assert described["said@2"] == "the statement by Gaza's health ministry"
    assert described["attack@3"] == "the attack on Israel (not reported as happened)"
    assert described["strike@3"].endswith("(not reported as happened)")
    unreal = e[e["description"].str.endswith("(not reported as happened)")]
    # not dated by Tuesday (the time of the statement), no constraint, no when
    assert unreal["timex_id"].isna().all() and unreal["when"].isna().all()
    assert unreal["time_start"].isna().all() and unreal["time_end"].isna().all()
    c = a.event_constraints
    assert not (c["event_a"].isin(unreal.index) | c["event_b"].isin(unreal.index)).any()
    assert all("unrealised" in r for r in unreal["rule"])
    assert 4 not in set(e["sentence_id"])
    assert e.loc[e["sentence_id"] == 1, "when"].tolist()[0] == "Monday 8 January 2024"


@pytest.mark.parametrize(
    "sentence, descriptions",
    [
        (
            "Israeli forces carried out strikes on Hamas fighters in Khan Younis, Israel's military said.",
            ["the strikes", "the statement by Israel's military"],
        ),
        (
            "Israeli forces carried out strikes on Hamas positions near Israel on Monday.",
            ["the strikes near Israel"],
        ),
    ],
)
def test_description_takes_the_object(sentence, descriptions):
    a = kit.parse_article("Head\n\n" + sentence, metadata={"published": "2024-01-09"})
    assert a.events["description"].tolist() == descriptions


# ----- TimeML: each kind of expression (sentences written for the test) ------------------------

REF = "2024-05-01"  # a Wednesday


def _found(sentence: str, reference_date: str | None = REF) -> list[tuple[str, str, str]]:
    t = find_time_expressions(sentence, reference_date=reference_date)
    return [(r.text, r.type, _na(r.value)) for r in t.itertuples()]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Prices are now higher.", [("now", "DATE", "PRESENT_REF")]),
        ("The mill is currently closed.", [("currently", "DATE", "PRESENT_REF")]),
        ("Farms were smaller in the past.", [("the past", "DATE", "PAST_REF")]),
        ("The road was empty at the time.", [("the time", "DATE", "PAST_REF")]),
        ("Nobody knows what the future holds.", [("the future", "DATE", "FUTURE_REF")]),
    ],
)
def test_present_past_future_references(sentence, expected):
    """Item 1: references to the present, the past and the future (TimeML *_REF values)."""
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Police recalled a 2010 raid.", [("2010", "DATE", "2010")]),
        ("The plant ran in 2009-2010.", [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
        ("Some 2000 troops left.", []),
        ("The 1990s were calm.", [("The 1990s", "DATE", "199")]),
        ("It was built in the 19th century.", [("the 19th century", "DATE", "18")]),
        ("Rain fell last summer.", [("last summer", "DATE", "2023-SU")]),
        ("Sales rose in the third quarter.", [("the third quarter", "DATE", "2024-Q1")]),
        ("Third-quarter profit fell.", [("Third-quarter", "DATE", "2024-Q1")]),
        ("Costs will rise this fiscal year.", [("this fiscal year", "DATE", "2024")]),
        ("Prices may double over the next decade.", [("the next decade", "DURATION", "P10Y")]),
        ("It will take the next few months.", [("the next few months", "DURATION", "PXM")]),
    ],
)
def test_years_quarters_seasons_decades(sentence, expected):
    """Item 2: bare years and ranges, decades, centuries, seasons and named parts of years.

    A numbered quarter without a year is the latest that has begun by the reference
    date: on 1 May 2024 the third quarter is that of 2023."""
    if "quarter" in sentence.lower():
        expected = [(text, typ, "2023-Q3") for text, typ, _ in expected]
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She won the marathon in 3:07:35.", [("3:07:35", "DURATION", "PT3H7M35S")]),
        ("They met on Friday afternoon.", [("Friday afternoon", "TIME", "2024-04-26TAF")]),
    ],
)
def test_clock_times(sentence, expected):
    """Item 3: race times are durations; a part of a day is a TIME."""
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The talks have lasted for years.", [("years", "DURATION", "PXY")]),
        ("Approval can now take weeks.", [("now", "DATE", "PRESENT_REF"), ("weeks", "DURATION", "PXW")]),
        ("Minutes before the vote, the hall emptied.", [("Minutes", "DURATION", "PTXM")]),
        ("It rained for a few days.", [("a few days", "DURATION", "PXD")]),
        ("Prices fell in recent weeks.", [("recent weeks", "DURATION", "PXW")]),
    ],
)
def test_vague_durations(sentence, expected):
    """Item 4: a length the text does not give is PXD, PXW, PXM, PXY (PTXM for minutes)."""
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The fair is held annually.", [("annually", "SET", "P1Y")]),
        ("The board meets every week.", [("every week", "SET", "P1W")]),
        ("She calls every Monday.", [("every Monday", "SET", "XXXX-WXX-1")]),
    ],
)
def test_repeated_times(sentence, expected):
    """Item 5: repeated times are SETs with TimeML values."""
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, text, signal",
    [
        ("The strike lasted almost seven years.", "almost seven years", None),
        ("He waited for nearly forty years.", "nearly forty years", "for"),
        ("The talks failed late yesterday.", "late yesterday", None),
        ("The rent is due at the end of November.", "the end of November", "at"),
        ("Prices fell in recent weeks.", "recent weeks", "in"),
        ("It has rained for years.", "years", "for"),
        ("The market fell over the last week.", "the last week", "over"),
    ],
)
def test_spans_follow_timeml(sentence, text, signal):
    """Item 6: modifiers and determiners inside the span, the preposition outside (a signal)."""
    t = find_time_expressions(sentence, reference_date=REF)
    assert t["text"].tolist() == [text]
    assert _na(t.loc[0, "signal"]) == signal


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The shop will close on April 15.", "2025-04-15"),
        ("The report is due to be published in May.", "2024-05"),
        ("The next payment is due to arrive on March 19.", "2025-03-19"),
        ("The dividend is payable June 14.", "2024-06-14"),
        ("The fire happened on June 14.", "2023-06-14"),
        ("The fire happened in March.", "2024-03"),
        ("Police said Monday that the road will reopen.", "2024-04-29"),
    ],
)
def test_dates_without_a_year_follow_the_tense(sentence, value):
    """Item 7: the next one in the future tense, the nearest otherwise, the latest after a past verb."""
    assert [v for _, _, v in _found(sentence)] == [value]


def test_future_date_reaches_events():
    """Item 7: the right year of a future date also dates the event it belongs to."""
    article = kit.parse_article(
        "Museum to close\n\nThe museum will close on April 15 after the flood.",
        metadata={"published": dt.date(2024, 5, 1)},
    )
    assert article.timeline["value"].tolist() == ["2025-04-15"]
    dated = article.events.dropna(subset=["timex_id"])
    assert all(e.year == 2025 for e in dated["time_start"]) or dated.empty


@pytest.mark.parametrize(
    "sentence",
    [
        "The clinic treats children ages 6 months and older.",
        "His 22-year-old son was there.",
        "She ran a sub-five-minute mile.",
    ],
)
def test_ages_and_compound_adjectives_are_no_times(sentence):
    """Item 8: ages and compound adjectives are not time expressions."""
    assert _found(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The day before, the river rose.", [("The day before", "DATE", "XXXX-XX-XX")]),
        ("On the 99th day of the strike, talks resumed.", [("the 99th day", "DATE", "XXXX-XX-XX")]),
        ("A year earlier, the mill closed.", [("A year earlier", "DATE", "XXXX")]),
        ("The previous week was calm.", [("The previous week", "DATE", "XXXX-WXX")]),
    ],
)
def test_anaphoric_expressions_are_underspecified(sentence, expected):
    """Item 9: expressions counted from another time are found, with X for what is unknown."""
    assert _found(sentence) == expected
    t = find_time_expressions(sentence, reference_date=REF)
    assert t.loc[0, "anchor"] == "vague"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 10, 1))),
)
def test_every_value_is_a_timex3_value_for_its_type(parts, ref):
    """Every value the finder writes is a valid TIMEX3 value for its row's type."""
    t = find_time_expressions(" and ".join(parts) + ".", reference_date=ref)
    for r in t.itertuples():
        assert r.value is pd.NA or is_timex_value(r.value, r.type), (r.text, r.type, r.value)


def test_infer_published_shows_each_clues_weight(seed):
    """Item 12: each clue says whether it sets an end of the final interval."""
    clues = infer_published(seed)
    lo, hi = clues.attrs["interval"]
    for r in clues.itertuples():
        if r.rule == "combined":
            assert r.effect == "the interval of all clues"
        elif pd.notna(r.earliest) and r.earliest.date() == lo:
            assert r.effect.startswith("sets the earliest date")
        elif pd.notna(r.latest) and r.latest.date() == hi:
            assert r.effect == "sets the latest date"
        elif pd.isna(r.earliest) and pd.isna(r.latest):
            assert r.effect == "narrows nothing by itself"
        else:
            assert r.effect.startswith("outweighed")
    assert clues.loc[clues["rule"] == "freshness", "effect"].item() == "sets the latest date"


def test_events_with_learner_words_adds_rows_and_leaves_the_article(seed):
    """A learner's event word adds its event, says so in ``rule``, and ``article.events`` stays."""
    from kit.timeline import events

    before = seed.events.copy()
    pd.testing.assert_frame_equal(events(seed), before)
    e = events(seed, extra_event_words=pd.DataFrame([{"form": "Call", "class": "meeting", "pos": None}]))
    learner = e[e["rule"].str.contains("+learner", regex=False)]
    assert learner[["sentence_id", "text", "trigger", "event_class", "rule"]].values.tolist() == [
        [9, "call", "call", "meeting", "trigger+learner"]
    ]
    assert len(e) == len(before) + 1
    mine = e.drop(learner.index)
    assert mine["trigger"].tolist() == before["trigger"].tolist()
    assert not mine["rule"].str.contains("learner").any()
    pd.testing.assert_frame_equal(seed.events, before)
    # a form the shipped list has keeps its class and adds nothing
    pd.testing.assert_frame_equal(events(seed, extra_event_words={"form": "war", "class": "meeting"}), before)


def test_events_learner_words_errors_are_clear(seed):
    """Bad learner event words get a message that names the row and the options."""
    from kit.timeline import events

    with pytest.raises(ValueError) as err:
        events(seed, extra_event_words=[{"form": "call", "class": "meeting", "pos": "nuon"}])
    assert str(err.value) == (
        "extra_event_words row 0 has pos 'nuon', which is not a part of speech the kit knows."
        " Did you mean 'noun'? The parts of speech are 'noun', 'verb'."
        ' For example: extra_event_words=[{"form": "call", "class": "meeting", "pos": "noun"}]'
    )
    with pytest.raises(ValueError, match=r"row 0 has class 'statement': statements come from the quotes"):
        events(seed, extra_event_words=[{"form": "remarked", "class": "statement"}])
    with pytest.raises(ValueError, match=r"row 1 .* has no 'class'"):
        events(seed, extra_event_words=[{"form": "call", "class": "meeting"}, {"form": "talks"}])
    with pytest.raises(TypeError, match="extra_event_words must be a DataFrame"):
        events(seed, extra_event_words="call")
