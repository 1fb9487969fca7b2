"""Finding time expressions: the patterns, the trigger windows that keep the finder fast, and
the choice between overlapping matches."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kit.lexicons import word_tree
from kit.timeline.vocab import (
    _CLOCK,
    _DAY,
    _DAY_OF,
    _EXTRA,
    _HOLIDAY,
    _MONTH,
    _MONTH_FULL,
    _NUM,
    _POD,
    _SPELLED_YEAR,
    _UNIT,
    _WD,
    _WEEK_AFTER,
    _WEEKDAYS,
    _YEAR,
)
from kit.timeline.zones import (
    _zone_abbrev_re,
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
        ("offset_date_ago", rf"{b}(?i:{_NUM})[\s-](?i:{_UNIT})(?i:\sor\sso)?\s(?i:ago){e}"),
        (
            "weekday",
            rf"{b}(?:(?i:last|next|this|coming|past|early|late)\s)?{_WD}(?:\s(?i:{_POD}))?{_WEEK_AFTER}?{e}",
        ),
        (
            "month",
            rf"(?<![\w])(?:(?i:last|next|this|early|late|mid)[\s-])?(?:{_MONTH_FULL})(?![\w]|\s\d|,\s\d)",
        ),
        (
            "year",
            rf"(?:(?<![\w$£€.,-])|(?<=\d\d\d\d-))(?:(?i:early|late|mid|fiscal)[\s-])?{_YEAR}"
            rf"(?![\d]|[,.]\d|-(?!{_YEAR}(?!\d))\d|['’]?s)",
        ),
        ("holiday", rf"(?<![\w-])(?:(?i:last|this|next)\s)?{_HOLIDAY}(?:,?\s{_YEAR}(?!\d))?(?![\w-])"),
        ("year_end", r"(?<![\w-])(?i:year(?:-|\s|['’]s\s)end)(?![\w-])"),
        (
            "year_words",
            rf"(?<![\w-])(?:(?i:the\syear\s)|(?:{_MONTH_FULL})\s|(?i:the\s)?(?i:spring|summer|fall|autumn|winter)\sof\s)?"
            rf"(?i:{_SPELLED_YEAR})(?![\w-])",
        ),
        ("clock_duration", r"(?<![\w.:-])\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d+)?(?![\d:])"),
        (
            "deictic",
            r"(?<![\w])(?i:(?:earlier|later)\s(?:today|tonight|this\s(?:week|month|year|morning|afternoon|evening))"
            r"|the\sday\sbefore\syesterday|the\sday\safter\stomorrow"
            r"|(?:today|tonight|yesterday|tomorrow)(?:\s(?:morning|afternoon|evening|night))?"
            r"|last\s(?:night|week|weekend|month|year)|this\s(?:morning|afternoon|evening|week|weekend|month|year)"
            r"|next\s(?:week|weekend|month|year)|(?:last|this|next)\sfiscal\syear"
            r"|the\s(?:weekend|week|month|(?:(?:full|fiscal|current|current\sfiscal)\s)?year)"
            r"(?!\s(?:ended|ending|to\s|\d|two|one|of\s|before|after|earlier|later))"
            r")(?![\w-])",
        ),
        ("ref", rf"(?<![\w-])(?i:{_REF_WORDS})(?![\w-])"),
        ("quarter", _QUARTER),
        ("season", _SEASON),
        ("decade", rf"(?<![\w-])(?i:(?:the\s)?(?:(?:early|mid|late)[\s-])?){_YEAR[:-4]}\d0['’]?s(?![\w])"),
        (
            "decade_words",
            rf"(?<![\w-])(?i:the\s(?:(?:early|mid|late)[\s-])?(?:{_DECADE_WORDS}|['’][1-9]0s))(?![\w])",
        ),
        (
            "part_of_day",
            r"(?<![\w-])(?i:(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\sin\sthe\s"
            r"(?:morning|afternoon|evening)|(?<=in\s)the\s(?:morning|afternoon|evening)"
            r"|mid[\s-]?(?:morning|afternoon|day)|overnight)(?:\s(?i:yesterday|today))?(?![\w-])",
        ),
        (
            "century",
            r"(?<![\w-])(?i:(?:the\s)?(?:1[0-9]|2[01])(?:st|nd|rd|th)|this|the\s(?:last|next|past))\s(?i:century)(?![\w])",
        ),
        ("anaphoric", _ANAPHORIC),
        (
            "vague_duration",
            r"(?<![\w-])(?i:(?:(?:the\s)?(?:recent|coming|past|next|last|following|previous)\s|(?:several|many|few)\s)?"
            r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
            r"(?:\s(?:or|and)\s(?:days|weeks|months|years|decades)|\sahead)?)(?![\w-])"
            r"|(?<![\w-])(?i:the\s(?:(?:early|first|final|coming)\s)?(?:days|weeks|months|years)\sahead)(?![\w-])"
            r"|(?<=[Ff]or\s)(?i:ages|a\s(?:little\s)?while|(?:quite\s)?some\stime"
            r"|a\s(?:(?:very|fairly|rather|relatively)\s)?(?:long|lengthy|short|brief)\s(?:time|while|period(?:\sof\stime)?))"
            r"(?![\w-])",
        ),
        (
            "past_duration",
            rf"(?<![\w])(?i:(?:(?:the\s)?(?:past|previous)|the\s(?:last|next|coming))\s(?:{_NUM}\s(?:to|or)\s)?"
            rf"(?:{_NUM}[\s-])?{_UNIT}(?:\sor\sso)?"
            rf"|the\s(?:fiscal\s)?(?:{_NUM}\s)?{_UNIT}(?=\s(?:ended|ending)\s))(?![\w])",
        ),
        (
            "duration",
            rf"(?<![\w])(?<!sub-)(?i:{_NUM}|another)(?:\s1/2)?[\s-](?i:{_EXTRA}\s)?(?i:{_UNIT})"
            r"(?:-long)?(?![\w]|-(?!long)[a-z])"
            # "a second group", "a second term": an ordinal, not a length of time
            r"(?!(?<=[Aa]\ssecond)\s(?!(?:ago|later|earlier|before|after|or|and|to|of|in|for)\b)[a-z])"
            r"(?:\s(?i:or\s(?:so|two|three)|and\sa\shalf)(?![\w]))?",
        ),
        (
            "set",
            rf"(?<![\w])(?i:(?:every|each)\s(?:other\s)?(?:(?:{_NUM})\s)?(?:{_UNIT}|quarter|morning|afternoon|evening|night|weekend|"
            rf"{_MONTH_FULL}|(?:"
            + "|".join(_WEEKDAYS)
            + rf")(?:\s{_POD})?)|(?:once|twice|three\stimes)\s(?:a|per|every)\s(?:day|week|month|year)"
            r")(?![\w])|(?<![\w])(?:daily|weekly|monthly|yearly|annually|hourly|nightly)(?![\w])"
            # a weekday in the plural is a habit: "on Tuesdays", "Sunday mornings"
            rf"|(?<![\w]){_WD}(?:s|\s(?i:{_POD})s)(?![\w])",
        ),
    ]
    return [(name, re.compile(p)) for name, p in pats]


_SIGNAL_BEFORE = re.compile(
    r"(?i)(?<![\w])(on|at|in|since|until|till|by|from|during|for|before|after|through|throughout|over|within"
    r"|as\sof|ahead\sof|prior\sto)\s$"
)
_MONTH_PREPOSITIONS = frozenset(
    "in since until till by from during through throughout before after of for to over the a".split()
)
_NOT_A_YEAR = re.compile(
    # "the 1992 protests", "fiscal 1989 sales": a year before a plural after "the", "its" or "fiscal"
    r"(?<!the\s\d{4})(?<!its\s\d{4})(?<![Ff]iscal\s\d{4})"
    r"\s?(?:%|percent\b|per\b|(?!(?:was|has|is|as|his|its|this|does|plus|across|versus|thus|us)\b)[a-z]{2,}s\b"
    r"|(?:people|men|women|feet|miles)\b)"
)
"""A four-digit number before a plural or a measure counts things: it is no year."""
_COUNTED = re.compile(rf"(?i)(?<![\w])(?:{_NUM})[\s-]$")
_AGES = re.compile(r"(?i)(?<![\w])(?:ages?|aged)\s$")
_OLD = re.compile(r"\s(?:old|of\sage)\b")
_RATE = re.compile(r"(?i)an?\s")
_AMOUNT_BEFORE = re.compile(r"(?i)(?:\d|%|million|billion|thousand|percent|cents?)\s$")
_FRACTION = re.compile(r"(?i)\w-quarters$")
_SOMEDAY = re.compile(r"(?i)one\sday")
_SOMEDAY_BEFORE = re.compile(
    r"(?:['’]ll|(?<![\w])(?:will|would|could|might|may|shall|can|should|must"
    r"|(?:hope|hopes|hoped|hoping|want|wants|wanted|wish|wishes|wished|dream|dreams|dreamed|longs?|longed)\sto))\s$"
)
"""A modal or a wish before "one day": "it will one day be", "she hopes to one day return" (some
time to come: TimeML's FUTURE_REF, not a day's length)."""
_IN_NUMBERS = re.compile(r"[\d$£€]\s?$|\d,\s$|(?i:no\.|number|nos?\.)\s$")
"""A four-digit number right after another number, a currency sign or "No." is no year."""
_FUTURE = re.compile(
    r"(?i)(?<![\w])(?:will|shall|won['’]t|(?:is|are|was|were)\s(?:due|set|scheduled|expected|going|to)\s?(?:to\s)?"
    r"|plans?\sto|planned\sto|\w+['’]ll|(?<!been\s)(?:due|set|scheduled|slated|supposed)\sto|as\s(?:soon|early)\sas|planning\sto|(?:planned|scheduled)\s(?:an?|the)(?=\s))(?![\w])"
)


_REF_WORDS = (
    r"now|currently|nowadays|at\spresent|the\spresent|these\sdays|the\spast|recently|the\sfuture(?!\sof\s)"
    r"|(?<=at\s)the\stime|the\snear\sfuture|the\s(?:near|short)\sterm"
    # "current" before a noun ("the current system", "his current wife", "then current prices"); not
    # the noun ("the current of the river", "a current flows"), nor accounting's "current account",
    # nor "current year"/"current quarter" (a dated value, or none)
    r"|(?:(?<!(?i:until)\s)(?<!(?i:since)\s)(?<!(?i:from)\s)(?<!(?i:till)\s)(?<!(?i:by)\s)then[\s-])?current(?=\s(?!(?:of|is|was|were|are|be|been|has|had|flows?|flowed|carried|swept"
    r"|runs?|ran|in|into|on|at|to|from|through|that|which|who|between|across|along|with|by|for|as"
    r"|account|accounts|assets|liabilities|ratio|affairs|events|yield|year|years|quarter|quarters"
    r"|month|months|week|weeks|fiscal|period|decade|century|season|term)(?![\w-]))[A-Za-z])"
)
"""Present, past and future references (TimeML's PRESENT_REF, PAST_REF, FUTURE_REF)."""
_DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
"""Decades in words ("the nineties"), with "the": "in his forties" is an age."""
_ORDINAL_QUARTER = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_QUARTER_ADJ = rf"(?:(?:fiscal|calendar)[\s-]|(?:year-earlier|year-ago|comparable|{_YEAR})\s)"
_QUARTER = (
    rf"(?<![\w-])(?i:(?:the\s|(?:this|last|next)\syear['’]s\s)?{_QUARTER_ADJ}*{_ORDINAL_QUARTER}\squarter"
    rf"(?:\sof\s(?:fiscal\s)?{_YEAR}(?!\d))?"
    rf"|{_QUARTER_ADJ}*{_ORDINAL_QUARTER}-quarter"
    rf"(?:\s(?:of\s)?(?:fiscal\s)?{_YEAR})?"
    r"|(?:the\s)?(?:latest|last|current|previous|past|next|this|same|year-earlier|year-ago|prior)\s"
    r"(?:(?:fiscal|calendar)\s)?quarter|the\s(?:comparable\s)?(?:year-earlier\s|year-ago\s)?quarter"
    r"(?:\sa\syear\s(?:ago|earlier))?"
    rf"|the\s(?:latest|year-earlier|year-ago|comparable|corresponding|same|{_YEAR})\speriod"
    r"(?:\s(?:last\syear|a\syear\s(?:ago|earlier)))?"
    rf"|the\s{_YEAR}\squarter"
    r"|year-(?:earlier|ago)(?!\s(?:[\w-]+\s)?(?:quarter|period|months|weeks|years)))(?![\w-])"
)
"""Quarters: "the third quarter", "third-quarter", "fiscal 1989 first quarter", "the fiscal-first
quarter", "the latest quarter"."""
_SEASON = (
    rf"(?<![\w-])(?:(?i:last|this|next|(?:the\s)?early|(?:the\s)?late|this\spast|the\spast|past)\s)"
    rf"(?i:spring|summer|fall|autumn|winter)"
    rf"(?:\s(?:of\s)?{_YEAR})?(?![\w-])"
    rf"|(?<![\w-])(?i:the\s)?(?i:spring|summer|fall|autumn|winter)\s(?:of\s)?{_YEAR}(?![\w])"
    r"|(?<![\w-])(?i:the\s)(?i:spring|summer|winter)"
    r"(?=\s?[.,;:!?)]|\s(?:and|or|when|as|before|after|is|was|will|has|had|began|begins|ended|ends)\s|$)"
)
"""A season with a modifier or a year ("last summer", "the fall of 1998")."""
_ANAPHORIC = (
    r"(?<![\w-])(?i:the\s(?:day|week|month|year)\s(?:before|after|earlier|later)"
    r"(?!\s[a-z])|the\s(?:previous|following|next|prior|same)\s(?:day|week|weekend|month|year|morning|afternoon|evening|night)"
    rf"|(?:{_NUM})[\s-]years?\s(?:earlier|later)"
    r"|(?:the|its|his|her|their)\s(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|\w+tieth|\w+ty-(?:first|second|third|\w+th))\sday"
    rf"(?!s|\sof\s(?:each|every|the\s(?:month|year|week)|{_MONTH_FULL}))"
    rf"|the\s(?:previous|prior|following)\s{_WD}"
    r"|(?:(?:earlier|later)\s)?that\s(?:same\s)?(?:day|week|month|year|morning|afternoon|evening|night))(?![\w-])"
)
"""Expressions anchored on another time, not on the reference date ("the day before", "a year
earlier", "the 99th day", "its second day"): found, with an underspecified value. "The first day
of May" or "of each month" is no such expression (the month, or the repeated time, is found)."""


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS = {
    "ref": ("now", "current", "present", "days", "past", "recent", "future", "time", "term"),
    "quarter": ("quarter", "period", "year-"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "decade": ("0s", "0's", "0’s"),
    "century": ("century",),
    "anaphoric": (
        *("earlier", "later", "previous", "following", "next", "prior", "same", "that "),
        *("st day", "nd day", "rd day", "th day"),
        *(f"{u} {w}" for u in ("day", "week", "month", "year") for w in ("before", "after")),
    ),
    "offset_date_ago": ("ago",),
    "set": (
        *("every ", "each ", "once ", "twice ", "times "),
        *("daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly"),
        *("days", "day morning", "day afternoon", "day evening", "day night"),
    ),
    "deictic": (
        *("today", "tonight", "yesterday", "tomorrow"),
        *(" week", " month", " year", " morning", " afternoon", " evening", " night"),
    ),
    "vague_duration": (
        *("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"),
        *("ages", "while", " period", "some time", "long time", "lengthy time", "short time", "brief time"),
    ),
    "clock": (":", "a.m", "p.m", "am", "pm", "noon", "midnight"),
    "day_clock": (":", "a.m", "p.m", "am", "pm", "noon", "midnight"),
    "clock_duration": (":",),
    "date_iso": ("-",),
    "weekday_date": ("day",),
    "weekday": ("day",),
    "year": ("18", "19", "20"),
    "year_words": ("nineteen", "thousand"),
    "year_end": ("year-end", "year end", "year's end", "year’s end"),
    "holiday": (
        *("christmas", "thanksgiving", "easter", "halloween", "new year", "valentine", "mother", "father"),
        *("independence", "veterans", "labor", "memorial", "election"),
    ),
    "month_year": ("18", "19", "20"),
    "date_mdy": ("18", "19", "20"),
    "date_dmy": ("18", "19", "20"),
    "month": _MONTH_STEMS,
    "date_md": _MONTH_STEMS,
    "date_dm": _MONTH_STEMS,
    "past_duration": ("past ", "previous ", "last ", "next ", "coming ", " ended ", " ending "),
    "decade_words": ("ties", "0s", "0’s"),
    "part_of_day": ("morning", "afternoon", "evening", "midday", "mid-day", "mid day", "overnight"),
}
"""Words every match of a pattern contains, as :func:`_fold` writes them (lower case, each white
space a space): a window without any of them skips the pattern."""
_CLOCK_TEST = r"\d(?::[0-5]\d|\s?[ap]\.?m)|noon|midnight"
_WEEKDAY_TEST = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_NEEDS_RE = {
    "duration": rf"[\s-](?:{_EXTRA}\s)?"
    r"(?:second|minute|hour|day|week|fortnight|month|quarters|year|decade|centur)",
    "anaphoric": r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)s?"
    r"\s(?:before|after|earlier|later)|the\s(?:previous|following|next|prior|same)\s|(?:st|nd|rd|th)\sday"
    r"|that\s(?:same\s)?(?:day|week|month|year|morning|afternoon|evening|night)",
    "clock": _CLOCK_TEST,
    "day_clock": _CLOCK_TEST,
    "weekday_date": _WEEKDAY_TEST,
    "weekday": _WEEKDAY_TEST,
    "date_mdy": r"(?:\d|st|nd|rd|th),?\s(?:1[89]|20)\d\d",
    "date_dmy": r"[a-z.],?\s(?:1[89]|20)\d\d",
    "date_iso": r"\d\d-[01]\d-[0-3]\d",
    "month_year": r"(?:ary|ch|il|may|ne|ly|st|ber)\s(?:1[89]|20)\d\d",
    "date_md": r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d",
    "date_dm": r"\d(?:st|nd|rd|th)?\s(?:of\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    "month": r"(?:jan|febr)uary|march|april|may|june|july|august|(?:septem|octo|novem|decem)ber",
    "year": r"(?:1[89]|20)\d\d",
    "ref": r"now(?![a-z])|nowadays|current(?:ly|\s[a-z])|recently|at\spresent|these\sdays"
    r"|the\s(?:present|past|future|time|near|short)",
}
"""A stronger test for the costliest patterns: every match's folded text (see :func:`_fold`)
contains a match of this expression, so a window without one skips the pattern."""
_FOLD_TABLE = {c: " " for c in range(0x3001) if chr(c).isspace()} | {0x130: "i", 0x131: "i", 0x17F: "s"}
"""Every white space a pattern's ``\\s`` matches becomes a space; the three letters that match an
ASCII letter only when case is ignored (İ, ı, ſ) become it."""

_ASCII_FOLD = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b"abcdefghijklmnopqrstuvwxyz" + b" " * 9
)


