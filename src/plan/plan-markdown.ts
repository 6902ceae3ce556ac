import { formatNumber, formatPercent } from "../util/format-number.js";
import { escapeMarkdown } from "../output/plain-text.js";
import type { AccountPlanColumns } from "./plan-accounts.js";
import { whiteSpaceMarkdown } from "./white-space-markdown.js";

/** What the report says besides the plan itself. */
export interface PlanReportContext {
  /** The accounts' ids, input order. */
  readonly ids: readonly string[];
  /** Where the accounts came from, e.g. `accounts.csv`. */
  readonly source: string;
  /** What tiers were cut by, e.g. `score` or `potential`. */
  readonly by: string;
  /** The Lorenz curve's image, relative to the report (e.g. `lorenz.svg`). */
  readonly lorenzImage: string;
  /** Today's rep of each account, for white space per territory. */
  readonly owners?: readonly (string | undefined)[];
}

/**
 * The `plan.md` report: the tier table (accounts, share of accounts, value, share of value, value
 * range, and with visit rules the visits and workload hours per tier), the Gini of the value, the
 * Lorenz curve (an image beside the report), and with white space its totals, the under-covered
 * accounts and the white space per territory.
 */
export function planMarkdown(plan: AccountPlanColumns, context: PlanReportContext): string {
  const { summary } = plan.tiering;
  const n = context.ids.length;
  const lines = ["# Account plan", ""];
  const how = summary.method === "thresholds" ? `value cut-offs ${summary.cuts.map((c) => formatNumber(c, 2)).join(", ")}` : `cumulative shares of ${summary.method === "pareto" ? "value" : "accounts"}`;
  lines.push(`${formatNumber(n)} accounts from ${escapeMarkdown(context.source)}, tiered by ${escapeMarkdown(context.by)} (${summary.method}: ${how}). Accounts of equal value share a tier.`, "");
  const visits = plan.visits;
  const perTier = summary.tiers.map(() => ({ visits: 0, workload: 0 }));
  if (visits) {
    const index = new Map(summary.tiers.map((t, k) => [t.name, k]));
    plan.tiering.tiers.forEach((tier, i) => {
      const k = index.get(tier)!;
      perTier[k].visits += visits.visits[i];
      perTier[k].workload += visits.workload[i];
    });
  }
  lines.push(`| Tier | Accounts | Share of accounts | ${escapeMarkdown(context.by)} | Share of value | Range |${visits ? " Visits / period | Workload h |" : ""}`);
  lines.push(`|:-----|---------:|------------------:|------:|---------------:|:------|${visits ? "---------------:|-----------:|" : ""}`);
  summary.tiers.forEach((t, k) => {
    const range = t.accounts > 0 ? `${formatNumber(t.minValue, 2)} – ${formatNumber(t.maxValue, 2)}` : "–";
    const extra = visits ? ` ${formatNumber(perTier[k].visits, 1)} | ${formatNumber(perTier[k].workload, 1)} |` : "";
    lines.push(`| ${escapeMarkdown(t.name)} | ${formatNumber(t.accounts)} | ${formatPercent(t.accountShare)} | ${formatNumber(t.value, 2)} | ${formatPercent(t.valueShare)} | ${range} |${extra}`);
  });
  const totals = visits ? ` ${formatNumber(perTier.reduce((s, t) => s + t.visits, 0), 1)} | ${formatNumber(perTier.reduce((s, t) => s + t.workload, 0), 1)} |` : "";
  lines.push(`| **Total** | ${formatNumber(n)} | 100.0 % | ${formatNumber(summary.totalValue, 2)} | 100.0 % | |${totals}`);
  lines.push("", summary.gini === null ? "Gini of value: undefined (values are negative or all 0)." : `Gini of value: ${formatNumber(summary.gini, 3)} (0: every account alike; near 1: a few accounts hold it all).`);
  if (summary.lorenz.length > 0) lines.push("", `![Lorenz curve of ${escapeMarkdown(context.by)}](${context.lorenzImage})`);
  if (plan.whiteSpace) lines.push("", ...whiteSpaceMarkdown(plan.whiteSpace, { ids: context.ids, tiers: plan.tiering.tiers, visits: visits?.visits, owners: context.owners }));
  return `${lines.join("\n")}\n`;
}
