import type { Plan, Territory } from "../model/plan.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { plainText } from "./plain-text.js";
import { balanceLine, boundLine, statusLine } from "./plan-lines.js";
import { truncateText } from "./truncate-text.js";
import { isUnitPlan } from "./unit-plan.js";

/** Territory rows printed at most; larger plans show the reps furthest from target. */
const MAX_ROWS = 40;
const REP_CHARS = 24;

/**
 * A fixed-width plain-text summary for a terminal: the status line, one row per territory (rep,
 * accounts, workload h, target h, deviation, utilisation, travel min; then units and Polsby–Popper
 * compactness when the plan is made of geographic units) right-aligned under a header, a total row, then balance, bound and counts of unassigned accounts and diagnostics.
 * With more than 40 reps only the 40 furthest from their target are listed (in input order), and
 * a line says so. Rep ids are cut to 24 characters and control characters replaced, so the table
 * stays aligned and safe to print. Ends with a newline.
 */
export function summaryTable(plan: Plan): string {
  const out = [`Plan: ${statusLine(plan)}`, "", ...territoryRows(plan.territories, isUnitPlan(plan)), ""];
  out.push(`Balance: ${balanceLine(plan.metrics, plan.balance)}`);
  const bound = boundLine(plan);
  out.push(bound ? `Bound: ${bound}` : `Objective: ${formatNumber(plan.metrics.objective)} (no lower bound from this strategy)`);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of plan.diagnostics) counts[d.severity]++;
  out.push(
    `Unassigned: ${formatNumber(plan.unassigned.length)}; diagnostics: ${counts.error} error${counts.error === 1 ? "" : "s"}, ` +
      `${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info`,
  );
  return `${out.join("\n")}\n`;
}

/**
 * The territory table's lines (header, rule, rows, rule, total; a first line when reps were left
 * out), as `summaryTable` prints it: also used for any assignment `evaluate` scores.
 */
export function territoryRows(territories: readonly Territory[], unitBased: boolean): string[] {
  let shown: readonly Territory[] = territories;
  if (shown.length > MAX_ROWS) {
    const worst = new Set([...shown].sort((a, b) => Math.abs(b.deviation) - Math.abs(a.deviation)).slice(0, MAX_ROWS));
    shown = shown.filter((t) => worst.has(t));
  }
  const header = ["rep", "accounts", "workload h", "target h", "deviation", "utilisation", "travel min", ...(unitBased ? ["units", "compactness"] : [])];
  const rows = shown.map((t) => [
    truncateText(plainText(t.repId), REP_CHARS),
    formatNumber(t.accountCount),
    formatNumber(t.workloadHours, 1),
    formatNumber(t.targetHours, 1),
    formatSignedPercent(t.deviation),
    formatPercent(t.utilisation),
    formatNumber(t.travelMinutes),
    ...(unitBased ? [formatNumber(t.unitIds?.length ?? 0), t.compactness !== undefined ? formatNumber(t.compactness, 2) : "–"] : []),
  ]);
  const sum = (f: (t: Territory) => number) => territories.reduce((s, t) => s + f(t), 0);
  const total = [
    "total",
    formatNumber(sum((t) => t.accountCount)),
    formatNumber(sum((t) => t.workloadHours), 1),
    formatNumber(sum((t) => t.targetHours), 1),
    "",
    "",
    formatNumber(sum((t) => t.travelMinutes)),
    ...(unitBased ? [formatNumber(sum((t) => t.unitIds?.length ?? 0)), ""] : []),
  ];
  const widths = header.map((h, c) => Math.max(h.length, total[c].length, ...rows.map((row) => Array.from(row[c]).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? pad(cell, widths[c], "end") : pad(cell, widths[c], "start"))).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(header), rule, ...rows.map(line), rule, line(total)];
  if (shown.length < territories.length) out.unshift(`Showing the ${shown.length} reps furthest from target of ${formatNumber(territories.length)}.`);
  return out;
}

function pad(text: string, width: number, side: "start" | "end"): string {
  const fill = " ".repeat(Math.max(0, width - Array.from(text).length));
  return side === "start" ? fill + text : text + fill;
}
