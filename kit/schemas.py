"""The documented columns of every table the kit makes.

Each table is a plain :class:`pandas.DataFrame` with a default RangeIndex and
the columns listed here, in this order, with these dtypes. Keys have the same
name in every table (``sentence_id`` everywhere), so ``merge`` just works.
Offsets are half-open: ``article.text[start_char:end_char]`` is the row's
text. The tests hold the code to these schemas; :func:`describe` shows one as
a table.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kit.parts import PART_ORDER

__all__ = [
    "INPUTS",
    "OFFSET_COLUMNS",
    "RETURNED",
    "SCHEMAS",
    "STEPS",
    "TABLES",
    "Column",
    "describe",
    "frame",
    "register",
    "schema",
]


@dataclass(frozen=True)
class Column:
    """One documented column: its name, its pandas dtype and what it means."""

    name: str
    dtype: str
    meaning: str
    categories: tuple[str, ...] | None = None
    ordered: bool = False


OFFSET_COLUMNS = [
    Column("start_char", "int64", "where the row's text starts in article.text (inclusive)"),
    Column("end_char", "int64", "where it ends (exclusive): text[start_char:end_char] is the row's text"),
]
"""The two offset columns every text-derived table shares (half-open, into article.text)."""

SCHEMAS: dict[str, list[Column]] = {
    "parts": [
        Column("paragraph_id", "int64", "the paragraph's position in the file, from 0"),
        Column("part", "category", "which part of the page it is", tuple(PART_ORDER), True),
        *OFFSET_COLUMNS,
        Column("text", "string", "the part's text, exactly as in the file"),
        Column("analysed", "bool", "True for the headline, caption and body, which are split into sentences"),
        Column("rule", "string", "the layout rule that named the part (see kit.parts)"),
    ],
    "sentences": [
        Column(
            "sentence_id", "int64", "the sentence's position in the article, from 0: the key of every table"
        ),
        Column("paragraph_id", "int64", "the paragraph it belongs to (joins with article.parts)"),
        Column("part", "category", "headline, caption or body", ("headline", "caption", "body"), True),
        *OFFSET_COLUMNS,
        Column("text", "string", "the sentence, exactly as in the file"),
        Column("n_words", "int64", "how many of its tokens are not punctuation"),
        Column("rule", "string", "why the sentence ends there: 'punkt' or 'paragraph_end'"),
    ],
    "tokens": [
        Column("token_id", "int64", "the token's position in the article, from 0"),
        Column("sentence_id", "int64", "the sentence it belongs to (joins with article.sentences)"),
        Column("position", "int64", "the token's position in its sentence, from 0"),
        *OFFSET_COLUMNS,
        Column("text", "string", "the token, exactly as in the file"),
        Column(
            "lower", "string", "lower case, with curly apostrophes made straight, for counting and matching"
        ),
        Column("is_punct", "bool", "True when every character is punctuation or a symbol"),
        Column("is_stop", "bool", "True when the word is in the shipped stop-word list"),
        Column(
            "rule",
            "string",
            "which branch of the token pattern matched: word, number, abbreviation, clitic, ... (see kit.tokens)",
        ),
    ],
}
"""Table name to its documented columns."""


TABLES: dict[str, str] = {
    "parts": "kit.document",
    "sentences": "kit.document",
    "tokens": "kit.document",
    "quote_marks": "kit.quotemarks",
    "entities": "kit.entities",
    "entity_registry": "kit.entities",
    "quotes": "kit.quotes",
    "claims": "kit.claims",
    "timeline": "kit.timeline",
    "events": "kit.timeline",
    "event_constraints": "kit.timeline",
    "labels": "kit.framing",
}
"""Table name to the module that builds it (and registers its schema).

The module exposes ``build_<table>(doc, *inputs)``: it takes the article's
:class:`kit.document.Doc` and the tables named in :data:`INPUTS`, in that
order, and returns the table. ``Article.<table>`` calls it the first time the
table is asked for."""

STEPS: dict[str, str] = {
    "_timexes": "kit.timeline",
    "_time_events": "kit.timeline",
}
"""Intermediate results that several tables share but no learner asks for.

Name to module, built like a table (``build_<name>(doc, *inputs)``) and
cached once per article, but never copied or shown: a step may return any
object. Their names start with an underscore."""

INPUTS: dict[str, tuple[str, ...]] = {
    "parts": (),
    "sentences": (),
    "tokens": (),
    "quote_marks": (),
    "entities": (),
    "entity_registry": ("entities",),
    "quotes": ("quote_marks", "entities"),
    "claims": ("quotes",),
    "_timexes": ("quote_marks", "quotes"),
    "_time_events": ("quotes", "_timexes"),
    "timeline": ("_timexes",),
    "events": ("_timexes", "_time_events"),
    "event_constraints": ("_time_events",),
    "labels": ("quote_marks", "quotes"),
}
"""Each table's (and step's) inputs: the other tables its builder takes after the ``Doc``.

