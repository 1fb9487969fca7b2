"""Typing a chunk (the first rule that applies), and the rules over a whole sentence."""

from __future__ import annotations

import re
from itertools import pairwise

from kit.entities.cues import _Cues, _Mention, _text
from kit.entities.tagging import _DOUBT_TAGS, _HEAD_TAGS, _PERSON_PART_TAGS
from kit.entities.words import _AKA, _DETERMINERS, _PRODUCT_NOUNS, _SAID
from kit.lexicons import match_form


class _Sentence(_Cues):
    """One sentence: its chunks typed, hyphenated places, lists, acronyms and "also known as"."""

    # -- the chunk rules
    def interpret(self, i: int, j: int, *, allow_title: bool = True, lead: bool = False) -> None:
        """Type the chunk of tokens ``i:j`` and add its mentions."""
        toks, lex = self.toks, self.lex
        # Doubtful capitals at the start of the chunk need evidence to stay.
        while i < j and toks[i].doubtful and toks[i].tag in _DOUBT_TAGS:
            i += 1
        for n in range(i + 1, j):
            if toks[n].doubtful and toks[n].tag in _DOUBT_TAGS:
                self.interpret(i, n, allow_title=allow_title, lead=lead)
                self.interpret(n, j, allow_title=allow_title, lead=lead)
                return
        while i < j and toks[i].tag in ("CONN", "PRT", "AMP", "DT", "AND"):
            i += 1
        while j > i and toks[j - 1].tag in ("CONN", "PRT", "AMP", "DT", "AND"):
            j -= 1
        if i >= j:
            return
        tags = [t.tag for t in toks[i:j]]
        if all(t in ("TTL", "HON", "TMOD") for t in tags):
            return
        phrase = self.phrase(i, j)
        known = lex.known(phrase)
        if known:
            rule, typ, group = known
            self.add(i, j, typ, rule, group=group)
            return
        # A title or honorific inside the chunk: the words after it are a person.
        if allow_title:
            k = j
            while k > i and toks[k - 1].tag in _PERSON_PART_TAGS:
                k -= 1
            titles = [n for n in range(i, k) if toks[n].tag in ("TTL", "HON")]
            if not titles and j - k >= 2 and toks[k].tag != "PRT":
                # A capitalised role before a full name: "Chief Executive Ingrid Halvorsen".
                titles = [
                    n for n in range(i, k) if toks[n].tag == "TMOD" and lex.titles[toks[n].key] == "role"
                ]
                if titles and toks[k - 1].tag != "TMOD":
                    titles = []
            if titles and k == j and toks[j - 1].tag in ("TTL", "TMOD") and not _HEAD_TAGS & set(tags):
                # Only titles, no name: "the Ohio Attorney General's office" holds only "Ohio".
                if titles[0] > i:
                    self.interpret(i, titles[0], allow_title=False, lead=True)
                return
            if titles and k < j and toks[k].tag != "PRT":
                given = [n for n in range(k, j) if toks[n].tag == "GIVEN"]
                if j - k > 2 and given and given[0] > k:
                    k = given[0]
                first_title = titles[0]
                # Names before the title are mentions of their own ("US" in "US President").
                lead = first_title
                while lead > i and toks[lead - 1].tag == "TMOD":
                    lead -= 1
                if lead > i:
                    self.interpret(i, lead, allow_title=False, lead=True)
                title_start = self.extend_title_left(i)
                m = self.add(k, j, "PERSON", "title", title=_text(self.text, toks, title_start, k))
                self.add_appositive(m)
                return
        # Head words decide organisations, facilities, places and events.
        first_conn = next((n for n in range(i, j) if toks[n].tag == "CONN"), j)
        heads = [n for n in range(i, first_conn) if toks[n].tag in _HEAD_TAGS]
        if heads and first_conn < j and toks[j - 1].tag in _HEAD_TAGS:
            heads.append(j - 1)  # a head word that ends the name decides: "Port of Gdansk Authority"
        if toks[i].tag == "EVTW" and j - i > 1:
            self.add(i, j, "EVENT", "lexicon:event")
            return
        if heads:
            typ = {"ORGW": "ORGANIZATION", "FACW": "FACILITY", "LOCW": "LOCATION", "EVTW": "EVENT"}[
                toks[heads[-1]].tag
            ]
            if typ == "EVENT" and heads[-1] != j - 1 and first_conn == j:
                typ = "ORGANIZATION"  # "Storm Shadow Group": the event word is not the head
            rule = {
                "ORGANIZATION": "lexicon:org",
                "FACILITY": "lexicon:facility",
                "LOCATION": "lexicon:location",
                "EVENT": "lexicon:event",
            }[typ]
            self.add(i, j, typ, rule)
            return
        if lead:
            # Inside a title ("U.S. District Judge"), only names a lexicon knows count.
            for n in range(i, j):
                if lex.known(self.phrase(n, n + 1)):
                    self.interpret(n, n + 1, allow_title=False)
            return
        # A leading place or demonym before a person's name: two mentions.
        if j - i > 1 and toks[i].tag in ("DEM", "GEO") and toks[i + 1].tag == "GIVEN":
            self.interpret(i, i + 1, allow_title=False)
            self.interpret(i + 1, j, allow_title=False)
            return
        # A known phrase at the start, then more words: split when both halves are known.
        for n in range(j - 1, i, -1):
            if lex.known(self.phrase(i, n)) and lex.known(self.phrase(n, j)):
                self.interpret(i, n, allow_title=False)
                self.interpret(n, j, allow_title=False)
                return
        before = self.tag(i - 1)
        # A full name with a role after it is a person, whatever organisation the role names:
        # "Marta Kowalczyk, the union's general secretary".
        full_name = (
            toks[i].tag in ("GIVEN", "CAP")
            and 2 <= j - i <= 3
            and all(t in _PERSON_PART_TAGS for t in tags)
            and bool(self.has_appositive(j))
        )
        if not full_name and self.org_cue(i, j):
            m = self.add(i, j, "ORGANIZATION", "cue:org_noun", pending=j - i == 1)
            m.cue_type = "ORGANIZATION"
            return
        if i == 0 and all(t.text.isupper() for t in toks[i:j]) and self.is_dateline(j):
            self.add(i, j, "GPE", "cue:dateline")  # COLUMBUS, Ohio (AP) --; VELMONT --
            return
        product = self.product_cue(i, j)
        if product == "drop":
            return  # "the Harry Potter books", "a Boeing 747", "Airbus A380": a product, no entity
        if product or any(_is_camel_case(t.text) for t in toks[i:j]):
            # "Boeing jets": the maker; "TimeWarner said": a company's one-word name
            rule = "cue:product" if product else "shape:camel_case"
            m = self.add(i, j, "ORGANIZATION", rule)
            m.cue_type = "ORGANIZATION"
            return
        person_cue = None
        if before in ("ROLE", "HON") or (before == "TMOD" and i > 0 and toks[i - 1].text[0].islower()):
            person_cue = "cue:role_before"
        elif toks[i].tag == "GIVEN" and j - i > 1:
            person_cue = "given_name"
        elif any(t == "INI" for t in tags[1:-1]) and j - i > 2:
            person_cue = "given_name"
        place = None if person_cue or "ACR" in tags else self.place_cue(i, j)
        if place:
            typ, rule = place
            m = self.add(i, j, typ, rule, pending=j - i == 1)
            m.cue_type = typ
            return
        listed = j - i == 1 and (
            tags[0] == "ACR" or self.key(j) in ("and", "or", ",")
        )  # the list rule decides
        if person_cue is None and self.key(i - 1) in _DETERMINERS and not listed and self.heads_phrase(j):
            # "the Federal Reserve said", "a Goldman Sachs analyst": a person's name takes no article
            m = self.add(i, j, "ORGANIZATION", "cue:determiner", pending=j - i == 1)
            m.cue_type = "ORGANIZATION"
            return
        if not person_cue:
            if self.key(j) in _SAID or (self.key(i - 1) in _SAID and j - i > 1):
                person_cue = "cue:said"
            elif self.has_appositive(j):
                person_cue = "cue:appositive"
            if person_cue and self.pronoun_cue(j) == "ORGANIZATION":
                # "Tern Brands said it would ...": an entity that is "it" is not a person.
                m = self.add(i, j, "ORGANIZATION", "cue:pronoun", pending=j - i == 1)
                m.cue_type = "ORGANIZATION"
                return
        if person_cue and not (j - i == 1 and toks[i].tag == "ACR"):
            title = None
            if person_cue == "cue:role_before":
                title = _text(self.text, toks, self.extend_title_left(i - 1), i)
            m = self.add(i, j, "PERSON", person_cue, title=title, pending=j - i == 1)
            m.cue_type = "PERSON"
            self.add_appositive(m)
            return
        if j - i > 1 and (
            self.key(i - 1) == "at" or (self.key(i - 1) in _DETERMINERS and self.key(i - 2) == "at")
        ):
            self.add(i, j, "ORGANIZATION", "cue:preposition")  # "an analyst at Goldman Sachs"
            return
        pronoun = self.pronoun_cue(j)
        if j - i == 1:
            cue_type, rule = None, "shape:acronym" if tags[0] == "ACR" else "shape:name"
            if pronoun == "ORGANIZATION":
                cue_type, rule = pronoun, "cue:pronoun"
            m = self.add(i, j, cue_type or "ORGANIZATION", rule, pending=True)
            m.cue_type = cue_type
            return
        if j - i <= 3 and not {"ACR", "DEM", "GEO", "KN"} & set(tags) and pronoun != "ORGANIZATION":
            m = self.add(i, j, "PERSON", "shape:name")
            self.add_appositive(m)
        else:
            self.add(i, j, "ORGANIZATION", "cue:pronoun" if pronoun == "ORGANIZATION" else "shape:name")

    # -- rules over the whole sentence
    def hyphen_parts(self) -> None:
        """Places and demonyms inside hyphenated words: "US-run", "anti-US"."""
        for n, t in enumerate(self.toks):
            if t.tag != "O" or "-" not in t.text or t.text.count("-") > 3:
                continue
            offset = 0
            parts = t.text.split("-")
            if len(parts) == 2 and parts[1] == "based" and parts[0][:1].isupper() and parts[0][1:].islower():
                if not self.lex.known((match_form(parts[0]),)):  # "Minneapolis-based"
                    a = t.start
                    self.mentions.append(
                        _Mention(a, a + len(parts[0]), self.sid, "GPE", "cue:based", n, n + 1, pending=True)
                    )
                    self.mentions[-1].cue_type = "GPE"
                    continue
            for part in parts:
                if part[:1].isupper():
                    known = self.lex.known((match_form(part),))
                    if known and known[1] != "PERSON":
                        a = t.start + offset
                        _, typ, group = known
                        self.mentions.append(
                            _Mention(a, a + len(part), self.sid, typ, "hyphen_part", n, n + 1, group=group)
                        )
                offset += len(part) + 1

    def lists(self) -> None:
        """Coordinated names share a kind: "in Bacolod, Ormoc and Dumaguete" are all places;
        "the Crunchwell and Zesta lines" are products, which are not tagged."""
        ms = self.mentions
        if not ms:
            return
        runs, run = [], [ms[0]]
        for a, b in pairwise(ms):
            between = [t.key for t in self.toks[a.tok_end : b.tok_start]]
            if b.tok_start >= a.tok_end and between and all(k in (",", "and", "or") for k in between):
                run.append(b)
            else:
                runs.append(run)
                run = [b]
        runs.append(run)
        drop = set()
        for run in runs:
            if self.key(run[-1].tok_end) in _PRODUCT_NOUNS and all(m.pending and not m.cue_type for m in run):
                drop.update(id(m) for m in run)
                continue
            if len(run) < 2:
                continue
            places = [
                m.type
                for m in run
                if (m.type in ("GPE", "LOCATION") and not m.pending) or m.cue_type == "GPE"
            ]
            if places:
                for m in run:
                    if m.pending and not m.cue_type and not _is_acronym_token(self.toks, m):
                        m.type = m.cue_type = places[0]
                        m.found = "cue:list"
        if drop:
            self.mentions = [m for m in ms if id(m) not in drop]

    def acronyms_and_aka(self) -> list[tuple[_Mention, _Mention, str]]:
        """Links made inside the sentence: "Long Form (ACR)" and "also known as"."""
        links = []
        by_end = {m.tok_end: m for m in self.mentions}
        for m in sorted(self.mentions, key=lambda m: m.tok_start):
            n = m.tok_start
            # "Long Form (ACR)": the acronym's letters appear in order in the long form.
            if (
                self.tag(n - 1) == "LP"
                and self.tag(m.tok_end) == "RP"
                and m.tok_end - n == 1
                and self.toks[n].tag in ("ACR", "CAP")
                and (n - 1) in by_end
            ):
                long = by_end[n - 1]
                fits = _acronym_fits(self.toks[n].text, self.text[long.start : long.end])
                if long.type != "PERSON" and (
                    fits or (long.type == "ORGANIZATION" and self.toks[n].tag == "ACR")
                ):
                    m.type, m.pending, m.found = long.type, False, "acronym_definition"
                    links.append((long, m, "acronym_definition"))
            # "..., also known as (the) X": X joins the nearest name before it (within five tokens).
            end = n - 1 if self.key(n - 1) in _DETERMINERS else n
            for pattern in _AKA:
                k = end - len(pattern)
                if k >= 0 and tuple(self.key(x) for x in range(k, end)) == pattern:
                    target = next(
                        (by_end[e] for e in range(k, k - 6, -1) if e in by_end and by_end[e] is not m), None
                    )
                    if target is not None:
                        if target.found.startswith("shape") and not m.found.startswith(("shape", "cue")):
                            target.type, target.pending = m.type, False  # the better-typed name decides
                        m.type, m.pending = target.type, False
                        if m.found.startswith(("shape", "cue")):
                            m.found = "also_known_as"
                        links.append((target, m, "also_known_as"))
                    break
        return links


