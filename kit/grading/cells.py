"""Cell tags and roles: which question a cell belongs to, and what it does."""

from __future__ import annotations

import re

ROLES = ("prompt", "answer", "public-tests", "hidden-tests", "check")
"""The cell tags that give a question's cell its role."""

QUESTION_TAG = re.compile(r"^q\d+[a-z]?$")
"""A question id tag: ``q``, digits, an optional letter (``q1``, ``q3b``)."""


class ExerciseError(ValueError):
    """A source notebook breaks the exercise format; the message says where and how to fix it."""


def _tags(cell: dict) -> list[str]:
    metadata = cell.get("metadata")
    tags = metadata.get("tags", []) if isinstance(metadata, dict) else []
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def _role(cell: dict) -> tuple[str | None, str | None]:
    """Return (question id, role) of a cell from its tags, or (None, None)."""
    tags = _tags(cell)
    qids = [t for t in tags if QUESTION_TAG.match(t)]
    roles = [t for t in tags if t in ROLES]
    return (qids[0] if qids else None, roles[0] if roles else None)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    # A hand-edited submission may hold other things than text: read them as text.
    return "".join(s if isinstance(s, str) else str(s) for s in src) if isinstance(src, list) else str(src)
