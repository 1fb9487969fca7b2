"""The outputs of a grading run: gradebook, summary, LMS CSV and feedback."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from kit.grading.paths import _write_atomic
from kit.grading.submission import STATUSES, GradeResult, _fmt


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
    "not_a_file": "not a notebook file",
    "grader_crashed": "grader failed (not your fault; it will be re-graded)",
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
            head = str(r.message).partition(" passed: ")[0]
            lines += [f"Tests: {head} passed.", "", *[f"- {m}" for m in r.details], ""]
        else:
            lines += [str(r.message or ""), ""]
    return "\n".join(lines).rstrip() + "\n"
