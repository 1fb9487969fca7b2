"""Reported speech whose content is a verb's complement, not a that-clause.

``sv_label`` (``S called O X``), ``sv_o_as`` (``S described O as X``), ``sv_o_to``
(``S called on O to V``, ``S asked O to V``), ``sv_o_wh`` (``S asked O whether C``) and
``sv_o`` (``S blamed O on X``, ``S demanded O``): the cue verbs and their shapes are in
``kit/data/quote_complement_verbs.txt``. The rules run after the others and take only
cues and words no statement holds yet; the speaker is the verb's subject, found as for
``sv_c`` (:mod:`kit.quotes.indirect`), or the subject of the sentence for an ``-ing``
form after a comma ("..., calling them rapists"). See "Complements" in :mod:`kit.quotes`.

Examples
--------
>>> import kit
>>> a = kit.parse_article("Sanders called on the senator to resign and described the plan as a scam.")
>>> a.quotes[["speaker", "cue", "content", "rule"]].values.tolist()
[['Sanders', 'called on', 'the senator to resign', 'sv_o_to'], ['Sanders', 'described', 'the plan as a scam', 'sv_o_as']]
"""

from __future__ import annotations

import re
from functools import cache

from kit.lexicons import match_form, read_lexicon
from kit.quotes.indirect import (
    _BE_FORMS,
    _NOUN_BEFORE,
    _PARTICIPLE_PREPOSITIONS,
    _PASSIVE,
    _QUESTION_WORDS,
    _before_next_attribution,
    _clause_follows,
    _coordinated_subject,
    _earlier_speaker,
    _holds_mark,
    _inside,
    _plain_subject,
    _possessive,
)
from kit.quotes.limits import MAX_CUES_PER_SENTENCE, MAX_SENTENCE_CHARS, WINDOW
from kit.quotes.relative import relative_antecedent as _relative_antecedent
from kit.quotes.relative import restrictive_antecedent as _restrictive_antecedent
from kit.quotes.speakers import _adverb, _Row
from kit.quotes.words import (
    _CLAUSE_WORDS,
    _DETERMINER_WORDS,
    _FINITE,
    _PREPOSITIONS,
    _QUOTE_CHARS,
    _SUBORDINATORS,
    _TERMINAL,
    _WHEN_RE,
    _WORD,
    PRONOUNS,
    _bare,
    _strip,
    _trie,
)

SHAPES = ("label", "as", "describe", "on", "ask", "object")
"""The shapes of ``quote_complement_verbs.txt`` (see its header)."""

RULES = {
    "label": "sv_label",
    "as": "sv_o_as",
    "describe": "sv_o_as",
    "on": "sv_o_to",
    "ask": "sv_o_to",
    "object": "sv_o",
}
"""The ``rule`` of a statement found through each shape."""

MAX_OBJECT_WORDS = 8
"""Words between a cue and its "as", "to" or label: the object ("the Republican nominee's
plan to cut taxes" is eight)."""


@cache
def complement_verbs() -> dict[str, str]:
    """Cue verb form to its shape, from ``quote_complement_verbs.txt``.

    Examples
    --------
    >>> complement_verbs()["called on"], complement_verbs()["described"]
    ('on', 'describe')
    """
    out = {}
    for line in read_lexicon("quote_complement_verbs.txt"):
        word, _, shape = line.strip().rpartition(" ")
        if shape in SHAPES:
            out[" ".join(word.split())] = shape
    return out


@cache
def _verb_re() -> re.Pattern:
    forms = sorted(complement_verbs())
    return re.compile(r"(?<![\w-])" + _trie(forms) + r"\b")


_OBJECT_PRONOUNS = frozenset("him her them it us me you himself herself themselves itself this that".split())
# Words after "called" that make it another verb: "called off", "called for", "called a
# press conference", "called the police".
_NOT_LABEL_START = frozenset("for on off in up out back upon into at to by over a an as".split())
# "a rigged system", "the nominee": what may open an object.
_OBJECT_START = frozenset(
    "the his her their its our my your this that these those both all some many most".split()
)
_WHAT_RE = re.compile(r"\b(?:what|which|whom)[\s\u00a0]+(?P<np>(?:[^\s\u00a0,;:“”\"]+[\s\u00a0]+){1,5})$")
# "with Sen. Ana Ruiz calling ...", "and Trump calling ...": a name right before a participle.
_WITH_RE = re.compile(r"(?<![\w-])(?:with|and)[\s\u00a0]+(?P<np>[A-Z][^,;:“”\"]{0,80})$")
# Words that cannot end a statement cut before the next one ("... her hero before").
_TRAILING = frozenset("before after while when as and but or because since with even also".split())


