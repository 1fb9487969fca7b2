"""Time zones: the shipped lexicon of zones for abbreviations, places, organisations and people."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

import pandas as pd

from kit.lexicons import match_form, read_table


@dataclass(frozen=True)
class _Zone:
    name: str
    kind: str
    zone: str
    label: str


@cache
def _zones() -> tuple[_Zone, ...]:
    rows = [_Zone(r["name"], r["kind"], r["zone"], r["label"]) for r in read_table("time_zones.csv")]
    return tuple(sorted(rows, key=lambda z: -len(z.name)))


def zone_lexicon() -> pd.DataFrame:
    """Return the shipped time-zone lexicon (``kit/data/time_zones.csv``).

    Examples
    --------
    >>> from kit.timeline import zone_lexicon
    >>> z = zone_lexicon()
    >>> z.loc[z["name"] == "CENTCOM", ["kind", "zone"]].values.tolist()
    [['organisation', 'America/New_York']]
    """
    return pd.DataFrame(read_table("time_zones.csv")).astype("string")


_NAME_END = r"(?![\w-])(?!['’](?![sS]\b)\w)"
"""A name ends at a word boundary; a possessive ("Biden’s") still counts."""


def _name_pattern(names: Iterable[str]) -> str:
    alts = []
    for name in names:
        alts.append(r"\s+".join(re.escape(w).replace("'", "['’]") for w in name.split()))
    return r"(?<![\w'’-])(?:" + "|".join(alts) + r")" + _NAME_END


@cache
def _names_re(kinds: tuple[str, ...]) -> re.Pattern:
    return re.compile(_name_pattern(z.name for z in _zones() if z.kind in kinds), re.IGNORECASE)


@cache
def _zone_by_name() -> dict[str, _Zone]:
    return {match_form(z.name): z for z in _zones()}


def _lookup_zone(found: str) -> _Zone | None:
    return _zone_by_name().get(re.sub(r"\s+", " ", match_form(found)))


def _find_zone_in(text: str, article_text: str, kinds=("person", "organisation")) -> _Zone | None:
    """The zone of the first lexicon name in ``text``; a person's surname counts
    when the full name is in the article."""
    best: tuple[int, _Zone] | None = None
    m = _names_re(tuple(kinds)).search(text) if _name_hint(tuple(kinds)).search(_case_fold(text)) else None
    if m:
        best = (m.start(), _lookup_zone(m.group()))
    persons = _persons_in(article_text) if "person" in kinds else frozenset()
    for z in _zones():
        if z.kind != "person" or z.name not in persons:
            continue
        s = _surname_re(z.name).search(text)
        if s and (best is None or s.start() < best[0]):
            best = (s.start(), z)
    return best[1] if best else None


@cache
def _name_hint(kinds: tuple[str, ...]) -> re.Pattern:
    """A quick test every name of these kinds passes (on :func:`_case_fold` text): the name's
    first word as a whole word. Far faster than the names themselves, ignoring case."""
    words = {re.split("['’]", z.name.split()[0].lower())[0] for z in _zones() if z.kind in kinds}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alts})(?![a-z])")


_CASE_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s"}
"""The letters that match an ASCII letter only when case is ignored (İ, ı, ſ), as that letter."""


def _case_fold(text: str) -> str:
    return text.lower() if text.isascii() else text.translate(_CASE_FOLD).lower()


@cache
def _surname_re(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'’-]){re.escape(name.split()[-1])}{_NAME_END}")


@lru_cache(maxsize=8)
def _persons_in(article_text: str) -> frozenset[str]:
    """The lexicon's people named in full somewhere in the article."""
    if not _name_hint(("person",)).search(_case_fold(article_text)):
        return frozenset()
    return frozenset(_lookup_zone(m.group()).name for m in _names_re(("person",)).finditer(article_text))


def _tz(name: str) -> dt.tzinfo:
    return dt.UTC if name == "UTC" else ZoneInfo(name)


@cache
def _zone_abbrev_re() -> str:
    abbrevs = [z.name for z in _zones() if z.kind == "abbreviation"]
    places = [z.name for z in _zones() if z.kind == "place"]
    return (
        r"(?:\(?(?:"
        + "|".join(re.escape(a) for a in abbrevs)
        + r")\)?(?![\w])|local\stime|(?:"
        + "|".join(re.escape(p) for p in places)
        + r")\stime)"
    )
