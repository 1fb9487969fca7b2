"""Indirect and mixed statements as real news writes them: one test per kind of attribution.

Every sentence is written for its test; the kinds are those found missing when the kit
read real news (see ``evaluation/polnear.py``).
"""

from __future__ import annotations

import warnings

import pandas as pd

import kit
from kit.quotes import QuoteWarning

H = "Mill town votes\n\n"


def _quotes(body: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteWarning)
        return kit.parse_article(H + body).quotes


# ----- subjects the speaker rules do not know: kept as written ---------------------


def test_long_subject_is_kept_as_written():
    q = _quotes("The retired steel worker from the east side says the mill should reopen.")
    assert q["speaker"].tolist() == ["The retired steel worker from the east side"]
    assert q["content"].tolist() == ["the mill should reopen"]
    assert q["speaker_name"].isna().all()


def test_subject_after_a_leading_phrase():
    q = _quotes("In several towns, union members say they were never asked about the closure.")
    assert q["speaker"].tolist() == ["union members"]
    assert q["content"].tolist() == ["they were never asked about the closure"]


def test_poll_majorities_speak():
    q = _quotes("Large majorities of voters in the three counties said they want the mill to reopen.")
    assert q["speaker"].tolist() == ["Large majorities of voters in the three counties"]
    assert q["content"].tolist() == ["they want the mill to reopen"]


def test_document_reports_without_that():
    q = _quotes("A new county survey showed the mayor leading by ten points.")
    assert q["speaker"].tolist() == ["A new county survey"]
    assert q["source_type"].tolist() == ["organization"]
    assert q["content"].tolist() == ["the mayor leading by ten points"]


def test_verb_of_other_senses_needs_that_unless_a_document_speaks():
    assert _quotes("The cook added the salt to the soup.").empty
    assert _quotes("The old baker showed the children the oven.").empty


def test_a_noun_after_a_possessive_is_no_cue():
    assert _quotes("The mayor’s claims about the budget drew a crowd.").empty
    assert _quotes("Mr. Dale's call for calm went unheard.").empty


def test_a_clause_is_not_a_subject():
    assert _quotes("They’ll make a comeback in the southern states of the region.").empty


# ----- where the content starts and ends -------------------------------------------


def test_attribution_inside_the_statement():
    q = _quotes("The question of when to close the plant, she said, is not a simple one.")
    assert q["content"].tolist() == ["The question of when to close the plant, she said, is not a simple one"]
    assert q["rule"].tolist() == ["c_sv_c"]


def test_a_time_before_a_parenthetical_attribution_is_not_content():
    q = _quotes("On Tuesday, Mayor Ana Ruiz said, the council voted to close the plant.")
    assert q["content"].tolist() == ["the council voted to close the plant"]


def test_parenthetical_with_a_verb_of_other_senses():
    q = _quotes("The driver had no record of violence, the company added, and had passed every check.")
    assert q["speaker"].tolist() == ["the company"]
    assert q["content"].tolist() == [
        "The driver had no record of violence, the company added, and had passed every check"
    ]


def test_semicolon_after_a_closing_cue_ends_the_statement():
    q = _quotes(
        "To win the county, a candidate needs the mill vote, local analysts say; in 2012, few got it."
    )
    assert q["content"].tolist() == ["To win the county, a candidate needs the mill vote"]
    assert q["rule"].tolist() == ["c_sv"]


def test_a_leading_condition_belongs_to_the_statement():
    q = _quotes("If the plant closes, Ruiz said the town would sue.")
    assert q["content"].tolist() == ["If the plant closes, Ruiz said the town would sue"]


def test_one_word_answer():
    q = _quotes("Asked if she would run again, the mayor said no.")
    assert q["content"].tolist() == ["if she would run again", "no"]  # the question: asked_wh
    assert q["speaker"].tolist()[1:] == ["the mayor"]


# ----- cues inside other clauses ------------------------------------------------------


def test_pronoun_speaker_inside_a_relative_clause():
    q = _quotes("He spoke of his two sons, who he said were living abroad.")
    assert q["content"].tolist() == ["were living abroad"]
    assert q["speaker"].tolist() == ["he"]