def _complement_statements(ctx, marks, rows, used_cues) -> None:
    """Add the ``sv_label``, ``sv_o_as``, ``sv_o_to``, ``sv_o_wh`` and ``sv_o`` rows to ``rows``."""
    text = ctx.text
    by_sentence: dict[int, list[_Row]] = {}
    for r in rows:
        by_sentence.setdefault(ctx.sentence_at(r.cue_start), []).append(r)
    for r in rows:
        if r.rule == "called_q":
            _extend_label(ctx, r, by_sentence.get(ctx.sentence_at(r.cue_start), ()))
    # The statements whose content touches each sentence: a cue inside one, or a complement
    # that would overlap one, is looked up among a few rows, never the whole article.
    cover: dict[int, list[_Row]] = {}
    for r in rows:
        for j in range(
            ctx.sentence_at(r.content_start), ctx.sentence_at(max(r.content_start, r.content_end - 1)) + 1
        ):
            cover.setdefault(j, []).append(r)
    mark_spans = list(zip(marks["start_char"].tolist(), marks["end_char"].tolist()))
    mark_starts = [a for a, _ in mark_spans]
    verbs = complement_verbs()
    for k, (sa, sb) in enumerate(zip(ctx.s_starts, ctx.s_ends)):
        if sb - sa > MAX_SENTENCE_CHARS:
            continue  # the indirect rules warned about it
        for n, m in enumerate(_verb_re().finditer(text, sa, sb)):
            if n >= MAX_CUES_PER_SENTENCE:
                break
            if m.start() in used_cues or _inside(mark_spans, mark_starts, m.start()):
                continue
            here = by_sentence.get(k, [])
            near = cover.get(k, [])
            host = None
            if any(r.content_start <= m.start() < r.content_end for r in near):
                # inside a statement already found: only "S V C1, called O X" (a second verb
                # of the same subject) starts a statement of its own
                host = _host(text, here, m.start())
                if host is None:
                    continue
            cue = " ".join(m.group(0).split())
            row = _complement_at(ctx, m, cue, verbs[cue.lower()], sa, sb, here, host)
            if row is None:
                continue
            host_end = None
            if host is not None:
                host_end = _strip(text, host.content_start, _host_end(text, host, m.start()))[1]
            if any(
                r.content_start < row.content_end
                and row.content_start < (host_end if r is host else r.content_end)
                for r in near
            ):
                continue  # overlaps a statement already found
            if host is not None:
                host.content_end = host_end
                if host.kind == "mixed" and not _holds_mark(
                    mark_spans, mark_starts, host.content_start, host.content_end
                ):
                    host.kind = "indirect"  # its words in marks were the second verb's
            if _holds_mark(mark_spans, mark_starts, row.content_start, row.content_end):
                row.kind = "mixed"  # the speaker's own words in marks inside the content
            used_cues.add(m.start())
            rows.append(row)
            by_sentence.setdefault(k, []).append(row)
            cover.setdefault(k, []).append(row)
        _asked_statements(ctx, mark_spans, mark_starts, k, sa, sb, by_sentence, cover, rows, used_cues)


# "Asked whether ...", "When asked if ...", "was asked by the moderator what ...": a question
# put to someone, its asker unnamed or after "by".
_ASKED_RE = re.compile(
    r"(?<![\w’'-])(?P<lead>(?:(?:[Ww]hen|after|before|while)[\s\u00a0]+(?:being[\s\u00a0]+)?)"
    r"|(?:was|were|been|is|are|being)[\s\u00a0]+(?:(?:also|later|then|first|repeatedly|again|once)[\s\u00a0]+)?)?"
    r"(?P<cue>[Aa]sked)\b"
)
_ASKED_HEADS = frozenset("if whether how what why when where who whom which about".split())


