"""Tests of kit.quotes and kit.claims: the quotes and claims tables."""

from __future__ import annotations

import time
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.claims import build_claims, claim_kind
from kit.quotes import QuoteWarning, build_quotes
from kit.schemas import frame, schema
from tests.conftest import HANG_LIMIT_S

SEED_QUOTES = [
    (
        0,
        3,
        "direct",
        561,
        757,
        "US military forces conducted necessary and proportionate strikes on three facilities used by Kata’ib Hezbollah and affiliated groups in Iraq,",
        562,
        703,
        "the Pentagon chief Lloyd Austin",
        705,
        736,
        "Lloyd Austin",
        "Pentagon chief",
        "said",
        "in a statement",
        "named",
        "q_sv",
    ),
    (
        1,
        4,
        "indirect",
        759,
        1175,
        "12 service members of the Ministry of Interior as well as seven fighters from the Popular Mobilization Units (PMU), also known as Hashd al-Sha’abi, have sustained injuries in a US strike against a military facility in Hillah city, located 100 kilometers (62 miles) south of the capital Baghdad",
        881,
        1174,
        "An Iraqi security source",
        759,
        783,
        None,
        None,
        "told",
        "the Arabic-language al-Sumaria television channel",
        "anonymous",
        "sv_c",
    ),
    (
        2,
        5,
        "indirect",
        1177,
        1254,
        "one PMU member has also been killed\xa0in the strike",
        1204,
        1253,
        "Press TV sources",
        1177,
        1193,
        None,
        None,
        "said",
        None,
        "own_sources",
        "sv_c",
    ),
    (
        3,
        6,
        "direct",
        1256,
        1468,
        "These precision strikes are a response to a series of attacks against US personnel in Iraq and Syria, including an attack by Kata’ib Hezbollah and affiliated groups on Erbil Air Base earlier today,",
        1257,
        1454,
        "Austin",
        1456,
        1462,
        "Lloyd Austin",
        "Pentagon chief",
        "said",
        None,
        "named",
        "q_sv",
    ),
    (
        4,
        7,
        "indirect",
        1470,
        1622,
        "That attack wounded three US military personnel, one critically",
        1470,
        1533,
        "US National Security Council spokesperson Adrienne Watson",
        1535,
        1592,
        "Adrienne Watson",
        "US National Security Council spokesperson",
        "said",
        "in a separate statement",
        "named",
        "c_sv",
    ),
    (
        5,
        8,
        "indirect",
        1624,
        1838,
        "responsibility for the strike, which was carried out with a one-way attack drone",
        1757,
        1837,
        "The Islamic Resistance in Iraq",
        1624,
        1654,
        "Islamic Resistance in Iraq",
        "an umbrella group of anti-terror fighters",
        "claimed",
        "in a statement published on its Telegram channel",
        "organization",
        "sv_c",
    ),
    (
        6,
        9,
        "indirect",
        1840,
        2074,
        "Biden was briefed on the attack on Monday morning, and directed the strikes in a call with Austin and other national security officials after ordering the Pentagon to prepare a response",
        1840,
        2025,
        "the White House National Security Council",
        2027,
        2068,
        "US National Security Council",
        None,
        "said",
        None,
        "organization",
        "c_sv",
    ),
    (
        7,
        10,
        "mixed",
        2076,
        2373,
        "At President Joe Biden’s direction, the US military carried out the strikes at 1:45 GMT on Tuesday, likely killing “a number of Kata’ib Hezbollah” members and destroying multiple facilities used by the group",
        2076,
        2283,
        "General Michael Erik Kurilla",
        2285,
        2313,
        "Michael Erik Kurilla",
        "General, head of US Central Command (CENTCOM)",
        "said",
        "in a statement",
        "named",
        "c_sv",
    ),
]

COLUMNS = [c.name for c in schema("quotes") if c.name not in ("speaker_entity_id", "continues_quote_id")]


def _rows(df: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in r) for r in df[columns].itertuples(index=False)]


def _quiet_quotes(text: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteWarning)
        return kit.parse_article(text).quotes


# ----- the seed ------------------------------------------------------------------------


def test_seed_quote_rows_exactly(seed):
    assert _rows(seed.quotes, COLUMNS) == SEED_QUOTES
    assert seed.quotes["continues_quote_id"].isna().all()  # eight statements, each in one piece


def test_seed_schema(seed):
    q = seed.quotes
    assert list(q.columns) == [c.name for c in schema("quotes")]
    assert [str(q[c.name].dtype) for c in schema("quotes")] == [
        "category" if c.dtype == "category" else c.dtype for c in schema("quotes")
    ]
    assert isinstance(q.index, pd.RangeIndex)


def test_seed_speakers_join_entities(seed):
    q = seed.quotes
    ents = seed.entities
    linked = q.dropna(subset=["speaker_entity_id"])
    assert len(linked) == 6  # Austin twice, Watson, the Islamic Resistance, the NSC, Kurilla
    merged = linked.merge(ents, left_on="speaker_entity_id", right_on="entity_id")
    names = merged.groupby("quote_id")["name"].agg(set)
    for qid, name in zip(linked["quote_id"], linked["speaker_name"]):
        assert name in names[qid]
    # the speaker's words overlap a mention of its entity
    for r in linked.itertuples():
        m = ents[ents["entity_id"] == r.speaker_entity_id]
        assert ((m["start_char"] < r.speaker_end) & (m["end_char"] > r.speaker_start)).any()


