"""Normalising time expressions: one function per rule, in :data:`NORMALISERS`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kit.lexicons import match_form
from kit.timeline.vocab import (
    _CLOCK,
    _DAY,
    _DAY_OF,
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
    elif pod:
        gran = "part_of_day"
    return "DATE", value, gran, anchor, note, ctx.zone


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


def _year(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A year: year."""
    y = re.search(_YEAR, chunk).group()
    return "DATE", y, "year", "absolute", "the text gives the year", ctx.zone


def _deictic(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """Words that point from the moment of writing: deictic."""
    low = match_form(chunk)
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


def _duration(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A counted length of time: duration."""
    m = re.match(rf"(?i)({_NUM})[\s-]({_UNIT})", chunk)
    value, gran = _duration_value(m.group(1), m.group(2))
    if value is None:
        return "DURATION", None, gran, "vague", f"a length of time; '{m.group(1)}' gives no number", None
    return "DURATION", value, gran, "absolute", "a length of time: it needs no reference date", None


def _past_duration(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A length of time ending or starting at the reference date: past_duration."""
    low = match_form(chunk)
    m = re.search(rf"(?i)(?:({_NUM})[\s-])?({_UNIT})$", chunk)
    value, gran = _duration_value(m.group(1) or "one", m.group(2))
    where = "ending at" if re.search(r"past|previous|last", low) else "starting at"
    if value is None:
        return "DURATION", None, gran, "vague", "a length of time with no number", None
    return "DURATION", value, gran, ctx.anchor, f"a length of time {where} {ctx.ref_label}", None


def _vague_duration(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A length of time the text does not give: vague_duration."""
    low = match_form(chunk)
    unit = re.search(r"year|decade|month|week|day|age|centur", low).group()
    gran = {"age": "year", "centur": "century"}.get(unit, unit)
    return "DURATION", None, gran, "vague", f"'{chunk}': a length of time the text does not give", None


def _set(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """A repeated time: set."""
    low = match_form(chunk)
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


NORMALISERS = {
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
    "deictic": _deictic,
    "clock": _clock,
    "day_clock": _clock,
    "duration": _duration,
    "past_duration": _past_duration,
    "vague_duration": _vague_duration,
    "set": _set,
}
"""Each rule of the finder (the ``rule`` column) to the function that normalises what it found."""


def _normalise(chunk: str, rule: str, ctx: _Context) -> _Normalised:
    """Return (type, value, granularity, anchor, note, zone)."""
    return NORMALISERS[rule](chunk, rule, ctx)


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
