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
``day_of_month``
    A bare day after a date, in a list of days of its month: "25" in "April 24
    and 25", "4" and "5" in "March 3, 4 and 5" (each a date of that month).
``date_iso``
    "2023-12-25".
``weekday_date``
    "Monday, December 25": the weekday is redundant.
``month_year``, ``month``, ``year``
    "March 2019"; "in March", "since March", "last March" (a month name
    alone counts only after a preposition or a modifier, because "March" and
    "May" are also ordinary words); "in 2019", "since 2014". A four-digit number
    before a plural counts things ("some 2000 troops"), unless "the", "its" or
    "fiscal" comes first ("the 1992 protests", "fiscal 1989 sales").
``year_end``
    "year-end results": the reference year's last day; "by year end", "at year's
    end": the end of the year, which TimeML writes as the year.
``holiday``
    "Thanksgiving Day", "Christmas", "Easter week", "last Election Day": the
    nearest one to the reference date (the next in the future tense).
``year_words``
    A year in words, as spoken news says it: "nineteen ninety-six",
    "the year two thousand".
``weekday``
    "Tuesday", "Monday morning", "last Friday", "until Friday".
``clock_duration``
    "3:07:35": hours, minutes and seconds of a race, a length of time.
``clock``
    "1:45 GMT on Tuesday", "9 a.m. local time", "8:45 p.m. EST on December
    25", "noon". With no day of its own, a clock time falls on the day named
    right after it ("at 10:35 a.m. (0735 GMT) Friday") or before it in its
    sentence ("On Friday, the blast came at 10:35 a.m."), else on the
    reference date.
``day_clock``
    "Tuesday at 9 a.m.".
``deictic``
    Words that point from the moment of writing: "today", "earlier today",
    "tonight", "yesterday", "last week", "this year", "recently", "the weekend",
    "the year" (the reference date's year, in business news "for the year").
    "The weekend" on a weekday is the one before in the past tense, the one
    after in the future tense, and with no tense the one before early in the
    week (Monday to Wednesday).
``offset_date_ago``
    "three days ago".
``duration``, ``vague_duration``, ``past_duration``
    "three days", "a three-day visit", "two more weeks", "eight trading days",
    "a couple of years" (``P2Y``), "2 1/2 years" (``P2Y6M``), "a minute and a
    half" (``PT1M30S``), "an additional year", "another month", "a further six
    months"; "years", "recent weeks" (TimeML's
    ``PXY``, ``PXW``: a length the text does not give; "in" or "for" before
    it is a signal), "for a while", "for some time", "for a long
    time", "for a lengthy period" (``PXX``: not even the unit); "the past three
    days", "the nine months ended Sept. 30"; a range or an approximation is one
    expression, and its value the lower bound ("two to three weeks", "two or
    three weeks" and "between two and three weeks" are ``P2W``, "a year or two"
    ``P1Y``, "the next 12 to 18 months" ``P12M``; "between" is a signal).
``offset_date``
    "a year before May 31, 2019": a duration and a date make one date.
``set``
    "every Monday", "each year", "every quarter", "each July", "daily", "twice a week";
    a weekday in the plural is a habit too: "on Tuesdays" (``XXXX-WXX-2``), "Sunday
    mornings", "every Tuesday night" (``XXXX-WXX-2TNI``), and in "Monday and Tuesday
    nights" each weekday named takes the plural part of day.
