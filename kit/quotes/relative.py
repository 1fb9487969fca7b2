"""Cues inside relative clauses: who speaks in "X, who said ...", "X, which ruled ...",
"those who say ..." and "a wall, which he said ..."."""

from __future__ import annotations

import re

from kit.lexicons import match_form
from kit.quotes.limits import MAX_SPEAKER_WORDS, WINDOW
from kit.quotes.speakers import _adverb, _Speaker
from kit.quotes.words import (
    _CAP,
    _CLAUSE_WORDS,
    _CONJUNCTIONS,
    _DETERMINER_WORDS,
    _FINITE,
    _NUMBER_WORDS,
    _PREPOSITIONS,
    _SUBJECT_START,
    _WHEN_RE,
    _WORD,
    PRONOUNS,
    _anonymity_re,
    _bare,
    _cue_re,
    _cue_verbs,
    _segments,
    _strip,
)

_PEOPLE_WORDS = frozenset("those people others anyone everyone someone many some most few".split())
# Words between a relative word and its cue ("who has publicly vowed", "which later ruled").
_AUX_OR_ADVERB = frozenset("has have had also later publicly then once repeatedly".split())
# A year or a short time phrase between them ("who in 2010 said", "which last week ruled").
_YEAR_RE = re.compile(r"(?:in|since|by)[\s\u00a0]+\d{4}")
_DASHES = ("-", "—", "–", "--")


def relative_word_before(text: str, sa: int, cue_start: int) -> tuple[int, str] | None:
    """Where "who", "whom" or "which" stands before a cue, with only auxiliaries, adverbs
    or a time phrase between them ("who said", "who in 2010 said", "which has ruled"):
    its offset and the word in lower case, or None."""
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, max(sa, cue_start - 60), cue_start)]
    k = len(words)
    while k > 0:
        raw = text[words[k - 1][0] : words[k - 1][1]]
        w = _bare(raw)
        if w in ("who", "whom", "which") and raw.islower():
            rest = [
                (a, b) for a, b in words[k:] if not (_adverb(text[a:b]) or _bare(text[a:b]) in _AUX_OR_ADVERB)
            ]
            if not rest:
                return words[k - 1][0], w
            a, b = rest[0][0], rest[-1][1]
            if _WHEN_RE.fullmatch(text, a, b) or _YEAR_RE.fullmatch(text, a, b):
                return words[k - 1][0], w
            return None
        if len(words) - k >= 4 or raw.endswith((",", ";", ":")):
            return None
        k -= 1
    return None


def opened_by_dash(text: str, sa: int, who: int) -> bool:
    """Whether the relative clause at ``who`` opens after a dash ("Trump - who said ... -")."""
    return text[max(sa, who - 4) : who].rstrip(" \u00a0").endswith(_DASHES)


_DASH_RE = re.compile(r"[\s\u00a0](?:-|--|—|–)[\s\u00a0]")
_COMMA_RE = re.compile(r",[”\"’']?[\s\u00a0]")


def clause_end(ctx, a: int, b: int, dash: bool) -> int:
    """Where a statement inside a relative clause (``text[a:b]``) ends: at the closing dash
    of a clause opened by one, or at a comma followed by a subject and a cue of the
    sentence's own ("the report, which found C, | the campaign disputed")."""
    text = ctx.text
    if dash:
        cut = _DASH_RE.search(text, a, b)
        if cut is not None and cut.start() > a:
            return _strip(text, a, cut.start())[1]
    for n, x in enumerate(_COMMA_RE.finditer(text, a, b)):
        if n >= 6:
            break
        nxt = text.find(",", x.end(), b)
        m = _cue_re().search(text, x.end(), min(b if nxt < 0 else nxt, x.end() + 80))
        if m is not None and m.start() > x.end() and _subject_like(text, x.end(), m.start()):
            return _strip(text, a, x.start() + (x.group(0)[1] in "”\"’'"))[1]
    return b


