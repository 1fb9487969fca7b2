"""The article viewer widget, over :mod:`kit.widgets.highlight`."""

from __future__ import annotations

import pandas as pd

from kit.widgets.highlight import (
    ALL,
    _default_by,
    _table,
    _value_order,
    colour_columns,
    highlight_html,
    highlight_spans,
    offset_tables,
    row_html,
    viewer_pages,
)
from kit.widgets.shell import _box, _dropdown, _live, _Shell, _widget_classes


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
