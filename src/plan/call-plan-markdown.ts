import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { escapeMarkdown } from "../output/plain-text.js";
import type { CallPlan } from "./call-plan.js";
import { whiteSpaceMarkdown } from "./white-space-markdown.js";

/** Reps listed in the table; the rest are in callplan-reps.csv. */
const REPS_LISTED = 200;

/**
 * The `callplan.md` report: status, totals (expected sales, bound, the greedy alone, the tier
 * rule and the lift, hours), one row per rep (up to 200), and with white space its section.
 * `tiers` (input order) label the under-covered accounts.
 */
export function callPlanMarkdown(plan: CallPlan, tiers: readonly (string | undefined)[]): string {
  const t = plan.totals;
  const unproven = plan.reps.filter((r) => r.status !== "optimal").length;
  const lines = ["# Call plan", ""];
  lines.push(
    `**Status: ${plan.status}** — ${formatNumber(plan.accounts.length)} accounts, ${formatNumber(plan.reps.length)} reps; ` +
      (unproven === 0 ? "every rep's plan is proven optimal." : `${formatNumber(unproven)} rep(s) stopped at the state limit (best plan found, bound given).`),
    "",
  );
  lines.push(`- Expected sales: ${formatNumber(t.expectedSales, 2)} per period (upper bound ${formatNumber(t.upperBound, 2)})`);
  lines.push(`- Greedy on the concave hulls alone: ${formatNumber(t.greedySales, 2)} (${formatSignedPercent(t.greedySales / t.expectedSales - 1, 3)}); ${formatNumber(t.repsSolvedExactly)} rep(s) needed the exact stage`);
  if (t.tierRuleSales !== null) {
    lines.push(`- Plain tier rule in the same hours: ${formatNumber(t.tierRuleSales, 2)}; lift ${formatNumber(t.lift!, 2)} (${formatSignedPercent(t.tierRuleSales > 0 ? t.lift! / t.tierRuleSales : NaN, 2)})`);
  }
  lines.push(`- Hours used: ${formatNumber(t.hoursUsed, 1)} of ${formatNumber(t.capacityHours, 1)} (${formatPercent(t.capacityHours > 0 ? t.hoursUsed / t.capacityHours : NaN)})`);
  if (t.unassignedAccounts > 0) lines.push(`- Accounts without a rep (no visits): ${formatNumber(t.unassignedAccounts)}`);
  lines.push("", "## Reps", "");
  lines.push("| Rep | Accounts | Visits | Hours used | Capacity h | Expected sales | Tier rule sales | Lift | Status |");
  lines.push("|:----|---------:|-------:|-----------:|-----------:|---------------:|----------------:|-----:|:-------|");
  for (const rep of plan.reps.slice(0, REPS_LISTED)) {
    const rule = rep.tierRule ? formatNumber(rep.tierRule.expectedSales, 2) : "–";
    const lift = rep.liftShare === null ? "–" : formatSignedPercent(rep.liftShare, 2);
    lines.push(
      `| ${escapeMarkdown(rep.repId)} | ${formatNumber(rep.accounts)} | ${formatNumber(rep.visits)} | ${formatNumber(rep.hoursUsed, 1)} | ${formatNumber(rep.capacityHours, 1)} | ` +
        `${formatNumber(rep.expectedSales, 2)} | ${rule} | ${lift} | ${rep.status} |`,
    );
  }
  if (plan.reps.length > REPS_LISTED) lines.push("", `… and ${formatNumber(plan.reps.length - REPS_LISTED)} more reps (see callplan-reps.csv).`);
  if (plan.whiteSpace) {
    const ids = plan.accounts.map((a) => a.accountId);
    lines.push("", ...whiteSpaceMarkdown(plan.whiteSpace, { ids, tiers, visits: plan.accounts.map((a) => a.visits), owners: plan.accounts.map((a) => a.repId) }));
  }
  return `${lines.join("\n")}\n`;
}