def _asked_statements(ctx, mark_spans, mark_starts, k, sa, sb, by_sentence, cover, rows, used_cues) -> None:
    """``asked_wh`` rows of sentence ``k``: the question of "Asked whether C, S said ...",
    "S said ... when asked if C", "S was asked by O what C" and "S was asked to V"; the
    speaker is the one after "by", or no one when the text does not say who asked."""
    text = ctx.text
    for n, m in enumerate(_ASKED_RE.finditer(text, sa, sb)):
        if n >= MAX_CUES_PER_SENTENCE:
            break
        cue_start = m.start("cue")
        lead = m.group("lead")
        if cue_start in used_cues or _inside(mark_spans, mark_starts, cue_start):
            continue
        if lead is None and not (
            m.group("cue") == "Asked" and not text[sa:cue_start].strip(" \t\n\u00a0\"“‘'")
        ):
            continue  # "Asked" opens its sentence, or "when", "was", "after being" stand before it
        row = _asked_at(ctx, m, sa, sb, by_sentence.get(k, []))
        if row is None:
            continue
        near = cover.get(k, [])
        if any(r.content_start < row.content_end and row.content_start < r.content_end for r in near):
            continue
        if _holds_mark(mark_spans, mark_starts, row.content_start, row.content_end):
            row.kind = "mixed"
        used_cues.add(cue_start)
        rows.append(row)
        by_sentence.setdefault(k, []).append(row)
        cover.setdefault(k, []).append(row)


def _asked_at(ctx, m: re.Match, sa: int, sb: int, here) -> _Row | None:
    text = ctx.text
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, m.end(), min(sb, m.end() + 200))][:12]
    raw = [text[a:b] for a, b in words]
    low = [_bare(w) for w in raw]
    sp = None
    head = None
    for i, w in enumerate(low[:11]):
        request = w == "to" and low[i + 1 : i + 2] != [] and low[i + 1].isalpha()
        if (
            (w in _ASKED_HEADS or (request and low[i + 1] not in _DETERMINER_WORDS))
            and raw[i].islower()
            and i + 1 < len(low)
        ):
            head = i
            break
        if raw[i].endswith((",", ";", ":", ".", "?", "!")) or raw[i][:1] in _QUOTE_CHARS:
            return None
    if head is None:
        return None
    if head:
        if low[0] == "by":
            # "asked by Stephanopoulos whether ...", "by a reporter during a debate if ..."
            end = head
            for i in range(1, head):
                if low[i] in _PREPOSITIONS or _WHEN_RE.fullmatch(raw[i]):
                    end = i
                    break
            sp = ctx.noun_phrase(words[1][0], words[end - 1][1])
            if sp is None or sp.kind == "pronoun":
                return None
        elif not (
            low[0] in _PREPOSITIONS
            or (low[0].endswith("ly") and raw[0].islower())
            or _WHEN_RE.match(text, words[0][0], words[head - 1][1])
        ):
            return None  # "asked Mrs. Clinton about ...": an active verb, the sv_o_wh rule's
    ca = words[head][0]
    cb = None
    if m.start() == sa or text[sa : m.start()].strip(" \t\n\u00a0\"“‘'") == "":
        # "Asked whether C, S said ...": the question ends at the comma before the sentence's
        # own subject and verb
        for c in re.finditer(",", text[ca:sb]):
            p = ca + c.end()
            if (
                _clause_follows(text, p, sb)
                or _answer_follows(text, p, sb)
                or any(_opens_clause(text, r, p) for r in here)
            ):
                cb = ca + c.start()
                break
        if cb is None:
            return None
    else:
        cb = _clause_limit(ctx, ca, sb, here)
    ca, cb = _strip(text, ca, cb)
    while cb > ca and text[cb - 1] in _TERMINAL + " \u00a0,":
        cb -= 1
    if len(text[ca:cb].split()) < 2:
        return None
    row = _Row("indirect", ca, cb, sp, m.group("cue"), m.start("cue"), None, "asked_wh")
    if sp is None:
        row.source_type = "anonymous"
    return row


# Past tenses of the verbs that open an answer ("shook her head", "gave a roundabout answer").
_ANSWER_VERBS = frozenset("said told gave shook took made came went spoke became began stood".split())


