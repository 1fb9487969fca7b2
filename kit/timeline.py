"""Timeline: time expressions, the events they date, and the order of events.

A news article tells events in the order that makes a story (the latest news
first), not in the order they happened. This module rebuilds the chronology in
three tables and three functions:

``article.timeline``
    One row per time expression (TIMEX3-lite, after TimeML's TIMEX3 tag:
    ``type``, ``value``), normalised against a *reference date*.
``article.events``
    One row per event the article reports, with the expression that dates it,
    its place in the text (``narrative_position``) and the interval it
    happened in, as far as the text says.
``article.event_constraints``
    BEFORE / AFTER / OVERLAP between two events, each with the words that say
    so. Where the text does not decide, the order stays partial.
:func:`check_order`
    Checks a learner's ordering of the events against the constraints.
:func:`infer_published`
    The feasible publication dates, from the article's own evidence.
:func:`convert_time`
    Converts a clock time between time zones.

Finding time expressions
------------------------
The finder reads each sentence with small regular expressions (each runs in
linear time: no nested repetition). Where two matches overlap, the one that
starts first wins, then the longer one. The ``rule`` column names the pattern:

``date_mdy`` / ``date_dmy``
    A full date: "May 31, 2019", "Oct. 17, 2023", "31 May 2019".
``date_md`` / ``date_dm``
    A date without a year: "October 7", "Oct. 17", "25 December".
``date_iso``
    "2023-12-25".
``weekday_date``
    "Monday, December 25": the weekday is redundant.
``month_year``, ``month``, ``year``
    "March 2019"; "in March", "since March", "last March" (a month name
    alone counts only after a preposition or a modifier, because "March" and
    "May" are also ordinary words); "in 2019", "since 2014".
``weekday``
    "Tuesday", "Monday morning", "last Friday", "until Friday".
``clock``
    "1:45 GMT on Tuesday", "9 a.m. local time", "8:45 p.m. EST on December
    25", "noon"; ``day_clock``: "Tuesday at 9 a.m.".
``deictic``
    Words that point from the moment of writing: "today", "earlier today",
    "tonight", "yesterday", "last week", "this year", "recently".
``ago``
    "three days ago".
``duration``, ``vague_duration``, ``past_duration``
    "three days", "a three-day visit"; "in years", "for decades" (the
    preposition belongs to the expression: "years" alone is no time
    expression); "the past three days".
``offset_date``
    "a year before May 31, 2019": a duration and a date make one date.
``set``
    "every Monday", "each year", "daily", "twice a week".

Prepositions in front ("on", "at", "until", "since", ...) are *signals*, not
part of the expression (TimeML's convention); the ``signal`` column keeps them.

Normalising (the ``value`` column)
----------------------------------
Values are ISO 8601 as TIMEX3 writes them: ``2023-12-25``,
``2023-12-25TMO`` (morning; also ``AF``, ``EV``, ``NI``),
``2023-12-26T01:45Z`` (a clock time with its zone), ``2023-W52`` (a week),
``P3D`` (a duration), ``XXXX-WXX-1`` (every Monday), ``XXXX-10-07`` (a date
whose year cannot be known), and ``<NA>`` for vague expressions ("in years").
Relative expressions are resolved against the *reference date*: the
article's published date, or the one you pass (``reference_date=``), with
the news conventions:

1. The reference date's own weekday means that day ("Tuesday" in an article
   of Tuesday 26 December is that day).
2. Any other weekday name means the most recent past one ("Monday" is 25
   December) -- unless the sentence speaks of the future ("will", "is due
   to", "is expected to", "plans to", ...), or the weekday ends a period
   with "until" outside the past tense ("roads closed until Friday"), then
   the next one. "last" and "next" say so themselves.
3. A date without a year takes the reference year, unless that puts it more
   than a week after the reference date: then the previous year ("December
   30" in an article of 5 January is last December). In the future tense, a
   date already past takes the next year.
4. A month without a year works like rule 3, for the month's first day.

The ``anchor`` column says what a value rests on: ``absolute`` (the text
gives it all, or it is a length of time), ``reference_date``,
``speaker_time`` or ``vague``. ``anchor_note`` says it in words. Without a
reference date (an article with no published date, or
``find_time_expressions`` without ``reference_date=``) a relative expression
rests on nothing: its value keeps ``X`` for what is unknown (``XXXX-WXX-2``
for "Tuesday"), its anchor is ``vague`` and its note says a reference date is
needed (``article.with_metadata(published="YYYY-MM-DD")``).

Quoted speakers have their own "today"
--------------------------------------
"earlier today" inside Lloyd Austin's quotation is Austin's today, not the
publication day. For a relative expression between quotation marks the kit
finds the speaker (``article.quotes``, or the names beside the marks), the
speaker's time zone (``kit/data/time_zones.csv``: a person or an organisation
is placed at the seat of their office), and the time of the statement: the
latest clock time the article gives (a statement reports what has happened,
so it comes after it), seen in the speaker's zone. On the seed, the strikes at
01:45 GMT on Tuesday were 8:45 p.m. on Monday in Washington, so Austin's
"earlier today" is Monday 25 December (``anchor == "speaker_time"``).

Events and their order
----------------------
Events are found with the verbs and nouns of ``kit/data/time_event_words.txt``
(rule ``trigger``; a noun after a light verb such as "carried out" acts as the
clause's verb, rule ``light_verb``), and with the statements of
``article.quotes`` by named people and organisations (rule ``quote``).
Mentions become events by the policy of their class
(``kit/data/time_event_classes.csv``): all mentions of a *story* class are one
event ("the strikes", "These precision strikes", "the strike") unless marked
as another ("another attack"); each sentence's *outcome* ("wounded",
"killed") is its own event; statements are one event per speaker. The
instrument decides which attack a "strike" is ("the strike, which was carried
out with a one-way attack drone" is the drone attack). A time expression
(DATE or TIME) dates the verb it follows in its sentence, else the nearest
event word before it, else the first after it.

An event the text does not report as happened ("an imminent attack", "a
planned strike", "threatened to strike", "prevented them from attacking")
stays its own event, is never dated by the time of the words about it (the
time of the statement), takes part in no constraint, and its description
ends "(not reported as happened)"; "carried out a planned strike" did happen.

A description names the place that is the object of a preposition right
after a mention: "strikes on Hamas fighters in Gaza" are "the strikes in
Gaza"; "strikes on Hamas fighters near Israel's border" name no place, since
Israel is not what the strikes were on. A statement is by the quotes table's
``speaker_name`` when that is the head of the speaker's words, else by the
words as written without hyphenated labels ("Gaza's Hamas-run health
ministry" is "Gaza's health ministry").

``time_start`` and ``time_end`` are UTC bounds. Where the text gives only a
date, they span that local day (in the zone of the place or speaker named in
the clause; with none, every zone from UTC+14 to UTC-12), so "May 31, 2019"
in Baghdad starts at 2019-05-30 21:00 UTC. The ``when`` column says the time
in words, no more precisely than the text: "31 May 2019", "Monday 25 December
2023, morning", "26 December 2023 01:45 UTC".

Constraints come from these rules:

``signal``
    "A after B", "A following B", "A, a response to B", "since B, A"
    (AFTER); "A before B", "A ahead of B" (BEFORE).
``governs``
    An event about another: a direction comes BEFORE the strikes it directs,
    a briefing AFTER the attack it is about, support OVERLAPs what it
    supports.
``report``
    A statement comes AFTER the events it reports.
``outcome``
    Injuries and deaths OVERLAP the strike or war that caused them.
``dates``
    Two dated events whose intervals do not meet: the earlier is BEFORE the
    later (only the nearest pairs; the rest follows).

Reading the evidence: references
--------------------------------
Pustejovsky et al. (2003), *TimeML: Robust Specification of Event and Temporal
Expressions in Text*; UzZaman et al. (2013), *SemEval-2013 Task 1:
TempEval-3*; the TIMEX3 value grammar of the TimeML 1.2.1 specification.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from kit.errors import KitError, did_you_mean, format_options
from kit.lexicons import data_path, match_form, read_lexicon
from kit.schemas import OFFSET_COLUMNS, Column, frame, register

__all__ = [
    "EventOrderError",
    "TimelineError",
    "build_event_constraints",
    "build_events",
    "build_timeline",
    "check_order",
    "convert_time",
    "find_time_expressions",
    "infer_published",
    "is_timex_value",
    "timeline",
    "zone_lexicon",
]


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


def _read_csv(name: str) -> list[dict[str, str]]:
    text = data_path(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


register(
    "timeline",
    [
        Column("timex_id", "int64", "the time expression's position in the article, from 0"),
        Column("sentence_id", "int64", "the sentence it stands in (joins with article.sentences)"),
        *OFFSET_COLUMNS,
        Column("text", "string", "the time expression, exactly as in the text"),
        Column("type", "category", "DATE, TIME (clock time), DURATION or SET (repeated)", TYPES),
        Column(
            "value",
            "string",
            "ISO 8601 as TIMEX3 writes it (2023-12-25, 2023-12-25TMO, 2023-12-26T01:45Z, P3D,"
            " 2023-W52, XXXX-10-07 when the year is unknown); <NA> when vague",
        ),
        Column(
            "granularity",
            "category",
            "how fine the value is: year, month, week, day, ...",
            GRANULARITIES,
            True,
        ),
        Column(
            "anchor",
            "category",
            "what the value rests on: absolute, reference_date, speaker_time (a quoted speaker's own"
            " time) or vague",
            ANCHORS,
        ),
        Column("anchor_note", "string", "the anchor in plain words"),
        Column("signal", "string", "the preposition before it (on, at, until, since, ...), <NA> if none"),
        Column("rule", "string", "the pattern that found it (see kit.timeline)"),
    ],
)

register(
    "events",
    [
        Column("event_id", "int64", "the event's number, in the order the article first mentions it"),
        Column("sentence_id", "int64", "the sentence of its first mention"),
        *OFFSET_COLUMNS,
        Column("text", "string", "the words of its first mention (text[start_char:end_char])"),
        Column("trigger", "string", "the event word or phrase of the lexicon that matched, in lower case"),
        Column(
            "event_class",
            "category",
            "the kind of event (kit/data/time_event_classes.csv)",
            tuple(r["class"] for r in _read_csv("time_event_classes.csv")),
        ),
        Column("description", "string", "the event in plain, neutral words"),
        Column(
            "timex_id", "Int64", "the time expression that dates it (joins article.timeline), <NA> if none"
        ),
        Column(
            "narrative_position", "int64", "its place in the telling: 0 is the first event the reader meets"
        ),
        Column("n_mentions", "int64", "how many times the article mentions it"),
        Column(
            "time_start",
            "datetime64[ns, UTC]",
            "earliest it can have happened, in UTC, as far as the text says (a date alone spans the"
            " whole local day: 31 May 2019 in Baghdad starts 2019-05-30 21:00 UTC)",
        ),
        Column(
            "time_end",
            "datetime64[ns, UTC]",
            "latest it can have ended (exclusive), in UTC; NaT when unknown",
        ),
        Column(
            "when",
            "string",
            "when it happened in words, only as precise as the text ('31 May 2019', 'Monday 25 December"
            " 2023, morning', '26 December 2023 01:45 UTC'); <NA> when no expression dates it",
        ),
        Column("rule", "string", "how it was found, merged and dated"),
    ],
)

register(
    "event_constraints",
    [
        Column("constraint_id", "int64", "the constraint's number, from 0"),
        Column("event_a", "int64", "an event (joins article.events on event_id)"),
        Column("relation", "category", "event_a is BEFORE, AFTER or OVERLAPs event_b", RELATIONS),
        Column("event_b", "int64", "the other event"),
        Column("evidence", "string", "the words or time expressions that say so"),
        Column("rule", "string", "signal, governs, report, outcome or dates (see kit.timeline)"),
    ],
)


# ----- lexicons -------------------------------------------------------------


@dataclass(frozen=True)
class _Zone:
    name: str
    kind: str
    zone: str
    label: str


@cache
def _zones() -> tuple[_Zone, ...]:
    rows = [_Zone(r["name"], r["kind"], r["zone"], r["label"]) for r in _read_csv("time_zones.csv")]
    return tuple(sorted(rows, key=lambda z: -len(z.name)))


def zone_lexicon() -> pd.DataFrame:
    """Return the shipped time-zone lexicon (``kit/data/time_zones.csv``).

    Examples
    --------
    >>> from kit.timeline import zone_lexicon
    >>> z = zone_lexicon()
    >>> z.loc[z["name"] == "CENTCOM", ["kind", "zone"]].values.tolist()
    [['organisation', 'America/New_York']]
    """
    return pd.DataFrame(_read_csv("time_zones.csv")).astype("string")


_NAME_END = r"(?![\w-])(?!['’](?![sS]\b)\w)"
"""A name ends at a word boundary; a possessive ("Biden’s") still counts."""


def _name_pattern(names: Iterable[str]) -> str:
    alts = []
    for name in names:
        alts.append(r"\s+".join(re.escape(w).replace("'", "['’]") for w in name.split()))
    return r"(?<![\w'’-])(?:" + "|".join(alts) + r")" + _NAME_END


@cache
def _names_re(kinds: tuple[str, ...]) -> re.Pattern:
    return re.compile(_name_pattern(z.name for z in _zones() if z.kind in kinds), re.IGNORECASE)


@cache
def _zone_by_name() -> dict[str, _Zone]:
    return {match_form(z.name): z for z in _zones()}


def _lookup_zone(found: str) -> _Zone | None:
    return _zone_by_name().get(re.sub(r"\s+", " ", match_form(found)))


def _find_zone_in(text: str, article_text: str, kinds=("person", "organisation")) -> _Zone | None:
    """The zone of the first lexicon name in ``text``; a person's surname counts
    when the full name is in the article."""
    best: tuple[int, _Zone] | None = None
    m = _names_re(tuple(kinds)).search(text)
    if m:
        best = (m.start(), _lookup_zone(m.group()))
    if "person" in kinds:
        for z in _zones():
            if z.kind != "person":
                continue
            surname = z.name.split()[-1]
            s = re.search(rf"(?<![\w'’-]){re.escape(surname)}{_NAME_END}", text)
            if s and (best is None or s.start() < best[0]) and z.name in _persons_in(article_text):
                best = (s.start(), z)
    return best[1] if best else None


@lru_cache(maxsize=8)
def _persons_in(article_text: str) -> frozenset[str]:
    """The lexicon's people named in full somewhere in the article."""
    return frozenset(_lookup_zone(m.group()).name for m in _names_re(("person",)).finditer(article_text))


