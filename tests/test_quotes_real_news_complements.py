"""Reporting verbs whose content is a complement, not a that-clause (``kit.quotes.complements``).

Every sentence is written for its test; the shapes are those found missing when the kit
read real news (see ``evaluation/polnear.py``): a label given to an object, ``as`` after an
object, a request, a question, a noun object.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import kit
from kit.quotes import QuoteWarning
from kit.quotes.complements import RULES, SHAPES, complement_verbs

H = "Mill town votes\n\n"
COLUMNS = ["kind", "speaker", "cue", "content", "rule"]


def _quotes(body: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteWarning)
        return kit.parse_article(H + body).quotes


def _rows(body: str, columns=COLUMNS) -> list[tuple]:
    q = _quotes(body)
    return [tuple(r) for r in q[columns].itertuples(index=False)]


# One sentence, one statement: (test id, sentence, (kind, speaker, cue, content, rule)).
ONE_ROW = [
    (
        "modal_before_the_cue",
        "Some critics would call the plan a giveaway.",
        ("indirect", "Some critics", "call", "the plan a giveaway", "sv_label"),
    ),
    (
        "participle_after_with_and_a_name",
        "Reactions were mixed, with Senator Ana Ruiz calling the plan a “patchwork.”",
        ("mixed", "Senator Ana Ruiz", "calling", "the plan a “patchwork.”", "sv_label"),
    ),
    (
        "who_has_called_takes_the_name_before_who",
        "Contrast that with Tom Hale, who has called the levy “theft” for years.",
        ("mixed", "Tom Hale", "called", "the levy “theft” for years", "sv_label"),
    ),
    (
        "which_and_a_named_subject",
        "The mill closed in May, which Mayor Ana Ruiz called a betrayal of the town.",
        (
            "indirect",
            "Mayor Ana Ruiz",
            "called",
            "which Mayor Ana Ruiz called a betrayal of the town",
            "sv_label",
        ),
    ),
    (
        "time_after_an_appositive",
        "Ana Ruiz, the mayor, on Tuesday described the plan as a scam.",
        ("indirect", "Ana Ruiz", "described", "the plan as a scam", "sv_o_as"),
    ),
    (
        "label_without_quotation_marks",
        "The Ruiz campaign called the audit careless and rushed.",
        ("indirect", "The Ruiz campaign", "called", "the audit careless and rushed", "sv_label"),
    ),
    (
        "label_after_an_auxiliary_and_a_bare_noun_object",
        "Mayor Ana Ruiz has called flood insurance a racket run by lenders.",
        ("indirect", "Mayor Ana Ruiz", "called", "flood insurance a racket run by lenders", "sv_label"),
    ),
    (
        "described_as",
        "Local Democrats also described the showdown as ominous.",
        ("indirect", "Local Democrats", "described", "the showdown as ominous", "sv_o_as"),
    ),
    (
        "dismissed_as_with_marks_is_mixed",
        "The mill's owner dismissed the report as “a smear.”",
        ("mixed", "The mill's owner", "dismissed", "the report as “a smear.”", "sv_o_as"),
    ),
    (
        "described_with_a_noun_object",
        "Ruiz described a town divided by the closure of the mill.",
        ("indirect", "Ruiz", "described", "a town divided by the closure of the mill", "sv_o"),
    ),
    (
        "called_on_to",
        "Palmieri called on the mayor to stop the sale and apologize.",
        ("indirect", "Palmieri", "called on", "the mayor to stop the sale and apologize", "sv_o_to"),
    ),
    (
        "ask_to",
        "Residents ask the council to reopen the library.",
        ("indirect", "Residents", "ask", "the council to reopen the library", "sv_o_to"),
    ),
    (
        "warned_to",
        "Last month, the state auditor warned county clerks to lock their ballot rooms.",
        ("indirect", "the state auditor", "warned", "county clerks to lock their ballot rooms", "sv_o_to"),
    ),
    (
        "blamed_on_with_marks_is_mixed",
        'The mayor blamed the shootings on "implicit bias".',
        ("mixed", "The mayor", "blamed", 'the shootings on "implicit bias"', "sv_o"),
    ),
    (
        "demands_a_noun_object",
        "Hale demands accountability and transparency from the board.",
        ("indirect", "Hale", "demands", "accountability and transparency from the board", "sv_o"),
    ),
    (
        "demanded_that",
        "The union demanded that the owners reopen the mill.",
        ("indirect", "The union", "demanded", "the owners reopen the mill", "sv_o"),
    ),
    (
        "verb_with_its_preposition_ends_before_the_next_clause",
        "Forecasters had warned of flooding last week, and the council closed the road.",
        ("indirect", "Forecasters", "warned of", "flooding last week", "sv_o"),
    ),
    (
        "label_given_after_a_comma_takes_the_subject_of_the_sentence",
        "Tom Hale left the hearing early, calling the plan a gift to developers.",
        ("indirect", "Tom Hale", "calling", "the plan a gift to developers", "sv_label"),
    ),
    (
        "asked_a_question_with_a_long_object",
        "The Gazette asked Hale and the new Harbour Board chairman if he would run again.",
        ("indirect", "The Gazette", "asked", "if he would run again", "sv_o_wh"),
    ),
    (
        "asking_after_by",
        "Hale closed the debate by asking Ruiz whether the budget was balanced.",
        ("indirect", "Hale", "asking", "whether the budget was balanced", "sv_o_wh"),
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in ONE_ROW], ids=[c[0] for c in ONE_ROW])
def test_one_statement(body, expected):
    assert _rows(body) == [expected]


# ----- sv_label: S called O X ------------------------------------------------------------


def test_what_he_calls():
    q = _quotes("Tom Hale spoke first. He attacked what he calls a rigged budget process on Monday.")
    assert q[["content", "speaker_name"]].values.tolist() == [
        ["what he calls a rigged budget process on Monday", "Tom Hale"]
    ]
    assert q["rule"].tolist() == ["sv_label+pronoun"]


@pytest.mark.parametrize(
    "body",
    [
        "The council called a meeting for Friday.",
        "Ruiz called the police.",
        "Ruiz called the harbour master on Tuesday.",
        "Ruiz called Hale shortly after the vote.",
        "She joined a band called Lowtide Brass last year.",
        "The plan has been called a disaster.",
        "The union called off the strike.",
    ],
)
def test_calls_that_are_no_label(body):
    assert _quotes(body).empty


def test_a_label_that_is_a_quotation_of_its_own_stays_direct():
    q = _quotes("Opposition leader Tom Hale called it 'a disaster', he told the BBC.")
    assert q[["kind", "content", "rule"]].values.tolist() == [["direct", "a disaster", "q_sv+pronoun"]]


def test_label_in_marks_runs_to_the_end_of_its_clause():
    q = _quotes("Tom Hale called the plan “reckless” because it cuts the night bus.")
    assert q[["content", "rule"]].values.tolist() == [
        ["the plan “reckless” because it cuts the night bus", "called_q"]
    ]


def test_label_after_a_comma_inside_a_statement_ends_it():
    q = _quotes("Tom Hale criticised the board, calling it “reckless” for cutting the night bus.")
    assert q[["kind", "content", "rule"]].values.tolist() == [
        ["indirect", "the board", "sv_c"],
        ["mixed", "it “reckless” for cutting the night bus", "sv_label"],
    ]
    assert q["speaker"].tolist() == ["Tom Hale", "Tom Hale"]


# ----- sv_o_as: S described O as X --------------------------------------------------------


def test_a_passive_is_skipped():
    assert _quotes("The closure was described as a blow to the town.").empty


# ----- where a complement ends, and who speaks ------------------------------------------


def test_second_verb_after_a_comma_takes_the_first_speaker_and_ends_its_statement():
    q = _quotes(
        "Tom Hale spoke at noon. He suggested the audit was rushed, called it “sloppy” and demanded a"
        " recount."
    )
    assert q[["kind", "content", "cue", "rule"]].values.tolist() == [
        ["indirect", "the audit was rushed", "suggested", "sv_c+pronoun"],
        ["mixed", "it “sloppy”", "called", "sv_label+pronoun"],
        ["indirect", "a recount", "demanded", "sv_o+pronoun"],
    ]
    assert q["speaker_name"].tolist() == ["Tom Hale"] * 3


def test_the_next_statement_of_the_sentence_ends_a_complement():
    q = _quotes("Ruiz called the closure a betrayal before explaining what the town had lost.")
    assert q[["content", "cue"]].values.tolist() == [
        ["the closure a betrayal", "called"],
        ["what the town had lost", "explaining"],
    ]


# ----- the lexicon ----------------------------------------------------------------------


def test_every_shipped_verb_has_a_known_shape_and_rule():
    verbs = complement_verbs()
    assert verbs
    assert set(verbs.values()) <= set(SHAPES)
    assert set(RULES) == set(SHAPES)
    assert all(v == v.lower() and "  " not in v for v in verbs)


def test_every_rule_is_documented():
    import kit.quotes

    for rule in {*RULES.values(), "sv_o_wh"}:
        assert f"``{rule}``" in kit.quotes.__doc__


# ----- asked_wh: a question put to the speaker ---------------------------------------------

ASKED_COLUMNS = ["kind", "speaker", "cue", "content", "rule", "source_type"]


def test_asked_whether_before_the_answer_has_no_known_asker():
    rows = _rows("Asked whether the mill would reopen, Mayor Ana Ruiz said no.", ASKED_COLUMNS)
    assert rows[0] == ("indirect", pd.NA, "Asked", "whether the mill would reopen", "asked_wh", "anonymous")
    assert rows[1][1:4] == ("Mayor Ana Ruiz", "said", "no")


def test_asked_by_names_the_asker_and_stops_before_the_answer():
    rows = _rows(
        "Asked by the Gazette during a debate if he would run again, Tom Hale replied, “Not this year.”",
        ASKED_COLUMNS,
    )
    assert rows[0] == (
        "indirect",
        "the Gazette",
        "Asked",
        "if he would run again",
        "asked_wh",
        "organization",
    )
    assert rows[1][1:4] == ("Tom Hale", "replied", "Not this year.")


def test_when_asked_after_a_quote_keeps_the_quote_in_one_statement():
    q = _quotes("“We will wait,” Ruiz said when asked about the levy. “The town cannot pay.”")
    assert q["rule"].tolist() == ["q_sv", "asked_wh", "floating"]
    assert q.loc[1, "content"] == "about the levy"
    assert pd.isna(q.loc[1, "speaker"])
    assert q.loc[2, "continues_quote_id"] == 0


def test_was_asked_to_and_a_request():
    rows = _rows("Hale was asked to name one project the levy had paid for.", ASKED_COLUMNS)
    assert rows == [
        ("indirect", pd.NA, "asked", "to name one project the levy had paid for", "asked_wh", "anonymous")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Hale asked for a recount.",  # a request with no question
        "Ruiz was asked a question.",  # no wh-word, no request
        "She asked, “Why now?”",  # a quotation: another rule's
    ],
)
def test_asked_without_a_question_is_no_asked_wh_row(body):
    assert "asked_wh" not in _quotes(body)["rule"].tolist()


# ----- other forms of the reporting verbs ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The council estimates that the levy will raise $2 million.", ("The council", "estimates")),
        ("Hale has shown that the budget was balanced.", ("Hale", "shown")),
        ("The mayor would not concede that the plan had failed.", ("The mayor", "concede")),
        ("Ruiz later proclaimed that the town had won.", ("Ruiz", "proclaimed")),
    ],
)
def test_other_forms_of_reporting_verbs(body, expected):
    assert [tuple(r) for r in _quotes(body)[["speaker", "cue"]].itertuples(index=False)] == [expected]


def test_recalling_after_a_comma_with_a_plain_object_is_no_statement():
    assert _quotes("Ruiz spoke for an hour, recalling a visit to the mill.").empty


# ----- sv_label with an appositive or aside after the object -------------------------------


def test_label_after_an_appositive_of_the_object():
    assert _rows("On Monday, Hale called Ruiz, his rival for the seat, a “menace.”") == [
        ("mixed", "Hale", "called", "Ruiz, his rival for the seat, a “menace.”", "sv_label")
    ]


def test_a_call_with_an_appositive_and_a_time_is_no_label():
    assert _quotes("Hale called Ruiz, the mayor, a day later.").empty


def test_asked_with_a_time_and_place_before_the_question_ends_before_the_answer():
    rows = _rows(
        "Asked in Mill Town on Monday whether he would run, Hale gave a short answer.", ASKED_COLUMNS
    )
    assert rows == [("indirect", pd.NA, "Asked", "whether he would run", "asked_wh", "anonymous")]
