"""kit collect: every source kind, every bad entry, and nothing written outside the output."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.classroom import MANIFEST_COLUMNS, collect, find_submissions, sources
from kit.cli import main

NOTEBOOK = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _nb(text: str = "") -> str:
    nb = dict(NOTEBOOK, cells=[{"cell_type": "markdown", "id": "a", "metadata": {}, "source": text}])
    return json.dumps(nb)


def _write(path: Path, text: str, mtime: float | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def _tree(root: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(root)): (None if p.is_dir() or p.is_symlink() else p.read_bytes())
        for p in sorted(root.rglob("*"))
    }


def _statuses(manifest: pd.DataFrame) -> list[list]:
    return manifest[["student", "status"]].astype(object).values.tolist()


@pytest.fixture
def plain(tmp_path):
    """A plain folder with one entry of each kind, and a secret file outside it."""
    src = tmp_path / "src"
    outside = _write(tmp_path / "secret" / "answers.ipynb", _nb("the instructor's key"))
    _write(src / "ada.ipynb", _nb("ada's work"), mtime=1_700_000_000)
    _write(src / "late1.ipynb", _nb("late work"), mtime=1_800_000_000)
    _write(src / "notes.txt", "my notes")
    _write(src / "broken.ipynb", "{not json")
    _write(src / "list.ipynb", "[1, 2, 3]")
    (src / "binary.ipynb").write_bytes(b"\xff\xfe\x00")
    (src / "folder.ipynb").mkdir()  # a folder named like a notebook: unreadable
    (src / "ghost.ipynb").symlink_to(src / "nowhere.ipynb")  # a dangling link: unreadable
    (src / "eve.ipynb").symlink_to(outside)  # a link out of the folder: never read
    (src / "evedir").symlink_to(outside.parent, target_is_directory=True)
    _write(src / "sub" / "inner.ipynb", _nb("inner"))
    (src / "linked.ipynb").symlink_to(src / "sub" / "inner.ipynb")  # a link inside: read
    _write(src / "a" / "dup.ipynb", _nb("older"), mtime=1_700_000_000)
    _write(src / "b" / "dup.ipynb", _nb("newer"), mtime=1_700_000_100)
    _write(src / ".ipynb_checkpoints" / "ada-checkpoint.ipynb", _nb("checkpoint"))
    _write(src / "-bad name!.ipynb", _nb())
    return src


def test_plain_folder_every_bad_entry_gets_a_row(plain, tmp_path):
    out = tmp_path / "out"
    before = _tree(tmp_path)
    manifest = collect(plain, out, roster=["ada", "grace"], deadline="2027-01-01T00:00+00:00")
    assert list(manifest.columns) == MANIFEST_COLUMNS
    assert _statuses(manifest) == [
        ["", "bad_name"],
        ["ada", "ok"],
        ["binary", "not_a_notebook"],
        ["broken", "not_a_notebook"],
        ["dup", "duplicate"],
        ["dup", "ok"],
        ["eve", "symlink_out"],
        ["evedir", "symlink_out"],
        ["folder", "unreadable"],
        ["ghost", "unreadable"],
        ["grace", "missing"],
        ["inner", "ok"],
        ["late1", "late"],
        ["linked", "ok"],
        ["list", "not_a_notebook"],
        ["notes", "not_a_notebook"],
    ]
    rows = manifest.set_index(["student", "status"])
    assert "newer notebook" in rows.loc[("dup", "duplicate"), "message"]
    assert rows.loc[("dup", "ok"), "source"].endswith("b/dup.ipynb")
    assert rows.loc[("late1", "late"), "late"] and not rows.loc[("ada", "ok"), "late"]
    assert rows.loc[("ada", "ok"), "modified"] == pd.Timestamp(1_700_000_000, unit="s", tz="UTC")
    assert "on the roster" in rows.loc[("grace", "missing"), "message"]
    assert "not on the roster" in rows.loc[("inner", "ok"), "message"]
    # Only collected notebooks are copied, byte for byte; the link out was never read.
    written = sorted(p.name for p in out.iterdir())
    assert written == ["ada.ipynb", "dup.ipynb", "inner.ipynb", "late1.ipynb", "linked.ipynb", "manifest.csv"]
    assert (out / "ada.ipynb").read_bytes() == (plain / "ada.ipynb").read_bytes()
    assert json.loads((out / "dup.ipynb").read_text())["cells"][0]["source"] == "newer"
    assert "key" not in "".join(p.read_text() for p in out.glob("*.ipynb"))
    # Nothing changed outside the output folder.
    after = {k: v for k, v in _tree(tmp_path).items() if not k.startswith("out")}
    assert after == before
    csv = pd.read_csv(out / "manifest.csv", keep_default_na=False)
    assert list(csv.columns) == MANIFEST_COLUMNS and len(csv) == len(manifest)
    assert csv.loc[csv["student"] == "ada", "modified"].item() == "2023-11-14T22:13:20Z"


def test_find_submissions_writes_nothing(plain, tmp_path):
    before = _tree(tmp_path)
    plan = find_submissions(plain)
    assert plan["collected"].sum() == 5 and plan["file"].notna().sum() == 5
    assert _tree(tmp_path) == before


def test_deadline_without_zone_is_local_time(tmp_path, monkeypatch):
    _write(tmp_path / "src" / "ada.ipynb", _nb(), mtime=1_700_000_000)  # 2023-11-14 22:13:20 UTC
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    try:
        assert find_submissions(tmp_path / "src", deadline="2023-11-14T22:13")["late"].item()
        assert not find_submissions(tmp_path / "src", deadline="2023-11-14T22:14")["late"].item()
    finally:
        monkeypatch.undo()
        time.tzset()
    with pytest.raises(ValueError, match="not a date and time"):
        find_submissions(tmp_path / "src", deadline="Friday")


def test_roster_files(tmp_path):
    _write(tmp_path / "src" / "ada.ipynb", _nb())
    lines = _write(tmp_path / "roster.txt", "# the class\nada\ngrace\n")
    table = _write(tmp_path / "roster.csv", "Name,Student_ID\nAda,ada\nGrace,grace\n")
    for roster in (lines, table, ["ada", "grace"]):
        assert _statuses(find_submissions(tmp_path / "src", roster=roster)) == [
            ["ada", "ok"],
            ["grace", "missing"],
        ]
    bad = _write(tmp_path / "bad.csv", "Name,Email\nAda,a@x\n")
    with pytest.raises(ValueError, match="no student id column"):
        find_submissions(tmp_path / "src", roster=bad)


def _zip(path: Path, members: dict[str, bytes], links: dict[str, str] = {}) -> Path:  # noqa: B006
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 1, 12, 0, 0)), data)
        for name, target in links.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 1, 12, 0, 0))
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, target)
    return path


def test_canvas_download(tmp_path):
    download = _zip(
        tmp_path / "submissions.zip",
        {
            "lovelaceada_1234_567890_sourcing.ipynb": _nb("ada").encode(),
            "hoppergrace_LATE_2345_567891_sourcing-1.ipynb": _nb("grace").encode(),
            "turingalan_3456_567892_sourcing.pdf": b"%PDF-1.4",
            "boolegeorge_4567_567893_sourcing.ipynb": b'{"cells": "nope"}',
            "__MACOSX/._lovelaceada_1234_567890_sourcing.ipynb": b"junk",
        },
        links={"evil_5678_567894_sourcing.ipynb": "/etc/passwd"},
    )
    out = tmp_path / "out"
    manifest = collect(download, out, kind="canvas", roster=["1234", "2345", "3456", "4567", "5678", "9999"])
    assert _statuses(manifest) == [
        ["1234", "ok"],
        ["2345", "late"],
        ["3456", "not_a_notebook"],
        ["4567", "not_a_notebook"],
        ["5678", "symlink_out"],
        ["9999", "missing"],
    ]
    assert "Canvas marked it late" in manifest.loc[1, "message"]
    assert manifest.loc[0, "source"] == f"{download}!lovelaceada_1234_567890_sourcing.ipynb"
    assert sorted(p.name for p in out.iterdir()) == ["1234.ipynb", "2345.ipynb", "manifest.csv"]


def test_moodle_download_files_and_folders(tmp_path):
    download = _zip(
        tmp_path / "moodle.zip",
        {
            "Ada Lovelace_101_assignsubmission_file_sourcing.ipynb": _nb("ada").encode(),
            "Grace Hopper_102_assignsubmission_file_/sourcing.ipynb": _nb("grace").encode(),
            "Grace Hopper_102_assignsubmission_file_/old/sourcing.ipynb": _nb("older").encode(),
        },
    )
    manifest = find_submissions(download)
    # Two files for one student (same time in the zip): one is kept, the other is a duplicate.
    assert _statuses(manifest) == [["101", "ok"], ["102", "duplicate"], ["102", "ok"]]
    # The same download, unpacked into a folder, reads the same.
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(download) as z:
        z.extractall(folder)
    assert sorted(find_submissions(folder, kind="moodle")["student"]) == ["101", "102", "102"]


def test_zip_member_too_large_is_unreadable(tmp_path, monkeypatch):
    download = _zip(tmp_path / "s.zip", {"ada.ipynb": _nb("x" * 500).encode(), "bob.ipynb": _nb().encode()})
    monkeypatch.setattr(sources, "MAX_NOTEBOOK_BYTES", 200)
    assert _statuses(find_submissions(download, kind="plain")) == [["ada", "unreadable"], ["bob", "ok"]]


def test_zip_member_names_cannot_escape_the_output(tmp_path):
    download = _zip(
        tmp_path / "s.zip", {"../../escape.ipynb": _nb().encode(), "/abs/ada.ipynb": _nb().encode()}
    )
    out = tmp_path / "deep" / "out"
    manifest = collect(download, out, kind="plain")
    assert sorted(manifest["student"]) == ["ada", "escape"]
    assert sorted(p.name for p in tmp_path.rglob("*.ipynb")) == ["ada.ipynb", "escape.ipynb"]
    assert all(p.parent == out for p in tmp_path.rglob("*.ipynb"))


def test_damaged_zip_is_a_clear_error(tmp_path):
    bad = _write(tmp_path / "s.zip", "not a zip")
    with pytest.raises(ValueError, match="not a zip file"):
        find_submissions(bad)


@pytest.fixture
def homes(tmp_path):
    """A hub's home folders: jupyter-<user>/course/exercises/sourcing.ipynb."""
    root = tmp_path / "home"
    work = "course/exercises/sourcing.ipynb"
    _write(root / "jupyter-ada" / work, _nb("ada"), mtime=1_700_000_000)
    _write(root / "jupyter-bob" / work, _nb("bob"), mtime=1_800_000_000)
    (root / "jupyter-carol").mkdir()  # never pulled the course
    _write(root / "jupyter-dan" / "course" / "exercises" / "notes.txt", "")
    (root / "jupyter-eve" / "course" / "exercises").mkdir(parents=True)
    (root / "jupyter-eve" / work).symlink_to(root / "jupyter-ada" / work)  # another student's work
    (root / "jupyter-mallory").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    _write(tmp_path / "elsewhere" / work, _nb("elsewhere"))
    _write(root / "jupyter-frank" / work, "{}")
    _write(root / "lost+found" / "x", "")
    (root / "jupyter-gus" / "course").mkdir(parents=True)
    (root / "jupyter-gus" / "course" / "exercises").symlink_to("/etc", target_is_directory=True)
    return root