def test_seed_scare_quote_left_out(seed):
    marks = seed.quote_marks
    scare = marks.loc[marks["text"] == "“self-defense.”"].iloc[0]
    q = seed.quotes
    assert not ((q["start_char"] <= scare["start_char"]) & (q["end_char"] >= scare["end_char"])).any()


def test_seed_claims(seed):
    c = seed.claims
    assert list(c.columns) == [col.name for col in schema("claims")]
    assert c.loc[c["unattributed_claim"], "sentence_id"].tolist() == [11, 12]
    assert c.loc[[11, 12], "claim_kind"].tolist() == ["casualty_figure", "casualty_figure"]
    assert c.loc[[11, 12], "rule"].tolist() == ["casualty_number", "casualty_number"]
    # Austin's quoted sentences are attributed, not flagged
    assert c.loc[[3, 6], "attributed"].tolist() == [True, True]
    assert c.loc[[3, 6], "quote_id"].tolist() == [0, 3]
    assert not c.loc[[3, 6], "unattributed_claim"].any()
    # sentences 4, 5 and 7 hold casualty figures, but attributed in the same sentence
    assert c.loc[[5, 7], "claim_kind"].tolist() == ["casualty_figure", "casualty_figure"]
    assert not c.loc[[4, 5, 7], "unattributed_claim"].any()
    assert c.loc[15, "claim_kind"] == "money"
    assert c["attributed"].sum() == 8


# ----- each pattern in a small case ------------------------------------------------------

H = "Storm hits town\n\n"
CASES = [
    # (name, text, [(kind, content, speaker, speaker_name, cue, channel, source_type, rule)])
    (
        "q_sv",
        H + '"The water rose fast," the mayor said.',
        [("direct", "The water rose fast,", "the mayor", None, "said", None, "named", "q_sv")],
    ),
    (
        "q_vs",
        H + '"The water rose fast," said Mayor Ana Ruiz.',
        [("direct", "The water rose fast,", "Mayor Ana Ruiz", "Ana Ruiz", "said", None, "named", "q_vs")],
    ),
    (
        "sv_colon_q",
        H + 'Mayor Ana Ruiz said: "The water rose fast."',
        [("direct", "The water rose fast.", "Mayor Ana Ruiz", "Ana Ruiz", "said", None, "named", "sv_q")],
    ),
    (
        "sv_that_c",
        H + "Mayor Ana Ruiz said that the water rose fast.",
        [("indirect", "the water rose fast", "Mayor Ana Ruiz", "Ana Ruiz", "said", None, "named", "sv_c")],
    ),
    (
        "sv_c_without_that",
        H + "Mayor Ana Ruiz said the water rose fast.",
        [("indirect", "the water rose fast", "Mayor Ana Ruiz", "Ana Ruiz", "said", None, "named", "sv_c")],
    ),
    (
        "according_to_s_c",
        H + "According to the fire service, the water rose fast.",
        [
            (
                "indirect",
                "the water rose fast",
                "the fire service",
                None,
                "according to",
                None,
                "organization",
                "according_to",
            )
        ],
    ),
    (
        "c_according_to_s",
        H + "The water rose fast, according to the fire service.",
        [
            (
                "indirect",
                "The water rose fast",
                "the fire service",
                None,
                "according to",
                None,
                "organization",
                "according_to",
            )
        ],
    ),
    (
        "in_a_statement_s_v",
        H + "In a statement, the fire service said the water rose fast.",
        [
            (
                "indirect",
                "the water rose fast",
                "the fire service",
                None,
                "said",
                "In a statement",
                "organization",
                "sv_c",
            )
        ],
    ),
    (
        "s_v_in_a_statement",
        H + "The water rose fast, the fire service said in a statement.",
        [
            (
                "indirect",
                "The water rose fast",
                "the fire service",
                None,
                "said",
                "in a statement",
                "organization",
                "c_sv",
            )
        ],
    ),
    (
        "told_outlet",
        H + "A police source told the BBC that the water rose fast.",
        [
            (
                "indirect",
                "the water rose fast",
                "A police source",
                None,
                "told",
                "the BBC",
                "anonymous",
                "sv_c",
            )
        ],
    ),
    (
        "told_audience",
        H + "Mayor Ana Ruiz told reporters the water rose fast.",
        [
            (
                "indirect",
                "the water rose fast",
                "Mayor Ana Ruiz",
                "Ana Ruiz",
                "told",
                "reporters",
                "named",
                "sv_c",
            )
        ],
    ),
    (
        "continued_over_paragraphs",
        H + "“The water rose fast,” Mayor Ana Ruiz said. “We moved everyone out.\n\n“Nobody was hurt.”",
        [
            ("direct", "The water rose fast,", "Mayor Ana Ruiz", "Ana Ruiz", "said", None, "named", "q_sv"),
            (
                "direct",
                "We moved everyone out.\n\n“Nobody was hurt.",
                None,
                "Ana Ruiz",
                "said",
                None,
                "named",
                "floating+continued",
            ),
        ],
    ),
    (
        "floating",
        H + "“The water rose fast,” Mayor Ana Ruiz said.\n\n“Nobody was hurt.”",
        [
            ("direct", "The water rose fast,", "Mayor Ana Ruiz", "Ana Ruiz", "said", None, "named", "q_sv"),
            ("direct", "Nobody was hurt.", None, "Ana Ruiz", "said", None, "named", "floating"),
        ],
    ),
    (
        "mixed",
        H + "The mayor said the flood was “the worst in living memory” and asked for help.",
        [
            (
                "mixed",
                "the flood was “the worst in living memory” and asked for help",
                "The mayor",
                None,
                "said",
                None,
                "named",
                "sv_c",
            )
        ],
    ),
    (
        "pronoun_she",
        H
        + "Mayor Ana Ruiz spoke on Monday.\n\n“The water rose fast,” Ruiz said.\n\nShe said the town would rebuild.",
        [
            ("direct", "The water rose fast,", "Ruiz", "Ana Ruiz", "said", None, "named", "q_sv"),
            ("indirect", "the town would rebuild", "She", "Ana Ruiz", "said", None, "named", "sv_c+pronoun"),
        ],
    ),
    (
        "pronoun_it",
        H + "The fire service said 40 homes were flooded.\n\nIt said the roads would reopen on Friday.",
        [
            (
                "indirect",
                "40 homes were flooded",
                "The fire service",
                None,
                "said",
                None,
                "organization",
                "sv_c",
            ),
            (
                "indirect",
                "the roads would reopen on Friday",
                "It",
                None,
                "said",
                None,
                "organization",
                "sv_c+pronoun",
            ),
        ],
    ),
    (
        "anonymous",
        H + "Officials, speaking on condition of anonymity, said the dam had cracked.",
        [("indirect", "the dam had cracked", "Officials", None, "said", None, "anonymous", "sv_c")],
    ),
    (
        "own_sources",
        "---\noutlet: Daily Example\n---\n" + H + "Daily Example sources said the dam had cracked.",
        [
            (
                "indirect",
                "the dam had cracked",
                "Daily Example sources",
                None,
                "said",
                None,
                "own_sources",
                "sv_c",
            )
        ],
    ),
    ("scare_quote", H + "The town called the barrier a “wall of hope” last year.", []),
    (
        "straight_marks_honorific",
        H + '"The water rose fast," Dr. Omar Haddad said.',
        [("direct", "The water rose fast,", "Dr. Omar Haddad", "Omar Haddad", "said", None, "named", "q_sv")],
    ),
    (
        "nested_quotes",
        H + "“He told me ‘get out now,’ and I did,” said resident Lina Park.",
        [
            (
                "direct",
                "He told me ‘get out now,’ and I did,",
                "resident Lina Park",
                "Lina Park",
                "said",
                None,
                "named",
                "q_vs",
            )
        ],
    ),
    (
        "honorific_ms",
        H + "Ms. Lina Park said the alarm came too late.",
        [
            (
                "indirect",
                "the alarm came too late",
                "Ms. Lina Park",
                "Lina Park",
                "said",
                None,
                "named",
                "sv_c",
            )
        ],
    ),
]
PATTERN_COLUMNS = ["kind", "content", "speaker", "speaker_name", "cue", "channel", "source_type", "rule"]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_pattern(name, text, expected):
    assert _rows(_quiet_quotes(text), PATTERN_COLUMNS) == expected


