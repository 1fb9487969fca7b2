"""Quotation marks: the spans of text between them, before anyone asks who spoke.

A news article marks a speaker's own words with quotation marks. This module
only pairs the marks; :mod:`kit.quotes` decides which spans are attributed
quotes and which are scare quotes, and :mod:`kit.framing` and
:mod:`kit.timeline` ask whether a word stands inside one.

Rules (the ``rule`` column):

``curly``
    An opening ``“`` paired with the next ``”`` in the same paragraph;
    likewise guillemets ``«`` ``»``.
``straight``
    Straight ``"`` marks in a paragraph, paired first with second, third with
    fourth, and so on.
``continued``
    News style lets a quotation run over several paragraphs: each paragraph
    opens with a mark, and only the last one closes it. A paragraph whose
    quotation is still open at its end, followed by a paragraph that starts
    with an opening mark, gives a span to the end of the paragraph, and the
    next paragraph's span has ``continues = True``.
``unclosed``
    An opening mark never closed in its paragraph, with no continuation: the
    span runs to the end of the paragraph and ``closed`` is False, so a
    learner can see the kit could not find where the quotation ends.

Single quotation marks (``‘…’``) are left alone here: the same character is
the apostrophe in ``Kata’ib``.
"""

from __future__ import annotations

import pandas as pd

from kit.schemas import Column, frame, register

__all__ = ["build_quote_marks", "quote_spans"]

OPENING = {"“": "”", "«": "»", "„": "“"}
"""Opening marks and the mark that closes each."""

_CLOSING = frozenset('”»“"')

register(
    "quote_marks",
    [
        Column("mark_id", "int64", "the span's position in the article, from 0"),
        Column("paragraph_id", "int64", "the paragraph it stands in"),
        Column("sentence_id", "Int64", "the sentence where the opening mark stands (<NA> outside sentences)"),
        Column("start_char", "int64", "offset of the opening mark"),
        Column(
            "end_char", "int64", "offset just after the closing mark (or the paragraph's end if unclosed)"
        ),
        Column("content_start", "int64", "offset of the first character inside the marks"),
        Column("content_end", "int64", "offset just after the last character inside the marks"),
        Column("text", "string", "text[start_char:end_char], marks included"),
        Column("closed", "bool", "False when no closing mark was found"),
        Column("continues", "bool", "True when the span continues a quotation from the previous paragraph"),
        Column("rule", "string", "'curly', 'straight', 'continued' or 'unclosed' (see kit.quotemarks)"),
    ],
)


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool, str]]:
    """Pair the quotation marks in one paragraph ``text[start:end]``.

    Returns ``(start_char, end_char, closed, rule)`` per span, offsets into
    ``text``, marks included. Runs in linear time, whatever the input.

    Examples
    --------
    >>> s = '“A,” he said. "B" and «C'
    >>> [(s[a:b], closed, rule) for a, b, closed, rule in quote_spans(s, 0, len(s))]
    [('“A,”', True, 'curly'), ('"B"', True, 'straight'), ('«C', False, 'unclosed')]
    """
    spans: list[tuple[int, int, bool, str]] = []
    i = start
    straight_open: int | None = None
    while i < end:
        ch = text[i]
        if ch in OPENING and straight_open is None:
            close = text.find(OPENING[ch], i + 1, end)
            if close == -1:
                spans.append((i, end, False, "unclosed"))
                break
            spans.append((i, close + 1, True, "curly"))
            i = close + 1
            continue
        if ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i + 1, True, "straight"))
                straight_open = None
        i += 1
    if straight_open is not None:
        spans.append((straight_open, end, False, "unclosed"))
    return sorted(spans)


def build_quote_marks(article) -> pd.DataFrame:
    """Return the ``quote_marks`` table: one row per span between quotation marks.

    Examples
    --------
    >>> import kit
    >>> marks = kit.load_article().quote_marks
    >>> len(marks), bool(marks["closed"].all())
    (4, True)
    >>> marks.loc[3, "text"]
    '“self-defense.”'
    """
    text = article.text
    sentences = article._sentence_rows
    rows: dict[str, list] = {
        c: [] for c in ("paragraph_id", "start_char", "end_char", "closed", "rule", "continues")
    }
    paragraphs = [p for p in article._paragraphs if p.part in ("headline", "caption", "body")]
    pending_open = False
    for p in paragraphs:
        spans = quote_spans(text, p.start_char, p.end_char)
        starts_with_mark = text[p.start_char] in OPENING or text[p.start_char] == '"'
        continues_previous = pending_open and starts_with_mark
        if continues_previous and rows["rule"]:
            rows["rule"][-1] = "continued"
            rows["closed"][-1] = True
        for k, (a, b, closed, rule) in enumerate(spans):
            rows["paragraph_id"].append(p.paragraph_id)
            rows["start_char"].append(a)
            rows["end_char"].append(b)
            rows["closed"].append(closed)
            rows["rule"].append(rule)
            rows["continues"].append(continues_previous and k == 0)
        pending_open = bool(spans) and not spans[-1][2]
    n = len(rows["start_char"])
    rows["mark_id"] = list(range(n))
    rows["text"] = [text[a:b] for a, b in zip(rows["start_char"], rows["end_char"])]
    rows["content_start"] = [a + 1 for a in rows["start_char"]]
    rows["content_end"] = [
        b - 1 if b - 1 > a and text[b - 1] in _CLOSING else b
        for a, b in zip(rows["start_char"], rows["end_char"])
    ]
    rows["sentence_id"] = [_sentence_at(sentences, a) for a in rows["start_char"]]
    return frame("quote_marks", rows)


def _sentence_at(sentences: dict[str, list], offset: int) -> int | None:
    """The id of the sentence that contains ``offset``, or None."""
    import bisect

    k = bisect.bisect_right(sentences["start_char"], offset) - 1
    if k >= 0 and offset < sentences["end_char"][k]:
        return sentences["sentence_id"][k]
    return None