def _fold(window: str) -> str:
    """The window as the prefilter reads it: white space as spaces, lower case, so that a
    need in :data:`_NEEDS` is in it whenever a pattern that needs it matches the window."""
    if window.isascii():  # the usual case: one pass over the bytes
        return window.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    return window.translate(_FOLD_TABLE).lower()


@cache
def _finder() -> list[tuple[str, re.Pattern, frozenset[str] | None, re.Pattern | None]]:
    """The patterns in priority order, each with its needs (a window must contain one) and its
    stronger test (a window must match it)."""
    tests: dict[str, re.Pattern] = {}
    out = []
    for name, pattern in _patterns():
        needs = frozenset(_NEEDS[name]) if name in _NEEDS else None
        test = tests.setdefault(_NEEDS_RE[name], re.compile(_NEEDS_RE[name])) if name in _NEEDS_RE else None
        out.append((name, pattern, needs, test))
    return out


@cache
def _needs_finder() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """Every need of every pattern in one pass: an expression that finds, at each place of a
    window, the longest need starting there, and for each need the needs it starts with."""
    every = sorted({n for needs in _NEEDS.values() for n in needs})
    starts = {n: frozenset(m for m in every if n.startswith(m)) for n in every}
    return re.compile(f"(?=({word_tree(every)}))"), starts


