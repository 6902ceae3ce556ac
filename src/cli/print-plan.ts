import { textTable } from "../output/text-table.js";
import { rollupCells, rollupHeadings, rollupLevels, rollupsOf, type Rollup } from "../evaluate/rollups.js";
import type { Diagnostic, Plan } from "../model/plan.js";
import { summaryTable } from "../output/index.js";
import { repChangesTable } from "../output/realign-tables.js";
import { diffFromToday } from "../realign/today-of.js";

/**
 * The text printed after a solve: the summary table (status, territories, balance, bound and
 * gap when the strategy proves one), disruption when accounts have a current rep, then every
 * diagnostic on its own line.
 */
export function describePlan(plan: Plan): string {
  const lines = [summaryTable(plan).trimEnd()];
  if (plan.problem.accounts.some((a) => a.currentRep !== undefined)) {
    const { accountsMoved, fractionMoved } = plan.metrics.disruption;
    lines.push(`Disruption: ${accountsMoved.toLocaleString("en-US")} accounts change rep (${(fractionMoved * 100).toFixed(1)} % of the workload that has a current rep)`);
    const diff = diffFromToday(plan);
    if (diff && diff.accountsMoved > 0) lines.push("", "Gains and losses against today (reps with changes):", repChangesTable(diff).trimEnd());
  }
  const rollups = rollupsOf(plan);
  for (const level of rollupLevels) {
    const rows = rollups[level];
    if (rows) lines.push("", `By ${level} (accounts by theirs; reps by theirs, with their territories):`, rollupTable(level, rows).trimEnd());
  }
  if (plan.diagnostics.length > 0) lines.push("", ...describeDiagnostics(plan.diagnostics));
  return `${lines.join("\n")}\n`;
}

function rollupTable(level: string, rows: readonly Rollup[]): string {
  return textTable([level, ...rollupHeadings], rows.map(rollupCells));
}

/** One line per diagnostic, most severe first: `error   capacity_exceeded: total workload ...`. */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity]).map((d) => `${d.severity.padEnd(7)} ${d.code}: ${d.message}`);
}
