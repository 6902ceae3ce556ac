import { checkOptions } from "../output/check-options.js";
import type { ScenarioComparison } from "../realign/run-scenarios.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { barChart } from "./bar-chart.js";
import { escapeHtml, htmlPage } from "./html-page.js";
import { htmlTable, type Cell } from "./html-table.js";

/** Options for `toCompareHtml`; every field optional. */
export interface CompareHtmlOptions {
  /** Page title. Default `"Scenarios"`. */
  readonly title?: string;
  /**
   * Link each scenario's name to its own report at `<name>/report.html` (as the CLI writes them
   * next to the compare page). Default false.
   */
  readonly links?: boolean;
}

const num = (value: number | undefined, decimals = 0): Cell => (value === undefined ? { text: "–" } : { text: formatNumber(value, decimals), value });
const pct = (value: number | undefined, decimals = 1, signed = false): Cell =>
  value === undefined ? { text: "–" } : { text: signed ? formatSignedPercent(value, decimals) : formatPercent(value, decimals), value };

/**
 * A scenario comparison (`runScenarios`) as one self-contained HTML page: a sortable table with
 * one row per scenario (`tr[data-scenario]`: status, reps, objective, bound and gap, balance, moves,
 * travel against today) and bar charts of objective against today's, moves and largest deviation.
 * Inline and offline like `toHtml`. The comparison is not modified. Throws `TerralignError`
 * (`invalid_option`) for bad options.
 */
export function toCompareHtml(comparison: ScenarioComparison, options: CompareHtmlOptions = {}): string {
  checkOptions(options, { title: "string", links: "boolean" });
  const rows = comparison.results.map(({ row: r }) => {
    const name = escapeHtml(r.name);
    const solved = r.status === "optimal" || r.status === "feasible";
    return {
      attributes: ` data-scenario="${name}"`,
      cells: [
        { text: r.name, ...(options.links ? { html: `<a href="${escapeHtml(encodeURIComponent(r.name))}/report.html">${name}</a>` } : {}) },
        { text: r.status, html: `<span class="status status-${r.status}">${r.status}</span>`, ...(solved ? {} : { className: "out" }) },
        num(r.reps),
        num(r.objective),
        num(r.lowerBound),
        pct(r.gap, 2),
        pct(r.workloadCv),
        pct(r.maxDeviation),
        num(r.repsOutsideBand),
        num(r.moves),
        num(r.movedWorkloadHours, 1),
        pct(r.travelChangeShare, 1, true),
      ],
    };
  });
  const columns = [
    { label: "Scenario", type: "text" as const },
    { label: "Status", type: "text" as const },
    { label: "Reps" },
    { label: "Objective", title: "Σ workload h × one-way travel minutes" },
    { label: "Lower bound" },
    { label: "Gap" },
    { label: "Workload CV" },
    { label: "Largest deviation" },
    { label: "Reps outside band" },
    { label: "Moves", title: "accounts off their current rep" },
    { label: "Moved h" },
    { label: "Travel vs today", title: "objective against today's owners'" },
  ];
  const results = comparison.results.map((r) => r.row);
  const bad = (status: string) => status !== "optimal" && status !== "feasible";
  const charts = [
    barChart("Objective (Σ workload × minutes)", results.map((r) => ({ label: r.name, value: r.objective, text: formatNumber(r.objective), bad: bad(r.status) })), comparison.todayObjective > 0 ? { value: comparison.todayObjective, label: "today" } : undefined),
    barChart("Accounts moved", results.map((r) => ({ label: r.name, value: r.moves, text: formatNumber(r.moves) }))),
    barChart("Largest workload deviation", results.map((r) => ({ label: r.name, value: r.maxDeviation, text: formatPercent(r.maxDeviation), bad: r.repsOutsideBand > 0 }))),
  ];
  const title = options.title ?? "Scenarios";
  return htmlPage({
    title,
    subtitle: `${formatNumber(results.length)} scenarios, each solved from today's owners · today's objective ${formatNumber(comparison.todayObjective)}`,
    sections: [
      `<section id="scenarios"><h2>Scenarios side by side</h2>`,
      `<p class="note">Click a heading to sort.${options.links ? " A scenario's name opens its own report." : ""}</p>`,
      htmlTable("scenario-table", columns, rows),
      "</section>",
      `<section id="scenario-charts"><h2>At a glance</h2><div class="charts">${charts.join("\n")}</div></section>`,
    ],
    data: { reps: [] },
  });
}
