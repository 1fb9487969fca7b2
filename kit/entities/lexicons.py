"""The entity lexicons shipped in ``kit/data``, read once and kept as look-up tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from kit.lexicons import match_form, read_lexicon, read_table
from kit.tokens import token_spans


def _key(text: str) -> str:
    """The matching form of one token: match_form without a final full stop."""
    form = match_form(text)
    return form[:-1] if form.endswith(".") and len(form) > 1 else form


def _phrase(text: str) -> tuple[str, ...]:
    """The matching form of a phrase, token by token, as the article's tokenizer splits it."""
    return tuple(match_form(text[a:b]) for a, b, _ in token_spans(text, 0, len(text)))


def _rows(name: str) -> list[tuple[str, ...]]:
    """The rows of a CSV lexicon, each as a tuple of its fields in the header's order."""
    return [tuple(row.values()) for row in read_table(name)]


@dataclass
class _Lexicons:
    titles: dict[str, str] = field(default_factory=dict)  # key -> honorific/title/role/modifier
    heads: dict[str, str] = field(default_factory=dict)  # key -> entity type
    places: dict[tuple[str, ...], str] = field(default_factory=dict)  # phrase -> GPE/LOCATION
    demonyms: dict[tuple[str, ...], str] = field(default_factory=dict)  # phrase -> place
    aliases: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # phrase -> (key, type)
    given: frozenset[str] = frozenset()
    nonnames: frozenset[str] = frozenset()
    max_phrase: int = 1

    def known(self, phrase: tuple[str, ...]) -> tuple[str, str, str] | None:
        """Return ``(rule, type, group key)`` when a lexicon knows the whole phrase."""
        if phrase in self.aliases:
            key, typ = self.aliases[phrase]
            return "lexicon:alias", typ, "alias:" + match_form(key)
        if phrase in self.places:
            return "lexicon:place", self.places[phrase], "place:" + " ".join(phrase)
        if phrase in self.demonyms:
            return "lexicon:demonym", "NORP", "norp:" + match_form(self.demonyms[phrase])
        return None


@cache
def _lexicons() -> _Lexicons:
    lex = _Lexicons()
    lex.titles = {_key(w): kind for w, kind in _rows("entity_titles.txt")}
    lex.heads = {_key(w): typ for w, typ in _rows("entity_org_words.txt")}
    for name, typ in _rows("entity_places.txt"):
        lex.places[_phrase(name)] = typ
    for dem, place in _rows("entity_demonyms.csv"):
        lex.demonyms[_phrase(dem)] = place
        if not dem.endswith(("s", "sh", "ch", "ese", "i")):
            lex.demonyms[_phrase(dem + "s")] = place  # Palestinians, Americans, Kurds
    for alias, key, typ in _rows("entity_aliases.csv"):
        lex.aliases[_phrase(alias)] = (key, typ)
    lex.given = frozenset(_key(w) for w in read_lexicon("entity_given_names.txt"))
    lex.nonnames = frozenset(_key(w) for w in read_lexicon("entity_nonnames.txt"))
    lex.max_phrase = max(len(p) for p in (*lex.places, *lex.demonyms, *lex.aliases))
    return lex
