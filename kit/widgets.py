"""Widgets to explore an article: thin shells over pure functions.

Each widget does one thing a reader does with a pen, and each is a shell
around a plain function that you can call (and that the tests call) without
any widget:

=====================  ==========================================  =====================================
widget                 what you do                                 the pure function behind it
=====================  ==========================================  =====================================
:func:`article_viewer` highlight the article by any table with     :func:`highlight_spans`,
                       offsets, filter, click (or Tab + Enter) a   :func:`highlight_html`,
                       highlight to see the row behind it          :func:`row_record`
:func:`source_sorter`  sort each statement's source: named,        :func:`check_sources`
                       organisation, anonymous, outlet's own
:func:`reframing_lab`  swap the article's labels for other         :func:`kit.reframe`,
                       outlets' labels, read the result and diff   :func:`diff_html`
:func:`event_orderer`  put the events in the order they happened   :func:`move`, :func:`order_feedback`
                       (drag, or select + Up / Down)
=====================  ==========================================  =====================================

The widgets import ipywidgets (and anywidget, for the two custom views) only
when you build one, so ``import kit`` stays light. Colours come from the
Okabe-Ito palette (:data:`kit.charts.OKABE_ITO`), and every highlight also
says its value in words (its ``title`` and ``aria-label``), so colour is never
the only clue.

>>> import kit
>>> from kit import widgets
>>> article = kit.load_article()
>>> spans = widgets.highlight_spans(article, "quote_marks")
>>> spans[["row", "start_char", "end_char"]].head(2)
   row  start_char  end_char
0    0         561       704
1    1        1256      1455
"""

from __future__ import annotations

import difflib
import html
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd

from kit.charts import OKABE_ITO, palette
from kit.errors import KitError, did_you_mean, format_options

__all__ = [
    "DEFAULT_BY",
    "SOURCE_TYPES",
    "ArticleViewer",
    "EventOrderer",
    "ReframingLab",
    "SourceSorter",
    "WidgetInputError",
    "article_viewer",
    "check_answer",
    "check_sources",
    "colour_columns",
    "diff_html",
    "event_orderer",
    "highlight_html",
    "highlight_spans",
    "move",
    "offset_tables",
    "order_feedback",
    "reframe_choices",
    "reframing_lab",
    "row_html",
    "row_record",
    "source_sorter",
]

DEFAULT_BY: dict[str, str] = {
    "sentences": "part",
    "tokens": "is_stop",
    "quote_marks": "closed",
    "entities": "type",
    "quotes": "source_type",
    "labels": "device",
    "timeline": "type",
    "events": "type",
}
"""The column each table is coloured by, unless you choose another."""

SOURCE_TYPES: tuple[str, ...] = ("named", "organization", "anonymous", "own_sources")
"""The source types of the quotes table, in teaching order."""

SOURCE_TYPE_MEANING: dict[str, str] = {
    "named": "a person named in the text (a name, often with a title)",
    "organization": "an organisation speaking as a body (a council, a group, a ministry)",
    "anonymous": "a source the reader cannot identify ('a security source', 'officials')",
    "own_sources": "the outlet's own sources ('Press TV sources'): only the outlet vouches for them",
}

_HIDDEN_PARTS = frozenset({"breadcrumb", "boilerplate"})
_NOT_COLOURS = frozenset(
    {"start_char", "end_char", "text", "rule", "content", "content_start", "content_end"}
)
ALL = "all"


class WidgetInputError(KitError, ValueError):
    """A widget or its function was given something it cannot use."""


# ----- tables with offsets ----------------------------------------------------


def offset_tables(article) -> list[str]:
    """The article's tables that have ``start_char`` and ``end_char`` and can be built now.

    A table whose module is missing or fails is left out, so the viewer
    offers what exists.

    Examples
    --------
    >>> import kit
    >>> names = offset_tables(kit.load_article())
    >>> [n for n in ("sentences", "tokens", "quote_marks") if n in names]
    ['sentences', 'tokens', 'quote_marks']
    """
    from kit.schemas import TABLES

    names = []
    for name in TABLES:
        try:
            table = article.table(name)
        except Exception:  # a table that cannot be built yet is simply not offered
            continue
        if {"start_char", "end_char"} <= set(table.columns):
            names.append(name)
    return names


