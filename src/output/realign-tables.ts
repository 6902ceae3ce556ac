import { textTable } from "./text-table.js";
import type { PlanDiff } from "../realign/diff-plans.js";
import type { ScenarioComparison } from "../realign/run-scenarios.js";
import type { Tradeoff } from "../realign/tradeoff.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { csvField, toCsv } from "./csv-writer.js";
import { escapeMarkdown } from "./plain-text.js";

/** Numbers in CSV: shortest round-trip form, at most 6 decimals; empty for undefined. */
const num = (x: number | undefined) => (x === undefined ? "" : String(Number(x.toFixed(6))));

/** `moved.csv`: `account_id,from_rep,to_rep,workload,potential`, one row per moved account (empty rep: none). */
export function toMovedCsv(diff: PlanDiff): string {
  const lines = diff.moved.map((m) => `${csvField(m.accountId)},${csvField(m.from ?? "")},${csvField(m.to ?? "")},${num(m.workload)},${num(m.potential)}\n`);
  return toCsv([["account_id", "from_rep", "to_rep", "workload", "potential"]]) + lines.join("");
}

/** Per-rep gains and losses as a fixed-width text table (reps with no change left out). */
export function repChangesTable(diff: PlanDiff): string {
  const header = ["rep", "in", "out", "h in", "h out", "workload h", "travel min", "change"];
  const rows = diff.reps
    .filter((r) => r.accountsIn + r.accountsOut > 0)
    .map((r) => [
      r.repId,
      formatNumber(r.accountsIn),
      formatNumber(r.accountsOut),
      formatNumber(r.workloadIn, 1),
      formatNumber(r.workloadOut, 1),
      `${formatNumber(r.workloadBefore, 1)} → ${formatNumber(r.workloadAfter, 1)}`,
      `${formatNumber(r.travelMinutesBefore)} → ${formatNumber(r.travelMinutesAfter)}`,
      r.weightedTravelBefore > 0 ? formatSignedPercent(r.weightedTravelAfter / r.weightedTravelBefore - 1) : "–",
    ]);
  return textTable(header, rows);
}

/** `diff.md`: totals, then per rep what it gains and loses. */
export function toDiffMarkdown(diff: PlanDiff, title = "Territory changes"): string {
  const out = [`# ${escapeMarkdown(title)}`, ""];
  out.push(`- Accounts moved: ${formatNumber(diff.accountsMoved)} (${formatNumber(diff.workloadMovedHours, 1)} h of workload)`);
  out.push(`- Objective (Σ workload × travel minutes): ${formatNumber(diff.objectiveBefore)} → ${formatNumber(diff.objectiveAfter)} (${diff.objectiveBefore > 0 ? formatSignedPercent(diff.objectiveAfter / diff.objectiveBefore - 1) : "–"})`);
  out.push("", "## Per rep", "", "| Rep | Accounts in | Accounts out | Workload in h | Workload out h | Potential in | Potential out | Workload h before → after | Travel min before → after |", "|:--|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const r of diff.reps) {
    out.push(
      `| ${escapeMarkdown(r.repId)} | ${formatNumber(r.accountsIn)} | ${formatNumber(r.accountsOut)} | ${formatNumber(r.workloadIn, 1)} | ${formatNumber(r.workloadOut, 1)} | ${formatNumber(r.potentialIn)} | ${formatNumber(r.potentialOut)} | ` +
        `${formatNumber(r.workloadBefore, 1)} → ${formatNumber(r.workloadAfter, 1)} | ${formatNumber(r.travelMinutesBefore)} → ${formatNumber(r.travelMinutesAfter)} |`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** `tradeoff.csv`: one row per point in the order given. */
export function toTradeoffCsv(tradeoff: Tradeoff): string {
  const header = ["budget", "moves", "objective", "lower_bound", "gap", "max_deviation", "moved_workload", "moved_share", "reps_outside_band", "status", "elapsed_ms"];
  const lines = tradeoff.rows.map((r) =>
    [csvField(r.label), num(r.moves), num(r.objective), num(r.lowerBound), num(r.gap), num(r.maxDeviation), num(r.movedWorkloadHours), num(r.movedShare), num(r.repsOutsideBand), r.status, num(Math.round(r.elapsedMs))].join(",") + "\n",
  );
  return toCsv([header]) + lines.join("");
}

/** `compare.csv`: one row per scenario. */
export function toCompareCsv(comparison: ScenarioComparison): string {
  const header = ["scenario", "status", "reps", "objective", "lower_bound", "gap", "workload_cv", "max_deviation", "reps_outside_band", "moves", "moved_workload", "travel_change", "travel_change_share"];
  const lines = comparison.results.map(({ row: r }) =>
    [csvField(r.name), r.status, num(r.reps), num(r.objective), num(r.lowerBound), num(r.gap), num(r.workloadCv), num(r.maxDeviation), num(r.repsOutsideBand), num(r.moves), num(r.movedWorkloadHours), num(r.travelChange), num(r.travelChangeShare)].join(",") + "\n",
  );
  return toCsv([header]) + lines.join("");
}

/** `compare.md`: the scenarios side by side. */
export function toCompareMarkdown(comparison: ScenarioComparison): string {
  const out = ["# Scenarios", "", `Today's objective (Σ workload × travel minutes of today's owners): ${formatNumber(comparison.todayObjective)}`, ""];
  out.push("| Scenario | Status | Reps | Objective | Gap | Workload CV | Max deviation | Reps outside band | Moves | Moved h | Travel vs today |", "|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const { row: r } of comparison.results) {
    out.push(
      `| ${escapeMarkdown(r.name)} | ${r.status} | ${formatNumber(r.reps)} | ${formatNumber(r.objective)} | ${r.gap !== undefined ? formatPercent(r.gap, 2) : "–"} | ${formatPercent(r.workloadCv)} | ${formatPercent(r.maxDeviation)} | ` +
        `${formatNumber(r.repsOutsideBand)} | ${formatNumber(r.moves)} | ${formatNumber(r.movedWorkloadHours, 1)} | ${formatSignedPercent(r.travelChangeShare)} |`,
    );
  }
  return `${out.join("\n")}\n`;
}
