import { rollupHeadings, rollupLevels, rollupsOf, type Rollup } from "../evaluate/rollups.js";
import type { Plan } from "../model/plan.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
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

function cellsOf(row: Rollup): Cell[] {
  const number = (value: number, digits = 0): Cell => ({ text: formatNumber(value, digits), value });
  return [
    { text: row.name === "" ? "(none)" : row.name },
    number(row.accounts),
    number(row.workload, 1),
    number(row.potential),
    number(row.reps),
    number(row.territoryHours, 1),
    number(row.targetHours, 1),
    row.reps > 0 ? { text: formatSignedPercent(row.deviation), value: row.deviation } : { text: "–" },
    row.reps > 1 ? { text: formatPercent(row.workloadCv), value: row.workloadCv } : { text: "–" },
    row.reps > 0 ? { text: formatPercent(row.maxDeviation), value: row.maxDeviation } : { text: "–" },
    { ...number(row.repsOutside), ...(row.repsOutside > 0 ? { className: "out" } : {}) },
  ];
}
