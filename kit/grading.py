"""Exercises and auto-grading: one source notebook, a student copy, honest checks, a grader.

An exercise is written once, as a *source notebook* in ``exercises/source/``,
and ``python -m kit build-exercises`` makes three things from it:

* ``exercises/student/<name>.ipynb``: the copy students get, with every
  solution replaced by ``...`` and only the public tests;
* ``exercises/solution/<name>.ipynb``: the source, executed, for instructors;
* ``exercises/grader/<name>.json``: the grader's *bundle*, with the hidden
  tests. It never goes to students and never into feedback.

Cell tags (the contract)
------------------------
Every cell that belongs to a question carries two tags: its *question id*
(``q1``, ``q2``, ``q3b``, ...: ``q``, digits, an optional letter) and its
*role*:

``prompt``
    Markdown that asks the question. Copied to the student notebook.
``answer``
    Solution code. In the student copy the lines marked as solution become
    ``...`` (see "Solution markers"). When grading, these are the only cells
    taken from a submission.
``public-tests``
    Declares the question and its public tests (see "Writing tests"). Copied
    to the student notebook, with the source collapsed.
``hidden-tests``
    More tests, run only by the grader. Left out of the student notebook.
``check``
    One line, ``kit.grading.check("q1", answer_variable)``: instant feedback
    for the student. Copied to the student notebook; when grading, the
    source's own check cells are used, so edited or deleted ones come back.

Untagged cells (the title, the setup cell ``import kit; article =
kit.load_article()``, explanations) are copied as they are.

Solution markers (as in otter-grader)
-------------------------------------
In an ``answer`` cell:

* ``x = compute()  # SOLUTION`` becomes ``x = ...``; any other line ending in
  ``# SOLUTION`` becomes ``...``;
* ``code  # SOLUTION: x = (s["part"] == ...).sum()`` becomes the text after
  the colon (a blank to fill in);
* the lines between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` become
  ``<answer variable> = ...`` when they assign it, else ``...``;
* an answer cell with no marker becomes ``<answer variable> = ...``.

Writing tests
-------------
A ``public-tests`` cell declares the question, then its tests::

    q1 = kit.grading.question("q1", answer="n_sentences", points=2, hidden=1)

    @q1.public("Give a whole number (an int), such as len(some_table).")
    def is_a_number(answer):
        assert isinstance(answer, int)

and the ``hidden-tests`` cell adds tests the same way::

    @q1.hidden("Count every sentence: the headline and caption too.")
    def right_count(answer):
        assert answer == 18

A test passes unless it returns ``False`` or raises. Its *hint* (the string)
is what a student reads when it fails, so it explains without giving the
answer away. A public test may raise ``AssertionError("message")`` to say
more; a hidden test's own messages are never shown, only "a hidden test
failed: <hint>". ``hidden=`` says how many hidden tests there are, so the
student's check can say "public 3/3 passed; hidden tests run at grading"
(the build refuses a count that does not match). Tests receive the answer
as *plain data*: ``None``, ``bool``, ``int``, ``float``, ``str``, lists, dicts
with text keys, and pandas DataFrames and Series rebuilt from plain values
(see :func:`to_plain`), never the student's own object.

Grading (``python -m kit grade SUBMISSIONS --exercise NAME --out DIR``)
----------------------------------------------------------------------
For each submission the grader takes only the ``answer`` cells (found by
cell id ``q1-answer`` or by the tags ``answer`` and ``q1``) into the source's
own cells, runs the result in a fresh kernel in its own subprocess, one cell
at a time as ``pytest --nbval-lax`` does (an error fails that cell and the
next cells still run), with a time limit per cell and for the whole
notebook, a memory limit (``RLIMIT_AS``) and a cap on each cell's output
(stderr is not counted). On Linux it runs the kernel under ``unshare`` with
its own user, mount, network and PID namespaces: no network; every process
an answer starts dies with the submission; only the Python environment, the
``kit`` package and the seeds are visible (read-only), the rest of the
checkout, ``/tmp``, the home folder, the submissions and the output folder
are empty mounts; everything is read-only but a private ``/tmp``. Where
``unshare`` is not allowed it runs without that sandbox and says so
(see docs/instructors.md, "The sandbox"). Each answer comes back as JSON (never
pickle), and the public and hidden tests run in the grader's own process on
the decoded plain values, so an answer whose ``__eq__`` always says True,
or a cell that patches the checker, gains nothing. Warnings and stderr never
cost points.

Points: public tests are gatekeepers worth nothing on their own (an answer
that fails one earns 0); the points come from the hidden tests, shared by
their ``weight``. A question may carry an answer ``key`` (a salted
:func:`fingerprint` of the right answer) that adds a public check telling a
right value from a wrong one, so ``pytest --nbval-lax`` fails on a wrong
answer, naming the question; it earns nothing itself.

Each question of each submission gets one gradebook row with a *status*:

=====================  ====================================================
``passed``             every test passed
``partial``            the public checks and some hidden tests passed
``failed``             a public check failed, or no hidden test passed
``unanswered``         the answer is still ``...``
``missing``            no answer cell for this question in the submission
``error``              the answer cell raised an exception
``timeout``            the answer cell ran longer than the time limit
``output_too_large``   the answer cell printed more than the output limit
``unreadable``         the answer is not plain data the grader can read
``kernel_died``        the kernel died (memory limit, crash) or was stuck
``grader_error``       the grader itself failed (not the student's fault):
                       re-run ``kit grade`` for this submission
``invalid_json``       the submission file is not valid JSON
``not_a_notebook``     valid JSON, but not a Jupyter notebook
=====================  ====================================================
"""

from __future__ import annotations

import contextlib
import copy
import csv
import dataclasses
import hashlib
import io
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "BUNDLE_FORMAT",
    "CheckFailed",
    "GradeResult",
    "Question",
    "build_exercises",
    "check",
    "fingerprint",
    "from_plain",
    "grade",
    "question",
    "same_rows",
    "student_notebook",
    "to_plain",
]

BUNDLE_FORMAT = 1
"""Version of the grader bundle's layout (``exercises/grader/<name>.json``)."""

ROLES = ("prompt", "answer", "public-tests", "hidden-tests", "check")
"""The cell tags that give a question's cell its role."""

QUESTION_TAG = re.compile(r"^q\d+[a-z]?$")
"""A question id tag: ``q``, digits, an optional letter (``q1``, ``q3b``)."""

MAX_ANSWER_BYTES = 1_000_000
"""An answer larger than this, as JSON, is not graded (answers are small values)."""

DEFAULT_CELL_TIMEOUT = 30
"""Seconds one cell may run when grading."""

DEFAULT_MEMORY_MB = 2048
"""Address-space limit of the grading kernel, in MiB (``RLIMIT_AS``)."""

DEFAULT_MAX_OUTPUT_BYTES = 1_000_000
"""How many bytes of output one cell may print when grading."""

STATUSES = (
    "passed",
    "partial",
    "failed",
    "unanswered",
    "missing",
    "error",
    "timeout",
    "output_too_large",
    "unreadable",
    "kernel_died",
    "grader_error",
    "invalid_json",
    "not_a_notebook",
)
"""Every status a gradebook row can have (see the module docstring)."""

_RECORD_MIME = "application/vnd.kit.answer+json"
_HEX_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


# ---------------------------------------------------------------------------
# Authoring: questions, tests and the student's check
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class _Test:
    name: str
    hint: str
    func: Callable[[Any], Any]
    hidden: bool
    weight: float = 1
    gate: bool = True  # a public test the answer must pass before hidden tests earn points