def test_hub_home_folders(homes, tmp_path):
    before = _tree(tmp_path)
    out = tmp_path / "submitted"
    manifest = collect(
        f"{homes}/jupyter-{{user}}/course/exercises/sourcing.ipynb", out, deadline="2025-01-01T00:00Z"
    )
    assert _statuses(manifest) == [
        ["ada", "ok"],
        ["bob", "late"],
        ["carol", "missing"],
        ["dan", "missing"],
        ["eve", "symlink_out"],
        ["frank", "not_a_notebook"],
        ["gus", "symlink_out"],
        ["mallory", "symlink_out"],
    ]
    assert sorted(p.name for p in out.iterdir()) == ["ada.ipynb", "bob.ipynb", "manifest.csv"]
    assert {k: v for k, v in _tree(tmp_path).items() if not k.startswith("submitted")} == before


def test_hub_pattern_errors(tmp_path):
    with pytest.raises(ValueError, match="'\\{user\\}' once"):
        find_submissions(f"{tmp_path}/{{user}}/{{user}}/x.ipynb")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        find_submissions(f"{tmp_path}/nothing/{{user}}/x.ipynb")
    with pytest.raises(ValueError, match="kind="):
        find_submissions(tmp_path, kind="blackboard")


def test_output_folder_rules(plain, tmp_path):
    with pytest.raises(ValueError, match="overlap"):
        collect(plain, plain / "out")
    foreign = tmp_path / "foreign"
    _write(foreign / "keep.txt", "mine")
    with pytest.raises(ValueError, match="already holds other files"):
        collect(plain, foreign)
    assert (foreign / "keep.txt").read_text() == "mine"
    out = tmp_path / "out"
    collect(plain, out)
    (plain / "ada.ipynb").unlink()
    collect(plain, out)  # an earlier collect's folder is replaced
    assert not (out / "ada.ipynb").exists()


