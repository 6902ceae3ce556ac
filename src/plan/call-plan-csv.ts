import { csvField } from "../output/csv-writer.js";
import { decimalText } from "../output/decimal-text.js";
import type { CallPlan } from "./call-plan.js";

/** Lines joined per piece, so a million-row file is written without one giant string. */
const LINES_PER_PIECE = 4096;

/**
 * `callplan.csv`: `account_id,rep_id,visits,expected_sales`, one row per account in input order
 * (rep_id empty for an account without a rep); sales rounded to cents. Returned in pieces.
 */
export function callPlanCsv(plan: CallPlan): string[] {
  return rows("account_id,rep_id,visits,expected_sales", plan.accounts.length, (i) => {
    const a = plan.accounts[i];
    return `${csvField(a.accountId)},${csvField(a.repId ?? "")},${a.visits},${decimalText(a.expectedSales, 2)}`;
  });
}

/**
 * `callplan-accounts.csv`: `account_id,rep_id,tier,visits,expected_sales,marginal_sales,tier_rule_visits`
 * (marginal_sales: what one more visit would add, empty at the visit limit; tier_rule_visits empty
 * without a rule), then `white_space,under_covered` (1 or 0) with white space. `tiers` in input order.
 */
export function callPlanAccountsCsv(plan: CallPlan, tiers: readonly (string | undefined)[]): string[] {
  const space = plan.whiteSpace !== undefined;
  const header = `account_id,rep_id,tier,visits,expected_sales,marginal_sales,tier_rule_visits${space ? ",white_space,under_covered" : ""}`;
  return rows(header, plan.accounts.length, (i) => {
    const a = plan.accounts[i];
    let line = `${csvField(a.accountId)},${csvField(a.repId ?? "")},${csvField(tiers[i] ?? "")},${a.visits},${decimalText(a.expectedSales, 2)},`;
    line += `${a.marginalSales === null ? "" : decimalText(a.marginalSales, 2)},${a.tierRuleVisits === null ? "" : a.tierRuleVisits}`;
    if (space) line += `,${decimalText(a.whiteSpace!, 2)},${a.underCovered ? 1 : 0}`;
    return line;
  });
}

/**
 * `callplan-reps.csv`: per rep `rep_id,capacity_hours,hours_used,accounts,visits,expected_sales,
 * upper_bound,status,greedy_sales,free_accounts,tier_rule_hours,tier_rule_sales,lift,lift_pct`
 * (tier-rule columns empty without a rule), then `white_space,under_covered` with white space.
 */
export function callPlanRepsCsv(plan: CallPlan): string {
  const space = plan.whiteSpace !== undefined;
  const header = `rep_id,capacity_hours,hours_used,accounts,visits,expected_sales,upper_bound,status,greedy_sales,free_accounts,tier_rule_hours,tier_rule_sales,lift,lift_pct${space ? ",white_space,under_covered" : ""}`;
  return rows(header, plan.reps.length, (r) => {
    const rep = plan.reps[r];
    const rule = rep.tierRule;
    let line = `${csvField(rep.repId)},${rep.capacityHours},${decimalText(rep.hoursUsed, 4)},${rep.accounts},${rep.visits},${decimalText(rep.expectedSales, 2)},`;
    line += `${decimalText(rep.upperBound, 2)},${rep.status},${decimalText(rep.greedySales, 2)},${rep.freeAccounts},`;
    line += rule ? `${decimalText(rule.hours, 4)},${decimalText(rule.expectedSales, 2)},${decimalText(rep.lift!, 2)},${rep.liftShare === null ? "" : decimalText(100 * rep.liftShare, 3)}` : ",,,";
    if (space) line += `,${decimalText(rep.whiteSpace!, 2)},${rep.underCovered}`;
    return line;
  }).join("");
}

function rows(header: string, count: number, line: (i: number) => string): string[] {
  const pieces = [`${header}\n`];
  let lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(line(i));
    if (lines.length === LINES_PER_PIECE || i === count - 1) {
      pieces.push(`${lines.join("\n")}\n`);
      lines = [];
    }
  }
  return pieces;
}