@dataclasses.dataclass
class Question:
    """One question of an exercise: its id, answer variable, points and tests.

    Make one with :func:`question` in a ``public-tests`` cell, then add tests
    with the :meth:`public` and :meth:`hidden` decorators.
    """

    id: str
    answer: str
    points: float = 1
    hidden_declared: int = 0
    tests: list[_Test] = dataclasses.field(default_factory=list)
    key: str | None = None

    def _add(self, hint: str, *, hidden: bool, weight: float = 1) -> Callable[[Callable], Callable]:
        if not isinstance(hint, str) or not hint.strip():
            raise TypeError(
                f"{self.id}: a test needs a hint, the sentence a student reads when it fails."
                f' Write @{self.id}.public("Give a whole number, such as len(table).").'
            )

        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not weight > 0:
            raise ValueError(f"{self.id}: weight={weight!r} must be a positive number.")

        def decorate(func: Callable) -> Callable:
            self.tests.append(_Test(func.__name__, hint.strip(), func, hidden, weight))
            return func

        return decorate

    def public(self, hint: str) -> Callable[[Callable], Callable]:
        """Decorate a public test (a gatekeeper); ``hint`` is shown to the student when it fails.

        Public tests earn nothing on their own: an answer must pass them all
        before its hidden tests earn points.
        """
        return self._add(hint, hidden=False)

    def hidden(self, hint: str, *, weight: float = 1) -> Callable[[Callable], Callable]:
        """Decorate a hidden test worth ``weight`` shares of the points; only ``hint`` is ever shown."""
        return self._add(hint, hidden=True, weight=weight)

    def _ordered_tests(self) -> list[_Test]:
        # Shape checks first, then the answer-key check, then the hidden tests.
        return sorted(self.tests, key=lambda t: (t.hidden, not t.gate))

    def run(self, answer: Any, *, which: str = "all") -> list[tuple[_Test, bool, str]]:
        """Run the tests on a plain answer; return (test, passed, message) triples.

        The message of a failed public test is its ``AssertionError`` message,
        or its hint; a failed hidden test's message is always its hint.
        """
        results = []
        for test in self._ordered_tests():
            if which != "all" and test.hidden != (which == "hidden"):
                continue
            try:
                ok = test.func(copy.deepcopy(answer)) is not False
                message = "" if ok else test.hint
            except AssertionError as exc:
                ok = False
                message = test.hint if test.hidden or not str(exc) else str(exc)
            except Exception as exc:  # a test that crashes on odd input fails, with its hint
                ok = False
                message = test.hint if test.hidden else f"{test.hint} ({type(exc).__name__})"
            results.append((test, ok, message))
        return results


_REGISTRY: dict[str, Question] = {}


KEY_HINT = (
    "The value is not right yet: its fingerprint does not match the answer key's."
    " Re-read the question; the hints of the other checks say what to look at."
)


def fingerprint(value: Any, salt: str) -> str:
    """A salted hash of an answer's normalised plain value (for answer-key checks).

    The value is normalised first: numbers become floats rounded to 4 places,
    a DataFrame keeps only its columns and rows (not its dtypes or index), a
    Series its values and index. Lists keep their order.

    Examples
    --------
    >>> fingerprint(3, "q1:n") == fingerprint(3.00001, "q1:n") != fingerprint(4, "q1:n")
    True
    >>> len(fingerprint([1, 2], "q2:ids"))
    16
    """
    norm = _normalise(to_plain(value))
    text = json.dumps(norm, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"kit-key:{salt}:{text}".encode()).hexdigest()[:16]


def _normalise(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 4) + 0.0
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        kind = value.get(_TABLE_KEY)
        if kind == "DataFrame":
            return {"columns": value["columns"], "data": _normalise(value["data"])}
        if kind == "Series":
            return {"index": _normalise(value.get("index")), "data": _normalise(value["data"])}
        return {k: _normalise(v) for k, v in value.items()}
    return value


def question(
    qid: str, *, answer: str, points: float = 1, hidden: int = 0, key: str | None = None
) -> Question:
    """Declare a question: its id, the variable holding the answer, its points.

    Parameters
    ----------
    qid
        The question id, the same as the cell tag (``"q1"``).
    answer
        The name of the variable the student assigns (``"n_sentences"``).
    points
        The question's points. They come from the hidden tests only, shared
        by their ``weight``; the public tests are gatekeepers worth nothing on
        their own (an answer that fails one earns 0).
    hidden
        How many hidden tests the grader runs (the build checks the count).
    key
        The answer key: :func:`fingerprint` of the right answer with the salt
        ``"<qid>:<answer>"``. It adds a public check that tells a right value
        from a wrong one without showing it (so nbval fails on a wrong value);
        it earns nothing at grading.

    Examples
    --------
    >>> q = question("q9", answer="n_words", points=2)
    >>> @q.public("Give a whole number.")
    ... def is_int(answer):
    ...     assert isinstance(answer, int)
    >>> [(t.name, ok) for t, ok, _ in q.run(5)]
    [('is_int', True)]
    """
    if not isinstance(qid, str) or not QUESTION_TAG.match(qid):
        raise ValueError(
            f"The question id {qid!r} is not valid: use 'q', digits and an optional"
            ' letter, as in question("q1", answer="n_sentences").'
        )
    if not isinstance(answer, str) or not answer.isidentifier():
        raise ValueError(
            f"{qid}: answer={answer!r} must be the name of the answer variable,"
            ' as in question("q1", answer="n_sentences").'
        )
    q = Question(qid, answer, points, hidden, key=key)
    if key is not None:
        if not (isinstance(key, str) and re.fullmatch(r"[0-9a-f]{16}", key)):
            raise ValueError(
                f"{qid}: key={key!r} is not a fingerprint; write"
                f' key=kit.grading.fingerprint(<right answer>, "{qid}:{answer}").'
            )
        salt = f"{qid}:{answer}"

        def matches_the_answer_key(value: Any) -> bool:
            return fingerprint(value, salt) == key

        q.tests.append(_Test("matches_the_answer_key", KEY_HINT, matches_the_answer_key, False, 1, False))
    _REGISTRY[qid] = q
    return q


