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

import html
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd

from kit.charts import OKABE_ITO, darker, palette
from kit.errors import did_you_mean, format_options
from kit.feedback import (
    SOURCE_TYPE_MEANING,
    SOURCE_TYPES,
    WidgetInputError,
    changed_sentences_html,
    check_answer,
    check_sources,
    diff_html,
    move,
    order_feedback,
    source_feedback,
    sources_summary,
)

__all__ = [
    "DEFAULT_BY",
    "PAGE_CHARS",
    "SOURCE_TYPES",
    "SOURCE_TYPE_MEANING",
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


# ----- reframing ------------------------------------------------------------------------


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


# ----- the widgets -------------------------------------------------------------------------


@cache
def _static(name: str) -> str:
    return resources.files("kit").joinpath("static", name).read_text(encoding="utf-8")


_KIND = {
    "ArticleViewer": "Article viewer",
    "SourceSorter": "Source sorter",
    "ReframingLab": "Reframing lab",
    "EventOrderer": "Event orderer",
}


class _Shell:
    """Common behaviour: a root ipywidgets box that Jupyter displays.

    Every kit widget holds a :class:`KitFrame`, which keeps JupyterLab's and
    Notebook 7's command-mode shortcuts (arrow keys, letters) away from the
    widget's controls, announces its feedback through polite live regions and
    brings the kit's stylesheet (focus rings of 3:1 or more).
    """

    widget: Any

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        if isinstance(data, dict) and "text/plain" in data:
            data["text/plain"] = self._plain_line()
        return bundle

    def _plain_line(self) -> str:
        kind = _KIND.get(type(self).__name__, type(self).__name__)
        return f"{kind}: an interactive widget; run the notebook's cells to use it (it needs the kernel)."

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: display it in a notebook cell>"


def _box(children, *classes: str):
    import ipywidgets as w

    box = w.VBox([*children, _widget_classes()["KitFrame"]()])
    for name in ("kit-widget", *classes):
        box.add_class(name)
    return box


def _live(value: str = ""):
    """An HTML output that screen readers announce when it changes (a polite live region)."""
    import ipywidgets as w

    out = w.HTML(value)
    out.add_class("kit-live")
    return out


@cache
def _widget_classes() -> dict[str, type]:
    import anywidget
    import traitlets

    class KitFrame(anywidget.AnyWidget):
        """Hidden helper inside every kit widget: shortcuts off, live regions on, the kit's CSS."""

        _esm = _static("frame.js")
        _css = _static("widgets.css")

        def __repr__(self) -> str:
            return "KitFrame()"

    class HighlightView(anywidget.AnyWidget):
        """The article viewer's highlighted text (HTML from :func:`highlight_html`)."""

        _esm = _static("viewer.js")
        _css = _static("widgets.css")
        html = traitlets.Unicode("").tag(sync=True)
        selected = traitlets.Int(-1).tag(sync=True)

        def __repr__(self) -> str:
            return f"HighlightView({self.html.count('<mark')} highlights, selected={self.selected})"

    class DragList(anywidget.AnyWidget):
        """The event orderer's drag-and-drop list: ``labels`` by id, and the ``order`` of ids."""

        _esm = _static("orderer.js")
        _css = _static("widgets.css")
        labels = traitlets.Dict({}).tag(sync=True)
        order = traitlets.List([]).tag(sync=True)

        def __repr__(self) -> str:
            return f"DragList(order={list(self.order)})"

    classes = {"KitFrame": KitFrame, "HighlightView": HighlightView, "DragList": DragList}
    for name, cls in classes.items():
        cls.__module__, cls.__qualname__ = __name__, name
    return classes


def __getattr__(name: str):
    """``kit.widgets.DragList`` and the other anywidget classes, built on first use (anywidget loads lazily)."""
    if name in ("KitFrame", "HighlightView", "DragList"):
        return _widget_classes()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        pages = viewer_pages(article)
        self.page_select = _dropdown("page", [(f"{i + 1} of {len(pages)}", i) for i in range(len(pages))], 0)
        self.view = _widget_classes()["HighlightView"]()
        self.row_view = _live(row_html(article, table, None))
        self._busy = False
        self._set_table(table, by=by, keep=keep)
        self.table_select.observe(lambda c: self._set_table(c["new"]), "value")
        self.by_select.observe(lambda c: self._set_by(c["new"]), "value")
        self.keep_select.observe(lambda c: self._redraw(), "value")
        self.page_select.observe(lambda c: self._redraw(), "value")
        self.view.observe(lambda c: self._show_row(c["new"]), "selected")
        controls = [self.table_select, self.by_select, self.keep_select]
        if len(pages) > 1:
            controls.append(self.page_select)
        self.widget = _box([w.HBox(controls), self.view, self.row_view], "kit-viewer")

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
            self.article,
            self.frame,
            by=self.by_select.value,
            keep=self.keep_select.value,
            page=self.page_select.value or 0,
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
    and then Enter, to see its row below the text. A text longer than
    :data:`PAGE_CHARS` characters is shown a page at a time.

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
    """Sort each statement's source; see :func:`source_sorter`.

    Each dropdown is named by its whole statement (its visible label), and its
    verdict appears right below it, in a polite live region.
    """

    def __init__(self, article, quotes: pd.DataFrame | None = None):
        self.article = article
        self.quotes = article.quotes if quotes is None else quotes.reset_index(drop=True)
        self.choices: dict[int, Any] = {}
        self.verdicts: dict[int, Any] = {}
        rows = []
        text = article.text
        for r in self.quotes.itertuples():
            statement = " ".join(text[r.start_char : r.end_char].split())
            pick = _dropdown(statement, ["?", *SOURCE_TYPES], "?")
            pick.add_class("kit-statement")
            pick.observe(lambda c: self._update(), "value")
            self.choices[int(r.quote_id)] = pick
            self.verdicts[int(r.quote_id)] = _live()
            rows.extend([pick, self.verdicts[int(r.quote_id)]])
        self.feedback = _live()
        self.widget = _box([*rows, self.feedback], "kit-sorter")
        self._update()

    @property
    def answers(self) -> dict[int, str | None]:
        return {q: (None if p.value == "?" else p.value) for q, p in self.choices.items()}

    @property
    def result(self) -> pd.DataFrame:
        return check_sources(self.quotes, self.answers)

    def _update(self) -> None:
        result = self.result
        for _, row in result.iterrows():
            said = source_feedback(row)
            self.verdicts[int(row["quote_id"])].value = f"<p>{html.escape(said)}</p>" if said else ""
        self.feedback.value = f"<p><b>{html.escape(sources_summary(result))}</b></p>"


def source_sorter(article, quotes: pd.DataFrame | None = None) -> SourceSorter:
    """For each statement, choose its source type; each choice is checked at once.

    A thin shell over :func:`kit.feedback.check_sources`.
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
        self.diff_view = _live()
        self.widget = _box([*rows, w.HTML("<b>What changed</b>"), self.diff_view], "kit-reframe")
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
        self.diff_view.value = changed_sentences_html(self.result.sentences)


def reframing_lab(article, choices: Mapping[int, Sequence[str]] | None = None) -> ReframingLab:
    """Pick other outlets' labels for the article's own, and see the reframed sentences as a diff.

    A thin shell over :func:`kit.reframe` and :func:`kit.feedback.changed_sentences_html`;
    ``choices`` defaults to :func:`reframe_choices`.
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
        self.drag = _widget_classes()["DragList"](
            labels={str(k): v for k, v in self.names.items()}, order=start
        )
        self.pick = w.Select(options=self._options(start), rows=min(len(start), 10), description="event")
        self.up = w.Button(description="Up", icon="arrow-up", tooltip="Move the chosen event earlier")
        self.down = w.Button(description="Down", icon="arrow-down", tooltip="Move the chosen event later")
        self.check_button = w.Button(description="Check my order", button_style="primary")
        self.feedback = _live("<p><em>Order the events, then press Check my order.</em></p>")
        self.up.on_click(lambda _: self._step(-1))
        self.down.on_click(lambda _: self._step(1))
        self.check_button.on_click(lambda _: self.check())
        self.drag.observe(lambda c: self._sync(c["new"]), "order")
        keyboard = w.HBox([self.pick, w.VBox([self.up, self.down])])
        self.widget = _box([self.drag, keyboard, self.check_button, self.feedback], "kit-orderer")

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
            self.feedback.value = "<p><em>First choose an event in the list.</em></p>"
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

    A thin shell over :func:`kit.feedback.move` and :func:`kit.feedback.order_feedback`
    (which uses :func:`kit.check_order`).
    """
    return EventOrderer(article, events, check=check)