def _present(folded: str) -> set[str]:
    """The needs in a (folded) window: ``{n for n in needs if n in folded}``, in one pass."""
    finder, starts = _needs_finder()
    return set().union(*map(starts.__getitem__, finder.findall(folded)))


def _to_try(folded: str) -> list[bool]:
    """For each pattern, in priority order: may it match in this (folded) window?"""
    present = _present(folded)
    passed: dict[re.Pattern, bool] = {}
    out = []
    for _, _, needs, test in _finder():
        if needs is not None and needs.isdisjoint(present):
            out.append(False)  # the window lacks a word every match of this pattern contains
        elif test is None:
            out.append(True)
        else:
            ok = passed.get(test)
            if ok is None:
                ok = passed[test] = test.search(folded) is not None
            out.append(ok)
    return out


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    priority: int
    lead: int = 0  # characters of modifiers in front, kept in the span but not normalised


_TRIGGER_WORDS = tuple(
    w.encode()
    for w in (
        "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun today tonight"
        " yesterday tomorrow recent morning afternoon evening night weekend noon midnight second minute"
        " hour day daily week fortnight month year decade centur ages while hourly nightly annually now current"
        " present past previous future term quarter period nineteen christmas thanksgiving easter halloween spring summer fall autumn winter time midday overnight"
        " twenties thirties forties fifties sixties seventies eighties nineties"
    ).split()
)
_TRIGGER_RE = re.compile(
    rb"(?<![a-z0-9])(?:" + word_tree(w.decode() for w in _TRIGGER_WORDS).encode() + rb")"
)
"""Any trigger word at the start of a word (the longest), in one pass."""
_TRIGGER_DIGITS = re.compile(
    r"\d(?:(?<=['’][1-9])0s|(?<=(?<!\d)1)[89]\d\d(?!\d)|(?<=(?<!\d)2)0\d\d(?!\d)|:[0-5]\d|\s?[aApP]\.?[mM](?![a-zA-Z]))"
)
"""Every time expression contains a trigger: a word starting with one of
``_TRIGGER_WORDS`` (a month, a weekday, a unit, a deictic word) or a year, a
clock time or "a.m."/"p.m.". The finder reads only the text around them, so a
megabyte of numbers or words costs a few fast scans. Each digit trigger starts with a digit, so
the scan skips straight to the digits (a year is a digit, then a look back at it)."""
WINDOW = 60
"""Characters read on each side of a trigger word (longer than any expression's reach)."""


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = [m.span() for m in _TRIGGER_DIGITS.finditer(text, start, end)]
    # ASCII lower case keeps every offset (a non-ASCII character becomes one "?")
    low = text[start:end].encode("ascii", "replace").lower()
    hits.extend((start + m.start(), start + m.end()) for m in _TRIGGER_RE.finditer(low))
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
    headline: list[bool] = []  # is the sentence a headline in title case? (worked out once, if asked)
    return [c for c in _choose(text, found) if not _in_a_name(text, c, start, end, headline)]


