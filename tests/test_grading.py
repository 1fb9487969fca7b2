"""Tests for kit.grading and kit.cli: exercises, honest checks, nbval, and `kit grade`.

The slow parts (kernels) are few and run in parallel: one nbval subprocess
pair for the notebooks, one `kit grade -j 2` run over the fixture class.
Set KIT_UPDATE_GOLDEN=1 to rewrite tests/fixtures/submissions/sourcing_gradebook.csv.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import kit
from kit import grading
from kit.cli import main
from kit.grading import batch, messages, questions, submission
from kit.grading.limits import _Limits

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
NAMES = ["framing", "sourcing", "timeline"]
FIXTURES = ROOT / "tests" / "fixtures" / "submissions"
GOLDEN = FIXTURES / "sourcing_gradebook.csv"
NEEDS_SANDBOX = {"judy_deletes_files", "leo_reads_hidden_tests", "nora_starts_daemon"}


# ----- plain values --------------------------------------------------------------


class Always:
    def __eq__(self, other):
        return True


class LyingInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class LyingStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        (3, 3),
        (True, True),
        (2.5, 2.5),
        (float("nan"), None),
        ("Austin", "Austin"),
        ((1, "a"), [1, "a"]),
        ({3, 1, 2}, [1, 2, 3]),
        ({"n": (1, 2)}, {"n": [1, 2]}),
        (LyingInt(4), 4),
        (LyingStr("x"), "x"),
        (pd.NA, None),
    ],
)
def test_to_plain_reads_values_through_their_base_type(value, plain):
    out = grading.to_plain(value)
    assert out == plain
    assert type(out) is type(plain)


def test_to_plain_ignores_overridden_methods():
    class LyingList(list):
        def __iter__(self):
            return iter(["Press TV"])

        def __len__(self):
            return 1

        def __getitem__(self, i):
            return "z"

    class LyingDict(dict):
        def items(self):
            return [("named", 1)]

    assert grading.to_plain(LyingList(["x", "y"])) == ["x", "y"]
    assert grading.to_plain(LyingDict(a=2)) == {"a": 2}
    assert grading.to_plain((LyingInt(3),)) == [3]


def test_fingerprint_keys_tell_right_from_wrong_values(monkeypatch):
    monkeypatch.setattr(questions, "_REGISTRY", {})
    key = grading.fingerprint([14], "q5:ids")
    q = grading.question("q5", answer="ids", points=2, hidden=1, key=key)

    @q.public("Give a list.")
    def is_list(answer):
        assert isinstance(answer, list)

    grading.check("q5", [14])
    with pytest.raises(
        AssertionError,
        match=r"^q5: public 1/2 passed\.\n  - Your answer does not match the expected answer yet",
    ):
        grading.check("q5", [])
    with pytest.raises(ValueError, match="key='abc' is not a fingerprint"):
        grading.question("q6", answer="x", key="abc")


def test_public_checks_are_gatekeepers_and_hidden_tests_carry_the_points(registry):
    @registry.hidden("Right count.", weight=3)
    def right(answer):
        assert answer == 18

    @registry.hidden("Even.")
    def even(answer):
        assert answer % 2 == 0

    def score(value):
        return submission._score(registry.run(value), registry.points)[:2]

    assert score(18) == (2, "passed")
    assert score(4) == (0.5, "partial")  # shape right, one specific mistake avoided
    assert score(5) == (0, "failed")  # shape right, value wrong: nothing
    assert score(-2) == (0, "failed")  # a public check fails: the hidden pass earns nothing


def test_grader_failures_are_not_the_students(monkeypatch):
    def boom(*args):
        raise OSError(39, "Directory not empty")

    monkeypatch.setattr(batch, "grade_submission", boom)
    bundle = {"questions": [{"id": "q1", "points": 1}]}
    (row,) = batch._grade_one(("s", b"{}", bundle, _Limits()))
    assert row.status == "grader_error" and row.points == 0
    assert row.message.startswith("The grader failed on this submission, not the student (OSError")
    assert "Re-run `kit grade`" in row.message


def test_exception_messages_are_cut_to_a_short_first_line():
    assert messages._short_evalue("list index out of range") == ": list index out of range"
    cut = messages._short_evalue("secret " * 50 + "\nline two")
    assert len(cut) <= grading.MAX_ERROR_CHARS + 5 and "line two" not in cut
    assert messages._short_evalue("") == ""


def test_to_plain_refuses_objects_it_cannot_read():
    with pytest.raises(
        grading.UnreadableAnswer, match="the answer is a Always, which the grader cannot read"
    ):
        grading.to_plain(Always())
    loop: list = []
    loop.append(loop)
    with pytest.raises(grading.UnreadableAnswer, match="nested too deeply"):
        grading.to_plain(loop)


def test_dataframes_round_trip_through_json():
    df = pd.DataFrame(
        {
            "speaker": pd.Series(["Austin", None], dtype="string"),
            "n": [2, 1],
            "kind": pd.Categorical(["direct", "mixed"]),
        }
    )
    back = grading.from_plain(json.loads(json.dumps(grading.to_plain(df))))
    assert list(back.columns) == ["speaker", "n", "kind"]
    assert back["n"].tolist() == [2, 1]
    assert back["speaker"].isna().tolist() == [False, True]
    assert str(back["n"].dtype) == "int64"
    s = pd.Series([3, 1], index=["named", "anonymous"], name="n")
    assert grading.from_plain(grading.to_plain(s)).to_dict() == {"named": 3, "anonymous": 1}


# ----- authoring -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "student"),
    [
        ("n = len(t)  # SOLUTION", "n = ..."),
        ("    total += 1  # SOLUTION", "    total += ..."),
        ("    print(total)  # SOLUTION", "    ..."),
        ("x = f(1)  # SOLUTION: x = f(...)", "x = f(...)"),
        ("# BEGIN SOLUTION\na = 1\nn = a + 1\n# END SOLUTION\nn", "n = ...\nn"),
        ("# BEGIN SOLUTION\nprint(1)\n# END SOLUTION", "..."),
        ("n = 3\nn", "n = ..."),
    ],
)
def test_strip_solution(source, student):
    assert grading.strip_solution(source, "n") == student


def test_strip_solution_unclosed_block_is_an_error():
    with pytest.raises(grading.ExerciseError, match="without '# END SOLUTION'"):
        grading.strip_solution("# BEGIN SOLUTION\nn = 1", "n")


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(questions, "_REGISTRY", {})
    monkeypatch.setattr(questions, "_CELLS_RUN", [])
    q = grading.question("q1", answer="n", points=2, hidden=1)

    @q.public("Give a whole number.")
    def is_int(answer):
        assert isinstance(answer, int)

    @q.public("Give a positive number.")
    def positive(answer):
        if not answer > 0:  # (pytest would add its own text to a plain assert here)
            raise AssertionError("n should be more than 0 (count the rows).")

    return q


def test_check_is_honest_about_hidden_tests(registry, capsys):
    grading.check("q1", 5)
    assert capsys.readouterr().out == "q1: public 2/2 passed; hidden tests run at grading.\n"

    @registry.hidden("Count every row.")
    def right(answer):
        assert answer == 18

    with pytest.raises(AssertionError) as info:
        grading.check("q1", 5)
    assert (
        str(info.value) == "q1: public 2/2 and hidden 0/1 passed.\n  - a hidden test failed: Count every row."
    )
    assert "18" not in str(info.value)
    grading.check("q1", 18)
    assert capsys.readouterr().out == "q1: public 2/2 and hidden 1/1 passed.\n"


def test_check_failure_names_the_question(registry):
    with pytest.raises(grading.CheckFailed) as info:
        grading.check("q1", -1)
    assert str(info.value) == "q1: public 1/2 passed.\n  - n should be more than 0 (count the rows)."
    assert info.value._render_traceback_() == [f"CheckFailed: {info.value}"]
    with pytest.raises(grading.CheckFailed, match=r"^q1: no answer yet\. Replace the \.\.\."):
        grading.check("q1", ...)
    with pytest.raises(grading.CheckFailed, match="q1: the answer is a Always"):
        grading.check("q1", Always())
    with pytest.raises(grading.CheckFailed, match="the answer is a Always"):
        grading.check("q1", Always())
    with pytest.raises(
        grading.CheckFailed, match="q2: this question is not declared yet. Did you mean 'q1'?"
    ):
        grading.check("q2", 1)


def test_check_spots_a_blank_left_in_the_answer_cell(registry):
    questions._CELLS_RUN[:] = ['n = int((t["kind"] == ...).sum())', 'kit.grading.check("q1", n)']
    with pytest.raises(grading.CheckFailed, match="no answer yet"):
        grading.check("q1", 3)
    questions._CELLS_RUN[:] = ["n = 3  # was: n = ...", 'kit.grading.check("q1", n)']
    grading.check("q1", 3)


def test_lying_eq_gains_nothing_in_check(registry):
    @registry.hidden("Count every row.")
    def right(answer):
        assert answer == 18

    with pytest.raises(grading.CheckFailed, match="hidden 0/1"):
        grading.check("q1", LyingInt(5))


def test_question_ids_and_hints_are_checked():
    with pytest.raises(ValueError, match="The question id 'Q 1' is not valid"):
        grading.question("Q 1", answer="n")
    with pytest.raises(ValueError, match="answer='n s' must be the name of the answer variable"):
        grading.question("q1", answer="n s")
    q = grading.Question("q1", "n")
    with pytest.raises(TypeError, match="a test needs a hint"):
        q.public("")


# ----- the built exercises -------------------------------------------------------


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercises")
    grading.build_exercises(EXERCISES / "source", out, execute=False)
    return out


def _without_volatile(nb: dict) -> list:
    return [
        (c["cell_type"], c.get("id"), c["source"], c.get("metadata", {}).get("tags")) for c in nb["cells"]
    ]


@pytest.mark.parametrize("name", NAMES)
def test_generated_files_are_up_to_date(rebuilt, name):
    hint = "Run `python -m kit build-exercises` and commit exercises/."
    for rel in (f"student/{name}.ipynb", f"grader/{name}.json"):
        assert (rebuilt / rel).read_text() == (EXERCISES / rel).read_text(), f"{rel} is out of date. {hint}"
    fresh = json.loads((rebuilt / "solution" / f"{name}.ipynb").read_text())
    committed = json.loads((EXERCISES / "solution" / f"{name}.ipynb").read_text())
    assert _without_volatile(fresh) == _without_volatile(committed), (
        f"solution/{name}.ipynb is out of date. {hint}"
    )
    assert all(c.get("outputs") for c in committed["cells"] if c.get("id", "").endswith("-check")), (
        f"solution/{name}.ipynb was not executed. {hint}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_student_copy_holds_no_solution_and_no_hidden_test(name):
    student = nbformat.read(EXERCISES / "student" / f"{name}.ipynb", as_version=4)
    bundle = json.loads((EXERCISES / "grader" / f"{name}.json").read_text())
    text = json.dumps(student.dict())
    assert 5 <= len(bundle["questions"]) <= 8
    assert "hidden-tests" not in text and "# SOLUTION" not in text and "BEGIN SOLUTION" not in text
    for q in bundle["questions"]:
        assert q["n_hidden"] >= 1
        for src in q["hidden_tests"]:
            assert src.strip() not in text
        answer = next(c for c in student.cells if c.get("id") == f"{q['id']}-answer")
        assert "..." in answer.source
        check = next(c for c in student.cells if c.get("id") == f"{q['id']}-check")
        assert check.source == f'kit.grading.check("{q["id"]}", {q["answer"]})'
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")


def test_source_errors_are_explained(tmp_path):
    nb = nbformat.read(EXERCISES / "source" / "sourcing.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.get("id") == "q1-public-tests":
            cell.source = cell.source.replace("hidden=1", "hidden=3")
    (tmp_path / "src").mkdir()
    nbformat.write(nb, tmp_path / "src" / "broken.ipynb")
    with pytest.raises(grading.ExerciseError, match=r"question q1 declares hidden=3 but has 1 hidden tests"):
        grading.build_exercises(tmp_path / "src", tmp_path / "out", execute=False)
    with pytest.raises(grading.ExerciseError, match=r"No source notebook for \['nope'\]"):
        grading.build_exercises(tmp_path / "src", tmp_path / "out", names=["nope"], execute=False)


# ----- nbval, literally ------------------------------------------------------------


def _filled_copy(name: str, wrong: dict[str, str] | None = None) -> dict:
    """The student copy with the solution's answer cells put back (and some wrong answers)."""
    solution = json.loads((EXERCISES / "solution" / f"{name}.ipynb").read_text())
    answers = {c["id"]: c["source"] for c in solution["cells"] if c.get("id", "").endswith("-answer")}
    for qid, src in (wrong or {}).items():
        answers[f"{qid}-answer"] = src
    student = json.loads((EXERCISES / "student" / f"{name}.ipynb").read_text())
    for cell in student["cells"]:
        if cell.get("id") in answers:
            cell["source"] = answers[cell["id"]]
    return student


