"""Framing terms and head nouns: the lexicons a label grows from, and a learner's own terms.

``kit/data/framing_terms.csv`` lists the framing terms, each with its device
(:data:`DEVICES`), its kind (:data:`KINDS`: how it attaches) and, for a term
that names something on its own, its target kind. ``kit/data/framing_heads.csv``
lists the head nouns a term grows to (with the target kind they name) and the
fillers it may grow over. Both are read with :func:`kit.lexicons.read_table`
and matched word by word on :func:`kit.lexicons.match_form`.

A learner's extra terms (:func:`terms_from`) are the kit's model of learner
entries (see :mod:`kit.lexicons`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kit.errors import did_you_mean, format_options
from kit.lexicons import learner_entries, match_form, read_table

__all__ = [
    "DEVICES",
    "KINDS",
    "LEARNER_SOURCE",
    "TARGET_KINDS",
    "Term",
    "heads",
    "shipped_terms",
    "terms_from",
]

DEVICES = (
    "Name_Calling,Labeling",
    "Loaded_Language",
    "Evaluative_Adjective",
    "Euphemism",
    "Scare_Quotes",
)
"""Every value of the ``device`` column (the first two are SemEval-2020 Task 11 names)."""

TARGET_KINDS = ("actor", "action", "place")
"""Every value of the ``target_kind`` column."""

KINDS = ("modifier", "noun", "either")
"""How a term attaches: needs a head noun, stands alone, or either."""

LEARNER_SOURCE = "added by the learner (extra_terms)"
"""The ``source`` of a label found through a learner's term that names no source."""


def words(phrase: str) -> tuple[str, ...]:
    """The match-form words of a phrase: ``"Gaza’s  Strip"`` is ``("gaza's", "strip")``."""
    return tuple(match_form(phrase).split())


@dataclass(frozen=True)
class Term:
    """One framing term: its words (match form), device, kind, target kind and source."""

    words: tuple[str, ...]
    device: str
    kind: str
    target_kind: str | None
    source: str


@cache
def shipped_terms() -> tuple[Term, ...]:
    """The terms of ``kit/data/framing_terms.csv``, in file order."""
    return tuple(
        Term(words(r["term"]), r["device"], r["kind"], r["target_kind"] or None, r["source"])
        for r in read_table("framing_terms.csv")
    )


@cache
def heads() -> tuple[dict[str, str | None], frozenset[str]]:
    """Head noun to the target kind it names, and the fillers (``kit/data/framing_heads.csv``)."""
    found: dict[str, str | None] = {}
    fillers = set()
    for r in read_table("framing_heads.csv"):
        if r["role"] == "head":
            found[match_form(r["word"])] = r["target_kind"] or None
        else:
            fillers.add(match_form(r["word"]))
    return found, frozenset(fillers)


_EXAMPLE = '{"term": "heroic", "device": "Loaded_Language"}'


def terms_from(extra_terms) -> tuple[Term, ...]:
    """Check a learner's extra terms and turn them into :class:`Term` (``None`` gives none).

    Each entry has the columns of ``framing_terms.csv``: ``term`` and
    ``device`` (required), ``kind`` (default ``either``), ``target_kind`` and
    ``source`` (default :data:`LEARNER_SOURCE`).

    Examples
    --------
    >>> terms_from([{"term": "Heroic", "device": "Loaded_Language"}])[0].words
    ('heroic',)
    >>> terms_from([{"term": "heroic", "device": "Loaded_language"}])
    Traceback (most recent call last):
    ...
    ValueError: extra_terms row 0 has device 'Loaded_language', which is not a device the kit knows. Did you mean 'Loaded_Language'? The devices are 'Euphemism', 'Evaluative_Adjective', 'Loaded_Language', 'Name_Calling,Labeling', 'Scare_Quotes'.
    """
    records = learner_entries(
        extra_terms, argument="extra_terms", required=("term", "device"), example=_EXAMPLE
    )
    return tuple(_term(i, rec) for i, rec in enumerate(records))


def _term(i: int, rec) -> Term:
    device = rec.get("device")
    if device not in DEVICES:
        raise ValueError(
            f"extra_terms row {i} has device {device!r}, which is not a device the kit knows."
            f"{did_you_mean(str(device), DEVICES)} The devices are {format_options(DEVICES)}."
        )
    kind = rec.get("kind") or "either"
    if kind not in KINDS:
        raise ValueError(
            f"extra_terms row {i} has kind {kind!r}.{did_you_mean(str(kind), KINDS)}"
            f" The kinds are {format_options(KINDS)}."
        )
    target_kind = rec.get("target_kind")
    if target_kind is not None and not (isinstance(target_kind, str) and target_kind):
        target_kind = None
    if target_kind is not None and target_kind not in TARGET_KINDS:
        raise ValueError(
            f"extra_terms row {i} has target_kind {target_kind!r}."
            f"{did_you_mean(str(target_kind), TARGET_KINDS)} The target kinds are"
            f" {format_options(TARGET_KINDS)}."
        )
    source = rec.get("source")
    return Term(
        words(str(rec["term"])),
        device,
        kind,
        target_kind,
        source if isinstance(source, str) and source else LEARNER_SOURCE,
    )
