"""Who each speaker is: entity names, pronouns and their genders, source types."""

from __future__ import annotations

import bisect
from functools import cache

from kit.lexicons import match_form, read_lexicon, read_table
from kit.quotes.limits import MAX_SPEAKER_WORDS
from kit.quotes.speakers import _Context, _Row, _Speaker
from kit.quotes.words import (
    _CAP,
    _DETERMINERS,
    _GENDER_WORDS,
    _HONORIFICS,
    _NAME_TITLES,
    _NUMBER_WORDS,
    _POSTMODIFIERS,
    _PRONOUN_GENDER,
    _PRONOUN_WORDS,
    PRONOUNS,
    _bare,
    _speaker_nouns,
    _strip,
)


def _resolve(ctx: _Context, rows: list[_Row]) -> None:
    history: list[_Row] = []
    roles: dict[str, str] = {}
    genders: dict = {}
    for row in rows:
        if row.inherited is not None:
            src = row.inherited
            row.source_type, row.speaker_name, row.entity_id, row.role = (
                src.source_type,
                src.speaker_name,
                src.entity_id,
                src.role,
            )
            row.speaker = src.speaker
            continue
        if row.speaker is None:
            continue  # "Asked whether ...": the text does not say who asked
        _resolve_row(ctx, row, history, roles, genders)
        history.append(row)


def _resolve_row(ctx: _Context, row: _Row, history: list[_Row], roles: dict, genders: dict) -> None:
    """Fill in the speaker's name, entity, role and source type of one row."""
    text = ctx.text
    sp = row.speaker
    sp_text = text[sp.start : sp.end]
    low = match_form(sp_text)
    if sp.kind == "pronoun":
        low = _bare(low)  # "he's said": the pronoun
    head = _bare(sp_text.split()[-1])
    # an entity that runs on past the speaker ("County Says Trump" in a title-case headline) is not it
    ents = [e for e in ctx.mentions_in(sp.start, sp.end) if e[1] <= sp.end]
    if sp.loose:
        ents = []  # "the Ohio senator and Republican candidate": the names inside only modify
    # An honorific or a role word before a capitalised name ("Dr. Park", "resident Lina
    # Park") makes the name a person's, whatever type the entity table guessed.
    honorific = _bare(sp_text.split()[0]) in _HONORIFICS or (
        _CAP.match(sp_text.split()[-1]) is not None
        and any(w.islower() and _bare(w) in _speaker_nouns() for w in sp_text.split()[:-1])
    )
    # An age or a person's role in apposition ("Jane Smith, 45,", "Marta Kowalczyk, the
    # union's general secretary") makes a name a person's, whatever type the entity table
    # guessed.
    evidence = sp.kind == "name" and (sp.aged or _person_role(sp.role))
    person = [
        e for e in ents if e[3] == "PERSON" or evidence or (honorific and e[3] in ("LOCATION", "FACILITY"))
    ]
    others = [e for e in ents if e not in person]
    antecedent = None
    if sp.kind == "pronoun":
        antecedent = _sentence_subject(ctx, row, low, history, roles, genders) or _nearest(
            ctx, row, low, history, roles, genders
        )
    elif (
        sp.kind == "person"
        and low.startswith("the ")
        and len(low.split()) <= 3
        and not ents
        and (antecedent := _antecedent(history, "person", head)) is not None
    ):
        pass
    org_ref = None
    if antecedent is None and sp.kind == "organization" and low.startswith("the ") and not ents:
        org_ref = _organization_referent(ctx, history, sp)
    if antecedent is not None:
        row.source_type = antecedent.source_type
        row.speaker_name = antecedent.speaker_name
        row.entity_id = antecedent.entity_id
        row.role = antecedent.role
        row.gender = _gender_of(antecedent, genders)
        row.rule += "+pronoun"
        if low in _PRONOUN_GENDER and row.gender is None:
            row.gender = _PRONOUN_GENDER[low]
            _remember_gender(antecedent, row.gender, genders)
    elif org_ref is not None:
        row.source_type, row.speaker_name, row.entity_id = "organization", org_ref[0], org_ref[1]
        row.role = sp.role
        row.rule += "+reference"
    elif sp.kind == "pronoun":
        row.source_type = "anonymous"
    elif (ctx.outlet and ctx.outlet in low and sp.kind == "anonymous") or low.startswith("our "):
        row.source_type = "own_sources"
    elif sp.anonymous_phrase or (sp.kind == "anonymous" and not person) or low in _NUMBER_WORDS:
        row.source_type = "anonymous"
        row.gender = _gender_clues(text[sp.start : row.cue_start] + " " + (sp.role or ""))
    elif person and sp.kind not in ("organization",):
        ent = max(person, key=lambda e: (e[1], e[1] - e[0]))
        row.source_type, row.speaker_name, row.entity_id = "named", _person_name(ent[2]), ent[4]
        written = _person_name(_clean_role(sp_text) or "")
        if (
            evidence
            and ent[3] != "PERSON"
            and len(written) > len(row.speaker_name)
            and all(_CAP.match(w) for w in written.split())
        ):
            # The entity table found only part of the name ("Yazzie" in "Dolores Yazzie"):
            # the name as written is the better name, with no entity to join.
            row.speaker_name, row.entity_id = written, None
            pre = sp_text[: sp_text.rfind(written)].strip(" ,\u00a0")
        else:
            pre = text[sp.start : ent[0]].strip(" ,\u00a0")
        role = _clean_role(pre)
        if role and _bare(role) in _HONORIFICS:
            role = None
        if sp.role:
            role = f"{role}, {sp.role}" if role else sp.role
        row.role = role or roles.get(row.speaker_name) or _clean_role(ctx.titles.get(ent[4], ""))
        if row.role:
            roles.setdefault(row.speaker_name, row.role)
        clue = _gender_clues(f"{sp_text} {sp.role or ''} {ctx.titles.get(ent[4]) or ''}", name=True)
        _remember_gender(row, clue or _given_name_gender(row.speaker_name), genders)
    elif others and _titled_person(sp_text):
        # "Local MP Gareth Lowe", "City Clerk Ana Ruiz": a title before a given name
        # makes a person, whatever type the entity table guessed.
        ent = max(others, key=lambda e: (e[1], e[1] - e[0]))
        row.source_type, row.speaker_name, row.entity_id = "named", _person_name(ent[2]), ent[4]
        row.role = sp.role or _clean_role(text[sp.start : ent[0]])
        _remember_gender(
            row, _gender_clues(sp_text, name=True) or _given_name_gender(row.speaker_name), genders
        )
    elif others:
        ent = max(others, key=lambda e: (e[1], e[1] - e[0]))
        row.speaker_name, row.entity_id = ent[2], ent[4]
        run = _clean_role(sp_text)
        while run and " " in run and run[0].islower():
            run = run.split(" ", 1)[1]  # "the state Department of X": the name is capitalised
        if _CAP.match(sp_text.split()[-1]) and run and len(run) > ent[1] - ent[0] + 3:
            # The entity table found only part of the name ("Union" in "Nurses' Union"):
            # the name as written is the better name, with no entity to join.
            row.speaker_name, row.entity_id = run, None
        row.source_type = "organization" if ent[3] != "PERSON" else "named"
        row.role = sp.role
    elif sp.kind == "organization":
        row.source_type, row.role = "organization", sp.role
    elif sp.kind == "person" and low.split()[0] in ("a", "an", "one", "another"):
        row.source_type = "anonymous"
    else:
        # "the foreign minister" identifies one person; "the retired steel worker" only
        # describes one: a person described, not named, is an anonymous source.
        row.source_type = "named" if sp.kind == "name" or _office_head(sp_text) else "anonymous"
        row.speaker_name = _name_without_role(_clean_role(sp_text) or "") if sp.kind == "name" else None
        row.role = sp.role if sp.kind == "name" else _clean_role(sp_text)
        if sp.loose and sp.role and row.role:
            row.role = f"{row.role} {sp.role}"  # "former deckhand to Captain Ana Ruiz"


