"""The sandboxed runner's entry point: ``python -m kit.grading _run JOB``."""

from __future__ import annotations

import sys

from kit.grading.runner import _runner_main

if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "_run":
        sys.exit(_runner_main(sys.argv[2:]))
    print("This module is run by `python -m kit grade`; see docs/instructors.md.", file=sys.stderr)
    sys.exit(2)
