"""Reframing: the article's text with chosen labels swapped, a word diff and its text twin.

:func:`reframe` reads ``article.labels``, turns the learner's substitutions
into a plan (:mod:`kit.framing.substitutions`), replaces each chosen label
once (widened over its article, :mod:`kit.framing.edits`), and returns the new
text with two tables: the diff (``kit.describe("reframe_diff")``) and the
changed sentences before and after (``kit.describe("reframe_sentences")``,
built by :func:`changed_sentences`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kit.document import Doc
from kit.framing.edits import absorb_determiner, word_diff
from kit.framing.substitutions import plan
from kit.schemas import Column, frame, register

__all__ = ["ReframeResult", "changed_sentences", "reframe"]

register(
    "reframe_diff",
    [
        Column("change_id", "int64", "the change's position in the text, from 0"),
        Column("label_id", "Int64", "the label replaced (joins with article.labels); <NA> when none"),
        Column("start_char", "int64", "where the changed words start in the original text"),
        Column("end_char", "int64", "where they end (exclusive): original[start_char:end_char] is 'old'"),
        Column("old", "string", "the words as the article has them"),
        Column("new", "string", "the words that replace them"),
        Column("new_start", "int64", "where the new words start in the reframed text"),
        Column("new_end", "int64", "where they end (exclusive): text[new_start:new_end] is 'new'"),
    ],
)
register(
    "reframe_sentences",
    [
        Column("sentence_id", "int64", "the sentence a change touches (joins with article.sentences)"),
        Column("old", "string", "the sentence as the article has it"),
        Column("new", "string", "the sentence as it reads after the swap"),
    ],
)

_DIFF_COLUMNS = ("label_id", "start_char", "end_char", "old", "new", "new_start", "new_end")


def _no_sentences() -> pd.DataFrame:
    return frame("reframe_sentences", {"sentence_id": [], "old": [], "new": []})


@dataclass(frozen=True)
class ReframeResult:
    """The article's text with labels swapped, and what changed.

    Attributes
    ----------
    text
        The new text (the article's own text is never changed).
    diff
        One row per changed run of words (``kit.describe("reframe_diff")``):
        ``change_id``, ``label_id`` (Int64, <NA> when not from the labels
        table), ``start_char`` and ``end_char`` in the original text, ``old``,
        ``new``, and ``new_start``/``new_end`` in the new text.
    original
        The article's text, for comparison.
    sentences
        The text twin of the diff (``kit.describe("reframe_sentences")``):
        one row per sentence with a change, ``sentence_id``, ``old`` (the
        sentence as the article has it) and ``new`` (as it reads after the swap).
    """

    text: str
    diff: pd.DataFrame
    original: str
    sentences: pd.DataFrame = field(default_factory=_no_sentences)

    def __repr__(self) -> str:
        return f"<ReframeResult: {len(self.diff)} changes, {len(self.text)} characters>"

    def __str__(self) -> str:
        return self.text


def _chosen(table: pd.DataFrame, steps: list[tuple[int, str, bool]]) -> list[tuple[int, int, int, str]]:
    """The labels to replace, in text order, as (start, end, label_id, replacement).

    A label that overlaps one already chosen is skipped when it was reached
    through its actor, refused when it was named itself with another replacement.
    """
    starts = dict(zip(table["label_id"], table["start_char"]))
    ends = dict(zip(table["label_id"], table["end_char"]))
    chosen: list[tuple[int, int, int, str]] = []
    for lid, new, explicit in sorted(steps, key=lambda p: (starts[p[0]], -ends[p[0]])):
        a, b = int(starts[lid]), int(ends[lid])
        if any(a < cb and ca < b for ca, cb, _, _ in chosen):
            same = any((ca, cb, cnew) == (a, b, new) for ca, cb, _, cnew in chosen)
            if explicit and not same:
                raise ValueError(
                    f"The label {table.loc[lid, 'label']!r} (label_id {lid}) overlaps another label you"
                    " asked to replace. Replace one of them at a time."
                )
            continue
        chosen.append((a, b, lid, new))
    return chosen


def _apply(text: str, chosen, sentence_starts: set[int]) -> tuple[str, dict[str, list]]:
    """The new text, and the diff's columns (one entry per changed run of words)."""
    pieces: list[str] = []
    rows: dict[str, list] = {k: [] for k in _DIFF_COLUMNS}
    cursor = shift = 0
    for a, b, lid, new in chosen:
        old = text[a:b]
        if a in sentence_starts and old[:1].isupper() and new[:1].islower():
            new = new[:1].upper() + new[1:]
        pieces.append(text[cursor:a])
        pieces.append(new)
        new_a = a + shift
        for os_, oe, ns, ne in word_diff(old, new):
            rows["label_id"].append(lid)
            rows["start_char"].append(a + os_)
            rows["end_char"].append(a + oe)
            rows["old"].append(old[os_:oe])
            rows["new"].append(new[ns:ne])
            rows["new_start"].append(new_a + ns)
            rows["new_end"].append(new_a + ne)
        shift += len(new) - (b - a)
        cursor = b
    pieces.append(text[cursor:])
    return "".join(pieces), rows


def reframe(article, substitutions) -> ReframeResult:
    """Return the article's text with chosen labels swapped, and a word-level diff.

    Parameters
    ----------
    article
        A :class:`kit.Article`; its text is never changed.
    substitutions
        Either a dict ``{label_or_label_id_or_actor: replacement}``, or a
        DataFrame. A label as written (curly or straight apostrophes alike)
        replaces every use of that label; a ``label_id`` replaces one row; an
        actor (``"US troops"``) replaces the narration's labels for it. A
        DataFrame with ``actor`` and ``label`` columns, such as the rows of
        :func:`outlet_labels` for one outlet, swaps in that outlet's first
        label for each actor, in the narration only: a quoted speaker's words
        stay as spoken. A DataFrame with ``label`` (or ``label_id``) and
        ``replacement`` columns works like the dict.

    Returns
    -------
    ReframeResult
        ``.text`` (the new text), ``.diff`` (one row per changed run of words),
        ``.sentences`` (the changed sentences before and after: the diff's text
        twin) and ``.original``.

    Notes
    -----
    A label's noun phrase often starts with an article the label leaves out
    ("*the* Israeli regime"). When the replacement brings its own determiner
    ("the Israeli government", "its army") or is a bare proper name
    ("Israel", not an initialism such as "U.S."), the article before the
    label is replaced with it, so the text never reads "the the" or "the
    Israel"; before any other replacement "a"/"an" is made to fit its first
    letter. :data:`~kit.framing.DETERMINERS` lists the articles absorbed.

    Raises
    ------
    UnknownLabelError
        A key is not a label, label id or actor of the article (with a
        "Did you mean ...?").

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> r = kit.reframe(article, {"Israeli regime": "Israeli government"})
    >>> r.diff[["start_char", "end_char", "old", "new", "label_id"]].values.tolist()
    [[2727, 2734, '\\xa0regime', ' government', 11]]
    >>> r.text[2716:2761]
    'The Israeli government launched the war after'
    >>> article.text[2716:2760] == r.text[2716:2760]  # the article's text is not changed
    False
    >>> r.sentences["new"].str.slice(0, 45).tolist()
    ['The Israeli government launched the war after']
    >>> o = kit.outlet_labels()
    >>> r = kit.reframe(article, o[o["outlet"] == "Reuters"])
    >>> r.diff[["old", "new"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [["anti-terror Kata'ib Hezbollah group", 'Iran-aligned militants'],
     ['anti-terror resistance forces', 'Iran-aligned militants'],
     ['American occupation', 'U.S.'],
     ['anti-terror fighters', 'Iran-aligned militants']]
    """
    table = article.labels
    doc = article.doc
    text = doc.text
    chosen = [
        absorb_determiner(text, a, b, lid, new)
        for a, b, lid, new in _chosen(table, plan(table, substitutions))
    ]
    new_text, rows = _apply(text, chosen, set(doc.sentences["start_char"]))
    diff = frame("reframe_diff", {"change_id": list(range(len(rows["old"]))), **rows})
    return ReframeResult(
        text=new_text, diff=diff, original=text, sentences=changed_sentences(doc, text, new_text, diff)
    )


def changed_sentences(doc: Doc, old: str, new: str, diff: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence a change touches: its text before and after the swap.

    A change touches a sentence when its old words overlap the sentence, or,
    for a pure insertion, when it stands inside it. This is the
    ``sentences`` table of :class:`ReframeResult`.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> r = kit.reframe(article, {"firm support": "support"})
    >>> changed_sentences(article.doc, r.original, r.text, r.diff)["sentence_id"].tolist()
    [11]
    """
    changes = sorted(zip(diff["start_char"], diff["end_char"], diff["new_start"], diff["new_end"]))
    shifts = [(oe, (ne - ns) - (oe - os_)) for os_, oe, ns, ne in changes]

    def shifted(position: int) -> int:  # where an unchanged position of the old text is in the new
        return position + sum(d for oe, d in shifts if oe <= position)

    rows = doc.sentences
    out: dict[str, list] = {"sentence_id": [], "old": [], "new": []}
    for sid, s, e in zip(rows["sentence_id"], rows["start_char"], rows["end_char"]):
        if any((os_ < e and oe > s) or (os_ == oe and s <= os_ < e) for os_, oe, _, _ in changes):
            out["sentence_id"].append(int(sid))
            out["old"].append(old[s:e])
            out["new"].append(new[shifted(s) : shifted(e)])
    return frame("reframe_sentences", out)
