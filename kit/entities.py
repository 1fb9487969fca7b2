"""Named entities: who and what the article names, with their aliases linked.

``article.entities`` has one row per *mention* of a named entity;
``article.entity_registry`` one row per *entity*, with every way the article
writes it. Mentions of one real-world entity share an ``entity_id``, so
"PMU", "Popular Mobilization Units" and "Hashd al-Sha’abi" count as one
actor, and "Austin" is "Lloyd Austin".

The kit finds names with rules, not a trained model, so that it works offline,
gives the same table on every machine, and can say why it found each name (the
``rule`` column). The rules are those of a careful human annotator, written
down.

What counts as a mention (the annotation guidelines)
----------------------------------------------------
The kit follows the ACE 2005 and OntoNotes 5.0 named-entity guidelines, in a
simplified form; the answer key for the seed article follows the same rules.

* **Named mentions only.** Proper names and acronyms: "Lloyd Austin",
  "Pentagon", "PMU". Pronouns ("he") and common nouns ("the group", "the
  Pentagon chief") are not mentions.
* **The longest name, not nested names.** "US Central Command" is one
  ORGANIZATION, not "US" plus an organisation; "Islamic Resistance in Iraq"
  and "Erbil Air Base" are one mention each.
* **Titles are not part of a person's name.** In "President Joe Biden" the
  mention is "Joe Biden"; the title "President" goes into the ``title``
  column. A title in lower case before the name ("the Pentagon chief Lloyd
  Austin") and an appositive after it ("Michael Erik Kurilla, head of US
  Central Command (CENTCOM),") are kept there too, joined by ", ". Names
  inside a title are mentions of their own ("Pentagon" is an ORGANIZATION).
* **Possessives are not part of the name**: "Gaza’s" is the mention "Gaza".
* **Demonyms are NORP.** A nationality, religious or political adjective or
  noun ("Iraqi fighters", "Palestinians", "a Democrat") is NORP, unless it
  starts a longer name ("Israel Defense Forces", "Islamic Resistance in Iraq").
* **Places in compounds count.** "US" in "US military", "US-run" and
  "anti-US" is a GPE mention; "Arabic-language" holds no mention (languages
  are not tagged).
* **Metonyms keep their literal type**: "Washington" (for the US government)
  is a GPE, "the Pentagon" an ORGANIZATION, "the White House" an
  ORGANIZATION.
* **Numbers are not part of names**: "the 6th U.S. Circuit Court of Appeals"
  is the mention "U.S. Circuit Court of Appeals".
* **Not tagged**: dates and times ("Monday", "May 31", "GMT"), numbers,
  money, languages, and the outlet's boilerplate outside the headline,
  caption and body.

The types (OntoNotes names, ACE's ORGANIZATION and FACILITY)
------------------------------------------------------------
``PERSON`` people; ``ORGANIZATION`` companies, agencies, armed groups, parties,
media and platforms; ``GPE`` places with a government (countries, states,
provinces, cities); ``LOCATION`` other places (regions, seas, rivers);
``FACILITY`` buildings, bases, airports, roads; ``EVENT`` named wars,
operations, days, storms, summits; ``NORP`` nationalities, religious and
political groups.

How the kit finds them (the rules)
----------------------------------
1. **Tag each token** (NLTK's :class:`~nltk.tag.RegexpTagger` over word
   shape, after look-ups in the lexicons shipped in ``kit/data/``): a title
   ("General", ``entity_titles.txt``), a head word that decides a name's type
   ("Ministry", "Base", "Day", ``entity_org_words.txt``), a demonym
   (``entity_demonyms.csv``), a place (``entity_places.txt``), a given name
   (``entity_given_names.txt``), a known alias (``entity_aliases.csv``), a
   capitalised word, an acronym, or a connector ("of", "bin").
   Days, months and time zones (``entity_nonnames.txt``) are never names.
2. **Doubtful capitals.** A capital at the start of a sentence or a quotation,
   or in a headline written in Title Case, proves nothing ("Since", "Another").
   Such a word starts a name only with evidence: a place, demonym, given-name
   or alias lexicon knows it, it is part of a known phrase, the article
   capitalises it elsewhere in mid-sentence, or a company suffix ends the run
   ("Acme Widgets Inc. said"), or a head word ("Mactan-Cebu International
   Airport cancelled"), or a storm's head word starts it ("Cyclone Mira hit").
   An all-capitals dateline ("MARLOW HEIGHTS, Ohio -", "VELMONT --") is a
   name, and so is a full name the sentence calls a person ("Margaret Quinlan,
   an analyst at ...", when the article never writes "margaret" in lower
   case), and so is a word before "'s mayor" or "'s residents" ("Talvik's
   mayor said"). A single word linked to a person named elsewhere ("Biden was
   briefed") is kept by the surname rule. A head word is evidence for itself
   only where it stands alone: "the Port of Gdansk Authority" does not make a
   headline's "Port" a name. Plural weekdays ("on Tuesdays") and common
   technical words ("Wi-Fi") are never names (``entity_nonnames.txt``), and
   the capitalised words of a short quoted title with a small word inside
   ("Books on Wheels") are names only when the article writes them elsewhere
   too ("Velmont" in "Born in Velmont").
3. **Chunk** runs of name tokens with NLTK's :class:`~nltk.chunk.RegexpParser`
   (grammar :data:`GRAMMAR`): capitalised words, with "of", "for" or "&" inside
   only after a head word or a title ("Ministry of Interior", "Secretary of
   State"). Three kinds of small word continue a name: a possessive right
   before a head word, after a name of more than one word, a title or a
   common noun ("Bright Futures Children's Fund", "St Columba's University",
   "U.S. Attorney's Office", but not "President Biden's Cabinet"); a
   capitalised function word inside a run of capitals ("Save Our Births"); and
   a month word that is no date ("Theresa May", "the Mar Para Bolivia
   movement"; "in March Congress" stays a date).
4. **Type each chunk**, first rule that applies (the ``rule`` column's first
   half): ``lexicon:alias``, ``lexicon:place`` or ``lexicon:demonym`` (the
   whole chunk is known); ``title`` (a title or honorific inside the chunk,
   or a capitalised role right before a full name: the words after it are a
   PERSON, "Chief Executive Ingrid Halvorsen", "City Clerk Oksana Melnyk",
   "Local MP Gareth Lowe"; a chunk of titles with no name after them keeps
   only the names before them: "Ohio" in "the Ohio Attorney General's
   office"); ``lexicon:org``, ``lexicon:facility``, ``lexicon:location``,
   ``lexicon:event`` (the chunk's last head word decides: "Halvorsen Foods",
   "Harbridge Rovers", "Philippine Red Cross", "Daily Courier"; after "of",
   a head word that ends the name decides: "Port of Gdansk Authority" is one
   ORGANIZATION, with no nested GPE, by the longest-name guideline; an event
   word first decides too: "Typhoon Kalani"); ``cue:org_noun``
   ("al-Sumaria television", "Kata'ib Hezbollah group", "the Save Our Births
   campaign"; not a full name whose appositive is a role, "Marta Kowalczyk,
   the union's general secretary", nor an organisation noun that is a
   possessor there);
   ``cue:dateline`` ("COLUMBUS, Ohio (AP) --", "VELMONT --");
   ``cue:role_before`` (a lower-case role before it: "spokesperson Adrienne
   Watson") and ``given_name`` for people; then the place cues:
   ``cue:place_noun`` ("the town of Malatya", "the port of Arica", "the
   island of Cebu" (a LOCATION), "Hillah city", "Iloilo City", "Iloilo
   province", "the Ostra region", "Brackford council", "Talvik's mayor",
   "Velmar's residents"; "the Lenna valley", "desert", "river" and other
   natural features give a LOCATION), ``cue:region_after`` ("Muncie, Indiana":
   a known state or country follows), ``cue:preposition`` ("in Dayton", "in
   La Paz", "near", "flew to Harbridge", "northern Panay"; not "from" before
   two words, "a goal from Tiago Silva", nor before a possessive, "in Volkov's
   case"); then ``cue:said`` (followed by "said", "told", ...) and
   ``cue:appositive`` (followed by ", head of ...") for people, unless the
   pronoun that follows is "it" or "its" (``cue:pronoun``: "Tern Brands said
   it would ...", "Bright Futures, which serves ..." are organisations; "he",
   "she" and ", who" keep a person); ``cue:preposition`` ("an analyst at
   Goldman Sachs": an organisation); ``shape:name`` for the rest (two or three
   words: PERSON; a single word or a long name: ORGANIZATION), and
   ``shape:acronym`` for acronyms (ORGANIZATION). A place or demonym inside a
   hyphenated word is ``hyphen_part`` ("US-run", "anti-US"), and the place
   before "-based" is ``cue:based`` ("Minneapolis-based"). Names listed
   together share a kind (``cue:list``: "in Bacolod, Ormoc and Dumaguete");
   names listed before a product noun are products, not entities ("the
   Crunchwell and Zesta lines").
5. **Link aliases** (the ``rule`` column's second half; ``first_mention`` for
   the mention that opens an entity): ``same_form`` (the same words, any
   apostrophe); ``alias_lexicon`` (known aliases and transliterations:
   Kataib, Kataeb, Kata'ib Hezbollah); ``acronym_definition`` ("Popular
   Mobilization Units (PMU)", when the letters fit); ``also_known_as`` ("...,
   also known as Hashd al-Sha’abi", "also known as the Harbour Union"; when
   only one of the two names has a type from a lexicon or head word, that type
   wins); ``surname`` (a final part of a person's
   full name, before or after it: "Austin", "Biden"; not a word the context
   calls a place, nor one followed by "said it" when an organisation has the
   same word); ``name_first_part`` (a word that no surname fits and that is the
   first part of exactly one person's full name: "Li" for "Premier Li Qiang",
   written family name first, or a first-name reference, "Ellen" for "Ellen
   Markovic"; never when two people share that word, "Wang" after "Wang Yi"
   and "Wang Hu", nor a word a lexicon, a place or organisation cue, or an
   organisation's name claims); ``org_short_form`` (the first or last word of an
   organisation's name: "Halvorsen" for "Halvorsen Semiconductor Inc.",
   "Rovers" for "Harbridge Rovers", only when exactly one organisation fits
   and the context never calls the word a place: "Brackford" stays the town,
   apart from "Brackford City Council" and "Brackford Transit Authority");
   ``event_short_form`` ("Kalani" for "Typhoon Kalani"); ``company_suffix`` (the same name with or without
   "Inc.", "Co.", "Ltd"); ``demonym`` (the same people: "Palestinian",
   "Palestinians").
   A single word keeps one sense in an article: the first context cue found
   for it types every pending mention of it ("in Velmont" makes each
   "Velmont" a place).
6. **Name and number** each entity: its ``name`` is its first full form (not
   an acronym, and not a single word when the article writes a longer one);
   ``entity_id`` counts entities in order of first mention, from 0.

Long runs of capitalised words (more than :data:`MAX_NAME_TOKENS`) are not
names; the kit skips them with an :class:`EntitySpanWarning`.

Examples
--------
>>> import kit
>>> article = kit.load_article()
>>> e = article.entities
>>> e.loc[e["type"] == "PERSON", ["text", "name", "title"]].head(3)
               text             name                                      title
14     Lloyd Austin     Lloyd Austin                         the Pentagon chief
31           Austin     Lloyd Austin                                       <NA>
34  Adrienne Watson  Adrienne Watson  US National Security Council spokesperson
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

import pandas as pd
from nltk.chunk import RegexpParser
from nltk.tag import RegexpTagger

from kit.errors import KitWarning
from kit.lexicons import match_form, read_lexicon
from kit.schemas import Column, frame, register
from kit.tokens import stopwords, token_spans

__all__ = [
    "GRAMMAR",
    "MAX_NAME_TOKENS",
    "TYPES",
    "EntitySpanWarning",
    "build_entities",
    "build_entity_registry",
    "score_alias_groups",
    "score_entities",
]

TYPES = ("PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY", "EVENT", "NORP")
"""The entity types, in the order of the ``type`` column's categories."""

