"""Charts of an article's tables, that render with the network closed.

Every chart here is a plain function: a table goes in, an altair chart comes
out. Each chart has

- a **title** and a **description**, which Vega turns into the chart's
  ``aria-label`` so that a screen reader can announce it;
- a **twin**: a function of the same name ending in ``_table`` that returns
  the DataFrame the chart draws, and one ending in ``_text`` that says it in a
  sentence. Read the twin when you cannot (or do not want to) read the chart;
- colours from the **Okabe-Ito** palette, which stays distinguishable for the
  common forms of colour blindness.

Why :func:`setup` exists
------------------------
Altair draws charts with the Vega JavaScript libraries. Its default renderer
loads them from a content delivery network, so with the network closed a
chart shows "Error loading script". Altair 6's ``mimetype`` renderer emits the
type ``application/vnd.vegalite.v6.json``, which JupyterLab does not render and
which nbclient refuses to store. What works offline is altair's
``JupyterChart`` widget in *offline mode*: the Vega libraries come from the
``vl-convert-python`` package, already on your disk, and travel to the page
inside the widget. :func:`setup` switches that on; every chart function calls
it, so you rarely need to.

>>> import kit
>>> from kit import charts
>>> article = kit.load_article()
>>> charts.sentence_lengths_table(article.sentences).head(3)
   sentence_id      part  n_words
0            0  headline       10
1            1   caption       25
2            2      body       42
>>> charts.sentence_lengths_text(article.sentences)
'18 sentences: the headline has 10 words, the caption 25 words, the 16 body sentences 8 to 64 (median 27.5).'
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kit.errors import KitError

if TYPE_CHECKING:  # altair is imported lazily, inside the functions
    import altair as alt

__all__ = [
    "MAX_BARS",
    "MAX_SENTENCE_BARS",
    "OKABE_ITO",
    "ChartSetupError",
    "contrast",
    "count_chart",
    "count_table",
    "count_text",
    "darker",
    "entity_types_chart",
    "entity_types_table",
    "entity_types_text",
    "labels_chart",
    "labels_table",
    "labels_text",
    "mark_palette",
    "palette",
    "sentence_lengths_chart",
    "sentence_lengths_table",
    "sentence_lengths_text",
    "setup",
    "source_types_chart",
    "source_types_table",
    "source_types_text",
    "timeline_chart",
    "timeline_table",
    "timeline_text",
    "top_words_chart",
    "top_words_table",
    "top_words_text",
]

OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow (last: weak on white)
    "#000000",  # black
)
"""Okabe and Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color
Universal Design"), reordered so that the first colours contrast best on white."""

MAX_BARS = 25
"""A count chart draws at most this many bars: past it, the commonest values
get a bar each and the rest are summed into one bar named "other", and the
title and the text twin say so."""

MAX_SENTENCE_BARS = 200
"""Past this many sentences, the sentence-length chart draws one bar per run of
sentences (their mean length) instead of one per sentence, and says so."""

VL_CONVERT_PIN = "vl-convert-python==1.9.0.post1"
"""The package that ships the Vega JavaScript for offline charts."""

_STATE = {"done": False}


class ChartSetupError(KitError, ImportError):
    """Charts cannot render offline because a package is missing."""


