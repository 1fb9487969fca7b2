"""Direct quotations and their speakers as real news writes them (issue 10, items 1 and 3).

Each case is a sentence or two written for the test, showing one habit of real
news text: marks typed on two keyboards, a statement in three pieces over
paragraphs, a quotation that opens inside a sentence, a speaker noun no list
holds, a speaker after long content, pronouns and the nearest person they can
mean.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import kit
from kit.quotemarks import quote_spans
from kit.quotes import QuoteWarning

H = "Harbour plan goes ahead\n\n"


def _quotes(text: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteWarning)
        return kit.parse_article(text).quotes


def _rows(text: str, columns: list[str]) -> list[tuple]:
    q = _quotes(text)
    return [tuple(None if pd.isna(v) else v for v in r) for r in q[columns].itertuples(index=False)]


# ----- quotation marks -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('“The dock is ready," she said.', ['“The dock is ready,"']),
        ('"The dock is ready,” she said. “We open Monday."', ['"The dock is ready,”', '“We open Monday."']),
        # a pair nested inside stays inside: no mixed pairing then
        ('“He called it "a good day" and left,” she said.', ['“He called it "a good day" and left,”']),
        ('"He called it “a good day” and left," she said.', ['"He called it “a good day” and left,"']),
    ],
)
def test_straight_and_curly_marks_close_each_other(text, spans):
    assert [text[a:b] for a, b, _, _ in quote_spans(text, 0, len(text))] == spans


def test_mixed_marks_give_one_statement_in_two_pieces():
    text = H + '“The dock is ready," Ana Ruiz said. "We open on Monday.”\n'
    assert _rows(text, ["kind", "content", "speaker_name", "rule", "continues_quote_id"]) == [
        ("direct", "The dock is ready,", "Ana Ruiz", "q_sv", None),
        ("direct", "We open on Monday.", "Ana Ruiz", "floating", 0),
    ]


# ----- one statement over paragraphs -----------------------------------------------


def test_third_piece_in_next_paragraph_continues_the_statement():
    text = (
        H + 'Ana Ruiz spoke at the dock. "It took years," Ms. Ruiz said. "We did not give up."\n\n'
        '"Now the boats can come in, and the town can grow again."\n\n'
        "The council meets on Friday.\n"
    )
    rows = _rows(text, ["kind", "speaker_name", "rule", "continues_quote_id"])
    assert rows == [
        ("direct", "Ana Ruiz", "q_sv", None),
        ("direct", "Ana Ruiz", "floating", 0),
        ("direct", "Ana Ruiz", "floating", 0),
    ]


# ----- a quotation that opens inside a sentence --------------------------------------


def test_quotation_opening_after_words_of_its_sentence_is_mixed():
    text = H + 'Still, small ports are "only just breaking even," Ana Ruiz said on Monday.\n'
    assert _rows(text, ["kind", "content", "speaker_name", "rule"]) == [
        ("mixed", 'Still, small ports are "only just breaking even,"', "Ana Ruiz", "q_sv")
    ]


def test_quotation_after_a_label_cue_stays_direct():
    text = H + "Council leader Tom Hale called it 'a disaster', he told the BBC.\n"
    assert _rows(text, ["kind", "content", "speaker_name"]) == [("direct", "a disaster", "Tom Hale")]


def test_whole_sentence_quotation_stays_direct():
    text = H + '"Small ports are only just breaking even," Ana Ruiz said.\n'
    assert _rows(text, ["kind", "content"]) == [("direct", "Small ports are only just breaking even,")]


# ----- speakers whose nouns no list holds --------------------------------------------


@pytest.mark.parametrize(
    ("attribution", "speaker", "cue"),
    [
        ("the shipowner replied", "the shipowner", "replied"),
        ("a neighbour said on Facebook", "a neighbour", "said"),
        ("the leaflet explains", "the leaflet", "explains"),
        ("says the campaign's narrator", "the campaign's narrator", "says"),
    ],
)
def test_speaker_noun_not_on_any_list(attribution, speaker, cue):
    text = H + f'"The harbour will be busy again by spring," {attribution}.\n'
    assert _rows(text, ["kind", "speaker", "cue", "rule"]) == [
        ("direct", speaker, cue, "q_vs" if attribution.startswith("says") else "q_sv")
    ]


def test_names_inside_a_description_do_not_name_the_speaker():
    text = H + '"We have warned about this for months," the Ohio senator and Republican candidate said.\n'
    q = _quotes(text)
    assert q["speaker"].tolist() == ["the Ohio senator and Republican candidate"]
    assert q["speaker_name"].isna().all()


@pytest.mark.parametrize(
    ("after", "name", "role"),
    [
        (
            "said Robert Antonacci of the Lake County delegation",
            "Robert Antonacci",
            "of the Lake County delegation",
        ),
        ("said the longtime deckhand to Captain Ana Ruiz", None, "longtime deckhand to Captain Ana Ruiz"),
    ],
)
def test_inverted_speaker_with_a_postmodifier(after, name, role):
    text = H + f'"There is a real passion for the harbour plan here," {after}.\n'
    q = _quotes(text)
    assert len(q) == 1 and q.loc[0, "rule"] == "q_vs"
    assert (None if pd.isna(q.loc[0, "speaker_name"]) else q.loc[0, "speaker_name"]) == name
    assert role in q.loc[0, "speaker_role"]


def test_inverted_order_after_long_content():
    text = (
        H + '"Every one of the rules written last year by the agency and its staff has failed the'
        ' people who live and work along this coast," said Bart Naylor, a policy counsel.\n'
    )
    assert _rows(text, ["kind", "speaker_name", "speaker_role", "rule"]) == [
        ("direct", "Bart Naylor", "a policy counsel", "q_vs")
    ]


# ----- pronouns ------------------------------------------------------------------


def test_pronoun_takes_the_nearer_subject_that_agrees():
    text = (
        H + 'Ana Ruiz spoke to reporters. "It is over," she said.\n\n'
        'Tom Hale arrived later. "We are glad," he said.\n\n'
        '"It is good news," she said.\n'
    )
    assert _rows(text, ["content", "speaker", "speaker_name", "rule"]) == [
        ("It is over,", "she", "Ana Ruiz", "q_sv+pronoun"),
        ("We are glad,", "he", "Tom Hale", "q_sv+pronoun"),
        ("It is good news,", "she", "Ana Ruiz", "q_sv+pronoun"),
    ]


def test_pronoun_skips_a_subject_that_does_not_agree():
    text = (
        H + '"We will win the vote," John Smith said.\n\n'
        'Mary Jones spoke later, in the hall. "We will see," he said.\n'
    )
    assert _rows(text, ["speaker_name"]) == [("John Smith",), ("John Smith",)]


def test_pronoun_with_no_agreeing_antecedent_stays_unnamed():
    text = H + '"We will win the vote," Mary Smith said. "We will see," he said.\n'
    rows = _rows(text, ["speaker", "speaker_name"])
    assert rows == [("Mary Smith", "Mary Smith"), ("he", None)]


def test_a_wrong_guess_does_not_run_down_a_chain():
    # The second pronoun follows the nearer subject, not the first pronoun's guess.
    text = (
        H + '"The harbour is full," said Tom Hale.\n\n'
        'Peter Marsh, the harbour master, disagreed. "It is half empty," he said. "Come and see."\n\n'
        '"It is what I see every day," he added.\n'
    )
    names = [n for n in _quotes(text)["speaker_name"].tolist()]
    assert names == ["Tom Hale", "Peter Marsh", "Peter Marsh", "Peter Marsh"]


# ----- "S said, “Q”" as real news writes it ----------------------------------------


@pytest.mark.parametrize(
    ("before", "speaker", "cue"),
    [
        ("However, the harbour trust said Thursday on Twitter,", "the harbour trust", "said"),
        ("Ana Ruiz, who called the mayor on Monday, told her supporters,", "Ana Ruiz", "told"),
        ("The leaflet said,", "The leaflet", "said"),
        ("Tom Hale went on to say,", "Tom Hale", "say"),
        ("Tom Hale hit back at the council, saying,", "Tom Hale", "saying"),
    ],
)
def test_attribution_before_a_quotation(before, speaker, cue):
    text = H + f'{before} "We have never wanted the boats to leave this harbour."\n'
    assert _rows(text, ["kind", "content", "speaker", "cue", "rule"]) == [
        ("direct", "We have never wanted the boats to leave this harbour.", speaker, cue, "sv_q")
    ]


def test_said_that_before_a_quotation_is_mixed():
    text = H + 'Ana Ruiz spoke on Monday. She added that "the dock is ready for boats."\n'
    assert _rows(text, ["kind", "content", "speaker_name", "rule"]) == [
        ("mixed", 'that "the dock is ready for boats."', "Ana Ruiz", "sv_q+pronoun")
    ]


def test_attribute_values_in_markup_are_not_quotations():
    text = (
        H + 'Ana Ruiz posted a photo of the dock.\n\n<post author="@anaruiz" date="May 9">The dock'
        " is ready.</post>\n"
    )
    assert _quotes(text).empty


def test_question_then_attribution_with_a_participle():
    text = H + '"Who will pay for the dock?" Ana Ruiz asked, looking at the council. "Who?"\n'
    assert _rows(text, ["content", "speaker_name", "rule", "continues_quote_id"]) == [
        ("Who will pay for the dock?", "Ana Ruiz", "q_sv", None),
        ("Who?", "Ana Ruiz", "floating", 0),
    ]


def test_adding_after_a_first_attribution_takes_its_speaker():
    text = H + '"We are not part of the trust," Tom Hale said, adding, "The harbour is its own."\n'
    assert _rows(text, ["content", "speaker", "cue", "rule"]) == [
        ("We are not part of the trust,", "Tom Hale", "said", "q_sv"),
        ("The harbour is its own.", "Tom Hale", "adding", "sv_q"),
    ]


def test_one_commenter_speaks():
    text = H + '"If anyone can find a way, the council will," wrote one commenter.\n'
    assert _rows(text, ["speaker", "source_type", "rule"]) == [("one commenter", "anonymous", "q_vs")]


# ----- labels in quotation marks with long objects -----------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Senator Ana Ruiz called both the mayor and the harbour board's new chairman “reckless” on Sunday.",
            "both the mayor and the harbour board's new chairman “reckless”",
        ),
        (
            "Tom Hale described the plan to build a second pier across the old harbour as “a waste of money.”",
            "the plan to build a second pier across the old harbour as “a waste of money.”",
        ),
        ("Ana Ruiz attacked the mayor, calling him a “loser.”", "him a “loser.”"),
    ],
)
def test_label_with_a_long_or_pronoun_object_is_mixed(text, content):
    assert _rows(H + text + "\n", ["kind", "content", "rule"]) == [("mixed", content, "called_q")]


def test_long_object_holding_a_clause_is_not_a_label():
    text = H + "Tom Hale called the plan a disaster and said that it was “reckless.”\n"
    assert "called_q" not in _quotes(text)["rule"].tolist()


# ----- source types of described speakers ------------------------------------------


@pytest.mark.parametrize(
    ("attribution", "source_type"),
    [
        ("the retired steel worker said", "anonymous"),
        ("the longtime deckhand said", "anonymous"),
        ("the foreign minister said", "named"),
        ("his spokesman said", "named"),
    ],
)
def test_a_described_person_is_typed_by_the_head_noun(attribution, source_type):
    text = H + f'"The harbour will be busy again by spring," {attribution}.\n'
    assert _rows(text, ["speaker_name", "source_type"]) == [(None, source_type)]


@pytest.mark.parametrize("share", ["Six in 10", "Nine out of 10 voters", "43 percent of voters"])
def test_a_poll_share_is_not_a_name(share):
    text = H + f"{share} say the harbour plan is sound.\n"
    assert _rows(text, ["speaker", "speaker_name", "source_type"]) == [(share, None, "anonymous")]


def test_a_sentence_opening_word_is_not_a_name():
    text = (
        H + "The day before, at a rally in Dover, Tom Hale was blunt, claiming that the plan was a fraud.\n"
    )
    assert "The" not in _quotes(text)["speaker_name"].dropna().tolist()


def test_a_date_after_the_speaker_is_not_part_of_its_name():
    text = H + "A survey by the Harbour Trust in March found that most people back the plan.\n"
    assert _rows(text, ["speaker", "speaker_name"]) == [("A survey by the Harbour Trust", "Harbour Trust")]


# ----- an opening mark typed where the closing one belongs ----------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("“The harbour is busy here,“ said Ana Ruiz.", ["“The harbour is busy here,“"]),
        ('"It is unusual,“ said Tom Hale. “It is hard.”', ['"It is unusual,“', "“It is hard.”"]),
        ('"A change is needed now.“', ['"A change is needed now.“']),
    ],
)
def test_an_opening_mark_after_a_comma_or_stop_closes(text, spans):
    assert [text[a:b] for a, b, closed, _ in quote_spans(text, 0, len(text)) if closed] == spans


def test_a_wrongly_typed_closer_keeps_the_quotation_and_its_speaker():
    text = H + "“The harbour is busy here,“ said Ana Ruiz, a member of the board.\n"
    assert _rows(text, ["kind", "content", "speaker_name", "rule"]) == [
        ("direct", "The harbour is busy here,", "Ana Ruiz", "q_vs")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        'Tad Devine, the Trust\'s chief strategist, said, "The contest will be decided in June."',
        'Tad Devine, Ruiz\'s chief strategist, said, "The contest will be decided in June."',
        "Tad Devine, Ruiz’s chief strategist for the campaign, said: “The contest will be decided in June.”",
    ],
)
def test_name_then_a_possessive_appositive_speaks(sentence):
    assert _rows(H + sentence + "\n", ["kind", "speaker_name", "rule"]) == [("direct", "Tad Devine", "sv_q")]


# ----- a second quotation joined to the attribution ----------------------------------


def test_a_quotation_joined_by_and_or_but_continues_the_statement():
    text = H + "“The dock is ready,” Ana Ruiz said, but “the cranes are late.”\n"
    assert _rows(text, ["kind", "content", "speaker_name", "rule", "continues_quote_id"]) == [
        ("direct", "The dock is ready,", "Ana Ruiz", "q_sv", None),
        ("direct", "the cranes are late.", "Ana Ruiz", "joined", 0),
    ]
    text = (
        H + "The dock is “nearly ready,” Ana Ruiz wrote in an email to the board, and still “under budget.”\n"
    )
    assert _rows(text, ["kind", "content", "speaker_name", "rule", "continues_quote_id"]) == [
        ("mixed", "The dock is “nearly ready,”", "Ana Ruiz", "q_sv", None),
        ("mixed", "still “under budget.”", "Ana Ruiz", "joined", 0),
    ]


def test_a_transcript_quoted_whole_gives_one_row_per_turn():
    text = (
        H
        + '"HOST: Will the dock open on time?\n\n"RUIZ: It will. The cranes came on Monday.\n\n"HOST: Thank you.\n'
    )
    assert _rows(text, ["kind", "content", "speaker", "rule"]) == [
        ("indirect", "Will the dock open on time?", "HOST", "s_colon"),
        ("indirect", "It will. The cranes came on Monday", "RUIZ", "s_colon"),
        ("indirect", "Thank you", "HOST", "s_colon"),
    ]


def test_reported_speech_that_quotes_runs_to_the_end_of_its_sentence():
    text = H + "Ruiz said that “the cranes are late” by two weeks, at least.\n"
    assert _rows(text, ["kind", "content", "speaker", "rule"]) == [
        ("mixed", "that “the cranes are late” by two weeks, at least", "Ruiz", "sv_q")
    ]


def test_a_cue_and_comma_before_a_second_quotation_introduces_it_only():
    q = _quotes(
        H + "The mayor calls the pier “a wreck that costs us every winter.” "
        "She adds, “We will rebuild it by May.”"
    )
    assert q[["kind", "content", "speaker", "cue"]].values.tolist() == [
        ["mixed", "the pier “a wreck that costs us every winter.”", "The mayor", "calls"],
        ["direct", "We will rebuild it by May.", "She", "adds"],
    ]
