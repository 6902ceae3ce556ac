import { TerralignError } from "../../errors.js";

/**
 * A capacitated p-median problem (CPMP): `n` points with demands; open exactly `p` medians among
 * the candidate sites and give every point to one open median, so that the demand each median
 * serves stays within its capacity (and above its minimum load, when given), minimising the total
 * cost. A site is itself a point: an open median serves itself (its own demand counts).
 *
 * Costs are a dense points × sites matrix, row-major by point: the cost of giving point i to the
 * median at site k is `cost[i * sites.length + k]`. Benchmark instances use plain distances; rep
 * placement uses workload × travel minutes.
 */
export interface CpmpInstance {
  /** Number of points, ≥ 1. */
  readonly n: number;
  /** Number of medians to open, 1 ≤ p ≤ number of sites. */
  readonly p: number;
  /** Demand q_i of each point, ≥ 0; length n. */
  readonly demand: Float64Array;
  /** Capacity Q_j of each point when it is an open median (ignored for non-sites); length n. */
  readonly capacity: Float64Array;
  /**
   * Minimum load L_j of each point when it is an open median, e.g. the lower end of a workload
   * band; length n. Absent = 0. The search treats it like a capacity; the lower bound ignores it
   * (so it stays valid, only weaker).
   */
  readonly minLoad?: Float64Array;
  /** Point index of each candidate site, ascending; length s. */
  readonly sites: Int32Array;
  /** Cost matrix, `cost[i * s + k]` for point i and site k; finite and ≥ 0. Length n × s. */
  readonly cost: Float64Array;
  /**
   * Costs at or above this mark assignments that are not allowed (e.g. beyond a travel limit): a
   * solution that uses one is infeasible. Absent = every assignment is allowed.
   */
  readonly forbiddenCost?: number;
  /** Site indices (into `sites`) that must be open, e.g. reps that keep their home. */
  readonly forced?: Int32Array;
  /**
   * Whether every cost is an integer (e.g. floored distances): objective values then move in steps
   * of 1, so a bound can be rounded up and optimality proven when it meets the objective.
   */
  readonly integerCosts: boolean;
}

/** Relative slack on capacities, so float noise in summed loads never flags a median. */
export const LOAD_TOLERANCE = 1e-9;

/** Site index of every point (−1 for points that are not candidate sites); length n. */
export function siteIndexOfPoints(instance: CpmpInstance): Int32Array {
  const siteOf = new Int32Array(instance.n).fill(-1);
  instance.sites.forEach((point, k) => (siteOf[point] = k));
  return siteOf;
}

/** What a solution breaks, if anything; `undefined` when it is feasible. */
export function cpmpViolation(instance: CpmpInstance, medians: ArrayLike<number>, assignment: ArrayLike<number>): string | undefined {
  const { n, p, demand, capacity, minLoad } = instance;
  const siteOf = siteIndexOfPoints(instance);
  const open = new Set<number>();
  for (let t = 0; t < medians.length; t++) {
    const j = medians[t];
    if (!(j >= 0 && j < n) || siteOf[j] < 0) return `median ${j} is not a candidate site`;
    open.add(j);
  }
  if (open.size !== p) return `${open.size} distinct medians open, ${p} required`;
  for (const k of instance.forced ?? []) if (!open.has(instance.sites[k])) return `site ${instance.sites[k]} must be open`;
  const load = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const j = assignment[i];
    if (!open.has(j)) return `point ${i} is given to ${j}, which is not an open median`;
    if (open.has(i) && j !== i) return `median ${i} does not serve itself`;
    if (instance.forbiddenCost !== undefined && instance.cost[i * instance.sites.length + siteOf[j]] >= instance.forbiddenCost) return `point ${i} may not be given to ${j}`;
    load.set(j, (load.get(j) ?? 0) + demand[i]);
  }
  for (const j of open) {
    const used = load.get(j) ?? 0;
    const slack = LOAD_TOLERANCE * Math.max(1, capacity[j]);
    if (used > capacity[j] + slack) return `median ${j} serves ${used}, above its capacity ${capacity[j]}`;
    if (minLoad && used < minLoad[j] - slack) return `median ${j} serves ${used}, below its minimum load ${minLoad[j]}`;
  }
  return undefined;
}

