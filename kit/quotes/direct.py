"""Quotations and their attributions: ``q_sv``, ``q_vs``, ``sv_q``, ``called_q`` and ``floating``."""

from __future__ import annotations

import bisect
import re
import warnings
from collections import Counter

import pandas as pd

from kit.quotes.indirect import _clause_follows, _coordinated_subject
from kit.quotes.limits import MAX_MARKS_PER_PARAGRAPH, WINDOW, QuoteWarning
from kit.quotes.speakers import _Context, _Row, _Speaker
from kit.quotes.words import (
    _CALLED_RE,
    _CAP,
    _CLAUSE_WORDS,
    _DETERMINER_WORDS,
    _NEEDS_AS,
    _NOT_OBJECTS,
    _POSTMODIFIERS,
    _PREPOSITIONS,
    _QUOTE_CHARS,
    _TIME_RE,
    _WHEN_RE,
    PRONOUNS,
    _bare,
    _cue_re,
    _cue_verbs,
    _segments,
    _strip,
)


def _sentence_span(ctx: _Context, a: int, b: int) -> tuple[int, int]:
    """The run of sentences covering ``text[a:b]``."""
    k1 = ctx.sentence_at(a)
    k2 = ctx.sentence_at(max(a, b - 1))
    return min(a, ctx.s_starts[k1]), max(b, ctx.s_ends[k2])


def _direct_quotes(ctx: _Context, marks: pd.DataFrame, rows: list[_Row], used_cues: set[int]) -> list:
    """Attributed quotation-mark spans; returns the spans left unattributed."""
    text = ctx.text
    chains: list[list[int]] = []
    col = {
        c: marks[c].tolist()
        for c in (
            "paragraph_id",
            "start_char",
            "end_char",
            "content_start",
            "content_end",
            "closed",
            "continues",
        )
    }
    for k in range(len(marks)):
        if col["continues"][k] and chains:
            chains[-1].append(k)
        else:
            chains.append([k])
    per_paragraph = Counter(col["paragraph_id"])
    crowded = {pid for pid, n in per_paragraph.items() if n > MAX_MARKS_PER_PARAGRAPH}
    for pid in sorted(crowded):
        in_para = marks.loc[marks["paragraph_id"] == pid, "start_char"]
        pa, pb = int(in_para.min()), int(marks.loc[marks["paragraph_id"] == pid, "end_char"].max())
        warnings.warn(
            f"Paragraph {pid} (its quotation marks run from character {pa:,} to {pb:,}) has"
            f" {per_paragraph[pid]} spans between quotation marks; the kit did not look for direct"
            f" quotes in it (at most {MAX_MARKS_PER_PARAGRAPH}). Check that the text is a news"
            " article and that its quotation marks are not damaged (article.quote_marks lists the"
            " spans), then load the article again.",
            QuoteWarning,
            stacklevel=4,
        )
    leftovers = []
    for chain in chains:
        first, last = chain[0], chain[-1]
        if col["paragraph_id"][first] in crowded:
            continue
        if text[max(0, int(col["start_char"][first]) - 1)] == "=":
            continue  # an attribute's value in markup (<tweet author="@name">), not a quotation
        if _TRANSCRIPT_RE.match(text, int(col["content_start"][first])):
            continue  # a transcript quoted whole ("PENCE: Well, ..."): each turn is an s_colon row
        o_start = int(col["start_char"][first])
        c_end = int(col["end_char"][last])
        q_start = int(col["content_start"][first])
        q_end = int(col["content_end"][last])
        if not col["closed"][last]:
            snippet = text[o_start : min(c_end, o_start + 40)]
            warnings.warn(
                f"The quotation mark at character {o_start} in sentence"
                f" {ctx.s_ids[ctx.sentence_at(o_start)]} ({snippet!r}...) is never closed, so"
                " the kit cannot tell where the quotation ends and left it out of the quotes table."
                " Add the closing quotation mark to the text, then load the article again.",
                QuoteWarning,
                stacklevel=4,
            )
            continue
        if q_end - q_start < 1 or not text[q_start:q_end].strip():
            continue
        suffix = "+continued" if len(chain) > 1 else ""
        row = _attribution_after(ctx, c_end, q_start, q_end, used_cues, o_start) or _attribution_before(
            ctx, o_start, q_start, q_end, used_cues
        )
        if row is not None:
            if row.rule in ("q_sv", "q_vs") and (lead := _lead_in(ctx, o_start)) is not None:
                # "But the gain is “ten times the losses,” he said": the sentence's own words
                # before the mark are part of what is reported, a mixed statement.
                row.kind, row.content_start, row.content_end = "mixed", lead, c_end
            row.rule += suffix
            rows.append(row)
        else:
            leftovers.append((o_start, c_end, q_start, q_end, suffix))
    return _joined(ctx, rows, leftovers)


