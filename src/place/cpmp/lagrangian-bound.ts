import type { CpmpInstance } from "./cpmp-instance.js";
import { createKnapsackScratch, minKnapsack, minKnapsackLp } from "./min-knapsack.js";
import { buildNeighbourhoods, type Neighbourhoods } from "./neighbourhoods.js";
import { createWorkMeter, type WorkMeter } from "./work-meter.js";

/** Branch-and-bound nodes per site knapsack; beyond it the knapsack's LP bound is used. */
const KNAPSACK_NODES = 5_000;
/** The step factor halves after this many iterations without a better bound. */
const PATIENCE = 20;
/** Subgradient stops when the step factor falls below this. */
const MIN_STEP_FACTOR = 0.002;

/**
 * The Lagrangian relaxation of the assignment constraints (each point to exactly one median),
 * solved by subgradient optimisation. For multipliers λ the relaxation splits by site: opening
 * site k is worth ρ_k = min Σ_i (c_ik − λ_i) x_i over a 0-1 knapsack with the site's capacity (the
 * site's own point is always in when medians serve themselves), and the bound is
 * Σ λ_i + the p smallest ρ (forced sites always counted). Every knapsack is solved exactly or
 * replaced by its LP bound, so every value reported is a valid lower bound.
 */
export interface LagrangianState {
  /** Current multipliers; length n. */
  readonly lambda: Float64Array;
  /** Best bound so far and the multipliers, site values and chosen sites that gave it. */
  bound: number;
  readonly bestLambda: Float64Array;
  readonly rho: Float64Array;
  chosen: Int32Array;
  /** Step factor of the subgradient method (Polyak step × this). */
  stepFactor: number;
  /** Iterations run so far, and since the bound last improved. */
  iterations: number;
  sinceBetter: number;
}

/** Starting multipliers: each point's cost to its second-nearest site (its nearest other than itself). */
export function createLagrangianState(instance: CpmpInstance, hoods: Neighbourhoods): LagrangianState {
  const { n } = instance;
  const s = instance.sites.length;
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const second = hoods.nearSites[i * hoods.width + Math.min(1, hoods.width - 1)];
    lambda[i] = instance.cost[i * s + second];
  }
  return { lambda, bound: -Infinity, bestLambda: lambda.slice(), rho: new Float64Array(s), chosen: new Int32Array(0), stepFactor: 2, iterations: 0, sinceBetter: 0 };
}

/** Options of `improveBound`. */
export interface BoundOptions {
  /** Subgradient iterations to run at most. */
  readonly iterations: number;
  /** Best known objective (a Polyak target); `Infinity` when none is known. */
  readonly upperBound: number;
  /** Medians serve themselves (the benchmark convention) — a median's own point is always in its knapsack. */
  readonly selfService: boolean;
  /**
   * Value sites by the LP of their knapsack only (points may split between medians): the bound of
   * the LP relaxation, which stays valid when each point stands for a group of points.
   */
  readonly fractional?: boolean;
  readonly meter: WorkMeter;
}