This is the table graph: ``kit.describe()`` shows it."""


RETURNED: dict[str, str] = {
    "infer_published": "kit.timeline",
    "check_order": "kit.timeline",
    "headline_vs_body": "kit.framing",
    "outlet_labels": "kit.framing",
    "corroboration_facts": "kit.framing",
    "reframe_diff": "kit.framing",
    "reframe_sentences": "kit.framing",
}
"""Tables that functions return (not an Article's), name to the module that registers
the schema, so ``kit.describe(name)`` documents them too. ``reframe_diff`` and
``reframe_sentences`` are the ``.diff`` and ``.sentences`` of :func:`kit.reframe`."""


def module_of(table: str) -> str:
    """Return the module that builds a table, with a friendly error for unknown names."""
    if table in STEPS:
        return STEPS[table]
    if table in RETURNED:
        return RETURNED[table]
    if table not in TABLES:
        from kit.errors import UnknownTableError, did_you_mean, format_options

        raise UnknownTableError(
            f"There is no table called {table!r}.{did_you_mean(table, [*TABLES, *RETURNED])}"
            f" The tables are {format_options(TABLES)}."
        )
    return TABLES[table]


def register(table: str, columns: list[Column]) -> None:
    """Record the documented columns of a table (called by the module that builds it)."""
    SCHEMAS[table] = columns


def schema(table: str) -> list[Column]:
    """Return a table's documented columns, importing its module if needed."""
    if table not in SCHEMAS:
        importlib.import_module(module_of(table))
    return SCHEMAS[table]


@functools.lru_cache(maxsize=256)
def _category_dtype(categories: tuple, ordered: bool) -> pd.CategoricalDtype:
    """One validated dtype per category list (building one per table is slow)."""
    return pd.CategoricalDtype(list(categories), ordered=ordered)


def frame(table: str, data: dict[str, list[Any]]) -> pd.DataFrame:
    """Build a table from column lists, with the documented dtypes and order."""
    columns: dict[str, Any] = {}
    for col in schema(table):
        values = data[col.name]
        if col.dtype == "category":
            categories = list(col.categories or ())
            lookup = {c: i for i, c in enumerate(categories)}
            if all(v in lookup for v in values):  # the usual case, far faster than pd.Categorical
                codes = np.fromiter((lookup[v] for v in values), dtype=np.int16, count=len(values))
                columns[col.name] = pd.Categorical.from_codes(
                    codes, dtype=_category_dtype(tuple(categories), bool(col.ordered))
                )
            else:  # unknown values become missing, as pd.Categorical makes them
                columns[col.name] = pd.Categorical(values, categories=categories, ordered=col.ordered)
        elif col.dtype in ("int64", "bool", "float64"):
            columns[col.name] = np.asarray(values, dtype=col.dtype).reshape(-1)
        else:
            columns[col.name] = pd.array(values, dtype=col.dtype)
    return pd.DataFrame(columns, copy=False)


def describe(table: str | None = None) -> pd.DataFrame:
    """Return the documented columns of a table, or with no name the table graph.

    Examples
    --------
    >>> describe("sentences")[["column", "dtype"]].head(3)
             column     dtype
    0   sentence_id     int64
    1  paragraph_id     int64
    2          part  category
    >>> describe().loc[lambda t: t["table"] == "quote_marks", ["table", "module", "inputs"]]
             table          module inputs
    3  quote_marks  kit.quotemarks    doc
    """
    if table is None:
        return _graph()
    columns = schema(table)
    return pd.DataFrame(
        {
            "column": [c.name for c in columns],
            "dtype": [c.dtype for c in columns],
            "meaning": [c.meaning for c in columns],
        }
    )


def _graph() -> pd.DataFrame:
    """One row per table: the module that builds it and the tables it is built from."""

    def visible(name: str) -> list[str]:
        # a step is shown through the tables it reads
        found: list[str] = []
        for i in INPUTS[name]:
            for t in visible(i) if i in STEPS else [i]:
                if t not in found:
                    found.append(t)
        return found

    rows = []
    for name, module in TABLES.items():
        shown = ", ".join(visible(name))
        rows.append({"table": name, "module": module, "inputs": shown or "doc"})
    return pd.DataFrame(rows)