def _name_without_role(text: str) -> str | None:
    """A written name without the role words before it ("Psychotherapist Fran Sherman" is
    Fran Sherman): leading lower-case words and speaker nouns are dropped."""
    words = text.split()
    while len(words) > 1 and (words[0].islower() or _bare(words[0]) in _speaker_nouns()):
        words.pop(0)
    return " ".join(words) or None


def _person_role(role: str | None) -> bool:
    """Whether an appositive role names a person ("the union's general secretary", "a
    nurse", "president of the club"): its head, before any "of" or "at", is a noun of
    ``quote_speaker_nouns.txt`` for a person or an unnamed person."""
    if not role:
        return False
    words = [_bare(w) for w in role.split()[:MAX_SPEAKER_WORDS]]
    for k, w in enumerate(words):
        if k and w in _POSTMODIFIERS:
            words = words[:k]
            break
    return bool(words) and _speaker_nouns().get(words[-1]) in ("person", "anonymous")


def _sentence_subject(ctx, row: _Row, low: str, history, roles, genders) -> _Row | None:
    """A pronoun in a closing attribution takes the subject of its own sentence when that
    subject stands before the quotation ("Tom Hale called it 'a disaster', he told the
    BBC"): returns the subject resolved as a row of its own, or None."""
    want = {"he": "named", "she": "named", "it": "organization"}.get(low)
    sp = row.speaker
    if want is None or sp.start < row.content_end:
        return None
    k = ctx.sentence_at(row.content_start)
    sa = ctx.s_starts[k]
    if row.content_start <= sa or ctx.sentence_at(sp.start) != k:
        return None
    first = next(iter(ctx.mentions_in(sa, row.content_start)), None)
    if first is None or first[0] < sa or first[1] >= row.content_start:
        return None
    subject = ctx.noun_phrase(sa, first[1])
    if subject is None or subject.kind == "pronoun" or _strip(ctx.text, sa, subject.start)[1] > sa:
        return None
    tmp = _Row(row.kind, row.content_start, row.content_end, subject, row.cue, row.cue_start, None, "")
    _resolve_row(ctx, tmp, history, roles, genders)
    if tmp.source_type != want or (want == "named" and not tmp.speaker_name):
        return None
    if _gender_of(tmp, genders) not in (None, _PRONOUN_GENDER.get(low)):
        return None
    return tmp


