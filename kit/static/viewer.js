// The article viewer's front end (anywidget). Python builds the highlighted
// HTML (kit.widgets.highlight_html); this file only shows it and reports which
// highlight the reader chose, by click or by keyboard (Tab, then Enter or Space).
function render({ model, el }) {
  el.classList.add("kit-article-view");
  const box = document.createElement("div");
  box.className = "kit-article";
  el.appendChild(box);

  const mark = () => {
    const chosen = model.get("selected");
    for (const m of box.querySelectorAll("mark[data-row]")) {
      const on = Number(m.dataset.row) === chosen;
      m.classList.toggle("kit-selected", on);
      m.setAttribute("aria-pressed", on ? "true" : "false");
    }
  };
  const draw = () => {
    box.innerHTML = model.get("html");
    mark();
  };
  const choose = (target) => {
    const m = target.closest ? target.closest("mark[data-row]") : null;
    if (!m || !box.contains(m)) return false;
    model.set("selected", Number(m.dataset.row));
    model.save_changes();
    return true;
  };
  box.addEventListener("click", (e) => choose(e.target));
  box.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && choose(e.target)) e.preventDefault();
  });
  model.on("change:html", draw);
  model.on("change:selected", mark);
  draw();
  return () => {
    model.off("change:html", draw);
    model.off("change:selected", mark);
  };
}
export default { render };
