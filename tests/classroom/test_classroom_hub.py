"""A class on a real JupyterHub, end to end.

The instructor releases the exercises into a git repository; two students log
in to the hub, follow an nbgitpuller link to the sourcing exercise, answer
(one all right, one partly right) and save. The instructor publishes a
corrected release (one prompt reworded); the students follow the link again
and nbgitpuller merges the fix into their copies without touching their
answers. ``kit collect`` gathers the two notebooks from the hub's home
folders and ``kit grade`` grades them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.classroom.conftest import PASSWORD, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EXERCISE = "sourcing"
OLD_PROMPT = "How many statements does the kit mark as direct?"
NEW_PROMPT = "How many attributed statements does the kit mark as direct quotations?"


def _kit(*args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"kit {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _cell(nb: dict, cell_id: str) -> str:
    cell = next(c for c in nb["cells"] if c.get("id") == cell_id)
    return "".join(cell["source"])


def _solutions() -> dict[str, str]:
    nb = json.loads((ROOT / "exercises" / "solution" / f"{EXERCISE}.ipynb").read_text())
    return {c["id"]: "".join(c["source"]) for c in nb["cells"] if "answer" in c["metadata"].get("tags", [])}


def _answers() -> dict[str, dict[str, str]]:
    right = _solutions()
    partly = {
        "q1-answer": right["q1-answer"],
        # Misses the outlet's own sources: the right shape, a wrong value.
        "q2-answer": 'unnamed = quotes.loc[quotes["source_type"].isin(["anonymous"]), "speaker"].tolist()\nunnamed',
        "q3-answer": right["q3-answer"],
    }
    return {"alice": right, "bob": partly}


EXPECTED_POINTS = {
    "alice": {"q1": 1, "q2": 1, "q3": 2, "q4": 2, "q5": 2, "q6": 2, "q7": 2, "q8": 3},
    "bob": {"q1": 1, "q2": 0, "q3": 2, "q4": 0, "q5": 0, "q6": 0, "q7": 0, "q8": 0},
}

# Runs in the page: set an answer cell's text in JupyterLab's notebook model
# (what typing does; typing every answer would only make the test slower).
SET_ANSWERS_JS = """
(answers) => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  let n = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.id in answers) { cell.sharedModel.setSource(answers[cell.id]); n++; }
  }
  return n;
}
"""
# Runs in the page: make a cell the active one and put its editor in focus.
FOCUS_JS = """
async (cellId) => {
  const notebook = window.jupyterapp.shell.currentWidget.content;
  const index = notebook.widgets.findIndex((w) => w.model.id === cellId);
  notebook.activeCellIndex = index;
  await notebook.scrollToItem(index);
  await notebook.activeCell.ready;
  notebook.mode = "edit";
  notebook.activeCell.editor.focus();
  return index;
}
"""
DIRTY_JS = "() => window.jupyterapp.shell.currentWidget.context.model.dirty"


def _answer(page, answers: dict[str, str]) -> None:
    """Type the first answer with the keyboard, set the others, save with Ctrl+S."""
    first, *rest = answers
    assert page.evaluate(FOCUS_JS, first) >= 0
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(answers[first])
    assert page.evaluate(SET_ANSWERS_JS, {k: answers[k] for k in rest}) == len(rest)
    assert page.evaluate(DIRTY_JS)
    page.keyboard.press("Control+S")
    page.wait_for_function(f"() => !({DIRTY_JS})()", timeout=30_000)


def _follow_link(context, link: str, user: str, *, login: bool):
    """Open the link (logging in if asked); return at once, while the hub works."""
    page = context.new_page()
    page.goto(link, wait_until="commit")
    if login:
        page.wait_for_selector("input[name=username]", timeout=60_000)
        page.fill("input[name=username]", user)
        page.fill("input[name=password]", PASSWORD)
        page.click("input[type=submit], button[type=submit]")
    return page


def _wait_for_exercise(page) -> None:
    """The hub starts the server, nbgitpuller pulls, then JupyterLab opens the notebook."""
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.context"
        f" && window.jupyterapp.shell.currentWidget.context.path.endsWith('{EXERCISE}.ipynb')",
        timeout=150_000,
    )
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget.context.isReady", timeout=60_000)


def test_a_class_on_jupyterhub(hub, offline_context, tmp_path):
    start = time.monotonic()

    def phase(name: str) -> None:  # where the time goes, shown with -s or on failure
        print(f"[classroom] {time.monotonic() - start:6.1f}s {name}", flush=True)

    # 1. The instructor releases the exercises into a git repository.
    exercises = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", exercises)
    course = tmp_path / "instructor" / "course"
    _kit("release", str(course), "--git", "--exercises-dir", str(exercises))
    assert not (course / "exercises" / "grader").exists()
    link = hub.pull_link(course.as_uri(), "main", f"exercises/{EXERCISE}.ipynb")

    phase("release written")

    # 2. Two students log in, follow the link, answer and save.
    answers = _answers()
    # Both students at once, as in a class: their servers start side by side.
    contexts = {user: offline_context() for user in ("alice", "bob")}
    pages = {user: _follow_link(contexts[user], link, user, login=True) for user in contexts}
    for user, page in pages.items():
        _wait_for_exercise(page)
        _answer(page, answers[user])
        page.close()
    for user in ("alice", "bob"):
        saved = json.loads((hub.home(user) / "course" / "exercises" / f"{EXERCISE}.ipynb").read_text())
        for cell_id, text in answers[user].items():
            assert _cell(saved, cell_id) == text
        assert OLD_PROMPT in _cell(saved, "q1-prompt")

    phase("students answered and saved")

    # 3. The instructor rewords one prompt and publishes a corrected release.
    student_nb = exercises / "student" / f"{EXERCISE}.ipynb"
    text = student_nb.read_text()
    assert text.count(OLD_PROMPT) == 1
    student_nb.write_text(text.replace(OLD_PROMPT, NEW_PROMPT))
    _kit("release", str(course), "--git", "--exercises-dir", str(exercises), "-m", "Reword question 1")
    log = subprocess.run(["git", "log", "--oneline"], cwd=course, capture_output=True, text=True).stdout
    assert len(log.splitlines()) == 2

    phase("corrected release written")

    # 4. The students follow the link again: the fix is merged, their answers stay.
    pages = {user: _follow_link(contexts[user], link, user, login=False) for user in contexts}
    for user, page in pages.items():
        _wait_for_exercise(page)
        shown = page.evaluate(
            "() => window.jupyterapp.shell.currentWidget.content.model.cells.get(2).sharedModel.getSource()"
        )
        assert NEW_PROMPT in shown
        page.close()
        merged = json.loads((hub.home(user) / "course" / "exercises" / f"{EXERCISE}.ipynb").read_text())
        assert NEW_PROMPT in _cell(merged, "q1-prompt") and OLD_PROMPT not in _cell(merged, "q1-prompt")
        for cell_id, text in answers[user].items():
            assert _cell(merged, cell_id) == text
    assert offline_context.blocked == []

    phase("students pulled the correction")

    # 5. The instructor collects the notebooks from the home folders and grades them.
    submitted, grades = tmp_path / "submitted", tmp_path / "grades"
    pattern = f"{hub.homes}/{{user}}/course/exercises/{EXERCISE}.ipynb"
    _kit("collect", pattern, "--out", str(submitted), "--users", "alice,bob,carol")
    manifest = pd.read_csv(submitted / "manifest.csv")
    assert manifest[["student", "status"]].values.tolist() == [
        ["alice", "ok"],
        ["bob", "ok"],
        ["carol", "missing"],
    ]
    _kit("grade", str(submitted), "--exercise", EXERCISE, "--out", str(grades), "-q", "-j", "2")
    phase("collected and graded")
    book = pd.read_csv(grades / "gradebook.csv")
    points = {
        student: dict(zip(rows["question"], rows["points"])) for student, rows in book.groupby("student")
    }
    assert points == EXPECTED_POINTS
    summary = pd.read_csv(grades / "summary.csv").set_index("student")
    assert summary.loc["alice", "score"] == 15 and summary.loc["bob", "score"] == 3