def _tz(name: str) -> dt.tzinfo:
    return dt.UTC if name == "UTC" else ZoneInfo(name)


# ----- the finder -------------------------------------------------------------

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
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "a hundred": 100,
}
_VAGUE_NUMBERS = ("a few", "several", "many", "some", "a couple of")
_NUM = (
    r"(?:\d{1,4}|"
    + "|".join(sorted([*_NUMBER_WORDS, *_VAGUE_NUMBERS], key=len, reverse=True)).replace(" ", r"\s")
    + ")"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
_UNIT_CODE = {
    "second": ("S", "second", True),
    "minute": ("M", "minute", True),
    "hour": ("H", "hour", True),
    "day": ("D", "day", False),
    "week": ("W", "week", False),
    "fortnight": ("W", "week", False),
    "month": ("M", "month", False),
    "year": ("Y", "year", False),
    "decade": ("Y", "decade", False),
    "century": ("Y", "century", False),
}
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm|AM|PM)(?![\w])"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d])|noon|midnight)"
)


@cache
def _zone_abbrev_re() -> str:
    abbrevs = [z.name for z in _zones() if z.kind == "abbreviation"]
    places = [z.name for z in _zones() if z.kind == "place"]
    return (
        r"(?:\(?(?:"
        + "|".join(re.escape(a) for a in abbrevs)
        + r")\)?(?![\w])|local\stime|(?:"
        + "|".join(re.escape(p) for p in places)
        + r")\stime)"
    )


def _dayexpr() -> str:
    return (
        rf"(?:{_WD}(?:\s{_POD})?(?:,?\s{_MONTH}\s{_DAY}(?:,\s?{_YEAR})?|,?\s(?:the\s)?{_DAY_OF}{_MONTH}"
        rf"(?:,?\s{_YEAR})?)?|{_MONTH}\s{_DAY}(?:,?\s{_YEAR})?|{_DAY_OF}{_MONTH}(?:,?\s{_YEAR})?"
        r"|(?i:today|yesterday|tomorrow))"
    )


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    """The finder's patterns, in priority order (ties at the same span)."""
    b = r"(?<![\w.-])"
    e = r"(?![\w])"
    zone = _zone_abbrev_re()
    day = _dayexpr()
    pats = [
        ("clock", rf"{b}{_CLOCK}(?:\s{zone})?(?:,?\s(?:on\s)?{day})?"),
        ("day_clock", rf"{b}{day},?\s(?:at\s)?{_CLOCK}(?:\s{zone})?"),
        ("weekday_date", rf"{b}{_WD},?\s{_MONTH}\s{_DAY}(?:,\s?{_YEAR})?(?![\d])"),
        (
            "weekday_date",
            rf"{b}{_WD},?\s(?:the\s)?{_DAY_OF}{_MONTH}(?:,?\s{_YEAR}(?![\d])|(?![\w]))",
        ),
        ("date_mdy", rf"{b}{_MONTH}\s{_DAY},?\s{_YEAR}(?![\d])"),
        ("date_dmy", rf"{b}{_DAY_OF}{_MONTH},?\s{_YEAR}(?![\d])"),
        ("date_iso", r"(?<![\w.-])(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])"),
        ("month_year", rf"{b}(?:{_MONTH_FULL})\s{_YEAR}(?![\d])"),
        ("date_md", rf"{b}{_MONTH}\s{_DAY}(?![\d:,.]\d|\d)"),
        ("date_dm", rf"{b}{_DAY_OF}(?:{_MONTH}){e}"),
        ("offset_date_ago", rf"{b}(?i:{_NUM})[\s-](?i:{_UNIT})\s(?i:ago){e}"),
        (
            "weekday",
            rf"{b}(?:(?i:last|next|this|coming|past|early|late)\s)?{_WD}(?:\s(?i:{_POD}))?{_WEEK_AFTER}?{e}",
        ),
        (
            "month",
            rf"(?<![\w])(?:(?i:last|next|this|early|late|mid)[\s-])?(?:{_MONTH_FULL})(?![\w]|\s\d|,\s\d)",
        ),
        ("year", rf"(?<![\w])(?:(?i:early|late|mid)[\s-])?{_YEAR}(?![\d]|[,.]\d|-\d)"),
        (
            "deictic",
            r"(?<![\w])(?i:(?:earlier|later)\s(?:today|tonight|this\s(?:week|month|year|morning|afternoon|evening))"
            r"|the\sday\sbefore\syesterday|the\sday\safter\stomorrow"
            r"|(?:today|tonight|yesterday|tomorrow)(?:\s(?:morning|afternoon|evening|night))?"
            r"|last\s(?:night|week|weekend|month|year)|this\s(?:morning|afternoon|evening|week|weekend|month|year)"
            r"|next\s(?:week|weekend|month|year)|recently)(?![\w])",
        ),
        (
            "vague_duration",
            r"(?<![\w])(?i:(?:in|for|over)\s(?:years|decades|months|weeks|days|ages|centuries)"
            r"|in\srecent\s(?:days|weeks|months|years)|in\sthe\scoming\s(?:days|weeks|months|years))(?![\w])",
        ),
        (
            "past_duration",
            rf"(?<![\w])(?i:(?:the\s)?(?:past|previous)\s(?:{_NUM}[\s-])?{_UNIT}|the\s(?:last|next|coming)\s{_NUM}[\s-]{_UNIT})(?![\w])",
        ),
        ("duration", rf"(?<![\w])(?i:{_NUM})[\s-](?i:{_UNIT})(?:-long)?(?![\w])"),
        (
            "set",
            rf"(?<![\w])(?i:(?:every|each)\s(?:other\s)?(?:(?:{_NUM})\s)?(?:{_UNIT}|morning|afternoon|evening|night|weekend|"
            + "|".join(_WEEKDAYS)
            + r")|(?:once|twice|three\stimes)\s(?:a|per|every)\s(?:day|week|month|year)"
            r")(?![\w])|(?<![\w])(?:daily|weekly|monthly|yearly|annually|hourly|nightly)(?![\w])",
        ),
    ]
    return [(name, re.compile(p)) for name, p in pats]


_SIGNAL_BEFORE = re.compile(
    r"(?i)(?<![\w])(on|at|in|since|until|till|by|from|during|for|before|after|through|throughout|over|within"
    r"|as\sof|ahead\sof|prior\sto)\s$"
)
_MONTH_PREPOSITIONS = frozenset(
    "in since until till by from during through throughout before after of".split()
)
_YEAR_PREPOSITIONS = frozenset(
    "in since until till by from during through throughout before after of".split()
)
_FUTURE = re.compile(
    r"(?i)(?<![\w])(?:will|shall|won['’]t|(?:is|are|was|were)\s(?:due|set|scheduled|expected|going|to)\s?(?:to\s)?"
    r"|plans?\sto|planned\sto|\w+['’]ll)(?![\w])"
)


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    priority: int


_TRIGGER_WORDS = tuple(
    w.encode()
    for w in (
        "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun today tonight"
        " yesterday tomorrow recent morning afternoon evening night weekend noon midnight second minute"
        " hour day daily week fortnight month year decade centur ages hourly nightly annually"
    ).split()
)
_TRIGGER_DIGITS = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d:[0-5]\d|\d\s?[aApP]\.?[mM](?![a-zA-Z])")
"""Every time expression contains a trigger: a word starting with one of
``_TRIGGER_WORDS`` (a month, a weekday, a unit, a deictic word) or a year, a
clock time or "a.m."/"p.m.". The finder reads only the text around them, so a
megabyte of numbers or words costs a few fast scans."""
WINDOW = 60
"""Characters read on each side of a trigger word (longer than any expression's reach)."""


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = [m.span() for m in _TRIGGER_DIGITS.finditer(text, start, end)]
    # ASCII lower case keeps every offset (a non-ASCII character becomes one "?")
    low = text[start:end].encode("ascii", "replace").lower()
    for word in _TRIGGER_WORDS:
        i = low.find(word)
        while i != -1:
            if i == 0 or not low[i - 1 : i].isalnum():
                hits.append((start + i, start + i + len(word)))
            i = low.find(word, i + len(word))
    hits.sort()
    spans: list[tuple[int, int]] = []
    for h_start, h_end in hits:
        a, b = max(start, h_start - WINDOW), min(end, h_end + WINDOW)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    out = []
    for a, b in spans:
        # never cut a word: extend to the next space (or the sentence's end)
        while b < end and not text[b].isspace() and b - a < 100_000_000:
            b += 1
        while a > start and not text[a - 1].isspace():
            a -= 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _candidates(text: str, start: int, end: int) -> list[_Cand]:
    found: list[_Cand] = []
    for w_start, w_end in _windows(text, start, end):
        found.extend(_window_candidates(text, w_start, w_end, start))
    return _choose(text, found)


def _window_candidates(text: str, start: int, end: int, s_start: int) -> list[_Cand]:
    found: list[_Cand] = []
    for priority, (name, pattern) in enumerate(_patterns()):
        for m in pattern.finditer(text, start, end):
            a, b = m.span()
            if name == "month" or name == "year":
                chunk = text[a:b]
                modifier = re.match(r"(?i)(last|next|this|early|late|mid)[\s-]", chunk)
                if not modifier:
                    prev = re.search(r"(?i)(\w+)\s$", text[max(s_start, a - 12) : a])
                    allowed = _MONTH_PREPOSITIONS if name == "month" else _YEAR_PREPOSITIONS
                    if not prev or prev.group(1).lower() not in allowed:
                        continue
            found.append(_Cand(a, b, name, priority))
    return found


def _choose(text: str, found: list[_Cand]) -> list[_Cand]:
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.priority))
    chosen: list[_Cand] = []
    last_end = -1
    for c in found:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    # offset_date: "a year before May 31, 2019" (a duration, "before"/"after", a date)
    merged: list[_Cand] = []
    for c in chosen:
        if (
            merged
            and merged[-1].rule == "duration"
            and c.rule in ("date_mdy", "date_dmy", "date_md", "date_dm", "date_iso", "weekday_date")
            and re.fullmatch(r"\s(?:before|after)\s", text[merged[-1].end : c.start])
        ):
            merged[-1] = _Cand(merged[-1].start, c.end, "offset_date", merged[-1].priority)
        else:
            merged.append(c)
    return merged


# ----- normalising ------------------------------------------------------------


@dataclass
class _Timex:
    sentence_id: int
    start: int
    end: int
    text: str
    type: str
    value: str | None
    granularity: str
    anchor: str
    anchor_note: str
    signal: str | None
    rule: str
    zone: str | None = None  # IANA zone the value is local to, when known
    quoted: bool = False


@dataclass
class _Context:
    ref: dt.date | None
    ref_label: str  # "the publication date 2023-12-26"
    anchor: str  # "reference_date" or "speaker_time"
    zone: str | None = None
    future: bool = False
    local_zone: _Zone | None = None


def _fmt_date(d: dt.date) -> str:
    return f"{d:%A} {d.day} {d:%B} {d.year}"


def _month_num(word: str) -> int:
    return _MONTH_NUM[word.lower().rstrip(".")[:3]]