def _answer_follows(text: str, p: int, sb: int) -> bool:
    """Whether the words after a comma open the answer to a question: a subject (a name, a
    pronoun or a determiner's noun phrase), then a verb in the past before any comma ("Rubio
    gave a roundabout answer", "she defended her decision")."""
    words = text[p : min(sb, p + 160)].split()[:10]
    if len(words) < 2 or not (
        words[0][:1].isupper() or _bare(words[0]) in PRONOUNS or _bare(words[0]) in _DETERMINER_WORDS
    ):
        return False
    for w in words[1:]:
        low = _bare(w)
        if w.islower() and (low in _FINITE or low in _ANSWER_VERBS or (low.endswith("ed") and len(low) > 4)):
            return True
        if w.endswith((",", ";", ":")) or low in _PREPOSITIONS or low in ("who", "which", "that"):
            return False
    return False


def _opens_clause(text: str, r: _Row, p: int) -> bool:
    """Whether statement ``r`` has its speaker at ``p``, right before its cue ("..., Trump
    replied")."""
    sp = r.speaker
    return (
        sp is not None
        and 0 <= sp.start - p < 3
        and sp.end <= r.cue_start < sp.end + 40
        and "," not in text[sp.end : r.cue_start]
    )


def _extend_label(ctx, row, here) -> None:
    """A label in marks (``called_q``) runs on to the end of its clause, as the label's
    reason or circumstance belongs to what was said ("called him a ‘pathological liar’ for
    continuing to insist ..."), up to the next statement of the sentence."""
    text = ctx.text
    k = ctx.sentence_at(row.content_start)
    sb = ctx.s_ends[k]
    if row.content_end >= sb:
        return
    end = _clause_limit(ctx, row.content_end, sb, here)
    rest = text[row.content_end : end]
    if (
        len(rest.split()) < 2
        or rest.lstrip(" \u00a0")[:1] in ",;:—–(" + _QUOTE_CHARS
        or _bare(rest.split()[0]) in PRONOUNS
        or (len(rest.split()) <= 4 and _bare(rest.split()[0]) in _PREPOSITIONS)
        or _WHEN_RE.fullmatch(text, *_strip(text, row.content_end, end))
    ):
        return  # "called it ‘a disaster’, he told ...", "“reckless” on Sunday": the label ends it
    row.content_end = end


def _clause_limit(ctx, a: int, sb: int, here) -> int:
    """Where a complement that starts at ``a`` ends: the end of its sentence, or before the
    next attribution, the next statement of the sentence or a second verb of its subject."""
    text = ctx.text
    ca, cb = _strip(text, a, sb, " \t\n\u00a0,")
    while cb > ca and text[cb - 1] in _TERMINAL + " \u00a0":
        cb -= 1
    cb = _before_next_attribution(ctx, ca, cb)
    cb = _clause_end(ctx, ca, cb)
    for r in here:
        # "called her fallen son her hero before explaining ...": the next statement of the
        # sentence ends this one
        marks_of_r = [r.content_start, r.cue_start]
        if r.speaker is not None and r.inherited is None:
            marks_of_r.append(r.speaker.start)
        after = [x for x in marks_of_r if ca < x]
        if after and min(after) < cb:
            cb = min(after)
    cb = _coordinated_verb(text, ca, cb)
    while cb > ca:
        cb = _strip(text, ca, cb, " \t\n\u00a0,;:—–-‘“")[1]
        if text[ca:cb].count('"') % 2 and text[cb - 1 : cb] == '"':
            cb = _strip(text, ca, cb - 1, " \t\n\u00a0,;:—–-")[1]  # an opening mark left alone
        last = text[ca:cb].split()[-1:]
        if not last or _bare(last[0]) not in _TRAILING:
            break
        cb -= len(last[0])
    return cb


_HOST_RE = re.compile(r"(?:,|[\s\u00a0]and)[\s\u00a0]+(?:(?:also|then|later)[\s\u00a0]+)?$")


def _host(text: str, here, cue_start: int):
    """The statement of the same sentence whose content holds a cue that a comma or "and"
    coordinates with its verb ("He suggested C1, called her “third-rate” and ..."), or None."""
    for r in here:
        if (
            r.content_start < cue_start < r.content_end
            and r.cue_start < r.content_start
            and r.speaker is not None
            and r.inherited is None
            and r.kind != "direct"
            and _HOST_RE.search(text, max(r.content_start, cue_start - 12), cue_start)
        ):
            return r
    return None