def test_relative_clause_with_its_own_attribution_ends_the_first_content():
    q = _quotes("Ruiz criticized the council, which an audit said was careless with funds.")
    assert q["content"].tolist() == ["the council", "which an audit said was careless with funds"]
    assert q["speaker"].tolist() == ["Ruiz", "an audit"]


def test_second_cue_after_and():
    q = _quotes("Ruiz praised the workers and said the town owed them a debt.")
    assert q["content"].tolist() == ["the workers", "the town owed them a debt"]
    assert q["speaker_name"].tolist() == ["Ruiz", "Ruiz"]


def test_coordinated_subject_after_a_leading_phrase():
    q = _quotes("In an interview with the Gazette, Ruiz doubled down and said the vote was unfair.")
    assert q["content"].tolist() == ["the vote was unfair"]
    assert q["speaker_name"].tolist() == ["Ruiz"]


# ----- mixed: a quotation and indirect speech in one sentence ------------------------


def test_participle_after_a_quotation_takes_its_speaker():
    q = _quotes("“The mill is our life,” Tom Berg said, adding that the council had “ignored us.”")
    assert q["kind"].tolist() == ["direct", "mixed"]
    assert q["speaker_name"].tolist() == ["Tom Berg", "Tom Berg"]
    assert q["rule"].tolist()[1] == "s_ving_c"


def test_closing_attribution_of_a_mixed_statement_with_an_unknown_speaker():
    q = _quotes("The plan would “gut the town” and its schools, the two unions say.")
    assert q["kind"].tolist() == ["mixed"]
    assert q["speaker"].tolist() == ["the two unions"]


# ----- cue forms -----------------------------------------------------------------------


def test_participle_after_by_or_while():
    q = _quotes("Ruiz ended the meeting by saying the council would vote in May.")
    assert q["content"].tolist() == ["the council would vote in May"]
    assert q["rule"].tolist() == ["s_ving_c"]


def test_verb_of_other_senses_before_a_clause_without_that():
    q = _quotes("As the Gazette noted, Ruiz raised more money than anyone. Ruiz suggested she’ll run again.")
    assert q["content"].tolist() == ["Ruiz raised more money than anyone", "she’ll run again"]
    assert q["speaker"].tolist() == ["the Gazette", "Ruiz"]


def test_announced_with_an_object():
    q = _quotes("Mayor Ana Ruiz announced a new plan for the mill.")
    assert q["content"].tolist() == ["a new plan for the mill"]


def test_participle_after_a_parenthetical_cue_is_its_own_statement():
    q = _quotes("Together, the firms will run 900 trucks, Raman said, adding that no depot would close.")
    assert q["content"].tolist() == ["Together, the firms will run 900 trucks", "no depot would close"]
    assert q["rule"].tolist() == ["c_sv", "s_ving_c"]


def test_document_after_a_closing_cue_is_the_channel():
    q = _quotes("Bees are leaving the warmest valleys, researchers reported on Friday, in a study of heat.")
    assert q["content"].tolist() == ["Bees are leaving the warmest valleys"]
    assert q["channel"].tolist() == ["in a study"]


def test_participle_with_an_object_after_before_is_an_act():
    q = _quotes("“He did not steal,” Judge Achebe said before announcing the sentence.")
    assert q["rule"].tolist() == ["q_sv"]


def test_a_count_before_a_noun_form_is_no_cue():
    assert _quotes("By March 1, 15 states will hold caucuses.").empty
    q = _quotes("Six in 10 say the mayor is honest.")
    assert q["content"].tolist() == ["the mayor is honest"]


def test_a_clause_inside_a_subject_is_not_a_speaker():
    assert _quotes("The group One Town Now unearthed old columns Bradley wrote in college.").empty
    q = _quotes("A poll conducted by Gallup in May found that voters were unhappy.")
    assert q["speaker"].tolist() == ["A poll conducted by Gallup in May"]


def test_who_after_the_speaker_of_a_quotation():
    q = _quotes("“Revenues are up,” said Mr. Ekovich, who noted that the price of golf courses had fallen.")
    assert q["content"].tolist() == ["Revenues are up,", "the price of golf courses had fallen"]
    assert q["speaker_name"].tolist() == ["Ekovich", "Ekovich"]


