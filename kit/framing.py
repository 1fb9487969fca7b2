"""Framing: the labels an article gives its actors and actions, and how to swap them.

Writers choose words for the people and things they report: the same armed
group is "anti-terror resistance forces" in one outlet and "Iran-aligned
militants" in another. This module finds such labels with rules driven by
lexicons shipped in ``kit/data``, compares the headline's labels with the
body's, lines them up with other outlets' labels, and rewrites the article
with labels swapped. Every label, the bundled article's and every other
outlet's, is data with a source; none is the neutral truth.

The ``labels`` table (:func:`build_labels`)
-------------------------------------------
One row per label. A label grows from a *framing term* in
``kit/data/framing_terms.csv`` (``regime``, ``anti-terror``, ``ferocious``,
``precision``, ...), matched word by word on the tokens' match form
(:func:`kit.lexicons.match_form`). Each term carries its *device*:

``Name_Calling,Labeling`` and ``Loaded_Language``
    Technique names of SemEval-2020 Task 11 (Da San Martino et al. 2020,
    "Detection of Propaganda Techniques in News Articles"): a label that casts
    its object favourably or unfavourably, and words with strong emotional
    charge. The next three devices are the kit's own, not SemEval names.
``Evaluative_Adjective``
    An adjective that judges what it describes (``necessary``, ``firm``).
``Euphemism``
    A mild word for something harsh (``precision strikes``). Not SemEval's
    ``Exaggeration,Minimisation``, which is a claim that makes something
    larger or smaller than it is; ``precision`` names the strikes by their
    intended accuracy and leaves the harm unsaid.
``Scare_Quotes``
    A few words put in quotation marks by the narration itself, not quoted
    from a speaker, which distances the outlet from them (``“self-defense.”``).

The ``rule`` column reads ``<span>; actor:<how>; voice:<how>``. The span rules:

``term``
    A term of kind ``noun`` (``regime``), or of kind ``either`` with no head
    noun after it, is a label on its own.
``term+head``
    A term grows right to the *head noun* it describes (``kit/data/framing_heads.csv``),
    over other terms, fillers (``military``), capitalised name words and
    ``and`` between two terms: ``anti-terror resistance forces``,
    ``necessary and proportionate strikes``, ``besieged Gaza Strip``. A term of
    kind ``modifier`` that reaches no head within :data:`MAX_REACH` words is
    dropped: ``necessary`` alone is not a label.
``name+term`` / ``name+term+head``
    A ``Name_Calling,Labeling`` term also grows left over a capitalised name
    word and a possessive: ``Israeli regime``, ``Gaza’s resistance groups``.
    Other devices do not: in ``Israel’s ferocious attacks`` the label is
    ``ferocious attacks`` and Israel is the actor.
``scare_quotes``
    A span between quotation marks (:attr:`Article.quote_marks`) of at most
    :data:`SCARE_MAX_WORDS` words that is not part of an attributed quotation
    (:attr:`Article.quotes`); the label is the words inside, without the
    marks and the closing punctuation.

A capitalised term in the middle of a sentence is part of a name, not a label
(``the Islamic Resistance in Iraq``), except in a title-case headline.

The ``actor`` column names who or what is labelled, in plain words, from
``kit/data/framing_actors.csv`` (``actor:label`` when the whole label is an
entry, ``actor:within`` when an entry's phrase is inside it), else from
another outlet's identical label in :func:`outlet_labels` (``actor:outlet``),
else the head noun itself (``actor:head``, for articles the lexicon does not
know). An article may carry its own hand-checked reading beside its file,
``<name>.actors.csv`` in the same columns (the seed has one): its rows come
first and are recorded as ``actor:annotation``, so a learner can see which
actors were read by a person rather than found by a rule.

The ``voice`` column says whose words the label is: ``narration`` for the
outlet's own words (paraphrases of a speaker included: an indirect quotation
is in the outlet's words), or the speaker's name for words inside the
quotation marks of an attributed quotation (``voice:quoted``). Speakers come
from :attr:`Article.quotes`; when that table is not available, a speaker is
read from a capitalised name before a speech verb in the sentence.

Extending the lexicon
---------------------
``labels(article, extra_terms=...)`` takes more terms: a DataFrame, or a list
of dicts, with columns ``term`` and ``device`` and optionally ``kind``,
``target_kind`` and ``source``.

>>> import kit
>>> article = kit.load_article()
>>> article.labels.loc[:2, ["label", "actor"]].to_dict("split")["data"]
[['Iraqi resistance sites', 'Sites struck'], ['retaliatory strikes', 'Attacks on US forces'], ["anti-terror Kata'ib Hezbollah group", "Kata'ib Hezbollah and allied groups"]]
"""

from __future__ import annotations

import bisect
import csv
import difflib
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from kit.errors import UnknownLabelError, did_you_mean, format_options
from kit.lexicons import data_path, match_form, read_lexicon
from kit.schemas import Column, frame, register

__all__ = [
    "DEVICES",
    "ReframeResult",
    "build_labels",
    "corroboration_facts",
    "headline_vs_body",
    "labels",
    "outlet_labels",
    "reframe",
]

DEVICES = (
    "Name_Calling,Labeling",
    "Loaded_Language",
    "Evaluative_Adjective",
    "Euphemism",
    "Scare_Quotes",
)
"""Every value of the ``device`` column (the first two are SemEval-2020 Task 11 names)."""

TARGET_KINDS = ("actor", "action", "place")
"""Every value of the ``target_kind`` column."""

KINDS = ("modifier", "noun", "either")
"""How a term attaches: needs a head noun, stands alone, or either."""

MAX_REACH = 5
"""How many words a term may reach right to find its head noun."""

SCARE_MAX_WORDS = 4
"""Longer unattributed quotations are quotations, not scare quotes."""

NARRATION = "narration"
"""The ``voice`` of the outlet's own words."""