class CheckFailed(AssertionError):
    """A public check failed; the message names the question and says why."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the explanation is the point.
        return [f"{type(self).__name__}: {self}"]


def check(qid: str, answer: Any) -> None:
    """Check an answer against the question's public tests, in the notebook.

    Prints ``q1: public 3/3 passed; hidden tests run at grading`` when the
    public tests pass, and raises :class:`CheckFailed` (an ``AssertionError``
    naming the question) when one fails, with each failed test's hint. The
    answer is first turned into plain data, exactly as the grader sees it.

    Examples
    --------
    >>> q = question("q8", answer="n_parts", points=1, hidden=1)
    >>> @q.public("Give a whole number.")
    ... def is_int(answer):
    ...     assert isinstance(answer, int)
    >>> check("q8", 3)
    q8: public 1/1 passed; hidden tests run at grading.
    >>> check("q8", "3")
    Traceback (most recent call last):
    ...
    kit.grading.CheckFailed: q8: public 0/1 passed.
      - Give a whole number.
    """
    q = _REGISTRY.get(qid)
    if q is None:
        from kit.errors import did_you_mean

        raise CheckFailed(
            f"{qid}: this question is not declared yet.{did_you_mean(str(qid), _REGISTRY)}"
            " Run the question's test cell (just above) first, then this check."
        )
    try:
        if _still_blank(q.answer):
            raise _Unanswered
        plain = from_plain(json.loads(json.dumps(to_plain(answer))))
    except _Unanswered:
        raise CheckFailed(
            f"{qid}: no answer yet. Replace the ... in the answer cell with your code,"
            " run it, then run this check."
        ) from None
    except UnreadableAnswer as exc:
        raise CheckFailed(f"{qid}: {exc}") from None
    public = q.run(plain, which="public")
    hidden = q.run(plain, which="hidden")
    n_pub, ok_pub = len(public), sum(ok for _, ok, _ in public)
    failures = [msg for _, ok, msg in public if not ok]
    failures += [f"a hidden test failed: {msg}" for _, ok, msg in hidden if not ok]
    if hidden:
        line = f"{qid}: public {ok_pub}/{n_pub} and hidden {sum(ok for _, ok, _ in hidden)}/{len(hidden)}"
    else:
        line = f"{qid}: public {ok_pub}/{n_pub}"
    if failures:
        raise CheckFailed(line + " passed.\n" + "\n".join(f"  - {m}" for m in failures))
    if q.hidden_declared and not hidden:
        print(line + " passed; hidden tests run at grading.")
    else:
        print(line + " passed.")


_CELLS_RUN: list[str] = []


def _remember_cell(info: Any) -> None:
    _CELLS_RUN.append(str(getattr(info, "raw_cell", "") or ""))
    del _CELLS_RUN[:-200]


def _watch_cells() -> None:
    """In a notebook, remember the cells run, so :func:`check` can spot a blank left as ``...``.

    IPython's ``In`` list misses cells run without history (nbval runs them so).
    """
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None and _remember_cell not in shell.events.callbacks.get("pre_run_cell", []):
            shell.events.register("pre_run_cell", _remember_cell)
    except Exception:  # outside IPython, or an IPython without events: no blank detection
        pass


_BLANK = re.compile(r"(?<![\w.])\.\.\.(?![\w.])")


def _still_blank(variable: str) -> bool:
    """True when the last cell run that assigns ``variable`` still has a ``...`` blank in its code."""
    assigns = re.compile(rf"(?m)^\s*{re.escape(variable)}\s*=")
    for source in reversed(_CELLS_RUN[:-1]):
        if assigns.search(source):
            code = "\n".join(line.split("#", 1)[0] for line in source.splitlines())
            return bool(_BLANK.search(code))
    return False


_watch_cells()


# ---------------------------------------------------------------------------
# Plain values: what crosses from the student's kernel to the grader
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Notebooks: reading the source, the student copy, the bundle
# ---------------------------------------------------------------------------


class ExerciseError(ValueError):
    """A source notebook breaks the exercise format; the message says where and how to fix it."""


def _tags(cell: dict) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def _role(cell: dict) -> tuple[str | None, str | None]:
    """Return (question id, role) of a cell from its tags, or (None, None)."""
    tags = _tags(cell)
    qids = [t for t in tags if QUESTION_TAG.match(t)]
    roles = [t for t in tags if t in ROLES]
    return (qids[0] if qids else None, roles[0] if roles else None)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


_ASSIGN = re.compile(r"^(\s*)([A-Za-z_][\w\.\[\]'\"]*\s*(?:[-+*/]?=)(?!=))")


def strip_solution(source: str, variable: str) -> str:
    """Return an answer cell's student version (see "Solution markers").

    Examples
    --------
    >>> print(strip_solution("n = len(article.sentences)  # SOLUTION", "n"))
    n = ...
    >>> print(strip_solution("x = 1 + 1  # SOLUTION: x = 1 + ...", "x"))
    x = 1 + ...
    >>> print(strip_solution("n = 3", "n"))
    n = ...
    """
    lines = source.split("\n")
    if not any("# SOLUTION" in line or "# BEGIN SOLUTION" in line for line in lines):
        return f"{variable} = ..."
    out: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        if stripped == "# BEGIN SOLUTION":
            inside = True
            # The answer variable keeps its name, so the check can say "no answer yet".
            out.append(
                indent
                + (
                    f"{variable} = ..."
                    if re.search(rf"(?m)^{re.escape(indent)}{variable}\s*=", source)
                    else "..."
                )
            )
            continue
        if stripped == "# END SOLUTION":
            inside = False
            continue
        if inside:
            continue
        code, sep, marker = line.partition("# SOLUTION")
        if not sep:
            out.append(line)
            continue
        marker = marker.strip()
        if marker.startswith(":"):
            out.append(indent + marker[1:].strip())
            continue
        m = _ASSIGN.match(code)
        out.append(m.group(1) + m.group(2).rstrip() + " ..." if m else indent + "...")
    if inside:
        raise ExerciseError(
            f"An answer cell for {variable!r} has '# BEGIN SOLUTION' without '# END SOLUTION'."
            " Add the closing marker after the solution lines."
        )
    return "\n".join(out)


@dataclasses.dataclass
class _Exercise:
    name: str
    nb: Any  # nbformat.NotebookNode
    questions: dict[str, Question]
    cells: dict[str, dict[str, list[int]]]  # qid -> role -> cell indexes


def _exec_tests(sources: Iterable[str], namespace: dict | None = None) -> dict[str, Question]:
    """Execute test-cell sources in a fresh registry; return the declared questions."""
    global _REGISTRY
    saved = _REGISTRY
    _REGISTRY = {}
    try:
        import kit
        import kit.grading

        ns = namespace if namespace is not None else {}
        ns.setdefault("kit", kit)
        ns["__name__"] = "kit_exercise_tests"
        for src in sources:
            exec(compile(src, "<exercise tests>", "exec"), ns)
        return dict(_REGISTRY)
    finally:
        _REGISTRY = saved


def _read_exercise(path: Path) -> _Exercise:
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    name = path.stem
    cells: dict[str, dict[str, list[int]]] = {}
    for i, cell in enumerate(nb.cells):
        qid, role = _role(cell)
        if (qid is None) != (role is None):
            raise ExerciseError(
                f"{path.name}, cell {i}: tags {_tags(cell)} give a question id or a role but not both."
                " Tag each question cell with its id (q1) and its role"
                f" ({', '.join(ROLES)})."
            )
        if qid:
            cells.setdefault(qid, {}).setdefault(role, []).append(i)
    setup = [_source(c) for c in nb.cells if c.cell_type == "code" and _role(c) == (None, None)]
    tests_src = []
    for qid in cells:
        for role in ("public-tests", "hidden-tests"):
            tests_src += [_source(nb.cells[i]) for i in cells[qid].get(role, [])]
    questions = _exec_tests([*setup, *tests_src])
    for qid, roles in cells.items():
        for role in ("answer", "public-tests", "check"):
            if len(roles.get(role, [])) != 1:
                raise ExerciseError(
                    f"{path.name}: question {qid} needs exactly one {role!r} cell, found"
                    f" {len(roles.get(role, []))}. Tag the cell with both {qid!r} and {role!r}."
                )
        q = questions.get(qid)
        if q is None:
            raise ExerciseError(
                f"{path.name}: question {qid} has cells but its public-tests cell does not call"
                f' kit.grading.question("{qid}", answer=..., points=...).'
            )
        n_hidden = sum(t.hidden for t in q.tests)
        if n_hidden != q.hidden_declared:
            raise ExerciseError(
                f"{path.name}: question {qid} declares hidden={q.hidden_declared} but has {n_hidden}"
                f' hidden tests. Write question("{qid}", ..., hidden={n_hidden}).'
            )
        if not any(not t.hidden for t in q.tests):
            raise ExerciseError(f"{path.name}: question {qid} has no public test; add at least one.")
    extra = set(questions) - set(cells)
    if extra:
        raise ExerciseError(f"{path.name}: questions {sorted(extra)} are declared but have no tagged cells.")
    return _Exercise(name, nb, questions, cells)


def _cell_id(cell: dict, index: int, used: set[str]) -> str:
    qid, role = _role(cell)
    base = f"{qid}-{role}" if qid else f"cell-{index:02d}"
    cid, n = base, 2
    while cid in used:
        cid, n = f"{base}-{n}", n + 1
    used.add(cid)
    return cid


def _clean_notebook(nb: Any, role: str, name: str) -> Any:
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "kit": {"exercise": name, "notebook": role},
    }
    nb.nbformat, nb.nbformat_minor = 4, 5
    used: set[str] = set()
    for i, cell in enumerate(nb.cells):
        cell["id"] = _cell_id(cell, i, used)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
    return nb


def student_notebook(ex: _Exercise) -> Any:
    """Return the student copy of an exercise: solutions as ``...``, no hidden tests."""
    import nbformat

    nb = copy.deepcopy(ex.nb)
    cells = []
    for cell in nb.cells:
        qid, role = _role(cell)
        if role == "hidden-tests":
            continue
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if role == "answer":
            cell.source = strip_solution(_source(cell), ex.questions[qid].answer)
        if role == "public-tests":
            cell.metadata["jupyter"] = {"source_hidden": True}
        cells.append(cell)
    nb.cells = cells
    nb = _clean_notebook(nb, "student", ex.name)
    nbformat.validate(nb)
    for qid in ex.questions:
        answer = next(c for c in nb.cells if _role(c) == (qid, "answer"))
        if "..." not in _source(answer):
            raise ExerciseError(
                f"{ex.name}: the student copy of {qid}'s answer cell has no '...' to fill in."
            )
    return nb


def _bundle(ex: _Exercise, student_nb: Any) -> dict:
    """The grader's bundle: the run plan (source cells) and every question's tests."""
    plan = []
    for cell in student_nb.cells:
        qid, role = _role(cell)
        if cell.cell_type != "code":
            continue
        if role is None:
            plan.append({"kind": "setup", "source": _source(cell)})
        elif role == "answer":
            plan.append({"kind": "answer", "question": qid, "source": _source(cell)})
        elif role == "check":
            plan.append({"kind": "record", "question": qid, "variable": ex.questions[qid].answer})
    questions = []
    for qid, q in ex.questions.items():
        roles = ex.cells[qid]
        questions.append(
            {
                "id": qid,
                "answer": q.answer,
                "points": q.points,
                "public_tests": [_source(ex.nb.cells[i]) for i in roles.get("public-tests", [])],
                "hidden_tests": [_source(ex.nb.cells[i]) for i in roles.get("hidden-tests", [])],
                "n_public": sum(not t.hidden for t in q.tests),
                "n_hidden": sum(t.hidden for t in q.tests),
            }
        )
    return {"format": BUNDLE_FORMAT, "exercise": ex.name, "questions": questions, "plan": plan}


def _kit_root() -> Path:
    import kit

    return Path(kit.__file__).resolve().parent.parent


def _kernel_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    root = str(_kit_root())
    env["PYTHONPATH"] = os.pathsep.join(
        [root, *[p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]]
    )
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    env.update(extra or {})
    return env


def _execute_notebook(nb: Any, cwd: Path, *, timeout: int = 120) -> Any:
    """Execute a notebook in a fresh kernel (for the solution notebooks)."""
    from nbclient import NotebookClient

    with _patched_environ(_kernel_env()):
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(cwd)}},
            record_timing=False,
        )
        client.execute()
    return nb


@contextlib.contextmanager
def _patched_environ(env: dict[str, str]):
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _notebook_text(nb: Any) -> str:
    import nbformat

    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def update_keys(source_dir: str | Path = "exercises/source", *, names: Sequence[str] | None = None) -> dict:
    """Recompute every question's answer ``key`` from its solution and write it into the source.

    Runs each source notebook's setup and answer cells in this process (as
    the solution does), takes :func:`fingerprint` of each answer, and sets
    ``key="..."`` in the ``question(...)`` call. Run it (``python -m kit
    build-exercises --update-keys``) after the kit's tables change, then
    review the diff: a changed key means the right answer changed.

    Returns
    -------
    dict
        ``{exercise: {qid: key}}``.
    """
    import nbformat

    out: dict[str, dict[str, str]] = {}
    for path in sorted(Path(source_dir).glob("*.ipynb")):
        if names and path.stem not in names:
            continue
        nb = nbformat.read(str(path), as_version=4)
        ns: dict[str, Any] = {"__name__": "kit_exercise_keys"}
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in nb.cells:
                if cell.cell_type == "code" and _role(cell)[1] in (None, "answer"):
                    exec(compile(_source(cell), str(path), "exec"), ns)
        keys = out.setdefault(path.stem, {})
        for cell in nb.cells:
            qid, role = _role(cell)
            if role != "public-tests":
                continue
            src = _source(cell)
            m = re.search(rf'question\(\s*"{qid}"\s*,\s*answer="(\w+)"', src)
            if not m or m.group(1) not in ns:
                continue
            key = fingerprint(ns[m.group(1)], f"{qid}:{m.group(1)}")
            keys[qid] = key
            call = re.compile(rf'(question\(\s*"{qid}"[^)]*?)(,\s*key="[0-9a-f]*")?\)')
            cell.source = call.sub(lambda mm, key=key: f'{mm.group(1)}, key="{key}")', src, count=1)
        nbformat.write(nb, str(path))
    return out


def build_exercises(
    source_dir: str | Path = "exercises/source",
    out_dir: str | Path = "exercises",
    *,
    names: Sequence[str] | None = None,
    execute: bool = True,
) -> list[Path]:
    """Build the student copy, the executed solution and the grader bundle of each exercise.

    Parameters
    ----------
    source_dir
        The folder of source notebooks (``<name>.ipynb``).
    out_dir
        Where ``student/``, ``solution/`` and ``grader/`` are written.
    names
        Only these exercises (default: every source notebook).
    execute
        Execute the solution notebooks (default). ``False`` writes them unexecuted.

    Returns
    -------
    list of Path
        The files written, in order.
    """
    source_dir, out_dir = Path(source_dir), Path(out_dir)
    paths = sorted(source_dir.glob("*.ipynb"))
    if names:
        wanted = set(names)
        missing = wanted - {p.stem for p in paths}
        if missing:
            raise ExerciseError(
                f"No source notebook for {sorted(missing)} in {str(source_dir)!r}."
                f" The exercises are {sorted(p.stem for p in paths)}."
            )
        paths = [p for p in paths if p.stem in wanted]
    written = []
    for path in paths:
        ex = _read_exercise(path)
        student = student_notebook(ex)
        bundle = _bundle(ex, student)
        solution = copy.deepcopy(ex.nb)
        for cell in solution.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        solution = _clean_notebook(solution, "solution", ex.name)
        if execute:
            (out_dir / "solution").mkdir(parents=True, exist_ok=True)
            _execute_notebook(solution, out_dir / "solution")
            _clean_notebook(solution, "solution", ex.name)
        for sub, text in (
            ("student", _notebook_text(student)),
            ("solution", _notebook_text(solution)),
        ):
            target = out_dir / sub / f"{ex.name}.ipynb"
            _write_atomic(target, text)
            written.append(target)
        target = out_dir / "grader" / f"{ex.name}.json"
        _write_atomic(target, json.dumps(bundle, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        written.append(target)
    return written


# ---------------------------------------------------------------------------
# Grading: one submission
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class GradeResult:
    """One gradebook row: a student's result on one question."""

    student: str
    question: str
    points: float
    max_points: float
    status: str
    message: str
    details: tuple[str, ...] = ()

    def row(self) -> list[str]:
        return [
            self.student,
            self.question,
            _fmt(self.points),
            _fmt(self.max_points),
            self.status,
            self.message,
        ]


