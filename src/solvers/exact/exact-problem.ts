import { accountHours } from "../../compile/travel-hours.js";
import { bandWidth, type CompiledProblem } from "../../compile/compiled-problem.js";
import { RULE_TOLERANCE } from "../../rules/check-assignment.js";

/**
 * An assignment problem for the exact search: free items (accounts) with the reps each may go to,
 * and a window of hours per rep that the free items must fill. Arcs of item i are
 * `start[i] .. start[i + 1] − 1`, sorted by cost.
 */
export interface ExactProblem {
  /** Account index of each item. */
  readonly account: Int32Array;
  /** Number of reps (every rep of the problem, whether or not it has arcs here). */
  readonly m: number;
  /** Arc offsets per item; length items + 1. */
  readonly start: Int32Array;
  /** Rep of each arc. */
  readonly rep: Int32Array;
  /** Objective of each arc: workload × travel minutes. */
  readonly cost: Float64Array;
  /** Cost per hour of each arc (travel minutes), for the network LP. */
  readonly minutes: Float64Array;
  /** Hours the item adds to the rep's load on each arc. */
  readonly hours: Float64Array;
  /** Hours each rep still needs from the free items to reach its band (≤ 0: none); length m. */
  readonly lower: Float64Array;
  /** Hours each rep may still take from the free items (band upper end or capacity); length m. */
  readonly upper: Float64Array;
  /** Every item has the same hours on all its arcs (workload independent of the rep): the LP is a network. */
  readonly uniformHours: boolean;
  /**
   * Budgets the free items must keep (`p.budgets`): per budget, the use of each arc (the account's
   * coefficient when the arc leaves its preferred rep, else 0) and the room the fixed accounts leave.
   */
  readonly budgets: readonly { readonly use: Float64Array; readonly room: number; readonly price: number }[];
}

/** What to build an exact problem from. */
export interface ExactScope {
  /** Accounts to place (the rest keep `fixed`). */
  readonly free: Int32Array;
  /** Rep of each account outside `free` (−1: unassigned, which counts nothing); length n. */
  readonly fixed: Int32Array;
  /**
   * Lagrangian prices of the budgets (e.g. the multipliers the budgeted LP ended at): the search's
   * relaxation charges them on budget use, which steers it towards plans that keep the budgets and
   * tightens its bound. Default 0.
   */
  readonly budgetPrices?: Float64Array;
  /** Reps a free account may go to; all when omitted. */
  readonly reps?: Uint8Array;
}

/**
 * Builds the exact problem of `scope`: each free account gets an arc to every rep that may serve
 * it (its locked rep only, when locked; otherwise compatible by segment and region and within the
 * rep's travel limit), and each rep a window equal to its band (capped by capacity) less the load
 * of the fixed accounts, widened by the rule checker's tolerance so that the search accepts
 * exactly the loads the checker accepts.
 */
export function buildExactProblem(p: CompiledProblem, scope: ExactScope): ExactProblem {
  const { free, fixed } = scope;
  const fixedLoad = new Float64Array(p.m);
  const isFree = new Uint8Array(p.n);
  for (let i = 0; i < free.length; i++) isFree[free[i]] = 1;
  for (let a = 0; a < p.n; a++) if (!isFree[a] && fixed[a] >= 0) fixedLoad[fixed[a]] += p.workload[a];

  const start = new Int32Array(free.length + 1);
  const rep: number[] = [];
  const cost: number[] = [];
  const minutes: number[] = [];
  const hours: number[] = [];
  let uniformHours = true;
  const order: number[] = [];
  for (let i = 0; i < free.length; i++) {
    const a = free[i];
    const first = rep.length;
    for (let r = 0; r < p.m; r++) {
      if (scope.reps && !scope.reps[r]) continue;
      const locked = p.lockedRep[a];
      if (locked >= 0 && locked !== r) continue;
      if (locked < 0 && !p.compatible(r, a)) continue;
      const t = p.travel(r, a);
      if (locked < 0 && t > p.maxTravel[r] + RULE_TOLERANCE * Math.max(1, p.maxTravel[r])) continue;
      const h = accountHours(p, a, t);
      if (h !== p.workload[a]) uniformHours = false;
      rep.push(r);
      cost.push(p.workload[a] * t);
      minutes.push(t);
      hours.push(h);
    }
    // Cheapest arcs first: the search tries them first.
    order.length = 0;
    for (let e = first; e < rep.length; e++) order.push(e);
    order.sort((x, y) => cost[x] - cost[y] || rep[x] - rep[y]);
    const sorted = order.map((e) => [rep[e], cost[e], minutes[e], hours[e]]);
    sorted.forEach(([r, c, t, h], k) => {
      rep[first + k] = r;
      cost[first + k] = c;
      minutes[first + k] = t;
      hours[first + k] = h;
    });
    start[i + 1] = rep.length;
  }

  const { lower, upper } = repWindows(p, fixedLoad, p.balance);
  const arcRep = Int32Array.from(rep);
  const budgets = p.budgets.map((budget, k) => {
    const use = new Float64Array(arcRep.length);
    for (let i = 0; i < free.length; i++) {
      const a = free[i];
      const pref = p.currentRep[a];
      if (pref >= 0) for (let e = start[i]; e < start[i + 1]; e++) if (arcRep[e] !== pref) use[e] = budget.coef[a];
    }
    let spent = 0;
    for (let a = 0; a < p.n; a++) if (!isFree[a] && p.currentRep[a] >= 0 && fixed[a] !== p.currentRep[a]) spent += budget.coef[a];
    return { use, room: budget.limit - spent + RULE_TOLERANCE * Math.max(1, budget.limit), price: Math.max(0, scope.budgetPrices?.[k] ?? 0) };
  });
  return {
    account: Int32Array.from(free),
    m: p.m,
    start,
    rep: arcRep,
    cost: Float64Array.from(cost),
    minutes: Float64Array.from(minutes),
    hours: Float64Array.from(hours),
    lower,
    upper,
    uniformHours,
    budgets,
  };
}

/**
 * Each rep's window for a band of ±`balance` around its target (reps with a band of their own,
 * `bandWidth`, widened by as much as `balance` exceeds `p.balance`), capped by capacity, less
 * `fixedLoad`, widened by the rule checker's tolerance (so it admits exactly what the checker does).
 */
export function repWindows(p: CompiledProblem, fixedLoad: Float64Array, balance: number): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(p.m);
  const upper = new Float64Array(p.m);
  for (let r = 0; r < p.m; r++) {
    const width = bandWidth(p, r, balance - p.balance);
    const top = p.target[r] * (1 + width);
    const bottom = p.target[r] * (1 - width);
    upper[r] = Math.min(p.capacity[r] + slack(p.capacity[r]), top + slack(top)) - fixedLoad[r];
    lower[r] = bottom - slack(bottom) - fixedLoad[r];
  }
  return { lower, upper };
}

function slack(limit: number): number {
  return RULE_TOLERANCE * Math.max(1, Math.abs(limit));
}
