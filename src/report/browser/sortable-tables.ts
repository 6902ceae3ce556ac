/**
 * Sorts every `table.sortable` by a click (or Enter) on a column heading: numbers by each cell's
 * `data-value` (cells without one last), text by its content; a second click reverses. The heading
 * says its order in `aria-sort`.
 */
export function makeTablesSortable(root: Document): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>("table.sortable"))) {
    const headings = Array.from(table.tHead?.rows[0]?.cells ?? []);
    headings.forEach((th, column) => {
      th.tabIndex = 0;
      const sort = () => sortBy(table, headings, column);
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sort();
        }
      });
    });
  }
}

function sortBy(table: HTMLTableElement, headings: HTMLTableCellElement[], column: number): void {
  const th = headings[column];
  const ascending = th.getAttribute("aria-sort") !== "ascending";
  for (const other of headings) other.removeAttribute("aria-sort");
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const numeric = th.dataset.type === "number";
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const key = (row: HTMLTableRowElement) => {
    const cell = row.cells[column];
    if (!numeric) return cell?.textContent ?? "";
    const value = Number.parseFloat(cell?.dataset.value ?? "");
    return Number.isFinite(value) ? value : null;
  };
  const keys = new Map(rows.map((row) => [row, key(row)]));
  rows.sort((a, b) => {
    const x = keys.get(a)!, y = keys.get(b)!;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === "number" ? x - (y as number) : String(x).localeCompare(String(y), undefined, { numeric: true });
    return ascending ? order : -order;
  });
  body.append(...rows);
}
