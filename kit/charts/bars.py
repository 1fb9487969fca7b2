"""Bar charts of counts, the twins every count chart has, and the checks on the tables they draw."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from kit.charts.colours import mark_palette
from kit.charts.offline import _ready

if TYPE_CHECKING:  # altair is imported lazily, inside the functions
    import altair as alt

MAX_BARS = 25
"""A count chart draws at most this many bars: past it, the commonest values
get a bar each and the rest are summed into one bar named "other", and the
title and the text twin say so."""


def _described(title: str, text: str) -> str:
    """A chart's accessible description: its title, then its text twin (Vega makes it the aria-label)."""
    return f"{title}. {text}"


def _values(column: pd.Series) -> list[str]:
    """The values of a column in their natural order: category order, else first appearance."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories]
    return [str(v) for v in pd.unique(column.dropna())]


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"The {what} chart needs a table (a DataFrame), not {type(table).__name__}."
            f" Pass it like this: kit.charts.{what}_chart(article.{what.split('_')[0]})"
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(
            f"The {what} chart needs the column(s) {missing}, which this table does not have."
            f" Its columns are {list(table.columns)}."
        )


def _type_column(table: pd.DataFrame, candidates: Sequence[str], what: str) -> str:
    for c in candidates:
        if c in table.columns:
            return c
    raise KeyError(
        f"The {what} chart needs one of the columns {list(candidates)}; this table has {list(table.columns)}."
    )


def _bar(
    data: pd.DataFrame,
    *,
    category: str,
    title: str,
    description: str,
    x_title: str,
    order: list[str],
    count: str = "n",
) -> alt.Chart:
    import altair as alt

    _ready()
    colours = mark_palette(order)
    return (
        alt.Chart(data, title=title, description=_described(title, description))
        .mark_bar()
        .encode(
            x=alt.X(f"{count}:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(f"{category}:N", sort=order, title=None),
            color=alt.Color(
                f"{category}:N",
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=None,
            ),
            tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{count}:Q", title=x_title)],
        )
        .properties(width=360, height=alt.Step(28))
        .configure(aria=True)
    )


def count_table(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Count a table's rows by the values of one column (zero counts kept for categories).

    Past :data:`MAX_BARS` values, the commonest ``MAX_BARS - 1`` keep a row each
    and the rest are summed into one row named ``"other (N values)"``.

    Examples
    --------
    >>> import kit
    >>> count_table(kit.load_article().sentences, "part")
           part   n
    0  headline   1
    1   caption   1
    2      body  16
    >>> many = pd.DataFrame({"word": [f"w{i}" for i in range(40)]})
    >>> count_table(many, "word").tail(1)
                       word   n
    24  other (16 values)  16
    """
    _require(table, [column], "count")
    order = _values(table[column])
    counts = table[column].astype("string").value_counts()
    n = [int(counts.get(v, 0)) for v in order]
    if len(order) > MAX_BARS:
        ranked = sorted(range(len(order)), key=lambda i: (-n[i], i))
        keep = sorted(ranked[: MAX_BARS - 1])
        rest = [i for i in ranked[MAX_BARS - 1 :]]
        order = [order[i] for i in keep] + [f"other ({len(rest)} values)"]
        n = [n[i] for i in keep] + [sum(n[i] for i in rest)]
    return pd.DataFrame({column: pd.Series(order, dtype="string"), "n": pd.Series(n, dtype="int64")})


def _others(data: pd.DataFrame, column: str) -> str:
    """The note a count chart and its twin add when values were summed into "other"."""
    last = str(data[column].iloc[-1]) if len(data) else ""
    if len(data) == MAX_BARS and last.startswith("other ("):
        return f" (the {MAX_BARS - 1} commonest values, the rest summed as {last!r})"
    return ""


def count_text(table: pd.DataFrame, column: str, *, noun: str = "rows") -> str:
    """Say :func:`count_table` in one sentence.

    Examples
    --------
    >>> import kit
    >>> count_text(kit.load_article().sentences, "part", noun="sentences")
    '18 sentences by part: body 16, headline 1, caption 1.'
    """
    data = count_table(table, column)
    counts = data.sort_values("n", ascending=False, kind="stable")
    parts = ", ".join(f"{v} {n}" for v, n in zip(counts[column], counts["n"]))
    return f"{int(counts['n'].sum())} {noun} by {column.replace('_', ' ')}{_others(data, column)}: {parts}."


def count_chart(
    table: pd.DataFrame, column: str, *, noun: str = "rows", title: str | None = None
) -> alt.Chart:
    """A bar chart of :func:`count_table`; its description is :func:`count_text`.

    Examples
    --------
    >>> import kit
    >>> spec = count_chart(kit.load_article().sentences, "part", noun="sentences").to_dict()
    >>> spec["title"], spec["description"]
    ('Sentences by part', 'Sentences by part. 18 sentences by part: body 16, headline 1, caption 1.')
    """
    data = count_table(table, column)
    return _bar(
        data,
        category=column,
        title=title or f"{noun.capitalize()} by {column.replace('_', ' ')}{_others(data, column)}",
        description=count_text(table, column, noun=noun),
        x_title=f"number of {noun}",
        order=list(data[column]),
    )
