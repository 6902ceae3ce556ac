import type { AgentArcs } from "./agent-arcs.js";
import type { GapArcs } from "./gap-arcs.js";
import { createKnapsackWork, solveKnapsack } from "./knapsack.js";

/** Largest items × capacity of a knapsack re-solved exactly once per arc. */
const EXACT_WORK = 100_000;

/** What fixing proved about improving solutions. */
export interface FixingOutcome {
  /** Arcs that no solution with cost < `threshold` uses (newly set to 1 in `excluded`). */
  readonly removed: number;
  /** A job lost all its arcs: no solution costs less than `threshold`. */
  readonly exhausted: boolean;
}

/**
 * Lagrangian reduced-cost fixing on the knapsack relaxation. With multipliers λ and bound L, a
 * solution that uses arc (i, j) against the choice of agent i's optimal knapsack costs at least
 * L + (KP_i − KP_i with that decision reversed). When that exceeds `threshold` (e.g. the
 * incumbent − 1 for integer costs), the decision is fixed: an unchosen arc is excluded; a chosen
 * arc that cannot be dropped excludes its job's other arcs. The reversed knapsack is bounded first
 * by its LP (Dantzig) value and, with `exact`, solved exactly when that test is inconclusive
 * (stronger, one knapsack per arc). Marks arcs in `excluded` (1 = never used); already excluded
 * arcs are respected.
 */
export function fixByReducedCosts(
  arcs: GapArcs,
  byAgent: AgentArcs,
  lambda: Float64Array,
  bound: number,
  threshold: number,
  excluded: Uint8Array,
  exact: boolean,
  stopped: () => boolean = () => false,
): FixingOutcome {
  const { m, cost, resource, capacity } = arcs;
  let maxItems = 0;
  for (let i = 0; i < m; i++) maxItems = Math.max(maxItems, byAgent.start[i + 1] - byAgent.start[i]);
  const profit = new Float64Array(maxItems);
  const weight = new Float64Array(maxItems);
  const chosen = new Uint8Array(maxItems);
  const base = new Uint8Array(maxItems);
  const work = createKnapsackWork(maxItems);
  const drop = new Uint8Array(arcs.agent.length);
  const keepOnly = new Int32Array(arcs.n).fill(-1);
  // Two agents that each must keep the job: no solution below the threshold exists.
  const keep = (j: number, e: number): void => {
    keepOnly[j] = keepOnly[j] >= 0 && keepOnly[j] !== e ? arcs.agent.length : e;
  };
  let removed = 0;
  // The bound of these very multipliers (the one passed in may come from other ones).
  const fill = (i: number): number => {
    const first = byAgent.start[i];
    const count = byAgent.start[i + 1] - first;
    for (let t = 0; t < count; t++) {
      const e = byAgent.arc[first + t];
      profit[t] = excluded[e] ? 0 : lambda[byAgent.jobOfArc[e]] - cost[e];
      weight[t] = resource[e];
    }
    return count;
  };
  const tops = new Float64Array(m);
  const exactTop = new Uint8Array(m);
  let own = 0;
  for (let j = 0; j < arcs.n; j++) own += lambda[j];
  for (let i = 0; i < m; i++) {
    const top = solveKnapsack(profit, weight, fill(i), capacity[i], chosen, work);
    tops[i] = top.bound;
    exactTop[i] = top.exact ? 1 : 0;
    own -= top.bound;
  }
  const slack = threshold - Math.min(bound, own);
  for (let i = 0; i < m && !stopped(); i++) {
    // With an inexact knapsack the reversed values below are not comparable: skip this agent.
    if (!exactTop[i]) continue;
    const first = byAgent.start[i];
    const count = fill(i);
    const top = { value: tops[i] };
    solveKnapsack(profit, weight, count, capacity[i], chosen, work);
    // Exact re-solves only where one knapsack is cheap (items × capacity, the DP table size).
    const exactHere = exact && count * capacity[i] <= EXACT_WORK;
    base.set(chosen.subarray(0, count));
    const sorted: number[] = [];
    for (let t = 0; t < count; t++) if (profit[t] > 0) sorted.push(t);
    sorted.sort((x, y) => profit[y] * weight[x] - profit[x] * weight[y] || x - y);
    for (let t = 0; t < count; t++) {
      const e = byAgent.arc[first + t];
      if (excluded[e]) continue;
      if ((t & 15) === 15 && stopped()) break;
      const p = profit[t];
      if (base[t]) {
        // Dropping the item: the rest is at most the LP bound without it, then exactly.
        if (top.value - lpWithout(profit, weight, sorted, t, capacity[i]) > slack) {
          keep(byAgent.jobOfArc[e], e);
        } else if (exactHere) {
          profit[t] = 0;
          if (top.value - solveKnapsack(profit, weight, count, capacity[i], chosen, work).bound > slack) keep(byAgent.jobOfArc[e], e);
          profit[t] = p;
        }
      } else {
        const room = capacity[i] - weight[t];
        if (room < 0 || top.value - (p + lpWithout(profit, weight, sorted, t, room)) > slack) {
          drop[e] = 1;
        } else if (exactHere) {
          profit[t] = 0;
          if (top.value - (p + solveKnapsack(profit, weight, count, room, chosen, work).bound) > slack) drop[e] = 1;
          profit[t] = p;
        }
      }
    }
  }
  let exhausted = false;
  for (let j = 0; j < arcs.n; j++) {
    let alive = 0;
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      const gone = drop[e] === 1 || (keepOnly[j] >= 0 && keepOnly[j] !== e);
      if (gone && !excluded[e]) {
        excluded[e] = 1;
        removed++;
      }
      if (!excluded[e]) alive++;
    }
    if (alive === 0) exhausted = true;
  }
  return { removed, exhausted };
}

/** LP (Dantzig) bound over `sorted` (positions by profit/weight, descending), skipping one position. */
function lpWithout(profit: Float64Array, weight: Float64Array, sorted: readonly number[], skip: number, capacity: number): number {
  let room = capacity;
  let total = 0;
  for (const t of sorted) {
    if (t === skip) continue;
    if (weight[t] <= room) {
      room -= weight[t];
      total += profit[t];
    } else {
      return total + (profit[t] / weight[t]) * room;
    }
  }
  return total;
}
