"""The lessons' self-checks: answers computed inside the kit, feedback that names the question."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import lessons

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

SEED_ANSWERS = {
    "01.body_sentences": 16,
    "01.longest_sentence": 4,
    "01.opening_mark": "“",
    "02.anonymous": 1,
    "02.press_tv_sources": "own_sources",
    "02.unsourced_claims": {11, 12},
    "03.self_defense": "Scare_Quotes",
    "03.quoted_labels": 2,
    "04.baghdad_day": 26,
    "04.order": [2, 10, 1],
}


@pytest.mark.parametrize(("question", "answer"), SEED_ANSWERS.items())
def test_expected_answers_for_the_seed(question, answer, seed):
    assert lessons.expected(question, seed) == answer


@pytest.mark.parametrize(("question", "answer"), SEED_ANSWERS.items())
def test_the_right_answer_is_right_and_named(question, answer, seed):
    text = lessons.feedback(question, answer, seed)
    assert text.startswith(f"{question} (")
    assert "✓ Right" in text or "keeps every constraint" in text


@pytest.mark.parametrize("question", SEED_ANSWERS)
def test_not_answered_yet_does_not_give_the_answer(question, seed):
    text = lessons.feedback(question, ..., seed)
    assert "Not answered yet" in text
    answer = SEED_ANSWERS[question]
    if isinstance(answer, str) and len(answer) > 1:
        assert answer not in text.split("Hint:")[0]  # a hint may list the options, never single one out


def test_a_wrong_answer_gets_a_hint_not_the_answer(seed):
    text = lessons.feedback("02.press_tv_sources", "named", seed)
    assert text == (
        '02.press_tv_sources (the source type of "Press TV sources" (quote 2)): ✗ Not quite: you answered'
        " 'named'. Hint: the outlet vouches for them itself: one of named, organization, anonymous, own_sources."
    )


@pytest.mark.parametrize("mark", ['"', "“"])
def test_opening_mark_accepts_straight_and_curly(mark, seed):
    assert "✓ Right" in lessons.feedback("01.opening_mark", mark, seed)


def test_opening_mark_says_character(seed):
    assert "the character at" in lessons.feedback("01.opening_mark", ..., seed)
    assert "✗ Not quite" in lessons.feedback("01.opening_mark", "'", seed)


def test_order_feedback_names_a_broken_constraint(seed):
    text = lessons.feedback("04.order", [1, 10, 2], seed)
    assert text.startswith("04.order (")
    assert "breaks" in text


def test_unknown_question_suggests_the_nearest():
    with pytest.raises(lessons.UnknownQuestionError, match=r"Did you mean '02\.anonymous'\?"):
        lessons.check("02.anonimous", 1)
    with pytest.raises(KeyError):  # a KitError that is also a KeyError
        lessons.expected("99.nothing")


def test_own_article_questions():
    mine = kit.parse_article(
        'Council votes\n\n"It is a good day," said Mayor Ana Lopez. Residents told the Gazette it was bad.\n',
        name="tiny",
    )
    assert lessons.expected("05.statements", mine) == len(mine.quotes)
    with pytest.raises(TypeError, match="key="):
        lessons.check("05.what_if_precision", 0.5, mine)


def test_check_prints_feedback(capsys, seed):
    lessons.check("03.quoted_labels", 2, seed)
    assert (
        capsys.readouterr().out
        == "03.quoted_labels (how many labels come from quoted speakers): ✓ Right: 2.\n"
    )


def test_try_it_cells_do_not_compute_their_answer():
    """Every self-check in the lessons goes through kit.lessons.check, never an answer in plain sight."""
    for path in sorted(NOTEBOOKS.glob("[0-9]*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and "answer = ..." in source:
                assert "lessons.check(" in source, (path.name, source)
                assert "check_answer" not in source and ".sum()" not in source, (path.name, source)
                names = re.findall(r'lessons\.check\("([^"]+)"', source)
                assert names and all(n in lessons.QUESTIONS or n == "04.order" for n in names), names


def test_preview_keeps_the_rest_one_click_away():
    table = pd.DataFrame({"a": range(10), "url": [f"https://example.org/{i}" for i in range(10)]})
    shown = lessons.preview(table, ["a"], rows=3)
    assert (
        repr(shown).splitlines()[-1]
        == "(10 rows in all, 2 columns: the notebook's HTML view has the whole table.)"
    )
    page = shown._repr_html_()
    assert page.count("<details>") == 1 and "https://example.org/9" in page.split("<details>")[1]
    assert "https://example.org/0" not in page.split("<details>")[0]
    small = lessons.preview(table, rows=20)
    assert "<details>" not in small._repr_html_()
    with pytest.raises(KeyError, match="No column 'b'"):
        lessons.preview(table, ["b"])