def _number(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS.get(w)


def _duration_value(num: str, unit: str) -> tuple[str | None, str]:
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    code, gran, is_time = _UNIT_CODE[unit]
    n = _number(num)
    if n is None:
        return None, gran
    if unit == "decade":
        n *= 10
    elif unit == "century":
        n *= 100
    elif unit == "fortnight":
        n *= 2
    return (f"PT{n}{code}" if is_time else f"P{n}{code}"), gran


def _weekday_date(wd: int, ref: dt.date, modifier: str, future: bool) -> tuple[dt.date, str]:
    diff_back = (ref.weekday() - wd) % 7
    diff_fwd = (wd - ref.weekday()) % 7
    if modifier == "last" or modifier == "past":
        d = ref - dt.timedelta(days=diff_back or 7)
        return d, f"'last': the {_WEEKDAYS[wd]} before"
    if modifier in ("next", "coming"):
        return ref + dt.timedelta(days=diff_fwd or 7), f"'{modifier}': the {_WEEKDAYS[wd]} after"
    if modifier == "this":
        return ref + dt.timedelta(days=wd - ref.weekday()), "'this': in the same week as"
    if diff_back == 0:
        return ref, "the same weekday as"
    if future:
        return ref + dt.timedelta(days=diff_fwd), f"future tense: the next {_WEEKDAYS[wd]} after"
    return ref - dt.timedelta(days=diff_back), f"the most recent {_WEEKDAYS[wd]} before"


def _yearless(month: int, day: int, ref: dt.date, future: bool) -> tuple[dt.date | None, str]:
    try:
        d = dt.date(ref.year, month, day)
    except ValueError:
        try:
            d = dt.date(ref.year - 1, month, day)  # 29 February
        except ValueError:
            return None, "not a calendar date"
    if future and d < ref:
        return d.replace(year=d.year + 1), "future tense: the next one after"
    if d > ref + WEEK_WINDOW:
        try:
            return d.replace(
                year=d.year - 1
            ), "more than a week after the reference date, so the previous year:"
        except ValueError:
            return None, "not a calendar date"
    return d, "the year of"


def _parse_date_words(chunk: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a written date such as 'Oct. 17, 2023',
    '2 March 2024' or '2nd of March'.

    The day is a whole number (never the first digits of a year: "March 2024"
    has no day), and the date that starts first wins ("2 March 2024" is day
    first)."""
    found = []
    m = re.search(rf"({_MONTH})\s({_DAY})(?![\d])(?:,?\s?({_YEAR})(?![\d]))?", chunk)
    if m:
        found.append((m.start(), m.group(3), m.group(1), m.group(2)))
    m = re.search(rf"(?<![\d])({_DAY_OF})({_MONTH})(?:,?\s?({_YEAR})(?![\d]))?", chunk)
    if m:
        found.append((m.start(), m.group(3), m.group(2), m.group(1)))
    if not found:
        return None
    _, year, month, day = min(found, key=lambda f: f[0])
    return (int(year) if year else None, _month_num(month), int(re.match(r"\d+", day).group()))


def _resolve_day(chunk: str, ctx: _Context) -> tuple[str, str, str, dt.date | None, str]:
    """Resolve the day part of an expression. Returns (value, granularity,
    anchor, date, note)."""
    low = chunk.lower()
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", chunk)
    if iso:
        d = dt.date(*map(int, iso.groups()))
        return d.isoformat(), "day", "absolute", d, "the text gives the full date"
    words = _parse_date_words(chunk)
    if words:
        year, month, day = words
        if year is not None:
            try:
                d = dt.date(year, month, day)
            except ValueError:
                return "XXXX-XX-XX", "day", "vague", None, "not a calendar date"
            return d.isoformat(), "day", "absolute", d, "the text gives the full date"
        if ctx.ref is None:
            return f"XXXX-{month:02d}-{day:02d}", "day", ctx.anchor, None, "no year and no reference date"
        d, how = _yearless(month, day, ctx.ref, ctx.future)
        if d is None:
            return f"XXXX-{month:02d}-{day:02d}", "day", ctx.anchor, None, how
        return d.isoformat(), "day", ctx.anchor, d, f"no year given: {how} {ctx.ref_label}"
    deictic = re.search(r"(?i)today|tonight|yesterday|tomorrow", chunk)
    if deictic:
        word = deictic.group().lower()
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        if "day before yesterday" in low:
            shift = -2
        elif "day after tomorrow" in low:
            shift = 2
        if ctx.ref is None:
            return "XXXX-XX-XX", "day", ctx.anchor, None, f"'{word}' needs a reference date"
        d = ctx.ref + dt.timedelta(days=shift)
        return d.isoformat(), "day", ctx.anchor, d, f"'{word}': relative to {ctx.ref_label}"
    wd = re.search(_WD, chunk)
    if wd:
        n = _WEEKDAYS.index(wd.group())
        mod = re.match(r"(?i)(last|next|this|coming|past)\s", chunk)
        modifier = mod.group(1).lower() if mod else ""
        if ctx.ref is None:
            return f"XXXX-WXX-{n + 1}", "day", ctx.anchor, None, "a weekday needs a reference date"
        week = re.search(rf"(?i){_WEEK_AFTER}$", chunk)
        if week:
            # "Friday next week": that weekday in the week after the reference date's week
            shift = {"next": 1, "last": -1, "this": 0}[week.group().split()[0].lower()]
            monday = ctx.ref - dt.timedelta(days=ctx.ref.weekday()) + dt.timedelta(weeks=shift)
            d = monday + dt.timedelta(days=n)
            where = {1: "the week after", -1: "the week before", 0: "the same week as"}[shift]
            return d.isoformat(), "day", ctx.anchor, d, f"the {_WEEKDAYS[n]} of {where} {ctx.ref_label}"
        d, how = _weekday_date(n, ctx.ref, modifier, ctx.future)
        return d.isoformat(), "day", ctx.anchor, d, f"{how} {ctx.ref_label}"
    return "XXXX-XX-XX", "day", "vague", None, "no day"


def _clock_value(chunk: str) -> tuple[int, int] | None:
    low = chunk.lower()
    if low.startswith("noon") or " noon" in low:
        return 12, 0
    if "midnight" in low:
        return 0, 0
    m = re.search(r"(?<![\d])(\d{1,2})(?::(\d{2}))?\s?(a\.?m\.?|p\.?m\.?)?", chunk, re.IGNORECASE)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    ap = (m.group(3) or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return h, mi


def _offset_str(off: dt.timedelta) -> str:
    if off == dt.timedelta(0):
        return "Z"
    sign = "+" if off >= dt.timedelta(0) else "-"
    minutes = abs(int(off.total_seconds() // 60))
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _normalise(chunk: str, rule: str, ctx: _Context) -> tuple[str, str | None, str, str, str, str | None]:
    """Return (type, value, granularity, anchor, note, zone)."""
    low = match_form(chunk)
    if rule in ("date_mdy", "date_dmy", "date_iso", "date_md", "date_dm", "weekday_date", "weekday"):
        value, gran, anchor, d, note = _resolve_day(chunk, ctx)
        named = re.match(_WD, chunk) if rule == "weekday_date" else None
        if named and d is not None and _WEEKDAYS[d.weekday()] != named.group():
            # the date wins: a wrong weekday is a slip more often than a wrong number
            note = (
                f"{note}; the text says {named.group()}, but {d.day} {d:%B} {d.year} is a"
                f" {d:%A}: the kit keeps the date"
            )
        pod = re.search(rf"(?i){_POD}(?={_WEEK_AFTER}?$)", chunk)
        if pod and d is not None:
            value = f"{value}T{_POD_CODE[pod.group().lower()]}"
            gran = "part_of_day"
        elif pod:
            gran = "part_of_day"
        return "DATE", value, gran, anchor, note, ctx.zone
    if rule == "offset_date":
        m = re.match(rf"(?i)({_NUM})[\s-]({_UNIT})\s(before|after)\s", chunk)
        rest = chunk[m.end() :]
        value, gran, anchor, d, note = _resolve_day(rest, ctx)
        n = _number(m.group(1))
        unit = m.group(2).lower().rstrip("s")
        if d is None or n is None:
            return "DATE", None, gran, "vague", "an offset from a date the kit cannot resolve", ctx.zone
        sign = -1 if m.group(3).lower() == "before" else 1
        if unit in ("year", "month"):
            months = n * (12 if unit == "year" else 1) * sign
            y, mo = divmod(d.year * 12 + d.month - 1 + months, 12)
            try:
                d2 = dt.date(y, mo + 1, d.day)
            except ValueError:
                d2 = dt.date(y, mo + 1, 28)
        else:
            days = {"day": 1, "week": 7, "fortnight": 14}.get(unit)
            if days is None:
                return "DATE", None, gran, "vague", "an offset the kit cannot count", ctx.zone
            d2 = d + dt.timedelta(days=sign * n * days)
        return (
            "DATE",
            d2.isoformat(),
            "day",
            anchor,
            f"{m.group(1)} {m.group(2)} {m.group(3).lower()} {d.isoformat()} ({note})",
            ctx.zone,
        )
    if rule == "offset_date_ago":
        m = re.match(rf"(?i)({_NUM})[\s-]({_UNIT})", chunk)
        n = _number(m.group(1))
        unit = m.group(2).lower().rstrip("s")
        gran = _UNIT_CODE.get("century" if unit.startswith("centur") else unit, ("", "day", False))[1]
        if ctx.ref is None or n is None:
            return "DATE", None, gran, "vague", "'ago' needs a reference date and a number", ctx.zone
        if unit in ("year", "month", "decade"):
            months = n * {"year": 12, "month": 1, "decade": 120}[unit]
            y, mo = divmod(ctx.ref.year * 12 + ctx.ref.month - 1 - months, 12)
            value = f"{y:04d}" if unit in ("year", "decade") else f"{y:04d}-{mo + 1:02d}"
        elif unit in ("day", "week", "fortnight"):
            d = ctx.ref - dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
            value = d.isoformat() if unit == "day" else "{}-W{:02d}".format(*d.isocalendar()[:2])
        else:
            value = ctx.ref.isoformat()
            gran = "day"
        return "DATE", value, gran, ctx.anchor, f"counted back from {ctx.ref_label}", ctx.zone
    if rule in ("month", "month_year"):
        m = re.search(_MONTH_FULL, chunk)
        month = _month_num(m.group())
        ym = re.search(_YEAR, chunk)
        if ym:
            return (
                "DATE",
                f"{ym.group()}-{month:02d}",
                "month",
                "absolute",
                "the text gives the year",
                ctx.zone,
            )
        mod = re.match(r"(?i)(last|next|this)\s", chunk)
        if ctx.ref is None:
            return "DATE", f"XXXX-{month:02d}", "month", ctx.anchor, "no year and no reference date", ctx.zone
        year = ctx.ref.year
        how = "the year of"
        if mod and mod.group(1).lower() == "last":
            year = year - 1 if month >= ctx.ref.month else year
            how = "'last': the one before"
        elif mod and mod.group(1).lower() == "next":
            year = year + 1 if month <= ctx.ref.month else year
            how = "'next': the one after"
        elif ctx.future and month < ctx.ref.month:
            year += 1
            how = "future tense: the next one after"
        elif dt.date(year, month, 1) > ctx.ref + WEEK_WINDOW:
            year -= 1
            how = "more than a week after the reference date, so the previous year:"
        return (
            "DATE",
            f"{year}-{month:02d}",
            "month",
            ctx.anchor,
            f"no year given: {how} {ctx.ref_label}",
            ctx.zone,
        )
    if rule == "year":
        y = re.search(_YEAR, chunk).group()
        return "DATE", y, "year", "absolute", "the text gives the year", ctx.zone
    if rule == "deictic":
        if low == "recently":
            return "DATE", None, "day", "vague", "'recently': some time before the reference date", None
        unit = re.search(r"week|weekend|month|year", low)
        if unit and not re.search(r"today|tonight|yesterday|tomorrow", low):
            shift = -1 if low.startswith("last") else 1 if low.startswith("next") else 0
            u = unit.group()
            if ctx.ref is None:
                empty = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX"}
                return (
                    "DATE",
                    empty[u],
                    u.replace("weekend", "week"),
                    ctx.anchor,
                    "needs a reference date",
                    None,
                )
            if u in ("week", "weekend"):
                d = ctx.ref + dt.timedelta(days=7 * shift)
                y, w = d.isocalendar()[:2]
                value = f"{y}-W{w:02d}" + ("-WE" if u == "weekend" else "")
                gran = "week"
            elif u == "month":
                y, mo = divmod(ctx.ref.year * 12 + ctx.ref.month - 1 + shift, 12)
                value, gran = f"{y}-{mo + 1:02d}", "month"
            else:
                value, gran = f"{ctx.ref.year + shift}", "year"
            return "DATE", value, gran, ctx.anchor, f"'{chunk}': relative to {ctx.ref_label}", ctx.zone
        value, gran, anchor, d, note = _resolve_day(chunk, ctx)
        pod = re.search(r"morning|afternoon|evening|night|tonight", low)
        if pod:
            code = _POD_CODE[pod.group()]
            shift = -1 if low == "last night" else 0
            if ctx.ref is not None and low == "last night":
                value = (ctx.ref + dt.timedelta(days=shift)).isoformat()
                note = f"'last night': relative to {ctx.ref_label}"
            if d is not None or low == "last night":
                value = f"{value}T{code}"
            gran = "part_of_day"
            if ctx.ref is None and low in ("this morning", "this afternoon", "this evening", "last night"):
                value, note = "XXXX-XX-XX", "needs a reference date"
        elif ctx.ref is None:
            pass
        if low.startswith(("this ",)) and ctx.ref is not None and pod:
            value = f"{ctx.ref.isoformat()}T{_POD_CODE[pod.group()]}"
            note = f"'{chunk}': relative to {ctx.ref_label}"
        return "DATE", value, gran, ctx.anchor if ctx.ref is not None else anchor, note, ctx.zone
    if rule in ("clock", "day_clock"):
        hm = _clock_value(chunk if rule == "clock" else re.search(_CLOCK, chunk).group())
        zone_m = re.search(_zone_abbrev_re(), chunk)
        if rule == "clock":
            clock_m = re.match(_CLOCK, chunk)
            day_part = chunk[max(clock_m.end(), zone_m.end() if zone_m else 0) :]
        else:
            day_part = chunk[: re.search(_CLOCK, chunk).start()]
        zone: _Zone | None = None
        zone_note = ""
        if zone_m:
            word = zone_m.group().strip("()")
            if word.lower() == "local time":
                zone = ctx.local_zone
                zone_note = (
                    f"; local time taken as {zone.label} ({zone.zone}), from '{zone.name}' nearby"
                    if zone
                    else "; local time, but the kit found no place with a known zone"
                )
            else:
                zone = _lookup_zone(re.sub(r"\stime$", "", word, flags=re.IGNORECASE))
                zone_note = f"; {word} is {zone.label}" if zone else ""
        has_day = bool(day_part.strip(" ,").removeprefix("on ").strip())
        day_value = "XXXX-XX-XX"
        if has_day:
            day_value, _, anchor, d, note = _resolve_day(day_part, ctx)
        elif ctx.ref is not None:
            d, anchor = ctx.ref, ctx.anchor
            note = f"no day given: taken as {ctx.ref_label}"
        else:
            d, anchor, note = None, ctx.anchor, "no day and no reference date"
        h, mi = hm
        gran = "minute"
        if d is None:
            return "TIME", f"{day_value}T{h:02d}:{mi:02d}", gran, anchor, note + zone_note, None
        value = f"{d.isoformat()}T{h:02d}:{mi:02d}"
        if zone is not None:
            local = dt.datetime(d.year, d.month, d.day, h, mi, tzinfo=_tz(zone.zone))
            value += _offset_str(local.utcoffset())
        return "TIME", value, gran, anchor, note + zone_note, zone.zone if zone else ctx.zone
    if rule == "duration":
        m = re.match(rf"(?i)({_NUM})[\s-]({_UNIT})", chunk)
        value, gran = _duration_value(m.group(1), m.group(2))
        if value is None:
            return "DURATION", None, gran, "vague", f"a length of time; '{m.group(1)}' gives no number", None
        return "DURATION", value, gran, "absolute", "a length of time: it needs no reference date", None
    if rule == "past_duration":
        m = re.search(rf"(?i)(?:({_NUM})[\s-])?({_UNIT})$", chunk)
        value, gran = _duration_value(m.group(1) or "one", m.group(2))
        where = "ending at" if re.search(r"past|previous|last", low) else "starting at"
        if value is None:
            return "DURATION", None, gran, "vague", "a length of time with no number", None
        return "DURATION", value, gran, ctx.anchor, f"a length of time {where} {ctx.ref_label}", None
    if rule == "vague_duration":
        unit = re.search(r"year|decade|month|week|day|age|centur", low).group()
        gran = {"age": "year", "centur": "century"}.get(unit, unit)
        return "DURATION", None, gran, "vague", f"'{chunk}': a length of time the text does not give", None
    if rule == "set":
        if re.search(r"daily|every day|each day|nightly|every night", low):
            value, gran = ("P1D", "day") if "night" not in low else ("XXXX-XX-XXTNI", "part_of_day")
        elif re.search(r"weekly|week", low):
            n = re.search(rf"(?i)every\s({_NUM})\sweeks", chunk)
            value, gran = (f"P{_number(n.group(1)) or 1}W" if n else "P1W"), "week"
        elif re.search(r"monthly|month", low):
            value, gran = "P1M", "month"
        elif re.search(r"yearly|annually|year", low):
            value, gran = "P1Y", "year"
        elif re.search(r"hourly|hour", low):
            value, gran = "PT1H", "hour"
        elif re.search(r"morning|afternoon|evening", low):
            code = _POD_CODE[re.search(r"morning|afternoon|evening", low).group()]
            value, gran = f"XXXX-XX-XXT{code}", "part_of_day"
        elif re.search(_WD, chunk, re.IGNORECASE):
            wd = re.search(_WD, chunk, re.IGNORECASE).group().capitalize()
            value, gran = f"XXXX-WXX-{_WEEKDAYS.index(wd) + 1}", "day"
        elif "weekend" in low:
            value, gran = "XXXX-WXX-WE", "week"
        else:
            value, gran = None, "day"
        return "SET", value, gran, "absolute" if value else "vague", "a repeated time", None
    return "DATE", None, "day", "vague", "", None  # pragma: no cover


_VALUE_RE = re.compile(
    r"(?:(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?)?"
    r"(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?))?"
    r"|P\d+[YMWD]|PT\d+[HMS])"
)


def is_timex_value(value: str) -> bool:
    """Is ``value`` a TIMEX3-lite value (ISO 8601, with ``X`` for unknown digits)?

    Concrete dates and times also parse with :mod:`datetime`.

    Examples
    --------
    >>> [is_timex_value(v) for v in ["2023-12-26T01:45Z", "2023-12-25TMO", "P3D", "XXXX-WXX-1", "soon"]]
    [True, True, True, True, False]
    """
    if not isinstance(value, str) or not _VALUE_RE.fullmatch(value):
        return False
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?.*", value)
    if m:
        try:
            dt.datetime(*(int(g) for g in m.groups() if g is not None))
        except ValueError:
            return False
    return True


# ----- the timeline table -----------------------------------------------------


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


def _signal(text: str, lo: int, start: int) -> str | None:
    m = _SIGNAL_BEFORE.search(text[max(lo, start - 14) : start])
    return re.sub(r"\s+", " ", m.group(1).lower()) if m else None


def _sentences(article) -> list[tuple[int, int, int]]:
    rows = article._sentence_rows
    return list(zip(rows["sentence_id"], rows["start_char"], rows["end_char"]))


def _find(
    text: str,
    sentences: Sequence[tuple[int, int, int]],
    ref: dt.date | None,
    *,
    quoted: Sequence[tuple[int, int]] = (),
    speaker_of=None,
    hint: str = ARTICLE_HINT,
) -> list[_Timex]:
    """Find and normalise the time expressions of ``text`` sentence by sentence."""
    ref_label = f"the publication date {ref.isoformat()}" if ref else "no reference date"
    out: list[_Timex] = []
    later: list[tuple[_Cand, int, int, int]] = []
    places = _names_re(("place",))
    for sid, s_start, s_end in sentences:
        cands = _candidates(text, s_start, s_end)
        if not cands:
            continue
        future = bool(_FUTURE.search(text, s_start, s_end))
        for c in cands:
            in_quote = any(a <= c.start < b for a, b in quoted)
            if in_quote and speaker_of is not None and c.rule not in ("duration", "vague_duration", "set"):
                later.append((c, sid, s_start, s_end))
                out.append(None)  # placeholder, filled below
                continue
            local = None
            if "local time" in text[c.start : c.end].lower():
                before = [m for m in places.finditer(text, s_start, s_end)]
                if not before:
                    before = list(places.finditer(text, max(0, s_start - 2000), s_start))
                if before:
                    local = _lookup_zone(
                        before[0].group() if before[0].start() >= s_start else before[-1].group()
                    )
            ctx = _Context(
                ref, ref_label, "reference_date", _clause_zone(text, c, s_start, s_end), future, local
            )
            out.append(_make(text, c, sid, s_start, ctx))
    if later:
        instants = [
            t
            for t in out
            if t is not None and t.type == "TIME" and re.search(r"(Z|[+-]\d\d:\d\d)$", t.value or "")
        ]
        for c, sid, s_start, s_end in later:
            i = out.index(None)
            who = speaker_of(c.start, sid, s_start, s_end)
            out[i] = _make_quoted(text, c, sid, s_start, s_end, ref, ref_label, who, instants)
    for t in out:
        # no reference date: a relative expression rests on nothing yet
        unresolved = t.value is None or "X" in t.value
        if (t.anchor == "reference_date" and ref is None) or (t.anchor == "speaker_time" and unresolved):
            t.anchor = "vague"
            t.anchor_note = f"{t.anchor_note}; {hint}"
    return out


def _clause_zone(text: str, c: _Cand, s_start: int, s_end: int) -> str | None:
    """The zone of the first person, organisation or place named in the
    expression's clause (between commas), used only for the interval an
    event is placed in, never for the value."""
    lo, hi = max(s_start, c.start - 300), min(s_end, c.end + 300)
    left = max(text.rfind(ch, lo, c.start) for ch in ",;:(")
    rights = [i for i in (text.find(ch, c.end, hi) for ch in ",;:)") if i != -1]
    clause = text[max(left + 1, lo) : min(rights) if rights else hi]
    zone = _find_zone_in(clause, text, ("person", "organisation", "place"))
    return zone.zone if zone else None


_PAST_TENSE = re.compile(r"(?i)(?<![\w])(?:was|were|had|remained|stayed)(?![\w])")


def _make(text: str, c: _Cand, sid: int, s_start: int, ctx: _Context) -> _Timex:
    chunk = text[c.start : c.end]
    signal = _signal(text, s_start, c.start)
    if signal in ("until", "till") and not ctx.future:
        # "closed until Friday": a period still running ends at the next Friday,
        # unless the clause is in the past tense ("was closed until Friday")
        clause = text[max(s_start, c.start - 80) : c.start]
        if not _PAST_TENSE.search(clause):
            ctx = _Context(ctx.ref, ctx.ref_label, ctx.anchor, ctx.zone, True, ctx.local_zone)
    typ, value, gran, anchor, note, zone = _normalise(chunk, c.rule, ctx)
    if value is None:
        anchor = "vague"
    return _Timex(sid, c.start, c.end, chunk, typ, value, gran, anchor, note, signal, c.rule, zone)


def _make_quoted(text, c, sid, s_start, s_end, ref, ref_label, who, instants) -> _Timex:
    """Normalise a relative expression inside a quotation against the speaker's time."""
    name, zone = who if who else (None, None)
    future = bool(_FUTURE.search(text, s_start, s_end))
    if zone is None:
        ctx = _Context(ref, ref_label, "reference_date", None, future)
        t = _make(text, c, sid, s_start, ctx)
        prefix = f"inside {name}'s quote" if name else "inside a quotation"
        t.anchor_note = f"{prefix}; the kit knows no time zone for the speaker, so {t.anchor_note}"
        t.quoted = True
        return t
    tz = _tz(zone.zone)
    if instants:
        latest = max(instants, key=lambda t: _instant(t.value))
        moment = _instant(latest.value).astimezone(tz)
        when = moment.date()
        utc = _instant(latest.value).astimezone(dt.UTC)
        how = (
            f" (the latest clock time in the article, '{latest.text}', {utc:%H:%M} UTC on"
            f" {_fmt_date(utc.date())}, was {_clock12(moment)} on {moment:%A} {moment.day} {moment:%B} there)"
        )
    elif ref is not None:
        when, how = ref, " (no clock time in the article: the publication date is assumed)"
    else:
        when, how = None, ""
    label = f"the statement's date {when.isoformat()}" if when else "the statement's date"
    ctx = _Context(when, label, "speaker_time", zone.zone, future)
    t = _make(text, c, sid, s_start, ctx)
    if t.value is not None:
        t.anchor = "speaker_time"
    day = f"{_fmt_date(when).rsplit(' ', 1)[0]}" if when else "unknown"
    t.anchor_note = (
        f"inside {name}'s quote: relative to the time of the statement, {day}, {zone.label} ({zone.zone})"
        f"{how}; {t.anchor_note}"
    )
    t.quoted = True
    return t


def _clock12(moment: dt.datetime) -> str:
    h = moment.hour % 12 or 12
    return f"{h}:{moment.minute:02d} {'a.m.' if moment.hour < 12 else 'p.m.'}"


def _instant(value: str) -> dt.datetime:
    v = value.replace("Z", "+00:00")
    return dt.datetime.fromisoformat(v)


def _speaker_finder(article):
    """Return a function (start, sid, s_start, s_end) -> (name, zone) for quoted text."""
    text = article.text
    try:
        quotes = article.quotes
    except ImportError:  # kit.quotes not there yet: read the names beside the marks
        quotes = None
    marks = article.quote_marks

    def who(pos: int, sid: int, s_start: int, s_end: int):
        texts: list[str] = []
        name = None
        if quotes is not None:
            rows = quotes[(quotes["start_char"] <= pos) & (quotes["end_char"] > pos)]
            for row in rows.itertuples():
                for col in ("speaker_name", "speaker", "speaker_role"):
                    value = getattr(row, col)
                    if isinstance(value, str):
                        texts.append(value)
                name = name or (row.speaker_name if isinstance(row.speaker_name, str) else None)
                name = name or (row.speaker if isinstance(row.speaker, str) else None)
        # the words of the sentence outside quotation marks name the speaker too
        outside = text[s_start:s_end]
        for m in marks.itertuples():
            if m.start_char < s_end and m.end_char > s_start:
                a, b = max(m.start_char, s_start) - s_start, min(m.end_char, s_end) - s_start
                outside = outside[:a] + " " * (b - a) + outside[b:]
        texts.append(outside)
        for t in texts:
            zone = _find_zone_in(t, text)
            if zone is not None:
                if zone.kind == "person":
                    name = zone.name
                return (name or zone.name, zone)
        return (name, None) if name else None

    return who


def _timexes(article, reference_date=None) -> list[_Timex]:
    cache_ = article.__dict__.setdefault("_timeline_cache", {})
    ref = _coerce_reference(reference_date) if reference_date is not None else article.published
    key = ("timexes", ref)
    if key not in cache_:
        marks = article.quote_marks
        quoted = list(zip(marks["content_start"], marks["content_end"]))
        cache_[key] = _find(
            article.text, _sentences(article), ref, quoted=quoted, speaker_of=_speaker_finder(article)
        )
    return cache_[key]


def _timeline_frame(rows: list[_Timex]) -> pd.DataFrame:
    return frame(
        "timeline",
        {
            "timex_id": list(range(len(rows))),
            "sentence_id": [t.sentence_id for t in rows],
            "start_char": [t.start for t in rows],
            "end_char": [t.end for t in rows],
            "text": [t.text for t in rows],
            "type": [t.type for t in rows],
            "value": [t.value if t.value is not None else pd.NA for t in rows],
            "granularity": [t.granularity for t in rows],
            "anchor": [t.anchor for t in rows],
            "anchor_note": [t.anchor_note for t in rows],
            "signal": [t.signal if t.signal else pd.NA for t in rows],
            "rule": [t.rule for t in rows],
        },
    )


def build_timeline(article, *, reference_date=None) -> pd.DataFrame:
    """One row per time expression, normalised against the reference date.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    reference_date
        The date relative expressions count from ("yesterday", "Monday").
        Leave it out to use the article's published date.

    Examples
    --------
    >>> import kit
    >>> t = kit.load_article().timeline
    >>> t[["text", "type", "value", "anchor"]]
                      text      type              value          anchor
    0         May 31, 2019      DATE         2019-05-31        absolute
    1          earlier today      DATE         2023-12-25    speaker_time
    2       Monday morning      DATE     2023-12-25TMO  reference_date
    3  1:45 GMT on Tuesday      TIME  2023-12-26T01:45Z  reference_date
    4             in years  DURATION               <NA>           vague
    5            October 7      DATE         2023-10-07  reference_date
    6           November 2      DATE         2023-11-02  reference_date
    """
    return _timeline_frame(_timexes(article, reference_date))


def timeline(article, *, reference_date=None) -> pd.DataFrame:
    """The timeline table, against the published date or a date you choose.

    Examples
    --------
    >>> import kit
    >>> from kit.timeline import timeline
    >>> t = timeline(kit.load_article(), reference_date="2024-01-03")
    >>> t.loc[t["text"] == "Monday morning", "value"].item()
    '2024-01-01TMO'
    """
    if reference_date is None:
        return article.timeline
    return build_timeline(article, reference_date=reference_date)


def find_time_expressions(text: str, *, reference_date=None) -> pd.DataFrame:
    """Find and normalise the time expressions of a plain string (one sentence).

    The quick way to try the rules on a phrase; a whole article goes through
    ``article.timeline``.

    Examples
    --------
    >>> from kit.timeline import find_time_expressions
    >>> t = find_time_expressions("He left on Oct. 17 and returned yesterday at 9 a.m. local time.",
    ...                           reference_date="2023-12-26")
    >>> t[["text", "value", "rule"]]
                           text             value        rule
    0                   Oct. 17        2023-10-17     date_md
    1  yesterday at 9 a.m. local time  2023-12-25T09:00   day_clock
    """
    if not isinstance(text, str):
        raise TypeError(f"find_time_expressions() takes a string, but got a {type(text).__name__}.")
    ref = _coerce_reference(reference_date)
    return _timeline_frame(_find(text, [(0, 0, len(text))], ref, hint=STRING_HINT))


# ----- intervals ----------------------------------------------------------------

_POD_HOURS = {"MO": (0, 12), "AF": (12, 18), "EV": (18, 24), "NI": (18, 30)}
_UNKNOWN_ZONE = (dt.timedelta(hours=14), dt.timedelta(hours=12))
"""A local day in an unknown zone lies between UTC+14 and UTC-12."""


def _interval(value: str | None, zone: str | None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The UTC interval [start, end) a concrete value covers."""
    if not value or "X" in value or value.startswith("P"):
        return None, None
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})?", value)
    if m and m.group(3):
        start = pd.Timestamp(_instant(value)).tz_convert("UTC")
        return start, start + pd.Timedelta(minutes=1)
    if m:
        a = dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}")
        b = a + dt.timedelta(minutes=1)
    else:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(MO|AF|EV|NI))?", value)
        w = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
        if m:
            y, mo, d, pod = m.groups()
            if d:
                a = dt.datetime(int(y), int(mo), int(d))
                if pod:
                    h0, h1 = _POD_HOURS[pod]
                    a, b = a + dt.timedelta(hours=h0), a + dt.timedelta(hours=h1)
                else:
                    b = a + dt.timedelta(days=1)
            elif mo:
                a = dt.datetime(int(y), int(mo), 1)
                b = dt.datetime(int(y) + (int(mo) == 12), int(mo) % 12 + 1, 1)
            else:
                a, b = dt.datetime(int(y), 1, 1), dt.datetime(int(y) + 1, 1, 1)
        elif w:
            monday = dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
            a = dt.datetime.combine(monday, dt.time())
            if w.group(3):
                a += dt.timedelta(days=5)
                b = a + dt.timedelta(days=2)
            else:
                b = a + dt.timedelta(days=7)
        else:
            return None, None
    if zone:
        tz = _tz(zone)
        return (
            pd.Timestamp(a.replace(tzinfo=tz)).tz_convert("UTC"),
            pd.Timestamp(b.replace(tzinfo=tz)).tz_convert("UTC"),
        )
    early, late = _UNKNOWN_ZONE
    return pd.Timestamp(a - early, tz="UTC"), pd.Timestamp(b + late, tz="UTC")


# ----- events -------------------------------------------------------------------


@dataclass(frozen=True)
class _Class:
    name: str
    family: str
    policy: str
    role: str
    governs: str
    description: str


@cache
def _classes() -> dict[str, _Class]:
    return {
        r["class"]: _Class(r["class"], r["family"], r["policy"], r["role"], r["governs"], r["description"])
        for r in _read_csv("time_event_classes.csv")
    }


@cache
def _event_words() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    forms: dict[str, tuple[str, str]] = {}
    for line in read_lexicon("time_event_words.txt"):
        cls, pos, words = (p.strip() for p in line.split("|"))
        for w in words.split(","):
            forms.setdefault(w.strip().lower(), (cls, pos))
    alts = sorted(forms, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(r"\s".join(map(re.escape, f.split())) for f in alts) + r")(?![\w-])",
        re.IGNORECASE,
    )
    return forms, pattern


_LIGHT_VERB = re.compile(
    r"(?i)(?<![\w])(?:carried\sout|carry\sout|carries\sout|carrying\sout|conducted|conduct|conducts|conducting"
    r"|launched|launch|launches|launching|staged|stage|held|hold|holds|came\sunder|come\sunder|comes\sunder"
    r"|coming\sunder|sustained|suffered|passed|made)\s(?:[\w’'$.,-]+\s){0,5}$"
)
_DEFINITE = re.compile(r"(?i)(?<![\w])(?:the|that|this|these|those|its|their)\s(?:[\w’'-]+\s){0,2}$")
_NOVELTY = re.compile(
    r"(?i)(?<![\w])(?:another|a\ssecond|a\snew|new|further|previous|separate)\s(?:[\w’'-]+\s){0,2}$"
)
_IRREALIS = re.compile(
    r"(?i)(?<![\w])(?:call(?:ed|s|ing)?\sfor|demand(?:ed|s|ing)?|urg(?:ed|es|ing)|propos(?:ed|es|ing)"
    r"|seek(?:s|ing)?|sought|would|could|might|should)\s(?:an?\s|the\s)?(?:[\w’'-]+\s)?$"
)
_UNREALISED = re.compile(
    r"(?i)(?<![\w-])(?:(?:imminent|planned|plotted|foiled|thwarted|prevented|averted|intercepted\splan\sfor"
    r"|threatened|potential|possible|would-be|feared|expected|impending)\s(?:[\w’'-]+\s)?"
    r"|(?:plans?|planned|planning|plots?|plotted|plotting|threat(?:en(?:s|ed|ing)?)?|vow(?:s|ed)?|prepar(?:e|es|ed|ing)"
    r"|intend(?:s|ed)?|prevent(?:s|ed)?\s[\w’'-]+\sfrom|stop(?:s|ped)?\s[\w’'-]+\sfrom)\s(?:to\s)?"
    r"(?:[\w’'-]+\s){0,2})$"
)
_DONE = re.compile(r"(?i)(?<![\w])(?:carried\sout|conducted|launched|staged|made)\s(?:an?|the)\s$")
"""A past light verb makes a planned event happen: "carried out a planned strike"."""
"""An event the text does not report as happened: "an imminent attack", "a
planned strike", "threatened to strike", "prevented them from attacking"."""
_INSTRUMENT = re.compile(
    r"(?i)^,?\s(?:which|that)\s(?:was|were)\s(?:carried\sout|conducted|launched)\s(?:with|by|using)\s"
    r"(?:[\w’'-]+\s){0,4}?(drones?|missiles?|rockets?)(?![\w])"
)
_CONSTRAINT_SIGNAL = re.compile(
    r"(?i)(?<![\w])(after|following|since|before|prior\sto|ahead\sof|in\sresponse\sto|a\sresponse\sto"
    r"|in\sretaliation\sfor)(?![\w])"
)
_SIGNAL_RELATION = {
    "after": "AFTER",
    "following": "AFTER",
    "since": "AFTER",
    "before": "BEFORE",
    "prior to": "BEFORE",
    "ahead of": "BEFORE",
    "in response to": "AFTER",
    "a response to": "AFTER",
    "in retaliation for": "AFTER",
}


@dataclass
class _Mention:
    sentence_id: int
    start: int
    end: int
    form: str
    cls: str
    verbal: bool
    rule: str
    definite: bool = False
    novel: bool = False
    speaker: str | None = None
    span: tuple[int, int] | None = None  # a statement's reported words
    unrealised: bool = False  # planned, prevented or threatened: not reported as happened
    event: int = -1


@dataclass
class _Event:
    mentions: list[_Mention] = field(default_factory=list)
    cls: str = ""
    timex_id: int | None = None
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    description: str = ""
    rules: list[str] = field(default_factory=list)


def _event_sentences(article) -> list[tuple[int, int, int]]:
    rows = article._sentence_rows
    return [
        (sid, a, b)
        for sid, part, a, b in zip(rows["sentence_id"], rows["part"], rows["start_char"], rows["end_char"])
        if part != "headline"
    ]


def _statement_mentions(article, sentences) -> list[_Mention] | None:
    try:
        quotes = article.quotes
    except ImportError:
        return None
    text = article.text
    out = []
    for row in quotes.itertuples():
        if row.source_type not in ("named", "organization"):
            continue
        speaker = _statement_speaker(row.speaker_name, row.speaker, text)
        if speaker is None:
            continue
        cue = row.cue if isinstance(row.cue, str) else ""
        start, end = row.start_char, row.end_char
        found = None
        if cue:
            for m in re.finditer(rf"(?<![\w]){re.escape(cue)}(?![\w])", text[start:end]):
                a = start + m.start()
                if not (row.content_start <= a < row.content_end):
                    found = (a, a + len(cue))
                    break
        if found is None:
            found = (start, row.content_start if row.content_start > start else end)
        out.append(
            _Mention(
                int(row.sentence_id),
                found[0],
                found[1],
                cue or "statement",
                "statement",
                True,
                "quote",
                speaker=speaker,
                span=(int(start), int(end)),
            )
        )
    return out


def _statement_speaker(name, written, text: str) -> str | None:
    """Who made a statement: the quotes table's ``speaker_name`` when it is the
    head of the words that name the speaker ("Lloyd Austin" for "the Pentagon
    chief Lloyd Austin"), else those words as written, without the hyphenated
    labels before the head ("Gaza's Hamas-run health ministry" is Gaza's health
    ministry, not Hamas)."""
    name = name if isinstance(name, str) and name.strip() else None
    written = written if isinstance(written, str) and written.strip() else None
    if name and (written is None or _last_word(written) == _last_word(name)):
        return _speaker_label(name, text)
    if written is None:
        return None
    if _find_zone_in(written, text, ("person",)) is not None:
        return _speaker_label(written, text)
    words = [
        w
        for w in written.split()
        if not re.fullmatch(
            r"[\w’']+-(?:run|led|backed|controlled|linked"
            r"|affiliated|aligned|allied|based|funded|supported|dominated|held)",
            w,
            re.IGNORECASE,
        )
    ]
    if not words:
        return None
    if words[0].lower() in ("the", "a", "an"):
        words[0] = words[0].lower()
    elif words[0][0].islower():
        words.insert(0, "the")
    return " ".join(words)


def _last_word(phrase: str) -> str:
    words = re.findall(r"[\w]+", match_form(phrase))
    return words[-1] if words else ""


def _speaker_label(speaker: str, text: str) -> str:
    """The lexicon's name for a speaker: "Austin" is Lloyd Austin, "the White
    House National Security Council" is the National Security Council."""
    zone = _find_zone_in(speaker, text, ("person",))
    if zone is not None:
        return zone.name
    orgs = [m.group() for m in _names_re(("organisation",)).finditer(speaker)]
    if orgs:
        return "the " + _lookup_zone(max(orgs, key=len)).name
    return speaker


def _nearest_speaker(text: str, s_start: int, s_end: int, pos: int, quoted) -> str | None:
    """Without the quotes table: the person or organisation of the lexicon named
    nearest the speech verb, outside quotation marks."""
    sentence = list(text[s_start:s_end])
    for a, b in quoted:
        for i in range(max(a, s_start), min(b, s_end)):
            sentence[i - s_start] = " "
    outside = "".join(sentence)
    found = [(m.start(), m.group()) for m in _names_re(("person", "organisation")).finditer(outside)]
    for z in _zones():
        if z.kind == "person" and z.name in _persons_in(text):
            surname = z.name.split()[-1]
            found += [
                (m.start(), z.name)
                for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}{_NAME_END}", outside)
            ]
    if not found:
        return None
    _, name = min(found, key=lambda f: abs(s_start + f[0] - pos))
    return _speaker_label(name, text)


def _mentions(article, timexes: list[_Timex]) -> list[_Mention]:
    text = article.text
    forms, pattern = _event_words()
    sentences = _event_sentences(article)
    statements = _statement_mentions(article, sentences)
    spans = [(t.start, t.end) for t in timexes]
    marks = article.quote_marks
    blank = list(zip(marks["content_start"], marks["content_end"]))
    out: list[_Mention] = []
    for sid, s_start, s_end in sentences:
        for m in pattern.finditer(text, s_start, s_end):
            a, b = m.span()
            form = re.sub(r"\s+", " ", m.group().lower())
            cls, pos = forms[form]
            if any(x < b and a < y for x, y in spans):
                continue
            if cls == "statement" and statements is not None:
                continue
            if pos == "verb" and m.group()[0].isupper() and text[s_start:a].strip(" “\"'‘"):
                continue  # a capitalised verb form mid-sentence is a name ("March")
            window = text[max(s_start, a - 60) : a]
            if _IRREALIS.search(window[-40:]):
                continue  # "called for a ceasefire": an event that has not happened
            rule = "trigger"
            verbal = pos == "verb"
            if pos == "noun" and _LIGHT_VERB.search(window):
                verbal, rule = True, "light_verb"
            after = text[b : min(s_end, b + 120)]
            if cls in ("strike", "attack"):
                inst = _INSTRUMENT.search(after)
                if inst and inst.group(1).lower().startswith("drone"):
                    cls, rule = "drone_attack", rule + "+instrument"
            mention = _Mention(sid, a, b, form, cls, verbal, rule)
            mention.definite = bool(_DEFINITE.search(window[-40:]))
            mention.novel = bool(_NOVELTY.search(window[-40:]))
            unreal = _UNREALISED.search(window[-50:]) if cls != "statement" else None
            if unreal and not _DONE.search(window[: len(window) - len(window[-50:]) + unreal.start()]):
                mention.unrealised = mention.novel = True
            if cls == "statement":
                mention.speaker = _nearest_speaker(text, s_start, s_end, a, blank)
                mention.span = (s_start, s_end)
            out.append(mention)
    if statements:
        out.extend(statements)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _merge(mentions: list[_Mention]) -> list[_Event]:
    classes = _classes()
    events: list[_Event] = []
    for m in mentions:
        c = classes[m.cls]
        target = None
        if c.policy == "speaker":
            for i, e in enumerate(events):
                if e.cls == "statement" and m.speaker and e.mentions[0].speaker == m.speaker:
                    target = i
        elif c.policy == "story" and not m.novel:
            for i in range(len(events) - 1, -1, -1):
                if classes[events[i].cls].family == c.family and not events[i].mentions[0].unrealised:
                    target = i
                    break
        elif not m.unrealised:
            for i, e in enumerate(events):
                if (
                    e.cls == m.cls
                    and e.mentions[0].sentence_id == m.sentence_id
                    and not e.mentions[0].unrealised
                ):
                    target = i
        if target is None:
            events.append(_Event(cls=m.cls))
            target = len(events) - 1
        m.event = target
        events[target].mentions.append(m)
    return events


def _elide(text: str, limit: int = 70) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    words = text.split(" ")
    return " ".join(words[:4]) + " ... " + " ".join(words[-4:])


@dataclass
class _Events:
    events: list[_Event]
    constraints: list[tuple[int, str, int, str, str]]


def _analyse(article) -> _Events:
    cache_ = article.__dict__.setdefault("_timeline_cache", {})
    if "events" in cache_:
        return cache_["events"]
    text = article.text
    timexes = _timexes(article)
    mentions = _mentions(article, timexes)
    events = _merge(mentions)
    classes = _classes()
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_id, []).append(m)
    sentence_span = {sid: (a, b) for sid, a, b in _sentences(article)}

    # a time expression dates the verb it follows, else the nearest event word before it, else after
    for tid, t in enumerate(timexes):
        if t.type not in ("DATE", "TIME"):
            continue
        here = [m for m in by_sentence.get(t.sentence_id, []) if m.cls != "statement"]
        # a planned or prevented event is not dated by the time of the words about it
        here = [m for m in here if not m.unrealised]
        before = [m for m in here if m.end <= t.start]
        after = [m for m in here if m.start >= t.end]
        pick = next((m for m in reversed(before) if m.verbal), None) or (before[-1] if before else None)
        if pick is None:
            pick = next((m for m in after if m.verbal), None) or (after[0] if after else None)
        if pick is not None:
            e = events[pick.event]
            if e.timex_id is None:
                e.timex_id = tid
                e.start, e.end = _interval(t.value, t.zone)
                e.rules.append(f"dated_by_timex_{tid}")

    constraints: list[tuple[int, str, int, str, str]] = []
    seen: set[frozenset[int]] = set()

    def add(a: int, rel: str, b: int, evidence: str, rule: str) -> None:
        if a == b or frozenset((a, b)) in seen:
            return
        seen.add(frozenset((a, b)))
        constraints.append((a, rel, b, evidence, rule))

    for sid, here in by_sentence.items():
        s_start, s_end = sentence_span[sid]
        events_here = [m for m in here if m.cls != "statement" and not m.unrealised]
        # rule signal
        for sig in _CONSTRAINT_SIGNAL.finditer(text, s_start, s_end):
            word = re.sub(r"\s+", " ", sig.group(1).lower())
            rel = _SIGNAL_RELATION[word]
            if not text[s_start : sig.start()].strip(" “\"'‘"):
                comma = text.find(",", sig.end(), s_end)
                comma = s_end if comma == -1 else comma
                bs = [m for m in events_here if sig.end() <= m.start < comma]
                rest = [m for m in events_here if m.start >= comma]
                a_m = next((m for m in rest if m.verbal), rest[0] if rest else None)
            else:
                before = [m for m in events_here if m.end <= sig.start()]
                a_m = next((m for m in reversed(before) if m.verbal), before[-1] if before else None)
                nxt = _CONSTRAINT_SIGNAL.search(text, sig.end(), s_end)
                stop = nxt.start() if nxt else s_end
                bs = [m for m in events_here if sig.end() <= m.start < stop]
            if a_m is None:
                continue
            for b_m in bs:
                evidence = _elide(text[sig.start() : b_m.end])
                add(a_m.event, rel, b_m.event, f"'{evidence}'", "signal")
        # rule governs
        for i, g in enumerate(events_here):
            cls = classes[g.cls]
            if cls.role != "governing" or not cls.governs:
                continue
            nxt_sig = _CONSTRAINT_SIGNAL.search(text, g.end, s_end)
            stop = nxt_sig.start() if nxt_sig else s_end
            obj = next(
                (
                    m
                    for m in events_here[i + 1 :]
                    if m.start < stop and classes[m.cls].role in ("cause", "outcome") and m.event != g.event
                ),
                None,
            )
            if obj is not None:
                add(g.event, cls.governs, obj.event, f"'{_elide(text[g.start : obj.end])}'", "governs")
        # rule outcome
        for o in events_here:
            if classes[o.cls].role != "outcome":
                continue
            causes = [m for m in events_here if classes[m.cls].role == "cause"]
            if causes:
                cause = min(causes, key=lambda m: min(abs(m.start - o.end), abs(o.start - m.end)))
                a, b = sorted((o, cause), key=lambda m: m.start)
                add(o.event, "OVERLAP", cause.event, f"'{_elide(text[a.start : b.end])}'", "outcome")
    # rule report
    for m in mentions:
        if m.cls != "statement" or m.span is None:
            continue
        lo, hi = m.span
        if _FUTURE.search(text[lo:hi]):
            continue
        for r in mentions:
            if r.cls == "statement" or r.unrealised or not (lo <= r.start < hi):
                continue
            a, b = sorted((m, r), key=lambda x: x.start)
            who = m.speaker or "the speaker"
            add(m.event, "AFTER", r.event, f"{who} reports it: '{_elide(text[a.start : b.end])}'", "report")
    # rule dates: the nearest pairs of dated events whose intervals do not meet
    dated = [(i, e) for i, e in enumerate(events) if e.start is not None and e.end is not None]
    for i, e in dated:
        later = [(j, f) for j, f in dated if f.start >= e.end]
        if not later:
            continue
        horizon = min(f.end for _, f in later)
        for j, f in later:
            if f.start < horizon:
                ta, tb = timexes[e.timex_id], timexes[f.timex_id]
                add(i, "BEFORE", j, f"'{ta.text}' ({ta.value}) is before '{tb.text}' ({tb.value})", "dates")
    # bound each event's interval by the constraints (as far as the text says)
    for _ in range(2 * len(events) + 2):
        changed = False
        for a, rel, b, _ev, _r in constraints:
            if rel == "OVERLAP":
                continue
            first, second = (a, b) if rel == "BEFORE" else (b, a)
            e1, e2 = events[first], events[second]
            lower = e1.end if e1.end is not None else e1.start
            if lower is not None and (e2.start is None or e2.start < lower):
                if e2.end is None or lower < e2.end:
                    e2.start = lower
                    changed = True
            upper = e2.start if e2.start is not None else e2.end
            if upper is not None and (e1.end is None or e1.end > upper):
                if e1.start is None or upper > e1.start:
                    e1.end = upper
                    changed = True
        if not changed:
            break
    # descriptions
    names = _names_re(("place",))
    stops = sorted(m.start for m in mentions)
    for idx, e in enumerate(events):
        cls = classes[e.cls]
        first = e.mentions[0]
        if e.cls == "statement":
            desc = f"the statement by {first.speaker}" if first.speaker else "a statement"
        else:
            desc = cls.description
            if cls.role == "governing":
                obj = next(
                    (
                        c[2]
                        for c in constraints
                        if c[0] == idx and c[4] == "governs" and events[c[2]].cls != e.cls
                    ),
                    None,
                )
                if obj is not None:
                    desc = desc.replace("{}", _base_description(events[obj], names, text, stops))
                else:
                    desc = re.sub(r"\s(?:on|for|to carry out)\s\{\}$", "", desc)
            else:
                desc = _base_description(e, names, text, stops)
        if first.unrealised:
            desc = f"{desc} (not reported as happened)"
            e.rules.append("unrealised: planned, prevented or threatened, so left undated")
        e.description = desc
    seen_desc: dict[str, int] = {}
    for e in events:
        seen_desc[e.description] = seen_desc.get(e.description, 0) + 1
    for e in events:
        if seen_desc[e.description] > 1 or classes[e.cls].policy == "each":
            e.description = f"{e.description} (sentence {e.mentions[0].sentence_id})"
    result = _Events(events, constraints)
    cache_["events"] = result
    return result


def _base_description(e: _Event, names: re.Pattern, text: str, stops: list[int]) -> str:
    """The class's words, with the place named right after a mention ("the
    strikes in Iraq"). Only the lexicon's place name is copied, never the
    article's adjectives, so the description stays neutral."""
    desc = _classes()[e.cls].description
    for m in e.mentions:
        stop = min([s for s in stops if s > m.end] + [m.end + 90])
        window = text[m.end : min(stop, m.end + 90)]
        window = _CHAIN_END.split(window)[0]
        # the prepositional phrases right after the mention, each with its own object:
        # "strikes on Hamas fighters in Khan Younis" is on "Hamas fighters", in "Khan Younis"
        preps = list(_OBJECT_PREP.finditer(window))
        for k, prep in enumerate(preps):
            if prep.group(1).lower() not in _PLACE_PREPS:
                continue
            obj = window[prep.end() : preps[k + 1].start() if k + 1 < len(preps) else len(window)]
            p = names.search(obj)
            # the place must be the object's head: "on Israel", not "on Israel's border"
            if p is None or len(obj[: p.start()].split()) > 3 or re.match(r"['’-]", obj[p.end() :]):
                continue
            place = " ".join(p.group().split())
            if place.split()[-1] in ("Strip", "Bank", "Emirates", "Kingdom", "States"):
                place = "the " + place
            return f"{desc} {prep.group(1).lower()} {place}"
    return desc


_CHAIN_END = re.compile(
    r"[;:()“”\"]|\.\s|(?<![\w])(?:that|which|who|where|when|after|before|following|as|while|but|said"
    r"|says|since|during|until|because)(?![\w])",
    re.IGNORECASE,
)
"""Where a mention's chain of phrases ends: a clause, a signal of another event."""
_OBJECT_PREP = re.compile(r"(?i)(?<![\w])(in|on|at|near|against|by|with|of|from|for|to|into|and)\s")
"""Words that end one phrase's object and start the next."""
_PLACE_PREPS = frozenset(("in", "on", "at", "near", "against"))
"""The prepositions whose object can place an event."""


_POD_NAME = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def _day_words(d: dt.date, weekday: bool) -> str:
    return (f"{d:%A} " if weekday else "") + f"{d.day} {d:%B} {d.year}"


def _when(t: _Timex) -> str | pd.NA:
    """A time expression's value in words, at its own granularity."""
    value = t.value
    if not value or value.startswith("P") or "X" in value:
        return pd.NA
    named = bool(re.search(_WD, t.text))
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})?", value)
    if m and m.group(3):
        utc = _instant(value).astimezone(dt.UTC)
        return f"{_day_words(utc.date(), False)} {utc:%H:%M} UTC"
    if m:
        return f"{_day_words(dt.date.fromisoformat(m.group(1)), named)} {m.group(2)} (time zone unknown)"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:T(MO|AF|EV|NI))?", value)
    if m:
        day = _day_words(dt.date.fromisoformat(m.group(1)), named)
        return f"{day}, {_POD_NAME[m.group(2)]}" if m.group(2) else day
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        return f"{dt.date(int(m.group(1)), int(m.group(2)), 1):%B %Y}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return f"the weekend of {_day_words(monday + dt.timedelta(days=5), True)}"
        return f"the week of {_day_words(monday, True)}"
    return value


