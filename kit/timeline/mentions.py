"""Event mentions: the event words of the lexicon, statements from the quotes table, and
how mentions merge into events."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pandas as pd

from kit.errors import did_you_mean, format_options
from kit.lexicons import learner_entries, match_form, read_lexicon, read_table
from kit.timeline.normalise import (
    _Timex,
)
from kit.timeline.zones import (
    _find_zone_in,
    _lookup_zone,
    _names_re,
)


@dataclass(frozen=True)
class _Class:
    name: str
    family: str
    policy: str
    role: str
    governs: str
    description: str


@cache
def _classes() -> dict[str, _Class]:
    return {
        r["class"]: _Class(r["class"], r["family"], r["policy"], r["role"], r["governs"], r["description"])
        for r in read_table("time_event_classes.csv")
    }


POS = ("noun", "verb")
"""The parts of speech of an event word (``kit/data/time_event_words.txt``)."""

_WORD_EXAMPLE = '{"form": "call", "class": "meeting", "pos": "noun"}'


@cache
def _shipped_event_words() -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}
    for line in read_lexicon("time_event_words.txt"):
        cls, pos, words = (p.strip() for p in line.split("|"))
        for w in words.split(","):
            forms.setdefault(w.strip().lower(), (cls, pos))
    return forms


def learner_event_words(extra_event_words) -> tuple[tuple[str, str, str], ...]:
    """Check a learner's event words; return the new ``(form, class, pos)`` triples (see "Learner entries").

    Each entry has the columns of ``time_event_words.txt``: ``form`` (required,
    the word or phrase as written in running text: "call", "talks"),
    ``class`` (required, a class of ``time_event_classes.csv`` other than
    ``statement``, which comes from the quotes table) and ``pos`` (``noun``,
    the default, or ``verb``). Forms the file lists are left out.

    Examples
    --------
    >>> learner_event_words([{"form": "Call", "class": "meeting"}, {"form": "war", "class": "war"}])
    (('call', 'meeting', 'noun'),)
    >>> learner_event_words([{"form": "call", "class": "meating"}])
    Traceback (most recent call last):
    ...
    ValueError: extra_event_words row 0 has class 'meating', which is not an event class the kit knows. Did you mean 'meeting'? The classes are 'arrest', 'attack', 'briefing', 'campaign', 'ceasefire', 'destruction', 'direction', 'drone_attack', 'election', 'injury', 'killing', 'meeting', 'operation', 'order', 'parade', 'protest', 'strike', 'support', 'veto', 'vote', 'war', 'war_start'. For example: extra_event_words=[{"form": "call", "class": "meeting", "pos": "noun"}]
    """
    records = learner_entries(
        extra_event_words, argument="extra_event_words", required=("form", "class"), example=_WORD_EXAMPLE
    )
    classes = tuple(sorted(c for c in _classes() if c != "statement"))
    shipped = _shipped_event_words()
    out: dict[str, tuple[str, str]] = {}
    for i, rec in enumerate(records):
        form, cls, pos = rec["form"], rec["class"], rec.get("pos") or "noun"
        if not isinstance(form, str) or not re.fullmatch(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*", form.strip()):
            raise ValueError(
                f"extra_event_words row {i} has form {form!r}: an event word is a word or phrase in"
                f' letters, as written in a sentence ("call", "peace talks").'
                f" For example: extra_event_words=[{_WORD_EXAMPLE}]"
            )
        if cls == "statement":
            raise ValueError(
                f"extra_event_words row {i} has class 'statement': statements come from the quotes"
                " table, so add a reporting verb with kit.quotes.quotes(article, extra_cues=...)."
                f" For example: extra_event_words=[{_WORD_EXAMPLE}]"
            )
        for column, value, options, what in (
            ("class", cls, classes, "an event class"),
            ("pos", pos, POS, "a part of speech"),
        ):
            if value not in options:
                raise ValueError(
                    f"extra_event_words row {i} has {column} {value!r}, which is not {what} the kit knows."
                    f"{did_you_mean(str(value), options)} The {'classes' if column == 'class' else 'parts of speech'}"
                    f" are {format_options(options, limit=len(options))}. For example: extra_event_words=[{_WORD_EXAMPLE}]"
                )
        form = " ".join(match_form(form).split())
        if form not in shipped:
            out.setdefault(form, (cls, pos))
    return tuple((f, c, p) for f, (c, p) in out.items())


@lru_cache(maxsize=64)
def _event_words(
    extra: tuple[tuple[str, str, str], ...] = (),
) -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    forms = dict(_shipped_event_words())
    for form, cls, pos in extra:
        forms.setdefault(form, (cls, pos))
    alts = sorted(forms, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(r"\s".join(map(re.escape, f.split())) for f in alts) + r")(?![\w-])",
        re.IGNORECASE,
    )
    return forms, pattern


_LIGHT_VERB = re.compile(
    r"(?i)(?<![\w])(?:carried\sout|carry\sout|carries\sout|carrying\sout|conducted|conduct|conducts|conducting"
    r"|launched|launch|launches|launching|staged|stage|held|hold|holds|came\sunder|come\sunder|comes\sunder"
    r"|coming\sunder|sustained|suffered|passed|made)\s(?:[\w’'$.,-]+\s){0,5}$"
)
_DEFINITE = re.compile(r"(?i)(?<![\w])(?:the|that|this|these|those|its|their)\s(?:[\w’'-]+\s){0,2}$")
_NOVELTY = re.compile(
    r"(?i)(?<![\w])(?:another|a\ssecond|a\snew|new|further|previous|separate)\s(?:[\w’'-]+\s){0,2}$"
)
_IRREALIS = re.compile(
    r"(?i)(?<![\w])(?:call(?:ed|s|ing)?\sfor|demand(?:ed|s|ing)?|urg(?:ed|es|ing)|propos(?:ed|es|ing)"
    r"|seek(?:s|ing)?|sought|would|could|might|should)\s(?:an?\s|the\s)?(?:[\w’'-]+\s)?$"
)
_UNREALISED = re.compile(
    r"(?i)(?<![\w-])(?:(?:imminent|planned|plotted|foiled|thwarted|prevented|averted|intercepted\splan\sfor"
    r"|threatened|potential|possible|would-be|feared|expected|impending)\s(?:[\w’'-]+\s)?"
    r"|(?:plans?|planned|planning|plots?|plotted|plotting|threat(?:en(?:s|ed|ing)?)?|vow(?:s|ed)?|prepar(?:e|es|ed|ing)"
    r"|intend(?:s|ed)?|prevent(?:s|ed)?\s[\w’'-]+\sfrom|stop(?:s|ped)?\s[\w’'-]+\sfrom)\s(?:to\s)?"
    r"(?:[\w’'-]+\s){0,2})$"
)
_DONE = re.compile(r"(?i)(?<![\w])(?:carried\sout|conducted|launched|staged|made)\s(?:an?|the)\s$")
"""A past light verb makes a planned event happen: "carried out a planned strike"."""
"""An event the text does not report as happened: "an imminent attack", "a
planned strike", "threatened to strike", "prevented them from attacking"."""
_INSTRUMENT = re.compile(
    r"(?i)^,?\s(?:which|that)\s(?:was|were)\s(?:carried\sout|conducted|launched)\s(?:with|by|using)\s"
    r"(?:[\w’'-]+\s){0,4}?(drones?|missiles?|rockets?)(?![\w])"
)
_CONSTRAINT_SIGNAL = re.compile(
    r"(?i)(?<![\w])(after|following|since|before|prior\sto|ahead\sof|in\sresponse\sto|a\sresponse\sto"
    r"|in\sretaliation\sfor)(?![\w])"
)
_SIGNAL_RELATION = {
    "after": "AFTER",
    "following": "AFTER",
    "since": "AFTER",
    "before": "BEFORE",
    "prior to": "BEFORE",
    "ahead of": "BEFORE",
    "in response to": "AFTER",
    "a response to": "AFTER",
    "in retaliation for": "AFTER",
}