def _fmt(x: float) -> str:
    return f"{x:g}" if float(x) == round(float(x), 6) else f"{x:.2f}"


@dataclasses.dataclass
class _Limits:
    cell_timeout: float = DEFAULT_CELL_TIMEOUT
    wall_time: float | None = None
    memory_mb: int = DEFAULT_MEMORY_MB
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES
    sandbox: str = "auto"  # "auto", "on" or "off"
    hide: tuple[str, ...] = ()  # folders the kernel must not see


def _answer_cells(nb: dict, questions: list[str]) -> dict[str, str]:
    """Find each question's answer cell in a submission: by cell id, else by tags."""
    found: dict[str, str] = {}
    cells = nb.get("cells", [])
    for qid in questions:
        by_id = [c for c in cells if isinstance(c, dict) and c.get("id") == f"{qid}-answer"]
        by_tag = [c for c in cells if isinstance(c, dict) and _role(c) == (qid, "answer")]
        for c in by_id + by_tag:
            if c.get("cell_type") == "code":
                found[qid] = _source(c)
                break
    return found


def _parse_submission(data: bytes) -> tuple[str | None, dict | None]:
    """Return (status, notebook): status is None for a usable notebook."""
    try:
        nb = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return "invalid_json", None
    if not (
        isinstance(nb, dict)
        and isinstance(nb.get("cells"), list)
        and nb.get("nbformat") == 4
        and all(isinstance(c, dict) and "cell_type" in c for c in nb["cells"])
    ):
        return "not_a_notebook", None
    return None, nb


