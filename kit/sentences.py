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

A paragraph longer than :data:`MAX_WINDOW` characters (a pasted data dump, a
text with no punctuation) is read in windows, so that the time stays linear:
each window ends at the last full stop, question or exclamation mark followed
by a capital letter (rule ``long_paragraph``), or, where the window has none,
at its last space (rule ``length_limit``, with a
:class:`SentenceLengthWarning`: the kit had to cut a sentence it could not
find the end of).
"""

from __future__ import annotations

import re
import string
import warnings
from functools import lru_cache

from kit.errors import KitWarning

__all__ = ["ABBREVIATIONS", "MAX_WINDOW", "SENTENCE_STARTERS", "SentenceLengthWarning", "sentence_spans"]

MAX_WINDOW = 5_000
"""Longest stretch of a paragraph Punkt reads at once (a long news paragraph is
under 1,500 characters)."""

_LIKELY_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z])")


class SentenceLengthWarning(KitWarning):
    """A paragraph ran so long without a sentence end that the kit cut it."""


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
def _tokenizer():
    # NLTK is imported on first use, so that ``import kit`` stays fast.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


# A full stop after a plain lower-case word (not an abbreviation), then white
# space and a capital: Punkt always splits there, whatever else the paragraph
# holds, because its decision for a token depends only on that token and the
# next. Cutting there first lets Punkt skip the slow part of its work (the
# context of every candidate) for the many sentences that end this way.
_CERTAIN_END = re.compile(r"(?<![^\s(\"“‘'])([a-z]+(?:-[a-z]+)*)\.(?=\s+[A-Z])")
_MAYBE_END = re.compile(r"[.?!]")


def _certain_cuts(chunk: str) -> list[int]:
    """Offsets just after the full stops where Punkt is sure to end a sentence."""
    cuts = []
    for m in _CERTAIN_END.finditer(chunk):
        word = m.group(1)
        if word not in ABBREVIATIONS and word.rsplit("-", 1)[-1] not in ABBREVIATIONS:
            cuts.append(m.end())
    return cuts


def _punkt_piece(chunk: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and chunk[start].isspace():
        start += 1
    piece = chunk[start:end].rstrip()
    if not piece:
        return []
    if not _MAYBE_END.search(piece, 0, len(piece) - 1):
        # No candidate boundary before its last character: one sentence.
        return [(start, start + len(piece))]
    return [(start + a, start + b) for a, b in _tokenizer().span_tokenize(piece)]


def _punkt_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    try:
        spans = []
        last = 0
        for cut in [*_certain_cuts(chunk), len(chunk)]:
            spans.extend(_punkt_piece(chunk, last, cut))
            last = cut
    except TimeoutError:  # NLTK's guard against pathological input
        spans = []
        last = 0
        for m in _LIKELY_END.finditer(chunk):
            spans.append((last, m.start() + len(m.group(0).rstrip())))
            last = m.end()
        spans.append((last, len(chunk.rstrip())))
    return [(start + a, start + b) for a, b in spans if b > a]


# A short abbreviation in brackets that ends with a full stop: "(R-S.C.)", "(D-Ohio.)".
_BRACKETED_ABBREVIATION = re.compile(r"\([^\s()]{1,12}\.\)$")


def _join_bracketed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that ends with an abbreviation in brackets to the next one when
    that starts in lower case ("Sen. Lindsey Graham (R-S.C.) said ..."): the stop belongs
    to the abbreviation, a news sentence starts with a capital."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            out
            and text[a : a + 1].islower()
            and _BRACKETED_ABBREVIATION.search(text, max(out[-1][0], out[-1][1] - 16), out[-1][1])
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _windows(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Cut a long paragraph into windows Punkt can read in linear time."""
    windows = []
    pos = start
    while end - pos > MAX_WINDOW:
        limit = pos + MAX_WINDOW
        cut = None
        for m in _LIKELY_END.finditer(text, pos, limit):
            cut = m
        if cut is not None:
            stop, rule, resume = cut.start() + len(cut.group(0).rstrip()), "long_paragraph", cut.end()
        else:
            space = text.rfind(" ", pos + 1, limit)
            stop = space if space > pos else limit
            rule, resume = "length_limit", stop
        windows.append((pos, stop, rule))
        while resume < end and text[resume].isspace():
            resume += 1
        pos = resume
    windows.append((pos, end, "paragraph_end"))
    return windows


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` into sentences.

    Returns ``(start_char, end_char, rule)`` for each sentence, with offsets
    into ``text``.

    Examples
    --------
    >>> s = "Gen. Kurilla spoke at 9 a.m. on Tuesday. Then he left."
    >>> [s[a:b] for a, b, _ in sentence_spans(s, 0, len(s))]
    ['Gen. Kurilla spoke at 9 a.m. on Tuesday.', 'Then he left.']
    >>> s = "Sen. Ana Ruiz (D-N.M.) said the vote counts. Then she left."
    >>> [s[a:b] for a, b, _ in sentence_spans(s, 0, len(s))]
    ['Sen. Ana Ruiz (D-N.M.) said the vote counts.', 'Then she left.']
    """
    result: list[tuple[int, int, str]] = []
    cut = 0
    for w_start, w_end, w_rule in _windows(text, start, end):
        spans = _join_bracketed(text, _punkt_spans(text, w_start, w_end))
        if not spans:
            continue
        result.extend((a, b, "punkt") for a, b in spans[:-1])
        result.append((*spans[-1], w_rule))
        cut += w_rule == "length_limit"
    if cut:
        warnings.warn(
            f"A paragraph of {end - start:,} characters (from offset {start}) ran past"
            f" {MAX_WINDOW:,} characters {cut} time(s) without a sentence end, so the kit"
            " cut it at a space (rule 'length_limit' in article.sentences). If this is"
            " real text, check that its full stops survived the copy.",
            SentenceLengthWarning,
            stacklevel=2,
        )
    return result
