"""Sentences, found with NLTK's Punkt and the kit's own parameters.

Punkt (Kiss and Strunk, 2006, "Unsupervised Multilingual Sentence Boundary
Detection", *Computational Linguistics* 32(4)) decides whether a full stop
ends a sentence from what it knows about the word before it (an abbreviation?
an initial? a number?) and the word after it (a frequent sentence starter?).
NLTK normally learns that knowledge from a corpus it downloads; the kit needs
no download, so it writes the knowledge down itself:

* :data:`ABBREVIATIONS`, news abbreviations whose full stop does not end a
  sentence (``U.S.``, ``Gen.``, ``a.m.``, ``Oct.``, single-letter initials);
* :data:`SENTENCE_STARTERS`, words that, capitalised after an abbreviation,
  do start a new sentence (``in the U.S. The strikes ...``).

Sentences never cross paragraphs: each analysed part of the page (headline,
caption, body paragraph) is split on its own. The ``rule`` column says why a
sentence ends: ``punkt`` (Punkt found a boundary inside the paragraph) or
``paragraph_end``.
"""

from __future__ import annotations

import string
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = ["ABBREVIATIONS", "SENTENCE_STARTERS", "sentence_spans"]

ABBREVIATIONS = frozenset(
    # Countries and organisations written with stops.
    ["u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "n.y", "l.a"]
    # Ranks and titles.
    + ["gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig"]
    + ["sen", "rep", "gov", "lt.gen", "lt.col", "pres", "amb", "prof", "rev", "hon"]
    + ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "messrs", "mt", "ft"]
    # Companies and addresses.
    + ["co", "inc", "corp", "ltd", "plc", "bros", "dept", "univ", "assn", "ave", "blvd"]
    # Times, numbers and references.
    + ["a.m", "p.m", "no", "nos", "vol", "approx", "est", "vs", "etc", "e.g", "i.e", "cf"]
    # Months (AP style) and weekdays.
    + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    + ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    # US states, AP style.
    + ["ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind"]
    + ["kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev"]
    + ["okla", "ore", "pa", "tenn", "va", "vt", "wash", "wis", "wyo"]
    # Single-letter initials (George W. Bush, J. K. Rowling).
    + list(string.ascii_lowercase)
)
"""Abbreviations, lower case and without their final stop, as Punkt stores them."""

SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i you his her its their this that these those"
    " but and or so yet in on at for after before when while since as if"
    " there here meanwhile however also still officials police".split()
)
"""Lower-case words that start a new sentence when capitalised after an abbreviation."""


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` into sentences.

    Returns ``(start_char, end_char, rule)`` for each sentence, with offsets
    into ``text``.

    Examples
    --------
    >>> s = "Gen. Kurilla spoke at 9 a.m. on Tuesday. Then he left."
    >>> [s[a:b] for a, b, _ in sentence_spans(s, 0, len(s))]
    ['Gen. Kurilla spoke at 9 a.m. on Tuesday.', 'Then he left.']
    """
    chunk = text[start:end]
    spans = [(start + a, start + b) for a, b in _tokenizer().span_tokenize(chunk)]
    spans = [(a, b) for a, b in spans if b > a]
    if not spans:
        return []
    return [(a, b, "punkt") for a, b in spans[:-1]] + [(*spans[-1], "paragraph_end")]
