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
own cells, runs the result in a fresh sandboxed child of a warm IPython
process (:mod:`~kit.grading.warm`), one cell at a time as
``pytest --nbval-lax`` does (an error fails that cell and the next cells
still run), with a time limit per cell and for the whole notebook, memory
and process limits and a cap on each cell's output (stderr is not
counted). The kernel runs in a bubblewrap sandbox (:mod:`kit.grading.sandbox`):
an unprivileged user, every namespace of its own, no network, only the
Python environment and the ``kit`` package visible (read-only), a private
``/tmp``, a clean environment; every process an answer starts dies with the
submission. Where no sandbox can run, grading refuses unless the
instructor passes ``sandbox="off"`` (see docs/instructors.md, "The
sandbox"). The grader sends the cells over a socket from outside the
sandbox; each answer comes back as one bounded JSON record (never pickle), and the public and hidden tests run in the grader's own
process on the decoded plain values, so an answer whose ``__eq__`` always
says True, or a cell that patches the checker, gains nothing. Warnings and
stderr never cost points.

Points: public tests are gatekeepers worth nothing on their own (an answer
that fails one earns 0); the points come from the hidden tests, shared by
their ``weight``. A question may carry an answer ``key`` (a salted
:func:`fingerprint` of the right answer) that adds a public check telling a
right value from a wrong one, so ``pytest --nbval-lax`` fails on a wrong
answer, naming the question; like any public check, a failed key check
makes the question earn 0.

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
``not_a_file``         a link, folder or pipe named ``*.ipynb`` (never opened)
``grader_crashed``     the grader's worker died twice on this submission
=====================  ====================================================

The package's modules, one step each: :mod:`~kit.grading.questions` (the
question DSL and :func:`check`, all a student kernel imports, with
:mod:`~kit.grading.values`, the plain values that cross from the kernel to
the grader), :mod:`~kit.grading.build` (source to student copy, solution and
bundle), :mod:`~kit.grading.submission` (one submission's rows),
:mod:`~kit.grading.runner`, :mod:`~kit.grading.warm` and
:mod:`~kit.grading.sandbox` (where and how the cells run), :mod:`~kit.grading.batch` (a folder of submissions) and
:mod:`~kit.grading.reports` (gradebook, summary, LMS CSV, feedback).
"""

from __future__ import annotations

import importlib
from typing import Any

from kit.grading.cells import QUESTION_TAG, ROLES, ExerciseError  # noqa: F401
from kit.grading.questions import (  # noqa: F401
    KEY_HINT,
    CheckFailed,
    Question,
    check,
    fingerprint,
    question,
)
from kit.grading.values import (  # noqa: F401
    _UNDEFINED,
    MAX_ANSWER_BYTES,
    UnreadableAnswer,
    export_answer,
    from_plain,
    same_rows,
    to_plain,
)

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

CheckFailed.__module__ = __name__  # tracebacks say kit.grading.CheckFailed, as students import it

# The grader's names load on first use, so a student's kernel (which imports
# this package for ``check``) never imports the build, the runner or the sandbox.
_LAZY = {
    "BUNDLE_FORMAT": "build",
    "build_exercises": "build",
    "strip_solution": "build",
    "student_notebook": "build",
    "update_keys": "build",
    "DEFAULT_CELL_TIMEOUT": "limits",
    "DEFAULT_MAX_OUTPUT_BYTES": "limits",
    "DEFAULT_MEMORY_MB": "limits",
    "MAX_ERROR_CHARS": "messages",
    "STATUSES": "submission",
    "GradeResult": "submission",
    "grade_submission": "submission",
    "sandbox_available": "sandbox",
    "grade": "batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kit.grading' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"kit.grading.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