_NAME_RULES = frozenset(
    ("deictic", "duration", "vague_duration", "past_duration", "ref", "anaphoric", "set", "part_of_day")
)
"""The patterns whose finds can be part of a name (never a weekday, a month or a holiday)."""
_TITLE_UNIT = re.compile(
    r"(?<![\w'’-])(?:Seconds?|Minutes?|Hours?|Days?|Weeks?|Weekends?|Months?|Years?|Decades?|Today|Tonight"
    r"|Tomorrow|Yesterday|Mornings?|Afternoons?|Evenings?|Nights?|Future|Past|Present|Now|Daily|Weekly"
    r"|Monthly|Yearly|Annually|Hourly|Nightly|Current)(?![\w-])"
)
"""A unit or deictic word in title case: in running prose, only a name writes it so."""
_OPENING_QUOTE = re.compile(r"(?:(?<=\s)|(?<=^))(?:\"|``|''|'|“|‘)$")
_CLOSING_QUOTE = re.compile(r"\"|''|”|’|'(?![\w])")
_NAME_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or over per so the to up via vs. with yet nor".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*")
_ANY_WORD = re.compile(r"\w")
_LEADING = " \t\n\"'`“‘(—–-_"
_NAME_REACH = 200
"""How far before an expression the name test looks (a quotation mark, the word before)."""
_NEXT_CAPITAL = re.compile(r"[^\S\n]+[A-Z][a-z]")
_PREVIOUS_CAPITAL = re.compile(r"(?<![\w'’.&-])[A-Z][\w'’.&-]*[^\S\n]+$")


