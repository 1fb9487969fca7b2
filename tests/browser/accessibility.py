"""Accessibility checks run in a notebook page after its cells ran (JupyterLab 4 or Notebook 7).

- :func:`check_live_regions`: every kit widget carries ``data-lm-suppress-shortcuts``
  and its feedback sits in a polite live region (``role="status"``).
- :func:`check_keyboard`: in every kit widget, plain ArrowDown and a letter change the
  value of its dropdown or list, focus stays on it, and the notebook neither adds a
  cell nor moves to another; in the viewer and the orderer's list the same keys add no
  cell, ArrowDown moves from item to item and Alt+ArrowDown moves the item.
- :func:`check_contrast`: every chart mark (bars, points, legend symbols) and every
  highlight underline measures 3:1 or more against white, every chart's accessible
  name starts with its title, and every focusable control in a kit widget shows a
  ring of 2 px or more at 3:1 or more when focused.
- :func:`check_axe`: axe-core (WCAG 2.1 A and AA rules) finds no violation in the
  notebook's outputs. JupyterLab's body has zero height and the notebook sits in a scrolled
  panel; axe then passes colour contrast silently for whatever is off screen (no
  violation, not even "incomplete"). So the window is first made as tall as the
  notebook, the body as tall as the window, the panel scrolled to the top, and a
  planted low-contrast line must be reported, which proves colour contrast was checked.
"""

from __future__ import annotations

import json

CONTRAST_JS = """
const _rgb = (s) => {
  const m = /rgba?\\(([^)]+)\\)/.exec(s || "");
  if (!m) return null;
  const p = m[1].split(",").map((x) => Number(x.trim()));
  if (p.length === 4 && p[3] === 0) return null;
  return p.slice(0, 3);
};
const _lum = (c) => {
  const v = c.map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
};
const _ratio = (a, b) => { const [x, y] = [_lum(a), _lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const WHITE = [255, 255, 255];
"""

NOTEBOOK_STATE = """() => {
  const p = window.jupyterapp.shell.currentWidget;
  return [p.content.model.cells.length, p.content.activeCellIndex];
}"""


def _js(body: str) -> str:
    return "(arg) => {" + CONTRAST_JS + body + "}"


# ----- live regions -------------------------------------------------------------------------

LIVE = """() => [...document.querySelectorAll('.jp-Notebook .jupyter-widgets.kit-widget')].map((w) => ({
  kind: [...w.classList].find((c) => c.startsWith('kit-') && c !== 'kit-widget'),
  suppress: w.getAttribute('data-lm-suppress-shortcuts'),
  live: [...w.querySelectorAll('.kit-live, .kit-drag-status')].map((l) => ({
    polite: l.getAttribute('aria-live') === 'polite' && l.getAttribute('role') === 'status',
    text: l.innerText, html: l.innerHTML.slice(0, 2000),
  })),
}))"""

FEEDBACK = {
    # the feedback each interaction of test_notebooks_browser leaves, and where it must be
    "kit-viewer": lambda live: any(x["text"].startswith("Row ") for x in live),
    "kit-sorter": lambda live: (
        any("✓ Right" in x["text"] for x in live) and any("answered right" in x["text"] for x in live)
    ),
    "kit-reframe": lambda live: any("<ins>" in x["html"] for x in live),
    "kit-orderer": lambda live: any("constraint" in x["text"] for x in live),
}


def check_live_regions(page, expect: dict) -> None:
    widgets = page.evaluate(LIVE)
    assert len(widgets) == expect["widgets"], widgets
    interacted = {f"kit-{s['widget']}" for s in expect["interactions"]}
    for w in widgets:
        assert w["suppress"] == "true", f"{w['kind']}: no data-lm-suppress-shortcuts on the widget"
        assert w["live"] and all(x["polite"] for x in w["live"]), (
            f"{w['kind']}: a feedback output is not a polite live region: {w['live']}"
        )
        if w["kind"] in interacted:
            assert FEEDBACK[w["kind"]](w["live"]), (
                f"{w['kind']}: its feedback is not in a live region: {w['live']}"
            )


# ----- keyboard -------------------------------------------------------------------------------


def _control(widget, kind: str):
    if kind == "kit-viewer":
        return widget.locator(".widget-dropdown", has=widget.page.locator("label", has_text="show")).locator(
            "select"
        )
    if kind == "kit-orderer":
        return widget.locator(".widget-select select")
    return widget.locator(".widget-dropdown select").first


def _options(select) -> list[str]:
    return select.evaluate("(s) => [...s.options].map((o) => o.text)")


def _settle(page, select, before: str) -> str:
    try:
        page.wait_for_function(
            "([s, v]) => s.value !== v", arg=[select.element_handle(), before], timeout=3000
        )
    except Exception:
        pass
    return select.input_value()