def _nearest(ctx, row: _Row, low: str, history, roles, genders) -> _Row | None:
    """The antecedent of a pronoun speaker: the nearest earlier speaker that agrees with it,
    unless a person who opens a later sentence (its subject) stands nearer and is known to
    agree ("Tom Ruiz arrived later. “We are glad,” he said." is Tom Ruiz, not the woman
    quoted before him). A speaker's name reaches a pronoun only through such agreement, so
    one wrong guess does not pass down a chain of pronouns."""
    gender = _PRONOUN_GENDER.get(low)
    found = _antecedent(history, PRONOUNS[low], gender=gender, genders=genders)
    if gender is None:
        return found
    anchor = -1
    if found is not None:
        anchor = found.speaker.start if found.speaker is not None else found.cue_start
    subject = _subject_before(ctx, row, anchor)
    if subject is None:
        return found
    tmp = _Row(row.kind, row.content_start, row.content_end, subject, row.cue, row.cue_start, None, "")
    _resolve_row(ctx, tmp, history, dict(roles), dict(genders))
    if (
        tmp.source_type != "named"
        or not tmp.speaker_name
        or tmp.speaker_name == (found and found.speaker_name)
    ):
        return found
    if _gender_of(tmp, genders) != gender:
        return found  # only a subject known to agree outranks the last speaker
    return tmp


def _subject_before(ctx, row: _Row, after: int) -> _Speaker | None:
    """The nearest person named at the start of one of the three sentences before the
    pronoun's own (same paragraph or the one before), later than offset ``after``."""
    text = ctx.text
    k = ctx.sentence_at(min(row.content_start, row.speaker.start))
    para = ctx.s_paras[k]
    for j in range(k - 1, max(k - 4, -1), -1):
        sa, sb = ctx.s_starts[j], ctx.s_ends[j]
        if sb <= after or para - ctx.s_paras[j] > 1:
            return None
        a, _ = _strip(text, sa, sb, " \t\n\r\u00a0")
        if a < sb and text[a] in "“\"‘'«":
            continue  # a quotation's sentence: its names are not the subject
        first = next(iter(ctx.mentions_in(a, sb)), None)
        if first is None or first[0] < a or first[3] != "PERSON" or first[0] <= after:
            continue
        before = text[a : first[0]].split()
        if len(before) > 3 or any(not _CAP.match(w) for w in before):
            continue  # "Mr. Ruiz", "Sen. Ana Ruiz" open it; "After Ruiz left" does not
        return _Speaker(a, first[1], "name")
    return None


def _gender_clues(text: str, *, name: bool = False) -> str | None:
    """The gender that the words of ``text`` agree on (honorifics, gendered nouns,
    pronouns), or None when they say nothing or disagree. With ``name=True`` (text that
    names the speaker, not a clause about them) pronouns are not read."""
    found = set()
    for w in text.split()[:60]:
        b = _bare(w)
        if b in _GENDER_WORDS and not (name and b in _PRONOUN_WORDS):
            found.add(_GENDER_WORDS[b])
    return found.pop() if len(found) == 1 else None


@cache
def _given_names() -> dict[str, str]:
    return {
        match_form(r["name"]): r["gender"] for r in read_table("quote_given_name_genders.csv") if r["name"]
    }


def _given_name_gender(name: str | None) -> str | None:
    if not name:
        return None
    return _given_names().get(match_form(name.split()[0]))


def _gender_key(row: _Row):
    return row.entity_id if row.entity_id is not None else (row.speaker_name or id(row))


def _gender_of(row: _Row, genders: dict) -> str | None:
    return genders.get(_gender_key(row), row.gender)


def _remember_gender(row: _Row, gender: str | None, genders: dict) -> None:
    if gender is not None:
        row.gender = gender
        genders.setdefault(_gender_key(row), gender)


