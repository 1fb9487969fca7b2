"""The source sorter widget, over :func:`kit.feedback.check_sources`."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from kit.feedback import (
    SOURCE_TYPES,
    check_sources,
    source_feedback,
    sources_summary,
)
from kit.widgets.shell import _box, _dropdown, _live, _Shell


class SourceSorter(_Shell):
    """Sort each statement's source; see :func:`source_sorter`.

    Each dropdown is named by its whole statement (its visible label), and its
    verdict appears right below it, in a polite live region.
    """

    def __init__(self, article, quotes: pd.DataFrame | None = None):
        self.article = article
        self.quotes = article.quotes if quotes is None else quotes.reset_index(drop=True)
        self.choices: dict[int, Any] = {}
        self.verdicts: dict[int, Any] = {}
        rows = []
        text = article.text
        for r in self.quotes.itertuples():
            statement = " ".join(text[r.start_char : r.end_char].split())
            pick = _dropdown(statement, ["?", *SOURCE_TYPES], "?")
            pick.add_class("kit-statement")
            pick.observe(lambda c: self._update(), "value")
            self.choices[int(r.quote_id)] = pick
            self.verdicts[int(r.quote_id)] = _live()
            rows.extend([pick, self.verdicts[int(r.quote_id)]])
        self.feedback = _live()
        self.widget = _box([*rows, self.feedback], "kit-sorter")
        self._update()

    @property
    def answers(self) -> dict[int, str | None]:
        return {q: (None if p.value == "?" else p.value) for q, p in self.choices.items()}

    @property
    def result(self) -> pd.DataFrame:
        return check_sources(self.quotes, self.answers)

    def _update(self) -> None:
        result = self.result
        for _, row in result.iterrows():
            said = source_feedback(row)
            self.verdicts[int(row["quote_id"])].value = f"<p>{html.escape(said)}</p>" if said else ""
        self.feedback.value = f"<p><b>{html.escape(sources_summary(result))}</b></p>"


def source_sorter(article, quotes: pd.DataFrame | None = None) -> SourceSorter:
    """For each statement, choose its source type; each choice is checked at once.

    A thin shell over :func:`kit.feedback.check_sources`.
    """
    return SourceSorter(article, quotes)