def _press_in_control(page, select, key: str, kind: str) -> None:
    """Press ``key`` on a focused select: its value changes, focus stays, no cell added or moved to."""
    select.focus()
    state = page.evaluate(NOTEBOOK_STATE)
    before = select.input_value()
    page.keyboard.press(key)
    after = _settle(page, select, before)
    page.wait_for_timeout(150)
    assert after != before, f"{kind}: pressing {key} did not change the value ({before!r})"
    assert select.evaluate("(s) => s === document.activeElement || s.contains(document.activeElement)"), (
        f"{kind}: pressing {key} moved the focus out of the control"
    )
    assert page.evaluate(NOTEBOOK_STATE) == state, f"{kind}: pressing {key} added a cell or moved to another"


def _letter(select) -> str | None:
    """A key that type-ahead takes to another option: the first character of an option the value
    does not start with, else (all options start alike) the value's own first character, which
    goes on to the next option starting with it."""
    current = select.evaluate("(s) => s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : ''")
    firsts = [text[:1].lower() for text in _options(select)]
    for first in firsts:
        if first.isalnum() and not current.lower().startswith(first):
            return first
    same = current[:1].lower()
    return same if same.isalnum() and firsts.count(same) > 1 else None


def _press_anywhere(page, locator, key: str, kind: str) -> None:
    locator.focus()
    state = page.evaluate(NOTEBOOK_STATE)
    page.keyboard.press(key)
    page.wait_for_timeout(150)
    assert page.evaluate(NOTEBOOK_STATE) == state, f"{kind}: pressing {key} added a cell or moved to another"


def check_keyboard(page) -> None:
    widgets = page.locator(".jp-Notebook .jupyter-widgets.kit-widget")
    for i in range(widgets.count()):
        widget = widgets.nth(i)
        kind = widget.evaluate(
            "(w) => [...w.classList].find((c) => c.startsWith('kit-') && c !== 'kit-widget')"
        )
        widget.scroll_into_view_if_needed()
        select = _control(widget, kind)
        last = select.evaluate("(s) => s.selectedIndex === s.options.length - 1")
        _press_in_control(page, select, "ArrowUp" if last else "ArrowDown", kind)
        letter = _letter(select)
        assert letter, f"{kind}: no option to reach by typing"
        _press_in_control(page, select, letter, kind)
        if kind == "kit-viewer":
            mark = widget.locator(".kit-article mark[data-row]").first
            for key in ("ArrowDown", "ArrowUp", "a", "b"):
                _press_anywhere(page, mark, key, kind)
        if kind == "kit-orderer":
            items = widget.locator(".kit-drag-item")
            before = [items.nth(k).inner_text() for k in range(items.count())]
            _press_anywhere(page, items.first, "ArrowDown", kind)
            assert items.nth(1).evaluate("(e) => e === document.activeElement"), (
                "ArrowDown did not go to the next event"
            )
            _press_anywhere(page, items.nth(1), "a", kind)
            items.nth(1).focus()
            page.keyboard.press("Alt+ArrowUp")
            page.wait_for_function(
                "([w, t]) => w.querySelector('.kit-drag-item').innerText === t",
                arg=[widget.element_handle(), before[1]],
                timeout=10_000,
            )
            status = widget.locator(".kit-drag-status").inner_text()
            assert status.startswith(before[1]) and "now 1 of" in status, status


# ----- contrast and names -------------------------------------------------------------------

MEASURE = _js("""
  const bad = [];
  const marks = document.querySelectorAll(
    '.jp-Notebook .vega-embed svg .mark-rect path, .jp-Notebook .vega-embed svg .mark-symbol path,' +
    ' .jp-Notebook .vega-embed svg .mark-area path, .jp-Notebook .vega-embed svg .mark-arc path');
  let measured = 0;
  for (const m of marks) {
    const cs = getComputedStyle(m);
    const fill = _rgb(cs.fill), stroke = Number.parseFloat(cs.strokeWidth) >= 1 ? _rgb(cs.stroke) : null;
    const best = Math.max(fill ? _ratio(fill, WHITE) : 0, stroke ? _ratio(stroke, WHITE) : 0);
    if (!fill && !stroke) continue;
    measured++;
    if (best < 3) bad.push(`chart mark ${cs.fill} / ${cs.stroke}: ${best.toFixed(2)}`);
  }
  let underlines = 0;
  for (const m of document.querySelectorAll('.jp-Notebook .kit-article mark[data-row]')) {
    const c = _rgb(getComputedStyle(m).borderBottomColor);
    underlines++;
    if (!c || _ratio(c, WHITE) < 3) bad.push(`underline of "${m.getAttribute('aria-label')}": ${c}`);
  }
  const names = [];
  for (const doc of document.querySelectorAll('.jp-Notebook .vega-embed')) {
    const title = doc.querySelector('svg .role-title-text');
    const label = doc.getAttribute('aria-label') || (doc.querySelector('svg') || doc).getAttribute('aria-label') || '';
    const t = title ? title.textContent.trim() : '';
    names.push(label);
    if (!t || !label.startsWith(t)) bad.push(`chart name does not start with its title ${JSON.stringify(t)}: ${JSON.stringify(label.slice(0, 120))}`);
  }
  return { bad, measured, underlines, names };
""")

