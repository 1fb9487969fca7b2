"""The layout parser on layouts other than the seed's."""

from __future__ import annotations

import datetime as dt

import pytest

import kit
from kit.parts import find_parts


def parts_of(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(p.part, text[p.start_char : p.end_char]) for p in find_parts(text, **kwargs)]


def test_corpus_layout_headline_blank_line_paragraphs():
    text = (
        "Council approves new budget\n\n"
        "The city council approved a $2.1 million budget on Monday. The vote was 7-2.\n"
        "Mayor Jane Ortiz said the plan would fund two new libraries.\n"
        "Critics said it cut park spending.\n"
    )
    assert parts_of(text) == [
        ("headline", "Council approves new budget"),
        ("body", "The city council approved a $2.1 million budget on Monday. The vote was 7-2."),
        ("body", "Mayor Jane Ortiz said the plan would fund two new libraries."),
        ("body", "Critics said it cut park spending."),
    ]
    article = kit.parse_article(text)
    assert article.sentences["part"].tolist() == ["headline", "body", "body", "body", "body"]


def test_windows_line_endings_and_nbsp():
    text = "Storm\u00a0hits coast\r\n\r\nA storm hit the coast.\u00a0Two people were hurt.\r\n\r\nShare this article\r\n"
    article = kit.parse_article(text)
    assert article.parts["part"].tolist() == ["headline", "body", "boilerplate"]
    assert article.sentences["text"].tolist() == [
        "Storm\u00a0hits coast",
        "A storm hit the coast.",
        "Two people were hurt.",
    ]
    assert "\r" not in "".join(article.sentences["text"])


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Headline here\n\n"
        "This paragraph was wrapped by an old mail client at a fixed width so it\n"
        "continues on the next line and should be one paragraph.\n\n"
        "A second paragraph.\n"
    )
    parts = parts_of(text)
    assert [p for p, _ in parts] == ["headline", "body", "body"]
    assert parts[1][1].endswith("should be one paragraph.")
    assert kit.parse_article(text).sentences["paragraph_id"].tolist() == [0, 1, 2]


def test_byline_caption_and_credit():
    text = (
        "Flood waters recede in the valley\n\n"
        "By Maria Lopez\n\n"
        "Residents clean up on Sunday. Photo: Reuters\n\n"
        "The water has gone down, officials said on Sunday.\n\n"
        "Advertisement\n\n"
        "Repairs will take months, Mr. Lee said.\n\n"
        "Follow us on social media\n"
        "Newsletter\n"
    )
    assert parts_of(text) == [
        ("headline", "Flood waters recede in the valley"),
        ("byline", "By Maria Lopez"),
        ("caption", "Residents clean up on Sunday."),
        ("credit", "Photo: Reuters"),
        ("body", "The water has gone down, officials said on Sunday."),
        ("boilerplate", "Advertisement"),
        ("body", "Repairs will take months, Mr. Lee said."),
        ("boilerplate", "Follow us on social media"),
        ("boilerplate", "Newsletter"),
    ]


def test_body_only_article_has_no_headline():
    text = "A storm hit the coast on Monday. Two people were hurt."
    article = kit.parse_article(text)
    assert article.headline is None
    assert article.parts["part"].tolist() == ["body"]
    assert len(article.sentences) == 2


def test_long_first_paragraph_is_not_a_headline():
    text = ("word " * 40).strip() + " and more.\n\nSecond paragraph."
    assert [p for p, _ in parts_of(text)] == ["body", "body"]


def test_title_from_metadata_marks_the_headline():
    text = "A headline that ends with a full stop.\n\nThe body starts here."
    assert parts_of(text)[0][0] == "body"
    assert parts_of(text, title="A headline that ends with a full stop.")[0][0] == "headline"


def test_metadata_header(tmp_path):
    path = tmp_path / "council.txt"
    path.write_text(
        "---\n"
        "title: Council approves new budget\n"
        "outlet: The Example Gazette\n"
        "url: https://example.org/budget\n"
        "published: 2024-03-05\n"
        "language: en\n"
        "---\n"
        "Council approves new budget\n\n"
        "The council approved the budget on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    article = kit.load_article(path)
    assert article.name == "council"
    assert article.published == dt.date(2024, 3, 5)
    assert article.metadata["outlet"] == "The Example Gazette"
    assert article.metadata["url"] == "https://example.org/budget"
    assert article.text.startswith("Council approves new budget")
    assert article.sentences["text"].tolist()[0] == "Council approves new budget"
    row = article.sentences.iloc[1]
    assert article.text[row["start_char"] : row["end_char"]] == row["text"]


def test_curly_and_straight_quotes_are_kept():
    text = 'Talks \u201cproductive\u201d, minister says\n\n"We agreed," the minister said. \u2018Fine,\u2019 he added.'
    article = kit.parse_article(text)
    assert article.text == text
    assert article.sentences["text"].tolist() == [
        "Talks \u201cproductive\u201d, minister says",
        '"We agreed," the minister said.',
        "\u2018Fine,\u2019 he added.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gen. Kurilla and Lt. Col. Smith met Sen. Jones and Rep. Diaz.", 1),
        ("Mr. and Mrs. Lee met Dr. Patel at St. Mary's.", 1),
        ("Acme Co. and Widget Inc. signed at 9 a.m. and left at 5 p.m. on Jan. 4.", 1),
        ("The U.S. Army said so. The U.S. The end.", 3),
        ("George W. Bush spoke. J. K. Rowling wrote.", 2),
        ("It fell 3.5 percent. Prices rose.", 2),
        ("He arrived in the U.S. The talks began on Oct. 17 in Washington.", 2),
    ],
)
def test_news_abbreviations(sentence, expected):
    assert len(kit.parse_article(sentence).sentences) == expected


def test_published_given_as_text_becomes_a_date():
    article = kit.parse_article("Storm hits\n\nA storm hit on Monday.", metadata={"published": "2024-03-05"})
    assert article.published == dt.date(2024, 3, 5)
    with pytest.raises(
        kit.errors.ArticleFormatError, match=r"The metadata of 'pasted' says published: 'March 5'"
    ):
        kit.parse_article("Storm hits\n\nA storm hit.", metadata={"published": "March 5"})


def test_a_megabyte_without_punctuation_is_cut_into_windows():
    from kit.sentences import MAX_WINDOW, SentenceLengthWarning

    text = "Headline\n\n" + "word " * 200_000
    with pytest.warns(
        SentenceLengthWarning, match=r"ran past 5,000 characters 199 time\(s\) without a sentence end"
    ):
        article = kit.parse_article(text)
        sentences = article.sentences
    body = sentences[sentences["part"] == "body"]
    assert (body["end_char"] - body["start_char"]).max() <= MAX_WINDOW
    assert body["rule"].value_counts().to_dict() == {"length_limit": 199, "paragraph_end": 1}


def test_long_paragraph_windows_end_at_likely_sentence_ends():
    text = "Headline\n\n" + "The vote was held today. " * 1_000
    sentences = kit.parse_article(text).sentences
    assert len(sentences) == 1_001
    assert set(sentences["rule"]) == {"paragraph_end", "punkt", "long_paragraph"}
    assert (sentences["text"].iloc[1:] == "The vote was held today.").all()


def test_agency_slash_photographer_credit():
    text = "Floods hit city\n\nResidents wade through water on Monday. REUTERS/John Smith\n\nThe water rose."
    assert parts_of(text)[1:3] == [
        ("caption", "Residents wade through water on Monday."),
        ("credit", "REUTERS/John Smith"),
    ]
