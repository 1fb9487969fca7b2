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

from kit.charts.bars import MAX_BARS, count_chart, count_table, count_text
from kit.charts.colours import OKABE_ITO, contrast, darker, mark_palette, palette
from kit.charts.labels import labels_chart, labels_table, labels_text
from kit.charts.offline import ChartSetupError, setup
from kit.charts.reading import (
    MAX_SENTENCE_BARS,
    sentence_lengths_chart,
    sentence_lengths_table,
    sentence_lengths_text,
    top_words_chart,
    top_words_table,
    top_words_text,
)
from kit.charts.sources import (
    entity_types_chart,
    entity_types_table,
    entity_types_text,
    source_types_chart,
    source_types_table,
    source_types_text,
)
from kit.charts.timeline import timeline_chart, timeline_table, timeline_text

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