def _title_case(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in _NAME_SMALL_WORDS for w in words)


def _in_a_name(text: str, c: _Cand, s_start: int, s_end: int, headline: list[bool]) -> bool:
    """Is this expression part of a name: a title-case unit or deictic word in the middle of a
    sentence of ordinary prose, after a capitalised word ("This is VOA Today") or in a quoted
    title ("ABC's "This Week"", "CBS's "60 Minutes"")? A sentence's first word, a headline in
    title case and all-capital text keep their times; so do weekdays, months and holidays, and a
    time after an abbreviation that ends a sentence the splitter kept whole ("in the U.S. Today").
    ``headline`` caches the headline test of the sentence (empty until it is needed). Only the
    ``_NAME_REACH`` characters before the expression are read, so a long sentence stays linear."""
    if c.rule not in _NAME_RULES or not _TITLE_UNIT.search(text, c.start, c.end):
        return False
    if not _ANY_WORD.search(text, s_start, c.start):
        return False  # the sentence's first words ("Today, ...", "``Today, ...")
    if not headline:
        headline.append(_title_case(_WORD.findall(text, s_start, s_end)))
    if headline[0]:
        return False  # a headline in title case
    lo = max(s_start, c.start - _NAME_REACH)
    before = text[lo : c.start]
    if _OPENING_QUOTE.search(before):
        close = _CLOSING_QUOTE.search(text, c.start, min(s_end, c.end + 60))
        if close is None:
            return False
        title = text[c.start : close.start()]
        return len(title.split()) >= 2 and _title_case(_WORD.findall(title))
    if before.upper() == before:
        return False  # after a dateline in capitals ("NEW YORK Today, ...")
    if _NEXT_CAPITAL.match(text, c.end):
        return True  # a title-case word before another mid-sentence ("published in Current Biology")
    prev = _PREVIOUS_CAPITAL.search(before)
    if prev is None or prev.group().rstrip().endswith("."):
        return False  # no capitalised word before, or an abbreviation ending a sentence ("the U.S. Today")
    return bool(_ANY_WORD.search(text, s_start, lo + prev.start()))


