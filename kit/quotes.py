"""Quotes and claims: who is reported as saying what, and which claims stand alone.

A news article lets its sources speak in three ways. A **direct** quote gives
the speaker's own words between quotation marks; an **indirect** quote
reports them in the writer's words ("Watson said that ..."); a **mixed** quote
reports them indirectly but keeps a few of the speaker's own words in marks
(Kurilla's “a number of Kata’ib Hezbollah”). Each is held together by an
*attribution*: a speaker, a cue verb ("said", "told", "claimed", or the phrase
"according to") and sometimes a channel ("in a statement", "told al-Sumaria
television"). This module finds attributions with small, documented patterns,
in the spirit of the Gender Gap Tracker's rule-based quote extractor (Asr et
al. 2021, *PLOS ONE* 16(1): e0245533) and textacy's ``direct_quotations``, but
with no parser: only the kit's sentences, quotation-mark spans
(:mod:`kit.quotemarks`: double marks, and British single marks ‘…’ whose
edges stand at word edges, so apostrophes never count), entity mentions (:mod:`kit.entities`) and the word
lists in ``kit/data/quote_*.txt``.

How the extractor reads an article
----------------------------------
1. **Direct quotes.** For every span between quotation marks it looks for an
   attribution touching the marks, first after the closing mark, then before
   the opening one. The ``rule`` column names the pattern (``Q`` is the
   quotation, ``S`` the speaker, ``V`` the cue verb, ``C`` reported content):

   ``q_sv``
       ``“Q,” S V`` -- “These precision strikes ...,” Austin said.
   ``q_vs``
       ``“Q,” V S`` -- "We will rebuild," said Mayor Ana Ruiz.
   ``sv_q``
       ``S V: “Q”`` or ``S V, “Q”`` (also ``S V that “Q”`` when the marks hold
       the whole reported clause). A sentence ending in ``S V:`` ("In a
       statement after the vote, the mayor said:") introduces the quotation
       that opens the next sentence or paragraph; the words before the
       speaker are then its channel, never a quote of their own.
   ``floating``
       A quotation that fills its sentence(s) with no attribution of its own
       inherits the speaker of the nearest quote before it, at most two
       paragraphs back (news style: the speaker is named once, then quoted
       again).

   A quotation that runs over several paragraphs (each paragraph opens with a
   mark, only the last closes it; ``rule == "continued"`` in
   ``article.quote_marks``) is one quote: ``+continued`` is added to its rule.
   A span between marks with no attribution and no quote before it to inherit
   from is a **scare quote** (the seed's “self-defense”): it is not a quote and
   is left out of this table (``article.quote_marks`` still has it).

2. **Indirect and mixed quotes.** In every sentence not already attributed,
   the first cue verb outside quotation marks is tried against:

   ``sv_c``
       ``S V (that) C`` -- Press TV sources said that one PMU member ...; with
       ``told``, the object is the channel (``S told <outlet or audience>
       that C``).
   ``c_sv``
       ``C, S V`` -- That attack wounded ..., US National Security Council
       spokesperson Adrienne Watson said in a separate statement.
   ``c_vs``
       ``C, V S`` -- Prices will rise, said the minister.
   ``according_to``
       ``according to S, C`` and ``C, according to S``. A document named by
       its source ("according to port authority figures", "government data")
       is the source's word: the speaker is the port authority.
   ``called_q``
       ``S called O “Q”`` -- A Palestinian official called the strikes “a
       brutal massacre”; also ``described O as “Q”``, ``branded``,
       ``labelled``, ``dubbed``, ``termed``. The label in marks is the
       speaker's word, so the quote is **mixed** with the cue "called" (the
       content is the object and the label). The object has one to six words
       and does not end in "a" or "the" ("called the barrier a “wall of hope”"
       labels in the writer's words; the marks there are a scare quote);
       "called for" and "called on" are other verbs. A label whose speaker is
       a pronoun with nothing before it to refer to stays a scare quote. "S
       called O “Q” and said C" is one statement.

   Cue verbs with other senses ("added", "noted", "asked": the ``that`` lines
   of ``quote_cue_verbs.txt``) count only before a that-clause or in a closing
   attribution. A time phrase may stand between the cue and its content
   ("announced in June that ...", "said on Monday it would ..."; a cue followed
   by a time phrase alone, "..., researchers reported on Wednesday", is a
   closing attribution). A closing attribution may end with a short phrase
   that starts with a preposition ("..., the company said in a regulatory
   filing"): the content is the clause before the speaker and the phrase is
   the channel. A cue right after "who" or "which" belongs to a
   relative clause ("a clerk who asked that her name not be used") and is
   skipped. A sentence may hold two attributions ("..., according to police,
   while organisers said ..."): the content of the first stops before ", while
   S V", ", but S V" or ", whereas S V", and each gets its own row. When the
   reported content holds a span between quotation marks, the quote is
   **mixed**.

3. **Speakers.** The words before a cue are split at commas; the speaker is
   the last part that reads as a noun phrase (a name, a pronoun, or a phrase
   headed by a noun of ``quote_speaker_nouns.txt``), skipping a channel ("in a
   statement published on its Telegram channel") and an appositive after a
   name ("General Michael Erik Kurilla, head of US Central Command
   (CENTCOM),"), which becomes the ``speaker_role``; a name may carry a
   lower-case modifier ("retired Gen. ..."), and an appositive that is a
   relative clause ("who now leads the ... movement") is never the speaker. An
   age between commas ("Jane Smith, 45, a nurse, said") is never the speaker
   either. A role before the name ("“Q,” the firm's chief executive, Ms. Ana
   Ruiz, said") is the role too.
   A speaker noun may carry a modifier after it, up to
   :data:`MAX_MODIFIED_WORDS` words: "Two people familiar with the plans", "A
   senior official who asked not to be named because ...", "Experts not
   involved in the study", "the state Department of Transportation". The
   speaker is linked to ``article.entities`` by span overlap; a title before a
   given name ("Local MP Gareth Lowe"), an age after the name ("Dolores Yazzie,
   72,") or a person's role in apposition ("Marta Kowalczyk, the union's general
   secretary": a ``person`` noun of ``quote_speaker_nouns.txt`` heads the role)
   makes a person whatever type the entity table guessed; when the entity table
   found only part of such a name, the name as written is the speaker's name.

   A pronoun (he, she, they, it) or a definite role ("the spokesperson")
   takes the last compatible speaker before it (``+pronoun`` in the rule). A
   pronoun in a closing attribution takes first the subject of its own
   sentence, when a name opens the sentence before the quotation ("Opposition
   leader Tom Hale called it ‘a disaster’, he told the BBC"). Otherwise it
   looks back over earlier speakers: it
   an organisation, they anyone, he and she a person **whose gender agrees**.
   A speaker's gender comes from, in order: honorifics and gendered nouns in
   the speaker's words or entity title (Mr, Ms, Mrs, spokeswoman, chairman),
   pronouns already resolved to that speaker, and the first name in
   ``quote_given_name_genders.txt``; otherwise it is unknown and agrees with
   either pronoun. An anonymous speaker whose description gives a gender ("a
   bookkeeper who asked that her name not be used") can be the antecedent of
   a later "she". A definite description of an organisation ("the company",
   "the trust", "the charity's board") takes the last organisation before it,
   among earlier speakers first and then entity mentions, whose name holds the
   noun or a word that fits it (``quote_org_heads.txt``: a company's name
   "Foods", "Brands", "Inc"; a charity's "Fund", "Foundation"); a possessor
   ("the charity's") is tried first. ``+reference`` is added to the rule.

4. **Source types.** ``named``: a person named or resolved by a pronoun (or
   identified by a definite role such as "the foreign minister").
   ``organization``: an organisation, government or country speaking as one.
   ``anonymous``: an unnamed source ("a source", "officials", "a diplomat"),
   or any speaker described with a phrase from ``quote_anonymous.txt``
   ("speaking on condition of anonymity", "asked that her name not be used"),
   or a bare number word standing for one of a group ("One, a former clerk,
   said"). ``own_sources``: the outlet's own
   unnamed sources ("Press TV sources", "our sources"), found by the outlet's
   name in ``article.metadata["outlet"]``.

Claims without a source (the ``claims`` table)
-----------------------------------------------
The Associated Press tells reporters to attribute any claim a reader could
dispute: figures of the dead and wounded, statistics, estimates. The
``claims`` table has one row per sentence. ``attributed`` is True when a quote
of this table covers the sentence (``quote_id`` says which). ``claim_kind`` is:

``casualty_figure``
    a number within a few words of a word for death or injury (killed,
    wounded, dead, injured, casualties): "has killed at least 20,674 people",
    "Another 54,536 individuals have been wounded";
``statistic``
    a percentage, a hedged quantity ("at least 40", "more than 300",
    "nearly 2 million"), a ratio ("one in five", "three out of ten") or a
    number of five or more figures ("12,500"; "1,200" has four);
``money``
    an amount of money ("$14.3-billion"): a public record, not flagged;
``none``
    anything else.

``unattributed_claim`` is True for a ``casualty_figure`` or ``statistic``
sentence that is not attributed *in the same sentence* (the AP rule). Years,
dates and clock times are not numbers here, nor is a penalty the law allows
("faces up to 20 years in prison"). The ``rule`` column names the cue that
decided (``casualty_number``, ``percent``, ``hedged_number``, ``ratio``,
``large_number``, ``money``, ``none``).

Limits
------
Linear-time regular expressions over bounded windows (at most
:data:`WINDOW` characters around a cue), so no input can make the extractor
hang; a sentence longer than :data:`MAX_SENTENCE_CHARS`, a paragraph with more
than :data:`MAX_MARKS_PER_PARAGRAPH` quotation spans and an unclosed quotation
mark are skipped with a :class:`QuoteWarning`.

Examples
--------
>>> import kit
>>> article = kit.load_article()
>>> q = article.quotes
>>> q[["sentence_id", "kind", "speaker_name", "source_type", "cue"]].head(3)
   sentence_id      kind    speaker_name source_type   cue
0            3    direct    Lloyd Austin       named  said
1            4  indirect            <NA>   anonymous  told
2            5  indirect            <NA> own_sources  said
>>> c = article.claims
>>> c.loc[c["unattributed_claim"], "sentence_id"].tolist()
[11, 12]
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass
from functools import cache

import pandas as pd

from kit.errors import KitWarning
from kit.lexicons import match_form, read_lexicon
from kit.schemas import Column, frame, register

__all__ = [
    "MAX_MARKS_PER_PARAGRAPH",
    "MAX_MODIFIED_WORDS",
    "MAX_SENTENCE_CHARS",
    "WINDOW",
    "QuoteWarning",
    "build_claims",
    "build_quotes",
]

WINDOW = 400
"""How many characters before and after a cue verb the extractor reads. A
speaker and its attribution stand within a few words of the cue; the bound
keeps every search linear in the length of the article."""

MAX_SENTENCE_CHARS = 5000
"""Sentences longer than this (a news sentence is under 500 characters) are
not searched for reported speech: such a "sentence" is text that lost its full
stops, and a :class:`QuoteWarning` says so."""

MAX_MARKS_PER_PARAGRAPH = 200
"""Paragraphs with more quotation spans than this are not read for direct
quotes (with a :class:`QuoteWarning`): they are lists or damaged text."""

MAX_SPEAKER_WORDS = 12
"""A speaker's noun phrase has at most this many words."""