# Four wrong values of the right shape: each passes its question's shape checks.
FOUR_WRONG = {
    "q1": "n_direct = 1",
    "q3": 'source_counts = {"named": len(quotes), "organization": 0, "anonymous": 0, "own_sources": 0}',
    "q5": "scare_sentences = []",
    "q7": "bad_rows = [0, 1, 2]",
}


def _nbval(paths: list[Path], junit: Path, cwd: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--nbval-lax",
        "--nbval-cell-timeout=120",
    ]
    cmd += [f"--junitxml={junit}", "--rootdir", str(cwd), "-c", os.devnull, *map(str, paths)]
    return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def nbval_results(tmp_path_factory):
    work = tmp_path_factory.mktemp("nbval")
    for name in NAMES:
        shutil.copy(EXERCISES / "solution" / f"{name}.ipynb", work / f"solution_{name}.ipynb")
        shutil.copy(EXERCISES / "student" / f"{name}.ipynb", work / f"student_{name}.ipynb")
    (work / "filled_sourcing.ipynb").write_text(json.dumps(_filled_copy("sourcing")))
    (work / "wrong_sourcing.ipynb").write_text(json.dumps(_filled_copy("sourcing", FOUR_WRONG)))
    first = [work / f"solution_{n}.ipynb" for n in NAMES] + [work / "filled_sourcing.ipynb"]
    second = [work / f"student_{n}.ipynb" for n in NAMES] + [work / "wrong_sourcing.ipynb"]
    procs = [_nbval(first, work / "a.xml", work), _nbval(second, work / "b.xml", work)]
    logs = [p.communicate(timeout=600)[0].decode() for p in procs]
    return {"codes": [p.returncode for p in procs], "logs": logs, "a": work / "a.xml", "b": work / "b.xml"}


