"""The entity lexicons shipped in ``kit/data``, read once and kept as look-up tables."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from kit.entities.words import TYPES
from kit.errors import did_you_mean, format_options
from kit.lexicons import learner_entries, match_form, read_lexicon, read_table
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
    learner: frozenset[tuple[str, ...]] = frozenset()  # alias phrases a learner added

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


_ALIAS_EXAMPLE = '{"alias": "Friends of the Earth", "type": "ORGANIZATION"}'


def _with_aliases(extra_aliases) -> _Lexicons:
    """The shipped lexicons plus a learner's aliases (see "Learner entries" in :mod:`kit.lexicons`).

    Each entry has the columns of ``entity_aliases.csv``: ``alias`` and ``type``
    (required) and ``key`` (the alias itself by default; entries sharing a key are
    one entity). An alias a shipped lexicon already knows keeps its shipped entry.

    Examples
    --------
    >>> lex = _with_aliases([{"alias": "Friends of the Earth", "type": "ORGANIZATION"}])
    >>> lex.known(("friends", "of", "the", "earth"))
    ('lexicon:alias', 'ORGANIZATION', 'alias:friends of the earth')
    >>> _with_aliases([{"alias": "Friends of the Earth", "type": "ORGANISATION"}])
    Traceback (most recent call last):
    ...
    ValueError: extra_aliases row 0 has type 'ORGANISATION', which is not an entity type the kit knows. Did you mean 'ORGANIZATION'? The types are 'EVENT', 'FACILITY', 'GPE', 'LOCATION', 'NORP', 'ORGANIZATION', 'PERSON'. For example: extra_aliases=[{"alias": "Friends of the Earth", "type": "ORGANIZATION"}]
    """
    records = learner_entries(
        extra_aliases, argument="extra_aliases", required=("alias", "type"), example=_ALIAS_EXAMPLE
    )
    shipped = _lexicons()
    aliases = dict(shipped.aliases)
    learner = set()
    for i, rec in enumerate(records):
        typ = rec["type"]
        if typ not in TYPES:
            raise ValueError(
                f"extra_aliases row {i} has type {typ!r}, which is not an entity type the kit knows."
                f"{did_you_mean(str(typ), TYPES)} The types are {format_options(TYPES)}."
                f" For example: extra_aliases=[{_ALIAS_EXAMPLE}]"
            )
        if not isinstance(rec["alias"], str) or not isinstance(rec.get("key") or "", str):
            raise TypeError(
                f"extra_aliases row {i} ({rec!r}): 'alias' and 'key' must be text."
                f" For example: extra_aliases=[{_ALIAS_EXAMPLE}]"
            )
        phrase = _phrase(rec["alias"])
        if not phrase or shipped.known(phrase) or phrase in learner:
            continue  # the shipped entry (or the learner's first) stays
        aliases[phrase] = (rec.get("key") or rec["alias"], typ)
        learner.add(phrase)
    if not learner:
        return shipped
    return replace(
        shipped,
        aliases=aliases,
        learner=frozenset(learner),
        max_phrase=max(shipped.max_phrase, *(len(p) for p in learner)),
    )