def _host_end(text: str, host, cue_start: int) -> int:
    m = _HOST_RE.search(text, max(host.content_start, cue_start - 12), cue_start)
    return m.start() if m else cue_start


def _complement_at(ctx, m: re.Match, cue: str, shape: str, sa: int, sb: int, here, host=None) -> _Row | None:
    text = ctx.text
    left_a = max(sa, m.start() - WINDOW)
    before = text[left_a : m.start()].split()
    if before and m.group(0)[0].isupper() and ctx.s_parts[ctx.sentence_at(m.start())] != "headline":
        return None  # "Calls" is a cue only in a headline written in title case
    prev = before[-1] if before else ""
    if prev and (_bare(prev) in _NOUN_BEFORE or _possessive(prev) or prev[:1].isdigit()):
        return None  # "the calls", "Trump’s demands", "3 calls": a noun
    lead = list(before)
    while lead and _adverb(lead[-1]) and _bare(lead[-1]) not in ("has", "have", "had"):
        lead.pop()
    if lead and _bare(lead[-1]) in _PASSIVE | _BE_FORMS and not cue.split()[0].lower().endswith("ing"):
        return None  # "has been called", "was described as": the speaker is not the subject
    # An auxiliary chain before the cue ("would call", "can call", "is calling", "has
    # called"): the subject stands before it.
    cue_at = m.start()
    aux = _AUX_RE.search(text, max(left_a, m.start() - 40), m.start())
    if aux is not None and aux.start() > left_a:
        cue_at = aux.start()
    comma = text.rfind(",", max(left_a, cue_at - 40), cue_at)
    if comma > left_a:
        ta, tb = _strip(text, comma + 1, cue_at)
        if tb > ta and (
            _WHEN_RE.fullmatch(text, ta, tb) or _WHEN_RE.fullmatch(text[ta].lower() + text[ta + 1 : tb])
        ):
            cue_at = comma + 1  # "Ryan, the Speaker, on Tuesday called": a time after the appositive
    # The content: the words after the cue (a time phrase there is not content), to the end
    # of the clause.
    p = m.end()
    while p < sb and text[p] in " \t\u00a0":
        p += 1
    when = _WHEN_RE.match(text, p, min(sb, p + 80))
    if when:
        p = _strip(text, p, when.end())[1]
    ca = _strip(text, p, sb, " \t\n\u00a0,")[0]
    cb = _clause_limit(ctx, ca, sb, here)
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, ca, min(cb, ca + 400))]
    if sum(any(c.isalpha() for c in text[a:b]) for a, b in words) < 2:
        return None  # "called it ‘a disaster’, he told ...": the label is a quotation of its own
    raw = [text[a:b] for a, b in words]
    low = [_bare(w) for w in raw]
    # "what he calls corruption", "which she described as a mistake": the relative word is
    # the object, and the content names it.
    w = _WHAT_RE.search(text, max(sa, m.start() - 60), m.start())
    rel_sp = None
    if w is not None and _bare(w.group("np").strip()) not in PRONOUNS:
        # "which Mr. Trump called ‘a disgrace’": a name or a known noun phrase as subject
        rel_sp = ctx.noun_phrase(w.start("np"), cue_at)
        if rel_sp is None or rel_sp.start != w.start("np") or rel_sp.kind == "pronoun":
            w, rel_sp = None, None
    rel = w.start() if w is not None else None
    if rel is not None:
        if shape == "object" and low[0] in ("for", "on"):
            pass  # "which Hollande blamed for the attacks"
        elif shape not in ("label", "as", "describe") or (shape != "label") != (low[0] == "as"):
            return None
    elif not _shape_fits(shape, raw, low, cue):
        return None
    # The speaker: the verb's subject.
    participle = cue.split()[0].lower().endswith("ing")
    before_text = text[left_a : m.start()].rstrip()
    sp = None
    if host is not None:
        sp = host.speaker  # "S V C1, called O X": the subject of the first verb
    elif participle and not (lead and _bare(lead[-1]) in _BE_FORMS):
        bw = before_text.split()
        while len(bw) > 1 and not bw[-1].endswith(",") and (_adverb(bw[-1]) or _bare(bw[-1]) == "even"):
            bw.pop()  # "..., even suggesting"
        before_text = " ".join(bw)
        last = _bare(bw[-1]) if bw else ""
        if not before_text.endswith((",", "—", "–", ",”", ',"')) and last not in _PARTICIPLE_PREPOSITIONS:
            sp = _named_before_participle(ctx, sa, m.start(), last)
            if sp is None:
                return None
        else:
            sp = _earlier_speaker(here, sa, m.start())
            if sp is None:
                found = _coordinated_subject(ctx, sa, m.start(), participle=True)
                sp = found[0] if found else None
    elif _bare(text[left_a:cue_at].split()[-1:][0] if text[left_a:cue_at].split() else "") == "who":
        # "Trump, who has called the pact “insanity”": the name before ", who"
        who = text.rindex("who", left_a, cue_at)
        sp = _relative_antecedent(ctx, sa, who)
        if sp is None:
            return None
    else:
        if rel is not None:
            sp = rel_sp or ctx.noun_phrase(w.start("np"), m.start())
        else:
            found = ctx.speaker_before(left_a, cue_at) or _coordinated_subject(ctx, sa, cue_at)
            if not found and cue.split()[0].lower().endswith("ed") and shape != "label":
                # not for "called": "a formula called the “chained CPI”" names a thing
                found = _plain_subject(ctx, sa, cue_at)
            if found:
                sp = found[0]
                opening = text[sa : sp.start].strip(" \t\n\u00a0")
                if opening and sp.kind != "pronoun":
                    if not _clause_opening(opening):
                        return None  # the subject must open its clause
    if sp is None:
        return None
    if (
        shape == "label"
        and rel is None
        and raw[0][:1].isupper()
        and match_form(text[sp.start : sp.end]).startswith(("a ", "an "))
    ):
        return None  # "a band called Sophistafunk": a name given to a thing, not a statement
    if rel is not None:
        ca = rel
        for i in range(1, len(words)):
            a = words[i][0]
            if _bare(raw[i]) in _FINITE or raw[i - 1].rstrip("”\"'’").endswith(","):
                cb = _strip(text, ca, a)[1]  # "what he calls X is ...": the noun phrase
                break
    elif shape == "object" and low[0] == "that":
        ca = words[1][0]
    rule = RULES[shape]
    if shape == "ask":
        k = _object_words(raw, low, ("to",) + tuple(_QUESTION_WORDS))
        if low[k] != "to":
            ca, rule = words[k][0], "sv_o_wh"  # "asked the mayor how she felt": the question
    if shape == "describe" and rel is None and _shape_fits("as", raw, low, cue) is False:
        rule = "sv_o"  # "described a rigged system": the object alone
    return _Row("indirect", ca, cb, sp, cue, m.start(), None, rule)