def _by_notebook(junit: Path) -> dict[str, list[str]]:
    """Notebook (junit class name) -> the messages of its failed cells."""
    out: dict[str, list[str]] = {}
    for case in ET.parse(junit).iter("testcase"):
        msgs = [
            (f.get("message") or "") + (f.text or "") for f in [*case.iter("failure"), *case.iter("error")]
        ]
        out.setdefault(case.get("classname", ""), []).extend(msgs)
    return out


@pytest.mark.slow
def test_solutions_and_a_correct_student_copy_pass_nbval(nbval_results):
    assert nbval_results["codes"][0] == 0, nbval_results["logs"][0][-3000:]
    cases = _by_notebook(nbval_results["a"])
    assert len(cases) == 4 and all(not msgs for msgs in cases.values())


@pytest.mark.slow
def test_unedited_student_copies_and_a_wrong_answer_fail_nbval(nbval_results):
    assert nbval_results["codes"][1] == 1
    cases = _by_notebook(nbval_results["b"])
    failed = {k: "\n".join(v) for k, v in cases.items() if v}
    for name in NAMES:
        key = next(k for k in failed if f"student_{name}" in k)
        text = failed[key]
        assert len(cases[key]) - sum(not m for m in cases[key]) >= 8  # every question's check fails
        blanks = [
            qid for qid in ("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8") if f"{qid}: no answer yet" in text
        ]
        assert len(blanks) >= 7, (name, blanks)  # the rest fail earlier, in the answer cell
    wrong = failed[next(k for k in failed if "wrong_sourcing" in k)]
    assert set(re.findall(r"CheckFailed: (q\d+)", wrong)) == set(FOUR_WRONG)
    for qid in FOUR_WRONG:  # the AssertionError's message starts with the question id
        assert re.search(
            rf"CheckFailed: {qid}: public \d/\d passed\.\n  - Your answer does not match the expected answer yet",
            wrong,
        )


# ----- kit grade ---------------------------------------------------------------------


ESCAPE_PORT = 47613  # x_sockets tries 127.0.0.1 at this port


def _non_files(subs: Path) -> None:
    """Entries named *.ipynb that are not plain files: each must get the status not_a_file."""
    (subs / "link_to_solution.ipynb").symlink_to(EXERCISES / "solution" / "sourcing.ipynb")
    (subs / "link_dangling.ipynb").symlink_to(subs / "nowhere.ipynb")
    (subs / "link_to_library.ipynb").symlink_to(Path(sys.base_prefix) / "lib")
    (subs / "a_folder.ipynb").mkdir()
    os.mkfifo(subs / "a_fifo.ipynb")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    import socket

    work = tmp_path_factory.mktemp("grade")
    subs = work / "submissions"
    subs.mkdir()
    sandbox = grading.sandbox_available()
    for f in sorted((FIXTURES / "sourcing").glob("*.ipynb")):
        if sandbox or (f.stem not in NEEDS_SANDBOX and not f.stem.startswith("x_")):
            shutil.copy(f, subs / f.name)
    _non_files(subs)
    bundle_before = (EXERCISES / "grader" / "sourcing.json").read_bytes()
    kit_before = {p: p.read_bytes() for p in (ROOT / "kit").rglob("*.py")}
    (work / "canary.txt").write_text("beside the submissions folder")
    # Doors on the host that no kernel may open: an abstract unix socket, a TCP port.
    listeners = []
    for family, address in (
        (socket.AF_UNIX, "\0kit-escape-canary"),
        (socket.AF_INET, ("127.0.0.1", ESCAPE_PORT)),
    ):
        s = socket.socket(family)
        try:
            s.bind(address)
            s.listen(8)
            s.setblocking(False)
            listeners.append(s)
        except OSError:
            s.close()
    os.environ["KIT_ESCAPE_CANARY"] = "canary-secret"
    # A file only root may read, inside the Python environment the sandbox binds
    # (x_root_files tries it): when the grader is root, the kernel must not be.
    root_canary = Path(sys.prefix) / "kit-root-canary.txt"
    if os.geteuid() == 0:
        root_canary.write_text("root-secret")
        root_canary.chmod(0o600)
    try:
        code = main(
            [
                "grade",
                str(subs),
                "--exercise",
                "sourcing",
                "--out",
                str(work / "out"),
                "-j",
                "2",
                "--timeout",
                "4",
                "-q",
                *([] if sandbox else ["--sandbox", "off"]),
            ]
        )
    finally:
        del os.environ["KIT_ESCAPE_CANARY"]
        if os.geteuid() == 0:
            root_canary.unlink(missing_ok=True)
    accepted = []
    for s in listeners:
        try:
            accepted.append(s.accept())
        except OSError:
            pass
        s.close()
    return {
        "code": code,
        "out": work / "out",
        "subs": subs,
        "sandbox": sandbox,
        "bundle": bundle_before,
        "kit": kit_before,
        "accepted": accepted,
        "work": work,
    }


