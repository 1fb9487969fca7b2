"""The question DSL and the student's :func:`check`.

This is what a student kernel imports (with :mod:`kit.grading.values`);
it stays small and never imports the grader, the sandbox or nbclient.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from typing import Any

from kit.grading.cells import QUESTION_TAG
from kit.grading.values import _TABLE_KEY, UnreadableAnswer, _Unanswered, from_plain, to_plain


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
    "Your answer does not match the expected answer yet."
    " Re-read the question; the hints of the other checks say what to look at."
)


def _grading_run() -> None:
    """Refuse the public checks inside a grading kernel: the grader runs them itself.

    A courtesy, not the guard: code in the kernel can unset the variable.
    What keeps the answer keys from an answer cell at grading is that none
    is in the kernel (it runs the setup and answer cells only, never the
    public-tests cells; the sandbox holds no exercise file).
    """
    if os.environ.get("KIT_GRADING_RUN") == "1":
        raise RuntimeError(
            "The checks are not available while grading: the grader runs them itself, outside your notebook."
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
    _grading_run()
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
    _grading_run()
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
