import * as z from "zod";
import { checkOptions } from "./check-options.js";
import type { PlanAccount } from "./plan-account.js";
import { scoreAccountsAt, type ScoreOptions } from "./score-accounts.js";
import { tierAccounts, type Tiering } from "./tier-accounts.js";
import { tierOptionsSchema, type TierOptions } from "./tier-options.js";
import { visitPlanOf, type VisitPlan, type VisitRule } from "./visit-plan.js";
import { whiteSpace, whiteSpaceOptionsSchema, type WhiteSpace, type WhiteSpaceOptions } from "./white-space.js";

const configSchema = z.strictObject({
  score: z.record(z.string(), z.unknown()).optional(),
  tiers: z.record(z.string(), z.unknown()).optional(),
  visits: z.record(z.string(), z.unknown()).optional(),
  whiteSpace: whiteSpaceOptionsSchema.optional(),
});

/**
 * What `planAccounts` does, as the `plan.json` of `terralign plan` spells it:
 * `{"score": {"potential": 1}, "tiers": {"method": "pareto", "shares": [0.8, 0.95], "names": ["A","B","C"]},
 *   "visits": {"A": {"perPeriod": 24, "minutes": 60}, …}}`. Every part is optional.
 */
export interface AccountPlanOptions {
  /**
   * Score: field → weight (`{"potential": 0.6, "sales": 0.4}`, raw values), or the full
   * `ScoreOptions` (`{"weights": {…}, "normalise": "minmax", "missing": "zero"}`). Default: no
   * score; accounts are tiered by `tiers.by`.
   */
  readonly score?: Readonly<Record<string, number>> | ScoreOptions;
  /** How tiers are cut; `by` defaults to the score when there is one, else `"potential"`. Default pareto [0.8, 0.95], A/B/C. */
  readonly tiers?: TierOptions;
  /** Visit rule per tier name; every tier must have one. Default: no visit plan. */
  readonly visits?: Readonly<Record<string, VisitRule>>;
  /** White space (potential − sales) and under-covered accounts. Default: not computed. */
  readonly whiteSpace?: WhiteSpaceOptions;
}

/** The plan of every account, as columns in input order. */
export interface AccountPlanColumns {
  /** Each account's score (the value tiers were cut by when there is no score). */
  readonly scores: Float64Array;
  readonly tiering: Tiering;
  /** Visits and workload hours; present with `visits` rules. */
  readonly visits?: VisitPlan;
  /** Present with `whiteSpace` options. */
  readonly whiteSpace?: WhiteSpace;
}

/** An account with its plan: tier, and with visit rules its visits and workload (hours per period). */
export type PlannedAccount<T extends PlanAccount> = T & { readonly tier: string; readonly visits?: number; readonly workload?: number };

/** `planAccountColumns` and a copy of every account carrying its tier, visits and workload, ready for `align`. */
export interface AccountPlan<T extends PlanAccount> extends AccountPlanColumns {
  readonly accounts: PlannedAccount<T>[];
}

/**
 * Account planning in one call: score → tiers → visits and workload (and white space). The input
 * is not modified; the returned accounts are copies with `tier`, `visits` and `workload` set, so
 * `align({ accounts: plan.accounts, reps })` balances the planned workload.
 */
export function planAccounts<T extends PlanAccount>(accounts: readonly T[], options: AccountPlanOptions = {}): AccountPlan<T> {
  const columns = planAccountColumns(accounts, options);
  const planned = accounts.map((account, i) => {
    const tier = columns.tiering.tiers[i];
    if (!columns.visits) return { ...account, tier };
    return { ...account, tier, visits: columns.visits.visits[i], workload: columns.visits.workload[i] };
  });
  return { ...columns, accounts: planned };
}

/** `planAccounts` without the account copies (what the CLI writes from). */
export function planAccountColumns(accounts: readonly PlanAccount[], options: AccountPlanOptions = {}): AccountPlanColumns {
  const o = checkOptions(configSchema, options);
  const score = o.score === undefined ? undefined : scoreOptionsOf(o.score);
  const tierOptions = checkOptions(tierOptionsSchema, o.tiers ?? {}, ["options", "tiers"]);
  const scores = score ? scoreAccountsAt(accounts, score, ["options", "score"]) : undefined;
  const tiering = tierAccounts(accounts, { ...tierOptions, by: tierOptions.by ?? scores ?? "potential" });
  const names = tiering.summary.tiers.map((t) => t.name);
  const ids = accounts.map((a) => a.id);
  const visits = o.visits ? visitPlanOf(tiering.tiers, o.visits as Record<string, VisitRule>, { root: ["options", "visits"], tierNames: names, accountIds: ids }) : undefined;
  const space = o.whiteSpace ? whiteSpace(accounts, o.whiteSpace) : undefined;
  return { scores: scores ?? tiering.values, tiering, ...(visits ? { visits } : {}), ...(space ? { whiteSpace: space } : {}) };
}

/** The short form `{field: weight}` or the full `ScoreOptions` (recognised by its `weights` object). */
function scoreOptionsOf(score: Record<string, unknown>): ScoreOptions {
  const full = score.weights !== null && typeof score.weights === "object";
  if (full) return score as unknown as ScoreOptions;
  return { weights: checkOptions(z.record(z.string().min(1), z.number().finite()), score, ["options", "score"]) };
}
