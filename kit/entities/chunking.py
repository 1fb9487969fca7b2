"""Chunking each sentence's name tokens and collecting the mentions of the article."""

from __future__ import annotations

import warnings

from kit.entities.cues import _Mention
from kit.entities.evidence import _mark_inside_words, _mark_known_phrases, _quoted_titles, _sentences
from kit.entities.tagging import _CHUNK_TAG, _INSIDE_TAGS, _NAME_TAGS, _chunker
from kit.entities.typing_rules import _Sentence
from kit.entities.words import MAX_NAME_TOKENS
from kit.errors import KitWarning


class EntitySpanWarning(KitWarning):
    """The entity rules gave up on a span of the text (for example a very long run of capitals)."""


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
            if a and toks[a - 1].tag == "DT" and (not islands or islands[-1][1] < a - 1):
                a -= 1  # "the Trade and Industry Secretary": the grammar reads the article too
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


def _mentions(doc, lex=None) -> tuple[list[_Mention], list[tuple[int, int, str]]]:
    sentences, skipped = _sentences(doc, lex)
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
            f"The article {doc.name!r} has {skipped} run(s) of more than {MAX_NAME_TOKENS}"
            " capitalised words in a row; the kit does not read such runs as names and skipped them."
            " If they are lists of names, put commas between the names.",
            EntitySpanWarning,
            stacklevel=5,
        )
    order = {id(m): n for n, m in enumerate(mentions)}
    links = [(order[id(a)], order[id(b)], rule) for a, b, rule in local_links]
    return mentions, links