def test_a_relative_clause_is_not_a_clause_without_that():
    assert _quotes("The city has also added council resolutions that called for a new bridge.").empty


def test_a_place_phrase_inside_a_parenthetical_is_content():
    q = _quotes("In his state, Ruiz said, first-time offenders are sent to treatment.")
    assert q["content"].tolist() == ["In his state, Ruiz said, first-time offenders are sent to treatment"]
    q = _quotes("In 2012, Ruiz said, the plant was sold.")
    assert q["content"].tolist() == ["the plant was sold"]


def test_which_before_a_named_subject_opens_the_content():
    q = _quotes("Ruiz criticized the council, which an audit said was careless with funds.")
    assert q["content"].tolist()[1] == "which an audit said was careless with funds"


# ----- questions, requests and speech acts with a noun object --------------------------


def test_asked_with_the_person_asked_then_a_question():
    q = _quotes("A reporter asked the mayor how she felt about the vote.")
    assert q["content"].tolist() == ["how she felt about the vote"]
    assert q["speaker"].tolist() == ["A reporter"]
    q = _quotes("Ruiz shook hands and asked workers if they planned to vote.")
    assert q["content"].tolist() == ["if they planned to vote"]
    assert q["speaker_name"].tolist() == ["Ruiz"]


def test_asked_with_a_request():
    q = _quotes("Ruiz had asked the clerk to send the budget figures.")
    assert q["content"].tolist() == ["the clerk to send the budget figures"]


def test_asked_without_a_question_or_as_a_passive_is_no_statement():
    assert _quotes("The mayor asked for help.").empty
    assert _quotes("The mayor asked the price of the land.").empty
    # the question is a statement of no known asker (asked_wh), never Ruiz's
    assert _quotes("Ruiz was asked if she would run again.")["speaker"].isna().all()


def test_speech_acts_with_a_noun_object():
    q = _quotes("Ruiz noted the rise in crime. The audit cited rising costs. Dale acknowledged the problem.")
    assert q["content"].tolist() == ["the rise in crime", "rising costs", "the problem"]
    q = _quotes("Ruiz mentioned the closure of the mill.")
    assert q["content"].tolist() == ["the closure of the mill"]


def test_concludes_reports_a_clause():
    q = _quotes("The county report concludes that the plant should close.")
    assert q["content"].tolist() == ["the plant should close"]
    assert _quotes("The meeting concluded with a vote.").empty


# ----- where one statement ends and the next begins -------------------------------------


def test_second_cue_after_but():
    q = _quotes("The clerk refused to answer questions but said no vote was planned.")
    assert q["content"].tolist() == ["no vote was planned"]
    q = _quotes("She says people may not like it, but insists the plan is sound.")
    assert q["content"].tolist() == ["people may not like it", "the plan is sound"]


def test_a_cue_after_a_comma_starts_the_next_statement():
    q = _quotes("Dale, who said he votes for the union, said one candidate is honest.")
    assert q["content"].tolist() == ["he votes for the union", "one candidate is honest"]
    assert q["speaker_name"].tolist() == ["Dale", "Dale"]


def test_who_with_an_auxiliary_or_adverb_speaks_in_turn():
    q = _quotes("Ruiz praised the preacher Frank Gray, who has publicly vowed not to buy cookies.")
    assert q["content"].tolist() == ["the preacher Frank Gray", "not to buy cookies"]
    assert q["speaker"].tolist() == ["Ruiz", "Frank Gray"]


def test_who_after_a_name_that_ends_a_clause():
    q = _quotes("Ruiz was mocking Tom Berg, who said he would sell the mill.")
    assert q["speaker"].tolist() == ["Tom Berg"]
    assert q["content"].tolist() == ["he would sell the mill"]


def test_restrictive_who_names_the_speakers():
    q = _quotes("The vote gave hope to farmers who say the mill poisoned the river.")
    assert q["speaker"].tolist() == ["farmers"]
    assert q["content"].tolist() == ["the mill poisoned the river"]
    q = _quotes("At the meeting, those who said the plant should close were booed.")
    assert q["speaker"].tolist() == ["those"]
    assert _quotes("The man who said hello left.").empty