# What may stand between a closing attribution and a second quotation joined to it: a short
# channel or audience, a comma, "and" or "but", and up to three words ("..., and still “B”").
_JOINED_RE = re.compile(
    r"[^.;:!?“”\"]{0,80}?,[\s\u00a0]*(?:and|but)[\s\u00a0]+(?P<lead>(?:[\w’'-]+[\s\u00a0]+){0,3})$"
)


def _joined(ctx: _Context, rows: list[_Row], leftovers: list) -> list:
    """``“A,” S V, and “B”`` or ``A “a,” S V, but “B”``: a second quotation joined by "and"
    or "but" to a closing attribution in its sentence is a second piece of the same
    statement (rule ``joined``); words between the conjunction and the mark make it
    mixed ("..., and still “got to sit in on it”"). Returns the leftovers still unattributed."""
    text = ctx.text
    closing = [r for r in rows if r.rule.startswith(("q_sv", "q_vs")) and r.speaker is not None]
    out = []
    for left in leftovers:
        o_start, c_end, q_start, q_end, suffix = left
        k = ctx.sentence_at(o_start)
        row = None
        for r in closing:
            attr_end = max(r.speaker.end, r.cue_start + len(r.cue))
            if r.content_end < o_start and attr_end <= o_start and ctx.sentence_at(r.cue_start) == k:
                m = _JOINED_RE.fullmatch(text, attr_end, o_start)
                if m is not None and _cue_re().search(text, attr_end, o_start) is None:
                    lead = m.group("lead").strip()
                    if lead:
                        row = _Row(
                            "mixed", m.start("lead"), c_end, None, r.cue, r.cue_start, r.channel, "joined"
                        )
                    else:
                        row = _Row("direct", q_start, q_end, None, r.cue, r.cue_start, r.channel, "joined")
                    row.inherited = r
        if row is None:
            out.append(left)
        else:
            row.rule += suffix
            rows.append(row)
    return out


# A turn of a transcript: a speaker's name in capitals and a colon ("PENCE: ", "MS. RUIZ: ").
_TRANSCRIPT_RE = re.compile(r"[A-Z][A-Z.'’-]+(?:[ \u00a0][A-Z][A-Z.'’-]+){0,3}:[ \u00a0]")


def _lead_in(ctx: _Context, o_start: int) -> int | None:
    """Where a sentence starts when words of its own stand before the opening mark at
    ``o_start`` ("Still, clubs are “just scratching out a profit,” he said"), else None.

    Not when those words give a label ("Tom Hale called it ‘a disaster’, he said": the
    label is quoted whole), nor after a comma, colon or dash ("Asked about it, “Q,” she said"), nor after another
    quotation or a dateline, nor when more than 40 words stand before the mark (a sentence
    the splitter did not cut).
    """
    text = ctx.text
    k = ctx.sentence_at(o_start)
    a, b = _strip(text, ctx.s_starts[k], o_start, " \t\n\r\u00a0")
    if b <= a or text[b - 1] in ",;:—–-" or text[b - 1] in _QUOTE_CHARS:
        return None
    if not any(ch.isalnum() for ch in text[a:b]) or len(text[a:b].split()) > 40:
        return None
    if _CALLED_RE.search(text[a:b] + " "):
        return None  # "Tom Hale called it ‘a disaster’, he said": a label, quoted whole
    return a


_POSSESSIVES = frozenset("his her their its our".split())


def _loose_noun_phrase(ctx: _Context, a: int, b: int) -> _Speaker | None:
    """A speaker whose head noun the kit's lists lack, right next to a quotation and its cue:
    ``“Q,” the businessman replied``, ``“Q,” a friend said``, ``“Q,” the Ohio senator and
    candidate said``. Up to eight words that open with "the", "a", "an" or a possessive,
    end in a lower-case noun ("one commenter" too), and hold no comma, clause word, pronoun, cue or preposition.
    """
    text = ctx.text
    a, b = _strip(text, a, b, " \t\u00a0")
    words = text[a:b].split()
    if not 2 <= len(words) <= 8 or any(ch in text[a:b] for ch in ',;:()"“”'):
        return None
    low = [_bare(w) for w in words]
    if low[0] not in _DETERMINER_WORDS and low[0] not in _POSSESSIVES and low[0] not in ("one", "another"):
        return None
    for w in low[1:]:
        if w in _CLAUSE_WORDS or w in PRONOUNS or w in _PREPOSITIONS or w in _cue_verbs():
            if w != "and":
                return None
    head = words[-1]
    if not head.isalpha() or not head.islower() or head.endswith(("ly", "ing")):
        return None
    return _Speaker(a, b, "person", loose=True)


