"""Reported speech outside quotation marks: ``sv_c``, ``c_sv``, ``c_vs`` and ``according_to``."""

from __future__ import annotations

import bisect
import re
import warnings

from kit.lexicons import match_form
from kit.quotes.limits import (
    MAX_CLOSING_PHRASE_WORDS,
    MAX_CUES_PER_SENTENCE,
    MAX_SENTENCE_CHARS,
    MAX_SPEAKER_WORDS,
    WINDOW,
    QuoteWarning,
)
from kit.quotes.relative import (
    aside_start,
    clause_end,
    opened_by_dash,
    relative_antecedent,
    relative_subject,
    relative_word_before,
    restrictive_antecedent,
    speaker_before_who,
)
from kit.quotes.speakers import _adverb, _Context, _Row, _Speaker
from kit.quotes.subjects import (
    _TIME_WORDS,
    _document,
    _document_subject,
    _plain_subject,
    _unknown_source,
)
from kit.quotes.words import (
    _CLAUSE_WORDS,
    _CONJUNCTIONS,
    _CONTRAST_RE,
    _DETERMINER_WORDS,
    _FINITE,
    _PHRASE_PREPOSITIONS,
    _PREPOSITIONS,
    _QUOTE_CHARS,
    _RELATIVE_WORDS,
    _TERMINAL,
    _WHEN_RE,
    _WORD,
    PRONOUNS,
    _anonymity_re,
    _bare,
    _channel_re,
    _cue_re,
    _cue_verbs,
    _segments,
    _strip,
)


def _indirect_quotes(ctx, marks, rows, used_cues) -> None:
    text = ctx.text
    covered = sorted((r.content_start, r.content_end) for r in rows)
    cov_starts = [a for a, _ in covered]
    cov_reach = []  # the furthest end of the spans starting at or before each one
    for _, b in covered:
        cov_reach.append(max(b, cov_reach[-1]) if cov_reach else b)
    by_sentence: dict[int, list[_Row]] = {}
    for r in rows:
        by_sentence.setdefault(ctx.sentence_at(r.cue_start), []).append(r)
    mark_spans = list(zip(marks["start_char"].tolist(), marks["end_char"].tolist()))
    mark_starts = [a for a, _ in mark_spans]
    for k, (sa, sb) in enumerate(zip(ctx.s_starts, ctx.s_ends)):
        if sb - sa > MAX_SENTENCE_CHARS:
            warnings.warn(
                f"Sentence {ctx.s_ids[k]} (characters {sa:,} to {sb:,}) is {sb - sa:,} characters"
                " long with no sentence end; the kit did not look for reported speech in it (a"
                " news sentence is under 500 characters). Check that the text kept its full"
                " stops, add the missing ones, then load the article again.",
                QuoteWarning,
                stacklevel=4,
            )
            continue
        found: list[tuple[int, int]] = []
        cues_from = sa
        if (
            k > 0
            and text[sa : sa + 1].islower()
            and ctx.s_paras[k - 1] == ctx.s_paras[k]
            and text[ctx.s_starts[k - 1] : ctx.s_ends[k - 1]].rstrip().endswith(".)")
        ):
            # "Sen. Ana Ruiz (D-Ohio.) | said ...": a sentence cut after an abbreviation in
            # brackets; its subject stands in the piece before
            sa = ctx.s_starts[k - 1]
        for n_cue, m in enumerate(_cue_re().finditer(text, cues_from, sb)):
            if n_cue >= MAX_CUES_PER_SENTENCE:
                break  # a news sentence holds a few cues; a run of them is bad input
            if any(a <= m.start() < b for a, b in found):
                continue
            if m.start() in used_cues or _inside(mark_spans, mark_starts, m.start()):
                continue
            j = bisect.bisect_right(cov_starts, m.start()) - 1
            if j >= 0 and cov_reach[j] > m.start():
                continue  # inside a statement already found
            prev_word = text[max(sa, m.start() - 12) : m.start()].split()[-1:]
            rel = relative_word_before(text, sa, m.start())
            if rel is None and prev_word and _bare(prev_word[0]) in _RELATIVE_WORDS:
                rel = text.rindex(prev_word[0], sa, m.start()), _bare(prev_word[0])
            subject = None
            if rel is not None:
                # "Jessica Leeds, who told the Times that ...", "the court, which ruled that
                # ...": the name before ", who" speaks; "a clerk who asked that ..." is a
                # relative clause, not an attribution.
                who, word = rel
                prev_word = [word]
                if word == "who":
                    subject = speaker_before_who(text, by_sentence.get(k, ()), who) or relative_antecedent(
                        ctx, sa, who
                    )
                    if (
                        subject is None
                        and m.group(0).split()[0].lower() not in _ASK_FORMS
                        and not _anonymity_re().search(match_form(text[who : who + 80]))
                    ):
                        # "Republicans who say the law failed", "those who said ...": the
                        # people the restrictive clause names
                        subject = restrictive_antecedent(text, sa, who)
                elif word == "which":
                    subject = relative_antecedent(ctx, sa, who, which=True)
                if subject is None:
                    continue
            if prev_word and prev_word[0].endswith((",", ";", ":")):
                prev_word = []  # "appointed just three, according to ...": a clause ended
            if (
                prev_word
                and _bare(prev_word[0]) in _NOUN_BEFORE
                and not (m.group(0) in _VERB_ONLY and _bare(prev_word[0]) not in _ARTICLES)
            ):
                # "the states", "these claims", "its report": a noun, not a cue; but
                # "Several said", "many say": a quantifier that speaks
                continue
            if prev_word and prev_word[0][:1].isdigit() and m.group(0).endswith("s") and m.group(0) != "says":
                continue  # "15 states", "3 reports": a count before a noun ("6 in 10 say" speaks)
            if prev_word and _possessive(prev_word[0]):
                continue  # "Clinton’s tweet", "the pastor’s claims": a noun, not a cue
            if (
                m.group(0)[0].isupper()
                and m.group(0) != "According to"
                and ctx.s_parts[k] != "headline"
                and not _title_line(ctx, k)
            ):
                continue  # "Says" is a cue only in a headline written in title case
            row = _indirect_at(
                ctx, m, sa, sb, subject, _earlier_speaker(by_sentence.get(k, ()), sa, m.start())
            )
            if row is None:
                continue
            if subject is not None and rel is not None:
                # "Trump - who said he would win - said ...", "the report, which found C,
                # the campaign disputed ...": the clause ends at a dash, or at the comma
                # before the sentence's own attribution
                dash = opened_by_dash(text, sa, rel[0])
                row.content_end = clause_end(ctx, row.content_start, row.content_end, dash)
            if _holds_mark(mark_spans, mark_starts, row.content_start, row.content_end):
                row.kind = "mixed"  # a span between quotation marks inside the content"
            if any(row.content_start < b and a < row.content_end for a, b in found):
                continue  # overlaps a statement already found in this sentence
            used_cues.add(m.start())
            rows.append(row)
            by_sentence.setdefault(k, []).append(row)
            found.append((row.content_start, row.content_end))
            found.append((m.start(), m.end()))


