import { bandWidth, type CompiledProblem } from "../compile/compiled-problem.js";
import type { Problem } from "../model/problem-schema.js";
import { RULE_TOLERANCE } from "../rules/check-assignment.js";
import { repWindows, type ExactProblem } from "../solvers/exact/exact-problem.js";
import { relaxByNetwork } from "../solvers/exact/network-relaxation.js";

/** Account–rep pairs scanned at most to group accounts by the reps that may serve them. */
const MAX_PAIRS = 40_000_000;
/** Widest band tried when looking for the narrowest one the LP allows. */
const WIDEST_BALANCE = 0.99;

/** Whether the LP relaxation of the bands has a solution, and if not, what blocks it. */
export interface LpCertificate {
  /**
   * `lp`: the LP relaxation was solved; `hours` (travel in the workload, where the LP is not a
   * network): only the count of hours was made — every account at its cheapest rep in hours against
   * the sum of the reps' upper ends.
   */
  readonly kind: "lp" | "hours";
  /** With `hours`: the least hours the accounts need, and the room under the upper ends. */
  readonly neededHours?: number;
  readonly roomHours?: number;
  /** The LP relaxation (accounts may be split between reps) keeps every band, capacity, lock and eligibility rule. */
  readonly feasible: boolean;
  /** Reps the LP cannot bring up to their band's lower end, and the least total shortfall (hours). */
  readonly shortRepIds: readonly string[];
  readonly shortHours: number;
  /** Least workload (hours) that cannot be placed under the reps' upper ends. */
  readonly excessHours: number;
  /**
   * The narrowest band (a `balance.workload` fraction, rounded up to 0.001) at which the LP has a
   * solution; undefined when the LP is feasible as it is, or when no band up to ±99 % helps
   * (capacity or eligibility blocks it).
   */
  readonly minimumBalance?: number;
}

/**
 * Solves the LP relaxation of the whole problem for feasibility only: accounts that the same reps
 * may serve are pooled (so the LP has as many supply nodes as there are distinct eligibility sets),
 * and the transportation network is solved exactly. No solution proves that no plan keeps every
 * rule. Only for workload that does not depend on the rep; undefined when the problem is too
 * large to group (more than `MAX_PAIRS` pairs of an account and a rep with a travel limit).
 */
export function lpCertificate(problem: Problem, p: CompiledProblem): LpCertificate | undefined {
  if (p.includeTravel) return hoursCount(p);
  const pools = poolAccounts(problem, p);
  if (!pools) return undefined;
  const fixed = new Float64Array(p.m);
  const solve = (balance: number) => relaxByNetwork({ ...pools, ...repWindows(p, fixed, balance) }, new Int32Array(pools.account.length).fill(-1), fixed, null);
  const relaxed = solve(p.balance);
  if (relaxed.feasible) return { kind: "lp", feasible: true, shortRepIds: [], shortHours: 0, excessHours: 0 };
  const certificate = {
    kind: "lp" as const,
    feasible: false,
    shortRepIds: (relaxed.shortReps ?? []).map((r) => p.repIds[r]),
    shortHours: relaxed.shortHours ?? 0,
    excessHours: relaxed.excessHours ?? 0,
  };
  if (p.balance >= WIDEST_BALANCE || !solve(WIDEST_BALANCE).feasible) return certificate;
  let lo = p.balance;
  let hi = WIDEST_BALANCE;
  while (hi - lo > 0.0005) {
    const mid = (lo + hi) / 2;
    if (solve(mid).feasible) hi = mid;
    else lo = mid;
  }
  return { ...certificate, minimumBalance: Math.ceil(hi * 1000 - 1e-9) / 1000 };
}

/**
 * One supply item per distinct set of reps that may serve an account (its locked rep alone, when
 * locked), with their total workload. Segment and region make a base set per (segment, region);
 * reps with a travel limit are then checked account by account.
 */
function poolAccounts(problem: Problem, p: CompiledProblem): Omit<ExactProblem, "lower" | "upper"> | undefined {
  const limitedReps: number[] = [];
  for (let r = 0; r < p.m; r++) if (Number.isFinite(p.maxTravel[r])) limitedReps.push(r);
  if (p.n * limitedReps.length > MAX_PAIRS) return undefined;
  const base = new Map<string, number[]>();
  const index = new Map<string, number>();
  const hours: number[] = [];
  const sets: number[][] = [];
  const reps: number[] = [];
  for (let a = 0; a < p.n; a++) {
    const locked = p.lockedRep[a];
    const account = problem.accounts[a];
    const baseKey = locked >= 0 ? `lock ${locked}` : `${account.segment ?? ""}\u0000${account.region ?? ""}\u0000${account.segment === undefined ? 0 : 1}${account.region === undefined ? 0 : 1}`;
    let baseSet = base.get(baseKey);
    if (!baseSet) {
      baseSet = [];
      for (let r = 0; r < p.m; r++) if (locked >= 0 ? r === locked : p.compatible(r, a)) baseSet.push(r);
      base.set(baseKey, baseSet);
    }
    let key = baseKey;
    let set = baseSet;
    if (locked < 0 && limitedReps.length > 0) {
      reps.length = 0;
      for (const r of baseSet) {
        if (Number.isFinite(p.maxTravel[r]) && p.travel(r, a) > p.maxTravel[r] + RULE_TOLERANCE * Math.max(1, p.maxTravel[r])) key += ` ${r}`;
        else reps.push(r);
      }
      set = reps;
    }
    let pool = index.get(key);
    if (pool === undefined) {
      pool = hours.length;
      index.set(key, pool);
      hours.push(0);
      sets.push([...set]);
    }
    hours[pool] += p.workload[a];
  }
  const start = new Int32Array(sets.length + 1);
  sets.forEach((set, i) => (start[i + 1] = start[i] + set.length));
  const arcs = start[sets.length];
  const arcHours = new Float64Array(arcs);
  sets.forEach((set, i) => arcHours.fill(hours[i], start[i], start[i + 1]));
  return {
    account: Int32Array.from(sets, (_, i) => i),
    m: p.m,
    start,
    rep: Int32Array.from(sets.flat()),
    cost: new Float64Array(arcs),
    minutes: new Float64Array(arcs),
    hours: arcHours,
    uniformHours: true,
    budgets: [],
  };
}

/**
 * With travel in the workload: the least hours every account needs (at the rep that may serve it
 * for the fewest hours, `TravelHours.leastTotal`) against the room under all the reps' upper ends
 * for a plan of that total (each rep's share of it × (1 + balance), capped by capacity). More
 * needed than there is room proves that no plan exists: the room grows more slowly than the total
 * once it falls short (it is concave in the total and equal to it at zero), so a plan needing more
 * hours is no better off.
 */
function hoursCount(p: CompiledProblem): LpCertificate | undefined {
  const t = p.travelHours;
  if (!t) return undefined;
  const needed = t.leastTotal;
  let room = 0;
  for (let r = 0; r < p.m; r++) {
    const upper = Math.min(p.capacity[r], t.share[r] * needed * (1 + bandWidth(p, r)));
    room += upper + RULE_TOLERANCE * Math.max(1, upper);
  }
  const feasible = needed <= room;
  return { kind: "hours", feasible, neededHours: needed, roomHours: room, shortRepIds: [], shortHours: 0, excessHours: feasible ? 0 : needed - room };
}
