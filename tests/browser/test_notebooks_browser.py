"""Every notebook, run in a real, offline Chromium, in JupyterLab 4 and in Notebook 7.

For each notebook: open it, run all cells, and check that no cell shows an
error, that every chart and widget rendered (no "Error loading script", no
widget shown as plain text such as ``IntSlider(...)``), and that one
interaction per widget takes effect. Then, in the same page, the accessibility
checks of :mod:`tests.browser.accessibility`: axe-core finds no WCAG 2.1 A/AA
violation in the notebook's outputs (and does find a planted low-contrast
line, so colour contrast is really checked), plain arrow keys and letters in
every widget change its value and add no cell, each widget's feedback lands in
a polite live region, and every chart mark, highlight underline and focus ring
measures 3:1 or more. A screenshot of each notebook goes to
``test-artifacts/screenshots/``.

Run them with ``pytest -m browser tests/browser``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser import accessibility
from tests.browser.conftest import LESSONS, NOT_RENDERED, NOTEBOOKS, assert_drawn, open_lesson

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FAILURE_TEXT = re.compile(NOT_RENDERED)

RUN_ALL = """
async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
  const kernel = () => panel.sessionContext.session.kernel;
  for (let i = 0; i < 600 && kernel().status !== 'idle'; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const cells = [];
  for (const cell of panel.content.model.cells) {
    if (cell.type !== 'code') continue;
    cells.push({
      count: cell.executionCount,
      source: cell.sharedModel.getSource().slice(0, 80),
      errors: cell.outputs.toJSON().filter((o) => o.output_type === 'error')
        .map((o) => o.ename + ': ' + o.evalue),
    });
  }
  return cells;
}
"""


def _open_and_run(page, url: str) -> list[dict]:
    open_lesson(page, url)
    return page.evaluate(RUN_ALL)


def _wait_rendered(page, n_charts: int, timeout: float = 30_000) -> None:
    if n_charts:
        page.wait_for_function(
            f"() => document.querySelectorAll('.jp-Notebook .vega-embed svg.marks').length >= {n_charts}",
            timeout=timeout,
        )
    page.wait_for_timeout(300)


def _check_page(page, cells: list[dict], *, charts: int, widgets: int) -> None:
    unrun = [c["source"] for c in cells if c["count"] is None]
    assert not unrun, f"cells not run: {unrun}"
    errors = [(c["source"], c["errors"]) for c in cells if c["errors"]]
    assert not errors, f"cells with errors: {errors}"
    assert_drawn(page, FAILURE_TEXT, charts)
    # Vega puts the spec's description on the chart's container as its aria-label.
    docs = page.locator('.jp-Notebook .vega-embed[role="graphics-document"]')
    assert docs.count() == charts, f"expected {charts} chart documents, found {docs.count()}"
    for i in range(docs.count()):
        label = docs.nth(i).get_attribute("aria-label") or ""
        assert len(label) > 20, f"chart {i} has no ARIA description: {label!r}"
    views = page.locator(".jp-Notebook .jp-OutputArea-output .jupyter-widgets.kit-widget")
    assert views.count() == widgets, f"expected {widgets} kit widgets, found {views.count()}"
    assert not [u for u in page.blocked if re.search(r"esm\.sh|jsdelivr|unpkg|vega", u)], page.blocked


# ----- one interaction per widget ---------------------------------------------------
# Each notebook's metadata ``kit_expect`` lists its charts, its kit widgets and one
# interaction per widget, such as {"widget": "viewer", "show": "anonymous"}.


def _dropdown(box, label: str):
    return (
        box.locator(".widget-dropdown", has=box.page.locator("label", has_text=label)).locator("select").first
    )


def _viewer(page, step: dict) -> None:
    """Choose a value in "show": exactly the rows with that value are highlighted; Enter shows a row."""
    import kit
    from kit.widgets import highlight_spans

    viewer = page.locator(".kit-viewer").first
    viewer.scroll_into_view_if_needed()
    table = _dropdown(viewer, "table").input_value()
    by = _dropdown(viewer, "colour by").input_value()
    _dropdown(viewer, "show").select_option(step["show"])
    page.wait_for_function(
        "(value) => { const m = [...document.querySelectorAll('.kit-viewer .kit-article mark[data-row]')];"
        " return m.length > 0 && m.every((x) => x.dataset.value === value); }",
        arg=step["show"],
        timeout=10_000,
    )
    marks = viewer.locator(".kit-article mark[data-row]")
    rows = sorted({marks.nth(i).get_attribute("data-row") for i in range(marks.count())}, key=int)
    if step.get("article", "seed") == "seed":  # the bundled article: the rows the kit itself selects
        spans = highlight_spans(kit.load_article(), table, by=by, keep=step["show"])
        expected = sorted({str(r) for r in spans["row"]}, key=int)
    else:  # an article made in the notebook: the count its legend gives
        legend = viewer.locator(".kit-legend").inner_text()
        n = int(re.search(re.escape(step["show"]) + r" \((\d+)\)", legend).group(1))
        expected = rows if len(rows) == n else [f"{n} rows"]
    assert rows == expected, f"highlighted rows {rows}, expected {expected}"
    marks.first.focus()  # the keyboard path: Tab reaches a highlight, Enter shows its row
    page.keyboard.press("Enter")
    viewer.locator(".kit-row table", has_text=step["show"]).wait_for(timeout=10_000)


def _sorter(page, step: dict) -> None:
    """Choose the right source type for the first statement: the feedback says it is right."""
    import kit

    sorter = page.locator(".kit-sorter").first
    sorter.scroll_into_view_if_needed()
    quotes = kit.load_article().quotes
    qid, truth = int(quotes["quote_id"].iloc[0]), str(quotes["source_type"].iloc[0])
    sorter.locator("select").nth(0).select_option(truth)
    sorter.get_by_text("1 of 1 answered right").wait_for(timeout=10_000)
    assert qid == int(quotes["quote_id"].min())
    sorter.get_by_text(f"✓ Right: {truth}.").wait_for(timeout=10_000)


def _reframe(page, step: dict) -> None:
    """Pick another outlet's label: the diff shows it inserted."""
    lab = page.locator(".kit-reframe").first
    lab.scroll_into_view_if_needed()
    select = lab.locator(".widget-dropdown select").first
    options = select.locator("option").all_inner_texts()
    select.select_option(options[1])
    lab.locator("ins").first.wait_for(timeout=10_000)
    assert "No label swapped yet" not in lab.inner_text()
    added = " ".join(lab.locator("ins").all_inner_texts())
    assert set(added.split()) <= set(options[1].split()), (added, options[1])


