import type { AssignmentRow } from "../model/plan.js";
import { salesAt } from "./call-plan-data.js";
import { defaultCallPlanOptions, type CallPlanOptions } from "./call-plan-options.js";
import { compileCallPlan, type CallPlanRep } from "./compile-call-plan.js";
import type { PlanAccount } from "./plan-account.js";
import { solveCallPlan } from "./solve-call-plan.js";
import { tierRuleOfRep } from "./tier-rule.js";
import { whiteSpace, type WhiteSpace } from "./white-space.js";

/** One account's calls. */
export interface AccountCalls {
  readonly accountId: string;
  /** Its rep; null when the assignment gives it none (it then gets no visits). */
  readonly repId: string | null;
  /** Visits per period, a whole number in [0, maxVisits]. */
  readonly visits: number;
  /** Expected sales per period at those visits (currency). */
  readonly expectedSales: number;
  /** Expected sales one more visit would add; null at the visit limit. */
  readonly marginalSales: number | null;
  /** Visits under the plain tier rule (whole, scaled down to the rep's hours when needed); null without a rule. */
  readonly tierRuleVisits: number | null;
  /** Potential − sales; with `whiteSpace` options. */
  readonly whiteSpace?: number;
  /** High potential, low penetration; with `whiteSpace` options. */
  readonly underCovered?: boolean;
}

/** The plain tier rule of one rep, for comparison. */
export interface TierRuleSummary {
  /** Hours the rule uses (after scaling). */
  readonly hours: number;
  readonly expectedSales: number;
  /** Factor its visits were scaled by to fit the rep's hours (1 when they fit). */
  readonly scale: number;
}

/** One rep's call plan. */
export interface RepCalls {
  readonly repId: string;
  readonly capacityHours: number;
  /** Hours the planned visits take; ≤ capacityHours. */
  readonly hoursUsed: number;
  readonly accounts: number;
  /** Σ visits per period. */
  readonly visits: number;
  readonly expectedSales: number;
  /** No plan of this rep can expect more (equal to `expectedSales`, up to 1e-9 relative, when `optimal`). */
  readonly upperBound: number;
  /** `optimal` when proven, `feasible` when the exact stage hit `maxStates`. */
  readonly status: "optimal" | "feasible";
  /** Expected sales of the greedy on the concave hulls alone (the start of the exact stage). */
  readonly greedySales: number;
  /** Accounts the exact stage re-planned (left free by the bound's reduction, or the core that closed the gap); 0 when the greedy was proven optimal outright. */
  readonly freeAccounts: number;
  /** The plain tier rule; null when an account of the rep has no rule visits. */
  readonly tierRule: TierRuleSummary | null;
  /** expectedSales − tierRule.expectedSales; null without a rule. */
  readonly lift: number | null;
  /** lift / tierRule.expectedSales; null without a rule or when it expects 0. */
  readonly liftShare: number | null;
  /** Σ potential − sales of its accounts; with `whiteSpace` options. */
  readonly whiteSpace?: number;
  /** Its under-covered accounts; with `whiteSpace` options. */
  readonly underCovered?: number;
}

/** The result of `callPlan`. */
export interface CallPlan {
  /** `optimal` when every rep's plan is proven optimal, else `feasible`. */
  readonly status: "optimal" | "feasible";
  /** Every input account, input order. */
  readonly accounts: readonly AccountCalls[];
  /** Every rep, input order. */
  readonly reps: readonly RepCalls[];
  readonly totals: {
    readonly expectedSales: number;
    readonly upperBound: number;
    readonly greedySales: number;
    readonly hoursUsed: number;
    readonly capacityHours: number;
    /** Σ over reps with a tier rule; null when no rep has one. */
    readonly tierRuleSales: number | null;
    /** Σ lift over reps with a tier rule. */
    readonly lift: number | null;
    readonly unassignedAccounts: number;
    /** Reps whose greedy left a gap the exact stage had to close. */
    readonly repsSolvedExactly: number;
  };
  /** With `whiteSpace` options. */
  readonly whiteSpace?: WhiteSpace;
}

/**
 * Plans each rep's calls (CALLPLAN, Lodish 1971): whole visits v ∈ [0, maxVisits] for every
 * account that maximise the rep's total expected sales within its hours (capacity × 60 minutes,
 * minutes per visit by tier), exactly, S-shaped responses included. Per rep: the greedy on the
 * concave hulls of the responses, its Lagrangian bound, and where that leaves a gap an exact
 * multiple-choice knapsack over the few accounts the bound cannot settle. `assignment` is a
 * plan's (`plan.assignment`) or today's owners; accounts it leaves out get no visits. Throws a
 * `TerralignError` for bad input (unknown ids, a tier without minutes or response, response
 * parameters out of domain, …).
 */