def _speaker_after_loose(ctx: _Context, a: int, b: int) -> _Speaker | None:
    """``said the former aide to the governor``, ``said Ana Ruiz of the city council``: the
    words before a postmodifier ("of", "to", "at", ...) name the speaker, the rest is the role."""
    text = ctx.text
    segs = _segments(text, a, min(b, a + WINDOW))
    if not segs:
        return None
    s, e = segs[0]
    words = list(re.finditer(r"\S+", text[s:e]))
    for w in words[1:9]:
        if _bare(w.group()) in _POSTMODIFIERS or _bare(w.group()) == "to":
            cut = s + w.start()
            sp = ctx.noun_phrase(s, cut) or _loose_noun_phrase(ctx, s, cut)
            if sp is None or sp.kind == "pronoun":
                return None
            sp.role = text[cut:e].rstrip(" .;:") or None
            return sp
    if _CAP.match(text[s]) is None:
        return _loose_noun_phrase(ctx, s, e - 1 if text[e - 1] == "." else e)
    return None


def _short_attribution(ctx, p: int, end: int) -> bool:
    """Whether ``text[p:end]`` is a whole short attribution: up to six words that start or
    end with a cue ("Ana Ruiz said.", "said the mayor.")."""
    words = ctx.text[p:end].rstrip(" .\u00a0").split()
    m = _cue_re().search(ctx.text, p, end)
    if (
        m is not None
        and 0 < len(ctx.text[p : m.end()].split()) <= 6
        and ctx.text[m.end() : m.end() + 1] == ","
        and ctx.text[m.end() + 1 : end].lstrip(" \u00a0")[:1] not in _QUOTE_CHARS
    ):
        return True  # "Ana Ruiz asked, looking pleased.": the attribution ends at the comma
    if not 0 < len(words) <= 6:
        return False
    # the cue stands first or last: "Trump said.", "said Ana Ruiz."
    return m is not None and (m.start() == p or not ctx.text[m.end() : end].strip(" .\u00a0").split()[1:])


def _attribution_after(ctx, c_end, q_start, q_end, used_cues, o_start=None) -> _Row | None:
    """``“Q,” S V`` or ``“Q,” V S``: an attribution after the closing mark."""
    text = ctx.text
    k = ctx.sentence_at(max(c_end - 1, 0))
    s_end = ctx.s_ends[k]
    if s_end <= c_end + 1 and k + 1 < len(ctx.s_starts) and ctx.s_paras[k + 1] == ctx.s_paras[k]:
        nxt = ctx.s_starts[k + 1]
        if text[nxt : nxt + 1].islower() or (
            q_end > q_start and text[q_end - 1] in ".?!" and _short_attribution(ctx, nxt, ctx.s_ends[k + 1])
        ):
            s_end = ctx.s_ends[k + 1]  # “Why would we leave?” Ana Ruiz said.
    window_end = min(s_end, c_end + WINDOW)
    p = c_end
    while p < window_end and text[p] in " \t\u00a0,—–-":
        p += 1
    if p >= window_end or text[p] in _QUOTE_CHARS:
        return None
    if q_end > q_start and text[q_end - 1] in ".!?" and text[p].isupper():
        # “Q.” Next sentence. (a full stop inside the marks ends the quote); after “Q?” or
        # “Q!” a short "Name said." may still follow, and only that.
        if not _short_attribution(ctx, p, window_end):
            return None
    m = _cue_re().search(text, p, min(window_end, p + 200))
    if not m:
        return None
    cue = m.group(0)
    if text[p : m.start()].strip() == "":
        sp = ctx.speaker_after(m.end(), window_end) or _speaker_after_loose(ctx, m.end(), window_end)
        if sp is None:
            return None
        channel, _ = ctx.channel_after(sp.end, window_end, cue)
        rule = "q_vs"
    else:
        found = ctx.speaker_before(p, m.start())
        if found is None:
            loose = _loose_noun_phrase(ctx, p, m.start())
            found = None if loose is None else (loose, p, None)
        if found is None:
            return None
        sp, _, channel0 = found
        between = _segments(text, p, sp.start)
        if len(between) == 1 and sp.kind == "name" and sp.role is None:
            # "“Q,” the firm's chief executive, Ms. Ana Ruiz, said": a role before the name.
            role = ctx.noun_phrase(*between[0])
            if role is not None and role.kind in ("person", "anonymous"):
                sp.role, between = text[between[0][0] : between[0][1]], []
        if between:  # other words between the quote and the speaker
            return None
        channel, ch_end = ctx.channel_after(m.end(), window_end, cue)
        if (
            _reports_clause(ctx, ch_end if channel else m.end(), s_end, cue)
            and o_start is not None
            and _lead_in(ctx, o_start) is not None
        ):
            # "On CBS's “Face the Nation,” Ryan said the law failed": the quotation is a
            # title inside the sentence's opening phrase; the cue reports the clause after it.
            return None
        channel = channel or channel0
        rule = "q_sv"
    used_cues.add(m.start())
    return _Row("direct", q_start, q_end, sp, cue, m.start(), channel, rule)


