"""Building exercises: the source notebook, the student copy, the solution, the bundle."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import io
import json
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.grading.cells import ROLES, ExerciseError, _role, _source, _tags
from kit.grading.paths import _kernel_env, _write_atomic
from kit.grading.questions import Question, _exec_tests, fingerprint

BUNDLE_FORMAT = 1
"""Version of the grader bundle's layout (``exercises/grader/<name>.json``)."""

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
        if cell.get("outputs"):
            cell.outputs = _merged_streams(cell.outputs)
    return nb


def _merged_streams(outputs: list) -> list:
    """Join consecutive stream outputs of the same stream (how the kernel splits them varies)."""
    merged: list = []
    for out in outputs:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and out.get("output_type") == "stream" == prev.get("output_type")
            and out.get("name") == prev.get("name")
        ):
            prev["text"] = prev["text"] + out["text"]
        else:
            merged.append(out)
    return merged


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


def _execute_notebook(nb: Any, cwd: Path, *, timeout: int = 120) -> Any:
    """Execute a notebook in a fresh kernel (for the solution notebooks)."""
    import subprocess

    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    # Unix sockets in a private folder (no TCP port, so no warning about one), and the
    # kernel's own log lines go nowhere: errors reach the notebook's outputs and nbclient.
    with tempfile.TemporaryDirectory(prefix="kit-build-") as tmp, _patched_environ(_kernel_env()):
        km = AsyncKernelManager(
            kernel_name="python3",
            transport="ipc",
            ip=str(Path(tmp) / "kernel"),
            connection_file=str(Path(tmp) / "kernel.json"),
        )
        client = NotebookClient(
            nb,
            km=km,
            timeout=timeout,
            resources={"metadata": {"path": str(cwd)}},
            record_timing=False,
        )
        client.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
