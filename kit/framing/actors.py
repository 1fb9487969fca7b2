"""Who or what a label names: the actor lexicon, an article's own annotation, other outlets.

The rows of ``kit/data/framing_actors.csv`` (and of an article's hand-checked
``<name>.actors.csv`` beside its file, which come first) each give a phrase,
the actor it names, its target kind, and how it matches: ``label`` (the whole
label), ``within`` (a phrase inside the label) or ``mention`` (a plain
description, listed by :func:`kit.headline_vs_body`). :func:`actor_for` tries
them in that order, then another outlet's identical label, then the head noun.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kit.document import Doc
from kit.framing.outlets import outlet_rows
from kit.framing.terms import words
from kit.lexicons import read_table

__all__ = ["actor_for", "actor_rows"]

_ANNOTATION_COLUMNS = {"phrase", "actor", "target_kind", "match"}


def _with_words(records, origin: str) -> tuple[dict[str, str], ...]:
    rows = []
    for r in records:
        r = dict(r)
        r["words"] = " ".join(words(r["phrase"]))
        r["origin"] = origin
        rows.append(r)
    return tuple(rows)


@cache
def _shipped_rows() -> tuple[dict[str, str], ...]:
    return _with_words(read_table("framing_actors.csv"), "lexicon")


@cache
def _annotation_rows(path: Path) -> tuple[dict[str, str], ...]:
    """Rows of an article's hand-written actor annotation (``<name>.actors.csv``)."""
    records = read_table(path)
    missing = _ANNOTATION_COLUMNS - set(records[0] if records else {})
    if records and missing:
        raise ValueError(
            f"The actor annotation {path.name!r} lacks the column(s) {sorted(missing)}."
            " Its header must be: phrase,actor,target_kind,match,source"
        )
    return _with_words(records, "annotation")


def actor_rows(doc: Doc) -> tuple[dict[str, str], ...]:
    """The article's own actor annotation first (if it has one), then the lexicon."""
    annotation = Path(doc.path).with_suffix(".actors.csv") if doc.path else None
    own = _annotation_rows(annotation) if annotation is not None and annotation.is_file() else ()
    return own + _shipped_rows()


@cache
def _outlet_actor_map() -> dict[str, str]:
    return {" ".join(words(r["label"])): r["actor"] for r in outlet_rows()}


def actor_for(label: str, head: str, rows) -> tuple[str, str | None, str]:
    """Return (actor, target_kind or None, rule) for a label."""
    found = " ".join(words(label))
    for row in rows:
        if row["match"] == "label" and row["words"] == found:
            return row["actor"], row["target_kind"] or None, _how(row, "label")
    padded = f" {found} "
    for row in rows:
        if row["match"] == "within" and f" {row['words']} " in padded:
            return row["actor"], row["target_kind"] or None, _how(row, "within")
    outlets = _outlet_actor_map()
    if found in outlets:
        return outlets[found], None, "outlet"
    return head, None, "head"


def _how(row: dict[str, str], match: str) -> str:
    return "annotation" if row["origin"] == "annotation" else match
