"""Linking aliases: one sense per word, surnames, short forms, lexicon keys, then entity ids."""

from __future__ import annotations

from collections import defaultdict

from kit.entities.chunking import _mentions
from kit.entities.cues import _Mention
from kit.entities.lexicons import _key, _lexicons
from kit.entities.words import _CORPORATE, _PARTICLES
from kit.lexicons import match_form

_ORG_EVIDENCE = frozenset({"cue:org_noun", "cue:determiner", "cue:product", "shape:camel_case"})
_WEAK_PERSON = frozenset({"cue:said", "cue:appositive", "shape:name"})
_STRONG_PERSON = frozenset({"title", "cue:role_before", "given_name"})


def _organisations_keep_their_type(mentions: list[_Mention], forms: list[str]) -> None:
    """A name the article shows to be an organisation anywhere ("shares in Ask Jeeves") is
    one wherever only weak evidence made it a person ("Ask Jeeves said")."""
    orgs = {forms[n] for n, m in enumerate(mentions) if m.type == "ORGANIZATION" and m.found in _ORG_EVIDENCE}
    # ... unless a title or given name shows a person of that name ("Ms. Sherry" for "Maureen Sherry")
    people = {
        forms[n].split()[-1]
        for n, m in enumerate(mentions)
        if m.type == "PERSON" and m.found in _STRONG_PERSON
    }
    orgs = {f for f in orgs if f.split()[-1] not in people}
    for n, m in enumerate(mentions):
        if m.type == "PERSON" and m.found in _WEAK_PERSON and forms[n] in orgs:
            m.type = "ORGANIZATION"
            m.cue_type = "ORGANIZATION" if m.pending else m.cue_type