def _title_line(ctx, k: int) -> bool:
    """Whether sentence ``k`` is the article's first line written in title case (a headline
    the layout rules did not mark, such as one ending with a full stop)."""
    if ctx.s_paras[k] != ctx.s_paras[0]:
        return False
    words = [w for w in ctx.text[ctx.s_starts[k] : ctx.s_ends[k]].split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _inside(spans, starts, offset) -> bool:
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and spans[k][0] < offset < spans[k][1]


def _holds_mark(spans, starts, a: int, b: int) -> bool:
    """Whether a span between quotation marks starts inside ``[a, b)``: such content is mixed."""
    k = bisect.bisect_left(starts, a)
    return k < len(spans) and spans[k][0] < b


def _content_after(ctx, a: int, b: int) -> tuple[int, int]:
    text = ctx.text
    a, b = _strip(text, a, b, " \t\n\u00a0,:")
    if text[a : a + 5] == "that " or text[a : a + 5] == "that\u00a0":
        a += 5
    while b > a and text[b - 1] in _TERMINAL + " \u00a0":
        b -= 1
    return a, b


def _before_next_attribution(ctx, a: int, b: int) -> int:
    """Where a statement after its cue ends when a semicolon opens a clause with a cue of
    its own ("the mayor said the road opens on Monday; the council said it would wait"):
    at the semicolon, so that the next clause is a statement of its own."""
    text = ctx.text
    p = text.find(";", a, b)
    if p < 0:
        return b
    nxt = _cue_re().search(text, p, min(b, p + 160))
    if nxt is None:
        return b
    return _strip(text, a, p)[1]


def _earlier_speaker(rows, sa: int, cue_start: int) -> _Speaker | None:
    """The speaker of a statement whose cue stands earlier in the sentence (``sa`` to
    ``cue_start``): the subject of a participle that follows it ("“…,” she said, adding
    that …")."""
    best = None
    for r in rows:
        if sa <= r.cue_start < cue_start and r.speaker is not None and r.inherited is None:
            if best is None or r.cue_start > best.cue_start:
                best = r
    return best.speaker if best is not None else None


def _indirect_at(
    ctx: _Context,
    m: re.Match,
    sa: int,
    sb: int,
    subject: _Speaker | None = None,
    earlier: _Speaker | None = None,
) -> _Row | None:
    text = ctx.text
    cue = m.group(0)
    left_a = max(sa, m.start() - WINDOW)
    if cue.lower() == "according to":
        cue = "according to"
        sp = ctx.speaker_after(m.end(), sb) or _unknown_source(ctx, m.end(), sb)
        if sp is None:
            return None
        before_a = left_a
        for mark in (": ", "; ", "("):  # "…: According to polls, C": the clause before it is not content
            before_a = max(before_a, text.rfind(mark, left_a, m.start()) + 1)
        before = text[before_a : m.start()].strip(" ,\u00a0")
        if before and _bare(before.split()[-1]) in _CONJUNCTIONS:
            before = ""  # "But according to the poll, C", "because, according to S, C"
        if before:
            ca, cb = _strip(text, before_a, m.start())
            rule = "according_to"
        else:
            sp.role = None  # the part after the speaker is the content, not a role
            segs = _segments(text, sp.end, sb)
            while len(segs) > 1 and not text[sp.end : segs[0][0]].lstrip(" \u00a0").startswith(
                (",", "—", "–")
            ):
                segs.pop(0)  # the rest of the source's part: "figures" in "port authority figures,"
            if not segs:
                return None
            ca, cb = _content_after(ctx, segs[0][0], sb)
            if text[cb - 1 : cb] == ")" and "(" not in text[ca:cb]:
                cb = _content_after(ctx, ca, cb - 1)[1]  # "(According to police, C.)"
            rule = "according_to"
        if cb - ca < 3:
            return None
        return _Row("indirect", ca, cb, sp, cue, m.start(), None, rule)
    as_by = _as_reported_by(ctx, m, sa, sb)
    if as_by is not None:
        return as_by
    use = _cue_verbs().get(" ".join(cue.lower().split()), "any")
    channel, ch_end = ctx.channel_after(m.end(), sb, cue)
    if channel and _cut_noun(text, ch_end, sb):
        channel = None  # "said in a video message to ...": the channel's noun runs on
    after = ch_end if channel else m.end()
    p = after
    while p < sb and text[p] in " \t\u00a0,":
        p += 1
    when = _WHEN_RE.match(text, p, min(sb, p + 80))
    if when:
        w_end = _strip(text, p, when.end())[1]
        if w_end == sb or not text[w_end].isalnum():
            after = w_end  # "announced in June that", "reported on Wednesday"
    if text[after:sb].lstrip(" \t\u00a0,").startswith(":"):
        return None  # "S said:" introduces the quotation that follows, a direct quote
    rest_a, rest_b = _content_after(ctx, after, sb)
    rest_b = _before_next_attribution(ctx, rest_a, rest_b)
    # "C, political analysts say; in 2012 ...": a semicolon after the cue ends the statement.
    semicolon = text[after:sb].lstrip(" \t\u00a0").startswith(";")
    has_rest = not semicolon and rest_b - rest_a > 0 and len(text[rest_a:rest_b].split()) >= 2
    if not semicolon and match_form(text[rest_a:rest_b]) in _ONE_WORD_ANSWERS and _plain_cue(cue):
        has_rest = True  # "Asked if he was bullied, the candidate said no."
    if has_rest and text[after:rest_a].strip(" \t\u00a0") == ",":
        nxt_cue = _cue_re().match(text, rest_a)
        ch = _channel_re().match(text, rest_a, rest_b) or _IN_DOCUMENT_RE.match(text, rest_a, rest_b)
        if nxt_cue is not None and nxt_cue.group(0).split()[0].endswith("ing"):
            has_rest = False  # "C, Raman said, adding that ...": the participle is a statement of its own
        elif ch is not None and not channel:
            # "C, researchers reported, in a study that ...": where it was said
            has_rest, channel = False, text[ch.start() : ch.end()]
    asked = None
    if has_rest and cue.split()[0].lower() in _ASK_FORMS and "that" not in text[after:rest_a].split():
        asked = _asked_object(text, rest_a, rest_b)
        before_cue = text[left_a : m.start()].split()
        if asked is not None and before_cue and _bare(before_cue[-1]) in _PASSIVE:
            return None  # "Trump was asked if ...": the one asking is not the subject
        if asked is not None:
            rest_a = asked  # "asked Sanders how he felt": the question, after the person asked
    if _bare(text[left_a : m.start()].strip()) == "so" and m.group(0).lower() in _SAY_FORMS:
        # "So says a voice at the end of the film": "So" stands for what was just quoted
        sp = ctx.speaker_after(m.end(), sb) or _unknown_source(ctx, m.end(), sb)
        if sp is None:
            return None
        ca, cb = _strip(text, left_a, m.start())
        return _Row("indirect", ca, cb, sp, cue, m.start(), channel, "c_vs")
    inverted = _inverted_close(ctx, m, left_a, sb, subject, channel)
    if inverted is not None:
        return inverted
    if has_rest:
        rest_b = _second_attribution(ctx, rest_a, rest_b)
        nxt = text[after:rest_a]
        that = "that" in nxt.split() or ":" in nxt or text[rest_a] in _QUOTE_CHARS or asked is not None
        if not that and _promise_to(cue, text, rest_a, rest_b):
            that = True  # "pledged to visit every county": what was promised
        participle = cue.split()[0].lower().endswith("ing")
        before_words = text[left_a : m.start()].split()
        cue_at = m.start()
        paren = _PAREN_BEFORE_RE.search(text, left_a, m.start())
        if paren is not None:
            cue_at = paren.start()  # "Sen. Ana Ruiz (D-Ohio) said": the name before the brackets
        progressive = participle and before_words and before_words[-1] in _BE_FORMS
        if progressive:
            # "Clinton is calling for ...", "he was telling voters ...": a finite verb
            participle = False
            cue_at = text.rindex(before_words[-1], left_a, m.start())
            if len(cue.split()) > 1:
                use = "any"  # a cue with its preposition takes a noun object ("calling for")
        needs_that = (
            use == "that" and not that and not participle and not _clause_follows(text, rest_a, rest_b)
        )
        if needs_that and (participle or subject is not None):
            return None
        if participle:
            # "Trump attacked the plan, saying it would fail": the subject of the sentence speaks.
            before = text[left_a : _before_adverbs(text, left_a, m.start())].rstrip()  # "..., even saying"
            last = _bare(before.split()[-1]) if before.split() else ""
            people = None
            if before.endswith((" and", " but")) and "," in before:
                # "..., painting others as weak and suggesting that ...": a second participle
                before = before[: before.rindex(",") + 1]
            if not before.endswith((",", "—", "–", ",”", ',"')) and last not in _PARTICIPLE_PREPOSITIONS:
                # "voters saying they want change ...": the participle modifies the people
                # who speak
                if that or _clause_follows(text, rest_a, rest_b):
                    people = restrictive_antecedent(text, sa, m.start())
                if people is None or _possessive(before.split()[-1]):
                    return None
                return _Row("indirect", rest_a, rest_b, people, cue, m.start(), channel, "s_ving_c")
            if not before.endswith((",", "—", "–", ",”", ',"')):
                if use == "that" and not that and not _clause_follows(text, rest_a, rest_b):
                    return None  # "before announcing the sentence": an act, not a statement
            found = _coordinated_subject(ctx, sa, m.start(), participle=True)
            if earlier is not None:
                sp = earlier  # "“…,” Anderson said, adding that …": the speaker just named
            elif found is not None:
                sp = found[0]
            else:
                return None
            return _Row("indirect", rest_a, rest_b, sp, cue, m.start(), channel, "s_ving_c")
        aside = aside_start(text, left_a, cue_at)
        if aside is not None:
            cue_at = aside  # "Mayor Tom Hale - who once said ... - said": the subject before the aside
        if subject is not None:
            found = (subject, subject.start, None)
        else:
            coordinated = earlier is not None and text[
                left_a : _before_adverbs(text, left_a, cue_at)
            ].rstrip().endswith((" and", " but"))
            found = (
                ctx.speaker_before(left_a, cue_at)
                # "S said C1 but urged ...": the speaker of the statement just before
                or (coordinated and (earlier, earlier.start, None))
                or _coordinated_subject(ctx, sa, cue_at)
                or relative_subject(ctx, sa, cue_at)
                or ((that or _plain_cue(cue) or progressive) and _plain_subject(ctx, sa, cue_at))
                or ((that or _plain_cue(cue)) and _subject_before_insertion(ctx, sa, cue_at))
                or _document_subject(ctx, sa, cue_at)
                or None
            )
        if needs_that and (
            found is None
            or not (
                _document(text, found[0])
                or _parenthetical(ctx, left_a, found[1], found[0], text[after:rest_a]) is not None
            )
        ):
            # "added to the list"; but "the poll showed Trump leading" and "C1, the airline
            # added, and C2" report speech
            return None
        if found is not None:
            sp, content_end, channel0 = found
            if _strip(text, left_a, sp.start)[1] > _strip(text, left_a, sp.start)[0] and not _segments(
                text, left_a, sp.start
            ):
                return None
            closing = _closing_with_phrase(ctx, left_a, content_end, sp, rest_a, rest_b)
            if closing is not None:
                # "C, the company said in a regulatory filing": the content is the clause
                # before the speaker; the phrase after the cue says where it was said.
                ca, cb = closing
                return _Row("indirect", ca, cb, sp, cue, m.start(), text[rest_a:rest_b], "c_sv")
            around = _parenthetical(ctx, left_a, content_end, sp, text[after:rest_a])
            cond = _condition_before(ctx, left_a, content_end, sp)
            if cond is not None and around is None and subject is None:
                # "If he loses, he said he would ...": the condition is part of what was said.
                return _Row("indirect", cond, rest_b, sp, cue, m.start(), channel or channel0, "sv_c")
            if around is not None and subject is None:
                # "The question, she said, is not so simple": the attribution stands inside
                # the statement, which runs from before the speaker to the end of the clause.
                return _Row("indirect", around, rest_b, sp, cue, m.start(), channel or channel0, "c_sv_c")
            if sp.start > left_a and text[left_a : sp.start].rstrip().endswith((" which", ",which")):
                # "a rule, which the audit said was broken": the content names its antecedent
                rest_a = text.rindex("which", left_a, sp.start)
            return _Row("indirect", rest_a, rest_b, sp, cue, m.start(), channel or channel0, "sv_c")
        if subject is not None:
            return None
        # "C, said S": the rest is the speaker.
        lb = _strip(text, left_a, m.start(), " \t\u00a0")[1]
        if lb > left_a and text[lb - 1] in ',”"':
            sp = ctx.speaker_after(m.end(), sb)
            if sp is not None and sp.kind != "pronoun":
                ca, cb = _strip(text, left_a, lb)
                if cb - ca > 3:
                    return _Row("indirect", ca, cb, sp, cue, m.start(), channel, "c_vs")
        return None
    found = None
    if subject is None:
        found = (
            ctx.speaker_before(left_a, m.start())
            or (_plain_cue(cue) and _plain_subject(ctx, sa, m.start()))
            or None
        )
        # (a plain cue's subject was looked for just above)
        if found is None and not _plain_cue(cue) and cue.lower() in ("show", "shows", "showed"):
            # "C, records show.": a document's words close the statement
            found = _plain_subject(ctx, sa, m.start()) or None
            if found is not None and not _document(text, found[0]) and found[0].kind != "organization":
                found = None
    if found is None:
        return None
    sp, content_end, channel0 = found
    ca, cb = _strip(text, left_a, content_end)
    if len(text[ca:cb].split()) < 2:
        return None
    ch = _channel_re().match(text, ca, cb)
    if (ch and ch.end() == cb) or _WHEN_RE.fullmatch(text, ca, cb):
        return None  # the words before the speaker are a channel or a time, not a statement
    return _Row("indirect", ca, cb, sp, cue, m.start(), channel or channel0, "c_sv")


# "As reported by", ", as first reported by": a passive cue after "as", its source after "by".
_AS_BEFORE_RE = re.compile(
    r"(?:^|,)[\s\u00a0]*[Aa]s[\s\u00a0]+(?:(?:first|previously|earlier|also)[\s\u00a0]+)?$"
)
_BY_AFTER_RE = re.compile(r"[\s\u00a0]+by[\s\u00a0]+")


def _as_reported_by(ctx, m, sa: int, sb: int) -> _Row | None:
    """``As reported by S, C`` and ``C, as first reported by S``: a source named like
    "according to" (rule ``according_to``). The row, or None for any other shape."""
    text = ctx.text
    if not m.group(0).endswith("ed") or " " in m.group(0):
        return None
    lo = max(sa, m.start() - 30)
    lead = _AS_BEFORE_RE.search(text[lo : m.start()])
    by = _BY_AFTER_RE.match(text, m.end(), sb)
    if lead is None or by is None:
        return None
    lead_start = lo + lead.start()
    sp = ctx.speaker_after(by.end(), sb) or _unknown_source(ctx, by.end(), sb)
    if sp is None or sp.kind == "pronoun" or sp.start != by.end():
        return None
    sp.role = None
    if lead.group(0).lstrip(" \u00a0").startswith(","):
        ca, cb = _strip(text, sa, lead_start)  # "C, as first reported by S"
    else:
        if text[sa : m.start()].split()[:1] != ["As"]:
            return None  # "As" must open the sentence
        comma = text.find(",", sp.end, min(sb, sp.end + 40))
        if comma < 0:
            return None
        ca, cb = _content_after(ctx, comma + 1, sb)  # "As reported by S, C"
    if len(text[ca:cb].split()) < 3:
        return None
    return _Row("indirect", ca, cb, sp, m.group(0), m.start(), None, "according_to")


def _subject_before_insertion(ctx, sa: int, cue_at: int):
    """``S, <insertion>, V C``: the subject that opens the sentence before a phrase between
    commas ("Backers of the bill, however, say", "The council, in a letter to residents,
    has said"). ``(speaker, content end, None)`` or None."""
    text = ctx.text
    close = sa + len(text[sa:cue_at].rstrip(" \t\u00a0"))
    if close > sa and text[close - 1] != ",":
        bare = _before_adverbs(text, sa, cue_at)  # ", has also said"
        close = sa + len(text[sa:bare].rstrip(" \t\u00a0"))
    if close <= sa or text[close - 1] != ",":
        return None
    open_ = text.rfind(",", max(sa, close - 160), close - 1)
    inner = text[open_ + 1 : close - 1]
    if open_ <= sa or not inner.strip() or len(inner.split()) > 15:
        return None
    if any(c in inner for c in _QUOTE_CHARS) or _cue_re().search(inner):
        return None
    found = ctx.speaker_before(sa, open_) or _plain_subject(ctx, sa, open_)
    if not found or found[0].kind == "pronoun":
        return None
    sp = found[0]
    lead = text[sa : sp.start].split()
    if _strip(text, sp.end, open_)[1] > _strip(text, sp.end, open_)[0]:
        return None  # words between the subject and the insertion
    if lead and not all(_bare(w) in _OPENING_CONJUNCTIONS for w in lead):
        return None  # the subject opens the sentence ("But backers of the bill, ...")
    return sp, sp.start, None


def _inverted_close(ctx, m, left_a: int, sb: int, subject, channel) -> _Row | None:
    """``C, V S.``: a cue right after a comma, then a speaker that runs to the end of the
    sentence or to a comma ("..., said Batchelder.", "..., noted NBC’s Dante Chinni.").
    The c_vs row, or None."""
    text = ctx.text
    if subject is not None or m.group(0).split()[0].endswith("ing") or not m.group(0).islower():
        return None
    lb = _strip(text, left_a, m.start(), " \t\u00a0")[1]
    if lb <= left_a or text[lb - 1] not in ',”"' or m.group(0).lower() == "according to":
        return None
    if m.group(0).split()[0] in ("told", "tells", "tell"):
        return None  # "..., told the Post she ...": the words after are the audience
    rest = text[m.end() : sb].split()
    if len(rest) > 8 or any(w.islower() and (_bare(w) in _FINITE or _bare(w).endswith("ed")) for w in rest):
        return None  # "..., said his survey showed ...": a clause follows, not a speaker
    sp = ctx.speaker_after(m.end(), sb)
    if sp is None or sp.kind == "pronoun" or sp.start != _strip(text, m.end(), sb)[0]:
        return None
    if _WHEN_RE.fullmatch(text, sp.start, sp.end):
        return None  # "..., said Sunday.": a time, not a speaker
    tail = text[sp.end : sb].strip(" \t\u00a0")
    if tail and tail[0] not in ".,;!?" and not _channel_re().match(text, _strip(text, sp.end, sb)[0], sb):
        return None  # "..., said he noticed the shift": not a speaker that closes the sentence
    ca, cb = _strip(text, left_a, lb)
    if len(text[ca:cb].split()) < 3:
        return None
    return _Row("indirect", ca, cb, sp, m.group(0), m.start(), channel, "c_vs")


_ASK_FORMS = frozenset("asked ask asks asking".split())
_PASSIVE = frozenset("was were been being is are be get got gets".split())


def _asked_object(text: str, a: int, b: int) -> int | None:
    """``asked O if C``, ``asked O to V``: where the question or request starts, after the
    person asked (one to five words, no punctuation), or ``a`` itself for a request ("asked
    the council to vote", whose object is part of what was asked); None when no question
    or request follows ("asked for help", "asked the price")."""
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, a, min(b, a + 120))][:7]
    for k in range(1, min(len(words), 6)):
        raw = text[words[k - 1][0] : words[k - 1][1]]
        if raw.endswith((",", ";", ":", "—", "–")) or raw.startswith(("“", '"')):
            return None
        prev = _bare(raw)
        if prev in _FINITE or prev in _QUESTION_WORDS or prev in ("that", "for", "about", "to"):
            return None
        w = text[words[k][0] : words[k][1]]
        if _bare(w) in _QUESTION_WORDS and w.islower() and k + 1 < len(words):
            return words[k][0]
        if _bare(w) == "to" and w.islower() and k + 1 < len(words):
            nxt = _bare(text[words[k + 1][0] : words[k + 1][1]])
            if nxt.isalpha() and nxt not in _DETERMINER_WORDS and not nxt.endswith("ing"):
                return a  # "asked the council to vote on it": a request
            return None
    return None