_STATUS_MESSAGE = {
    "invalid_json": "The file is not valid JSON, so it is not a notebook Jupyter can open. Open it in"
    " JupyterLab, save it again (File > Save Notebook) and resubmit the .ipynb file.",
    "not_a_notebook": "The file is JSON but not a Jupyter notebook (no list of cells). Submit the"
    " exercise's .ipynb file itself.",
}


def grade_submission(student: str, data: bytes, bundle: dict, limits: _Limits) -> list[GradeResult]:
    """Grade one submission's bytes against a bundle; never raises for a bad submission."""
    qs = bundle["questions"]
    status, nb = _parse_submission(data)
    if status:
        return [GradeResult(student, q["id"], 0, q["points"], status, _STATUS_MESSAGE[status]) for q in qs]
    answers = _answer_cells(nb, [q["id"] for q in qs])
    if not answers:
        return [
            GradeResult(
                student,
                q["id"],
                0,
                q["points"],
                "missing",
                f"No answer cell for {q['id']} (none of the exercise's answer cells is in this notebook:"
                " was it made from the student copy?).",
            )
            for q in qs
        ]
    templates = {c["question"]: c["source"] for c in bundle["plan"] if c["kind"] == "answer"}
    blank = {q for q, src in answers.items() if _same_code(src, templates.get(q, ""))}
    if blank == set(answers):  # nothing to run: every answer cell is as handed out
        run = {"answers": {}, "records": {}, "fatal": None, "stopped": None}
    else:
        run = _run_in_kernel(bundle["plan"], answers, limits)
    return _evaluate(student, bundle, answers, run, blank)


def _same_code(a: str, b: str) -> bool:
    """True when two cells hold the same code, ignoring blank lines and trailing spaces."""

    def norm(s: str) -> list[str]:
        return [line.rstrip() for line in s.strip().splitlines() if line.strip()]

    return norm(a) == norm(b)


def _evaluate(
    student: str, bundle: dict, answers: dict[str, str], run: dict, blank: set[str] = frozenset()
) -> list[GradeResult]:
    results = []
    questions = _bundle_questions(bundle)
    for qinfo in bundle["questions"]:
        qid, points = qinfo["id"], qinfo["points"]
        if qid not in answers:
            results.append(
                GradeResult(
                    student,
                    qid,
                    0,
                    points,
                    "missing",
                    f"No answer cell for {qid}: it was deleted or its tags were changed. Copy the answer"
                    " cell from a fresh student notebook and put your code in it.",
                )
            )
            continue
        if qid in blank:
            results.append(GradeResult(student, qid, 0, points, "unanswered", _UNANSWERED))
            continue
        cell = run["answers"].get(qid)
        record = run["records"].get(qid)
        fail = _run_failure(qid, cell, record, run)
        if fail:
            results.append(GradeResult(student, qid, 0, points, *fail))
            continue
        value = from_plain(record["value"])
        score, status, message, msgs = _score(questions[qid].run(value), points)
        results.append(GradeResult(student, qid, score, points, status, message, tuple(msgs)))
    return results


def _score(outcomes: list[tuple[_Test, bool, str]], points: float) -> tuple[float, str, str, list[str]]:
    """Points, status, message and failure hints of one answer's test outcomes.

    Public shape checks are gatekeepers: if one fails the answer earns 0.
    Otherwise the points are shared by the hidden tests in proportion to
    their weights (the answer-key check earns nothing on its own).

    >>> t = lambda hidden, gate=True, w=1: _Test("t", "hint", len, hidden, w, gate)
    >>> _score([(t(False), True, ""), (t(True, w=3), True, ""), (t(True), False, "h")], 2)[:2]
    (1.5, 'partial')
    >>> _score([(t(False), False, "shape"), (t(True), True, "")], 2)[:2]
    (0, 'failed')
    """
    public = [(t, ok, m) for t, ok, m in outcomes if not t.hidden]
    hidden = [(t, ok, m) for t, ok, m in outcomes if t.hidden]
    gates_ok = all(ok for t, ok, _ in public if t.gate)
    total_w = sum(t.weight for t, _, _ in hidden)
    if not gates_ok:
        score: float = 0
    elif total_w:
        score = round(points * sum(t.weight for t, ok, _ in hidden if ok) / total_w, 2)
    else:
        score = points if all(ok for _, ok, _ in public) else 0
    if score >= points and all(ok for _, ok, _ in hidden):
        status = "passed"
    else:
        status = "partial" if score > 0 else "failed"
    summary = f"public {sum(ok for _, ok, _ in public)}/{len(public)}"
    if hidden:
        summary += f", hidden {sum(ok for _, ok, _ in hidden)}/{len(hidden)}"
    msgs = [m if not t.hidden else f"a hidden test failed: {m}" for t, ok, m in outcomes if not ok]
    if not gates_ok:
        msgs.append("No points until every public check passes (the hidden tests earn the points).")
    message = summary + " passed" + (": " + "; ".join(msgs) if msgs else "")
    return score, status, message, msgs


_UNANSWERED = "No answer yet: the answer cell still has its ... (replace it with your code)."


def _run_failure(qid: str, cell: dict | None, record: dict | None, run: dict) -> tuple[str, str] | None:
    """The status and message when the answer cell or its recording failed, else None."""
    if run.get("fatal"):
        return "grader_error", run["fatal"]
    if cell is None:
        return (
            "kernel_died",
            f"The answer cell for {qid} never ran: {run.get('stopped') or 'the kernel stopped'}.",
        )
    st = cell["status"]
    if st == "timeout":
        return (
            "timeout",
            f"The answer cell ran longer than {cell['limit']:g} s (an endless loop?) and was stopped.",
        )
    if st == "too_large":
        return (
            "output_too_large",
            f"The answer cell printed more than {cell['limit'] / 1e6:g} MB; remove the print of"
            " whole tables or long loops and submit again.",
        )
    if st == "dead":
        return "kernel_died", f"The kernel died while running the answer cell for {qid} (out of memory?)."
    if st == "error":
        return "error", f"The answer cell raised {cell['ename']}{_short_evalue(cell['evalue'])}"
    if record is None:
        return (
            "kernel_died",
            f"The answer to {qid} could not be read back: {run.get('stopped') or 'no record'}.",
        )
    if record["status"] == "unanswered":
        return "unanswered", _UNANSWERED
    if record["status"] == "undefined":
        return "error", f"The answer cell ran, but it does not define the variable {record['variable']!r}."
    if record["status"] != "ok":
        return "unreadable", record.get("message", "The answer could not be read.")
    return None


MAX_ERROR_CHARS = 80
"""How much of an exception's message reaches the feedback: its first line, cut to this."""


def _short_evalue(evalue: str) -> str:
    """``": <first line, cut>"`` of an exception message, or ``""``.

    Feedback never carries more than a short first line of what a cell raised,
    so a cell cannot smuggle file contents out through an exception.

    >>> _short_evalue("x" * 100 + "\\nsecret")
    ': xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'
    """
    lines = _HEX_ADDRESS.sub("", str(evalue)).strip().splitlines()
    first = lines[0].strip() if lines else ""
    if not first:
        return ""
    return ": " + (first if len(first) <= MAX_ERROR_CHARS else first[:MAX_ERROR_CHARS] + "...")


_GRADER_ERROR = (
    "The grader failed on this submission, not the student ({}). Re-run `kit grade` for this"
    " student; if it fails again, see docs/instructors.md, 'When the grader fails'."
)


_QUESTION_CACHE: dict[str, dict[str, Question]] = {}


def _bundle_questions(bundle: dict) -> dict[str, Question]:
    """Execute the bundle's setup and test sources in this (the grader's) process, once."""
    key = hashlib.sha256(json.dumps(bundle, sort_keys=True).encode()).hexdigest()
    if key not in _QUESTION_CACHE:
        setup = [c["source"] for c in bundle["plan"] if c["kind"] == "setup"]
        sources = []
        for q in bundle["questions"]:
            sources += q["public_tests"] + q["hidden_tests"]
        with contextlib.redirect_stdout(io.StringIO()):
            _QUESTION_CACHE[key] = _exec_tests([*setup, *sources])
    return _QUESTION_CACHE[key]


