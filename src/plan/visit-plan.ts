import * as z from "zod";
import { fail } from "../errors.js";
import { checkOptions } from "./check-options.js";

const minutes = (what: string) => z.number().finite().min(0, `${what} must not be negative`);

export const visitRuleSchema = z.strictObject({
  perPeriod: minutes("visits per period"),
  minutes: minutes("minutes per visit"),
  adminMinutes: minutes("admin minutes").optional(),
});

/** How a tier is served: visits per period, minutes each, and optional admin minutes per account. */
export interface VisitRule {
  /** Visits per period (may be fractional: 0.5 = every other period); ≥ 0. */
  readonly perPeriod: number;
  /** Minutes per visit, travel share included; ≥ 0. */
  readonly minutes: number;
  /** Minutes per account and period beside the visits (planning, reporting); ≥ 0. Default 0. */
  readonly adminMinutes?: number;
}

/** Visits and workload per account, input order. */
export interface VisitPlan {
  /** Visits per period. */
  readonly visits: Float64Array;
  /** Hours per period: (visits × minutes + admin minutes) / 60; what `align` balances. */
  readonly workload: Float64Array;
}

/**
 * Turns tiers into visits and workload: each account gets its tier's rule. Throws a
 * `TerralignError` for a negative number in a rule, for a rule whose tier no account has (or, with
 * `tierNames`, that is not one of them), and for an account whose tier has no rule.
 * `accountIds` (input order) name accounts in messages.
 */
export function planVisits(tiers: readonly string[], rules: Readonly<Record<string, VisitRule>>, accountIds?: readonly string[]): VisitPlan {
  return visitPlanOf(tiers, rules, { root: ["rules"], accountIds });
}

/** `planVisits` with the tier names the rules may use and the path of the rules in messages. */
export function visitPlanOf(
  tiers: readonly string[],
  rules: Readonly<Record<string, VisitRule>>,
  context: { readonly root: readonly (string | number)[]; readonly tierNames?: readonly string[]; readonly accountIds?: readonly string[] },
): VisitPlan {
  const checked = checkOptions(z.record(z.string(), visitRuleSchema), rules, context.root);
  const known = new Set(context.tierNames ?? tiers);
  for (const tier of Object.keys(checked)) {
    if (!known.has(tier)) {
      const which = context.tierNames ? "is not one of the tiers" : "is the tier of no account";
      fail("invalid_option", [...context.root, tier], `tier "${tier}" has a visit rule but ${which} (tiers: ${[...known].sort().join(", ") || "none"})`);
    }
  }
  const n = tiers.length;
  const visits = new Float64Array(n);
  const workload = new Float64Array(n);
  const byTier = new Map(Object.entries(checked));
  for (let i = 0; i < n; i++) {
    const rule = byTier.get(tiers[i]);
    if (rule === undefined) {
      const id = context.accountIds ? ` (account ${JSON.stringify(context.accountIds[i])})` : "";
      fail("invalid_input", ["accounts", i, "tier"], `tier ${JSON.stringify(tiers[i] ?? "")} has no visit rule${id}; add it to the visit rules (${[...byTier.keys()].join(", ")})`);
    }
    visits[i] = rule.perPeriod;
    workload[i] = (rule.perPeriod * rule.minutes + (rule.adminMinutes ?? 0)) / 60;
  }
  return { visits, workload };
}
