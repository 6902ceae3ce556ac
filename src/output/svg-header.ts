import type { Plan } from "../model/plan.js";
import { escapeXml } from "./escape-xml.js";
import { formatNumber, formatPercent } from "../util/format-number.js";

/** Average advance of a 12 px sans-serif character, px (for wrapping without measuring text). */
const CHAR_WIDTH = 6.6;

/** The figures under the title: status, strategy, size, balance and, when proven, the gap. */
export function planFigures(plan: Plan): string[] {
  const parts = [
    `${plan.status} (${plan.method ?? plan.strategy})`,
    `${formatNumber(plan.problem.accounts.length)} accounts`,
    `${formatNumber(plan.problem.reps.length)} reps`,
    `workload CV ${formatPercent(plan.metrics.workload.coefficientOfVariation)}`,
    `max deviation ${formatPercent(plan.metrics.workload.maxDeviation)} (band ±${formatPercent(plan.balance)})`,
  ];
  if (plan.bound) parts.push(`gap ${formatPercent(plan.bound.gap, 2)}`);
  if (plan.unassigned.length > 0) parts.push(`${formatNumber(plan.unassigned.length)} unassigned`);
  return parts;
}

/** The figures joined by " · " into as few lines as fit `width` px (a part never splits). */
export function wrapFigures(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last.length + 3 + part.length) * CHAR_WIDTH <= width) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines;
}

/** Height of the header for a number of figure lines, px. */
export function headerHeight(lines: number): number {
  return 40 + 16 * lines;
}

/** Title (18 px, bold) and the figure lines (12 px, grey) at the top left. */
export function renderHeader(title: string, lines: readonly string[]): string {
  const figures = lines.map((line, i) => `<text x="12" y="${44 + 16 * i}" font-size="12" fill="#555555">${escapeXml(line)}</text>`);
  return [`<g class="header">`, `<text x="12" y="26" font-size="18" font-weight="700" fill="#111111">${escapeXml(title)}</text>`, ...figures, `</g>`].join("\n");
}
