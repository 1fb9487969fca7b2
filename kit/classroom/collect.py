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
import json
import os
import re
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

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
MAX_NOTEBOOK_BYTES = 50_000_000
"""A notebook larger than this (50 MB) is ``unreadable``: an exercise's notebook is far smaller."""

_STUDENT_ID = re.compile(r"[A-Za-z0-9@+][A-Za-z0-9._@+-]{0,127}")
"""A student id, as it may appear in a file name: no path separators, no leading dot."""

# Canvas: <lastfirst>_[LATE_]<user id>_<submission id>_<original name>; a re-upload
# may add "-1" before the extension of the original name.
_CANVAS = re.compile(r"^(?P<name>[^_/]+?)_(?P<late>LATE_)?(?P<id>\d+)_(?P<submission>\d+)_(?P<file>.+)$")
# Moodle: <Full Name>_<participant id>_assignsubmission_file_<original name>, or the
# same prefix as a folder (trailing underscore) holding the original file.
_MOODLE = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_(?:file|onlinetext)_(?P<file>.*)$")
_SKIP = re.compile(r"(^|/)(__MACOSX|\.ipynb_checkpoints)(/|$)|(^|/)\.")


@dataclass
class _Entry:
    student: str
    status: str
    source: str
    modified: dt.datetime | None = None
    size: int | None = None
    message: str = ""
    late: bool = False
    data: bytes | None = field(default=None, repr=False)


def _rows_frame(entries: list[_Entry]) -> pd.DataFrame:
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