_SPEECH_CUES = re.compile(
    r"\b(?:said|says|told|tells|stated|added|adds|wrote|writes|claimed|claims"
    r"|announced|according to|declared|insisted|warned)\b",
)
_NAME_BEFORE_CUE = re.compile(
    r"([A-Z][\w'’.\-]*(?:[ \u00a0][A-Z][\w'’.\-]*)*)[ \u00a0]+"
    r"(?:said|says|told|stated|added|wrote|claimed|announced|declared|insisted|warned)\b"
)
_TRAILING_PUNCT = ".,;:!?…"
_WINDOW = 200  # characters searched for a speaker around a quotation
_TITLES = frozenset({"at", "president", "general", "gen.", "mr.", "ms.", "dr.", "secretary", "minister"})
_APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})

_COLUMNS = [
    Column("label_id", "int64", "the label's position in the article, from 0"),
    Column("sentence_id", "int64", "the sentence it stands in (joins with article.sentences)"),
    Column("start_char", "int64", "where the label starts in article.text (inclusive)"),
    Column("end_char", "int64", "where it ends (exclusive): text[start_char:end_char] is the label"),
    Column("label", "string", "the label, exactly as written"),
    Column("actor", "string", "who or what it labels, in plain words (joins with kit.outlet_labels())"),
    Column("target_kind", "category", "what it labels: an actor, an action or a place", TARGET_KINDS),
    Column("device", "category", "the framing device (SemEval-2020 Task 11 names where one fits)", DEVICES),
    Column("voice", "string", "'narration' (the outlet's own words) or the quoted speaker's name"),
    Column("part", "category", "headline, caption or body", ("headline", "caption", "body"), True),
    Column("rule", "string", "'<span rule>; actor:<how>; voice:<how>' (see kit.framing)"),
    Column("source", "string", "where the lexicon entry that found the label comes from"),
]
register("labels", _COLUMNS)


# ----- lexicons ------------------------------------------------------------


def _read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a shipped CSV lexicon (its ``#`` comment lines skipped)."""
    lines = read_lexicon(name)
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    ]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(match_form(phrase).split())


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    device: str
    kind: str
    target_kind: str | None
    source: str


@cache
def _shipped_terms() -> tuple[_Term, ...]:
    return tuple(
        _Term(_words(r["term"]), r["device"], r["kind"], r["target_kind"] or None, r["source"])
        for r in _read_csv("framing_terms.csv")
    )


@cache
def _heads() -> tuple[dict[str, str | None], frozenset[str]]:
    heads: dict[str, str | None] = {}
    fillers = set()
    for r in _read_csv("framing_heads.csv"):
        if r["role"] == "head":
            heads[match_form(r["word"])] = r["target_kind"] or None
        else:
            fillers.add(match_form(r["word"]))
    return heads, frozenset(fillers)


def _with_words(records, origin: str) -> tuple[dict[str, str], ...]:
    rows = []
    for r in records:
        r = dict(r)
        r["words"] = " ".join(_words(r["phrase"]))
        r["origin"] = origin
        rows.append(r)
    return tuple(rows)


@cache
def _shipped_actor_rows() -> tuple[dict[str, str], ...]:
    return _with_words(_read_csv("framing_actors.csv"), "lexicon")