def _table(article, table: str | pd.DataFrame) -> pd.DataFrame:
    if isinstance(table, pd.DataFrame):
        frame = table.reset_index(drop=True)
    elif isinstance(table, str):
        frame = article.table(table)
    else:
        raise WidgetInputError(
            f"A table is a name such as 'quotes' or a DataFrame, not {type(table).__name__}."
            " Try: highlight_html(article, 'quotes')"
        )
    missing = [c for c in ("start_char", "end_char") if c not in frame.columns]
    if missing:
        raise WidgetInputError(
            f"This table has no {' or '.join(missing)} column, so it cannot be highlighted in the text."
            f" Its columns are {list(frame.columns)}. Pick a table with offsets, for example"
            f" {format_options(offset_tables(article))}."
        )
    return frame


def colour_columns(table: pd.DataFrame, *, max_values: int = 12) -> list[str]:
    """Columns a table can be coloured by: labels, flags and short lists of words.

    Examples
    --------
    >>> import kit
    >>> colour_columns(kit.load_article().sentences)
    ['part']
    """
    columns = []
    for name in table.columns:
        if name in _NOT_COLOURS or name.endswith("_id") or name.endswith(("_start", "_end")):
            continue
        col = table[name]
        if isinstance(col.dtype, pd.CategoricalDtype) or pd.api.types.is_bool_dtype(col):
            columns.append(name)
        elif (pd.api.types.is_string_dtype(col) or col.dtype == object) and 0 < col.nunique() <= max_values:
            if col.nunique() < len(col) or len(col) <= max_values:
                columns.append(name)
    return columns


def _default_by(name: str | None, table: pd.DataFrame) -> str | None:
    if name in DEFAULT_BY and DEFAULT_BY[name] in table.columns:
        return DEFAULT_BY[name]
    options = colour_columns(table)
    return options[0] if options else None


def _value_order(column: pd.Series) -> list[str]:
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories]
    if pd.api.types.is_bool_dtype(column):
        return ["True", "False"]
    return sorted({str(v) for v in column.dropna()})


def _as_text(value: Any) -> str:
    return (
        "<NA>" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else str(value)
    )


