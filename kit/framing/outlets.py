"""Other outlets and other sources: how they labelled the same actors, and what they reported.

Both tables are shipped data with a source on every row, read unchanged:
``kit/data/outlet_labels.csv`` (one row per outlet, actor and label) and the
table in ``kit/data/corroboration_facts.md``. No outlet's words are the
neutral ones: the seed's own labels are rows too.
"""

from __future__ import annotations

import pandas as pd

from kit.lexicons import data_path, read_table
from kit.schemas import Column, frame, register

__all__ = ["corroboration_facts", "outlet_labels", "outlet_rows"]

register(
    "outlet_labels",
    [
        Column("outlet", "category", "the outlet or official source, in the file's order"),
        Column(
            "outlet_kind", "category", "what kind of source it is (wire, state broadcaster, government, ...)"
        ),
        Column("url", "string", "the page the label comes from; <NA> where the source gave none"),
        Column("date", "datetime64[us]", "the day the source published it"),
        Column("actor", "string", "who or what it labels, in plain words (joins with article.labels)"),
        Column("label", "string", "the source's label, exactly as written"),
    ],
)
register(
    "corroboration_facts",
    [
        Column("fact", "string", "a fact another source reported about the same events"),
        Column("source", "string", "who reported it, and where"),
    ],
)


def outlet_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``kit/data/outlet_labels.csv``, as read by :func:`kit.lexicons.read_table`."""
    return read_table("outlet_labels.csv")


def outlet_labels() -> pd.DataFrame:
    """Return how other outlets and officials labelled the same actors, with sources.

    The table is ``kit/data/outlet_labels.csv``, unchanged: one row per
    (outlet, actor, label), with the page it comes from. Its ``actor`` values
    are those of :attr:`Article.labels`, so the two tables join on ``actor``.
    The seed's own labels are rows too: no outlet's words are the neutral ones.

    Returns
    -------
    pandas.DataFrame
        The columns of ``kit.describe("outlet_labels")``: ``outlet`` and
        ``outlet_kind`` (category), ``url`` (string, <NA> where the source
        gave none), ``date`` (datetime64), ``actor`` and ``label`` (string).

    Examples
    --------
    >>> import kit
    >>> o = kit.outlet_labels()
    >>> o.loc[o["outlet"] == "Reuters", ["actor", "label"]]
                                     actor                  label
    9  Kata'ib Hezbollah and allied groups  Iran-aligned militants
    10                           US troops             U.S. troops
    >>> seed = kit.load_article().labels
    >>> joined = seed.merge(o, on="actor", suffixes=("", "_elsewhere"))
    >>> sorted(joined["actor"].unique())
    ["Kata'ib Hezbollah and allied groups", 'Sites struck', 'US strikes', 'US troops']
    """
    rows = outlet_rows()
    outlets = list(dict.fromkeys(r["outlet"] for r in rows))
    kinds = list(dict.fromkeys(r["outlet_kind"] for r in rows))
    return pd.DataFrame(
        {
            "outlet": pd.Categorical([r["outlet"] for r in rows], categories=outlets),
            "outlet_kind": pd.Categorical([r["outlet_kind"] for r in rows], categories=kinds),
            "url": pd.Series([r["url"] or None for r in rows], dtype="string"),
            "date": pd.to_datetime([r["date"] for r in rows], format="%Y-%m-%d"),
            "actor": pd.Series([r["actor"] for r in rows], dtype="string"),
            "label": pd.Series([r["label"] for r in rows], dtype="string"),
        }
    )


def corroboration_facts() -> pd.DataFrame:
    """Return facts from other sources about the same events, each with its source.

    Parsed from the table in ``kit/data/corroboration_facts.md`` (shipped
    unchanged), for exercises that compare the article's claims with other
    sources. No source is presented as the truth.

    Examples
    --------
    >>> import kit
    >>> f = kit.corroboration_facts()
    >>> f.columns.tolist(), len(f)
    (['fact', 'source'], 8)
    >>> f.loc[3, "fact"]
    'AFP reported 1 killed and 24 wounded (20 in Hilla, 4 in Wassit)'
    """
    text = data_path("corroboration_facts.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) < 2 or set("".join(cells)) <= set("-: "):
            continue
        rows.append((cells[0], " | ".join(cells[1:])))
    if rows and rows[0] == ("fact", "source"):
        rows = rows[1:]
    return frame("corroboration_facts", {"fact": [r[0] for r in rows], "source": [r[1] for r in rows]})
