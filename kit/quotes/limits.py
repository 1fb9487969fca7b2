"""The quote extractor's bounds, its warning and the ``quotes`` table's schema."""

from __future__ import annotations

from kit.errors import KitWarning
from kit.schemas import Column, register

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


MAX_MODIFIED_WORDS = 30
"""A speaker noun with a modifier after it ("A senior official who asked not to be named
because ...") may run to this many words."""

MAX_PLAIN_SUBJECT_WORDS = 16
"""A subject the speaker rules do not know, kept as written ("Large majorities of
Republican primary voters in six states said"), has at most this many words."""

MAX_CLOSING_PHRASE_WORDS = 8
"""A closing attribution may end with a phrase of at most this many words ("..., the
company said in a regulatory filing")."""

MAX_CUES_PER_SENTENCE = 40
"""Cue words looked at in one sentence for reported speech outside quotation marks: a news
sentence holds a few; a long run of them (a pasted list, bad input) is read no further."""


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
        Column(
            "continues_quote_id",
            "Int64",
            "the statement this piece continues (“…,” she said. “…”): count a statement once by"
            " keeping the rows where it is empty",
        ),
        Column("rule", "string", "the pattern that found the quote (see kit.quotes)"),
    ],
)
