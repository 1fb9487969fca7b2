"""Normalising time expressions: one function per rule, in :data:`NORMALISERS`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kit.lexicons import match_form
from kit.timeline.finding import _FUTURE
from kit.timeline.vocab import (
    _CLOCK,
    _DAY,
    _DAY_OF,
    _EXTRA,
    _HOLIDAY,
    _MONTH,
    _MONTH_FULL,
    _MONTH_NUM,
    _NUM,
    _NUMBER_WORDS,
    _POD,
    _POD_CODE,
    _UNIT,
    _UNIT_CODE,
    _WD,
    _WEEK_AFTER,
    _WEEKDAYS,
    _YEAR,
    WEEK_WINDOW,
    holiday_date,
    spelled_year,
)
from kit.timeline.zones import (
    _lookup_zone,
    _tz,
    _Zone,
    _zone_abbrev_re,
)


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
    past: bool = False  # a verb in the past tense governs the expression ("happened in March")


def _fmt_date(d: dt.date) -> str:
    return f"{d:%A} {d.day} {d:%B} {d.year}"


def _month_num(word: str) -> int:
    return _MONTH_NUM[word.lower().rstrip(".")[:3]]


def _number(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    if w.isdigit():
        return int(w)
    if w in ("a couple of", "couple of"):  # TimeML counts a couple as two ("a couple of years": P2Y)
        return 2
    return _NUMBER_WORDS.get(w)


def _duration_value(num: str, unit: str) -> tuple[str | None, str]:
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    code, gran, is_time = _UNIT_CODE[unit]
    n = _number(num)
    if n is None:  # "a few days", "several years": TimeML's vague PXD, PXY
        return (f"PTX{code}" if is_time else f"PX{code}"), gran
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


_PAST_BIAS = 2
"""With no tense, a date without a year is the next one only when it is this many times nearer than the last."""


def _yearless(
    month: int, day: int, ref: dt.date, future: bool, past: bool = False
) -> tuple[dt.date | None, str]:
    """Rule 3: the occurrence of a year-less date nearest the reference date (in
    the future tense, the next one on or after it; after a verb in the past
    tense, the latest one at most a week after it)."""
    found = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            found.append(dt.date(year, month, day))
        except ValueError:  # 29 February
            continue
    if not found:
        return None, "not a calendar date"
    if future:
        d = min((d for d in found if d >= ref), default=found[-1])
        return d, "future tense: the next one on or after" if d.year != ref.year else "the year of"
    if past:
        d = max((d for d in found if d <= ref + WEEK_WINDOW), default=found[0])
        return d, "past tense: the latest one by" if d.year != ref.year else "the year of"
    # no tense: the latest one by the reference date, unless the next one is much nearer
    # (news tells more of what happened than of what will: "in March" in October is the March before)
    before = max((d for d in found if d <= ref), default=None)
    after = min((d for d in found if d > ref), default=None)
    far = before is not None and after is not None and (after - ref).days * _PAST_BIAS >= (ref - before).days
    d = before if after is None or far else after
    if d.year == ref.year:
        return d, "the year of"
    return d, f"the nearest one ({'the next' if d > ref else 'the previous'} year) to"


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
        d, how = _yearless(month, day, ctx.ref, ctx.future, ctx.past)
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


_Normalised = tuple[str, str | None, str, str, str, str | None]
"""(type, value, granularity, anchor, note, zone)."""


def _day(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A written date or a weekday, with its part of day.

    Rules date_mdy, date_dmy, date_iso, date_md, date_dm, weekday_date, weekday."""
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
    elif pod:  # no date: the weekday or the unknown day keeps its part of day
        value, gran = f"{value}T{_POD_CODE[pod.group().lower()]}", "part_of_day"
    # TimeML: a part of a day ("Friday afternoon") is a TIME
    return "TIME" if gran == "part_of_day" else "DATE", value, gran, anchor, note, ctx.zone


