"""The timeline chart: events as intervals at the text's granularity, in a stated time zone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.charts.bars import _described, _type_column
from kit.charts.colours import OKABE_ITO
from kit.charts.offline import _ready

if TYPE_CHECKING:  # altair is imported lazily, inside the functions
    import altair as alt

_TIME_COLUMNS = ("time_start", "start", "when", "value", "datetime", "date", "normalized", "normalised")
_NAME_COLUMNS = ("description", "label", "summary", "text", "event")


def _ordinal(k: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def timeline_table(
    events: pd.DataFrame, *, when: str | None = None, name: str | None = None, zone: str = "UTC"
) -> pd.DataFrame:
    """Events with a time, in time order: ``event_id``, ``name``, ``when``, ``narrative``, ``told``,
    ``when_text``, and the interval drawn: ``start``, ``end``, ``granularity``.

    ``when`` is the column holding the (normalised) time, ``name`` the column
    naming the event; by default the first that the table has of
    ``time_start, start, when, value, datetime, date, normalized`` and
    ``description, label, summary, text, event``. ``narrative`` is the row's
    place in the telling, counted from 1: ``narrative_position + 1`` when the
    table has ``narrative_position`` (which counts from 0, Python's way), else
    the row's rank by ``start_char``. ``told`` says it in words (``"told 2nd"``).
    ``when_text`` is the time as a learner reads it: the events table's own
    ``when`` column (at the expression's granularity, "25 December 2023") where
    it has one, else the time written out. Rows with no time are left out.

    ``start`` and ``end`` are the wall-clock times, in ``zone`` (UTC unless you
    name another, such as ``"Asia/Baghdad"``), of the interval the event is
    dated to, at the text's granularity: an event of ``article.events`` dated
    "7 October" spans that day, "Monday morning" that morning. An event with no
    time expression of its own (``granularity`` missing) is left out: its
    bounds come from other events, not from the text. A table without
    ``time_end`` draws each time as a point (``start == end``).

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": [0, 1], "text": ["strikes", "drone attack"],
    ...                    "start": pd.to_datetime(["2023-12-26 01:45", "2023-12-25 12:00"]),
    ...                    "start_char": [10, 50]})
    >>> timeline_table(ev)[["event_id", "name", "when", "narrative", "told"]]
       event_id          name                when  narrative      told
    0         1  drone attack 2023-12-25 12:00:00          2  told 2nd
    1         0       strikes 2023-12-26 01:45:00          1  told 1st
    """
    when = when or _type_column(events, _TIME_COLUMNS, "timeline")
    name = name or _type_column(events, _NAME_COLUMNS, "timeline")
    ids = events["event_id"] if "event_id" in events.columns else pd.Series(range(len(events)))
    if "narrative_position" in events.columns:
        narrative = pd.Series(list(events["narrative_position"])).astype("int64") + 1
    else:
        place = events["start_char"] if "start_char" in events.columns else pd.Series(range(len(events)))
        narrative = pd.Series(list(place)).rank(method="first").astype("int64")
    stamps = pd.to_datetime(events[when].astype("object"), errors="coerce", utc=False, format="mixed")
    if "when" in events.columns and when != "when":
        written = [None if pd.isna(w) else str(w) for w in events["when"]]
    else:
        written = [None] * len(events)
    data = pd.DataFrame(
        {
            "event_id": pd.Series(list(ids), dtype="int64"),
            "name": pd.Series(list(events[name].astype("string")), dtype="string"),
            "when": list(stamps),
            "narrative": narrative.astype("int64"),
            "told": pd.Series([f"told {_ordinal(int(k))}" for k in narrative], dtype="string"),
            "when_text": pd.Series(
                [
                    w if w else (f"{t:%a %d %b %Y %H:%M}" if not pd.isna(t) else None)
                    for w, t in zip(written, stamps)
                ],
                dtype="string",
            ),
        }
    )
    data["start"], data["end"] = _local(stamps, zone), _local(stamps, zone)
    data["granularity"] = pd.Series([pd.NA] * len(data), dtype="string")
    if "time_end" in events.columns and "granularity" in events.columns and when == "time_start":
        dated = pd.Series(list(events["granularity"].notna()))
        data["end"] = _local(pd.to_datetime(events["time_end"].astype("object"), utc=True), zone)
        data["granularity"] = pd.Series(list(events["granularity"].astype("string")), dtype="string")
        data = data[dated.to_numpy()]
    data = data[data["when"].notna()]
    return data.sort_values(["when", "narrative"], kind="stable").reset_index(drop=True)


def _local(stamps: pd.Series, zone: str) -> pd.Series:
    """Wall-clock times in ``zone``, without a zone (a time given with no zone is taken as UTC)."""
    stamps = pd.Series(list(stamps), dtype="object")
    out = []
    for t in stamps:
        if t is None or pd.isna(t):
            out.append(pd.NaT)
            continue
        t = pd.Timestamp(t)
        t = t.tz_localize("UTC") if t.tzinfo is None else t
        out.append(t.tz_convert(zone).tz_localize(None))
    return pd.Series(out, dtype="datetime64[ns]")


def timeline_text(
    events: pd.DataFrame, *, when: str | None = None, name: str | None = None, zone: str = "UTC"
) -> str:
    """Say :func:`timeline_table` in one sentence: the events in time order, each with its
    time as the text gives it (``when_text``) and its place in the telling (``told``)."""
    data = timeline_table(events, when=when, name=name, zone=zone)
    if data.empty:
        return "No event has a time the kit could place."
    bits = "; ".join(f"{w}: {n} ({t})" for n, w, t in zip(data["name"], data["when_text"], data["told"]))
    return (
        f"{len(data)} events in time order, with their place in the telling"
        f" (told 1st is the first event the article tells): {bits}."
    )


def timeline_chart(
    events: pd.DataFrame, *, when: str | None = None, name: str | None = None, zone: str = "UTC"
) -> alt.Chart:
    """The events on a time axis, each as the interval the text gives (a day as a day-wide bar,
    a morning as a morning, a clock time as a tick); the label says in which order the article
    tells them.

    Times are drawn in ``zone`` (UTC unless you name another), which the axis title
    states; the chart never uses the reader's browser's zone. Event names are never
    cut off; :func:`timeline_table` is the chart's table twin.
    """
    import altair as alt

    _ready()
    data = timeline_table(events, when=when, name=name, zone=zone)
    # milliseconds of the wall-clock time read as UTC, on a UTC scale: the browser's zone never applies
    epoch = pd.Timestamp("1970-01-01")
    data["start_ms"] = [(t - epoch) // pd.Timedelta(milliseconds=1) for t in data["start"]]
    data["end_ms"] = [
        max(int((t - epoch) // pd.Timedelta(milliseconds=1)), s + 60_000)
        for t, s in zip(data["end"], data["start_ms"])
    ]
    for col in ("start", "end"):
        data[col] = [f"{t:%Y-%m-%d %H:%M}" for t in data[col]]
    axis_title = f"time ({zone})"
    x = alt.X("start_ms:T", title=axis_title, scale=alt.Scale(type="utc"), axis=alt.Axis(format="%d %b %Y"))
    y = alt.Y("name:N", sort=list(data["name"]), title=None, axis=alt.Axis(labelLimit=0))
    tooltip = ["name:N", "when_text:N", "told:N", "granularity:N"]
    # each mark's screen-reader label in words (Vega's own would write times in the browser's zone)
    data["label"] = [f"{n}: {w} ({t})" for n, w, t in zip(data["name"], data["when_text"], data["told"])]
    said = alt.Description("label:N")
    base = alt.Chart(data)
    bars = base.mark_bar(color=OKABE_ITO[4], height=14, cornerRadius=2).encode(
        x=x, x2="end_ms:T", y=y, tooltip=tooltip, description=said
    )
    ticks = base.mark_tick(color="#000000", thickness=2, size=18).encode(
        x=x, y=y, tooltip=tooltip, description=said
    )
    text = base.mark_text(align="left", dx=8, color="#000000").encode(
        x="end_ms:T", y=y, text="told:N", description=said
    )
    return (
        alt.layer(
            bars,
            ticks,
            text,
            title=f"What happened when (and in which order the article tells it), in {zone}",
            description=_described(
                f"What happened when (and in which order the article tells it), in {zone}",
                timeline_text(events, when=when, name=name, zone=zone),
            ),
        )
        .properties(width=420, height=alt.Step(28))
        .configure(aria=True)
    )