def _orderer(page, step: dict) -> None:
    """Keyboard: choose the last event, press Up; then Check: the feedback names a constraint or says all kept."""
    orderer = page.locator(".kit-orderer").first
    orderer.scroll_into_view_if_needed()
    items = orderer.locator(".kit-drag-item")
    before = [items.nth(i).inner_text() for i in range(items.count())]
    select = orderer.locator(".widget-select select")
    select.select_option(index=len(before) - 1)
    orderer.get_by_role("button", name="Up").click()
    page.wait_for_function(
        "(last) => { const i = document.querySelectorAll('.kit-orderer .kit-drag-item');"
        " return i.length > 1 && i[i.length - 2].innerText === last; }",
        arg=before[-1],
        timeout=10_000,
    )
    orderer.get_by_role("button", name="Check my order").click()
    orderer.get_by_text(re.compile("constraint")).first.wait_for(timeout=10_000)


ACTIONS = {"viewer": _viewer, "sorter": _sorter, "reframe": _reframe, "orderer": _orderer}


def _widget_shots(page, artifacts: Path, stem: str) -> None:
    """A screenshot of each kit widget as a learner sees it after the checks."""
    views = page.locator(".jp-Notebook .jupyter-widgets.kit-widget")
    for i in range(views.count()):
        views.nth(i).scroll_into_view_if_needed()
        views.nth(i).screenshot(path=str(artifacts / f"{stem}_widget{i}.png"))


def _expect(notebook: str) -> dict:
    """What the notebook shows, from its metadata ``kit_expect``."""
    meta = json.loads((NOTEBOOKS / notebook).read_text())["metadata"]
    return meta.get("kit_expect", {"charts": 0, "widgets": 0, "interactions": []})


def _interact(page, expect: dict) -> None:
    for step in expect.get("interactions", []):
        ACTIONS[step["widget"]](page, step)


@pytest.mark.parametrize("notebook", LESSONS)
def test_notebook_in_jupyterlab(notebook, jupyter_server, page, artifacts, axe_source):
    expect = _expect(notebook)
    cells = _open_and_run(page, jupyter_server.lab(notebook))
    _wait_rendered(page, expect["charts"])
    try:
        _check_page(page, cells, charts=expect["charts"], widgets=expect["widgets"])
        _interact(page, expect)
        accessibility.check_all(page, expect, axe_source)
        _widget_shots(page, artifacts, f"lab_{notebook.removesuffix('.ipynb')}")
    finally:
        page.screenshot(path=str(artifacts / f"lab_{notebook.removesuffix('.ipynb')}.png"))


@pytest.mark.parametrize("notebook", LESSONS)
def test_notebook_in_notebook7(notebook, jupyter_server, page, artifacts, axe_source):
    expect = _expect(notebook)
    cells = _open_and_run(page, jupyter_server.notebook7(notebook))
    _wait_rendered(page, expect["charts"])
    try:
        _check_page(page, cells, charts=expect["charts"], widgets=expect["widgets"])
        _interact(page, expect)
        accessibility.check_all(page, expect, axe_source)
        _widget_shots(page, artifacts, f"notebook7_{notebook.removesuffix('.ipynb')}")
    finally:
        page.screenshot(path=str(artifacts / f"notebook7_{notebook.removesuffix('.ipynb')}.png"))


# The first open, before anything runs, is tested in test_first_open.py.