def build_events(article) -> pd.DataFrame:
    """One row per event the article reports, in the order it first mentions them.

    Examples
    --------
    >>> import kit
    >>> e = kit.load_article().events
    >>> e.loc[e["timex_id"].notna(), ["description", "timex_id"]].head(3)
                                    description  timex_id
    0                        the parade in Baghdad         0
    1                       the strikes in Iraq         3
    2         the drone attack on Erbil Air Base         1

    ``time_start`` and ``time_end`` are UTC bounds: where the text gives only
    a date, they span that whole day in the place's time zone (or, with no
    known place, in any zone from UTC+14 to UTC-12). For charts and prose,
    ``when`` says it in words, no more precisely than the text:

    >>> e.loc[[0, 1, 10], ["time_start", "when"]]
                      time_start                             when
    0  2019-05-30 21:00:00+00:00                      31 May 2019
    1  2023-12-26 01:45:00+00:00       26 December 2023 01:45 UTC
    10 2023-12-25 05:00:00+00:00  Monday 25 December 2023, morning
    """
    analysis = _analyse(article)
    events = analysis.events
    timexes = _timexes(article)
    rows = [e.mentions[0] for e in events]
    text = article.text
    return frame(
        "events",
        {
            "event_id": list(range(len(events))),
            "sentence_id": [m.sentence_id for m in rows],
            "start_char": [m.start for m in rows],
            "end_char": [m.end for m in rows],
            "text": [text[m.start : m.end] for m in rows],
            "trigger": [m.form for m in rows],
            "event_class": [e.cls for e in events],
            "description": [e.description for e in events],
            "timex_id": [e.timex_id if e.timex_id is not None else pd.NA for e in events],
            "narrative_position": list(range(len(events))),
            "n_mentions": [len(e.mentions) for e in events],
            "time_start": [e.start if e.start is not None else pd.NaT for e in events],
            "time_end": [e.end if e.end is not None else pd.NaT for e in events],
            "when": [_when(timexes[e.timex_id]) if e.timex_id is not None else pd.NA for e in events],
            "rule": [
                "+".join(dict.fromkeys([m.rule for m in e.mentions]))
                + (
                    f"; merged {len(e.mentions)} mentions ({_classes()[e.cls].policy})"
                    if len(e.mentions) > 1
                    else ""
                )
                + (f"; {'; '.join(e.rules)}" if e.rules else "")
                for e in events
            ],
        },
    )