def _reports_clause(ctx, a: int, b: int, cue: str) -> bool:
    """Whether a cue ending at ``a`` goes on with a clause of its own ("said that ...",
    "said his campaign was ..."), after a time word or two ("said Sunday the law ...");
    after "say", any three words that open with no preposition."""
    text = ctx.text
    p = a
    while p < b and text[p] in " \t\u00a0":
        p += 1
    if p >= b or not text[p].isalnum():
        return False
    t = _WHEN_RE.match(text, p, b)
    if t is not None and t.end() < b and text[t.end()] in " \u00a0":
        p = t.end() + 1
    if text.startswith("that ", p):
        return True
    if cue.lower() in ("said", "says", "say"):
        words = text[p:b].split()[:3]
        if len(words) == 3 and _bare(words[0]) not in _PREPOSITIONS and words[0][-1].isalnum():
            return True
    return _clause_follows(text, p, b)


def _attribution_before(ctx, o_start, q_start, q_end, used_cues) -> _Row | None:
    """``S V: “Q”``: an attribution just before the opening mark."""
    text = ctx.text
    k = ctx.sentence_at(o_start)
    s_start = max(ctx.s_starts[k], o_start - WINDOW)
    end = o_start
    if s_start >= o_start:
        # "S said:" closing the sentence (or paragraph) before the quotation.
        if k == 0 or not text[ctx.s_starts[k - 1] : ctx.s_ends[k - 1]].rstrip().endswith(":"):
            return None
        s_start, end = max(ctx.s_starts[k - 1], ctx.s_ends[k - 1] - WINDOW), ctx.s_ends[k - 1]
    a, b = _strip(text, s_start, end, " \t\n\r\u00a0")
    if b <= a or (text[b - 1] not in ",:" and not text[a:b].endswith(" that")):
        return None
    that = text[a:b].endswith(" that")
    b = b - 5 if that else b - 1
    cues = list(_cue_re().finditer(text, a, b))
    if not cues:
        return None
    m = cues[-1]
    cue = m.group(0)
    channel, ch_end = ctx.channel_after(m.end(), b, cue)
    rest = text[(ch_end if channel else m.end()) : b].strip(" ,\u00a0")
    if rest and rest != "that" and not _TIME_RE.fullmatch(rest) and not _short_rest(rest):
        return None
    found = _speaker_before_cue(ctx, a, m.start(), cue)
    if found is None:
        return None
    sp, _, channel0 = found
    used_cues.add(m.start())
    if that:
        # "She added that “Q”": reported speech that quotes, a mixed statement from "that",
        # to the end of its sentence ("that “Q” in America, including ...")
        return _Row(
            "mixed",
            b + 1,
            _clause_after_quote(ctx, q_end + 1),
            sp,
            cue,
            m.start(),
            channel or channel0,
            "sv_q",
        )
    return _Row("direct", q_start, q_end, sp, cue, m.start(), channel or channel0, "sv_q")


def _clause_after_quote(ctx, c_end: int) -> int:
    """Where reported speech that quotes ends: at its closing mark ``c_end``, or at the end
    of its sentence when the writer's words go on after the mark with no cue of their own."""
    text = ctx.text
    k = ctx.sentence_at(max(c_end - 1, 0))
    end = ctx.s_ends[k]
    while end > c_end and text[end - 1] in " \t\n\u00a0.!?;:":
        end -= 1
    tail = text[c_end:end]
    if not tail.strip() or not any(ch.isalnum() for ch in tail) or _cue_re().search(tail):
        return c_end
    if any(ch in tail for ch in _QUOTE_CHARS):
        return c_end
    return end