_PLACE_OR_TIME = frozenset(
    "on in at about after before during to from with for over by last this yesterday today".split()
)
_AND_CLAUSE_RE = re.compile(r"[,;][\s\u00a0]+(?:and|but|so|yet)[\s\u00a0]+")
_AUX_RE = re.compile(
    r"(?<![\w’'-])(?:(?:would|could|can|will|may|might|should|must|is|are|was|were|has|have|had)"
    r"(?:[\s\u00a0]+(?:not|never|also|have|been|be|even|now|still|already|often|repeatedly))*"
    r"|appeared[\s\u00a0]+to|seemed[\s\u00a0]+to|went[\s\u00a0]+on[\s\u00a0]+to)[\s\u00a0]+$"
)
_AND_VERB_RE = re.compile(
    r"[\s\u00a0]+and[\s\u00a0]+(?:then[\s\u00a0]+)?[a-z]+ed[\s\u00a0]+(?:the|a|an|his|her|their|its|our|him|them"
    r"|it|us|me|one|two|to|on|in|with|for|that|this|those|these)\b"
)


def _coordinated_verb(text: str, a: int, b: int) -> int:
    """Where a complement ends before a second verb of its subject ("called her “third-rate”
    and boycotted one of the debates")."""
    m = _AND_VERB_RE.search(text, a, b)
    return m.start() if m else b