def test_cli(plain, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["collect", str(plain), "--out", str(out), "--users", "ada,grace"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Collected 5 notebooks into") and "1 missing" in said
    assert main(["collect", str(tmp_path / "nope"), "--out", str(out)]) == 1
    assert "No folder or zip file" in capsys.readouterr().err


@given(
    name=st.from_regex(r"[a-z]{1,12}", fullmatch=True),
    user=st.integers(1, 10**9),
    submission=st.integers(1, 10**9),
    late=st.booleans(),
    file=st.from_regex(r"[A-Za-z0-9_ ()-]{1,20}\.ipynb", fullmatch=True),
)
def test_canvas_names_give_the_user_id(name, user, submission, late, file):
    lms_name = f"{name}_{'LATE_' if late else ''}{user}_{submission}_{file}"
    assert sources.parse_name(lms_name, "auto") == (str(user), late, "Canvas")


@given(
    full=st.from_regex(r"[A-Z][a-z]{0,8}( [A-Z][a-z]{0,8}){0,2}", fullmatch=True),
    participant=st.integers(1, 10**9),
    file=st.from_regex(r"[A-Za-z0-9_ ()-]{1,20}\.ipynb", fullmatch=True),
    folder=st.booleans(),
)
def test_moodle_names_give_the_participant_id(full, participant, file, folder):
    prefix = f"{full}_{participant}_assignsubmission_file_"
    name = f"{prefix}/{file}" if folder else prefix + file
    assert sources.parse_name(name, "moodle") == (str(participant), False, "Moodle")


def test_zip_from_bytes_roundtrip(tmp_path):
    # A zip made in memory (as a browser saves it) reads the same as one on disk.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("ada.ipynb", _nb())
    path = tmp_path / "d.zip"
    path.write_bytes(buffer.getvalue())
    assert _statuses(find_submissions(path)) == [["ada", "ok"]]