def _resolve(doc, lex=None) -> tuple[list[_Mention], list[int], list[str], list[str]]:
    """Find the mentions, link aliases; return mentions, entity ids, names and rules.

    ``lex`` is the lexicons with a learner's aliases (the shipped ones by default).
    """
    mentions, links = _mentions(doc, lex)
    text = doc.text
    forms = [match_form(text[m.start : m.end]) for m in mentions]
    # One sense per discourse: a single word written several times shares the first cue
    # found for it ("in Velmont" makes every "Velmont" a place).
    cue_of: dict[str, str] = {}
    for n, m in enumerate(mentions):
        if m.pending and m.cue_type:
            cue_of.setdefault(forms[n], m.cue_type)
    places = {f for f, t in cue_of.items() if t in ("GPE", "LOCATION")}
    _organisations_keep_their_type(mentions, forms)
    titled: dict[str, list[int]] = defaultdict(list)  # "holt" -> [index of "Holt" in "Mr Holt"]
    for n, m in enumerate(mentions):
        if m.type == "PERSON" and not m.pending and " " not in forms[n]:
            titled[forms[n]].append(n)
    lex = _lexicons()
    # The short-form candidates: the first or last word of an organisation's name
    # ("Halvorsen" for "Halvorsen Semiconductor Inc.", "Dortmund" for "Borussia Dortmund"),
    # and the name of a storm or other event without its head word ("Kalani").
    by_part: dict[str, list[int]] = defaultdict(list)  # "halvorsen" -> [index of "halvorsen foods"]
    by_head: dict[str, list[int]] = defaultdict(list)  # "rovers" -> [index of "harbridge rovers"]
    for n, m in enumerate(mentions):
        if m.pending or " " not in forms[n]:
            continue
        if m.type == "ORGANIZATION":
            words = [w for w in forms[n].split() if _key(w) not in _CORPORATE]
            for part in dict.fromkeys((words[0], words[-1], " ".join(words)) if words else ()):
                if _key(part) not in lex.heads:
                    by_part[part].append(n)
                elif part == words[-1]:
                    by_head[part].append(n)
        elif m.type == "EVENT":
            words = [w for w in forms[n].split() if _key(w) not in lex.heads]
            if len(words) == 1:
                by_part[words[0]].append(n)

    def unique(candidates: list[int], n: int) -> int | None:
        """The one entity a short form can stand for (None when there are several)."""
        full = {forms[c] for c in candidates if c != n}
        if len(full) != 1:
            return None
        before = [c for c in candidates if c < n]
        return before[-1] if before else candidates[0]

    # The surname rule: a single word that is the last part of a person's full name.
    by_suffix: dict[str, list[int]] = defaultdict(list)  # "austin" -> [index of "lloyd austin"]
    by_prefix: dict[str, list[int]] = defaultdict(list)  # "li" -> [index of "li qiang"]
    for n, m in enumerate(mentions):
        if m.type == "PERSON" and not m.pending and " " in forms[n]:
            words = forms[n].split()
            for k in range(1, len(words)):
                by_suffix[" ".join(words[k:])].append(n)
            if _key(words[0]) not in _PARTICLES:
                by_prefix[words[0]].append(n)
    for n, m in enumerate(mentions):
        if m.type == "NORP" or m.found in ("lexicon:alias", "lexicon:demonym", "hyphen_part"):
            continue
        if m.type == "PERSON" and not m.pending and " " in forms[n]:
            continue  # a full name itself
        if _is_acronym(text[m.start : m.end]) or (m.type != "PERSON" and " " in forms[n] and not m.pending):
            continue
        if m.pending and forms[n] in places:
            continue  # "in Austin": the place, not the person
        if m.pending and m.cue_type == "ORGANIZATION" and forms[n] in by_part:
            continue  # "Halvorsen said it would ...": the company, not Ingrid Halvorsen
        candidates = [p for p in by_suffix.get(forms[n], ()) if p != n]
        rule = "surname"
        if (
            not candidates
            and not m.found.startswith("lexicon:")
            and m.cue_type in (None, "PERSON")
            and forms[n] not in by_part  # "Halvorsen" may be the company "Halvorsen Semiconductor"
        ):
            # The first part of one person's full name: "Li" for "Premier Li Qiang" (family
            # name first), "Ivo" for "Ivo Marsh"; never when two people share that first word.
            candidates = [p for p in by_prefix.get(forms[n], ()) if p != n]
            if len({forms[p] for p in candidates}) != 1:
                candidates = []
            rule = "name_first_part"
        if not candidates and m.pending and m.cue_type in (None, "PERSON") and forms[n] in titled:
            candidates, rule = titled[forms[n]], "same_form"  # "Mr Holt ... Holt said"
        if not candidates:
            continue
        before = [p for p in candidates if p < n]
        target = before[-1] if before else candidates[0]
        m.type, m.pending = "PERSON", False
        m.found = m.found if m.found.startswith(("title", "cue:role", "cue:said")) else rule
        links.append((target, n, rule))
    # The short-form rule, for a single word that no stronger rule typed and that stands for
    # one organisation or event only (never a word the context calls a place).
    for n, m in enumerate(mentions):
        weak = m.pending and not (m.type == "PERSON" and m.cue_type == "PERSON")
        if forms[n] in places or not (weak or m.found == "shape:name"):
            if m.found == "lexicon:org" and " " not in forms[n]:
                target = unique(by_head.get(forms[n], []), n)  # "Rovers" for "Harbridge Rovers"
                if target is not None:
                    links.append((target, n, "org_short_form"))
            continue
        target = unique(by_part.get(forms[n], []), n)
        if target is not None:
            m.type, m.pending = mentions[target].type, False
            links.append((target, n, "org_short_form" if m.type == "ORGANIZATION" else "event_short_form"))
    # What is left pending takes the type its context suggested (or stays an organisation).
    for n, m in enumerate(mentions):
        if m.pending and forms[n] in cue_of:
            m.cue_type = cue_of[forms[n]]
    for m in mentions:
        if m.pending and m.cue_type:
            m.type = m.cue_type
    # Links by key: the same form and type, a lexicon alias, the same people (demonym).
    by_key: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(mentions):
        if m.group and m.group.startswith("alias:"):
            by_key[m.group].append(n)
        elif m.group and m.group.startswith("norp:"):
            by_key[m.group].append(n)
        by_key[f"form:{m.type}:{forms[n]}"].append(n)
        if m.type == "ORGANIZATION":
            words = forms[n].split()
            while len(words) > 1 and _key(words[-1]) in _CORPORATE:
                words.pop()
            if len(words) < len(forms[n].split()) or len(words) > 1:
                by_key["company:" + " ".join(words)].append(n)
    for key, members in by_key.items():
        rule = {"alias": "alias_lexicon", "norp": "demonym", "company": "company_suffix"}.get(
            key.split(":")[0], "same_form"
        )
        for b in members[1:]:
            links.append((members[0], b, rule))
    # Union-find over the links, then ids by first mention.
    parent = list(range(len(mentions)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    link_rule: dict[int, str] = {}
    for a, b, rule in sorted(links, key=lambda link: (max(link[0], link[1]), min(link[0], link[1]))):
        ra, rb = find(a), find(b)
        later = max(a, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            link_rule.setdefault(later, rule)
        elif later not in link_rule and later != min(a, b):
            link_rule.setdefault(later, rule)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(mentions)):
        groups[find(n)].append(n)
    entity_of = [0] * len(mentions)
    names = [""] * len(mentions)
    for eid, root in enumerate(sorted(groups, key=lambda r: min(groups[r]))):
        members = groups[root]
        texts = [text[mentions[n].start : mentions[n].end] for n in members]
        full = (
            [n for n, t in zip(members, texts) if not _is_acronym(t) and len(t.split()) > 1]
            or [n for n, t in zip(members, texts) if not _is_acronym(t)]
            or members
        )
        head = full[0]
        name = text[mentions[head].start : mentions[head].end]
        for n in members:
            entity_of[n] = eid
            names[n] = name
            mentions[n].type = mentions[head].type
    rules = [
        f"{m.found}+{'first_mention' if n not in link_rule else link_rule[n]}" for n, m in enumerate(mentions)
    ]
    # The first mention of each entity opened it, whatever links reached it later.
    seen = set()
    for n in range(len(mentions)):
        if entity_of[n] not in seen:
            seen.add(entity_of[n])
            rules[n] = f"{mentions[n].found}+first_mention"
    return mentions, entity_of, names, rules


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 8 and " " not in text
