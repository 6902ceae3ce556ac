import type { Plan } from "../model/plan.js";
import { isUnitPlan } from "../output/unit-plan.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { escapeHtml } from "./html-page.js";
import { htmlTable, type Cell, type Column } from "./html-table.js";
import type { TerritoryPerformance } from "./performance.js";
import type { RepFigures } from "./rep-figures.js";

const num = (value: number, decimals = 0, className?: string): Cell => ({ text: formatNumber(value, decimals), value, ...(className ? { className } : {}) });

/**
 * The territory table: one row per rep (`tr[data-rep]`, click to select), sortable by every
 * column: accounts, workload against target and band, utilisation, potential, travel and broken
 * rules; with changes, what each rep gains and loses; with sales, attainment, its quartile flag and
 * white space.
 */
export function territoryTable(plan: Plan, figures: readonly RepFigures[], performance: TerritoryPerformance | null): string {
  const units = isUnitPlan(plan);
  const changes = figures.some((f) => f.change !== undefined);
  const columns: Column[] = [
    { label: "Rep", type: "text" },
    ...(units ? [{ label: "Units" }] : []),
    { label: "Accounts" },
    { label: "Workload h" },
    { label: "Target h", title: "total workload × capacity / total capacity" },
    { label: "vs target" },
    { label: "Band", type: "text", title: `target ± ${formatPercent(plan.balance, 0)}` },
    { label: "Utilisation", title: "workload / capacity" },
    { label: "Potential" },
    { label: "Travel min", title: "Σ one-way travel minutes from the rep's home to each account" },
    { label: "Longest trip min" },
    { label: "Broken rules", title: "rules broken at this rep, counted" },
  ];
  if (changes) columns.push({ label: "Gained" }, { label: "Lost" }, { label: "Workload before h" });
  if (performance) columns.push({ label: "Sales" }, { label: "Attainment", title: "sales / potential" }, { label: "Quartile", type: "text" }, { label: "White space", title: "potential − sales" }, { label: "Under-covered", title: "high-potential accounts with low sales" });

  const rows = figures.map((f, r) => {
    const t = f.territory;
    const out = f.band === "below" || f.band === "above" ? "out" : undefined;
    const cells: Cell[] = [
      { text: t.repId, html: `<span class="swatch" style="background:${f.colour}"></span> ${escapeHtml(t.repId)}` },
      ...(units ? [num(t.unitIds?.length ?? 0)] : []),
      num(t.accountCount),
      num(t.workloadHours, 1, out),
      num(t.targetHours, 1),
      { text: formatSignedPercent(t.deviation), value: t.deviation, ...(out ? { className: out } : {}) },
      { text: f.band === "none" ? "–" : f.band === "in" ? "in" : f.band, ...(out ? { className: out } : {}) },
      { text: formatPercent(t.utilisation), value: t.utilisation, ...(t.violations.capacity > 0 ? { className: "out" } : {}) },
      num(t.potential),
      num(t.travelMinutes),
      num(t.maxTravelMinutes),
      { text: f.broken || "–", value: f.brokenCount, ...(f.brokenCount > 0 ? { className: "out" } : {}) },
    ];
    if (changes) cells.push(num(f.change?.accountsIn ?? 0), num(f.change?.accountsOut ?? 0), num(f.change?.workloadBefore ?? 0, 1));
    if (performance) {
      const flag = performance.flag[r];
      cells.push(
        num(performance.sales[r]),
        { text: formatPercent(performance.attainment[r]), value: performance.attainment[r] },
        { text: flag, html: flag ? `<span class="flag flag-${flag}">${flag}</span>` : "" },
        num(performance.whiteSpace[r]),
        num(performance.underCovered[r]),
      );
    }
    return { rep: t.repId, cells };
  });
  return [
    `<section id="territories"><h2>Territories</h2>`,
    `<p class="note">One row per rep. Click a heading to sort, a row to pick its territory on the map.</p>`,
    htmlTable("territory-table", columns, rows),
    "</section>",
  ].join("\n");
}
