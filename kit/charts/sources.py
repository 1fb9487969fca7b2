"""Charts of who speaks and who is named: source types of the quotes, entity types."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.charts.bars import _bar, _described, _require, _type_column, _values
from kit.charts.colours import mark_palette
from kit.charts.offline import _ready

if TYPE_CHECKING:  # altair is imported lazily, inside the functions
    import altair as alt

SOURCE_TYPES = ("named", "organization", "anonymous", "own_sources")
KINDS = ("direct", "indirect", "mixed")


def source_types_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Statements by source type and kind: ``source_type``, ``kind``, ``n`` (every pair, zeros kept).

    Examples
    --------
    >>> t = pd.DataFrame({"source_type": ["named", "named", "anonymous"], "kind": ["direct", "indirect", "indirect"]})
    >>> source_types_table(t).query("n > 0")
      source_type      kind  n
    0       named    direct  1
    1       named  indirect  1
    7   anonymous  indirect  1
    """
    _require(quotes, ["source_type", "kind"], "source_types")
    types = list(dict.fromkeys([*SOURCE_TYPES, *_values(quotes["source_type"])]))
    kinds = list(dict.fromkeys([*KINDS, *_values(quotes["kind"])]))
    pairs = quotes[["source_type", "kind"]].astype("string").value_counts()
    rows = [(t, k, int(pairs.get((t, k), 0))) for t in types for k in kinds]
    return pd.DataFrame(
        {
            "source_type": pd.Series([r[0] for r in rows], dtype="string"),
            "kind": pd.Series([r[1] for r in rows], dtype="string"),
            "n": pd.Series([r[2] for r in rows], dtype="int64"),
        }
    )


def source_types_text(quotes: pd.DataFrame) -> str:
    """Say :func:`source_types_table` in one sentence.

    Examples
    --------
    >>> t = pd.DataFrame({"source_type": ["named", "named", "anonymous"], "kind": ["direct", "indirect", "indirect"]})
    >>> source_types_text(t)
    '3 statements: named 2 (1 direct, 1 indirect), organization 0, anonymous 1 (1 indirect), own_sources 0.'
    """
    data = source_types_table(quotes)
    bits = []
    for t, rows in data.groupby("source_type", sort=False):
        total = int(rows["n"].sum())
        detail = ", ".join(f"{n} {k}" for k, n in zip(rows["kind"], rows["n"]) if n)
        bits.append(f"{t} {total}" + (f" ({detail})" if detail else ""))
    return f"{int(data['n'].sum())} statements: {', '.join(bits)}."


def source_types_chart(quotes: pd.DataFrame) -> alt.Chart:
    """Statements by source type, stacked by kind (direct, indirect, mixed).

    Examples
    --------
    >>> t = pd.DataFrame({"source_type": ["named", "anonymous"], "kind": ["direct", "indirect"]})
    >>> spec = source_types_chart(t).to_dict()
    >>> spec["title"], spec["encoding"]["color"]["field"]
    ('Who speaks: statements by source type', 'kind')
    """
    import altair as alt

    _ready()
    data = source_types_table(quotes)
    kinds = list(dict.fromkeys(data["kind"]))
    colours = mark_palette(kinds)
    title = "Who speaks: statements by source type"
    return (
        alt.Chart(data, title=title, description=_described(title, source_types_text(quotes)))
        .mark_bar(stroke="#FFFFFF", strokeWidth=1)
        .encode(
            x=alt.X("sum(n):Q", title="number of statements", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("source_type:N", sort=list(dict.fromkeys(data["source_type"])), title="source type"),
            color=alt.Color(
                "kind:N", scale=alt.Scale(domain=kinds, range=list(colours.values())), title="kind"
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=["source_type:N", "kind:N", "n:Q"],
        )
        .transform_calculate(kind_order=f"indexof({kinds!r}, datum.kind)")
        .properties(width=360, height=alt.Step(30))
        .configure(aria=True)
    )


# ----- entities -------------------------------------------------------------------


def entity_types_table(entities: pd.DataFrame) -> pd.DataFrame:
    """Entity mentions by type (the ``type`` or ``entity_type`` column), with distinct entities.

    Columns: the type column, ``mentions`` and ``entities`` (distinct ``entity_id``).
    """
    col = _type_column(entities, ("type", "entity_type", "label"), "entity_types")
    order = _values(entities[col])
    key = entities[col].astype("string")
    mentions = key.value_counts()
    distinct = (
        entities.assign(_k=key).groupby("_k")["entity_id"].nunique()
        if "entity_id" in entities.columns
        else mentions
    )
    return pd.DataFrame(
        {
            col: pd.Series(order, dtype="string"),
            "mentions": pd.Series([int(mentions.get(v, 0)) for v in order], dtype="int64"),
            "entities": pd.Series([int(distinct.get(v, 0)) for v in order], dtype="int64"),
        }
    )


def entity_types_text(entities: pd.DataFrame) -> str:
    """Say :func:`entity_types_table` in one sentence."""
    data = entity_types_table(entities)
    col = data.columns[0]
    bits = ", ".join(
        f"{t} {m} ({e} distinct)" for t, m, e in zip(data[col], data["mentions"], data["entities"])
    )
    return f"{int(data['mentions'].sum())} entity mentions by type: {bits}."


def entity_types_chart(entities: pd.DataFrame) -> alt.Chart:
    """Entity mentions by type, one colour per type."""
    data = entity_types_table(entities)
    col = data.columns[0]
    return _bar(
        data,
        category=col,
        count="mentions",
        title="Who and what is named: entity mentions by type",
        description=entity_types_text(entities),
        x_title="mentions",
        order=list(data[col]),
    )
