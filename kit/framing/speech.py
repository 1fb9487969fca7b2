"""Whose words a span is: the narration's, or a quoted speaker's.

The ``voice`` of a label (and of a description in :func:`kit.headline_vs_body`)
comes from two tables: ``quote_marks`` says where the quotation marks stand,
``quotes`` which statements are attributed and to whom. Words inside the marks
of an attributed statement are the speaker's (``voice:quoted``); everything
else, paraphrases of a speaker included, is the outlet's own narration.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import pandas as pd

__all__ = ["NARRATION", "Speech", "speech", "voice_at"]

NARRATION = "narration"
"""The ``voice`` of the outlet's own words."""


@dataclass(frozen=True)
class Speech:
    """Where attributed quotations stand, and whose they are."""

    spans: list[tuple[int, int, str]]  # (start_char, end_char, voice) of each mark span inside a quote
    quoted: list[tuple[int, int]]  # whole statements with attribution (for scare quotes)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spans", sorted(self.spans))
        object.__setattr__(self, "quoted", sorted(self.quoted))
        object.__setattr__(self, "_span_starts", [a for a, _, _ in self.spans])
        object.__setattr__(self, "_quoted_starts", [a for a, _ in self.quoted])

    def voice_of(self, start: int, end: int) -> str | None:
        """The speaker whose quotation marks hold ``[start, end)``, or None."""
        k = containing(self._span_starts, self.spans, start, end)
        return None if k is None else self.spans[k][2]

    def in_statement(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside an attributed statement."""
        return containing(self._quoted_starts, self.quoted, start, end) is not None


def containing(starts: list[int], spans: list[tuple], start: int, end: int) -> int | None:
    """Index of a span holding ``[start, end)``, looking back a few spans (they rarely nest)."""
    k = bisect.bisect_right(starts, start) - 1
    for i in range(k, max(k - 4, -1), -1):
        if spans[i][0] <= start and end <= spans[i][1]:
            return i
    return None


def speech(quote_marks: pd.DataFrame, quotes: pd.DataFrame) -> Speech:
    """Each quotation-mark span inside an attributed statement, with its speaker."""
    statements = sorted(
        (int(a), int(b), _speaker_voice(name, written))
        for a, b, name, written in zip(
            quotes["start_char"], quotes["end_char"], quotes["speaker_name"], quotes["speaker"]
        )
    )
    starts = [a for a, _, _ in statements]
    spans = []
    for a, b, ca, cb in zip(
        quote_marks["start_char"],
        quote_marks["end_char"],
        quote_marks["content_start"],
        quote_marks["content_end"],
    ):
        k = containing(starts, statements, int(a), int(b))
        if k is not None:
            spans.append((int(ca), int(cb), statements[k][2]))
    return Speech(spans, [(a, b) for a, b, _ in statements])


def _speaker_voice(name, written) -> str:
    for value in (name, written):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return "unnamed speaker"


def voice_at(found: Speech, start: int, end: int) -> tuple[str, str]:
    """The voice of ``[start, end)`` and how it was found: ``narration`` or ``quoted``."""
    voice = found.voice_of(start, end)
    return (NARRATION, "narration") if voice is None else (voice, "quoted")
