"""The ``labels`` table: one row per label, with its actor, device and voice.

:func:`build_labels` is the builder ``article.labels`` calls, with its declared
inputs (:data:`kit.schemas.INPUTS`); :func:`labels` is the learner's entry
point, for adding terms of their own. The rules are taught in :mod:`kit.framing`.
"""

from __future__ import annotations

import pandas as pd

from kit.document import Doc
from kit.framing.actors import actor_for, actor_rows
from kit.framing.growth import find_scare_quotes, find_term_spans
from kit.framing.speech import speech, voice_at
from kit.framing.terms import DEVICES, TARGET_KINDS, shipped_terms, terms_from
from kit.schemas import Column, frame, register

__all__ = ["build_labels", "labels"]

_COLUMNS = [
    Column("label_id", "int64", "the label's position in the article, from 0"),
    Column("sentence_id", "int64", "the sentence it stands in (joins with article.sentences)"),
    Column("start_char", "int64", "where the label starts in article.text (inclusive)"),
    Column("end_char", "int64", "where it ends (exclusive): text[start_char:end_char] is the label"),
    Column("label", "string", "the label, exactly as written"),
    Column("actor", "string", "who or what it labels, in plain words (joins with kit.outlet_labels())"),
    Column("target_kind", "category", "what it labels: an actor, an action or a place", TARGET_KINDS),
    Column("device", "category", "the framing device (SemEval-2020 Task 11 names where one fits)", DEVICES),
    Column("voice", "string", "'narration' (the outlet's own words) or the quoted speaker's name"),
    Column("part", "category", "headline, caption or body", ("headline", "caption", "body"), True),
    Column("rule", "string", "'<span rule>; actor:<how>; voice:<how>' (see kit.framing)"),
    Column("source", "string", "where the lexicon entry that found the label comes from"),
]
register("labels", _COLUMNS)


def build_labels(
    doc: Doc, quote_marks: pd.DataFrame, quotes: pd.DataFrame, *, extra_terms=None
) -> pd.DataFrame:
    """Return the ``labels`` table: one row per label the article gives an actor or an action.

    ``article.labels`` calls this with the article's ``quote_marks`` and
    ``quotes``. See :mod:`kit.framing` for the rules, and :func:`labels` to
    add terms of your own.

    Examples
    --------
    >>> import kit
    >>> t = kit.load_article().labels
    >>> len(t), int((t["device"] == "Name_Calling,Labeling").sum())
    (16, 9)
    >>> t.loc[t["voice"] != "narration", "label"].tolist()
    ['necessary and proportionate strikes', 'precision strikes']
    """
    extra = terms_from(extra_terms)
    text = doc.text
    voices = speech(quote_marks, quotes)
    found = find_term_spans(doc, shipped_terms() + extra) + find_scare_quotes(doc, quote_marks, voices)
    found.sort(key=lambda r: (r["start_char"], -r["end_char"]))
    rows = actor_rows(doc)
    cols: dict[str, list] = {c.name: [] for c in _COLUMNS}
    for r in found:
        label = text[r["start_char"] : r["end_char"]]
        actor, kind, actor_rule = actor_for(label, r["head"], rows)
        voice, voice_rule = voice_at(voices, r["start_char"], r["end_char"])
        cols["sentence_id"].append(r["sentence_id"])
        cols["start_char"].append(r["start_char"])
        cols["end_char"].append(r["end_char"])
        cols["label"].append(label)
        cols["actor"].append(actor)
        cols["target_kind"].append(kind or r["target_kind"])
        cols["device"].append(r["device"])
        cols["voice"].append(voice)
        cols["part"].append(r["part"])
        cols["rule"].append(f"{r['span_rule']}; actor:{actor_rule}; voice:{voice_rule}")
        cols["source"].append(r["source"])
    cols["label_id"] = list(range(len(found)))
    return frame("labels", cols)


def labels(article, *, extra_terms=None) -> pd.DataFrame:
    """Return the ``labels`` table, optionally with more framing terms.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    extra_terms
        More terms for the lexicon: a DataFrame or a list of dicts with
        ``term`` and ``device`` (one of :data:`~kit.framing.DEVICES`), and
        optionally ``kind`` (``modifier``, ``noun`` or ``either``, the
        default), ``target_kind`` and ``source``. This is the kit's model of
        learner entries (see :mod:`kit.lexicons`).

    Returns
    -------
    pandas.DataFrame
        The columns of ``kit.describe("labels")``.

    Examples
    --------
    >>> import kit
    >>> from kit.framing import labels
    >>> article = kit.load_article()
    >>> extra = [{"term": "semi-autonomous", "device": "Evaluative_Adjective", "kind": "modifier"}]
    >>> t = labels(article, extra_terms=extra)
    >>> t.loc[t["device"] == "Evaluative_Adjective", "label"].tolist()[:3]
    ['retaliatory strikes', 'semi-autonomous Kurdistan region', 'necessary and proportionate strikes']
    """
    if extra_terms is None:
        return article.labels
    return build_labels(article.doc, article.quote_marks, article.quotes, extra_terms=extra_terms)
