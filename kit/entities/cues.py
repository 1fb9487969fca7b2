"""A mention, and the context cues of one sentence: what the words around a name say it is."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from kit.entities.lexicons import _Lexicons
from kit.entities.tagging import _NAME_TAGS, _Tok
from kit.entities.words import (
    _CIVIC_NOUNS,
    _DASHES,
    _DIRECTIONS,
    _LOCATION_NOUNS,
    _MAX_APPOSITIVE_TOKENS,
    _MAX_TITLE_TOKENS,
    _MOTION_VERBS,
    _OF_PLACE,
    _ORG_AFTER,
    _ORG_NOUNS,
    _PERSON_PRONOUNS,
    _PLACE_CUE_PREPS,
    _PLACE_NOUNS,
    _PLACE_POSSESSED,
    _PLACE_SUFFIXES,
    _PRODUCT_NOUNS,
    _PRONOUN_WINDOW,
    _SAID,
    _STAKE_NOUNS,
    _WORK_NOUNS,
)
from kit.lexicons import match_form
from kit.tokens import stopwords


@dataclass
class _Mention:
    start: int
    end: int
    sentence_id: int
    type: str
    found: str  # the rule that found it
    tok_start: int  # token indices in the sentence (half-open)
    tok_end: int
    title: str | None = None
    group: str | None = None  # a lexicon key that links it
    pending: bool = False  # a single word whose type waits for the surname rule
    cue_type: str | None = None  # the type its context suggests, if no link decides


def _text(article_text: str, toks: list[_Tok], i: int, j: int) -> str:
    return article_text[toks[i].start : toks[j - 1].end]


class _Cues:
    """One sentence's tokens, tags and mentions, and the cues its context gives."""

    def __init__(self, sid: int, toks: list[_Tok], text: str, lex: _Lexicons):
        self.sid = sid
        self.toks = toks
        self.text = text
        self.lex = lex
        self.mentions: list[_Mention] = []

    # -- helpers
    def tag(self, i: int) -> str:
        return self.toks[i].tag if 0 <= i < len(self.toks) else "END"

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def phrase(self, i: int, j: int) -> tuple[str, ...]:
        return tuple(match_form(t.text) for t in self.toks[i:j])

    def add(self, i: int, j: int, typ: str, found: str, **kw) -> _Mention:
        m = _Mention(self.toks[i].start, self.toks[j - 1].end, self.sid, typ, found, i, j, **kw)
        self.mentions.append(m)
        return m

    def is_dateline(self, j: int) -> bool:
        """True when ``j`` follows a dateline's place: "COLUMBUS, Ohio (AP) --", "VELMONT --"."""
        if self.tag(j) == "CM" and self.tag(j + 1) in ("GEO", "KN"):
            return True
        return 0 <= j < len(self.toks) and self.toks[j].text in _DASHES

    def place_cue(self, i: int, j: int) -> tuple[str, str] | None:
        """The place type and rule the context of the chunk ``i:j`` suggests, if any.

        "the port of Arica", "the island of Cebu", "Iloilo City", "Iloilo province",
        "Muncie, Indiana", "in La Paz", "flew to Harbridge", "northern Panay"."""
        toks = self.toks
        if self.key(i - 1) == "of" and self.key(i - 2) in _OF_PLACE:
            return _OF_PLACE[self.key(i - 2)], "cue:place_noun"
        if j - i > 1 and toks[j - 1].key in _PLACE_SUFFIXES:
            return "GPE", "cue:place_noun"
        if self.key(j) in _PLACE_NOUNS or self.key(j) in _CIVIC_NOUNS:
            return "GPE", "cue:place_noun"
        if self.key(j) in _LOCATION_NOUNS:
            return "LOCATION", "cue:place_noun"
        if self.tag(j) == "POS" and self.key(j + 1) in _PLACE_POSSESSED:
            return "GPE", "cue:place_noun"
        if self.tag(j) == "CM" and self.tag(j + 1) in ("GEO", "KN") and self.tag(j + 2) != "POS":
            nxt = toks[j + 1]
            span = nxt.known or (j + 1, j + 2)
            known = self.lex.known(self.phrase(*span))
            if known and known[1] == "GPE" and known[0] == "lexicon:place":
                return "GPE", "cue:region_after"
        prev = self.key(i - 1)
        if self.tag(j) == "POS":
            return None  # "in Volkov's case": the preposition governs "case", not the name
        if (prev in _PLACE_CUE_PREPS and (j - i == 1 or prev != "from")) or (
            prev == "to" and self.key(i - 2) in _MOTION_VERBS
        ):
            return "GPE", "cue:preposition"
        if prev in _DIRECTIONS and self.tag(i - 1) == "O":
            return "GPE", "cue:preposition"
        return None

    def pronoun_cue(self, j: int) -> str | None:
        """The type the first pronoun after token ``j`` suggests: "it"/"its" an organisation,
        "he"/"she" a person ("Halvorsen has said it will keep both brands")."""
        toks = self.toks
        if self.tag(j) == "CM" and self.key(j + 1) in ("which", "who"):
            return "ORGANIZATION" if self.key(j + 1) == "which" else "PERSON"
        said = False
        for n in range(j, min(j + _PRONOUN_WINDOW, len(toks))):
            key, tag = toks[n].key, toks[n].tag
            if tag == "Q" or (tag in _NAME_TAGS and not toks[n].doubtful):
                return None
            if key in _SAID:
                said = True
            elif key in _PERSON_PRONOUNS:
                return "PERSON"
            elif key in ("its", "itself") or (key == "it" and said):
                return "ORGANIZATION"
        return None

    def org_cue(self, i: int, j: int) -> bool:
        """True when an organisation noun names the chunk's kind: "the journal Nature",
        "al-Sumaria television", "the White Helmets, a civil defence group"; or a company's
        shares: "shares in Ask Jeeves", "Ask Jeeves shares", "Pernod's shareholders"."""
        if self.key(j) in _ORG_NOUNS or (self.key(i - 1) in _ORG_NOUNS and self.tag(i - 2) == "DT"):
            return True
        if self.key(i - 1) in ("in", "of") and self.key(i - 2) in _STAKE_NOUNS:
            return True
        if self.key(j) in _ORG_AFTER or (self.tag(j) == "POS" and self.key(j + 1) in _ORG_AFTER):
            return True
        if self.key(j) == "campaign" and j - i > 1:
            return True  # "the Save Our Births campaign" (but "the Biden campaign" names a person)
        if self.tag(j) == "CM" and self.tag(j + 1) == "DT":
            window = [self.key(n) for n in range(j + 2, min(j + 7, len(self.toks)))]
            for w, nxt in pairwise([*window, ""]):
                if w in _ORG_NOUNS and nxt != "'s":
                    return True  # not a possessor: "the union's general secretary" is a role
                if w in (",", ".", "said", "who", "which", "that"):
                    break
        return False

    def heads_phrase(self, j: int) -> bool:
        """True when the name ending before token ``j`` ends its noun phrase: what follows is
        punctuation, a function word or a verb ("the Federal Reserve said", "... has"), not a
        common noun the name modifies ("the Pine Hollow branch", "the Obama administration")."""
        if j >= len(self.toks):
            return True
        t = self.toks[j]
        if not t.text[:1].isalpha() or not t.text[:1].islower():
            return True
        return t.key in stopwords() or t.key in _SAID or t.key.endswith("ed")

    def product_cue(self, i: int, j: int) -> str | None:
        """What a product or work after the name makes of it: "drop" for the product's own
        name ("the Harry Potter books", "Airbus A380", "a Boeing 747"), "maker" for one word
        before a product noun ("Boeing jets"), None otherwise."""
        toks = self.toks
        model = any(t.tag == "ACR" and any(c.isdigit() for c in t.text) for t in toks[i:j])
        nxt = toks[j].text if j < len(toks) else ""
        number = nxt.isdigit() and len(nxt) >= 3 and not 1800 <= int(nxt) <= 2100
        if model or (number and j - i == 1):
            return "drop"
        if self.key(j) in _PRODUCT_NOUNS:
            return "drop" if j - i > 1 else None  # one word: the list rule decides ("the A and B lines")
        if self.key(j) in _WORK_NOUNS:
            return "maker" if j - i == 1 else "drop"
        return None

    def extend_title_left(self, i: int) -> int:
        """Return where a title that ends at token ``i`` (inclusive) starts."""
        toks = self.toks
        n, limit = i, max(0, i - _MAX_TITLE_TOKENS)
        while n > limit:
            prev = toks[n - 1]
            if prev.tag in ("ROLE", "MOD", "TMOD", "TTL", "HON", "POS", "CONN") or prev.tag in _NAME_TAGS:
                if prev.tag == "CONN" and not (n - 2 >= 0 and toks[n - 2].tag in ("ROLE", "TMOD", "TTL")):
                    break
                n -= 1
            elif prev.tag == "DT":
                n -= 1
                break
            elif prev.tag == "O" and "-" in prev.text and not prev.doubtful:
                n -= 1  # a hyphenated modifier: "Arabic-language", "Iran-backed"
            else:
                break
        while n < i and toks[n].tag in ("CONN", "POS"):
            n += 1
        return n

    def has_appositive(self, j: int) -> int:
        """Return the end of ", <role> ...," after token ``j`` (exclusive), or 0."""
        toks = self.toks
        if self.tag(j) != "CM":
            return 0
        n = j + 1
        while n < len(toks) and toks[n].tag == "DT":
            n += 1
        # a role word must come within four tokens ("head", "the company's chief executive")
        window = range(n, min(n + 4, len(toks)))
        if not any(
            toks[w].tag in ("ROLE", "TTL")
            or (
                toks[w].tag == "TMOD"
                and toks[w].key in self.lex.titles
                and self.lex.titles[toks[w].key] != "modifier"
            )
            for w in window
        ):
            return 0
        depth, end = 0, n
        while end < len(toks) and end - j <= _MAX_APPOSITIVE_TOKENS:
            tg = toks[end].tag
            if tg == "LP":
                depth += 1
            elif tg == "RP":
                depth -= 1
            elif (tg == "CM" and depth <= 0) or tg == "Q" or toks[end].key in _SAID:
                break
            end += 1
        if end == len(toks) and end - j <= _MAX_APPOSITIVE_TOKENS + 1 and toks[-1].key in (".", "!", "?"):
            return end - 1  # the appositive ends the sentence: "..., the union's general secretary."
        if end - j > _MAX_APPOSITIVE_TOKENS or end >= len(toks) or toks[end].tag != "CM":
            if not (end < len(toks) and toks[end].key in _SAID):
                return 0
        return end

    def add_appositive(self, m: _Mention) -> None:
        end = self.has_appositive(m.tok_end)
        if end:
            role = _text(self.text, self.toks, m.tok_end + 1, end)
            m.title = f"{m.title}, {role}" if m.title else role
