"""Tests of kit.framing: the labels table, headline against body, other outlets, reframing."""

from __future__ import annotations

import socket

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.errors import UnknownLabelError
from kit.framing import DEVICES, build_labels, changed_sentences, labels, reframe
from kit.lexicons import data_path
from kit.schemas import RETURNED, schema

# ----- the seed's labels, row by row -------------------------------------------

# (sentence_id, label, actor, target_kind, device, voice, part, rule)
SEED_LABELS = [
    (0, "Iraqi resistance sites", "Sites struck", "place", "Name_Calling,Labeling", "narration", "headline", "name+term+head; actor:annotation; voice:narration"),
    (0, "retaliatory strikes", "Attacks on US forces", "action", "Evaluative_Adjective", "narration", "headline", "term+head; actor:annotation; voice:narration"),
    (1, "anti-terror Kata'ib Hezbollah group", "Kata'ib Hezbollah and allied groups", "actor", "Name_Calling,Labeling", "narration", "caption", "term+head; actor:within; voice:narration"),
    (2, "anti-terror resistance forces", "Kata'ib Hezbollah and allied groups", "actor", "Name_Calling,Labeling", "narration", "body", "term+head; actor:annotation; voice:narration"),
    (2, "American occupation troops", "US troops", "actor", "Name_Calling,Labeling", "narration", "body", "name+term+head; actor:annotation; voice:narration"),
    (3, "necessary and proportionate strikes", "US strikes", "action", "Evaluative_Adjective", "Lloyd Austin", "body", "term+head; actor:annotation; voice:quoted"),
    (6, "precision strikes", "US strikes", "action", "Euphemism", "Lloyd Austin", "body", "term+head; actor:annotation; voice:quoted"),
    (8, "anti-terror fighters", "Kata'ib Hezbollah and allied groups", "actor", "Name_Calling,Labeling", "narration", "body", "term+head; actor:annotation; voice:narration"),
    (11, "US-run military installation", "Bases hosting US forces", "place", "Name_Calling,Labeling", "narration", "body", "term+head; actor:annotation; voice:narration"),
    (11, "firm support", "US support for Israel", "action", "Evaluative_Adjective", "narration", "body", "term+head; actor:annotation; voice:narration"),
    (11, "besieged Gaza Strip", "Gaza", "place", "Loaded_Language", "narration", "body", "term+head; actor:annotation; voice:narration"),
    (13, "Israeli\u00a0regime", "Israel", "actor", "Name_Calling,Labeling", "narration", "body", "name+term; actor:annotation; voice:narration"),
    (13, "Gaza’s resistance groups", "Palestinian armed groups in Gaza", "actor", "Name_Calling,Labeling", "narration", "body", "name+term+head; actor:annotation; voice:narration"),
    (13, "occupying entity", "Israel", "actor", "Name_Calling,Labeling", "narration", "body", "term+head; actor:annotation; voice:narration"),
    (14, "ferocious attacks", "Israeli military campaign in Gaza", "action", "Loaded_Language", "narration", "body", "term+head; actor:annotation; voice:narration"),
    (14, "self-defense", "Israeli military campaign in Gaza", "action", "Scare_Quotes", "narration", "body", "scare_quotes; actor:annotation; voice:narration"),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed_labels(seed) -> pd.DataFrame:
    return seed.labels


def test_seed_labels_rows_exactly(seed_labels):
    got = [
        (r.sentence_id, r.label, r.actor, r.target_kind, r.device, r.voice, r.part, r.rule)
        for r in seed_labels.itertuples()
    ]
    assert got == SEED_LABELS


def test_seed_labels_offsets(seed, seed_labels):
    assert seed_labels["start_char"].tolist()[:5] == [57, 90, 135, 362, 479]
    for r in seed_labels.itertuples():
        assert seed.text[r.start_char : r.end_char] == r.label


def test_seed_voice_of_every_label(seed_labels):
    voices = seed_labels.set_index("label")["voice"].to_dict()
    assert voices.pop("necessary and proportionate strikes") == "Lloyd Austin"
    assert voices.pop("precision strikes") == "Lloyd Austin"
    assert set(voices.values()) == {"narration"}


def test_seed_not_labels(seed_labels):
    # a name that contains a term is a name; a plain descriptor is not in the lexicon
    assert not seed_labels["label"].str.contains("Islamic Resistance").any()
    assert not seed_labels["label"].str.contains("semi-autonomous").any()
    # the partial quotation of Kurilla is a quotation, not scare quotes
    assert (seed_labels["device"] == "Scare_Quotes").sum() == 1


def test_labels_schema(seed_labels):
    cols = schema("labels")
    assert seed_labels.columns.tolist() == [c.name for c in cols]
    for c in cols:
        assert str(seed_labels[c.name].dtype) == c.dtype, c.name
    assert list(seed_labels["device"].cat.categories) == list(DEVICES)
    assert isinstance(seed_labels.index, pd.RangeIndex)
    assert seed_labels["source"].notna().all()


def test_build_labels_takes_its_declared_inputs(seed):
    """The builder reads the Doc, quote_marks and quotes it is given, nothing of the Article."""
    marks, quotes = seed.quote_marks, seed.quotes
    table = build_labels(seed.doc, marks, quotes)
    pd.testing.assert_frame_equal(table, seed.labels)
    pd.testing.assert_frame_equal(marks, seed.quote_marks)  # inputs are not changed
    pd.testing.assert_frame_equal(quotes, seed.quotes)
    # with no attributed quotation, Austin's words are the narration's
    no_quotes = build_labels(seed.doc, marks, quotes.iloc[0:0])
    assert set(no_quotes["voice"]) == {"narration"}
    assert no_quotes.loc[no_quotes["label"] == "precision strikes", "rule"].item().endswith("voice:narration")


def test_extra_terms_extend_the_lexicon(seed):
    extra = pd.DataFrame(
        {"term": ["semi-autonomous"], "device": ["Evaluative_Adjective"], "kind": ["modifier"]}
    )
    t = labels(seed, extra_terms=extra)
    row = t[t["label"] == "semi-autonomous Kurdistan region"].iloc[0]
    assert (row["target_kind"], row["source"], row["actor"]) == (
        "place",
        "added by the learner (extra_terms)",
        "region",
    )
    assert row["rule"] == "term+head; actor:head; voice:narration"
    assert t["label_id"].tolist() == list(range(len(t)))


def test_extra_terms_bad_device(seed):
    with pytest.raises(ValueError) as info:
        labels(seed, extra_terms=[{"term": "heroic", "device": "Loaded_language"}])
    assert str(info.value) == (
        "extra_terms row 0 has device 'Loaded_language', which is not a device the kit knows."
        " Did you mean 'Loaded_Language'? The devices are 'Euphemism', 'Evaluative_Adjective',"
        " 'Loaded_Language', 'Name_Calling,Labeling', 'Scare_Quotes'."
    )
    with pytest.raises(ValueError) as info:
        labels(seed, extra_terms=[{"device": "Loaded_Language"}])
    assert str(info.value) == (
        "extra_terms row 0 ({'device': 'Loaded_Language'}) has no 'term'. Each row needs a 'term'"
        ' and a \'device\', for example {"term": "heroic", "device": "Loaded_Language"}.'
    )
    with pytest.raises(ValueError, match="row 1 .* has no 'device'"):
        labels(seed, extra_terms=[{"term": "heroic", "device": "Loaded_Language"}, {"term": "brave"}])
    with pytest.raises(ValueError, match="has kind 'modifer'. Did you mean 'modifier'?"):
        labels(seed, extra_terms={"term": "heroic", "device": "Loaded_Language", "kind": "modifer"})
    with pytest.raises(TypeError, match="extra_terms must be a DataFrame"):
        labels(seed, extra_terms="heroic")


# ----- headline against body -------------------------------------------------


def test_headline_vs_body_seed(seed):
    hb = kit.headline_vs_body(seed)
    assert hb.columns.tolist() == ["actor", "part", "voice", "names", "n_labels", "n_descriptions"]
    assert hb[["actor", "part", "voice", "names"]].values.tolist() == [
        ["Sites struck", "headline", "narration", "Iraqi resistance sites"],
        [
            "Sites struck",
            "body",
            "narration",
            "three sites used by anti-terror resistance forces | a military facility in Hillah city"
            " | multiple facilities used by the group",
        ],
        [
            "Sites struck",
            "body",
            "Lloyd Austin",
            "three facilities used by Kata’ib Hezbollah and affiliated groups",
        ],
        ["Attacks on US forces", "headline", "narration", "retaliatory strikes"],
        ["Attacks on US forces", "body", "narration", "a drone attack | a one-way attack drone"],
        [
            "Attacks on US forces",
            "body",
            "Lloyd Austin",
            "a series of attacks against US personnel in Iraq and Syria"
            " | an attack by Kata’ib Hezbollah and affiliated groups on Erbil Air Base",
        ],
    ]
    assert hb["n_labels"].tolist() == [1, 0, 0, 1, 0, 0]


def test_headline_vs_body_chosen_actor(seed):
    hb = kit.headline_vs_body(seed, actors="US strikes")
    assert hb[["part", "voice", "names"]].values.tolist() == [
        ["body", "narration", "air strikes | a US strike"],
        ["body", "Lloyd Austin", "necessary and proportionate strikes | precision strikes"],
    ]
    with pytest.raises(ValueError) as info:
        kit.headline_vs_body(seed, actors="US troop")
    assert str(info.value).startswith("The article names no actor 'US troop'. Did you mean 'US troops'?")


# ----- other outlets and sources ---------------------------------------------


def test_outlet_labels_table():
    o = kit.outlet_labels()
    assert o.columns.tolist() == ["outlet", "outlet_kind", "url", "date", "actor", "label"]
    assert len(o) == 34
    assert str(o["outlet"].dtype) == "category" and str(o["outlet_kind"].dtype) == "category"
    assert str(o["url"].dtype) == "string" and str(o["actor"].dtype) == "string"
    assert str(o["date"].dtype).startswith("datetime64")
    assert o.loc[0, "outlet"] == "Press TV (the seed article)" and pd.isna(o.loc[0, "url"])
    assert o.loc[2, "url"].startswith("https://www.centcom.mil/")
    assert o["date"].min() == pd.Timestamp("2023-12-25")


def test_outlet_labels_file_unchanged():
    text = data_path("outlet_labels.csv").read_text(encoding="utf-8")
    assert text.startswith("outlet,outlet_kind,url,date,actor,label\n")
    assert "Reuters,international wire,https://www.cumhuriyetdaily.com/" in text


def test_outlet_labels_join_on_actor(seed_labels):
    joined = seed_labels.merge(kit.outlet_labels(), on="actor", suffixes=("", "_elsewhere"))
    assert sorted(joined["actor"].unique()) == [
        "Kata'ib Hezbollah and allied groups",
        "Sites struck",
        "US strikes",
        "US troops",
    ]
    sites = joined[joined["actor"] == "Sites struck"]
    assert sites[["label", "label_elsewhere"]].values.tolist() == [
        ["Iraqi resistance sites", "Iraqi military sites"]
    ]


def test_corroboration_facts():
    f = kit.corroboration_facts()
    assert f.columns.tolist() == ["fact", "source"] and len(f) == 8
    assert f.loc[1, "fact"].startswith("The drone attack on Erbil Air Base was on Monday 25 December 2023")
    assert f.loc[1, "source"] == "NSC statement by Adrienne Watson, 25 December 2023; CENTCOM release"
    assert (f.dtypes == "string").all()
    text = data_path("corroboration_facts.md").read_text(encoding="utf-8")
    assert text.startswith("# Facts from other sources about the same events")


# ----- reframing -------------------------------------------------------------


def _check_diff(original: str, result) -> None:
    """The diff's offsets slice to old and new words, and replay to the new text."""
    pieces, cursor = [], 0
    for r in result.diff.itertuples():
        assert original[r.start_char : r.end_char] == r.old
        assert result.text[r.new_start : r.new_end] == r.new
        pieces.append(original[cursor : r.start_char] + r.new)
        cursor = r.end_char
    assert "".join(pieces) + original[cursor:] == result.text


def test_reframe_by_label_text(seed):
    before = seed.text
    r = reframe(seed, {"Gaza's resistance groups": "Hamas and allied groups", "ferocious attacks": "attacks"})
    assert seed.text == before and r.original == before
    assert r.diff[["label_id", "start_char", "end_char", "old", "new"]].values.tolist() == [
        [12, 2758, 2775, "Gaza’s resistance", "Hamas and allied"],
        [14, 2961, 2971, "ferocious ", ""],
    ]
    assert "after Hamas and allied groups conducted" in r.text
    assert "backed Israel’s attacks on" in r.text
    _check_diff(before, r)


def test_reframe_by_id_and_actor(seed):
    r = reframe(seed, {11: "Israeli government", "US troops": "US forces"})
    assert r.diff[["label_id", "old", "new"]].values.tolist() == [
        [4, "American occupation troops", "US forces"],
        [11, "\xa0regime", " government"],
    ]
    _check_diff(seed.text, r)
    assert str(r.diff["label_id"].dtype) == "Int64"


def test_reframe_with_another_outlets_labels(seed):
    o = kit.outlet_labels()
    r = reframe(seed, o[o["outlet"] == "Reuters"])
    assert r.diff[["label_id", "old", "new"]].values.tolist() == [
        [2, "anti-terror Kata'ib Hezbollah group", "Iran-aligned militants"],
        [3, "anti-terror resistance forces", "Iran-aligned militants"],
        [4, "American occupation", "U.S."],
        [7, "anti-terror fighters", "Iran-aligned militants"],
    ]
    assert "three sites used by Iran-aligned militants in Iraq" in r.text
    # quoted speakers' words stay as spoken
    assert "necessary and proportionate strikes" in r.text
    _check_diff(seed.text, r)
    shafaq = reframe(seed, o[o["outlet"].str.startswith("Shafaq")])
    assert (
        shafaq.text.splitlines()[2]
        == "US military pounds three Iraqi military sites following retaliatory strikes"
    )
    # Sputnik's label for the US strikes has no narration label to replace: they are labelled in quotes only
    sputnik = reframe(seed, o[o["outlet"] == "Sputnik"])
    assert sputnik.diff[["old", "new"]].values.tolist() == [["American occupation troops", "US servicemen"]]


def test_reframe_sentence_start_capitalised():
    a = kit.parse_article("Storm news\n\nOccupying forces left the town. People came back.")
    r = reframe(a, {"Occupying forces": "soldiers"})
    assert r.text.endswith("Soldiers left the town. People came back.")


def test_reframe_absorbs_the_labels_determiner(seed):
    """A replacement with its own determiner, or a bare name, takes the label's "the"."""
    r = reframe(seed, {"Israel": "the Israeli government"})
    assert "The Israeli government launched the war" in r.text
    assert "operation against the Israeli government in years" in r.text
    assert "the the" not in r.text.lower()
    _check_diff(seed.text, r)
    # the text twin: each changed sentence, before and after
    assert r.sentences["sentence_id"].tolist() == [13]  # both changes are in one sentence
    for row in r.sentences.itertuples():
        assert row.old in seed.text and row.new in r.text and row.old != row.new
    assert r.sentences["new"].iloc[0].startswith("The Israeli government launched the war")
    r = reframe(seed, {"Israel": "Israel"})
    assert "\n\nIsrael launched the war" in r.text
    assert "operation against Israel in years" in r.text
    assert r.diff[["old", "new"]].values.tolist() == [
        ["The Israeli\xa0regime", "Israel"],
        ["the occupying entity", "Israel"],
    ]
    _check_diff(seed.text, r)
    # an initialism keeps "the"; a plain noun phrase keeps it too
    assert "against the U.S. in years" in reframe(seed, {"Israel": "the U.S."}).text
    assert "against the Israeli government in" in reframe(seed, {"Israel": "Israeli government"}).text


def test_reframe_determiner_rules_invented():
    a = kit.parse_article(
        "Town news\n\nA ferocious attack hit the town. They saw an ferocious attack. The regime fell."
    )
    r = reframe(a, {"ferocious attack": "assault", "regime": "the government"})
    assert r.text.endswith("An assault hit the town. They saw an assault. The government fell.")
    r = reframe(a, {"ferocious attack": "big raid", "regime": "Hamas"})
    assert r.text.endswith("A big raid hit the town. They saw a big raid. Hamas fell.")
    r = reframe(a, {"regime": "its government"})
    assert r.text.endswith("Its government fell.")
    _check_diff(a.text, r)


def test_called_quotation_is_the_speakers_voice():
    """Issue 4: "X called Y 'Z'" is an attributed quotation (kit.quotes), so Z is X's words, not scare quotes."""
    a = kit.parse_article("Town news\n\nShop owner Tom Reed called the plan “firm support” for the mayor.")
    t = a.labels
    assert "Scare_Quotes" not in t["device"].tolist()
    assert t[["label", "voice"]].values.tolist() == [["firm support", "Tom Reed"]]


def test_reframe_empty_and_repr(seed):
    r = reframe(seed, {})
    assert r.text == seed.text and len(r.diff) == 0
    assert repr(r) == f"<ReframeResult: 0 changes, {len(seed.text)} characters>"


def test_reframe_unknown_label(seed):
    with pytest.raises(UnknownLabelError) as info:
        reframe(seed, {"Israeli regim": "Israeli government"})
    message = str(info.value)
    assert message.startswith("The article has no label 'Israeli regim'. Did you mean 'Israeli regime'?")
    assert message.endswith("Use a label as written, its label_id, or an actor.")
    assert isinstance(info.value, KeyError)
    with pytest.raises(UnknownLabelError, match="There is no label with label_id 99"):
        reframe(seed, {99: "x"})


def test_reframe_overlap_is_refused():
    a = kit.parse_article("Town news\n\nThe town saw “firm support” again.")
    t = a.labels
    assert t[["label", "device"]].values.tolist() == [
        ["firm support", "Evaluative_Adjective"],
        ["firm support", "Scare_Quotes"],
    ]
    with pytest.raises(ValueError, match=r"overlaps another label you asked to replace"):
        reframe(a, {0: "backing", 1: "support"})
    # the same text names both rows: each place is replaced once
    assert reframe(a, {"firm support": "support"}).text.endswith("The town saw “support” again.")


def test_reframe_bad_inputs(seed):
    with pytest.raises(TypeError, match="must be a string"):
        reframe(seed, {"firm support": 3})
    with pytest.raises(TypeError, match="substitutions must be a dict or a DataFrame"):
        reframe(seed, ["firm support"])
    with pytest.raises(ValueError, match="needs columns 'actor' and 'label'"):
        reframe(seed, pd.DataFrame({"x": [1]}))
    o = kit.outlet_labels()
    with pytest.raises(UnknownLabelError, match="None of the actors"):
        reframe(seed, o[o["actor"] == "Popular Mobilization Forces"])


def test_reframe_one_megabyte_replacement(seed):
    big = "x" * 1_000_000
    r = reframe(seed, {"firm support": big})
    assert len(r.text) == len(seed.text) - len("firm support") + len(big)
    assert r.diff.loc[0, "new"] == big


# ----- any input ---------------------------------------------------------------

_WORDS = [
    "the", "Israeli", "regime", "anti-terror", "resistance", "forces", "said", "militants",
    "besieged", "Gaza", "Strip", "and", "necessary", "proportionate", "strikes", "“self-defense”",
    "Iran-backed", "militia", "groups", "Resistance", "firm", "support", "’s", "occupation", "troops",
    "\u00a0", ",", "precision", "town",
]  # fmt: skip


def _check_invariants(article, table):
    assert table["label_id"].tolist() == list(range(len(table)))
    assert table["start_char"].is_monotonic_increasing
    for r in table.itertuples():
        assert article.text[r.start_char : r.end_char] == r.label
        assert r.start_char < r.end_char
    assert table["device"].notna().all() and table["rule"].notna().all()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), min_size=1, max_size=5),
)
def test_labels_invariants_any_input(sentences):
    body = " ".join(" ".join(words) + "." for words in sentences)
    article = kit.parse_article("A headline\n\n" + body)
    table = article.labels
    _check_invariants(article, table)
    chosen, end = {}, -1
    for r in table.itertuples():  # labels in scare quotes may hold a term's label: skip overlaps
        if r.start_char >= end:
            chosen[r.label_id] = "X  y"
            end = r.end_char
    _check_diff(article.text, reframe(article, chosen))