def test_a_channel_noun_that_runs_on_is_not_content():
    q = _quotes("The town had never been so united, she said in a video message to the council.")
    assert q["content"].tolist() == ["The town had never been so united"]
    assert q["rule"].tolist() == ["c_sv"]


def test_participle_modifying_the_people_who_speak():
    q = _quotes("Voters saying they want a new mill packed the hall.")
    assert q["speaker"].tolist() == ["Voters"]
    assert q["rule"].tolist() == ["s_ving_c"]
    assert _quotes("The crowds chanting slogans filled the square.").empty


def test_progressive_cue_is_a_finite_verb():
    q = _quotes(
        "Ruiz is calling for the council to vote again. Dale was telling voters that the plant would close."
    )
    assert q["content"].tolist() == ["the council to vote again", "the plant would close"]
    assert q["speaker_name"].tolist() == ["Ruiz", "Dale"]
    assert _quotes("The market is showing signs of strain.").empty


def test_so_says_inverts_the_attribution():
    q = _quotes("“The mill will never close.” So says a sign at the gate of the plant.")
    row = q[q["kind"] == "indirect"]
    assert row["content"].tolist() == ["So"]
    assert row["speaker"].tolist() == ["a sign at the gate of the plant"]
    assert row["rule"].tolist() == ["c_vs"]


def test_reflexive_and_hyphenated_words_in_a_subject():
    q = _quotes("Ruiz herself said on Tuesday that the mill would reopen.")
    assert q["speaker"].tolist() == ["Ruiz"]
    q = _quotes("The self-described union man said he would vote for Ruiz.")
    assert q["speaker"].tolist() == ["The self-described union man"]


def test_promise_to_do():
    q = _quotes("Ruiz has pledged to visit every county in the state.")
    assert q["content"].tolist() == ["to visit every county in the state"]
    q = _quotes("The union vowed not to give up the fight.")
    assert q["content"].tolist() == ["not to give up the fight"]
    assert _quotes("Ruiz pledged the money to the fund.").empty


def test_records_show_closes_a_statement():
    q = _quotes("He agreed to sell the mill in 2010, county records show.")
    assert q["speaker"].tolist() == ["county records"]
    assert q["content"].tolist() == ["He agreed to sell the mill in 2010"]
    assert _quotes("The sisters went home, the pictures show.").empty


def test_a_short_bracket_between_the_speaker_and_the_cue():
    q = _quotes("Sen. Ana Ruiz (D-Ohio) said the plant would close.")
    assert q["speaker"].tolist() == ["Sen. Ana Ruiz"]
    assert q["content"].tolist() == ["the plant would close"]


def test_but_after_a_statement_keeps_its_speaker():
    q = _quotes(
        "The Mill Trust, which represents about 900 workers, said in a statement that it was"
        " pleased but urged the board to keep the night shift."
    )
    assert q["content"].tolist() == ["it was pleased", "the board to keep the night shift"]
    assert q["speaker"].tolist() == ["The Mill Trust", "The Mill Trust"]


# ----- bad input ------------------------------------------------------------------------


def test_a_semicolon_before_a_clause_with_its_own_cue_ends_the_statement():
    q = _quotes("The mayor said the road should open on Monday; the council said it would wait.")
    assert q[["speaker", "content"]].values.tolist() == [
        ["The mayor", "the road should open on Monday"],
        ["the council", "it would wait"],
    ]
    q = _quotes("He said the plan was costly; it would also take years.")
    assert q["content"].tolist() == ["the plan was costly; it would also take years"]


def test_a_long_run_of_cues_in_one_sentence_is_read_quickly_and_clause_by_clause():
    """A sentence holding far more cue words than any news sentence (a pasted list) is read
    in bounded time (MAX_CUES_PER_SENTENCE), and no statement swallows the clauses after it."""
    import time

    from tests.conftest import HANG_LIMIT_S

    clauses = [f"resident {i} said the road should open on day {i}" for i in range(80)]
    start = time.perf_counter()
    q = _quotes("At the meeting, " + "; ".join(clauses) + ".")
    assert time.perf_counter() - start < HANG_LIMIT_S
    assert len(q) > 0 and not q["content"].str.contains(";").any()