MAX_NAME_TOKENS = 12
"""A run of more name-like tokens than this is not a name (the kit warns and skips it)."""

_MAX_TITLE_TOKENS = 10  # how far left a title may reach from the name
_MAX_APPOSITIVE_TOKENS = 20  # how long ", head of ... ," may be

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


class EntitySpanWarning(KitWarning):
    """The entity rules gave up on a span of the text (for example a very long run of capitals)."""


# ----- lexicons ---------------------------------------------------------------


def _key(text: str) -> str:
    """The matching form of one token: match_form without a final full stop."""
    form = match_form(text)
    return form[:-1] if form.endswith(".") and len(form) > 1 else form


def _phrase(text: str) -> tuple[str, ...]:
    """The matching form of a phrase, token by token, as the article's tokenizer splits it."""
    return tuple(match_form(text[a:b]) for a, b, _ in token_spans(text, 0, len(text)))


def _rows(name: str) -> list[list[str]]:
    rows = [[f.strip() for f in line.split(",")] for line in read_lexicon(name)]
    return [r for r in rows if r[0] not in {"demonym", "alias"}]  # skip CSV headers


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


# ----- tagging -----------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_SHAPES = [
    (r"^[(\[]$", "LP"),
    (r"^[)\]]$", "RP"),
    (r"^,$", "CM"),
    (r"^['’]s$", "POS"),
    (r"^[\"“”‘’'«»]+$", "Q"),
    (r"^&$", "AMP"),
    (r"^\d[\d,.:/]*$", "NUM"),
    (rf"^[{_UPPER}]\.$", "INI"),  # J. in John F. Kennedy
    (rf"^(?:[{_UPPER}]\.){{2,}}$", "ACR"),  # U.S., U.N.
    (rf"^[{_UPPER}][{_UPPER}0-9&]{{1,7}}$", "ACR"),  # US, PMU, CENTCOM
    (rf"^(?:al|el|ad|an|as|ash|at|az|ar|bin|ibn|abu|bani|ben)-[{_UPPER}]", "CAP"),  # al-Sumaria
    (rf"^[{_UPPER}][^\s-]*$", "CAP"),
    (rf"^[{_UPPER}][^\s]*-[{_UPPER}][^\s]*$", "CAP"),  # Al-Aqsa, Guinea-Bissau
    (r"^[^\w\s]+$", "PU"),
    (r"", "O"),
]


