import type { Diagnostic, Plan } from "../model/plan.js";
import { summaryTable } from "../output/index.js";

/** The text printed after a solve: summary table, bound and gap, diagnostics. */
export function describePlan(plan: Plan): string {
  const lines = [summaryTable(plan).trimEnd(), ""];
  lines.push(`status ${plan.status} (strategy ${plan.strategy}) in ${(plan.elapsedMs / 1000).toFixed(2)} s`);
  if (plan.bound) {
    const { lowerBound, objective, gap } = plan.bound;
    lines.push(`objective ${formatNumber(objective)}, lower bound ${formatNumber(lowerBound)}, gap ${(gap * 100).toFixed(2)} %`);
  }
  if (plan.diagnostics.length > 0) lines.push("", ...describeDiagnostics(plan.diagnostics));
  return `${lines.join("\n")}\n`;
}

/** One line per diagnostic, most severe first: `error   capacity_exceeded: total workload ...`. */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity]).map((d) => `${d.severity.padEnd(7)} ${d.code}: ${d.message}`);
}

export function formatNumber(x: number): string {
  return Math.round(x).toLocaleString("en-US");
}
