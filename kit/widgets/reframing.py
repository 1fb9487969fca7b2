"""The reframing lab widget, over :func:`kit.reframe` and :func:`kit.feedback.diff_html`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from kit.feedback import (
    changed_sentences_html,
)
from kit.widgets.shell import _box, _dropdown, _live, _Shell

# ----- reframing ------------------------------------------------------------------------


def reframe_choices(article, outlet_labels: pd.DataFrame | None = None) -> dict[int, list[str]]:
    """For each of the narration's labels, the other outlets' labels for the same actor.

    Returns ``{label_id: [the label as written, alternative, ...]}`` (the article's own
    label first, alternatives in the order of :func:`kit.outlet_labels`).
    """
    import kit

    labels = article.labels
    others = kit.outlet_labels() if outlet_labels is None else outlet_labels
    article_outlet = str(article.metadata.get("outlet") or "")
    choices: dict[int, list[str]] = {}
    for r in labels.itertuples():
        if str(r.voice) != "narration":
            continue
        same = others[(others["actor"] == r.actor) & ~others["outlet"].str.startswith(article_outlet or "\0")]
        alternatives = [str(x) for x in same["label"] if "(" not in str(x)]
        if alternatives:
            choices[int(r.label_id)] = list(dict.fromkeys([str(r.label), *alternatives]))
    return choices


class ReframingLab(_Shell):
    """Swap labels and read the reframed article; see :func:`reframing_lab`."""

    def __init__(self, article, choices: Mapping[int, Sequence[str]] | None = None):
        import ipywidgets as w

        self.article = article
        self.labels = article.labels
        choices = reframe_choices(article) if choices is None else dict(choices)
        self.picks: dict[int, Any] = {}
        rows = []
        for lid, options in choices.items():
            row = self.labels[self.labels["label_id"] == lid].iloc[0]
            pick = _dropdown(f"{row['label']} ({row['actor']})", list(options), options[0])
            pick.layout.width = "auto"
            pick.observe(lambda c: self._update(), "value")
            self.picks[int(lid)] = pick
            rows.append(pick)
        self.diff_view = _live()
        self.widget = _box([*rows, w.HTML("<b>What changed</b>"), self.diff_view], "kit-reframe")
        self._update()

    @property
    def substitutions(self) -> dict[int, str]:
        """``{label_id: replacement}`` for every label you changed."""
        out = {}
        for lid, pick in self.picks.items():
            original = self.labels.loc[self.labels["label_id"] == lid, "label"].iloc[0]
            if pick.value != original:
                out[lid] = pick.value
        return out

    @property
    def result(self):
        import kit

        return kit.reframe(self.article, self.substitutions)

    def _update(self) -> None:
        self.diff_view.value = changed_sentences_html(self.result.sentences)


def reframing_lab(article, choices: Mapping[int, Sequence[str]] | None = None) -> ReframingLab:
    """Pick other outlets' labels for the article's own, and see the reframed sentences as a diff.

    A thin shell over :func:`kit.reframe` and :func:`kit.feedback.changed_sentences_html`;
    ``choices`` defaults to :func:`reframe_choices`.
    """
    return ReframingLab(article, choices)