def _offset_date(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A duration before or after a date: offset_date."""
    m = re.match(rf"(?i)({_NUM})[\s-]({_UNIT})\s(before|after)\s", chunk)
    rest = chunk[m.end() :]
    _value, gran, anchor, d, note = _resolve_day(rest, ctx)
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


def _ago(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """Counted back from the reference date: offset_date_ago."""
    m = re.match(rf"(?i)({_NUM})[\s-]({_UNIT})", chunk)
    n = _number(m.group(1))
    unit = m.group(2).lower().rstrip("s")
    gran = _UNIT_CODE.get("century" if unit.startswith("centur") else unit, ("", "day", False))[1]
    if n is None:  # "several years ago": some time before the moment of writing (TimeML's PAST_REF)
        return "DATE", "PAST_REF", gran, "vague", f"'{chunk}': some time before, no number", None
    if ctx.ref is None:
        return "DATE", None, gran, "vague", "'ago' needs a reference date", ctx.zone
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


def _month(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A month, with or without its year: month, month_year."""
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
    whose = re.search(r"(?i)\s(last|this|next)\syear$", chunk)
    if whose:  # "June last year"
        y = ctx.ref.year + {"last": -1, "this": 0, "next": 1}[whose.group(1).lower()]
        note = f"'{whose.group().strip()}': relative to {ctx.ref_label}"
        return "DATE", f"{y}-{month:02d}", "month", ctx.anchor, note, ctx.zone
    year = ctx.ref.year
    how = "the year of"
    if mod and mod.group(1).lower() == "last":
        year = year - 1 if month >= ctx.ref.month else year
        how = "'last': the one before"
    elif mod and mod.group(1).lower() == "next":
        year = year + 1 if month <= ctx.ref.month else year
        how = "'next': the one after"
    elif not mod:  # rule 4: the nearest such month (the next in the future tense)
        near, how = _yearless(month, 15, ctx.ref, ctx.future, ctx.past)
        year = near.year
    return (
        "DATE",
        f"{year}-{month:02d}",
        "month",
        ctx.anchor,
        f"no year given: {how} {ctx.ref_label}",
        ctx.zone,
    )


def _year(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A year: year, year_words ("nineteen ninety-six")."""
    if rule == "year_words":  # "nineteen ninety-six", "January nineteen ninety-seven", "the winter of ..."
        words = re.search(r"(?i)nineteen\s.*|two\sthousand.*", chunk).group()
        y = str(spelled_year(words))
        month = re.match(_MONTH_FULL, chunk)
        season = re.search(r"(?i)spring|summer|fall|autumn|winter", chunk[: len(chunk) - len(words)])
        if month:
            y, gran = f"{y}-{_month_num(month.group()):02d}", "month"
        elif season:
            y, gran = f"{y}-{_SEASON_CODE[season.group().lower()]}", "season"
        else:
            gran = "year"
        return "DATE", y, gran, "absolute", "the text gives the year", ctx.zone
    y = re.search(_YEAR, chunk).group()
    return "DATE", y, "year", "absolute", "the text gives the year", ctx.zone


def _weekend_before(ctx: _Context) -> bool:
    """Is "the weekend" (on a weekday) the one just past? In the past tense, yes; in the
    future tense, no; with no tense, when the reference date is early in the week (Monday to
    Wednesday), nearer the weekend before than the one after."""
    if ctx.past:
        return True
    if ctx.future:
        return False
    return ctx.ref.weekday() <= 2


def _deictic(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """Words that point from the moment of writing: deictic."""
    low = match_form(chunk)
    if low == "recently":
        return "DATE", None, "day", "vague", "'recently': some time before the reference date", None
    unit = re.search(r"weekend|week|month|year", low)
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
            if u == "weekend" and shift == 0 and ctx.ref.weekday() < 5 and _weekend_before(ctx):
                d = ctx.ref - dt.timedelta(days=7)  # "talks resumed over the weekend" (on a Monday)
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
    if re.search(r"(?:^|\s)this\s", low) and ctx.ref is not None and pod:  # "(later) this afternoon"
        value = f"{ctx.ref.isoformat()}T{_POD_CODE[pod.group()]}"
        note = f"'{chunk}': relative to {ctx.ref_label}"
    typ = "TIME" if gran == "part_of_day" else "DATE"  # TimeML: "this morning" is a TIME
    return typ, value, gran, ctx.anchor if ctx.ref is not None else anchor, note, ctx.zone


_NO_DAY = "no day given"
"""How the note of a clock time with no day of its own begins (see :func:`_clock_on_the_day_named`)."""


def _clock(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A clock time, its zone and its day: clock, day_clock."""
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
        note = f"{_NO_DAY}: taken as {ctx.ref_label}"
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


_HALF = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}
"""Half of a unit in the next smaller one ("2 1/2 years": P2Y6M, "5 1/2 hours": PT5H30M)."""


def _duration(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A counted length of time: duration ("three weeks", "two more weeks", "eight trading days",
    "2 1/2 years", "a minute and a half", "an additional year", "another month")."""
    m = re.match(
        rf"(?i)({_NUM}|another)(\s1/2)?[\s-](?:{_EXTRA}\s)?"
        rf"({_UNIT})",
        chunk,
    )
    # "another year", like "an additional year", is one more
    value, gran = _duration_value("one" if m.group(1).lower() == "another" else m.group(1), m.group(3))
    half = _HALF.get(m.group(3).lower().rstrip("s"))
    if (
        value is not None
        and "X" not in value
        and half
        and (m.group(2) or chunk.lower().endswith("and a half"))
    ):
        value += half.removeprefix("T") if value.startswith("PT") or "T" not in half else half
    if "X" in value:
        return "DURATION", value, gran, "vague", f"a length of time; '{m.group(1)}' gives no number", None
    return "DURATION", value, gran, "absolute", "a length of time: it needs no reference date", None


def _clock_duration(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """Hours, minutes and seconds of a race or a record ("3:07:35"): clock_duration."""
    h, m, sec = re.match(r"(\d+):(\d+):(\d+)", chunk).groups()
    value = f"PT{int(h)}H{int(m)}M{int(sec)}S" if int(h) else f"PT{int(m)}M{int(sec)}S"
    return "DURATION", value, "second", "absolute", "hours:minutes:seconds, a length of time", None


def _past_duration(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A length of time ending or starting at the reference date: past_duration."""
    low = match_form(chunk)
    m = re.search(rf"(?i)(?:({_NUM})[\s-])?({_UNIT})(?:\sor\sso)?$", chunk)
    least = re.search(rf"(?i)({_NUM})\s(?:to|or)\s{_NUM}[\s-]{_UNIT}", chunk)
    # "the next 12 to 18 months": a range is written with its lower bound, P12M
    value, gran = _duration_value(least.group(1) if least else m.group(1) or "one", m.group(2))
    where = "ending at" if re.search(r"past|previous|last", low) else "starting at"
    if value is None:
        return "DURATION", None, gran, "vague", "a length of time with no number", None
    return "DURATION", value, gran, ctx.anchor, f"a length of time {where} {ctx.ref_label}", None


def _vague_duration(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A length of time the text does not give (TimeML's PXY, PXM, ...): vague_duration. "For a
    while" and "for some time" give no unit either: PXX."""
    low = match_form(chunk)
    if re.search(r"while|time|period", low):
        return "DURATION", "PXX", "day", "vague", f"'{chunk}': a length of time the text does not give", None
    unit = re.search(r"second|minute|hour|year|decade|month|week|day|age|centur", low).group()
    gran = {"age": "year", "centur": "century"}.get(unit, unit)
    code = {"second": "TXS", "minute": "TXM", "hour": "TXH", "day": "XD", "week": "XW", "month": "XM"}
    code |= {"year": "XY", "age": "XY", "decade": "XE", "century": "XC"}
    note = f"'{chunk}': a length of time the text does not give"
    return "DURATION", f"P{code[gran]}", gran, "vague", note, None


_REF_VALUE = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the past": "PAST_REF",
    "recently": "PAST_REF",
    "the future": "FUTURE_REF",
    "the time": "PAST_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "one day": "FUTURE_REF",
    "current": "PRESENT_REF",
    "then current": "PAST_REF",
    "then-current": "PAST_REF",
}


def _ref(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """The present, the past or the future, with no date (PRESENT_REF, PAST_REF, FUTURE_REF): ref."""
    value = _REF_VALUE[re.sub(r"\s+", " ", match_form(chunk))]
    where = {
        "PRESENT_REF": "the present, at",
        "PAST_REF": "some time before",
        "FUTURE_REF": "some time after",
    }
    note = f"'{chunk}': {where[value]} the moment of writing, no date"
    return "DATE", value, "day", "vague", note, None


_QUARTER_NUM = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A quarter of a year (2023-Q3): quarter.

    A numbered quarter without a year is the latest that has begun by the
    reference date (the next one in the future tense); "the quarter", "the
    latest quarter" is the last one completed, "this quarter" the current one,
    "the year-earlier quarter" the last completed one a year before."""
    low = match_form(chunk)
    year = re.search(_YEAR, chunk)
    num = re.search(r"first|second|third|fourth|1st|2nd|3rd|4th", low)
    if num and year:
        q = _QUARTER_NUM[num.group()]
        return "DATE", f"{year.group()}-Q{q}", "quarter", "absolute", "the text gives the year", ctx.zone
    if (
        year and ctx.ref is not None
    ):  # "the 1988 quarter": the quarter of that year matching the last completed
        q = ((ctx.ref.year * 4 + (ctx.ref.month - 1) // 3) - 1) % 4 + 1
        return (
            "DATE",
            f"{year.group()}-Q{q}",
            "quarter",
            ctx.anchor,
            f"the year given, the quarter before {ctx.ref_label}",
            ctx.zone,
        )
    if ctx.ref is None:
        q = f"Q{_QUARTER_NUM[num.group()]}" if num else "QX"
        return "DATE", f"XXXX-{q}", "quarter", ctx.anchor, "no year and no reference date", ctx.zone
    current = ctx.ref.year * 4 + (ctx.ref.month - 1) // 3  # quarters since year 0
    whose = re.search(r"(last|this|next) year['’]s", low)
    if num and whose:  # "last year's third quarter"
        y = ctx.ref.year + {"last": -1, "this": 0, "next": 1}[whose.group(1)]
        q = _QUARTER_NUM[num.group()]
        return "DATE", f"{y}-Q{q}", "quarter", ctx.anchor, f"'{whose.group()}': {ctx.ref_label}", ctx.zone
    back = 4 if re.search(r"year-earlier|year-ago|a year (?:ago|earlier)|last year", low) else 0
    if num:
        q = _QUARTER_NUM[num.group()] - 1
        n = ctx.ref.year * 4 + q
        how = "the latest such quarter by"
        if n > current:
            n, how = n - 4, "the latest such quarter by"
        if ctx.future and n < current - 1 and not back:  # the quarter just ended is still reported on
            n, how = n + 4, "future tense: the next such quarter after"
        if back:
            n, how = n - back, f"a year before {how}"
    elif re.search(r"this|current", low):
        n, how = current, "the quarter of"
    elif "next" in low:
        n, how = current + 1, "the quarter after"
    else:
        n, how = current - 1, "the last quarter completed by"
        if back:
            n, how = n - back, "a year before the last quarter completed by"
    y, q = divmod(n, 4)
    return "DATE", f"{y}-Q{q + 1}", "quarter", ctx.anchor, f"{how} {ctx.ref_label}", ctx.zone


_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A season (1998-SU): season. "last summer" is the latest that has ended, "this summer"
    the one of the reference year, "next summer" the first to begin after it."""
    low = match_form(chunk)
    code = _SEASON_CODE[re.search(r"spring|summer|fall|autumn|winter", low).group()]
    year = re.search(_YEAR, chunk)
    if year:
        return "DATE", f"{year.group()}-{code}", "season", "absolute", "the text gives the year", ctx.zone
    if ctx.ref is None:
        return "DATE", f"XXXX-{code}", "season", ctx.anchor, "no year and no reference date", ctx.zone
    y = ctx.ref.year
    start = dt.date(y, _SEASON_START[code], 1)
    if re.match(r"(last|past|this past|the past)\s", low):
        end_month = _SEASON_START[code] + 3
        ended = dt.date(y + (end_month > 12), (end_month - 1) % 12 + 1, 1) <= ctx.ref
        y, how = (y if ended else y - 1), "the latest that ended by"
    elif low.startswith("next"):
        y, how = (y if start > ctx.ref else y + 1), "the first to begin after"
    else:
        how = "the one of the year of"
    return "DATE", f"{y}-{code}", "season", ctx.anchor, f"{how} {ctx.ref_label}", ctx.zone


def _decade(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A decade ("the 1990s" is 199): decade."""
    digits = re.search(r"\d{3}", chunk).group()
    return "DATE", digits, "decade", "absolute", "the text gives the decade", ctx.zone


_DECADE_OF = dict(
    zip("twenties thirties forties fifties sixties seventies eighties nineties".split(), range(2, 10))
)
"""The decade digit of a decade in words: "the nineties" is the 9 of 199."""


def _decade_words(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A decade without its century ("the nineties", "the '80s"): decade_words. The latest such
    decade that has begun by the reference date."""
    low = match_form(chunk)
    digit = re.search(r"\d", low)
    n = int(digit.group()) if digit else _DECADE_OF[re.search(r"[a-z]+ties", low).group()]
    if ctx.ref is None:
        return "DATE", None, "decade", "vague", f"'{chunk}': the century needs a reference date", ctx.zone
    century = ctx.ref.year // 100 - (ctx.ref.year % 100 < n * 10)
    note = f"'{chunk}': the latest such decade by {ctx.ref_label}"
    return "DATE", f"{century:02d}{n}", "decade", ctx.anchor, note, ctx.zone


def _part_of_day(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A part of a day with no day of its own ("in the morning", "by mid-afternoon", "at midday",
    "overnight", "six in the morning"): part_of_day. A TIME on the day named just before it (see
    :func:`resolve_anaphora`), or, in a clause in the past or the future tense, on the reference
    date, but "in the morning" in the future tense is the next morning; "overnight" is the night
    before. "In the morning" in the present tense is a habit, with no day ("in the morning we
    count")."""
    low = match_form(chunk)
    hour = re.match(r"(\w+)\sin\sthe\s(morning|afternoon|evening)", low)
    if hour and _number(hour.group(1)) and _number(hour.group(1)) <= 12:  # "six in the morning": 06:00
        h = _number(hour.group(1)) % 12 + (0 if hour.group(2) == "morning" else 12)
        part = f"{h:02d}:00"
    elif re.search(r"mid[\s-]?day", low):
        part = "12:00"
    else:
        part = _POD_CODE[re.search(r"morning|afternoon|evening|night", low).group()]
    deictic = re.search(r"yesterday|today", low)
    if deictic:
        _value, _gran, anchor, d, note = _resolve_day(deictic.group(), ctx)
    elif ctx.ref is None or (
        low.endswith(("the morning", "the afternoon", "the evening")) and not (ctx.past or ctx.future)
    ):
        # "we hear the shelling all night, and in the morning we count": a habit, not a date
        note = (
            "no day and no reference date"
            if ctx.ref is None
            else "no day and no tense that dates it: a habit"
        )
        return "TIME", f"XXXX-XX-XXT{part}", "part_of_day", "vague", note, ctx.zone
    elif ctx.future and low.endswith("the morning"):
        # "he will leave at 4 in the morning", written in the day: the next morning
        d, anchor = ctx.ref + dt.timedelta(days=1), ctx.anchor
        note = f"no day given, future tense: the morning after {ctx.ref_label}"
    else:
        d, anchor, note = ctx.ref, ctx.anchor, f"no day given: taken as {ctx.ref_label}"
    if "overnight" in low:
        d -= dt.timedelta(days=1)
        note = f"{note}; overnight: the night before"
    gran = "hour" if ":" in part else "part_of_day"
    return "TIME", f"{d.isoformat()}T{part}", gran, anchor, note, ctx.zone


def _century(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A century ("the 20th century" is 19): century."""
    low = match_form(chunk)
    num = re.search(r"\d+", low)
    if num:
        return (
            "DATE",
            f"{int(num.group()) - 1:02d}",
            "century",
            "absolute",
            "the text gives the century",
            ctx.zone,
        )
    if ctx.ref is None:
        return "DATE", "XX", "century", ctx.anchor, "needs a reference date", ctx.zone
    shift = -1 if re.search(r"last|past", low) else 1 if "next" in low else 0
    value = f"{ctx.ref.year // 100 + shift:02d}"
    return "DATE", value, "century", ctx.anchor, f"'{chunk}': relative to {ctx.ref_label}", ctx.zone


_ANAPHORIC_VALUE = {
    "day": ("XXXX-XX-XX", "day"),
    "morning": ("XXXX-XX-XXTMO", "part_of_day"),
    "afternoon": ("XXXX-XX-XXTAF", "part_of_day"),
    "evening": ("XXXX-XX-XXTEV", "part_of_day"),
    "night": ("XXXX-XX-XXTNI", "part_of_day"),
    "week": ("XXXX-WXX", "week"),
    "weekend": ("XXXX-WXX-WE", "week"),
    "fortnight": ("XXXX-WXX", "week"),
    "month": ("XXXX-XX", "month"),
    "year": ("XXXX", "year"),
}


def _anaphoric(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A time counted from another time the text names ("the day before", "a year
    earlier"): anaphoric. The kit does not know the anchor, so the value keeps X
    for every digit, at the expression's granularity."""
    low = match_form(chunk)
    unit = re.search(
        r"morning|afternoon|evening|night|weekend|day|week|fortnight|month|year|hour|minute", low
    )
    value, gran = _ANAPHORIC_VALUE.get(unit.group(), ("XXXX-XX-XXTXX:XX", unit.group()))
    note = f"'{chunk}': counted from another time the text names, which the kit does not resolve"
    return "DATE", value, gran, "vague", note, None


def _set(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A repeated time: set. "every two years" is P2Y, "each summer" XXXX-SU, "each July" XXXX-07."""
    low = match_form(chunk)
    every = re.search(rf"(?i)(?:every|each)\s({_NUM})\s({_UNIT})", chunk)
    season = re.search(r"spring|summer|fall|autumn|winter", low)
    month = re.search(_MONTH_FULL, chunk)
    other = re.search(rf"(?i)every\sother\s({_UNIT})", chunk)
    weekday = re.search(_WD, chunk, re.IGNORECASE)
    if weekday:  # "every Monday", "on Tuesdays", "Sunday mornings": XXXX-WXX-7TMO
        pod = re.search(_POD, low)
        value = f"XXXX-WXX-{_WEEKDAYS.index(weekday.group().capitalize()) + 1}"
        value, gran = (f"{value}T{_POD_CODE[pod.group()]}", "part_of_day") if pod else (value, "day")
    elif every and _number(every.group(1)):
        value, gran = _duration_value(every.group(1), every.group(2))
    elif other:  # "every other week": every two weeks
        value, gran = _duration_value("two", other.group(1))
    elif season:
        value, gran = f"XXXX-{_SEASON_CODE[season.group()]}", "season"
    elif month and not re.search(r"(?i)month", chunk):
        value, gran = f"XXXX-{_month_num(month.group()):02d}", "month"
    elif "quarter" in low:
        value, gran = "P1Q", "quarter"
    elif re.search(r"daily|every day|each day|nightly|every night", low):
        value, gran = ("P1D", "day") if "night" not in low else ("XXXX-XX-XXTNI", "part_of_day")
    elif re.search(r"weekly|week", low):
        value, gran = "P1W", "week"  # "every N weeks" with a number is the first branch
    elif re.search(r"monthly|month", low):
        value, gran = "P1M", "month"
    elif re.search(r"yearly|annually|year", low):
        value, gran = "P1Y", "year"
    elif re.search(r"hourly|hour", low):
        value, gran = "PT1H", "hour"
    elif re.search(r"morning|afternoon|evening", low):
        code = _POD_CODE[re.search(r"morning|afternoon|evening", low).group()]
        value, gran = f"XXXX-XX-XXT{code}", "part_of_day"
    elif "weekend" in low:
        value, gran = "XXXX-WXX-WE", "week"
    else:
        value, gran = None, "day"
    return "SET", value, gran, "absolute" if value else "vague", "a repeated time", None


def _holiday(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A named holiday ("Thanksgiving Day", "last Christmas", "Easter week"): holiday. Without a
    year, the nearest one to the reference date (the next in the future tense, the latest
    after "last" or a verb in the past tense)."""
    m = re.search(_HOLIDAY, chunk)
    name, week = m.group(), m.group().lower().endswith("week")
    name = re.sub(r"(?i)\s(?:week|sunday)$", "", name)
    gran = "week" if week else "day"

    def value(d: dt.date) -> str:
        return "{}-W{:02d}".format(*d.isocalendar()[:2]) if week else d.isoformat()

    year = re.search(_YEAR, chunk)
    if year:
        d = holiday_date(name, int(year.group()))
        return "DATE", value(d), gran, "absolute", "the text gives the year", ctx.zone
    if ctx.ref is None:
        d, d2 = holiday_date(name, 2001), holiday_date(name, 2002)  # a moving holiday keeps X
        day = f"{d:%m}-{d:%d}" if d.strftime("%m%d") == d2.strftime("%m%d") else f"{d:%m}-XX"
        day = day if d.month == d2.month else "XX-XX"
        v = "XXXX-WXX" if week else f"XXXX-{day}"
        return "DATE", v, gran, ctx.anchor, "no year and no reference date", ctx.zone
    days = [holiday_date(name, y) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)]
    mod = re.match(r"(?i)(last|next|this)\s", chunk)
    mod = mod.group(1).lower() if mod else None
    if mod == "last":
        d, how = max(d for d in days if d < ctx.ref), "'last': the latest before"
    elif mod == "next" or (mod is None and ctx.future):
        d, how = min(d for d in days if d >= ctx.ref), "the next on or after"
    elif ctx.past:
        d, how = max(d for d in days if d <= ctx.ref + WEEK_WINDOW), "past tense: the latest by"
    else:
        d, how = min(days, key=lambda d: abs((d - ctx.ref).days)), "the nearest to"
    return "DATE", value(d), gran, ctx.anchor, f"{how} {ctx.ref_label}", ctx.zone


def _year_end(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """The end of the year: year_end. The reference year's, or the year before in the past
    tense. "year-end" ("year-end results") is the last day, 31 December; "year end" and "year's
    end" ("by year end") name the end of the year, which TimeML writes as the year itself."""
    day = "-" in chunk
    if ctx.ref is None:
        return (
            "DATE",
            "XXXX-12-31" if day else "XXXX",
            "day" if day else "year",
            ctx.anchor,
            "no reference date",
            ctx.zone,
        )
    year, how = (
        (ctx.ref.year - 1, "past tense: the last one before") if ctx.past else (ctx.ref.year, "the year of")
    )
    if not day:
        return "DATE", f"{year}", "year", ctx.anchor, f"the end of the year: {how} {ctx.ref_label}", ctx.zone
    return "DATE", f"{year}-12-31", "day", ctx.anchor, f"{how} {ctx.ref_label}", ctx.zone


def _day_of_month(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A bare day after a date ("25" in "April 24 and 25"): day_of_month. Its month and year are the
    date's, which :func:`resolve_anaphora` copies."""
    day = int(re.match(r"\d+", chunk).group())
    return "DATE", f"XXXX-XX-{day:02d}", "day", "vague", "a day of the month named just before", None


NORMALISERS = {
    "year_end": _year_end,
    "holiday": _holiday,
    "date_mdy": _day,
    "date_dmy": _day,
    "date_iso": _day,
    "date_md": _day,
    "date_dm": _day,
    "weekday_date": _day,
    "weekday": _day,
    "offset_date": _offset_date,
    "offset_date_ago": _ago,
    "month": _month,
    "month_year": _month,
    "year": _year,
    "year_words": _year,
    "deictic": _deictic,
    "clock": _clock,
    "day_clock": _clock,
    "duration": _duration,
    "past_duration": _past_duration,
    "vague_duration": _vague_duration,
    "set": _set,
    "ref": _ref,
    "quarter": _quarter,
    "season": _season,
    "decade": _decade,
    "century": _century,
    "decade_words": _decade_words,
    "part_of_day": _part_of_day,
    "anaphoric": _anaphoric,
    "clock_duration": _clock_duration,
    "day_of_month": _day_of_month,
}
"""Each rule of the finder (the ``rule`` column) to the function that normalises what it found."""


def _normalise(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """Return (type, value, granularity, anchor, note, zone)."""
    return NORMALISERS[rule](chunk, rule, ctx)


_Y = r"(?:\d{4}|XXXX)"
_DATE_VALUE = (
    rf"(?:\d{{2}}|XX|\d{{3}}|\d{{2}}X|{_Y}(?:-(?:\d{{2}}|XX)(?:-(?:\d{{2}}|XX))?|-W(?:\d{{2}}|XX)(?:-(?:[1-7]|WE))?"
    r"|-Q(?:[1-4]|X)|-(?:SP|SU|FA|WI)|-H[12])?)"
)
_TIME_PART = r"T(?:MO|AF|EV|NI|DT|(?:\d{2}|XX):(?:\d{2}|XX)(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)"
_DURATION_VALUE = r"P(?:XX|(?:\d+|X)(?:Y|M|W|D|Q|E|C)|\d+Y\d+M|\d+DT\d+H|T(?:(?:\d+|X)[HMS]|\d+H\d+M|(?:\d+H)?(?:\d+M)?\d+S))"
_VALUE_RE = {
    "DATE": re.compile(rf"{_DATE_VALUE}(?:T(?:MO|AF|EV|NI))?|PRESENT_REF|PAST_REF|FUTURE_REF"),
    "TIME": re.compile(rf"{_DATE_VALUE}{_TIME_PART}"),
    "DURATION": re.compile(_DURATION_VALUE),
    "SET": re.compile(rf"{_DURATION_VALUE}|{_DATE_VALUE}(?:{_TIME_PART})?"),
}
"""The TIMEX3 value grammar (TimeML 1.2.1) for each type, as far as the kit writes values."""


def is_timex_value(value: str, type: str | None = None) -> bool:
    """Is ``value`` a TIMEX3 value (ISO 8601, with ``X`` for unknown digits), for ``type`` if given?

    Concrete dates and times also parse with :mod:`datetime`.

    Examples
    --------
    >>> [is_timex_value(v) for v in ["2023-12-26T01:45Z", "2023-12-25TMO", "P3D", "XXXX-WXX-1", "soon"]]
    [True, True, True, True, False]
    >>> is_timex_value("PXY", "DURATION"), is_timex_value("PXY", "DATE"), is_timex_value("1989-Q3", "DATE")
    (True, False, True)
    """
    if not isinstance(value, str):
        return False
    grammars = [_VALUE_RE[type]] if type is not None else list(_VALUE_RE.values())
    if not any(g.fullmatch(value) for g in grammars):
        return False
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?.*", value)
    if m:
        try:
            dt.datetime(*(int(g) for g in m.groups() if g is not None))
        except ValueError:
            return False
    return True


# ----- the timeline table -----------------------------------------------------


# ----- anchoring on the last time the text names --------------------------------

_CONCRETE = re.compile(r"(\d{4})(?:-(?:Q([1-4])|(\d{2}))(?:-(\d{2}))?)?(?:T(MO|AF|EV|NI|\d{2}:\d{2}))?")
"""A DATE or TIME value with every digit known: 1989, 1989-Q3, 1989-10, 1989-10-26, 1989-10-26TMO."""

_SHIFT_WORDS = {"earlier": -1, "before": -1, "previous": -1, "prior": -1, "ago": -1}
_SHIFT_WORDS |= {"later": 1, "after": 1, "following": 1, "next": 1, "same": 0}
_QUARTER_WINDOW = 6
"""How many sentences back a quarter ("the third quarter") still anchors "a year ago"."""


def _shift(value: str, years: int = 0, months: int = 0, days: int = 0) -> str | None:
    """``value`` (1989-Q3, 1989-10, 1989-10-26, 1989) moved by whole years, months or days,
    at its own granularity; None when the shift is finer than the value."""
    m = _CONCRETE.fullmatch(value)
    year, quarter, month, day, part = m.groups()
    y = int(year) + years
    if days:
        if day is None:
            return None
        d = dt.date(y, int(month), int(day)) + dt.timedelta(days=days)
        return d.isoformat() + (f"T{part}" if part and not part[0].isdigit() else "")
    if months:
        if month is None:
            return None
        y, mo = divmod(y * 12 + int(month) - 1 + months, 12)
        if day is None:
            return f"{y:04d}-{mo + 1:02d}"
        return dt.date(y, mo + 1, min(int(day), 28 if mo == 1 else 30)).isoformat()
    if quarter:
        return f"{y:04d}-Q{quarter}"
    if month is None:
        return f"{y:04d}"
    if day is None:
        return f"{y:04d}-{month}"
    return dt.date(y, int(month), min(int(day), 28) if month == "02" else int(day)).isoformat()


def _granularity_of(value: str) -> str:
    _year, quarter, month, day, _part = _CONCRETE.fullmatch(value).groups()
    return "quarter" if quarter else "day" if day else "month" if month else "year"


def resolve_anaphora(timexes: list[_Timex], text: str = "", ref: dt.date | None = None) -> None:
    """Give a value to expressions counted from another time the text names.

    "A year earlier", "the following month", "the day before" are counted from
    the latest date named before them in the article (at that date's
    granularity: "a year earlier" after "the third quarter" is the third
    quarter of the year before). "A year ago" after a quarter named in the
    last sentences is that quarter a year before (the year-ago quarter of
    company results); otherwise it stays counted from the reference date. After
    the months of results ("For the nine months, net rose from $5 million a year
    earlier"), named after the last quarter, "a year earlier", "year-earlier"
    and "the 1988 period" are the year before the results' year (the latest
    quarter's, else the reference date's): nine months are no quarter. With no
    such date the value keeps its X. ``text`` is the text the expressions were
    found in; ``ref`` the reference date. Changes ``timexes`` in place.
    """
    named: list[_Timex] = []  # DATE and TIME expressions with a concrete value, in text order
    periods: list[_Timex] = []  # months of a year's results ("for the nine months"), in text order
    fiscal: set[int] = set()  # ids of the bare quarters read as a fiscal quarter named before them
    before: _Timex | None = None
    for i, t in enumerate(timexes):
        if t.rule == "day_of_month":
            _in_the_month_of(t, before)
        before = t
        if t.rule == "part_of_day" and not t.quoted:
            _on_the_day_named(t, named)
        elif t.rule == "clock" and not t.quoted and t.anchor_note.startswith(_NO_DAY):
            _clock_on_the_day_named(t, named, timexes[i + 1 : i + 2], text)
        elif t.rule in ("anaphoric", "offset_date_ago"):
            # counted from another time: never the anchor of the next ("a year ago ... a year earlier")
            if not t.quoted:
                _anchor_on(t, named, periods, ref)
            continue
        if t.rule == "quarter" and not t.quoted and _BARE_QUARTER.fullmatch(t.text):
            _same_fiscal_quarter(t, named, fiscal)
        elif t.rule == "quarter" and not t.quoted and _YEAR_BEFORE_RESULTS.fullmatch(t.text):
            if "quarter" in t.text.lower() or not _a_year_before_the_months(t, named, periods, ref):
                _same_fiscal_quarter(t, named, fiscal, years_back=1)
        if t.value and t.type in ("DATE", "TIME") and _CONCRETE.fullmatch(t.value):
            named.append(t)
        elif (
            t.type == "DURATION"
            and t.value
            and _MONTHS_OF_RESULTS.fullmatch(t.value)
            and t.text.lower().startswith("the ")
        ):
            periods.append(t)


_BARE_QUARTER = re.compile(r"(?i)the\s(?:latest\s)?quarter|the\slatest\speriod")
_YEAR_BEFORE_RESULTS = re.compile(
    r"(?i)year-(?:earlier|ago)|the\s(?:comparable\s)?(?:year-earlier|year-ago|(?:1[89]|20)\d\d)\s(?:period|quarter)"
)


def _recent(named: list[_Timex], sentence_id: int, window: int = _QUARTER_WINDOW):
    """The expressions named in sentence ``sentence_id`` and the ``window`` sentences before it, the
    latest first (at most ``_RECENT_MOST``, so that a text with no sentence breaks stays linear)."""
    for a in named[: -_RECENT_MOST - 1 : -1]:
        if a.sentence_id < sentence_id - window:
            return
        yield a


_RECENT_MOST = 60


def _same_fiscal_quarter(t: _Timex, named: list[_Timex], fiscal: set[int], years_back: int = 0) -> None:
    """A bare quarter ("the quarter", "the latest period") after a fiscal quarter, the latest
    quarter named in the last sentences ("earned $5 million in the fiscal first quarter. Sales for
    the quarter rose") is that quarter: a fiscal year's quarters are not the calendar's. With
    ``years_back`` ("the 1988 period", "the year-earlier quarter"), that quarter a year before.
    ``fiscal`` holds the ids of the quarters already read as fiscal ("the quarter" above)."""
    latest = next(
        (
            a
            for a in _recent(named, t.sentence_id)
            if _granularity_of(a.value) == "quarter"
            and not re.search(r"(?i)year-(?:earlier|ago)|a\syear|last\syear|\b(?:1[89]|20)\d\d\b", a.text)
        ),
        None,
    )
    if latest is None or not (id(latest) in fiscal or re.search(r"(?i)fiscal", latest.text)):
        return
    value = _shift(latest.value, years=-years_back) if years_back else latest.value
    if value is None or value == t.value:
        return
    t.value, t.anchor = value, latest.anchor
    t.anchor_note = f"'{t.text}': the fiscal quarter named before it, '{latest.text}' ({latest.value})"
    if years_back:
        t.anchor_note += ", a year before"
    else:
        fiscal.add(id(t))


def _clock_on_the_day_named(t: _Timex, named: list[_Timex], following: list[_Timex], text: str) -> None:
    """A clock time with no day of its own falls on the day named right after it, with at most a
    bracket, a comma or "on" between ("at 10:35 a.m. (0735 GMT) Friday"; ``following``: the next
    expression), or on the day named before it in its sentence with no future cue between ("On
    Friday, the blast occurred at 10:35 a.m."; not "said on Monday that the store will open at 9
    a.m.")."""
    day = next(
        (
            a
            for a in following
            if a.sentence_id == t.sentence_id
            and a.value
            and _DAY_VALUE.fullmatch(a.value)
            and _CLOCK_DAY_GAP.fullmatch(text, t.end, a.start)
        ),
        None,
    )
    if day is None:
        day = next((a for a in _recent(named, t.sentence_id, 0) if _DAY_VALUE.fullmatch(a.value)), None)
        if day is not None and _FUTURE.search(text, day.end, t.start):
            day = None
    if day is None or day.value == t.value[:10]:
        return
    t.value = f"{day.value}{t.value[10:]}"
    t.anchor = day.anchor
    t.anchor_note = f"'{t.text}': on '{day.text}' ({day.value}), the day named with it"


_CLOCK_DAY_GAP = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?,?\s*(?:on\s)?")
"""What may stand between a clock time and the day named after it: "10:35 a.m. (0735 GMT) Friday"."""
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _in_the_month_of(t: _Timex, date: _Timex | None) -> None:
    """A bare day after a date ("25" in "April 24 and 25", "5" in "March 3, 4 and 5") is in that
    date's month and year (the date just before it, which the finder put there)."""
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)-\d\d", (date.value or "") if date is not None else "")
    if m is None:
        return
    value = f"{m.group(1)}-{m.group(2)}-{t.value[-2:]}"
    if m.group(1) != "XXXX":
        try:
            dt.date.fromisoformat(value)
        except ValueError:  # "April 30 and 31": no such day
            return
    t.value, t.anchor = value, date.anchor
    t.anchor_note = f"'{t.text}': a day of the month of '{date.text}' ({date.value}), named just before it"


def _on_the_day_named(t: _Timex, named: list[_Timex]) -> None:
    """A part of a day with no day of its own ("in the morning") falls on the latest day named in
    its sentence or the one before ("hopes were dashed Friday. Dealers bought in the morning")."""
    if t.value is None or re.search(r"(?i)yesterday|today", t.text):
        return
    day = next((a for a in _recent(named, t.sentence_id, 1) if _DAY_VALUE.fullmatch(a.value)), None)
    if day is None:
        return
    d = dt.date.fromisoformat(day.value)
    if "overnight" in t.text.lower():
        d -= dt.timedelta(days=1)
    t.value = f"{d.isoformat()}{t.value[10:]}"
    t.anchor = day.anchor
    t.anchor_note = f"'{t.text}': on '{day.text}' ({day.value}), the day named just before it"


_MONTHS_OF_RESULTS = re.compile(r"P(?:[2-9]|1[01])M")
"""A part of a year that company results are reported for ("for the nine months", "the six months
ended Oct. 1")."""


def _a_year_before_the_months(
    t: _Timex, named: list[_Timex], periods: list[_Timex], ref: dt.date | None
) -> bool:
    """Is ``t`` the year before the months of results? "A year earlier", "year-earlier" or "the
    1988 period" after the months of results ("For the nine months, net rose to $3 million from $2
    million a year earlier"), named in its sentence or the one before and after the last quarter,
    is the year before the results' year (the latest quarter's, else the reference date's): nine
    months are no quarter. Sets the value and says True; False when no such months are named, or
    when a day is named after them ("the six months ended Aug. 12": counted from that day)."""
    period = periods[-1] if periods and periods[-1].sentence_id >= t.sentence_id - 1 else None
    if period is None:
        return False
    quarters = [a for a in _recent(named, t.sentence_id) if _granularity_of(a.value) == "quarter"]
    if quarters and quarters[0].start > period.start:
        return False
    for a in named[: -_RECENT_MOST - 1 : -1]:
        if a.start <= period.start:
            break
        if _granularity_of(a.value) == "day":
            return False
    given = re.search(r"\b(?:1[89]|20)\d\d\b", t.text)
    anchor = "absolute"
    if given:  # "the 1988 period"
        year, how = given.group(), "the year given"
    elif quarters:  # "year-earlier results" among them is the year before: the latest year is the results'
        q = max(quarters, key=lambda a: a.value[:4])
        year, anchor = str(int(q.value[:4]) - 1), q.anchor
        how = f"the year of '{q.text}' ({q.value}) less one"
    elif ref is not None:
        year, anchor, how = str(ref.year - 1), "reference_date", f"the year before {ref.isoformat()}"
    else:
        return False
    t.value, t.type, t.granularity, t.anchor = year, "DATE", "year", anchor
    t.anchor_note = f"'{t.text}': the months of '{period.text}' a year before: {how}"
    return True


def _anchor_on(
    t: _Timex, named: list[_Timex], periods: list[_Timex] = (), ref: dt.date | None = None
) -> None:
    low = match_form(t.text)
    wd = re.search(
        r"(previous|prior|following)\s(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", low
    )
    if wd:  # "the previous Friday": the Friday before the last day named
        anchor = next((a for a in reversed(named) if _granularity_of(a.value) == "day"), None)
        if anchor is None:
            return
        target = [w.lower() for w in _WEEKDAYS].index(wd.group(2))
        day = dt.date.fromisoformat(anchor.value.split("T")[0])
        d, _ = _weekday_date(target, day, "next" if wd.group(1) == "following" else "last", future=False)
        t.value, t.type, t.granularity, t.anchor = d.isoformat(), "DATE", "day", anchor.anchor
        t.anchor_note = f"'{t.text}': counted from '{anchor.text}' ({anchor.value}), the day named before it"
        return
    m = re.search(
        rf"(?:({_NUM})[\s-])?\b(day|week|month|year|morning|afternoon|evening|night|quarter)s?\b"
        r"(?:\s(earlier|before|later|after|ago))?",
        low,
    )
    way = re.search(r"\b(previous|prior|following|next|same|that)\b", low)
    if m is None:
        return
    num, unit, after = m.groups()
    word = after or (way.group(1) if way else None)
    if word is None:
        return
    n = _number(num) if num else 1
    if n is None:
        return
    sign = _SHIFT_WORDS.get(word, 0) * n  # "that year", "later that day": the time named
    quarter = next((a for a in _recent(named, t.sentence_id) if _granularity_of(a.value) == "quarter"), None)
    if unit == "year" and word == "earlier" and n == 1 and _a_year_before_the_months(t, named, periods, ref):
        return
    if word == "ago":
        if unit != "year" or quarter is None:
            return
        anchor = quarter
    elif unit == "year" and after is not None and quarter is not None:
        anchor = quarter
    else:
        need = {"year": ("year", "quarter", "month", "day"), "month": ("month", "day")}.get(unit, ("day",))
        anchor = next((a for a in reversed(named) if _granularity_of(a.value) in need), None)
        if anchor is None:
            return
    base = anchor.value.split("T")[0]
    try:
        value = _counted(base, unit, sign, way is not None and after is None)
    except (ValueError, OverflowError):  # beyond the calendar's years 1 to 9999
        return
    if value is None or not 1 <= int(value[:4]) <= 9999:
        return
    if after is None and unit in ("year", "month"):  # "the following month" is a month
        value = value[: 4 if unit == "year" else 7]
    t.value, t.type = value, "TIME" if "T" in value else "DATE"
    t.granularity = "part_of_day" if "T" in value else _granularity_of(value) if "W" not in value else "week"
    t.anchor = anchor.anchor
    t.anchor_note = f"'{t.text}': counted from '{anchor.text}' ({anchor.value}), the time named before it"


def _counted(base: str, unit: str, sign: int, named_week: bool) -> str | None:
    """``base`` moved by ``sign`` units ("the following week" is a week when ``named_week``)."""
    if unit == "year":
        value = _shift(base, years=sign)
    elif unit == "month":
        value = _shift(base, months=sign)
    elif unit == "week":
        d = _shift(base, days=7 * sign)
        if d is not None and named_week:  # "the following week"
            d = "{}-W{:02d}".format(*dt.date.fromisoformat(d).isocalendar()[:2])
        value = d
    else:
        value = _shift(base, days=sign) if sign else (base if _granularity_of(base) == "day" else None)
        if value is not None and unit in ("morning", "afternoon", "evening", "night"):
            value = f"{value}T{_POD_CODE[unit]}"
    return value
