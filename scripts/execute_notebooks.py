#!/usr/bin/env python3
"""Execute the lesson notebooks in place, deterministically, and report their times.

    python scripts/execute_notebooks.py                 # every notebooks/[0-9]*.ipynb
    python scripts/execute_notebooks.py notebooks/01_start_here.ipynb

Each notebook runs top to bottom in a fresh kernel started in ``notebooks/``,
with the repository on ``PYTHONPATH`` (so ``import kit`` works before the kit
is installed) and ``PYTHONHASHSEED=0``. Widget state is not stored (the
offline chart widgets carry the whole Vega library, which does not belong in
git); execution counts and outputs are, so nbval can check them. Volatile
metadata (timings) is removed, so re-running changes nothing in git when the
outputs are the same. A notebook slower than the budget (20 s) is reported.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUDGET_S = 20.0


def _clean(nb: nbformat.NotebookNode) -> None:
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def execute(path: Path, *, timeout: int = 120) -> float:
    nb = nbformat.read(path, as_version=4)
    env_backup = dict(os.environ)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    os.environ["PYTHONHASHSEED"] = "0"
    try:
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            store_widget_state=False,
            record_timing=False,
            allow_errors=False,
        )
        start = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - start
    finally:
        os.environ.clear()
        os.environ.update(env_backup)
    _clean(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
    slow = []
    for path in paths:
        elapsed = execute(path.resolve())
        print(f"{path.name}: {elapsed:.1f} s")
        if elapsed > BUDGET_S:
            slow.append(path.name)
    if slow:
        print(f"Slower than {BUDGET_S:.0f} s: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