def _short_rest(rest: str) -> bool:
    """Words between a cue and the comma before a quotation that only say when, where or to
    whom ("said Thursday on Twitter, “Q”", "told her supporters, “Q”"): up to six words, no
    clause word and no cue."""
    words = [_bare(w) for w in rest.split()]
    if not words or len(words) > 6:
        return False
    return not any(w in _CLAUSE_WORDS or w in _cue_verbs() for w in words)


# Words between a speaker and the cue that only carry it ("went on to say", "began by
# saying", "then said"): bounded repetition over the last characters only, linear time.
_CARRIER_RE = re.compile(
    r"(?:[ \u00a0]+(?:went|goes|go|continued|continues|proceeded|proceeds|began|begins|then|later"
    r"|would|will|had|has|have|was|were|did|does|on|to|by)){1,5}[ \u00a0]*$"
)


def _speaker_before_cue(ctx: _Context, a: int, cue_start: int, cue: str):
    """The speaker of ``S V, “Q”``: the subject before the cue, also when words only carry
    the cue ("Ana Ruiz went on to say"), when a participle follows the sentence's subject
    after a comma ("She hit back, saying"), or when the head noun is on no list ("The
    email said")."""
    text = ctx.text
    k = ctx.sentence_at(cue_start)
    if cue.endswith("ing") and text[a:cue_start].rstrip().endswith(","):
        # the participle's subject opens the sentence
        found = _coordinated_subject(ctx, max(a, ctx.s_starts[k]), cue_start, participle=True)
        if found is not None:
            # "Tom Hale hit back at the council, saying": the name, not the whole clause
            sp = found[0]
            names = [m for m in ctx.mentions_in(sp.start, sp.end) if m[0] == sp.start and m[1] < sp.end]
            if names and any(w.islower() for w in text[names[0][1] : sp.end].split()):
                short = ctx.noun_phrase(sp.start, names[0][1])
                if short is not None:
                    found = (short, found[1], found[2])
        if found is None:
            # "“A,” she said, adding, “B”": the speaker of the cue before the participle
            before = list(_cue_re().finditer(text, max(a, ctx.s_starts[k]), cue_start))
            if before:
                prev = before[-1]
                found = ctx.speaker_before(max(a, ctx.s_starts[k]), prev.start())
                if found is None:
                    sp = ctx.speaker_after(prev.end(), cue_start)
                    found = None if sp is None else (sp, a, None)
        return found
    found = ctx.speaker_before(a, cue_start)
    if found is not None:
        return found
    tail = _CARRIER_RE.search(text, max(a, cue_start - 60), cue_start)
    if tail is not None and tail.start() > a:
        found = ctx.speaker_before(a, tail.start())
        if found is not None:
            return found
    segs = _segments(text, a, cue_start)
    if segs:
        loose = _loose_noun_phrase(ctx, *segs[-1])
        if loose is not None:
            return loose, segs[-1][0], None
    return None


def _called_quotes(ctx, leftovers, rows) -> list:
    """``S called O “Q”``: a label in quotation marks that a speaker gave something (the
    ``called_q`` rule). Returns the quotation spans still unattributed."""
    by_sentence: dict[int, list[_Row]] = {}
    for r in rows:
        by_sentence.setdefault(ctx.sentence_at(r.cue_start), []).append(r)
    out, dropped = [], set()
    for left in leftovers:
        o_start, c_end, q_start, q_end, suffix = left
        k = ctx.sentence_at(o_start)
        here = [r for r in by_sentence.get(k, []) if id(r) not in dropped]
        row = None
        if not suffix and not any(r.content_start <= o_start and c_end <= r.content_end for r in here):
            row = _called_at(ctx, o_start, c_end, q_start, q_end)
        if row is None:
            out.append(left)
            continue
        # "S called O “Q” and said C" is one statement: the said-clause joins the label.
        for other in here:
            if (
                other.speaker is not None
                and other.speaker.start == row.speaker.start
                and other.rule == "sv_c"
                and row.content_end < other.content_start
            ):
                row.content_end = other.content_end
                dropped.add(id(other))
                break
        rows.append(row)
    if dropped:
        rows[:] = [r for r in rows if id(r) not in dropped]
    return out


