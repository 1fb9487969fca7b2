"""The ``events`` and ``event_constraints`` tables: dating events, the constraint rules,
bounds and neutral descriptions."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from kit.lexicons import read_table
from kit.schemas import OFFSET_COLUMNS, Column, frame, register
from kit.timeline.expressions import (
    _sentences,
    build_timexes,
)
from kit.timeline.finding import (
    _FUTURE,
)
from kit.timeline.intervals import _interval, _when
from kit.timeline.mentions import (
    _CONSTRAINT_SIGNAL,
    _SIGNAL_RELATION,
    _classes,
    _Event,
    _Mention,
    _mentions,
    _merge,
    learner_event_words,
)
from kit.timeline.normalise import _Timex
from kit.timeline.vocab import (
    GRANULARITIES,
    RELATIONS,
)
from kit.timeline.zones import (
    _names_re,
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
            tuple(r["class"] for r in read_table("time_event_classes.csv")),
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
            " whole local day: 31 May 2019 in Baghdad starts 2019-05-30 21:00 UTC; see zone)",
        ),
        Column(
            "time_end",
            "datetime64[ns, UTC]",
            "latest it can have ended (exclusive), in UTC; NaT when unknown",
        ),
        Column(
            "granularity",
            "category",
            "how fine the time the text gives is (day, part_of_day, minute, ...); <NA> when no"
            " expression dates it",
            GRANULARITIES,
            True,
        ),
        Column(
            "zone",
            "string",
            "the time zone the dated interval is local to: the zone of the place, speaker or clock"
            " time the text names, else UTC; <NA> when no expression dates it",
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


class _Constraints(list):
    """The constraints found so far: at most one per pair of events, the first found wins."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[frozenset[int]] = set()

    def add(self, a: int, rel: str, b: int, evidence: str, rule: str) -> None:
        if a == b or frozenset((a, b)) in self.seen:
            return
        self.seen.add(frozenset((a, b)))
        self.append((a, rel, b, evidence, rule))


def build_time_events(doc, quotes: pd.DataFrame, timexes: list[_Timex], *, extra_event_words=None) -> _Events:
    """The step ``_time_events``: the events and their constraints, shared by the
    ``events`` and ``event_constraints`` tables (see :data:`kit.schemas.STEPS`).
    ``extra_event_words`` are a learner's event words (see :func:`events`)."""
    text = doc.text
    mentions = _mentions(doc, quotes, timexes, learner_event_words(extra_event_words))
    events = _merge(mentions)
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_id, []).append(m)
    _date_events(events, by_sentence, timexes)
    constraints = _Constraints()
    sentence_span = {sid: (a, b) for sid, a, b in _sentences(doc)}
    for sid, here in by_sentence.items():
        events_here = [m for m in here if m.cls != "statement" and not m.unrealised]
        s_start, s_end = sentence_span[sid]
        _signal_rule(text, s_start, s_end, events_here, constraints)
        _governs_rule(text, s_end, events_here, constraints)
        _outcome_rule(text, events_here, constraints)
    _report_rule(text, mentions, constraints)
    _dates_rule(events, timexes, constraints)
    _bound(events, constraints)
    _describe(events, constraints, mentions, text)
    return _Events(events, list(constraints))


def _date_events(events: list[_Event], by_sentence: dict[int, list[_Mention]], timexes) -> None:
    """A time expression dates the verb it follows, else the nearest event word before it, else after."""
    for tid, t in enumerate(timexes):
        if t.type not in ("DATE", "TIME") or (t.rule == "ref" and t.text.lower().endswith("current")):
            continue  # "the current board said": the adjective is about the board, not the saying
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
                e.zone = t.zone or "UTC"
                e.start, e.end = _interval(t.value, e.zone)
                e.granularity = t.granularity if e.start is not None else None
                e.rules.append(f"dated_by_timex_{tid}")


def _signal_rule(text: str, s_start: int, s_end: int, events_here, constraints: _Constraints) -> None:
    """Rule ``signal``: "A after B", "since B, A", "A before B"."""
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
            constraints.add(a_m.event, rel, b_m.event, f"'{evidence}'", "signal")


def _governs_rule(text: str, s_end: int, events_here, constraints: _Constraints) -> None:
    """Rule ``governs``: an event about another (a direction, a briefing, support)."""
    classes = _classes()
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
            constraints.add(
                g.event, cls.governs, obj.event, f"'{_elide(text[g.start : obj.end])}'", "governs"
            )


def _outcome_rule(text: str, events_here, constraints: _Constraints) -> None:
    """Rule ``outcome``: injuries and deaths OVERLAP the nearest cause in their sentence."""
    classes = _classes()
    for o in events_here:
        if classes[o.cls].role != "outcome":
            continue
        causes = [m for m in events_here if classes[m.cls].role == "cause"]
        if causes:
            cause = min(causes, key=lambda m: min(abs(m.start - o.end), abs(o.start - m.end)))
            a, b = sorted((o, cause), key=lambda m: m.start)
            constraints.add(o.event, "OVERLAP", cause.event, f"'{_elide(text[a.start : b.end])}'", "outcome")


def _report_rule(text: str, mentions: list[_Mention], constraints: _Constraints) -> None:
    """Rule ``report``: a statement comes AFTER the events it reports (unless in the future tense)."""
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
            constraints.add(
                m.event, "AFTER", r.event, f"{who} reports it: '{_elide(text[a.start : b.end])}'", "report"
            )


