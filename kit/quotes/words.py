"""Word lists (``kit/data/quote_*.txt``) and the small patterns the quote rules share."""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import cache, lru_cache

from kit.errors import did_you_mean, format_options
from kit.lexicons import learner_entries, match_form, number_words, read_lexicon, word_tree

USES = ("any", "that")
"""How a cue verb may be used (see ``kit/data/quote_cue_verbs.txt``)."""

LEARNER_CUES: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("learner_cues", default=())
"""The learner's extra cue verbs while :func:`kit.quotes.build_quotes` runs (``(verb, use)``
pairs); empty otherwise, so every rule reads one list without passing it around."""

_CUE_EXAMPLE = '{"verb": "griped", "use": "any"}'


def _cue_verbs() -> dict[str, str]:
    return _cue_verbs_with(LEARNER_CUES.get())


@cache
def _shipped_cue_verbs() -> dict[str, str]:
    out = {}
    for line in read_lexicon("quote_cue_verbs.txt"):
        word, _, use = line.strip().rpartition(" ")
        if use not in USES:
            word, use = line.strip(), "any"
        out[word.strip()] = use
    return out


@lru_cache(maxsize=64)
def _cue_verbs_with(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The shipped cue verbs, then the learner's (a verb the file lists keeps its use)."""
    out = dict(_shipped_cue_verbs())
    for verb, use in extra:
        out.setdefault(verb, use)
    return out


def learner_cues(extra_cues) -> tuple[tuple[str, str], ...]:
    """Check a learner's cue verbs; return the new ``(verb, use)`` pairs (see "Learner entries").

    Each entry has the columns of ``quote_cue_verbs.txt``: ``verb`` (required,
    one verb form as written in a sentence: "griped", "pointed out") and
    ``use`` (``any``, the default, or ``that``). Verbs the file lists are left out.

    Examples
    --------
    >>> learner_cues([{"verb": "Griped"}, {"verb": "said"}])
    (('griped', 'any'),)
    >>> learner_cues([{"verb": "warned", "use": "thta"}])
    Traceback (most recent call last):
    ...
    ValueError: extra_cues row 0 has use 'thta', which is not a use the kit knows. Did you mean 'that'? The uses are 'any', 'that'. For example: extra_cues=[{"verb": "griped", "use": "any"}]
    """
    records = learner_entries(extra_cues, argument="extra_cues", required=("verb",), example=_CUE_EXAMPLE)
    shipped = _shipped_cue_verbs()
    out: dict[str, str] = {}
    for i, rec in enumerate(records):
        verb, use = rec["verb"], rec.get("use") or "any"
        if not isinstance(verb, str) or not re.fullmatch(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*", verb.strip()):
            raise ValueError(
                f"extra_cues row {i} has verb {verb!r}: a cue is one verb form in letters, as written"
                f' in a sentence ("warned", "pointed out"). For example: extra_cues=[{_CUE_EXAMPLE}]'
            )
        if use not in USES:
            raise ValueError(
                f"extra_cues row {i} has use {use!r}, which is not a use the kit knows."
                f"{did_you_mean(str(use), USES)} The uses are {format_options(USES)}."
                f" For example: extra_cues=[{_CUE_EXAMPLE}]"
            )
        verb = " ".join(match_form(verb).split())
        if verb not in shipped:
            out.setdefault(verb, use)
    return tuple(out.items())


@cache
def _speaker_nouns() -> dict[str, str]:
    out = {}
    for line in read_lexicon("quote_speaker_nouns.txt"):
        word, _, kind = line.partition(" ")
        out[word.strip()] = kind.strip()
    return out


def _cue_re() -> re.Pattern:
    return _cue_re_with(LEARNER_CUES.get())


@lru_cache(maxsize=64)
def _cue_re_with(extra: tuple[tuple[str, str], ...]) -> re.Pattern:
    # Lower case, and capitalised as in a headline in title case ("Sanders Says He Will").
    forms = {f for w in _cue_verbs_with(extra) for f in (w, w.title())} | {"according to", "According to"}
    return re.compile(r"\b" + _trie(sorted(forms)) + r"\b")


def _trie(words: list[str]) -> str:
    """One regular expression for a word list, factored by common prefixes (a trie), so
    that each position of the text is tried against one branch instead of every word."""
    return word_tree(words, space=r"\s+")


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
    " once repeatedly reportedly had originally initially first already still now just never long"
    " yet since".split()
)
# Words that open a subordinate clause: only what follows can be the speaker ("after the
# Fed chairman said", "because officials say").
_SUBORDINATORS = frozenset("after before because although though since until unless once while as if".split())
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
_CONTRAST_RE = re.compile(
    r"(?:,[”\"’']?[\s\u00a0]+(?:while|whereas|but|and)[\s\u00a0]+"
    r"|[\s\u00a0](?:though|although|but|(?:—|–|--|-)[\s\u00a0]+(?:and|but))[\s\u00a0]+)"
)
_RELATIVE_WORDS = frozenset("who whom whose which".split())
# Words that start a modifier after a speaker noun ("people familiar with", "a source
# close to", "an official who", "experts not involved in", "the Department of").
_POSTMODIFIERS = frozenset(
    "who whom whose which familiar close with in at from of for involved briefed based not"
    " speaking working knowledgeable".split()
)
_DETERMINER_WORDS = frozenset("the a an".split())
# Lower-case words that may stand before a titled name ("retired Gen. X", "former Mayor Y").
_NAME_MODIFIERS = frozenset("retired former late acting interim outgoing incoming veteran then".split())
_CONJUNCTIONS = frozenset(
    "as and but while when although though because since after before so yet even".split()
)
_CAP = re.compile(r"[(\[]?[A-Z0-9]")
_TERMINAL = ".!?;:…"
_QUOTE_CHARS = '“”"«»„'

_PHRASE_PREPOSITIONS = frozenset("in on at during via through with to before after from".split())
# of disjoint character classes: linear time.
_CALLED_RE = re.compile(
    r"(?<![\w-])(?P<cue>(?:called|calls|calling|call|branded|brands|branding|brand|labell?ed|labels|labell?ing|dubbed|dubs|dubbing|termed"
    r"|terms|described|describes|describing|describe|characteri[sz]ed|characteri[sz]es))[\s\u00a0]+"
    r"(?P<obj>(?:[^\s\u00a0“”\"‘’',.;:!?()]+[\s\u00a0]+){1,6}?)(?P<as>as[\s\u00a0]+)?$"
)
# Verbs that need "as" before the label ("described the plan as ...").
_NEEDS_AS = ("describ", "characteri")
# An object that is really a particle or preposition: "called for", "called on".
_NOT_OBJECTS = frozenset("for on off in up out back upon into at to by".split())

_HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_NUMBER_WORDS = frozenset({*number_words(), "several", "another"})
"""A count as the whole speaker ("two said", "several told reporters"): an anonymous source."""
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

_NAME_TITLES = _HONORIFICS | frozenset(
    "councillor councilor mayor president minister senator sen rep gov governor gen general"
    " col colonel capt captain lt judge justice coach chancellor premier ambassador".split()
)


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


# Finite verbs and auxiliaries: a word among them shows a clause, not a noun phrase.
_FINITE = frozenset(
    "is are was were has have had will would could should can may might must did does do won't"
    " wasn't isn't aren't weren't hasn't haven't didn't doesn't don't can't couldn't wouldn't"
    " shouldn't".split()
)
# Words that may open a subject kept as written: determiners and quantifiers.
_SUBJECT_START = frozenset(
    "the a an some many most all both several few other another each every more majorities majority"
    " half nearly about almost roughly only just fewer among no any these those this that its their"
    " his her our".split()
)