def setup(*, offline: bool = True) -> None:
    """Make altair charts render in JupyterLab and Notebook 7 with no network.

    Call it once per notebook (``kit.setup()``); the chart functions call it
    for you. It switches altair to its ``jupyter`` renderer in offline mode,
    with SVG output (readable by screen readers). Calling it again does nothing.

    Parameters
    ----------
    offline
        ``True`` (the only choice) takes Vega from ``vl-convert-python``;
        ``False`` is refused: the kit never loads Vega from a CDN.

    Raises
    ------
    ChartSetupError
        When ``vl-convert-python`` is not installed (the message says how to
        install it), or when ``offline=False``. Every chart function raises it
        too, rather than fall back to a renderer that needs the network.

    Examples
    --------
    >>> import kit
    >>> kit.setup()
    >>> import altair as alt
    >>> alt.renderers.active
    'jupyter'
    """
    import altair as alt

    if not offline:
        raise ChartSetupError(
            "kit.setup(offline=False) would load Vega from the internet (a CDN), and the kit"
            " works offline only. Call kit.setup() instead."
        )
    if _STATE["done"]:
        return
    if importlib.util.find_spec("vl_convert") is None:
        raise ChartSetupError(
            "Charts need the package 'vl-convert-python' to render without a network"
            " connection, and it is not installed. Install it with:"
            f" pip install {VL_CONVERT_PIN} (in a notebook cell: %pip install {VL_CONVERT_PIN}),"
            " then restart the kernel. The kit never loads chart code from the internet;"
            " every table the chart shows is still there to read (the chart functions' text twins)."
        )
    _offline_bundle()
    alt.renderers.enable("jupyter", offline=True, embed_options={"renderer": "svg", "actions": False})
    _STATE["done"] = True


def _cache_file() -> Path:
    import altair as alt
    import vl_convert

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    version = f"altair-{alt.__version__}-vlc-{getattr(vl_convert, '__version__', 'x')}"
    return base / "newsreading-kit" / f"jupyterchart-{version}.js"


def _offline_bundle() -> None:
    """Put JupyterChart in offline mode, reusing the JavaScript bundle from an earlier run.

    ``JupyterChart.enable_offline()`` asks vl-convert to bundle Vega with the
    widget's code, which takes seconds; the bundle depends only on the two
    packages' versions, so it is cached on disk (``~/.cache/newsreading-kit``).
    """
    from altair import JupyterChart

    if getattr(JupyterChart, "_is_offline", False):
        return
    try:
        path = _cache_file()
        bundle = path.read_text(encoding="utf-8") if path.is_file() else None
    except OSError:
        path, bundle = None, None
    if bundle and hasattr(JupyterChart, "_esm"):
        JupyterChart._esm = bundle
        JupyterChart._is_offline = True
        return
    JupyterChart.enable_offline()
    if path is not None and isinstance(getattr(JupyterChart, "_esm", None), str):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(JupyterChart._esm, encoding="utf-8")
            tmp.replace(path)
        except OSError:  # a read-only home: no cache, only slower
            pass


def _ready() -> None:
    """Apply :func:`setup` before drawing: without vl-convert-python a chart function
    raises :class:`ChartSetupError` (how to install it), never falls back to a CDN."""
    setup()


def palette(values: Sequence[str]) -> dict[str, str]:
    """Give each value an Okabe-Ito colour, in order (the palette repeats after eight).

    Examples
    --------
    >>> palette(["named", "anonymous"])
    {'named': '#E69F00', 'anonymous': '#56B4E9'}
    """
    return {str(v): OKABE_ITO[i % len(OKABE_ITO)] for i, v in enumerate(values)}


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#RRGGBB`` colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21).

    Examples
    --------
    >>> round(contrast("#F0E442"), 2), round(contrast("#0072B2"), 2)
    (1.32, 5.19)
    """
    a, b = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def darker(colour: str, *, ratio: float = 3.0, background: str = "#FFFFFF") -> str:
    """The same hue, darkened just enough to reach ``ratio`` against ``background``.

    WCAG 1.4.11 asks 3:1 for the parts of a chart one needs to read it, so every
    bar, point and underline the kit draws uses ``darker`` of its Okabe-Ito colour.
    A colour that already reaches it is returned unchanged.

    Examples
    --------
    >>> darker("#0072B2")
    '#0072B2'
    >>> darker("#F0E442"), round(contrast(darker("#F0E442")), 2) >= 3
    ('#A1960D', True)
    """
    import colorsys

    if contrast(colour, background) >= ratio:
        return colour.upper()
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, sat = colorsys.rgb_to_hls(r, g, b)
    while light > 0:
        light = max(light - 0.005, 0.0)
        out = "#" + "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(h, light, sat))
        if contrast(out, background) >= ratio:
            return out
    return "#000000"


def mark_palette(values: Sequence[str]) -> dict[str, str]:
    """:func:`palette` with each colour :func:`darker`, for marks drawn on white (3:1 or more).

    Examples
    --------
    >>> mark_palette(["named", "anonymous"])
    {'named': '#C58800', 'anonymous': '#229DE2'}
    """
    return {v: darker(c) for v, c in palette(values).items()}


def _described(title: str, text: str) -> str:
    """A chart's accessible description: its title, then its text twin (Vega makes it the aria-label)."""
    return f"{title}. {text}"


