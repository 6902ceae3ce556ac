import type { Plan } from "../model/plan.js";
import { ruleNames } from "../rules/violation.js";
import { formatNumber } from "../util/format-number.js";
import { escapeHtml } from "./html-page.js";
import { htmlTable } from "./html-table.js";

/** Rows listed one by one in the violation and unassigned tables; the rest are counted. */
export const LISTED_ROWS = 1000;

/** The plan's broken rules: a count per rule (`metrics.violations`), then each break (the first 1,000). */
export function violationsSection(plan: Plan): string {
  const counts = plan.metrics.violations;
  const broken = ruleNames.filter((rule) => counts[rule] > 0);
  if (broken.length === 0) return `<section id="violations"><h2>Broken rules</h2><p class="note">None: the plan keeps every rule.</p></section>`;
  const countRows = broken.map((rule) => ({ cells: [{ text: rule }, { text: formatNumber(counts[rule]), value: counts[rule] }] }));
  const listed = plan.violations.slice(0, LISTED_ROWS).map((v) => ({
    ...(v.repId !== undefined ? { rep: v.repId } : {}),
    cells: [{ text: v.rule }, { text: v.repId ?? "–" }, { text: v.accountId ?? "–" }, { text: v.message }],
  }));
  return [
    `<section id="violations"><h2>Broken rules</h2>`,
    htmlTable("violation-counts", [{ label: "Rule", type: "text" }, { label: "Breaks" }], countRows, false),
    `<h3>Each break</h3>`,
    htmlTable("violation-list", [{ label: "Rule", type: "text" }, { label: "Rep", type: "text" }, { label: "Account", type: "text" }, { label: "What", type: "text" }], listed),
    more(plan.violations.length),
    "</section>",
  ].join("\n");
}

/** The plan's diagnostics: severity, code and message, errors first as the plan lists them. */
export function diagnosticsSection(plan: Plan): string {
  if (plan.diagnostics.length === 0) return "";
  const items = plan.diagnostics.map((d) => `<li class="${d.severity}"><code>${d.severity} · ${escapeHtml(d.code)}</code><br>${escapeHtml(d.message)}</li>`);
  return [`<section id="diagnostics"><h2>Diagnostics</h2>`, `<ul class="diagnostics">`, ...items, "</ul></section>"].join("\n");
}

/** Unassigned accounts with the reason (the first 1,000; the rest counted). */
export function unassignedSection(plan: Plan): string {
  if (plan.unassigned.length === 0) return "";
  const byId = new Map(plan.problem.accounts.map((a) => [a.id, a]));
  const rows = plan.unassigned.slice(0, LISTED_ROWS).map((u) => {
    const workload = byId.get(u.accountId)?.workload ?? Number.NaN;
    return { cells: [{ text: u.accountId }, { text: formatNumber(workload, 1), value: workload }, { text: u.reason, className: "wrap" }] };
  });
  return [
    `<section id="unassigned"><h2>Unassigned accounts</h2>`,
    `<p class="note">${formatNumber(plan.unassigned.length)} accounts have no rep; white dots on the map.</p>`,
    htmlTable("unassigned-table", [{ label: "Account", type: "text" }, { label: "Workload h" }, { label: "Reason", type: "text" }], rows),
    more(plan.unassigned.length),
    "</section>",
  ].join("\n");
}

function more(total: number): string {
  return total > LISTED_ROWS ? `<p class="note">… and ${formatNumber(total - LISTED_ROWS)} more (the CSV outputs list them all).</p>` : "";
}