def _named_before_participle(ctx, sa: int, cue_start: int, last: str):
    """The subject of a participle with no comma before it: a name after "with" or "and"
    ("with Sen. Ana Ruiz calling it ...", "and Trump calling it ..."), or the people
    "those" names ("those describing themselves as ..."); None otherwise."""
    text = ctx.text
    x = _WITH_RE.search(text, max(sa, cue_start - 120), cue_start)
    if x is not None:
        sp = ctx.noun_phrase(x.start("np"), cue_start)
        if sp is not None and sp.start == x.start("np") and sp.kind != "pronoun":
            return sp
        return None
    if last in ("those", "people", "others", "voters", "respondents"):
        return _restrictive_antecedent(text, sa, cue_start)
    return None


def _clause_opening(opening: str) -> bool:
    """Whether the words before a subject end a clause ("In 2015," or "... and")."""
    last = opening.split()[-1]
    return last.endswith((",", ";", ":", "—", "–")) or _bare(last) in _SUBORDINATORS | {"and", "but", "when"}


def _clause_end(ctx, a: int, b: int) -> int:
    """Where a complement ends: before ", while S V", ", according to", a dash that opens an
    aside or the next cue of the sentence after ", and" (see :func:`_second_attribution`)."""
    from kit.quotes.indirect import _second_attribution

    text = ctx.text
    b = _second_attribution(ctx, a, b)
    for m in _AND_CLAUSE_RE.finditer(text, a, b):
        if _clause_follows(text, m.end(), b):
            return _strip(text, a, m.start())[1]  # "warned of flooding, and the council closed ..."
    for stop in (", according to", " according to"):
        p = text.find(stop, a, b)
        if p > a:
            b = _strip(text, a, p)[1]
    return b


def _shape_fits(shape: str, raw: list[str], low: list[str], cue: str) -> bool:
    """Whether the words after a cue have the verb's shape (see the lexicon's header)."""
    if raw[0].startswith(("“", '"', "(", "—", "–")) or raw[0][:1] in _QUOTE_CHARS:
        return False
    if shape == "object" and low[0] == "that" and len(low) > 2:
        return True  # "demanded that the council vote"
    if low[0] in ("that", "for", "about", "to", "off", "up", "out", "back", "with", "from", "into"):
        return False  # "called for", "blamed for", "pressed for": another verb or a clause
    if shape in ("on", "as") and (low[0] in _PREPOSITIONS or low[0].endswith("ly")):
        return False  # "pressed by the moderator to", "dismissed quickly as"
    if shape == "on":
        obj = _object_words(raw, low)
        return obj is not None and obj < len(low) - 1 and low[obj] == "to" and low[obj + 1].isalpha()
    if shape == "as":
        obj = _object_words(raw, low)
        return obj is not None and obj < len(low) - 1 and low[obj] == "as"
    if shape == "ask":
        if low[0] in _PREPOSITIONS or low[0].endswith("ly") or low[0] in ("for", "about"):
            return False  # "asked for help", "asked about the plan"
        obj = _object_words(raw, low, ("to",) + tuple(_QUESTION_WORDS))
        if obj is None or low[obj - 1] in _PREPOSITIONS:
            return False  # "questions for which": a relative clause, not the question
        return obj < len(low) - 1 and low[obj + 1].isalpha()
    if shape == "describe":
        return _shape_fits("as", raw, low, cue) or _shape_fits("object", raw, low, cue)
    if shape == "object":
        if low[0] in _PREPOSITIONS or low[0] in _CLAUSE_WORDS - _OBJECT_START:
            return False
        return True
    # label: an object, then a label that is not a preposition, time or the end
    for k in range(1, min(len(raw), MAX_OBJECT_WORDS + 1)):
        if raw[k][:1] in _QUOTE_CHARS or raw[k].startswith("''"):
            return low[0] not in _NOT_LABEL_START  # "called half of the crowd “deplorables”"
        if raw[k - 1].endswith((",", ";", ":")) or (
            k > 1 and low[k - 1] in _CLAUSE_WORDS - {"that", "who", "which", "those", "these"}
        ):
            break
    if low[0] in _NOT_LABEL_START or (low[0] in ("it",) and low[1] in ("quits", "off")):
        return False
    obj = _label_object(raw, low)
    if obj is None or obj >= len(low):
        return False
    nxt = low[obj]
    if nxt.endswith("ly") and obj + 1 < len(low) and low[obj + 1] in _PREPOSITIONS:
        return False  # "called Sanders shortly after": a telephone call
    if raw[obj - 1].endswith(",") and _aside_end(raw, low, obj) is not None:
        return True  # "called Clinton, his rival, an ISIS “co-founder”"
    if nxt in _PREPOSITIONS or nxt in _CLAUSE_WORDS or _WHEN_RE.match(raw[obj]) or nxt in ("to", "and", "or"):
        return False
    return not raw[obj - 1].endswith((",", ";", ":"))


