"""The article viewer's pure functions: which tables have offsets, the highlighted spans, their HTML and the row behind a highlight."""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from kit.charts import OKABE_ITO, darker, palette
from kit.errors import did_you_mean, format_options
from kit.feedback import (
    WidgetInputError,
)

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

PAGE_CHARS = 20_000
"""The viewer shows a longer article in pages of about this many characters
(whole paragraphs), so that a pasted book stays quick to draw."""

_HIDDEN_PARTS = frozenset({"breadcrumb", "boilerplate"})
_NOT_COLOURS = frozenset(
    {"start_char", "end_char", "text", "rule", "content", "content_start", "content_end"}
)
ALL = "all"

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
    kit.feedback.WidgetInputError: The table has no column 'parts'. Did you mean 'part'? ...
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
    # The tint behind the words is light (text stays readable); the underline is
    # the palette colour darkened until it reaches 3:1 against white (WCAG 1.4.11).
    return f"background:{colour}55;border-bottom:3px solid {darker(colour)}"


def _words(text: str, *, most: int = 8) -> str:
    """The first words of a highlight, to name it ("Lloyd Austin"; a long one ends with "...")."""
    words = text.split()
    return " ".join(words[:most]) + (" ..." if len(words) > most else "")


def viewer_pages(article, *, size: int = PAGE_CHARS) -> list[tuple[int, int]]:
    """The viewer's pages: ``(start_char, end_char)`` runs of whole paragraphs, each about ``size`` characters.

    An article of ``size`` characters or fewer is one page. Past that the
    viewer shows one page at a time (with a page chooser and a message), so that a
    long pasted text stays quick to draw.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> viewer_pages(article) == [(0, len(article.text))]
    True
    >>> len(viewer_pages(article, size=1000)) > 1
    True
    """
    if len(article.text) <= size:
        return [(0, len(article.text))]
    pages: list[tuple[int, int]] = []
    start = end = None
    for p in article.doc.paragraphs:
        if start is None:
            start = p.start_char
        elif p.end_char - start > size:
            pages.append((start, end))
            start = p.start_char
        end = p.end_char
    if start is not None:
        pages.append((start, end))
    return pages or [(0, len(article.text))]


def highlight_html(
    article,
    table: str | pd.DataFrame,
    *,
    by: str | None = None,
    keep: str | Iterable[str] | None = None,
    selected: int | None = None,
    legend: bool = True,
    page: int = 0,
) -> str:
    """The article as HTML, with the table's rows highlighted and coloured by ``by``.

    Each highlight is a ``<mark>`` with ``data-row`` (the table's row number),
    ``data-value`` (its ``by`` value), ``tabindex="0"`` so that Tab reaches it,
    and an ``aria-label`` naming it by its words first, then its value
    ("Lloyd Austin, PERSON"); its ``title`` adds the column and row. The page
    furniture (breadcrumb, share links) is left out. An article longer than
    :data:`PAGE_CHARS` characters is shown one page at a time (``page``,
    counted from 0; see :func:`viewer_pages`), with a line saying so.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> page = highlight_html(article, "quote_marks", keep="True", legend=False)
    >>> page.count("<mark"), 'data-row="3"' in page
    (4, True)
    >>> 'aria-label="Lloyd Austin, PERSON"' in highlight_html(article, "entities")
    True
    """
    frame = _table(article, table)
    name = table if isinstance(table, str) else None
    by = by or _default_by(name, frame)
    spans = highlight_spans(article, frame, by=by, keep=keep)
    order = _value_order(frame[by]) if by else ["row"]
    colours = palette(order)
    pages = viewer_pages(article)
    if not 0 <= page < len(pages):
        raise WidgetInputError(f"There is no page {page}: the viewer has pages 0 to {len(pages) - 1}.")
    first, last = pages[page]
    triples = [
        (a, b, r)
        for a, b, r in zip(spans["start_char"], spans["end_char"], spans["row"])
        if a < last and b > first
    ]
    value_of = dict(zip(spans["row"], spans["value"]))
    text = article.text
    name_of = {int(r): _words(text[a:b]) for a, b, r in triples}
    out = []
    if len(pages) > 1:
        out.append(
            f'<p class="kit-note">Page {page + 1} of {len(pages)}: this text is longer than'
            f" {PAGE_CHARS:,} characters, so the viewer shows it a page at a time. Choose the page above.</p>"
        )
    if legend:
        counts = spans.drop_duplicates("row")["value"].value_counts()
        items = "".join(
            f'<span><i style="background:{colours[v]};border:1px solid {darker(colours[v])}"></i>'
            f"{html.escape(v)} ({int(counts.get(v, 0))})</span>"
            for v in order
            if keep in (None, ALL) or counts.get(v, 0)
        )
        out.append(f'<p class="kit-legend">{html.escape(str(by or ""))}: {items}</p>')
    for p in article.doc.paragraphs:
        if p.part in _HIDDEN_PARTS or p.end_char <= first or p.start_char >= last:
            continue
        body = []
        for a, b, row in _segments(p.start_char, p.end_char, triples):
            piece = html.escape(text[a:b])
            if row is None:
                body.append(piece)
                continue
            value = str(value_of[row])
            words = name_of[int(row)]
            label = html.escape(f"{words}, {value}" if by else words, quote=True)
            title = html.escape(f"{by}: {value}, row {row}" if by else f"row {row}", quote=True)
            cls = ' class="kit-selected"' if selected == row else ""
            body.append(
                f'<mark data-row="{row}" data-value="{html.escape(value, quote=True)}" tabindex="0"'
                f' role="button" title="{title}" aria-label="{label}"{cls}'
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
    words = _words(article.text[int(record["start_char"]) : int(record["end_char"])], most=12)
    cells = "".join(
        f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(str(k))}</th>"
        f"<td>{html.escape(_as_text(v))}</td></tr>"
        for k, v in record.items()
    )
    return (
        f'<div class="kit-row"><p>Row {row}: {html.escape(words)}</p>'
        f'<table aria-label="row {row}">{cells}</table></div>'
    )