# A short bracket right before a cue: a party and state, an age, an initialism.
_PAREN_BEFORE_RE = re.compile(r"[\s\u00a0]\([^()\s]{1,20}(?:[\s\u00a0][^()\s]{1,20}){0,2}\)[\s\u00a0]*$")
_PROMISE_STEMS = ("pledg", "vow", "promis", "threaten")


def _promise_to(cue: str, text: str, a: int, b: int) -> bool:
    """``pledged to V``, ``vowed not to V``, ``threatened to V``: a verb of promising and
    the act it promises."""
    if not cue.split()[0].lower().startswith(_PROMISE_STEMS):
        return False
    words = [_bare(w) for w in text[a : min(b, a + 60)].split()[:3]]
    if words[:1] == ["not"]:
        words = words[1:]
    return len(words) >= 2 and words[0] == "to" and words[1].isalpha() and words[1] not in _DETERMINER_WORDS


def _cut_noun(text: str, a: int, b: int) -> bool:
    """Whether a channel read up to ``a`` was cut inside its noun phrase ("in a video |
    message to the convention"): a lower-case word follows that opens no clause, phrase
    or time."""
    x = _WORD.match(text, a + 1) if text[a : a + 1] == " " else None
    if x is None or x.end() > b:
        return False
    raw = text[x.start() : x.end()]
    w = _bare(raw)
    return (
        raw.isalpha()
        and raw.islower()
        and w not in _SUBJECT_WORDS
        and w not in _PREPOSITIONS
        and w not in _CLAUSE_WORDS
        and w not in _CONJUNCTIONS
        and w not in _TIME_WORDS
        and w not in _FINITE
        and w not in _QUESTION_WORDS
        and w != "that"
        and not w.endswith(("ed", "ing"))
        and not _adverb(raw)
    )