@cache
def _annotation_rows(path: str) -> tuple[dict[str, str], ...]:
    """Rows of an article's hand-written actor annotation (``<name>.actors.csv``)."""
    lines = [
        line
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    records = [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    ]
    missing = {"phrase", "actor", "target_kind", "match"} - set(records[0] if records else {})
    if records and missing:
        raise ValueError(
            f"The actor annotation {Path(path).name!r} lacks the column(s) {sorted(missing)}."
            " Its header must be: phrase,actor,target_kind,match,source"
        )
    return _with_words(records, "annotation")


def _actor_rows(article) -> tuple[dict[str, str], ...]:
    """The article's own actor annotation first (if it has one), then the lexicon."""
    path = getattr(article, "path", None)
    annotation = Path(path).with_suffix(".actors.csv") if path else None
    own = _annotation_rows(str(annotation)) if annotation is not None and annotation.is_file() else ()
    return own + _shipped_actor_rows()


def _terms_from(extra_terms) -> tuple[_Term, ...]:
    """Validate a learner's extra terms and turn them into :class:`_Term`."""
    if extra_terms is None:
        return ()
    if isinstance(extra_terms, pd.DataFrame):
        records = extra_terms.to_dict("records")
    elif isinstance(extra_terms, Mapping):
        records = [dict(extra_terms)]
    elif isinstance(extra_terms, Iterable) and not isinstance(extra_terms, str):
        records = list(extra_terms)
    else:
        raise TypeError(
            f"extra_terms must be a DataFrame or a list of dicts, but got {extra_terms!r}."
            ' For example: extra_terms=[{"term": "heroic", "device": "Loaded_Language"}]'
        )
    terms = []
    records = [
        {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in rec.items()}
        if isinstance(rec, Mapping)
        else rec
        for rec in records
    ]
    for i, rec in enumerate(records):
        if not isinstance(rec, Mapping) or not str(rec.get("term") or "").strip():
            raise ValueError(
                f"extra_terms row {i} ({rec!r}) has no 'term'. Each row needs a 'term' and a"
                ' \'device\', for example {"term": "heroic", "device": "Loaded_Language"}.'
            )
        device = rec.get("device")
        if device not in DEVICES:
            raise ValueError(
                f"extra_terms row {i} has device {device!r}, which is not a device the kit knows."
                f"{did_you_mean(str(device), DEVICES)} The devices are {format_options(DEVICES)}."
            )
        kind = rec.get("kind") or "either"
        if kind not in KINDS:
            raise ValueError(
                f"extra_terms row {i} has kind {kind!r}.{did_you_mean(str(kind), KINDS)}"
                f" The kinds are {format_options(KINDS)}."
            )
        target_kind = rec.get("target_kind")
        if target_kind is not None and not (isinstance(target_kind, str) and target_kind):
            target_kind = None
        if target_kind is not None and target_kind not in TARGET_KINDS:
            raise ValueError(
                f"extra_terms row {i} has target_kind {target_kind!r}."
                f"{did_you_mean(str(target_kind), TARGET_KINDS)} The target kinds are"
                f" {format_options(TARGET_KINDS)}."
            )
        source = rec.get("source")
        terms.append(
            _Term(
                _words(str(rec["term"])),
                device,
                kind,
                target_kind,
                source if isinstance(source, str) and source else "added by the learner (extra_terms)",
            )
        )
    return tuple(terms)


# ----- helpers on the article ----------------------------------------------


def _match_text(text: str) -> str:
    """The match form of ``text`` with the same length, so offsets carry over."""
    fast = text.lower().translate(_APOSTROPHES)
    if len(fast) == len(text):
        return fast
    out = []
    for ch in text:
        m = match_form(ch)
        out.append(m if len(m) == 1 else ch)
    return "".join(out)


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00a0": " "})


def _is_name_word(token: str) -> bool:
    """A capitalised word that can be part of a name (``Gaza``, ``Kata'ib``, ``US``)."""
    return token[:1].isupper() and any(c.isalpha() for c in token)


def _is_titlecase(token: str) -> bool:
    return token[:1].isupper() and token[1:] == token[1:].lower()


def _title_case_headline(tokens: list[str]) -> bool:
    long_words = [t for t in tokens if len(t) >= 4 and t.isalpha()]
    return bool(long_words) and sum(t[:1].isupper() for t in long_words) >= 0.6 * len(long_words)


@dataclass(frozen=True)
class _Speech:
    """Where attributed quotations stand, and whose they are."""

    spans: list[tuple[int, int, str]]  # (start_char, end_char, voice) of each mark span inside a quote
    quoted: list[tuple[int, int]]  # whole statements with attribution (for scare quotes)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spans", sorted(self.spans))
        object.__setattr__(self, "quoted", sorted(self.quoted))
        object.__setattr__(self, "_span_starts", [a for a, _, _ in self.spans])
        object.__setattr__(self, "_quoted_starts", [a for a, _ in self.quoted])

    def voice_of(self, start: int, end: int) -> str | None:
        """The speaker whose quotation marks hold ``[start, end)``, or None."""
        k = _containing(self._span_starts, self.spans, start, end)
        return None if k is None else self.spans[k][2]

    def in_statement(self, start: int, end: int) -> bool:
        return _containing(self._quoted_starts, self.quoted, start, end) is not None


def _containing(starts: list[int], spans: list[tuple], start: int, end: int) -> int | None:
    """Index of a span holding ``[start, end)``, looking back a few spans (they rarely nest)."""
    k = bisect.bisect_right(starts, start) - 1
    for i in range(k, max(k - 4, -1), -1):
        if spans[i][0] <= start and end <= spans[i][1]:
            return i
    return None


def _speech(article) -> _Speech:
    marks = article.quote_marks
    try:
        quotes = article.quotes
    except ModuleNotFoundError as error:  # kit.quotes not written yet: read speakers ourselves
        if error.name != "kit.quotes":
            raise
        return _speech_fallback(article, marks)
    statements = sorted(
        (int(q.start_char), int(q.end_char), _speaker_voice(q.speaker_name, q.speaker))
        for q in quotes.itertuples()
    )
    starts = [a for a, _, _ in statements]
    spans = []
    for m in marks.itertuples():
        k = _containing(starts, statements, int(m.start_char), int(m.end_char))
        if k is not None:
            spans.append((int(m.content_start), int(m.content_end), statements[k][2]))
    return _Speech(spans, [(a, b) for a, b, _ in statements])


def _speaker_voice(name, written) -> str:
    for value in (name, written):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "unnamed speaker"


def _speech_fallback(article, marks: pd.DataFrame) -> _Speech:
    text = article.text
    rows = article._sentence_rows
    spans, quoted = [], []
    for m in marks.itertuples():
        if pd.isna(m.sentence_id):
            continue
        sid = int(m.sentence_id)
        s_start, s_end = rows["start_char"][sid], rows["end_char"][sid]
        outside = text[s_start : m.start_char] + " " + text[m.end_char : s_end]
        if not _SPEECH_CUES.search(outside):
            continue
        # a bounded window keeps the search linear in long run-on sentences
        after = text[m.end_char : min(s_end, m.end_char + _WINDOW)]
        before = text[max(s_start, m.start_char - _WINDOW) : m.start_char]
        found = _NAME_BEFORE_CUE.findall(after) or _NAME_BEFORE_CUE.findall(before)
        voice = _canonical_name(text, found[0], m.start_char) if found else "unnamed speaker"
        spans.append((int(m.content_start), int(m.content_end), voice))
        quoted.append((s_start, s_end))
    return _Speech(spans, quoted)


def _canonical_name(text: str, name: str, before: int) -> str:
    """``Austin`` becomes ``Lloyd Austin`` when the text named him in full earlier."""
    words = name.split()
    while len(words) > 1 and (_is_stopword(words[0].lower()) or words[0].lower() in _TITLES):
        words = words[1:]
    name = " ".join(words)
    last = name.split()[-1]
    best = name
    pattern = re.compile(r"(?:[A-Z][\w'’.\-]*[ \u00a0]+){1,3}" + re.escape(last) + r"\b")
    for found in pattern.finditer(text):
        words = found.group().split()
        while words and (_is_stopword(words[0].lower()) or words[0].lower() in _TITLES):
            words = words[1:]
        candidate = " ".join(words)
        if candidate.endswith(name) and len(candidate) > len(best):
            best = candidate
    return best


def _voice_at(speech: _Speech, start: int, end: int) -> tuple[str, str]:
    voice = speech.voice_of(start, end)
    return (NARRATION, "narration") if voice is None else (voice, "quoted")


# ----- the labels table ----------------------------------------------------


def _find_term_spans(article, terms: tuple[_Term, ...]) -> list[dict]:
    """Grow labels from framing terms, sentence by sentence (see the module docstring)."""
    heads, fillers = _heads()
    by_first: dict[str, list[_Term]] = {}
    for term in sorted(terms, key=lambda t: -len(t.words)):
        if term.words:
            by_first.setdefault(term.words[0], []).append(term)
    modifiers = {t.words[0] for t in terms if t.kind == "modifier" and t.words}
    tok = article._token_rows
    sent = article._sentence_rows
    found = []
    n_tokens = len(tok["token_id"])
    k = 0
    while k < n_tokens:
        sid = tok["sentence_id"][k]
        end_k = k
        while end_k < n_tokens and tok["sentence_id"][end_k] == sid:
            end_k += 1
        words = tok["text"][k:end_k]
        lower = tok["lower"][k:end_k]
        starts, ends = tok["start_char"][k:end_k], tok["end_char"][k:end_k]
        part = sent["part"][sid]
        title_case = part == "headline" and _title_case_headline(words)
        i = floor = 0  # floor: labels never overlap, so none grows left past the previous one
        while i < len(words):
            match = None
            for term in by_first.get(lower[i], ()):
                n = len(term.words)
                if tuple(lower[i : i + n]) == term.words:
                    match = term
                    break
            if match is None or (i > 0 and not title_case and _is_titlecase(words[i])):
                i += 1
                continue
            n = len(match.words)
            j, head = i + n, None
            while match.kind != "noun" and j < len(words) and j - (i + n) < MAX_REACH:
                w = lower[j]
                if w in heads:
                    head = j
                    break
                nxt = lower[j + 1] if j + 1 < len(words) else ""
                if (
                    w in fillers
                    or w in by_first
                    or (_is_name_word(words[j]) and w not in _APOSTROPHE_S)
                    or (w == "and" and (nxt in modifiers or nxt in fillers))
                ):
                    j += 1
                    continue
                break
            if head is None and match.kind == "modifier":
                i += 1
                continue
            first, last = i, (head if head is not None else i + n - 1)
            span_rule = "term+head" if head is not None else "term"
            if match.device == "Name_Calling,Labeling":
                left = first
                if left - 2 >= floor and lower[left - 1] in _APOSTROPHE_S and _is_name_word(words[left - 2]):
                    left -= 2
                elif (
                    left - 1 >= floor and _is_name_word(words[left - 1]) and not _is_stopword(lower[left - 1])
                ):
                    left -= 1
                if left < first:
                    first, span_rule = left, "name+" + span_rule
            target = heads.get(lower[last]) if head is not None else None
            found.append(
                {
                    "sentence_id": sid,
                    "start_char": starts[first],
                    "end_char": ends[last],
                    "device": match.device,
                    "target_kind": target or match.target_kind,
                    "head": lower[last],
                    "span_rule": span_rule,
                    "source": match.source,
                    "part": part,
                }
            )
            i = floor = last + 1
        k = end_k
    return found


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(read_lexicon("stopwords_en.txt"))


def _is_stopword(word: str) -> bool:
    return word in _stopwords()


def _find_scare_quotes(article, speech: _Speech) -> list[dict]:
    text = article.text
    rows = article._sentence_rows
    found = []
    for m in article.quote_marks.itertuples():
        if pd.isna(m.sentence_id) or speech.in_statement(m.start_char, m.end_char):
            continue
        a, b = int(m.content_start), int(m.content_end)
        while b > a and (text[b - 1].isspace() or text[b - 1] in _TRAILING_PUNCT):
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if a >= b or len(text[a:b].split()) > SCARE_MAX_WORDS:
            continue
        sid = int(m.sentence_id)
        found.append(
            {
                "sentence_id": sid,
                "start_char": a,
                "end_char": b,
                "device": "Scare_Quotes",
                "target_kind": None,
                "head": match_form(text[a:b]).split()[-1],
                "span_rule": "scare_quotes",
                "source": "kit.quotemarks: words in quotation marks that no speaker is quoted as saying",
                "part": rows["part"][sid],
            }
        )
    return found


def _actor_for(label: str, head: str, actor_rows, outlet_map: dict[str, str]):
    """Return (actor, target_kind or None, rule) for a label."""
    words = " ".join(_words(label))
    for row in actor_rows:
        if row["match"] == "label" and row["words"] == words:
            return (
                row["actor"],
                row["target_kind"] or None,
                "annotation" if row["origin"] == "annotation" else "label",
            )
    padded = f" {words} "
    for row in actor_rows:
        if row["match"] == "within" and f" {row['words']} " in padded:
            return (
                row["actor"],
                row["target_kind"] or None,
                "annotation" if row["origin"] == "annotation" else "within",
            )
    if words in outlet_map:
        return outlet_map[words], None, "outlet"
    return head, None, "head"


@cache
def _outlet_actor_map() -> dict[str, str]:
    table = _read_outlet_rows()
    return {" ".join(_words(r["label"])): r["actor"] for r in table}


def labels(article, *, extra_terms=None) -> pd.DataFrame:
    """Return the ``labels`` table, optionally with more framing terms.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    extra_terms
        More terms for the lexicon: a DataFrame or a list of dicts with
        ``term`` and ``device`` (one of :data:`DEVICES`), and optionally
        ``kind`` (``modifier``, ``noun`` or ``either``, the default),
        ``target_kind`` and ``source``.

    Returns
    -------
    pandas.DataFrame
        The columns of ``kit.describe("labels")``.

    Examples
    --------
    >>> import kit
    >>> from kit.framing import labels
    >>> article = kit.load_article()
    >>> extra = [{"term": "semi-autonomous", "device": "Evaluative_Adjective", "kind": "modifier"}]
    >>> t = labels(article, extra_terms=extra)
    >>> t.loc[t["device"] == "Evaluative_Adjective", "label"].tolist()[:3]
    ['retaliatory strikes', 'semi-autonomous Kurdistan region', 'necessary and proportionate strikes']
    """
    extra = _terms_from(extra_terms)
    text = article.text
    speech = _speech(article)
    found = _find_term_spans(article, _shipped_terms() + extra) + _find_scare_quotes(article, speech)
    found.sort(key=lambda r: (r["start_char"], -r["end_char"]))
    outlet_map = _outlet_actor_map()
    actor_rows = _actor_rows(article)
    cols: dict[str, list] = {c.name: [] for c in _COLUMNS}
    for r in found:
        label = text[r["start_char"] : r["end_char"]]
        actor, kind, actor_rule = _actor_for(label, r["head"], actor_rows, outlet_map)
        voice, voice_rule = _voice_at(speech, r["start_char"], r["end_char"])
        cols["sentence_id"].append(r["sentence_id"])
        cols["start_char"].append(r["start_char"])
        cols["end_char"].append(r["end_char"])
        cols["label"].append(label)
        cols["actor"].append(actor)
        cols["target_kind"].append(kind or r["target_kind"])
        cols["device"].append(r["device"])
        cols["voice"].append(voice)
        cols["part"].append(r["part"])
        cols["rule"].append(f"{r['span_rule']}; actor:{actor_rule}; voice:{voice_rule}")
        cols["source"].append(r["source"])
    cols["label_id"] = list(range(len(found)))
    return frame("labels", cols)


def build_labels(article) -> pd.DataFrame:
    """Return the ``labels`` table: one row per label the article gives an actor or an action.

    ``article.labels`` calls this. See the module docstring for the rules, and
    :func:`labels` to add terms of your own.

    Examples
    --------
    >>> import kit
    >>> t = kit.load_article().labels
    >>> len(t), int((t["device"] == "Name_Calling,Labeling").sum())
    (16, 9)
    >>> t.loc[t["voice"] != "narration", "label"].tolist()
    ['necessary and proportionate strikes', 'precision strikes']
    """
    return labels(article)


# ----- headline against body -----------------------------------------------


def _mentions(article, speech: _Speech) -> list[dict]:
    """Plain descriptions of actors (``match = mention`` in framing_actors.csv)."""
    text = article.text
    haystack = _match_text(text)
    rows = article._sentence_rows
    found = []
    for row in _actor_rows(article):
        if row["match"] != "mention":
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in row["words"].split()) + r"(?!\w)")
        for m in pattern.finditer(haystack):
            k = bisect.bisect_right(rows["start_char"], m.start()) - 1
            if k < 0 or m.end() > rows["end_char"][k]:
                continue
            voice, _ = _voice_at(speech, m.start(), m.end())
            found.append(
                {
                    "actor": row["actor"],
                    "part": rows["part"][k],
                    "voice": voice,
                    "start_char": m.start(),
                    "end_char": m.end(),
                    "text": text[m.start() : m.end()],
                    "kind": "description",
                }
            )
    return found


