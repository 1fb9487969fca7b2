"""Grading a batch of submissions: collecting them, the worker pool, the outputs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.grading.build import BUNDLE_FORMAT
from kit.grading.limits import DEFAULT_CELL_TIMEOUT, DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_MEMORY_MB, _Limits
from kit.grading.messages import _GRADER_ERROR, _short_evalue
from kit.grading.reports import _write_outputs
from kit.grading.sandbox import _sandbox_ok
from kit.grading.submission import GradeResult, _fmt, grade_submission


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