_CONDITIONS = frozenset("if unless".split())


def _condition_before(ctx, left_a: int, content_end: int, sp) -> int | None:
    """Where a statement starts when a condition opens its sentence before the speaker
    ("If Trump loses, he said he would ..."): the start of the condition, or None."""
    text = ctx.text
    ca, cb = _strip(text, left_a, content_end)
    words = text[ca:cb].split()
    if len(words) < 3 or _bare(words[0]) not in _CONDITIONS or "," not in text[cb : sp.start]:
        return None
    if left_a != ctx.s_starts[ctx.sentence_at(ca)] and text[ca - 1 : ca] not in ("", " ", "\n"):
        return None
    return ca


def _parenthetical(ctx, left_a: int, content_end: int, sp, between: str) -> int | None:
    """Where a statement starts when its attribution stands inside it, between commas
    ("C1, S V, C2"); None when the cue is not followed by a comma or the words before
    the speaker are only a time, a channel or fewer than two words."""
    text = ctx.text
    if not between.lstrip(" \t\u00a0").startswith(",") or "that" in between.split():
        return None
    ca, cb = _strip(text, left_a, content_end)
    if len(text[ca:cb].split()) < 2 or "," not in text[cb : sp.start]:
        return None
    ch = _channel_re().match(text, ca, cb)
    lead = text[ca].lower() + text[ca + 1 : cb]  # "On Tuesday" reads as "on Tuesday"
    if (ch and ch.end() == cb) or _WHEN_RE.fullmatch(lead) or _TIME_LEAD_RE.fullmatch(lead):
        return None
    return ca


