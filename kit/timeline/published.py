"""The publication date from the article's own evidence: one function per clue rule, then a
combine step."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from kit.errors import format_options
from kit.lexicons import match_form, read_table
from kit.schemas import Column, register
from kit.timeline.expressions import (
    _find,
    _sentences,
)
from kit.timeline.finding import (
    _FUTURE,
)
from kit.timeline.normalise import (
    _fmt_date,
    _parse_date_words,
)
from kit.timeline.vocab import (
    _WD,
    _WEEKDAYS,
    TimelineError,
    _instant,
)


def _known_events(known_events) -> list[dict[str, str]]:
    if known_events is False or known_events is None:
        return []
    if known_events is True:
        return read_table("time_known_events.csv")
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


register(
    "infer_published",
    [
        Column("clue_id", "int64", "the clue's number, from 0"),
        Column("clue", "string", "the words the clue rests on, as in the text"),
        Column("sentence_id", "Int64", "the sentence of the clue, <NA> for an assumption or the combination"),
        Column("start_char", "Int64", "where the clue starts in article.text"),
        Column("end_char", "Int64", "where it ends (exclusive)"),
        Column(
            "evidence",
            "category",
            "text, outside knowledge, text + outside knowledge, assumption or all clues",
            EVIDENCE,
        ),
        Column("implies", "string", "what the clue says about the publication date, in plain words"),
        Column("earliest", "datetime64[s]", "the earliest publication date it allows, NaT if it sets none"),
        Column("latest", "datetime64[s]", "the latest publication date it allows, NaT if it sets none"),
        Column(
            "effect",
            "string",
            "the clue's weight in the interval of all clues: whether it sets the earliest or the latest"
            " date, is outweighed by a narrower clue, or narrows nothing",
        ),
        Column(
            "rule",
            "string",
            "known_event, explicit_date, yearless_date, weekday, quoted_deictic, freshness or combined",
        ),
    ],
)


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
        ``evidence``, ``implies``, ``earliest``, ``latest``, ``effect`` (the
        clue's weight in the final interval: which end it sets), ``rule``; the
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
    ctx = _Clues(article, known_events)
    _known_event_clues(ctx)
    _explicit_date_clues(ctx)
    for t in ctx.timexes:
        in_quote = any(a <= t.start < b for a, b in ctx.quoted)
        if t.rule in ("date_md", "date_dm"):
            _yearless_date_clue(ctx, t)
        elif t.rule in ("weekday", "clock", "day_clock") and re.search(_WD, t.text) and not in_quote:
            _weekday_clue(ctx, t)
        elif t.rule == "deictic" and in_quote:
            _quoted_deictic_clue(ctx, t)
    if freshness_days is not None:
        _freshness_clue(ctx, freshness_days)
    return _combine(ctx)


class _Clues:
    """What every clue rule reads (the text, its time expressions, the known
    events it mentions) and the clues found so far."""

    def __init__(self, article, known_events) -> None:
        self.text = article.text
        self.sentences = _sentences(article.doc)
        # no reference date: the text alone
        self.timexes = _find(self.text, self.sentences, None)
        marks = article.quote_marks
        self.quoted = list(zip(marks["content_start"], marks["content_end"]))
        self.rows: list[dict] = []
        self.known_events = _known_events(known_events)
        self.known: list[tuple[dict, int, int, dt.datetime | dt.date]] = []
        self.table = (
            "the known-events table kit/data/time_known_events.csv"
            if known_events is True
            else "the known-events table you passed"
        )

    def clue(self, label, sid, a, b, implies, earliest, latest, rule, evidence=TEXT) -> None:
        self.rows.append(
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

    def at(self, t, implies, earliest, latest, rule, evidence=TEXT) -> None:
        """A clue at a time expression."""
        self.clue(t.text, t.sentence_id, t.start, t.end, implies, earliest, latest, rule, evidence)

    def sid_at(self, pos: int):
        for sid, a, b in self.sentences:
            if a <= pos < b:
                return sid
        return None


def _day_of(when) -> dt.date:
    return when.astimezone(dt.UTC).date() if isinstance(when, dt.datetime) else when


def _known_event_clues(ctx: _Clues) -> None:
    """Rule ``known_event``: an event of the known-events table whose cues all occur."""
    text = ctx.text
    mf = match_form(text)
    for row in ctx.known_events:
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
        ctx.known.append((row, at, at + len(cues[0]), when))
        day = _day_of(when)
        ctx.clue(
            text[at : at + len(cues[0])],
            ctx.sid_at(at),
            at,
            at + len(cues[0]),
            f"outside knowledge, not the text: the article mentions '{text[at : at + len(cues[0])]}', and"
            f" {ctx.table} says {row['what']} happened on {_fmt_date(day)}"
            f" (source: {row.get('source', '') or 'not given'}): published on or after it",
            day,
            None,
            "known_event",
            KNOWLEDGE,
        )


def _explicit_date_clues(ctx: _Clues) -> None:
    """Rule ``explicit_date``: a full date of a past event, outside quotations."""
    for t in ctx.timexes:
        in_quote = any(a <= t.start < b for a, b in ctx.quoted)
        if t.rule in ("date_mdy", "date_dmy", "date_iso", "weekday_date") and t.value and not in_quote:
            d = dt.date.fromisoformat(t.value[:10])
            if _FUTURE.search(ctx.text[t.start - 80 if t.start > 80 else 0 : t.start]):
                continue
            ctx.at(
                t, f"a past event dated {_fmt_date(d)}: published on or after it", d, None, "explicit_date"
            )


def _yearless_date_clue(ctx: _Clues, t) -> None:
    """Rule ``yearless_date``: a date without a year, with its year from a known event."""
    parsed = _parse_date_words(t.text)
    if parsed is None:
        return
    _, month, day = parsed
    year = None
    for _row, _a, _b, when in ctx.known:
        kday = _day_of(when)
        if (kday.month, kday.day) == (month, day):
            year, source = kday.year, f"the known event of {_fmt_date(kday)}"
    if year is None:
        implies = "a date without a year: it needs its year from a known event; alone it narrows nothing"
        ctx.at(t, implies, None, None, "yearless_date")
        return
    d = dt.date(year, month, day)
    ctx.at(
        t,
        f"a date without a year means the latest {d:%B} {d.day}; the year comes from outside"
        f" knowledge ({source} in {ctx.table}), so published between {_fmt_date(d)} and a year and a"
        " week later",
        d,
        d + dt.timedelta(days=372),
        "yearless_date",
        TEXT_AND_KNOWLEDGE,
    )


def _weekday_clue(ctx: _Clues, t) -> None:
    """Rule ``weekday``: a weekday name, dated by a known event in its sentence."""
    n = _WEEKDAYS.index(re.search(_WD, t.text).group())
    match = None
    for _row, a, _b, when in ctx.known:
        if ctx.sid_at(a) == t.sentence_id and _day_of(when).weekday() == n:
            match = _day_of(when)
    if match is not None:
        ctx.at(
            t,
            f"'{_WEEKDAYS[n]}' names a day of the past week, and the event it dates fell on"
            f" {_fmt_date(match)} (outside knowledge: {ctx.table}): published at most six days later",
            match,
            match + dt.timedelta(days=6),
            "weekday",
            TEXT_AND_KNOWLEDGE,
        )
    else:
        implies = (
            f"'{_WEEKDAYS[n]}' names a day of the past week, but which week the text alone does"
            " not say: it narrows nothing by itself"
        )
        ctx.at(t, implies, None, None, "weekday")


def _quoted_deictic_clue(ctx: _Clues, t) -> None:
    """Rule ``quoted_deictic``: "today" in a quotation is the speaker's day."""
    implies = (
        f"'{t.text}' is inside a quotation: the speaker's day, not the publication day; it"
        " narrows nothing by itself"
    )
    ctx.at(t, implies, None, None, "quoted_deictic")


