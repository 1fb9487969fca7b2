"""The UTC interval a value covers, and a value said in words at its own granularity."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from kit.timeline.vocab import (
    _WD,
    _instant,
)
from kit.timeline.zones import (
    _tz,
)

_POD_HOURS = {"MO": (0, 12), "AF": (12, 18), "EV": (18, 24), "NI": (18, 30)}


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
    tz = _tz(zone or "UTC")  # the text names no zone: the kit states UTC
    return (
        pd.Timestamp(a.replace(tzinfo=tz)).tz_convert("UTC"),
        pd.Timestamp(b.replace(tzinfo=tz)).tz_convert("UTC"),
    )


_POD_NAME = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def _day_words(d: dt.date, weekday: bool) -> str:
    return (f"{d:%A} " if weekday else "") + f"{d.day} {d:%B} {d.year}"


def _when(t) -> str | pd.NA:
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
