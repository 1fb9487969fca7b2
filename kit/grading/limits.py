"""The limits each submission's kernel runs under."""

from __future__ import annotations

import dataclasses

DEFAULT_CELL_TIMEOUT = 30
"""Seconds one cell may run when grading."""


DEFAULT_MEMORY_MB = 2048
"""Address-space limit of the grading kernel, in MiB (``RLIMIT_AS``)."""


DEFAULT_MAX_OUTPUT_BYTES = 1_000_000
"""How many bytes of output one cell may print when grading."""


@dataclasses.dataclass
class _Limits:
    cell_timeout: float = DEFAULT_CELL_TIMEOUT
    wall_time: float | None = None
    memory_mb: int = DEFAULT_MEMORY_MB
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES
    sandbox: str = "on"  # "on" or "off"
