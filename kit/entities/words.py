"""The words the entity rules read: connectors, cue nouns and verbs, and the limits.

These are small closed lists that belong to the rules themselves (the
lexicons a learner may extend live in ``kit/data``, see
:mod:`kit.entities.lexicons`).
"""

from __future__ import annotations

TYPES = ("PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY", "EVENT", "NORP")
"""The entity types, in the order of the ``type`` column's categories."""

MAX_NAME_TOKENS = 12
"""A run of more name-like tokens than this is not a name (the kit warns and skips it)."""

_MAX_TITLE_TOKENS = 10  # how far left a title may reach from the name
_MAX_APPOSITIVE_TOKENS = 20  # how long ", head of ... ," may be


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
_PLACE_CUE_PREPS = frozenset({"in", "from", "near", "across", "outside", "inside", "throughout"})
"""Prepositions that make the unknown name after them a place ("in Erbil"); not "at" or "on",
which as often come before an organisation ("at Reuters"). kit.timeline's prepositions before
an event's place are another list, for another question."""
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
_DASHES = frozenset({"—", "–", "-", "--", "_"})  # "WASHINGTON _" in some wire copy
_COMMON_POSSESSORS = frozenset(
    {"children", "women", "men", "people", "workers", "veterans", "citizens", "farmers", "teachers"}
)  # "People's Party", "Children's Hospital": a possessive that belongs to the name
_PRODUCT_NOUNS = frozenset({"line", "lines", "model", "models", "product", "products", "app", "apps"})
_WORK_NOUNS = _PRODUCT_NOUNS | frozenset(
    {"jet", "jets", "aircraft", "airliner", "airliners", "plane", "planes", "helicopter", "helicopters",
     "bomber", "bombers", "drone", "drones", "missile", "missiles", "tank", "tanks", "car", "cars", "truck",
     "trucks", "phone", "phones", "smartphone", "smartphones", "tablet", "tablets", "laptop", "laptops",
     "console", "film", "films", "movie", "movies", "book", "books", "novel", "novels", "album", "albums",
     "song", "songs", "painting", "paintings", "sculpture", "musical", "opera", "sitcom", "franchise",
     "trilogy", "videogame", "drug", "drugs", "pill", "pills", "vaccine", "vaccines", "engine", "engines"}
)  # fmt: skip  # "the Harry Potter books", "Eurofighter Typhoon jets": a product or a work, not a person
_STAKE_NOUNS = frozenset(
    {"shares", "share", "stake", "stakes", "holding", "holdings", "investment", "investments", "invest",
     "invested", "investing", "stock"}
)  # fmt: skip  # "shares in Ask Jeeves": a company, not a place
_ORG_AFTER = frozenset({"shares", "stock", "shareholders", "stake", "subsidiary", "headquarters", "profits"})
_INDEFINITE = frozenset({"a", "an"})
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