@cache
def _shape_tagger() -> RegexpTagger:
    return RegexpTagger(_SHAPES)


_CONNECTORS = frozenset({"of", "for", "de"})
_AND = frozenset({"and"})
_CORPORATE = frozenset(
    {"inc", "co", "corp", "ltd", "llc", "llp", "plc", "gmbh", "ag", "sa", "limited", "incorporated"}
)
_PARTICLES = frozenset(
    {
        "bin",
        "ibn",
        "van",
        "von",
        "der",
        "den",
        "da",
        "del",
        "della",
        "di",
        "du",
        "do",
        "dos",
        "al",
        "el",
        "le",
        "la",
        "ben",
    }
)
_DETERMINERS = frozenset({"the", "a", "an"})
_HEAD_TAG = {"ORGANIZATION": "ORGW", "FACILITY": "FACW", "LOCATION": "LOCW", "EVENT": "EVTW"}
_HEAD_TAGS = frozenset(_HEAD_TAG.values())
_NAME_TAGS = frozenset({"CAP", "GIVEN", "GEO", "DEM", "ACR", "INI", "TTL", "HON", "TMOD", "KN"}) | _HEAD_TAGS
_PERSON_PART_TAGS = frozenset({"CAP", "GIVEN", "GEO", "INI", "PRT"})

GRAMMAR = r"""
NAME: {<NP|CAP|TMOD|ORGW|FACW|LOCW|EVTW>*<ORGW|FACW|LOCW|EVTW|TTL><CONN|AMP><DT>?<NP|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+(<CONN|AMP><DT>?<NP|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+)*}
      {<CAP|ORGW|FACW|LOCW|EVTW>+<AND><CAP|TMOD>*<ORGW|FACW|LOCW|EVTW>(<CONN><DT>?<NP|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+)*}
      {<NP|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+(<PRT|AMP><NP|CAP|TMOD|ORGW|FACW|LOCW|EVTW>+)*}
"""
"""The chunk grammar (NLTK RegexpParser). CAP is a capitalised word, TMOD a
capitalised title modifier ("Foreign", "Deputy"), NP any other name token (given
name, place, demonym, acronym, initial, title, known alias); ORGW, FACW, LOCW and EVTW are head words; CONN is "of", "for" or
"de", AND "and" (only between capitalised words before a head word: "Disaster and
Emergency Management Authority"), PRT a name particle ("bin", "van"), AMP "&", DT "the" (a determiner)."""


@cache
def _chunker() -> RegexpParser:
    return RegexpParser(GRAMMAR)


_SAID = frozenset(
    {"said", "says", "told", "added", "wrote", "stated", "announced", "argued", "explained", "noted", "warned",
     "insisted", "claimed", "tweeted", "posted", "asked", "replied", "recalled", "confirmed", "denied"}
)  # fmt: skip
_ORG_NOUNS = frozenset(
    {"group", "groups", "channel", "television", "tv", "network", "newspaper", "daily", "agency", "party",
     "militia", "movement", "faction", "company", "firm", "outlet", "broadcaster", "website", "organization",
     "organisation", "brand", "bank", "club", "airline", "platform", "magazine", "journal", "union",
     "coalition", "alliance", "ministry", "startup", "charity", "think"}
)  # fmt: skip
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "province", "district", "region", "governorate", "county", "state", "area",
     "neighbourhood", "neighborhood", "suburb", "camp", "capital", "municipality", "oblast"}
)  # fmt: skip
_PLACE_PREPS = frozenset({"in", "from", "near", "across", "outside", "inside", "throughout"})
_OF_PLACE = {n: "GPE" for n in _PLACE_NOUNS | {"port", "people", "residents", "mayor", "outskirts", "centre",
             "center", "streets", "suburbs"}} | {"island": "LOCATION", "islands": "LOCATION",
             "peninsula": "LOCATION", "coast": "LOCATION"}  # fmt: skip
