// The event orderer's drag-and-drop list (anywidget). The order lives in the
// model's "order" (a list of event ids); Python checks it (kit.widgets.order_feedback).
// Keyboard: ArrowUp / ArrowDown go from item to item; Alt+ArrowUp /
// Alt+ArrowDown move the focused item; the select list and the Up / Down
// buttons beside it do the same. Each move is announced in a polite live region.
function render({ model, el }) {
  el.classList.add("kit-drag-view");
  const list = document.createElement("ol");
  list.className = "kit-drag-list";
  list.setAttribute("aria-label", "Events: drag to reorder, or focus one and press Alt+Up or Alt+Down to move it");
  el.appendChild(list);
  const status = document.createElement("p");
  status.className = "kit-drag-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  el.appendChild(status);
  let dragged = null;

  const commit = (order, moved) => {
    if (moved !== undefined) {
      const labels = model.get("labels");
      status.textContent = `${labels[String(moved)] ?? moved}: now ${order.indexOf(moved) + 1} of ${order.length}.`;
    }
    model.set("order", order);
    model.save_changes();
  };
  const draw = () => {
    const labels = model.get("labels");
    const order = model.get("order");
    list.innerHTML = "";
    order.forEach((id, i) => {
      const li = document.createElement("li");
      li.draggable = true;
      li.tabIndex = 0;
      li.dataset.id = String(id);
      li.className = "kit-drag-item";
      li.textContent = labels[String(id)] ?? String(id);
      li.addEventListener("dragstart", (e) => {
        dragged = i;
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", String(id));
      });
      li.addEventListener("dragover", (e) => e.preventDefault());
      li.addEventListener("drop", (e) => {
        e.preventDefault();
        if (dragged === null || dragged === i) return;
        const next = order.slice();
        const [moved] = next.splice(dragged, 1);
        next.splice(i, 0, moved);
        dragged = null;
        commit(next, moved);
      });
      li.addEventListener("keydown", (e) => {
        if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
        e.preventDefault();
        const j = e.key === "ArrowUp" ? i - 1 : i + 1;
        if (j < 0 || j >= order.length) return;
        if (!e.altKey) {
          list.children[j].focus();
          return;
        }
        const next = order.slice();
        [next[i], next[j]] = [next[j], next[i]];
        commit(next, id);
        requestAnimationFrame(() => list.children[j] && list.children[j].focus());
      });
      list.appendChild(li);
    });
  };
  model.on("change:order", draw);
  model.on("change:labels", draw);
  draw();
  return () => {
    model.off("change:order", draw);
    model.off("change:labels", draw);
  };
}
export default { render };