# A short lead that sets the time or place of a statement, not its words ("In 2012",
# "In Iowa", "At the rally"); "In his state, Christie said, ..." is content.
_TIME_LEAD_RE = re.compile(
    r"(?:in|since|by|at)\s+(?:\d{4}|[A-Z][\w’'.-]+|the\s+(?:rally|event|meeting|hearing|debate))"
)


def _closing_with_phrase(ctx, left_a: int, content_end: int, sp, rest_a: int, rest_b: int):
    """``C, S V <prepositional phrase>``: the words after the cue are a short phrase
    starting with a preposition (no "that"), and a clause ending in a comma stands before
    the speaker. Returns the content's span, or None."""
    text = ctx.text
    rest = text[rest_a:rest_b].split()
    if (
        not rest
        or _bare(rest[0]) not in _PHRASE_PREPOSITIONS
        or len(rest) > MAX_CLOSING_PHRASE_WORDS
        or any(_bare(w) in ("that", "whether") or _bare(w) in PRONOUNS for w in rest)
    ):
        return None
    ca, cb = _strip(text, left_a, content_end)
    if len(text[ca:cb].split()) < 2 or "," not in text[cb : sp.start]:
        return None
    ch = _channel_re().match(text, ca, cb)
    if (ch and ch.end() == cb) or _WHEN_RE.fullmatch(text, ca, cb):
        return None
    return ca, cb


