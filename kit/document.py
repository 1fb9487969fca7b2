"""The :class:`Doc`: an article's text and its spans, what every table builder reads.

A :class:`kit.Article` is what a learner holds; a :class:`Doc` is what the
kit's rules read. It holds the text exactly as in the file, the metadata, and
the three layers of spans every rule needs: paragraphs (with their part of
the page), sentences and tokens. It is read-only: columns are tuples and the
metadata a read-only mapping, so a builder cannot change what the next one
reads.

Builders take a ``Doc`` and the tables they need as arguments and return a
DataFrame, the way textacy's extractors take a ``Doc`` and return records::

    build_quotes(doc, quote_marks, entities)

:data:`kit.schemas.INPUTS` declares each table's inputs once; the
:class:`~kit.article.Article` builds each input once and hands it on.

>>> import kit
>>> doc = kit.load_article().doc
>>> doc.sentences["part"][:3]
('headline', 'caption', 'body')
>>> s = doc.sentences
>>> doc.text[s["start_char"][0] : s["end_char"][0]]
'US military pounds three Iraqi resistance sites following retaliatory strikes'
>>> doc.tokens["text"][:4]
('US', 'military', 'pounds', 'three')
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kit.errors import NotEnglishWarning
from kit.lexicons import match_form
from kit.parts import ANALYSED_PARTS, Paragraph, find_parts
from kit.sentences import sentence_spans
from kit.tokens import is_punctuation, stopwords, token_spans

__all__ = ["SENTENCE_COLUMNS", "TOKEN_COLUMNS", "Doc", "check_english", "make_doc"]

SENTENCE_COLUMNS = ("sentence_id", "paragraph_id", "part", "start_char", "end_char", "rule")
"""The columns of :attr:`Doc.sentences` (those of ``article.sentences`` less ``text`` and ``n_words``)."""

TOKEN_COLUMNS = (
    "token_id",
    "sentence_id",
    "position",
    "start_char",
    "end_char",
    "text",
    "lower",
    "is_punct",
    "is_stop",
    "rule",
)
"""The columns of :attr:`Doc.tokens` (those of ``article.tokens``)."""


@dataclass(frozen=True, eq=False)
class Doc:
    """An article's text, metadata and spans, read-only.

    Attributes
    ----------
    name
        The article's name.
    text
        The text, exactly as in the file: every offset indexes it.
    metadata
        Outlet, published date and the rest (read-only).
    path
        The file it was read from, if any.
    paragraphs
        Every paragraph of the page, with its part (see :mod:`kit.parts`).
    sentences
        Column name to a tuple of values, one per sentence of the headline,
        caption and body (:data:`SENTENCE_COLUMNS`).
    tokens
        Column name to a tuple of values, one per token (:data:`TOKEN_COLUMNS`).
    """

    name: str
    text: str
    metadata: Mapping[str, Any]
    path: Path | None
    paragraphs: tuple[Paragraph, ...]
    sentences: Mapping[str, tuple]
    tokens: Mapping[str, tuple]

    @property
    def published(self) -> dt.date | None:
        """The publication date from the metadata, or ``None`` when unknown."""
        value = self.metadata.get("published")
        return value if isinstance(value, dt.date) else None

    @property
    def analysed_paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs split into sentences: headline, caption and body."""
        return tuple(p for p in self.paragraphs if p.part in ANALYSED_PARTS)

    def __repr__(self) -> str:
        return (
            f"<Doc {self.name!r}: {len(self.text)} characters, {len(self.paragraphs)} paragraphs,"
            f" {len(self.sentences['sentence_id'])} sentences, {len(self.tokens['token_id'])} tokens>"
        )


def _sentence_columns(text: str, paragraphs: tuple[Paragraph, ...]) -> dict[str, list]:
    rows: dict[str, list] = {k: [] for k in SENTENCE_COLUMNS}
    for p in paragraphs:
        if p.part not in ANALYSED_PARTS:
            continue
        for start, end, rule in sentence_spans(text, p.start_char, p.end_char):
            rows["paragraph_id"].append(p.paragraph_id)
            rows["part"].append(p.part)
            rows["start_char"].append(start)
            rows["end_char"].append(end)
            rows["rule"].append(rule)
    rows["sentence_id"] = list(range(len(rows["start_char"])))
    return rows


def _token_columns(text: str, sentences: Mapping[str, list]) -> dict[str, list]:
    stops = stopwords()
    rows: dict[str, list] = {k: [] for k in TOKEN_COLUMNS}
    for sid, s_start, s_end in zip(sentences["sentence_id"], sentences["start_char"], sentences["end_char"]):
        for position, (start, end, rule) in enumerate(token_spans(text, s_start, s_end)):
            token = text[start:end]
            lower = match_form(token)
            rows["sentence_id"].append(sid)
            rows["position"].append(position)
            rows["start_char"].append(start)
            rows["end_char"].append(end)
            rows["text"].append(token)
            rows["lower"].append(lower)
            rows["is_punct"].append(is_punctuation(token))
            rows["is_stop"].append(lower in stops)
            rows["rule"].append(rule)
    rows["token_id"] = list(range(len(rows["start_char"])))
    return rows


