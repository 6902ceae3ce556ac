import type { AgentArcs } from "./agent-arcs.js";
import type { GapArcs } from "./gap-arcs.js";
import { createKnapsackWork, solveKnapsack } from "./knapsack.js";

/** State of the Lagrangian relaxation of the assignment rows (one 0-1 knapsack per agent). */
export interface KnapsackBound {
  /**
   * Best bound found: L(λ, w) = Σ_j λ_j + Σ_i w_i minLoad_i − Σ_i max{Σ_{j∈S} (λ_j − c_ij + w_i a_ij)
   * : S fits agent i}, with w ≥ 0 the multipliers of the minimum loads (all zero without them).
   */
  readonly bound: number;
  /** Multipliers that gave `bound`; length n. */
  readonly lambda: Float64Array;
  /** Arcs chosen by the knapsacks at `lambda` (1 = in agent's knapsack); length = number of arcs. */
  readonly chosen: Uint8Array;
  /** Iterations run. */
  readonly iterations: number;
  /** Whether every knapsack at `lambda` was solved exactly (else `bound` used LP bounds). */
  readonly exact: boolean;
}

/** Options of `boundByKnapsacks`. */
export interface KnapsackBoundOptions {
  /** Starting multipliers, e.g. the LP job prices v (then the first bound is already ≥ the LP bound). */
  readonly start: Float64Array;
  /** Best known feasible objective (steers the step size; the target when absent is the bound + 0.5 %). */
  readonly upperBound?: number;
  /** Stop as soon as the bound exceeds this (e.g. incumbent − 1 + ε for integer costs). */
  readonly stopAbove?: number;
  /** Iterations at most. Default 300. */
  readonly iterations?: number;
  /** Arcs that must not be used (1 = excluded), e.g. branching decisions; length = number of arcs. */
  readonly excluded?: Uint8Array;
  /** Jobs fixed to an arc (≥ 0) — their rows are satisfied by that arc and drop out; length n. */
  readonly fixedArc?: Int32Array;
  readonly stopped?: () => boolean;
  /** Called with the knapsack choice of every iteration (for Lagrangian heuristics). */
  readonly onChoice?: (chosen: Uint8Array, lambda: Float64Array) => void;
}

/**
 * Subgradient ascent on the Lagrangian dual that relaxes "each job exactly once": what remains is
 * one 0-1 knapsack per agent. Its optimum is at least the LP bound (Martello & Toth; Fisher,
 * Jaikumar & Van Wassenhove), so it is the bound reported for the GAP. With `fixedArc`, a fixed
 * job's arc is forced into its agent's knapsack (capacity reduced, cost added); with `excluded`,
 * arcs are removed — which is how branch and bound uses it. Minimum loads are relaxed too, with
 * multipliers w ≥ 0 that reward load at agents below their minimum. Every evaluated L is valid
 * (knapsacks that hit their node limit contribute their LP bound), so the best one is returned.
 */
