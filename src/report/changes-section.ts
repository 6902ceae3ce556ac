import type { PlanDiff } from "../realign/diff-plans.js";
import { formatNumber, formatSignedPercent } from "../util/format-number.js";
import { escapeHtml } from "./html-page.js";
import { htmlTable, type Cell } from "./html-table.js";

const num = (value: number, decimals = 0): Cell => ({ text: formatNumber(value, decimals), value });

/**
 * What changes against the assignment compared with (today's owners, or the `before` of a diff):
 * the totals, and per rep the accounts and hours it gains and loses and its workload before and
 * after (one row per rep, `data-rep`). Accounts that change from one rep to another are ringed red
 * on the map; accounts that get their first rep or lose theirs are counted apart.
 */
export function changesSection(diff: PlanDiff, against: string): string {
  const rows = diff.reps.map((r) => ({
    rep: r.repId,
    cells: [
      { text: r.repId },
      num(r.accountsIn),
      num(r.workloadIn, 1),
      num(r.accountsOut),
      num(r.workloadOut, 1),
      num(r.workloadBefore, 1),
      num(r.workloadAfter, 1),
      num(r.workloadAfter - r.workloadBefore, 1),
    ],
  }));
  const change = diff.objectiveBefore > 0 ? formatSignedPercent(diff.objectiveAfter / diff.objectiveBefore - 1) : "–";
  let moved = 0, movedHours = 0, placed = 0, dropped = 0;
  for (const m of diff.moved) {
    if (m.from === null) placed++;
    else if (m.to === null) dropped++;
    else (moved++, (movedHours += m.workload));
  }
  const others = [placed > 0 ? `${formatNumber(placed)} accounts that had no rep get one` : "", dropped > 0 ? `${formatNumber(dropped)} accounts lose their rep` : ""].filter(Boolean);
  return [
    `<section id="changes"><h2>Changes</h2>`,
    `<p class="note">Against ${escapeHtml(against)}: ${formatNumber(moved)} accounts change rep (${formatNumber(movedHours, 1)} h of workload), ringed red on the map` +
      `${others.length > 0 ? `; ${others.join(", ")}` : ""}. Objective ${formatNumber(diff.objectiveBefore)} → ${formatNumber(diff.objectiveAfter)} (${change}). ` +
      `Accounts and hours in and out count every change of owner.</p>`,
    htmlTable(
      "changes-table",
      [{ label: "Rep", type: "text" }, { label: "Accounts in" }, { label: "Hours in" }, { label: "Accounts out" }, { label: "Hours out" }, { label: "Workload before h" }, { label: "Workload after h" }, { label: "Net h" }],
      rows,
    ),
    "</section>",
  ].join("\n");
}
