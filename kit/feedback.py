"""Answer checks and widget feedback, as pure functions.

Every widget of :mod:`kit.widgets` is a thin shell; what it says to the
learner is decided here, by plain functions that take values and return text,
HTML or a DataFrame, so they are tested without a browser or a kernel:

==========================  =====================================================
function                    what it says
==========================  =====================================================
:func:`check_answer`        a "try it" answer: right, not quite (with a hint), or
                            not answered yet
:func:`check_sources`       the source sorter's answers against the kit's, as a table
:func:`source_feedback`     one statement's verdict, in a sentence
:func:`sources_summary`     how many of the sorter's answers are right
:func:`order_feedback`      which constraints an order of events breaks
:func:`move`                an order with one item moved (the orderer's Up / Down)
:func:`diff_html`           a word diff of two texts (the reframing lab)
:func:`changed_sentences_html`  each sentence a reframing changed, as a word diff
==========================  =====================================================

>>> from kit import feedback
>>> feedback.move([10, 11, 12], 2, -1)
[10, 12, 11]
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from kit.errors import KitError, did_you_mean, format_options

__all__ = [
    "SOURCE_TYPES",
    "SOURCE_TYPE_MEANING",
    "WidgetInputError",
    "changed_sentences_html",
    "check_answer",
    "check_sources",
    "diff_html",
    "move",
    "order_feedback",
    "source_feedback",
    "sources_feedback_html",
    "sources_summary",
]

SOURCE_TYPES: tuple[str, ...] = ("named", "organization", "anonymous", "own_sources")
"""The source types of the quotes table, in teaching order."""

SOURCE_TYPE_MEANING: dict[str, str] = {
    "named": "a person named in the text (a name, often with a title)",
    "organization": "an organisation speaking as a body (a council, a group, a ministry)",
    "anonymous": "a source the reader cannot identify ('a security source', 'officials')",
    "own_sources": "the outlet's own sources ('Press TV sources'): only the outlet vouches for them",
}


class WidgetInputError(KitError, ValueError):
    """A widget or its function was given something it cannot use."""


# ----- "try it" feedback ------------------------------------------------------------


def _norm_text(x: str) -> str:
    """Case, spaces, underscores and spaces around commas do not count: "scare quotes" == "Scare_Quotes"."""
    return re.sub(r"\s*,\s*", ",", " ".join(x.replace("_", " ").split())).casefold()


def _as_number(x: Any) -> float | None:
    """A number, or a string that reads as one ("12", " 3.5 "); else None."""
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)) or (hasattr(x, "item") and getattr(x, "ndim", 1) == 0):
        try:
            return float(x)
        except (TypeError, ValueError):
            return None
    if isinstance(x, str):
        try:
            return float(x.strip().replace(",", ""))
        except ValueError:
            return None
    return None


def check_answer(answer: Any, expected: Any, *, hint: str = "", explain: str = "") -> None:
    """Print instant feedback on a "try it" answer: right, not quite (with a hint), or not answered.

    ``...`` (Ellipsis) means "not answered yet". Strings are compared without
    case, surrounding spaces or the difference between a space and an
    underscore (``"scare quotes"`` is ``"Scare_Quotes"``); a number typed as
    text (``"12"``) counts as the number. Lists and sets are compared as sets
    when ``expected`` is a set. A near miss gets a "Did you mean ...?" and an
    answer of the wrong type (text for a number) says which type is wanted.

    Examples
    --------
    >>> check_answer(..., 16, hint="count the rows where part is 'body'")
    Not answered yet: replace ... with your answer. Hint: count the rows where part is 'body'.
    >>> check_answer(16, 16, explain="the headline and the caption are not body")
    ✓ Right: 16. (the headline and the caption are not body)
    >>> check_answer(" Named ", "named")
    ✓ Right: 'named'.
    >>> check_answer("scare quotes", "Scare_Quotes")
    ✓ Right: 'Scare_Quotes'.
    >>> check_answer("12", 12)
    ✓ Right: 12. (You typed the number as text, '12'; without the quotes it is the number 12.)
    >>> check_answer(15, 16)
    ✗ Not quite: you answered 15. Try again.
    >>> check_answer("Scare_Quote", "Scare_Quotes")
    ✗ Not quite: you answered 'Scare_Quote'. Did you mean 'Scare_Quotes'? Check the spelling.
    >>> check_answer("twelve", 12)
    ✗ Not quite: you answered 'twelve'. The answer is a number: write it with digits and no quotes, like 7. Try again.
    """
    if answer is Ellipsis:
        print("Not answered yet: replace ... with your answer." + (f" Hint: {hint}." if hint else ""))
        return

    def norm(x):
        if isinstance(x, str):
            return _norm_text(x)
        if isinstance(expected, (set, frozenset)) and isinstance(x, (list, tuple, set, frozenset, pd.Series)):
            return {norm(v) for v in x}
        if hasattr(x, "item") and getattr(x, "ndim", 1) == 0:
            return x.item()
        return x

    def shown(x):  # sets print in a fixed order, so the feedback is the same on every run
        return sorted(x, key=str) if isinstance(x, (set, frozenset)) else x

    note = ""
    expected_number = None if isinstance(expected, str) else _as_number(expected)
    if expected_number is not None and isinstance(answer, str):
        right = _as_number(answer) == expected_number
        if right:
            note = f"You typed the number as text, {answer!r}; without the quotes it is the number {shown(expected)!r}."
        else:
            note = (
                "The answer is a number: write it with digits and no quotes, like 7."
                if _as_number(answer) is None
                else ""
            )
    else:
        try:
            right = bool(norm(answer) == norm(expected))
        except (TypeError, ValueError):  # an array or a table compared with a value
            right = False
        if not right and isinstance(expected, str) and not isinstance(answer, str):
            note = 'The answer is a text: write it in quotes, like "word".'
        elif not right and isinstance(expected, str):
            close = difflib.get_close_matches(norm(answer), [norm(expected)], n=1, cutoff=0.8)
            if close:
                note = f"Did you mean {expected!r}? Check the spelling."
    if right:
        extra = " ".join(f"({t})" for t in (explain, note) if t)
        print(f"✓ Right: {shown(expected)!r}." + (f" {extra}" if extra else ""))
    else:
        tail = f" Hint: {hint}." if hint else (" Try again." if not note.startswith("Did") else "")
        print(f"✗ Not quite: you answered {shown(answer)!r}." + (f" {note}" if note else "") + tail)


# ----- source sorter ----------------------------------------------------------------


def check_sources(quotes: pd.DataFrame, answers: Mapping[int, str | None]) -> pd.DataFrame:
    """Compare your source types with the kit's, statement by statement.

    Parameters
    ----------
    quotes
        The quotes table (any table with ``quote_id`` and ``source_type``).
    answers
        ``{quote_id: your source type}``; unanswered statements may be left out or ``None``.

    Returns
    -------
    DataFrame
        ``quote_id``, ``speaker``, ``answer``, ``kit``, ``correct`` (``<NA>`` when
        unanswered) and ``why`` (what the kit's source type means).

    Examples
    --------
    >>> import kit
    >>> quotes = kit.load_article().quotes
    >>> check_sources(quotes, {1: "anonymous", 2: "named"})[["quote_id", "answer", "kit", "correct"]].head(3)
       quote_id     answer          kit  correct
    0         0       <NA>        named     <NA>
    1         1  anonymous    anonymous     True
    2         2      named  own_sources    False
    """
    for col in ("quote_id", "source_type"):
        if col not in quotes.columns:
            raise WidgetInputError(f"The source sorter needs a {col!r} column; pass article.quotes.")
    known = {int(q) for q in quotes["quote_id"]}
    for qid, answer in answers.items():
        if int(qid) not in known:
            raise WidgetInputError(
                f"There is no statement with quote_id {qid!r}; the ids are {sorted(known)}."
            )
        if answer is not None and answer not in SOURCE_TYPES:
            raise WidgetInputError(
                f"{answer!r} is not a source type.{did_you_mean(str(answer), SOURCE_TYPES)}"
                f" Choose one of {format_options(SOURCE_TYPES)}."
            )
    speaker = quotes["speaker"] if "speaker" in quotes.columns else pd.Series([pd.NA] * len(quotes))
    given = [answers.get(int(q)) for q in quotes["quote_id"]]
    kit_types = [str(t) for t in quotes["source_type"]]
    return pd.DataFrame(
        {
            "quote_id": quotes["quote_id"].astype("int64").to_numpy(),
            "speaker": pd.Series(list(speaker), dtype="string"),
            "answer": pd.Series(given, dtype="string"),
            "kit": pd.Series(kit_types, dtype="string"),
            "correct": pd.Series(
                [pd.NA if g is None else g == k for g, k in zip(given, kit_types)], dtype="boolean"
            ),
            "why": pd.Series([SOURCE_TYPE_MEANING.get(k, k) for k in kit_types], dtype="string"),
        }
    )


def _speaker(value: Any) -> str:
    return "no speaker found" if value is None or pd.isna(value) else str(value)


def source_feedback(row) -> str:
    """One statement's verdict in a sentence (a row of :func:`check_sources`); empty when unanswered.

    Examples
    --------
    >>> import kit
    >>> result = check_sources(kit.load_article().quotes, {1: "anonymous", 2: "named"})
    >>> source_feedback(result.iloc[1])
    '✓ Right: anonymous.'
    >>> source_feedback(result.iloc[2])  # doctest: +ELLIPSIS
    "✗ You said named; the kit says own_sources: the outlet's own sources ..."
    >>> source_feedback(result.iloc[0])
    ''
    """
    if pd.isna(row["correct"]):
        return ""
    if row["correct"]:
        return f"✓ Right: {row['kit']}."
    return f"✗ You said {row['answer']}; the kit says {row['kit']}: {row['why']}."


def sources_summary(result: pd.DataFrame) -> str:
    """How many of the sorter's answers are right, in a sentence.

    Examples
    --------
    >>> import kit
    >>> sources_summary(check_sources(kit.load_article().quotes, {1: "anonymous", 2: "named"}))
    '1 of 2 answered right (8 statements).'
    """
    answered = int(result["correct"].notna().sum())
    right = int(result["correct"].fillna(False).sum())
    return f"{right} of {answered} answered right ({len(result)} statements)."


def sources_feedback_html(result: pd.DataFrame) -> str:
    """:func:`check_sources` as HTML: the summary, then a line per answered statement."""
    lines = [f"<p><b>{html.escape(sources_summary(result))}</b></p><ul>"]
    for _, r in result.iterrows():
        said = source_feedback(r)
        if said:
            lines.append(
                f"<li>quote {r['quote_id']} ({html.escape(_speaker(r['speaker']))}): {html.escape(said)}</li>"
            )
    lines.append("</ul>")
    return "".join(lines)


# ----- reframing ------------------------------------------------------------------------


def diff_html(old: str, new: str) -> str:
    """A word-level diff: removed words struck through, added words underlined.

    Examples
    --------
    >>> diff_html("the Israeli regime said", "the Israeli government said")
    'the Israeli <del>regime</del> <ins>government</ins> said'
    """
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if i2 > i1 and j2 > j1:
            out.append(" ")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def changed_sentences_html(sentences: pd.DataFrame) -> str:
    """Each sentence a reframing changed, as a word diff (``sentences`` of :func:`kit.reframe`'s result).

    Examples
    --------
    >>> import kit
    >>> result = kit.reframe(kit.load_article(), {})
    >>> changed_sentences_html(result.sentences)
    '<p><em>No label swapped yet: pick one above.</em></p>'
    """
    if sentences.empty:
        return "<p><em>No label swapped yet: pick one above.</em></p>"
    return "".join(f"<p>{diff_html(str(o), str(n))}</p>" for o, n in zip(sentences["old"], sentences["new"]))


# ----- event order -------------------------------------------------------------------------


def move(order: Sequence[int], index: int, step: int) -> list[int]:
    """Move the item at ``index`` by ``step`` places (clamped at the ends); a new list.

    Examples
    --------
    >>> move([10, 11, 12], 2, -1)
    [10, 12, 11]
    >>> move([10, 11, 12], 0, -1)
    [10, 11, 12]
    """
    items = list(order)
    if not 0 <= index < len(items):
        raise WidgetInputError(f"There is no item at position {index}; positions are 0 to {len(items) - 1}.")
    target = min(max(index + step, 0), len(items) - 1)
    item = items.pop(index)
    items.insert(target, item)
    return items


def order_feedback(
    article, order: Sequence[int], *, check: Callable | None = None, partial: bool = False
) -> str:
    """Say whether an order of ``event_id`` breaks a constraint, using :func:`kit.check_order`.

    Returns a short text: every constraint your order breaks, one numbered line
    each, in plain words (the quoted words of the text that give it), or that
    it keeps them all. ``partial=True`` checks only the events listed.

    Examples
    --------
    >>> import kit
    >>> order_feedback(kit.load_article(), [2, 1], partial=True)
    'Your order keeps every constraint the article gives.'
    >>> print(order_feedback(kit.load_article(), [1, 10, 2], partial=True))  # doctest: +ELLIPSIS
    Your order breaks 3 constraints:
    1. You put 'the strikes in Iraq' (event 1) before 'the drone attack...' (event 2), but ...
    2. You put 'the briefing on the drone attack...' (event 10) before 'the drone attack...' (event 2), but ...
    3. You put 'the strikes in Iraq' (event 1) before ... (event 10), but ...: 'Monday morning' is before '1:45 GMT on Tuesday'.
    """
    import kit

    if check is None:
        result = kit.check_order(article, list(order), partial=partial)
    else:
        result = check(article, list(order))
    if isinstance(result, pd.DataFrame):
        broken = result
        if "broken" in broken.columns:
            broken = broken[broken["broken"].astype(bool)]
        if broken.empty:
            return "Your order keeps every constraint the article gives."
        texts = [_plain(str(x)) for x in broken.get("explanation", broken.get("message", broken.iloc[:, 0]))]
        if len(texts) == 1:
            return f"Your order breaks 1 constraint: {texts[0]}"
        listed = "\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1))
        return f"Your order breaks {len(texts)} constraints:\n{listed}"
    return str(result)


_TIMEX_NOTE = re.compile(r" \((?:\d{4}|XXXX)-[0-9A-Z:\-]{1,24}\)")


def _plain(text: str) -> str:
    """Drop TIMEX3 values in parentheses ("'Monday morning' (2023-12-25TMO)"): the quoted words say it."""
    return _TIMEX_NOTE.sub("", text)