def headline_vs_body(article, *, actors: Iterable[str] | None = None) -> pd.DataFrame:
    """Compare how the headline names actors with how the body and its speakers name them.

    One row per (actor, part, voice): the headline's labels for an actor, the
    body narration's labels and plain descriptions of it, and each quoted
    speaker's. Labels come from :attr:`Article.labels`; plain descriptions
    (``three facilities used by ...``) from the ``mention`` entries of
    ``kit/data/framing_actors.csv``. A headline usually packs a frame into a
    few words; the body and the officials it quotes may name the same actor
    quite differently.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    actors
        The actors to compare; by default those the headline labels (none,
        and so an empty table, when the article has no headline or its
        headline has no label).

    Returns
    -------
    pandas.DataFrame
        Columns ``actor``, ``part`` (category), ``voice``, ``names`` (the
        labels and descriptions, in text order, joined by ``" | "``),
        ``n_labels`` and ``n_descriptions``. Rows are ordered by actor (in
        the headline's order), part, then narration before speakers.

    Examples
    --------
    >>> import kit
    >>> hb = kit.headline_vs_body(kit.load_article())
    >>> hb.loc[0, ["actor", "part", "voice", "names"]].tolist()
    ['Sites struck', 'headline', 'narration', 'Iraqi resistance sites']
    >>> print(hb.loc[1, "names"])
    three sites used by anti-terror resistance forces | a military facility in Hillah city | multiple facilities used by the group
    """
    table = article.labels
    speech = _speech(article)
    items = [
        {
            "actor": r.actor,
            "part": r.part,
            "voice": r.voice,
            "start_char": int(r.start_char),
            "end_char": int(r.end_char),
            "text": r.label,
            "kind": "label",
        }
        for r in table.itertuples()
    ]
    for m in _mentions(article, speech):
        # a description that contains a label or description of the same actor adds nothing
        if not any(
            it["actor"] == m["actor"]
            and it["start_char"] < m["end_char"]
            and m["start_char"] < it["end_char"]
            for it in items
        ):
            items.append(m)
    if actors is None:
        wanted = list(
            dict.fromkeys(it["actor"] for it in items if it["part"] == "headline" and it["kind"] == "label")
        )
    else:
        if isinstance(actors, str):
            actors = [actors]
        wanted = list(dict.fromkeys(actors))
        known = {it["actor"] for it in items}
        for a in wanted:
            if a not in known:
                raise ValueError(
                    f"The article names no actor {a!r}.{did_you_mean(a, known)}"
                    f" The actors are {format_options(known)}."
                )
    parts = ["headline", "caption", "body"]
    speakers = list(dict.fromkeys(it["voice"] for it in sorted(items, key=lambda x: x["start_char"])))
    groups: dict[tuple, list[dict]] = {}
    for it in sorted(items, key=lambda x: x["start_char"]):
        if it["actor"] in wanted:
            groups.setdefault((it["actor"], it["part"], it["voice"]), []).append(it)
    keys = sorted(
        groups,
        key=lambda k: (
            wanted.index(k[0]),
            parts.index(k[1]),
            k[2] != NARRATION,
            speakers.index(k[2]),
        ),
    )
    return pd.DataFrame(
        {
            "actor": pd.Series([k[0] for k in keys], dtype="string"),
            "part": pd.Series([k[1] for k in keys], dtype=pd.CategoricalDtype(parts, ordered=True)),
            "voice": pd.Series([k[2] for k in keys], dtype="string"),
            "names": pd.Series([" | ".join(it["text"] for it in groups[k]) for k in keys], dtype="string"),
            "n_labels": pd.Series(
                [sum(it["kind"] == "label" for it in groups[k]) for k in keys], dtype="int64"
            ),
            "n_descriptions": pd.Series(
                [sum(it["kind"] == "description" for it in groups[k]) for k in keys], dtype="int64"
            ),
        }
    )


