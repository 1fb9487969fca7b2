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
  Honorifics follow the same convention: in "Mr Holt", "Sir Keir Starmer"
  and "Lord Bach" the mentions are "Holt", "Keir Starmer" and "Bach", and
  ``title`` holds "Mr", "Sir" and "Lord" (some annotation schemes put the
  honorific inside the span; the kit never does, so a key written that way
  needs its spans moved before ``kit.evaluate``).
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
  money, languages, laws ("the Second Amendment", "the Patriot Act"),
  products and works ("the Harry Potter books", "an Airbus A380", "a Boeing
  747"), office words ("the Trade and Industry Secretary", "MPs"), a party
  and state after a politician ("(I-Vt.)"), social-media handles
  ("@CecileRichards"), and the outlet's boilerplate outside the headline,
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
2. **Doubtful capitals.** A capital at the start of a sentence or a quotation
   (also after two backticks or a wire dateline's "_"), in a headline written
   in Title Case, in a body line written in Title Case with a capitalised
   small word ("Voters Turn Out For Sweeping Change"), or in a line written in
   capitals ("SIGN UP FOR OUR NEWSLETTER"), proves nothing ("Since", "Another").
   A word written in CamelCase ("TimeWarner") is its own evidence.
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
   campaign", "shares in Ask Jeeves", "Pernod's shareholders"; not a full name whose appositive is a role, "Marta Kowalczyk,
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
   case"); ``cue:determiner`` (an article before a name that ends its phrase,
   since people's names take none: "the Federal Reserve said", "a Goldman
   Sachs analyst"; not "the Obama administration", where "the" belongs to
   the noun); then ``cue:said`` (followed by "said", "told", ...) and
   ``cue:appositive`` (followed by ", head of ...") for people, unless the
   pronoun that follows is "it" or "its" (``cue:pronoun``: "Tern Brands said
   it would ...", "Bright Futures, which serves ..." are organisations; "he",
   "she" and ", who" keep a person); ``cue:preposition`` ("an analyst at
   Goldman Sachs": an organisation); ``shape:camel_case`` ("TimeWarner",
   "PepsiCo": an organisation); ``cue:product`` (one word before a product
   noun is its maker: "Boeing jets"); ``shape:name`` for the rest (two or three
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
   "Palestinians"); ``same_form`` also links a bare word to a one-word name a
   title made a person ("Mr Holt ... Holt said").
   A name that an organisation cue types anywhere (``cue:org_noun``, such as
   "shares in Ask Jeeves", ``cue:determiner``, ``cue:product`` or
   ``shape:camel_case``) is an organisation wherever only ``cue:said``,
   ``cue:appositive`` or ``shape:name`` made it a person ("Ask Jeeves said").
   A single word keeps one sense in an article: the first context cue found
   for it types every pending mention of it ("in Velmont" makes each
   "Velmont" a place).
6. **Name and number** each entity: its ``name`` is its first full form (not
   an acronym, and not a single word when the article writes a longer one);
   ``entity_id`` counts entities in order of first mention, from 0.

Long runs of capitalised words (more than :data:`MAX_NAME_TOKENS`) are not
names; the kit skips them with an :class:`EntitySpanWarning`.

Extending the lexicon
---------------------
``entities(article, extra_aliases=...)`` and ``entity_registry(article,
extra_aliases=...)`` take more aliases, with the columns of
``entity_aliases.csv``: ``alias`` and ``type``, and optionally ``key``. A
name the rules miss ("Friends of the Earth", with its lower-case "of") is
then one mention, whose ``rule`` ends in ``+learner`` (see :mod:`kit.lexicons`).

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

from kit.entities.build import build_entities, build_entity_registry, entities, entity_registry
from kit.entities.chunking import EntitySpanWarning
from kit.entities.tagging import GRAMMAR
from kit.entities.words import MAX_NAME_TOKENS, TYPES
from kit.scoring import score_alias_groups, score_entities

__all__ = [
    "GRAMMAR",
    "MAX_NAME_TOKENS",
    "TYPES",
    "EntitySpanWarning",
    "build_entities",
    "build_entity_registry",
    "entities",
    "entity_registry",
    "score_alias_groups",
    "score_entities",
]
