"""Word tokens, found with one documented pattern in NLTK's RegexpTokenizer style.

NLTK's ``word_tokenize`` needs Punkt data that the kit never downloads, and
its Treebank tokenizer realigns tokens to the text after rewriting it, which
is slow. The kit instead writes one pattern, :data:`TOKEN_PATTERN`, that
follows the Penn Treebank conventions news corpora use, and reads each
token's span straight from the match. ``nltk.tokenize.RegexpTokenizer(
TOKEN_PATTERN).span_tokenize(text)`` gives exactly the same spans (a test
holds this); the kit runs the pattern with Python's ``re`` because it is
linear by construction and NLTK's per-match time-out guard triples the cost.
The branches of the pattern are the rules:

``url``
    Web addresses stay whole: ``www.presstv.co.uk``.
``abbreviation``
    Letters with stops stay whole (``U.S.``, ``a.m.``), as do the news
    abbreviations of :data:`kit.sentences.ABBREVIATIONS` (``Gen.``, ``Oct.``).
``number``
    Digits with their separators and a hyphenated unit: ``20,674``, ``1:45``,
    ``14.3-billion``. A currency sign is a token of its own: ``$``.
``negation`` and ``clitic``
    Split off as in the Treebank: ``don’t`` is ``do`` + ``n’t``; ``Gaza’s``
    is ``Gaza`` + ``’s`` (``’s``, ``’re``, ``’ve``, ``’ll``, ``’d``, ``’m``).
``word``
    Letters and digits, with inner hyphens and apostrophes: ``anti-terror``,
    ``Kata’ib``, ``al-Sha’abi``.
``punctuation``
    Every other character on its own, except ``...`` and ``--``, which stay
    together.

The ``rule`` column of the tokens table names the branch that matched.
Stop words are flagged, not removed, from the list shipped in
``kit/data/stopwords_en.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kit.lexicons import match_form, read_lexicon
from kit.sentences import ABBREVIATIONS

__all__ = ["TOKEN_PATTERN", "is_punctuation", "is_stop", "nltk_tokenizer", "stopwords", "token_spans"]

_APOS = "['\u2019]"
_CLITICS = r"(?:s|re|ve|ll|d|m)"

TOKEN_PATTERN = rf"""(?x)
  (?P<url>(?:https?://|www\.)[^\s"“”'‘’<>()]+[^\s"“”'‘’<>().,;:!?])
| (?P<abbreviation>(?:[A-Za-z]\.){{2,}}|\b(?i:{"|".join(sorted((a for a in ABBREVIATIONS if "." not in a and len(a) > 1), key=len, reverse=True))})\.|\b[A-Z]\.(?=\s+[A-Z]))
| (?P<number>\d+(?:[.,:/]\d+)*(?:-[^\W\d_]+)*)
| (?P<negation_stem>\w+?(?=[nN]{_APOS}[tT]\b))
| (?P<negation>[nN]{_APOS}[tT]\b)
| (?P<clitic>(?<=\w){_APOS}(?i:{_CLITICS})\b)
| (?P<word>\w+(?:-\w+|{_APOS}(?!(?i:{_CLITICS}|t)\b)\w+)*)
| (?P<punctuation>\.\.\.|--|[^\w\s])
"""
"""The tokenizer's pattern: one named branch per rule (see the module docstring)."""


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # The same flags as RegexpTokenizer's defaults.
    return re.compile(TOKEN_PATTERN, re.UNICODE | re.MULTILINE | re.DOTALL)


def nltk_tokenizer():
    """Return NLTK's RegexpTokenizer with the kit's pattern (same tokens, slower).

    Examples
    --------
    >>> s = "Gaza’s war"
    >>> [s[a:b] for a, b in nltk_tokenizer().span_tokenize(s)]
    ['Gaza', '’s', 'war']
    """
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the shipped English stop-word list.

    Examples
    --------
    >>> len(stopwords()), "'s" in stopwords()
    (186, True)
    """
    return frozenset(read_lexicon("stopwords_en.txt"))


@lru_cache(maxsize=65536)
def is_punctuation(token: str) -> bool:
    """True when every character of ``token`` is punctuation or a symbol.

    Examples
    --------
    >>> is_punctuation("“"), is_punctuation("$"), is_punctuation("U.S.")
    (True, True, False)
    """
    return bool(token) and all(unicodedata.category(ch)[0] in "PS" for ch in token)


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Tokenize ``text[start:end]``; return ``(start_char, end_char, rule)`` per token.

    Examples
    --------
    >>> s = "Gen. Kurilla’s “self-defense” claim: $14.3-billion at 1:45 a.m. in the U.S., don’t."
    >>> [s[a:b] for a, b, _ in token_spans(s, 0, len(s))]
    ['Gen.', 'Kurilla', '’s', '“', 'self-defense', '”', 'claim', ':', '$', '14.3-billion', 'at', '1:45', 'a.m.', 'in', 'the', 'U.S.', ',', 'do', 'n’t', '.']
    """
    return [
        (start + m.start(), start + m.end(), m.lastgroup or "word")
        for m in _pattern().finditer(text[start:end])
        if m.end() > m.start()
    ]


def is_stop(token: str) -> bool:
    """True when the token is in the stop-word list (curly apostrophes match too).

    Examples
    --------
    >>> is_stop("The"), is_stop("Hezbollah")
    (True, False)
    """
    return match_form(token) in stopwords()