# ----- running a notebook in a sandboxed kernel -------------------------------------


def _record_source(qid: str, variable: str) -> str:
    return (
        "__import__('kit.grading').grading.export_answer("
        f"{qid!r}, globals().get({variable!r}, __import__('kit.grading').grading._UNDEFINED))"
    )


class _Undefined:
    pass


_UNDEFINED = _Undefined()


_UNSHARE = [
    "unshare",
    "--user",
    "--map-root-user",
    "--mount",
    "--net",
    "--pid",
    "--fork",
    "--kill-child",
    "--mount-proc",
]
"""The sandbox: own user, mount, network and PID namespaces; every process dies with the runner."""


def sandbox_available() -> bool:
    """True when ``unshare`` can give the kernel its own user, mount, network and PID namespaces."""
    if sys.platform != "linux" or not shutil.which("unshare"):
        return False
    try:
        proc = subprocess.run([*_UNSHARE, "true"], capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


def _sandbox_paths(hide: Iterable[str]) -> tuple[list[str], list[str]]:
    """(keep, mask): folders the kernel sees read-only, and folders it sees as empty.

    The kernel needs the Python environment, the ``kit`` package folder and
    the bundled seeds; everything else of the checkout (``.git``, ``tests/``,
    ``exercises/``, ``evaluation/``), the shared ``/tmp``, the home folder,
    the submissions and the output folder are covered by empty mounts.
    """
    from kit.loading import seeds_dir

    root = _kit_root()
    mask = {str(root), "/tmp", str(Path.home()), *hide}
    mask = {str(Path(m).resolve()) for m in mask if m and Path(m).is_dir() and str(Path(m).resolve()) != "/"}
    keep = {str(root / "kit"), sys.prefix, sys.base_prefix, sys.exec_prefix}
    with contextlib.suppress(Exception):
        keep.add(str(seeds_dir()))
    for entry in sys.path:
        if entry and Path(entry).is_dir():
            keep.add(entry)
    resolved = set()
    for k in keep:
        r = str(Path(k).resolve())
        # Never keep a folder that holds a masked one (the checkout root itself, "/").
        if Path(r).is_dir() and not any(m == r or m.startswith(r.rstrip("/") + "/") for m in mask):
            resolved.add(r)
    return sorted(resolved), sorted(mask)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _limit_memory(memory_mb: int) -> Callable[[], None]:
    def preexec() -> None:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024 * 1024, 64 * 1024 * 1024))

    return preexec


def _run_in_kernel(plan: list[dict], answers: dict[str, str], limits: _Limits) -> dict:
    """Run the plan with the student's answers in a sandboxed subprocess; return what came back."""
    cells = []
    for item in plan:
        if item["kind"] == "setup":
            cells.append({"kind": "setup", "source": item["source"]})
        elif item["kind"] == "answer":
            if item["question"] in answers:
                cells.append(
                    {"kind": "answer", "question": item["question"], "source": answers[item["question"]]}
                )
        else:
            if item["question"] in answers:
                cells.append(
                    {
                        "kind": "record",
                        "question": item["question"],
                        "source": _record_source(item["question"], item["variable"]),
                    }
                )
    n_answers = sum(c["kind"] == "answer" for c in cells)
    wall = limits.wall_time or (60 + limits.cell_timeout * (n_answers + 2))
    use_sandbox = limits.sandbox == "on" or (limits.sandbox == "auto" and _sandbox_ok())
    with tempfile.TemporaryDirectory(prefix="kit-grade-", ignore_cleanup_errors=True) as tmp:
        tmp = Path(tmp)
        # In the sandbox the kernel gets a private tmpfs on /tmp: its work folder,
        # home, runtime folder (connection file) and IPython folder live there,
        # out of reach of every other submission.
        base = Path("/tmp") if use_sandbox else tmp
        job = {
            "cells": cells,
            "cell_timeout": limits.cell_timeout,
            "max_output_bytes": limits.max_output_bytes,
            "workdir": str(base / "work"),
            "base": str(base),
        }
        if use_sandbox:
            job["keep"], job["mask"] = _sandbox_paths(limits.hide)
        job_path = tmp / "job.json"
        job_path.write_text(json.dumps(job))
        cmd = [sys.executable, "-m", "kit.grading", "_run", str(job_path)]
        if use_sandbox:
            cmd = [*_UNSHARE, *cmd]
        env = _kernel_env(
            {
                "HOME": str(base / "home"),
                "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
                "JUPYTER_DATA_DIR": str(base / "data"),
                "IPYTHONDIR": str(base / "ipython"),
                "MPLCONFIGDIR": str(base / "mpl"),
                "TMPDIR": str(base),
                "OPENBLAS_NUM_THREADS": "1",
                "OMP_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1",
                "PYTHONDONTWRITEBYTECODE": "1",
                "JUPYTER_PLATFORM_DIRS": "1",
            }
        )
        env.pop("JUPYTER_CONFIG_DIR", None)
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=str(tmp),
            env=env,
            start_new_session=True,
            preexec_fn=_limit_memory(limits.memory_mb),
        )
        stopped = None
        try:
            out, _ = proc.communicate(timeout=wall)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            out, _ = proc.communicate()
            stopped = f"the whole notebook ran longer than {wall:g} s and was stopped"
        finally:
            # Killing unshare kills the runner (PID 1 of the namespace, --kill-child),
            # and with it every process the submission started, setsid or not.
            _kill_group(proc.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
    result: dict = {"answers": {}, "records": {}, "fatal": None, "stopped": stopped}
    done = False
    for line in out.decode("utf-8", "replace").splitlines():
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(msg, dict):
            continue
        if msg.get("kind") == "answer":
            result["answers"][msg["question"]] = msg
        elif msg.get("kind") == "record":
            result["records"][msg["question"]] = msg
        elif msg.get("kind") == "setup" and msg.get("status") != "ok":
            result["fatal"] = _GRADER_ERROR.format(
                f"the exercise's setup cell raised {msg.get('ename')}{_short_evalue(msg.get('evalue', ''))}"
            )
        elif msg.get("kind") == "fatal":
            result["fatal"] = _GRADER_ERROR.format(f"the grading kernel could not run: {msg.get('message')}")
        elif msg.get("kind") == "stopped":
            result["stopped"] = msg.get("message")
        elif msg.get("kind") == "done":
            done = True
    if not done and not result["stopped"]:
        result["stopped"] = "the grading kernel stopped early (out of memory, or killed)"
    return result


_SANDBOX_CACHE: list[bool] = []


def _sandbox_ok() -> bool:
    if not _SANDBOX_CACHE:
        _SANDBOX_CACHE.append(sandbox_available())
    return _SANDBOX_CACHE[0]


def _runner_main(argv: list[str]) -> int:
    """Inside the sandbox: set up mounts, run the cells one by one, stream JSON lines."""
    # Keep a private copy of stdout for the results; everything else (the
    # kernel, the student's subprocesses) writes to /dev/null.
    out = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)

    def emit(**msg: Any) -> None:
        out.write(json.dumps(msg) + "\n")
        out.flush()

    job_path = argv[0]
    job = json.loads(Path(job_path).read_text())
    # Nothing the kernel can reach refers to the job file afterwards.
    with contextlib.suppress(OSError):
        os.unlink(job_path)
    try:
        if "mask" in job:
            _setup_sandbox(job["keep"], job["mask"])
        for sub in ("work", "home", "runtime", "ipython", "mpl", "data"):
            os.makedirs(os.path.join(job["base"], sub), exist_ok=True)
    except Exception as exc:
        emit(kind="fatal", message=f"sandbox setup failed ({type(exc).__name__}: {exc})")
        return 1
    os.chdir(job["workdir"])
    try:
        _run_cells(job, emit)
    except Exception as exc:  # the kernel could not start, or died between cells
        emit(kind="fatal", message=f"{type(exc).__name__}: {exc}")
    emit(kind="done")
    return 0


