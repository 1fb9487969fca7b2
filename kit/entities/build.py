"""The two tables: ``entities`` (one row per mention) and ``entity_registry`` (one per entity).

:func:`build_entities` and :func:`build_entity_registry` are the builders the
article calls, with their declared inputs (:data:`kit.schemas.INPUTS`);
:func:`entities` and :func:`entity_registry` are the learner's entry points,
for adding aliases of their own (see "Learner entries" in :mod:`kit.lexicons`).
"""

from __future__ import annotations

import pandas as pd

from kit.entities.lexicons import _phrase, _with_aliases
from kit.entities.linking import _resolve
from kit.entities.words import TYPES
from kit.schemas import Column, frame, register

register(
    "entities",
    [
        Column("entity_id", "int64", "the entity: the same for every alias of one real-world entity, from 0"),
        Column("text", "string", "the mention, exactly as written"),
        Column("name", "string", "the entity's canonical name: its first full form in the article"),
        Column("type", "category", "PERSON, ORGANIZATION, GPE, LOCATION, FACILITY, EVENT or NORP", TYPES),
        Column("sentence_id", "int64", "the sentence it is in (joins with article.sentences)"),
        Column("start_char", "int64", "where the mention starts in article.text (inclusive)"),
        Column("end_char", "int64", "where it ends (exclusive): text[start_char:end_char] is the mention"),
        Column("title", "string", "a person's title or role split off the name, as written, else <NA>"),
        Column(
            "rule", "string", "the rule that found the mention + the rule that linked it (see kit.entities)"
        ),
    ],
)
register(
    "entity_registry",
    [
        Column("entity_id", "int64", "the entity (joins with article.entities)"),
        Column("name", "string", "its canonical name: its first full form in the article"),
        Column("type", "category", "PERSON, ORGANIZATION, GPE, LOCATION, FACILITY, EVENT or NORP", TYPES),
        Column(
            "aliases", "string", "the distinct written forms, joined with ' | ', in order of first mention"
        ),
        Column("n_mentions", "int64", "how many times the article names it"),
        Column("first_sentence_id", "int64", "the sentence of its first mention"),
    ],
)


LEARNER_RULE = "+learner"
"""Added to the ``rule`` of a mention found through a learner's alias."""


def build_entities(doc, *, extra_aliases=None) -> pd.DataFrame:
    """One row per named-entity mention, with aliases linked by ``entity_id``.

    Parameters
    ----------
    doc : kit.document.Doc
        The article's text and spans (``article.doc``).
    extra_aliases
        A learner's aliases (see :func:`entities`); ``None`` for the shipped lexicon alone.

    Returns
    -------
    pandas.DataFrame
        The ``entities`` table (columns in :func:`kit.describe("entities")`).

    Examples
    --------
    >>> import kit
    >>> e = kit.load_article().entities
    >>> e.loc[e["name"] == "Popular Mobilization Units", ["text", "rule"]]
                              text                                   rule
    18  Popular Mobilization Units            lexicon:alias+first_mention
    19                         PMU  acronym_definition+acronym_definition
    20            Hashd al-Sha’abi            lexicon:alias+alias_lexicon
    25                         PMU            lexicon:alias+alias_lexicon
    """
    lex = _with_aliases(extra_aliases) if extra_aliases is not None else None
    mentions, entity_of, names, rules = _resolve(doc, lex)
    text = doc.text
    if lex is not None and lex.learner:
        rules = [
            r + LEARNER_RULE
            if m.found == "lexicon:alias" and _phrase(text[m.start : m.end]) in lex.learner
            else r
            for m, r in zip(mentions, rules)
        ]
    order = sorted(range(len(mentions)), key=lambda n: (mentions[n].start, mentions[n].end))
    return frame(
        "entities",
        {
            "entity_id": [entity_of[n] for n in order],
            "text": [text[mentions[n].start : mentions[n].end] for n in order],
            "name": [names[n] for n in order],
            "type": [mentions[n].type for n in order],
            "sentence_id": [mentions[n].sentence_id for n in order],
            "start_char": [mentions[n].start for n in order],
            "end_char": [mentions[n].end for n in order],
            "title": [mentions[n].title if mentions[n].title else pd.NA for n in order],
            "rule": [rules[n] for n in order],
        },
    )


