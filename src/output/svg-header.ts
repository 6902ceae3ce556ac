import type { Plan } from "../model/plan.js";
import { escapeXml } from "./escape-xml.js";
import { formatNumber, formatPercent } from "./format-number.js";

/** One line of figures: status, strategy, size, balance and, when proven, the gap. */
export function planFigures(plan: Plan): string {
  const parts = [
    `${plan.status} (${plan.strategy})`,
    `${formatNumber(plan.problem.accounts.length)} accounts`,
    `${formatNumber(plan.problem.reps.length)} reps`,
    `workload CV ${formatPercent(plan.metrics.workload.coefficientOfVariation)}`,
    `max deviation ${formatPercent(plan.metrics.workload.maxDeviation)} (band ±${formatPercent(plan.balance)})`,
  ];
  if (plan.bound) parts.push(`gap ${formatPercent(plan.bound.gap, 2)}`);
  if (plan.unassigned.length > 0) parts.push(`${formatNumber(plan.unassigned.length)} unassigned`);
  return parts.join(" · ");
}

/** Title (18 px, bold) and the figures line (12 px, grey) in the top `height` px. */
export function renderHeader(plan: Plan, title: string, height: number): string {
  const y = Math.min(26, height * 0.5);
  return (
    `<g class="header">` +
    `<text x="12" y="${y}" font-size="18" font-weight="700" fill="#111111">${escapeXml(title)}</text>` +
    `<text x="12" y="${y + 18}" font-size="12" fill="#555555">${escapeXml(planFigures(plan))}</text>` +
    `</g>`
  );
}
