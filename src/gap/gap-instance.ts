import { TerralignError } from "../errors.js";

/**
 * A generalised assignment problem (GAP) on plain matrices, always in minimisation sense: give
 * each of `n` jobs to exactly one of `m` agents, minimising total cost, so that the resource used
 * at each agent stays within its capacity. Max-sense data is solved by negating `cost` (see
 * `negateCosts`).
 *
 * Matrices are row-major and agent-major: the entry of agent i and job j is at `i * n + j`
 * (the order of the OR-Library files). An arc whose cost or resource is `Infinity` is forbidden.
 */
export interface GapInstance {
  /** Number of agents (reps), ≥ 1. */
  readonly m: number;
  /** Number of jobs (accounts), ≥ 0. */
  readonly n: number;
  /** Cost c_ij of giving job j to agent i, at `i * n + j`; any finite number, or `Infinity` to forbid. Length m × n. */
  readonly cost: Float64Array;
  /** Resource a_ij that job j uses at agent i, at `i * n + j`; ≥ 0, or `Infinity` to forbid. Length m × n. */
  readonly resource: Float64Array;
  /** Capacity b_i of agent i: Σ_j a_ij x_ij ≤ b_i; ≥ 0. Length m. */
  readonly capacity: Float64Array;
  /**
   * Optional minimum load of each agent (Σ_j a_ij x_ij ≥ minLoad_i), e.g. the lower end of a
   * workload band. The heuristic search treats it like a capacity (penalised while searching,
   * required for feasibility); lower bounds ignore it, so they stay valid but may be weaker.
   * Length m.
   */
  readonly minLoad?: Float64Array;
}

/** Checks sizes and values; throws `TerralignError` (`invalid_input`) naming the first bad field. */
export function checkGapInstance(instance: GapInstance): void {
  const { m, n, cost, resource, capacity, minLoad } = instance;
  const bad = (field: string, message: string): never => {
    throw new TerralignError("invalid_input", `${field}: ${message}`, [{ path: [field], message }]);
  };
  if (!Number.isInteger(m) || m < 1) bad("m", `expected an integer ≥ 1, got ${m}`);
  if (!Number.isInteger(n) || n < 0) bad("n", `expected an integer ≥ 0, got ${n}`);
  if (cost.length !== m * n) bad("cost", `expected m × n = ${m * n} entries, got ${cost.length}`);
  if (resource.length !== m * n) bad("resource", `expected m × n = ${m * n} entries, got ${resource.length}`);
  if (capacity.length !== m) bad("capacity", `expected m = ${m} entries, got ${capacity.length}`);
  if (minLoad && minLoad.length !== m) bad("minLoad", `expected m = ${m} entries, got ${minLoad.length}`);
  for (let k = 0; k < m * n; k++) {
    if (Number.isNaN(cost[k]) || cost[k] === -Infinity) bad(`cost[${k}]`, `expected a number or Infinity, got ${cost[k]}`);
    if (!(resource[k] >= 0)) bad(`resource[${k}]`, `expected a number ≥ 0, got ${resource[k]}`);
  }
  for (let i = 0; i < m; i++) {
    if (!(capacity[i] >= 0) || capacity[i] === Infinity) bad(`capacity[${i}]`, `expected a finite number ≥ 0, got ${capacity[i]}`);
    if (minLoad && !(minLoad[i] >= 0 && minLoad[i] < Infinity)) bad(`minLoad[${i}]`, `expected a finite number ≥ 0, got ${minLoad[i]}`);
  }
}

/** The same instance with costs negated: maximising Σ c x is minimising Σ (−c) x. */
export function negateCosts(instance: GapInstance): GapInstance {
  const cost = new Float64Array(instance.cost.length);
  for (let k = 0; k < cost.length; k++) cost[k] = -instance.cost[k];
  return { ...instance, cost };
}

/** Σ c_{assignment[j], j}; `Infinity` when a job is unassigned (−1) or on a forbidden arc. */
export function gapObjective(instance: GapInstance, assignment: ArrayLike<number>): number {
  let total = 0;
  for (let j = 0; j < instance.n; j++) {
    const i = assignment[j];
    if (!(i >= 0 && i < instance.m)) return Infinity;
    total += instance.cost[i * instance.n + j];
  }
  return total;
}

/** Load of each agent under an assignment (unassigned jobs are skipped). */
export function gapLoads(instance: GapInstance, assignment: ArrayLike<number>): Float64Array {
  const load = new Float64Array(instance.m);
  for (let j = 0; j < instance.n; j++) {
    const i = assignment[j];
    if (i >= 0 && i < instance.m) load[i] += instance.resource[i * instance.n + j];
  }
  return load;
}

/** Relative slack on capacities, so float noise in summed loads never flags an agent. */
export const LOAD_TOLERANCE = 1e-9;

/** Whether every job has an allowed agent and every load respects capacity (and `minLoad`). */
export function isGapFeasible(instance: GapInstance, assignment: ArrayLike<number>): boolean {
  if (!Number.isFinite(gapObjective(instance, assignment))) return false;
  const load = gapLoads(instance, assignment);
  for (let i = 0; i < instance.m; i++) {
    const slack = LOAD_TOLERANCE * Math.max(1, instance.capacity[i]);
    if (load[i] > instance.capacity[i] + slack) return false;
    if (instance.minLoad && load[i] < instance.minLoad[i] - slack) return false;
  }
  return true;
}

/** Whether every finite cost is an integer, so objective values move in steps of 1. */
export function hasIntegerCosts(instance: GapInstance): boolean {
  for (let k = 0; k < instance.cost.length; k++) {
    const c = instance.cost[k];
    if (Number.isFinite(c) && !Number.isInteger(c)) return false;
  }
  return true;
}