def _second_attribution(ctx, a: int, b: int) -> int:
    """Where reported content ``text[a:b]`` ends when a second attribution follows it in
    the same sentence ("Police said 9,000 came, while organisers said 15,000 did")."""
    text = ctx.text
    for x in _CONTRAST_RE.finditer(text, a, b):
        m = _cue_re().search(text, x.end(), min(b, x.end() + 120))
        if m is None or m.group(0).lower() == "according to":
            continue
        subject = ctx.noun_phrase(x.end(), m.start())
        if subject is None:
            plain = _plain_subject(ctx, x.end(), m.start())
            subject = plain[0] if plain and plain[0].start == x.end() else None
        if subject is not None:
            if x.group(0).split()[-1] not in ("while", "whereas", "but") or not x.group(0).startswith(","):
                # "C1, and rights groups warned that C2", "C1 though she noted C2", "C1 —
                # and he noted that C2", "C1, Mr. Ruiz said that C2": only when the second
                # cue reports a clause of its own
                after = _strip(text, m.end(), b)[0]
                plain = (
                    _plain_cue(m.group(0)) and _cue_verbs().get(" ".join(m.group(0).lower().split())) == "any"
                )
                said = (
                    x.group(0).startswith(",")
                    and (m.group(0).lower() in _SAY_FORMS or plain)
                    and len(text[after:b].split()) >= 2
                )  # "C1, and three-quarters said the same of C2", "C1, and S accused O of ...":
                # a cue of one sense reports wherever it stands
                if not said and not text.startswith("that", after) and not _clause_soon(text, after, b):
                    continue
            return _strip(text, a, x.start() + (x.group(0)[1] in "”\"’'"))[1]
    # A few cues within two windows: a news sentence is under 500 characters, and a bound
    # keeps a long run of cues (bad input) from costing the square of its length.
    for n, m in enumerate(_cue_re().finditer(text, a, min(b, a + 2 * WINDOW))):
        if n >= 12:
            break
        # "..., saying C": a participle after a comma starts a statement of its own.
        if m.group(0).split()[0].endswith("ing") and text[max(a, m.start() - 8) : m.start()].rstrip(
            " \u00a0"
        ).endswith((",", ",”", ',"')):
            return _strip(text, a, text.rindex(",", a, m.start()))[1]
        # "..., praising the staff and suggesting that C2": a second participle.
        if m.group(0).split()[0].endswith("ing"):
            bare_end = _before_adverbs(text, a, m.start())
            x = _AND_CUE_RE.search(text, max(a, bare_end - 20), bare_end)
            after = _strip(text, m.end(), b)[0]
            if (
                x is not None
                and x.start() > a
                and (text.startswith("that", after) or _clause_follows(text, after, b))
            ):
                return _strip(text, a, x.start())[1]
        # "S praised the plan and said C2": a second cue of the same subject.
        if not m.group(0).split()[0].endswith("ing") and m.group(0).lower() != "according to":
            bare_end = _before_adverbs(text, a, m.start())  # "and has since said"
            x = _AND_CUE_RE.search(text, max(a, bare_end - 20), bare_end)
            second = _cue_verbs().get(" ".join(m.group(0).lower().split()), "any")
            if (
                second == "that"
                and not text[m.end() : m.end() + 6].lstrip(" \u00a0").startswith("that")
                and not _clause_follows(text, _strip(text, m.end(), b)[0], b)
            ):
                x = None  # "... and asked for help": part of the same statement
            if x is not None and x.start() > a:
                return _strip(text, a, x.start())[1]
        # "C1, another says C2": a comma, a short subject and a plain cue that reports a
        # clause of its own start the next statement.
        if _plain_cue(m.group(0)) and not m.group(0).split()[0].endswith("ing"):
            comma = text.rfind(",", max(a, m.start() - 40), m.start())
            after = _strip(text, m.end(), b)[0]
            if (
                comma > a
                and not text[m.end() : after].strip(" \u00a0")
                and (text.startswith("that ", after) or _clause_follows(text, after, b))
            ):
                sub = ctx.noun_phrase(_strip(text, comma + 1, m.start())[0], m.start())
                if sub is None:
                    plain = _plain_subject(ctx, comma + 1, m.start())
                    sub = plain[0] if plain else None
                if sub is not None and sub.start == _strip(text, comma + 1, m.start())[0]:
                    return _strip(text, a, comma)[1]
        # "C1, compared with four in 10 who said C2": a share of people speaks in turn.
        if text[max(a, m.start() - 8) : m.start()].rstrip(" \u00a0").endswith(" who"):
            who = text.rindex("who", a, m.start())
            comma = text.rfind(",", max(a, who - 60), who)
            if (
                comma > a
                and restrictive_antecedent(text, comma + 1, who) is not None
                and _plain_cue(m.group(0))
            ):
                return _strip(text, a, comma)[1]
        # "..., which he said was ...": a relative clause with an attribution of its own;
        # "..., who has vowed ...": the person just named speaks in turn.
        if _RELATIVE_ATTRIBUTION_RE.search(text, max(a, m.start() - 40), m.start()) or (
            _RELATIVE_CUE_RE.search(text, max(a, m.start() - 40), m.start())
        ):
            return _strip(text, a, text.rindex(",", a, m.start()))[1]
        # "he votes for Democrats, said one candidate ...": a cue right after a comma
        # starts the next statement of the sentence's subject.
        if (
            not m.group(0).split()[0].endswith("ing")
            and m.group(0).lower() != "according to"
            and text[max(a, m.start() - 8) : m.start()].rstrip(" \u00a0").endswith(",")
            and m.group(0).islower()
        ):
            return _strip(text, a, text.rindex(",", a, m.start()))[1]
    return b


