"""Invariants that hold for any input: offsets slice to the row's text, ids are
unique and contiguous, keys join, and every table matches its documented schema.
Property-based (hypothesis) over news-like and arbitrary text."""

from __future__ import annotations

import importlib
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.schemas import TABLES, schema

WORDS = st.sampled_from(
    [
        "the", "US", "U.S.", "Gen.", "Mr.", "Dr.", "Kata’ib", "Kata'ib", "Hezbollah", "said", "told",
        "a.m.", "Oct.", "17", "1:45", "GMT", "Monday", "“", "”", '"', "(", ")", "—", "-", ",", ".", "?",
        "!", ":", ";", "'", "’", "…", "...", "$14.3-billion", "al-Sumaria", "Baghdad", "e.g.", "x",
        "\u00a0", "Press", "TV", "sources", "By", "Photo", "AFP", "www.example.com", "SHARE", "É", "日本",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\u00a0", "\t", "  "])


@st.composite
def news_like(draw) -> str:
    pieces = draw(st.lists(st.tuples(WORDS, SEPARATORS), min_size=0, max_size=80))
    return "".join(w + s for w, s in pieces)


ANY_TEXT = st.one_of(news_like(), st.text(max_size=300))


def _available_tables() -> list[str]:
    names = []
    for name, module in TABLES.items():
        try:
            importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        names.append(name)
    return names


def check_invariants(article: kit.Article, tables: list[str]) -> None:
    text = article.text
    sentence_ids = set(article.sentences["sentence_id"])
    for name in tables:
        df = article.table(name)
        columns = schema(name)
        assert list(df.columns) == [c.name for c in columns], name
        assert isinstance(df.index, pd.RangeIndex) and df.index.start == 0, name
        for col in columns:
            assert str(df[col.name].dtype) == col.dtype, (name, col.name, df[col.name].dtype)
        id_col = columns[0].name
        if id_col.endswith("_id") and id_col != "sentence_id" and name not in ("parts", "entities", "claims"):
            assert df[id_col].tolist() == list(range(len(df))), name
        if {"start_char", "end_char"} <= set(df.columns):
            assert (df["start_char"] <= df["end_char"]).all(), name
            assert ((df["start_char"] >= 0) & (df["end_char"] <= len(text))).all(), name
            if "text" in df.columns:
                for a, b, t in zip(df["start_char"], df["end_char"], df["text"], strict=True):
                    assert text[a:b] == t, (name, a, b, t)
        if "sentence_id" in df.columns and name != "sentences":
            assert set(df["sentence_id"].dropna()) <= sentence_ids, name


def parse_or_explain(text: str) -> kit.Article | None:
    try:
        return kit.parse_article(text)
    except kit.errors.EmptyArticleError as err:
        assert "no text to analyse" in str(err) or "only page furniture" in str(err)
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_core_tables_for_any_text(text):
    article = parse_or_explain(text)
    if article is None:
        return
    check_invariants(article, ["parts", "sentences", "tokens", "quote_marks"])
    s = article.sentences
    assert s["sentence_id"].tolist() == list(range(len(s)))
    t = article.tokens
    assert t["token_id"].tolist() == list(range(len(t)))
    # Sentences never cross paragraphs and stay inside their part.
    parts = article.parts.set_index(["paragraph_id", "part"])
    for row in s.itertuples(index=False):
        part = parts.loc[(row.paragraph_id, row.part)]
        assert part["start_char"] <= row.start_char and row.end_char <= part["end_char"]
    # Tokens sit inside their sentence, in order, without overlapping.
    merged = t.merge(s, on="sentence_id", suffixes=("", "_s"))
    assert len(merged) == len(t)
    assert (
        (merged["start_char"] >= merged["start_char_s"]) & (merged["end_char"] <= merged["end_char_s"])
    ).all()
    assert (t["start_char"].diff().dropna() > 0).all()
    # Parts do not overlap and come in text order.
    p = article.parts
    assert (p["start_char"].iloc[1:].to_numpy() >= p["end_char"].iloc[:-1].to_numpy()).all()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like())
def test_every_table_for_any_text(text):
    article = parse_or_explain(text)
    if article is None:
        return
    with warnings.catch_warnings():
        # An extractor may warn that it gave up on a span of odd input; the
        # tables must still hold their invariants.
        warnings.simplefilter("ignore", kit.KitWarning)
        check_invariants(article, _available_tables())


@pytest.mark.parametrize("name", list(TABLES))
def test_seed_tables_match_their_schema(seed, name):
    if name not in _available_tables():
        pytest.skip(f"the module {TABLES[name]} is not part of this checkout")
    check_invariants(seed, [name])


def test_same_article_same_tables(seed):
    again = kit.load_article()
    for name in _available_tables():
        pd.testing.assert_frame_equal(seed.table(name), again.table(name))