@dataclass
class _Mention:
    sentence_id: int
    start: int
    end: int
    form: str
    cls: str
    verbal: bool
    rule: str
    definite: bool = False
    novel: bool = False
    speaker: str | None = None
    span: tuple[int, int] | None = None  # a statement's reported words
    unrealised: bool = False  # planned, prevented or threatened: not reported as happened
    event: int = -1


@dataclass
class _Event:
    mentions: list[_Mention] = field(default_factory=list)
    cls: str = ""
    timex_id: int | None = None
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    granularity: str | None = None  # of the expression that dates it
    zone: str | None = None  # the zone its interval is local to
    description: str = ""
    rules: list[str] = field(default_factory=list)


def _event_sentences(doc) -> list[tuple[int, int, int]]:
    rows = doc.sentences
    return [
        (sid, a, b)
        for sid, part, a, b in zip(rows["sentence_id"], rows["part"], rows["start_char"], rows["end_char"])
        if part != "headline"
    ]


def _statement_mentions(text: str, quotes: pd.DataFrame) -> list[_Mention]:
    """One mention per statement of the quotes table by a named person or organisation."""
    out = []
    for row in quotes.itertuples():
        if row.source_type not in ("named", "organization"):
            continue
        speaker = _statement_speaker(row.speaker_name, row.speaker, text)
        if speaker is None:
            continue
        cue = row.cue if isinstance(row.cue, str) else ""
        start, end = row.start_char, row.end_char
        found = None
        if cue:
            for m in re.finditer(rf"(?<![\w]){re.escape(cue)}(?![\w])", text[start:end]):
                a = start + m.start()
                if not (row.content_start <= a < row.content_end):
                    found = (a, a + len(cue))
                    break
        if found is None:
            found = (start, row.content_start if row.content_start > start else end)
        out.append(
            _Mention(
                int(row.sentence_id),
                found[0],
                found[1],
                cue or "statement",
                "statement",
                True,
                "quote",
                speaker=speaker,
                span=(int(start), int(end)),
            )
        )
    return out


