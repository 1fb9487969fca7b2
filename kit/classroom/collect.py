"""Collect one exercise's notebooks into the folder ``kit grade`` reads.

``kit grade`` reads a folder of ``<student_id>.ipynb``. Students' work is
elsewhere: in their home folders on a JupyterHub, in a learning management
system's (LMS) download, or in a folder someone filled by hand. ``collect``
finds each student's notebook there, checks it, and copies it to
``<out>/<student_id>.ipynb``, with ``<out>/manifest.csv``: one row per file
found and per student missing, saying what happened to it.

Where the notebooks come from (``kind``):

``hub``
    A pattern with ``{user}`` in one folder name, such as
    ``/home/jupyter-{user}/course/exercises/student/sourcing.ipynb``. Every
    folder that matches the ``{user}`` part is a student; one whose notebook is
    not there is ``missing``.
``canvas``
    Canvas's "Download Submissions" (a zip, or its unpacked folder). Canvas
    names each file ``<name>_<user id>_<submission id>_<file name>``, with
    ``LATE`` after the name when Canvas counted it late
    (``doejane_LATE_1234_56789_sourcing.ipynb``). The student id is Canvas's
    numeric user id.
``moodle``
    Moodle's "Download all submissions" (a zip, or its unpacked folder). Moodle
    names each file ``<Full Name>_<participant id>_assignsubmission_file_<file
    name>``, or, with "Download submissions in folders", puts the file in a
    folder of that name. The student id is Moodle's participant id for the
    assignment (shown in the grading table's export), not the user's login.
``plain``
    A folder (or zip) of ``<student_id>.ipynb``.
``auto`` (default)
    ``hub`` when the source has ``{user}``; otherwise each file is read as
    Canvas, then Moodle, then plain, by its name.

What it guarantees: it never follows a symbolic link out of the source folder
(for ``hub``, out of the student's own folder), never unpacks a zip to disk
(members are read into memory), and writes nothing outside ``out``. A bad
entry gets a row, never an exception. Each row records the file's
modification time (for an LMS download, the time in the zip, which may be the
download's time rather than the submission's) and, given a ``deadline``,
marks late work (still collected: the manifest tells you which).

Statuses in the manifest:

============== ========= ==========================================================
status         collected meaning
============== ========= ==========================================================
ok             yes       a notebook, copied to ``<student>.ipynb``
late           yes       a notebook modified after the deadline (or marked late by the LMS)
missing        no        a student on the roster (or a hub user) with no notebook
duplicate      no        another notebook of the same student; the newest one is kept
symlink_out    no        a symbolic link that leads out of the source folder (not read)
unreadable     no        the file could not be read (a folder, a broken link, too large, a damaged zip member)
not_a_notebook no        not a Jupyter notebook (not JSON, or JSON without cells)
bad_name       no        no student id could be read from the file's name
============== ========= ==========================================================
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from kit.classroom.sources import Entry, inside, scan_folder, scan_hub, scan_zip, split_hub_pattern

__all__ = ["KINDS", "MANIFEST_COLUMNS", "STATUSES", "collect", "find_submissions"]

KINDS = ("auto", "hub", "canvas", "moodle", "plain")
STATUSES = ("ok", "late", "missing", "duplicate", "symlink_out", "unreadable", "not_a_notebook", "bad_name")
MANIFEST_COLUMNS = [
    "student",
    "status",
    "collected",
    "late",
    "modified",
    "size_bytes",
    "source",
    "file",
    "message",
]


def _rows_frame(entries: list[Entry]) -> pd.DataFrame:
    entries = sorted(entries, key=lambda e: (e.student, e.source, e.status))
    frame = pd.DataFrame(
        {
            "student": pd.array([e.student for e in entries], dtype="string"),
            "status": pd.Categorical([e.status for e in entries], categories=STATUSES),
            "collected": [e.status in ("ok", "late") for e in entries],
            "late": [e.late for e in entries],
            "modified": pd.to_datetime([e.modified for e in entries], utc=True),
            "size_bytes": pd.array([e.size for e in entries], dtype="Int64"),
            "source": pd.array([e.source for e in entries], dtype="string"),
            "file": pd.array(
                [f"{e.student}.ipynb" if e.status in ("ok", "late") else None for e in entries],
                dtype="string",
            ),
            "message": pd.array([e.message for e in entries], dtype="string"),
        },
        columns=MANIFEST_COLUMNS,
    )
    return frame


def _read_roster(roster: str | os.PathLike | Iterable[str] | None) -> list[str] | None:
    """Student ids from a list, or from a file: CSV with a student id column, or one id per line."""
    if roster is None:
        return None
    if not isinstance(roster, (str, os.PathLike)):
        return [str(s).strip() for s in roster if str(s).strip()]
    text = Path(roster).read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if lines and "," in lines[0]:
        reader = csv.DictReader(io.StringIO("\n".join(lines)))
        names = {n.strip().lower(): n for n in reader.fieldnames or []}
        for wanted in ("student_id", "student", "username", "user", "login", "id"):
            if wanted in names:
                return [row[names[wanted]].strip() for row in reader if (row[names[wanted]] or "").strip()]
        raise ValueError(
            f"The roster {str(roster)!r} has no student id column (its columns: {list(names.values())})."
            " Name one 'student_id', or give one id per line."
        )
    return [line.strip() for line in lines]


def _deadline(value: str | dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"The deadline {value!r} is not a date and time. Write it as 2026-03-01T17:00"
                " (this machine's time zone) or 2026-03-01T17:00+01:00."
            ) from None
    # A deadline without a zone is in this machine's local time.
    return value.astimezone(dt.UTC)


def _scan(
    source: str | os.PathLike,
    *,
    kind: str,
    roster: str | os.PathLike | Iterable[str] | None,
    deadline: str | dt.datetime | None,
    skip: Path | None = None,
) -> list[Entry]:
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r} is not a kind of source; use one of {', '.join(KINDS)}.")
    text = os.fspath(source)
    if "{user}" in text:
        if kind not in ("auto", "hub"):
            raise ValueError(f"The source {text!r} has '{{user}}', so it is a hub pattern; use kind='hub'.")
        entries = scan_hub(text)
    elif kind == "hub":
        raise ValueError(
            f"A hub source needs '{{user}}' in it, as in '/home/jupyter-{{user}}/...'; got {text!r}."
        )
    else:
        path = Path(text)
        if path.is_dir():
            entries = scan_folder(path.resolve(), kind, skip)
        elif path.is_file():
            entries = scan_zip(path, kind)
        else:
            raise FileNotFoundError(f"No folder or zip file at {text!r}.")
    limit = _deadline(deadline)
    for entry in entries:
        if entry.status == "ok" and (entry.late or (limit and entry.modified and entry.modified > limit)):
            if not entry.late:
                entry.message = f"modified {entry.modified:%Y-%m-%d %H:%M:%S} UTC, after the deadline"
            entry.status, entry.late = "late", True
    # One notebook per student: keep the newest, say which ones were left out.
    by_student: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.status in ("ok", "late"):
            by_student.setdefault(entry.student, []).append(entry)
    for student, group in by_student.items():
        if len(group) > 1:
            group.sort(key=lambda e: (e.modified or dt.datetime.min.replace(tzinfo=dt.UTC), e.source))
            kept = group[-1]
            for other in group[:-1]:
                other.status, other.message = (
                    "duplicate",
                    f"student {student} has a newer notebook: {kept.source}",
                )
            note = f"{len(group) - 1} older notebook(s) of this student left out"
            kept.message = f"{kept.message}; {note}" if kept.message else note
    wanted = _read_roster(roster)
    if wanted is not None:
        known = set(wanted)
        seen = {e.student for e in entries}
        for student in wanted:
            if student not in seen:
                entries.append(Entry(student, "missing", "", message="on the roster, but no notebook found"))
        for entry in entries:
            if entry.student and entry.student not in known and entry.status in ("ok", "late"):
                note = "not on the roster"
                entry.message = f"{entry.message}; {note}" if entry.message else note
    return entries


def find_submissions(
    source: str | os.PathLike,
    *,
    kind: str = "auto",
    roster: str | os.PathLike | Iterable[str] | None = None,
    deadline: str | dt.datetime | None = None,
) -> pd.DataFrame:
    """List the notebooks ``collect`` would gather, without writing anything.

    Parameters
    ----------
    source : str or path
        A hub pattern with ``{user}``, an LMS download (zip or folder), or a
        plain folder of ``<student_id>.ipynb``.
    kind : {"auto", "hub", "canvas", "moodle", "plain"}
        How to read student ids from the source (see the module's docstring).
    roster : path or list of str, optional
        The students expected: a list of ids, or a file (CSV with a
        ``student_id`` column, or one id per line). Each one with no notebook
        gets a ``missing`` row.
    deadline : str or datetime, optional
        Work modified after it is ``late`` (ISO format; no time zone means
        this machine's local time).

    Returns
    -------
    pandas.DataFrame
        The manifest: one row per file found and per student missing, with
        the columns ``MANIFEST_COLUMNS`` (``file`` is the name it would get).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ada.ipynb").write_text('{"cells": [], "nbformat": 4, "metadata": {}}')
    >>> _ = (folder / "notes.txt").write_text("my notes")
    >>> find_submissions(folder, roster=["ada", "grace"])[["student", "status", "file"]]
      student          status       file
    0     ada              ok  ada.ipynb
    1   grace         missing       <NA>
    2   notes  not_a_notebook       <NA>
    """
    return _rows_frame(_scan(source, kind=kind, roster=roster, deadline=deadline))


def _prepare_out(out: Path) -> None:
    """Make ``out`` ready: new, empty, or the output of an earlier collect (then emptied)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ValueError(f"The output {str(out)!r} is not a folder. Pass a new folder's path.")
    if not out.exists():
        out.mkdir(parents=True)
        return
    present = list(out.iterdir())
    if not present:
        return
    ours = all(
        p.is_file() and not p.is_symlink() and (p.suffix == ".ipynb" or p.name == "manifest.csv")
        for p in present
    )
    if not ((out / "manifest.csv").is_file() and ours):
        raise ValueError(
            f"The output folder {str(out)!r} already holds other files. Pass a new or empty folder"
            " (or the folder of an earlier kit collect, which is then replaced)."
        )
    for p in present:
        p.unlink()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def collect(
    source: str | os.PathLike,
    out: str | os.PathLike,
    *,
    kind: str = "auto",
    roster: str | os.PathLike | Iterable[str] | None = None,
    deadline: str | dt.datetime | None = None,
) -> pd.DataFrame:
    """Copy each student's notebook to ``<out>/<student>.ipynb``; write ``<out>/manifest.csv``.

    Takes the same options as :func:`find_submissions` and returns the same
    manifest. ``out`` must be a new or empty folder, or the folder of an
    earlier ``collect`` (its notebooks and manifest are then replaced); it
    may not be inside the source folder, nor the source inside it. Only the
    notebooks with ``collected`` true are copied, byte for byte.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> work = home / "jupyter-ada" / "course"
    >>> work.mkdir(parents=True)
    >>> _ = (work / "sourcing.ipynb").write_text('{"cells": [], "nbformat": 4, "metadata": {}}')
    >>> (home / "jupyter-grace").mkdir()
    >>> manifest = collect(f"{home}/jupyter-{{user}}/course/sourcing.ipynb", home / "submitted")
    >>> manifest[["student", "status", "file"]]
      student   status       file
    0     ada       ok  ada.ipynb
    1   grace  missing       <NA>
    >>> sorted(p.name for p in (home / "submitted").iterdir())
    ['ada.ipynb', 'manifest.csv']
    """
    out_path = Path(out).resolve()
    text = os.fspath(source)
    if "{user}" not in text:
        src = Path(text).resolve()
        if src.is_dir() and (inside(out_path, src) or inside(src, out_path)):
            raise ValueError(
                f"The output folder {str(out)!r} and the source {text!r} overlap. Pass an output folder"
                " outside the source."
            )
    else:
        base = split_hub_pattern(text)[0].resolve()
        if inside(base, out_path):
            raise ValueError(f"The output folder {str(out)!r} holds the students' folders; pass another one.")
    entries = _scan(source, kind=kind, roster=roster, deadline=deadline, skip=out_path)
    _prepare_out(out_path)
    for entry in entries:
        if entry.status in ("ok", "late"):
            _write_atomic(out_path / f"{entry.student}.ipynb", entry.data)
    manifest = _rows_frame(entries)
    written = manifest.assign(modified=manifest["modified"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
    _write_atomic(out_path / "manifest.csv", written.to_csv(index=False, lineterminator="\n").encode())
    return manifest