def highlight_spans(
    article,
    table: str | pd.DataFrame,
    *,
    by: str | None = None,
    keep: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """The rows to highlight: ``row`` (the table's row number), ``start_char``, ``end_char``, ``value``.

    Parameters
    ----------
    article
        The :class:`kit.Article`.
    table
        A table's name (``"quotes"``) or any DataFrame with ``start_char`` and ``end_char``.
    by
        The column whose value colours each highlight (default: see :data:`DEFAULT_BY`).
    keep
        Keep only rows whose ``by`` value is this (or one of these); ``None`` or ``"all"`` keeps all.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> highlight_spans(article, "sentences", keep="headline")
       row  start_char  end_char     value
    0    0          32       109  headline
    >>> highlight_spans(article, "sentences", by="parts")
    Traceback (most recent call last):
    ...
    kit.widgets.WidgetInputError: The table has no column 'parts'. Did you mean 'part'? ...
    """
    name = table if isinstance(table, str) else None
    frame = _table(article, table)
    by = by or _default_by(name, frame)
    if by is not None and by not in frame.columns:
        raise WidgetInputError(
            f"The table has no column {by!r}.{did_you_mean(by, frame.columns)}"
            f" Colour it by one of {format_options(colour_columns(frame))}."
        )
    values = frame[by].map(_as_text) if by else pd.Series(["row"] * len(frame), dtype="object")
    spans = pd.DataFrame(
        {
            "row": pd.Series(range(len(frame)), dtype="int64"),
            "start_char": frame["start_char"].astype("int64"),
            "end_char": frame["end_char"].astype("int64"),
            "value": pd.Series(list(values), dtype="string"),
        }
    )
    if keep is not None and keep != ALL:
        wanted = {keep} if isinstance(keep, str) else {str(k) for k in keep}
        known = set(spans["value"].dropna())
        unknown = sorted(wanted - known - set(_value_order(frame[by]) if by else []))
        if unknown:
            raise WidgetInputError(
                f"No row has {by} = {unknown[0]!r}.{did_you_mean(unknown[0], known)}"
                f" The values are {format_options(sorted(known))}."
            )
        spans = spans[spans["value"].isin(wanted)]
    spans = spans[(spans["end_char"] > spans["start_char"])]
    return spans.sort_values(["start_char", "end_char", "row"], kind="stable").reset_index(drop=True)


def _segments(
    start: int, end: int, spans: Sequence[tuple[int, int, int]]
) -> list[tuple[int, int, int | None]]:
    """Cut ``[start, end)`` into pieces, each with the innermost span covering it (or ``None``).

    ``spans`` are ``(start_char, end_char, row)``. Where spans nest or overlap, the
    shortest wins, so every piece of text belongs to at most one highlight.
    """
    inside = [(max(a, start), min(b, end), r, b - a) for a, b, r in spans if a < end and b > start]
    cuts = sorted({start, end, *(a for a, _, _, _ in inside), *(b for _, b, _, _ in inside)})
    pieces: list[tuple[int, int, int | None]] = []
    for a, b in itertools.pairwise(cuts):
        covering = [(length, r) for s, e, r, length in inside if s <= a and e >= b]
        row = min(covering)[1] if covering else None
        if pieces and pieces[-1][2] == row and pieces[-1][1] == a:
            pieces[-1] = (pieces[-1][0], b, row)
        else:
            pieces.append((a, b, row))
    return pieces


def _colour_css(colour: str) -> str:
    return f"background:{colour}55;border-bottom:3px solid {colour}"


def highlight_html(
    article,
    table: str | pd.DataFrame,
    *,
    by: str | None = None,
    keep: str | Iterable[str] | None = None,
    selected: int | None = None,
    legend: bool = True,
) -> str:
    """The article as HTML, with the table's rows highlighted and coloured by ``by``.

    Each highlight is a ``<mark>`` with ``data-row`` (the table's row number),
    ``data-value`` (its ``by`` value), ``tabindex="0"`` so that Tab reaches it,
    and a ``title`` / ``aria-label`` saying its value in words. The page
    furniture (breadcrumb, share links) is left out.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> page = highlight_html(article, "quote_marks", keep="True", legend=False)
    >>> page.count("<mark"), 'data-row="3"' in page
    (4, True)
    """
    frame = _table(article, table)
    name = table if isinstance(table, str) else None
    by = by or _default_by(name, frame)
    spans = highlight_spans(article, frame, by=by, keep=keep)
    order = _value_order(frame[by]) if by else ["row"]
    colours = palette(order)
    triples = list(zip(spans["start_char"], spans["end_char"], spans["row"]))
    value_of = dict(zip(spans["row"], spans["value"]))
    text = article.text
    out = []
    if legend:
        counts = spans.drop_duplicates("row")["value"].value_counts()
        items = "".join(
            f'<span><i style="background:{colours[v]}"></i>{html.escape(v)} ({int(counts.get(v, 0))})</span>'
            for v in order
            if keep in (None, ALL) or counts.get(v, 0)
        )
        out.append(f'<div class="kit-legend" aria-label="legend">{html.escape(str(by or ""))}: {items}</div>')
    for p in article._paragraphs:
        if p.part in _HIDDEN_PARTS:
            continue
        body = []
        for a, b, row in _segments(p.start_char, p.end_char, triples):
            piece = html.escape(text[a:b])
            if row is None:
                body.append(piece)
                continue
            value = str(value_of[row])
            label = html.escape(f"{by}: {value}, row {row}" if by else f"row {row}", quote=True)
            cls = ' class="kit-selected"' if selected == row else ""
            body.append(
                f'<mark data-row="{row}" data-value="{html.escape(value, quote=True)}" tabindex="0"'
                f' role="button" title="{label}" aria-label="{label}"{cls}'
                f' style="{_colour_css(colours.get(value, OKABE_ITO[-1]))}">{piece}</mark>'
            )
        out.append(f'<p class="kit-part kit-part-{p.part}">{"".join(body)}</p>')
    return "\n".join(out)


def row_record(article, table: str | pd.DataFrame, row: int) -> dict[str, Any]:
    """The row behind a highlight, as a dict of column to value.

    Examples
    --------
    >>> import kit
    >>> row_record(kit.load_article(), "sentences", 0)["part"]
    'headline'
    """
    frame = _table(article, table)
    if not 0 <= row < len(frame):
        raise WidgetInputError(f"There is no row {row}: the table has rows 0 to {len(frame) - 1}.")
    return {k: (v.item() if hasattr(v, "item") else v) for k, v in frame.iloc[row].items()}


def row_html(article, table: str | pd.DataFrame, row: int | None) -> str:
    """:func:`row_record` as a small two-column HTML table (or a hint when nothing is chosen)."""
    if row is None or row < 0:
        return (
            '<div class="kit-row"><em>Click a highlight (or press Tab to reach one, then Enter)'
            " to see the row behind it.</em></div>"
        )
    record = row_record(article, table, row)
    cells = "".join(
        f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(str(k))}</th>"
        f"<td>{html.escape(_as_text(v))}</td></tr>"
        for k, v in record.items()
    )
    return f'<div class="kit-row"><table aria-label="the chosen row">{cells}</table></div>'


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