def _without_paths(text: str) -> str:
    return re.sub(r"No such file or directory: '[^\n\"]*", "No such file or directory: <PATH>", text)


@pytest.mark.slow
def test_grade_fixture_class_gives_the_exact_gradebook(graded):
    assert graded["code"] == 0
    # Paths in exception messages depend on the checkout's location (and a
    # long one is cut short with "..."), so they are compared as <PATH>.
    got = _without_paths((graded["out"] / "gradebook.csv").read_text())
    if os.environ.get("KIT_UPDATE_GOLDEN") and graded["sandbox"]:
        GOLDEN.write_text(got)
    expected = _without_paths(GOLDEN.read_text())
    if not graded["sandbox"]:
        expected = "".join(
            line
            for line in expected.splitlines(keepends=True)
            if line.split(",")[0] not in NEEDS_SANDBOX and not line.startswith("x_")
        )
    assert got == expected


@pytest.mark.slow
def test_grade_statuses_and_scores(graded):
    book = pd.read_csv(graded["out"] / "gradebook.csv")
    assert list(book.columns) == ["student", "question", "points", "max_points", "status", "message"]
    status = book.set_index(["student", "question"])["status"]
    assert set(book.groupby("student").size()) == {8}
    for name in ("link_to_solution", "link_dangling", "link_to_library", "a_folder", "a_fifo"):
        assert (status[name] == "not_a_file").all()
    assert (status["alice_all_right"] == "passed").all()
    assert (status["carol_blank"] == "unanswered").all()
    assert (status["dan_broken_json"] == "invalid_json").all()
    assert (status["erin_not_a_notebook"] == "not_a_notebook").all()
    assert status["frank_loops", "q1"] == "timeout" and status["frank_loops", "q8"] == "passed"
    assert status["bob_partly_right", "q2"] == "error"
    points = book.set_index(["student", "question"])["points"]
    # Wrong values earn nothing, whatever their shape; a half-right answer fails the answer
    # key's public check, and a failed public check costs the points.
    assert status["bob_partly_right", "q5"] == "failed" and points["bob_partly_right", "q5"] == 0
    assert status["bob_partly_right", "q4"] == "failed" and points["bob_partly_right", "q4"] == 0
    assert "hidden 1/2" in book.set_index(["student", "question"])["message"]["bob_partly_right", "q4"]
    assert status["grace_tampered_checks", "q1"] == "failed"
    assert status["heidi_lying_eq", "q1"] == "unreadable" and status["heidi_lying_eq", "q3"] == "failed"
    assert status["ivan_patched_checker", "q1"] == "failed"
    assert "grader_error" not in set(status) and "grader_crashed" not in set(status)
    assert status["ken_floods_output", "q2"] == "output_too_large"
    assert status["mia_missing_cells", "q3"] == "missing" and status["mia_missing_cells", "q4"] == "missing"
    lms = pd.read_csv(graded["out"] / "lms.csv")
    assert list(lms.columns) == ["student_id", "score", "max_score"]
    assert lms.set_index("student_id").loc["alice_all_right"].tolist() == [15, 15]
    summary = pd.read_csv(graded["out"] / "summary.csv")
    assert summary.set_index("student").loc["alice_all_right", "percent"] == 100.0


@pytest.mark.slow
def test_sandbox_keeps_files_and_hidden_tests_safe(graded):
    if not graded["sandbox"]:
        pytest.skip("no sandbox here: the sandbox cases are not run")
    book = pd.read_csv(graded["out"] / "gradebook.csv").set_index(["student", "question"])
    assert (EXERCISES / "grader" / "sourcing.json").read_bytes() == graded["bundle"]
    assert not (ROOT / "kit" / "PWNED.txt").exists()
    assert not (Path(sys.prefix) / "PWNED.txt").exists()
    assert (graded["work"] / "canary.txt").read_text() == "beside the submissions folder"
    assert (book.loc["judy_deletes_files", "status"] == "passed").all()
    assert (book.loc["nora_starts_daemon", "status"] == "passed").all()
    leo = book.loc[("leo_reads_hidden_tests", "q7")]
    # .git, tests/ and exercises/ are empty mounts: nothing to read, nothing leaks.
    assert leo["status"] == "error" and "leak" not in leo["message"]
    assert leo["message"].startswith("The answer cell raised FileNotFoundError: [Errno 2]")
    assert len(leo["message"]) <= 150
    assert sorted(
        p.name for p in graded["subs"].glob("*.ipynb") if p.is_file() and not p.is_symlink()
    ) == sorted(p.name for p in (FIXTURES / "sourcing").glob("*.ipynb"))


