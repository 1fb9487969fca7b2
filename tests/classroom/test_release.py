"""kit release: only what students may see, proven by scanning content, not names."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kit.classroom import ReleaseError, release
from kit.classroom.release import secrets_in
from kit.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "exercises"


def _strings(doc) -> list[str]:
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict):
        return [s for k, v in doc.items() for s in [k, *_strings(v)]]
    if isinstance(doc, list):
        return [s for v in doc for s in _strings(v)]
    return []


def _texts(path: Path) -> str:
    """A file's text, plus (for JSON) its decoded strings: what a reader can see."""
    text = path.read_bytes().decode("utf-8", "replace")
    try:
        return text + "\n" + "\n".join(_strings(json.loads(text)))
    except ValueError:
        return text


def _hidden_tests() -> list[str]:
    """Every hidden test's code, from every grader bundle: each line worth hiding."""
    lines = set()
    for bundle in EXERCISES.glob("grader/*.json"):
        for q in json.loads(bundle.read_text())["questions"]:
            for test in q["hidden_tests"]:
                lines.update(x.strip() for x in test.splitlines() if len(x.strip()) >= 20)
    return sorted(lines)


def _solutions() -> list[str]:
    """Every solution line (marked in the source notebooks' answer cells)."""
    lines = set()
    for source in EXERCISES.glob("source/*.ipynb"):
        for cell in json.loads(source.read_text())["cells"]:
            if "answer" in cell["metadata"].get("tags", []):
                for line in "".join(cell["source"]).splitlines():
                    if "# SOLUTION" in line and len(line.split("# SOLUTION")[0].strip()) >= 20:
                        lines.add(line.split("# SOLUTION")[0].strip())
    return sorted(lines)


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("release") / "course"
    release(out, lessons=True, exercises_dir=EXERCISES, notebooks_dir=ROOT / "notebooks")
    return out


def test_the_release_holds_the_student_side_only(released):
    files = sorted(p.relative_to(released).as_posix() for p in released.rglob("*") if p.is_file())
    student = sorted(f"exercises/{p.name}" for p in EXERCISES.glob("student/*.ipynb"))
    assert [f for f in files if f.startswith("exercises/")] == student
    assert {f.split("/")[0] for f in files} == {
        ".kit-release",
        "README.md",
        "articles",
        "exercises",
        "lessons",
    }
    for name in student:
        assert (released / name).read_bytes() == (EXERCISES / "student" / Path(name).name).read_bytes()


def test_no_secret_in_any_released_file(released):
    hidden, solutions = _hidden_tests(), _solutions()
    assert len(hidden) > 20 and len(solutions) > 5  # the scan below has something to find
    secret_files = {
        p.read_bytes() for folder in ("source", "solution", "grader") for p in (EXERCISES / folder).iterdir()
    }
    for path in (p for p in released.rglob("*") if p.is_file()):
        text = _texts(path)
        assert path.read_bytes() not in secret_files, path
        assert "hidden-tests" not in text and "hidden_tests" not in text, path
        assert "# SOLUTION" not in text and "# BEGIN SOLUTION" not in text, path
        leaked = [line for line in hidden + solutions if line in text]
        assert leaked == [], (path, leaked[:3])
    assert secrets_in(released, exercises_dir=EXERCISES).empty


def _copy(name: str, tmp_path: Path, new_name: str) -> Path:
    target = tmp_path / "extra" / new_name
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(EXERCISES / name, target)
    return target


def _solution_without_marks(tmp_path: Path) -> Path:
    nb = json.loads((EXERCISES / "solution" / "sourcing.ipynb").read_text())
    nb["metadata"] = {}
    nb["cells"] = [c for c in nb["cells"] if "hidden-tests" not in c["metadata"].get("tags", [])]
    for cell in nb["cells"]:
        cell["metadata"] = {}
        cell["source"] = (
            "".join(cell["source"]).replace("# SOLUTION", "").replace("# BEGIN", "").replace("# END", "")
        )
    path = tmp_path / "extra" / "worked_example.ipynb"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(nb))
    return path


