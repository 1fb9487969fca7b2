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
    fourth, and so on. Text typed on two keyboards mixes the kinds
    (``“Q," he said. "R.”``): a straight mark that ends a word closes an open
    ``“`` when no other straight mark stands between them, and a ``”`` closes
    an open straight mark when no ``“`` opened inside it.
``continued``
    News style lets a quotation run over several paragraphs: each paragraph
    opens with a mark, and only the last one closes it. A paragraph whose
    quotation is still open at its end, followed by a paragraph that starts
    with an opening mark, gives a span to the end of the paragraph, and the
    next paragraph's span has ``continues = True``.
``reopened``
    Straight marks as real text writes them: a quotation that runs on over
    paragraphs joined into one line (``… 26 weeks. "We are going to …"``)
    has no closing mark before the next opening one. A straight mark with a
    space before it and a word after it, when a sentence has ended since the
    open mark, opens a new piece (``continues = True``) instead of closing
    the open one, whose span (rule ``continued``) ends before it; one missing
    mark no longer shifts every pairing after it.
``doubled``
    Two apostrophes as quotation marks (``''We are ready,'' he said``), as
    some newspapers' archives print them: ``''`` at a word's start paired
    with the next ``''``.
``unclosed``
    An opening mark never closed in its paragraph, with no continuation: the
    span runs to the end of the paragraph and ``closed`` is False, so a
    learner can see the kit could not find where the quotation ends.