def _sources_feedback_html(result: pd.DataFrame) -> str:
    answered = result["correct"].notna()
    right = int(result["correct"].fillna(False).sum())
    lines = [f"<p><b>{right} of {int(answered.sum())} answered right</b> ({len(result)} statements).</p><ul>"]
    for r in result.itertuples():
        if pd.isna(r.correct):
            continue
        who = html.escape(_as_text(r.speaker))
        if r.correct:
            lines.append(f"<li>✓ quote {r.quote_id} ({who}): {html.escape(r.kit)}.</li>")
        else:
            lines.append(
                f"<li>✗ quote {r.quote_id} ({who}): you said {html.escape(r.answer)}, the kit says"
                f" <b>{html.escape(r.kit)}</b>: {html.escape(r.why)}.</li>"
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


def reframe_choices(article, outlet_labels: pd.DataFrame | None = None) -> dict[int, list[str]]:
    """For each of the narration's labels, the other outlets' labels for the same actor.

    Returns ``{label_id: [the label as written, alternative, ...]}`` (the article's own
    label first, alternatives in the order of :func:`kit.outlet_labels`).
    """
    import kit

    labels = article.labels
    others = kit.outlet_labels() if outlet_labels is None else outlet_labels
    article_outlet = str(article.metadata.get("outlet") or "")
    choices: dict[int, list[str]] = {}
    for r in labels.itertuples():
        if str(r.voice) != "narration":
            continue
        same = others[(others["actor"] == r.actor) & ~others["outlet"].str.startswith(article_outlet or "\0")]
        alternatives = [str(x) for x in same["label"] if "(" not in str(x)]
        if alternatives:
            choices[int(r.label_id)] = list(dict.fromkeys([str(r.label), *alternatives]))
    return choices


def _changed_sentences(old: str, new: str, diff: pd.DataFrame, article) -> str:
    """The sentences that changed, each shown as a word diff."""
    if diff.empty:
        return "<p><em>No label swapped yet: pick one above.</em></p>"
    changes = sorted(zip(diff["start_char"], diff["end_char"], diff["new_start"], diff["new_end"]))

    def shifted(position: int) -> int:  # where an unchanged position of the old text is in the new
        return position + sum((ne - ns) - (oe - os) for os, oe, ns, ne in changes if oe <= position)

    out = []
    rows = article._sentence_rows
    for s, e in zip(rows["start_char"], rows["end_char"]):
        if any(s <= os and oe <= e for os, oe, _, _ in changes):
            out.append(f"<p>{diff_html(old[s:e], new[shifted(s) : shifted(e)])}</p>")
    return "".join(out)


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


# ----- the widgets -------------------------------------------------------------------------


@cache
def _static(name: str) -> str:
    return resources.files("kit").joinpath("static", name).read_text(encoding="utf-8")


class _Shell:
    """Common behaviour: a root ipywidgets box that Jupyter displays."""

    widget: Any

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: display it in a notebook cell>"


@cache
def _highlight_view_class():
    import anywidget
    import traitlets

    class HighlightView(anywidget.AnyWidget):
        _esm = _static("viewer.js")
        _css = _static("widgets.css")
        html = traitlets.Unicode("").tag(sync=True)
        selected = traitlets.Int(-1).tag(sync=True)

    return HighlightView


@cache
def _drag_list_class():
    import anywidget
    import traitlets

    class DragList(anywidget.AnyWidget):
        _esm = _static("orderer.js")
        _css = _static("widgets.css")
        labels = traitlets.Dict({}).tag(sync=True)
        order = traitlets.List([]).tag(sync=True)

    return DragList


def _dropdown(description: str, options, value):
    import ipywidgets as w

    return w.Dropdown(
        description=description, options=options, value=value, style={"description_width": "initial"}
    )


class ArticleViewer(_Shell):
    """The article, highlighted by one of its tables; see :func:`article_viewer`."""

    def __init__(self, article, table: str | pd.DataFrame = "sentences", *, by=None, keep=None):
        import ipywidgets as w

        self.article = article
        self.tables: dict[str, pd.DataFrame | str] = {name: name for name in offset_tables(article)}
        if isinstance(table, pd.DataFrame):
            _table(article, table)
            self.tables = {"your table": table.reset_index(drop=True), **self.tables}
            table = "your table"
        elif table not in self.tables:
            _table(article, table)  # raises the friendly error for unknown tables
        self.table_select = _dropdown("table", list(self.tables), table)
        self.by_select = _dropdown("colour by", [], None)
        self.keep_select = _dropdown("show", [ALL], ALL)
        self.view = _highlight_view_class()()
        self.row_view = w.HTML(row_html(article, table, None))
        self._busy = False
        self._set_table(table, by=by, keep=keep)
        self.table_select.observe(lambda c: self._set_table(c["new"]), "value")
        self.by_select.observe(lambda c: self._set_by(c["new"]), "value")
        self.keep_select.observe(lambda c: self._redraw(), "value")
        self.view.observe(lambda c: self._show_row(c["new"]), "selected")
        controls = w.HBox([self.table_select, self.by_select, self.keep_select])
        self.widget = w.VBox([controls, self.view, self.row_view])
        self.widget.add_class("kit-widget")
        self.widget.add_class("kit-viewer")

    @property
    def frame(self) -> pd.DataFrame:
        source = self.tables[self.table_select.value]
        return source if isinstance(source, pd.DataFrame) else self.article.table(source)

    def _set_table(self, name: str, *, by=None, keep=None) -> None:
        self._busy = True
        frame = self.frame if self.table_select.value == name else _table(self.article, self.tables[name])
        options = colour_columns(frame)
        by = by or _default_by(name, frame)
        if by is not None and by not in options:
            options = [by, *options]
        self.by_select.options = options
        self.by_select.value = by
        self._busy = False
        self._set_by(by, keep=keep)

    def _set_by(self, by, *, keep=None) -> None:
        if self._busy:
            return
        self._busy = True
        values = _value_order(self.frame[by]) if by else []
        self.keep_select.options = [ALL, *values]
        self.keep_select.value = keep if keep in values else ALL
        self._busy = False
        self._redraw()

    def _redraw(self) -> None:
        if self._busy:
            return
        self.view.selected = -1
        self.view.html = highlight_html(
            self.article, self.frame, by=self.by_select.value, keep=self.keep_select.value
        )
        self.row_view.value = row_html(self.article, self.frame, None)

    def _show_row(self, row: int) -> None:
        self.row_view.value = row_html(self.article, self.frame, row)

    @property
    def spans(self) -> pd.DataFrame:
        """What is highlighted now (:func:`highlight_spans` with the widget's choices)."""
        return highlight_spans(self.article, self.frame, by=self.by_select.value, keep=self.keep_select.value)


def article_viewer(
    article, table: str | pd.DataFrame = "sentences", *, by: str | None = None, keep: str | None = None
) -> ArticleViewer:
    """Show the article highlighted by a table, with filters, and the row behind each highlight.

    Choose the table, the column that colours it (``colour by``) and which
    values to ``show``. Click a highlight, or press Tab until one is focused
    and then Enter, to see its row below the text.

    Parameters
    ----------
    article
        The :class:`kit.Article`.
    table
        A table's name (any table with ``start_char`` and ``end_char``), or your own DataFrame.
    by, keep
        The colouring column and the value to show (see :func:`highlight_spans`).
    """
    return ArticleViewer(article, table, by=by, keep=keep)


class SourceSorter(_Shell):
    """Sort each statement's source; see :func:`source_sorter`."""

    def __init__(self, article, quotes: pd.DataFrame | None = None):
        import ipywidgets as w

        self.article = article
        self.quotes = article.quotes if quotes is None else quotes.reset_index(drop=True)
        self.choices: dict[int, Any] = {}
        rows = []
        text = article.text
        for r in self.quotes.itertuples():
            excerpt = text[r.start_char : r.end_char]
            if len(excerpt) > 160:
                excerpt = excerpt[:157] + "..."
            pick = _dropdown(f"quote {r.quote_id}", ["?", *SOURCE_TYPES], "?")
            pick.observe(lambda c: self._update(), "value")
            self.choices[int(r.quote_id)] = pick
            rows.append(w.VBox([w.HTML(f"<blockquote>{html.escape(excerpt)}</blockquote>"), pick]))
        self.feedback = w.HTML()
        self.widget = w.VBox([*rows, self.feedback])
        self.widget.add_class("kit-widget")
        self.widget.add_class("kit-sorter")
        self._update()

    @property
    def answers(self) -> dict[int, str | None]:
        return {q: (None if p.value == "?" else p.value) for q, p in self.choices.items()}

    @property
    def result(self) -> pd.DataFrame:
        return check_sources(self.quotes, self.answers)

    def _update(self) -> None:
        self.feedback.value = _sources_feedback_html(self.result)


def source_sorter(article, quotes: pd.DataFrame | None = None) -> SourceSorter:
    """For each statement, choose its source type; each choice is checked at once.

    A thin shell over :func:`check_sources`.
    """
    return SourceSorter(article, quotes)


class ReframingLab(_Shell):
    """Swap labels and read the reframed article; see :func:`reframing_lab`."""

    def __init__(self, article, choices: Mapping[int, Sequence[str]] | None = None):
        import ipywidgets as w

        self.article = article
        self.labels = article.labels
        choices = reframe_choices(article) if choices is None else dict(choices)
        self.picks: dict[int, Any] = {}
        rows = []
        for lid, options in choices.items():
            row = self.labels[self.labels["label_id"] == lid].iloc[0]
            pick = _dropdown(f"{row['label']} ({row['actor']})", list(options), options[0])
            pick.layout.width = "auto"
            pick.observe(lambda c: self._update(), "value")
            self.picks[int(lid)] = pick
            rows.append(pick)
        self.diff_view = w.HTML()
        self.widget = w.VBox([*rows, w.HTML("<b>What changed</b>"), self.diff_view])
        self.widget.add_class("kit-widget")
        self.widget.add_class("kit-reframe")
        self._update()

    @property
    def substitutions(self) -> dict[int, str]:
        """``{label_id: replacement}`` for every label you changed."""
        out = {}
        for lid, pick in self.picks.items():
            original = self.labels.loc[self.labels["label_id"] == lid, "label"].iloc[0]
            if pick.value != original:
                out[lid] = pick.value
        return out

    @property
    def result(self):
        import kit

        return kit.reframe(self.article, self.substitutions)

    def _update(self) -> None:
        result = self.result
        self.diff_view.value = _changed_sentences(result.original, result.text, result.diff, self.article)


def reframing_lab(article, choices: Mapping[int, Sequence[str]] | None = None) -> ReframingLab:
    """Pick other outlets' labels for the article's own, and see the reframed sentences as a diff.

    A thin shell over :func:`kit.reframe` and :func:`diff_html`; ``choices`` defaults to
    :func:`reframe_choices`.
    """
    return ReframingLab(article, choices)


class EventOrderer(_Shell):
    """Put events in time order; see :func:`event_orderer`."""

    def __init__(self, article, events: pd.DataFrame | None = None, *, check: Callable | None = None):
        import ipywidgets as w

        self.article = article
        self.events = article.events if events is None else events.reset_index(drop=True)
        self._check = check
        self._partial = events is not None
        name_col = next(
            c for c in ("description", "label", "summary", "text", "trigger") if c in self.events.columns
        )
        self.names = {int(i): str(n) for i, n in zip(self.events["event_id"], self.events[name_col])}
        start = list(self.names)
        self.drag = _drag_list_class()(labels={str(k): v for k, v in self.names.items()}, order=start)
        self.pick = w.Select(options=self._options(start), rows=min(len(start), 10), description="event")
        self.up = w.Button(description="Up", icon="arrow-up", tooltip="Move the chosen event earlier")
        self.down = w.Button(description="Down", icon="arrow-down", tooltip="Move the chosen event later")
        self.check_button = w.Button(description="Check my order", button_style="primary")
        self.feedback = w.HTML("<em>Order the events, then press Check my order.</em>")
        self.up.on_click(lambda _: self._step(-1))
        self.down.on_click(lambda _: self._step(1))
        self.check_button.on_click(lambda _: self.check())
        self.drag.observe(lambda c: self._sync(c["new"]), "order")
        keyboard = w.HBox([self.pick, w.VBox([self.up, self.down])])
        self.widget = w.VBox([self.drag, keyboard, self.check_button, self.feedback])
        self.widget.add_class("kit-widget")
        self.widget.add_class("kit-orderer")

    def _options(self, order):
        return [(f"{i + 1}. {self.names[e]}", e) for i, e in enumerate(order)]

    @property
    def order(self) -> list[int]:
        return [int(e) for e in self.drag.order]

    @order.setter
    def order(self, value: Sequence[int]) -> None:
        self.drag.order = [int(e) for e in value]

    def _sync(self, order) -> None:
        chosen = self.pick.value
        self.pick.options = self._options(order)
        if chosen is not None:
            self.pick.value = chosen

    def _step(self, step: int) -> None:
        if self.pick.value is None:
            self.feedback.value = "<em>First choose an event in the list.</em>"
            return
        self.order = move(self.order, self.order.index(self.pick.value), step)

    def check(self) -> str:
        text = order_feedback(self.article, self.order, check=self._check, partial=self._partial)
        lines = text.split("\n")
        if len(lines) > 1:
            items = "".join(f"<li>{html.escape(line.split('. ', 1)[1])}</li>" for line in lines[1:])
            self.feedback.value = f"<p>{html.escape(lines[0])}</p><ol>{items}</ol>"
        else:
            self.feedback.value = f"<p>{html.escape(text)}</p>"
        return text


def event_orderer(
    article, events: pd.DataFrame | None = None, *, check: Callable | None = None
) -> EventOrderer:
    """Drag the events into the order they happened (or select one and press Up / Down), then check.

    A thin shell over :func:`move` and :func:`order_feedback` (which uses :func:`kit.check_order`).
    """
    return EventOrderer(article, events, check=check)