def build_entity_registry(doc, entities: pd.DataFrame) -> pd.DataFrame:
    """One row per entity: its name, type, the forms the article writes, and how often.

    Examples
    --------
    >>> import kit
    >>> r = kit.load_article().entity_registry
    >>> r.loc[r["name"] == "Popular Mobilization Units", ["aliases", "n_mentions"]].astype(str).iloc[0].tolist()
    ['Popular Mobilization Units | PMU | Hashd al-Sha’abi', '4']
    """
    e = entities
    ids, names, types, aliases, counts, firsts = [], [], [], [], [], []
    for eid, g in e.groupby("entity_id", sort=True):
        ids.append(int(eid))
        names.append(g["name"].iloc[0])
        types.append(g["type"].iloc[0])
        aliases.append(" | ".join(dict.fromkeys(g["text"].tolist())))
        counts.append(len(g))
        firsts.append(int(g["sentence_id"].iloc[0]))
    return frame(
        "entity_registry",
        {
            "entity_id": ids,
            "name": names,
            "type": types,
            "aliases": aliases,
            "n_mentions": counts,
            "first_sentence_id": firsts,
        },
    )


def entities(article, *, extra_aliases=None) -> pd.DataFrame:
    """Return the ``entities`` table, optionally with aliases of your own.

    Use it for a name the rules miss or type wrongly, such as an organisation
    with a lower-case word inside ("Friends of the Earth"), or to link two
    forms of one name. ``article.entities`` itself never changes.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    extra_aliases
        More entries for the alias lexicon (``kit/data/entity_aliases.csv``):
        a DataFrame, a list of dicts or one dict, with ``alias`` (the name as
        written) and ``type`` (one of :data:`~kit.entities.TYPES`), and
        optionally ``key`` (entries with the same key are one entity; by
        default the alias itself). An alias a shipped lexicon already knows
        keeps its shipped entry. Mentions found through your entries have
        ``+learner`` at the end of their ``rule``.

    Returns
    -------
    pandas.DataFrame
        The columns of ``kit.describe("entities")``.

    Raises
    ------
    ValueError
        An entry lacks ``alias`` or ``type``, or its type is not one the kit knows.
    TypeError
        ``extra_aliases`` is not a DataFrame, a list of dicts or a dict.

    Examples
    --------
    >>> import kit
    >>> from kit.entities import entities
    >>> article = kit.load_article()
    >>> article.entities.loc[57, ["text", "type", "rule"]].tolist()
    ['Operation Al-Aqsa Storm', 'EVENT', 'lexicon:event+first_mention']
    >>> extra = [{"alias": "Operation Al-Aqsa Storm", "type": "EVENT"}]
    >>> e = entities(article, extra_aliases=extra)
    >>> e.loc[e["rule"].str.endswith("+learner"), ["text", "type", "rule"]]
                           text   type                                 rule
    57  Operation Al-Aqsa Storm  EVENT  lexicon:alias+first_mention+learner
    >>> entities(article, extra_aliases={"alias": "Operation Al-Aqsa Storm", "type": "EVNT"})
    Traceback (most recent call last):
    ...
    ValueError: extra_aliases row 0 has type 'EVNT', which is not an entity type the kit knows. Did you mean 'EVENT'? The types are 'EVENT', 'FACILITY', 'GPE', 'LOCATION', 'NORP', 'ORGANIZATION', 'PERSON'. For example: extra_aliases=[{"alias": "Friends of the Earth", "type": "ORGANIZATION"}]
    """
    if extra_aliases is None:
        return article.entities
    return build_entities(article.doc, extra_aliases=extra_aliases)


def entity_registry(article, *, extra_aliases=None) -> pd.DataFrame:
    """Return the ``entity_registry`` table, optionally with aliases of your own.

    The registry built from :func:`entities` with the same ``extra_aliases``.

    Examples
    --------
    >>> import kit
    >>> from kit.entities import entity_registry
    >>> article = kit.load_article()
    >>> r = entity_registry(article, extra_aliases=[{"alias": "Operation Al-Aqsa Storm", "type": "EVENT"}])
    >>> r.loc[r["type"] == "EVENT", ["name", "n_mentions"]]
                          name  n_mentions
    3   International Quds Day           1
    29  Operation Al-Aqsa Storm           1
    """
    if extra_aliases is None:
        return article.entity_registry
    return build_entity_registry(article.doc, entities(article, extra_aliases=extra_aliases))
