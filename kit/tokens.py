"""Word tokens, found with NLTK's word tokenizer, with their spans.

The kit uses :class:`nltk.tokenize.NLTKWordTokenizer` (the Treebank
tokenizer that ``nltk.word_tokenize`` uses, without its Punkt step, which
needs downloaded data): it splits punctuation and clitics off words
(``Gaza’s`` becomes ``Gaza`` and ``’s``). Its ``span_tokenize`` gives each
token's offsets in the sentence. If it cannot align a token with the text
(rare, with unusual quotation marks), the kit falls back to a simple regular
expression for that sentence, and the ``rule`` column says so.

Stop words are flagged, not removed, from the list shipped in
``kit/data/stopwords_en.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nltk.tokenize import NLTKWordTokenizer

from kit.lexicons import match_form, read_lexicon

__all__ = ["is_punctuation", "stopwords", "token_spans"]

_FALLBACK = re.compile(r"\w+(?:['’\-.]\w+)*|[^\w\s]")


@lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the shipped English stop-word list.

    Examples
    --------
    >>> len(stopwords())
    179
    """
    return frozenset(read_lexicon("stopwords_en.txt"))


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
    >>> s = "Gaza’s war, “self-defense.”"
    >>> [s[a:b] for a, b, _ in token_spans(s, 0, len(s))]
    ['Gaza', '’s', 'war', ',', '“', 'self-defense', '.', '”']
    """
    # A one-for-one swap keeps every offset valid for the original text, and
    # lets the tokenizer split "Gaza’s" as it splits "Gaza's".
    chunk = text[start:end].replace("\u2019", "'")
    try:
        spans = list(_word_tokenizer().span_tokenize(chunk))
        rule = "treebank"
    except ValueError:
        spans = [m.span() for m in _FALLBACK.finditer(chunk)]
        rule = "regex_fallback"
    return [(start + a, start + b, rule) for a, b in spans if b > a]


def is_stop(token: str) -> bool:
    """True when the token is in the stop-word list (curly apostrophes match too)."""
    return match_form(token) in stopwords()