export function callPlan(
  accounts: readonly PlanAccount[],
  reps: readonly CallPlanRep[],
  assignment: readonly AssignmentRow[] | { readonly assignment: readonly AssignmentRow[] },
  options: CallPlanOptions,
): CallPlan {
  const rows = Array.isArray(assignment) ? (assignment as readonly AssignmentRow[]) : (assignment as { readonly assignment: readonly AssignmentRow[] }).assignment;
  const data = compileCallPlan(accounts, reps, rows, options);
  const space = options.whiteSpace ? whiteSpace(accounts, options.whiteSpace) : undefined;
  const solved = solveCallPlan(data, options.maxStates ?? defaultCallPlanOptions.maxStates);
  const ruleVisits = new Float64Array(data.n).fill(NaN);
  const repCalls = reps.map((rep, r): RepCalls => {
    const members = solved.repAccounts.subarray(solved.repStart[r], solved.repStart[r + 1]);
    const outcome = solved.reps[r];
    const rule = tierRuleOfRep(data, members, data.capacityMinutes[r], ruleVisits);
    let visits = 0, spaceSum = 0, flagged = 0;
    for (const a of members) {
      visits += solved.visits[a];
      if (space) {
        spaceSum += space.whiteSpace[a];
        flagged += space.underCovered[a];
      }
    }
    const lift = rule ? outcome.value - rule.sales : null;
    return {
      repId: rep.id,
      capacityHours: rep.capacity,
      hoursUsed: outcome.used / 60,
      accounts: members.length,
      visits,
      expectedSales: outcome.value,
      upperBound: outcome.bound,
      status: outcome.proven ? "optimal" : "feasible",
      greedySales: outcome.greedyValue,
      freeAccounts: outcome.freeAccounts,
      tierRule: rule ? { hours: rule.minutes / 60, expectedSales: rule.sales, scale: rule.scale } : null,
      lift,
      liftShare: rule && lift !== null && rule.sales > 0 ? lift / rule.sales : null,
      ...(space ? { whiteSpace: spaceSum, underCovered: flagged } : {}),
    };
  });
  const accountCalls = accounts.map((account, a): AccountCalls => {
    const v = solved.visits[a];
    const sales = salesAt(data, a, v);
    const call: AccountCalls = {
      accountId: account.id,
      repId: data.rep[a] >= 0 ? reps[data.rep[a]].id : null,
      visits: v,
      expectedSales: sales,
      marginalSales: v < data.maxVisits[data.cls[a]] ? salesAt(data, a, v + 1) - sales : null,
      tierRuleVisits: Number.isNaN(ruleVisits[a]) ? null : ruleVisits[a],
    };
    return space ? { ...call, whiteSpace: space.whiteSpace[a], underCovered: space.underCovered[a] === 1 } : call;
  });
  return {
    status: repCalls.every((r) => r.status === "optimal") ? "optimal" : "feasible",
    accounts: accountCalls,
    reps: repCalls,
    totals: totalsOf(repCalls, accountCalls, data.rep),
    ...(space ? { whiteSpace: space } : {}),
  };
}

function totalsOf(reps: readonly RepCalls[], accounts: readonly AccountCalls[], rep: Int32Array): CallPlan["totals"] {
  let expectedSales = 0, unassigned = 0;
  for (let a = 0; a < accounts.length; a++) {
    expectedSales += accounts[a].expectedSales;
    if (rep[a] < 0) unassigned++;
  }
  const unassignedSales = expectedSales - reps.reduce((s, r) => s + r.expectedSales, 0);
  const ruled = reps.filter((r) => r.tierRule !== null);
  return {
    expectedSales,
    upperBound: reps.reduce((s, r) => s + r.upperBound, 0) + unassignedSales,
    greedySales: reps.reduce((s, r) => s + r.greedySales, 0) + unassignedSales,
    hoursUsed: reps.reduce((s, r) => s + r.hoursUsed, 0),
    capacityHours: reps.reduce((s, r) => s + r.capacityHours, 0),
    tierRuleSales: ruled.length > 0 ? ruled.reduce((s, r) => s + r.tierRule!.expectedSales, 0) : null,
    lift: ruled.length > 0 ? ruled.reduce((s, r) => s + r.lift!, 0) : null,
    unassignedAccounts: unassigned,
    repsSolvedExactly: reps.filter((r) => r.freeAccounts > 0).length,
  };
}