_TIME_NOUNS = frozenset("day week month year moment minute second time while few little number".split())
_ASIDE_START = frozenset("his her their its our my your the a an among".split())


def _aside_end(raw: list[str], low: list[str], obj: int) -> int | None:
    """Where the label starts after an appositive or an aside between commas that follows
    the object ("Clinton, his Democratic challenger, an ISIS “co-founder”", "him, among other
    things, “a failed candidate”"), or None."""
    if obj >= len(low) or low[obj] not in _ASIDE_START:
        return None
    for j in range(obj + 1, min(len(raw), obj + 7)):
        if raw[j - 1].endswith((";", ":", ".", "?", "!")) or low[j - 1] in _CLAUSE_WORDS - _ASIDE_START:
            return None
        if raw[j - 1].endswith(","):
            if raw[j][:1] in _QUOTE_CHARS or (
                low[j] in ("a", "an", "the") and low[j + 1 : j + 2] and low[j + 1] not in _TIME_NOUNS
            ):
                return j
            return None
    return None


def _object_words(raw: list[str], low: list[str], heads=("as", "to")) -> int | None:
    """Where "as" or "to" stands after an object of one to :data:`MAX_OBJECT_WORDS` words
    (no punctuation, no clause word before it), or None."""
    for k in range(1, min(len(low), MAX_OBJECT_WORDS + 1)):
        if raw[k - 1].endswith((",", ";", ":", ".", "?", "!")):
            return None
        if low[k - 1] in _CLAUSE_WORDS and low[k - 1] not in ("that", "this", "these", "those"):
            return None
        if low[k] in heads and raw[k].islower():
            return k
    return None


def _label_object(raw: list[str], low: list[str]) -> int | None:
    """Where the label starts after the object of "called": after an object pronoun, after a
    run of capitalised words (a name, with a possessive), or after a determiner and one to
    three words; None when the object cannot be told."""
    if low[0] in _OBJECT_PRONOUNS - {"this", "that"}:
        return 1
    if raw[0].islower() and low[0] not in _OBJECT_START and low[0] not in _DETERMINER_WORDS:
        # "climate change a hoax": a bare noun phrase, then the label's article
        for k in range(1, min(len(raw) - 1, 4)):
            if (
                raw[k - 1].endswith((",", ";", ":"))
                or low[k - 1] in _PREPOSITIONS
                or low[k - 1] in _CLAUSE_WORDS
            ):
                return None
            if low[k] in ("a", "an", "the"):
                return k
        return None
    if raw[0][:1].isupper() and raw[0][:1].isalpha():
        k = 0
        while k < len(raw) and raw[k][:1].isupper() and raw[k][:1] not in _QUOTE_CHARS:
            k += 1
            if raw[k - 1].endswith(("'s", "’s")) and k < len(raw):
                # "Trump's plan": the possessor, then its noun
                k += 1
                break
        return k
    if low[0] in _OBJECT_START or low[0] in _DETERMINER_WORDS:
        # "the charges unsubstantiated": the determiner and its noun, the label after it;
        # "the White House": a name after the determiner
        if len(raw) > 1 and raw[1][:1].isupper():
            k = 1
            while k < len(raw) and raw[k][:1].isupper():
                k += 1
            return k
        if len(raw) > 3 and low[2] in ("a", "an", "the") and raw[1].islower():
            return 2  # "the plan a disaster"
        if any(w in _PLACE_OR_TIME for w in low[2:4]):
            return None  # "called the harbour master on Tuesday": a call, no label
        return 2 if len(raw) > 2 else None
    return None