_RELATIVE_ATTRIBUTION_RE = re.compile(
    r",[\s\u00a0]+(?:which|who|whom)[\s\u00a0]+(?:he|she|they|we|I|it"
    r"|(?:an?|the)[\s\u00a0]+(?:[^\s\u00a0,;:]+[\s\u00a0]+){1,3})[\s\u00a0]*$"
)
_RELATIVE_CUE_RE = re.compile(
    r",[\s\u00a0]+who[\s\u00a0]+(?:(?:has|have|had|also|later|publicly|then|once|repeatedly)[\s\u00a0]+){0,2}$"
)
# "..., and said C2", "... and also told reporters C2": a second cue for the same subject.
_AND_CUE_RE = re.compile(r"[\s\u00a0](?:and|but)[\s\u00a0]+(?:(?:also|then|later)[\s\u00a0]+)?$")

# Cue forms that are verbs after a quantifier ("Several said", "Many say"), and the
# articles and possessives after which even they are nouns ("the say", "their say").
_VERB_ONLY = frozenset("said say told wrote".split())
_ARTICLES = frozenset("the a an its their our his her your my".split())
# Words before a noun: a cue form after one of them is a noun ("the states", "its report").
_NOUN_BEFORE = frozenset(
    "the a an these those both many some all several other its their our his her your my two three"
    " four five".split()
)

