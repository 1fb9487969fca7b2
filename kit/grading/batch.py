"""Grading a batch of submissions: collecting them, the worker pool, the outputs."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.grading import sandbox as _sandbox
from kit.grading.build import BUNDLE_FORMAT
from kit.grading.limits import DEFAULT_CELL_TIMEOUT, DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_MEMORY_MB, _Limits
from kit.grading.messages import _GRADER_ERROR, _short_evalue
from kit.grading.reports import _write_outputs
from kit.grading.submission import _STATUS_MESSAGE, GradeResult, _fmt, grade_submission


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


MAX_SUBMISSION_BYTES = 50_000_000
"""A submission larger than this is not read (notebooks with outputs are a few MB at most)."""


def _collect(submissions: Sequence[str | Path]) -> list[tuple[str, Path]]:
    """``(student, path)`` of each ``*.ipynb``, links and all: nothing is followed or opened here."""
    found: dict[str, Path] = {}
    for item in submissions:
        p = Path(item)
        if p.is_dir() and not p.is_symlink():
            files = sorted(Path(e.path) for e in os.scandir(p) if e.name.endswith(".ipynb"))
            if not files:
                raise FileNotFoundError(
                    f"No .ipynb files in {str(p)!r}. Put each student's notebook there, named"
                    " <student_id>.ipynb."
                )
        else:
            if not os.path.lexists(p):
                raise FileNotFoundError(f"No submission at {str(p)!r}.")
            files = [p]
        for f in files:
            student = f.stem
            if student in found:
                raise ValueError(
                    f"Two submissions for the student {student!r}: {str(found[student])!r} and {str(f)!r}."
                    " Keep one notebook per student."
                )
            found[student] = f
    return sorted(found.items())


def _read_submission(path: Path) -> bytes | None:
    """The bytes of a regular file, never following a link; None for anything else."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_SUBMISSION_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(MAX_SUBMISSION_BYTES + 1)
    finally:
        os.close(fd)


def _status_rows(student: str, bundle: dict, status: str, message: str | None = None) -> list[GradeResult]:
    return [
        GradeResult(student, q["id"], 0, q["points"], status, message or _STATUS_MESSAGE[status])
        for q in bundle["questions"]
    ]


def _grade_one(args: tuple) -> list[GradeResult]:
    student, data, bundle, limits = args
    if data is None:
        return _status_rows(student, bundle, "not_a_file")
    try:
        return grade_submission(student, data, bundle, limits)
    except Exception as exc:  # the batch never stops
        return _status_rows(
            student,
            bundle,
            "grader_error",
            _GRADER_ERROR.format(f"{type(exc).__name__}{_short_evalue(str(exc))}"),
        )


def _find_exercises_dir(exercises_dir: str | Path | None) -> Path:
    """The folder holding ``grader/``: the one given, else ``./exercises``, else the kit checkout's."""
    if exercises_dir is not None:
        return Path(exercises_dir)
    candidates = [Path("exercises"), Path(__file__).resolve().parents[2] / "exercises"]
    for c in candidates:
        if (c / "grader").is_dir():
            return c
    raise FileNotFoundError(
        "No exercises folder here (looked for exercises/grader/ in the current folder and beside the"
        " kit). Pass it: kit grade ... --exercises-dir PATH/TO/exercises"
    )


def _check_sandbox(sandbox: str) -> None:
    if sandbox not in ("auto", "on", "off"):
        raise ValueError(f"sandbox={sandbox!r} is not one of 'on', 'off'.")
    if sandbox != "off" and not _sandbox.sandbox_available():
        raise RuntimeError(
            "kit grade: the sandbox cannot run here: " + _sandbox.plan()["reason"] + " Grading runs each"
            " student's code; without the sandbox that code can read and change your files and use"
            " the network. Only if you accept that, pass --sandbox off (see docs/instructors.md,"
            " 'The sandbox')."
        )


def _run_pool(tasks: list[tuple], jobs: int, report: Any, work: Any = None) -> None:
    """Grade ``tasks`` in ``jobs`` worker processes; a dead worker's tasks are retried once.

    ``work`` grades one task (default :func:`_grade_one`).
    """
    work = work or _grade_one
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    attempts = {i: 0 for i in range(len(tasks))}
    pending = list(range(len(tasks)))
    known = _sandbox._state() if any(t[3].sandbox != "off" for t in tasks) else ([], {})
    while pending:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=ctx, initializer=_sandbox._restore, initargs=(known,)
        ) as pool:
            futures = {pool.submit(work, tasks[i]): i for i in pending}
            for i in pending:
                attempts[i] += 1
            wait(futures)
        retry = []
        for fut, i in futures.items():
            try:
                report(fut.result())
            except BrokenProcessPool:
                if attempts[i] < 2:
                    retry.append(i)
                else:
                    report(_status_rows(tasks[i][0], tasks[i][2], "grader_crashed"))
            except Exception as exc:  # the batch never stops
                report(
                    _status_rows(
                        tasks[i][0], tasks[i][2], "grader_error", _GRADER_ERROR.format(type(exc).__name__)
                    )
                )
        if len(retry) > 1 and jobs > 1:
            # Several tasks died with the pool: run each alone, so one cannot take another down.
            for i in retry:
                _run_pool_one(tasks[i], report, work, known)
            retry = []
        pending = retry


