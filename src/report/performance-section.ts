import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "../output/account-sites.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { escapeHtml } from "./html-page.js";
import { htmlTable } from "./html-table.js";
import type { TerritoryPerformance } from "./performance.js";

/** Under-covered accounts listed, most white space first. */
const LISTED = 50;

/**
 * Performance: sales against potential overall, the territories in the top and bottom quartile of
 * attainment, and white space — the under-covered accounts (high potential, low sales; ringed
 * black on the map), the 50 with the most white space listed.
 */
export function performanceSection(plan: Plan, p: TerritoryPerformance): string {
  const { space } = p;
  const ids = plan.territories.map((t) => t.repId);
  const named = (flag: "high" | "low") =>
    ids
      .map((id, r) => ({ id, r }))
      .filter(({ r }) => p.flag[r] === flag)
      .sort((a, b) => (flag === "high" ? p.attainment[b.r] - p.attainment[a.r] : p.attainment[a.r] - p.attainment[b.r]))
      .map(({ id, r }) => `<span data-rep="${escapeHtml(id)}">${escapeHtml(id)} (${formatPercent(p.attainment[r])})</span>`)
      .join(", ") || "–";
  const accounts = plan.problem.accounts;
  const sales = p.accountSales;
  const repOf = repIndexByAccount(plan);
  const flagged: number[] = [];
  for (let a = 0; a < accounts.length; a++) if (space.underCovered[a]) flagged.push(a);
  flagged.sort((a, b) => space.whiteSpace[b] - space.whiteSpace[a] || a - b);
  const rows = flagged.slice(0, LISTED).map((a) => {
    const rep = repOf[a] >= 0 ? ids[repOf[a]] : undefined;
    return {
      ...(rep !== undefined ? { rep } : {}),
      cells: [
        { text: accounts[a].id },
        { text: rep ?? "–" },
        { text: formatNumber(accounts[a].potential ?? 0), value: accounts[a].potential ?? 0 },
        { text: formatNumber(sales[a]), value: sales[a] },
        { text: formatNumber(space.whiteSpace[a]), value: space.whiteSpace[a] },
      ],
    };
  });
  const overall = space.totalPotential > 0 ? space.totalSales / space.totalPotential : Number.NaN;
  return [
    `<section id="performance"><h2>Performance</h2>`,
    `<p class="note">Sales (<code>${escapeHtml(p.field)}</code>) ${formatNumber(space.totalSales)} of potential ${formatNumber(space.totalPotential)}: attainment ${formatPercent(overall)}. ` +
      `White space (potential − sales) ${formatNumber(space.totalWhiteSpace)}.</p>`,
    `<p><span class="flag flag-high">high</span> top quartile of attainment: ${named("high")}</p>`,
    `<p><span class="flag flag-low">low</span> bottom quartile: ${named("low")}</p>`,
    `<h3>Under-covered accounts</h3>`,
    `<p class="note">${formatNumber(space.underCoveredCount)} accounts with high potential (${formatNumber(space.highPotentialFrom)} or more, the top 20 %) and sales below half of it; ringed black on the map.` +
      `${flagged.length > LISTED ? ` The ${LISTED} with the most white space:` : ""}</p>`,
    rows.length > 0 ? htmlTable("under-covered-table", [{ label: "Account", type: "text" }, { label: "Rep", type: "text" }, { label: "Potential" }, { label: "Sales" }, { label: "White space" }], rows) : "",
    "</section>",
  ].join("\n");
}
