import type { GapArcs } from "./gap-arcs.js";

/** Result of relaxing the capacity constraints with prices u ≥ 0. */
export interface CapacityPrices {
  /** Price of one unit of each agent's capacity; length m. */
  readonly u: Float64Array;
  /**
   * L(u) = Σ_j min_i (c_ij + u_i a_ij) − Σ_i u_i b_i, a valid lower bound for any u ≥ 0; its
   * maximum over u equals the LP relaxation's optimum.
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
 * valid lower bound, so stopping early only weakens the bound. Minimum loads are ignored, which
 * keeps the bound valid. O(arcs) per iteration.
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
      const g = used[i] - arcs.capacity[i];
      // A price at zero with slack capacity cannot move: its component does not count.
      if (u[i] > 0 || g > 0) norm += g * g;
    }
    if (norm < 1e-18) break;
    const goal = target !== undefined && target > bestBound ? target : bestBound + Math.max(1e-3, 0.01 * Math.abs(bestBound));
    const step = (scale * (goal - bound)) / norm;
    for (let i = 0; i < m; i++) u[i] = Math.max(0, u[i] + step * (used[i] - arcs.capacity[i]));
    if (options.stopped?.()) break;
  }
  const v = new Float64Array(n);
  const bound = evaluate(arcs, best, used, v);
  return { u: best, bound, v };
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
  for (let i = 0; i < m; i++) total -= u[i] * capacity[i];
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