_PLACE_SUFFIXES = frozenset({"city", "province", "county", "prefecture", "governorate", "oblast", "borough"})
_CIVIC_NOUNS = frozenset({"council", "councillors", "mayor", "residents"})  # "Brackford council"
_LOCATION_NOUNS = frozenset(
    {"valley", "valleys", "desert", "mountains", "hills", "plateau", "delta", "basin", "coast", "coastline",
     "river", "lake", "peninsula", "plain", "plains", "highlands", "lowlands", "steppe", "gorge"}
)  # fmt: skip  # "the Lenna valley": a place without a government (LOCATION)
_PLACE_POSSESSED = frozenset(
    {"mayor", "governor", "residents", "inhabitants", "population", "townspeople", "villagers", "council",
     "councillors", "outskirts", "suburbs", "streets", "city", "town"}
)  # fmt: skip  # "Talvik's mayor", "Velmar's residents": only a place has these
_MOTION_VERBS = frozenset(
    {"flew", "fly", "flying", "travelled", "traveled", "travel", "went", "go", "returned", "return", "moved",
     "move", "drove", "drive", "headed", "came", "back", "trip", "journey", "road", "ferry", "flights"}
)  # fmt: skip
_DIRECTIONS = frozenset(
    {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
     "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "downtown", "rural",
     "coastal", "suburban", "upstate", "neighbouring", "neighboring"}
)  # fmt: skip
_DASHES = frozenset({"—", "–", "-", "--"})
_COMMON_POSSESSORS = frozenset(
    {"children", "women", "men", "people", "workers", "veterans", "citizens", "farmers", "teachers"}
)  # "People's Party", "Children's Hospital": a possessive that belongs to the name
_PRODUCT_NOUNS = frozenset({"line", "lines", "model", "models", "product", "products", "app", "apps"})
_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
     "dec"}
)  # fmt: skip
_DATE_WORDS = frozenset(
    {
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "to",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "of",
        "during",
        "before",
        "after",
        "between",
        "and",
        "or",
        "every",
        "each",
        "as",
        "at",
        "that",
        "around",
        "for",
        "the",
        "a",
        "an",
        "than",
        "but",
        "when",
    }
)  # words before a month that make it a date ("in March", "last May")
_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "himself", "herself"})
_PRONOUN_WINDOW = 12  # tokens after a name in which its pronoun is looked for
_AKA = (("also", "known", "as"), ("known", "as"), ("also", "called"), ("aka",), ("a.k.a",), ("a.k.a.",))
_OPEN_QUOTES = frozenset({"“", '"', "‘", "«", "``", "'"})


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    key: str
    tag: str = "O"
    doubtful: bool = False
    known: tuple[int, int] | None = None  # span (in token indices) of a known phrase


def _tag_token(tok: _Tok, lex: _Lexicons, shape: str) -> str:
    key = tok.key
    if shape == "CAP" or shape == "ACR" or shape == "INI":
        if key in lex.nonnames:
            return "O"
        kind = lex.titles.get(key)
        if kind in ("honorific",):
            return "HON"
        if kind == "title" or (kind == "role" and shape == "ACR"):
            return "TTL"  # President, General; CEO, MP
        if kind in ("role", "modifier") and shape != "ACR":
            return "TMOD"
        if key in lex.heads and shape != "INI":
            return _HEAD_TAG[lex.heads[key]]
        if (key,) in lex.demonyms:
            return "DEM"
        if (key,) in lex.places or (key,) in lex.aliases:
            return "GEO" if (key,) in lex.places else shape if shape == "ACR" else "CAP"
        if key in lex.given:
            return "GIVEN"
        return shape
    if key in _CONNECTORS:
        return "CONN"
    if key in _AND:
        return "AND"
    if key in _PARTICLES:
        return "PRT"
    if key in _DETERMINERS:
        return "DT"
    kind = lex.titles.get(key)
    if kind in ("role", "title", "honorific"):
        return "ROLE"
    if kind == "modifier":
        return "MOD"
    if shape in ("LP", "RP", "CM", "POS", "Q", "AMP", "NUM", "PU"):
        return shape
    if key in lex.heads and key == "plc":
        return "ORGW"
    return "O"


@lru_cache(maxsize=1 << 16)
def _token_tag(tok: str) -> tuple[str, str]:
    """The matching key and the tag of one token (the same wherever it stands)."""
    t = _Tok(0, 0, tok, _key(tok))
    tag = _tag_token(t, _lexicons(), _shape_tagger().tag([tok])[0][1])
    if tok[:1].isupper() and t.key in stopwords() and tag in ("CAP", "ACR", "O"):
        tag = "DT" if t.key in _DETERMINERS else "O"  # "The", "At": never names
    return t.key, tag


def _is_title_case(toks: list[_Tok]) -> bool:
    """True for a headline Written Like This (every content word capitalised)."""
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) > 3 and t.key not in stopwords()]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) >= 0.8


# ----- mentions ----------------------------------------------------------------


@dataclass
class _Mention:
    start: int
    end: int
    sentence_id: int
    type: str
    found: str  # the rule that found it
    tok_start: int  # token indices in the sentence (half-open)
    tok_end: int
    title: str | None = None
    group: str | None = None  # a lexicon key that links it
    pending: bool = False  # a single word whose type waits for the surname rule
    cue_type: str | None = None  # the type its context suggests, if no link decides


def _text(article_text: str, toks: list[_Tok], i: int, j: int) -> str:
    return article_text[toks[i].start : toks[j - 1].end]


