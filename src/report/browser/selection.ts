/** The rep picked by a click on a territory, a table row or a bar; every element of that rep is highlighted. */
export interface Selection {
  /** The selected rep id, or null. */
  current(): string | null;
  /** Selects a rep (null clears); selecting the selected rep again clears it. */
  toggle(repId: string | null, from?: Element): void;
  /** Called after every change. */
  onChange(listener: (repId: string | null) => void): void;
}

/**
 * Selection over every `[data-rep]` element of the page: a click (or Enter on a focused row)
 * toggles that rep; its elements get the class `selected`, the body `has-selection`, and when the
 * click came from outside the table the rep's row is scrolled into view.
 */
export function createSelection(root: Document): Selection {
  const byRep = new Map<string, Element[]>();
  for (const element of Array.from(root.querySelectorAll("[data-rep]"))) {
    const id = element.getAttribute("data-rep")!;
    const list = byRep.get(id) ?? [];
    list.push(element);
    byRep.set(id, list);
  }
  const listeners: ((repId: string | null) => void)[] = [];
  let selected: string | null = null;

  const toggle = (repId: string | null, from?: Element) => {
    const next = repId === selected ? null : repId;
    for (const element of byRep.get(selected ?? "") ?? []) element.classList.remove("selected");
    selected = next;
    for (const element of byRep.get(selected ?? "") ?? []) element.classList.add("selected");
    root.body.classList.toggle("has-selection", selected !== null);
    if (selected !== null && !from?.closest("table")) {
      const rows = (byRep.get(selected) ?? []).filter((e) => e.tagName === "TR");
      const row = rows.find((e) => e.closest("#territory-table")) ?? rows[0];
      row?.scrollIntoView({ block: "nearest" });
    }
    for (const listener of listeners) listener(selected);
  };

  root.addEventListener("click", (event) => {
    const target = (event.target as Element).closest?.("[data-rep]");
    if (target) toggle(target.getAttribute("data-rep"), target);
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const target = (event.target as Element).closest?.("tr[data-rep]");
    if (!target) return;
    event.preventDefault();
    toggle(target.getAttribute("data-rep"), target);
  });
  return { current: () => selected, toggle, onChange: (listener) => void listeners.push(listener) };
}
