"""Converting a clock time between time zones."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from kit.errors import did_you_mean, format_options
from kit.timeline.normalise import _clock_value
from kit.timeline.vocab import (
    _CLOCK,
    TimelineError,
    _coerce_reference,
)
from kit.timeline.zones import (
    _lookup_zone,
    _tz,
    _zones,
)


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