def test_claim_kinds():
    assert claim_kind("The war has killed at least 20,674 people.") == ("casualty_figure", "casualty_number")
    assert claim_kind("Prices rose 38 percent since June.") == ("statistic", "percent")
    assert claim_kind("More than 300 bakeries closed.") == ("statistic", "hedged_number")
    assert claim_kind("The city has 250,000 residents.") == ("statistic", "large_number")
    assert claim_kind("It opened at 1:45 GMT on May 31, 2019.") == ("none", "none")


def test_claim_attributed_in_sentence_is_not_flagged():
    a = kit.parse_article(H + "Officials said 40 people were killed. Another 12 people were injured.")
    c = a.claims
    assert c["unattributed_claim"].tolist() == [False, False, True]
    assert c["attributed"].tolist() == [False, True, False]


# ----- invariants for any input --------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Ana Ruiz",
        "the mayor",
        "said",
        "told",
        "reporters",
        "that",
        "according to",
        "he",
        "she",
        "it",
        "officials",
        "“",
        "”",
        '"',
        ",",
        ".",
        ":",
        "\n\n",
        "the water rose",
        "in a statement",
        "Mr.",
        "killed 40",
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=1, max_size=40))
def test_invariants(pieces):
    text = "Headline here\n\n" + " ".join(pieces) + " end."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = kit.parse_article(text)
        q = a.quotes
        c = a.claims
    assert q["quote_id"].tolist() == list(range(len(q)))
    assert isinstance(q.index, pd.RangeIndex)
    for r in q.itertuples():
        assert a.text[r.content_start : r.content_end] == r.content
        assert r.start_char <= r.content_start <= r.content_end <= r.end_char
        if not pd.isna(r.speaker):
            assert a.text[r.speaker_start : r.speaker_end] == r.speaker
            assert r.start_char <= r.speaker_start < r.speaker_end <= r.end_char
        assert r.kind in ("direct", "indirect", "mixed")
        assert r.source_type in ("named", "organization", "anonymous", "own_sources")
    assert c["sentence_id"].tolist() == a.sentences["sentence_id"].tolist()
    assert set(c["quote_id"].dropna()) <= set(q["quote_id"])


# ----- bad input ----------------------------------------------------------------------


def _without_entities(article):
    """Give the article an empty entities table, to time the quote extractor alone."""
    empty = frame("entities", {c.name: [] for c in schema("entities")})
    article.__dict__.setdefault("_cache", {})["entities"] = empty
    return article


def _timed(text: str):
    with warnings.catch_warnings():
        # The sentence splitter may warn about a text with no full stops: not what is tested.
        warnings.simplefilter("ignore")
        a = _without_entities(kit.parse_article(text))
        doc, marks, ents = a.doc, a.quote_marks, a.table("entities")  # not what is timed
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t0 = time.perf_counter()
        q = build_quotes(doc, marks, ents)
        c = build_claims(doc, q)
        elapsed = time.perf_counter() - t0
    return q, c, elapsed, [w for w in caught if issubclass(w.category, QuoteWarning)]