def _run_pool_one(task: tuple, report: Any, work: Any, known: tuple) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(
            max_workers=1, mp_context=ctx, initializer=_sandbox._restore, initargs=(known,)
        ) as pool:
            report(pool.submit(work, task).result())
    except BrokenProcessPool:
        report(_status_rows(task[0], task[2], "grader_crashed"))


def grade(
    submissions: Sequence[str | Path] | str | Path,
    exercise: str | Path,
    out: str | Path,
    *,
    jobs: int = 1,
    exercises_dir: str | Path | None = None,
    cell_timeout: float = DEFAULT_CELL_TIMEOUT,
    wall_time: float | None = None,
    memory_mb: int = DEFAULT_MEMORY_MB,
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
    sandbox: str = "on",
    progress: Any = None,
) -> list[GradeResult]:
    """Grade a folder of submissions and write the gradebook, summaries, LMS CSV and feedback.

    Every submission gets its rows, whatever it is or does, and the four
    outputs are always written.

    Parameters
    ----------
    submissions
        A folder of ``<student_id>.ipynb`` files, or a list of files and folders.
        Links, folders and pipes named ``*.ipynb`` get the status ``not_a_file``.
    exercise
        The exercise's name (its bundle is ``<exercises_dir>/grader/<name>.json``)
        or the path of a bundle.
    out
        The folder for ``gradebook.csv``, ``summary.csv``, ``lms.csv`` and ``feedback/``.
    jobs
        How many submissions to grade at once (worker processes).
    exercises_dir
        The folder holding ``grader/`` (default: ``./exercises``, else the kit checkout's).
    cell_timeout, wall_time, memory_mb, max_output_bytes
        Limits for each submission's kernel (see the module docstring).
    sandbox
        ``"on"`` (the default: refuse to grade where the sandbox cannot run)
        or ``"off"`` (run students' code without it; only where you accept that).
    progress
        A text stream for progress lines (``sys.stderr`` from the command line).

    Returns
    -------
    list of GradeResult
        The gradebook's rows, sorted by student and question.
    """
    if isinstance(submissions, (str, Path)):
        submissions = [submissions]
    _check_sandbox(sandbox)
    if Path(exercise).suffix == ".json":
        bundle, _ = _load_bundle(exercise, exercises_dir or "exercises")
    else:
        bundle, _ = _load_bundle(exercise, _find_exercises_dir(exercises_dir))
    items = _collect(submissions)
    if sandbox == "off" and progress is not None:
        print(
            "kit grade: --sandbox off: students' code runs with your user's rights, its files and the"
            " network (see docs/instructors.md, 'The sandbox').",
            file=progress,
        )
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    limits = _Limits(
        cell_timeout, wall_time, memory_mb, max_output_bytes, "off" if sandbox == "off" else "on"
    )
    # Read every submission before any kernel runs (and never through a link).
    tasks = [(student, _read_submission(path), bundle, limits) for student, path in items]
    rows: list[GradeResult] = []
    done: set[str] = set()

    def report(results: list[GradeResult]) -> None:
        if not results or results[0].student in done:
            return
        done.add(results[0].student)
        rows.extend(results)
        if progress is not None:
            score = sum(r.points for r in results)
            total = sum(r.max_points for r in results)
            print(
                f"[{len(done)}/{len(tasks)}] {results[0].student}: {_fmt(score)}/{_fmt(total)}",
                file=progress,
                flush=True,
            )

    try:
        if jobs <= 1 or len(tasks) <= 1:
            for task in tasks:
                report(_grade_one(task))
        else:
            _run_pool(tasks, jobs, report)
    finally:
        from kit.grading.runner import close_warm

        close_warm()
        for student, _data, *_ in tasks:
            if student not in done:
                report(_status_rows(student, bundle, "grader_crashed"))
        order = {q["id"]: i for i, q in enumerate(bundle["questions"])}
        rows.sort(key=lambda r: (r.student, order.get(r.question, 999), r.question))
        _write_outputs(out, bundle, rows)
    return rows
