"""Word lists and tables shipped inside the package, read without a download.

Every lexicon is a plain-text file in ``kit/data/``: its first lines are ``#``
comments that say what it is and where its entries come from, then one entry
per line (or CSV rows). A learner can read them, and extend them by passing
their own entries to the functions that use them.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from functools import cache, lru_cache
from importlib import resources

__all__ = ["data_path", "match_form", "read_lexicon", "read_table"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00a0": " "})


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
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of a CSV lexicon in ``kit/data``, as dicts keyed by its header.

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
    lines = read_lexicon(name)
    return tuple(
        {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    )


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
