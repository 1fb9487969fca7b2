"""Shared words of the timeline: its errors, value vocabularies and the pieces of its patterns."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from kit.errors import KitError
from kit.lexicons import number_words


class TimelineError(KitError, ValueError):
    """A reference date, a time zone or a time the kit cannot read."""


class EventOrderError(KitError, ValueError):
    """A learner's ordering of events that cannot be checked as given."""


TYPES = ("DATE", "TIME", "DURATION", "SET")
"""TIMEX3 types: a calendar date (or week, month, year), a clock time, a length
of time, a repeated time."""

GRANULARITIES = (
    "century",
    "decade",
    "year",
    "season",
    "quarter",
    "month",
    "week",
    "day",
    "part_of_day",
    "hour",
    "minute",
    "second",
)
"""How fine a value is, coarse to fine."""

ANCHORS = ("absolute", "reference_date", "speaker_time", "vague")
"""What a value rests on."""

RELATIONS = ("BEFORE", "AFTER", "OVERLAP")

ARTICLE_HINT = (
    'a reference date is needed: give the article one with article.with_metadata(published="YYYY-MM-DD")'
)
"""The note on a relative expression when the article has no published date."""
STRING_HINT = 'a reference date is needed: pass reference_date="YYYY-MM-DD"'
"""The same note for :func:`find_time_expressions`."""

WEEK_WINDOW = dt.timedelta(days=7)
"""Rule 3: a year-less date may lie at most this far after the reference date."""
_MONTH_NUM = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = (
    r"(?:" + _MONTH_FULL + r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|"
    r"Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD = "(?:" + "|".join(_WEEKDAYS) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY_OF = r"(?:[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)\s(?:of\s)?|\s)"
"""A day before its month: "2 March", "2nd March", "2nd of March" ("of" only after an ordinal)."""
_WEEK_AFTER = r"(?:\s(?i:next|last|this)\sweek)"
"""A week after a weekday: "Friday next week"."""
_YEAR = r"(?:1[89]|20)\d\d"
_POD = r"(?:morning|afternoon|evening|night)"
_POD_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_BASE_NUMBER_WORDS = number_words()
_TENS_OF = {w: v for w, v in _BASE_NUMBER_WORDS.items() if v in range(20, 100, 10)}
_UNITS_OF = {w: v for w, v in _BASE_NUMBER_WORDS.items() if v in range(1, 10) and w not in ("a", "an")}
_NUMBER_WORDS = _BASE_NUMBER_WORDS | {
    f"{t}{sep}{u}": tv + uv for t, tv in _TENS_OF.items() for u, uv in _UNITS_OF.items() for sep in ("-", " ")
}
"""Counts in words ("three weeks", "twenty-four hours"), from kit/data/number_words.csv (shared with
kit.quotes), with the compounds of a ten and a unit."""
_VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a couple of", "couple of")
_NUM = (
    r"(?:\d{1,4}|(?:"
    + "|".join(sorted(_TENS_OF, key=len, reverse=True))
    + r")[\s-](?:"
    + "|".join(sorted(_UNITS_OF, key=len, reverse=True))
    + r")(?![\w-])|"
    + "|".join(sorted([*_BASE_NUMBER_WORDS, *_VAGUE_NUMBERS], key=len, reverse=True)).replace(" ", r"\s")
    + ")"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters|years?|decades?|century|centuries)"
_EXTRA = r"(?:more|additional|extra|further|trading|business|working)"
"""Words between a count and its unit ("two more weeks", "an additional year", "eight trading days")."""
_UNIT_CODE = {
    "second": ("S", "second", True),
    "minute": ("M", "minute", True),
    "hour": ("H", "hour", True),
    "day": ("D", "day", False),
    "week": ("W", "week", False),
    "fortnight": ("W", "week", False),
    "month": ("M", "month", False),
    "quarter": ("Q", "quarter", False),
    "year": ("Y", "year", False),
    "decade": ("Y", "decade", False),
    "century": ("Y", "century", False),
}
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm|AM|PM)(?![\w])"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d])|noon|midnight)"
)


def _coerce_reference(reference_date) -> dt.date | None:
    if reference_date is None:
        return None
    if isinstance(reference_date, pd.Timestamp):
        return reference_date.date()
    if isinstance(reference_date, dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, dt.date):
        return reference_date
    if isinstance(reference_date, str):
        try:
            return dt.date.fromisoformat(reference_date.strip())
        except ValueError:
            pass
    raise TimelineError(
        f"reference_date must be a date written YYYY-MM-DD (or a datetime.date), but got"
        f" {reference_date!r}. For example\n    timeline(article, reference_date='2023-12-26')"
    )


def _clock12(moment: dt.datetime) -> str:
    h = moment.hour % 12 or 12
    return f"{h}:{moment.minute:02d} {'a.m.' if moment.hour < 12 else 'p.m.'}"


