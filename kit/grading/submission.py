"""Grading one submission: reading it, scoring each question, the gradebook row."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json

from kit.grading.cells import _role, _source
from kit.grading.limits import _Limits
from kit.grading.messages import _short_evalue
from kit.grading.questions import Question, _exec_tests, _Test
from kit.grading.runner import _run_in_kernel, prepare
from kit.grading.values import from_plain

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
    "not_a_file",
    "grader_crashed",
)
"""Every status a gradebook row can have (see the module docstring)."""


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
    "not_a_file": "The submission is not a plain file (a link, a folder or a pipe named .ipynb), so it"
    " was not opened. Submit the notebook file itself.",
    "grader_crashed": "The grader's worker died twice on this submission, so it was not graded. Re-run"
    " `kit grade` for this student; see docs/instructors.md, 'When the grader fails'.",
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
        # The warm process starts while this process reads the tests (both take a while once).
        prepare(bundle["plan"], limits)
        _bundle_questions(bundle)
        run = _run_in_kernel(bundle["plan"], answers, limits)
    return _evaluate(student, bundle, answers, run, blank)


def _same_code(a: str, b: str) -> bool:
    """True when two cells hold the same code, ignoring blank lines and trailing spaces."""

    def norm(s: str) -> list[str]:
        return [line.rstrip() for line in s.strip().splitlines() if line.strip()]

    return norm(a) == norm(b)


_NOT_A_TABLE = (
    "The answer looks like a table but is not one the grader can rebuild; give a DataFrame,"
    " a list or a dict of plain values."
)


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
        try:
            value = from_plain(record["value"])
        except Exception:  # a dict shaped like a table but not one
            results.append(GradeResult(student, qid, 0, points, "unreadable", _NOT_A_TABLE))
            continue
        score, status, message, msgs = _score(questions[qid].run(value), points)
        results.append(GradeResult(student, qid, score, points, status, message, tuple(msgs)))
    return results


def _score(outcomes: list[tuple[_Test, bool, str]], points: float) -> tuple[float, str, str, list[str]]:
    """Points, status, message and failure hints of one answer's test outcomes.

    Public checks, the answer-key check among them, are gatekeepers: if one
    fails the answer earns 0. Otherwise the points are shared by the hidden
    tests in proportion to their weights.

    >>> t = lambda hidden, gate=True, w=1: _Test("t", "hint", len, hidden, w, gate)
    >>> _score([(t(False), True, ""), (t(True, w=3), True, ""), (t(True), False, "h")], 2)[:2]
    (1.5, 'partial')
    >>> _score([(t(False), False, "shape"), (t(True), True, "")], 2)[:2]
    (0, 'failed')
    >>> _score([(t(False, gate=False), False, "key"), (t(True), True, "")], 2)[:2]
    (0, 'failed')
    """
    public = [(t, ok, m) for t, ok, m in outcomes if not t.hidden]
    hidden = [(t, ok, m) for t, ok, m in outcomes if t.hidden]
    gates_ok = all(ok for _, ok, _ in public)
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
    if qid in run.get("broken", {}):
        return "error", run["broken"][qid]
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
        message = record.get("message")
        return "unreadable", message if isinstance(
            message, str
        ) and message else "The answer could not be read."
    return None


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