class _Sentence:
    """One sentence's tokens, tags and the mentions found in it."""

    def __init__(self, sid: int, toks: list[_Tok], text: str, lex: _Lexicons):
        self.sid = sid
        self.toks = toks
        self.text = text
        self.lex = lex
        self.mentions: list[_Mention] = []

    # -- helpers
    def tag(self, i: int) -> str:
        return self.toks[i].tag if 0 <= i < len(self.toks) else "END"

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def phrase(self, i: int, j: int) -> tuple[str, ...]:
        return tuple(match_form(t.text) for t in self.toks[i:j])

    def add(self, i: int, j: int, typ: str, found: str, **kw) -> _Mention:
        m = _Mention(self.toks[i].start, self.toks[j - 1].end, self.sid, typ, found, i, j, **kw)
        self.mentions.append(m)
        return m

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

    def is_dateline(self, j: int) -> bool:
        """True when ``j`` follows a dateline's place: "COLUMBUS, Ohio (AP) --", "VELMONT --"."""
        if self.tag(j) == "CM" and self.tag(j + 1) in ("GEO", "KN"):
            return True
        return 0 <= j < len(self.toks) and self.toks[j].text in _DASHES

    def place_cue(self, i: int, j: int) -> tuple[str, str] | None:
        """The place type and rule the context of the chunk ``i:j`` suggests, if any.

        "the port of Arica", "the island of Cebu", "Iloilo City", "Iloilo province",
        "Muncie, Indiana", "in La Paz", "flew to Harbridge", "northern Panay"."""
        toks = self.toks
        if self.key(i - 1) == "of" and self.key(i - 2) in _OF_PLACE:
            return _OF_PLACE[self.key(i - 2)], "cue:place_noun"
        if j - i > 1 and toks[j - 1].key in _PLACE_SUFFIXES:
            return "GPE", "cue:place_noun"
        if self.key(j) in _PLACE_NOUNS or self.key(j) in _CIVIC_NOUNS:
            return "GPE", "cue:place_noun"
        if self.key(j) in _LOCATION_NOUNS:
            return "LOCATION", "cue:place_noun"
        if self.tag(j) == "POS" and self.key(j + 1) in _PLACE_POSSESSED:
            return "GPE", "cue:place_noun"
        if self.tag(j) == "CM" and self.tag(j + 1) in ("GEO", "KN") and self.tag(j + 2) != "POS":
            nxt = toks[j + 1]
            span = nxt.known or (j + 1, j + 2)
            known = self.lex.known(self.phrase(*span))
            if known and known[1] == "GPE" and known[0] == "lexicon:place":
                return "GPE", "cue:region_after"
        prev = self.key(i - 1)
        if self.tag(j) == "POS":
            return None  # "in Volkov's case": the preposition governs "case", not the name
        if (prev in _PLACE_PREPS and (j - i == 1 or prev != "from")) or (
            prev == "to" and self.key(i - 2) in _MOTION_VERBS
        ):
            return "GPE", "cue:preposition"
        if prev in _DIRECTIONS and self.tag(i - 1) == "O":
            return "GPE", "cue:preposition"
        return None

    def pronoun_cue(self, j: int) -> str | None:
        """The type the first pronoun after token ``j`` suggests: "it"/"its" an organisation,
        "he"/"she" a person ("Halvorsen has said it will keep both brands")."""
        toks = self.toks
        if self.tag(j) == "CM" and self.key(j + 1) in ("which", "who"):
            return "ORGANIZATION" if self.key(j + 1) == "which" else "PERSON"
        said = False
        for n in range(j, min(j + _PRONOUN_WINDOW, len(toks))):
            key, tag = toks[n].key, toks[n].tag
            if tag == "Q" or (tag in _NAME_TAGS and not toks[n].doubtful):
                return None
            if key in _SAID:
                said = True
            elif key in _PERSON_PRONOUNS:
                return "PERSON"
            elif key in ("its", "itself") or (key == "it" and said):
                return "ORGANIZATION"
        return None

    def org_cue(self, i: int, j: int) -> bool:
        """True when an organisation noun names the chunk's kind: "the journal Nature",
        "al-Sumaria television", "the White Helmets, a civil defence group"."""
        if self.key(j) in _ORG_NOUNS or (self.key(i - 1) in _ORG_NOUNS and self.tag(i - 2) == "DT"):
            return True
        if self.key(j) == "campaign" and j - i > 1:
            return True  # "the Save Our Births campaign" (but "the Biden campaign" names a person)
        if self.tag(j) == "CM" and self.tag(j + 1) == "DT":
            window = [self.key(n) for n in range(j + 2, min(j + 7, len(self.toks)))]
            for w, nxt in pairwise([*window, ""]):
                if w in _ORG_NOUNS and nxt != "'s":
                    return True  # not a possessor: "the union's general secretary" is a role
                if w in (",", ".", "said", "who", "which", "that"):
                    break
        return False

    def extend_title_left(self, i: int) -> int:
        """Return where a title that ends at token ``i`` (inclusive) starts."""
        toks = self.toks
        n, limit = i, max(0, i - _MAX_TITLE_TOKENS)
        while n > limit:
            prev = toks[n - 1]
            if prev.tag in ("ROLE", "MOD", "TMOD", "TTL", "HON", "POS", "CONN") or prev.tag in _NAME_TAGS:
                if prev.tag == "CONN" and not (n - 2 >= 0 and toks[n - 2].tag in ("ROLE", "TMOD", "TTL")):
                    break
                n -= 1
            elif prev.tag == "DT":
                n -= 1
                break
            elif prev.tag == "O" and "-" in prev.text and not prev.doubtful:
                n -= 1  # a hyphenated modifier: "Arabic-language", "Iran-backed"
            else:
                break
        while n < i and toks[n].tag in ("CONN", "POS"):
            n += 1
        return n

    def has_appositive(self, j: int) -> int:
        """Return the end of ", <role> ...," after token ``j`` (exclusive), or 0."""
        toks = self.toks
        if self.tag(j) != "CM":
            return 0
        n = j + 1
        while n < len(toks) and toks[n].tag == "DT":
            n += 1
        # a role word must come within four tokens ("head", "the company's chief executive")
        window = range(n, min(n + 4, len(toks)))
        if not any(
            toks[w].tag in ("ROLE", "TTL")
            or (
                toks[w].tag == "TMOD"
                and toks[w].key in self.lex.titles
                and self.lex.titles[toks[w].key] != "modifier"
            )
            for w in window
        ):
            return 0
        depth, end = 0, n
        while end < len(toks) and end - j <= _MAX_APPOSITIVE_TOKENS:
            tg = toks[end].tag
            if tg == "LP":
                depth += 1
            elif tg == "RP":
                depth -= 1
            elif (tg == "CM" and depth <= 0) or tg == "Q" or toks[end].key in _SAID:
                break
            end += 1
        if end == len(toks) and end - j <= _MAX_APPOSITIVE_TOKENS + 1 and toks[-1].key in (".", "!", "?"):
            return end - 1  # the appositive ends the sentence: "..., the union's general secretary."
        if end - j > _MAX_APPOSITIVE_TOKENS or end >= len(toks) or toks[end].tag != "CM":
            if not (end < len(toks) and toks[end].key in _SAID):
                return 0
        return end

    def add_appositive(self, m: _Mention) -> None:
        end = self.has_appositive(m.tok_end)
        if end:
            role = _text(self.text, self.toks, m.tok_end + 1, end)
            m.title = f"{m.title}, {role}" if m.title else role

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
                    if m.pending and not m.cue_type:
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