def _values(column: pd.Series) -> list[str]:
    """The values of a column in their natural order: category order, else first appearance."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories]
    return [str(v) for v in pd.unique(column.dropna())]


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"The {what} chart needs a table (a DataFrame), not {type(table).__name__}."
            f" Pass it like this: kit.charts.{what}_chart(article.{what.split('_')[0]})"
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(
            f"The {what} chart needs the column(s) {missing}, which this table does not have."
            f" Its columns are {list(table.columns)}."
        )


def _bar(
    data: pd.DataFrame,
    *,
    category: str,
    title: str,
    description: str,
    x_title: str,
    order: list[str],
    count: str = "n",
) -> alt.Chart:
    import altair as alt

    _ready()
    colours = mark_palette(order)
    return (
        alt.Chart(data, title=title, description=_described(title, description))
        .mark_bar()
        .encode(
            x=alt.X(f"{count}:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(f"{category}:N", sort=order, title=None),
            color=alt.Color(
                f"{category}:N",
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=None,
            ),
            tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{count}:Q", title=x_title)],
        )
        .properties(width=360, height=alt.Step(28))
        .configure(aria=True)
    )


# ----- generic counts ---------------------------------------------------------


def count_table(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Count a table's rows by the values of one column (zero counts kept for categories).

    Past :data:`MAX_BARS` values, the commonest ``MAX_BARS - 1`` keep a row each
    and the rest are summed into one row named ``"other (N values)"``.

    Examples
    --------
    >>> import kit
    >>> count_table(kit.load_article().sentences, "part")
           part   n
    0  headline   1
    1   caption   1
    2      body  16
    >>> many = pd.DataFrame({"word": [f"w{i}" for i in range(40)]})
    >>> count_table(many, "word").tail(1)
                       word   n
    24  other (16 values)  16
    """
    _require(table, [column], "count")
    order = _values(table[column])
    counts = table[column].astype("string").value_counts()
    n = [int(counts.get(v, 0)) for v in order]
    if len(order) > MAX_BARS:
        ranked = sorted(range(len(order)), key=lambda i: (-n[i], i))
        keep = sorted(ranked[: MAX_BARS - 1])
        rest = [i for i in ranked[MAX_BARS - 1 :]]
        order = [order[i] for i in keep] + [f"other ({len(rest)} values)"]
        n = [n[i] for i in keep] + [sum(n[i] for i in rest)]
    return pd.DataFrame({column: pd.Series(order, dtype="string"), "n": pd.Series(n, dtype="int64")})


def _others(data: pd.DataFrame, column: str) -> str:
    """The note a count chart and its twin add when values were summed into "other"."""
    last = str(data[column].iloc[-1]) if len(data) else ""
    if len(data) == MAX_BARS and last.startswith("other ("):
        return f" (the {MAX_BARS - 1} commonest values, the rest summed as {last!r})"
    return ""


def count_text(table: pd.DataFrame, column: str, *, noun: str = "rows") -> str:
    """Say :func:`count_table` in one sentence.

    Examples
    --------
    >>> import kit
    >>> count_text(kit.load_article().sentences, "part", noun="sentences")
    '18 sentences by part: body 16, headline 1, caption 1.'
    """
    data = count_table(table, column)
    counts = data.sort_values("n", ascending=False, kind="stable")
    parts = ", ".join(f"{v} {n}" for v, n in zip(counts[column], counts["n"]))
    return f"{int(counts['n'].sum())} {noun} by {column.replace('_', ' ')}{_others(data, column)}: {parts}."