def _is_acronym_token(toks, m: _Mention) -> bool:
    """True for a one-token mention written as an acronym ("BA"): no list makes it a place."""
    return m.tok_end - m.tok_start == 1 and toks[m.tok_start].tag == "ACR"


_CAMEL_CASE = re.compile(r"^(?!Mc|Mac)[A-Z][a-z]{2,}[A-Z][A-Za-z]*$")


def _is_camel_case(word: str) -> bool:
    """True for a word with a capital inside, the way companies write their names.

    >>> [_is_camel_case(w) for w in ("TimeWarner", "PepsiCo", "McCain", "MacArthur", "LeBron", "Smith")]
    [True, True, False, False, False, False]
    """
    return bool(_CAMEL_CASE.match(word))


def _acronym_fits(acronym: str, long: str) -> bool:
    """True when the acronym's letters appear in order in the long form, the first at a word's start.

    >>> _acronym_fits("PMU", "Popular Mobilization Units"), _acronym_fits("CENTCOM", "US Central Command")
    (True, True)
    >>> _acronym_fits("GMT", "Popular Mobilization Units")
    False
    """
    letters = [c.lower() for c in acronym if c.isalpha()]
    if len(letters) < 2:
        return False
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    initials = {w[0].lower() for w in words}
    if letters[0] not in initials:
        return False
    for start in (n for n, w in enumerate(words) if w[0].lower() == letters[0]):
        rest = "".join(words[start:]).lower()
        pos = 0
        for c in letters:
            pos = rest.find(c, pos)
            if pos < 0:
                break
            pos += 1
        else:
            return True
    return False