_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC = 1, 2, 4, 8
_MS_REMOUNT, _MS_BIND, _MS_REC = 32, 4096, 16384
_MS_NOATIME, _MS_NODIRATIME, _MS_RELATIME = 1024, 2048, 1 << 21


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    enc = lambda v: v.encode() if v is not None else None  # noqa: E731
    if libc.mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {target}: {os.strerror(err)}")


def _mount_points() -> list[str]:
    points = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            field = line.split()[4]
            points.append(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field))
    return points


def _setup_sandbox(keep: list[str], mask: list[str]) -> None:
    """Empty mounts over ``mask`` (``keep`` bound back inside), then everything read-only but /tmp.

    Runs as root of a fresh user namespace, in its own mount namespace, so
    nothing here is seen outside the grading run.
    """
    fds = {k: os.open(k, os.O_PATH) for k in keep if os.path.isdir(k)}
    me = os.getpid()
    for m in sorted(mask, key=len):  # outer folders first; inner ones may be gone already
        if not os.path.isdir(m):
            continue
        size = "256m" if m == "/tmp" else "1m"
        _mount("kit-empty", m, "tmpfs", _MS_NOSUID | _MS_NODEV, f"size={size},mode=0755")
        for k, fd in fds.items():
            if k == m or k.startswith(m.rstrip("/") + "/"):
                os.makedirs(k, exist_ok=True)
                _mount(f"/proc/{me}/fd/{fd}", k, None, _MS_BIND | _MS_REC)
    for fd in fds.values():
        os.close(fd)
    # Read-only everywhere but the private /tmp (a cell deletes nothing, even as root).
    for point in _mount_points():
        if point == "/tmp" or point.startswith(("/proc", "/sys", "/dev/")):
            continue
        try:
            st = os.statvfs(point).f_flag
        except OSError:
            continue
        flags = _MS_REMOUNT | _MS_BIND | _MS_RDONLY
        for st_bit, ms_bit in (
            (os.ST_NOSUID, _MS_NOSUID),
            (os.ST_NODEV, _MS_NODEV),
            (os.ST_NOEXEC, _MS_NOEXEC),
            (os.ST_NOATIME, _MS_NOATIME),
            (os.ST_NODIRATIME, _MS_NODIRATIME),
            (os.ST_RELATIME, _MS_RELATIME),
        ):
            if st & st_bit:
                flags |= ms_bit
        _mount(None, point, None, flags)
    if os.path.isdir("/dev/shm"):
        _mount("kit-shm", "/dev/shm", "tmpfs", _MS_NOSUID | _MS_NODEV, "size=64m,mode=1777")
    # The kernel talks to this process over the loopback interface only.
    ip = shutil.which("ip")
    if ip:
        subprocess.run([ip, "link", "set", "lo", "up"], capture_output=True)


def _run_cells(job: dict, emit: Callable[..., None]) -> None:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    max_bytes = job["max_output_bytes"]
    limit = job["cell_timeout"]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c["source"]) for c in job["cells"]]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}

    class Client(NotebookClient):
        sizes: dict[int, int] = {}  # noqa: RUF012
        stderr: dict[int, int] = {}  # noqa: RUF012

        def output(self, outs, msg, display_id, cell_index):  # type: ignore[override]
            content = msg.get("content", {})
            size = len(json.dumps(content, default=str))
            if msg.get("msg_type") == "stream" and content.get("name") == "stderr":
                # Warnings and stderr never cost points: not counted, dropped past the limit.
                self.stderr[cell_index] = self.stderr.get(cell_index, 0) + size
                if self.stderr[cell_index] > max_bytes:
                    return None
                return super().output(outs, msg, display_id, cell_index)
            self.sizes[cell_index] = self.sizes.get(cell_index, 0) + size
            if self.sizes[cell_index] > max_bytes:
                return None  # keep counting, stop storing
            return super().output(outs, msg, display_id, cell_index)

    client = Client(
        nb,
        timeout=limit,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=False,
        record_timing=False,
        iopub_timeout=5,
        startup_timeout=60,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": job["workdir"]}},
    )
    with client.setup_kernel():
        stuck = None
        for index, (spec, cell) in enumerate(zip(job["cells"], nb.cells)):
            kind, qid = spec["kind"], spec.get("question")
            if stuck:
                emit(kind="stopped", message=stuck)
                break
            info: dict[str, Any] = {"kind": kind, "question": qid}
            try:
                client.execute_cell(cell, index)
                status = "ok"
            except CellTimeoutError:
                status = "timeout"
                info["limit"] = limit
                if not _recover(client):
                    stuck = (
                        f"the kernel was still stuck in {qid or 'a cell'}'s endless loop after an interrupt"
                    )
            except DeadKernelError:
                status = "dead"
                stuck = f"the kernel died in {qid or 'a setup cell'}"
            if status == "ok" and client.sizes.get(index, 0) > max_bytes:
                status, info["limit"] = "too_large", max_bytes
            if status == "ok":
                errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                if errors:
                    status = "error"
                    info["ename"] = str(errors[0].get("ename", "Error"))[:100]
                    info["evalue"] = str(errors[0].get("evalue", ""))[:400]
            info["status"] = status
            if kind == "record":
                info.update(_read_record(cell, spec, status))
            emit(**info)


def _recover(client: Any) -> bool:
    """Interrupt a stuck kernel and check that it answers again."""
    import asyncio

    import nbformat
    from jupyter_core.utils import ensure_event_loop, run_sync
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    # The timed-out cell's output poller would keep eating the next cells' messages.
    with contextlib.suppress(Exception):
        for task in asyncio.all_tasks(ensure_event_loop()):
            if task.get_coro().__name__ in ("_async_poll_output_msg", "_async_poll_kernel_alive"):
                task.cancel()
    with contextlib.suppress(Exception):
        run_sync(client.km.interrupt_kernel)()
    probe = nbformat.v4.new_code_cell("1")
    saved = client.timeout
    client.timeout = 5
    try:
        client.execute_cell(probe, 0)
        return True
    except (CellTimeoutError, DeadKernelError):
        return False
    finally:
        client.timeout = saved


def _read_record(cell: Any, spec: dict, status: str) -> dict:
    if status != "ok":
        return {"status": "unreadable", "message": "reading the answer failed", "variable": None}
    for out in cell.outputs:
        data = out.get("data", {}) if out.get("output_type") == "display_data" else {}
        payload = data.get(_RECORD_MIME)
        if isinstance(payload, dict) and payload.get("question") == spec["question"]:
            if payload.get("status") == "undefined":
                return {"status": "undefined", "variable": _variable_of(spec["source"])}
            return {k: payload.get(k) for k in ("status", "value", "message")}
    return {"status": "unreadable", "message": "the answer could not be read back from the kernel."}


def _variable_of(source: str) -> str:
    m = re.search(r"globals\(\)\.get\('([^']+)'", source)
    return m.group(1) if m else "?"


# ---------------------------------------------------------------------------
# Grading: the batch and its outputs
# ---------------------------------------------------------------------------


def _load_bundle(exercise: str | Path, exercises_dir: str | Path = "exercises") -> tuple[dict, Path]:
    path = Path(exercise)
    if path.suffix != ".json":
        path = Path(exercises_dir) / "grader" / f"{exercise}.json"
    if not path.is_file():
        available = sorted(p.stem for p in (Path(exercises_dir) / "grader").glob("*.json"))
        from kit.errors import did_you_mean

        raise FileNotFoundError(
            f"No grader bundle for the exercise {str(exercise)!r} at {str(path)!r}."
            f"{did_you_mean(str(exercise), available)} The exercises are {available or '(none)'};"
            " run `python -m kit build-exercises` to make the bundles."
        )
    bundle = json.loads(path.read_text(encoding="utf-8"))
    if bundle.get("format") != BUNDLE_FORMAT:
        raise ValueError(
            f"{str(path)!r} is a bundle of format {bundle.get('format')!r}, but this kit reads"
            f" format {BUNDLE_FORMAT}. Rebuild it with `python -m kit build-exercises`."
        )
    return bundle, path