@cache
def _title_words() -> frozenset[str]:
    try:
        lines = read_lexicon("entity_titles.txt")
    except (OSError, ValueError):
        return frozenset()
    return frozenset(match_form(line.split(",")[0].strip()) for line in lines if line.strip())


@cache
def _office_words() -> frozenset[str]:
    """Offices and job titles of ``entity_titles.txt`` (its ``title`` and ``role`` lines)."""
    try:
        lines = read_lexicon("entity_titles.txt")
    except (OSError, ValueError):
        return frozenset()
    pairs = [line.split(",") for line in lines if line.count(",") == 1]
    return frozenset(match_form(w.strip()) for w, kind in pairs if kind.strip() in ("title", "role"))


def _office_head(sp_text: str) -> bool:
    """Whether a description is headed by an office ("the foreign minister", "his
    spokesman", "the Ohio senator and Republican candidate"), which identifies one person."""
    words = [_bare(w) for w in sp_text.split()[:MAX_SPEAKER_WORDS]]
    for k, w in enumerate(words):
        if k and w in _POSTMODIFIERS:
            words = words[:k]
            break
    heads = [w for k, w in enumerate(words) if k + 1 == len(words) or words[k + 1] in ("and", "&")]
    return any(h in _office_words() for h in heads)


def _titled_person(sp_text: str) -> bool:
    """A title or role word followed by a given name and a surname ("Local MP Gareth Lowe")."""
    words = sp_text.split()
    for k in range(len(words) - 2, 0, -1):
        if match_form(words[k]) in _given_names() and all(_CAP.match(w) for w in words[k:]):
            return any(_bare(w) in _title_words() for w in words[:k])
    return False


@cache
def _org_heads() -> dict[str, frozenset[str]]:
    out = {}
    for line in read_lexicon("quote_org_heads.txt"):
        noun, _, words = line.partition(":")
        out[noun.strip()] = frozenset(words.split()) | {noun.strip()}
    return out


def _organization_referent(ctx, history: list[_Row], sp: _Speaker) -> tuple[str, int | None] | None:
    """The organisation a definite description ("the company", "the charity's board",
    "the trust") refers to: the last organisation before it whose name fits its nouns."""
    text = ctx.text
    words = [_bare(w) for w in text[sp.start : sp.end].split()[1:]]
    nouns = [w for w in words if w in _org_heads()]
    if not nouns:
        return None
    # A possessor names the body ("the charity's board" is the charity's).
    raw = text[sp.start : sp.end].split()[1:]
    owners = [_bare(w) for w in raw if w.endswith(("'s", "’s")) and _bare(w) in _org_heads()]
    for noun in owners + nouns[::-1]:
        fits = _org_heads()[noun]

        def ok(name: str, fits: frozenset[str] = fits) -> bool:
            return any(_bare(w) in fits for w in name.split())

        for prev in reversed(history[-8:]):
            if prev.source_type == "organization" and prev.speaker_name and ok(prev.speaker_name):
                return prev.speaker_name, prev.entity_id
        k = bisect.bisect_left(ctx.m_starts, sp.start) - 1
        for m in ctx.mentions[max(0, k - 60) : k + 1][::-1]:
            if m[0] < sp.start - 3000:
                break
            if m[3] != "PERSON" and ok(m[2]):
                return m[2], m[4]
    return None


# Titles that stand before a name but are not part of it (a person's canonical name is
# the name alone: "Councillor James Liu" is James Liu, role "Councillor").


def _person_name(name: str) -> str:
    """A person's name without the honorifics and titles in front of it."""
    words = name.split()
    while len(words) > 1 and (
        _bare(words[0]) in _NAME_TITLES
        or words[0].islower()
        or _speaker_nouns().get(_bare(words[0])) == "person"
    ):
        words.pop(0)
    return " ".join(words)


def _clean_role(text: str) -> str | None:
    text = text.strip(" ,.;:\u00a0")
    low = text.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            text = text[len(det) :]
            break
    return text or None


def _antecedent(
    history: list[_Row], want: str, head: str | None = None, gender: str | None = None, genders=None
) -> _Row | None:
    for prev in reversed(history[-6:]):
        if head is not None:
            if prev.role and head in match_form(prev.role).split():
                return prev
            continue
        if gender is not None:
            if _gender_of(prev, genders or {}) not in (None, gender):
                continue
            if prev.source_type == "anonymous" and _gender_of(prev, genders or {}) == gender:
                return prev  # "One, a bookkeeper who asked that her name not be used" ... she
        if want == "person" and prev.source_type == "named" and prev.speaker_name:
            return prev
        if want == "organization" and prev.source_type == "organization":
            return prev
        if want == "any":
            return prev
    return None