ESCAPES = [
    "umount",
    "remount",
    "write_outside",
    "read_solution",
    "ptrace",
    "proc_fd",
    "ipc_1_write",
    "ipc_2_read",
    "sockets",
    "environment",
    "state_1_write",
    "state_2_read",
    "fork_bomb",
    "root_files",
    "brute_force",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", ESCAPES)
def test_an_escape_attempt_earns_nothing(graded, name):
    """Each attempt answers q1 right only if it got out; all other answers are right."""
    if not graded["sandbox"]:
        pytest.skip("no sandbox here: the escape attempts are not run")
    book = pd.read_csv(graded["out"] / "gradebook.csv").set_index(["student", "question"])
    rows = book.loc[f"x_{name}"]
    assert rows.loc["q1", "status"] == "failed" and rows.loc["q1", "points"] == 0
    assert (rows.drop("q1")["status"] == "passed").all()


@pytest.mark.slow
def test_escape_attempts_leave_no_trace_on_the_host(graded):
    if not graded["sandbox"]:
        pytest.skip("no sandbox here: the escape attempts are not run")
    assert graded["accepted"] == []
    assert {p: p.read_bytes() for p in (ROOT / "kit").rglob("*.py")} == graded["kit"]
    for d in ("/var/tmp", "/", "/tmp", "/etc", "/run", sys.prefix):
        assert not (Path(d) / "kit-escape-canary").exists()
    assert not Path("/tmp/kit-state-canary").exists()
    shm = Path("/proc/sysvipc/shm")
    if shm.exists():
        assert str(0x4B495400) not in {line.split()[0] for line in shm.read_text().splitlines()[1:]}
    assert not (graded["out"] / "kit-escape-canary").exists()
    # A cgroup is named kit-grade-<pid of the process that made it>-<n>; one whose maker
    # is gone was left behind (another grading run on this machine may hold live ones).
    left = [
        d
        for d in Path("/sys/fs/cgroup").glob("**/kit-grade-*")
        if not (Path("/proc") / d.name.split("-")[2]).exists()
    ]
    assert left == []


@pytest.mark.slow
def test_limits_and_student_mistakes_get_the_students_status(graded):
    if not graded["sandbox"]:
        pytest.skip("no sandbox here: the escape attempts are not run")
    book = pd.read_csv(graded["out"] / "gradebook.csv").set_index(["student", "question"])
    status, message = book["status"], book["message"]
    # Bombs are stopped by the limits; the kernel lives on or dies, the batch goes on.
    assert status["x_memory_bomb", "q1"] == "error" and message["x_memory_bomb", "q1"].endswith("MemoryError")
    assert (book.loc["x_memory_bomb"].drop("q1")["status"] == "passed").all()
    assert status["x_signals", "q1"] == "error" and status["x_signals", "q8"] == "passed"
    # Rebinding pd breaks the exercise's own later cell: the student's error, from q7 on.
    assert list(book.loc["x_rebinds_pd", "status"]) == ["passed"] * 6 + ["error"] * 2
    assert "did your code change a name the exercise uses" in message["x_rebinds_pd", "q7"]
    assert status["x_table_dict", "q1"] == "unreadable"
    assert status["x_patch_export", "q1"] == "unreadable"
    assert status["x_odd_cells", "q1"] == "passed" and status["x_odd_cells", "q3"] == "passed"
    assert status["x_odd_cells", "q2"] == "failed"
    feedback = (graded["out"] / "feedback" / "x_patch_export.md").read_text()
    assert "answer not readable" in feedback


@pytest.mark.slow
def test_the_kernel_is_never_root(graded):
    """As root (CI), the grader drops to an unprivileged uid before bwrap: root's files stay root's."""
    if not graded["sandbox"]:
        pytest.skip("no sandbox here")
    if os.geteuid() == 0:
        assert grading.sandbox.plan()["mode"] == "drop"
    book = pd.read_csv(graded["out"] / "gradebook.csv").set_index(["student", "question"])
    row = book.loc[("x_root_files", "q1")]
    assert (row["points"], row["status"]) == (0, "failed")
    assert not (Path(sys.prefix) / "kit-root-canary.txt").exists()


def test_the_kernel_runs_as_an_unprivileged_user_outside_too():
    """The kernel's uid and gid, seen from the host, are the sandbox's: never root."""
    if not grading.sandbox_available():
        pytest.skip("no sandbox here")
    from kit.grading import sandbox

    mode = sandbox.plan()["mode"]
    code = "import time; print('kit-uid-probe', flush=True); time.sleep(20)"
    env = sandbox.clean_env(sandbox.kit_pythonpath())
    cmd = [*sandbox.wrap(mode, [], sandbox.setenv_args(env)), sys.executable, "-c", code]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout.readline().strip() == b"kit-uid-probe"
        pids = _processes_with("kit-uid-probe")
        status = [(Path("/proc") / str(pid) / "status").read_text() for pid in pids]
        ids: dict[str, set[str]] = {"Uid": set(), "Gid": set()}
        for text in status:
            for line in text.splitlines():
                if line.startswith(("Uid:", "Gid:")):
                    ids[line[:3]] |= set(line.split()[1:])
        # bwrap and the program it runs: real, effective, saved and file-system ids.
        assert len(pids) >= 2
        if os.geteuid() == 0:
            assert ids == {"Uid": {str(sandbox.SANDBOX_UID)}, "Gid": {str(sandbox.SANDBOX_UID)}}
        else:
            assert ids["Uid"] == {str(os.geteuid())}
    finally:
        proc.kill()
        proc.wait()


def test_the_brute_force_fixture_finds_the_key_where_keys_are(tmp_path, monkeypatch):
    """Outside the grading run (the checkout, with the released notebooks) the same attack
    finds q1's answer from its public key: x_brute_force only fails because the grading
    run holds no key."""
    sys.path.insert(0, str(FIXTURES))
    try:
        import make_fixtures
    finally:
        sys.path.remove(str(FIXTURES))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(questions, "_REGISTRY", {})
    ns: dict = {}
    exec(make_fixtures.ESCAPES["q1_brute_force"].replace("'/tmp', ", ""), ns)
    right = json.loads((EXERCISES / "grader" / "sourcing.json").read_text())
    assert ns["won"] and ns["n_direct"] != 99
    assert "q1" in {q["id"] for q in right["questions"]}


@pytest.mark.slow
def test_memory_is_limited_for_the_whole_tree(tmp_path):
    """Three children each holding 45% of the limit: the memory cgroup stops the tree."""
    from kit.grading import sandbox

    if not grading.sandbox_available():
        pytest.skip("no sandbox here")
    probe = sandbox.Cgroup(64)
    limits = probe.limits
    probe.remove()
    if "memory" not in limits:
        pytest.skip("no memory cgroup can be made here: only the per-process limit holds")
    nb = json.loads((FIXTURES / "limits" / "x_memory_children.ipynb").read_text())
    source = next("".join(c["source"]) for c in nb["cells"] if c.get("id") == "q1-answer")
    bomb = re.search(r'bomb = """(.*?)"""', source, re.S).group(1)

    # Without the cgroup (the per-process limit only) all three children hold their blocks.
    def limit_as() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1024 << 20, 1024 << 20))

    alone = subprocess.run(
        [sys.executable, "-c", bomb], capture_output=True, text=True, preexec_fn=limit_as, timeout=60
    )
    assert alone.stdout.strip() == "3"
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(FIXTURES / "limits" / "x_memory_children.ipynb", subs / "a_memory_children.ipynb")
    shutil.copy(FIXTURES / "sourcing" / "alice_all_right.ipynb", subs / "b_right.ipynb")
    rows = grading.grade(
        subs, "sourcing", tmp_path / "out", exercises_dir=EXERCISES, jobs=1, memory_mb=1024, cell_timeout=20
    )
    got = [(r.student, r.question, r.points, r.status) for r in rows]
    points = {"q1": 1, "q2": 1, "q3": 2, "q4": 2, "q5": 2, "q6": 2, "q7": 2, "q8": 3}
    first = [("a_memory_children", "q1", 0, "failed")]
    first += [("a_memory_children", q, p, "passed") for q, p in points.items() if q != "q1"]
    assert got == first + [("b_right", q, p, "passed") for q, p in points.items()]


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.mark.slow
def test_a_daemon_neither_outlives_grading_nor_harms_the_next_student(graded, tmp_path):
    if not graded["sandbox"]:
        pytest.skip("no sandbox here: processes cannot be contained")
    # In the class run above, nora's daemon must be gone once kit grade returned.
    assert _processes_with("kit-fixture-daemon") == []
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(FIXTURES / "sourcing" / "nora_starts_daemon.ipynb", subs / "a_daemon.ipynb")
    shutil.copy(FIXTURES / "sourcing" / "alice_all_right.ipynb", subs / "b_right.ipynb")
    # One worker, one after the other: what the first leaves (files in /tmp and home,
    # a module attribute, an environment variable, shared memory), the next must not see.
    for i, name in enumerate(("x_state_1_write", "x_ipc_1_write", "x_state_2_read", "x_ipc_2_read")):
        shutil.copy(FIXTURES / "sourcing" / f"{name}.ipynb", subs / f"c{i}_{name}.ipynb")
    rows = grading.grade(subs, "sourcing", tmp_path / "out", exercises_dir=EXERCISES, jobs=1)
    assert _processes_with("kit-fixture-daemon") == []
    by_student = {}
    for r in rows:
        by_student.setdefault(r.student, []).append(r)
    assert [r.status for r in by_student["b_right"]] == ["passed"] * 8
    assert sum(r.points for r in by_student["b_right"]) == 15
    for student in ("c2_x_state_2_read", "c3_x_ipc_2_read"):
        assert [r.status for r in by_student[student]] == ["failed"] + ["passed"] * 7


