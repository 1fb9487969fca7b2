"""Write what students may see: the release they download or pull with nbgitpuller.

A release folder holds::

    README.md                  how to open the exercises and hand them in
    exercises/<name>.ipynb     the student copies (exercises/student/), nothing else of exercises/
    articles/<name>.txt        the bundled articles, with their metadata (.toml)
    lessons/<name>.ipynb       the lesson notebooks, only with ``lessons=True``

and, with ``git=True``, it is a git repository whose branch gets one commit
per release (a corrected release is a new commit, which nbgitpuller merges
into each student's copy without touching their answers).

**What can never be in it.** Before writing anything, ``release`` scans the
content of every file it would write (the student notebooks, the lessons,
any extra file given with ``include``) and refuses with :class:`ReleaseError`
when one carries a secret of an exercise: a line of a hidden test or of a
solution (from the source notebooks and the grader bundles, also when
JSON-escaped or renamed), a cell tagged ``hidden-tests``, a solution marker
(``# SOLUTION``, ``# BEGIN SOLUTION``), a notebook marked as a source or
solution copy, a grader bundle, or a byte-for-byte copy of a source, solution
or grader file. The scan reads content, not names.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["ReleaseError", "release", "secrets_in"]

MARKER = ".kit-release"
"""The file that marks a folder as a release (so a later release may replace it)."""

_SOLUTION_MARKERS = re.compile(r"#\s*(BEGIN SOLUTION|END SOLUTION|SOLUTION\b)")
_MIN_SECRET = 12
"""A secret line must have at least this many non-space characters (shorter lines, such
as ``)`` or ``return x``, occur in any code)."""


class ReleaseError(ValueError):
    """A file of the release would reveal a hidden test, a solution or a grader bundle."""


def _cells(nb: dict) -> list[dict]:
    return [c for c in nb.get("cells", []) if isinstance(c, dict)]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _tags(cell: dict) -> list[str]:
    return list((cell.get("metadata") or {}).get("tags") or [])


def _norm(line: str) -> str:
    return " ".join(line.split())


def _secret_lines(source_nb: dict) -> tuple[set[str], set[str], set[str]]:
    """(hidden test lines, solution lines, allowed lines) of one source notebook."""
    hidden: set[str] = set()
    secret: set[str] = set()
    allowed: set[str] = set()
    for cell in _cells(source_nb):
        tags = _tags(cell)
        lines = _source(cell).splitlines()
        if "hidden-tests" in tags:
            hidden.update(_norm(x) for x in lines)
        elif "answer" in tags:
            inside = False
            for line in lines:
                if re.search(r"#\s*BEGIN SOLUTION", line):
                    inside = True
                elif re.search(r"#\s*END SOLUTION", line):
                    inside = False
                elif inside or re.search(r"#\s*SOLUTION\b", line):
                    secret.add(_norm(re.split(r"#\s*SOLUTION", line)[0]))
                else:
                    allowed.add(_norm(line))
        else:
            allowed.update(_norm(x) for x in lines)
    return hidden, secret, allowed


class _Secrets:
    """What no released file may contain, read from an exercises folder."""

    def __init__(self, exercises_dir: Path, lessons_dir: Path | None = None):
        self.lines: dict[str, str] = {}  # normalised line -> where it comes from
        self.digests: dict[str, str] = {}  # sha256 of a secret file -> its path
        allowed: set[str] = set()
        # A solution line that a lesson already shows (`sentences = article.sentences`)
        # is public; a hidden test's line never is.
        public: set[str] = set()
        for path in sorted(lessons_dir.glob("*.ipynb")) if lessons_dir else []:
            for cell in _cells(json.loads(path.read_bytes())):
                public.update(_norm(x) for x in _source(cell).splitlines())
        solutions: dict[str, str] = {}
        for folder, pattern in (("source", "*.ipynb"), ("solution", "*.ipynb"), ("grader", "*.json")):
            for path in sorted((exercises_dir / folder).glob(pattern)):
                data = path.read_bytes()
                self.digests[hashlib.sha256(data).hexdigest()] = str(path)
                doc = json.loads(data)
                if folder == "grader":
                    for q in doc.get("questions", []):
                        for test in q.get("hidden_tests", []):
                            for line in test.splitlines():
                                self.lines.setdefault(
                                    _norm(line), f"{path.name}: a hidden test of {q.get('id')}"
                                )
                    continue
                hidden, secret, ok = _secret_lines(doc)
                allowed |= ok
                for line in hidden:
                    self.lines.setdefault(line, f"{folder}/{path.name}: a hidden test")
                for line in secret - public:
                    solutions.setdefault(line, f"{folder}/{path.name}: a solution")
        for line, where in solutions.items():
            self.lines.setdefault(line, where)
        for line in list(self.lines):
            if line in allowed or len(line.replace(" ", "")) < _MIN_SECRET:
                del self.lines[line]

    def problems(self, name: str, data: bytes) -> list[str]:
        """Why the file ``name`` with content ``data`` may not be released (empty if it may)."""
        found = []
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.digests:
            found.append(f"it is a copy of {self.digests[digest]}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        texts = [text]
        try:
            doc = json.loads(text)
        except ValueError:
            doc = None
        if isinstance(doc, dict):
            if "questions" in doc and any(
                isinstance(q, dict) and "hidden_tests" in q for q in doc.get("questions") or []
            ):
                found.append("it is a grader bundle (it has hidden_tests)")
            role = ((doc.get("metadata") or {}).get("kit") or {}).get("notebook")
            if role in ("source", "solution"):
                found.append(f"it is an exercise's {role} notebook")
            for cell in _cells(doc):
                if "hidden-tests" in _tags(cell):
                    found.append("a cell is tagged hidden-tests")
                    break
        if doc is not None:
            texts.append("\n".join(_strings(doc)))
        for body in texts:
            if _SOLUTION_MARKERS.search(body):
                found.append("it has a solution marker (# SOLUTION, # BEGIN SOLUTION)")
                break
        lines = {_norm(x) for body in texts for x in body.splitlines()}
        leaked = sorted(self.lines[x] for x in lines & set(self.lines))
        if leaked:
            found.append(f"it has {len(leaked)} line(s) of hidden tests or solutions ({leaked[0]})")
        return found


def _strings(doc) -> Iterable[str]:
    if isinstance(doc, str):
        yield doc
    elif isinstance(doc, dict):
        for k, v in doc.items():
            yield k
            yield from _strings(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from _strings(v)


def secrets_in(
    folder: str | os.PathLike,
    *,
    exercises_dir: str | os.PathLike = "exercises",
    notebooks_dir: str | os.PathLike | None = "notebooks",
) -> pd.DataFrame:
    """Scan every file under ``folder`` for the exercises' secrets.

    Returns one row per file that may not be released (``path``,
    ``problem``); an empty table means the folder is safe to hand out.
    """
    secrets = _Secrets(Path(exercises_dir), Path(notebooks_dir) if notebooks_dir else None)
    rows = []
    root = Path(folder)
    for path in sorted(root.rglob("*")):
        if ".git" in path.relative_to(root).parts or not path.is_file():
            continue
        for problem in secrets.problems(path.name, path.read_bytes()):
            rows.append({"path": path.relative_to(root).as_posix(), "problem": problem})
    return pd.DataFrame(rows, columns=["path", "problem"])


_README = """# {title}

