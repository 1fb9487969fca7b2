"""Charts of framing labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.charts.bars import _bar, _type_column, count_table, count_text

if TYPE_CHECKING:  # altair is imported lazily, inside the functions
    import altair as alt


def labels_table(labels: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Labels counted by one column (``by``; default: the first of ``device``, ``voice``,
    ``category``, ``kind`` that the table has). Columns: ``by`` and ``n``.

    :func:`labels_chart` draws this table and says :func:`labels_text` in its
    description, with the same ``by``: pass the chart's ``by`` to the twin too.
    """
    col = by or _type_column(labels, ("device", "voice", "category", "kind"), "labels")
    return count_table(labels, col)


def labels_text(labels: pd.DataFrame, *, by: str | None = None) -> str:
    """Say :func:`labels_table` in one sentence."""
    col = labels_table(labels, by=by).columns[0]
    return count_text(labels, col, noun="labels")


def labels_chart(labels: pd.DataFrame, *, by: str | None = None) -> alt.Chart:
    """A bar chart of :func:`labels_table`."""
    data = labels_table(labels, by=by)
    col = data.columns[0]
    return _bar(
        data,
        category=col,
        title=f"How actors and actions are named: labels by {col}",
        description=labels_text(labels, by=by),
        x_title="number of labels",
        order=list(data[col]),
    )