# ----- the article pass -----------------------------------------------------------


_LONG_SENTENCE = 300  # tokens: longer sentences are read only around their capitalised words
_CONTEXT = 8  # tokens of context kept around capitalised words in a long sentence


def _windows(texts: list[str]) -> tuple[list[tuple[int, int]], int]:
    """Parts of a long sentence worth reading, and how many over-long capital runs were skipped."""
    spans, skipped, n, size = [], 0, 0, len(texts)
    while n < size:
        if texts[n][:1].isupper():
            a = n
            while n < size and texts[n][:1].isupper():
                n += 1
            if n - a > MAX_NAME_TOKENS * 4:
                skipped += 1
                continue
            spans.append((a, n))
        else:
            n += 1
    windows: list[tuple[int, int]] = []
    for a, b in spans:
        lo, hi = max(0, a - _CONTEXT), min(size, b + _CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows, skipped


def _sentences(article) -> tuple[list[_Sentence], int]:
    lex = _lexicons()
    text = article.text
    rows = article._token_rows
    sent_rows = article._sentence_rows
    sids, starts, ends, texts = rows["sentence_id"], rows["start_char"], rows["end_char"], rows["text"]
    sentences, skipped, parts = [], 0, []
    for sid, part in zip(sent_rows["sentence_id"], sent_rows["part"]):
        lo, hi = bisect_left(sids, sid), bisect_right(sids, sid)
        if hi - lo > _LONG_SENTENCE:
            windows, n_skipped = _windows(texts[lo:hi])
            skipped += n_skipped
        else:
            windows = [(0, hi - lo)]
        for wa, wb in windows:
            toks = []
            for x in range(lo + wa, lo + wb):
                tok = texts[x]
                key, tag = _token_tag(tok)
                toks.append(_Tok(starts[x], ends[x], tok, key, tag))
            title_case = part == "headline" and _is_title_case(toks)
            for n, t in enumerate(toks):
                first = wa == 0 and n == 0
                prev = toks[n - 1].text if n else None
                if (
                    title_case
                    or first
                    or prev in _OPEN_QUOTES
                    or prev in (":", "—", "–", "--")
                    or (wa == 0 and n == 1 and toks[0].tag in ("Q", "PU"))
                ):
                    t.doubtful = t.text[:1].isupper()
            sentences.append(_Sentence(sid, toks, text, lex))
            parts.append(part)
    # A doubtful run that ends in a company suffix is a name: "Acme Widgets Inc. said".
    for s in sentences:
        toks = s.toks
        n = 1
        while n < len(toks) and toks[n].tag in _NAME_TAGS and toks[n].key not in _CORPORATE:
            n += 1
        if toks and toks[0].doubtful and 1 < n < len(toks) and toks[n].key in _CORPORATE:
            toks[0].doubtful = False
    # A doubtful capital that starts a run ending in a head word ("Mactan-Cebu International
    # Airport cancelled ..."), or a storm's head word before its name ("Cyclone Mira hit ...").
    lower = {t.key for s in sentences for t in s.toks if t.text[:1].islower()}
    for s in sentences:
        toks = s.toks
        n = 1
        while n < len(toks) and toks[n].tag in _NAME_TAGS and not toks[n].doubtful:
            n += 1
        if toks and toks[0].doubtful and n > 1 and toks[0].key not in lower:
            if (toks[0].tag == "CAP" and toks[n - 1].tag in _HEAD_TAGS) or toks[0].tag == "EVTW":
                toks[0].doubtful = False
    # Evidence for doubtful capitals: the word is capitalised elsewhere in mid-sentence.
    # A head word counts only when it stands alone: "the Port of Gdansk Authority" is no
    # evidence that a headline's "Port" is a name.
    confirmed = {
        t.key
        for s in sentences
        for n, t in enumerate(s.toks)
        if not t.doubtful
        and t.text[:1].isupper()
        and not (
            t.tag in _HEAD_TAGS - {"EVTW"}  # a storm word before its name is evidence ("Typhoon Kalani")
            and (s.tag(n - 1) in _NAME_TAGS or s.tag(n + 1) in _NAME_TAGS or s.tag(n + 1) == "CONN")
        )
    }
    for s, part in zip(sentences, parts):
        toks = s.toks
        n = 0  # a dateline: "COLUMBUS, Ohio (AP) --", "MARLOW HEIGHTS, Ohio -", "VELMONT --"
        while n < min(len(toks), 4) and toks[n].text.isupper() and toks[n].text.isalpha():
            n += 1
        if n and part != "headline" and n < len(toks):
            after = toks[n + 1].tag if n + 1 < len(toks) else "END"
            if (toks[n].text == "," and after == "GEO") or toks[n].text in _DASHES:
                for t in toks[:n]:
                    t.doubtful = False
        n = 1
        while n < len(toks) and toks[n].tag in _NAME_TAGS and not toks[n].doubtful:
            n += 1
        if (  # "Margaret Quinlan, a consumer-goods analyst, ...": a full name with a person cue
            toks
            and toks[0].doubtful
            and toks[0].tag == "CAP"
            and toks[0].key not in lower
            and toks[0].key not in confirmed
            and 1 < n <= 3
            and all(t.tag in ("CAP", "GIVEN") for t in toks[1:n])
            and (s.key(n) in _SAID or s.has_appositive(n))
        ):
            toks[0].doubtful = False
        if (  # "Talvik's mayor said ...": only a place has a mayor
            len(toks) > 2
            and toks[0].doubtful
            and toks[0].tag == "CAP"
            and toks[0].key not in lower
            and toks[1].tag == "POS"
            and toks[2].key in _PLACE_POSSESSED
        ):
            toks[0].doubtful = False
        for t in s.toks:
            if not t.doubtful:
                continue
            if t.tag in _DOUBT_TAGS and t.key in confirmed:
                t.doubtful = False
            elif t.tag not in _DOUBT_TAGS and t.tag not in ("O", "DT"):
                t.doubtful = False  # a place, demonym, given name, title or alias lexicon knows it
    return sentences, skipped


def _mark_known_phrases(s: _Sentence) -> None:
    """Mark multi-word phrases a lexicon knows ("Islamic Resistance in Iraq") as one name."""
    lex, toks = s.lex, s.toks
    n = 0
    while n < len(toks):
        if not toks[n].text[:1].isupper() and not toks[n].key.startswith("al-"):
            n += 1
            continue
        for size in range(min(lex.max_phrase, len(toks) - n), 1, -1):
            if not toks[n + size - 1].text[:1].isupper():
                continue
            if lex.known(s.phrase(n, n + size)):
                for t in toks[n : n + size]:
                    t.known = (n, n + size)
                    t.doubtful = False  # a known phrase is its own evidence
                    if t.tag not in _NAME_TAGS:
                        t.tag = "KN"
                n += size
                break
        else:
            n += 1


_MAX_QUOTED_TITLE = 8  # tokens


def _quoted_titles(s: _Sentence) -> set[int]:
    """The tokens of short Title Case phrases in quotation marks with a small word inside
    ("Books on Wheels", "Gone with the Wind"): titles of works or programmes, whose
    capitalised words are names only when the article writes them elsewhere too ("Velmont"
    in "Born in Velmont") or a lexicon or head word knows them."""
    toks = s.toks
    found: set[int] = set()
    n = 0
    while n < len(toks):
        if toks[n].tag != "Q" or toks[n].text not in _OPEN_QUOTES:
            n += 1
            continue
        end = n + 1
        while end < len(toks) and end - n <= _MAX_QUOTED_TITLE + 1 and toks[end].tag != "Q":
            end += 1
        inside = toks[n + 1 : end]
        if end >= len(toks) or not inside or len(inside) > _MAX_QUOTED_TITLE:
            n = end
            continue
        small = [t for t in inside if t.text[:1].islower()]
        if (
            inside[0].text[:1].isupper()
            and small
            and all(t.key in stopwords() for t in small)
            and all(t.text[:1].isalpha() for t in inside)
            and all(t.tag in ("CAP", "O", "CONN", "AND", "DT", "PRT") for t in inside)
            and not any(t.known for t in inside)
        ):
            found.update(range(n + 1, end))
        n = end + 1
    return found


def _mark_inside_words(s: _Sentence) -> None:
    """Small words that continue a name: "Children's" in "Bright Futures Children's Fund",
    "Our" in "Save Our Births", "Mar" in "Mar Para Bolivia" (not a month there)."""
    toks = s.toks
    for n in range(1, len(toks) - 1):
        t, prev, nxt = toks[n], toks[n - 1], toks[n + 1]
        if t.tag == "POS":
            # A possessive inside a name only when a head word follows it at once, and not
            # after a person's name ("President Biden's Cabinet").
            if (
                prev.tag in ("CAP", "TTL", "TMOD", "GIVEN")
                and nxt.tag in ("ORGW", "FACW")
                and not prev.doubtful
            ):
                a = n - 1
                while a > 0 and toks[a - 1].tag in _NAME_TAGS:
                    a -= 1
                before = [x.tag for x in toks[a : n - 1]]
                saint = toks[a].key in ("st", "saint", "ste", "san", "santa")
                common = prev.key in _COMMON_POSSESSORS or prev.tag in ("TTL", "TMOD")
                if "HON" not in before and "TTL" not in before and ("GIVEN" not in before or saint):
                    if (prev.tag != "GIVEN" or saint) and (before or common or saint):
                        t.tag = "PRT"
        elif t.doubtful or not t.text[:1].isupper() or t.tag not in ("O", "DT"):
            continue
        elif t.key in _MONTHS:
            if (prev.tag == "GIVEN" and nxt.tag != "NUM") or (
                nxt.tag in ("CAP", "GEO", "GIVEN") and prev.tag == "O" and prev.key not in _DATE_WORDS
            ):
                t.tag = "CAP"  # "Theresa May", "the Mar Para Bolivia movement"
        elif prev.tag in ("CAP", "GIVEN", "GEO") and nxt.tag in ("CAP", "GEO") and t.key in stopwords():
            t.tag = "PRT"  # "Save Our Births"


def _chunk(s: _Sentence) -> int:
    """Chunk the sentence's name tokens with the RegexpParser grammar and type the chunks.

    Returns how many over-long runs of name tokens it skipped."""
    toks = s.toks
    chunk_tag = _CHUNK_TAG
    islands = []  # runs of name-ish tokens: only these go through the parser
    n = 0
    while n < len(toks):
        if toks[n].tag in _NAME_TAGS:
            a = n
            while n < len(toks) and (
                toks[n].tag in _NAME_TAGS or (toks[n].tag in _INSIDE_TAGS and n + 1 < len(toks))
            ):
                n += 1
            islands.append((a, n))
        n += 1
    skipped = 0
    batches: list[list[tuple[int, str]]] = [[]]
    for a, b in islands:
        if b - a > MAX_NAME_TOKENS * 2:
            skipped += 1
            continue
        if len(batches[-1]) > 400:
            batches.append([])
        batches[-1].extend((x, chunk_tag.get(toks[x].tag, toks[x].tag)) for x in range(a, b))
        batches[-1].append((-1, "O"))
    for seq in batches:
        if not seq:
            continue
        for sub in _chunker().parse(seq):
            if hasattr(sub, "label"):
                leaves = sub.leaves()
                a, b = leaves[0][0], leaves[-1][0] + 1
                if b - a > MAX_NAME_TOKENS:
                    skipped += 1
                    continue
                s.interpret(a, b)
    return skipped


_DOUBT_TAGS = frozenset({"CAP", "TMOD", "ACR", "INI"}) | _HEAD_TAGS  # need evidence when doubtful
_CHUNK_TAG = {t: "NP" for t in _NAME_TAGS - _HEAD_TAGS - {"CAP", "TMOD"}}
_INSIDE_TAGS = frozenset({"CONN", "PRT", "AMP", "DT", "AND"})


def _mentions(article) -> tuple[list[_Mention], list[tuple[int, int, str]]]:
    sentences, skipped = _sentences(article)
    mentions: list[_Mention] = []
    local_links = []
    titles = []
    for s in sentences:
        _mark_known_phrases(s)
        titles.append(_quoted_titles(s))
    outside = {
        t.key
        for s, inside in zip(sentences, titles)
        for n, t in enumerate(s.toks)
        if t.tag == "CAP" and not t.doubtful and n not in inside
    }
    for s, inside in zip(sentences, titles):
        for n in inside:
            if s.toks[n].tag == "CAP" and s.toks[n].key not in outside:
                s.toks[n].tag = "O"  # "Wheels" in "Books on Wheels" (but "Velmont" in "Born in Velmont")
    for s in sentences:
        _mark_inside_words(s)
        skipped += _chunk(s)
        s.hyphen_parts()
        local_links.extend(s.acronyms_and_aka())
        s.mentions.sort(key=lambda m: m.start)
        s.lists()
        mentions.extend(s.mentions)
    if skipped:
        warnings.warn(
            f"The article {article.name!r} has {skipped} run(s) of more than {MAX_NAME_TOKENS}"
            " capitalised words in a row; the kit does not read such runs as names and skipped them."
            " If they are lists of names, put commas between the names.",
            EntitySpanWarning,
            stacklevel=5,
        )
    order = {id(m): n for n, m in enumerate(mentions)}
    links = [(order[id(a)], order[id(b)], rule) for a, b, rule in local_links]
    return mentions, links


def _resolve(article) -> tuple[list[_Mention], list[int], list[str], list[str]]:
    """Find the mentions, link aliases; return mentions, entity ids, names and rules."""
    mentions, links = _mentions(article)
    text = article.text
    forms = [match_form(text[m.start : m.end]) for m in mentions]
    # One sense per discourse: a single word written several times shares the first cue
    # found for it ("in Velmont" makes every "Velmont" a place).
    cue_of: dict[str, str] = {}
    for n, m in enumerate(mentions):
        if m.pending and m.cue_type:
            cue_of.setdefault(forms[n], m.cue_type)
    places = {f for f, t in cue_of.items() if t in ("GPE", "LOCATION")}
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


# ----- the tables -----------------------------------------------------------------


def build_entities(article) -> pd.DataFrame:
    """One row per named-entity mention, with aliases linked by ``entity_id``.

    Parameters
    ----------
    article : kit.Article

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
    mentions, entity_of, names, rules = _resolve(article)
    text = article.text
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


def build_entity_registry(article) -> pd.DataFrame:
    """One row per entity: its name, type, the forms the article writes, and how often.

    Examples
    --------
    >>> import kit
    >>> r = kit.load_article().entity_registry
    >>> r.loc[r["name"] == "Popular Mobilization Units", ["aliases", "n_mentions"]].astype(str).iloc[0].tolist()
    ['Popular Mobilization Units | PMU | Hashd al-Sha’abi', '4']
    """
    e = article.entities
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


# ----- scoring against a key ---------------------------------------------------------


def _score_row(table: str, match: str, n_pred: int, n_key: int, n_correct: int) -> pd.DataFrame:
    precision = n_correct / n_pred if n_pred else (1.0 if n_key == 0 else 0.0)
    recall = n_correct / n_key if n_key else (1.0 if n_pred == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return pd.DataFrame(
        {
            "table": pd.Series([table], dtype="string"),
            "match": pd.Series([match], dtype="string"),
            "precision": pd.Series([precision], dtype="float64"),
            "recall": pd.Series([recall], dtype="float64"),
            "f1": pd.Series([f1], dtype="float64"),
            "n_predicted": pd.Series([n_pred], dtype="int64"),
            "n_key": pd.Series([n_key], dtype="int64"),
            "n_correct": pd.Series([n_correct], dtype="int64"),
        }
    )


def _check_key(key: pd.DataFrame, needed: tuple[str, ...]) -> None:
    missing = [c for c in needed if c not in key.columns]
    if missing:
        raise ValueError(
            f"The entity key has no column {missing[0]!r}; it has {list(key.columns)!r}."
            f" An entity key needs the columns {', '.join(needed)}"
            " (one row per mention; mentions sharing a name are one entity)."
        )


def score_entities(predicted: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of the entity mentions: exact span and type.

    Parameters
    ----------
    predicted
        ``article.entities`` (or any table with ``start_char``, ``end_char``, ``type``).
    key
        A key's ``entities.csv``: ``start_char``, ``end_char``, ``text``, ``type``, ``name``.

    Examples
    --------
    >>> import kit
    >>> e = kit.load_article().entities
    >>> score_entities(e, e)[["table", "f1", "n_correct"]]
          table   f1  n_correct
    0  entities  1.0         67
    """
    _check_key(key, ("start_char", "end_char", "type"))
    pred = set(
        zip(
            predicted["start_char"].astype(int),
            predicted["end_char"].astype(int),
            predicted["type"].astype(str),
        )
    )
    gold = set(zip(key["start_char"].astype(int), key["end_char"].astype(int), key["type"].astype(str)))
    return _score_row("entities", "exact span and type", len(pred), len(gold), len(pred & gold))


def _pairs(spans: list[tuple[int, int]], groups: list) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    by_group: dict = defaultdict(list)
    for span, g in zip(spans, groups):
        by_group[g].append(span)
    pairs = set()
    for members in by_group.values():
        members = sorted(set(members))
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


def score_alias_groups(predicted: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Pairwise precision, recall and F1 of the alias groups.

    Every pair of mentions (by span) that the prediction puts in one entity is
    compared with the pairs the key puts under one ``name``.

    Examples
    --------
    >>> import kit
    >>> e = kit.load_article().entities
    >>> score_alias_groups(e, e)[["table", "match", "f1"]]
               table     match   f1
    0  alias_groups  pairwise  1.0
    """
    _check_key(key, ("start_char", "end_char", "name"))
    group_col = "entity_id" if "entity_id" in predicted.columns else "name"
    pred = _pairs(
        list(zip(predicted["start_char"].astype(int), predicted["end_char"].astype(int))),
        predicted[group_col].tolist(),
    )
    gold = _pairs(list(zip(key["start_char"].astype(int), key["end_char"].astype(int))), key["name"].tolist())
    return _score_row("alias_groups", "pairwise", len(pred), len(gold), len(pred & gold))