Exercises for close reading of the news with the news-reading kit.

* `exercises/`: one notebook per exercise. Open one, replace each `...` with
  your code, and run the check cell after it. Save often: your work stays in
  your copy, and a corrected version of an exercise is merged into it the
  next time you open the course link.
* `articles/`: the articles the exercises read (`kit.load_article()` loads them).
{lessons}
Before you hand an exercise in: *Kernel > Restart Kernel and Run All Cells*,
check that every check passes, and save.
"""


def _git(out: Path, *args: str) -> str:
    env = dict(os.environ)
    # A release commit needs an author even on a machine where git has none.
    env.setdefault("GIT_AUTHOR_NAME", "kit release")
    env.setdefault("GIT_AUTHOR_EMAIL", "kit-release@localhost")
    env.setdefault("GIT_COMMITTER_NAME", env["GIT_AUTHOR_NAME"])
    env.setdefault("GIT_COMMITTER_EMAIL", env["GIT_AUTHOR_EMAIL"])
    result = subprocess.run(["git", *args], cwd=out, env=env, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"git {' '.join(args)} failed in {out}: {result.stderr.strip()}")
    return result.stdout


def _plan(
    exercises_dir: Path,
    names: Sequence[str] | None,
    lessons: bool,
    notebooks_dir: Path,
    articles: bool,
    include: Iterable[str | os.PathLike],
    title: str,
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    student = sorted((exercises_dir / "student").glob("*.ipynb"))
    if names:
        unknown = sorted(set(names) - {p.stem for p in student})
        if unknown:
            raise ValueError(
                f"No student notebook for {unknown} in {exercises_dir / 'student'}; the exercises are"
                f" {sorted(p.stem for p in student)}. Run kit build-exercises first."
            )
        student = [p for p in student if p.stem in names]
    if not student:
        raise ValueError(
            f"No student notebooks in {exercises_dir / 'student'}. Run kit build-exercises first."
        )
    for path in student:
        files[f"exercises/{path.name}"] = path.read_bytes()
    if articles:
        from kit.loading import seeds_dir

        for path in sorted(seeds_dir().glob("*.txt")):
            files[f"articles/{path.name}"] = path.read_bytes()
            meta = path.with_suffix(".toml")
            if meta.is_file():
                files[f"articles/{meta.name}"] = meta.read_bytes()
    if lessons:
        for path in sorted(notebooks_dir.glob("*.ipynb")):
            files[f"lessons/{path.name}"] = path.read_bytes()
    for extra in include:
        path = Path(extra)
        if not path.is_file():
            raise FileNotFoundError(f"--include {str(extra)!r}: no such file.")
        files[path.name] = path.read_bytes()
    lesson_line = "* `lessons/`: the lessons, to read and run.\n" if lessons else ""
    files.setdefault("README.md", _README.format(title=title, lessons=lesson_line).encode())
    return files


def release(
    out: str | os.PathLike,
    *,
    names: Sequence[str] | None = None,
    exercises_dir: str | os.PathLike = "exercises",
    lessons: bool = False,
    notebooks_dir: str | os.PathLike = "notebooks",
    articles: bool = True,
    include: Iterable[str | os.PathLike] = (),
    git: bool = False,
    branch: str = "main",
    message: str = "Release the exercises",
    title: str = "News-reading exercises",
) -> pd.DataFrame:
    """Write the students' release into ``out`` (and commit it, with ``git=True``).

    Parameters
    ----------
    out : path
        A new or empty folder, or an earlier release (replaced, its ``.git`` kept).
    names : list of str, optional
        Only these exercises (default: every notebook in ``exercises/student``).
    exercises_dir : path
        The folder with ``student/``, ``source/``, ``solution/``, ``grader/``.
    lessons : bool
        Also release the lesson notebooks from ``notebooks_dir``.
    articles : bool
        Release the bundled articles (default True).
    include : list of paths
        Extra files to put at the top of the release (a syllabus); scanned too.
    git, branch, message
        Make ``out`` a git repository and commit the release on ``branch``.

    Returns
    -------
    pandas.DataFrame
        One row per file written: ``path`` (relative to ``out``), ``bytes``, ``sha256``.

    Raises
    ------
    ReleaseError
        When a file would reveal a hidden test, a solution or a grader bundle;
        nothing is written then.
    """
    exercises_dir = Path(exercises_dir)
    files = _plan(exercises_dir, names, lessons, Path(notebooks_dir), articles, include, title)
    secrets = _Secrets(exercises_dir, Path(notebooks_dir))
    problems = [f"{name}: {p}" for name, data in files.items() for p in secrets.problems(name, data)]
    if problems:
        raise ReleaseError(
            "The release would show students what only the grader may see, so nothing was written:\n  "
            + "\n  ".join(problems)
            + "\nRelease only exercises/student/ notebooks, and keep source/, solution/ and grader/ elsewhere."
        )
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"The release folder {str(out)!r} is a file. Pass a folder.")
    present = [p for p in out.iterdir() if p.name != ".git"] if out.is_dir() else []
    if present and not (out / MARKER).is_file():
        raise ValueError(
            f"The folder {str(out)!r} holds files and is not an earlier release. Pass a new or empty folder."
        )
    for path in present:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    out.mkdir(parents=True, exist_ok=True)
    files[MARKER] = ("\n".join(sorted(files)) + "\n").encode()
    rows = []
    for name, data in sorted(files.items()):
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        rows.append({"path": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    if git:
        if not (out / ".git").exists():
            _git(out, "init", "--quiet")
            _git(out, "symbolic-ref", "HEAD", f"refs/heads/{branch}")
        current = _git(out, "symbolic-ref", "--short", "HEAD").strip()
        if current != branch:
            raise ValueError(
                f"The release repository {str(out)!r} is on the branch {current!r}, not {branch!r}."
                f" Pass --branch {current}, or switch its branch first."
            )
        _git(out, "add", "--all")
        if _git(out, "status", "--porcelain").strip():
            _git(out, "commit", "--quiet", "-m", message)
    return pd.DataFrame(rows, columns=["path", "bytes", "sha256"])