# ----- other outlets and other sources ----------------------------------------


@cache
def _read_outlet_rows() -> tuple[dict[str, str], ...]:
    text = data_path("outlet_labels.csv").read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


def outlet_labels() -> pd.DataFrame:
    """Return how other outlets and officials labelled the same actors, with sources.

    The table is ``kit/data/outlet_labels.csv``, unchanged: one row per
    (outlet, actor, label), with the page it comes from. Its ``actor`` values
    are those of :attr:`Article.labels`, so the two tables join on ``actor``.
    The seed's own labels are rows too: no outlet's words are the neutral ones.

    Returns
    -------
    pandas.DataFrame
        ``outlet`` (category), ``outlet_kind`` (category), ``url`` (string,
        <NA> where the source gave none), ``date`` (datetime64), ``actor``
        (string), ``label`` (string).

    Examples
    --------
    >>> import kit
    >>> o = kit.outlet_labels()
    >>> o.loc[o["outlet"] == "Reuters", ["actor", "label"]]
                                     actor                  label
    9  Kata'ib Hezbollah and allied groups  Iran-aligned militants
    10                           US troops             U.S. troops
    >>> seed = kit.load_article().labels
    >>> joined = seed.merge(o, on="actor", suffixes=("", "_elsewhere"))
    >>> sorted(joined["actor"].unique())
    ["Kata'ib Hezbollah and allied groups", 'Sites struck', 'US strikes', 'US troops']
    """
    rows = _read_outlet_rows()
    outlets = list(dict.fromkeys(r["outlet"] for r in rows))
    kinds = list(dict.fromkeys(r["outlet_kind"] for r in rows))
    return pd.DataFrame(
        {
            "outlet": pd.Categorical([r["outlet"] for r in rows], categories=outlets),
            "outlet_kind": pd.Categorical([r["outlet_kind"] for r in rows], categories=kinds),
            "url": pd.Series([r["url"] or None for r in rows], dtype="string"),
            "date": pd.to_datetime([r["date"] for r in rows], format="%Y-%m-%d"),
            "actor": pd.Series([r["actor"] for r in rows], dtype="string"),
            "label": pd.Series([r["label"] for r in rows], dtype="string"),
        }
    )


