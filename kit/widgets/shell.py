"""What every kit widget shares: the ipywidgets box, the hidden frame that keeps keyboard shortcuts inside, live regions and the anywidget views."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

# ----- the widgets -------------------------------------------------------------------------


@cache
def _static(name: str) -> str:
    return resources.files("kit").joinpath("static", name).read_text(encoding="utf-8")


_KIND = {
    "ArticleViewer": "Article viewer",
    "SourceSorter": "Source sorter",
    "ReframingLab": "Reframing lab",
    "EventOrderer": "Event orderer",
}


class _Shell:
    """Common behaviour: a root ipywidgets box that Jupyter displays.

    Every kit widget holds a :class:`KitFrame`, which keeps JupyterLab's and
    Notebook 7's command-mode shortcuts (arrow keys, letters) away from the
    widget's controls, announces its feedback through polite live regions and
    brings the kit's stylesheet (focus rings of 3:1 or more).
    """

    widget: Any

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        if isinstance(data, dict) and "text/plain" in data:
            data["text/plain"] = self._plain_line()
        return bundle

    def _plain_line(self) -> str:
        kind = _KIND.get(type(self).__name__, type(self).__name__)
        return f"{kind}: an interactive widget; run the notebook's cells to use it (it needs the kernel)."

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: display it in a notebook cell>"


def _box(children, *classes: str):
    import ipywidgets as w

    box = w.VBox([*children, _widget_classes()["KitFrame"]()])
    for name in ("kit-widget", *classes):
        box.add_class(name)
    return box


def _live(value: str = ""):
    """An HTML output that screen readers announce when it changes (a polite live region)."""
    import ipywidgets as w

    out = w.HTML(value)
    out.add_class("kit-live")
    return out


@cache
def _widget_classes() -> dict[str, type]:
    import anywidget
    import traitlets

    class KitFrame(anywidget.AnyWidget):
        """Hidden helper inside every kit widget: shortcuts off, live regions on, the kit's CSS."""

        _esm = _static("frame.js")
        _css = _static("widgets.css")

        def __repr__(self) -> str:
            return "KitFrame()"

    class HighlightView(anywidget.AnyWidget):
        """The article viewer's highlighted text (HTML from :func:`highlight_html`)."""

        _esm = _static("viewer.js")
        _css = _static("widgets.css")
        html = traitlets.Unicode("").tag(sync=True)
        selected = traitlets.Int(-1).tag(sync=True)

        def __repr__(self) -> str:
            return f"HighlightView({self.html.count('<mark')} highlights, selected={self.selected})"

    class DragList(anywidget.AnyWidget):
        """The event orderer's drag-and-drop list: ``labels`` by id, and the ``order`` of ids."""

        _esm = _static("orderer.js")
        _css = _static("widgets.css")
        labels = traitlets.Dict({}).tag(sync=True)
        order = traitlets.List([]).tag(sync=True)

        def __repr__(self) -> str:
            return f"DragList(order={list(self.order)})"

    classes = {"KitFrame": KitFrame, "HighlightView": HighlightView, "DragList": DragList}
    for name, cls in classes.items():
        cls.__module__, cls.__qualname__ = "kit.widgets", name
    return classes


def _dropdown(description: str, options, value):
    import ipywidgets as w

    return w.Dropdown(
        description=description, options=options, value=value, style={"description_width": "initial"}
    )