def count_chart(
    table: pd.DataFrame, column: str, *, noun: str = "rows", title: str | None = None
) -> alt.Chart:
    """A bar chart of :func:`count_table`; its description is :func:`count_text`.

    Examples
    --------
    >>> import kit
    >>> spec = count_chart(kit.load_article().sentences, "part", noun="sentences").to_dict()
    >>> spec["title"], spec["description"]
    ('Sentences by part', 'Sentences by part. 18 sentences by part: body 16, headline 1, caption 1.')
    """
    data = count_table(table, column)
    return _bar(
        data,
        category=column,
        title=title or f"{noun.capitalize()} by {column.replace('_', ' ')}{_others(data, column)}",
        description=count_text(table, column, noun=noun),
        x_title=f"number of {noun}",
        order=list(data[column]),
    )


# ----- sentences and words ----------------------------------------------------


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


# ----- sourcing -----------------------------------------------------------------

SOURCE_TYPES = ("named", "organization", "anonymous", "own_sources")
KINDS = ("direct", "indirect", "mixed")


def source_types_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Statements by source type and kind: ``source_type``, ``kind``, ``n`` (every pair, zeros kept).

    Examples
    --------
    >>> t = pd.DataFrame({"source_type": ["named", "named", "anonymous"], "kind": ["direct", "indirect", "indirect"]})
    >>> source_types_table(t).query("n > 0")
      source_type      kind  n
    0       named    direct  1
    1       named  indirect  1
    7   anonymous  indirect  1
    """
    _require(quotes, ["source_type", "kind"], "source_types")
    types = list(dict.fromkeys([*SOURCE_TYPES, *_values(quotes["source_type"])]))
    kinds = list(dict.fromkeys([*KINDS, *_values(quotes["kind"])]))
    pairs = quotes[["source_type", "kind"]].astype("string").value_counts()
    rows = [(t, k, int(pairs.get((t, k), 0))) for t in types for k in kinds]
    return pd.DataFrame(
        {
            "source_type": pd.Series([r[0] for r in rows], dtype="string"),
            "kind": pd.Series([r[1] for r in rows], dtype="string"),
            "n": pd.Series([r[2] for r in rows], dtype="int64"),
        }
    )


def source_types_text(quotes: pd.DataFrame) -> str:
    """Say :func:`source_types_table` in one sentence.

    Examples
    --------
    >>> t = pd.DataFrame({"source_type": ["named", "named", "anonymous"], "kind": ["direct", "indirect", "indirect"]})
    >>> source_types_text(t)
    '3 statements: named 2 (1 direct, 1 indirect), organization 0, anonymous 1 (1 indirect), own_sources 0.'
    """
    data = source_types_table(quotes)
    bits = []
    for t, rows in data.groupby("source_type", sort=False):
        total = int(rows["n"].sum())
        detail = ", ".join(f"{n} {k}" for k, n in zip(rows["kind"], rows["n"]) if n)
        bits.append(f"{t} {total}" + (f" ({detail})" if detail else ""))
    return f"{int(data['n'].sum())} statements: {', '.join(bits)}."


def source_types_chart(quotes: pd.DataFrame) -> alt.Chart:
    """Statements by source type, stacked by kind (direct, indirect, mixed).

    Examples
    --------
    >>> t = pd.DataFrame({"source_type": ["named", "anonymous"], "kind": ["direct", "indirect"]})
    >>> spec = source_types_chart(t).to_dict()
    >>> spec["title"], spec["encoding"]["color"]["field"]
    ('Who speaks: statements by source type', 'kind')
    """
    import altair as alt

    _ready()
    data = source_types_table(quotes)
    kinds = list(dict.fromkeys(data["kind"]))
    colours = mark_palette(kinds)
    title = "Who speaks: statements by source type"
    return (
        alt.Chart(data, title=title, description=_described(title, source_types_text(quotes)))
        .mark_bar(stroke="#FFFFFF", strokeWidth=1)
        .encode(
            x=alt.X("sum(n):Q", title="number of statements", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("source_type:N", sort=list(dict.fromkeys(data["source_type"])), title="source type"),
            color=alt.Color(
                "kind:N", scale=alt.Scale(domain=kinds, range=list(colours.values())), title="kind"
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=["source_type:N", "kind:N", "n:Q"],
        )
        .transform_calculate(kind_order=f"indexof({kinds!r}, datum.kind)")
        .properties(width=360, height=alt.Step(30))
        .configure(aria=True)
    )


# ----- entities -------------------------------------------------------------------


def _type_column(table: pd.DataFrame, candidates: Sequence[str], what: str) -> str:
    for c in candidates:
        if c in table.columns:
            return c
    raise KeyError(
        f"The {what} chart needs one of the columns {list(candidates)}; this table has {list(table.columns)}."
    )


def entity_types_table(entities: pd.DataFrame) -> pd.DataFrame:
    """Entity mentions by type (the ``type`` or ``entity_type`` column), with distinct entities.

    Columns: the type column, ``mentions`` and ``entities`` (distinct ``entity_id``).
    """
    col = _type_column(entities, ("type", "entity_type", "label"), "entity_types")
    order = _values(entities[col])
    key = entities[col].astype("string")
    mentions = key.value_counts()
    distinct = (
        entities.assign(_k=key).groupby("_k")["entity_id"].nunique()
        if "entity_id" in entities.columns
        else mentions
    )
    return pd.DataFrame(
        {
            col: pd.Series(order, dtype="string"),
            "mentions": pd.Series([int(mentions.get(v, 0)) for v in order], dtype="int64"),
            "entities": pd.Series([int(distinct.get(v, 0)) for v in order], dtype="int64"),
        }
    )


def entity_types_text(entities: pd.DataFrame) -> str:
    """Say :func:`entity_types_table` in one sentence."""
    data = entity_types_table(entities)
    col = data.columns[0]
    bits = ", ".join(
        f"{t} {m} ({e} distinct)" for t, m, e in zip(data[col], data["mentions"], data["entities"])
    )
    return f"{int(data['mentions'].sum())} entity mentions by type: {bits}."


def entity_types_chart(entities: pd.DataFrame) -> alt.Chart:
    """Entity mentions by type, one colour per type."""
    data = entity_types_table(entities)
    col = data.columns[0]
    return _bar(
        data,
        category=col,
        count="mentions",
        title="Who and what is named: entity mentions by type",
        description=entity_types_text(entities),
        x_title="mentions",
        order=list(data[col]),
    )


# ----- framing --------------------------------------------------------------------


def labels_table(labels: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Labels counted by one column (``by``; default: the first of ``device``, ``voice``,
    ``category``, ``kind`` that the table has). Columns: ``by`` and ``n``.

    :func:`labels_chart` draws this table and says :func:`labels_text` in its
    description, with the same ``by``: pass the chart's ``by`` to the twin too.
    """
    col = by or _type_column(labels, ("device", "voice", "category", "kind"), "labels")
    return count_table(labels, col)


