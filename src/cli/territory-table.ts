import type { Territory } from "../model/plan.js";

/** A plain-text table of territories: rep, accounts, workload vs target, utilisation, potential, travel. */
export function territoryTable(territories: readonly Territory[]): string {
  const header = ["rep", "accounts", "workload h", "target h", "deviation", "utilisation", "potential", "travel min"];
  const rows = territories.map((t) => [
    t.repId,
    String(t.accountCount),
    t.workloadHours.toFixed(1),
    t.targetHours.toFixed(1),
    `${t.deviation >= 0 ? "+" : ""}${(t.deviation * 100).toFixed(1)} %`,
    `${(t.utilisation * 100).toFixed(0)} %`,
    Math.round(t.potential).toLocaleString("en-US"),
    Math.round(t.travelMinutes).toLocaleString("en-US"),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const format = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(format)].join("\n") + "\n";
}
