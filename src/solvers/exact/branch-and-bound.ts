import type { ExactProblem } from "./exact-problem.js";
import { relaxByLagrange, type BandMultipliers } from "./lagrangian-relaxation.js";
import { relaxByNetwork, type Relaxed } from "./network-relaxation.js";

/** Options of `searchExact`. */
export interface ExactSearchOptions {
  /** A plan to beat: rep per item and its cost (items keep their order). */
  readonly incumbent?: { readonly rep: Int32Array; readonly cost: number };
  /** Nodes (relaxations solved) at most: the effort limit that keeps the search deterministic. */
  readonly maxNodes: number;
  /** Safety net (time limit, abort): stops the search like the node limit does. */
  readonly stopped?: () => boolean;
  /**
   * The relaxation at each node: `network` (the LP; only when every item's hours are the same on
   * all its arcs) or `lagrange` (the Lagrangian of the windows with counting checks: far cheaper
   * nodes, weaker bounds — the better of the two for finding a plan when windows must be filled
   * almost exactly). Default: `network` when possible.
   */
  readonly relaxation?: "network" | "lagrange";
  /**
   * A rule beyond the windows that a complete plan must keep (rep per item); plans it refuses are
   * never taken, and the search branches on past them. The windows must then be a relaxation of
   * the rule (every plan it accepts lies inside them), so the bounds stay valid. Default: none.
   */
  readonly accept?: (rep: Int32Array) => boolean;
}

/** Outcome of `searchExact`. */
export interface ExactSearchResult {
  /**
   * `optimal`: the tree was exhausted and `rep` is a cheapest plan; `infeasible`: exhausted with
   * no plan, so none exists; `stopped`: the node limit or the safety net ended the search first.
   */
  readonly status: "optimal" | "infeasible" | "stopped";
  /** Best plan found (rep per item), or null. */
  readonly rep: Int32Array | null;
  readonly cost: number;
  /** Valid lower bound on the cost of any plan (Infinity when none exists). */
  readonly lowerBound: number;
  readonly nodes: number;
  /** The search ran out of nodes or was stopped (a proof, of either kind, is then missing). */
  readonly exhausted: boolean;
}

/** Subgradient steps at the root and at every other node (rep-dependent hours). */
const ROOT_ITERATIONS = 120;
const NODE_ITERATIONS = 12;

/**
 * Depth-first branch and bound over the items of an exact problem: each node solves a relaxation
 * (the network LP when every item's hours are the same on all its arcs, else the Lagrangian of the
 * band windows), is pruned when it is infeasible or cannot beat the incumbent, and otherwise
 * branches on one item, one child per rep the item may take (the relaxation's reps first).
 * Exhausting the tree proves the incumbent optimal, or, without one, that no plan keeps every
 * window.
 */