def _subject_like(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` may be the subject right before a cue: a pronoun, or one to
    six words that open a noun phrase and hold no verb or clause word."""
    words = text[a:b].split()
    while words and _adverb(words[-1]):
        words.pop()
    if not 0 < len(words) <= 6:
        return False
    if len(words) == 1 and _bare(words[0]) in PRONOUNS:
        return True
    low = [_bare(w) for w in words]
    if any(w in _FINITE or w in _CLAUSE_WORDS or w in PRONOUNS for w in low):
        return False
    return _opens_noun_phrase(words)


def aside_start(text: str, a: int, cue_start: int) -> int | None:
    """Where an aside between dashes opens when it stands right before a cue ("Mayor Tom
    Hale - who once said ... - said", "Kall -- co-editor of a book -- said"): the subject
    stands before it. None when the words before the cue do not end with a dash."""
    before = text[a:cue_start].rstrip(" \u00a0")
    if not before.endswith(_DASHES):
        return None
    closing = a + len(before) - 1
    while closing > a and text[closing - 1] in "-—–":
        closing -= 1
    opening = None
    for x in _DASH_RE.finditer(text, a, closing):
        opening = x.start()
    return opening


def relative_subject(ctx, sa: int, cue_start: int):
    """A pronoun speaker inside a relative clause: "a wall, which he said Mexico would pay
    for", "his daughters, who he said were living abroad"."""
    text = ctx.text
    m = _RELATIVE_SUBJECT_RE.search(text, max(sa, cue_start - 80), cue_start)
    if m is None:
        return None
    a, b = m.start("np"), _strip(text, m.start("np"), cue_start)[1]
    if _bare(text[a:b]) in PRONOUNS:
        return _Speaker(a, b, "pronoun"), a, None
    if any(_bare(w) in _FINITE or _bare(w) in PRONOUNS for w in text[a:b].split()):
        return None
    sp = ctx.noun_phrase(a, b)
    if sp is None or sp.kind == "pronoun" or sp.start != a:
        return None
    return sp, a, None


# "which he said", "who an FBI inquiry said": a relative word, then a subject of one to
# five words right before the cue.
_RELATIVE_SUBJECT_RE = re.compile(
    r"\b(?:which|who|whom|that)[\s\u00a0]+(?P<np>(?:[^\s\u00a0,;:“”\"]+[\s\u00a0]+){1,5})$"
)


def speaker_before_who(text: str, rows, who: int) -> _Speaker | None:
    """The speaker of a statement just found, right before ", who" ("“…,” said Mr. Ekovich,
    who noted that ..."), or before a role of a few words and ", who" ("“…,” said one
    official familiar with the talks, who added that ...")."""
    for r in rows:
        sp = r.speaker
        if sp is not None and r.inherited is None and sp.kind != "pronoun" and sp.end <= who:
            gap = text[sp.end : who].strip(" \u00a0")
            if gap == ",":
                return sp
            if (
                gap.endswith(",")
                and len(gap.split()) <= 8
                and not any(ch in gap for ch in ';:“”"()')
                and not any(_bare(w) in _FINITE or _bare(w) in _cue_verbs() for w in gap.split())
            ):
                return sp
    return None


def restrictive_antecedent(text: str, sa: int, who: int) -> _Speaker | None:
    """The people before a restrictive "who" (no comma): "those who said", "Republicans who
    say", "many voters who say"; a plural noun, a word for people, or a capitalised plural,
    with its determiner and modifiers (up to four words)."""
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, max(sa, who - 80), who)]
    if not words:
        return None
    head_raw = text[words[-1][0] : words[-1][1]]
    head = _bare(head_raw)
    if head_raw.endswith((",", ";", ":", "”", '"')):
        return None
    share = _share_before(text, words)
    if share is not None:
        return share  # "compared with four in 10 who said", "23 percent who said"
    if not head.isalpha():
        return None
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3
    if head not in _PEOPLE_WORDS and not plural and not _one_person(text, words):
        return None
    if head not in _PEOPLE_WORDS and (
        head in _FINITE or head in PRONOUNS or head in _CLAUSE_WORDS or head in _PREPOSITIONS
    ):
        return None
    start = words[-1][0]
    for a, b in reversed(words[-4:-1]):
        raw = text[a:b]
        w = _bare(raw)
        if raw.endswith((",", ";", ":", "”", '"')) or not w.isalpha():
            break
        if w in _DETERMINER_WORDS or w in _SUBJECT_START:
            start = a
            break
        if w in _PREPOSITIONS or w in _FINITE or w in PRONOUNS or w in _CLAUSE_WORDS or w in _CONJUNCTIONS:
            break
        if w.endswith(("ed", "ing")) and raw.islower():
            break
        start = a
    return _Speaker(start, words[-1][1], "anonymous")


_SHARE_HEADS = frozenset("percent number half third quarter majority minority share".split())


def _share_before(text: str, words: list[tuple[int, int]]) -> _Speaker | None:
    """A share of people right before a restrictive "who" ("four in 10", "23 percent",
    "the same number"): up to five words of numbers, "in", "of" and a share noun."""
    head = _bare(text[words[-1][0] : words[-1][1]])
    if not (head[:1].isdigit() or head in _SHARE_HEADS):
        return None
    start = words[-1][0]
    for a, b in reversed(words[-5:-1]):
        raw = text[a:b]
        w = _bare(raw)
        if raw.endswith((",", ";", ":")):
            break
        if (
            w[:1].isdigit()
            or w in _NUMBER_WORDS
            or w in ("in", "of", "the", "same", "about", "nearly")
            or w in _SHARE_HEADS
        ):
            start = a
            continue
        break
    return _Speaker(start, words[-1][1], "anonymous")


def _one_person(text: str, words: list[tuple[int, int]]) -> bool:
    """Whether the words before a restrictive "who" end with "a", "an" or "one", then up
    to three lower-case words ("an architect who said", "a tech staffer at the department
    who told" does not: the noun must touch "who")."""
    for n in range(2, 5):
        if len(words) < n:
            return False
        raw = [text[a:b] for a, b in words[-n:]]
        if _bare(raw[0]) in ("a", "an", "one") and all(w.isalpha() and w.islower() for w in raw[1:]):
            return not any(_bare(w) in _PREPOSITIONS or _bare(w) in _CLAUSE_WORDS for w in raw[1:])
    return False


def relative_antecedent(ctx, sa: int, who: int, which: bool = False) -> _Speaker | None:
    """The noun phrase before ", who" or "- who" (``who`` starts at ``who``): "Jessica
    Leeds, who told ...", "a lecture from the Mexican president, who said ...". With
    ``which``, only a name or a document ("the European Union, which contended ...",
    "the report, which concluded ...")."""
    text = ctx.text
    before = text[max(sa, who - WINDOW) : who].rstrip(" \u00a0")
    if not before.endswith((",", *_DASHES)) or _anonymity_re().search(match_form(text[who : who + 80])):
        return None
    segs = _segments(text, max(sa, who - WINDOW), who)
    if not segs:
        return None
    a, b = segs[-1]
    b = _strip(text, a, b, " \t\u00a0-—–")[1]
    sp = ctx.noun_phrase(a, b)
    if sp is not None and not _opens_noun_phrase(text[sp.start : sp.end].split()):
        sp = None  # "was brought by the European Union": a clause, not its subject
    end = _phrase_at_end(ctx, a, b)
    if sp is not None and end is not None and end.start > sp.start:
        sp = end  # "Voters read the audit, which": the noun phrase after the verb
    if sp is None:
        # "Trump mocked Ted Cruz, who said ...": the name that ends the clause
        words = [(x.start(), x.end()) for x in _WORD.finditer(text, a, b)]
        for n in range(min(len(words) - 1, MAX_SPEAKER_WORDS), 0, -1):
            first = text[words[-n][0] : words[-n][1]]
            if not _CAP.match(first):
                continue
            sp = ctx.noun_phrase(words[-n][0], b)
            if sp is not None and sp.start == words[-n][0] and sp.kind == "name":
                return sp
        sp = _phrase_at_end(ctx, a, b)
    if sp is None or sp.kind == "pronoun":
        return None
    if which and sp.kind not in ("name", "organization"):
        return None
    return sp


def _opens_noun_phrase(words: list[str]) -> bool:
    """Whether words can open a noun phrase: a determiner, a capitalised word that is no
    participle ("Following the leak"), a number."""
    if not words:
        return False
    w = _bare(words[0])
    if w in _DETERMINER_WORDS or w in _SUBJECT_START or w[:1].isdigit():
        return True
    return _CAP.match(words[0]) is not None and not (w.endswith("ing") and len(words) > 1)


_DOCUMENT_HEADS = frozenset(
    "report reports poll polls survey surveys study studies analysis review audit investigation memo"
    " letter ruling court panel board commission committee agency department council".split()
)


def _phrase_at_end(ctx, a: int, b: int) -> _Speaker | None:
    """The noun phrase that ends ``text[a:b]`` after its last preposition, verb or clause
    word ("a lecture from | the Mexican president", "was from | a young child"): up to six
    words, opening with a determiner or a capital, ending in a noun."""
    text = ctx.text
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, a, b)]
    k = len(words)
    while k > 0 and len(words) - k < 6:
        raw = text[words[k - 1][0] : words[k - 1][1]]
        w = _bare(raw)
        if w in _PREPOSITIONS and w not in ("of", "for", "and") and w not in _DETERMINER_WORDS:
            break
        if w in _CLAUSE_WORDS or w in _FINITE or (w.endswith("ing") and k < len(words)):
            break
        prev = _bare(text[words[k - 2][0] : words[k - 2][1]]) if k > 1 else ""
        if w in PRONOUNS or (raw.islower() and w.endswith(("ed", "ing")) and prev not in _DETERMINER_WORDS):
            break  # "heard", "visiting"; but "a retired welder"
        if w in _cue_verbs() and prev not in _DETERMINER_WORDS and k < len(words):
            break  # "the report" is a noun; "Trump said" is a clause
        k -= 1
        if w in _DETERMINER_WORDS and prev not in ("of", "for", "and"):
            break  # a determiner opens the noun phrase ("Voters read | the audit")
    phrase = words[k:]
    while phrase and _bare(text[phrase[0][0] : phrase[0][1]]) in ("of", "for", "and"):
        phrase = phrase[1:]
    if not phrase or len(phrase) > 6:
        return None
    raw = [text[x:y] for x, y in phrase]
    low = [_bare(w) for w in raw]
    head = low[-1]
    if not head.isalpha() or head in _PREPOSITIONS or head in _CONJUNCTIONS or head.endswith("ly"):
        return None
    if low[0] not in _DETERMINER_WORDS and low[0] not in _SUBJECT_START and not _CAP.match(raw[0]):
        return None
    s, e = phrase[0][0], phrase[-1][1]
    if any(w in _DOCUMENT_HEADS for w in low):
        kind = "organization"
    elif _CAP.match(raw[-1]):
        kind = "name"
    else:
        kind = "anonymous"
    return _Speaker(s, e, kind)