def _collect(submissions: Sequence[str | Path]) -> list[tuple[str, Path]]:
    found: dict[str, Path] = {}
    for item in submissions:
        p = Path(item)
        files = sorted(p.glob("*.ipynb")) if p.is_dir() else [p]
        if p.is_dir() and not files:
            raise FileNotFoundError(
                f"No .ipynb files in {str(p)!r}. Put each student's notebook there, named <student_id>.ipynb."
            )
        for f in files:
            if not f.is_file():
                raise FileNotFoundError(f"No submission at {str(f)!r}.")
            student = f.stem
            if student in found:
                raise ValueError(
                    f"Two submissions for the student {student!r}: {str(found[student])!r} and {str(f)!r}."
                    " Keep one notebook per student."
                )
            found[student] = f
    return sorted(found.items())


def _grade_one(args: tuple) -> list[GradeResult]:
    student, data, bundle, limits = args
    try:
        return grade_submission(student, data, bundle, limits)
    except Exception as exc:  # the batch never stops
        return [
            GradeResult(
                student,
                q["id"],
                0,
                q["points"],
                "grader_error",
                _GRADER_ERROR.format(f"{type(exc).__name__}{_short_evalue(str(exc))}"),
            )
            for q in bundle["questions"]
        ]


def grade(
    submissions: Sequence[str | Path] | str | Path,
    exercise: str | Path,
    out: str | Path,
    *,
    jobs: int = 1,
    exercises_dir: str | Path = "exercises",
    cell_timeout: float = DEFAULT_CELL_TIMEOUT,
    wall_time: float | None = None,
    memory_mb: int = DEFAULT_MEMORY_MB,
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
    sandbox: str = "auto",
    progress: Any = None,
) -> list[GradeResult]:
    """Grade a folder of submissions and write the gradebook, summaries, LMS CSV and feedback.

    Parameters
    ----------
    submissions
        A folder of ``<student_id>.ipynb`` files, or a list of files and folders.
    exercise
        The exercise's name (its bundle is ``<exercises_dir>/grader/<name>.json``)
        or the path of a bundle.
    out
        The folder for ``gradebook.csv``, ``summary.csv``, ``lms.csv`` and ``feedback/``.
    jobs
        How many submissions to grade at once (a process pool).
    cell_timeout, wall_time, memory_mb, max_output_bytes
        Limits for each submission's kernel (see the module docstring).
    sandbox
        ``"auto"`` (use ``unshare`` when allowed), ``"on"`` or ``"off"``.
    progress
        A text stream for progress lines (``sys.stderr`` from the command line).

    Returns
    -------
    list of GradeResult
        The gradebook's rows, sorted by student and question.
    """
    if isinstance(submissions, (str, Path)):
        submissions = [submissions]
    if sandbox not in ("auto", "on", "off"):
        raise ValueError(f"sandbox={sandbox!r} is not one of 'auto', 'on', 'off'.")
    bundle, bundle_path = _load_bundle(exercise, exercises_dir)
    items = _collect(submissions)
    out = Path(out)
    hide = {str(bundle_path.resolve().parent), str(out.resolve())}
    if bundle_path.resolve().parent.name == "grader":
        hide.add(str(bundle_path.resolve().parent.parent))
    for _, path in items:
        hide.add(str(path.resolve().parent))
    out.mkdir(parents=True, exist_ok=True)
    if sandbox == "on" and not _sandbox_ok():
        raise RuntimeError(
            "sandbox='on' but `unshare --user --mount --net` is not allowed here. Use sandbox='auto'"
            " or 'off' (see docs/instructors.md, 'The sandbox')."
        )
    if progress is not None and sandbox != "off" and not _sandbox_ok():
        print(
            "kit grade: unshare is not available, so kernels run without the sandbox (network and"
            " files are reachable); see docs/instructors.md.",
            file=progress,
        )
    limits = _Limits(cell_timeout, wall_time, memory_mb, max_output_bytes, sandbox, tuple(sorted(hide)))
    # Read every submission before any kernel runs: a cell cannot delete the others.
    tasks = [(student, path.read_bytes(), bundle, limits) for student, path in items]
    rows: list[GradeResult] = []
    done = 0

    def report(results: list[GradeResult]) -> None:
        nonlocal done
        done += 1
        rows.extend(results)
        if progress is not None and results:
            score = sum(r.points for r in results)
            total = sum(r.max_points for r in results)
            print(
                f"[{done}/{len(tasks)}] {results[0].student}: {_fmt(score)}/{_fmt(total)}",
                file=progress,
                flush=True,
            )

    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            report(_grade_one(task))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            futures = [pool.submit(_grade_one, t) for t in tasks]
            for fut in as_completed(futures):
                report(fut.result())
    order = {q["id"]: i for i, q in enumerate(bundle["questions"])}
    rows.sort(key=lambda r: (r.student, order.get(r.question, 999), r.question))
    _write_outputs(out, bundle, rows)
    return rows


def _csv_text(header: list[str], rows: Iterable[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _write_outputs(out: Path, bundle: dict, rows: list[GradeResult]) -> None:
    _write_atomic(
        out / "gradebook.csv",
        _csv_text(
            ["student", "question", "points", "max_points", "status", "message"], (r.row() for r in rows)
        ),
    )
    by_student: dict[str, list[GradeResult]] = {}
    for r in rows:
        by_student.setdefault(r.student, []).append(r)
    summary, lms = [], []
    for student, results in sorted(by_student.items()):
        score = round(sum(r.points for r in results), 2)
        total = round(sum(r.max_points for r in results), 2)
        counts = {s: sum(r.status == s for r in results) for s in STATUSES}
        summary.append(
            [
                student,
                _fmt(score),
                _fmt(total),
                f"{100 * score / total:.1f}" if total else "0.0",
                str(counts["passed"]),
                str(len(results) - counts["passed"]),
                ";".join(sorted({r.status for r in results if r.status != "passed"})),
            ]
        )
        lms.append([student, _fmt(score), _fmt(total)])
        _write_atomic(out / "feedback" / f"{student}.md", _feedback(bundle, student, results, score, total))
    _write_atomic(
        out / "summary.csv",
        _csv_text(
            [
                "student",
                "score",
                "max_score",
                "percent",
                "questions_passed",
                "questions_not_passed",
                "problems",
            ],
            summary,
        ),
    )
    _write_atomic(out / "lms.csv", _csv_text(["student_id", "score", "max_score"], lms))


_STATUS_WORDS = {
    "passed": "passed",
    "partial": "partly right",
    "failed": "not yet right",
    "unanswered": "not answered",
    "missing": "answer cell missing",
    "error": "error",
    "timeout": "took too long",
    "output_too_large": "too much output",
    "unreadable": "answer not readable",
    "kernel_died": "could not be run",
    "grader_error": "grader failed (not your fault; it will be re-graded)",
    "invalid_json": "file not readable",
    "not_a_notebook": "not a notebook",
}


def _feedback(bundle: dict, student: str, results: list[GradeResult], score: float, total: float) -> str:
    lines = [
        f"# Feedback: {bundle['exercise']}, {student}",
        "",
        f"Score: **{_fmt(score)} / {_fmt(total)}**",
        "",
        "| question | points | result |",
        "|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.question} | {_fmt(r.points)} / {_fmt(r.max_points)} | {_STATUS_WORDS[r.status]} |"
        )
    lines.append("")
    for r in results:
        lines += [f"## {r.question}: {_STATUS_WORDS[r.status]}", ""]
        if r.details:
            head = r.message.partition(" passed: ")[0]
            lines += [f"Tests: {head} passed.", "", *[f"- {m}" for m in r.details], ""]
        else:
            lines += [r.message, ""]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":  # the sandboxed runner: python -m kit.grading _run JOB [mounts]
    if len(sys.argv) >= 3 and sys.argv[1] == "_run":
        sys.exit(_runner_main(sys.argv[2:]))
    print("This module is run by `python -m kit grade`; see docs/instructors.md.", file=sys.stderr)
    sys.exit(2)