def corroboration_facts() -> pd.DataFrame:
    """Return facts from other sources about the same events, each with its source.

    Parsed from the table in ``kit/data/corroboration_facts.md`` (shipped
    unchanged), for exercises that compare the article's claims with other
    sources. No source is presented as the truth.

    Examples
    --------
    >>> import kit
    >>> f = kit.corroboration_facts()
    >>> f.columns.tolist(), len(f)
    (['fact', 'source'], 8)
    >>> f.loc[3, "fact"]
    'AFP reported 1 killed and 24 wounded (20 in Hilla, 4 in Wassit)'
    """
    text = data_path("corroboration_facts.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) < 2 or set("".join(cells)) <= set("-: "):
            continue
        rows.append((cells[0], " | ".join(cells[1:])))
    if rows and rows[0] == ("fact", "source"):
        rows = rows[1:]
    return pd.DataFrame(
        {
            "fact": pd.Series([r[0] for r in rows], dtype="string"),
            "source": pd.Series([r[1] for r in rows], dtype="string"),
        }
    )


# ----- reframing -------------------------------------------------------------


@dataclass(frozen=True)
class ReframeResult:
    """The article's text with labels swapped, and what changed.

    Attributes
    ----------
    text
        The new text (the article's own text is never changed).
    diff
        One row per changed run of words: ``change_id``, ``label_id``
        (Int64, <NA> when not from the labels table), ``start_char`` and
        ``end_char`` in the original text, ``old``, ``new``, and
        ``new_start``/``new_end`` in the new text.
    original
        The article's text, for comparison.
    sentences
        The text twin of the diff: one row per sentence with a change,
        ``sentence_id``, ``old`` (the sentence as the article has it) and
        ``new`` (as it reads after the swap).
    """

    text: str
    diff: pd.DataFrame
    original: str
    sentences: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(
            {
                "sentence_id": pd.Series([], dtype="int64"),
                "old": pd.Series([], dtype="string"),
                "new": pd.Series([], dtype="string"),
            }
        )
    )

    def __repr__(self) -> str:
        return f"<ReframeResult: {len(self.diff)} changes, {len(self.text)} characters>"

    def __str__(self) -> str:
        return self.text


_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _clean_outlet_label(label: str) -> str:
    """Drop a trailing note in parentheses: "'Retaliatory' strikes (in scare quotes)"."""
    cleaned = _NOTE.sub("", label)
    return cleaned or label


def _plan(table: pd.DataFrame, substitutions) -> list[tuple[int, str, bool]]:
    """Turn substitutions into (label_id, replacement, explicit) triples."""
    plan: list[tuple[int, str, bool]] = []
    by_text: dict[str, list[int]] = {}
    by_actor: dict[str, list[int]] = {}
    for r in table.itertuples():
        by_text.setdefault(" ".join(_words(r.label)), []).append(r.label_id)
        if r.voice == NARRATION:
            by_actor.setdefault(r.actor, []).append(r.label_id)
    if isinstance(substitutions, pd.DataFrame):
        cols = set(substitutions.columns)
        if {"actor", "label"} <= cols and "replacement" not in cols:
            chosen: dict[str, str] = {}
            for actor, label in zip(substitutions["actor"], substitutions["label"]):
                chosen.setdefault(str(actor), _clean_outlet_label(str(label)))
            hits = [a for a in chosen if a in by_actor]
            if not hits:
                raise UnknownLabelError(
                    f"None of the actors in the substitutions table ({format_options(chosen)}) is"
                    f" labelled in the article's narration. The article's actors are"
                    f" {format_options(by_actor)}. Pick rows of kit.outlet_labels() for one of them."
                )
            for actor in hits:
                plan.extend((lid, chosen[actor], False) for lid in by_actor[actor])
            return plan
        key_col = "label_id" if "label_id" in cols else "label" if "label" in cols else None
        if key_col is None or "replacement" not in cols:
            raise ValueError(
                "A substitutions table needs columns 'actor' and 'label' (as kit.outlet_labels()"
                " has) or a 'label' (or 'label_id') column and a 'replacement' column; it has"
                f" {format_options(map(str, cols))}."
            )
        substitutions = dict(zip(substitutions[key_col], substitutions["replacement"]))
    if not isinstance(substitutions, Mapping):
        raise TypeError(
            f"substitutions must be a dict or a DataFrame, but got {type(substitutions).__name__}."
            ' For example: kit.reframe(article, {"Israeli regime": "Israeli government"})'
        )
    ids = set(table["label_id"].tolist())
    for key, new in substitutions.items():
        if not isinstance(new, str):
            raise TypeError(f"The replacement for {key!r} must be a string, but got {new!r}.")
        if isinstance(key, bool) or (not isinstance(key, (int, str)) and not hasattr(key, "__index__")):
            raise TypeError(f"Substitution keys are labels (strings) or label ids (integers), not {key!r}.")
        if not isinstance(key, str):
            lid = int(key)
            if lid not in ids:
                raise UnknownLabelError(
                    f"There is no label with label_id {lid}. The label ids run from 0 to"
                    f" {len(ids) - 1}; see article.labels."
                )
            plan.append((lid, new, True))
            continue
        words = " ".join(_words(key))
        if words in by_text:
            plan.extend((lid, new, True) for lid in by_text[words])
        elif key in by_actor:
            plan.extend((lid, new, False) for lid in by_actor[key])
        else:
            # shown as a learner would type them (a non-breaking space as a space)
            written = [" ".join(label.split()) for label in table["label"]]
            options = list(dict.fromkeys([*written, *by_actor]))
            raise UnknownLabelError(
                f"The article has no label {key!r}.{did_you_mean(key, options)}"
                f" Its labels are {format_options(written, limit=6)};"
                " see article.labels. Use a label as written, its label_id, or an actor."
            )
    return plan


