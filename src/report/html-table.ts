import { escapeHtml } from "./html-page.js";

/** A column of an HTML table. */
export interface Column {
  readonly label: string;
  /** Numbers sort by value and align right. Default `number`. */
  readonly type?: "number" | "text";
  /** A longer explanation, shown on hover. */
  readonly title?: string;
}

/** One cell: its text, and the value it sorts by when the column holds numbers. */
export interface Cell {
  /** Shown as text (escaped here). */
  readonly text: string;
  /** Sort value of a number column; absent or non-finite sorts last. */
  readonly value?: number;
  /** Extra class, e.g. `out` for a value outside its limit. */
  readonly className?: string;
  /** HTML shown instead of `text` (already escaped by the caller). */
  readonly html?: string;
}

/** One row; `rep` puts `data-rep` on it (a row of that rep, selectable). */
export interface Row {
  readonly cells: readonly Cell[];
  readonly rep?: string;
  readonly attributes?: string;
}

/** A table in a scrolling box; `sortable` lets the page script sort it by a click on a heading. */
export function htmlTable(id: string, columns: readonly Column[], rows: readonly Row[], sortable = true): string {
  const head = columns
    .map((c) => `<th scope="col"${c.type === "text" ? ` class="text" data-type="text"` : ` data-type="number"`}${c.title ? ` title="${escapeHtml(c.title)}"` : ""}>${escapeHtml(c.label)}</th>`)
    .join("");
  const body = rows.map((row) => {
    const attributes = `${row.rep !== undefined ? ` data-rep="${escapeHtml(row.rep)}" tabindex="0"` : ""}${row.attributes ?? ""}`;
    const cells = row.cells.map((cell, c) => {
      const classes = [columns[c]?.type === "text" ? "text" : "", cell.className ?? ""].filter(Boolean).join(" ");
      const value = cell.value !== undefined && Number.isFinite(cell.value) ? ` data-value="${cell.value}"` : "";
      return `<td${classes ? ` class="${classes}"` : ""}${value}>${cell.html ?? escapeHtml(cell.text)}</td>`;
    });
    return `<tr${attributes}>${cells.join("")}</tr>`;
  });
  return [`<div class="table-wrap"><table id="${id}"${sortable ? ` class="sortable"` : ""}>`, `<thead><tr>${head}</tr></thead>`, "<tbody>", ...body, "</tbody></table></div>"].join("\n");
}