export function searchExact(ep: ExactProblem, options: ExactSearchOptions): ExactSearchResult {
  const items = ep.account.length;
  const fixedRep = new Int32Array(items).fill(-1);
  const load = new Float64Array(ep.m);
  const multipliers: BandMultipliers = { lambda: new Float64Array(ep.m), mu: new Float64Array(ep.m) };
  let best = options.incumbent ? Int32Array.from(options.incumbent.rep) : null;
  let bestCost = options.incumbent ? options.incumbent.cost : Infinity;
  let nodes = 0;
  let aborted = false;
  let openBound = Infinity;
  // Costs within float noise of the incumbent cannot beat it.
  const beats = (cost: number) => cost < bestCost - 1e-9 * Math.max(1, Math.abs(bestCost)) || (bestCost === Infinity && cost < Infinity);

  const network = ep.uniformHours && options.relaxation !== "lagrange";
  // Budgets priced into the network relaxation: arc cost per hour + Σ price × use / hours. Its
  // value, less Σ price × the room still left, bounds the cost of any completion that keeps them.
  const priced = network && ep.budgets.length > 0 ? withBudgetPrices(rootPrices(ep, fixedRep, load)) : ep;
  const priceOfRoom = () => {
    let total = 0;
    for (let k = 0; k < priced.budgets.length; k++) total += priced.budgets[k].price * (priced.budgets[k].room - spent[k]);
    return total;
  };
  const relax = (warm: Int32Array | null, depth: number): Relaxed =>
    network
      ? relaxByNetwork(priced, fixedRep, load, warm)
      : relaxByLagrange(ep, fixedRep, load, multipliers, depth === 0 ? ROOT_ITERATIONS : NODE_ITERATIONS, bestCost - fixedCost);

  // Budgets: what the fixed items spend, and the least the free ones must still spend.
  const K = ep.budgets.length;
  const spent = new Float64Array(K);
  const itemMin = ep.budgets.map(({ use }) =>
    Float64Array.from({ length: items }, (_, i) => {
      let least = Infinity;
      for (let e = ep.start[i]; e < ep.start[i + 1]; e++) least = Math.min(least, use[e]);
      return least === Infinity ? 0 : least;
    }),
  );
  const minFree = Float64Array.from(itemMin, (mins) => mins.reduce((s, x) => s + x, 0));
  const budgetsBroken = (): boolean => {
    for (let k = 0; k < K; k++) if (spent[k] + minFree[k] > ep.budgets[k].room) return true;
    return false;
  };
  /** The budget a completion breaks (−1: none), or the item to branch on to mend it. */
  const overBudget = (lead: Int32Array): { budget: number; item: number } | null => {
    for (let k = 0; k < K; k++) {
      const { use, room } = ep.budgets[k];
      let total = spent[k];
      let item = -1;
      let most = 0;
      for (let i = 0; i < items; i++) {
        if (fixedRep[i] >= 0) continue;
        const e = arcOf(ep, i, lead[i]);
        total += use[e];
        if (use[e] > most && ep.start[i + 1] - ep.start[i] > 1) {
          most = use[e];
          item = i;
        }
      }
      if (total > room) return { budget: k, item };
    }
    return null;
  };

  let fixedCost = 0;
  /** Takes a completion as the incumbent when it beats it; false when `accept` refuses it. */
  const offer = (lead: Int32Array): boolean => {
    let cost = fixedCost;
    const plan = new Int32Array(items);
    for (let i = 0; i < items; i++) {
      plan[i] = fixedRep[i] >= 0 ? fixedRep[i] : lead[i];
      if (fixedRep[i] < 0) cost += costOf(ep, i, lead[i]);
    }
    if (!beats(cost)) return true;
    if (options.accept && !options.accept(plan)) return false;
    best = plan;
    bestCost = cost;
    return true;
  };
  /** A free item with a choice left and its arcs cheapest first, to branch on past a refused completion. */
  const anyFreeItem = (): { item: number; arcs: number[] } | null => {
    for (let i = 0; i < items; i++) {
      if (fixedRep[i] >= 0 || ep.start[i + 1] - ep.start[i] === 0) continue;
      const arcs: number[] = [];
      for (let e = ep.start[i]; e < ep.start[i + 1]; e++) arcs.push(e);
      return { item: i, arcs };
    }
    return null;
  };

  const explore = (warm: Int32Array | null, depth: number, parentBound: number): void => {
    if (aborted || nodes >= options.maxNodes || options.stopped?.() === true) {
      aborted = true;
      openBound = Math.min(openBound, parentBound);
      return;
    }
    nodes++;
    if (budgetsBroken()) return;
    const relaxed = relax(warm, depth);
    if (!relaxed.feasible) return;
    const bound = Math.max(parentBound, fixedCost + relaxed.value - (priced !== ep ? priceOfRoom() : 0));
    if (!beats(bound)) return;
    let i = relaxed.branch;
    let order = relaxed.order;
    if (relaxed.integral) {
      const broken = K > 0 ? overBudget(relaxed.integral) : null;
      if (!broken) {
        if (offer(relaxed.integral)) {
          if (network || !beats(bound)) return;
        } else if (i < 0) {
          const next = anyFreeItem();
          if (!next) return;
          i = next.item;
          order = next.arcs;
        }
      } else {
        // A completion that breaks a budget: branch on the item that spends most of it, cheapest use first.
        if (broken.item < 0) return;
        i = broken.item;
        const use = ep.budgets[broken.budget].use;
        const arcs: number[] = [];
        for (let e = ep.start[i]; e < ep.start[i + 1]; e++) arcs.push(e);
        order = arcs.sort((x, y) => use[x] - use[y] || ep.cost[x] - ep.cost[y] || x - y);
      }
    }
    if (i < 0) return;
    for (const e of order) {
      const r = ep.rep[e];
      if (load[r] + ep.hours[e] > ep.upper[r]) continue;
      fixedRep[i] = r;
      load[r] += ep.hours[e];
      fixedCost += ep.cost[e];
      for (let k = 0; k < K; k++) {
        spent[k] += ep.budgets[k].use[e];
        minFree[k] -= itemMin[k][i];
      }
      explore(relaxed.lead, depth + 1, bound);
      for (let k = 0; k < K; k++) {
        spent[k] -= ep.budgets[k].use[e];
        minFree[k] += itemMin[k][i];
      }
      fixedCost -= ep.cost[e];
      load[r] -= ep.hours[e];
      fixedRep[i] = -1;
      if (aborted) {
        openBound = Math.min(openBound, bound);
        return;
      }
      if (!beats(bound)) return;
    }
  };

  explore(null, 0, -Infinity);
  const status = aborted ? "stopped" : best ? "optimal" : "infeasible";
  const lowerBound = aborted ? Math.min(openBound, bestCost) : bestCost;
  return { status, rep: best, cost: bestCost, lowerBound, nodes, exhausted: aborted };
}

