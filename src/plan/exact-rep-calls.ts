import type { CallPlanData } from "./call-plan-data.js";
import { improveOnCore } from "./core-improve.js";
import type { GreedyOutcome } from "./hull-greedy.js";
import { solveKnapsack } from "./knapsack.js";
import { addLevels, dropLast, noFreeAccounts } from "./rep-levels.js";
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
  /** Accounts the exact stage re-planned: those the reduction left free, or the core when re-planning it closed the gap; 0 when the greedy was proven optimal outright. */
  readonly freeAccounts: number;
  /** Dynamic-programming states the proof took. */
  readonly states: number;
}

/** Accounts re-planned together to improve the greedy plan before the proof. */
const CORE_SIZE = 32;

/**
 * Finishes one rep exactly, from the greedy plan on the hulls. With λ the greedy's critical
 * value per minute, L(λ) = λ·capacity + Σ_k max_v (sales_k(v) − λ·minutes_k·v) bounds every
 * plan (Lagrangian relaxation of the rep's hours; at this λ it equals the LP bound of the hulls).
 * If the greedy is within 1e-9 of L, it is optimal. Otherwise the incumbent is first improved by
 * re-planning a small core of accounts exactly (`improveOnCore`), then the proof: a level v of
 * account k can only be in a better plan when its reduced cost max − (sales_k(v) − λ·minutes_k·v)
 * is below the gap L − incumbent; every other level is ruled out, accounts with one level left are
 * fixed, and the few left free (non-hull levels of S-shaped curves included) go to an exact
 * dynamic programme over minutes used (`solveKnapsack`), which either finds a better plan or
 * proves there is none.
 */
export function exactRepCalls(data: CallPlanData, accounts: Int32Array, capacity: number, greedy: GreedyOutcome, ws: RepWorkspace, maxStates: number): RepOutcome {
  const { potential, minutes, cls, tables, tableStart, maxVisits } = data;
  const lambda = greedy.lambda;
  const count = accounts.length;
  const { best, runnerUp, level } = ws;
  let lagrangian = lambda * capacity;
  for (let k = 0; k < count; k++) {
    const a = accounts[k];
    const p = potential[a], price = lambda * minutes[a], ts = tableStart[cls[a]], top = maxVisits[cls[a]];
    let first = -Infinity, second = -Infinity;
    for (let v = 0; v <= top; v++) {
      const x = p * tables[ts + v] - price * v;
      if (x > first) (second = first), (first = x);
      else if (x > second) second = x;
    }
    best[k] = first;
    // Accounts the greedy left off their best level come first in the core.
    const mine = p * tables[ts + level[k]] - price * level[k];
    runnerUp[k] = mine < first - 1e-12 * Math.abs(first) ? -1 : first - second;
    lagrangian += first;
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(lagrangian));
  const slack = 1e-9 * Math.max(1, capacity);
  let value = greedy.value, used = greedy.used, states = 0;
  const outcome = (proven: boolean, freeAccounts: number, bound: number): RepOutcome => ({ value, used, bound, greedyValue: greedy.value, proven, freeAccounts, states });
  if (lagrangian - value <= tolerance) return outcome(true, 0, Math.max(value, lagrangian));

  const core = improveOnCore(data, accounts, capacity, lambda, lagrangian - value, CORE_SIZE, slack, ws, maxStates);
  value += core.gain;
  used = core.used;
  states += core.states;
  const gap = lagrangian - value;
  if (gap <= tolerance) return outcome(true, Math.min(CORE_SIZE, count), Math.max(value, lagrangian));

  // Reduction: keep the levels whose reduced cost is below the gap; accounts left with one are fixed.
  const free = noFreeAccounts();
  let fixedMinutes = 0, fixedSales = 0;
  for (let k = 0; k < count; k++) {
    const a = accounts[k];
    if (addLevels(data, a, k, lambda, best[k], gap + tolerance, -1, free) > 1) {
      ws.fixed[k] = -1;
      continue;
    }
    const v = free.visits[free.visits.length - 1];
    dropLast(free);
    ws.fixed[k] = v;
    fixedMinutes += minutes[a] * v;
    fixedSales += potential[a] * tables[tableStart[cls[a]] + v];
  }
  const dp = solveKnapsack(free, capacity - fixedMinutes, slack, lambda, value - fixedSales + tolerance, maxStates);
  states += dp.states;
  if (!dp.complete) return outcome(false, free.account.length, lagrangian);
  if (dp.choice !== undefined) {
    for (let k = 0; k < count; k++) if (ws.fixed[k] >= 0) level[k] = ws.fixed[k];
    for (let f = 0; f < free.account.length; f++) level[free.account[f]] = dp.choice[f];
    used = 0;
    for (let k = 0; k < count; k++) used += minutes[accounts[k]] * level[k];
    value = fixedSales + dp.value;
  }
  return outcome(true, free.account.length, value);
}
