"""Tests of kit.scoring: answer keys and the scorer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.scoring import KeyFormatError, KeyNotFoundError, load_key, match_quotes

ARTICLES = Path(__file__).parent / "articles"
OWN = sorted(p.stem for p in ARTICLES.glob("quo_*.txt"))
SEED_KEY = kit.loading.seeds_dir() / "000_32ac5be837c66968.key"


def _score(scores: pd.DataFrame, table: str, match: str | None = None) -> pd.Series:
    rows = scores[scores["table"] == table]
    if match is not None:
        rows = rows[rows["match"] == match]
    return rows.iloc[0]


def test_evaluate_seed_every_quote_speaker_and_source_type(seed):
    scores = kit.evaluate(seed)
    assert list(scores.columns) == [
        "table",
        "match",
        "precision",
        "recall",
        "f1",
        "n_predicted",
        "n_key",
        "n_correct",
    ]
    for table in ("quotes", "direct_quotes", "speakers", "source_types", "claims"):
        for r in scores[scores["table"] == table].itertuples():
            assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0), (table, r.match)
    assert _score(scores, "quotes", "overlap>0.3")[["n_key", "n_correct"]].tolist() == [8, 8]
    assert _score(scores, "claims")[["n_key", "n_correct"]].tolist() == [2, 2]
    assert set(scores["table"]) >= {"entities", "alias_groups"}


def test_load_key_by_name_and_path(seed):
    key = load_key("000_32ac5be837c66968")
    assert key.files == ("quotes.csv", "entities.csv", "claims.csv") or "quotes.csv" in key.files
    assert len(key.quotes) == 8 and len(key.claims) == 2
    assert load_key(SEED_KEY).path == key.path
    assert load_key(seed.path).path == key.path
    assert list(key.quotes.columns[:8]) == [
        "start_char",
        "end_char",
        "content",
        "kind",
        "speaker_name",
        "source_type",
        "cue",
        "channel",
    ]


@pytest.mark.parametrize("name", OWN)
def test_own_articles_meet_the_targets(name):
    article = kit.load_article(ARTICLES / f"{name}.txt")
    scores = kit.evaluate(article)
    quotes = _score(scores, "quotes", "overlap>0.3")
    direct = _score(scores, "direct_quotes", "overlap>0.3")
    speakers = _score(scores, "speakers")
    assert direct["f1"] >= 0.9
    assert quotes["f1"] >= 0.9
    accuracy = speakers["n_correct"] / quotes["n_correct"] if quotes["n_correct"] else 1.0
    assert accuracy >= 0.85
    assert _score(scores, "claims")["f1"] == 1.0


def test_own_articles_cover_the_required_styles():
    texts = {n: (ARTICLES / f"{n}.txt").read_text(encoding="utf-8") for n in OWN}
    assert len(OWN) >= 5
    assert any('"' in t for t in texts.values())  # straight marks
    assert any(", said " in t for t in texts.values())  # "said X" inversion
    assert any("According to" in t or "according to" in t for t in texts.values())
    assert any("Dr. " in t and "Mr. " in t for t in texts.values())
    assert any("'good enough'" in t for t in texts.values())  # nested
    assert kit.load_article(ARTICLES / "quo_noquotes.txt").quotes.empty
    marks = kit.load_article(ARTICLES / "quo_multipara.txt").quote_marks
    assert (marks["rule"] == "continued").any()


def test_match_quotes_is_the_gender_gap_trackers():
    key = pd.DataFrame({"start_char": [0, 100], "end_char": [10, 110]})
    # 3 of the key's 10 characters: 0.3 is not > 0.3
    pred = pd.DataFrame({"content_start": [7, 100], "content_end": [50, 200]})
    assert match_quotes(pred, key, 0.3) == [(1, 1)]
    # the score is relative to the key's span: a long prediction covering it matches at 0.8
    assert match_quotes(pred, key, 0.8) == [(1, 1)]
    # one-to-one: a predicted quote is taken once
    key2 = pd.DataFrame({"start_char": [0, 0], "end_char": [10, 10]})
    pred2 = pd.DataFrame({"content_start": [0], "content_end": [10]})
    assert match_quotes(pred2, key2, 0.3) == [(0, 0)]


# ----- learner-friendly errors -------------------------------------------------------


def _copy_key(tmp_path: Path) -> Path:
    article = tmp_path / "mine.txt"
    shutil.copy(kit.loading.seeds_dir() / "000_32ac5be837c66968.txt", article)
    folder = tmp_path / "mine.key"
    folder.mkdir()
    for f in ("quotes.csv", "claims.csv"):
        shutil.copy(SEED_KEY / f, folder / f)
    return folder


def test_missing_key():
    with pytest.raises(KeyNotFoundError, match=r"No answer key at 'nope': an answer key is a folder named"):
        load_key("nope")


def test_empty_key_folder(tmp_path):
    (tmp_path / "x.key").mkdir()
    with pytest.raises(KeyNotFoundError, match=r"holds none of quotes.csv, entities.csv, claims.csv"):
        load_key(tmp_path / "x.key")


def test_missing_column(tmp_path):
    folder = _copy_key(tmp_path)
    text = (folder / "quotes.csv").read_text(encoding="utf-8").replace("speaker_name", "speaker", 1)
    (folder / "quotes.csv").write_text(text, encoding="utf-8")
    with pytest.raises(KeyFormatError) as err:
        load_key(folder)
    assert str(err.value).startswith(
        f"quotes.csv in {str(folder)!r} has no column 'speaker_name'. Did you mean 'speaker'?"
    )
    assert "start_char,end_char,content,kind,speaker_name,source_type,cue,channel" in str(err.value)


def test_bad_kind(tmp_path):
    folder = _copy_key(tmp_path)
    text = (folder / "quotes.csv").read_text(encoding="utf-8").replace(",direct,", ",dirct,", 1)
    (folder / "quotes.csv").write_text(text, encoding="utf-8")
    with pytest.raises(
        KeyFormatError, match=r"Line 2 of quotes.csv: kind is 'dirct'. Did you mean 'direct'\?"
    ):
        load_key(folder)


def test_bad_offset(tmp_path):
    folder = _copy_key(tmp_path)
    (folder / "claims.csv").write_text("start_char,end_char,text\nabc,10,Hello\n", encoding="utf-8")
    with pytest.raises(
        KeyFormatError, match=r"Line 2 of claims.csv: start_char is 'abc', not a whole number"
    ):
        load_key(folder)


def test_wrong_field_count(tmp_path):
    folder = _copy_key(tmp_path)
    (folder / "claims.csv").write_text("start_char,end_char,text\n1,2,a,b\n", encoding="utf-8")
    with pytest.raises(KeyFormatError, match=r"Line 2 of claims.csv has 4 fields but the header has 3"):
        load_key(folder)


def test_offsets_that_do_not_match_the_article(tmp_path):
    folder = _copy_key(tmp_path)
    (folder / "claims.csv").write_text("start_char,end_char,text\n0,5,Hello\n", encoding="utf-8")
    article = kit.load_article(tmp_path / "mine.txt")
    with pytest.raises(KeyFormatError, match=r"Line 2 of claims.csv: the article's text at 0:5 is 'News "):
        kit.evaluate(article)


def test_offsets_may_be_left_empty(tmp_path):
    folder = _copy_key(tmp_path)
    (folder / "claims.csv").write_text(
        'start_char,end_char,text\n,,"Another 54,536 individuals have been wounded as well."\n',
        encoding="utf-8",
    )
    article = kit.load_article(tmp_path / "mine.txt")
    claims = _score(kit.evaluate(article), "claims")
    assert claims[["n_predicted", "n_key", "n_correct"]].tolist() == [2, 1, 1]


def test_text_not_in_article(tmp_path):
    folder = _copy_key(tmp_path)
    (folder / "claims.csv").write_text("start_char,end_char,text\n,,Not in this article\n", encoding="utf-8")
    with pytest.raises(KeyFormatError, match=r"the text 'Not in this article' is not in the article 'mine'"):
        kit.evaluate(kit.load_article(tmp_path / "mine.txt"))


def test_evaluate_needs_an_article():
    with pytest.raises(TypeError, match=r"evaluate\(\) takes an Article first, but got a str"):
        kit.evaluate("000_32ac5be837c66968")


def test_the_blind_sets_keys_are_as_frozen_before_the_kit_first_ran_on_them():
    """``evaluation/blind2`` refuses to score when a key, a text or the key builder changed
    (even by a formatter): the hashes recorded before the first run still hold."""
    import hashlib

    folder = Path(__file__).resolve().parent.parent / "evaluation" / "blind2"
    changed = []
    for line in (folder / "FROZEN.sha256").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, name = line.split(maxsplit=1)
        if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
            changed.append(name)
    assert changed == []