def _check_notebook(entry: _Entry) -> None:
    """Turn an entry holding bytes into ``ok`` or ``not_a_notebook``."""
    try:
        nb = json.loads(entry.data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        entry.status, entry.message = "not_a_notebook", "not valid JSON text, so not a Jupyter notebook"
        return
    if not (
        isinstance(nb, dict) and isinstance(nb.get("cells"), list) and isinstance(nb.get("nbformat"), int)
    ):
        entry.status, entry.message = (
            "not_a_notebook",
            "JSON, but not a Jupyter notebook (no cells or nbformat)",
        )
        return
    entry.status = "ok"


def _read_file(path: Path, entry: _Entry) -> None:
    """Read a regular file without following a link; fill the entry or mark it unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise IsADirectoryError("not a regular file")
            entry.modified = dt.datetime.fromtimestamp(info.st_mtime, dt.UTC)
            entry.size = info.st_size
            if info.st_size > MAX_NOTEBOOK_BYTES:
                entry.status = "unreadable"
                entry.message = (
                    f"{info.st_size} bytes, more than the {MAX_NOTEBOOK_BYTES} a notebook may have"
                )
                return
            with os.fdopen(fd, "rb", closefd=False) as handle:
                entry.data = handle.read(MAX_NOTEBOOK_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        entry.status = "unreadable"
        entry.message = f"could not read it: {exc.strerror or exc.__class__.__name__}"
        return
    _check_notebook(entry)


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def _parse_name(relative: str, kind: str) -> tuple[str | None, bool, str]:
    """Student id, whether the LMS marked it late, and the LMS's name for it (or '')."""
    parts = PurePosixPath(relative).parts
    name = parts[-1]
    if kind in ("auto", "canvas"):
        m = _CANVAS.match(name)
        if m:
            return m["id"], bool(m["late"]), "Canvas"
    if kind in ("auto", "moodle"):
        for candidate in (name, *reversed(parts[:-1])):
            m = _MOODLE.match(candidate)
            if m:
                return m["id"], False, "Moodle"
    if kind in ("auto", "plain"):
        stem = name[: -len(".ipynb")] if name.endswith(".ipynb") else name.rsplit(".", 1)[0]
        if _STUDENT_ID.fullmatch(stem):
            return stem, False, ""
    return None, False, ""


def _named_entry(relative: str, kind: str, source: str) -> _Entry:
    student, late, lms = _parse_name(relative, kind)
    if student is None:
        expected = {"canvas": "Canvas's", "moodle": "Moodle's", "plain": "<student_id>.ipynb"}.get(
            kind, "Canvas's, Moodle's or <student_id>.ipynb"
        )
        return _Entry(
            "", "bad_name", source, message=f"no student id in this name (expected {expected} naming)"
        )
    entry = _Entry(student, "pending", source, late=late)
    if late:
        entry.message = f"{lms} marked it late"
    return entry


def _scan_folder(root: Path, kind: str, skip: Path | None) -> list[_Entry]:
    entries: list[_Entry] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        if skip is not None and _inside(here, skip):
            dirnames[:] = []
            continue
        for name in sorted(dirnames):
            path = here / name
            if path.is_symlink() and not _inside(path.resolve(), root):
                relative = path.relative_to(root).as_posix()
                if not _SKIP.search(relative):
                    entry = _named_entry(relative, kind, str(path))
                    entry.status, entry.message = (
                        "symlink_out",
                        f"a link to {os.readlink(path)}, outside {root}",
                    )
                    entries.append(entry)
        dirnames[:] = sorted(d for d in dirnames if not (here / d).is_symlink())
        for name in dirnames:
            relative = (here / name).relative_to(root).as_posix()
            if name.endswith(".ipynb") and not _SKIP.search(relative):
                entry = _named_entry(relative, kind, str(here / name))
                if entry.status != "bad_name":
                    entry.status, entry.message = "unreadable", "a folder, not a notebook file"
                entries.append(entry)
        for name in sorted(filenames):
            path = here / name
            relative = path.relative_to(root).as_posix()
            if _SKIP.search(relative):
                continue
            entry = _named_entry(relative, kind, str(path))
            if entry.status == "bad_name":
                entries.append(entry)
                continue
            target = path
            if path.is_symlink():
                target = path.resolve()
                if not _inside(target, root) or (skip is not None and _inside(target, skip)):
                    entry.status = "symlink_out"
                    entry.message = f"a link to {os.readlink(path)}, outside {root}: not read"
                    entries.append(entry)
                    continue
            _read_file(target, entry)
            entries.append(entry)
    return entries


def _zip_time(info: zipfile.ZipInfo) -> dt.datetime:
    # Zip files store local time without a zone: read it as this machine's local time.
    return dt.datetime(*info.date_time).astimezone(dt.UTC)


def _scan_zip(path: Path, kind: str) -> list[_Entry]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ValueError(
            f"{str(path)!r} is not a zip file that can be read ({exc}). Download it again from the LMS,"
            " or unpack it and pass the folder."
        ) from None
    entries: list[_Entry] = []
    with archive:
        for info in archive.infolist():
            # A member's name is only read for the student id; "..", "/" and drive
            # letters never reach a path (nothing is unpacked).
            relative = "/".join(
                p
                for p in info.filename.replace("\\", "/").split("/")
                if p not in ("", ".", "..") and ":" not in p
            )
            if info.is_dir() or _SKIP.search(relative):
                continue
            source = f"{path}!{relative}"
            entry = _named_entry(relative, kind, source)
            entry.modified, entry.size = _zip_time(info), info.file_size
            if entry.status == "bad_name":
                entries.append(entry)
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                entry.status, entry.message = "symlink_out", "a symbolic link inside the zip: not followed"
            elif info.file_size > MAX_NOTEBOOK_BYTES:
                entry.status = "unreadable"
                entry.message = (
                    f"{info.file_size} bytes, more than the {MAX_NOTEBOOK_BYTES} a notebook may have"
                )
            else:
                try:
                    with archive.open(info) as member:
                        entry.data = member.read(MAX_NOTEBOOK_BYTES + 1)
                except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
                    entry.status, entry.message = "unreadable", f"the zip member could not be read: {exc}"
                else:
                    _check_notebook(entry)
            entries.append(entry)
    return entries


def _split_hub_pattern(pattern: str) -> tuple[Path, re.Pattern, str, str]:
    parts = Path(pattern).parts
    where = [i for i, p in enumerate(parts) if "{user}" in p]
    if len(where) != 1 or parts[where[0]].count("{user}") != 1:
        raise ValueError(
            f"The pattern {pattern!r} should have '{{user}}' once, in one folder name, for example"
            " '/home/jupyter-{user}/course/exercises/student/sourcing.ipynb'."
        )
    i = where[0]
    before, after = parts[i].split("{user}")
    folder = re.compile(re.escape(before) + r"(?P<user>.+)" + re.escape(after))
    base = Path(*parts[:i]) if i else Path(".")
    rest = "/".join(parts[i + 1 :])
    if not rest:
        raise ValueError(f"The pattern {pattern!r} should name the notebook after the '{{user}}' folder.")
    return base, folder, parts[i], rest


def _scan_hub(pattern: str) -> list[_Entry]:
    base, folder, _, rest = _split_hub_pattern(pattern)
    if not base.is_dir():
        raise FileNotFoundError(f"The folder {str(base)!r} (from the pattern {pattern!r}) does not exist.")
    base = base.resolve()
    entries: list[_Entry] = []
    for home in sorted(base.iterdir()):
        m = folder.fullmatch(home.name)
        if not m:
            continue
        user = m["user"]
        target = home / rest
        entry = _Entry(user, "pending", str(target))
        if not _STUDENT_ID.fullmatch(user):
            entry.status, entry.message = "bad_name", f"the user name {user!r} cannot be a file name"
            entry.student = ""
        elif home.is_symlink():
            entry.status, entry.message = (
                "symlink_out",
                f"the folder {home.name} is a link to {os.readlink(home)}",
            )
        elif not home.is_dir():
            continue
        else:
            root = home.resolve()
            resolved = target.resolve()
            if not _inside(resolved, root):
                entry.status = "symlink_out"
                entry.message = f"{rest} leads to {resolved}, outside {root}: not read"
            elif not target.exists() and not target.is_symlink():
                entry.status, entry.message = "missing", f"no {rest} in {root}"
            else:
                _read_file(resolved, entry)
        entries.append(entry)
    return entries


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
) -> list[_Entry]:
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r} is not a kind of source; use one of {', '.join(KINDS)}.")
    text = os.fspath(source)
    if "{user}" in text:
        if kind not in ("auto", "hub"):
            raise ValueError(f"The source {text!r} has '{{user}}', so it is a hub pattern; use kind='hub'.")
        entries = _scan_hub(text)
    elif kind == "hub":
        raise ValueError(
            f"A hub source needs '{{user}}' in it, as in '/home/jupyter-{{user}}/...'; got {text!r}."
        )
    else:
        path = Path(text)
        if path.is_dir():
            entries = _scan_folder(path.resolve(), kind, skip)
        elif path.is_file():
            entries = _scan_zip(path, kind)
        else:
            raise FileNotFoundError(f"No folder or zip file at {text!r}.")
    limit = _deadline(deadline)
    for entry in entries:
        if entry.status == "ok" and (entry.late or (limit and entry.modified and entry.modified > limit)):
            if not entry.late:
                entry.message = f"modified {entry.modified:%Y-%m-%d %H:%M:%S} UTC, after the deadline"
            entry.status, entry.late = "late", True
    # One notebook per student: keep the newest, say which ones were left out.
    by_student: dict[str, list[_Entry]] = {}
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
                entries.append(_Entry(student, "missing", "", message="on the roster, but no notebook found"))
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
        if src.is_dir() and (_inside(out_path, src) or _inside(src, out_path)):
            raise ValueError(
                f"The output folder {str(out)!r} and the source {text!r} overlap. Pass an output folder"
                " outside the source."
            )
    else:
        base = _split_hub_pattern(text)[0].resolve()
        if _inside(base, out_path):
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
