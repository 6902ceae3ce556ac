import type { GapArcs } from "./gap-arcs.js";

/** Result of relaxing the load constraints (capacity and minimum load) with prices. */
export interface CapacityPrices {
  /**
   * Price of one unit of load at each agent; length m. Positive prices charge for capacity
   * (Σ a x ≤ b), negative ones reward load toward the minimum (Σ a x ≥ minLoad).
   */
  readonly u: Float64Array;
  /**
   * L(u) = Σ_j min_i (c_ij + u_i a_ij) − Σ_i (u_i⁺ b_i − u_i⁻ minLoad_i), a valid lower bound
   * for any u; its maximum over u equals the LP relaxation's optimum.
   */
  readonly bound: number;
  /** v_j = min_i (c_ij + u_i a_ij), the job prices (LP duals of the assignment rows); length n. */
  readonly v: Float64Array;
}

/** Options of `priceCapacities`. */
export interface PriceOptions {
  /** A known feasible objective, used to size the steps; estimated when absent. */
  readonly upperBound?: number;
  /** Subgradient iterations at most. Default 60 + 4 m, at least 200. */
  readonly iterations?: number;
  /** Starting prices (warm start); length m. */
  readonly start?: Float64Array;
  /** Stops early when this returns true (time limit, abort). */
  readonly stopped?: () => boolean;
}

/**
 * Approximates the LP dual by subgradient ascent on L(u) with Polyak steps (step scale halved
 * after a run of non-improving iterations) and returns the best prices seen. Every L(u) is a
 * valid lower bound, so stopping early only weakens the bound. Prices go negative only at agents
 * with a minimum load. O(arcs) per iteration.
 */
export function priceCapacities(arcs: GapArcs, options: PriceOptions = {}): CapacityPrices {
  const { m, n } = arcs;
  const u = options.start ? Float64Array.from(options.start) : new Float64Array(m);
  const best = Float64Array.from(u);
  const used = new Float64Array(m);
  let bestBound = -Infinity;
  const iterations = options.iterations ?? Math.max(200, 60 + 4 * m);
  let scale = 2;
  let sinceBest = 0;
  const patience = Math.max(10, Math.ceil(iterations / 30));
  const target = options.upperBound;
  for (let it = 0; it < iterations; it++) {
    const bound = evaluate(arcs, u, used, null);
    if (bound > bestBound + 1e-12 * Math.max(1, Math.abs(bound))) {
      bestBound = bound;
      best.set(u);
      sinceBest = 0;
    } else if (++sinceBest >= patience) {
      scale /= 2;
      sinceBest = 0;
      u.set(best);
      if (scale < 1e-6) break;
      continue;
    }
    let norm = 0;
    for (let i = 0; i < m; i++) {
      const g = slope(arcs, i, u[i], used[i]);
      norm += g * g;
    }
    if (norm < 1e-18) break;
    const goal = target !== undefined && target > bestBound ? target : bestBound + Math.max(1e-3, 0.01 * Math.abs(bestBound));
    const step = (scale * (goal - bound)) / norm;
    for (let i = 0; i < m; i++) {
      const g = slope(arcs, i, u[i], used[i]);
      const next = u[i] + step * g;
      // The price may only cross zero into the side whose constraint exists.
      u[i] = u[i] > 0 ? Math.max(0, next) : u[i] < 0 ? Math.min(0, next) : g > 0 || arcs.minLoad[i] > 0 ? next : 0;
    }
    if (options.stopped?.()) break;
  }
  const v = new Float64Array(n);
  const bound = evaluate(arcs, best, used, v);
  return { u: best, bound, v };
}

/** A subgradient component of L at price p: load above capacity, or load below the minimum. */
function slope(arcs: GapArcs, i: number, p: number, used: number): number {
  if (p > 0) return used - arcs.capacity[i];
  if (p < 0) return used - arcs.minLoad[i];
  if (used > arcs.capacity[i]) return used - arcs.capacity[i];
  if (used < arcs.minLoad[i]) return used - arcs.minLoad[i];
  return 0;
}

/** L(u), filling `used` (load at the chosen agents) and optionally `v` (per-job minima). */
function evaluate(arcs: GapArcs, u: Float64Array, used: Float64Array, v: Float64Array | null): number {
  const { n, m, start, agent, cost, resource, capacity } = arcs;
  used.fill(0);
  let total = 0;
  for (let j = 0; j < n; j++) {
    let bestArc = -1;
    let bestValue = Infinity;
    for (let e = start[j]; e < start[j + 1]; e++) {
      const value = cost[e] + u[agent[e]] * resource[e];
      if (value < bestValue) {
        bestValue = value;
        bestArc = e;
      }
    }
    if (bestArc < 0) continue;
    total += bestValue;
    used[agent[bestArc]] += resource[bestArc];
    if (v) v[j] = bestValue;
  }
  for (let i = 0; i < m; i++) total -= u[i] > 0 ? u[i] * capacity[i] : u[i] * arcs.minLoad[i];
  return total;
}

/** Reduced cost of every arc: c_ij + u_i a_ij − v_j ≥ 0 (0 on each job's LP-cheapest arcs). */
export function reducedCosts(arcs: GapArcs, prices: CapacityPrices): Float64Array {
  const rc = new Float64Array(arcs.agent.length);
  for (let j = 0; j < arcs.n; j++) {
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      rc[e] = arcs.cost[e] + prices.u[arcs.agent[e]] * arcs.resource[e] - prices.v[j];
    }
  }
  return rc;
}
