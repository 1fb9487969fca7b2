"""The sentence splitter's fast path gives exactly Punkt's sentences."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import sentences

WORDS = st.sampled_from(
    [
        "the", "war", "said", "end", "U.S.", "Gen.", "Mr.", "Dr.", "Jan.", "a.m.", "p.m.", "No.", "St.",
        "It", "The", "He", "In", "But", "Austin", "Kata’ib", "x", "A", "B.", "J.", "3.5", "2019", "1:45",
        "anti-terror", "co-op", "well-known", "e.g.", "etc.", "vs.", "Inc.", "“", "”", '"', "'", "‘", "’",
        "(", ")", "[", "]", ".", "..", "...", "…", "?", "!", "?!", ",", ";", ":", "-", "--", "—",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from(
    [" ", " ", " ", "", "  ", "\u00a0", "\t", "\n", ". ", "? ", "! ", ".” ", '." ', ".) "]
)


def punkt_alone(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in sentences._tokenizer().span_tokenize(text) if b > a]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=60))
def test_fast_path_equals_punkt(pieces):
    text = "".join(w + s for w, s in pieces).strip()
    if not text:
        return
    assert sentences._punkt_spans(text, 0, len(text)) == punkt_alone(text)


def test_fast_path_on_news_sentences():
    text = (
        "The strikes came after the attack. Gen. Kurilla said so at 9 a.m. on Tuesday. "
        "It was well-known. The U.S. The end. “We will respond,” he said. Prices rose 3.5 percent. Then it fell."
    )
    assert sentences._punkt_spans(text, 0, len(text)) == punkt_alone(text)


def test_an_abbreviation_in_brackets_after_a_name_ends_no_sentence():
    text = "Sen. Ana Ruiz (D-N.M.) said the vote counts. She met the governor (R-N.J.). Then she left."
    spans = sentences.sentence_spans(text, 0, len(text))
    assert [text[a:b] for a, b, _ in spans] == [
        "Sen. Ana Ruiz (D-N.M.) said the vote counts.",
        "She met the governor (R-N.J.).",
        "Then she left.",
    ]
