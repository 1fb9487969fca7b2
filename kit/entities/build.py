"""The two tables: ``entities`` (one row per mention) and ``entity_registry`` (one per entity)."""

from __future__ import annotations

import pandas as pd

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


def build_entities(doc) -> pd.DataFrame:
    """One row per named-entity mention, with aliases linked by ``entity_id``.

    Parameters
    ----------
    doc : kit.document.Doc
        The article's text and spans (``article.doc``).

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
    mentions, entity_of, names, rules = _resolve(doc)
    text = doc.text
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