def _instant(value: str) -> dt.datetime:
    v = value.replace("Z", "+00:00")
    return dt.datetime.fromisoformat(v)


_UNITS_WORDS = tuple(sorted(_UNITS_OF, key=_UNITS_OF.get))
"""One to nine in words, from kit/data/number_words.csv."""
_TEENS_WORDS = tuple(
    sorted((w for w, v in _BASE_NUMBER_WORDS.items() if 10 <= v <= 19), key=_BASE_NUMBER_WORDS.get)
)
"""Ten to nineteen in words."""
_TENS_WORDS = tuple(sorted(_TENS_OF, key=_TENS_OF.get))
"""Twenty to ninety in words."""
_SPELLED_YEAR = (
    r"(?:nineteen\s(?:(?:" + "|".join(_TENS_WORDS) + r")(?:[\s-](?:" + "|".join(_UNITS_WORDS) + r"))?"
    r"|" + "|".join(_TEENS_WORDS) + r"|hundred|oh[\s-](?:" + "|".join(_UNITS_WORDS) + r"))"
    r"|(?<=year\s)two\sthousand(?:\s(?:and\s)?(?:" + "|".join(_UNITS_WORDS) + r"))?)"
)
"""A year in words, as in spoken news ("nineteen ninety-six", "the year two thousand")."""


def spelled_year(text: str) -> int | None:
    """The year a year in words stands for.

    >>> spelled_year("nineteen ninety-six"), spelled_year("two thousand and one"), spelled_year("nine")
    (1996, 2001, None)
    """
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (_UNITS_WORDS.index(rest[0]) + 1 if rest else 0)
    if words[0] != "nineteen" or len(words) < 2:
        return None
    w = words[1]
    if w == "hundred":
        return 1900
    if w == "oh":
        return 1900 + _UNITS_WORDS.index(words[2]) + 1
    if w in _TEENS_WORDS:
        return 1910 + _TEENS_WORDS.index(w)
    unit = _UNITS_WORDS.index(words[2]) + 1 if len(words) > 2 else 0
    return 1900 + 10 * (_TENS_WORDS.index(w) + 2) + unit


_HOLIDAY_RULES = {
    "new year's day": (1, 1, None, None),
    "new year's eve": (12, 31, None, None),
    "valentine's day": (2, 14, None, None),
    "halloween": (10, 31, None, None),
    "independence day": (7, 4, None, None),
    "veterans day": (11, 11, None, None),
    "christmas eve": (12, 24, None, None),
    "christmas": (12, 25, None, None),
    "christmas day": (12, 25, None, None),
    "thanksgiving": (11, None, 3, 4),  # the fourth Thursday of November
    "thanksgiving day": (11, None, 3, 4),
    "labor day": (9, None, 0, 1),  # the first Monday of September
    "memorial day": (5, None, 0, -1),  # the last Monday of May
    "mother's day": (5, None, 6, 2),
    "father's day": (6, None, 6, 3),
    "election day": (11, None, 1, 0),  # the Tuesday after the first Monday of November
}
"""US and Christian holidays the news names: (month, day) or (month, weekday, nth)."""
_HOLIDAY = (
    r"(?:New\sYear['’]s\s(?:Day|Eve)|Valentine['’]s\sDay|Mother['’]s\sDay|Father['’]s\sDay"
    r"|(?:Independence|Veterans|Labor|Memorial|Election)\s[Dd]ay|Christmas(?:\s(?:[Dd]ay|[Ee]ve))?"
    r"|Thanksgiving(?:\s[Dd]ay)?|Halloween|Easter(?:\s(?:[Ss]unday|[Ww]eek))?)"
)
"""A holiday's name ("Thanksgiving Day", "Christmas Eve", "Easter week")."""


def holiday_date(name: str, year: int) -> dt.date:
    """The date of a holiday in a year (Easter by the Gregorian computus).

    >>> holiday_date("Thanksgiving Day", 1999), holiday_date("Election Day", 1998), holiday_date("Easter", 2000)
    (datetime.date(1999, 11, 25), datetime.date(1998, 11, 3), datetime.date(2000, 4, 23))
    """
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if key.startswith("easter"):
        a, b, c = year % 19, year // 100, year % 100
        d, e = divmod(b, 4)
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = divmod(c, 4)
        lm = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 19 * lm) // 433
        month = (h + lm - 7 * m + 90) // 25
        return dt.date(year, month, (h + lm - 7 * m + 33 * month + 19) % 32)
    month, day, weekday, nth = _HOLIDAY_RULES[key]
    if day is not None:
        return dt.date(year, month, day)
    if key == "election day":
        first_monday = 1 + (0 - dt.date(year, month, 1).weekday()) % 7
        return dt.date(year, month, first_monday + 1)
    if nth == -1:
        last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = 1 + (weekday - dt.date(year, month, 1).weekday()) % 7
    return dt.date(year, month, first + 7 * (nth - 1))
