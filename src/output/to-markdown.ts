import { rollupCells, rollupHeadings, rollupLevels, rollupsOf } from "../evaluate/rollups.js";
import type { Plan } from "../model/plan.js";
import { ruleNames } from "../rules/violation.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { escapeMarkdown } from "./plain-text.js";
import { balanceLine, boundLine, hasCurrentReps, statusLine } from "./plan-lines.js";
import { isUnitPlan } from "./unit-plan.js";

/** Unassigned accounts listed by id in the Markdown report; the rest are counted. */
const UNASSIGNED_LISTED = 20;

/**
 * A short human report in Markdown: the status line, the bound and gap (when proven), a table
 * with one row per territory (rep, accounts, workload h, target h, deviation %, utilisation %,
 * travel minutes, longest trip; then units and Polsby–Popper compactness when the plan is made of
 * geographic units) and a total row, the overall metrics (balance, objective, travel,
 * potential, disruption when current reps were given), unassigned accounts (first 20 by id, with
 * reasons) and the diagnostics. Ids and messages are escaped so they cannot break the table.
 */
export function toMarkdown(plan: Plan): string {
  const m = plan.metrics;
  const lines: string[] = ["# Territory plan", "", `**Status: ${plan.status}** — ${statusLine(plan, false)}`];
  const bound = boundLine(plan);
  if (bound) lines.push("", `**Bound:** ${bound}`);

  lines.push("", "## Territories", "");
  const unitBased = isUnitPlan(plan);
  lines.push(`| Rep | Accounts | Workload h | Target h | Deviation | Utilisation | Travel min | Longest trip min |${unitBased ? " Units | Compactness |" : ""}`);
  lines.push(`|:----|---------:|-----------:|---------:|----------:|------------:|-----------:|-----------------:|${unitBased ? "------:|------------:|" : ""}`);
  let accounts = 0, workload = 0, target = 0, travel = 0, units = 0;
  for (const t of plan.territories) {
    accounts += t.accountCount;
    workload += t.workloadHours;
    target += t.targetHours;
    travel += t.travelMinutes;
    units += t.unitIds?.length ?? 0;
    const shape = unitBased ? ` ${formatNumber(t.unitIds?.length ?? 0)} | ${t.compactness !== undefined ? formatNumber(t.compactness, 2) : "–"} |` : "";
    lines.push(
      `| ${escapeMarkdown(t.repId)} | ${formatNumber(t.accountCount)} | ${formatNumber(t.workloadHours, 1)} | ${formatNumber(t.targetHours, 1)} | ` +
        `${formatSignedPercent(t.deviation)} | ${formatPercent(t.utilisation)} | ${formatNumber(t.travelMinutes)} | ${formatNumber(t.maxTravelMinutes)} |${shape}`,
    );
  }
  lines.push(`| **Total** | ${formatNumber(accounts)} | ${formatNumber(workload, 1)} | ${formatNumber(target, 1)} | | | ${formatNumber(travel)} | |${unitBased ? ` ${formatNumber(units)} | |` : ""}`);

  lines.push("", "## Overall", "");
  lines.push(`- Balance: ${balanceLine(plan.metrics, plan.balance)}`);
  lines.push(`- Objective (Σ workload × travel minutes): ${formatNumber(m.objective)}`);
  lines.push(`- Total travel: ${formatNumber(m.totalTravelMinutes)} min one-way`);
  lines.push(`- Potential per territory: ${formatNumber(m.potential.min)} to ${formatNumber(m.potential.max)} (CV ${formatPercent(m.potential.coefficientOfVariation)})`);
  if (hasCurrentReps(plan)) {
    lines.push(`- Disruption: ${formatNumber(m.disruption.accountsMoved)} accounts moved, ${formatNumber(m.disruption.workloadMovedHours, 1)} h (${formatPercent(m.disruption.fractionMoved)} of current workload)`);
  }
  lines.push(`- Accounts assigned: ${formatNumber(m.accountsAssigned)}, unassigned: ${formatNumber(m.accountsUnassigned)}`);

  const rollups = rollupsOf(plan);
  for (const level of rollupLevels) {
    const rows = rollups[level];
    if (!rows) continue;
    lines.push("", `## ${level === "region" ? "Regions" : "Districts"}`, "", `Accounts by their ${level}; reps by theirs, with their territories' hours against their targets.`, "");
    lines.push(`| ${level[0].toUpperCase()}${level.slice(1)} | ${rollupHeadings.map((h) => h[0].toUpperCase() + h.slice(1)).join(" | ")} |`);
    lines.push(`|:---|${rollupHeadings.map(() => "---:").join("|")}|`);
    for (const row of rows) lines.push(`| ${rollupCells(row).map(escapeMarkdown).join(" | ")} |`);
  }

  lines.push("", "## Broken rules", "");
  const broken = ruleNames.filter((rule) => m.violations[rule] > 0);
  if (broken.length === 0) lines.push("None.");
  else {
    lines.push("| Rule | Count | First case |", "|:-----|------:|:-----------|");
    for (const rule of broken) lines.push(`| ${rule} | ${formatNumber(m.violations[rule])} | ${escapeMarkdown(plan.violations.find((v) => v.rule === rule)?.message ?? "")} |`);
  }

  if (plan.unassigned.length > 0) {
    lines.push("", "## Unassigned accounts", "");
    for (const u of plan.unassigned.slice(0, UNASSIGNED_LISTED)) lines.push(`- ${escapeMarkdown(u.accountId)}: ${escapeMarkdown(u.reason)}`);
    if (plan.unassigned.length > UNASSIGNED_LISTED) lines.push(`- … and ${formatNumber(plan.unassigned.length - UNASSIGNED_LISTED)} more (see assignments.csv)`);
  }

  lines.push("", "## Diagnostics", "");
  if (plan.diagnostics.length === 0) lines.push("None.");
  for (const d of plan.diagnostics) lines.push(`- **${d.severity}** \`${d.code.replace(/`/g, "'")}\`: ${escapeMarkdown(d.message)}`);
  return `${lines.join("\n")}\n`;
}
