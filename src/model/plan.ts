import type { Violation, ViolationCounts } from "../rules/violation.js";
import type { ResolvedOptions } from "./defaults.js";
import type { Strategy } from "./options-schema.js";
import type { Problem } from "./problem-schema.js";

/**
 * Outcome of a solve. The status is settled by the rule checker on the final plan, never taken on
 * a strategy's word:
 * - `optimal`: every rule holds, every account is assigned, and no plan is cheaper (proven: the
 *   lower bound meets the objective).
 * - `feasible`: every rule holds and every account is assigned.
 * - `infeasible`: no plan can keep every rule, and that is proven — by counting (e.g. total workload
 *   above total capacity), by the LP relaxation having no solution, or by an exhaustive search; the
 *   `diagnostics` say which proof and what to change. The plan is the best found.
 * - `unsolved`: no plan keeping every rule was found, and none was proven impossible; the plan is
 *   the best found, `violations` list what it breaks and `diagnostics` what blocks it.
 * - `timeout`: the time limit or the abort signal stopped the search; the plan is the best so far
 *   (its `violations` say whether it keeps every rule).
 */
export type PlanStatus = "optimal" | "feasible" | "infeasible" | "unsolved" | "timeout";

/** One account's owner. */
export interface AssignmentRow {
  readonly accountId: string;
  readonly repId: string;
}

/** An account that could not be assigned, and why. */
export interface UnassignedAccount {
  readonly accountId: string;
  readonly reason: string;
}

/** One rep's territory. */
export interface Territory {
  readonly repId: string;
  /** Account ids in input order. */
  readonly accountIds: readonly string[];
  readonly accountCount: number;
  /**
   * Σ workload of its accounts, plus the own workload of its units (when units carry work), hours
   * per period; with travel in the hours (`workload.includeTravel`), work and travel together.
   */
  readonly workloadHours: number;
  /** With travel in the hours: the travel part of `workloadHours` (day trips, see `travel.stopsPerDay`), hours. */
  readonly travelHours?: number;
  /** Σ potential of its accounts and of its units' own potential, currency per period. */
  readonly potential: number;
  /**
   * Target workload = total workload (accounts and units' own) × capacity / total capacity (or the
   * rep's `targets.workload` share), hours; with travel in the hours, that share of the plan's total
   * hours (work + travel).
   */
  readonly targetHours: number;
  /** The rep's own band width, when regions give some reps bands of their own (`options.regions.*.balance`); else the plan's `balance`. */
  readonly balance?: number;
  /** (workload − target) / target; 0.04 means 4 % above target. */
  readonly deviation: number;
  /** workload / capacity. */
  readonly utilisation: number;
  /** Σ one-way travel minutes from the rep's home to each of its accounts (and to the centroid of each of its units that has its own workload). */
  readonly travelMinutes: number;
  /** Σ workload × travel minutes: this territory's share of the objective. */
  readonly weightedTravel: number;
  /** Longest one-way trip to one of its accounts, minutes. */
  readonly maxTravelMinutes: number;
  /** Ids of the geographic units in this territory, in input order. Present when the problem has units. */
  readonly unitIds?: readonly string[];
  /**
   * Polsby–Popper compactness of the territory's units, 4π × area / perimeter², in [0, 1]: 1 for a
   * disc, lower for stretched or ragged shapes. Borders between its own units do not count towards
   * the perimeter; coasts and holes do. 0 for a territory without units. Present when the problem
   * has units.
   */
  readonly compactness?: number;
  /** Rules broken at this rep (by the rep, or by one of its accounts), counted per rule. */
  readonly violations: ViolationCounts;
}

/** Summary of the spread of one quantity over the territories. */
export interface Spread {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Standard deviation / mean (0 when the mean is 0). */
  readonly coefficientOfVariation: number;
  /** Gini coefficient in [0, 1): 0 is perfect equality. */
  readonly gini: number;
}

