"""The ``quotes`` table: every rule in order, then one row per statement.

:func:`build_quotes` is the builder ``article.quotes`` calls, with its declared
inputs (:data:`kit.schemas.INPUTS`); :func:`quotes` is the learner's entry
point, for adding cue verbs of their own (see "Learner entries" in :mod:`kit.lexicons`).
"""

from __future__ import annotations

import pandas as pd

from kit.lexicons import match_form
from kit.quotes.colon import colon_statements
from kit.quotes.complements import _complement_statements
from kit.quotes.direct import _called_quotes, _direct_quotes, _floating, _sentence_span
from kit.quotes.indirect import _indirect_quotes
from kit.quotes.resolve import _resolve
from kit.quotes.speakers import _Context, _Row
from kit.quotes.words import LEARNER_CUES, learner_cues
from kit.schemas import frame, schema


def _extract(doc, marks: pd.DataFrame, entities: pd.DataFrame | None) -> tuple[list[_Row], _Context]:
    ctx = _Context(doc, entities)
    rows: list[_Row] = []
    used_cues: set[int] = set()
    leftovers = _direct_quotes(ctx, marks, rows, used_cues)
    _indirect_quotes(ctx, marks, rows, used_cues)
    colon_statements(ctx, rows, list(zip(marks["start_char"].tolist(), marks["end_char"].tolist())))
    leftovers = _called_quotes(ctx, leftovers, rows)
    _complement_statements(ctx, marks, rows, used_cues)
    rows.sort(key=lambda r: r.content_start)
    _resolve(ctx, [r for r in rows])
    # A label with no one to give it ("They called it “firm support”" with no "they" before
    # it) stays a scare quote.
    rows = [r for r in rows if not (r.rule == "called_q" and r.speaker.kind == "pronoun")]
    _floating(ctx, leftovers, rows)
    rows.sort(key=lambda r: r.content_start)
    _resolve(ctx, [r for r in rows if r.inherited is not None])
    return rows, ctx


def _continuations(ctx: _Context, rows: list[_Row]) -> dict[int, int]:
    """Row position to the position of the statement it continues.

    A quotation continues the one before it when it borrows that one's attribution in the
    same paragraph or the next: a ``floating`` quotation right after its speaker's quote ("“A,” she
    said. “B.”"), or a second quotation around the same cue ("“A,” she said, “B.”").
    """
    out: dict[int, int] = {}
    first: dict[int, int] = {}  # a row's id -> the first piece of its statement
    pos = {id(r): k for k, r in enumerate(rows)}
    by_cue: dict[int, int] = {}
    for k, r in enumerate(rows):
        prev = None
        if (
            (r.kind == "direct" or r.rule.startswith("joined"))
            and r.inherited is not None
            and id(r.inherited) in pos
        ):
            prev = pos[id(r.inherited)]
            if k and rows[k - 1].inherited is r.inherited:
                prev = k - 1  # the third piece of one statement follows the second
        elif r.kind == "direct" and r.cue_start in by_cue:
            prev = by_cue[r.cue_start]
        # a mixed piece that opens inside its sentence ("Still, it is “A,” she said. “B.”")
        opens = prev is not None and rows[prev].kind == "mixed" and rows[prev].rule.startswith("q_")
        # a question put to the speaker may stand between the pieces ("“A,” she said when asked
        # about it. “B.”")
        between = prev is not None and all(rows[j].rule == "asked_wh" for j in range(prev + 1, k))
        if prev is not None and (rows[prev].kind == "direct" or opens) and between:
            para = ctx.s_paras[ctx.sentence_at(r.content_start)]
            if para - ctx.s_paras[ctx.sentence_at(rows[prev].content_end - 1)] <= 1:
                out[k] = first.get(prev, prev)
                first[k] = out[k]
        if r.inherited is None:
            by_cue.setdefault(r.cue_start, k)
    return out


LEARNER_RULE = "+learner"
"""Added to the ``rule`` of a statement found through a learner's cue verb."""