``ref``
    "now", "currently", "the past", "recently", "the future", "the near future",
    "the short term", "one day" after a modal or a wish ("it will one day be",
    "she hopes to one day return"), "current" before a noun ("the current
    system", "then current prices" is past; not the noun "a strong current",
    nor "current account"):
    TimeML's ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``. "The future of"
    something is its prospects, no time; a counted "one day" ("in the job one
    day") stays a length of time.
``quarter``
    "the third quarter", "third-quarter", "the latest quarter": ``1989-Q3``;
    in company results, "the latest period", "the year-earlier period" and
    "year-earlier" (results) are quarters too. "The quarter" or "the latest
    period" after a fiscal quarter ("the fiscal first quarter") is that quarter.
``season``
    "last summer", "the fall of 1998": ``1997-SU``, ``1998-FA``.
``decade``, ``century``
    "the 1990s" (``199``), "the 20th century" (``19``).
``decade_words``
    "the nineties", "the '80s": the latest such decade by the reference date.
``part_of_day``
    "in the morning", "by mid-afternoon", "at midday", "overnight": a TIME on the
    day named in the sentence or the one before, else on the reference date
    ("overnight" is the night before; "will leave at six in the morning" is the
    next morning).
``anaphoric``
    "the day before", "a year earlier", "the 99th day", "later that year", "that
    same day", "the previous Friday": counted from the latest time the text
    names before them ("later that year" is that year, "the previous Friday"
    the Friday before the day named); the value keeps ``X`` for what the kit
    cannot know. A count of years before "later" or "earlier" is counted too
    ("two years later"); a count of other units is a length of time, as
    TimeML writes it ("three days later": "three days", ``P3D``).
    "A year earlier" after a quarter named in the last sentences is
    that quarter a year before, after "for the nine months" the year before.
    An ordinal day said of today ("today is the tenth day of the
    blockade", "it's the second day of the strike") is the reference date.

Words in front that TimeML counts as part of the expression are in the span
("nearly forty years", "late yesterday", "the end of November", "the nine
months"), but the value is that of the expression they modify. A four-digit year needs no
preposition ("a 2010 raid"), but a number that counts ("2000 troops") or
stands among numbers is no year; ages and compound adjectives ("his
22-year-old son", "children ages 6 months and older", "a sub-five-minute
mile", "52 years old") are no time expressions, nor is a rate ("$2 a
year", "three-quarters of").

A unit or deictic word in title case in the middle of a sentence of ordinary
prose belongs to a name, not to a time: after a capitalised word ("This is VOA
Today") or in a quoted title ('ABC's "This Week"', "CBS's ``60 Minutes''").
A sentence's first word ("Today, ..."), a headline in title case, text in
capitals, weekdays, months and holidays ("Christmas Day") keep their times.

Prepositions in front ("on", "at", "until", "since", ...) are *signals*, not
part of the expression (TimeML's convention); the ``signal`` column keeps them.

Normalising (the ``value`` column)
----------------------------------
Values are ISO 8601 as TIMEX3 writes them: ``2023-12-25``,
``2023-12-25TMO`` (morning; also ``AF``, ``EV``, ``NI``; TimeML types a part of a day
TIME),
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
   date already past takes the next year. A date that follows one read as
   ahead in its sentence, with no tense of its own (a list, a range, a clause
   such as "..., with the third departing from August 6"), is ahead too.
4. A month without a year works like rule 3, for the month's first day.
   "last April" is the latest April before the reference month.

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
finds the speaker (``article.quotes``, and the names beside the marks), the
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
``events(article, extra_event_words=...)`` takes more event words, with the
columns of that file (``form``, ``class``; ``pos``), and marks what they find
``trigger+learner`` (see :mod:`kit.lexicons`).
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

``time_start`` and ``time_end`` are UTC bounds, at the granularity of the
text: no time is invented. Where the text gives only a date, they span that
local day (in the zone of the place or speaker named in the clause, or of the
clock time; with none, UTC), and ``zone`` says which zone: "May 31, 2019" in
Baghdad starts at 2019-05-30 21:00 UTC, "7 October" with no place is
2023-10-07 00:00 to 2023-10-08 00:00 UTC. ``granularity`` says how fine the
text is. An event no expression dates has no granularity; its bounds, if any,
come from the constraints. The ``when`` column says the time in words, no more
precisely than the text: "31 May 2019", "Monday 25 December 2023, morning",
"26 December 2023 01:45 UTC". :func:`kit.charts.timeline_chart` draws each
dated event as its interval, in a zone it states.

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

from kit.timeline.convert import convert_time
from kit.timeline.events import build_event_constraints, build_events, build_time_events, events
from kit.timeline.expressions import build_timeline, build_timexes, find_time_expressions, timeline
from kit.timeline.normalise import NORMALISERS, is_timex_value
from kit.timeline.order import check_order, chronology
from kit.timeline.published import infer_published
from kit.timeline.vocab import (
    ANCHORS,
    GRANULARITIES,
    RELATIONS,
    TYPES,
    EventOrderError,
    TimelineError,
)
from kit.timeline.zones import zone_lexicon

__all__ = [
    "ANCHORS",
    "GRANULARITIES",
    "NORMALISERS",
    "RELATIONS",
    "TYPES",
    "EventOrderError",
    "TimelineError",
    "build_event_constraints",
    "build_events",
    "build_time_events",
    "build_timeline",
    "build_timexes",
    "check_order",
    "chronology",
    "convert_time",
    "events",
    "find_time_expressions",
    "infer_published",
    "is_timex_value",
    "timeline",
    "zone_lexicon",
]
