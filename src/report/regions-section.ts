import { rollupCells, rollupHeadings, rollupLevels, rollupsOf, type Rollup } from "../evaluate/rollups.js";
import type { Plan } from "../model/plan.js";
import { htmlTable, type Cell } from "./html-table.js";

/**
 * Region and district roll-ups (`rollupsOf`): one sortable table per level the accounts or reps
 * name, or nothing when they name none.
 */
export function regionsSection(plan: Plan): string {
  const rollups = rollupsOf(plan);
  const tables = rollupLevels.flatMap((level) => {
    const rows = rollups[level];
    if (!rows) return [];
    const columns = [{ label: level === "region" ? "Region" : "District", type: "text" as const }, ...rollupHeadings.map((label) => ({ label }))];
    return [`<h3>${level === "region" ? "Regions" : "Districts"}</h3>`, htmlTable(`rollup-${level}`, columns, rows.map((row) => ({ cells: cellsOf(row) })))];
  });
  if (tables.length === 0) return "";
  return [
    `<section id="regions"><h2>Regions and districts</h2>`,
    `<p class="note">Accounts by their own region or district (count, workload, potential); reps by theirs, with their territories' hours against their targets.</p>`,
    ...tables,
    "</section>",
  ].join("\n");
}

/** The text and Markdown tables' cells (`rollupCells`), with the numbers they sort by. */
function cellsOf(row: Rollup): Cell[] {
  const values = [undefined, row.accounts, row.workload, row.potential, row.reps, row.territoryHours, row.targetHours, row.deviation, row.workloadCv, row.maxDeviation, row.repsOutside];
  return rollupCells(row).map((text, c) => ({
    text,
    ...(values[c] !== undefined && text !== "–" ? { value: values[c] } : {}),
    ...(c === values.length - 1 && row.repsOutside > 0 ? { className: "out" } : {}),
  }));
}
