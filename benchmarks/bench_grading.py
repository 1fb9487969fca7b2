"""Benchmark `kit grade`: 100 submissions of the sourcing exercise at -j 1 and -j 2.

Run from the repository root::

    python benchmarks/bench_grading.py [--n 100] [--repeat 3]

It copies the all-right fixture submission (and a few kinds of wrong ones) to
N student files, grades them at -j 1 and -j 2 with the sandbox on, as in
production, and prints submissions per minute (the median of --repeat runs).
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from kit.grading import sandbox

    plan = sandbox.plan()
    if plan["mode"] == "none":
        raise SystemExit(f"no sandbox here: {plan['reason']}")
    limits = sandbox.Cgroup(64)
    print(f"sandbox: bubblewrap, mode {plan['mode']}; cgroup limits: {', '.join(limits.limits) or 'none'}")
    limits.remove()
    for jobs in (1, 2):
        rates = run(args.n, jobs, args.repeat)
        print(
            f"-j {jobs}: {statistics.median(rates):.1f} submissions per minute"
            f" (median of {len(rates)} run{'s' if len(rates) > 1 else ''} of {args.n};"
            f" runs: {', '.join(f'{r:.1f}' for r in rates)})",
            flush=True,
        )


if __name__ == "__main__":
    main()
