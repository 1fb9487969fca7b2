// The hidden helper inside every kit widget (anywidget), for keyboard and
// screen-reader users. On the widget's outer box it
// - sets data-lm-suppress-shortcuts on the box and on every focusable element in
//   it. Lumino's CommandRegistry (JupyterLab 4, Notebook 7) walks from the key
//   event's target up to the document and stops at the first element with
//   that attribute; the notebook's command-mode bindings match the focused
//   element itself (".jp-Notebook.jp-mod-commandMode :focus"), so the attribute
//   must be on the control, not only on an ancestor. ArrowUp/ArrowDown and
//   letters then reach the dropdowns, lists and highlights instead of moving
//   to or inserting cells;
// - makes every .kit-live output a polite live region (role="status"), so its
//   feedback is announced when it changes.
// Outputs are drawn after this view, so a MutationObserver repeats the work.
function render({ el }) {
  el.classList.add("kit-frame");
  el.setAttribute("aria-hidden", "true");
  let observer = null;
  let tries = 0;
  const FOCUSABLE = "select, button, input, textarea, [tabindex]";
  const mark = (box) => {
    for (const node of [box, ...box.querySelectorAll(FOCUSABLE)]) {
      if (node.getAttribute("data-lm-suppress-shortcuts") !== "true") {
        node.setAttribute("data-lm-suppress-shortcuts", "true");
      }
    }
    for (const live of box.querySelectorAll(".kit-live")) {
      if (live.getAttribute("aria-live") !== "polite") {
        live.setAttribute("role", "status");
        live.setAttribute("aria-live", "polite");
      }
    }
  };
  const attach = () => {
    const box = el.closest(".kit-widget");
    if (!box) {
      if (tries++ < 200) setTimeout(attach, 50);
      return;
    }
    mark(box);
    observer = new MutationObserver(() => mark(box));
    observer.observe(box, { childList: true, subtree: true });
  };
  attach();
  return () => observer && observer.disconnect();
}
export default { render };