# "called O “Q”" whose object runs past six words ("called both Trump and his rival
# “crazy”"): up to sixteen words, none a clause word, pronoun subject or cue verb.
_CALLED_LONG_RE = re.compile(_CALLED_RE.pattern.replace("{1,6}?", "{7,16}?").replace("\"‘’',.", '"‘,.'))
_NOT_IN_LONG_OBJECT = frozenset({*_CLAUSE_WORDS, *PRONOUNS, "but", "or", "than"}) - {"it"}


_OBJECT_PRONOUN_WORDS = frozenset("him her it them me us you".split())


def _long_called(window: str) -> re.Match | None:
    """The nearest ``called O “Q”`` with a long object (see :data:`_CALLED_LONG_RE`), or None."""
    if not any(w in window for w in ("call", "brand", "label", "dub", "term", "describ", "characteri")):
        return None
    best = None
    for cue in re.finditer(r"(?<![\w-])(?:call|brand|label|dub|term|describ|characteri)", window):
        m = _CALLED_LONG_RE.match(window, cue.start())
        if m is None:
            continue
        words = [_bare(w) for w in m.group("obj").split()]
        if any(w in _NOT_IN_LONG_OBJECT or w in _cue_verbs() for w in words):
            continue
        best = m
    return best


def _called_at(ctx, o_start: int, c_end: int, q_start: int, q_end: int) -> _Row | None:
    text = ctx.text
    k = ctx.sentence_at(o_start)
    sa = max(ctx.s_starts[k], o_start - WINDOW)
    window = text[max(sa, o_start - 120) : o_start]
    m = _CALLED_RE.search(window) or _long_called(window)
    if m is None:
        return None
    base = o_start - len(window)
    cue, obj = m.group("cue"), m.group("obj").split()
    if cue.startswith(_NEEDS_AS) and not m.group("as"):
        return None
    pronoun_object = len(obj) == 2 and _bare(obj[0]) in _OBJECT_PRONOUN_WORDS
    if _bare(obj[0]) in _NOT_OBJECTS or (_bare(obj[-1]) in _DETERMINER_WORDS and not pronoun_object):
        # "called for ...", "called the barrier a “wall of hope”": not a label; but
        # "calling him a “loser”" gives one, a person's word for a person
        return None
    cue_start = base + m.start("cue")
    if cue.endswith("ing") and text[sa:cue_start].rstrip().endswith(","):
        # "..., calling it “reckless”": the subject of the sentence gives the label
        found = _coordinated_subject(ctx, ctx.s_starts[k], cue_start, participle=True)
    else:
        found = ctx.speaker_before(sa, cue_start)
    if found is None:
        return None
    sp, _, channel = found
    before = text[ctx.s_starts[k] : sp.start].strip(" \t\n\u00a0")
    if before and not before.endswith(","):
        return None  # the speaker must open the sentence, or follow an opening phrase
    return _Row("mixed", base + m.start("obj"), c_end, sp, cue, cue_start, channel, "called_q")


def _floating(ctx, leftovers, rows) -> None:
    text = ctx.text
    ordered = sorted(rows, key=lambda r: r.content_start)
    starts = [r.content_start for r in ordered]
    for o_start, c_end, q_start, q_end, suffix in leftovers:
        sa, sb = _sentence_span(ctx, o_start, c_end)
        outside = text[sa:o_start] + text[c_end:sb]
        if any(ch.isalnum() for ch in outside):
            continue  # a scare quote or a quoted phrase: not a statement
        k = bisect.bisect_left(starts, q_start) - 1
        while k >= 0 and ordered[k].rule == "asked_wh":
            k -= 1  # "“A,” she said when asked about it. “B.”": the question is not hers
        if k < 0:
            continue
        prev = ordered[k]
        para = ctx.s_paras[ctx.sentence_at(o_start)]
        # a third piece ("“A,” she said. “B.” ¶ “C.”") borrows from the attributed piece
        root = prev.inherited if prev.inherited is not None else prev
        if para - ctx.s_paras[ctx.sentence_at(prev.content_start)] > 2 or root.speaker is None:
            continue
        row = _Row(
            "direct", q_start, q_end, None, root.cue, root.cue_start, root.channel, "floating" + suffix
        )
        row.inherited = root
        rows.append(row)
        at = bisect.bisect_left(starts, q_start)
        ordered.insert(at, row)
        starts.insert(at, q_start)
