"""Messages shared by the runner and the scorer: short exception text, grader faults."""

from __future__ import annotations

import re

_HEX_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


MAX_ERROR_CHARS = 80
"""How much of an exception's message reaches the feedback: its first line, cut to this."""


def _short_evalue(evalue: str) -> str:
    """``": <first line, cut>"`` of an exception message, or ``""``.

    Feedback never carries more than a short first line of what a cell raised,
    so a cell cannot smuggle file contents out through an exception.

    >>> _short_evalue("x" * 100 + "\\nsecret")
    ': xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'
    """
    lines = _HEX_ADDRESS.sub("", str(evalue)).strip().splitlines()
    first = lines[0].strip() if lines else ""
    if not first:
        return ""
    return ": " + (first if len(first) <= MAX_ERROR_CHARS else first[:MAX_ERROR_CHARS] + "...")


_GRADER_ERROR = (
    "The grader failed on this submission, not the student ({}). Re-run `kit grade` for this"
    " student; if it fails again, see docs/instructors.md, 'When the grader fails'."
)
