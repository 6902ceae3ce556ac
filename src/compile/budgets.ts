import type { ResolvedOptions } from "../model/defaults.js";

/**
 * A budget on leaving the preferred rep (`currentRep`): Σ `coef[a]` over the accounts whose rep in
 * the plan differs from their preferred one must stay ≤ `limit`. Accounts without a preferred rep
 * have coefficient 0. Compiled from `options.disruption`: `moves` (coefficient 1), `share` (the
 * account's workload; limit = share × the workload of accounts with a current rep) and `cost`
 * (the account's `moveCost`).
 */
export interface Budget {
  readonly kind: "moves" | "share" | "cost";
  /** Per account; length n. */
  readonly coef: Float64Array;
  readonly limit: number;
  /** The limit as the user gave it: `limit / scale` (the share for `share`). */
  readonly given: number;
  /** Σ coef / scale is the budget in the user's terms (the workload with a current rep for `share`, else 1). */
  readonly scale: number;
}

/** The budgets `options.disruption` asks for, over preferred reps `preferred` (−1: none). */
export function compileBudgets(options: ResolvedOptions, preferred: Int32Array, workload: Float64Array, moveCost: Float64Array): Budget[] {
  const { maxMoves, maxMovedShare, maxMoveCost } = options.disruption;
  const n = preferred.length;
  const budgets: Budget[] = [];
  const coefs = (value: (a: number) => number) => {
    const coef = new Float64Array(n);
    for (let a = 0; a < n; a++) if (preferred[a] >= 0) coef[a] = value(a);
    return coef;
  };
  if (maxMoves !== undefined) budgets.push({ kind: "moves", coef: coefs(() => 1), limit: maxMoves, given: maxMoves, scale: 1 });
  if (maxMovedShare !== undefined) {
    const coef = coefs((a) => workload[a]);
    let total = 0;
    for (let a = 0; a < n; a++) total += coef[a];
    budgets.push({ kind: "share", coef, limit: maxMovedShare * total, given: maxMovedShare, scale: total });
  }
  if (maxMoveCost !== undefined) budgets.push({ kind: "cost", coef: coefs((a) => moveCost[a]), limit: maxMoveCost, given: maxMoveCost, scale: 1 });
  return budgets;
}

/** Σ coef over the accounts that `assign` moves off their preferred rep (an unassigned account counts as moved). */
export function budgetUsed(budget: Budget, preferred: Int32Array, assign: Int32Array): number {
  let used = 0;
  for (let a = 0; a < preferred.length; a++) if (preferred[a] >= 0 && assign[a] !== preferred[a]) used += budget.coef[a];
  return used;
}