def test_unbalanced_quotation_mark_warns():
    q, _, elapsed, caught = _timed(H + "“The water rose fast, the mayor said.\n\nThe town was evacuated.")
    assert q.empty
    assert elapsed < HANG_LIMIT_S
    assert [str(w.message) for w in caught] == [
        "The quotation mark at character 17 in sentence 1 ('“The water rose fast, the mayor said.'...)"
        " is never closed, so the kit cannot tell where the quotation ends and left it out of"
        " the quotes table. Add the closing quotation mark to the text, then load the article again."
    ]


def test_unbalanced_does_not_hide_other_quotes():
    q, _, _, caught = _timed(H + "Mayor Ana Ruiz said the water rose.\n\n“Nobody came,” she said. “Then")
    assert q["content"].tolist() == ["the water rose", "Nobody came,"]
    assert len(caught) == 1


def test_one_megabyte_paragraph():
    q, c, elapsed, _ = _timed(H + "word " * 200_000)
    assert q.empty and len(c) >= 2
    assert elapsed < HANG_LIMIT_S


def test_sentence_too_long_warns_with_its_offsets(monkeypatch):
    # kit.sentences now cuts a paragraph with no full stops into 5,000-character pieces, so
    # the guard is shown with a lower limit.
    monkeypatch.setattr("kit.quotes.indirect.MAX_SENTENCE_CHARS", 1000)
    q, _, _, caught = _timed(H + "Smith said " * 200)
    assert q.empty
    assert [str(w.message) for w in caught] == [
        "Sentence 1 (characters 17 to 2,216) is 2,199 characters long with no sentence end; the kit"
        " did not look for reported speech in it (a news sentence is under 500 characters). Check"
        " that the text kept its full stops, add the missing ones, then load the article again."
    ]


def test_ten_thousand_quotation_marks():
    q, _, elapsed, caught = _timed(H + '"a" ' * 5_000)
    assert q.empty
    assert elapsed < HANG_LIMIT_S
    assert [str(w.message) for w in caught] == [
        "Paragraph 1 (its quotation marks run from character 17 to 20,016) has 5000 spans between"
        " quotation marks; the kit did not look for direct quotes in it (at most 200). Check that"
        " the text is a news article and that its quotation marks are not damaged"
        " (article.quote_marks lists the spans), then load the article again."
    ]


def test_name_repeated_a_million_times():
    q, _, elapsed, _ = _timed(H + "Smith " * 1_000_000)
    assert q.empty
    assert elapsed < HANG_LIMIT_S


def test_many_cues_stay_linear():
    q, _, elapsed, _ = _timed(H + "Smith said the water rose. " * 20_000)
    assert len(q) == 20_000
    assert elapsed < HANG_LIMIT_S


def test_without_an_entity_table_speakers_stay_as_written():
    a = kit.parse_article(H + "Mayor Ana Ruiz said the water rose fast.")
    q = build_quotes(a.doc, a.quote_marks, None)
    assert q["speaker"].tolist() == ["Mayor Ana Ruiz"]
    assert q["speaker_entity_id"].isna().all()


# ----- cases added for the blind evaluation's error classes (invented sentences) ---------

