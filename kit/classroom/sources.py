"""Where students' notebooks are: home folders on a hub, an LMS download, a plain folder.

Each ``scan_*`` function lists the entries of one kind of source, reading
every notebook into memory (``Entry.data``) and never following a symbolic
link out of the source folder (for a hub, out of the student's own folder).
``parse_name`` reads a student id from a learning management system's file
name. The naming patterns and statuses are described in ``kit.classroom.collect``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

__all__ = [
    "MAX_NOTEBOOK_BYTES",
    "Entry",
    "inside",
    "parse_name",
    "scan_folder",
    "scan_hub",
    "scan_zip",
    "split_hub_pattern",
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
class Entry:
    """One file found (or one student missing): what the manifest says of it, and its bytes."""

    student: str
    status: str
    source: str
    modified: dt.datetime | None = None
    size: int | None = None
    message: str = ""
    late: bool = False
    data: bytes | None = field(default=None, repr=False)


def _check_notebook(entry: Entry) -> None:
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


def _read_file(path: Path, entry: Entry) -> None:
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


def inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def parse_name(relative: str, kind: str) -> tuple[str | None, bool, str]:
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


def _named_entry(relative: str, kind: str, source: str) -> Entry:
    student, late, lms = parse_name(relative, kind)
    if student is None:
        expected = {"canvas": "Canvas's", "moodle": "Moodle's", "plain": "<student_id>.ipynb"}.get(
            kind, "Canvas's, Moodle's or <student_id>.ipynb"
        )
        return Entry(
            "", "bad_name", source, message=f"no student id in this name (expected {expected} naming)"
        )
    entry = Entry(student, "pending", source, late=late)
    if late:
        entry.message = f"{lms} marked it late"
    return entry


def scan_folder(root: Path, kind: str, skip: Path | None) -> list[Entry]:
    entries: list[Entry] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        if skip is not None and inside(here, skip):
            dirnames[:] = []
            continue
        for name in sorted(dirnames):
            path = here / name
            if path.is_symlink() and not inside(path.resolve(), root):
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
                if not inside(target, root) or (skip is not None and inside(target, skip)):
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


def scan_zip(path: Path, kind: str) -> list[Entry]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ValueError(
            f"{str(path)!r} is not a zip file that can be read ({exc}). Download it again from the LMS,"
            " or unpack it and pass the folder."
        ) from None
    entries: list[Entry] = []
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


def split_hub_pattern(pattern: str) -> tuple[Path, re.Pattern, str, str]:
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


def scan_hub(pattern: str) -> list[Entry]:
    base, folder, _, rest = split_hub_pattern(pattern)
    if not base.is_dir():
        raise FileNotFoundError(f"The folder {str(base)!r} (from the pattern {pattern!r}) does not exist.")
    base = base.resolve()
    entries: list[Entry] = []
    for home in sorted(base.iterdir()):
        m = folder.fullmatch(home.name)
        if not m:
            continue
        user = m["user"]
        target = home / rest
        entry = Entry(user, "pending", str(target))
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
            if not inside(resolved, root):
                entry.status = "symlink_out"
                entry.message = f"{rest} leads to {resolved}, outside {root}: not read"
            elif not target.exists() and not target.is_symlink():
                entry.status, entry.message = "missing", f"no {rest} in {root}"
            else:
                _read_file(resolved, entry)
        entries.append(entry)
    return entries
