"""A colon as the cue: ``NAME: content`` (the ``s_colon`` rule).

Transcripts (``MS. CLINTON: ...``), headlines (``Paul Ryan: FBI Decision ...
'Defies Explanation'``) and round-ups (``Chris Cillizza, The Washington
Post: "..."``) put the speaker before a colon at the start of a paragraph, with
no verb; a transcript quoted whole opens each turn with a quotation mark
(``"PENCE: Well, ...``). The speaker is one to five capitalised words (or a
name, a comma and an outlet), not a label of ``quote_colon_labels.txt``
("UPDATE", "Editor's note"), not a title opening with "The" or "A" ("The
Latest:") and not a clause ("FIX IS IN:"); the content runs to the end of the
paragraph.
"""

from __future__ import annotations

import re
from functools import cache

from kit.lexicons import match_form, read_lexicon
from kit.quotes.speakers import _Context, _Row, _Speaker
from kit.quotes.words import _CLAUSE_WORDS, _DETERMINER_WORDS, _bare, _cue_verbs, _strip

# One to five capitalised words (initials, "Mr.", "O'Brien", "al-Assad"), then an
# optional ", Outlet Name", then the colon. Bounded repetition: linear time.
_COLON_RE = re.compile(
    r"[\"“]?(?P<sp>(?:[A-Z][\w.'’-]*|&)(?:[ \u00a0]+(?:[A-Z][\w.'’-]*|&|of|the|de|van)){0,4})"
    r"(?:,[ \u00a0]+(?P<role>(?:[A-Z][\w.'’&-]*[ \u00a0]?){1,5}))?[ \u00a0]*:[ \u00a0]+(?=\S)"
)


@cache
def _labels() -> frozenset[str]:
    return frozenset(match_form(w) for w in read_lexicon("quote_colon_labels.txt"))


def colon_statements(ctx: _Context, rows: list[_Row], mark_spans: list[tuple[int, int]]) -> None:
    """Add a row for each paragraph that opens with ``NAME:`` and is not yet attributed."""
    text = ctx.text
    taken = {ctx.sentence_at(r.cue_start) for r in rows} | {ctx.sentence_at(r.content_start) for r in rows}
    para_end: dict[int, int] = {}
    for k, pid in enumerate(ctx.s_paras):
        para_end[pid] = ctx.s_ends[k]
    for k, (sa, pid) in enumerate(zip(ctx.s_starts, ctx.s_paras)):
        if k in taken or (k > 0 and ctx.s_paras[k - 1] == pid):
            continue  # only a paragraph's first sentence, not already attributed
        m = _COLON_RE.match(text, sa, min(para_end[pid], sa + 120))
        if m is None:
            continue
        name = m.group("sp")
        words = [_bare(w) for w in name.split()]
        if match_form(name) in _labels() or len(name) < 2 or words[0] in _DETERMINER_WORDS:
            continue  # "UPDATE:", "The Latest:", "The Ninth Circle:" are labels and titles
        if any(w in _CLAUSE_WORDS or w in _cue_verbs() for w in words):
            continue  # "FIX IS IN:" is a clause, not a speaker
        ca, cb = _strip(text, m.end(), para_end[pid], " \t\n\r\u00a0")
        while cb > ca and text[cb - 1] in ".;:":
            cb -= 1
        if len(text[ca:cb].split()) < 2:
            continue
        inside = [(a, b) for a, b in mark_spans if ca <= a < cb]
        kind = "indirect"
        if inside:
            kind = "direct" if inside[0][0] <= ca and inside[-1][1] >= cb - 1 else "mixed"
        if text[sa] in '"“':
            cb = cb - 1 if text[cb - 1] in '”"' else cb  # a turn of a transcript quoted whole
        elif kind == "direct":
            ca, cb = ca + 1, (cb - 1 if text[cb - 1] in '”"' else cb)
        sp = _Speaker(m.start("sp"), m.end("sp"), "name")
        if m.group("role"):
            sp.role = m.group("role").strip()
        rows.append(_Row(kind, ca, cb, sp, ":", m.end() - 1, None, "s_colon"))