KINDS = ("direct", "indirect", "mixed")
SOURCE_TYPES = ("named", "organization", "anonymous", "own_sources")
CLAIM_KINDS = ("casualty_figure", "statistic", "money", "none")


class QuoteWarning(KitWarning):
    """The quote extractor gave up on a span of the article (the message says which and why)."""


register(
    "quotes",
    [
        Column("quote_id", "int64", "the quote's position in the article, from 0"),
        Column("sentence_id", "int64", "the sentence where the statement starts (joins article.sentences)"),
        Column("kind", "category", "direct (in quotation marks), indirect (reported) or mixed", KINDS),
        Column("start_char", "int64", "start of the whole statement with its attribution (its sentences)"),
        Column("end_char", "int64", "end of the whole statement with its attribution"),
        Column("content", "string", "the reported words only; for direct quotes without the marks"),
        Column("content_start", "int64", "where the content starts in article.text"),
        Column("content_end", "int64", "where the content ends (exclusive)"),
        Column("speaker", "string", "the speaker as written (<NA> if none)"),
        Column("speaker_start", "Int64", "where the speaker's words start"),
        Column("speaker_end", "Int64", "where the speaker's words end (exclusive)"),
        Column("speaker_name", "string", "canonical name of the speaker's entity; <NA> when anonymous"),
        Column("speaker_entity_id", "Int64", "the speaker's entity (joins article.entities)"),
        Column("speaker_role", "string", "the speaker's title or role, e.g. 'Pentagon chief'"),
        Column("cue", "string", "the cue: 'said', 'told', 'claimed', 'according to', ..."),
        Column("channel", "string", "how the words reached the outlet: 'in a statement', a told outlet, ..."),
        Column(
            "source_type",
            "category",
            "named (a person), organization, anonymous, or own_sources (the outlet's unnamed sources)",
            SOURCE_TYPES,
        ),
        Column("rule", "string", "the pattern that found the quote (see kit.quotes)"),
    ],
)

register(
    "claims",
    [
        Column("sentence_id", "int64", "the sentence (joins article.sentences)"),
        Column("attributed", "bool", "True when a quote of article.quotes covers the sentence"),
        Column("quote_id", "Int64", "the quote that attributes it (joins article.quotes)"),
        Column("claim_kind", "category", "casualty_figure, statistic, money or none", CLAIM_KINDS),
        Column(
            "unattributed_claim",
            "bool",
            "a casualty figure or statistic with no attribution in the same sentence (the AP rule)",
        ),
        Column("rule", "string", "the cue that decided claim_kind (see kit.quotes)"),
    ],
)


# ----- lexicons -------------------------------------------------------------------


@cache
def _cue_verbs() -> dict[str, str]:
    out = {}
    for line in read_lexicon("quote_cue_verbs.txt"):
        word, _, use = line.partition(" ")
        out[word.strip()] = use.strip() or "any"
    return out


@cache
def _speaker_nouns() -> dict[str, str]:
    out = {}
    for line in read_lexicon("quote_speaker_nouns.txt"):
        word, _, kind = line.partition(" ")
        out[word.strip()] = kind.strip()
    return out


@cache
def _cue_re() -> re.Pattern:
    words = sorted(_cue_verbs(), key=len, reverse=True)
    return re.compile(r"\b(?:[Aa]ccording to|" + "|".join(map(re.escape, words)) + r")\b")


