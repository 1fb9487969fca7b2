"""Where labels stand: growing a label from a framing term, and finding scare quotes.

Both finders read the :class:`~kit.document.Doc` and return one dict per label
span (``sentence_id``, ``start_char``, ``end_char``, ``device``,
``target_kind``, ``head``, ``span_rule``, ``source``, ``part``); the span rules
(``term``, ``term+head``, ``name+term``, ``name+term+head``, ``scare_quotes``)
are taught in :mod:`kit.framing`.
"""

from __future__ import annotations

import pandas as pd

from kit.document import Doc
from kit.framing.speech import Speech
from kit.framing.terms import Term, heads
from kit.lexicons import match_form
from kit.tokens import stopwords

__all__ = ["MAX_REACH", "SCARE_MAX_WORDS", "find_scare_quotes", "find_term_spans"]

MAX_REACH = 5
"""How many words a term may reach right to find its head noun."""

SCARE_MAX_WORDS = 4
"""Longer unattributed quotations are quotations, not scare quotes."""

_TRAILING_PUNCT = ".,;:!?…"
_APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
_SCARE_SOURCE = "kit.quotemarks: words in quotation marks that no speaker is quoted as saying"


def _is_name_word(token: str) -> bool:
    """A capitalised word that can be part of a name (``Gaza``, ``Kata'ib``, ``US``)."""
    return token[:1].isupper() and any(c.isalpha() for c in token)


def _is_titlecase(token: str) -> bool:
    return token[:1].isupper() and token[1:] == token[1:].lower()


def _title_case_headline(tokens: tuple[str, ...]) -> bool:
    long_words = [t for t in tokens if len(t) >= 4 and t.isalpha()]
    return bool(long_words) and sum(t[:1].isupper() for t in long_words) >= 0.6 * len(long_words)


class _Lexicon:
    """The terms indexed by first word, with the head nouns and fillers."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.heads, self.fillers = heads()
        self.by_first: dict[str, list[Term]] = {}
        for term in sorted(terms, key=lambda t: -len(t.words)):
            if term.words:
                self.by_first.setdefault(term.words[0], []).append(term)
        self.modifiers = {t.words[0] for t in terms if t.kind == "modifier" and t.words}

    def term_at(self, lower: tuple[str, ...], i: int) -> Term | None:
        """The longest term that starts at word ``i``."""
        for term in self.by_first.get(lower[i], ()):
            if lower[i : i + len(term.words)] == term.words:
                return term
        return None

    def head_after(self, words: tuple[str, ...], lower: tuple[str, ...], term: Term, i: int) -> int | None:
        """The head noun the term at ``i`` reaches, over fillers, terms, names and ``and``."""
        n = len(term.words)
        j = i + n
        while term.kind != "noun" and j < len(words) and j - (i + n) < MAX_REACH:
            w = lower[j]
            if w in self.heads:
                return j
            nxt = lower[j + 1] if j + 1 < len(words) else ""
            if (
                w in self.fillers
                or w in self.by_first
                or (_is_name_word(words[j]) and w not in _APOSTROPHE_S)
                or (w == "and" and (nxt in self.modifiers or nxt in self.fillers))
            ):
                j += 1
                continue
            break
        return None


def _grow_left(words: tuple[str, ...], lower: tuple[str, ...], first: int, floor: int) -> int:
    """A name-calling label takes in a name word, or a name and a possessive, before it."""
    if first - 2 >= floor and lower[first - 1] in _APOSTROPHE_S and _is_name_word(words[first - 2]):
        return first - 2
    if first - 1 >= floor and _is_name_word(words[first - 1]) and lower[first - 1] not in stopwords():
        return first - 1
    return first


def _sentence_labels(
    lex: _Lexicon, words, lower, title_case: bool
) -> list[tuple[int, int, Term, int | None, str]]:
    """Labels in one sentence as (first word, last word, term, head word, span rule)."""
    found = []
    i = floor = 0  # floor: labels never overlap, so none grows left past the previous one
    while i < len(words):
        match = lex.term_at(lower, i)
        if match is None or (i > 0 and not title_case and _is_titlecase(words[i])):
            i += 1
            continue
        head = lex.head_after(words, lower, match, i)
        if head is None and match.kind == "modifier":
            i += 1
            continue
        first, last = i, (head if head is not None else i + len(match.words) - 1)
        span_rule = "term+head" if head is not None else "term"
        if match.device == "Name_Calling,Labeling":
            left = _grow_left(words, lower, first, floor)
            if left < first:
                first, span_rule = left, "name+" + span_rule
        found.append((first, last, match, head, span_rule))
        i = floor = last + 1
    return found


def find_term_spans(doc: Doc, terms: tuple[Term, ...]) -> list[dict]:
    """Grow labels from framing terms, sentence by sentence (see :mod:`kit.framing`)."""
    lex = _Lexicon(terms)
    tok, sent = doc.tokens, doc.sentences
    found = []
    n_tokens = len(tok["token_id"])
    k = 0
    while k < n_tokens:
        sid = tok["sentence_id"][k]
        end_k = k
        while end_k < n_tokens and tok["sentence_id"][end_k] == sid:
            end_k += 1
        words, lower = tok["text"][k:end_k], tok["lower"][k:end_k]
        starts, ends = tok["start_char"][k:end_k], tok["end_char"][k:end_k]
        part = sent["part"][sid]
        title_case = part == "headline" and _title_case_headline(words)
        for first, last, term, head, span_rule in _sentence_labels(lex, words, lower, title_case):
            target = lex.heads.get(lower[last]) if head is not None else None
            found.append(
                {
                    "sentence_id": sid,
                    "start_char": starts[first],
                    "end_char": ends[last],
                    "device": term.device,
                    "target_kind": target or term.target_kind,
                    "head": lower[last],
                    "span_rule": span_rule,
                    "source": term.source,
                    "part": part,
                }
            )
        k = end_k
    return found


def find_scare_quotes(doc: Doc, quote_marks: pd.DataFrame, speech: Speech) -> list[dict]:
    """A few words in quotation marks that no attributed statement holds."""
    text = doc.text
    parts = doc.sentences["part"]
    found = []
    for m in quote_marks.itertuples():
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
                "source": _SCARE_SOURCE,
                "part": parts[sid],
            }
        )
    return found