# ----- where the cue sits: clauses around it ---------------------------------------


def test_a_quoted_title_in_the_opening_phrase_is_not_the_statement():
    q = _quotes('Speaking on "Morning Desk," the mayor said the mill would reopen in "a few weeks."')
    assert q[["kind", "content", "speaker", "rule"]].values.tolist() == [
        ["mixed", 'the mill would reopen in "a few weeks."', "the mayor", "sv_c"]
    ]


def test_a_coordinated_clause_with_a_cue_of_its_own_is_a_second_statement():
    q = _quotes(
        "The mayor stressed that the plan was not finished, and union leaders warned that"
        " the mill could close by spring."
    )
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["the plan was not finished", "The mayor", "sv_c"],
        ["the mill could close by spring", "union leaders", "sv_c"],
    ]
    q = _quotes("The mayor said the budget was tight, though she noted taxes are not rising.")
    assert q["content"].tolist() == ["the budget was tight", "taxes are not rising"]
    assert q["speaker"].tolist() == ["The mayor", "she"]
    q = _quotes("The owners blamed the weather but county officials have said the mill was poorly run.")
    assert q[["content", "speaker"]].values.tolist() == [
        ["the weather", "The owners"],  # "blamed O": a complement cue of its own
        ["the mill was poorly run", "county officials"],
    ]
    q = _quotes("The mayor said the vote would be close — and she noted that turnout was low.")
    assert q["content"].tolist() == ["the vote would be close", "turnout was low"]
    # a second clause with no cue stays part of the statement
    q = _quotes("The mayor said the tax would rise, and the deficit would fall.")
    assert q["content"].tolist() == ["the tax would rise, and the deficit would fall"]


def test_a_quantifier_that_speaks():
    q = _quotes("Several said the mill should reopen. Many say the vote was rushed.")
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["the mill should reopen", "Several", "sv_c"],
        ["the vote was rushed", "Many", "sv_c"],
    ]
    assert _quotes("The workers had their say on the mill.").empty


def test_auxiliaries_and_negations_before_the_cue():
    q = _quotes(
        "The foreman did not say who ordered the closure. The owner would only say that the mill"
        " was losing money. The union could deny that it was consulted. She often said the mill was her life."
    )
    assert q[["content", "speaker", "cue"]].values.tolist() == [
        ["who ordered the closure", "The foreman", "say"],
        ["the mill was losing money", "The owner", "say"],
        ["it was consulted", "The union", "deny"],
        ["the mill was her life", "She", "said"],
    ]


def test_a_sentence_cut_after_brackets_keeps_its_subject():
    q = _quotes("The mill is old. Rep. Ana Ruiz (D-Ohio.) said the county should buy it.")
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["the county should buy it", "Rep. Ana Ruiz", "sv_c"]
    ]


def test_relative_clauses_name_their_speaker():
    q = _quotes(
        "The council heard from a retired welder, who said the mill had poisoned the river."
        " The plan was blocked by the State Court of Appeals, which ruled that the sale was unlawful."
    )
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["the mill had poisoned the river", "a retired welder", "sv_c"],
        ["the sale was unlawful", "State Court of Appeals", "sv_c"],
    ]


def test_a_relative_clause_after_a_time_phrase_or_between_dashes():
    q = _quotes(
        "The owner is Ana Ruiz, who in 2010 said the mill would never close."
        " Mayor Tom Hale - who once said the plant was “a relic” - said on Monday that it would stay."
    )
    assert q[["kind", "content", "speaker"]].values.tolist() == [
        ["indirect", "the mill would never close", "Ana Ruiz"],
        ["mixed", "the plant was “a relic”", "Mayor Tom Hale"],
        ["indirect", "it would stay", "Mayor Tom Hale"],
    ]