def _dates_rule(events: list[_Event], timexes, constraints: _Constraints) -> None:
    """Rule ``dates``: the nearest pairs of dated events whose intervals do not meet."""
    dated = [(i, e) for i, e in enumerate(events) if e.start is not None and e.end is not None]
    for i, e in dated:
        later = [(j, f) for j, f in dated if f.start >= e.end]
        if not later:
            continue
        horizon = min(f.end for _, f in later)
        for j, f in later:
            if f.start < horizon:
                ta, tb = timexes[e.timex_id], timexes[f.timex_id]
                constraints.add(
                    i, "BEFORE", j, f"'{ta.text}' ({ta.value}) is before '{tb.text}' ({tb.value})", "dates"
                )


def _bound(events: list[_Event], constraints) -> None:
    """Narrow each event's interval by the constraints (as far as the text says)."""
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


def _describe(events: list[_Event], constraints, mentions: list[_Mention], text: str) -> None:
    """Each event's description in plain, neutral words, unique within the article."""
    classes = _classes()
    names = _names_re(("place",))
    stops = sorted(m.start for m in mentions)
    for idx, e in enumerate(events):
        cls = classes[e.cls]
        first = e.mentions[0]
        if e.cls == "statement":
            desc = f"the statement by {first.speaker}" if first.speaker else "a statement"
        elif cls.role == "governing":
            obj = next(
                (
                    c[2]
                    for c in constraints
                    if c[0] == idx and c[4] == "governs" and events[c[2]].cls != e.cls
                ),
                None,
            )
            if obj is not None:
                desc = cls.description.replace("{}", _base_description(events[obj], names, text, stops))
            else:
                desc = re.sub(r"\s(?:on|for|to carry out)\s\{\}$", "", cls.description)
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
            if prep.group(1).lower() not in _EVENT_PLACE_PREPS:
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
_EVENT_PLACE_PREPS = frozenset(("in", "on", "at", "near", "against"))
"""Prepositions before an event's place ("strikes on three facilities", "an attack at Erbil")."""
"""The prepositions whose object can place an event."""


def build_events(doc, timexes: list[_Timex], analysis: _Events) -> pd.DataFrame:
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
    a date, they span that whole day in the place's time zone (``zone``; UTC
    when the text names none), at the text's ``granularity``. For charts and
    prose, ``when`` says it in words, no more precisely than the text:

    >>> e.loc[[0, 1, 10], ["time_start", "when"]]
                      time_start                             when
    0  2019-05-30 21:00:00+00:00                      31 May 2019
    1  2023-12-26 01:45:00+00:00       26 December 2023 01:45 UTC
    10 2023-12-25 05:00:00+00:00  Monday 25 December 2023, morning
    """
    events = analysis.events
    rows = [e.mentions[0] for e in events]
    text = doc.text
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
            "granularity": [e.granularity for e in events],
            "zone": [e.zone if e.granularity else pd.NA for e in events],
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


def events(article, *, extra_event_words=None) -> pd.DataFrame:
    """Return the ``events`` table, optionally with event words of your own.

    Use it for an event the kit misses because its word is not on the list
    (``kit/data/time_event_words.txt``). ``article.events`` itself never changes.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    extra_event_words
        More event words: a DataFrame, a list of dicts or one dict, with
        ``form`` (a word or phrase as written: "call", "peace talks"),
        ``class`` (its kind of event, a class of
        ``kit/data/time_event_classes.csv``: ``meeting``, ``attack``, ...) and
        optionally ``pos``: ``noun`` (the default) or ``verb`` (a verb is the
        one a time expression after it dates first). A form the list already
        has keeps its shipped class. Events found through your words have
        ``+learner`` in their ``rule``.

    Returns
    -------
    pandas.DataFrame
        The columns of ``kit.describe("events")``; the events are numbered
        anew, so join it with tables built by the same call only.

    Raises
    ------
    ValueError
        An entry lacks ``form`` or ``class``, its form is not a word, or its
        ``class`` or ``pos`` is not one the kit knows.
    TypeError
        ``extra_event_words`` is not a DataFrame, a list of dicts or a dict.

    Examples
    --------
    >>> import kit
    >>> from kit.timeline import events
    >>> article = kit.load_article()
    >>> len(article.events)
    27
    >>> e = events(article, extra_event_words=[{"form": "call", "class": "meeting"}])
    >>> e.loc[e["rule"].str.contains("+learner", regex=False), ["sentence_id", "text", "event_class", "rule"]]
        sentence_id  text event_class             rule
    12            9  call     meeting  trigger+learner
    >>> events(article, extra_event_words=[{"form": "call", "class": "meeting", "pos": "nuon"}])
    Traceback (most recent call last):
    ...
    ValueError: extra_event_words row 0 has pos 'nuon', which is not a part of speech the kit knows. Did you mean 'noun'? The parts of speech are 'noun', 'verb'. For example: extra_event_words=[{"form": "call", "class": "meeting", "pos": "noun"}]
    """
    if extra_event_words is None:
        return article.events
    quotes = article.quotes
    timexes = build_timexes(article.doc, article.quote_marks, quotes)
    analysis = build_time_events(article.doc, quotes, timexes, extra_event_words=extra_event_words)
    return build_events(article.doc, timexes, analysis)


def build_event_constraints(doc, analysis: _Events) -> pd.DataFrame:
    """One row per BEFORE / AFTER / OVERLAP constraint the text states.

    Examples
    --------
    >>> import kit
    >>> c = kit.load_article().event_constraints
    >>> row = c.iloc[0]
    >>> print(row.event_a, row.relation, row.event_b, row.rule)
    1 AFTER 2 signal
    """
    cons = analysis.constraints
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
