"""Claims without a source: the ``claims`` table.

The Associated Press tells reporters to attribute any claim a reader could
dispute: figures of the dead and wounded, statistics, estimates. The
``claims`` table has one row per sentence. ``attributed`` is True when a quote
of the ``quotes`` table covers the sentence (``quote_id`` says which). ``claim_kind`` is:

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
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from kit.quotes import MAX_SENTENCE_CHARS
from kit.schemas import Column, frame, register, schema

__all__ = ["CLAIM_KINDS", "build_claims", "claim_kind"]

CLAIM_KINDS = ("casualty_figure", "statistic", "money", "none")

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
        Column("rule", "string", "the cue that decided claim_kind (see kit.claims)"),
    ],
)


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


def build_claims(doc, quotes: pd.DataFrame) -> pd.DataFrame:
    """Return the ``claims`` table: one row per sentence, attributed or not.

    The rule (the AP's: attribute every disputable figure) is explained in
    :mod:`kit.claims`.

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
    rows = doc.sentences
    text = doc.text
    q_spans = list(
        zip(quotes["start_char"].tolist(), quotes["end_char"].tolist(), quotes["quote_id"].tolist())
    )
    data: dict[str, list] = {c.name: [] for c in schema("claims")}
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