RINGS = _js("""
  const bad = [];
  let measured = 0;
  const focusables = document.querySelectorAll(
    '.jp-Notebook .kit-widget select, .jp-Notebook .kit-widget button, .jp-Notebook .kit-widget input,' +
    ' .jp-Notebook .kit-widget [tabindex="0"]');
  for (const el of focusables) {
    if (!el.getClientRects().length) continue;
    el.focus({ preventScroll: true });
    const cs = getComputedStyle(el);
    const width = Number.parseFloat(cs.outlineWidth), colour = _rgb(cs.outlineColor);
    measured++;
    const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') || el.textContent || '').slice(0, 40)}"`;
    if (cs.outlineStyle === 'none' || width < 2 || !colour || _ratio(colour, WHITE) < 3) {
      bad.push(`${name}: ring ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`);
    }
    el.blur();
  }
  return { bad, measured };
""")


def check_contrast(page, expect: dict) -> None:
    result = page.evaluate(MEASURE)
    assert not result["bad"], "\n".join(result["bad"])
    assert result["measured"] > 0 or not expect["charts"], "no chart mark was measured"
    rings = page.evaluate(RINGS)
    assert not rings["bad"], "\n".join(rings["bad"])
    assert rings["measured"] >= expect["widgets"], rings


# ----- axe-core ------------------------------------------------------------------------------

PLANTED = "kit-planted-low-contrast"

FULL_HEIGHT = """() => {
  // Show the whole notebook at once: the window as tall as the notebook's content, and the
  // page's root and body as tall as the window (JupyterLab leaves the body at zero height).
  const panel = document.querySelector('.jp-WindowedPanel-outer') || document.querySelector('.jp-Notebook');
  return Math.ceil(panel.scrollHeight + 400);
}"""

RUN_AXE = """async ([planted]) => {
  for (const el of [document.documentElement, document.body]) { el.style.height = '100%'; el.style.minHeight = '100%'; }
  for (const el of document.querySelectorAll('.jp-WindowedPanel-outer, .jp-Notebook, .jp-NotebookPanel, #main-panel')) {
    el.scrollTop = 0;
  }
  await new Promise((r) => setTimeout(r, 200));
  const output = document.querySelector('.jp-Notebook .jp-OutputArea-output');
  const line = document.createElement('p');
  line.id = planted;
  line.textContent = 'A planted line of low contrast: axe must report it.';
  line.style.cssText = 'color:#bbbbbb;background:#ffffff;font-size:14px';
  output.appendChild(line);
  const result = await axe.run(
    { include: [['.jp-Notebook .jp-OutputArea-output']] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations', 'incomplete'] });
  line.remove();
  const brief = (r) => ({ id: r.id, impact: r.impact, help: r.help,
    nodes: r.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200),
                                 why: n.failureSummary ? n.failureSummary.slice(0, 300) : '' })) });
  return { violations: result.violations.map(brief),
           incompleteContrast: (result.incomplete.find((r) => r.id === 'color-contrast') || { nodes: [] }).nodes.length,
           bodyHeight: document.body.getBoundingClientRect().height };
}"""


def check_axe(page, axe_source: str) -> None:
    size = page.viewport_size
    height = page.evaluate(FULL_HEIGHT)
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 30_000)})
    page.wait_for_timeout(400)
    page.add_script_tag(content=axe_source)
    result = page.evaluate(RUN_AXE, [PLANTED])
    page.set_viewport_size(size)
    violations = result["violations"]
    contrast = next((v for v in violations if v["id"] == "color-contrast"), {"nodes": []})
    assert any(PLANTED in n["target"] for n in contrast["nodes"]), (
        "axe did not report the planted low-contrast line, so colour contrast was not checked:"
        f" body height {result['bodyHeight']}, {result['incompleteContrast']} contrast checks incomplete"
    )
    real = []
    for v in violations:
        nodes = [n for n in v["nodes"] if PLANTED not in n["target"]]
        if nodes:
            real.append({**v, "nodes": nodes})
    assert not real, "axe-core found WCAG violations:\n" + json.dumps(real, indent=1, ensure_ascii=False)


def check_all(page, expect: dict, axe_source: str) -> None:
    """Every check above, in an order that leaves each one's evidence for the next."""
    check_live_regions(page, expect)
    check_keyboard(page)
    check_contrast(page, expect)
    check_axe(page, axe_source)