def _one_hidden_test_line(tmp_path: Path) -> Path:
    path = tmp_path / "extra" / "hints.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"Some hints.\n\n    {_hidden_tests()[0]}\n")
    return path


def _escaped_bundle(tmp_path: Path) -> Path:
    bundle = json.loads((EXERCISES / "grader" / "sourcing.json").read_text())
    path = tmp_path / "extra" / "data.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"tests": [t for q in bundle["questions"] for t in q["hidden_tests"]]}))
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: _copy("grader/sourcing.json", tmp, "grader.json"),
        lambda tmp: _copy("grader/framing.json", tmp, "syllabus.txt"),  # renamed
        lambda tmp: _copy("source/timeline.ipynb", tmp, "timeline.ipynb"),
        lambda tmp: _copy("solution/sourcing.ipynb", tmp, "sourcing_notes.ipynb"),
        _solution_without_marks,  # tags, markers and metadata removed: the lines remain
        _one_hidden_test_line,
        _escaped_bundle,  # hidden tests as JSON strings
    ],
    ids=["bundle", "renamed-bundle", "source", "solution", "stripped-solution", "one-line", "json-escaped"],
)
def test_a_secret_cannot_be_released(make, tmp_path):
    extra = make(tmp_path)
    out = tmp_path / "course"
    with pytest.raises(ReleaseError, match="only the grader may see"):
        release(out, include=[extra], exercises_dir=EXERCISES, notebooks_dir=ROOT / "notebooks")
    assert not out.exists()  # nothing written


def test_a_tampered_student_notebook_cannot_be_released(tmp_path):
    exercises = tmp_path / "exercises"
    shutil.copytree(EXERCISES, exercises)
    student = exercises / "student" / "sourcing.ipynb"
    source = json.loads((exercises / "source" / "sourcing.ipynb").read_text())
    nb = json.loads(student.read_text())
    nb["cells"].append(next(c for c in source["cells"] if "hidden-tests" in c["metadata"].get("tags", [])))
    student.write_text(json.dumps(nb))
    with pytest.raises(ReleaseError, match="exercises/sourcing.ipynb: a cell is tagged hidden-tests"):
        release(tmp_path / "course", exercises_dir=exercises)


def test_git_release_commits_each_new_version(tmp_path):
    exercises = tmp_path / "exercises"
    shutil.copytree(EXERCISES, exercises)
    out = tmp_path / "course"

    def log():
        return subprocess.run(["git", "log", "--format=%s"], cwd=out, capture_output=True, text=True).stdout

    release(out, names=["sourcing"], exercises_dir=exercises, git=True)
    release(out, names=["sourcing"], exercises_dir=exercises, git=True, message="Nothing changed")
    assert log().splitlines() == ["Release the exercises"]
    student = exercises / "student" / "sourcing.ipynb"
    student.write_text(student.read_text().replace("Question 1", "Question one"))
    release(out, names=["sourcing"], exercises_dir=exercises, git=True, message="Reword q1")
    assert log().splitlines() == ["Reword q1", "Release the exercises"]
    tracked = subprocess.run(["git", "ls-files"], cwd=out, capture_output=True, text=True).stdout.split()
    assert "exercises/sourcing.ipynb" in tracked and not any("grader" in t for t in tracked)
    with pytest.raises(ValueError, match="on the branch 'main', not 'course'"):
        release(out, exercises_dir=exercises, git=True, branch="course")


def test_release_refuses_a_folder_with_other_files(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("mine")
    assert main(["release", str(tmp_path), "--exercises-dir", str(EXERCISES)]) == 1
    assert "not an earlier release" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]
    out = tmp_path / "course"
    assert main(["release", str(out), "sourcing", "--exercises-dir", str(EXERCISES)]) == 0
    assert f"{out}/exercises/sourcing.ipynb" in capsys.readouterr().out.splitlines()
