import type { CallPlanData } from "./call-plan-data.js";
import type { FreeAccounts } from "./pareto-knapsack.js";

/** An empty list of free accounts. */
export function noFreeAccounts(): FreeAccounts {
  return { account: [], levelStart: [0], visits: [], minutes: [], sales: [], best: [] };
}

/**
 * Adds local account k (account `a`) to `free` with the levels whose reduced cost
 * best − (sales − λ·minutes) is below `limit`, and level `keep` whatever its reduced cost
 * (−1: none). Returns how many levels it got.
 */
export function addLevels(data: CallPlanData, a: number, k: number, lambda: number, best: number, limit: number, keep: number, free: FreeAccounts): number {
  const { potential, minutes, cls, tables, tableStart, maxVisits } = data;
  const p = potential[a], t = minutes[a], price = lambda * t, ts = tableStart[cls[a]], top = maxVisits[cls[a]];
  const start = free.visits.length;
  for (let v = 0; v <= top; v++) {
    const sales = p * tables[ts + v];
    if (v === keep || best - (sales - price * v) < limit) {
      free.visits.push(v);
      free.minutes.push(t * v);
      free.sales.push(sales);
    }
  }
  free.account.push(k);
  free.levelStart.push(free.visits.length);
  free.best.push(best);
  return free.visits.length - start;
}

/** Drops the last account added to `free`. */
export function dropLast(free: FreeAccounts): void {
  free.account.pop();
  free.levelStart.pop();
  free.best.pop();
  const end = free.levelStart[free.levelStart.length - 1];
  free.visits.length = free.minutes.length = free.sales.length = end;
}