def _frozen(columns: dict[str, list]) -> Mapping[str, tuple]:
    return MappingProxyType({k: tuple(v) for k, v in columns.items()})


def make_doc(
    text: str,
    *,
    name: str = "text",
    metadata: Mapping[str, Any] | None = None,
    path: Path | None = None,
    paragraphs: tuple[Paragraph, ...] | None = None,
) -> Doc:
    """Find the paragraphs, sentences and tokens of ``text`` and return a :class:`Doc`.

    Examples
    --------
    >>> doc = make_doc("Storm hits coast\\n\\nA storm hit the coast. Two were hurt.")
    >>> doc
    <Doc 'text': 55 characters, 2 paragraphs, 3 sentences, 13 tokens>
    >>> doc.sentences["rule"]
    ('paragraph_end', 'punkt', 'paragraph_end')
    """
    metadata = MappingProxyType(dict(metadata or {}))
    if paragraphs is None:
        paragraphs = tuple(find_parts(text, title=metadata.get("title")))
    sentences = _sentence_columns(text, paragraphs)
    tokens = _token_columns(text, sentences)
    doc = Doc(
        name=name,
        text=text,
        metadata=metadata,
        path=path,
        paragraphs=tuple(paragraphs),
        sentences=_frozen(sentences),
        tokens=_frozen(tokens),
    )
    check_english(doc)
    return doc


_ENGLISH = ("en", "eng", "english")
_MIN_WORDS, _MIN_DISTINCT, _MIN_STOP_SHARE = 20, 10, 0.1


def check_english(doc: Doc) -> None:
    """Warn (:class:`~kit.errors.NotEnglishWarning`) when the article is not in English.

    The kit's word lists and rules are English. A ``language:`` line in the
    metadata header decides (``en``, ``en-GB``, ``English``: no warning; any
    other value: a warning, with no guessing). Without one, the article is
    taken as not English when at least 20 of its lower-case words (10
    different ones) hold fewer than one English stop word in ten: English
    news has three to five in ten, French or Arabic almost none.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = make_doc("Titre\\n\\nUn texte.", metadata={"language": "fr"})
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    The metadata of 'text' says language: 'fr', but the kit reads English only...
    """
    fix = (
        " Its tables (entities, quotes, timeline and the rest) will be empty or wrong for this article:"
        " read an English article, or, if this one is in English, put the line 'language: en' in its"
        " metadata header."
    )
    language = doc.metadata.get("language")
    if language is not None:
        code = str(language).strip().lower().replace("_", "-")
        if code.split("-")[0] not in _ENGLISH:
            warnings.warn(
                f"The metadata of {doc.name!r} says language: {language!r}, but the kit reads"
                f" English only: its word lists and rules are English.{fix}",
                NotEnglishWarning,
                stacklevel=4,
            )
        return
    words = [
        w
        for w, p in zip(doc.tokens["lower"], doc.tokens["text"])
        if w.isalpha() and len(w) > 1 and not p[0].isupper()
    ]
    if len(words) < _MIN_WORDS or len(set(words)) < _MIN_DISTINCT:
        return
    stops = stopwords()
    share = sum(w in stops for w in words) / len(words)
    if share < _MIN_STOP_SHARE:
        warnings.warn(
            f"The article {doc.name!r} does not look like English: only {share:.0%} of its lower-case"
            " words are common English words such as 'the', 'of' or 'and' (English news has 30% to"
            f" 50%), and the kit reads English only: its word lists and rules are English.{fix}",
            NotEnglishWarning,
            stacklevel=4,
        )


# ----- the three tables that come straight from the spans ----------------------


def build_parts(doc: Doc):
    """One row per part of the page (``article.parts``)."""
    from kit.schemas import frame

    ps = doc.paragraphs
    return frame(
        "parts",
        {
            "paragraph_id": [p.paragraph_id for p in ps],
            "part": [p.part for p in ps],
            "start_char": [p.start_char for p in ps],
            "end_char": [p.end_char for p in ps],
            "text": [doc.text[p.start_char : p.end_char] for p in ps],
            "analysed": [p.part in ANALYSED_PARTS for p in ps],
            "rule": [p.rule for p in ps],
        },
    )


def build_sentences(doc: Doc):
    """One row per sentence of the headline, caption and body (``article.sentences``)."""
    from kit.schemas import frame

    rows = {k: list(v) for k, v in doc.sentences.items()}
    rows["text"] = [doc.text[a:b] for a, b in zip(rows["start_char"], rows["end_char"])]
    counts = [0] * len(rows["start_char"])
    for sid, punct in zip(doc.tokens["sentence_id"], doc.tokens["is_punct"]):
        if not punct:
            counts[sid] += 1
    rows["n_words"] = counts
    return frame("sentences", rows)


def build_tokens(doc: Doc):
    """One row per word token (``article.tokens``)."""
    from kit.schemas import frame

    return frame("tokens", {k: list(v) for k, v in doc.tokens.items()})