def labels_text(labels: pd.DataFrame, *, by: str | None = None) -> str:
    """Say :func:`labels_table` in one sentence."""
    col = labels_table(labels, by=by).columns[0]
    return count_text(labels, col, noun="labels")


def labels_chart(labels: pd.DataFrame, *, by: str | None = None) -> alt.Chart:
    """A bar chart of :func:`labels_table`."""
    data = labels_table(labels, by=by)
    col = data.columns[0]
    return _bar(
        data,
        category=col,
        title=f"How actors and actions are named: labels by {col}",
        description=labels_text(labels, by=by),
        x_title="number of labels",
        order=list(data[col]),
    )


# ----- timeline -------------------------------------------------------------------

_TIME_COLUMNS = ("time_start", "start", "when", "value", "datetime", "date", "normalized", "normalised")
_NAME_COLUMNS = ("description", "label", "summary", "text", "event")


def _ordinal(k: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def timeline_table(
    events: pd.DataFrame, *, when: str | None = None, name: str | None = None, zone: str = "UTC"
) -> pd.DataFrame:
    """Events with a time, in time order: ``event_id``, ``name``, ``when``, ``narrative``, ``told``,
    ``when_text``, and the interval drawn: ``start``, ``end``, ``granularity``.

    ``when`` is the column holding the (normalised) time, ``name`` the column
    naming the event; by default the first that the table has of
    ``time_start, start, when, value, datetime, date, normalized`` and
    ``description, label, summary, text, event``. ``narrative`` is the row's
    place in the telling, counted from 1: ``narrative_position + 1`` when the
    table has ``narrative_position`` (which counts from 0, Python's way), else
    the row's rank by ``start_char``. ``told`` says it in words (``"told 2nd"``).
    ``when_text`` is the time as a learner reads it: the events table's own
    ``when`` column (at the expression's granularity, "25 December 2023") where
    it has one, else the time written out. Rows with no time are left out.

    ``start`` and ``end`` are the wall-clock times, in ``zone`` (UTC unless you
    name another, such as ``"Asia/Baghdad"``), of the interval the event is
    dated to, at the text's granularity: an event of ``article.events`` dated
    "7 October" spans that day, "Monday morning" that morning. An event with no
    time expression of its own (``granularity`` missing) is left out: its
    bounds come from other events, not from the text. A table without
    ``time_end`` draws each time as a point (``start == end``).

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": [0, 1], "text": ["strikes", "drone attack"],
    ...                    "start": pd.to_datetime(["2023-12-26 01:45", "2023-12-25 12:00"]),
    ...                    "start_char": [10, 50]})
    >>> timeline_table(ev)[["event_id", "name", "when", "narrative", "told"]]
       event_id          name                when  narrative      told
    0         1  drone attack 2023-12-25 12:00:00          2  told 2nd
    1         0       strikes 2023-12-26 01:45:00          1  told 1st
    """
    when = when or _type_column(events, _TIME_COLUMNS, "timeline")
    name = name or _type_column(events, _NAME_COLUMNS, "timeline")
    ids = events["event_id"] if "event_id" in events.columns else pd.Series(range(len(events)))
    if "narrative_position" in events.columns:
        narrative = pd.Series(list(events["narrative_position"])).astype("int64") + 1
    else:
        place = events["start_char"] if "start_char" in events.columns else pd.Series(range(len(events)))
        narrative = pd.Series(list(place)).rank(method="first").astype("int64")
    stamps = pd.to_datetime(events[when].astype("object"), errors="coerce", utc=False, format="mixed")
    if "when" in events.columns and when != "when":
        written = [None if pd.isna(w) else str(w) for w in events["when"]]
    else:
        written = [None] * len(events)
    data = pd.DataFrame(
        {
            "event_id": pd.Series(list(ids), dtype="int64"),
            "name": pd.Series(list(events[name].astype("string")), dtype="string"),
            "when": list(stamps),
            "narrative": narrative.astype("int64"),
            "told": pd.Series([f"told {_ordinal(int(k))}" for k in narrative], dtype="string"),
            "when_text": pd.Series(
                [
                    w if w else (f"{t:%a %d %b %Y %H:%M}" if not pd.isna(t) else None)
                    for w, t in zip(written, stamps)
                ],
                dtype="string",
            ),
        }
    )
    data["start"], data["end"] = _local(stamps, zone), _local(stamps, zone)
    data["granularity"] = pd.Series([pd.NA] * len(data), dtype="string")
    if "time_end" in events.columns and "granularity" in events.columns and when == "time_start":
        dated = pd.Series(list(events["granularity"].notna()))
        data["end"] = _local(pd.to_datetime(events["time_end"].astype("object"), utc=True), zone)
        data["granularity"] = pd.Series(list(events["granularity"].astype("string")), dtype="string")
        data = data[dated.to_numpy()]
    data = data[data["when"].notna()]
    return data.sort_values(["when", "narrative"], kind="stable").reset_index(drop=True)


def _local(stamps: pd.Series, zone: str) -> pd.Series:
    """Wall-clock times in ``zone``, without a zone (a time given with no zone is taken as UTC)."""
    stamps = pd.Series(list(stamps), dtype="object")
    out = []
    for t in stamps:
        if t is None or pd.isna(t):
            out.append(pd.NaT)
            continue
        t = pd.Timestamp(t)
        t = t.tz_localize("UTC") if t.tzinfo is None else t
        out.append(t.tz_convert(zone).tz_localize(None))
    return pd.Series(out, dtype="datetime64[ns]")


def timeline_text(
    events: pd.DataFrame, *, when: str | None = None, name: str | None = None, zone: str = "UTC"
) -> str:
    """Say :func:`timeline_table` in one sentence: the events in time order, each with its
    time as the text gives it (``when_text``) and its place in the telling (``told``)."""
    data = timeline_table(events, when=when, name=name, zone=zone)
    if data.empty:
        return "No event has a time the kit could place."
    bits = "; ".join(f"{w}: {n} ({t})" for n, w, t in zip(data["name"], data["when_text"], data["told"]))
    return (
        f"{len(data)} events in time order, with their place in the telling"
        f" (told 1st is the first event the article tells): {bits}."
    )


def timeline_chart(
    events: pd.DataFrame, *, when: str | None = None, name: str | None = None, zone: str = "UTC"
) -> alt.Chart:
    """The events on a time axis, each as the interval the text gives (a day as a day-wide bar,
    a morning as a morning, a clock time as a tick); the label says in which order the article
    tells them.

    Times are drawn in ``zone`` (UTC unless you name another), which the axis title
    states; the chart never uses the reader's browser's zone. Event names are never
    cut off; :func:`timeline_table` is the chart's table twin.
    """
    import altair as alt

    _ready()
    data = timeline_table(events, when=when, name=name, zone=zone)
    # milliseconds of the wall-clock time read as UTC, on a UTC scale: the browser's zone never applies
    epoch = pd.Timestamp("1970-01-01")
    data["start_ms"] = [(t - epoch) // pd.Timedelta(milliseconds=1) for t in data["start"]]
    data["end_ms"] = [
        max(int((t - epoch) // pd.Timedelta(milliseconds=1)), s + 60_000)
        for t, s in zip(data["end"], data["start_ms"])
    ]
    for col in ("start", "end"):
        data[col] = [f"{t:%Y-%m-%d %H:%M}" for t in data[col]]
    axis_title = f"time ({zone})"
    x = alt.X("start_ms:T", title=axis_title, scale=alt.Scale(type="utc"), axis=alt.Axis(format="%d %b %Y"))
    y = alt.Y("name:N", sort=list(data["name"]), title=None, axis=alt.Axis(labelLimit=0))
    tooltip = ["name:N", "when_text:N", "told:N", "granularity:N"]
    # each mark's screen-reader label in words (Vega's own would write times in the browser's zone)
    data["label"] = [f"{n}: {w} ({t})" for n, w, t in zip(data["name"], data["when_text"], data["told"])]
    said = alt.Description("label:N")
    base = alt.Chart(data)
    bars = base.mark_bar(color=OKABE_ITO[4], height=14, cornerRadius=2).encode(
        x=x, x2="end_ms:T", y=y, tooltip=tooltip, description=said
    )
    ticks = base.mark_tick(color="#000000", thickness=2, size=18).encode(
        x=x, y=y, tooltip=tooltip, description=said
    )
    text = base.mark_text(align="left", dx=8, color="#000000").encode(
        x="end_ms:T", y=y, text="told:N", description=said
    )
    return (
        alt.layer(
            bars,
            ticks,
            text,
            title=f"What happened when (and in which order the article tells it), in {zone}",
            description=_described(
                f"What happened when (and in which order the article tells it), in {zone}",
                timeline_text(events, when=when, name=name, zone=zone),
            ),
        )
        .properties(width=420, height=alt.Step(28))
        .configure(aria=True)
    )