``single``
    Single quotation marks, British style ``‘…’`` or straight ``'…'``. The
    closing ``’`` is also the apostrophe (``Kata’ib``, ``don’t``, ``the
    players’ union``), so a single mark counts only at a word's edge: an
    opening mark must start a word (it stands at the start of the paragraph,
    or after a space, an opening bracket, a dash or a double mark, and a
    letter or digit follows it); the closing mark must end one (no space
    before it) and be followed by a space, punctuation or the paragraph's end.
    A closing candidate such as ``players’`` followed by a lower-case word
    reads as a plural possessive and is used only when no other closing mark
    follows in the paragraph. An opening single mark that is never closed
    starts an ``unclosed`` (or ``continued``) span only when it opens the
    paragraph or follows a colon; anywhere else it is taken for an apostrophe
    (``'90s``, ``rock 'n' roll``) and left alone.

Marks nest: whichever kind of mark opens first is the outer quotation, and
marks of the other kind inside it (the single marks in ``“He told me ‘get
out now,’ and I did”``, or the double marks inside a British ``‘…’``) are
nested quotations inside the span, not spans of their own.
"""

from __future__ import annotations

import pandas as pd

from kit.schemas import Column, frame, register

__all__ = ["build_quote_marks", "quote_spans"]

OPENING = {"“": "”", "«": "»", "„": "“"}
"""Opening marks and the mark that closes each."""

_CLOSING = frozenset('”»“"')

SINGLE = {"‘": "’", "'": "'"}
"""Opening single marks and the mark that closes each (see the ``single`` rule)."""

# A single opening mark stands after one of these (or at the paragraph's start).
_BEFORE_OPENING = frozenset(' \t\n\r\u00a0([{—–-“"«/')
# A single closing mark is followed by one of these (or the paragraph's end).
_AFTER_CLOSING = frozenset(' \t\n\r\u00a0,.;:!?)]}—–-…”"»/')

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
        Column(
            "rule",
            "string",
            "'curly', 'straight', 'doubled', 'single', 'continued', 'reopened' or 'unclosed' (see kit.quotemarks)",
        ),
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
    >>> s = '“A," he said. "B.” And "C “D” E."'
    >>> [s[a:b] for a, b, _, _ in quote_spans(s, 0, len(s))]
    ['“A,"', '"B.”', '"C “D” E."']
    >>> s = "‘The players’ union backed me,’ she said. 'Don't go,' he said."
    >>> [s[a:b] for a, b, _, _ in quote_spans(s, 0, len(s))]
    ['‘The players’ union backed me,’', "'Don't go,'"]
    """
    spans: list[tuple[int, int, bool, str]] = []
    reopened: set[int] = set()
    closers: dict[str, tuple[list[int], list[int]]] = {}
    i = start
    straight_open: int | None = None
    nested = False
    while i < end:
        ch = text[i]
        if ch in OPENING and straight_open is None:
            close = text.find(OPENING[ch], i + 1, end)
            if ch == "“":
                # “Q," he said: a straight mark may close a curly one (text typed on two
                # keyboards), when it is the first straight mark after it and ends a word.
                j = text.find('"', i + 1, close if close != -1 else end)
                if j != -1 and not text[j - 1].isspace() and (j + 1 >= end or not text[j + 1].isalnum()):
                    close = j
                # “Q,“ he said: an opening mark typed where the closing one belongs
                k = text.find("“", i + 1, close if close != -1 else end)
                if k != -1 and _wrong_closer(text, k, end):
                    close = k
            if close == -1:
                spans.append((i, end, False, "unclosed"))
                break
            spans.append((i, close + 1, True, "curly"))
            i = close + 1
            continue
        if ch == "“" and straight_open is not None and not nested and _wrong_closer(text, i, end):
            spans.append((straight_open, i + 1, True, "straight"))  # "Q.“ with the wrong mark
            straight_open = None
        elif ch == "“" and straight_open is not None:
            nested = True  # "He said “go” now": the curly pair nests inside the straight one
        elif ch == "”" and straight_open is not None and not nested:
            # "Q,” she said: a curly mark may close a straight one
            spans.append((straight_open, i + 1, True, "straight"))
            straight_open = None
        elif ch == "”" and straight_open is not None:
            nested = False
        elif ch == '"':
            nested = False
            if straight_open is None:
                straight_open = i
            elif _reopens(text, straight_open, i, start, end):
                # "... 26 weeks. "We are ...": the quotation before ran on without a closing
                # mark (paragraphs joined into one line); this mark opens its next piece.
                spans.append((straight_open, i, True, "continued"))
                reopened.add(i)
                straight_open = i
            else:
                spans.append((straight_open, i + 1, True, "straight"))
                straight_open = None
        elif ch == "'" and straight_open is None and _doubled_opens(text, i, start, end):
            close = text.find("''", i + 2, end)
            if close == -1:
                spans.append((i, end, False, "unclosed"))
                break
            spans.append((i, close + 2, True, "doubled"))
            i = close + 2
            continue
        elif ch in SINGLE and straight_open is None and _opens_word(text, i, start, end):
            close_ch = SINGLE[ch]
            if close_ch not in closers:
                closers[close_ch] = _single_closers(text, start, end, close_ch)
            good, weak = closers[close_ch]
            close = good[i + 1 - start] if good[i + 1 - start] != -1 else weak[i + 1 - start]
            if close != -1:
                spans.append((i, close + 1, True, "single"))
                i = close + 1
                continue
            k = i - 1
            while k >= start and i - k < 40 and text[k].isspace():
                k -= 1
            if k < start or text[k] == ":":
                spans.append((i, end, False, "unclosed"))
                break
        i += 1
    if straight_open is not None:
        spans.append((straight_open, end, False, "unclosed"))
    return sorted(
        (a, b, closed, "reopened" if a in reopened and rule != "continued" else rule)
        for a, b, closed, rule in spans
    )


def _wrong_closer(text: str, k: int, end: int) -> bool:
    """An opening ``“`` at ``k`` that can only close: after a comma or a sentence's end,
    before a space or the paragraph's end (``here,“ said``)."""
    return text[k - 1] in ",.?!" and (k + 1 >= end or text[k + 1] in " \t\n\r\u00a0")


def _doubled_opens(text: str, i: int, start: int, end: int) -> bool:
    """Two apostrophes at ``i`` open a quotation: they start a word."""
    if not text.startswith("''", i) or i + 2 >= end:
        return False
    if not text[i + 2].isalnum() and text[i + 2] not in '“"…':
        return False
    return i == start or text[i - 1] in _BEFORE_OPENING


def _reopens(text: str, opened: int, i: int, start: int, end: int) -> bool:
    """A straight mark at ``i``, while one opened at ``opened`` is still open, opens a new
    piece rather than closing: a space before it, a word after it, and a sentence's end
    (". ", "? ", "! ") between the two marks."""
    if i + 1 >= end or not (text[i + 1].isalnum()) or i == start or not text[i - 1].isspace():
        return False
    k = i - 1
    while k > opened and text[k].isspace():
        k -= 1
    return text[k] in ".?!" and k - opened > 20


def _opens_word(text: str, i: int, start: int, end: int) -> bool:
    """A single mark at ``i`` can open a quotation: it starts a word."""
    if i + 1 >= end or (not text[i + 1].isalnum() and text[i + 1] not in '“"¿¡…'):
        return False
    return i == start or text[i - 1] in _BEFORE_OPENING


def _single_closers(text: str, start: int, end: int, mark: str) -> tuple[list[int], list[int]]:
    """For each offset from ``start``, the next closing ``mark`` after it (one pass from the right).

    Returns two lists indexed by ``offset - start``: ``good`` holds the next
    mark that ends a word, ``weak`` the next one that may be a plural
    possessive (``players’ union``); -1 where there is none.
    """
    good = [-1] * (end - start + 1)
    weak = [-1] * (end - start + 1)
    next_good = next_weak = -1
    for j in range(end - 1, start - 1, -1):
        if text[j] == mark and j > start and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < end else " "
            if j + 1 >= end or after in _AFTER_CLOSING:
                if after.isspace() and text[j - 1] in "sS" and _lower_word_after(text, j + 1, end):
                    next_weak = j
                elif text[j - 1] in _BEFORE_OPENING and text[j - 1] not in '“"«':
                    pass
                else:
                    next_good = j
        good[j - start] = next_good
        weak[j - start] = next_weak
    return good, weak


def _lower_word_after(text: str, j: int, end: int) -> bool:
    """The next word after offset ``j`` starts with a lower-case letter."""
    while j < end and text[j].isspace():
        j += 1
    return j < end and text[j].islower()


def build_quote_marks(doc) -> pd.DataFrame:
    """Return the ``quote_marks`` table: one row per span between quotation marks.

    ``doc`` is the article's :class:`kit.document.Doc`; ``article.quote_marks`` calls this.

    Examples
    --------
    >>> import kit
    >>> marks = kit.load_article().quote_marks
    >>> len(marks), bool(marks["closed"].all())
    (4, True)
    >>> marks.loc[3, "text"]
    '“self-defense.”'
    """
    text = doc.text
    sentences = doc.sentences
    rows: dict[str, list] = {
        c: [] for c in ("paragraph_id", "start_char", "end_char", "closed", "rule", "continues")
    }
    paragraphs = doc.analysed_paragraphs
    pending_open = False
    for p in paragraphs:
        spans = quote_spans(text, p.start_char, p.end_char)
        first_char = text[p.start_char]
        starts_with_mark = first_char in OPENING or first_char in SINGLE or first_char == '"'
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
            rows["continues"].append((continues_previous and k == 0) or rule == "reopened")
        pending_open = bool(spans) and not spans[-1][2]
    n = len(rows["start_char"])
    rows["mark_id"] = list(range(n))
    rows["text"] = [text[a:b] for a, b in zip(rows["start_char"], rows["end_char"])]
    rows["content_start"] = [a + 2 if text.startswith("''", a) else a + 1 for a in rows["start_char"]]
    rows["content_end"] = [
        b - 2
        if rule == "doubled"
        else b - 1
        if b - 1 > a and (text[b - 1] in _CLOSING or rule == "single")
        else b
        for a, b, rule in zip(rows["start_char"], rows["end_char"], rows["rule"])
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