def build_event_constraints(article) -> pd.DataFrame:
    """One row per BEFORE / AFTER / OVERLAP constraint the text states.

    Examples
    --------
    >>> import kit
    >>> c = kit.load_article().event_constraints
    >>> row = c.iloc[0]
    >>> print(row.event_a, row.relation, row.event_b, row.rule)
    1 AFTER 2 signal
    """
    cons = _analyse(article).constraints
    return frame(
        "event_constraints",
        {
            "constraint_id": list(range(len(cons))),
            "event_a": [c[0] for c in cons],
            "relation": [c[1] for c in cons],
            "event_b": [c[2] for c in cons],
            "evidence": [c[3] for c in cons],
            "rule": [c[4] for c in cons],
        },
    )


# ----- checking a learner's order ---------------------------------------------------


def check_order(article, order, *, partial: bool = False) -> pd.DataFrame:
    """Check an ordering of the article's events against the text's constraints.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    order
        The events from earliest to latest: a list of ``event_id`` values or
        of descriptions (as in ``article.events["description"]``).
    partial
        Check only the events you list (by default every event must be listed
        once).

    Returns
    -------
    DataFrame
        One row per broken constraint, with an ``explanation`` in plain words;
        empty when the order is consistent with the text. OVERLAP constraints
        cannot be broken by a list: two events that overlap may come in either
        order.

    Raises
    ------
    EventOrderError
        An unknown event, an event listed twice, or (unless ``partial=True``)
        a missing event.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> broken = kit.check_order(article, [1, 2], partial=True)
    >>> print(broken.loc[0, "explanation"])
    You put 'the strikes in Iraq' (event 1) before 'the drone attack on Erbil Air Base' (event 2), but the text says the strikes in Iraq came after it: 'after a military base ... under a drone attack'.
    >>> kit.check_order(article, [2, 1], partial=True).empty
    True
    """
    events = article.events
    constraints = article.event_constraints
    ids = events["event_id"].tolist()
    descriptions = events["description"].tolist()
    by_desc = {match_form(d): i for i, d in zip(ids, descriptions)}
    if isinstance(order, (str, bytes)) or not isinstance(order, Iterable):
        raise EventOrderError(
            f"check_order() takes a list of events (event_id numbers or descriptions), but got"
            f" {order!r}. For example\n    kit.check_order(article, [2, 1, 3])"
        )
    order = list(order.tolist() if isinstance(order, pd.Series) else order)
    positions: list[int] = []
    for item in order:
        if isinstance(item, bool) or (not isinstance(item, (int, str)) and not hasattr(item, "__index__")):
            raise EventOrderError(
                f"Each event in the order must be an event_id (a whole number) or a description,"
                f" but {item!r} is a {type(item).__name__}. See article.events for both."
            )
        if isinstance(item, str):
            key = match_form(item.strip())
            if key not in by_desc:
                raise EventOrderError(
                    f"No event is described as {item!r}.{did_you_mean(item, descriptions)} The events"
                    f" are listed in article.events[['event_id', 'description']]; use their"
                    " descriptions or their event_id numbers."
                )
            positions.append(by_desc[key])
        else:
            value = int(item)
            if value not in ids:
                raise EventOrderError(
                    f"There is no event {value}: the event_id numbers of this article run from 0 to"
                    f" {len(ids) - 1}. See article.events[['event_id', 'description']]."
                )
            positions.append(value)
    twice = sorted({p for p in positions if positions.count(p) > 1})
    if twice:
        names = ", ".join(f"{p} ({descriptions[p]!r})" for p in twice)
        raise EventOrderError(
            f"Your order lists event {names} more than once. Put each event in the list once."
        )
    missing = [i for i in ids if i not in positions]
    if missing and not partial:
        names = ", ".join(f"{i} ({descriptions[i]!r})" for i in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise EventOrderError(
            f"Your order leaves out event {names}{more}. List every event once, or check only the"
            f" events you listed with\n    kit.check_order(article, order, partial=True)"
        )
    rank = {e: k for k, e in enumerate(positions)}
    rows: dict[str, list] = {
        k: [] for k in ("constraint_id", "event_a", "relation", "event_b", "evidence", "rule", "explanation")
    }
    for c in constraints.itertuples():
        if c.relation == "OVERLAP" or c.event_a not in rank or c.event_b not in rank:
            continue
        a_first = rank[c.event_a] < rank[c.event_b]
        if (c.relation == "BEFORE") == a_first:
            continue
        first, second = (c.event_a, c.event_b) if a_first else (c.event_b, c.event_a)
        said = "after" if c.relation == "AFTER" else "before"
        explanation = (
            f"You put {descriptions[first]!r} (event {first}) before {descriptions[second]!r}"
            f" (event {second}), but the text says {descriptions[c.event_a]} came {said}"
            f" {'it' if c.event_a == first else descriptions[c.event_b]}: {c.evidence}."
        )
        for k, v in (
            ("constraint_id", c.constraint_id),
            ("event_a", c.event_a),
            ("relation", c.relation),
            ("event_b", c.event_b),
            ("evidence", c.evidence),
            ("rule", c.rule),
            ("explanation", explanation),
        ):
            rows[k].append(v)
    out = pd.DataFrame(rows)
    out = out.astype(
        {
            "constraint_id": "int64",
            "event_a": "int64",
            "event_b": "int64",
            "relation": pd.CategoricalDtype(list(RELATIONS)),
            "evidence": "string",
            "rule": "string",
            "explanation": "string",
        }
    )
    return out


def chronology(article) -> list[int]:
    """An order of all the events that breaks no constraint, earliest first.

    Ties (where the text does not decide) are broken by the time the event
    can start, then by narrative position, so the order is one of many.

    Examples
    --------
    >>> import kit
    >>> from kit.timeline import chronology
    >>> article = kit.load_article()
    >>> kit.check_order(article, chronology(article)).empty
    True
    """
    events = article.events
    cons = article.event_constraints
    n = len(events)
    succ: dict[int, set[int]] = {i: set() for i in range(n)}
    indeg = [0] * n
    for c in cons.itertuples():
        if c.relation == "OVERLAP":
            continue
        a, b = (c.event_a, c.event_b) if c.relation == "BEFORE" else (c.event_b, c.event_a)
        if b not in succ[a]:
            succ[a].add(b)
            indeg[b] += 1
    far = pd.Timestamp.max.tz_localize("UTC")
    key = {
        i: (events.loc[i, "time_start"] if pd.notna(events.loc[i, "time_start"]) else far, i)
        for i in range(n)
    }
    ready = sorted((i for i in range(n) if indeg[i] == 0), key=key.get)
    out: list[int] = []
    while ready:
        i = ready.pop(0)
        out.append(i)
        for j in succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0:
                ready.append(j)
        ready.sort(key=key.get)
    out.extend(i for i in range(n) if i not in out)  # a cycle: the text contradicts itself
    return out


# ----- converting times -----------------------------------------------------------------


def _zone_arg(zone, what: str) -> dt.tzinfo:
    if isinstance(zone, dt.tzinfo):
        return zone
    if not isinstance(zone, str) or not zone.strip():
        raise TimelineError(
            f"{what} must be a time zone such as 'GMT', 'Iraq', 'Washington' or 'Asia/Baghdad', but got {zone!r}."
        )
    found = _lookup_zone(zone.strip())
    if found is not None:
        return _tz(found.zone)
    try:
        return ZoneInfo(zone.strip())
    except (ZoneInfoNotFoundError, ValueError):
        options = [z.name for z in _zones()]
        raise TimelineError(
            f"Unknown time zone {zone!r} for {what}.{did_you_mean(zone, options)} Use a name from"
            f" kit.timeline.zone_lexicon() ({format_options(options, limit=6)}) or an IANA name such"
            " as 'Asia/Baghdad' or 'America/New_York'."
        ) from None


def convert_time(value, from_zone, to_zone, *, on=None) -> pd.Timestamp:
    """Convert a clock time from one time zone to another.

    Parameters
    ----------
    value
        A date and time (``"2023-12-26 01:45"``, a ``datetime``), or a clock
        time alone (``"1:45"``, ``"8:45 p.m."``) with its date in ``on``.
    from_zone, to_zone
        Zone abbreviations, places, organisations or people from
        :func:`zone_lexicon` (``"GMT"``, ``"Iraq"``, ``"Washington"``,
        ``"Pentagon"``), or IANA names (``"Asia/Baghdad"``).
    on
        The date of a clock time given alone.

    Examples
    --------
    >>> import kit
    >>> kit.convert_time("2023-12-26 01:45", "GMT", "Iraq")
    Timestamp('2023-12-26 04:45:00+0300', tz='Asia/Baghdad')
    >>> kit.convert_time("1:45", "GMT", "Washington", on="2023-12-26")
    Timestamp('2023-12-25 20:45:00-0500', tz='America/New_York')
    >>> kit.convert_time("8:45 p.m.", "EST", "UTC", on="2023-12-25")
    Timestamp('2023-12-26 01:45:00+0000', tz='UTC')
    """
    src = _zone_arg(from_zone, "from_zone")
    dst = _zone_arg(to_zone, "to_zone")
    moment: dt.datetime | None = None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str):
        v = value.strip()
        try:
            moment = dt.datetime.fromisoformat(v)
        except ValueError:
            hm = _clock_value(v) if re.fullmatch(_CLOCK + r"|\d{1,2}", v) else None
            if hm is None:
                raise TimelineError(
                    f"convert_time() cannot read the time {value!r}. Write a date and time such as"
                    " '2023-12-26 01:45', or a clock time such as '1:45' or '8:45 p.m.' with on='2023-12-26'."
                ) from None
            if on is None:
                raise TimelineError(
                    f"{value!r} is a clock time without a date, and the conversion depends on the date"
                    f" (summer time). Say which day, for example\n"
                    f"    kit.convert_time({value!r}, {from_zone!r}, {to_zone!r}, on='2023-12-26')"
                ) from None
            day = _coerce_reference(on)
            moment = dt.datetime(day.year, day.month, day.day, *hm)
    else:
        raise TimelineError(
            f"convert_time() takes a time as a string or a datetime, but got a {type(value).__name__}."
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=src)
    return pd.Timestamp(moment.astimezone(dst))


