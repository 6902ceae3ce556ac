import type { TravelHours } from "./travel-hours.js";
import type { Budget } from "./budgets.js";
import type { MetricBand } from "./metric-bands.js";
import type { TravelMinutes } from "./travel-model.js";

/**
 * The problem as solvers see it: indices instead of ids, typed arrays instead of records.
 * Accounts are indexed 0..n-1 and reps 0..m-1, both in input order.
 */
export interface CompiledProblem {
  /** Number of accounts. */
  readonly n: number;
  /** Number of reps. */
  readonly m: number;
  /** Caller's account ids, input order; for messages only. */
  readonly accountIds: readonly string[];
  /** Caller's rep ids, input order; for messages only. */
  readonly repIds: readonly string[];
  /** Account workload, hours; length n. */
  readonly workload: Float64Array;
  /** Account potential; length n. */
  readonly potential: Float64Array;
  /** Visits per period (default 1); used when travel counts in workload; length n. */
  readonly visits: Float64Array;
  /** Account longitude / latitude, degrees; length n each. */
  readonly accountLng: Float64Array;
  readonly accountLat: Float64Array;
  /** Rep home longitude / latitude, degrees; length m each. */
  readonly repLng: Float64Array;
  readonly repLat: Float64Array;
  /** Rep capacity, hours; length m. */
  readonly capacity: Float64Array;
  /** Rep target workload = total workload × capacity / total capacity (or the `targets.workload` share), hours; length m. */
  readonly target: Float64Array;
  /** Band ends: lower = target × (1 − balance), upper = min(capacity, target × (1 + balance)); length m. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Rep an account is locked to, or −1; length n. */
  readonly lockedRep: Int32Array;
  /** Rep that owns the account today, or −1 (none, or a rep that is not in the problem); length n. */
  readonly currentRep: Int32Array;
  /** Weight of each account in the move-cost budget (`moveCost`, default 1); length n. */
  readonly moveCost: Float64Array;
  /** Budgets on moving accounts off `currentRep` (`options.disruption`); empty when none. */
  readonly budgets: readonly Budget[];
  /** Hard bands on metrics besides workload (`options.balance`); empty when none. */
  readonly bands: readonly MetricBand[];
  /** Σ workload over all accounts, hours. */
  readonly totalWorkload: number;
  /** Σ capacity over all reps, hours. */
  readonly totalCapacity: number;
  /** Balance band as a fraction. */
  readonly balance: number;
  /**
   * Each rep's own band width where some differ (`options.regions.<region>.balance.workload` for the
   * reps of that region), else undefined and every rep has `balance`. Read it through `bandWidth`.
   */
  readonly repBalance?: Float64Array;
  /** Travel minutes from rep r's home to account a. */
  readonly travel: TravelMinutes;
  /**
   * Minutes per km of great-circle distance when `travel` is the built-in model
   * (`haversineKm × minutesPerKm`), which lets solvers prune reps geometrically; undefined when
   * a matrix or a user function replaces it.
   */
  readonly minutesPerKm?: number;
  /**
   * Whether rep r may serve account a by segment and region (travel limits and locks are
   * applied when candidates are built).
   */
  readonly compatible: (r: number, a: number) => boolean;
  /**
   * Travel counts in workload (`options.workload.includeTravel`): an account then costs a rep its
   * workload plus its visits' travel (see `accountHours`), in loads, bands and capacity.
   */
  readonly includeTravel: boolean;
  /**
   * With travel in the hours: day-trip hops, each rep's share of the total hours and the range of
   * that total. `target`, `lower` and `upper` are then a working guess (shares of the least total):
   * the rule checker measures each plan against shares of its own total (`bandTargets`).
   */
  readonly travelHours?: TravelHours;
  /** Rep's `maxTravelMinutes`, or Infinity; length m. */
  readonly maxTravel: Float64Array;
}

/**
 * Rep r's workload band width: its own (`repBalance`) or the problem's `balance`, widened by
 * `widen` (a search for the narrowest band that works widens every rep alike).
 */
export function bandWidth(p: Pick<CompiledProblem, "balance" | "repBalance">, r: number, widen = 0): number {
  return (p.repBalance ? p.repBalance[r] : p.balance) + widen;
}
