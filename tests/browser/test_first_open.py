"""Every committed notebook, opened in a real, offline Chromium without running a cell.

A student's first look at a lesson is the committed notebook as it is. For each
notebook, in JupyterLab 4 and in Notebook 7, this opens it, runs nothing, and
checks that every chart its metadata ``kit_expect`` lists is drawn (an SVG with
its description as accessible name), that every kit widget is drawn from the
widget state saved in the notebook, that a one-line note says the widget
answers once its cell runs, and that no chart or widget shows as plain text.
A screenshot of each goes to ``test-artifacts/screenshots/``.

Run them with ``pytest -m browser tests/browser/test_first_open.py``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from tests.browser.conftest import LESSONS, NOT_RENDERED, NOTEBOOKS, assert_drawn, open_lesson

pytestmark = pytest.mark.browser


# Text that means a chart or widget did not render, or that a saved widget shows
# its "run this cell" fallback instead of the widget.
FAILURE_TEXT = re.compile(NOT_RENDERED + r"|An interactive widget: run this cell")


def _expect(notebook: str) -> dict:
    meta = json.loads((NOTEBOOKS / notebook).read_text())["metadata"]
    return meta.get("kit_expect", {"charts": 0, "widgets": 0})


@pytest.fixture(scope="module")
def trusted(jupyter_server):
    """Trust the lessons, as ``dev.py lab`` does: Jupyter draws saved widgets only in trusted notebooks."""
    env = {"JUPYTER_DATA_DIR": str(jupyter_server.root.parent / "data")}
    paths = [str(jupyter_server.root / name) for name in LESSONS]
    subprocess.run(
        [sys.executable, "-m", "jupyter", "trust", *paths],
        check=True,
        capture_output=True,
        env={**os.environ, **env},
    )
    return jupyter_server


def _check_first_open(page, notebook: str) -> None:
    expect = _expect(notebook)
    charts, widgets = expect["charts"], expect["widgets"]
    page.wait_for_function(
        "([c, w]) => document.querySelectorAll('.jp-Notebook .vega-embed svg.marks').length >= c"
        " && document.querySelectorAll('.jp-Notebook .jupyter-widgets.kit-widget').length >= w",
        arg=[charts, widgets],
        timeout=30_000,
    )
    page.wait_for_timeout(500)
    counts = page.evaluate(
        "() => [...window.jupyterapp.shell.currentWidget.content.model.cells]"
        ".filter((c) => c.type === 'code').map((c) => c.executionCount)"
    )
    assert_drawn(page, FAILURE_TEXT, charts)
    # Vega puts the spec's description on the chart's container as its accessible name.
    docs = page.locator('.jp-Notebook .vega-embed[role="graphics-document"]')
    labels = [docs.nth(i).get_attribute("aria-label") or "" for i in range(docs.count())]
    assert len(labels) == charts and all(len(x) > 20 for x in labels), (
        f"charts without a description: {labels}"
    )
    views = page.locator(".jp-Notebook .jp-OutputArea-output .jupyter-widgets.kit-widget")
    assert views.count() == widgets, f"expected {widgets} kit widgets, found {views.count()}"
    for i in range(views.count()):
        assert views.nth(i).inner_text().strip(), f"widget {i} is drawn empty"
    notes = page.locator(".jp-Notebook .kit-static-note")
    assert notes.count() == widgets, f"expected a 'run this cell' note under each of {widgets} widgets"
    # Nothing ran: the execution counts are the committed ones.
    committed = [
        c.get("execution_count")
        for c in json.loads((NOTEBOOKS / notebook).read_text())["cells"]
        if c["cell_type"] == "code"
    ]
    assert counts == committed
    assert not page.blocked, page.blocked


@pytest.mark.parametrize("front_end", ["lab", "notebook7"])
@pytest.mark.parametrize("notebook", LESSONS)
def test_first_open(notebook, front_end, trusted, page, artifacts):
    """JupyterLab 4 (``lab``) and Notebook 7 (``notebook7``): every chart and widget drawn before anything runs."""
    open_lesson(page, getattr(trusted, front_end)(notebook))
    try:
        _check_first_open(page, notebook)
    finally:
        page.screenshot(path=str(artifacts / f"first_open_{front_end}_{notebook.removesuffix('.ipynb')}.png"))


@pytest.mark.parametrize("notebook", LESSONS[:1])
def test_first_open_untrusted_shows_charts_and_says_how_to_get_widgets(
    notebook, jupyter_server, page, artifacts
):
    """Untrusted (a notebook opened on another machine): charts still drawn, each widget says to run its cell."""
    expect = _expect(notebook)
    copy = jupyter_server.root / f"untrusted_{notebook}"
    nb = json.loads((NOTEBOOKS / notebook).read_text())
    # Jupyter trusts by content: a byte-for-byte copy of a trusted lesson would be trusted too.
    nb["metadata"]["copied_for_the_untrusted_test"] = True
    copy.write_text(json.dumps(nb))
    open_lesson(page, jupyter_server.lab(copy.name))
    page.wait_for_function(
        "(c) => document.querySelectorAll('.jp-Notebook .vega-embed svg.marks').length >= c",
        arg=expect["charts"],
        timeout=30_000,
    )
    text = page.locator(".jp-Notebook").inner_text()
    page.screenshot(path=str(artifacts / f"first_open_untrusted_lab_{notebook.removesuffix('.ipynb')}.png"))
    assert text.count("An interactive widget: run this cell (Shift+Enter) to show it.") == expect["widgets"]
    assert "VBox(" not in text and "JupyterChart object" not in text
