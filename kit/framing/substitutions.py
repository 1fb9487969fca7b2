"""What a learner asked :func:`kit.reframe` to swap: a plan of (label_id, replacement) pairs.

Substitutions come as a dict keyed by a label as written, a ``label_id`` or an
actor, or as a DataFrame: another outlet's rows of :func:`kit.outlet_labels`
(``actor`` and ``label``), or ``label``/``label_id`` and ``replacement``
columns. :func:`plan` turns any of them into one triple per label to replace,
with a learner-friendly error for anything the article does not have.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from kit.errors import UnknownLabelError, did_you_mean, format_options
from kit.framing.speech import NARRATION
from kit.framing.terms import words

__all__ = ["plan"]

_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _clean_outlet_label(label: str) -> str:
    """Drop a trailing note in parentheses: "'Retaliatory' strikes (in scare quotes)"."""
    cleaned = _NOTE.sub("", label)
    return cleaned or label


def _index(table: pd.DataFrame) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Label ids by label (match form) and, for the narration, by actor."""
    by_text: dict[str, list[int]] = {}
    by_actor: dict[str, list[int]] = {}
    for r in table.itertuples():
        by_text.setdefault(" ".join(words(r.label)), []).append(r.label_id)
        if r.voice == NARRATION:
            by_actor.setdefault(r.actor, []).append(r.label_id)
    return by_text, by_actor


def _from_outlet(substitutions: pd.DataFrame, by_actor: dict[str, list[int]]) -> list[tuple[int, str, bool]]:
    """One outlet's first label for each actor, in place of the narration's labels for it."""
    chosen: dict[str, str] = {}
    for actor, label in zip(substitutions["actor"], substitutions["label"]):
        chosen.setdefault(str(actor), _clean_outlet_label(str(label)))
    hits = [a for a in chosen if a in by_actor]
    if not hits:
        raise UnknownLabelError(
            f"None of the actors in the substitutions table ({format_options(chosen)}) is"
            f" labelled in the article's narration. The article's actors are"
            f" {format_options(by_actor)}. Pick rows of kit.outlet_labels() for one of them."
        )
    return [(lid, chosen[actor], False) for actor in hits for lid in by_actor[actor]]


def _as_mapping(substitutions) -> Mapping:
    """A ``label``/``label_id`` and ``replacement`` table as a dict; a dict as it is."""
    if isinstance(substitutions, pd.DataFrame):
        cols = set(substitutions.columns)
        key_col = "label_id" if "label_id" in cols else "label" if "label" in cols else None
        if key_col is None or "replacement" not in cols:
            raise ValueError(
                "A substitutions table needs columns 'actor' and 'label' (as kit.outlet_labels()"
                " has) or a 'label' (or 'label_id') column and a 'replacement' column; it has"
                f" {format_options(map(str, cols))}."
            )
        return dict(zip(substitutions[key_col], substitutions["replacement"]))
    if not isinstance(substitutions, Mapping):
        raise TypeError(
            f"substitutions must be a dict or a DataFrame, but got {type(substitutions).__name__}."
            ' For example: kit.reframe(article, {"Israeli regime": "Israeli government"})'
        )
    return substitutions


def _check_key(key, new) -> None:
    if not isinstance(new, str):
        raise TypeError(f"The replacement for {key!r} must be a string, but got {new!r}.")
    if isinstance(key, bool) or (not isinstance(key, (int, str)) and not hasattr(key, "__index__")):
        raise TypeError(f"Substitution keys are labels (strings) or label ids (integers), not {key!r}.")


def plan(table: pd.DataFrame, substitutions) -> list[tuple[int, str, bool]]:
    """Turn substitutions into (label_id, replacement, explicit) triples.

    ``explicit`` is False for a label reached through its actor, which may
    give way to an overlapping label; a label named itself may not.
    """
    by_text, by_actor = _index(table)
    if isinstance(substitutions, pd.DataFrame):
        cols = set(substitutions.columns)
        if {"actor", "label"} <= cols and "replacement" not in cols:
            return _from_outlet(substitutions, by_actor)
    out: list[tuple[int, str, bool]] = []
    ids = set(table["label_id"].tolist())
    for key, new in _as_mapping(substitutions).items():
        _check_key(key, new)
        if not isinstance(key, str):
            lid = int(key)
            if lid not in ids:
                raise UnknownLabelError(
                    f"There is no label with label_id {lid}. The label ids run from 0 to"
                    f" {len(ids) - 1}; see article.labels."
                )
            out.append((lid, new, True))
            continue
        found = " ".join(words(key))
        if found in by_text:
            out.extend((lid, new, True) for lid in by_text[found])
        elif key in by_actor:
            out.extend((lid, new, False) for lid in by_actor[key])
        else:
            # shown as a learner would type them (a non-breaking space as a space)
            written = [" ".join(label.split()) for label in table["label"]]
            options = list(dict.fromkeys([*written, *by_actor]))
            raise UnknownLabelError(
                f"The article has no label {key!r}.{did_you_mean(key, options)}"
                f" Its labels are {format_options(written, limit=6)};"
                " see article.labels. Use a label as written, its label_id, or an actor."
            )
    return out