/** Quality of a plan, recomputed from the assignment by `evaluate`. */
export interface Metrics {
  /** Σ over accounts of workload × travel minutes from its rep's home (minimised). */
  readonly objective: number;
  /** Σ one-way travel minutes from each assigned account's rep home. */
  readonly totalTravelMinutes: number;
  /**
   * Workload per territory in hours. `coefficientOfVariation` and `gini` are computed on
   * workload / target, so reps of different capacity compare by their fair share (with equal
   * capacities this equals the plain statistic on hours).
   */
  readonly workload: Spread & {
    /** Largest |workload − target| / target over the territories. */
    readonly maxDeviation: number;
  };
  readonly potential: Spread & {
    /** max − min territory potential. */
    readonly spread: number;
  };
  /** Reps whose workload lies outside the balance band. */
  readonly repsOutsideBand: number;
  readonly accountsAssigned: number;
  readonly accountsUnassigned: number;
  /** Broken rules counted per rule (see `ruleNames`); all 0 for a plan that keeps every rule. */
  readonly violations: ViolationCounts;
  /** Compared with `currentRep` (only accounts that have one count). */
  readonly disruption: {
    readonly accountsMoved: number;
    readonly workloadMovedHours: number;
    /** Moved workload / workload of accounts that have a current rep (0 when none). */
    readonly fractionMoved: number;
  };
}

/** Lower bound on the objective and the plan's distance from it. */
export interface Bound {
  /** A valid lower bound on the optimal objective over all plans meeting the constraints. */
  readonly lowerBound: number;
  /** The plan's objective. */
  readonly objective: number;
  /** (objective − lowerBound) / objective as a fraction (0.003 = 0.3 %); 0 when the objective is 0. */
  readonly gap: number;
}

/** Something the user should know about the result: what binds, what conflicts, why infeasible. */
export interface Diagnostic {
  /** `error` makes the plan infeasible; `warning` and `info` do not. */
  readonly severity: "error" | "warning" | "info";
  /** Stable code, e.g. `capacity_exceeded`, `no_eligible_rep`, `band_violated`. */
  readonly code: string;
  /** One sentence with the numbers, e.g. "total workload 1,240 h exceeds total capacity 1,100 h". */
  readonly message: string;
  /** Ids of the accounts or reps concerned, when any. */
  readonly accountIds?: readonly string[];
  readonly repIds?: readonly string[];
}

/**
 * A rep's balance price from the transportation LP: an account's cheapest rep minimises
 * travel minutes + price. Positive: the rep is full and work is priced away from it; negative:
 * it needs work and attracts accounts from further away.
 */
export interface RepPrice {
  readonly repId: string;
  /** Minutes per hour of workload. */
  readonly minutesPerHour: number;
}

/** The result of `align`. */
export interface Plan {
  readonly status: PlanStatus;
  /** The strategy that produced the plan (what `auto` picked; on units, the unit-level solve's). */
  readonly strategy: Exclude<Strategy, "auto">;
  /**
   * How the plan was found, in words, when `strategy` alone does not say it: e.g. on units
   * `"contiguity search on 254 units (starts from transport)"` or `"transport on 254 units"`.
   */
  readonly method?: string;
  /** One row per assigned account, in input order. */
  readonly assignment: readonly AssignmentRow[];
  /** Accounts left unassigned, with the reason; every input account is in exactly one of the two lists. */
  readonly unassigned: readonly UnassignedAccount[];
  /** One territory per rep, in input order (reps with no accounts included). */
  readonly territories: readonly Territory[];
  readonly metrics: Metrics;
  /** Present when the strategy proves a lower bound. */
  readonly bound?: Bound;
  /** Rep prices, in rep input order, when the strategy computes them (`transport`). */
  readonly prices?: readonly RepPrice[];
  readonly diagnostics: readonly Diagnostic[];
  /** Every rule the plan breaks, as the rule checker finds them (empty for `feasible` and `optimal`). */
  readonly violations: readonly Violation[];
  /** The balance band the plan was built for (fraction). */
  readonly balance: number;
  /** Milliseconds spent in `align`. */
  readonly elapsedMs: number;
  /** The validated input (same objects, never mutated), so outputs can draw accounts and reps. */
  readonly problem: Problem;
  /**
   * The options the plan was made under, defaults filled in, as JSON can carry them (no `signal`,
   * `onProgress` or travel function; `travelFunction` is true when travel came from one): outputs
   * that measure another assignment beside the plan (today's owners in its diff) use them, also
   * for a plan read back from JSON. Absent on plans this library did not make.
   */
  readonly options?: PlanOptions;
}

/** `Plan.options`: `ResolvedOptions` without what JSON cannot carry. */
export type PlanOptions = Omit<ResolvedOptions, "signal" | "onProgress" | "travel"> & {
  readonly travel: Omit<ResolvedOptions["travel"], "minutes">;
  /** Travel came from a function (`options.travel.minutes`), which this copy of the options does not hold. */
  readonly travelFunction?: true;
};
