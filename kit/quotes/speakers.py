"""Speakers and channels around a cue: noun phrases, appositives, roles, "told X"."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

from kit.lexicons import match_form
from kit.quotes.limits import MAX_MODIFIED_WORDS, MAX_SPEAKER_WORDS, WINDOW
from kit.quotes.words import (
    _AGE_RE,
    _CAP,
    _CLAUSE_WORDS,
    _CONJUNCTIONS,
    _DETERMINER_WORDS,
    _DOCUMENT_AFTER_RE,
    _DOCUMENT_RE,
    _NAME_MODIFIERS,
    _NOT_VERBS,
    _NP_FUNCTION,
    _NUMBER_WORDS,
    _POSTMODIFIERS,
    _PREPOSITIONS,
    _RELATIVE_WORDS,
    _SUBORDINATORS,
    _TRAILING_ADVERBS,
    _WHEN_RE,
    _WORD,
    PRONOUNS,
    _anonymity_re,
    _audiences,
    _bare,
    _channel_nouns,
    _channel_re,
    _cue_verbs,
    _segments,
    _speaker_nouns,
    _strip,
)
from kit.tokens import stopwords

# ----- helpers --------------------------------------------------------------------


_DATE_AFTER_RE = re.compile(
    r"(?:in|on|since|by)[\s\u00a0]+(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan\.?|Feb\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})"
)


def _common_words() -> frozenset[str]:
    """The shipped stop words: never a name on their own ("The", "Some")."""
    return stopwords()


@dataclass
class _Speaker:
    start: int
    end: int
    kind: str  # pronoun, anonymous, person, organization, name
    role: str | None = None
    anonymous_phrase: bool = False
    aged: bool = False  # an age appositive stood next to it ("Jane Smith, 45,"): a person
    loose: bool = False  # a description whose head noun no list holds ("the businessman")


@dataclass
class _Row:
    kind: str
    content_start: int
    content_end: int
    speaker: _Speaker | None
    cue: str
    cue_start: int
    channel: str | None
    rule: str
    source_type: str | None = None
    speaker_name: str | None = None
    entity_id: int | None = None
    role: str | None = None
    inherited: _Row | None = None
    gender: str | None = None  # "f", "m" or None (unknown), for he/she agreement


def _adverb(word: str) -> bool:
    """An adverb or auxiliary between a speaker and the cue ("also", "has", "famously")."""
    w = _bare(word)
    if word.islower() and w.replace("’", "'") in _AUXILIARIES:
        return True  # "did not say", "would only say", "could deny", "often said"
    return w in _TRAILING_ADVERBS or (
        len(w) > 4 and w.endswith("ly") and word.islower() and w not in _LY_NOUNS
    )


# Nouns that end in "-ly" like an adverb ("the organiser of the rally said").
_LY_NOUNS = frozenset(
    "rally rallies family families ally allies assembly assemblies supply supplies monopoly anomaly"
    " bully bullies belly jelly folly homily".split()
)


# Auxiliaries, negations and frequency words between a speaker and the cue, in lower case
# only ("Will", "May" and "Can" may be names).
_AUXILIARIES = frozenset(
    "did does do would could will can may might should must not only even often always sometimes"
    " didn't doesn't don't won't wouldn't couldn't can't cannot hasn't haven't hadn't".split()
)


class _Context:
    """What the extractor knows about one article: text, sentences, entities, lexicons."""

    def __init__(self, doc, entities: pd.DataFrame | None) -> None:
        self.text = doc.text
        rows = doc.sentences
        self.s_ids = rows["sentence_id"]
        self.s_starts = rows["start_char"]
        self.s_ends = rows["end_char"]
        self.s_paras = rows["paragraph_id"]
        self.s_parts = rows["part"]
        self.mentions = _mentions(entities)
        self.m_starts = [m[0] for m in self.mentions]
        self.titles: dict[int, str] = {}
        for m in self.mentions:
            if m[5] and m[4] not in self.titles:
                self.titles[m[4]] = m[5]
        outlet = doc.metadata.get("outlet") or ""
        # "The Meridian Post" is written "Meridian Post sources" in running text.
        self.outlet = re.sub(r"^the\s+", "", match_form(str(outlet)).strip())

    def sentence_at(self, offset: int) -> int:
        k = bisect.bisect_right(self.s_starts, offset) - 1
        return max(k, 0)

    def mentions_in(self, a: int, b: int) -> list[tuple]:
        lo = bisect.bisect_left(self.m_starts, a - 200)
        out = []
        for m in self.mentions[lo:]:
            if m[0] >= b:
                break
            if m[1] > a and m[0] < b:
                out.append(m)
        return out

    # -- noun phrases ------------------------------------------------------------

    def noun_phrase(self, a: int, b: int) -> _Speaker | None:
        """Return the speaker noun phrase that ``text[a:b]`` is, or None."""
        text = self.text
        a, b = _strip(text, a, b, ' \t\n\r\u00a0,;:—–-"“”')
        words = [(m.start() + a, m.end() + a) for m in _WORD.finditer(text[a:b])]
        if not words:
            return None
        while words and _adverb(text[words[-1][0] : words[-1][1]]):
            words.pop()
        for k in (3, 2, 1):  # a time phrase before the cue: "Officials this week said"
            if len(words) > k and _WHEN_RE.fullmatch(text, words[-k][0], words[-1][1]):
                words = words[:-k]
                break
        if len(words) > 2 and _DATE_AFTER_RE.fullmatch(text, words[-2][0], words[-1][1]):
            words = words[:-2]  # "A poll by Gallup in May found": the date is not the name
        if not words:
            return None
        sp = self._plain_noun_phrase(list(words))
        if sp is None and len(words) <= MAX_MODIFIED_WORDS:
            sp = self._modified_noun_phrase(words)
        return sp

    def _modified_noun_phrase(self, words: list[tuple[int, int]]) -> _Speaker | None:
        """A speaker noun with a modifier after it: "Two people familiar with the plans",
        "A senior official who asked not to be named", "the Department of Transportation"."""
        text = self.text
        lowered = [_bare(text[s:e]) for s, e in words]
        nouns = _speaker_nouns()
        if lowered[0] in _PREPOSITIONS and lowered[0] not in _DETERMINER_WORDS:
            return None
        for k in range(min(len(words) - 1, 5)):
            w = lowered[k]
            if w in nouns and lowered[k + 1] in _POSTMODIFIERS and len(words) > k + 2:
                for v in lowered[:k]:
                    if v in _CLAUSE_WORDS or v in _cue_verbs() or v in PRONOUNS or v in _PREPOSITIONS:
                        return None
                start, end = words[0][0], words[-1][1]
                while end > start and text[end - 1] in ".,;:":
                    end -= 1
                return _Speaker(start, end, nouns[w])
            if w in _CLAUSE_WORDS or w in _cue_verbs() or w in PRONOUNS:
                return None
        return None

    def _plain_noun_phrase(self, words: list[tuple[int, int]]) -> _Speaker | None:
        text = self.text
        # Drop adverbs and auxiliaries between the speaker and the cue.
        while words and _adverb(text[words[-1][0] : words[-1][1]]):
            words.pop()
        if not words:
            return None
        # A clause word means only what follows it can be the speaker ("what he").
        for k in range(len(words) - 1, -1, -1):
            w = _bare(text[words[k][0] : words[k][1]])
            if w in _CLAUSE_WORDS:
                if w in _RELATIVE_WORDS:
                    return None  # "who now leads the movement": a relative clause, not a subject
                words = words[k + 1 :]
                break
        for k in range(len(words) - 2, -1, -1):
            if _bare(text[words[k][0] : words[k][1]]) in _SUBORDINATORS:
                words = words[k + 1 :]  # "after the Fed chairman said": the chairman
                break
        if not words or len(words) > MAX_SPEAKER_WORDS:
            return None
        while len(words) > 1 and _bare(text[words[0][0] : words[0][1]]) in _CONJUNCTIONS:
            words = words[1:]
        first = _bare(text[words[0][0] : words[0][1]])
        if first in _PREPOSITIONS:
            return None
        start, end = words[0][0], words[-1][1]
        while end > start and text[end - 1] in ".,;:":
            end -= 1
        lowered = [_bare(text[s:e]) for s, e in words]
        raw = [text[s:e] for s, e in words]
        if len(words) == 1 and lowered[0] in PRONOUNS:
            return _Speaker(start, end, "pronoun")
        if len(words) == 1 and raw[0][:1].isupper() and lowered[0] in _common_words():
            return _Speaker(start, end, "anonymous")  # "Some argue", "The": a word, not a name
        q = _share_start(lowered)  # "more than 4 in 10", "nearly half": a qualifier first
        if (lowered[q][:1].isdigit() or lowered[q] in _NUMBER_WORDS) and len(words) > q + 1:
            if lowered[q + 1] in ("in", "out", "percent", "%") or lowered[q + 1].isdigit():
                return _Speaker(start, end, "anonymous")  # "Six in 10", "43 percent of voters": a share
        nouns = _speaker_nouns()
        head = lowered[-1]
        if head in nouns:
            for w, r in zip(lowered[:-1], raw[:-1]):
                if w in _CLAUSE_WORDS or w in _cue_verbs() or w in PRONOUNS:
                    return None
                if not _CAP.match(r) and w.endswith("ed") and w not in _NOT_VERBS:
                    return None
            if len(words) > 7 and not self.mentions_in(start, end):
                return None
            return _Speaker(start, end, nouns[head])
        if _CAP.match(raw[-1]):
            for j, (w, r) in enumerate(zip(lowered, raw)):
                if _CAP.match(r) or w in _NP_FUNCTION or w in nouns or w.startswith(("al-", "el-")):
                    continue
                if j == 0 and w in _NAME_MODIFIERS:
                    continue  # "retired Gen. Ramiro Vargas", "former Mayor Ana Ruiz"
                return _role_before_name(start, end, lowered, raw, nouns)
            for j in range(len(words) - 1):
                if not _CAP.match(raw[j]) and lowered[j] in nouns and lowered[j + 1] in _POSTMODIFIERS:
                    # "researchers in Denmark": the noun, not the place, says who speaks
                    return _Speaker(start, end, nouns[lowered[j]])
            if first in _NP_FUNCTION and first not in ("the", "a", "an"):
                return None
            return _Speaker(start, end, "name")
        return None

    def speaker_before(self, a: int, b: int) -> tuple[_Speaker, int, str | None] | None:
        """Find the speaker at the end of ``text[a:b]`` (the words before a cue).

        Returns the speaker, where the content before it ends, and a channel
        found among the parts before the cue.
        """
        text = self.text
        a = max(a, b - WINDOW)
        semi = text.rfind(";", a, b)  # a speaker never spans a semicolon
        segs = (
            _segments(text, a, b) if semi < 0 else [*_segments(text, a, semi), *_segments(text, semi + 1, b)]
        )
        # An age between commas ("Jane Smith, 45, a nurse, said") is never the speaker.
        ages = [seg for seg in segs[1:] if _AGE_RE.fullmatch(text, *seg)]
        segs = [seg for seg in segs if seg not in ages]
        if segs and all(_adverb(w) for w in text[segs[-1][0] : segs[-1][1]].split()):
            # "Haldane's lawyer, Martin Osei, had argued": the auxiliary stands alone.
            b = segs[-1][0]
            segs.pop()
        channel = None
        i = len(segs) - 1
        # Skip a channel part standing between the speaker and the cue.
        while i >= 0:
            s, e = segs[i]
            m = _channel_re().match(text, s, e)
            if m and m.end() == e:
                channel = text[s:e]
                i -= 1
                continue
            break
        if i < 0:
            return None
        s, e = segs[i]
        trailing_comma = text[e:b].strip().startswith((",", "—", "–"))
        found = None
        if trailing_comma and i > 0 and not _CAP.match(text[s]):
            # "Name, appositive, said": the appositive is the role.
            ps, pe = segs[i - 1]
            prev = self.noun_phrase(ps, pe)
            if prev is not None and prev.kind != "pronoun":
                prev.role = text[s:e].rstrip(" .;:")
                prev.aged = any(ps < x < e for x, _ in ages)
                found = (prev, ps)
        if found is None and trailing_comma and i > 0 and _CAP.match(text[s]):
            # "Lord Bach, Minister for Defence Procurement, said": an appositive that starts
            # with a capital, headed by a role noun, after a name: the name speaks.
            ps, pe = segs[i - 1]
            words = text[s:e].split()
            role = _speaker_nouns().get(_bare(words[0])) in ("person", "anonymous")
            if words[0].endswith(("'s", "’s", "s'", "s’")) and 1 < len(words) <= 12:
                # "Tad Devine, Sanders's chief strategist, said": a lower-case noun after
                # the possessor heads the role
                post = [k for k, w in enumerate(words) if k > 1 and _bare(w) in _POSTMODIFIERS]
                last = words[(post[0] if post else len(words)) - 1].rstrip(".,;:")
                role = last.isalpha() and last.islower() and _bare(last) not in _cue_verbs()
            prev = self.noun_phrase(ps, pe) if role else None
            if prev is not None and prev.kind == "name":
                prev.role = text[s:e].rstrip(" .;:")
                found = (prev, ps)
        if found is None:
            sp = self.noun_phrase(s, e)
            if sp is None:
                return None
            sp.aged = any(e < x < b for x, _ in ages)
            found = (sp, segs[i][0])
        sp, content_end = found
        if channel is None:
            for cs, ce in segs[:i]:
                m = _channel_re().match(text, cs, ce)
                if m and m.start() == cs and text[cs].isupper():
                    channel = text[cs:ce]
        window = match_form(text[sp.start : b])
        if _anonymity_re().search(window):
            sp.anonymous_phrase = True
        return sp, content_end, channel

    def speaker_after(self, a: int, b: int) -> _Speaker | None:
        """The speaker right after an inverted cue: ``said Dr. Jane Doe, a virologist``."""
        text = self.text
        b = min(b, a + WINDOW)
        m = _DOCUMENT_RE.match(text, a, b)
        if m:  # "according to figures from the exchange": the exchange speaks
            a = m.end()
        segs = _segments(text, a, b)
        if not segs:
            return None
        s, e = segs[0]
        m = _channel_re().search(text, s, e)
        if m:
            e = m.start()
        doc = _DOCUMENT_AFTER_RE.search(text, s, e)
        if doc and doc.end() == e and doc.start() > s:
            e = doc.start()  # "according to port authority figures": the port authority speaks
        sp = self.noun_phrase(s, e)
        if sp is not None and text[e - 1 : e] == ".":
            alt = self.noun_phrase(s, e - 1)
            if alt is not None and alt.end < e - 1:
                sp = alt  # "said Ana Ruiz on Monday.": the time is not part of the name
        aged = len(segs) > 1 and _AGE_RE.fullmatch(text, *segs[1]) is not None
        if sp is not None and aged:
            sp.aged = True
            segs = segs[:1] + segs[2:]
        if sp is None or (sp.kind == "pronoun" and text[s] != text[s].lower()):
            return sp
        if sp is not None and len(segs) > 1:
            rs, re_ = segs[1]
            if not _CAP.match(text[rs]) and not _channel_re().match(text, rs, re_):
                sp.role = text[rs:re_].rstrip(" .;:")
        if sp is not None and _anonymity_re().search(match_form(text[a:b])):
            sp.anonymous_phrase = True
        return sp

    def channel_after(self, a: int, b: int, cue: str) -> tuple[str | None, int]:
        """Read a channel (or, after 'told', the audience) right after a cue at ``a``."""
        text = self.text
        b = min(b, a + WINDOW)
        p = a
        while p < b and text[p] in " \t\u00a0,":
            p += 1
        m = _channel_re().match(text, p, b)
        if m:
            end = m.end()
            cut = text.find(" that ", m.start(), end)
            if cut != -1:
                end = cut
            return text[m.start() : end].rstrip(), end
        if cue in ("told", "tells", "tell", "telling"):
            low = match_form(text[p:b])
            for aud in _audiences():
                if low.startswith(aud) and (len(low) == len(aud) or not low[len(aud)].isalnum()):
                    return text[p : p + len(aud)], p + len(aud)
            # Up to "that" or a comma: an outlet or a phrase ending in a channel noun.
            stop = len(low)
            for sep in (" that ", ",", ";", ".", "“", '"'):
                k = low.find(sep)
                if k != -1:
                    stop = min(stop, k)
            words = low[:stop].split()
            if 0 < len(words) <= 8:
                if words[-1] in _channel_nouns() or low[stop : stop + 6] == " that ":
                    return text[p : p + stop], p + stop
                named = [w for w in text[p : p + stop].split() if w not in ("the", "The")]
                if named and all(_CAP.match(w) for w in named):  # "told the BBC."
                    return text[p : p + stop], p + stop
            capital = re.match(r"(?:The\s+)?(?:[A-Z][\w’'&.-]*\s*){1,4}", text[p : min(b, p + 80)])
            if capital:
                return text[p : p + capital.end()].rstrip(), p + len(text[p : p + capital.end()].rstrip())
            return None, a
        return None, a


def _role_before_name(start: int, end: int, lowered: list[str], raw: list[str], nouns) -> _Speaker | None:
    """A role in lower case before a capitalised name: "Republican presidential nominee Donald
    Trump", "psychotherapist Fran Sherman", "the group's managing director Tim Osborne". The
    words before the name hold no clause word, pronoun, preposition, cue or verb form."""
    k = len(raw)
    while k > 0 and _CAP.match(raw[k - 1]):
        k -= 1
    if k == 0 or k == len(raw) or k > 6:
        return None
    for j in range(k):
        w = lowered[j]
        if _CAP.match(raw[j]) or w in nouns or w in _DETERMINER_WORDS:
            continue
        if w in _CLAUSE_WORDS or w in PRONOUNS or w in _PREPOSITIONS or w in _cue_verbs() or w.endswith("ly"):
            return None
        if w.endswith("ed") and w not in _NOT_VERBS:
            return None
        if w.endswith("ing") and (j + 1 >= k or lowered[j + 1] not in nouns):
            return None
    if not any(lowered[j] in nouns or _CAP.match(raw[j]) for j in range(k)) and k > 2:
        return None
    return _Speaker(start, end, "name")


def _mentions(ents: pd.DataFrame | None) -> list[tuple]:
    """Entity mentions ``(start, end, name, type, entity_id, title)`` sorted by start."""
    if ents is None:  # no entity table: speakers keep the words as written
        return []
    titles = ents["title"].tolist() if "title" in ents else [None] * len(ents)
    out = [
        (int(a), int(b), str(name), str(kind), int(eid), None if t is None or pd.isna(t) else str(t))
        for a, b, name, kind, eid, t in zip(
            ents["start_char"].tolist(),
            ents["end_char"].tolist(),
            ents["name"].tolist(),
            ents["type"].tolist(),
            ents["entity_id"].tolist(),
            titles,
        )
    ]
    out.sort()
    return out


# Words before a share of people: "more than 4 in 10", "nearly 6 in 10", "about 40 percent".
_SHARE_QUALIFIERS = frozenset("more fewer less than nearly almost about roughly over under only just".split())


def _share_start(lowered: list[str]) -> int:
    """The index of the number in a share of people after its qualifiers (0 without any)."""
    k = 0
    while k < min(len(lowered) - 1, 2) and lowered[k] in _SHARE_QUALIFIERS:
        k += 1
    return k