@pytest.mark.slow
def test_feedback_never_shows_hidden_test_code(graded):
    bundle = json.loads((EXERCISES / "grader" / "sourcing.json").read_text())
    feedback = {p.stem: p.read_text() for p in (graded["out"] / "feedback").glob("*.md")}
    assert set(feedback) == {p.stem for p in graded["subs"].glob("*.ipynb")}
    everything = "\n".join(feedback.values()) + (graded["out"] / "gradebook.csv").read_text()
    for q in bundle["questions"]:
        for src in q["hidden_tests"]:
            for line in src.splitlines():
                if line.strip().startswith(("assert", "_TRUE_FIXES", "def ", "expected")):
                    assert line.strip() not in everything
    bob = feedback["bob_partly_right"]
    assert bob.startswith("# Feedback: sourcing, bob_partly_right\n\nScore: **")
    assert "- a hidden test failed: A span inside an attributed statement" in bob


@pytest.mark.slow
def test_regrading_gives_byte_identical_files(graded, tmp_path):
    # Files: two runs without kernels compare byte for byte; rows: a run with a
    # kernel gives the same rows as the class run.
    names = ["carol_blank", "dan_broken_json", "erin_not_a_notebook"]
    subs = tmp_path / "subs"
    subs.mkdir()
    for name in names:
        shutil.copy(FIXTURES / "sourcing" / f"{name}.ipynb", subs)
    outs = []
    for run, jobs in (("one", 2), ("two", 1)):
        grading.grade(subs, "sourcing", tmp_path / run, exercises_dir=EXERCISES, jobs=jobs)
        files = sorted(p for p in (tmp_path / run).rglob("*") if p.is_file())
        outs.append({p.relative_to(tmp_path / run): p.read_bytes() for p in files})
    assert outs[0] == outs[1]
    assert not list((tmp_path / "one").rglob("*.tmp"))
    shutil.copy(FIXTURES / "sourcing" / "alice_all_right.ipynb", subs)
    grading.grade(subs, "sourcing", tmp_path / "three", exercises_dir=EXERCISES)
    again = (tmp_path / "three" / "gradebook.csv").read_text().splitlines()
    names.append("alice_all_right")
    first = (graded["out"] / "gradebook.csv").read_text().splitlines()
    assert again[1:] == [line for line in first if line.split(",")[0] in names]