MORE_CASES = [
    (
        "anonymous_relative_clause",
        H + "A senior port official who asked not to be named because he lacked clearance said the"
        " dock would reopen.",
        [("indirect", "the dock would reopen", "anonymous", "sv_c")],
    ),
    (
        "people_familiar_with",
        H + "Three people familiar with the bank's accounts said losses could widen.",
        [("indirect", "losses could widen", "anonymous", "sv_c")],
    ),
    (
        "had_argued_that",
        H + "The defence lawyer, Ravi Mehta, had argued that the contract was void.",
        [("indirect", "the contract was void", "named", "sv_c")],
    ),
    (
        "announced_in_month_that",
        H + "The regional water board announced in March that it would raise prices.",
        [("indirect", "it would raise prices", "organization", "sv_c")],
    ),
    (
        "cautioned_that_modified_subject",
        H + "Economists not involved in the survey cautioned that the sample was small.",
        [("indirect", "the sample was small", "anonymous", "sv_c")],
    ),
    (
        "reported_on_day",
        H + "Rents rose faster than wages last year, analysts in Oslo reported on Tuesday.",
        [("indirect", "Rents rose faster than wages last year", "anonymous", "c_sv")],
    ),
    (
        "second_attribution",
        H + "About 300 people attended, according to the council, while organizers said 900 came.",
        [
            ("indirect", "About 300 people attended", "organization", "according_to"),
            ("indirect", "900 came", "anonymous", "sv_c"),
        ],
    ),
    (
        "said_colon_then_paragraph_quote",
        H + "In a statement after the vote, Mayor Ana Ruiz said:\n\n“We will rebuild the bridge.”",
        [("direct", "We will rebuild the bridge.", "named", "sv_q")],
    ),
    (
        "single_marks",
        H + "‘We will rebuild,’ Mayor Ana Ruiz said. ‘The farmers’ market opens first.’",
        [
            ("direct", "We will rebuild,", "named", "q_sv"),
            ("direct", "The farmers’ market opens first.", "named", "floating"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), MORE_CASES, ids=[c[0] for c in MORE_CASES])
def test_more_patterns(name, text, expected):
    assert _rows(_quiet_quotes(text), ["kind", "content", "source_type", "rule"]) == expected


def test_pronoun_agrees_in_gender():
    text = (
        H + "“The levy passed,” said Mayor Denise Okafor.\n\n"
        "“It is a mistake,” said Councillor Peter Lund.\n\n"
        "She told reporters that buses would run later."
    )
    q = _quiet_quotes(text)
    assert q["speaker_name"].tolist() == ["Denise Okafor", "Peter Lund", "Denise Okafor"]
    assert q["rule"].tolist()[-1] == "sv_c+pronoun"


def test_pronoun_gender_from_honorific_and_anonymous_clue():
    text = (
        H + "Mr. Carlsen said the mill would close.\n\n"
        "One, a cook who asked that her name not be used, said in an interview that pay was late.\n\n"
        "“We were never told,” she said."
    )
    q = _quiet_quotes(text)
    assert q["source_type"].tolist() == ["named", "anonymous", "anonymous"]
    assert q["speaker_name"].isna().tolist() == [False, True, True]


def test_definite_organisation_takes_the_last_fitting_name():
    text = (
        H + "Norrvik Foods said it would close a plant.\n\n"
        "The cuts will hit the night shift, the company said.\n\n"
        "The Harbour Children's Fund said donations fell. The charity's trustees said they would"
        " appeal.\n\n“We will not give up,” it said."
    )
    q = _quiet_quotes(text)
    assert q.loc[1, "rule"] == "c_sv+reference"
    assert q.loc[1, "speaker_name"] == q.loc[0, "speaker_name"]
    assert q["content"].iloc[-1] == "We will not give up,"
    assert q["source_type"].iloc[-1] == "organization"


def test_appositive_keeps_the_head_name():
    text = (
        H + "In Quito, retired Col. Hugo Paredes, a former pilot who now leads the Aire Libre"
        " movement, said the deal was a mistake."
    )
    q = _quiet_quotes(text)
    assert q["speaker_name"].tolist() == ["Hugo Paredes"]
    assert q["source_type"].tolist() == ["named"]


def test_claim_kinds_penalty_ratio_and_four_figures():
    assert claim_kind("She faces up to 15 years in prison if convicted.") == ("none", "none")
    assert claim_kind("Nearly one in three clinics has closed.") == ("statistic", "ratio")
    assert claim_kind("Brewer to cut 2,300 jobs") == ("none", "none")
    assert claim_kind("The city has 12,500 residents.") == ("statistic", "large_number")


def test_own_sources_when_the_outlet_name_starts_with_the():
    article = kit.parse_article(
        "Council delays vote\n\nThe council will delay the vote, Gazette sources said on Monday.",
        metadata={"outlet": "The Gazette"},
    )
    assert article.quotes["source_type"].tolist() == ["own_sources"]


# ----- reviewers' cases (invented sentences), one or more per fix -------------------------

FIX_COLUMNS = ["kind", "content", "speaker_name", "speaker_role", "cue", "channel", "source_type", "rule"]
FIX_CASES = [
    (
        "age_appositive_before_role",
        H + 'Jane Smith, 45, a nurse, said: "I am tired."',
        [("direct", "I am tired.", "Jane Smith", "a nurse", "said", None, "named", "sv_q")],
    ),
    (
        "age_appositive_then_pronouns",
        H + 'Dolores Yazzie, 72, said the clinic had closed. "We have nowhere to go," she said.\n\n'
        '"It is hard," she added.',
        [
            ("indirect", "the clinic had closed", "Dolores Yazzie", None, "said", None, "named", "sv_c"),
            (
                "direct",
                "We have nowhere to go,",
                "Dolores Yazzie",
                None,
                "said",
                None,
                "named",
                "q_sv+pronoun",
            ),
            ("direct", "It is hard,", "Dolores Yazzie", None, "added", None, "named", "q_sv+pronoun"),
        ],
    ),
    (
        "age_appositive_inverted",
        H + "The clinic closed in May, said Dolores Yazzie, 72, a retired teacher.",
        [
            (
                "indirect",
                "The clinic closed in May",
                "Dolores Yazzie",
                "a retired teacher",
                "said",
                None,
                "named",
                "c_vs",
            )
        ],
    ),
    (
        "pronoun_takes_its_sentence_subject",
        H + "Opposition leader Tom Hale called it 'a disaster', he told the BBC.",
        [
            (
                "direct",
                "a disaster",
                "Tom Hale",
                "Opposition leader",
                "told",
                "the BBC",
                "named",
                "q_sv+pronoun",
            )
        ],
    ),
    (
        "according_to_document_of_lower_case_source",
        H + "According to port authority figures, 4,000 containers are stuck at the docks.",
        [
            (
                "indirect",
                "4,000 containers are stuck at the docks",
                None,
                None,
                "according to",
                None,
                "organization",
                "according_to",
            )
        ],
    ),
    (
        "called_label_in_marks",
        H + 'A Palestinian official called the strikes "a brutal massacre".',
        [
            (
                "mixed",
                'the strikes "a brutal massacre"',
                None,
                None,
                "called",
                None,
                "anonymous",
                "called_q",
            )
        ],
    ),
    (
        "described_as_label",
        H + "Prime Minister Ana Ruiz described the plan as ‘reckless’.",
        [
            (
                "mixed",
                "the plan as ‘reckless’",
                "Ana Ruiz",
                "Prime Minister",
                "described",
                None,
                "named",
                "called_q",
            )
        ],
    ),
    (
        "branded_label_then_said",
        H + "The union branded the offer “an insult” and said it would strike.",
        [
            (
                "mixed",
                "the offer “an insult” and said it would strike",
                None,
                None,
                "branded",
                None,
                "organization",
                "called_q",
            )
        ],
    ),
    (
        # "called for" is not a label, but a demand: a statement whose content is its object
        "called_for_is_a_demand_not_a_label",
        H + "Critics called for a “full inquiry”.",
        [("mixed", "a “full inquiry”", None, None, "called for", None, "anonymous", "sv_c")],
    ),
    ("label_with_no_one_to_give_it", H + "They called it “firm support” again.", []),
    ("so_called_is_not_a_label", H + "The so-called “peace plan” failed.", []),
    (
        "company_said_on_day_it_had",
        H + "Tidewater Logistics Inc said on Tuesday it had agreed to buy Corvane Shipping for $2 billion.",
        [
            (
                "indirect",
                "it had agreed to buy Corvane Shipping for $2 billion",
                "Tidewater Logistics Inc",
                None,
                "said",
                None,
                "organization",
                "sv_c",
            )
        ],
    ),
    (
        "company_said_in_a_filing",
        H + "Tidewater Logistics Inc said on Tuesday it had agreed to buy Corvane Shipping.\n\n"
        "The deal is expected to close in March, the company said in a regulatory filing.",
        [
            (
                "indirect",
                "it had agreed to buy Corvane Shipping",
                "Tidewater Logistics Inc",
                None,
                "said",
                None,
                "organization",
                "sv_c",
            ),
            (
                "indirect",
                "The deal is expected to close in March",
                "Tidewater Logistics Inc",
                None,
                "said",
                "in a regulatory filing",
                "organization",
                "c_sv+reference",
            ),
        ],
    ),
    (
        "closing_attribution_with_any_prepositional_phrase",
        H + "Wages rose by a third, the bank said in its quarterly letter to investors.",
        [
            (
                "indirect",
                "Wages rose by a third",
                None,
                None,
                "said",
                "in its quarterly letter to investors",
                "organization",
                "c_sv",
            )
        ],
    ),
    (
        "role_before_the_name",
        H + '"The teams will merge," Halvern\'s chief executive, Ms. Ana Ruiz, said on a call with analysts.',
        [
            (
                "direct",
                "The teams will merge,",
                "Ana Ruiz",
                "Halvern's chief executive",
                "said",
                "on a call with analysts",
                "named",
                "q_sv",
            )
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), FIX_CASES, ids=[c[0] for c in FIX_CASES])
def test_fix_patterns(name, text, expected):
    assert _rows(_quiet_quotes(text), FIX_COLUMNS) == expected


def test_sentence_subject_beats_an_earlier_speaker():
    text = (
        H + "Mayor Peter Lund said the plan would pass.\n\n"
        "Opposition leader Tom Hale called it “a disaster”, he told the BBC.\n\n"
        "“We will fight it,” he said."
    )
    q = _quiet_quotes(text)
    assert q["speaker_name"].tolist() == ["Peter Lund", "Tom Hale", "Tom Hale"]


def test_according_to_document_is_attributed_in_claims():
    a = kit.parse_article(H + "According to port authority figures, 4,000 containers are stuck at the docks.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteWarning)
        c = a.claims
    assert c["attributed"].tolist() == [False, True]
    assert c["unattributed_claim"].tolist() == [False, False]
    assert a.quotes["speaker"].tolist() == ["port authority"]


def test_called_label_is_attributed_in_claims():
    a = kit.parse_article(H + 'A Palestinian official called the strikes "a brutal massacre".')
    assert a.claims["attributed"].tolist() == [False, True]
    assert a.quote_marks["text"].tolist() == ['"a brutal massacre"']


@pytest.mark.parametrize(
    "text",
    [
        "The strike will go ahead, said Marta Kowalczyk, the union's general secretary.",
        "Marta Kowalczyk, the union's general secretary, said the strike will go ahead.",
        "Marta Kowalczyk, 51, said the strike will go ahead.",
    ],
)
def test_role_or_age_after_a_name_makes_a_person_whatever_the_entity_type(text):
    a = kit.parse_article(H + text)
    ents = a.entities.copy()
    mine = ents["text"].isin(["Marta Kowalczyk", "Kowalczyk", "Marta"])
    assert mine.any()
    ents.loc[mine, "type"] = "ORGANIZATION"  # as if the entity table had typed it wrongly
    a.__dict__["_cache"]["entities"] = ents
    q = a.quotes
    assert q["speaker_name"].tolist() == ["Marta Kowalczyk"]
    assert q["source_type"].tolist() == ["named"]
    # joined to the entity when it covers the whole name; when it covers only a part, the
    # name as written is the speaker's and there is no entity to join
    whole = ents.loc[ents["text"] == "Marta Kowalczyk", "entity_id"].tolist()
    assert _rows(q, ["speaker_entity_id"]) == [(whole[0] if whole else None,)]


def test_many_labels_stay_linear():
    q, _, elapsed, _ = _timed(H + "Ana Ruiz called it “a mess” and said it would end.\n\n" * 2_000)
    assert q["rule"].tolist() == ["called_q"] * 2_000
    assert elapsed < HANG_LIMIT_S


# ----- real news: each kind of the sourcing issue, a sentence or two written for the test -----

REAL_NEWS_COLUMNS = ["kind", "content", "speaker", "cue", "rule"]
REAL_NEWS_CASES = [
    # quote marks as real text writes them
    (
        "doubled_apostrophes",
        "''We are ready,'' the mayor said.",
        [("direct", "We are ready,", "the mayor", "said", "q_sv")],
    ),
    (
        "question_then_name_said",
        "“Why would we leave?” Ana Ruiz said.",
        [("direct", "Why would we leave?", "Ana Ruiz", "said", "q_sv")],
    ),
    # cues
    (
        "complained_that",
        "The union complained that pay was low.",
        [("indirect", "pay was low", "The union", "complained", "sv_c")],
    ),
    (
        "vowed",
        "The governor vowed to veto the bill.",
        [("indirect", "to veto the bill", "The governor", "vowed", "sv_c")],
    ),
    (
        "insisted_without_that",
        "Ministers have insisted they will not raise taxes.",
        [("indirect", "they will not raise taxes", "Ministers", "insisted", "sv_c")],
    ),
    (
        "added_without_that",
        "He added some projects would be delayed.",
        [("indirect", "some projects would be delayed", "He", "added", "sv_c")],
    ),
    (
        "participle_saying",
        "Trump attacked the plan on Monday, saying it would fail.",
        [("indirect", "it would fail", "Trump", "saying", "s_ving_c")],
    ),
    (
        "adverb_before_cue",
        "Clinton famously said the race was over.",
        [("indirect", "the race was over", "Clinton", "said", "sv_c")],
    ),
    (
        "auxiliary_and_adverb_before_cue",
        "Officials have already warned that the dam could fail.",
        [("indirect", "the dam could fail", "Officials", "warned", "sv_c")],
    ),
    (
        "time_phrase_before_cue",
        "Officials this week said the bridge was unsafe.",
        [("indirect", "the bridge was unsafe", "Officials", "said", "sv_c")],
    ),
    (
        "cue_in_subordinate_clause",
        "The bank raised rates after the Fed chairman said inflation was too high.",
        [("indirect", "inflation was too high", "the Fed chairman", "said", "sv_c")],
    ),
    (
        "colon_as_cue",
        "The debate went on.\n\nMS. CLINTON: We will win this. We are ready.",
        [("indirect", "We will win this. We are ready", "MS. CLINTON", ":", "s_colon")],
    ),
    ("colon_label_is_not_a_speaker", "UPDATE: The vote is delayed.", []),
    ("colon_after_a_title_is_not_a_cue", "The Latest: Three towns cast first votes.", []),
    ("colon_after_a_clause_is_not_a_cue", "FIX IS IN: Moderators ignore the scandals.", []),
    (
        "according_to_an_unknown_source_is_kept",
        "Voters like him, according to early results of exit polls conducted by Edison Research.",
        [
            (
                "indirect",
                "Voters like him",
                "early results of exit polls conducted by Edison Research",
                "according to",
                "according_to",
            )
        ],
    ),
    (
        "a_report_as_speaker",
        "The report says wages fell in March.",
        [("indirect", "wages fell in March", "The report", "says", "sv_c")],
    ),
    (
        "called_for",
        "The senator called for a full inquiry.",
        [("indirect", "a full inquiry", "The senator", "called for", "sv_c")],
    ),
    # speakers
    (
        "long_speaker_phrase",
        "Republican presidential nominee Donald Trump said the race was rigged.",
        [("indirect", "the race was rigged", "Republican presidential nominee Donald Trump", "said", "sv_c")],
    ),
    (
        "role_before_name",
        "Psychotherapist Fran Sherman says people are anxious.",
        [("indirect", "people are anxious", "Psychotherapist Fran Sherman", "says", "sv_c")],
    ),
    (
        "capitalised_appositive",
        "Lord Bach, Minister for Defence Procurement, said the plane was late.",
        [("indirect", "the plane was late", "Lord Bach", "said", "sv_c")],
    ),
    (
        "inverted_after_long_content",
        "The rules let banks hide their losses from the public, said Bart Naylor, a policy counsel at the group.",
        [
            (
                "indirect",
                "The rules let banks hide their losses from the public",
                "Bart Naylor",
                "said",
                "c_vs",
            )
        ],
    ),
    ("states_as_a_noun_is_not_a_cue", "The two states have backed the plan.", []),
    (
        "full_stop_in_marks_then_name_said",
        "“Find the emails.” Trump said. The crowd cheered.",
        [("direct", "Find the emails.", "Trump", "said", "q_sv")],
    ),
    ("full_stop_in_marks_then_a_sentence", "“We won.” The crowd cheered loudly and said nothing.", []),
    (
        "participle_label",
        "Clinton attacked the plan on Monday, calling it “reckless and dangerous.”",
        [("mixed", "it “reckless and dangerous.”", "Clinton", "calling", "called_q")],
    ),
    (
        "share_of_those_polled_as_speaker",
        "Sixty-six percent said it made no difference to them.",
        [("indirect", "it made no difference to them", "Sixty-six percent", "said", "sv_c")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), REAL_NEWS_CASES, ids=[c[0] for c in REAL_NEWS_CASES])
def test_real_news_kinds(name, text, expected):
    assert _rows(_quiet_quotes(H + text), REAL_NEWS_COLUMNS) == expected


def test_real_news_lord_bach_keeps_his_role():
    q = _quiet_quotes(H + "Lord Bach, Minister for Defence Procurement, said the plane was late.")
    assert q["speaker_role"].tolist() == [
        "Lord, Minister for Defence Procurement"
    ]  # the title, then the role


def test_relative_clause_antecedent_speaks():
    q = _quiet_quotes(H + "Jessica Leeds, who told the Times that she was angry, spoke on Monday.")
    assert q["speaker"].tolist() == ["Jessica Leeds"]
    assert q["content"].iloc[0].startswith("she was angry")
    assert q["channel"].tolist() == ["the Times"]


def test_title_case_headline_cue_and_its_speaker():
    q = _quiet_quotes("Bellwether County Says Trump Should Win\n\nThe count went on.")
    assert _rows(q, ["content", "speaker", "speaker_name", "cue"]) == [
        ("Trump Should Win", "Bellwether County", "Bellwether County", "Says")
    ]


def test_capitalised_cue_outside_a_headline_is_not_a_cue():
    assert _quiet_quotes(H + "The United States has backed the plan. Says who?").empty


def test_unknown_pronoun_speaker_keeps_the_statement():
    q = _quiet_quotes(H + "“We will win,” she said.")
    assert _rows(q, ["content", "speaker", "speaker_name"]) == [("We will win,", "she", None)]


def test_pieces_of_one_statement_point_to_its_first_piece():
    q = _quiet_quotes(H + "“We will win,” she said. “They will lose.”\n\n“Never,” she added.")
    assert q["content"].tolist() == ["We will win,", "They will lose.", "Never,"]
    assert _rows(q, ["continues_quote_id"]) == [(None,), (0,), (None,)]


def test_two_pieces_around_one_cue_are_one_statement():
    q = _quiet_quotes(H + "“We will win,” Ana Ruiz said, “and they will lose.”")
    assert _rows(q, ["content", "speaker", "continues_quote_id"]) == [
        ("We will win,", "Ana Ruiz", None),
        ("and they will lose.", "Ana Ruiz", 0),
    ]


def test_quotation_left_open_over_joined_paragraphs_does_not_shift_the_pairs():
    text = H + 'The mayor said: "We will rebuild in 26 weeks. "We start on Monday," she said. "It is done."'
    marks = kit.parse_article(text).quote_marks
    assert marks["text"].tolist() == [
        '"We will rebuild in 26 weeks. ',
        '"We start on Monday,"',
        '"It is done."',
    ]
    assert marks["rule"].tolist() == ["continued", "reopened", "straight"]
    assert marks["continues"].tolist() == [False, True, False]


# ----- learner entries (kit.quotes.quotes) -----------------------------------------------

_LEARNER_TEXT = (
    "Council vote\n\nPrices are far too high, Ana Ruiz griped on Monday."
    " The mayor pointed out that taxes would rise. The council pointed out the new road on a map."
)


def test_learner_cues_find_statements_with_verbs_the_list_lacks():
    from kit.quotes import quotes

    article = kit.parse_article(_LEARNER_TEXT)
    before = article.quotes
    assert len(before) == 0  # "griped" and "pointed out" are not on the shipped list
    q = quotes(article, extra_cues=[{"verb": "Griped"}, {"verb": "pointed out", "use": "that"}])
    assert _rows(q, ["speaker", "cue", "content", "rule"]) == [
        ("Ana Ruiz", "griped", "Prices are far too high", "c_sv+learner"),
        ("The mayor", "pointed out", "taxes would rise", "sv_c+learner"),
    ]
    # With use "any", "pointed out" counts without a that-clause too (a row to check).
    q_any = quotes(article, extra_cues=pd.DataFrame({"verb": ["griped", "pointed out"]}))
    assert q_any["content"].tolist()[-1] == "the new road on a map"
    # The article's own table and the shipped list are unchanged, during and after.
    pd.testing.assert_frame_equal(article.quotes, before)
    assert len(_quiet_quotes(_LEARNER_TEXT)) == 0
    pd.testing.assert_frame_equal(
        quotes(article, extra_cues=[{"verb": "griped"}]), quotes(article, extra_cues={"verb": "griped"})
    )


def test_learner_cues_the_list_already_has_change_nothing(seed):
    from kit.quotes import quotes

    pd.testing.assert_frame_equal(quotes(seed), seed.quotes)
    pd.testing.assert_frame_equal(quotes(seed, extra_cues=[{"verb": "said", "use": "that"}]), seed.quotes)


def test_learner_cue_errors_name_the_row_and_show_a_fix(seed):
    from kit.quotes import quotes

    with pytest.raises(ValueError) as bad_use:
        quotes(seed, extra_cues=[{"verb": "griped", "use": "thta"}])
    assert str(bad_use.value) == (
        "extra_cues row 0 has use 'thta', which is not a use the kit knows. Did you mean 'that'?"
        ' The uses are \'any\', \'that\'. For example: extra_cues=[{"verb": "griped", "use": "any"}]'
    )
    with pytest.raises(
        ValueError, match=r"extra_cues row 1 has verb 'griped!': a cue is one verb form in letters"
    ):
        quotes(seed, extra_cues=[{"verb": "quipped"}, {"verb": "griped!"}])
    with pytest.raises(ValueError, match=r"extra_cues row 0 .* has no 'verb'"):
        quotes(seed, extra_cues=[{"use": "any"}])
    with pytest.raises(TypeError, match=r"extra_cues must be a DataFrame or a list of dicts"):
        quotes(seed, extra_cues="griped")


def test_learner_cues_are_forgotten_even_when_the_build_fails(seed, monkeypatch):
    import kit.quotes.build as build
    from kit.quotes import quotes
    from kit.quotes.words import LEARNER_CUES, _cue_verbs

    def fail(*args):
        assert "griped" in _cue_verbs()  # the learner's verb is in use while the table is built
        raise RuntimeError("stop")

    monkeypatch.setattr(build, "_extract", fail)
    with pytest.raises(RuntimeError, match="stop"):
        quotes(seed, extra_cues=[{"verb": "griped"}])
    assert LEARNER_CUES.get() == ()
    assert "griped" not in _cue_verbs()