def _word_diff(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Changed runs as (old_start, old_end, new_start, new_end) offsets within the strings.

    Words are aligned by their text (difflib); each word carries the spaces
    before it, so a changed space (a non-breaking one made plain) is part of
    the change. Touching changes are merged, and spaces both sides share at
    the edges of a change are left out of it.
    """
    a = [(m.start(), m.end()) for m in _WORD.finditer(old)]
    b = [(m.start(), m.end()) for m in _WORD.finditer(new)]
    matcher = difflib.SequenceMatcher(
        a=[old[x:y].strip() for x, y in a], b=[new[x:y].strip() for x, y in b], autojunk=False
    )
    raw: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for (x, y), (u, v) in zip(a[i1:i2], b[j1:j2]):
                if old[x:y] != new[u:v]:  # same word, different spaces before it
                    ow = len(old[x:y]) - len(old[x:y].lstrip())
                    nw = len(new[u:v]) - len(new[u:v].lstrip())
                    raw.append([x, x + ow, u, u + nw])
            continue
        os_ = a[i1][0] if i1 < len(a) else len(old)
        oe = a[i2 - 1][1] if i1 < i2 else os_
        ns = b[j1][0] if j1 < len(b) else len(new)
        ne = b[j2 - 1][1] if j1 < j2 else ns
        raw.append([os_, oe, ns, ne])
    merged: list[list[int]] = []
    for change in raw:
        if merged and merged[-1][1] == change[0] and merged[-1][3] == change[2]:
            merged[-1][1], merged[-1][3] = change[1], change[3]
        else:
            merged.append(change)
    out = []
    for os_, oe, ns, ne in merged:
        while os_ < oe and ns < ne and old[os_] == new[ns] and old[os_].isspace():
            os_, ns = os_ + 1, ns + 1
        while os_ < oe and ns < ne and old[oe - 1] == new[ne - 1] and old[oe - 1].isspace():
            oe, ne = oe - 1, ne - 1
        if old[os_:oe] != new[ns:ne]:
            out.append((os_, oe, ns, ne))
    return out


_WORD = re.compile(r"\s*\S+|\s+")

DETERMINERS = ("the", "a", "an")
"""Articles a reframed label may absorb from the text before it (see :func:`reframe`)."""

_OPENING_DETERMINER = re.compile(
    r"(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my)[ \u00a0]", re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’\-])(the|a|an)[ \u00a0]+$", re.IGNORECASE)


_NAME_NOUNS_WITH_THE = frozenset(
    "states kingdom republic emirates nations union pentagon army navy forces ministry"
    " government council court house office agency guard militia front movement party".split()
)


def _takes_no_article(phrase: str) -> bool:
    """A bare proper name such as "Israel" or "Kata'ib Hezbollah": capitalised words,
    none of them an initialism ("the U.S.", "the IDF") and the last not a common
    noun that English names take "the" with ("the United States", "the Pentagon")."""
    words = phrase.split()
    if not words or len(words) > 4:
        return False
    for w in words:
        core = w.strip(".,;:’'")
        if not core[:1].isupper() or "." in core or (len(core) > 1 and core.isupper()):
            return False
    return words[-1].strip(".,;:").lower() not in _NAME_NOUNS_WITH_THE


def _absorb_determiner(text: str, a: int, b: int, lid: int, new: str) -> tuple[int, int, int, str]:
    """Widen a replacement over the article ("the", "a", "an") just before the label.

    The article belongs to the label's noun phrase: when the replacement brings
    its own determiner ("the Israeli government") or is a bare proper name
    ("Israel"), the article is dropped; otherwise "a"/"an" is made to fit the
    replacement's first sound (by its first letter).
    """
    m = _DETERMINER_BEFORE.search(text, max(0, a - 8), a)
    if m is None or not new.strip():
        return a, b, lid, new
    det, start = m.group(1), m.start()
    if _OPENING_DETERMINER.match(new) or _takes_no_article(new):
        return start, b, lid, new
    if det.lower() in ("a", "an"):
        article = "an" if new[:1].lower() in "aeiou" else "a"
        if det[:1].isupper():
            article = article.capitalize()
        return start, b, lid, article + text[start + len(det) : a] + new
    return a, b, lid, new


def reframe(article, substitutions) -> ReframeResult:
    """Return the article's text with chosen labels swapped, and a word-level diff.

    Parameters
    ----------
    article
        A :class:`kit.Article`; its text is never changed.
    substitutions
        Either a dict ``{label_or_label_id_or_actor: replacement}``, or a
        DataFrame. A label as written (curly or straight apostrophes alike)
        replaces every use of that label; a ``label_id`` replaces one row; an
        actor (``"US troops"``) replaces the narration's labels for it. A
        DataFrame with ``actor`` and ``label`` columns, such as the rows of
        :func:`outlet_labels` for one outlet, swaps in that outlet's first
        label for each actor, in the narration only: a quoted speaker's words
        stay as spoken. A DataFrame with ``label`` (or ``label_id``) and
        ``replacement`` columns works like the dict.

    Returns
    -------
    ReframeResult
        ``.text`` (the new text), ``.diff`` (one row per changed run of words),
        ``.sentences`` (the changed sentences before and after: the diff's text
        twin) and ``.original``.

    Notes
    -----
    A label's noun phrase often starts with an article the label leaves out
    ("*the* Israeli regime"). When the replacement brings its own determiner
    ("the Israeli government", "its army") or is a bare proper name
    ("Israel", not an initialism such as "U.S."), the article before the
    label is replaced with it, so the text never reads "the the" or "the
    Israel"; before any other replacement "a"/"an" is made to fit its first
    letter. :data:`DETERMINERS` lists the articles absorbed.

    Raises
    ------
    UnknownLabelError
        A key is not a label, label id or actor of the article (with a
        "Did you mean ...?").

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> r = kit.reframe(article, {"Israeli regime": "Israeli government"})
    >>> r.diff[["start_char", "end_char", "old", "new", "label_id"]].values.tolist()
    [[2727, 2734, '\\xa0regime', ' government', 11]]
    >>> r.text[2716:2761]
    'The Israeli government launched the war after'
    >>> article.text[2716:2760] == r.text[2716:2760]  # the article's text is not changed
    False
    >>> r.sentences["new"].str.slice(0, 45).tolist()
    ['The Israeli government launched the war after']
    >>> o = kit.outlet_labels()
    >>> r = kit.reframe(article, o[o["outlet"] == "Reuters"])
    >>> r.diff[["old", "new"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [["anti-terror Kata'ib Hezbollah group", 'Iran-aligned militants'],
     ['anti-terror resistance forces', 'Iran-aligned militants'],
     ['American occupation', 'U.S.'],
     ['anti-terror fighters', 'Iran-aligned militants']]
    """
    table = article.labels
    plan = _plan(table, substitutions)
    starts = dict(zip(table["label_id"], table["start_char"]))
    ends = dict(zip(table["label_id"], table["end_char"]))
    sentence_starts = set(article._sentence_rows["start_char"])
    chosen: list[tuple[int, int, int, str]] = []
    for lid, new, explicit in sorted(plan, key=lambda p: (starts[p[0]], -ends[p[0]])):
        a, b = int(starts[lid]), int(ends[lid])
        if any(a < cb and ca < b for ca, cb, _, _ in chosen):
            same = any((ca, cb, cnew) == (a, b, new) for ca, cb, _, cnew in chosen)
            if explicit and not same:
                raise ValueError(
                    f"The label {table.loc[lid, 'label']!r} (label_id {lid}) overlaps another label you"
                    " asked to replace. Replace one of them at a time."
                )
            continue
        chosen.append((a, b, lid, new))
    text = article.text
    chosen = [_absorb_determiner(text, a, b, lid, new) for a, b, lid, new in chosen]
    pieces, rows = (
        [],
        {k: [] for k in ("label_id", "start_char", "end_char", "old", "new", "new_start", "new_end")},
    )
    cursor = shift = 0
    for a, b, lid, new in chosen:
        old = text[a:b]
        if a in sentence_starts and old[:1].isupper() and new[:1].islower():
            new = new[:1].upper() + new[1:]
        pieces.append(text[cursor:a])
        pieces.append(new)
        new_a = a + shift
        for os_, oe, ns, ne in _word_diff(old, new):
            rows["label_id"].append(lid)
            rows["start_char"].append(a + os_)
            rows["end_char"].append(a + oe)
            rows["old"].append(old[os_:oe])
            rows["new"].append(new[ns:ne])
            rows["new_start"].append(new_a + ns)
            rows["new_end"].append(new_a + ne)
        shift += len(new) - (b - a)
        cursor = b
    pieces.append(text[cursor:])
    diff = pd.DataFrame(
        {
            "change_id": pd.Series(range(len(rows["old"])), dtype="int64"),
            "label_id": pd.Series(rows["label_id"], dtype="Int64"),
            "start_char": pd.Series(rows["start_char"], dtype="int64"),
            "end_char": pd.Series(rows["end_char"], dtype="int64"),
            "old": pd.Series(rows["old"], dtype="string"),
            "new": pd.Series(rows["new"], dtype="string"),
            "new_start": pd.Series(rows["new_start"], dtype="int64"),
            "new_end": pd.Series(rows["new_end"], dtype="int64"),
        }
    )
    new_text = "".join(pieces)
    return ReframeResult(
        text=new_text, diff=diff, original=text, sentences=_changed_sentences(article, text, new_text, diff)
    )


def _changed_sentences(article, old: str, new: str, diff: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence a change touches: its text before and after the swap."""
    changes = sorted(zip(diff["start_char"], diff["end_char"], diff["new_start"], diff["new_end"]))
    shifts = [(oe, (ne - ns) - (oe - os_)) for os_, oe, ns, ne in changes]

    def shifted(position: int) -> int:  # where an unchanged position of the old text is in the new
        return position + sum(d for oe, d in shifts if oe <= position)

    rows = article._sentence_rows
    out: dict[str, list] = {"sentence_id": [], "old": [], "new": []}
    for sid, s, e in zip(rows["sentence_id"], rows["start_char"], rows["end_char"]):
        if any((os_ < e and oe > s) or (os_ == oe and s <= os_ < e) for os_, oe, _, _ in changes):
            out["sentence_id"].append(int(sid))
            out["old"].append(old[s:e])
            out["new"].append(new[shifted(s) : shifted(e)])
    return pd.DataFrame(
        {
            "sentence_id": pd.Series(out["sentence_id"], dtype="int64"),
            "old": pd.Series(out["old"], dtype="string"),
            "new": pd.Series(out["new"], dtype="string"),
        }
    )