def _window_candidates(text: str, start: int, end: int, s_start: int, prefilter: bool = True) -> list[_Cand]:
    """The matches of every pattern in one window. A pattern is tried only when the window
    passes its tests (see :func:`_finder`); ``prefilter=False`` tries them all (the same result,
    slower)."""
    found: list[_Cand] = []
    patterns = _finder()
    tried = _to_try(_fold(text[start:end])) if prefilter else [True] * len(patterns)
    for priority, (name, pattern, _, _) in enumerate(patterns):
        if not tried[priority]:
            continue
        for m in pattern.finditer(text, start, end):
            a, b = m.span()
            if name == "month":
                chunk = text[a:b]
                modifier = re.match(r"(?i)(last|next|this|early|late|mid)[\s-]", chunk)
                if not modifier:
                    prev = re.search(r"(?i)(\w+)\s$", text[max(s_start, a - 12) : a])
                    if not prev or prev.group(1).lower() not in _MONTH_PREPOSITIONS:
                        continue
            elif name == "vague_duration" and _COUNTED.search(text, max(0, a - 20), a):
                continue  # a unit after a number is no vague length ("ages 6 months")
            elif name == "duration" and (
                _AGES.search(text, max(0, a - 6), a)
                or _OLD.match(text, b)
                or (_RATE.match(text, a) and _AMOUNT_BEFORE.search(text, max(0, a - 12), a))
                or _FRACTION.search(text, a, b)
            ):
                # "ages 6 months", "52 years old": an age; "$2 a year": a rate; "three-quarters of"
                continue
            elif (
                name == "duration"
                and _SOMEDAY.fullmatch(text, a, b)
                and _SOMEDAY_BEFORE.search(text, max(0, a - 20), a)
            ):
                name = "ref"  # "it will one day be": some time to come, no length
            elif name == "year" and (
                _NOT_A_YEAR.match(text, b) or _IN_NUMBERS.search(text, max(0, a - 12), a)
            ):
                continue  # "2000 troops", "1990 percent", "12 1990 7": a count, not a year
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
            and _PLAIN_COUNT.fullmatch(text, merged[-1].start, merged[-1].end)
            and c.rule in ("date_mdy", "date_dmy", "date_md", "date_dm", "date_iso", "weekday_date")
            and re.fullmatch(r"\s(?:before|after)\s", text[merged[-1].end : c.start])
        ):
            merged[-1] = _Cand(merged[-1].start, c.end, "offset_date", merged[-1].priority)
        elif (
            merged
            and merged[-1].rule == "month"
            and c.rule == "deictic"
            and merged[-1].end + 1 == c.start
            and _YEAR_AFTER_MONTH.fullmatch(text, merged[-1].end, c.end)
        ):
            # "June last year", "January this year": one date
            merged[-1] = _Cand(merged[-1].start, c.end, "month", merged[-1].priority)
        else:
            merged.append(c)
    out: list[_Cand] = []
    for c in merged:
        if out and c.start < out[-1].end:
            continue  # inside a list of days ("April 24 and 25") already taken
        out.append(_with_modifiers(text, c, out[-1].end if out else 0))
        if c.rule in ("date_md", "weekday_date") and (days := _MORE_DAYS.match(text, c.end)):
            out.extend(_more_days(days, int(re.search(r"(\d+)\D*$", text[c.start : c.end]).group(1)), c))
    return out