def _statement_speaker(name, written, text: str) -> str | None:
    """Who made a statement: the quotes table's ``speaker_name`` when it is the
    head of the words that name the speaker ("Lloyd Austin" for "the Pentagon
    chief Lloyd Austin"), else those words as written, without the hyphenated
    labels before the head ("Gaza's Hamas-run health ministry" is Gaza's health
    ministry, not Hamas)."""
    name = name if isinstance(name, str) and name.strip() else None
    written = written if isinstance(written, str) and written.strip() else None
    if name and (written is None or _last_word(written) == _last_word(name)):
        return _speaker_label(name, text)
    if written is None:
        return None
    if _find_zone_in(written, text, ("person",)) is not None:
        return _speaker_label(written, text)
    words = [
        w
        for w in written.split()
        if not re.fullmatch(
            r"[\w’']+-(?:run|led|backed|controlled|linked"
            r"|affiliated|aligned|allied|based|funded|supported|dominated|held)",
            w,
            re.IGNORECASE,
        )
    ]
    if not words:
        return None
    if words[0].lower() in ("the", "a", "an"):
        words[0] = words[0].lower()
    elif words[0][0].islower():
        words.insert(0, "the")
    return " ".join(words)


def _last_word(phrase: str) -> str:
    words = re.findall(r"[\w]+", match_form(phrase))
    return words[-1] if words else ""


def _speaker_label(speaker: str, text: str) -> str:
    """The lexicon's name for a speaker: "Austin" is Lloyd Austin, "the White
    House National Security Council" is the National Security Council."""
    zone = _find_zone_in(speaker, text, ("person",))
    if zone is not None:
        return zone.name
    orgs = [m.group() for m in _names_re(("organisation",)).finditer(speaker)]
    if orgs:
        return "the " + _lookup_zone(max(orgs, key=len)).name
    return speaker


def _mentions(
    doc, quotes: pd.DataFrame, timexes: list[_Timex], extra: tuple[tuple[str, str, str], ...] = ()
) -> list[_Mention]:
    """The event words of the lexicon and the learner's ``extra`` words (statements
    come from the quotes table)."""
    text = doc.text
    forms, pattern = _event_words(extra)
    added = {form for form, _, _ in extra}
    spans = [(t.start, t.end) for t in timexes]
    out: list[_Mention] = []
    for sid, s_start, s_end in _event_sentences(doc):
        for m in pattern.finditer(text, s_start, s_end):
            a, b = m.span()
            form = re.sub(r"\s+", " ", m.group().lower())
            cls, pos = forms[form]
            if any(x < b and a < y for x, y in spans):
                continue
            if cls == "statement":
                continue  # statements come from the quotes table
            if pos == "verb" and m.group()[0].isupper() and text[s_start:a].strip(" “\"'‘"):
                continue  # a capitalised verb form mid-sentence is a name ("March")
            window = text[max(s_start, a - 60) : a]
            if _IRREALIS.search(window[-40:]):
                continue  # "called for a ceasefire": an event that has not happened
            rule = "trigger+learner" if form in added else "trigger"
            verbal = pos == "verb"
            if pos == "noun" and _LIGHT_VERB.search(window):
                verbal, rule = True, "light_verb"
            after = text[b : min(s_end, b + 120)]
            if cls in ("strike", "attack"):
                inst = _INSTRUMENT.search(after)
                if inst and inst.group(1).lower().startswith("drone"):
                    cls, rule = "drone_attack", rule + "+instrument"
            mention = _Mention(sid, a, b, form, cls, verbal, rule)
            mention.definite = bool(_DEFINITE.search(window[-40:]))
            mention.novel = bool(_NOVELTY.search(window[-40:]))
            unreal = _UNREALISED.search(window[-50:])
            if unreal and not _DONE.search(window[: len(window) - len(window[-50:]) + unreal.start()]):
                mention.unrealised = mention.novel = True
            out.append(mention)
    out.extend(_statement_mentions(text, quotes))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _merge(mentions: list[_Mention]) -> list[_Event]:
    classes = _classes()
    events: list[_Event] = []
    for m in mentions:
        c = classes[m.cls]
        target = None
        if c.policy == "speaker":
            for i, e in enumerate(events):
                if e.cls == "statement" and m.speaker and e.mentions[0].speaker == m.speaker:
                    target = i
        elif c.policy == "story" and not m.novel:
            for i in range(len(events) - 1, -1, -1):
                if classes[events[i].cls].family == c.family and not events[i].mentions[0].unrealised:
                    target = i
                    break
        elif not m.unrealised:
            for i, e in enumerate(events):
                if (
                    e.cls == m.cls
                    and e.mentions[0].sentence_id == m.sentence_id
                    and not e.mentions[0].unrealised
                ):
                    target = i
        if target is None:
            events.append(_Event(cls=m.cls))
            target = len(events) - 1
        m.event = target
        events[target].mentions.append(m)
    return events