export function boundByKnapsacks(arcs: GapArcs, byAgent: AgentArcs, options: KnapsackBoundOptions): KnapsackBound {
  const { m, n, cost, resource, capacity } = arcs;
  const lambda = Float64Array.from(options.start);
  const bestLambda = Float64Array.from(lambda);
  const count = arcs.agent.length;
  const chosen = new Uint8Array(count);
  const bestChosen = new Uint8Array(count);
  const covered = new Int32Array(n);
  let maxItems = 0;
  for (let i = 0; i < m; i++) maxItems = Math.max(maxItems, byAgent.start[i + 1] - byAgent.start[i]);
  const profit = new Float64Array(maxItems);
  const weight = new Float64Array(maxItems);
  const take = new Uint8Array(maxItems);
  const work = createKnapsackWork(maxItems);
  const fixed = options.fixedArc;
  const excluded = options.excluded;
  const withMinimum = arcs.minLoad.some((x) => x > 0);
  const w = new Float64Array(m);
  const fixedLoad = new Float64Array(m);
  const usedLoad = new Float64Array(m);

  // Fixed jobs: their cost and resource are constant; their λ is irrelevant.
  let fixedCost = 0;
  const room = Float64Array.from(capacity);
  if (fixed) {
    for (let j = 0; j < n; j++) {
      if (fixed[j] < 0) continue;
      fixedCost += cost[fixed[j]];
      room[arcs.agent[fixed[j]]] -= resource[fixed[j]];
      fixedLoad[arcs.agent[fixed[j]]] += resource[fixed[j]];
    }
  }
  for (let i = 0; i < m; i++) {
    if (room[i] < -1e-9 * Math.max(1, capacity[i])) return { bound: Infinity, lambda, chosen, iterations: 0, exact: true };
  }

  const iterations = options.iterations ?? 300;
  let best = -Infinity;
  let bestExact = true;
  let scale = 2;
  let sinceBest = 0;
  const patience = Math.max(5, Math.ceil(iterations / 20));
  let it = 0;
  for (; it < iterations; it++) {
    covered.fill(0);
    usedLoad.set(fixedLoad);
    let value = fixedCost;
    for (let j = 0; j < n; j++) if (!fixed || fixed[j] < 0) value += lambda[j];
    // Fixed jobs' load counts toward the minimum: w_i (minLoad_i − fixed load_i − free load_i).
    for (let i = 0; i < m; i++) value += w[i] * (arcs.minLoad[i] - fixedLoad[i]);
    let allExact = true;
    for (let i = 0; i < m; i++) {
      let items = 0;
      for (let t = byAgent.start[i]; t < byAgent.start[i + 1]; t++) {
        const e = byAgent.arc[t];
        const j = byAgent.jobOfArc[e];
        const usable = (!fixed || fixed[j] < 0) && (!excluded || !excluded[e]);
        profit[items] = usable ? lambda[j] - cost[e] + w[i] * resource[e] : 0;
        weight[items] = resource[e];
        items++;
      }
      const result = solveKnapsack(profit, weight, items, Math.max(0, room[i]), take, work);
      value -= result.bound;
      if (!result.exact) allExact = false;
      let s = 0;
      for (let t = byAgent.start[i]; t < byAgent.start[i + 1]; t++) {
        const e = byAgent.arc[t];
        chosen[e] = take[s++];
        if (chosen[e]) {
          covered[byAgent.jobOfArc[e]]++;
          usedLoad[i] += resource[e];
        }
      }
    }
    options.onChoice?.(chosen, lambda);
    if (value > best + 1e-12 * Math.max(1, Math.abs(value))) {
      best = value;
      bestLambda.set(lambda);
      bestChosen.set(chosen);
      bestExact = allExact;
      sinceBest = 0;
    } else if (++sinceBest >= patience) {
      scale /= 2;
      sinceBest = 0;
      if (scale < 1e-4) break;
    }
    if (options.stopAbove !== undefined && best > options.stopAbove) break;
    let norm = 0;
    let minimumMet = true;
    for (let j = 0; j < n; j++) {
      if (fixed && fixed[j] >= 0) continue;
      const g = 1 - covered[j];
      norm += g * g;
    }
    if (withMinimum) {
      for (let i = 0; i < m; i++) {
        const g = arcs.minLoad[i] - usedLoad[i];
        if (g > 0) minimumMet = false;
        if (w[i] > 0 || g > 0) norm += g * g;
      }
    }
    // Every job in exactly one knapsack and every minimum met: the relaxed solution is feasible.
    if (norm === 0 && allExact && minimumMet) break;
    if (norm === 0) break;
    if (options.stopped?.()) break;
    const goal = options.upperBound !== undefined && options.upperBound > best ? options.upperBound : best + Math.max(1e-3, 0.005 * Math.abs(best));
    const step = (scale * (goal - value)) / norm;
    for (let j = 0; j < n; j++) {
      if (fixed && fixed[j] >= 0) continue;
      lambda[j] += step * (1 - covered[j]);
    }
    if (withMinimum) for (let i = 0; i < m; i++) w[i] = Math.max(0, w[i] + step * (arcs.minLoad[i] - usedLoad[i]));
  }
  return { bound: best, lambda: bestLambda, chosen: bestChosen, iterations: it, exact: bestExact };
}