def test_a_relative_clause_ends_before_the_sentence_s_own_attribution():
    q = _quotes(
        "After the audit, which found that the mill broke safety rules, the owners said they would appeal."
    )
    assert q[["content", "speaker"]].values.tolist() == [
        ["the mill broke safety rules", "the audit"],
        ["they would appeal", "the owners"],
    ]


def test_a_long_document_subject_reports_without_that():
    q = _quotes("The mill is old. Video of the meeting shows the owner leaving before the vote.")
    assert q[["content", "speaker", "source_type"]].values.tolist() == [
        ["the owner leaving before the vote", "Video of the meeting", "organization"]
    ]


def test_a_long_possessive_appositive_between_name_and_cue():
    q = _quotes(
        "Mexico, the county's largest buyer and its oldest partner across the river, said it would wait."
    )
    assert q[["content", "speaker"]].values.tolist() == [["it would wait", "Mexico"]]


def test_a_one_word_speaker_closes_the_statement_after_its_cue():
    q = _quotes("The mill would reopen by spring, but only for a few months, said Ruiz.")
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["The mill would reopen by spring, but only for a few months", "Ruiz", "c_vs"]
    ]
    q = _quotes("Turnout will be low this year, noted the Gazette’s Ana Ruiz on Monday.")
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["Turnout will be low this year", "the Gazette’s Ana Ruiz", "c_vs"]
    ]


def test_a_title_case_first_line_ending_with_a_stop_is_a_headline():
    q = kit.parse_article("Mill Will Reopen In Spring, County Judge Says.\n\nThe mill is old.\n").quotes
    assert q[["content", "speaker", "cue"]].values.tolist() == [
        ["Mill Will Reopen In Spring", "County Judge", "Says"]
    ]


def test_auxiliaries_and_adverbs_after_and_but_or_a_comma():
    q = _quotes("Ana Ruiz visited the workers but has since said the mill will close.")
    assert q[["content", "speaker"]].values.tolist() == [["the mill will close", "Ana Ruiz"]]
    q = _quotes("Ana Ruiz complained about the noise, even suggesting the mill should close.")
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["the noise", "Ana Ruiz", "sv_o"],  # "complained about O": a complement cue of its own
        ["the mill should close", "Ana Ruiz", "s_ving_c"],
    ]
    q = _quotes("Ana Ruiz toured the mill, greeting the staff and suggesting that it could stay open.")
    assert q[["content", "speaker", "rule"]].values.tolist() == [
        ["it could stay open", "Ana Ruiz", "s_ving_c"]
    ]


def test_unusual_subjects_a_pronoun_object_and_a_negated_progressive():
    q = _quotes("Those close to him say that the mill will close.")
    assert q[["content", "speaker"]].values.tolist() == [["the mill will close", "Those close to him"]]
    q = _quotes("The mayor isn’t saying if the mill will close.")
    assert q[["content", "speaker"]].values.tolist() == [["if the mill will close", "The mayor"]]


def test_a_document_noun_inside_a_subject_kept_as_written():
    q = _quotes("A county report published Monday said the mill broke safety rules.")
    assert q[["content", "speaker"]].values.tolist() == [
        ["the mill broke safety rules", "A county report published Monday"]
    ]


def test_a_coordinated_cue_after_an_opening_conjunction():
    q = _quotes("But the mayor visited the mill on Monday and said it would close.")
    assert q[["content", "speaker"]].values.tolist() == [["it would close", "the mayor"]]


def test_one_person_before_a_restrictive_who():
    q = _quotes("The county never paid an engineer who said the dam was unsafe.")
    assert q[["content", "speaker"]].values.tolist() == [["the dam was unsafe", "an engineer"]]
    assert _quotes("The county hired an engineer who asked that the dam be closed.").empty


def test_a_share_of_people_who_said_is_a_second_statement():
    q = _quotes("Half said the mill should close, compared with four in 10 who said it should stay open.")
    assert q[["content", "speaker"]].values.tolist() == [
        ["the mill should close", "Half"],
        ["it should stay open", "four in 10"],
    ]


# ----- one sentence, two statements ------------------------------------------------


def test_said_after_a_comma_and_a_second_subject_starts_a_second_statement():
    q = _quotes("Half of the workers said the mill is safe, and a third said the same of the mine.")
    assert q["speaker"].tolist() == ["Half of the workers", "a third"]
    assert q["content"].tolist() == ["the mill is safe", "the same of the mine"]