/** Root LP solves at most while looking for budget prices. */
const PRICE_SOLVES = 40;
/** The search's price is this multiple of the least price at which the root LP keeps the budget. */
const PRICE_MARGIN = 2;

/**
 * Budget prices for the network relaxation: from each budget's given price (or the root LP's cost
 * scale), raised until the root LP keeps the budget, then bisected down to the least price that
 * does (to 1 %), budget by budget, and doubled: a price that keeps the root LP well inside the
 * budget makes the search look at whole plans that keep it first (any price gives a valid bound).
 */
function rootPrices(ep: ExactProblem, fixedRep: Int32Array, load: Float64Array): ExactProblem {
  let current = ep;
  let solves = 0;
  const useAt = (prices: number[]): Float64Array | null => {
    current = { ...ep, budgets: ep.budgets.map((b, k) => ({ ...b, price: prices[k] })) };
    solves++;
    const relaxed = relaxByNetwork(withBudgetPrices(current), fixedRep, load, null);
    return relaxed.feasible && relaxed.use ? relaxed.use : null;
  };
  const prices = ep.budgets.map((b) => b.price);
  let used = useAt(prices);
  if (!used) return current;
  let scale = 0;
  for (let e = 0; e < ep.cost.length; e++) scale = Math.max(scale, ep.cost[e]);
  for (let k = 0; k < ep.budgets.length; k++) {
    const room = ep.budgets[k].room;
    if (used![k] > room) {
      let lo = prices[k];
      let hi = Math.max(2 * lo, scale / 100, 1e-9);
      for (;;) {
        prices[k] = hi;
        used = useAt(prices);
        if (!used || used[k] <= room || solves >= PRICE_SOLVES / 2) break;
        lo = hi;
        hi *= 4;
      }
      while (used && used[k] <= room && hi - lo > 0.01 * hi && solves < PRICE_SOLVES) {
        prices[k] = (lo + hi) / 2;
        const mid = useAt(prices);
        if (mid && mid[k] <= room) hi = prices[k];
        else lo = prices[k];
      }
      prices[k] = hi;
    }
    // Whole plans need more room than a split LP: the search starts from a price with margin.
    prices[k] *= PRICE_MARGIN;
    used = useAt(prices);
    if (!used) break;
  }
  return current;
}

/** The problem with budget prices added to its arcs' per-hour costs (for the network relaxation only). */
function withBudgetPrices(ep: ExactProblem): ExactProblem {
  const minutes = Float64Array.from(ep.minutes);
  for (let e = 0; e < minutes.length; e++) {
    let charge = 0;
    for (const b of ep.budgets) charge += b.price * b.use[e];
    if (charge > 0 && ep.hours[e] > 0) minutes[e] += charge / ep.hours[e];
  }
  return { ...ep, minutes };
}

/** Cost of item i on rep r (its arc to r). */
function costOf(ep: ExactProblem, i: number, r: number): number {
  const e = arcOf(ep, i, r);
  return e >= 0 ? ep.cost[e] : Infinity;
}

/** Arc of item i to rep r, or −1. */
function arcOf(ep: ExactProblem, i: number, r: number): number {
  for (let e = ep.start[i]; e < ep.start[i + 1]; e++) if (ep.rep[e] === r) return e;
  return -1;
}
