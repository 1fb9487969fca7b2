"""The ``timeline`` table: time expressions found sentence by sentence and normalised against
the reference date, or against a quoted speaker's own time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

import pandas as pd

from kit.schemas import OFFSET_COLUMNS, Column, frame, register
from kit.timeline.finding import (
    _FUTURE,
    _NUM_START,
    _RANGE_START,
    _SIGNAL_BEFORE,
    _Cand,
    _candidates,
)
from kit.timeline.normalise import (
    _Context,
    _fmt_date,
    _normalise,
    _Timex,
    resolve_anaphora,
)
from kit.timeline.vocab import (
    _POD,
    _WD,
    ANCHORS,
    ARTICLE_HINT,
    GRANULARITIES,
    STRING_HINT,
    TYPES,
    _clock12,
    _coerce_reference,
    _instant,
)
from kit.timeline.zones import (
    _find_zone_in,
    _lookup_zone,
    _names_re,
    _tz,
)

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


def _signal(text: str, lo: int, start: int) -> str | None:
    m = _SIGNAL_BEFORE.search(text[max(lo, start - 14) : start])
    return re.sub(r"\s+", " ", m.group(1).lower()) if m else None


def _sentences(doc) -> list[tuple[int, int, int]]:
    """(sentence_id, start_char, end_char) of each sentence of a :class:`kit.document.Doc`."""
    rows = doc.sentences
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
        first_future = _first_future(text, s_start, s_end)
        dated: _Timex | None = None  # the sentence's latest date without a year
        for c in cands:
            future = _future_at(text, s_start, c, first_future)
            in_quote = any(a <= c.start < b for a, b in quoted)
            if in_quote and speaker_of is not None and c.rule not in ("duration", "vague_duration", "set"):
                later.append((c, sid, s_start, s_end))
                out.append(None)  # placeholder, filled below
                continue
            if dated is not None and ref is not None and not future and c.rule in _YEARLESS:
                # "from March 30, with the third departing from August 6": ahead like March 30 (a
                # date before the reference date lends no past: the one after it comes later still)
                future = (
                    dated.value > ref.isoformat()[: len(dated.value)]
                    and _follows(text, dated.end, c)
                    and not _past_at(text, s_start, c)
                )
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
            if c.rule in _YEARLESS and out[-1].value and out[-1].value[:1].isdigit():
                dated = out[-1]
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
    resolve_anaphora(out, text, ref)
    for t in out:
        # no reference date: a relative expression rests on nothing yet
        unresolved = t.value is None or "X" in t.value
        if (t.anchor == "reference_date" and ref is None) or (t.anchor == "speaker_time" and unresolved):
            t.anchor = "vague"
            t.anchor_note = f"{t.anchor_note}; {hint}"
    return out


_YEARLESS = frozenset(("date_md", "date_dm", "month"))
"""Rules of a date without a year, whose year the tense or the nearness to the reference date decides."""
_NO_TENSE_LINK = re.compile(
    r"(?i),?\s(?:(?:and|or|to|through|till|until|then)\s|-\s?)?(?:(?:on|from|by|to|until|till|through)\s)?"
)
"""Nothing but a conjunction or a preposition between two dates: a list or a range ("March 30 and
August 6", "from March 30 to August 6")."""
_ABSOLUTE_CLAUSE = re.compile(r"(?i),\s(?:(?:with|and|then)\s)?(?:[\w’'-]+\s){1,8}")
"""A clause of a few words after a comma ("..., with the third departing each Thursday from")."""
_FINITE = re.compile(
    r"(?i)(?<![\w’'-])(?:is|are|was|were|am|has|have|had|will|would|shall|should|can|could|may|might|must"
    r"|do|does|did|said|says|told|[a-z]+ed|[\w’'-]+['’](?:s|ll|d|re|ve))(?![\w’'-])"
)
"""A verb with a tense of its own (or a word that may be one, a past participle in -ed)."""


def _follows(text: str, prev_end: int, c: _Cand) -> bool:
    """Does the date ``c`` follow the sentence's date that ends at ``prev_end`` with no tense of its
    own: in a list or a range ("March 30 and August 6"), or in a clause with no verb that has a
    tense ("..., with the third departing from August 6")?"""
    between = text[prev_end : c.start]
    if _NO_TENSE_LINK.fullmatch(between):
        return True
    if len(between) > 100 or not _ABSOLUTE_CLAUSE.fullmatch(between) or _FINITE.search(between):
        return False
    return between.lstrip(", ").lower().startswith("with ") or bool(re.search(r"(?i)\w+ing\s", between))


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
_ORDINAL_DAY = re.compile(r"(?i)\w(?:st|nd|rd|th)\sday$")
_IS_NOW = re.compile(r"(?i)(?<![\w])(?:today|it|this)(?:\sis|[’']s)\s(?:now\s)?$")
"""An ordinal day said of today in the present tense ("today is the eighth day", "it's the second
day of the strike") is the reference date ("Monday is the tenth day" is Monday's, not resolved)."""


def _make(text: str, c: _Cand, sid: int, s_start: int, ctx: _Context) -> _Timex:
    chunk = text[c.start : c.end]
    signal = _signal(text, s_start, c.start)
    if _SINCE.search(text, max(s_start, c.start - 20), c.start):
        ctx = dataclasses.replace(ctx, past=True, future=False)
    elif (
        not ctx.future
        and _past_at(text, s_start, c)
        and not _AHEAD.search(text, max(s_start, c.start - 80), c.start)
    ):
        ctx = dataclasses.replace(ctx, past=True)
    if signal in ("until", "till") and not ctx.future:
        # "closed until Friday": a period still running ends at the next Friday,
        # unless the clause is in the past tense ("was closed until Friday")
        # ("Until Friday, they had not called him": the verb may come after)
        after = re.split(r"[.;:!?]", text[c.end : c.end + 30], maxsplit=1)[0]
        clause = text[max(s_start, c.start - 80) : c.start] + " " + after
        if not _PAST_TENSE.search(clause):
            ctx = _Context(ctx.ref, ctx.ref_label, ctx.anchor, ctx.zone, True, ctx.local_zone)
    # the modifiers in front ("nearly", "the end of") are in the span, not in the value
    body, rule = chunk[c.lead :], c.rule
    shared = _SHARED_PART.match(text, c.end) if rule == "weekday" and _WD_ONLY.fullmatch(body) else None
    if shared and ctx.past:  # "clashed on Saturday and Sunday nights": two nights, in the past
        body = f"{body} {shared.group(1).lower()}"
    elif shared:  # "Monday and Tuesday nights": every Monday night too
        body, rule = f"{body} {shared.group(1).lower()}s", "set"
    elif rule == "set" and (first := _AFTER_A_WEEKDAY.search(text, max(s_start, c.start - 20), c.start)):
        # "clashed on Saturday and Sunday nights": in the past tense, the plural is "and"'s, two nights
        plural = _PLURAL_WD_PART.fullmatch(body)
        if plural and _PAST_NEAR.search(text, max(s_start, first.start() - 50), first.start()):
            body, rule = f"{plural.group(1)} {plural.group(2)}", "weekday"
            ctx = dataclasses.replace(ctx, past=True)
    low = _RANGE_START.search(chunk, 0, c.lead) if rule == "duration" else None
    if low:  # "two to three weeks": TimeML writes the lower bound, P2W
        body = f"{low.group(1)} {_NUM_START.sub('', body, count=1)}"
    typ, value, gran, anchor, note, zone = _normalise(body, rule, ctx)
    if (
        rule == "anaphoric"
        and ctx.ref is not None
        and _ORDINAL_DAY.search(chunk)
        and _IS_NOW.search(text, max(s_start, c.start - 20), c.start)
    ):  # "today is the eighth day of the operation": the reference date
        value, gran, anchor = ctx.ref.isoformat(), "day", ctx.anchor
        note = f"'{chunk}' in the present tense ('is'): {ctx.ref_label}"
    if value is None:
        anchor = "vague"
    return _Timex(sid, c.start, c.end, chunk, typ, value, gran, anchor, note, signal, rule, zone)


_WD_ONLY = re.compile(_WD)
_AFTER_A_WEEKDAY = re.compile(rf"{_WD},?\s(?:and|or)\s$")
_PLURAL_WD_PART = re.compile(rf"({_WD})\s((?i:{_POD}))s")
_SHARED_PART = re.compile(
    rf"(?:,\s(?:(?:and|or)\s)?|\s(?:and|or)\s)(?:{_WD},?\s(?:(?:and|or)\s)?)*{_WD}\s((?i:{_POD}))s(?![\w])"
)
"""A weekday before another with a part of day in the plural ("Monday and Tuesday nights",
"Monday, Wednesday and Friday mornings"): the plural is a habit of each weekday named."""


_PAST_VERB = re.compile(
    r"(?i)(?<![\w])(?:said|says|told|met|left|won|lost|began|came|went|took|held|(?!(?:scheduled|expected|planned"
    r"|slated|set|due|needed|required|asked|urged)\s)[a-z]+ed)\s(?:on\s|late\s|early\s|that\s)?$"
)
"""A verb in the past tense right before a time expression dates a past event ("said Friday")."""


_PAST_NEAR = re.compile(
    r"(?i)(?<![\w])(?!(?:was|were)\s(?:planned|scheduled|expected|slated|due|set)\s)(?:was|were|had|did|said|told|met|left|won|lost|began|came|went|took|held|bought|sold"
    r"|made|gave|fell|rose|paid|led|became|(?!(?:planned|scheduled|expected|slated)\s)[a-z]+ed)\s(?:[\w’'-]+\s){0,3}$"
)
"""A verb in the past tense at most four words before a date without a year ("was planned for
March" and "is scheduled for Monday" speak of a time still ahead: no past tense)."""

_PASSIVE_AHEAD = re.compile(
    r"(?i)(?<![\w])(?:be|been|being)\s(?:[a-z]+ed|held|made|paid|sold|built|done|given|taken|seen|set|put|run"
    r"|won|brought|bought|told|shown|chosen|sent|spent|kept|met|left|hit|cut|shut|begun|known|found|heard|laid"
    r"|led|lost|struck|sworn|sung|drawn|thrown|torn|worn)\s(?:[\w’'-]+\s){0,3}$"
)
"""A participle after "be" ("to be published in May", "will be completed by June", "will be held on Nov.
15") is no past tense."""

_PAST_AFTER = re.compile(
    r",\s(?:(?!(?i:be|been|being|can|could|will|would|may|might|must|should|shall|has|have|is|are|to"
    r"|but|although|though|whereas|while)\s)"
    r"[\w.&’'-]+\s){0,4}(?i:was|were|had|did|said|told|met|left|won|lost|began|came|went"
    r"|took|held|brought|bought|sold|made|got|gave|fell|rose|[a-z]+ed)(?![\w])"
)
"""A verb in the past tense right after an expression that opens a clause ("In March, the company
bought ..."); a clause after "but" or "although" is another clause ("planned for March, but no date
was fixed")."""

_DEADLINE = re.compile(r"(?i)(?<![\w])(?:by|to|until|till|through)\s$")
"""A preposition of a deadline ("extended to Nov. 20", "completed by June"): no past tense from the verb."""

_SINCE = re.compile(r"(?i)(?<![\w])since\s(?:(?:early|late|mid)[\s-])?$")
"""'since March' is the latest March before."""


_AHEAD = re.compile(r"(?i)(?<![\w])(?:would|payable)(?![\w])")
"""A time that may lie ahead of the moment of writing even after a verb in the past tense: "said
it would close in March" (the future of a past statement), "the reduced dividend is payable Jan. 2"."""


def _past_at(text: str, s_start: int, c: _Cand) -> bool:
    """Is the expression governed by a verb in the past tense, before it or right after it?"""
    lo = max(s_start, c.start - 50)
    if _DEADLINE.search(text, lo, c.start):
        return False
    if _PAST_NEAR.search(text, lo, c.start) and not _PASSIVE_AHEAD.search(text, lo, c.start):
        return True
    return bool(_PAST_AFTER.match(text, c.end, c.end + 60))


_SCHEDULED = re.compile(
    r"(?i)(?<![\w’'])(?:meets?|begins|starts|opens|resumes|arrives|leaves|travels|goes|takes\splace)"
    r"\s(?:[\w’'-]+\s){0,2}(?:on\s)?$"
)
"""A verb in the present tense of a timetable before a time: "meet separately Monday", "the show
opens in March" (news tells a past event in the past tense)."""
_OPENS_SENTENCE = re.compile(
    r"(?i)\s*(?:(?:on|in|by|at|from|early|late|later|next|this|starting|beginning)\s)*"
)
"""Nothing but a preposition or a modifier before an expression that opens its sentence."""
_CLAUSE_END = re.compile(r"[,;:()]|\s(?:but|while|when|after|because)\s")


def _short_subject(text: str, end: int, first_future: int) -> bool:
    """Between an opening time without a comma and the future cue, only a short subject with no
    verb of its own ("On Friday the ministers will sign": the next Friday; "On Friday the Dow fell
    and analysts say it will recover", "On Friday the ministry said it will": last Friday)."""
    cue = _FUTURE.search(text, end, first_future)
    head = text[end : cue.start() if cue else first_future]
    return len(head.split()) <= 4 and not _FINITE.search(head)


def _future_at(text: str, s_start: int, c: _Cand, first_future: int | None) -> bool:
    """Does the sentence speak of the future at this expression? A future cue
    ("will", "is due to", "plans to") before it in its sentence, and no verb in
    the past tense right before it ("said Friday that ... will" is last Friday)
    nor after the cue ("will ... since he was rescued in November"); or the
    expression opens the sentence and a future cue follows in its clause ("On
    Tuesday, the league plans to ..."); or, with no future cue, a verb of a
    timetable in the present tense governs it ("meet Monday").

    ``first_future`` is where the sentence's first future cue ends (None: it has
    none), found once per sentence so that a long sentence is read once, not
    once per expression."""
    if (
        c.rule == "weekday"
        and not text.startswith(("'s", "’s"), c.end)
        and _AHEAD.search(text, max(s_start, c.start - 80), c.start)
        and not _PAST_VERB.search(text, max(s_start, c.start - 30), c.start)
    ):  # "said the father would travel Thursday": the next Thursday
        return True
    if first_future is None:
        return bool(_SCHEDULED.search(text, max(s_start, c.start - 40), c.start))
    if first_future > c.start:  # "On Tuesday, the league plans to ...": the time opens the clause
        return (
            first_future - c.end < 80
            and (text.startswith(",", c.end) or _short_subject(text, c.end, first_future))
            and bool(_OPENS_SENTENCE.fullmatch(text, s_start, c.start))
            and not _CLAUSE_END.search(text, c.end + 1, first_future)
            and not _PAST_AFTER.match(text, c.end, first_future)
            and not text[c.end : first_future].lower().endswith(("planned to", "planned to "))
        )
    past = [m.start() for m in _PAST_TENSE.finditer(text, first_future, c.start)]
    if past and not _FUTURE.search(text, past[-1], c.start):  # "will ... since he was rescued in November"
        return False
    lo = max(s_start, c.start - 30)
    return not _PAST_VERB.search(text, lo, c.start) or bool(_PASSIVE_AHEAD.search(text, lo, c.start))


def _first_future(text: str, s_start: int, s_end: int) -> int | None:
    """Where the first future cue of a sentence ends, or None."""
    m = _FUTURE.search(text, s_start, s_end)
    return m.end() if m else None


def _make_quoted(text, c, sid, s_start, s_end, ref, ref_label, who, instants) -> _Timex:
    """Normalise a relative expression inside a quotation against the speaker's time."""
    name, zone = who if who else (None, None)
    future = _future_at(text, s_start, c, _first_future(text, s_start, s_end))
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


def _speaker_finder(text: str, quote_marks: pd.DataFrame, quotes: pd.DataFrame):
    """Return a function (start, sid, s_start, s_end) -> (name, zone) for quoted text.

    The quotes table names the speaker; the words of the sentence outside
    quotation marks may name one the lexicon places in a time zone."""

    rows: list[tuple] = []
    marks: list[tuple[int, int]] = []

    def who(pos: int, sid: int, s_start: int, s_end: int):
        if not rows and not marks:  # read the two tables once, at the first quoted expression
            cols = ("start_char", "end_char", "speaker_name", "speaker", "speaker_role")
            rows.extend(zip(*(quotes[c].tolist() for c in cols)))
            marks.extend(zip(quote_marks["start_char"].tolist(), quote_marks["end_char"].tolist()))
        texts: list[str] = []
        name = None
        for start, end, speaker_name, speaker, speaker_role in rows:
            if not start <= pos < end:
                continue
            texts.extend(v for v in (speaker_name, speaker, speaker_role) if isinstance(v, str))
            name = name or (speaker_name if isinstance(speaker_name, str) else None)
            name = name or (speaker if isinstance(speaker, str) else None)
        outside = text[s_start:s_end]
        for m_start, m_end in marks:
            if m_start < s_end and m_end > s_start:
                a, b = max(m_start, s_start) - s_start, min(m_end, s_end) - s_start
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


def _article_timexes(doc, quote_marks, quotes, ref: dt.date | None) -> list[_Timex]:
    quoted = list(zip(quote_marks["content_start"], quote_marks["content_end"]))
    who = _speaker_finder(doc.text, quote_marks, quotes)
    return _find(doc.text, _sentences(doc), ref, quoted=quoted, speaker_of=who)


def build_timexes(doc, quote_marks: pd.DataFrame, quotes: pd.DataFrame) -> list[_Timex]:
    """The step ``_timexes``: the article's time expressions against its published date.

    Shared by ``timeline`` and ``events`` (see :data:`kit.schemas.STEPS`)."""
    return _article_timexes(doc, quote_marks, quotes, doc.published)


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


def build_timeline(doc, timexes: list[_Timex] | None = None, *, reference_date=None) -> pd.DataFrame:
    """One row per time expression, normalised against the reference date.

    Parameters
    ----------
    doc
        The article's :class:`kit.document.Doc` (an :class:`kit.Article` also works).
    timexes
        The step ``_timexes`` (built from the doc, ``quote_marks`` and ``quotes``).
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
    1        earlier today      DATE         2023-12-25    speaker_time
    2       Monday morning      TIME      2023-12-25TMO  reference_date
    3  1:45 GMT on Tuesday      TIME  2023-12-26T01:45Z  reference_date
    4                years  DURATION                PXY           vague
    5            October 7      DATE         2023-10-07  reference_date
    6           November 2      DATE         2023-11-02  reference_date
    """
    if timexes is None or reference_date is not None:
        return timeline(doc, reference_date=reference_date)
    return _timeline_frame(timexes)


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
    ref = _coerce_reference(reference_date)
    if ref is None:
        return article.timeline
    return _timeline_frame(_article_timexes(article.doc, article.quote_marks, article.quotes, ref))


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