_MORE_DAYS = re.compile(
    r"(?:,\s\d{1,2}(?:st|nd|rd|th)?)*,?\s(?:and|or)\s\d{1,2}(?:st|nd|rd|th)?"
    r"(?=[^\S\n]?(?:[.,](?!\d)|[;:!?)]|$)|\s(?:in|at|on|for|when|with|as|after|before|but|while|during|respectively)\s)"
)
"""More days of the same month after a date: "April 24 and 25", "March 3, 4 and 5" (before a
punctuation mark or a preposition: "April 24 and 25 people" counts people, "May 5 and 6,000" or
"6.5%" are numbers)."""


def _more_days(days: re.Match, first: int, c: _Cand) -> list[_Cand]:
    """The bare days of ``days`` as dates of the month before (TimeML tags "25" in "April 24 and 25"
    as a date of its own), when they go up from the first day and stay in a month."""
    out: list[_Cand] = []
    last = first
    for m in re.finditer(r"\d{1,2}(?:st|nd|rd|th)?", days.group()):
        day = int(m.group().rstrip("stndrh"))
        if not last < day <= 31:
            return []
        last = day
        out.append(_Cand(days.start() + m.start(), days.start() + m.end(), "day_of_month", c.priority))
    return out


_PLAIN_COUNT = re.compile(rf"(?i)(?:{_NUM})[\s-](?:{_UNIT})")
_COUNT_SPACED = re.compile(rf"(?i){_NUM}\s{_UNIT}")
"""A count and a unit, nothing more: the length an offset date ("a year before May 31") counts."""
_YEAR_AFTER_MONTH = re.compile(r"\s(?i:last|this|next)\syear")