def test_cli_errors_are_clear(tmp_path, capsys):
    assert main(["grade", str(FIXTURES / "sourcing"), "--exercise", "sorcing", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "No grader bundle for the exercise 'sorcing'" in err and "Did you mean 'sourcing'?" in err
    assert main(["grade", str(tmp_path), "--exercise", "sourcing", "--out", str(tmp_path / "o")]) == 1
    assert "No .ipynb files in" in capsys.readouterr().err
    assert main([]) == 2


def test_python_m_kit_runs():
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "grade", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and "--exercise EXERCISE" in proc.stdout


def test_import_kit_does_not_import_grading():
    code = "import sys, kit; print('kit.grading' in sys.modules, 'nbclient' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"]
    assert kit.grading is grading  # the submodule, once imported


def test_checks_are_not_available_inside_a_grading_kernel(monkeypatch, registry):
    monkeypatch.setenv("KIT_GRADING_RUN", "1")
    with pytest.raises(RuntimeError, match="not available while grading"):
        grading.check("q1", 5)
    with pytest.raises(RuntimeError, match="not available while grading"):
        grading.fingerprint(5, "q1:n")


def test_a_failed_answer_key_check_costs_the_points(monkeypatch):
    monkeypatch.setattr(questions, "_REGISTRY", {})
    q = grading.question("q5", answer="n", points=2, hidden=1, key=grading.fingerprint(3, "q5:n"))

    @q.public("Give a number.")
    def is_int(answer):
        assert isinstance(answer, int)

    @q.hidden("Count the rows.")
    def positive(answer):
        assert answer > 0

    assert submission._score(q.run(3), 2)[:2] == (2, "passed")
    assert submission._score(q.run(4), 2)[:2] == (0, "failed")


def test_no_sandbox_means_no_grading_unless_asked(monkeypatch, tmp_path):
    from kit.grading import sandbox

    monkeypatch.setattr(
        sandbox, "_PLAN", [{"mode": "none", "reason": "bubblewrap (`bwrap`) is not installed."}]
    )
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(FIXTURES / "sourcing" / "carol_blank.ipynb", subs)
    with pytest.raises(RuntimeError, match=r"the sandbox cannot run here: bubblewrap .* pass --sandbox off"):
        grading.grade(subs, "sourcing", tmp_path / "out", exercises_dir=EXERCISES)
    rows = grading.grade(subs, "sourcing", tmp_path / "out", exercises_dir=EXERCISES, sandbox="off")
    assert {r.status for r in rows} == {"unanswered"}


def test_grade_from_outside_the_repository_finds_the_exercises(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(FIXTURES / "sourcing" / "carol_blank.ipynb", subs)
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "grade", "subs", "--exercise", "sourcing", "--out", "out", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "gradebook.csv").read_text().count("unanswered") == 8


def test_a_batch_always_writes_every_output(tmp_path, monkeypatch):
    """A submission that breaks the grader itself still gets its rows, and all four outputs are written."""

    def boom(*args, **kwargs):
        raise KeyError("message")

    monkeypatch.setattr(batch, "grade_submission", boom)
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(FIXTURES / "sourcing" / "carol_blank.ipynb", subs)
    (subs / "z_dir.ipynb").mkdir()
    rows = grading.grade(subs, "sourcing", tmp_path / "out", exercises_dir=EXERCISES)
    assert [r.status for r in rows] == ["grader_error"] * 8 + ["not_a_file"] * 8
    for name in ("gradebook.csv", "summary.csv", "lms.csv", "feedback/carol_blank.md", "feedback/z_dir.md"):
        assert (tmp_path / "out" / name).is_file()


@pytest.mark.slow
def test_the_grader_works_from_a_non_editable_install(tmp_path):
    """`pip install .` (a wheel, not editable) into a fresh virtual environment, then grade."""
    import sysconfig
    import venv

    dist = tmp_path / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=600,
    )
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=600,
    )
    # The dependencies come from the test's own environment; the kit itself from the wheel.
    site = next((env_dir / "lib").glob("python*/site-packages"))
    # nbval's PYTHONPATH (the checkout, set by the root conftest) must not hide the installed copy
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    (site / "kit_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run(
        [str(python), "-c", "import kit; print(kit.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert where.stdout.strip() == str(site / "kit" / "__init__.py")
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(FIXTURES / "sourcing" / "alice_all_right.ipynb", subs)
    # Its answer starts a new Python process, which needs the environment inside each
    # submission's fresh /tmp too (this environment lies under /tmp, as in many CI runs).
    shutil.copy(FIXTURES / "sourcing" / "nora_starts_daemon.ipynb", subs)
    bundle = EXERCISES / "grader" / "sourcing.json"
    cmd = [str(python), "-m", "kit", "grade", "subs", "--exercise", str(bundle), "--out", "out", "-q"]
    if not grading.sandbox_available():
        cmd += ["--sandbox", "off"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr
    book = pd.read_csv(tmp_path / "out" / "gradebook.csv")
    assert list(book["status"]) == ["passed"] * 16, book[book["status"] != "passed"].to_dict("records")
    no_dir = subprocess.run(
        [str(python), "-m", "kit", "grade", "subs", "--exercise", "sourcing", "--out", "out2"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert no_dir.returncode == 1 and "--exercises-dir" in no_dir.stderr


def _crash_on_z(task: tuple) -> list:
    """A worker that dies (as a segfault would kill it) on the student z_crash, and grades the others."""
    if task[0] == "z_crash":
        os._exit(1)
    return batch._grade_one(task)


def test_a_dead_worker_is_retried_once_then_its_submission_is_marked(tmp_path):
    bundle = json.loads((EXERCISES / "grader" / "sourcing.json").read_text())
    blank = (FIXTURES / "sourcing" / "carol_blank.ipynb").read_bytes()
    tasks = [(name, blank, bundle, _Limits()) for name in ("a_ok", "z_crash", "b_ok")]
    rows: dict[str, list] = {}
    batch._run_pool(tasks, 2, lambda results: rows.setdefault(results[0].student, results), _crash_on_z)
    assert {r.status for r in rows["z_crash"]} == {"grader_crashed"}
    assert {r.status for r in rows["a_ok"]} == {r.status for r in rows["b_ok"]} == {"unanswered"}


def test_root_refuses_when_the_environment_cannot_be_read_by_the_sandbox_user(monkeypatch):
    """As root, a file the unprivileged kernel could not read means no sandbox, and says why."""
    from kit.grading import sandbox

    if sandbox.bwrap_path() is None or sys.platform != "linux":
        pytest.skip("no bwrap here")
    monkeypatch.setattr(sandbox, "_PLAN", [])
    monkeypatch.setattr(sandbox.os, "geteuid", lambda: 0)
    monkeypatch.setattr(sandbox, "_readable_by_others", lambda path, parents=True: "kit" not in path)
    result = sandbox.plan()
    assert result["mode"] == "none"
    assert "cannot be read by other users" in result["reason"] and "chmod -R o+rX" in result["reason"]
    assert "run kit grade as an ordinary user" in result["reason"]


@pytest.mark.slow
def test_grading_works_with_its_temporary_folder_behind_a_closed_folder(tmp_path, monkeypatch):
    """As root, the connection folder may lie in a folder only root may enter (pytest's own)."""
    import tempfile

    if not grading.sandbox_available():
        pytest.skip("no sandbox here")
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(closed))
    monkeypatch.setattr(tempfile, "tempdir", str(closed))
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(FIXTURES / "sourcing" / "alice_all_right.ipynb", subs / "a_right.ipynb")
    rows = grading.grade(subs, "sourcing", tmp_path / "out", exercises_dir=EXERCISES, jobs=1)
    assert [r.status for r in rows] == ["passed"] * 8 and sum(r.points for r in rows) == 15


LEAVE_TRACES = r"""
import ctypes, os, pathlib, socket, subprocess, sys
import pandas, kit, kit.grading.values
libc = ctypes.CDLL(None, use_errno=True)
pathlib.Path('/tmp/kit-trace').write_text('x')
pathlib.Path(os.path.expanduser('~/kit-trace')).write_text('x')
pathlib.Path('kit-trace').write_text('x')
kit.TRACE = 1
pandas.DataFrame.kit_trace = 1
pandas.DataFrame.sum = lambda *a, **k: 99
kit.grading.values.to_plain = lambda value, _depth=0: 99
sys.modules['kit_trace'] = kit
os.environ['KIT_TRACE'] = '1'
libc.shmget(0x4B495401, 4096, 0o1000 | 0o666)
with open('/dev/shm/kit-trace', 'w') as f:
    f.write('x')
ADD_KEY = {'x86_64': 248, 'aarch64': 217}.get(os.uname().machine)
if ADD_KEY:
    libc.syscall(ADD_KEY, b'user', b'kit-trace', b'x', 1, ctypes.c_long(-4))  # to the user keyring
code = "import socket, time\ns = socket.socket(socket.AF_UNIX)\ns.bind('\\0kit-trace')\ns.listen(1)\ntime.sleep(60)"
subprocess.Popen([sys.executable, '-c', code, 'kit-trace-daemon'], start_new_session=True)
import time
time.sleep(0.5)
n_direct = 1
"""

LOOK_FOR_TRACES = r"""
import ctypes, os, pathlib, socket, sys
import pandas, kit
libc = ctypes.CDLL(None, use_errno=True)
seen = []
for p in ('/tmp/kit-trace', os.path.expanduser('~/kit-trace'), 'kit-trace', '/dev/shm/kit-trace'):
    if pathlib.Path(p).exists():
        seen.append(p)
if hasattr(kit, 'TRACE') or hasattr(pandas.DataFrame, 'kit_trace') or 'kit_trace' in sys.modules:
    seen.append('module state')
if getattr(pandas.DataFrame.sum, '__name__', '') == '<lambda>':
    seen.append('monkeypatched pandas')
if 'KIT_TRACE' in os.environ:
    seen.append('environment')
if libc.shmget(0x4B495401, 0, 0) >= 0:
    seen.append('SysV shared memory')
KEYCTL = {'x86_64': 250, 'aarch64': 219}.get(os.uname().machine)
if KEYCTL and libc.syscall(KEYCTL, 11, ctypes.c_long(-4), None, 0) > 0:  # KEYCTL_READ
    seen.append('a key')
s = socket.socket(socket.AF_UNIX)
try:
    s.connect('\0kit-trace')
    seen.append('abstract socket')
except OSError:
    pass
if [p for p in os.listdir('/proc') if p.isdigit() and int(p) != os.getpid()]:
    seen.append('other processes')
n_direct = seen
"""


@pytest.mark.slow
def test_no_state_crosses_from_one_submission_to_the_next():
    """A leaves files, module state, patches, IPC, a key, a socket and a daemon; B, next in the same
    warm process, sees none of it, and its answers are read by the real ``to_plain``."""
    if not grading.sandbox_available():
        pytest.skip("no sandbox here: submissions cannot be isolated")
    from kit.grading import runner

    plan = json.loads((EXERCISES / "grader" / "sourcing.json").read_text())["plan"]
    limits = _Limits(cell_timeout=20)
    # Within one submission every trace is seen (so the test can see them), the daemon
    # through its socket; other processes never are (the submission sees only itself in /proc).
    own_to_plain = "kit.grading.values.to_plain = lambda value, _depth=0: 99\n"
    within = {
        "q1": LEAVE_TRACES.replace(own_to_plain, ""),
        "q2": LOOK_FOR_TRACES.replace("n_direct = seen", "unnamed = seen"),
    }
    try:
        same = runner._run_in_kernel(plan, within, limits)
        assert same["records"]["q2"]["value"] == [
            "/tmp/kit-trace",
            "/tmp/home/kit-trace",
            "kit-trace",
            "/dev/shm/kit-trace",
            "module state",
            "monkeypatched pandas",
            "environment",
            "SysV shared memory",
            *(["a key"] if os.uname().machine in ("x86_64", "aarch64") else []),
            "abstract socket",
        ]
        first = runner._run_in_kernel(plan, {"q1": LEAVE_TRACES}, limits)
        warm = list(runner._WARM.values())
        second = runner._run_in_kernel(plan, {"q1": LOOK_FOR_TRACES}, limits)
        assert list(runner._WARM.values()) == warm  # the same warm process graded both
        assert _processes_with("kit-trace-daemon") == []  # gone with A, not with the sandbox
    finally:
        runner.close_warm()
    assert first["answers"]["q1"]["status"] == "ok", first
    assert first["records"]["q1"]["value"] == 99  # its own patched to_plain answered
    assert second["answers"]["q1"]["status"] == "ok", second
    assert second["records"]["q1"]["value"] == []
    assert _processes_with("kit-trace-daemon") == []


def test_the_channel_keeps_only_the_awaited_reply(monkeypatch):
    """Parts without the cell's nonce (a student's forgeries) are dropped; a flood or an endless
    reply ends the channel instead of filling the grader's memory."""
    import socket
    import time

    from kit.grading import runner

    grader, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    nonce, other = "a" * 32, "b" * 32
    deadline = time.monotonic() + 5
    child.sendall(b'{"status": "ok", "records": [{"question": "q2"}]}')  # no nonce at all
    child.sendall(other.encode() + b'.{"status": "ok", "records": [{"question": "q2"}]}')  # a guess
    child.sendall(nonce.encode() + b'+{"status": "ok", ')
    child.sendall(nonce.encode() + b'."size": 3, "records": []}')
    assert runner._receive(grader, nonce, deadline) == {"status": "ok", "size": 3, "records": []}
    monkeypatch.setattr(runner, "_JUNK_BUDGET", 10_000)
    for _ in range(20):
        child.sendall(other.encode() + b"." + b"x" * 1000)
    with pytest.raises(runner._ChannelError, match="flooded"):
        runner._receive(grader, nonce, deadline)
    grader, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)  # a fresh child
    monkeypatch.setattr(runner, "_MAX_REPLY", 5_000)
    for _ in range(10):
        child.sendall(nonce.encode() + b"+" + b"x" * 1000)
    with pytest.raises(runner._ChannelError, match="too large"):
        runner._receive(grader, nonce, deadline)
    with pytest.raises(TimeoutError):
        runner._receive(grader, nonce, time.monotonic() + 0.2)
    child.close()
    with pytest.raises(runner._ChannelError, match="closed"):
        runner._receive(grader, nonce, time.monotonic() + 5)
