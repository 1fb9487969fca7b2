#!/usr/bin/env python3
"""Execute the lesson notebooks in place, deterministically, and report their times and sizes.

    python scripts/execute_notebooks.py                 # every notebooks/[0-9]*.ipynb
    python scripts/execute_notebooks.py notebooks/01_start_here.ipynb

Each notebook runs top to bottom in a fresh kernel started in ``notebooks/``,
with the repository on ``PYTHONPATH`` (so ``import kit`` works before the kit
is installed) and ``PYTHONHASHSEED=0``. Outputs and execution counts are kept,
so nbval can check them, and so is what a reader needs to see every chart and
widget on first open, before any cell runs:

* **Widgets** (the highlighter, the sorter, the reframing lab, the orderer):
  their ipywidgets state is saved in the notebook's metadata
  (``metadata.widgets``, the format JupyterLab, Notebook 7, nbviewer and
  Sphinx/MyST read), so each is drawn from it. A widget drawn from saved state
  does not answer until its cell runs again, so a one-line note follows it in
  an output that disappears when the cell runs (HTML, so static viewers show
  it too).
* **Charts** (altair's ``JupyterChart``, an anywidget whose saved state would
  carry the whole Vega library, about 0.9 MB, once per chart): their output is
  replaced by the chart's Vega-Lite spec (``application/vnd.vegalite.v5+json``,
  drawn by JupyterLab's and Notebook 7's own Vega renderer, offline, even in a
  notebook that is not trusted), a PNG of it made with ``vl-convert`` (for
  static viewers such as GitHub), and its text description. Running the cell
  brings the live chart back.

Widget model ids are renumbered in order of appearance and volatile metadata
(timings) is removed, so re-running changes nothing in git when the outputs are
the same. A notebook slower than the budget (20 s) or larger than 2 MB is
reported, and the script then exits with 1.
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import os
import re
import sys
import time
import uuid
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUDGET_S = 20.0
MAX_BYTES = 2_000_000

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
VEGALITE = "application/vnd.vegalite.v5+json"
VEGALITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
NOTE_CLASS = "kit-static-note"
STATIC_NOTE = "Run this cell (Shift+Enter) to use the widget: as saved, it does not answer."
# ipywidgets marks each control of a widget drawn without a kernel with a broken-link
# icon; the note says it once, in words, so the icons are hidden inside kit widgets.
HIDE_DISCONNECTED = (
    "<style>.kit-widget.jupyter-widgets-disconnected::before,"
    " .kit-widget .jupyter-widgets-disconnected::before { display: none !important; }</style>"
)
WIDGET_TEXT = "An interactive widget: run this cell (Shift+Enter) to show it."


def _clean(nb: nbformat.NotebookNode) -> None:
    """Drop timings, and join consecutive stream outputs (the kernel splits them as its buffer flushes)."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        outputs: list = []
        for output in cell.outputs:
            last = outputs[-1] if outputs else None
            if (
                last is not None
                and output.output_type == "stream"
                and last.output_type == "stream"
                and last.name == output.name
            ):
                last.text += output.text
            else:
                outputs.append(output)
        cell.outputs = outputs


def _is_chart(model: dict) -> bool:
    return model.get("model_name") == "AnyModel" and isinstance(model.get("state", {}).get("spec"), dict)


def _chart_output(output: dict, model: dict) -> None:
    """Turn a JupyterChart's widget output into a Vega-Lite bundle, a PNG and the chart's description."""
    import vl_convert

    spec = copy.deepcopy(model["state"]["spec"])
    png = vl_convert.vegalite_to_png(spec, scale=1)
    # JupyterLab's renderer bundles Vega-Lite 5: the spec is one it reads.
    spec["$schema"] = VEGALITE_SCHEMA
    description = spec.get("description") or "A chart: run this cell to draw it."
    output["data"] = {
        VEGALITE: spec,
        "image/png": base64.b64encode(png).decode("ascii"),
        "text/plain": description,
    }
    output["metadata"] = {
        VEGALITE: {"embed_options": {"renderer": "svg", "actions": False}},
        "image/png": {"alt": description},
    }


def _note() -> nbformat.NotebookNode:
    return nbformat.v4.new_output(
        "display_data",
        data={
            "text/html": f'{HIDE_DISCONNECTED}<p class="{NOTE_CLASS}"><em>{STATIC_NOTE}</em></p>',
            "text/plain": STATIC_NOTE,
        },
    )


def _reachable(state: dict, roots: list[str]) -> list[str]:
    """Model ids reachable from ``roots``, in order of first appearance (depth first)."""
    seen: list[str] = []
    stack = list(reversed(roots))
    while stack:
        mid = stack.pop()
        if mid in seen or mid not in state:
            continue
        seen.append(mid)
        refs = MODEL_REF.findall(json.dumps(state[mid]["state"], sort_keys=True))
        stack.extend(reversed(refs))
    return seen


def _save_widgets(nb: nbformat.NotebookNode, name: str) -> None:
    """Keep the state of the widgets the notebook shows, charts as Vega-Lite, ids renumbered."""
    saved = nb.metadata.pop("widgets", {}).get(STATE, {})
    state = saved.get("state", {})
    roots: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            outputs.append(output)
            view = output.get("data", {}).get(VIEW)
            if not view:
                continue
            model = state.get(view.get("model_id"), {})
            if _is_chart(model):
                _chart_output(output, model)
            elif model:
                roots.append(view["model_id"])
                output["data"]["text/plain"] = WIDGET_TEXT
                outputs.append(_note())
            else:  # a widget closed before the end: nothing can draw it
                output["data"] = {"text/plain": WIDGET_TEXT}
        cell.outputs = outputs
    keep = _reachable(state, roots)
    if not keep:
        return
    ids = {old: uuid.uuid5(uuid.NAMESPACE_URL, f"kit-notebook:{name}:{i}").hex for i, old in enumerate(keep)}

    def renumber(text: str) -> str:
        return MODEL_REF.sub(lambda m: "IPY_MODEL_" + ids.get(m.group(1), m.group(1)), text)

    new_state = {ids[old]: json.loads(renumber(json.dumps(state[old]))) for old in keep}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(VIEW)
            if view and view.get("model_id") in ids:
                view["model_id"] = ids[view["model_id"]]
    nb.metadata["widgets"] = {
        STATE: {
            "state": new_state,
            "version_major": saved.get("version_major", 2),
            "version_minor": saved.get("version_minor", 0),
        }
    }


def execute(path: Path, *, timeout: int = 120) -> float:
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    env_backup = dict(os.environ)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    os.environ["PYTHONHASHSEED"] = "0"
    try:
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            store_widget_state=True,
            record_timing=False,
            allow_errors=False,
        )
        start = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - start
    finally:
        os.environ.clear()
        os.environ.update(env_backup)
    _clean(nb)
    _save_widgets(nb, path.stem)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
    problems = []
    for path in paths:
        elapsed = execute(path.resolve())
        size = path.stat().st_size
        print(f"{path.name}: {elapsed:.1f} s, {size / 1e6:.2f} MB")
        if elapsed > BUDGET_S:
            problems.append(f"{path.name} took {elapsed:.0f} s (budget {BUDGET_S:.0f} s)")
        if size > MAX_BYTES:
            problems.append(f"{path.name} is {size / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:.0f} MB)")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
