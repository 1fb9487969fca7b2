"""The seed article, loaded: its metadata, parts, sentences and tokens, row by row."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import kit

SEED_PARTS = [
    # paragraph_id, part, start_char, end_char, first words
    (0, "breadcrumb", 0, 30, "News \xa0 / \xa0 Iraq"),
    (1, "headline", 32, 109, "US military pounds three"),
    (2, "caption", 111, 273, "Iraqi fighters from the"),
    (2, "credit", 274, 288, "(Photo by AFP)"),
    (3, "body", 290, 559, "The US military has carried"),
    (4, "body", 561, 757, "“US military forces conducted"),
    (5, "body", 759, 1175, "An Iraqi security source"),
    (6, "body", 1177, 1254, "Press TV sources said"),
    (7, "body", 1256, 1468, "“These precision strikes"),
    (8, "body", 1470, 1622, "That attack wounded"),
    (9, "body", 1624, 1838, "The Islamic Resistance in Iraq"),
    (10, "body", 1840, 2074, "Biden was briefed"),
    (11, "body", 2076, 2373, "At President Joe Biden’s"),
    (12, "body", 2375, 2714, "The strikes on the US-run"),
    (13, "body", 2716, 2880, "The Israeli\xa0regime launched"),
    (14, "body", 2882, 3033, "Since the onset of the war"),
    (15, "body", 3035, 3208, "The US House of Representatives"),
    (16, "body", 3211, 3318, "Washington has also vetoed"),
    (17, "boilerplate", 3321, 3398, "Press TV’s website can also"),
    (18, "boilerplate", 3400, 3417, "www.presstv.co.uk"),
    (19, "boilerplate", 3419, 3437, "SHARE THIS ARTICLE"),
    (20, "boilerplate", 3438, 3456, "Press TV News Roku"),
]

SEED_SENTENCES = [
    # sentence_id, paragraph_id, part, start_char, end_char, n_words, rule, text
    (0, 1, "headline", 32, 109, 10, "paragraph_end",
     "US military pounds three Iraqi resistance sites following retaliatory strikes"),
    (1, 2, "caption", 111, 273, 25, "paragraph_end",
     "Iraqi fighters from the anti-terror Kata'ib Hezbollah group march during a military parade marking"
     " International Quds Day, in the capital Baghdad on May 31, 2019."),
    (2, 3, "body", 290, 559, 42, "paragraph_end",
     "The US military has carried out air strikes against three sites used by anti-terror resistance forces"
     " in Iraq, after a military base in the country’s semi-autonomous Kurdistan region where American"
     " occupation troops and trainers are stationed came under a drone attack."),
    (3, 4, "body", 561, 757, 29, "paragraph_end",
     "“US military forces conducted necessary and proportionate strikes on three facilities used by"
     " Kata’ib Hezbollah and affiliated groups in Iraq,” the Pentagon chief Lloyd Austin said in a statement."),
    (4, 5, "body", 759, 1175, 64, "paragraph_end",
     "An Iraqi security source, speaking on condition of anonymity, told the Arabic-language al-Sumaria"
     " television channel that 12 service members of the Ministry of Interior as well as seven fighters from"
     " the Popular Mobilization Units (PMU), also known as Hashd al-Sha’abi, have sustained injuries in a US"
     " strike against a military facility in Hillah city, located 100 kilometers (62 miles) south of the"
     " capital Baghdad."),
    (5, 6, "body", 1177, 1254, 15, "paragraph_end",
     "Press TV sources said that one PMU member has also been killed\xa0in the strike."),
    (6, 7, "body", 1256, 1468, 35, "paragraph_end",
     "“These precision strikes are a response to a series of attacks against US personnel in Iraq and Syria,"
     " including an attack by Kata’ib Hezbollah and affiliated groups on Erbil Air Base earlier today,”"
     " Austin said."),
    (7, 8, "body", 1470, 1622, 21, "paragraph_end",
     "That attack wounded three US military personnel, one critically, US National Security Council"
     " spokesperson Adrienne Watson said in a separate statement."),
    (8, 9, "body", 1624, 1838, 33, "paragraph_end",
     "The Islamic Resistance in Iraq, an umbrella group of anti-terror fighters, in a statement published on"
     " its Telegram channel, claimed responsibility for the strike, which was carried out with a one-way"
     " attack drone."),
    (9, 10, "body", 1840, 2074, 38, "paragraph_end",
     "Biden was briefed on the attack on Monday morning, and directed the strikes in a call with Austin and"
     " other national security officials after ordering the Pentagon to prepare a response, the White House"
     " National Security Council said."),
    (10, 11, "body", 2076, 2373, 48, "paragraph_end",
     "At President Joe Biden’s direction, the US military carried out the strikes at 1:45 GMT on Tuesday,"
     " likely killing “a number of Kata’ib Hezbollah” members and destroying multiple facilities used by the"
     " group, General Michael Erik Kurilla, head of US Central Command (CENTCOM), said in a statement."),
    (11, 12, "body", 2375, 2660, 46, "punkt",
     "The strikes on the US-run military installation in Iraq and neighboring Syria come amid growing anti-US"
     " sentiments over Washington’s firm support for Israel’s war against Palestinians in the besieged Gaza"
     " Strip, which has killed\xa0at least 20,674 people, most of them women and children."),
    (12, 12, "body", 2661, 2714, 8, "paragraph_end", "Another 54,536 individuals have been wounded as well."),
    (13, 13, "body", 2716, 2880, 24, "paragraph_end",
     "The Israeli\xa0regime launched the war after Gaza’s resistance groups conducted Operation Al-Aqsa Storm,"
     " their biggest operation against the occupying entity in years."),
    (14, 14, "body", 2882, 3033, 26, "paragraph_end",
     "Since the onset of the war on October 7, the United States has backed Israel’s ferocious attacks on"
     " Palestinian territory as a means of “self-defense.”"),
    (15, 15, "body", 3035, 3154, 17, "punkt",
     "The US House of Representatives on November 2 passed a standalone $14.3-billion military assistance"
     " package for Israel."),
    (16, 15, "body", 3155, 3208, 9, "paragraph_end", "The legislation, however, is yet to clear the Senate."),
    (17, 16, "body", 3211, 3318, 16, "paragraph_end",
     "Washington has also vetoed United Nations Security Council resolutions that called for a ceasefire in"
     " Gaza."),
]  # fmt: skip


def test_seed_file_is_the_shared_original():
    from pathlib import Path

    ours = Path(kit.loading.seeds_dir(), "000_32ac5be837c66968.txt").read_bytes()
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_32ac5be837c66968.txt"
    if not shared.exists():
        pytest.skip("the shared seed folder is not beside this checkout")
    assert ours == shared.read_bytes()


def test_seed_metadata(seed):
    assert seed.name == "000_32ac5be837c66968"
    assert seed.metadata["outlet"] == "Press TV"
    assert seed.metadata["section"] == "Iraq / Military"
    assert seed.metadata["language"] == "en"
    assert seed.published == dt.date(2023, 12, 26)
    assert seed.metadata["published_inferred"] is True
    assert "1:45 GMT on Tuesday" in seed.metadata["published_evidence"]
    assert seed.metadata["url"] == ""
    assert seed.headline == "US military pounds three Iraqi resistance sites following retaliatory strikes"
    assert repr(seed).startswith("<Article '000_32ac5be837c66968': Press TV, 2023-12-26 (inferred):")


def test_metadata_is_read_only(seed):
    with pytest.raises(TypeError):
        seed.metadata["outlet"] = "Someone else"


def test_seed_parts(seed):
    parts = seed.parts
    got = [(r.paragraph_id, r.part, r.start_char, r.end_char) for r in parts.itertuples(index=False)]
    assert got == [row[:4] for row in SEED_PARTS]
    for row, text in zip(SEED_PARTS, parts["text"], strict=True):
        assert text.startswith(row[4])
    assert parts["analysed"].tolist() == [p in ("headline", "caption", "body") for p in parts["part"]]
    assert (parts["part"] == "body").sum() == 14


def test_seed_sentences_exactly(seed):
    s = seed.sentences
    got = [
        (r.sentence_id, r.paragraph_id, r.part, r.start_char, r.end_char, r.n_words, r.rule, r.text)
        for r in s.itertuples(index=False)
    ]
    assert got == SEED_SENTENCES
    assert s["part"].value_counts().to_dict() == {"headline": 1, "caption": 1, "body": 16}
    assert s.loc[s["part"] == "body", "paragraph_id"].nunique() == 14


def test_seed_tokens(seed):
    t = seed.tokens
    assert len(t) == 568
    first = t[t["sentence_id"] == 10]
    assert first["text"].tolist()[:6] == ["At", "President", "Joe", "Biden", "’s", "direction"]
    kataib = t[t["lower"] == "kata'ib"]
    assert kataib["text"].tolist() == ["Kata'ib", "Kata’ib", "Kata’ib", "Kata’ib"]
    assert t.loc[t["text"] == "“", "is_punct"].all()
    assert t.loc[t["lower"] == "the", "is_stop"].all()
    assert not t.loc[t["lower"] == "hezbollah", "is_stop"].any()
    assert t["rule"].value_counts().to_dict() == {"word": 489, "punctuation": 62, "number": 11, "clitic": 6}
    assert t.loc[t["rule"] == "clitic", "text"].tolist() == ["’s", "’s", "’s", "’s", "’s", "’s"]
    # n_words counts the tokens that are not punctuation.
    n_words = t[~t["is_punct"]].groupby("sentence_id").size()
    assert n_words.tolist() == seed.sentences["n_words"].tolist()


def test_tokens_match_nltk_regexp_tokenizer(seed):
    """The kit's fast path gives exactly NLTK's RegexpTokenizer spans."""
    from kit.tokens import nltk_tokenizer

    tokenizer = nltk_tokenizer()
    t = seed.tokens
    for row in seed.sentences.itertuples(index=False):
        spans = [(row.start_char + a, row.start_char + b) for a, b in tokenizer.span_tokenize(row.text)]
        mine = t[t["sentence_id"] == row.sentence_id]
        assert spans == list(zip(mine["start_char"], mine["end_char"], strict=True))


def test_tables_are_copies(seed):
    s = seed.sentences
    s.loc[0, "text"] = "changed"
    assert seed.sentences.loc[0, "text"] != "changed"


def test_keys_join(seed):
    merged = seed.tokens.merge(seed.sentences, on="sentence_id", suffixes=("", "_sentence"))
    assert len(merged) == len(seed.tokens)
    assert (
        (merged["start_char"] >= merged["start_char_sentence"])
        & (merged["end_char"] <= merged["end_char_sentence"])
    ).all()
    by_paragraph = seed.sentences.merge(seed.parts, on=["paragraph_id", "part"], suffixes=("", "_part"))
    assert len(by_paragraph) == 18


def test_table_by_name(seed):
    pd.testing.assert_frame_equal(seed.table("tokens"), seed.tokens)
    with pytest.raises(KeyError, match=r"There is no table called 'token'\. Did you mean 'tokens'\?"):
        seed.table("token")


def test_parse_article_matches_load_article(seed):
    pasted = kit.parse_article(seed.text, name="pasted")
    pd.testing.assert_frame_equal(pasted.sentences, seed.sentences)
    assert pasted.metadata == {}
    assert pasted.published is None


def test_table_warnings_point_at_the_learners_line():
    article = kit.parse_article("Headline\n\n“An unclosed quotation, the mayor said.\n\nAnother paragraph.")
    with pytest.warns(kit.KitWarning) as caught:
        article.quotes  # noqa: B018
    assert {w.filename for w in caught} == {__file__}


def test_mistyped_attribute_suggests_the_table(seed):
    with pytest.raises(
        AttributeError, match=r"An Article has no attribute 'sentance'\. Did you mean 'sentences'\?"
    ):
        seed.sentance  # noqa: B018