# ----- the publication date from internal evidence -----------------------------------------


def _known_events(known_events) -> list[dict[str, str]]:
    if known_events is False or known_events is None:
        return []
    if known_events is True:
        return _read_csv("time_known_events.csv")
    if isinstance(known_events, pd.DataFrame):
        missing = {"cues", "date", "what"} - set(known_events.columns)
        if missing:
            raise TimelineError(
                f"known_events needs the columns 'cues', 'date' and 'what' (and 'source'); it lacks"
                f" {format_options(missing)}. See kit/data/time_known_events.csv for the format."
            )
        return [{k: str(v) for k, v in row.items()} for row in known_events.to_dict("records")]
    raise TimelineError(
        f"known_events must be True (the shipped table), False (the text alone) or a DataFrame, not"
        f" {known_events!r}."
    )


TEXT = "text"
KNOWLEDGE = "outside knowledge"
TEXT_AND_KNOWLEDGE = "text + outside knowledge"
ASSUMPTION = "assumption"
ALL = "all clues"
EVIDENCE = (TEXT, KNOWLEDGE, TEXT_AND_KNOWLEDGE, ASSUMPTION, ALL)
"""Where a clue of :func:`infer_published` comes from: the article's words,
the known-events table (what the reader knows, with its source), both, or an
assumption about news."""


