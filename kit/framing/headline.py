"""Headline against body: how the headline names actors, and how the body and its speakers do.

A headline usually packs a frame into a few words; the body and the officials
it quotes may name the same actor quite differently. :func:`headline_vs_body`
lines up the labels (from ``article.labels``) and the plain descriptions (the
``mention`` entries of the actor lexicon, :mod:`kit.framing.actors`) by actor,
part of the page and voice.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import pandas as pd

from kit.document import Doc
from kit.errors import did_you_mean, format_options
from kit.framing.actors import actor_rows
from kit.framing.speech import NARRATION, Speech, speech, voice_at
from kit.lexicons import match_text
from kit.schemas import Column, frame, register

__all__ = ["headline_vs_body"]

PARTS = ("headline", "caption", "body")

register(
    "headline_vs_body",
    [
        Column("actor", "string", "who or what is named (joins with article.labels)"),
        Column("part", "category", "headline, caption or body", PARTS, True),
        Column("voice", "string", "'narration' (the outlet's own words) or the quoted speaker's name"),
        Column("names", "string", "the labels and plain descriptions, in text order, joined by ' | '"),
        Column("n_labels", "int64", "how many of the names are labels (rows of article.labels)"),
        Column(
            "n_descriptions", "int64", "how many are plain descriptions (framing_actors.csv, match 'mention')"
        ),
    ],
)


def _mentions(doc: Doc, voices: Speech) -> list[dict]:
    """Plain descriptions of actors (``match = mention`` in framing_actors.csv)."""
    text = doc.text
    haystack = match_text(text)
    rows = doc.sentences
    found = []
    for row in actor_rows(doc):
        if row["match"] != "mention":
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in row["words"].split()) + r"(?!\w)")
        for m in pattern.finditer(haystack):
            k = bisect.bisect_right(rows["start_char"], m.start()) - 1
            if k < 0 or m.end() > rows["end_char"][k]:
                continue
            voice, _ = voice_at(voices, m.start(), m.end())
            found.append(
                {
                    "actor": row["actor"],
                    "part": rows["part"][k],
                    "voice": voice,
                    "start_char": m.start(),
                    "end_char": m.end(),
                    "text": text[m.start() : m.end()],
                    "kind": "description",
                }
            )
    return found


def _items(article) -> list[dict]:
    """Every label and every description that no label or description of its actor holds."""
    items = [
        {
            "actor": r.actor,
            "part": r.part,
            "voice": r.voice,
            "start_char": int(r.start_char),
            "end_char": int(r.end_char),
            "text": r.label,
            "kind": "label",
        }
        for r in article.labels.itertuples()
    ]
    for m in _mentions(article.doc, speech(article.quote_marks, article.quotes)):
        # a description that overlaps a label or description of the same actor adds nothing
        if not any(
            it["actor"] == m["actor"]
            and it["start_char"] < m["end_char"]
            and m["start_char"] < it["end_char"]
            for it in items
        ):
            items.append(m)
    return items


def _wanted(items: list[dict], actors) -> list[str]:
    if actors is None:
        return list(
            dict.fromkeys(it["actor"] for it in items if it["part"] == "headline" and it["kind"] == "label")
        )
    if isinstance(actors, str):
        actors = [actors]
    wanted = list(dict.fromkeys(actors))
    known = {it["actor"] for it in items}
    for a in wanted:
        if a not in known:
            raise ValueError(
                f"The article names no actor {a!r}.{did_you_mean(a, known)} The actors are {format_options(known)}."
            )
    return wanted


def headline_vs_body(article, *, actors: Iterable[str] | None = None) -> pd.DataFrame:
    """Compare how the headline names actors with how the body and its speakers name them.

    One row per (actor, part, voice): the headline's labels for an actor, the
    body narration's labels and plain descriptions of it, and each quoted
    speaker's. Labels come from :attr:`Article.labels`; plain descriptions
    (``three facilities used by ...``) from the ``mention`` entries of
    ``kit/data/framing_actors.csv``.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    actors
        The actors to compare; by default those the headline labels (none,
        and so an empty table, when the article has no headline or its
        headline has no label).

    Returns
    -------
    pandas.DataFrame
        The columns of ``kit.describe("headline_vs_body")``: ``actor``,
        ``part`` (category), ``voice``, ``names`` (the labels and
        descriptions, in text order, joined by ``" | "``), ``n_labels`` and
        ``n_descriptions``. Rows are ordered by actor (in the headline's
        order), part, then narration before speakers.

    Examples
    --------
    >>> import kit
    >>> hb = kit.headline_vs_body(kit.load_article())
    >>> hb.loc[0, ["actor", "part", "voice", "names"]].tolist()
    ['Sites struck', 'headline', 'narration', 'Iraqi resistance sites']
    >>> print(hb.loc[1, "names"])
    three sites used by anti-terror resistance forces | a military facility in Hillah city | multiple facilities used by the group
    """
    items = sorted(_items(article), key=lambda x: x["start_char"])
    wanted = _wanted(items, actors)
    speakers = list(dict.fromkeys(it["voice"] for it in items))
    groups: dict[tuple, list[dict]] = {}
    for it in items:
        if it["actor"] in wanted:
            groups.setdefault((it["actor"], it["part"], it["voice"]), []).append(it)
    keys = sorted(
        groups,
        key=lambda k: (wanted.index(k[0]), PARTS.index(k[1]), k[2] != NARRATION, speakers.index(k[2])),
    )
    return frame(
        "headline_vs_body",
        {
            "actor": [k[0] for k in keys],
            "part": [k[1] for k in keys],
            "voice": [k[2] for k in keys],
            "names": [" | ".join(it["text"] for it in groups[k]) for k in keys],
            "n_labels": [sum(it["kind"] == "label" for it in groups[k]) for k in keys],
            "n_descriptions": [sum(it["kind"] == "description" for it in groups[k]) for k in keys],
        },
    )