def _freshness_clue(ctx: _Clues, freshness_days: int) -> None:
    """Rule ``freshness``: the assumption that a report is fresh."""
    fresh = [r["earliest"] for r in ctx.rows if r["rule"] == "weekday" and r["earliest"] is not None]
    if not fresh:
        return
    last = max(fresh)
    ctx.clue(
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


def _interval(rows: list[dict], kinds) -> tuple[dt.date | None, dt.date | None]:
    chosen = [r for r in rows if r["evidence"] in kinds]
    lo = max((r["earliest"] for r in chosen if r["earliest"] is not None), default=None)
    hi = min((r["latest"] for r in chosen if r["latest"] is not None), default=None)
    return lo, hi


def _between(lo, hi) -> str:
    if lo and hi and lo > hi:
        return "the clues contradict each other: no date fits them all"
    if lo and hi:
        return f"published between {_fmt_date(lo)} and {_fmt_date(hi)}"
    if lo or hi:
        return f"published on or {'after' if lo else 'before'} {_fmt_date(lo or hi)}"
    return "no clue to the date"


def _effect(row: dict, lo, hi) -> str:
    """A clue's weight in the interval of all clues: which end it sets, if any."""
    if row["rule"] == "combined":
        return "the interval of all clues"
    sets = []
    if row["earliest"] is not None and row["earliest"] == lo:
        sets.append("the earliest date")
    if row["latest"] is not None and row["latest"] == hi:
        sets.append("the latest date")
    if sets:
        return "sets " + " and ".join(sets)
    if row["earliest"] is None and row["latest"] is None:
        return "narrows nothing by itself"
    return "outweighed: another clue narrows the interval more"


def _combine(ctx: _Clues) -> pd.DataFrame:
    """Rule ``combined``: intersect the clues, from the text alone, then with outside
    knowledge, then with the assumption."""
    rows = ctx.rows
    text_only = _interval(rows, {TEXT})
    knowledge = _interval(rows, {TEXT, KNOWLEDGE, TEXT_AND_KNOWLEDGE})
    lo, hi = _interval(rows, {TEXT, KNOWLEDGE, TEXT_AND_KNOWLEDGE, ASSUMPTION})
    parts = [f"from the text alone: {_between(*text_only)}"]
    if ctx.known:
        parts.append(f"with outside knowledge ({ctx.table}): {_between(*knowledge)}")
    if any(r["evidence"] == ASSUMPTION for r in rows):
        parts.append(f"adding the freshness assumption: {_between(lo, hi)}")
    ctx.clue("all clues together", None, None, None, "; ".join(parts), lo, hi, "combined", ALL)
    for r in rows:
        r["effect"] = _effect(r, lo, hi)
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
            "effect": "string",
        }
    )
    out = out[[*out.columns.drop(["rule", "effect"]), "effect", "rule"]]
    for col in ("earliest", "latest"):
        out[col] = pd.to_datetime(out[col].astype(object).where(out[col].notna(), None))
    out.attrs["interval"] = (lo, hi)
    out.attrs["interval_text"] = text_only
    out.attrs["interval_knowledge"] = knowledge
    return out
