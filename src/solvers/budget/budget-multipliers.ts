import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsage, setBudgetPrices, solveBudgetLp, type BudgetLp } from "./budget-lp.js";

/** Bisection stops when the bracket on a multiplier is this narrow (relative). */
const RELATIVE_WIDTH = 1e-3;
/** Bisection steps at most per multiplier and round; rounds of coordinate ascent at most. */
const MAX_STEPS = 30;
const MAX_ROUNDS = 6;
/** A multiplier this many times the cost scale that still leaves a budget broken: the LP cannot meet it. */
const MAX_SCALE = 1e9;

/** Where the multiplier search ended. */
export interface MultiplierSearch {
  /** δ per budget (objective units per unit of the budget's coefficient). */
  readonly delta: Float64Array;
  /** The LP kept every band (without that, no budget matters). */
  readonly bandsHeld: boolean;
  /** The LP at `delta` keeps every budget. */
  readonly met: boolean;
  /** LP solves done. */
  readonly solves: number;
}

/**
 * Finds Lagrangian multipliers δ ≥ 0 for the budgets (Σ coef over accounts off their preferred arc
 * ≤ limit) by coordinate bisection: for each broken budget, the smallest δ (to `RELATIVE_WIDTH`)
 * at which the LP keeps it, each LP warm-started from the last basis; rounds repeat while raising
 * one multiplier lets another budget break again. Usage only falls as a δ rises, so the LP is
 * left at a point that keeps every budget (`met`) unless none exists up to `MAX_SCALE`.
 */
export function searchMultipliers(blp: BudgetLp, p: CompiledProblem, limits: Float64Array, scale: Float64Array, stop: () => boolean): MultiplierSearch {
  const K = limits.length;
  const delta = new Float64Array(K);
  let solves = 0;
  const solveAt = (): Float64Array | null => {
    setBudgetPrices(blp, p, delta);
    solves++;
    return solveBudgetLp(blp, stop) ? budgetUsage(blp, p) : null;
  };
  const keeps = (used: Float64Array, k: number) => used[k] <= limits[k] + 1e-9 * Math.max(1, limits[k]);
  let used = solveAt();
  if (!used) return { delta, bandsHeld: false, met: false, solves };
  for (let round = 0; round < MAX_ROUNDS && !stop(); round++) {
    let broken = false;
    for (let k = 0; k < K; k++) {
      if (keeps(used!, k)) continue;
      broken = true;
      let lo = delta[k];
      let hi = Math.max(2 * lo, scale[k]);
      for (;;) {
        delta[k] = hi;
        used = solveAt()!;
        if (keeps(used, k) || stop()) break;
        lo = hi;
        hi *= 4;
        if (hi > MAX_SCALE * scale[k]) return { delta, bandsHeld: true, met: false, solves };
      }
      for (let step = 0; step < MAX_STEPS && hi - lo > RELATIVE_WIDTH * hi && !stop(); step++) {
        delta[k] = (lo + hi) / 2;
        used = solveAt()!;
        if (keeps(used, k)) hi = delta[k];
        else lo = delta[k];
      }
      if (delta[k] !== hi) {
        delta[k] = hi;
        used = solveAt()!;
      }
    }
    if (!broken) break;
  }
  let met = true;
  for (let k = 0; k < K; k++) if (!keeps(used!, k)) met = false;
  return { delta, bandsHeld: true, met, solves };
}
