import type { CallPlanData } from "./call-plan-data.js";
import type { GreedyOutcome } from "./hull-greedy.js";
import { paretoKnapsack, type FreeAccounts } from "./pareto-knapsack.js";
import type { RepWorkspace } from "./rep-workspace.js";

/** One rep's plan after the exact stage. */
export interface RepOutcome {
  /** Expected sales of the plan (levels in `ws.level`). */
  readonly value: number;
  /** Minutes it uses. */
  readonly used: number;
  /** Upper bound on the best possible expected sales (= value, up to 1e-9 relative, when proven). */
  readonly bound: number;
  /** Expected sales of the greedy plan on the hulls, the exact stage's start. */
  readonly greedyValue: number;
  /** Whether the plan is proven optimal. */
  readonly proven: boolean;
  /** Accounts left free by the reduction (0 when the greedy was proven optimal outright). */
  readonly freeAccounts: number;
  /** Dynamic-programming states the proof took. */
  readonly states: number;
}

/**
 * Finishes one rep exactly, from the greedy plan on the hulls. With λ the greedy's critical
 * value per minute, L(λ) = λ·capacity + Σ_k max_v (sales_k(v) − λ·minutes_k·v) bounds every
 * plan (Lagrangian relaxation of the rep's hours; at this λ it equals the LP bound of the hulls).
 * If the greedy is within 1e-9 of L, it is optimal. Otherwise a level v of account k can only be
 * in a better plan when its reduced cost max − (sales_k(v) − λ·minutes_k·v) is below the gap
 * L − greedy: every other level is ruled out, accounts with one level left are fixed, and the
 * few left free (usually a handful around the critical slope, non-hull levels of S-shaped curves
 * included) go to an exact dynamic programme over minutes used (`paretoKnapsack`).
 */
export function exactRepCalls(data: CallPlanData, accounts: Int32Array, capacity: number, greedy: GreedyOutcome, ws: RepWorkspace, maxStates: number): RepOutcome {
  const { potential, minutes, cls, tables, tableStart, maxVisits } = data;
  const lambda = greedy.lambda;
  const count = accounts.length;
  const best = ws.best;
  let lagrangian = lambda * capacity;
  for (let k = 0; k < count; k++) {
    const a = accounts[k];
    const p = potential[a], price = lambda * minutes[a], ts = tableStart[cls[a]], top = maxVisits[cls[a]];
    let g = -Infinity;
    for (let v = 0; v <= top; v++) g = Math.max(g, p * tables[ts + v] - price * v);
    best[k] = g;
    lagrangian += g;
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(lagrangian));
  const gap = lagrangian - greedy.value;
  const done = { value: greedy.value, used: greedy.used, greedyValue: greedy.value, freeAccounts: 0, states: 0 };
  if (gap <= tolerance) return { ...done, bound: Math.max(greedy.value, lagrangian), proven: true };

  // Reduction: keep the levels whose reduced cost is below the gap.
  const free: FreeAccounts = { account: [], levelStart: [0], visits: [], minutes: [], sales: [], best: [] };
  let fixedMinutes = 0, fixedSales = 0;
  for (let k = 0; k < count; k++) {
    const a = accounts[k];
    const p = potential[a], t = minutes[a], price = lambda * t, ts = tableStart[cls[a]], top = maxVisits[cls[a]];
    const start = free.visits.length;
    let fixedAt = -1;
    for (let v = 0; v <= top; v++) {
      const sales = p * tables[ts + v];
      if (best[k] - (sales - price * v) < gap + tolerance) {
        free.visits.push(v);
        free.minutes.push(t * v);
        free.sales.push(sales);
        fixedAt = v;
      }
    }
    if (free.visits.length - start === 1) {
      free.visits.length = free.minutes.length = free.sales.length = start;
      ws.fixed[k] = fixedAt;
      fixedMinutes += t * fixedAt;
      fixedSales += p * tables[ts + fixedAt];
    } else {
      ws.fixed[k] = -1;
      free.account.push(k);
      free.levelStart.push(free.visits.length);
      free.best.push(best[k]);
    }
  }
  const room = capacity - fixedMinutes;
  const slack = 1e-9 * Math.max(1, capacity);
  const dp = paretoKnapsack(free, room, slack, lambda, greedy.value - fixedSales + tolerance, maxStates);
  const result = { ...done, freeAccounts: free.account.length, states: dp.states };
  if (!dp.complete) return { ...result, bound: lagrangian, proven: false };
  if (dp.choice === undefined) return { ...result, bound: greedy.value, proven: true };
  let used = 0;
  for (let k = 0; k < count; k++) if (ws.fixed[k] >= 0) ws.level[k] = ws.fixed[k];
  for (let f = 0; f < free.account.length; f++) ws.level[free.account[f]] = dp.choice[f];
  for (let k = 0; k < count; k++) used += minutes[accounts[k]] * ws.level[k];
  const value = fixedSales + dp.value;
  return { ...result, value, used, bound: value, proven: true };
}
