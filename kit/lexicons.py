"""Word lists and tables shipped inside the package, read without a download.

Every lexicon is a plain-text file in ``kit/data/``: its first lines are ``#``
comments that say what it is and where its entries come from, then one entry
per line (or CSV rows). :func:`read_lexicon` reads a word list and
:func:`read_table` a CSV table; nothing else in the kit parses these files.
Matching is done on :func:`match_form` (or :func:`match_text` for a whole
text, offsets kept), never on the text as displayed.

Learner entries
---------------
A learner can read every lexicon, and extend it by passing their own entries
to the function that uses it, all in the same way; :func:`kit.framing.labels`
is the model::

    labels(article, extra_terms=[{"term": "heroic", "device": "Loaded_Language"}])

- The keyword is ``extra_<entries>`` (keyword-only), named after what the
  file holds; ``None`` (the default) means the shipped lexicon alone.
- It takes a DataFrame, a list of dicts, or one dict, with the columns of the
  shipped file (its header); only the columns that say what the entry *is*
  are required, the others have the file's defaults. :func:`learner_entries`
  turns any of these into a list of dicts and checks the required columns.
- Each value is checked against the kit's options with a message that names
  the row, quotes the value, suggests "Did you mean ...?" and lists the
  options (a ``ValueError``; a wrong type is a ``TypeError``).
- Rows found through a learner's entry say so: in a table with a ``source``
  column, their ``source`` is the entry's own ``source`` if it has one, else
  ``"added by the learner (extra_<entries>)"``; in the others, their ``rule``
  ends in ``+learner``.
- The learner's entries are used beside the shipped ones, never instead, and
  the shipped files are never changed; the same call on the same entries
  gives the same table.
- The article's own tables (``article.labels``, ``article.entities``, ...)
  never hold learner entries: each function below builds a fresh table from
  the article's :class:`~kit.document.Doc` and input tables, and with no
  entries returns the article's own table.

The functions that take learner entries (beside the builder of their table):

- :func:`kit.framing.labels` ``extra_terms``: rows of ``framing_terms.csv``
  (``term``, ``device``; ``kind``, ``target_kind``, ``source``); a label
  found through one has the entry's ``source``.
- :func:`kit.entities.entities` and :func:`kit.entities.entity_registry`
  ``extra_aliases``: rows of ``entity_aliases.csv`` (``alias``, ``type``;
  ``key``, the alias itself by default); a mention found through one has a
  ``rule`` ending in ``+learner``.
- :func:`kit.quotes.quotes` ``extra_cues``: rows of ``quote_cue_verbs.txt``
  (``verb``; ``use``, ``any`` by default, or ``that``); a statement found
  through one has a ``rule`` ending in ``+learner``.
- :func:`kit.timeline.events` ``extra_event_words``: forms of
  ``time_event_words.txt`` (``form``, ``class``, a class of
  ``time_event_classes.csv``; ``pos``, ``noun`` by default, or ``verb``); an
  event found through one has ``+learner`` in its ``rule``.

The other lexicons (the timeline's zones and known events, the quotes' speaker nouns and anonymity
phrases, the entities' places, demonyms, titles and given names) take no
learner entries yet.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "data_path",
    "learner_entries",
    "match_form",
    "match_text",
    "number_words",
    "read_lexicon",
    "read_table",
]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00a0": " "})
"""Curly apostrophes and backticks made straight, non-breaking spaces made plain."""


def data_path(name: str):
    """Return a readable path object for a file in ``kit/data``."""
    return resources.files("kit").joinpath("data", name)


@cache
def read_lexicon(name: str) -> tuple[str, ...]:
    """Return the entries of a one-entry-per-line lexicon in ``kit/data``.

    Comment lines (starting with ``#``) and blank lines are skipped.

    Examples
    --------
    >>> "the" in read_lexicon("stopwords_en.txt")
    True
    """
    text = data_path(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def read_table(name: str | Path) -> tuple[dict[str, str], ...]:
    """Return the rows of a CSV lexicon, as dicts keyed by its header.

    ``name`` is a file in ``kit/data``, or a :class:`~pathlib.Path` to a file
    of the same form elsewhere (an article's own annotation beside it).
    Comment lines (``#``) and blank lines are skipped, the first remaining line
    is the header, fields are read by :mod:`csv` (so quoted commas work) and
    stripped of surrounding spaces; a missing field is ``""``. This is the one
    reader of the kit's CSV lexicons.

    Examples
    --------
    >>> rows = read_table("entity_aliases.csv")
    >>> sorted(rows[0])
    ['alias', 'key', 'type']
    """
    if isinstance(name, Path):
        text = name.read_text(encoding="utf-8")
        lines = [
            line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
        ]
    else:
        lines = list(read_lexicon(name))
    return tuple(
        {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    )


def learner_entries(
    entries: Any, *, argument: str, required: tuple[str, ...], example: str
) -> list[dict[str, Any]]:
    """Return a learner's extra lexicon entries as a list of dicts (see "Learner entries").

    Parameters
    ----------
    entries
        A DataFrame, a list of dicts or one dict; ``None`` gives ``[]``.
        Missing values (``NaN``, ``None``) become ``None``.
    argument
        The keyword the learner used (``"extra_terms"``), for the messages.
    required
        The columns every entry needs, non-empty.
    example
        One entry written as a dict, shown in the messages as a fix to copy.

    Raises
    ------
    TypeError
        ``entries`` is none of the accepted shapes.
    ValueError
        An entry lacks a required column (the message names the row).

    Examples
    --------
    >>> learner_entries({"term": "heroic"}, argument="extra_terms", required=("term",), example="{}")
    [{'term': 'heroic'}]
    >>> learner_entries([{"device": "x"}], argument="extra_terms", required=("term",),
    ...                 example='{"term": "heroic"}')
    Traceback (most recent call last):
    ...
    ValueError: extra_terms row 0 ({'device': 'x'}) has no 'term'. Each row needs a 'term', for example {"term": "heroic"}.
    """
    if entries is None:
        return []
    if hasattr(entries, "to_dict") and hasattr(entries, "columns"):  # a DataFrame
        records = entries.to_dict("records")
    elif isinstance(entries, Mapping):
        records = [dict(entries)]
    elif isinstance(entries, Iterable) and not isinstance(entries, str):
        records = list(entries)
    else:
        raise TypeError(
            f"{argument} must be a DataFrame or a list of dicts, but got {entries!r}."
            f" For example: {argument}=[{example}]"
        )
    out = []
    needs = " and ".join(f"a {c!r}" for c in required)
    for i, rec in enumerate(records):
        if isinstance(rec, Mapping):
            rec = {k: (None if _missing(v) else v) for k, v in rec.items()}
        lacking = [c for c in required if not isinstance(rec, Mapping) or not str(rec.get(c) or "").strip()]
        if lacking:
            raise ValueError(
                f"{argument} row {i} ({rec!r}) has no {lacking[0]!r}. Each row needs {needs}, for example {example}."
            )
        out.append(rec)
    return out


def _missing(value: Any) -> bool:
    """``None``, ``NaN`` or ``<NA>`` (what a DataFrame's empty cell becomes); never a string."""
    import pandas as pd

    return not isinstance(value, str) and pd.api.types.is_scalar(value) and bool(pd.isna(value))


@cache
def number_words() -> dict[str, int]:
    """Return the number words and their values (``kit/data/number_words.csv``).

    The one list every extractor reads counts in words from.

    Examples
    --------
    >>> number_words()["twelve"], number_words()["a hundred"]
    (12, 100)
    """
    return {row["word"]: int(row["value"]) for row in read_table("number_words.csv")}


@lru_cache(maxsize=65536)
def match_form(text: str) -> str:
    """Return the form of ``text`` used for matching, never for display.

    Lower case, Unicode NFKC, curly apostrophes and backticks made straight,
    non-breaking spaces made plain. The article's text itself is never changed.

    Examples
    --------
    >>> match_form("Kata’ib")
    "kata'ib"
    """
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()


def match_text(text: str) -> str:
    """Return the match form of a whole text with its length kept, so offsets carry over.

    For searching a text with patterns written in match form: a match at
    ``[a, b)`` in the result is at ``[a, b)`` in ``text``. A character whose
    match form is not one character (a ligature) is kept as it is.

    Examples
    --------
    >>> match_text("Gaza’s\u00a0Strip")
    "gaza's strip"
    """
    fast = text.lower().translate(_APOSTROPHES)
    if len(fast) == len(text):
        return fast
    out = []
    for ch in text:
        m = match_form(ch)
        out.append(m if len(m) == 1 else ch)
    return "".join(out)


def word_tree(words: Iterable[str], space: str = r"\ ") -> str:
    """Return one regular expression for a word list, factored by common prefixes (a trie).

    Each place of a text is tried one letter at a time instead of against every
    word, and the longest word starting there wins, as with the words sorted
    longest first. ``space`` is the expression a space in a word becomes.

    Examples
    --------
    >>> word_tree(["ago", "ages", "age"])
    '(?:ag(?:e(?:s)?|o))'
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = []
        for ch in sorted(node, key=lambda c: (c == "", c)):
            if ch == "":
                continue
            esc = space if ch == " " else re.escape(ch)
            branches.append(esc + pattern(node[ch]))
        ends = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a word may stop here: the longer words are tried first
            return "(?:" + body + ")?"
        return body

    return "(?:" + pattern(tree) + ")"