/** Σ cost of each point to its median (point indices in `assignment`). */
export function cpmpObjective(instance: CpmpInstance, assignment: ArrayLike<number>): number {
  const s = instance.sites.length;
  const siteOf = siteIndexOfPoints(instance);
  let total = 0;
  for (let i = 0; i < instance.n; i++) total += instance.cost[i * s + siteOf[assignment[i]]];
  return total;
}

/** Checks sizes and values; throws `TerralignError` (`invalid_input`) naming the first bad field. */
export function checkCpmpInstance(instance: CpmpInstance): void {
  const { n, p, demand, capacity, minLoad, sites, cost, forced } = instance;
  const s = sites.length;
  const bad = (field: string, message: string): never => {
    throw new TerralignError("invalid_input", `${field}: ${message}`, [{ path: [field], message }]);
  };
  if (!Number.isInteger(n) || n < 1) bad("n", `expected an integer ≥ 1, got ${n}`);
  if (!Number.isInteger(p) || p < 1) bad("p", `expected an integer ≥ 1, got ${p}`);
  if (p > s) bad("p", `${p} medians cannot be opened at ${s} site(s)`);
  if (demand.length !== n) bad("demand", `expected n = ${n} entries, got ${demand.length}`);
  if (capacity.length !== n) bad("capacity", `expected n = ${n} entries, got ${capacity.length}`);
  if (minLoad && minLoad.length !== n) bad("minLoad", `expected n = ${n} entries, got ${minLoad.length}`);
  if (cost.length !== n * s) bad("cost", `expected n × s = ${n * s} entries, got ${cost.length}`);
  for (let i = 0; i < n; i++) {
    if (!(demand[i] >= 0 && demand[i] < Infinity)) bad(`demand[${i}]`, `expected a finite number ≥ 0, got ${demand[i]}`);
    if (!(capacity[i] >= 0 && capacity[i] < Infinity)) bad(`capacity[${i}]`, `expected a finite number ≥ 0, got ${capacity[i]}`);
    if (minLoad && !(minLoad[i] >= 0 && minLoad[i] < Infinity)) bad(`minLoad[${i}]`, `expected a finite number ≥ 0, got ${minLoad[i]}`);
  }
  for (let k = 0; k < s; k++) {
    if (!(sites[k] >= 0 && sites[k] < n) || (k > 0 && sites[k] <= sites[k - 1])) bad(`sites[${k}]`, `expected ascending point indices in [0, ${n}), got ${sites[k]}`);
  }
  for (let e = 0; e < cost.length; e++) if (!(cost[e] >= 0 && cost[e] < Infinity)) bad(`cost[${e}]`, `expected a finite number ≥ 0, got ${cost[e]}`);
  if (forced) {
    if (new Set(forced).size !== forced.length || forced.length > p) bad("forced", `expected at most p = ${p} distinct sites, got ${forced.length}`);
    for (const k of forced) if (!(k >= 0 && k < s)) bad("forced", `site ${k} is not in [0, ${s})`);
  }
}

/** Why no solution can exist, by counting capacities (undefined when counting proves nothing). */
export function capacityShortfall(instance: CpmpInstance): string | undefined {
  const { p, demand, capacity, minLoad, sites } = instance;
  let total = 0;
  for (let i = 0; i < instance.n; i++) total += demand[i];
  const forced = new Set(instance.forced ?? []);
  let room = 0;
  let floor = 0;
  const others: number[] = [];
  const otherFloors: number[] = [];
  sites.forEach((j, k) => {
    if (forced.has(k)) {
      room += capacity[j];
      floor += minLoad ? minLoad[j] : 0;
    } else {
      others.push(capacity[j]);
      otherFloors.push(minLoad ? minLoad[j] : 0);
    }
  });
  others.sort((a, b) => b - a);
  otherFloors.sort((a, b) => a - b);
  for (let t = 0; t < p - forced.size; t++) {
    room += others[t];
    floor += otherFloors[t];
  }
  const slack = LOAD_TOLERANCE * Math.max(1, total);
  if (total > room + slack) return `total demand ${round(total)} exceeds the ${p} largest capacities together (${round(room)})`;
  if (floor > total + slack) return `the ${p} smallest minimum loads together (${round(floor)}) exceed the total demand ${round(total)}`;
  let largest = 0;
  for (const j of sites) largest = Math.max(largest, capacity[j]);
  for (let i = 0; i < instance.n; i++) {
    if (demand[i] > largest * (1 + LOAD_TOLERANCE)) return `point ${i + 1} has demand ${round(demand[i])}, above every capacity (largest ${round(largest)})`;
  }
  return undefined;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