@cache
def _anonymity_re() -> re.Pattern:
    phrases = sorted(read_lexicon("quote_anonymous.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


@cache
def _channel_re() -> re.Pattern:
    nouns = sorted(read_lexicon("quote_channels.txt"), key=len, reverse=True)
    noun = "(?:" + "|".join(re.escape(n) for n in nouns) + ")"
    # "in a (separate) statement", "at a news conference", "in an interview with X",
    # "in a statement published on its Telegram channel". Bounded repetitions only.
    return re.compile(
        r"(?:in|at|during|via|through|on|with)\s+(?:an?|the|his|her|its|their|our|a)?\s*"
        r"(?:[\w’'-]+\s+){0,3}?" + noun + r"s?\b"
        r"(?:\s+(?:(?:published|posted|issued|released|shared|carried|broadcast|aired|given|made)\s+)?"
        r"(?:on|to|by|via|with)\s+[^,.;:!?“”\"]{1,60})?",
        re.IGNORECASE,
    )


@cache
def _audiences() -> tuple[str, ...]:
    return tuple(sorted(read_lexicon("quote_audiences.txt"), key=len, reverse=True))


@cache
def _channel_nouns() -> frozenset[str]:
    return frozenset(w for n in read_lexicon("quote_channels.txt") for w in n.split())


PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organization", "we": "any", "i": "person"}
"""Pronoun speakers and the kind of antecedent each can take."""

_CLAUSE_WORDS = frozenset(
    "that which what who whom whose when where whether if because is are was were be been being"
    " will would could should can may might must did does do not there this these those".split()
)
# Words that may sit between a speaker and the cue ("Press TV sources also said").
_TRAILING_ADVERBS = frozenset(
    "also later earlier previously separately then further again however recently has have had"
    " once repeatedly reportedly had originally initially first".split()
)
_NP_FUNCTION = frozenset(
    "of for in on at and the a an de del da al el bin ibn van von der la le du to".split()
)
_PREPOSITIONS = frozenset(
    "in on at after before during since by from with without for under over amid as to into"
    " speaking according earlier later meanwhile however also but and while although though".split()
)
_DETERMINERS = ("the ", "a ", "an ")
_NOT_VERBS = frozenset("unnamed informed unidentified so-called detailed armed united".split())
_WORD = re.compile(r"\S+")
_DOCUMENT_RE = re.compile(
    r"\s*(?:the\s+|new\s+|official\s+|latest\s+|a\s+)*(?:figures|data|statistics|numbers|estimates|report|"
    r"statement|documents|records|a\s+report|a\s+statement)\s+(?:(?:released|published|issued)\s+)?(?:from|by|of)\s+"
)
# An age appositive: "45", "aged 45", "45 years old" (a person's, never a speaker).
_AGE_RE = re.compile(r"(?:aged\s+)?\d{1,3}(?:\s+years?\s+old)?")
# A document named by its source: "port authority figures", "government data".
_DOCUMENT_AFTER_RE = re.compile(
    r"[\s\u00a0]+(?:figures|data|statistics|numbers|estimates|records|documents|reports?|tallies|tally"
    r"|counts?|surveys?|filings?|projections|forecasts?)"
)
_TIME_RE = re.compile(
    r"(?:on|late|early|earlier|last|this|in|at)(?:\s+[\w’'-]+){1,3}(?:\s+that)?|(?:yesterday|today|later)"
)
_WHEN_RE = re.compile(
    r"(?:(?:on|in|last|this|next|early|late|earlier|later)\s+)?"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
    r"|July|August|September|October|November|December|week|month|year|today|yesterday|tonight|morning"
    r"|afternoon|evening|night)\b[\s\u00a0]*){1,2}(?:\d{1,2}(?:st|nd|rd|th)?\b)?",
)
_CONTRAST_RE = re.compile(r",[\s\u00a0]+(?:while|whereas|but)[\s\u00a0]+")
_RELATIVE_WORDS = frozenset("who whom whose which".split())
# Words that start a modifier after a speaker noun ("people familiar with", "a source
# close to", "an official who", "experts not involved in", "the Department of").
_POSTMODIFIERS = frozenset(
    "who whom whose which familiar close with in at from of for involved briefed based not"
    " speaking working knowledgeable".split()
)
_DETERMINER_WORDS = frozenset("the a an".split())
MAX_MODIFIED_WORDS = 30
"""A speaker noun with a modifier after it ("A senior official who asked not to be named
because ...") may run to this many words."""
# Lower-case words that may stand before a titled name ("retired Gen. X", "former Mayor Y").
_NAME_MODIFIERS = frozenset("retired former late acting interim outgoing incoming veteran then".split())
_CONJUNCTIONS = frozenset(
    "as and but while when although though because since after before so yet even".split()
)
_CAP = re.compile(r"[(\[]?[A-Z0-9]")
_TERMINAL = ".!?;:…"
_QUOTE_CHARS = '“”"«»„'

# ----- helpers --------------------------------------------------------------------


@dataclass
class _Speaker:
    start: int
    end: int
    kind: str  # pronoun, anonymous, person, organization, name
    role: str | None = None
    anonymous_phrase: bool = False
    aged: bool = False  # an age appositive stood next to it ("Jane Smith, 45,"): a person


@dataclass
class _Row:
    kind: str
    content_start: int
    content_end: int
    speaker: _Speaker | None
    cue: str
    cue_start: int
    channel: str | None
    rule: str
    source_type: str | None = None
    speaker_name: str | None = None
    entity_id: int | None = None
    role: str | None = None
    inherited: _Row | None = None
    gender: str | None = None  # "f", "m" or None (unknown), for he/she agreement


def _strip(text: str, a: int, b: int, chars: str = " \t\n\r\u00a0,;:—–-") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def _segments(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` at commas and dashes outside parentheses; strip each part."""
    parts, depth, start = [], 0, a
    for i in range(a, b):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in ",—–" and depth == 0:
            if ch == "," and 0 < i < b - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue  # a thousands separator ("4,000"), not a clause break
            parts.append((start, i))
            start = i + 1
    parts.append((start, b))
    out = []
    for s, e in parts:
        s, e = _strip(text, s, e)
        if s < e:
            out.append((s, e))
    return out


def _bare(word: str) -> str:
    return match_form(word).strip("()[]\"“”'’.,;:!?").removesuffix("'s")


class _Context:
    """What the extractor knows about one article: text, sentences, entities, lexicons."""

    def __init__(self, article) -> None:
        self.article = article
        self.text = article.text
        rows = article._sentence_rows
        self.s_ids = rows["sentence_id"]
        self.s_starts = rows["start_char"]
        self.s_ends = rows["end_char"]
        self.s_paras = rows["paragraph_id"]
        self.mentions = _mentions(article)
        self.m_starts = [m[0] for m in self.mentions]
        self.titles: dict[int, str] = {}
        for m in self.mentions:
            if m[5] and m[4] not in self.titles:
                self.titles[m[4]] = m[5]
        outlet = article.metadata.get("outlet") or ""
        # "The Meridian Post" is written "Meridian Post sources" in running text.
        self.outlet = re.sub(r"^the\s+", "", match_form(str(outlet)).strip())

    def sentence_at(self, offset: int) -> int:
        k = bisect.bisect_right(self.s_starts, offset) - 1
        return max(k, 0)

    def mentions_in(self, a: int, b: int) -> list[tuple]:
        lo = bisect.bisect_left(self.m_starts, a - 200)
        out = []
        for m in self.mentions[lo:]:
            if m[0] >= b:
                break
            if m[1] > a and m[0] < b:
                out.append(m)
        return out

    # -- noun phrases ------------------------------------------------------------

    def noun_phrase(self, a: int, b: int) -> _Speaker | None:
        """Return the speaker noun phrase that ``text[a:b]`` is, or None."""
        text = self.text
        a, b = _strip(text, a, b, ' \t\n\r\u00a0,;:—–-"“”')
        words = [(m.start() + a, m.end() + a) for m in _WORD.finditer(text[a:b])]
        if not words:
            return None
        while words and _bare(text[words[-1][0] : words[-1][1]]) in _TRAILING_ADVERBS:
            words.pop()
        if not words:
            return None
        sp = self._plain_noun_phrase(list(words))
        if sp is None and len(words) <= MAX_MODIFIED_WORDS:
            sp = self._modified_noun_phrase(words)
        return sp

    def _modified_noun_phrase(self, words: list[tuple[int, int]]) -> _Speaker | None:
        """A speaker noun with a modifier after it: "Two people familiar with the plans",
        "A senior official who asked not to be named", "the Department of Transportation"."""
        text = self.text
        lowered = [_bare(text[s:e]) for s, e in words]
        nouns = _speaker_nouns()
        if lowered[0] in _PREPOSITIONS and lowered[0] not in _DETERMINER_WORDS:
            return None
        for k in range(min(len(words) - 1, 5)):
            w = lowered[k]
            if w in nouns and lowered[k + 1] in _POSTMODIFIERS and len(words) > k + 2:
                for v in lowered[:k]:
                    if v in _CLAUSE_WORDS or v in _cue_verbs() or v in PRONOUNS or v in _PREPOSITIONS:
                        return None
                start, end = words[0][0], words[-1][1]
                while end > start and text[end - 1] in ".,;:":
                    end -= 1
                return _Speaker(start, end, nouns[w])
            if w in _CLAUSE_WORDS or w in _cue_verbs() or w in PRONOUNS:
                return None
        return None

    def _plain_noun_phrase(self, words: list[tuple[int, int]]) -> _Speaker | None:
        text = self.text
        # Drop adverbs and auxiliaries between the speaker and the cue.
        while words and _bare(text[words[-1][0] : words[-1][1]]) in _TRAILING_ADVERBS:
            words.pop()
        if not words:
            return None
        # A clause word means only what follows it can be the speaker ("what he").
        for k in range(len(words) - 1, -1, -1):
            w = _bare(text[words[k][0] : words[k][1]])
            if w in _CLAUSE_WORDS:
                if w in _RELATIVE_WORDS:
                    return None  # "who now leads the movement": a relative clause, not a subject
                words = words[k + 1 :]
                break
        if not words or len(words) > MAX_SPEAKER_WORDS:
            return None
        while len(words) > 1 and _bare(text[words[0][0] : words[0][1]]) in _CONJUNCTIONS:
            words = words[1:]
        first = _bare(text[words[0][0] : words[0][1]])
        if first in _PREPOSITIONS:
            return None
        start, end = words[0][0], words[-1][1]
        while end > start and text[end - 1] in ".,;:":
            end -= 1
        lowered = [_bare(text[s:e]) for s, e in words]
        raw = [text[s:e] for s, e in words]
        if len(words) == 1 and lowered[0] in PRONOUNS:
            return _Speaker(start, end, "pronoun")
        nouns = _speaker_nouns()
        head = lowered[-1]
        if head in nouns:
            for w, r in zip(lowered[:-1], raw[:-1]):
                if w in _CLAUSE_WORDS or w in _cue_verbs() or w in PRONOUNS:
                    return None
                if not _CAP.match(r) and w.endswith("ed") and w not in _NOT_VERBS:
                    return None
            if len(words) > 7 and not self.mentions_in(start, end):
                return None
            return _Speaker(start, end, nouns[head])
        if _CAP.match(raw[-1]):
            for j, (w, r) in enumerate(zip(lowered, raw)):
                if _CAP.match(r) or w in _NP_FUNCTION or w in nouns or w.startswith(("al-", "el-")):
                    continue
                if j == 0 and w in _NAME_MODIFIERS:
                    continue  # "retired Gen. Ramiro Vargas", "former Mayor Ana Ruiz"
                return None
            for j in range(len(words) - 1):
                if not _CAP.match(raw[j]) and lowered[j] in nouns and lowered[j + 1] in _POSTMODIFIERS:
                    # "researchers in Denmark": the noun, not the place, says who speaks
                    return _Speaker(start, end, nouns[lowered[j]])
            if first in _NP_FUNCTION and first not in ("the", "a", "an"):
                return None
            return _Speaker(start, end, "name")
        return None

    def speaker_before(self, a: int, b: int) -> tuple[_Speaker, int, str | None] | None:
        """Find the speaker at the end of ``text[a:b]`` (the words before a cue).

        Returns the speaker, where the content before it ends, and a channel
        found among the parts before the cue.
        """
        text = self.text
        a = max(a, b - WINDOW)
        segs = _segments(text, a, b)
        # An age between commas ("Jane Smith, 45, a nurse, said") is never the speaker.
        ages = [seg for seg in segs[1:] if _AGE_RE.fullmatch(text, *seg)]
        segs = [seg for seg in segs if seg not in ages]
        if segs and all(_bare(w) in _TRAILING_ADVERBS for w in text[segs[-1][0] : segs[-1][1]].split()):
            # "Haldane's lawyer, Martin Osei, had argued": the auxiliary stands alone.
            b = segs[-1][0]
            segs.pop()
        channel = None
        i = len(segs) - 1
        # Skip a channel part standing between the speaker and the cue.
        while i >= 0:
            s, e = segs[i]
            m = _channel_re().match(text, s, e)
            if m and m.end() == e:
                channel = text[s:e]
                i -= 1
                continue
            break
        if i < 0:
            return None
        s, e = segs[i]
        trailing_comma = text[e:b].strip().startswith((",", "—", "–"))
        found = None
        if trailing_comma and i > 0 and not _CAP.match(text[s]):
            # "Name, appositive, said": the appositive is the role.
            ps, pe = segs[i - 1]
            prev = self.noun_phrase(ps, pe)
            if prev is not None and prev.kind != "pronoun":
                prev.role = text[s:e].rstrip(" .;:")
                prev.aged = any(ps < x < e for x, _ in ages)
                found = (prev, ps)
        if found is None and trailing_comma and i > 0 and _CAP.match(text[s]):
            # An appositive that itself starts with a capital ("Smith, Defence Minister, said")
            # is rare; take the part itself.
            pass
        if found is None:
            sp = self.noun_phrase(s, e)
            if sp is None:
                return None
            sp.aged = any(e < x < b for x, _ in ages)
            found = (sp, segs[i][0])
        sp, content_end = found
        if channel is None:
            for cs, ce in segs[:i]:
                m = _channel_re().match(text, cs, ce)
                if m and m.start() == cs and text[cs].isupper():
                    channel = text[cs:ce]
        window = match_form(text[sp.start : b])
        if _anonymity_re().search(window):
            sp.anonymous_phrase = True
        return sp, content_end, channel

    def speaker_after(self, a: int, b: int) -> _Speaker | None:
        """The speaker right after an inverted cue: ``said Dr. Jane Doe, a virologist``."""
        text = self.text
        b = min(b, a + WINDOW)
        m = _DOCUMENT_RE.match(text, a, b)
        if m:  # "according to figures from the exchange": the exchange speaks
            a = m.end()
        segs = _segments(text, a, b)
        if not segs:
            return None
        s, e = segs[0]
        m = _channel_re().search(text, s, e)
        if m:
            e = m.start()
        doc = _DOCUMENT_AFTER_RE.search(text, s, e)
        if doc and doc.end() == e and doc.start() > s:
            e = doc.start()  # "according to port authority figures": the port authority speaks
        sp = self.noun_phrase(s, e)
        aged = len(segs) > 1 and _AGE_RE.fullmatch(text, *segs[1]) is not None
        if sp is not None and aged:
            sp.aged = True
            segs = segs[:1] + segs[2:]
        if sp is None or (sp.kind == "pronoun" and text[s] != text[s].lower()):
            return sp
        if sp is not None and len(segs) > 1:
            rs, re_ = segs[1]
            if not _CAP.match(text[rs]) and not _channel_re().match(text, rs, re_):
                sp.role = text[rs:re_].rstrip(" .;:")
        if sp is not None and _anonymity_re().search(match_form(text[a:b])):
            sp.anonymous_phrase = True
        return sp

    def channel_after(self, a: int, b: int, cue: str) -> tuple[str | None, int]:
        """Read a channel (or, after 'told', the audience) right after a cue at ``a``."""
        text = self.text
        b = min(b, a + WINDOW)
        p = a
        while p < b and text[p] in " \t\u00a0,":
            p += 1
        m = _channel_re().match(text, p, b)
        if m:
            end = m.end()
            cut = text.find(" that ", m.start(), end)
            if cut != -1:
                end = cut
            return text[m.start() : end].rstrip(), end
        if cue in ("told", "tells", "tell"):
            low = match_form(text[p:b])
            for aud in _audiences():
                if low.startswith(aud) and (len(low) == len(aud) or not low[len(aud)].isalnum()):
                    return text[p : p + len(aud)], p + len(aud)
            # Up to "that" or a comma: an outlet or a phrase ending in a channel noun.
            stop = len(low)
            for sep in (" that ", ",", ";", ".", "“", '"'):
                k = low.find(sep)
                if k != -1:
                    stop = min(stop, k)
            words = low[:stop].split()
            if 0 < len(words) <= 8:
                if words[-1] in _channel_nouns() or low[stop : stop + 6] == " that ":
                    return text[p : p + stop], p + stop
                named = [w for w in text[p : p + stop].split() if w not in ("the", "The")]
                if named and all(_CAP.match(w) for w in named):  # "told the BBC."
                    return text[p : p + stop], p + stop
            capital = re.match(r"(?:The\s+)?(?:[A-Z][\w’'&.-]*\s*){1,4}", text[p : min(b, p + 80)])
            if capital:
                return text[p : p + capital.end()].rstrip(), p + len(text[p : p + capital.end()].rstrip())
            return None, a
        return None, a


def _mentions(article) -> list[tuple]:
    """Entity mentions ``(start, end, name, type, entity_id, title)`` sorted by start."""
    try:
        ents = article.entities
    except Exception as err:  # the extractor can still find quotes without entities
        warnings.warn(
            f"The entities table could not be built ({type(err).__name__}: {str(err)[:120]}), so"
            " the quotes table still lists every quote and its speaker as written, but"
            " speaker_name and speaker_entity_id stay empty for names. Read the error in full"
            " with article.entities, fix what it names in the text, then load the article again.",
            QuoteWarning,
            stacklevel=5,
        )
        return []
    out = []
    for row in ents.itertuples(index=False):
        title = getattr(row, "title", None)
        out.append(
            (
                int(row.start_char),
                int(row.end_char),
                str(row.name),
                str(row.type),
                int(row.entity_id),
                None if title is None or pd.isna(title) else str(title),
            )
        )
    out.sort()
    return out


# ----- the extractor --------------------------------------------------------------


def _sentence_span(ctx: _Context, a: int, b: int) -> tuple[int, int]:
    """The run of sentences covering ``text[a:b]``."""
    k1 = ctx.sentence_at(a)
    k2 = ctx.sentence_at(max(a, b - 1))
    return min(a, ctx.s_starts[k1]), max(b, ctx.s_ends[k2])


def _direct_quotes(ctx: _Context, marks: pd.DataFrame, rows: list[_Row], used_cues: set[int]) -> list:
    """Attributed quotation-mark spans; returns the spans left unattributed."""
    text = ctx.text
    chains: list[list[int]] = []
    for k in range(len(marks)):
        if marks["continues"].iat[k] and chains:
            chains[-1].append(k)
        else:
            chains.append([k])
    per_paragraph = marks["paragraph_id"].value_counts()
    crowded = set(per_paragraph[per_paragraph > MAX_MARKS_PER_PARAGRAPH].index)
    for pid in sorted(crowded):
        in_para = marks.loc[marks["paragraph_id"] == pid, "start_char"]
        pa, pb = int(in_para.min()), int(marks.loc[marks["paragraph_id"] == pid, "end_char"].max())
        warnings.warn(
            f"Paragraph {pid} (its quotation marks run from character {pa:,} to {pb:,}) has"
            f" {per_paragraph[pid]} spans between quotation marks; the kit did not look for direct"
            f" quotes in it (at most {MAX_MARKS_PER_PARAGRAPH}). Check that the text is a news"
            " article and that its quotation marks are not damaged (article.quote_marks lists the"
            " spans), then load the article again.",
            QuoteWarning,
            stacklevel=4,
        )
    leftovers = []
    for chain in chains:
        first, last = chain[0], chain[-1]
        if marks["paragraph_id"].iat[first] in crowded:
            continue
        o_start = int(marks["start_char"].iat[first])
        c_end = int(marks["end_char"].iat[last])
        q_start = int(marks["content_start"].iat[first])
        q_end = int(marks["content_end"].iat[last])
        if not marks["closed"].iat[last]:
            snippet = text[o_start : min(c_end, o_start + 40)]
            warnings.warn(
                f"The quotation mark at character {o_start} in sentence"
                f" {ctx.s_ids[ctx.sentence_at(o_start)]} ({snippet!r}...) is never closed, so"
                " the kit cannot tell where the quotation ends and left it out of the quotes table."
                " Add the closing quotation mark to the text, then load the article again.",
                QuoteWarning,
                stacklevel=4,
            )
            continue
        if q_end - q_start < 1 or not text[q_start:q_end].strip():
            continue
        suffix = "+continued" if len(chain) > 1 else ""
        row = _attribution_after(ctx, c_end, q_start, q_end, used_cues) or _attribution_before(
            ctx, o_start, q_start, q_end, used_cues
        )
        if row is not None:
            row.rule += suffix
            rows.append(row)
        else:
            leftovers.append((o_start, c_end, q_start, q_end, suffix))
    return leftovers


def _attribution_after(ctx, c_end, q_start, q_end, used_cues) -> _Row | None:
    """``“Q,” S V`` or ``“Q,” V S``: an attribution after the closing mark."""
    text = ctx.text
    k = ctx.sentence_at(max(c_end - 1, 0))
    s_end = ctx.s_ends[k]
    if s_end <= c_end + 1 and k + 1 < len(ctx.s_starts) and ctx.s_paras[k + 1] == ctx.s_paras[k]:
        nxt = ctx.s_starts[k + 1]
        if text[nxt : nxt + 1].islower():
            s_end = ctx.s_ends[k + 1]
    window_end = min(s_end, c_end + WINDOW)
    p = c_end
    while p < window_end and text[p] in " \t\u00a0,—–-":
        p += 1
    if p >= window_end or text[p] in _QUOTE_CHARS:
        return None
    if q_end > q_start and text[q_end - 1] in ".!?" and text[p].isupper():
        # “Q.” Next sentence. (a full stop inside the marks ends the quote)
        return None
    m = _cue_re().search(text, p, min(window_end, p + 200))
    if not m:
        return None
    cue = m.group(0)
    if text[p : m.start()].strip() == "":
        sp = ctx.speaker_after(m.end(), window_end)
        if sp is None:
            return None
        channel, _ = ctx.channel_after(sp.end, window_end, cue)
        rule = "q_vs"
    else:
        found = ctx.speaker_before(p, m.start())
        if found is None:
            return None
        sp, _, channel0 = found
        between = _segments(text, p, sp.start)
        if len(between) == 1 and sp.kind == "name" and sp.role is None:
            # "“Q,” the firm's chief executive, Ms. Ana Ruiz, said": a role before the name.
            role = ctx.noun_phrase(*between[0])
            if role is not None and role.kind in ("person", "anonymous"):
                sp.role, between = text[between[0][0] : between[0][1]], []
        if between:  # other words between the quote and the speaker
            return None
        channel, _ = ctx.channel_after(m.end(), window_end, cue)
        channel = channel or channel0
        rule = "q_sv"
    used_cues.add(m.start())
    return _Row("direct", q_start, q_end, sp, cue, m.start(), channel, rule)


def _attribution_before(ctx, o_start, q_start, q_end, used_cues) -> _Row | None:
    """``S V: “Q”``: an attribution just before the opening mark."""
    text = ctx.text
    k = ctx.sentence_at(o_start)
    s_start = max(ctx.s_starts[k], o_start - WINDOW)
    end = o_start
    if s_start >= o_start:
        # "S said:" closing the sentence (or paragraph) before the quotation.
        if k == 0 or not text[ctx.s_starts[k - 1] : ctx.s_ends[k - 1]].rstrip().endswith(":"):
            return None
        s_start, end = max(ctx.s_starts[k - 1], ctx.s_ends[k - 1] - WINDOW), ctx.s_ends[k - 1]
    a, b = _strip(text, s_start, end, " \t\n\r\u00a0")
    if b <= a or (text[b - 1] not in ",:" and not text[a:b].endswith(" that")):
        return None
    b = b - 5 if text[a:b].endswith(" that") else b - 1
    cues = list(_cue_re().finditer(text, a, b))
    if not cues:
        return None
    m = cues[-1]
    cue = m.group(0)
    channel, ch_end = ctx.channel_after(m.end(), b, cue)
    rest = text[(ch_end if channel else m.end()) : b].strip(" ,\u00a0")
    if rest and rest != "that" and not _TIME_RE.fullmatch(rest):
        return None
    found = ctx.speaker_before(a, m.start())
    if found is None:
        return None
    sp, _, channel0 = found
    used_cues.add(m.start())
    return _Row("direct", q_start, q_end, sp, cue, m.start(), channel or channel0, "sv_q")


def _indirect_quotes(ctx, marks, rows, used_cues) -> None:
    text = ctx.text
    covered = [(r.content_start, r.content_end) for r in rows]
    covered_sent = {ctx.sentence_at(r.cue_start) for r in rows}
    mark_spans = list(zip(marks["start_char"].tolist(), marks["end_char"].tolist()))
    mark_starts = [a for a, _ in mark_spans]
    for k, (sa, sb) in enumerate(zip(ctx.s_starts, ctx.s_ends)):
        if k in covered_sent:
            continue
        if sb - sa > MAX_SENTENCE_CHARS:
            warnings.warn(
                f"Sentence {ctx.s_ids[k]} (characters {sa:,} to {sb:,}) is {sb - sa:,} characters"
                " long with no sentence end; the kit did not look for reported speech in it (a"
                " news sentence is under 500 characters). Check that the text kept its full"
                " stops, add the missing ones, then load the article again.",
                QuoteWarning,
                stacklevel=4,
            )
            continue
        found: list[tuple[int, int]] = []
        for m in _cue_re().finditer(text, sa, sb):
            if any(a <= m.start() < b for a, b in found):
                continue
            if m.start() in used_cues or _inside(mark_spans, mark_starts, m.start()):
                continue
            if any(a <= m.start() < b for a, b in covered):
                continue
            prev_word = text[max(sa, m.start() - 8) : m.start()].split()[-1:]
            if prev_word and _bare(prev_word[0]) in _RELATIVE_WORDS:
                continue  # "a clerk who asked that ...": a relative clause, not an attribution
            row = _indirect_at(ctx, m, sa, sb)
            if row is None:
                continue
            j = bisect.bisect_left(mark_starts, row.content_start)
            if j < len(mark_spans) and mark_spans[j][0] < row.content_end:
                row.kind = "mixed"  # a span between quotation marks inside the content"
            if any(row.content_start < b and a < row.content_end for a, b in found):
                continue  # overlaps a statement already found in this sentence
            used_cues.add(m.start())
            rows.append(row)
            found.append((row.content_start, row.content_end))
            found.append((m.start(), m.end()))


def _inside(spans, starts, offset) -> bool:
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and spans[k][0] < offset < spans[k][1]


def _content_after(ctx, a: int, b: int) -> tuple[int, int]:
    text = ctx.text
    a, b = _strip(text, a, b, " \t\n\u00a0,:")
    if text[a : a + 5] == "that " or text[a : a + 5] == "that\u00a0":
        a += 5
    while b > a and text[b - 1] in _TERMINAL + " \u00a0":
        b -= 1
    return a, b


def _indirect_at(ctx: _Context, m: re.Match, sa: int, sb: int) -> _Row | None:
    text = ctx.text
    cue = m.group(0)
    left_a = max(sa, m.start() - WINDOW)
    if cue.lower() == "according to":
        cue = "according to"
        sp = ctx.speaker_after(m.end(), sb)
        if sp is None:
            return None
        before = text[left_a : m.start()].strip(" ,\u00a0")
        if before:
            ca, cb = _strip(text, left_a, m.start())
            rule = "according_to"
        else:
            sp.role = None  # the part after the speaker is the content, not a role
            segs = _segments(text, sp.end, sb)
            while len(segs) > 1 and not text[sp.end : segs[0][0]].lstrip(" \u00a0").startswith(
                (",", "—", "–")
            ):
                segs.pop(0)  # the rest of the source's part: "figures" in "port authority figures,"
            if not segs:
                return None
            ca, cb = _content_after(ctx, segs[0][0], sb)
            rule = "according_to"
        if cb - ca < 3:
            return None
        return _Row("indirect", ca, cb, sp, cue, m.start(), None, rule)
    use = _cue_verbs()[cue]
    channel, ch_end = ctx.channel_after(m.end(), sb, cue)
    after = ch_end if channel else m.end()
    p = after
    while p < sb and text[p] in " \t\u00a0,":
        p += 1
    when = _WHEN_RE.match(text, p, min(sb, p + 80))
    if when:
        w_end = _strip(text, p, when.end())[1]
        if w_end == sb or not text[w_end].isalnum():
            after = w_end  # "announced in June that", "reported on Wednesday"
    if text[after:sb].lstrip(" \t\u00a0,").startswith(":"):
        return None  # "S said:" introduces the quotation that follows, a direct quote
    rest_a, rest_b = _content_after(ctx, after, sb)
    has_rest = rest_b - rest_a > 0 and len(text[rest_a:rest_b].split()) >= 2
    if has_rest:
        rest_b = _second_attribution(ctx, rest_a, rest_b)
        nxt = text[after:rest_a]
        that = "that" in nxt.split() or ":" in nxt or text[rest_a] in _QUOTE_CHARS
        if use == "that" and not that:
            return None
        found = ctx.speaker_before(left_a, m.start()) or _coordinated_subject(ctx, sa, m.start())
        if found is not None:
            sp, content_end, channel0 = found
            if _strip(text, left_a, sp.start)[1] > _strip(text, left_a, sp.start)[0] and not _segments(
                text, left_a, sp.start
            ):
                return None
            closing = _closing_with_phrase(ctx, left_a, content_end, sp, rest_a, rest_b)
            if closing is not None:
                # "C, the company said in a regulatory filing": the content is the clause
                # before the speaker; the phrase after the cue says where it was said.
                ca, cb = closing
                return _Row("indirect", ca, cb, sp, cue, m.start(), text[rest_a:rest_b], "c_sv")
            return _Row("indirect", rest_a, rest_b, sp, cue, m.start(), channel or channel0, "sv_c")
        # "C, said S": the rest is the speaker.
        lb = _strip(text, left_a, m.start(), " \t\u00a0")[1]
        if lb > left_a and text[lb - 1] in ',”"':
            sp = ctx.speaker_after(m.end(), sb)
            if sp is not None and sp.kind != "pronoun":
                ca, cb = _strip(text, left_a, lb)
                if cb - ca > 3:
                    return _Row("indirect", ca, cb, sp, cue, m.start(), channel, "c_vs")
        return None
    found = ctx.speaker_before(left_a, m.start())
    if found is None:
        return None
    sp, content_end, channel0 = found
    ca, cb = _strip(text, left_a, content_end)
    if len(text[ca:cb].split()) < 2:
        return None
    ch = _channel_re().match(text, ca, cb)
    if (ch and ch.end() == cb) or _WHEN_RE.fullmatch(text, ca, cb):
        return None  # the words before the speaker are a channel or a time, not a statement
    return _Row("indirect", ca, cb, sp, cue, m.start(), channel or channel0, "c_sv")


_PHRASE_PREPOSITIONS = frozenset("in on at during via through with to before after from".split())
MAX_CLOSING_PHRASE_WORDS = 8
"""A closing attribution may end with a phrase of at most this many words ("..., the
company said in a regulatory filing")."""


def _closing_with_phrase(ctx, left_a: int, content_end: int, sp, rest_a: int, rest_b: int):
    """``C, S V <prepositional phrase>``: the words after the cue are a short phrase
    starting with a preposition (no "that"), and a clause ending in a comma stands before
    the speaker. Returns the content's span, or None."""
    text = ctx.text
    rest = text[rest_a:rest_b].split()
    if (
        not rest
        or _bare(rest[0]) not in _PHRASE_PREPOSITIONS
        or len(rest) > MAX_CLOSING_PHRASE_WORDS
        or any(_bare(w) in ("that", "whether") or _bare(w) in PRONOUNS for w in rest)
    ):
        return None
    ca, cb = _strip(text, left_a, content_end)
    if len(text[ca:cb].split()) < 2 or "," not in text[cb : sp.start]:
        return None
    ch = _channel_re().match(text, ca, cb)
    if (ch and ch.end() == cb) or _WHEN_RE.fullmatch(text, ca, cb):
        return None
    return ca, cb


def _second_attribution(ctx, a: int, b: int) -> int:
    """Where reported content ``text[a:b]`` ends when a second attribution follows it in
    the same sentence ("Police said 9,000 came, while organisers said 15,000 did")."""
    text = ctx.text
    for x in _CONTRAST_RE.finditer(text, a, b):
        m = _cue_re().search(text, x.end(), min(b, x.end() + 120))
        if m and m.group(0).lower() != "according to" and ctx.noun_phrase(x.end(), m.start()) is not None:
            return _strip(text, a, x.start())[1]
    return b


def _coordinated_subject(ctx, sa: int, cue_start: int):
    """``S V1 ... and V2 C``: the subject at the start of the sentence ("Boateng called her
    ... and said that ...")."""
    text = ctx.text
    left = text[max(sa, cue_start - WINDOW) : cue_start].rstrip()
    if not left.endswith(" and"):
        return None
    words = [(m.start() + sa, m.end() + sa) for m in _WORD.finditer(text[sa : min(cue_start, sa + 200)])]
    for n in range(min(len(words), MAX_SPEAKER_WORDS), 0, -1):
        sp = ctx.noun_phrase(words[0][0], words[n - 1][1])
        if sp is not None and sp.start == words[0][0]:
            return sp, sa, None
    return None


# "S called O “Q”", "S described O as “Q”", "S branded O “Q”": a labelling verb, its object
# (one to six words) and the label in quotation marks right after it. Bounded repetition
# of disjoint character classes: linear time.
_CALLED_RE = re.compile(
    r"(?<![\w-])(?P<cue>(?:called|calls|call|branded|brands|brand|labell?ed|labels|dubbed|dubs|termed"
    r"|terms|described|describes|describe|characteri[sz]ed|characteri[sz]es))[\s\u00a0]+"
    r"(?P<obj>(?:[^\s\u00a0“”\"‘’',.;:!?()]+[\s\u00a0]+){1,6}?)(?P<as>as[\s\u00a0]+)?$"
)
# Verbs that need "as" before the label ("described the plan as ...").
_NEEDS_AS = ("describ", "characteri")
# An object that is really a particle or preposition: "called for", "called on".
_NOT_OBJECTS = frozenset("for on off in up out back upon into at to by".split())


def _called_quotes(ctx, leftovers, rows) -> list:
    """``S called O “Q”``: a label in quotation marks that a speaker gave something (the
    ``called_q`` rule). Returns the quotation spans still unattributed."""
    by_sentence: dict[int, list[_Row]] = {}
    for r in rows:
        by_sentence.setdefault(ctx.sentence_at(r.cue_start), []).append(r)
    out, dropped = [], set()
    for left in leftovers:
        o_start, c_end, q_start, q_end, suffix = left
        k = ctx.sentence_at(o_start)
        here = [r for r in by_sentence.get(k, []) if id(r) not in dropped]
        row = None
        if not suffix and not any(r.content_start <= o_start and c_end <= r.content_end for r in here):
            row = _called_at(ctx, o_start, c_end, q_start, q_end)
        if row is None:
            out.append(left)
            continue
        # "S called O “Q” and said C" is one statement: the said-clause joins the label.
        for other in here:
            if (
                other.speaker is not None
                and other.speaker.start == row.speaker.start
                and other.rule == "sv_c"
                and row.content_end < other.content_start
            ):
                row.content_end = other.content_end
                dropped.add(id(other))
                break
        rows.append(row)
    if dropped:
        rows[:] = [r for r in rows if id(r) not in dropped]
    return out


def _called_at(ctx, o_start: int, c_end: int, q_start: int, q_end: int) -> _Row | None:
    text = ctx.text
    k = ctx.sentence_at(o_start)
    sa = max(ctx.s_starts[k], o_start - WINDOW)
    window = text[max(sa, o_start - 120) : o_start]
    m = _CALLED_RE.search(window)
    if m is None:
        return None
    base = o_start - len(window)
    cue, obj = m.group("cue"), m.group("obj").split()
    if cue.startswith(_NEEDS_AS) and not m.group("as"):
        return None
    if _bare(obj[0]) in _NOT_OBJECTS or _bare(obj[-1]) in _DETERMINER_WORDS:
        return None  # "called for ...", "called the barrier a “wall of hope”": not a label
    cue_start = base + m.start("cue")
    found = ctx.speaker_before(sa, cue_start)
    if found is None:
        return None
    sp, _, channel = found
    before = text[ctx.s_starts[k] : sp.start].strip(" \t\n\u00a0")
    if before and not before.endswith(","):
        return None  # the speaker must open the sentence, or follow an opening phrase
    return _Row("mixed", base + m.start("obj"), c_end, sp, cue, cue_start, channel, "called_q")


def _floating(ctx, leftovers, rows) -> None:
    text = ctx.text
    ordered = sorted(rows, key=lambda r: r.content_start)
    starts = [r.content_start for r in ordered]
    for o_start, c_end, q_start, q_end, suffix in leftovers:
        sa, sb = _sentence_span(ctx, o_start, c_end)
        outside = text[sa:o_start] + text[c_end:sb]
        if any(ch.isalnum() for ch in outside):
            continue  # a scare quote or a quoted phrase: not a statement
        k = bisect.bisect_left(starts, q_start) - 1
        if k < 0:
            continue
        prev = ordered[k]
        para = ctx.s_paras[ctx.sentence_at(o_start)]
        if para - ctx.s_paras[ctx.sentence_at(prev.content_start)] > 2 or prev.speaker is None:
            continue
        row = _Row(
            "direct", q_start, q_end, None, prev.cue, prev.cue_start, prev.channel, "floating" + suffix
        )
        row.inherited = prev
        rows.append(row)
        ordered.insert(k + 1, row)
        starts.insert(k + 1, q_start)


# ----- speakers: entities, pronouns, source types ------------------------------------


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
        _resolve_row(ctx, row, history, roles, genders)
        history.append(row)


def _resolve_row(ctx: _Context, row: _Row, history: list[_Row], roles: dict, genders: dict) -> None:
    """Fill in the speaker's name, entity, role and source type of one row."""
    text = ctx.text
    sp = row.speaker
    sp_text = text[sp.start : sp.end]
    low = match_form(sp_text)
    head = _bare(sp_text.split()[-1])
    ents = ctx.mentions_in(sp.start, sp.end)
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
        antecedent = _sentence_subject(ctx, row, low, history, roles, genders) or _antecedent(
            history, PRONOUNS[low], gender=_PRONOUN_GENDER.get(low), genders=genders
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
    elif sp.kind == "person" and low.split()[0] in ("a", "an"):
        row.source_type = "anonymous"
    else:
        row.source_type = "named"
        row.speaker_name = _clean_role(sp_text) if sp.kind == "name" else None
        row.role = sp.role if sp.kind == "name" else _clean_role(sp_text)


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


_HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_NUMBER_WORDS = frozenset("one two three four five several another".split())
# Words that say a person's gender: honorifics and gendered role nouns, then pronouns.
_GENDER_WORDS = {
    **dict.fromkeys(
        "mr sir lord mister spokesman chairman congressman councilman businessman father"
        " husband son brother king prince he him his himself".split(),
        "m",
    ),
    **dict.fromkeys(
        "ms mrs miss dame lady madam spokeswoman chairwoman congresswoman councilwoman"
        " businesswoman actress mother wife daughter sister queen princess she her hers herself".split(),
        "f",
    ),
}
_PRONOUN_WORDS = frozenset("he him his himself she her hers herself".split())


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
    out = {}
    for line in read_lexicon("quote_given_name_genders.txt"):
        name, _, g = line.partition(",")
        out[match_form(name.strip())] = g.strip()
    return out


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
_NAME_TITLES = _HONORIFICS | frozenset(
    "councillor councilor mayor president minister senator sen rep gov governor gen general"
    " col colonel capt captain lt judge justice coach chancellor premier ambassador".split()
)


def _person_name(name: str) -> str:
    """A person's name without the honorifics and titles in front of it."""
    words = name.split()
    while len(words) > 1 and (_bare(words[0]) in _NAME_TITLES or words[0].islower()):
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


# ----- public builders --------------------------------------------------------------


def _extract(article) -> list[_Row]:
    ctx = _Context(article)
    marks = article.quote_marks
    rows: list[_Row] = []
    used_cues: set[int] = set()
    leftovers = _direct_quotes(ctx, marks, rows, used_cues)
    _indirect_quotes(ctx, marks, rows, used_cues)
    leftovers = _called_quotes(ctx, leftovers, rows)
    rows.sort(key=lambda r: r.content_start)
    _resolve(ctx, [r for r in rows])
    # A label with no one to give it ("They called it “firm support”" with no "they" before
    # it) stays a scare quote.
    rows = [r for r in rows if not (r.rule == "called_q" and r.speaker.kind == "pronoun")]
    _floating(ctx, leftovers, rows)
    rows.sort(key=lambda r: r.content_start)
    _resolve(ctx, [r for r in rows if r.inherited is not None])
    return rows, ctx


def build_quotes(article) -> pd.DataFrame:
    """Return the ``quotes`` table: one row per attributed statement.

    The patterns, speakers and source types are explained in :mod:`kit.quotes`.

    Examples
    --------
    >>> import kit
    >>> q = kit.load_article().quotes
    >>> q.loc[q["kind"] == "mixed", ["speaker_name", "cue", "channel"]].iloc[0].tolist()
    ['Michael Erik Kurilla', 'said', 'in a statement']
    """
    rows, ctx = _extract(article)
    text = ctx.text
    data: dict[str, list] = {c.name: [] for c in _schema_columns("quotes")}
    for qid, r in enumerate(rows):
        sp = r.speaker
        lo = [r.content_start, r.cue_start]
        hi = [r.content_end, r.cue_start + len(r.cue)]
        if r.inherited is not None:
            lo, hi = [r.content_start], [r.content_end]
        elif sp is not None:
            lo.append(sp.start)
            hi.append(sp.end)
        start, end = _sentence_span(ctx, min(lo), max(hi))
        own = sp is not None and r.inherited is None
        data["quote_id"].append(qid)
        data["sentence_id"].append(ctx.s_ids[ctx.sentence_at(start)])
        data["kind"].append(r.kind)
        data["start_char"].append(start)
        data["end_char"].append(end)
        data["content"].append(text[r.content_start : r.content_end])
        data["content_start"].append(r.content_start)
        data["content_end"].append(r.content_end)
        data["speaker"].append(text[sp.start : sp.end] if own else None)
        data["speaker_start"].append(sp.start if own else None)
        data["speaker_end"].append(sp.end if own else None)
        data["speaker_name"].append(r.speaker_name)
        data["speaker_entity_id"].append(r.entity_id)
        data["speaker_role"].append(r.role)
        data["cue"].append(r.cue)
        data["channel"].append(r.channel)
        data["source_type"].append(r.source_type)
        data["rule"].append(r.rule)
    return frame("quotes", data)


def _schema_columns(table: str):
    from kit.schemas import schema

    return schema(table)


# ----- claims --------------------------------------------------------------------

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)"
_CASUALTY_WORDS = (
    r"(?:killed|killing|kills|dead|deaths?|died|die|wounded|wounding|injured|injuring|injuries|"
    r"casualties|fatalities|martyred|hurt|missing)"
)
# A number within six words of a casualty word, either way round. Bounded: no nested
# unbounded repetition.
_CASUALTY_RE = re.compile(
    r"\b" + _NUMBER + r"\b(?:\W+\w+){0,6}?\W+" + _CASUALTY_WORDS + r"\b"
    r"|\b" + _CASUALTY_WORDS + r"\b(?:\W+\w+){0,4}?\W+" + _NUMBER.replace("|one|two", "|two") + r"\b",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_HEDGED_RE = re.compile(
    r"\b(?:at least|more than|less than|fewer than|nearly|almost|around|about|up to|as many as|"
    r"an estimated|over|some)\s+(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|billion|thousand))?\b",
    re.IGNORECASE,
)
_LARGE_RE = re.compile(
    r"\b\d{2,3}(?:,\d{3})+\b|\b\d{1,3}(?:,\d{3}){2,}\b|\b\d{5,}\b|\b\d+(?:\.\d+)?\s*-?\s*(?:million|billion)\b"
)
_RATIO_RE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|a\s+thousand|\d+)\b",
    re.IGNORECASE,
)
# A penalty the law allows ("faces up to 20 years in prison") is not a disputable figure.
_PENALTY_RE = re.compile(
    r"\b(?:(?:up\s+to|a\s+maximum\s+of|as\s+many\s+as|at\s+least|more\s+than)\s+)?"
    r"(?:\d+|one|two|three|five|ten|twenty)\s+(?:years?|months?|weeks?|days?)[’']?\s+"
    r"(?:in\s+(?:prison|jail)|behind\s+bars|(?:of\s+)?(?:imprisonment|custody|detention))",
    re.IGNORECASE,
)
_MONEY_RE = re.compile(
    r"[$€£¥]\s?\d[\d,.]*(?:\s*-?\s*(?:million|billion|trillion|thousand|bn)\b)?"
    r"|\b\d[\d,.]*\s*-?\s*(?:million|billion)?\s*(?:dollars|euros|pounds|rials|dinars)\b",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}:\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
)


def claim_kind(sentence: str) -> tuple[str, str]:
    """Classify one sentence's factual claim: ``(claim_kind, rule)``.

    Examples
    --------
    >>> claim_kind("Another 54,536 individuals have been wounded as well.")
    ('casualty_figure', 'casualty_number')
    >>> claim_kind("Unemployment rose to 7.5 percent in March.")
    ('statistic', 'percent')
    >>> claim_kind("The House passed a $14.3-billion package.")
    ('money', 'money')
    >>> claim_kind("The strike took place on May 31, 2019.")
    ('none', 'none')
    >>> claim_kind("Nearly one in four clinics has closed.")
    ('statistic', 'ratio')
    >>> claim_kind("He faces up to 10 years in prison.")
    ('none', 'none')
    >>> claim_kind("The firm will cut 3,400 jobs.")
    ('none', 'none')
    """
    if len(sentence) > MAX_SENTENCE_CHARS:
        sentence = sentence[:MAX_SENTENCE_CHARS]
    plain = _PENALTY_RE.sub(" ", _DATE_RE.sub(" ", sentence.replace("\u00a0", " ")))
    money = _MONEY_RE.search(plain)
    without_money = _MONEY_RE.sub(" ", plain) if money else plain
    if _CASUALTY_RE.search(without_money):
        return "casualty_figure", "casualty_number"
    if _PERCENT_RE.search(without_money):
        return "statistic", "percent"
    if _HEDGED_RE.search(without_money):
        return "statistic", "hedged_number"
    if _RATIO_RE.search(without_money):
        return "statistic", "ratio"
    if _LARGE_RE.search(without_money):
        return "statistic", "large_number"
    if money:
        return "money", "money"
    return "none", "none"


def build_claims(article) -> pd.DataFrame:
    """Return the ``claims`` table: one row per sentence, attributed or not.

    The rule (the AP's: attribute every disputable figure) is explained in
    :mod:`kit.quotes`.

    Examples
    --------
    >>> import kit
    >>> c = kit.load_article().claims
    >>> c.loc[[3, 11, 12], ["sentence_id", "attributed", "claim_kind", "unattributed_claim"]]
        sentence_id  attributed       claim_kind  unattributed_claim
    3             3        True             none               False
    11           11       False  casualty_figure                True
    12           12       False  casualty_figure                True
    """
    quotes = article.quotes
    rows = article._sentence_rows
    text = article.text
    q_spans = list(
        zip(quotes["start_char"].tolist(), quotes["end_char"].tolist(), quotes["quote_id"].tolist())
    )
    data: dict[str, list] = {c.name: [] for c in _schema_columns("claims")}
    # The first quote (by start) that overlaps each sentence; quotes are few and sorted by
    # content, so index them by start and look back only over quotes still open.
    q_spans.sort()
    q_starts = [qa for qa, _, _ in q_spans]
    longest = max((qb - qa for qa, qb, _ in q_spans), default=0)
    for sid, a, b in zip(rows["sentence_id"], rows["start_char"], rows["end_char"]):
        lo = bisect.bisect_left(q_starts, a - longest)
        hi = bisect.bisect_left(q_starts, b)
        qid = min((q for qa, qb, q in q_spans[lo:hi] if qa < b and a < qb), default=None)
        kind, rule = claim_kind(text[a:b])
        data["sentence_id"].append(sid)
        data["attributed"].append(qid is not None)
        data["quote_id"].append(qid)
        data["claim_kind"].append(kind)
        data["unattributed_claim"].append(qid is None and kind in ("casualty_figure", "statistic"))
        data["rule"].append(rule)
    return frame("claims", data)
