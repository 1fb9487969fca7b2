"""Tagging each token by shape and lexicon, and the chunk grammar over the tags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from nltk.chunk import RegexpParser
from nltk.tag import RegexpTagger

from kit.entities.lexicons import _key, _Lexicons, _lexicons
from kit.entities.words import _AND, _CONNECTORS, _DETERMINERS, _PARTICLES
from kit.tokens import stopwords

_UPPER = "A-ZÀ-ÖØ-Þ"
_SHAPES = [
    (r"^[(\[]$", "LP"),
    (r"^[)\]]$", "RP"),
    (r"^,$", "CM"),
    (r"^['’]s$", "POS"),
    (r"^[\"“”‘’'«»]+$", "Q"),
    (r"^&$", "AMP"),
    (r"^\d[\d,.:/]*$", "NUM"),
    (rf"^[{_UPPER}]\.$", "INI"),  # J. in John F. Kennedy
    (rf"^(?:[{_UPPER}]\.){{2,}}$", "ACR"),  # U.S., U.N.
    (rf"^[{_UPPER}][{_UPPER}0-9&]{{1,7}}$", "ACR"),  # US, PMU, CENTCOM
    (rf"^(?:al|el|ad|an|as|ash|at|az|ar|bin|ibn|abu|bani|ben)-[{_UPPER}]", "CAP"),  # al-Sumaria
    (rf"^[{_UPPER}][^\s-]*$", "CAP"),
    (rf"^[{_UPPER}][^\s]*-[{_UPPER}][^\s]*$", "CAP"),  # Al-Aqsa, Guinea-Bissau
    (r"^[^\w\s]+$", "PU"),
    (r"", "O"),
]


@cache
def _shape_tagger() -> RegexpTagger:
    return RegexpTagger(_SHAPES)


_HEAD_TAG = {"ORGANIZATION": "ORGW", "FACILITY": "FACW", "LOCATION": "LOCW", "EVENT": "EVTW"}
_HEAD_TAGS = frozenset(_HEAD_TAG.values())
_NAME_TAGS = frozenset({"CAP", "GIVEN", "GEO", "DEM", "ACR", "INI", "TTL", "HON", "TMOD", "KN"}) | _HEAD_TAGS
_PERSON_PART_TAGS = frozenset({"CAP", "GIVEN", "GEO", "INI", "PRT"})

GRAMMAR = r"""
NAME: {<NP|TTL|CAP|TMOD|ORGW|FACW|LOCW|EVTW>*<ORGW|FACW|LOCW|EVTW><CONN|AMP><DT>?<NP|TTL|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+(<CONN|AMP><DT>?<NP|TTL|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+|<AND><CAP|ORGW|FACW|LOCW|EVTW>+)*}
      {<DT><CAP|ORGW|FACW|LOCW|EVTW>+<AND><CAP|TMOD|ORGW|FACW|LOCW|EVTW>*<TTL>}
      {<CAP|ORGW|FACW|LOCW|EVTW>+<AND><CAP|TMOD>*<ORGW|FACW|LOCW|EVTW>(<CONN><DT>?<NP|TTL|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+)*}
      {<NP|TTL|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+(<PRT|AMP><NP|TTL|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+)*}
"""
"""The chunk grammar (NLTK RegexpParser). CAP is a capitalised word, TMOD a
capitalised title modifier ("Foreign", "Deputy"), TTL a title ("President",
"Secretary"), NP any other name token (given name, place, demonym, acronym, initial,
honorific, known alias); ORGW, FACW, LOCW and EVTW are head words; CONN is "of", "for" or
"de", AND "and" (only between capitalised words before a head word, "Disaster and
Emergency Management Authority", or after "the" and before an office word, "the Trade
and Industry Secretary", which holds no name; or after a head word's "of" or "for" phrase,
"Department for Education and Skills", and then only before capitalised words or
head words: "Ministry of Defence and Foreign Office" stays two names), PRT a name
particle ("bin", "van"), AMP "&", DT "the" (a determiner)."""


@cache
def _chunker() -> RegexpParser:
    return RegexpParser(GRAMMAR)


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    key: str
    tag: str = "O"
    doubtful: bool = False
    known: tuple[int, int] | None = None  # span (in token indices) of a known phrase


_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][a-z]{1,4}$")  # "(I-Vt.)", "(D-Calif.)": a party and a state


def _is_plural_title(key: str, lex: _Lexicons) -> bool:
    """True for the plural of a title or role ("mps", "senators", "representatives")."""
    return key.endswith("s") and lex.titles.get(key[:-1]) in ("title", "role")


def _tag_token(tok: _Tok, lex: _Lexicons, shape: str) -> str:
    key = tok.key
    if shape == "CAP" or shape == "ACR" or shape == "INI":
        if key in lex.nonnames or _PARTY_STATE.match(tok.text):
            return "O"
        kind = lex.titles.get(key)
        if kind in ("honorific",):
            return "HON"
        if kind == "title" or (kind == "role" and shape == "ACR"):
            return "TTL"  # President, General; CEO, MP
        if kind in ("role", "modifier") and shape != "ACR":
            return "TMOD"
        if key in lex.heads and shape != "INI":
            return _HEAD_TAG[lex.heads[key]]
        if (key,) in lex.demonyms:
            return "DEM"
        if (key,) in lex.places or (key,) in lex.aliases:
            return "GEO" if (key,) in lex.places else shape if shape == "ACR" else "CAP"
        if key in lex.given:
            return "GIVEN"
        if _is_plural_title(key, lex):
            return "O"  # a plural office word is no name: "MPs", "Senators", "Ministers"
        return shape
    if key in _CONNECTORS:
        return "CONN"
    if key in _AND:
        return "AND"
    if key in _PARTICLES:
        return "PRT"
    if key in _DETERMINERS:
        return "DT"
    kind = lex.titles.get(key)
    if kind in ("role", "title", "honorific"):
        return "ROLE"
    if kind == "modifier":
        return "MOD"
    if shape in ("LP", "RP", "CM", "POS", "Q", "AMP", "NUM", "PU"):
        return shape
    if key in lex.heads and key == "plc":
        return "ORGW"
    return "O"


@lru_cache(maxsize=1 << 16)
def _token_tag(tok: str) -> tuple[str, str]:
    """The matching key and the tag of one token (the same wherever it stands)."""
    return _token_tag_with(tok, _lexicons())


def _token_tag_with(tok: str, lex: _Lexicons) -> tuple[str, str]:
    """The matching key and the tag of one token, with the given lexicons (not cached)."""
    t = _Tok(0, 0, tok, _key(tok))
    tag = _tag_token(t, lex, _shape_tagger().tag([tok])[0][1])
    if tok[:1].isupper() and t.key in stopwords() and tag in ("CAP", "ACR", "O"):
        tag = "DT" if t.key in _DETERMINERS else "O"  # "The", "At": never names
    return t.key, tag


def _is_title_case(toks: list[_Tok]) -> bool:
    """True for a headline Written Like This (every content word capitalised)."""
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) > 3 and t.key not in stopwords()]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) >= 0.8


_DOUBT_TAGS = frozenset({"CAP", "TMOD", "ACR", "INI"}) | _HEAD_TAGS  # need evidence when doubtful
_CHUNK_TAG = {t: "NP" for t in _NAME_TAGS - _HEAD_TAGS - {"CAP", "TMOD", "TTL"}}
_INSIDE_TAGS = frozenset({"CONN", "PRT", "AMP", "DT", "AND"})
