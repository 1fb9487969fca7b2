"""The text of one swap: a word-level diff, and the article ("the", "a", "an") before a label.

:func:`word_diff` says which runs of words a replacement changed, so the diff
shows ``regime`` becoming ``government`` rather than the whole label;
:func:`absorb_determiner` keeps the noun phrase grammatical when the
replacement brings its own determiner or is a bare name.
"""

from __future__ import annotations

import difflib
import re

__all__ = ["DETERMINERS", "absorb_determiner", "word_diff"]

DETERMINERS = ("the", "a", "an")
"""Articles a reframed label may absorb from the text before it (see :func:`kit.reframe`)."""

_WORD = re.compile(r"\s*\S+|\s+")
_OPENING_DETERMINER = re.compile(
    r"(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my)[ \u00a0]", re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’\-])(the|a|an)[ \u00a0]+$", re.IGNORECASE)
_NAME_NOUNS_WITH_THE = frozenset(
    "states kingdom republic emirates nations union pentagon army navy forces ministry"
    " government council court house office agency guard militia front movement party".split()
)


def _raw_changes(old: str, new: str) -> list[list[int]]:
    """Changed runs by difflib over words, each word carrying the spaces before it."""
    a = [(m.start(), m.end()) for m in _WORD.finditer(old)]
    b = [(m.start(), m.end()) for m in _WORD.finditer(new)]
    matcher = difflib.SequenceMatcher(
        a=[old[x:y].strip() for x, y in a], b=[new[x:y].strip() for x, y in b], autojunk=False
    )
    raw: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for (x, y), (u, v) in zip(a[i1:i2], b[j1:j2]):
                if old[x:y] != new[u:v]:  # same word, different spaces before it
                    ow = len(old[x:y]) - len(old[x:y].lstrip())
                    nw = len(new[u:v]) - len(new[u:v].lstrip())
                    raw.append([x, x + ow, u, u + nw])
            continue
        os_ = a[i1][0] if i1 < len(a) else len(old)
        oe = a[i2 - 1][1] if i1 < i2 else os_
        ns = b[j1][0] if j1 < len(b) else len(new)
        ne = b[j2 - 1][1] if j1 < j2 else ns
        raw.append([os_, oe, ns, ne])
    return raw


def word_diff(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Changed runs as (old_start, old_end, new_start, new_end) offsets within the strings.

    Words are aligned by their text (difflib); each word carries the spaces
    before it, so a changed space (a non-breaking one made plain) is part of
    the change. Touching changes are merged, and spaces both sides share at
    the edges of a change are left out of it.

    Examples
    --------
    >>> word_diff("Israeli\\u00a0regime", "Israeli government")
    [(7, 14, 7, 18)]
    """
    merged: list[list[int]] = []
    for change in _raw_changes(old, new):
        if merged and merged[-1][1] == change[0] and merged[-1][3] == change[2]:
            merged[-1][1], merged[-1][3] = change[1], change[3]
        else:
            merged.append(change)
    out = []
    for os_, oe, ns, ne in merged:
        while os_ < oe and ns < ne and old[os_] == new[ns] and old[os_].isspace():
            os_, ns = os_ + 1, ns + 1
        while os_ < oe and ns < ne and old[oe - 1] == new[ne - 1] and old[oe - 1].isspace():
            oe, ne = oe - 1, ne - 1
        if old[os_:oe] != new[ns:ne]:
            out.append((os_, oe, ns, ne))
    return out


def _takes_no_article(phrase: str) -> bool:
    """A bare proper name such as "Israel" or "Kata'ib Hezbollah": capitalised words,
    none of them an initialism ("the U.S.", "the IDF") and the last not a common
    noun that English names take "the" with ("the United States", "the Pentagon")."""
    words = phrase.split()
    if not words or len(words) > 4:
        return False
    for w in words:
        core = w.strip(".,;:’'")
        if not core[:1].isupper() or "." in core or (len(core) > 1 and core.isupper()):
            return False
    return words[-1].strip(".,;:").lower() not in _NAME_NOUNS_WITH_THE


def absorb_determiner(text: str, a: int, b: int, lid: int, new: str) -> tuple[int, int, int, str]:
    """Widen a replacement over the article ("the", "a", "an") just before the label.

    The article belongs to the label's noun phrase: when the replacement brings
    its own determiner ("the Israeli government") or is a bare proper name
    ("Israel"), the article is dropped; otherwise "a"/"an" is made to fit the
    replacement's first sound (by its first letter).

    Examples
    --------
    >>> text = "They saw a ferocious attack."
    >>> absorb_determiner(text, 11, 27, 0, "assault")
    (9, 27, 0, 'an assault')
    """
    m = _DETERMINER_BEFORE.search(text, max(0, a - 8), a)
    if m is None or not new.strip():
        return a, b, lid, new
    det, start = m.group(1), m.start()
    if _OPENING_DETERMINER.match(new) or _takes_no_article(new):
        return start, b, lid, new
    if det.lower() in ("a", "an"):
        article = "an" if new[:1].lower() in "aeiou" else "a"
        if det[:1].isupper():
            article = article.capitalize()
        return start, b, lid, article + text[start + len(det) : a] + new
    return a, b, lid, new