_AMOUNT_MODIFIER = re.compile(
    rf"(?i)(?<![\w-])(?:{_NUM}\s(?:to|or)|(?<=between\s){_NUM}\sand|another|an?\s(?:additional|extra|further)|nearly|almost|approximately|roughly|more\sthan|less\sthan|fewer\sthan"
    r"|up\sto|no\smore\sthan|at\sleast|at\smost|barely|a\sfull|the\sfirst|the\sfinal)\s$"
)
"""Words before a length of time that TimeML puts inside the expression ("nearly forty years")."""
_RANGE_START = re.compile(rf"(?i)({_NUM})\s(?:to|or|and)\s$")
"""The start of a range of counts before a length of time ("two to three weeks"); its lower bound is
the value TimeML writes (group 1)."""
_NUM_START = re.compile(rf"(?i){_NUM}(?:\s1/2)?[\s-]")
_THE_BEFORE = re.compile(
    r"(?i)(?<![\w-])the\s(?:(?:first|final|early|latest|same|comparable|entire|whole|full|year-earlier|year-ago)\s)?$"
)
"""A determiner (and an adjective) before a counted length of time: "the nine months", "the first six months"."""
_POINT_MODIFIER = re.compile(
    r"(?i)(?<![\w-])(?:early|late|earlier|later|mid-?|shortly\s(?:before|after)"
    r"|the\s(?:end|middle|beginning|start|close)\sof|(?:earlier|later)\sin|(?:the\s)?(?:first|second|last|latter)\shalf\sof)\s?$"
)
"""Words before a date or time that TimeML puts inside the expression ("late yesterday", "the end of
November")."""
_AMOUNT_RULES = frozenset(("duration", "offset_date_ago", "vague_duration", "offset_date"))
_POINT_RULES = frozenset(
    (
        "weekday",
        "deictic",
        "month",
        "month_year",
        "year",
        "date_md",
        "date_dm",
        "date_mdy",
        "date_dmy",
        "clock",
        "holiday",
    )
)


def _with_modifiers(text: str, c: _Cand, lo: int = 0) -> _Cand:
    """Take the modifiers in front into the span (TimeML: "almost seven years", "late Monday",
    "the nine months"), never reaching back into the expression before (``lo``)."""
    pattern = (
        _AMOUNT_MODIFIER if c.rule in _AMOUNT_RULES else _POINT_MODIFIER if c.rule in _POINT_RULES else None
    )
    if pattern is None:
        return c
    start = c.start
    if c.rule == "duration" and (the := _THE_BEFORE.search(text, max(lo, start - 30), start)):
        if _COUNT_SPACED.fullmatch(text[c.start : c.end]):
            start = the.start()
    for _ in range(3):  # "at least the first", never a run of any length
        m = pattern.search(text, max(lo, start - 30), start)
        if not m or (
            pattern is _AMOUNT_MODIFIER
            and m.group().lower().startswith("the")
            and text[start : c.end].lower().startswith("the")
        ):
            break
        if _RANGE_START.match(m.group()) and (start != c.start or not _NUM_START.match(text, start)):
            break  # "two to three weeks": one range, before a number
        if m.group().lower().startswith(("earlier", "later")) and (
            c.rule != "deictic" or text[start : c.end].lower().startswith("this")
        ):
            break
        start = m.start()
    if start == c.start:
        return c
    return _Cand(start, c.end, c.rule, c.priority, c.lead + c.start - start)


# ----- normalising ------------------------------------------------------------
