"""Subjects the speaker rules do not know, kept as written rather than dropped:
"The retired steel worker from the east side says", "A poll conducted in May found",
"Video of the incident shows", and the unknown source after "according to"."""

from __future__ import annotations

import re

from kit.quotes.limits import MAX_MODIFIED_WORDS, MAX_PLAIN_SUBJECT_WORDS, WINDOW
from kit.quotes.speakers import _LY_NOUNS, _adverb, _Speaker
from kit.quotes.words import (
    _CAP,
    _CLAUSE_WORDS,
    _CONJUNCTIONS,
    _DETERMINER_WORDS,
    _FINITE,
    _NP_FUNCTION,
    _NUMBER_WORDS,
    _PREPOSITIONS,
    _SUBORDINATORS,
    _TERMINAL,
    _WORD,
    PRONOUNS,
    _bare,
    _cue_verbs,
    _segments,
    _speaker_nouns,
)

_DOCUMENT_WORDS = frozenset(
    "report reports poll polls survey surveys study studies analysis data figures documents records"
    " filing filings estimates results statistics count tally review audit investigation memo letter"
    " transcript video videos footage recording recordings photo photos emails".split()
)


def _unknown_source(ctx, a: int, b: int) -> _Speaker | None:
    """The source after "according to" when it is no noun phrase the kit knows ("early results
    of exit polls conducted by ..."): kept as written, never dropped; a document's words make
    it an organisation's, anything else an unnamed source."""
    segs = _segments(ctx.text, a, min(b, a + WINDOW))
    if not segs:
        return None
    s, e = segs[0]
    while e > s and ctx.text[e - 1] in _TERMINAL:
        e -= 1
    words = [_bare(w) for w in ctx.text[s:e].split()]
    if not words or len(words) > MAX_MODIFIED_WORDS:
        return None
    kind = "organization" if any(w in _DOCUMENT_WORDS for w in words) else "anonymous"
    return _Speaker(s, e, kind)


def _document_subject(ctx, sa: int, cue_start: int):
    """A subject kept as written that names a document ("The average of polls taken over the
    past two weeks shows ...", "Video of the incident shows ..."), before any cue."""
    found = _plain_subject(ctx, sa, cue_start)
    if found is None or not _document(ctx.text, found[0]):
        return None
    found[0].kind = "organization"
    return found


def _plain_subject(ctx, sa: int, cue_start: int):
    """A subject the speaker rules do not know, kept as written rather than dropped: the
    words between the start of the clause and the cue ("The billionaire businessman says",
    "A poll conducted in May found", "Large majorities of voters said"), when they hold no
    verb, clause word, pronoun or other cue. A lower-case head is an unnamed source (a
    document's word makes it an organisation's); a capitalised one, a name."""
    text = ctx.text
    lo = max(sa, cue_start - 160)
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, lo, cue_start)]
    if lo > sa and words:
        words.pop(0)  # a word cut by the window
    while words and _adverb(text[words[-1][0] : words[-1][1]]):
        words.pop()  # "The foreman did not say": the auxiliaries before the cue
    k = len(words)
    while k > 0:
        raw = text[words[k - 1][0] : words[k - 1][1]]
        w = _bare(raw)
        if k == 1 and w in ("those", "these") and not raw.islower():
            k -= 1  # "Those close to him say": a determiner that opens the sentence
            continue
        if (
            (w in _SUBORDINATORS or w in _CLAUSE_WORDS) and (raw.islower() or w not in _FINITE)
        ) or raw.endswith((",", ";", ":", "—", "–")):
            break
        if raw == "but":
            break  # "C1 but U.S. officials have said C2": the subject after the conjunction
        if raw.startswith(("“", '"', "(", "—", "–")):
            break
        k -= 1
    start = k
    if start == 0 and lo > sa:
        return None
    words = words[start:]
    while words and _bare(text[words[0][0] : words[0][1]]) in _CONJUNCTIONS:
        words.pop(0)
    while words and _adverb(text[words[-1][0] : words[-1][1]]):
        words.pop()
    if len(words) > 1 and _bare(text[words[-1][0] : words[-1][1]]) in _REFLEXIVES:
        words.pop()  # "Cruz himself said": the name speaks
    if not words or len(words) > MAX_PLAIN_SUBJECT_WORDS:
        return None
    raw = [text[a:b] for a, b in words]
    low = [_bare(w) for w in raw]
    lead = 2 if low[:2] in (["at", "least"], ["at", "most"]) and len(low) > 2 else 0  # "At least half"
    if low[lead] in _PREPOSITIONS and low[lead] not in _DETERMINER_WORDS:
        return None
    if low[0] in _NOT_SUBJECT_START:
        return None
    cues = _cue_verbs()
    for k, (w, r) in enumerate(zip(low, raw)):
        after_preposition = k > 0 and low[k - 1] in _PREPOSITIONS and w in _OBJECT_PRONOUNS
        if after_preposition:
            continue  # "Those close to him say": the pronoun is the object of "to"
        noun = w in _DOCUMENT_WORDS or (k > 0 and low[k - 1] in _DETERMINER_WORDS)  # "A news report"
        if (
            w in PRONOUNS
            or (w in _FINITE and r.islower())
            or (w in cues and not noun)
            or (w in _OBJECT_PRONOUNS and not (k == 0 and w == "her" and len(low) > 1))  # "Her advisers"
        ):
            return None
        if k and r.islower() and w.endswith("ed") and "-" not in w and k + 1 < len(low):
            # "a poll conducted by ...", "polls released Sunday" modify the subject;
            # "the group unearthed columns" is a clause.
            if (
                low[k + 1] not in _PREPOSITIONS
                and not _CAP.match(raw[k + 1])
                and low[k + 1] not in _TIME_WORDS
            ):
                return None
        if r.endswith(("?", "!", ".")) and not _CAP.match(r):
            return None
        if any(c in r for c in ("’ll", "'ll", "’d", "'d", "’ve", "'ve", "’re", "'re", "n’t", "n't")):
            return None  # "he’ll", "they’ve": a clause, not a subject
    head = low[-1]
    share = len(raw) == 1 and _PERCENT_RE.fullmatch(raw[0]) is not None  # "42% say"
    adverb = head.endswith("ly") and head not in _LY_NOUNS
    if head in _PREPOSITIONS or head in _NP_FUNCTION or adverb or not (head.isalpha() or share):
        return None
    s, e = words[0][0], words[-1][1]
    if low[0][:1].isdigit() or low[0] in _NUMBER_WORDS:
        kind = "anonymous"  # "Six in 10", "43 percent of voters": a share of people
    elif any(w in _DOCUMENT_WORDS for w in low[:8]) or _speaker_nouns().get(head) == "organization":
        kind = "organization"  # "A poll conducted by Gallup in May"
    elif _CAP.match(raw[-1]):
        kind = "name"
    else:
        kind = "anonymous"
    return _Speaker(s, e, kind), s, None


def _document(text: str, sp) -> bool:
    """Whether a speaker is a document ("the latest poll", "a 2009 report by ...")."""
    words = [_bare(w) for w in text[sp.start : sp.end].split()]
    return any(w in _DOCUMENT_WORDS for w in words[:8])


_PERCENT_RE = re.compile(r"\d{1,3}(?:\.\d)?%")
_TIME_WORDS = frozenset("last this earlier later yesterday today recently".split())
_NOT_SUBJECT_START = frozenset("to not never let just so then".split())
_REFLEXIVES = frozenset("himself herself themselves itself".split())
_OBJECT_PRONOUNS = frozenset("him them us me her himself herself themselves itself".split())
