"""Self-checks for the lessons' "try it" questions, and short previews of long tables.

A "try it" cell names its question and passes the student's answer::

    kit.lessons.check("02.anonymous", answer)

The expected value is computed here, from the article's tables, so the cell the
student reads does not show it. Each question has a short title (said back with
the feedback, so the student knows which question was checked), the function
that computes its answer, and a hint.

:func:`expected` and :func:`feedback` are pure functions of the question and the
article; :func:`check` prints the feedback. :func:`preview` shows the first rows
of a long table with the whole table one click away.
"""

from __future__ import annotations

import contextlib
import difflib
import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kit.errors import KitError

__all__ = ["QUESTIONS", "Preview", "check", "expected", "feedback", "preview"]

_STRIKES_GMT = pd.Timestamp("2023-12-26 01:45")
"""The strikes' time as lesson 04 reads it: "at 1:45 GMT on Tuesday"."""


class UnknownQuestionError(KitError, KeyError):
    """A self-check was asked about a question the lessons do not have."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Question:
    """One "try it" question: its title, how its answer is computed, and a hint."""

    title: str
    answer: Callable[..., Any]
    hint: str
    explain: str = ""
    needs: tuple[str, ...] = ()
    """Inputs other than the bundled article, passed by keyword to :func:`check`."""
    also_right: Callable[..., tuple] = lambda **_: ()
    """Other answers accepted as right (such as a straight quotation mark for a curly one)."""


def _seed():
    import kit

    return kit.load_article()


def _what_if_precision(article, key) -> float:
    """Precision of the source types if the key called Tom Reed an anonymous source."""
    import dataclasses

    import kit

    changed = key.quotes.copy()
    changed.loc[changed["speaker_name"] == "Tom Reed", "source_type"] = "anonymous"
    scores = kit.evaluate(article, dataclasses.replace(key, quotes=changed))
    return round(float(scores.loc[scores["table"] == "source_types", "precision"].iloc[0]), 2)


def _baghdad_day() -> int:
    import kit

    return int(kit.convert_time(_STRIKES_GMT, "GMT", "Asia/Baghdad").day)


QUESTIONS: dict[str, Question] = {
    "01.body_sentences": Question(
        "how many sentences the body has",
        lambda article: int((article.sentences["part"] == "body").sum()),
        "count the rows of `sentences` whose part is 'body'",
    ),
    "01.longest_sentence": Question(
        "the sentence_id of the longest sentence",
        lambda article: int(article.sentences.loc[article.sentences["n_words"].idxmax(), "sentence_id"]),
        "sort `sentences` by n_words, or use idxmax, and read the sentence_id",
    ),
    "01.opening_mark": Question(
        "the character at article.text[561:562]",
        lambda article: article.text[561:562],
        "print(article.text[561:562]): it is the character that opens the first quotation",
        also_right=lambda article: ('"',) if article.text[561:562] in "“”„«»" else (),
        explain='a straight " or the curly “ both count: the article has the curly one',
    ),
    "02.anonymous": Question(
        "how many statements rest on an anonymous source",
        lambda article: int((article.quotes["source_type"] == "anonymous").sum()),
        "look at the source type of each statement in the table or the chart",
    ),
    "02.press_tv_sources": Question(
        'the source type of "Press TV sources" (quote 2)',
        lambda article: str(article.quotes.loc[article.quotes["quote_id"] == 2, "source_type"].iloc[0]),
        "the outlet vouches for them itself: one of named, organization, anonymous, own_sources",
    ),
    "02.unsourced_claims": Question(
        "the sentence_ids of the disputable claims with no source",
        lambda article: {
            int(s) for s in article.claims.loc[article.claims["unattributed_claim"], "sentence_id"]
        },
        "the sentences the claims table flags as an unattributed claim",
    ),
    "03.self_defense": Question(
        'the device the kit gives the quotation marks around "self-defense"',
        lambda article: str(article.labels.loc[article.labels["label"] == "self-defense", "device"].iloc[0]),
        "find the row of the labels table for self-defense, and read its device",
    ),
    "03.quoted_labels": Question(
        "how many labels come from quoted speakers",
        lambda article: int((article.labels["voice"] != "narration").sum()),
        "a quoted speaker's label has the speaker's name as its voice",
    ),
    "04.baghdad_day": Question(
        "the day of the month of the strikes in Baghdad",
        lambda article: _baghdad_day(),
        "convert the strikes' time to Baghdad's zone, as in section 3, and read the day",
    ),
    "05.statements": Question(
        "how many statements the kit found in your article",
        lambda article: len(article.quotes),
        "one row of the quotes table is one statement",
    ),
    "05.what_if_precision": Question(
        "the precision of the source types if your key called Tom Reed anonymous",
        _what_if_precision,
        "count the statements whose source type would still agree, and divide by the kit's statements",
        explain="one of the kit's source types no longer agrees with the key",
        needs=("key",),
    ),
}

_ORDER_QUESTION = "04.order"
_ORDER_TITLE = "the order of events 1, 2 and 10"


def _unknown(question: str) -> UnknownQuestionError:
    names = sorted([*QUESTIONS, _ORDER_QUESTION])
    close = difflib.get_close_matches(str(question), names, n=1)
    guess = f" Did you mean {close[0]!r}?" if close else ""
    return UnknownQuestionError(
        f"There is no question {question!r} in the lessons.{guess} The questions are: {', '.join(names)}."
        f' Copy the name from the cell, for example kit.lessons.check("02.anonymous", answer).'
    )


def _inputs(question: str, article, inputs: dict) -> tuple[Question, dict]:
    if question not in QUESTIONS:
        raise _unknown(question)
    q = QUESTIONS[question]
    missing = [name for name in q.needs if name not in inputs]
    if missing:
        raise TypeError(
            f"The question {question!r} also needs {', '.join(missing)}: "
            f"kit.lessons.check({question!r}, answer, article=..., {missing[0]}=...)."
        )
    return q, {"article": article if article is not None else _seed(), **{n: inputs[n] for n in q.needs}}


def expected(question: str, article=None, **inputs) -> Any:
    """The answer the self-check expects (for instructors and tests; the lessons never print it).

    Parameters
    ----------
    question
        The question's name, such as ``"02.anonymous"`` (see ``QUESTIONS``).
    article
        The article the question is about; the bundled article by default.
    **inputs
        Anything else the question needs, such as ``key=`` for ``"05.what_if_precision"``.

    Examples
    --------
    >>> expected("01.body_sentences")
    16
    >>> expected("02.unsourced_claims")
    {11, 12}
    """
    if question == _ORDER_QUESTION:
        import itertools

        from kit.widgets import order_feedback

        art = article if article is not None else _seed()
        for order in itertools.permutations([1, 2, 10]):
            if order_feedback(art, list(order), partial=True).startswith("Your order keeps"):
                return list(order)
        return None
    q, args = _inputs(question, article, inputs)
    return q.answer(**args)


def feedback(question: str, answer: Any, article=None, **inputs) -> str:
    """The self-check's feedback as text: which question, then right, not quite (with a hint), or not answered.

    Examples
    --------
    >>> print(feedback("02.anonymous", ...))
    02.anonymous (how many statements rest on an anonymous source): Not answered yet: replace ... with your answer. Hint: look at the source type of each statement in the table or the chart.
    >>> print(feedback("02.anonymous", 1))
    02.anonymous (how many statements rest on an anonymous source): ✓ Right: 1.
    >>> print(feedback("01.opening_mark", '"'))
    01.opening_mark (the character at article.text[561:562]): ✓ Right: '"'. (a straight " or the curly “ both count: the article has the curly one)
    >>> print(feedback("02.anonymous", 3))
    02.anonymous (how many statements rest on an anonymous source): ✗ Not quite: you answered 3. Hint: look at the source type of each statement in the table or the chart.
    """
    from kit.widgets import check_answer, order_feedback

    if question == _ORDER_QUESTION:
        head = f"{question} ({_ORDER_TITLE}): "
        if answer is Ellipsis:
            return (
                head + "Not answered yet: replace ... with a list of the three event ids, such as [10, 2, 1]."
            )
        art = article if article is not None else _seed()
        return head + order_feedback(art, answer, partial=True)
    q, args = _inputs(question, article, inputs)
    want = q.answer(**args)
    if answer is not Ellipsis and isinstance(answer, str) and answer in q.also_right(**args):
        want = answer  # an accepted variant, such as the straight quotation mark
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        check_answer(answer, want, hint=q.hint, explain=q.explain)
    return f"{question} ({q.title}): {out.getvalue().rstrip()}"


def check(question: str, answer: Any, article=None, **inputs) -> None:
    """Print the self-check's feedback on a "try it" answer.

    Parameters
    ----------
    question
        The question's name, as the lesson gives it (``"02.anonymous"``).
    answer
        Your answer; ``...`` means not answered yet.
    article
        The article the question is about; the bundled article by default
        (lesson 05 passes your own).
    **inputs
        Anything else the question needs, such as ``key=`` for ``"05.what_if_precision"``.

    Examples
    --------
    >>> check("03.self_defense", "scare quotes")
    03.self_defense (the device the kit gives the quotation marks around "self-defense"): ✓ Right: 'Scare_Quotes'.
    >>> check("02.anonimous", 1)
    Traceback (most recent call last):
    ...
    kit.lessons.UnknownQuestionError: There is no question '02.anonimous' in the lessons. Did you mean '02.anonymous'? ...
    """
    print(feedback(question, answer, article, **inputs))


# ----- previews of long tables ---------------------------------------------------------


class Preview:
    """The first rows of a table, with the whole table one click away (an HTML ``<details>``)."""

    def __init__(self, table: pd.DataFrame, columns: list[str] | None, rows: int, what: str):
        self.table, self.columns, self.rows, self.what = table, columns, rows, what

    def _head(self) -> pd.DataFrame:
        shown = self.table[self.columns] if self.columns else self.table
        return shown.head(self.rows)

    def _rest(self) -> str:
        n = len(self.table)
        return f"{n} {self.what} in all" + (f", {len(self.table.columns)} columns" if self.columns else "")

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", 60, "display.width", 120):
            text = self._head().to_string()
        more = len(self.table) > self.rows or self.columns
        return text + (f"\n({self._rest()}: the notebook's HTML view has the whole table.)" if more else "")

    def _repr_html_(self) -> str:
        head = self._head().to_html(border=0)
        if len(self.table) <= self.rows and not self.columns:
            return head
        with pd.option_context("display.max_colwidth", None):
            full = self.table.to_html(border=0, render_links=True)
        summary = html.escape(f"Show the whole table ({self._rest()})")
        return f"{head}\n<details><summary>{summary}</summary>\n{full}\n</details>"


def preview(
    table: pd.DataFrame, columns: list[str] | None = None, *, rows: int = 6, what: str = "rows"
) -> Preview:
    """Show the first ``rows`` rows of ``table`` (only ``columns``), the whole table one click away.

    In a notebook the whole table, every column at full width, sits in a
    collapsed "Show the whole table" below the first rows.

    Examples
    --------
    >>> import kit
    >>> preview(kit.load_article().sentences, ["sentence_id", "part"], rows=2)
       sentence_id      part
    0            0  headline
    1            1   caption
    (18 rows in all, ... columns: the notebook's HTML view has the whole table.)
    """
    if columns is not None:
        unknown = [c for c in columns if c not in table.columns]
        if unknown:
            raise KeyError(
                f"No column {unknown[0]!r} in the table; its columns are {', '.join(table.columns)}."
            )
    return Preview(table, list(columns) if columns is not None else None, rows, what)