def build_quotes(
    doc, quote_marks: pd.DataFrame, entities: pd.DataFrame | None, *, extra_cues=None
) -> pd.DataFrame:
    """Return the ``quotes`` table: one row per attributed statement.

    The patterns, speakers and source types are explained in :mod:`kit.quotes`.

    Parameters
    ----------
    doc
        The article's :class:`kit.document.Doc`.
    quote_marks
        The ``quote_marks`` table (spans between quotation marks).
    entities
        The ``entities`` table, to name speakers; ``None`` keeps every speaker as written.
    extra_cues
        A learner's cue verbs (see :func:`quotes`); ``None`` for the shipped list alone.

    Examples
    --------
    >>> import kit
    >>> q = kit.load_article().quotes
    >>> q.loc[q["kind"] == "mixed", ["speaker_name", "cue", "channel"]].iloc[0].tolist()
    ['Michael Erik Kurilla', 'said', 'in a statement']
    >>> a = kit.load_article()
    >>> len(build_quotes(a.doc, a.quote_marks, a.entities))
    8
    """
    extra = learner_cues(extra_cues)
    token = LEARNER_CUES.set(extra)
    try:
        rows, ctx = _extract(doc, quote_marks, entities)
    finally:
        LEARNER_CUES.reset(token)
    added = {verb for verb, _ in extra}
    text = ctx.text
    data: dict[str, list] = {c.name: [] for c in schema("quotes")}
    continues = _continuations(ctx, rows)
    for qid, r in enumerate(rows):
        sp = r.speaker
        lo = [r.content_start, r.cue_start]
        hi = [r.content_end, r.cue_start + len(r.cue)]
        if r.inherited is not None:
            lo, hi = [r.content_start], [r.content_end]
        elif sp is not None:
            lo.append(sp.start)
            hi.append(sp.end)
        start, end = _sentence_span(ctx, min(lo), max(hi))
        own = sp is not None and r.inherited is None
        data["quote_id"].append(qid)
        data["sentence_id"].append(ctx.s_ids[ctx.sentence_at(start)])
        data["kind"].append(r.kind)
        data["start_char"].append(start)
        data["end_char"].append(end)
        data["content"].append(text[r.content_start : r.content_end])
        data["content_start"].append(r.content_start)
        data["content_end"].append(r.content_end)
        data["speaker"].append(text[sp.start : sp.end] if own else None)
        data["speaker_start"].append(sp.start if own else None)
        data["speaker_end"].append(sp.end if own else None)
        data["speaker_name"].append(r.speaker_name)
        data["speaker_entity_id"].append(r.entity_id)
        data["speaker_role"].append(r.role)
        data["cue"].append(r.cue)
        data["channel"].append(r.channel)
        data["source_type"].append(r.source_type)
        data["continues_quote_id"].append(continues.get(qid))
        learner = added and " ".join(match_form(r.cue or "").split()) in added
        data["rule"].append(r.rule + LEARNER_RULE if learner else r.rule)
    return frame("quotes", data)


def quotes(article, *, extra_cues=None) -> pd.DataFrame:
    """Return the ``quotes`` table, optionally with reporting verbs of your own.

    Use it for a statement the kit misses because its verb is not on the
    list (``kit/data/quote_cue_verbs.txt``). ``article.quotes`` itself never changes.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    extra_cues
        More cue verbs: a DataFrame, a list of dicts or one dict, with
        ``verb`` (one verb form as written: "griped", "pointed out") and
        optionally ``use``: ``any`` (the default: the verb reports speech
        wherever it stands) or ``that`` (only before a that-clause or a
        quotation, for verbs with other senses). A verb the list already
        has keeps its shipped use. Statements found through your verbs have
        ``+learner`` at the end of their ``rule``.

    Returns
    -------
    pandas.DataFrame
        The columns of ``kit.describe("quotes")``.

    Raises
    ------
    ValueError
        An entry lacks ``verb``, its verb is not a word, or its ``use`` is not ``any`` or ``that``.
    TypeError
        ``extra_cues`` is not a DataFrame, a list of dicts or a dict.

    Examples
    --------
    >>> import kit
    >>> from kit.quotes import quotes
    >>> article = kit.load_article()
    >>> len(article.quotes)
    8
    >>> q = quotes(article, extra_cues=[{"verb": "vetoed"}])
    >>> q.loc[q["rule"].str.endswith("+learner"), ["speaker", "cue", "rule"]]
          speaker     cue          rule
    8  Washington  vetoed  sv_c+learner

    Check each row a verb of yours finds: "Washington has also vetoed ...
    resolutions" reports an act, not speech. With ``use: "that"`` the verb
    counts only before a that-clause or a quotation:

    >>> len(quotes(article, extra_cues=[{"verb": "vetoed", "use": "that"}]))
    8
    >>> quotes(article, extra_cues=[{"verb": "vetoed", "use": "only"}])
    Traceback (most recent call last):
    ...
    ValueError: extra_cues row 0 has use 'only', which is not a use the kit knows. Did you mean 'any'? The uses are 'any', 'that'. For example: extra_cues=[{"verb": "griped", "use": "any"}]
    """
    if extra_cues is None:
        return article.quotes
    return build_quotes(article.doc, article.quote_marks, article.entities, extra_cues=extra_cues)