/** Runs subgradient iterations from the state's multipliers; returns the best bound so far. */
export function improveBound(instance: CpmpInstance, hoods: Neighbourhoods, state: LagrangianState, options: BoundOptions): number {
  const { n, p, demand, capacity, cost, sites } = instance;
  const s = sites.length;
  const forced = instance.forced ?? new Int32Array(0);
  const isForced = new Uint8Array(s);
  for (const k of forced) isForced[k] = 1;
  const { lambda } = state;
  const rho = new Float64Array(s);
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  const members = new Int32Array(n);
  const chosenItems = new Uint8Array(n);
  const cover = new Float64Array(n);
  const scratch = createKnapsackScratch(64);
  const order = Array.from({ length: s }, (_, k) => k);
  const selected = new Int32Array(p);

  // ρ_k for the current λ (its knapsack solved exactly, or only its LP bound);
  // leaves the knapsack's items in `members` / `chosenItems`.
  let lastCount = 0;
  const siteValue = (k: number, lambdaMax: number, exactly: boolean): number => {
    const j = sites[k];
    const room = capacity[j] - (options.selfService ? demand[j] : 0);
    if (room < 0) return Infinity;
    let count = 0;
    const column = k * n;
    for (let t = 0; t < n; t++) {
      const i = hoods.sitePoints[column + t];
      const c = cost[i * s + k];
      if (c >= lambdaMax) break;
      if (options.selfService && i === j) continue;
      const r = c - lambda[i];
      if (r < 0) {
        members[count] = i;
        values[count] = r;
        weights[count] = demand[i];
        count++;
      }
    }
    const own = options.selfService ? cost[j * s + k] - lambda[j] : 0;
    lastCount = count;
    if (!exactly) {
      options.meter.add(count);
      return own + minKnapsackLp(values, weights, count, 0, room, scratch);
    }
    // Without integral knapsacks: the greedy packing for the subgradient, the LP value for the bound.
    const outcome = minKnapsack(values, weights, count, 0, room, chosenItems, scratch, options.fractional ? 0 : KNAPSACK_NODES);
    options.meter.add(count + outcome.nodes);
    return own + (options.fractional ? minKnapsackLp(values, weights, count, 0, room, scratch) : outcome.bound);
  };
  const lp = new Float64Array(s);
  const kept: number[] = [];
  // Points each exactly valued site's knapsack takes, for the subgradient.
  const served = new Map<number, number[]>();

  for (let iteration = 0; iteration < options.iterations; iteration++) {
    if (options.meter.stopped()) break;
    let lambdaMax = -Infinity;
    let lambdaSum = 0;
    for (let i = 0; i < n; i++) {
      lambdaSum += lambda[i];
      if (lambda[i] > lambdaMax) lambdaMax = lambda[i];
    }
    // LP values of every site first; exact knapsacks only for the sites that may be chosen: in
    // LP order, until the free places are held by exact values no remaining LP value undercuts.
    for (let k = 0; k < s; k++) {
      lp[k] = siteValue(k, lambdaMax, false);
      rho[k] = lp[k];
    }
    order.sort((a, b) => isForced[b] - isForced[a] || lp[a] - lp[b] || a - b);
    const free = p - forced.length;
    kept.length = 0;
    served.clear();
    for (const k of order) {
      if (!isForced[k] && kept.length >= free && lp[k] >= kept[free - 1]) break;
      rho[k] = siteValue(k, lambdaMax, true);
      const inside: number[] = [];
      for (let q = 0; q < lastCount; q++) if (chosenItems[q]) inside.push(members[q]);
      served.set(k, inside);
      if (isForced[k]) continue;
      let at = kept.length;
      kept.push(rho[k]);
      while (at > 0 && kept[at - 1] > rho[k]) {
        kept[at] = kept[at - 1];
        at--;
      }
      kept[at] = rho[k];
    }
    order.sort((a, b) => isForced[b] - isForced[a] || rho[a] - rho[b] || a - b);
    let value = lambdaSum;
    for (let t = 0; t < p; t++) {
      selected[t] = order[t];
      value += rho[order[t]];
    }
    if (!Number.isFinite(value)) {
      state.bound = Infinity;
      break;
    }
    state.iterations++;
    if (value > state.bound) {
      state.bound = value;
      state.bestLambda.set(lambda);
      state.rho.set(rho);
      state.chosen = selected.slice();
      state.sinceBetter = 0;
    } else if (++state.sinceBetter >= PATIENCE) {
      state.stepFactor /= 2;
      state.sinceBetter = 0;
    }
    if (closes(state.bound, options.upperBound, instance.integerCosts) || state.stepFactor < MIN_STEP_FACTOR) break;

    // Subgradient: 1 − (times each point is covered by the chosen sites).
    cover.fill(0);
    for (let t = 0; t < p; t++) {
      const k = selected[t];
      for (const i of served.get(k) ?? []) cover[i]++;
      if (options.selfService) cover[sites[k]]++;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const g = 1 - cover[i];
      norm += g * g;
    }
    if (norm === 0) break; // the relaxed solution is a feasible assignment: the bound is the optimum
    const target = Number.isFinite(options.upperBound) ? options.upperBound : value + 0.05 * Math.abs(value) + 1;
    const step = (state.stepFactor * Math.max(target - value, 1e-9 * Math.abs(target))) / norm;
    for (let i = 0; i < n; i++) lambda[i] += step * (1 - cover[i]);
  }
  return state.bound;
}

/** Whether the bound proves `upperBound` optimal (rounded up first for integer costs). */
export function closes(bound: number, upperBound: number, integerCosts: boolean): boolean {
  if (!Number.isFinite(upperBound)) return false;
  return integerCosts ? Math.ceil(bound - 1e-6) >= upperBound : bound >= upperBound - 1e-9 * Math.abs(upperBound);
}

/**
 * Sites that no solution cheaper than `upperBound` can open: forcing site k into the relaxed
 * solution (in place of the dearest chosen site) lifts the bound to at least `upperBound`.
 */
export function sitesRuledOut(instance: CpmpInstance, state: LagrangianState, upperBound: number): Uint8Array {
  const s = instance.sites.length;
  const out = new Uint8Array(s);
  if (!Number.isFinite(upperBound) || !Number.isFinite(state.bound) || state.chosen.length === 0) return out;
  const isChosen = new Uint8Array(s);
  let dearest = -Infinity;
  const forced = new Uint8Array(s);
  for (const k of instance.forced ?? []) forced[k] = 1;
  for (const k of state.chosen) {
    isChosen[k] = 1;
    if (!forced[k] && state.rho[k] > dearest) dearest = state.rho[k];
  }
  if (!Number.isFinite(dearest)) return out;
  for (let k = 0; k < s; k++) {
    if (isChosen[k]) continue;
    const withK = state.bound + state.rho[k] - dearest;
    if (instance.integerCosts ? Math.ceil(withK - 1e-6) >= upperBound : withK >= upperBound + 1e-7 * Math.abs(upperBound)) out[k] = 1;
  }
  return out;
}

/**
 * The Lagrangian bound alone, from fresh multipliers: `iterations` subgradient steps towards
 * `upperBound` (a known objective). For instances too large to search directly, whose homes were
 * found on a smaller model.
 */
export function cpmpLowerBound(instance: CpmpInstance, options: Omit<BoundOptions, "meter"> & { readonly meter?: WorkMeter }): number {
  const hoods = buildNeighbourhoods(instance);
  const state = createLagrangianState(instance, hoods);
  const meter = options.meter ?? createWorkMeter(Infinity);
  return improveBound(instance, hoods, state, { ...options, meter });
}
