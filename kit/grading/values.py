"""Plain values: what crosses from the student's kernel to the grader.

Answers travel as JSON-able plain data (never pickle): :func:`to_plain` reads
a value through its base type's own methods, :func:`from_plain` rebuilds
tables, and :func:`export_answer` is the kernel side of the answer channel.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

MAX_ANSWER_BYTES = 1_000_000
"""An answer larger than this, as JSON, is not graded (answers are small values)."""

_RECORD_MIME = "application/vnd.kit.answer+json"


class _Unanswered(Exception):
    """The answer is still ``...``."""


class UnreadableAnswer(ValueError):
    """The answer is not plain data the grader can read."""


_TABLE_KEY = "__kit_table__"


def to_plain(value: Any, _depth: int = 0) -> Any:
    """Turn an answer into plain JSON data, read through the base types' own methods.

    Numbers, text, ``None``, lists, tuples, sets (sorted), dicts with text
    keys, dates (ISO text), NumPy scalars and arrays, and pandas Series and
    DataFrames (values, columns, index and dtypes) are accepted. A subclass
    of a built-in type is read with the base type's methods called directly
    (``int.__index__``, ``str.__str__``, ``list.__len__`` and
    ``list.__getitem__``, ``dict.items``, ``set.__iter__``), never with
    methods the subclass overrides, so an ``int`` whose ``__eq__`` lies
    arrives as a plain ``int`` and a ``list`` whose ``__iter__`` lies arrives
    with its real items. NumPy arrays are read with ``ndarray.tolist``, and a
    pandas object is first copied into a plain ``DataFrame`` or ``Series``.
    Anything else raises :class:`UnreadableAnswer`.

    Examples
    --------
    >>> to_plain({"n": 3, "names": ("Austin", "Watson"), "share": 0.5})
    {'n': 3, 'names': ['Austin', 'Watson'], 'share': 0.5}
    >>> class Liar(int):
    ...     def __eq__(self, other):
    ...         return True
    >>> type(to_plain(Liar(4))).__name__
    'int'
    """
    if _depth > 40:
        raise UnreadableAnswer(
            "the answer is nested too deeply to grade (is it a list that contains itself?)."
        )
    if value is Ellipsis:
        raise _Unanswered
    if value is None:
        return None
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        f = float.__float__(value)
        return None if math.isnan(f) else f
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (list, tuple)):
        base = list if isinstance(value, list) else tuple
        n = base.__len__(value)
        return [to_plain(base.__getitem__(value, i), _depth + 1) for i in range(n)]
    if isinstance(value, (set, frozenset)):
        base_set = set if isinstance(value, set) else frozenset
        items = [to_plain(v, _depth + 1) for v in base_set.__iter__(value)]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        out = {}
        for k, v in list(dict.items(value)):
            key = to_plain(k, _depth + 1)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise UnreadableAnswer(
                    f"a dict key of type {type(k).__name__} cannot be graded; use text or numbers as keys."
                )
            out[str(key) if not isinstance(key, str) else key] = to_plain(v, _depth + 1)
        return out
    import datetime as dt

    if isinstance(value, dt.datetime):
        return dt.datetime.isoformat(value)
    if isinstance(value, dt.date):
        return dt.date.isoformat(value)
    if isinstance(value, dt.time):
        return dt.time.isoformat(value)
    module = type(value).__module__.split(".")[0]
    if module == "numpy":
        import numpy as np

        if isinstance(value, np.ndarray):
            return [to_plain(v, _depth + 1) for v in np.ndarray.tolist(value)]
        if isinstance(value, np.generic):
            return to_plain(np.generic.item(value), _depth + 1)
    if module == "pandas":
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, pd.Timestamp):
            return value.isoformat()
        if isinstance(value, pd.DataFrame):
            frame = pd.DataFrame(value)
            return {
                _TABLE_KEY: "DataFrame",
                "columns": [to_plain(c, _depth + 1) for c in frame.columns],
                "dtypes": [str(t) for t in frame.dtypes],
                "index": _plain_index(frame.index, _depth),
                "data": [[_cell(v, _depth) for v in row] for row in frame.itertuples(index=False, name=None)],
            }
        if isinstance(value, pd.Series):
            series = pd.Series(value)
            return {
                _TABLE_KEY: "Series",
                "name": _cell(series.name, _depth),
                "dtype": str(series.dtype),
                "index": _plain_index(series.index, _depth),
                "data": [_cell(v, _depth) for v in series.tolist()],
            }
        if isinstance(value, pd.Index):
            return [_cell(v, _depth) for v in value.tolist()]
    raise UnreadableAnswer(
        f"the answer is a {type(value).__name__}, which the grader cannot read. Give a number,"
        " text, a list, a dict or a DataFrame (for example list(...) or int(...))."
    )


def _cell(value: Any, depth: int) -> Any:
    try:
        import pandas as pd

        if value is not None and not isinstance(value, (list, tuple, dict)) and pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return to_plain(value, depth + 1)


def _plain_index(index: Any, depth: int) -> list | None:
    import pandas as pd

    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return None  # the default index: nothing to record
    return [_cell(v, depth) for v in index.tolist()]


_SAFE_DTYPES = {"int64", "Int64", "float64", "Float64", "bool", "boolean", "string", "object"}


def from_plain(value: Any) -> Any:
    """Rebuild DataFrames and Series from :func:`to_plain`'s output; other values pass through.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"speaker": ["Austin"], "n": [2]})
    >>> from_plain(to_plain(df)).equals(df)
    True
    """
    if isinstance(value, list):
        return [from_plain(v) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value.get(_TABLE_KEY)
    if kind not in ("DataFrame", "Series"):
        return {k: from_plain(v) for k, v in value.items()}
    import pandas as pd

    index = pd.Index(value["index"]) if value.get("index") is not None else None
    if kind == "Series":
        series = pd.Series(value["data"], index=index, name=value.get("name"), dtype="object")
        return _astype(series, value.get("dtype"))
    columns = value["columns"]
    frame = pd.DataFrame(
        value["data"], columns=pd.Index(columns, dtype="object"), index=index, dtype="object"
    )
    if not value["data"]:
        frame = pd.DataFrame({c: pd.Series([], dtype="object") for c in columns})
    for i, dtype in enumerate(value.get("dtypes") or []):
        if i < frame.shape[1]:
            frame.isetitem(i, _astype(frame.iloc[:, i], dtype))
    return frame


def _astype(series: Any, dtype: str | None) -> Any:
    # Only dtypes named in a fixed list, never anything parsed from the payload.
    target = dtype if dtype in _SAFE_DTYPES else ("category" if dtype == "category" else None)
    if target is None:
        return series.infer_objects()
    try:
        return series.astype(target)
    except (TypeError, ValueError):
        return series.infer_objects()


def same_rows(
    answer: Any, expected: Any, *, columns: Sequence[str] | None = None, ordered: bool = False
) -> bool:
    """True when two tables hold the same rows (as plain values) in the given columns.

    A helper for writing tests: dtypes and the index are ignored, and rows are
    compared as a sorted list unless ``ordered=True``.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"x": [2, 1], "y": ["b", "a"]})
    >>> same_rows(a, pd.DataFrame({"x": [1, 2], "y": ["a", "b"]}))
    True
    >>> same_rows(a, a.head(1))
    False
    """
    import pandas as pd

    if not isinstance(answer, pd.DataFrame) or not isinstance(expected, pd.DataFrame):
        return False
    columns = list(columns if columns is not None else expected.columns)
    if any(c not in answer.columns for c in columns):
        return False

    def rows(df: pd.DataFrame) -> list:
        plain = to_plain(df[columns].reset_index(drop=True))["data"]
        return plain if ordered else sorted(plain, key=lambda r: json.dumps(r, sort_keys=True))

    return rows(answer) == rows(expected)


def export_answer(qid: str, value: Any) -> None:
    """Send an answer to the grader as JSON (used by the grading run, not by students)."""
    if value is _UNDEFINED:
        payload: dict = {"question": qid, "status": "undefined"}
    try:
        if value is _UNDEFINED:
            raise _Unanswered
        payload = {"question": qid, "status": "ok", "value": to_plain(value)}
        size = len(json.dumps(payload))
        if size > MAX_ANSWER_BYTES:
            payload = {
                "question": qid,
                "status": "unreadable",
                "message": f"the answer is {size / 1e6:.1f} MB as data, too large to grade;"
                " answers are small values, lists or tables.",
            }
    except _Unanswered:
        if value is not _UNDEFINED:
            payload = {"question": qid, "status": "unanswered"}
    except UnreadableAnswer as exc:
        payload = {"question": qid, "status": "unreadable", "message": str(exc)}
    except Exception as exc:  # an object whose methods raise
        payload = {
            "question": qid,
            "status": "unreadable",
            "message": f"reading the answer raised {type(exc).__name__}; give plain data.",
        }
    from IPython.display import display

    display({_RECORD_MIME: payload}, raw=True)


class _Undefined:
    pass


_UNDEFINED = _Undefined()
