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

from kit.feedback import (
    SOURCE_TYPE_MEANING,
    SOURCE_TYPES,
    WidgetInputError,
    check_answer,
    check_sources,
    diff_html,
    move,
    order_feedback,
)
from kit.widgets.highlight import (
    DEFAULT_BY,
    PAGE_CHARS,
    colour_columns,
    highlight_html,
    highlight_spans,
    offset_tables,
    row_html,
    row_record,
    viewer_pages,
)
from kit.widgets.orderer import EventOrderer, event_orderer
from kit.widgets.reframing import ReframingLab, reframe_choices, reframing_lab
from kit.widgets.shell import _widget_classes
from kit.widgets.sorter import SourceSorter, source_sorter
from kit.widgets.viewer import ArticleViewer, article_viewer

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
    "viewer_pages",
]


def __getattr__(name: str):
    """``kit.widgets.DragList`` and the other anywidget classes, built on first use (anywidget loads lazily)."""
    if name in ("KitFrame", "HighlightView", "DragList"):
        return _widget_classes()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