@pytest.mark.slow
def test_labels_one_megabyte_article():
    body = "The Israeli regime and anti-terror resistance forces met in the besieged Gaza Strip. " * 12_000
    article = kit.parse_article("Headline\n\n" + body)
    assert len(article.text) > 1_000_000
    table = labels(article)
    assert len(table) == 36_000
    assert table["label"].value_counts().to_dict() == {
        "Israeli regime": 12_000,
        "anti-terror resistance forces": 12_000,
        "besieged Gaza Strip": 12_000,
    }


def test_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("kit.framing tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    article = kit.parse_article("Strikes hit sites\n\nThe besieged town saw ferocious attacks on Monday.")
    assert labels(article)["label"].tolist() == ["besieged town", "ferocious attacks"]
    kit.outlet_labels()
    kit.corroboration_facts()
    reframe(article, {"ferocious attacks": "attacks"})


def test_labels_without_the_seed_annotation(seed):
    """Pasted text has no annotation file: the same labels, actors from the general rules."""
    pasted = kit.parse_article(seed.text, metadata=dict(seed.metadata))
    plain = pasted.labels
    annotated = seed.labels
    assert plain[["start_char", "end_char", "label", "device", "voice"]].equals(
        annotated[["start_char", "end_char", "label", "device", "voice"]]
    )
    assert not plain["rule"].str.contains("actor:annotation").any()
    assert plain["actor"].notna().all() and (plain["actor"].str.len() > 0).all()


# ----- the tables functions return -----------------------------------------------


def _assert_schema(name: str, table: pd.DataFrame) -> None:
    cols = schema(name)
    assert table.columns.tolist() == [c.name for c in cols], name
    for c in cols:
        assert str(table[c.name].dtype) == c.dtype, (name, c.name)
    assert isinstance(table.index, pd.RangeIndex)


def test_returned_tables_follow_their_schemas(seed):
    r = reframe(seed, {"Israel": "the Israeli government"})
    empty = reframe(seed, {})
    returned = {
        "headline_vs_body": [
            kit.headline_vs_body(seed),
            kit.headline_vs_body(kit.parse_article("No label\n\nA.\n")),
        ],
        "outlet_labels": [kit.outlet_labels()],
        "corroboration_facts": [kit.corroboration_facts()],
        "reframe_diff": [r.diff, empty.diff],
        "reframe_sentences": [r.sentences, empty.sentences],
    }
    assert set(returned) == {name for name, module in RETURNED.items() if module == "kit.framing"}
    for name, tables in returned.items():
        for table in tables:
            _assert_schema(name, table)
        assert kit.describe(name)["column"].tolist() == tables[0].columns.tolist()


def test_describe_a_returned_table_in_a_fresh_interpreter():
    import subprocess
    import sys

    code = "import kit; print(kit.describe('headline_vs_body')['column'].tolist()[:2])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['actor', 'part']"


def test_changed_sentences_overlap_and_insertion(seed):
    doc = seed.doc
    s = doc.sentences
    a, b = s["start_char"][11], s["end_char"][11]
    # a change across the end of sentence 11 and the start of 12 touches both
    diff = pd.DataFrame(
        {"start_char": [b - 3], "end_char": [b + 3], "new_start": [b - 3], "new_end": [b - 2]}
    )
    new = seed.text[: b - 3] + "X" + seed.text[b + 3 :]
    got = changed_sentences(doc, seed.text, new, diff)
    assert got["sentence_id"].tolist() == [11, 12]
    assert got.loc[0, "old"] == seed.text[a:b]
    # a pure insertion inside a sentence touches it alone
    diff = pd.DataFrame(
        {"start_char": [a + 1], "end_char": [a + 1], "new_start": [a + 1], "new_end": [a + 3]}
    )
    new = seed.text[: a + 1] + "YY" + seed.text[a + 1 :]
    got = changed_sentences(doc, seed.text, new, diff)
    assert got["sentence_id"].tolist() == [11]
    assert got.loc[0, "new"] == new[a : b + 2]


def test_an_articles_own_actor_annotation(tmp_path):
    """``<name>.actors.csv`` beside the file is read like a shipped table: comments, quoted commas."""
    path = tmp_path / "town.txt"
    path.write_text("Town news\n\nThe besieged town saw ferocious attacks.\n", encoding="utf-8")
    (tmp_path / "town.actors.csv").write_text(
        "# my reading of town.txt\nphrase,actor,target_kind,match,source\n"
        'ferocious attacks,"Raids, by the army",action,label,read by hand\n',
        encoding="utf-8",
    )
    t = kit.load_article(path).labels
    assert t[["label", "actor", "rule"]].values.tolist() == [
        ["besieged town", "town", "term+head; actor:head; voice:narration"],
        ["ferocious attacks", "Raids, by the army", "term+head; actor:annotation; voice:narration"],
    ]
    other = tmp_path / "other.txt"
    other.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "other.actors.csv").write_text("phrase,actor\nferocious attacks,Raids\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"The actor annotation 'other.actors.csv' lacks the column\(s\)"):
        kit.load_article(other).labels  # noqa: B018
