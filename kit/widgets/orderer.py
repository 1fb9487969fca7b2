"""The event orderer widget, over :func:`kit.feedback.move` and :func:`kit.feedback.order_feedback`."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import pandas as pd

from kit.feedback import (
    move,
    order_feedback,
)
from kit.widgets.shell import _box, _live, _Shell, _widget_classes


class EventOrderer(_Shell):
    """Put events in time order; see :func:`event_orderer`."""

    def __init__(self, article, events: pd.DataFrame | None = None, *, check: Callable | None = None):
        import ipywidgets as w

        self.article = article
        self.events = article.events if events is None else events.reset_index(drop=True)
        self._check = check
        self._partial = events is not None
        name_col = next(
            c for c in ("description", "label", "summary", "text", "trigger") if c in self.events.columns
        )
        self.names = {int(i): str(n) for i, n in zip(self.events["event_id"], self.events[name_col])}
        start = list(self.names)
        self.drag = _widget_classes()["DragList"](
            labels={str(k): v for k, v in self.names.items()}, order=start
        )
        self.pick = w.Select(options=self._options(start), rows=min(len(start), 10), description="event")
        self.up = w.Button(description="Up", icon="arrow-up", tooltip="Move the chosen event earlier")
        self.down = w.Button(description="Down", icon="arrow-down", tooltip="Move the chosen event later")
        self.check_button = w.Button(description="Check my order", button_style="primary")
        self.feedback = _live("<p><em>Order the events, then press Check my order.</em></p>")
        self.up.on_click(lambda _: self._step(-1))
        self.down.on_click(lambda _: self._step(1))
        self.check_button.on_click(lambda _: self.check())
        self.drag.observe(lambda c: self._sync(c["new"]), "order")
        keyboard = w.HBox([self.pick, w.VBox([self.up, self.down])])
        self.widget = _box([self.drag, keyboard, self.check_button, self.feedback], "kit-orderer")

    def _options(self, order):
        return [(f"{i + 1}. {self.names[e]}", e) for i, e in enumerate(order)]

    @property
    def order(self) -> list[int]:
        return [int(e) for e in self.drag.order]

    @order.setter
    def order(self, value: Sequence[int]) -> None:
        self.drag.order = [int(e) for e in value]

    def _sync(self, order) -> None:
        chosen = self.pick.value
        self.pick.options = self._options(order)
        if chosen is not None:
            self.pick.value = chosen

    def _step(self, step: int) -> None:
        if self.pick.value is None:
            self.feedback.value = "<p><em>First choose an event in the list.</em></p>"
            return
        self.order = move(self.order, self.order.index(self.pick.value), step)

    def check(self) -> str:
        text = order_feedback(self.article, self.order, check=self._check, partial=self._partial)
        lines = text.split("\n")
        if len(lines) > 1:
            items = "".join(f"<li>{html.escape(line.split('. ', 1)[1])}</li>" for line in lines[1:])
            self.feedback.value = f"<p>{html.escape(lines[0])}</p><ol>{items}</ol>"
        else:
            self.feedback.value = f"<p>{html.escape(text)}</p>"
        return text


def event_orderer(
    article, events: pd.DataFrame | None = None, *, check: Callable | None = None
) -> EventOrderer:
    """Drag the events into the order they happened (or select one and press Up / Down), then check.

    A thin shell over :func:`kit.feedback.move` and :func:`kit.feedback.order_feedback`
    (which uses :func:`kit.check_order`).
    """
    return EventOrderer(article, events, check=check)
