// The hidden helper inside every kit widget (anywidget), for keyboard and
// screen-reader users. On the widget's outer box it
// - sets data-lm-suppress-shortcuts: JupyterLab 4 and Notebook 7 (Lumino's
//   CommandRegistry) then ignore their command-mode shortcuts for key events
//   from inside the widget, so ArrowUp/ArrowDown and letters reach the
//   dropdowns, lists and highlights instead of moving to or inserting cells;
// - makes every .kit-live output a polite live region (role="status"), so its
//   feedback is announced when it changes.
// Outputs are drawn after this view, so a MutationObserver repeats the work.
function render({ el }) {
  el.classList.add("kit-frame");
  el.setAttribute("aria-hidden", "true");
  let observer = null;
  let tries = 0;
  const mark = (box) => {
    if (box.getAttribute("data-lm-suppress-shortcuts") !== "true") {
      box.setAttribute("data-lm-suppress-shortcuts", "true");
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
