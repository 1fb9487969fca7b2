"""The ``kit`` command line: build the exercises and grade submissions.

``python -m kit build-exercises`` (or ``kit build-exercises`` once installed)
makes the student copies, the executed solutions and the grader bundles from
``exercises/source/``. ``python -m kit grade SUBMISSIONS --exercise NAME --out
DIR [-j N]`` grades a folder of notebooks. See ``docs/instructors.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kit",
        description="The news-reading kit's instructor commands (see docs/instructors.md).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser(
        "build-exercises",
        help="make exercises/student, exercises/solution and exercises/grader from exercises/source",
    )
    build.add_argument("names", nargs="*", metavar="NAME", help="only these exercises (default: all)")
    build.add_argument("--source", default="exercises/source", help="folder of source notebooks")
    build.add_argument("--out", default="exercises", help="folder to write student/, solution/, grader/ into")
    build.add_argument(
        "--no-execute", action="store_true", help="write the solution notebooks without running them"
    )
    build.add_argument(
        "--update-keys",
        action="store_true",
        help="first recompute each question's answer key from its solution (after the tables change)",
    )

    grade = sub.add_parser("grade", help="grade a folder of submitted notebooks")
    grade.add_argument(
        "submissions", nargs="+", metavar="SUBMISSIONS", help="a folder of <student>.ipynb, or files"
    )
    grade.add_argument(
        "--exercise", required=True, help="the exercise's name, or the path of its grader bundle"
    )
    grade.add_argument(
        "--out", required=True, help="folder for gradebook.csv, summary.csv, lms.csv, feedback/"
    )
    grade.add_argument("-j", "--jobs", type=int, default=1, help="submissions graded at once (default 1)")
    grade.add_argument(
        "--exercises-dir",
        default=None,
        help="the folder holding grader/<name>.json (default: ./exercises, else the kit checkout's)",
    )
    grade.add_argument("--timeout", type=float, default=None, help="seconds per cell (default 30)")
    grade.add_argument(
        "--wall-time", type=float, default=None, help="seconds per submission (default: from --timeout)"
    )
    grade.add_argument(
        "--memory-mb", type=int, default=None, help="kernel memory limit in MiB (default 2048)"
    )
    grade.add_argument(
        "--max-output-mb", type=float, default=None, help="output limit per cell in MB (default 1)"
    )
    grade.add_argument(
        "--sandbox",
        choices=("on", "off"),
        default="on",
        help="run each kernel in the bubblewrap sandbox (default on; off only where none can run)",
    )
    grade.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    _add_classroom_commands(sub)
    return parser


def _add_classroom_commands(sub) -> None:
    collect = sub.add_parser(
        "collect", help="gather one exercise's notebooks into <out>/<student>.ipynb, with manifest.csv"
    )
    collect.add_argument(
        "source",
        metavar="SOURCE",
        help="a hub pattern with {user} (quote it), an LMS download (zip or folder), or a folder",
    )
    collect.add_argument("--out", required=True, help="a new folder for the notebooks and manifest.csv")
    collect.add_argument(
        "--kind",
        choices=("auto", "hub", "canvas", "moodle", "plain"),
        default="auto",
        help="how student ids are named in SOURCE (default auto)",
    )
    collect.add_argument("--roster", help="the students expected: a CSV with student_id, or one id per line")
    collect.add_argument("--users", help="the students expected, comma-separated (instead of --roster)")
    collect.add_argument(
        "--deadline", help="mark work modified after it late, e.g. 2026-03-01T17:00 (local time) or ...+01:00"
    )
    release = sub.add_parser("release", help="write what students may see into a folder or git repository")
    release.add_argument("out", metavar="OUT", help="a new folder, or an earlier release to replace")
    release.add_argument("names", nargs="*", metavar="NAME", help="only these exercises (default: all)")
    release.add_argument("--exercises-dir", default="exercises", help="where student/ and grader/ are")
    release.add_argument("--lessons", action="store_true", help="also release the lesson notebooks")
    release.add_argument("--notebooks-dir", default="notebooks", help="where the lessons are")
    release.add_argument("--no-articles", action="store_true", help="leave out the bundled articles")
    release.add_argument("--include", action="append", default=[], help="an extra file to release")
    release.add_argument("--git", action="store_true", help="make OUT a git repository and commit")
    release.add_argument("--branch", default="main", help="the branch to commit on (default main)")
    release.add_argument("-m", "--message", default="Release the exercises", help="the commit message")


def _classroom(args) -> int:
    from kit import classroom

    if args.command == "collect":
        roster = args.roster
        if args.users is not None:
            roster = [u for u in args.users.split(",") if u.strip()]
        manifest = classroom.collect(
            args.source, args.out, kind=args.kind, roster=roster, deadline=args.deadline
        )
        counts = manifest["status"].value_counts()
        found = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        print(
            f"Collected {int(manifest['collected'].sum())} notebooks into {args.out} ({found});"
            f" see {args.out}/manifest.csv"
        )
        return 0
    files = classroom.release(
        args.out,
        names=args.names or None,
        exercises_dir=args.exercises_dir,
        lessons=args.lessons,
        notebooks_dir=args.notebooks_dir,
        articles=not args.no_articles,
        include=args.include,
        git=args.git,
        branch=args.branch,
        message=args.message,
    )
    for path in files["path"]:
        print(f"{args.out}/{path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kit`` command; return its exit status.

    Examples
    --------
    >>> main(["--help"])  # doctest: +ELLIPSIS
    usage: kit [-h] COMMAND ...
    ...
    0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command in ("collect", "release"):
        try:
            return _classroom(args)
        except (OSError, ValueError, RuntimeError) as exc:
            print(f"kit {args.command}: {exc}", file=sys.stderr)
            return 1
    from kit import grading

    try:
        if args.command == "build-exercises":
            if args.update_keys:
                grading.update_keys(args.source, names=args.names or None)
            written = grading.build_exercises(
                args.source, args.out, names=args.names or None, execute=not args.no_execute
            )
            for path in written:
                print(path)
            return 0
        if args.jobs < 1:
            raise ValueError(f"-j {args.jobs} is not a number of workers; use -j 1 or more.")
        options = {}
        if args.timeout is not None:
            options["cell_timeout"] = args.timeout
        if args.wall_time is not None:
            options["wall_time"] = args.wall_time
        if args.memory_mb is not None:
            options["memory_mb"] = args.memory_mb
        if args.max_output_mb is not None:
            options["max_output_bytes"] = int(args.max_output_mb * 1_000_000)
        rows = grading.grade(
            args.submissions,
            args.exercise,
            args.out,
            jobs=args.jobs,
            exercises_dir=args.exercises_dir,
            sandbox=args.sandbox,
            progress=None if args.quiet else sys.stderr,
            **options,
        )
        students = len({r.student for r in rows})
        print(
            f"Graded {students} submissions; wrote {args.out}/gradebook.csv, summary.csv, lms.csv, feedback/"
        )
        failed = sorted({r.student for r in rows if r.status in ("grader_error", "grader_crashed")})
        if failed:
            print(
                f"kit grade: the grader itself failed on {len(failed)} submission(s) ({', '.join(failed)});"
                " their rows say grader_error or grader_crashed. Re-run kit grade for them"
                " (see docs/instructors.md).",
                file=sys.stderr,
            )
        return 0
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"kit {args.command}: {exc}", file=sys.stderr)
        return 1