def infer_published(article, *, known_events=True, freshness_days: int | None = 2) -> pd.DataFrame:
    """Reason out when the article was published, from its own words and from
    what a reader may know.

    The article's ``published`` metadata is never read. Each clue gives the
    earliest and the latest feasible date; the last row intersects them. The
    ``evidence`` column says plainly where each clue comes from:

    ``text``
        The article's own words ("May 31, 2019").
    ``outside knowledge``
        Not in the text: the known-events table (``known_events``, by default
        ``kit/data/time_known_events.csv``) dates an event the article
        mentions; ``implies`` cites the table's source for it.
    ``text + outside knowledge``
        The text's words read with a known event ("November 2" gets its year
        from a known event).
    ``assumption``
        Neither: the freshness window (a news report is fresh).
    ``all clues``
        The last row. Its ``implies`` gives the interval from the text alone,
        then with outside knowledge, then with the assumption too; its
        ``earliest`` and ``latest`` are the last of these (all clues).

    Rules (the ``rule`` column):

    ``explicit_date``
        A full date of a past event ("May 31, 2019"): published on or after it.
    ``known_event``
        An event of ``kit/data/time_known_events.csv`` whose cues all occur in
        the article: published on or after it (the reader's memory, cited).
    ``yearless_date``
        A date without a year ("November 2") means the latest such day: the
        article is less than a year (plus a week) after it. It needs the year,
        from a known event with the same day and month; alone it narrows nothing.
    ``weekday``
        A weekday name ("on Tuesday") means a day in the past week: if a known
        event in the same sentence falls on that weekday, published at most six
        days after it; alone, a weekday narrows nothing.
    ``quoted_deictic``
        "today" inside a quotation is the speaker's day, not the publication
        day: it narrows nothing.
    ``freshness``
        An assumption, not evidence: a news report appears within
        ``freshness_days`` of the latest event it dates by a weekday name
        (``None`` to drop it). Older dated events (a caption's photo) are
        background, not news.
    ``combined``
        The intersection of all the clues.

    Returns
    -------
    DataFrame
        ``clue_id``, ``clue``, ``sentence_id``, ``start_char``, ``end_char``,
        ``evidence``, ``implies``, ``earliest``, ``latest``, ``rule``; the
        interval of all clues is also in ``.attrs["interval"]`` as two dates
        (``None`` for an open end), the text's alone in
        ``.attrs["interval_text"]``, the text's with outside knowledge in
        ``.attrs["interval_knowledge"]``.

    Examples
    --------
    >>> import kit
    >>> clues = kit.infer_published(kit.load_article())
    >>> [str(d) for d in clues.attrs["interval"]]
    ['2023-12-26', '2023-12-28']
    >>> [str(d) for d in clues.attrs["interval_knowledge"]]
    ['2023-12-26', '2024-01-01']
    >>> clues.attrs["interval_text"]
    (datetime.date(2019, 5, 31), None)
    >>> for part in clues.iloc[-1]["implies"].split("; "):
    ...     print(part)
    from the text alone: published on or after Friday 31 May 2019
    with outside knowledge (the known-events table kit/data/time_known_events.csv): published between Tuesday 26 December 2023 and Monday 1 January 2024
    adding the freshness assumption: published between Tuesday 26 December 2023 and Thursday 28 December 2023
    >>> clues["evidence"].value_counts(sort=False).to_dict()
    {'text': 3, 'outside knowledge': 4, 'text + outside knowledge': 3, 'assumption': 1, 'all clues': 1}
    """
    text = article.text
    mf = match_form(text)
    timexes = _find(text, _sentences(article), None)  # no reference date: the text alone
    marks = article.quote_marks
    quoted = list(zip(marks["content_start"], marks["content_end"]))
    sentence_of = _sentences(article)
    rows: list[dict] = []
    table = (
        "the known-events table kit/data/time_known_events.csv"
        if known_events is True
        else "the known-events table you passed"
    )

    def clue(label, sid, a, b, implies, earliest, latest, rule, evidence=TEXT):
        rows.append(
            {
                "clue": label,
                "sentence_id": sid,
                "start_char": a,
                "end_char": b,
                "evidence": evidence,
                "implies": implies,
                "earliest": earliest,
                "latest": latest,
                "rule": rule,
            }
        )

    def sid_at(pos: int):
        for sid, a, b in sentence_of:
            if a <= pos < b:
                return sid
        return None

    known: list[tuple[dict, int, int, dt.datetime | dt.date]] = []
    for row in _known_events(known_events):
        cues = [match_form(c.strip()) for c in row["cues"].split(";") if c.strip()]
        if not cues or not all(c in mf for c in cues):
            continue
        at = mf.find(cues[0])
        value = row["date"].strip()
        try:
            when = _instant(value) if "T" in value else dt.date.fromisoformat(value)
        except ValueError:
            raise TimelineError(
                f"The known event {row['what']!r} has the date {value!r}; write YYYY-MM-DD or"
                " YYYY-MM-DDTHH:MMZ."
            ) from None
        known.append((row, at, at + len(cues[0]), when))
        day = when.astimezone(dt.UTC).date() if isinstance(when, dt.datetime) else when
        clue(
            text[at : at + len(cues[0])],
            sid_at(at),
            at,
            at + len(cues[0]),
            f"outside knowledge, not the text: the article mentions '{text[at : at + len(cues[0])]}', and"
            f" {table} says {row['what']} happened on {_fmt_date(day)}"
            f" (source: {row.get('source', '') or 'not given'}): published on or after it",
            day,
            None,
            "known_event",
            KNOWLEDGE,
        )
    for t in timexes:
        in_quote = any(a <= t.start < b for a, b in quoted)
        if t.rule in ("date_mdy", "date_dmy", "date_iso", "weekday_date") and t.value and not in_quote:
            d = dt.date.fromisoformat(t.value[:10])
            if _FUTURE.search(text[t.start - 80 if t.start > 80 else 0 : t.start]):
                continue
            clue(
                t.text,
                t.sentence_id,
                t.start,
                t.end,
                f"a past event dated {_fmt_date(d)}: published on or after it",
                d,
                None,
                "explicit_date",
            )
    for t in timexes:
        in_quote = any(a <= t.start < b for a, b in quoted)
        if t.rule in ("date_md", "date_dm"):
            parsed = _parse_date_words(t.text)
            if parsed is None:
                continue
            _, month, day = parsed
            year = None
            for _row, _a, _b, when in known:
                kday = when.astimezone(dt.UTC).date() if isinstance(when, dt.datetime) else when
                if (kday.month, kday.day) == (month, day):
                    year, source = kday.year, f"the known event of {_fmt_date(kday)}"
            if year is None:
                clue(
                    t.text,
                    t.sentence_id,
                    t.start,
                    t.end,
                    "a date without a year: it needs its year from a known event; alone it narrows nothing",
                    None,
                    None,
                    "yearless_date",
                )
                continue
            d = dt.date(year, month, day)
            clue(
                t.text,
                t.sentence_id,
                t.start,
                t.end,
                f"a date without a year means the latest {d:%B} {d.day}; the year comes from outside"
                f" knowledge ({source} in {table}), so published between {_fmt_date(d)} and a year and a"
                " week later",
                d,
                d + dt.timedelta(days=372),
                "yearless_date",
                TEXT_AND_KNOWLEDGE,
            )
        elif t.rule in ("weekday", "clock", "day_clock") and re.search(_WD, t.text) and not in_quote:
            n = _WEEKDAYS.index(re.search(_WD, t.text).group())
            match = None
            for _row, a, _b, when in known:
                if sid_at(a) == t.sentence_id:
                    kday = when.astimezone(dt.UTC).date() if isinstance(when, dt.datetime) else when
                    if kday.weekday() == n:
                        match = kday
            if match is not None:
                clue(
                    t.text,
                    t.sentence_id,
                    t.start,
                    t.end,
                    f"'{_WEEKDAYS[n]}' names a day of the past week, and the event it dates fell on"
                    f" {_fmt_date(match)} (outside knowledge: {table}): published at most six days later",
                    match,
                    match + dt.timedelta(days=6),
                    "weekday",
                    TEXT_AND_KNOWLEDGE,
                )
            else:
                clue(
                    t.text,
                    t.sentence_id,
                    t.start,
                    t.end,
                    f"'{_WEEKDAYS[n]}' names a day of the past week, but which week the text alone does"
                    " not say: it narrows nothing by itself",
                    None,
                    None,
                    "weekday",
                )
        elif t.rule == "deictic" and in_quote:
            clue(
                t.text,
                t.sentence_id,
                t.start,
                t.end,
                f"'{t.text}' is inside a quotation: the speaker's day, not the publication day; it"
                " narrows nothing by itself",
                None,
                None,
                "quoted_deictic",
            )
    if freshness_days is not None:
        fresh = [r["earliest"] for r in rows if r["rule"] == "weekday" and r["earliest"] is not None]
        if fresh:
            last = max(fresh)
            clue(
                "(assumption)",
                None,
                None,
                None,
                f"a news report appears within {freshness_days} days of the latest event it dates by"
                f" its weekday ({_fmt_date(last)}): an assumption, drop it with freshness_days=None",
                None,
                last + dt.timedelta(days=freshness_days),
                "freshness",
                ASSUMPTION,
            )

    def interval(kinds):
        chosen = [r for r in rows if r["evidence"] in kinds]
        lo = max((r["earliest"] for r in chosen if r["earliest"] is not None), default=None)
        hi = min((r["latest"] for r in chosen if r["latest"] is not None), default=None)
        return lo, hi

    def between(lo, hi):
        if lo and hi and lo > hi:
            return "the clues contradict each other: no date fits them all"
        if lo and hi:
            return f"published between {_fmt_date(lo)} and {_fmt_date(hi)}"
        if lo or hi:
            return f"published on or {'after' if lo else 'before'} {_fmt_date(lo or hi)}"
        return "no clue to the date"

    text_only = interval({TEXT})
    knowledge = interval({TEXT, KNOWLEDGE, TEXT_AND_KNOWLEDGE})
    lo, hi = interval({TEXT, KNOWLEDGE, TEXT_AND_KNOWLEDGE, ASSUMPTION})
    parts = [f"from the text alone: {between(*text_only)}"]
    if known:
        parts.append(f"with outside knowledge ({table}): {between(*knowledge)}")
    if any(r["evidence"] == ASSUMPTION for r in rows):
        parts.append(f"adding the freshness assumption: {between(lo, hi)}")
    clue("all clues together", None, None, None, "; ".join(parts), lo, hi, "combined", ALL)
    out = pd.DataFrame(rows)
    out.insert(0, "clue_id", range(len(out)))
    out = out.astype(
        {
            "clue_id": "int64",
            "clue": "string",
            "sentence_id": "Int64",
            "start_char": "Int64",
            "end_char": "Int64",
            "evidence": pd.CategoricalDtype(list(EVIDENCE)),
            "implies": "string",
            "rule": "string",
        }
    )
    for col in ("earliest", "latest"):
        out[col] = pd.to_datetime(out[col].astype(object).where(out[col].notna(), None))
    out.attrs["interval"] = (lo, hi)
    out.attrs["interval_text"] = text_only
    out.attrs["interval_knowledge"] = knowledge
    return out
