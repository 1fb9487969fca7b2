"""Charts of the reading: sentence lengths and the commonest words."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from kit.charts.bars import _described, _require
from kit.charts.colours import OKABE_ITO, darker, mark_palette
from kit.charts.offline import _ready

if TYPE_CHECKING:  # altair is imported lazily, inside the functions
    import altair as alt

MAX_SENTENCE_BARS = 200
"""Past this many sentences, the sentence-length chart draws one bar per run of
sentences (their mean length) instead of one per sentence, and says so."""


def sentence_lengths_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """The words in each sentence: ``sentence_id``, ``part``, ``n_words``."""
    _require(sentences, ["sentence_id", "part", "n_words"], "sentence_lengths")
    return sentences[["sentence_id", "part", "n_words"]].reset_index(drop=True)


def _sentence_runs(data: pd.DataFrame) -> int:
    """How many sentences each bar of the sentence-length chart stands for (1 up to MAX_SENTENCE_BARS)."""
    return 1 if len(data) <= MAX_SENTENCE_BARS else -(-len(data) // (MAX_SENTENCE_BARS // 2))


def sentence_lengths_text(sentences: pd.DataFrame) -> str:
    """Say :func:`sentence_lengths_table` in one sentence (and, for a long text, how the chart groups it)."""
    data = sentence_lengths_table(sentences)
    bits = []
    for part in ("headline", "caption"):
        rows = data[data["part"].astype("string") == part]
        if len(rows) == 1:
            bits.append(f"the {part} {'has ' if not bits else ''}{int(rows['n_words'].iloc[0])} words")
    body = data[data["part"].astype("string") == "body"]["n_words"]
    if len(body):
        bits.append(
            f"the {len(body)} body sentences {int(body.min())} to {int(body.max())}"
            f" (median {body.median():g})"
        )
    text = ", ".join(bits[:-1]) + (", " if len(bits) > 1 else "") + bits[-1] if bits else "no sentences"
    run = _sentence_runs(data)
    note = f" The chart shows the mean length of each run of {run} sentences." if run > 1 else ""
    return f"{len(data)} sentences: {text}.{note}"


def sentence_lengths_chart(sentences: pd.DataFrame) -> alt.Chart:
    """Words per sentence, in reading order, coloured by part of the page.

    Past :data:`MAX_SENTENCE_BARS` sentences, each bar is the mean length of a
    run of sentences (coloured by the run's commonest part), and the title says so.

    Examples
    --------
    >>> import kit
    >>> spec = sentence_lengths_chart(kit.load_article().sentences).to_dict()
    >>> spec["mark"]["type"], spec["encoding"]["x"]["field"]
    ('bar', 'sentence_id')
    """
    import altair as alt

    _ready()
    data = sentence_lengths_table(sentences)
    data = data.assign(part=data["part"].astype("string"))
    title = "Words per sentence, in reading order"
    run = _sentence_runs(data)
    if run > 1:
        group = pd.Series(range(len(data))) // run
        data = pd.DataFrame(
            {
                "sentence_id": data.groupby(group)["sentence_id"].first().astype("int64"),
                "part": data.groupby(group)["part"].agg(lambda p: p.mode().iloc[0]).astype("string"),
                "n_words": data.groupby(group)["n_words"].mean().round(1),
            }
        )
        title = f"Words per sentence, in reading order (mean of each run of {run} sentences)"
    colours = mark_palette(["headline", "caption", "body"])
    return (
        alt.Chart(data, title=title, description=_described(title, sentence_lengths_text(sentences)))
        .mark_bar()
        .encode(
            x=alt.X("sentence_id:O", title="sentence_id" if run == 1 else "first sentence_id of the run"),
            y=alt.Y("n_words:Q", title="words" if run == 1 else "mean words"),
            color=alt.Color(
                "part:N",
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                title="part",
            ),
            tooltip=["sentence_id:O", "part:N", "n_words:Q"],
        )
        .properties(width=420, height=200)
        .configure(aria=True)
    )


def top_words_table(tokens: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` commonest words that are neither punctuation, stop words nor clitics (``'s``).

    Ties are broken alphabetically, so the table is the same on every machine.

    Examples
    --------
    >>> import kit
    >>> top_words_table(kit.load_article().tokens, n=3)
          lower   n
    0  military  10
    1        us  10
    2   strikes   7
    """
    _require(tokens, ["lower", "is_punct", "is_stop"], "top_words")
    words = tokens.loc[~tokens["is_punct"] & ~tokens["is_stop"], "lower"].astype("string")
    words = words[words.str.match(r"\w")]  # drops clitics such as 's and n't
    counts = words.value_counts().rename_axis("lower").reset_index(name="n")
    counts = counts.sort_values(["n", "lower"], ascending=[False, True], kind="stable").head(n)
    return pd.DataFrame(
        {
            "lower": pd.Series(list(counts["lower"]), dtype="string"),
            "n": pd.Series(list(counts["n"]), dtype="int64"),
        }
    )


def top_words_text(tokens: pd.DataFrame, *, n: int = 10) -> str:
    """Say :func:`top_words_table` in one sentence."""
    data = top_words_table(tokens, n=n)
    words = ", ".join(f"{w} ({c})" for w, c in zip(data["lower"], data["n"]))
    return f"The {len(data)} commonest words, stop words left out: {words}."


def top_words_chart(tokens: pd.DataFrame, *, n: int = 10) -> alt.Chart:
    """A bar chart of :func:`top_words_table`."""
    data = top_words_table(tokens, n=n)
    import altair as alt

    _ready()
    title = f"The {len(data)} commonest words"
    return (
        alt.Chart(data, title=title, description=_described(title, top_words_text(tokens, n=n)))
        .mark_bar(color=darker(OKABE_ITO[3]))
        .encode(
            x=alt.X("n:Q", title="times used", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("lower:N", sort=list(data["lower"]), title=None),
            tooltip=["lower:N", "n:Q"],
        )
        .properties(width=360, height=alt.Step(22))
        .configure(aria=True)
    )
