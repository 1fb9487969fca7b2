"""Benchmark `kit grade`: 100 submissions of the sourcing exercise at -j 1 and -j 2.

Run from the repository root::

    python benchmarks/bench_grading.py [--n 100] [--repeat 3]

It copies the all-right fixture submission (and a few kinds of wrong ones) to
N student files, grades them at -j 1 and -j 2 with the sandbox on, as in
production, and prints submissions per minute (the median of --repeat runs)
and the load average. ``--profile`` also prints where one worker's seconds
go: once per batch (the warm process: imports, the exercise's setup, the
article's tables) and per submission (fork a sandboxed child, run the cells,
stop it, run the tests in the grader), medians over a few submissions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from kit import grading  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "submissions" / "sourcing"
MIX = ["alice_all_right", "bob_partly_right", "grace_tampered_checks", "heidi_lying_eq", "mia_missing_cells"]


def run(n: int, jobs: int, repeat: int) -> list[float]:
    rates = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
            subs = Path(tmp) / "subs"
            subs.mkdir()
            for i in range(n):
                shutil.copy(FIXTURES / f"{MIX[i % len(MIX)]}.ipynb", subs / f"student{i:03d}.ipynb")
            start = time.perf_counter()
            rows = grading.grade(
                subs, "sourcing", Path(tmp) / "out", jobs=jobs, exercises_dir=ROOT / "exercises"
            )
            elapsed = time.perf_counter() - start
            assert len({r.student for r in rows}) == n
            bad = [r for r in rows if r.status in ("grader_error", "grader_crashed", "kernel_died")]
            assert not bad, bad[:3]
            rates.append(60 * n / elapsed)
    return rates


def profile(n: int = 8) -> None:
    """Where one worker's seconds go, once per batch and per submission."""
    import json
    import os

    from kit.grading import runner, submission
    from kit.grading.limits import _Limits

    bundle = json.loads((ROOT / "exercises" / "grader" / "sourcing.json").read_text())
    data = (FIXTURES / "alice_all_right.ipynb").read_bytes()
    spent: dict[str, float] = {}

    def timed(owner, name, label):
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0) + time.perf_counter() - start

        setattr(owner, name, wrapper)

    timed(runner._Warm, "ready", "wait for the warm process")
    timed(runner._Warm, "start", "fork a sandboxed child")
    timed(runner, "_run_cells", "run the cells")
    timed(runner._Warm, "stop", "stop the child")
    timed(submission, "_evaluate", "tests in the grader")
    rows = []
    try:
        for _ in range(n):
            spent.clear()
            start = time.perf_counter()
            submission.grade_submission("a", data, bundle, _Limits())
            spent["total"] = time.perf_counter() - start
            rows.append(dict(spent))
    finally:
        runner.close_warm()
    print(f"first submission of a worker (warm start included): {rows[0]['total']:.2f} s")
    for label in rows[1]:
        values = [r.get(label, 0.0) for r in rows[1:]]
        print(f"  per submission, {label}: {statistics.median(values):.3f} s")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also show where the seconds go")
    args = parser.parse_args()
    from kit.grading import sandbox

    plan = sandbox.plan()
    if plan["mode"] == "none":
        raise SystemExit(f"no sandbox here: {plan['reason']}")
    limits = sandbox.Cgroup(64)
    print(f"sandbox: bubblewrap, mode {plan['mode']}; cgroup limits: {', '.join(limits.limits) or 'none'}")
    limits.remove()
    import os

    if args.profile:
        profile()
    for jobs in (1, 2):
        rates = run(args.n, jobs, args.repeat)
        print(
            f"-j {jobs}: {statistics.median(rates):.1f} submissions per minute"
            f" (median of {len(rates)} run{'s' if len(rates) > 1 else ''} of {args.n};"
            f" runs: {', '.join(f'{r:.1f}' for r in rates)};"
            f" load average {os.getloadavg()[0]:.2f})",
            flush=True,
        )


if __name__ == "__main__":
    main()