# Words that may open a clause reported without "that" ("he added some projects ...",
# "Ministers have insisted they ..."), and words that show the clause has a verb.
_SUBJECT_WORDS = frozenset(
    "he she it they we i you there this these those his her their its our my your the a an some no"
    " many most all both none nobody everyone everything nothing".split()
)
_QUESTION_WORDS = frozenset("whether if why how what when where who which".split())


# "by saying", "while saying", "after saying": the subject of the sentence speaks.
_PARTICIPLE_PREPOSITIONS = frozenset("by while after before when in".split())
# "in a study", "in their new report": the document where a statement was made.
_IN_DOCUMENT_RE = re.compile(
    r"in[\s\u00a0]+(?:an?|the|their|its|his|her|a[\s\u00a0]+new)[\s\u00a0]+(?:[\w’'-]+[\s\u00a0]+){0,3}?"
    r"(?:study|report|paper|survey|analysis|poll|review|book|memo|filing)\b",
    re.IGNORECASE,
)
_ONE_WORD_ANSWERS = frozenset("yes no so".split())


def _possessive(word: str) -> bool:
    """Whether a word is a possessive ("Clinton’s", "voters’"), not a contraction ("he’s")."""
    w = match_form(word).strip('()[]"“”.,;:!?').replace("’", "'")
    if w.endswith("s'") and len(w) > 2:
        return True
    return w.endswith("'s") and w[:-2] not in _CONTRACTED


_CONTRACTED = frozenset("he she it that there who what where here let".split())


def _plain_cue(cue: str) -> bool:
    """Cue forms that are verbs wherever they stand, so that a subject the speaker rules do
    not know may be kept ("says" and "-ed" forms; not "claims", "reports", "call")."""
    w = cue.split()[0].lower()
    return w in ("said", "says", "say", "told", "tells", "wrote") or (w.endswith("ed") and w != "need")


_SAY_FORMS = frozenset("say says said".split())
_BE_FORMS = frozenset(
    "is are was were been be isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t".split()
)


def _clause_follows(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` opens with a clause (a subject, then a verb within a few words):
    a cue with other senses ("added", "noted") then reports speech without "that"."""
    words = text[a : min(b, a + 200)].split()[:8]
    if len(words) < 2:
        return False
    first = _bare(words[0])
    if first in _QUESTION_WORDS:  # "asked whether ...", "explained how ..."
        return True
    head, _, tail = match_form(words[0]).replace("’", "'").partition("'")
    if head in PRONOUNS and tail in ("ll", "d", "s", "re", "ve", "m"):
        return True  # "suggested she’ll turn to ...": a pronoun and its auxiliary
    if first not in _SUBJECT_WORDS and not words[0][:1].isupper():
        return False
    for k in range(1, len(words)):
        w = _bare(words[k])
        if w in _FINITE:
            return True
        # A past tense after a noun ("argued the piece made ...", "noted Clinton raised ..."),
        # not a participle after a determiner ("the armed group").
        prev = _bare(words[k - 1])
        if (
            w.endswith("ed")
            and words[k].islower()
            and prev not in _SUBJECT_WORDS
            and prev not in _CLAUSE_WORDS
        ):
            return True
        if w in _PREPOSITIONS or words[k - 1].endswith((",", ";", ":")):
            return False  # the object ended without a verb: "added the salt to the soup"
    return False


def _clause_soon(text: str, a: int, b: int) -> bool:
    """:func:`_clause_follows`, or an auxiliary or ``be`` among the first four words
    ("noted clients are beginning to ...")."""
    if _clause_follows(text, a, b):
        return True
    words = text[a : min(b, a + 80)].split()[:4]
    return any(w.islower() and _bare(w) in _FINITE for w in words[1:])


_OPENING_CONJUNCTIONS = frozenset("but and yet so still".split())


def _before_adverbs(text: str, a: int, b: int) -> int:
    """Where ``text[a:b]`` ends without the auxiliaries and adverbs just before a cue
    ("but has said", ", even suggesting", "and also told")."""
    words = [(x.start(), x.end()) for x in _WORD.finditer(text, max(a, b - 60), b)]
    while words and _adverb(text[words[-1][0] : words[-1][1]]):
        b = words.pop()[0]
    return b


def _coordinated_subject(ctx, sa: int, cue_start: int, participle: bool = False):
    """``S V1 ... and V2 C``: the subject at the start of the sentence ("Boateng called her
    ... and said that ..."); with ``participle``, ``S V1 ..., V-ing C`` ("..., saying")."""
    text = ctx.text
    lo = max(sa, cue_start - WINDOW)
    left = text[lo : _before_adverbs(text, lo, cue_start)].rstrip()  # "but has since said"
    if not left.endswith((" and", " but")) and not participle:
        return None
    words = [(m.start() + sa, m.end() + sa) for m in _WORD.finditer(text[sa : min(cue_start, sa + 200)])]
    # The subject opens the sentence, or follows a leading phrase and its comma ("In an
    # interview with the Journal, Trump doubled down ... and said").
    firsts = [0] + [k + 1 for k in range(min(len(words) - 1, 12)) if text[words[k][1] - 1] == ","][:1]
    if words and _bare(text[words[0][0] : words[0][1]]) in _OPENING_CONJUNCTIONS:
        firsts.insert(1, 1)  # "But some strategists fear ... and warn that ...": after the conjunction
    for f in firsts:
        for n in range(min(len(words) - f, MAX_SPEAKER_WORDS), 0, -1):
            sp = ctx.noun_phrase(words[f][0], words[f + n - 1][1])
            if sp is not None and sp.start == words[f][0]:
                return sp, sa, None
    return None


# "S called O “Q”", "S described O as “Q”", "S branded O “Q”": a labelling verb, its object
# (one to six words) and the label in quotation marks right after it. Bounded repetition