def test_a_comma_a_short_subject_and_says_start_a_second_statement():
    q = _quotes("Some workers say the mill should close, others say it has never been busier.")
    assert q["speaker"].tolist() == ["Some workers", "others"]
    assert q["content"].tolist() == ["the mill should close", "it has never been busier"]


def test_a_share_of_people_after_a_qualifier_speaks():
    q = _quotes("Most residents like the plan, and more than 4 in 10 said the mill should reopen.")
    assert q["speaker"].tolist() == ["more than 4 in 10"]
    assert q["source_type"].tolist() == ["anonymous"]
    assert q["content"].tolist() == ["the mill should reopen"]


# ----- subjects kept as written: a possessive, a share, "at least" ---------------------


def test_a_possessive_her_opens_a_subject():
    q = _quotes("Her advisers and allies say she will tour the mill next week.")
    assert q["speaker"].tolist() == ["Her advisers and allies"]
    assert q["content"].tolist() == ["she will tour the mill next week"]


def test_a_percentage_and_at_least_half_speak():
    q = _quotes(
        "At least half of the workers say the mill should reopen. In the county, 42% say it should close."
    )
    assert q["speaker"].tolist() == ["At least half of the workers", "42%"]
    assert q["content"].tolist() == ["the mill should reopen", "it should close"]


def test_as_reported_by_names_a_source_like_according_to():
    q = _quotes(
        "As reported by the Herald, the mill will close in June. "
        "The union will appeal, as first reported by the county paper."
    )
    assert q["speaker"].tolist() == ["the Herald", "the county paper"]
    assert q["content"].tolist() == ["the mill will close in June", "The union will appeal"]
    assert q["rule"].tolist() == ["according_to", "according_to"]


def test_according_to_after_a_conjunction_or_a_colon_reports_what_follows():
    q = _quotes(
        "But according to the poll, most workers want the mill open. "
        "It did not go unnoticed: according to the union, three shifts were cut."
    )
    assert q["speaker"].tolist() == ["the poll", "the union"]
    assert q["content"].tolist() == ["most workers want the mill open", "three shifts were cut"]


def test_according_to_after_a_count_and_inside_brackets():
    q = _quotes(
        "Of 45 workers, the mill kept just three, according to the union. "
        "(According to the police, the gate was open.)"
    )
    assert q["speaker"].tolist() == ["the union", "the police"]
    assert q["content"].tolist() == ["Of 45 workers, the mill kept just three", "the gate was open"]


def test_a_noun_ending_in_ly_closes_a_subject():
    q = _quotes("Even the organiser of the pier rally said the council ignored the petition.")
    assert q["speaker"].tolist() == ["the organiser of the pier rally"]
    assert q["content"].tolist() == ["the council ignored the petition"]


def test_a_subject_before_a_phrase_between_commas_speaks():
    q = _quotes(
        "Backers of the pier plan, however, say it will pay for itself. "
        "The harbour board, in a letter to residents, has said it would wait."
    )
    assert q["speaker"].tolist() == ["Backers of the pier plan", "The harbour board"]
    assert q["content"].tolist() == ["it will pay for itself", "it would wait"]


def test_a_concession_before_the_speaker_is_not_content():
    q = _quotes("Though the figures are hard to check, engineers say the pier is sinking.")
    assert q["speaker"].tolist() == ["engineers"]
    assert q["content"].tolist() == ["the pier is sinking"]


def test_and_a_second_subject_with_a_verb_of_one_sense_starts_a_second_statement():
    q = _quotes("The mayor said the county would act, and the union urged the board to resume talks.")
    assert q["speaker"].tolist() == ["The mayor", "the union"]
    assert q["content"].tolist() == ["the county would act", "the board to resume talks"]


def test_a_colon_inside_a_time_does_not_cut_content_before_according_to():
    q = _quotes("The quake hit at 4:17 a.m. near the town, according to the authority.")
    assert q["content"].tolist() == ["The quake hit at 4:17 a.m. near the town"]
