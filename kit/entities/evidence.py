"""Reading the article's sentences, and the evidence that a doubtful capital starts a name."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from kit.entities.lexicons import _Lexicons, _lexicons
from kit.entities.tagging import (
    _DOUBT_TAGS,
    _HEAD_TAGS,
    _NAME_TAGS,
    _is_plural_title,
    _is_title_case,
    _Tok,
    _token_tag,
    _token_tag_with,
)
from kit.entities.typing_rules import _is_camel_case, _Sentence
from kit.entities.words import (
    _COMMON_POSSESSORS,
    _CORPORATE,
    _DASHES,
    _DATE_WORDS,
    _MONTHS,
    _OPEN_QUOTES,
    _PLACE_POSSESSED,
    _SAID,
    MAX_NAME_TOKENS,
)
from kit.tokens import stopwords

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


def _sentences(doc, lex: _Lexicons | None = None) -> tuple[list[_Sentence], int]:
    """The article's sentences, tokens tagged; ``lex`` is a learner's lexicons (shipped by default)."""
    shipped = lex is None or lex is _lexicons()
    lex = _lexicons() if lex is None else lex
    text = doc.text
    rows = doc.tokens
    sent_rows = doc.sentences
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
                key, tag = _token_tag(tok) if shipped else _token_tag_with(tok, lex)
                toks.append(_Tok(starts[x], ends[x], tok, key, tag))
            title_case = _is_shouting(toks) or (
                _is_title_case(toks) and (part == "headline" or _has_capital_small_word(toks))
            )
            for n, t in enumerate(toks):
                first = wa == 0 and n == 0
                prev = toks[n - 1].text if n else None
                if (
                    title_case
                    or first
                    or prev in _OPEN_QUOTES
                    or prev in (":", "—", "–", "--", "_", "`")
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
            if t.tag in _DOUBT_TAGS and (t.key in confirmed or _is_camel_case(t.text)):
                t.doubtful = False  # capitalised elsewhere, or a company's "TimeWarner"
            elif t.tag not in _DOUBT_TAGS and t.tag not in ("O", "DT"):
                t.doubtful = False  # a place, demonym, given name, title or alias lexicon knows it
    return sentences, skipped


def _is_shouting(toks: list[_Tok]) -> bool:
    """True for a line written in capitals ("SIGN UP FOR OUR NEWSLETTER"): no evidence of names."""
    words = [t for t in toks if t.text.isalpha() and len(t.text) > 1]
    caps = sum(1 for t in words if t.text.isupper())
    return caps >= 3 and caps / len(words) >= 0.6


def _has_capital_small_word(toks: list[_Tok]) -> bool:
    """True when a small word inside the line is capitalised ("Voters Turn Out For Her"): a
    title written in the body, where capitals prove nothing ("The" starts many names)."""
    return any(
        t.text[:1].isupper() and t.key in stopwords() and t.key != "the"
        for t in toks[1:]
        if t.text.isalpha() and len(t.text) > 1
    )


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
    for n in range(1, len(toks)):
        t = toks[n]
        if (
            t.tag == "O"
            and toks[n - 1].tag == "CONN"
            and n > 1
            and toks[n - 2].tag in _HEAD_TAGS
            and t.text[:1].isupper()
            and _is_plural_title(t.key, s.lex)
        ):
            t.tag = "CAP"  # a plural office word inside a name: "House of Representatives"
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
